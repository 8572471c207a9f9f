"""A realistic demo ecosystem: real organisations of the Québec–France digital corridors (short public
summaries written for the demo), plus generated ones to reach the size of a real network's directory.

Everything goes through the same import code as a user's spreadsheet, so loading twice changes nothing.
"""

import random
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from maillage.accounts.models import User
from maillage.common.tabular import Table

from .imports import ORGANISATION_COLUMNS, PERSON_COLUMNS, organisations_import, people_import
from .models import Corridor, Organisation, Person, Region
from .services import sectors_sync, sectors_taxonomy

DEMO_PASSWORD = "demo-maillage-2027"  # noqa: S105 - printed on purpose by the demo command
DEMO_ORGANISER = "organisatrice@demo.maillage.org"
DEMO_MEMBER = "membre@demo.maillage.org"

REGIONS = [
    ("ca-capitale-nationale", "Capitale-Nationale", "CA", ["Québec", "Lévis", "Saint-Augustin-de-Desmaures"]),
    ("ca-montreal", "Montréal", "CA", ["Montréal"]),
    ("fr-nouvelle-aquitaine", "Nouvelle-Aquitaine", "FR", ["Bordeaux", "Pessac", "La Rochelle"]),
    ("fr-pays-de-la-loire", "Pays de la Loire", "FR", ["Nantes", "Angers", "Saint-Nazaire"]),
    ("fr-occitanie", "Occitanie", "FR", ["Toulouse", "Labège", "Montpellier"]),
    ("fr-provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur", "FR", ["Marseille", "Aix-en-Provence"]),
    ("fr-bretagne", "Bretagne", "FR", ["Rennes", "Brest", "Lannion"]),
    ("fr-ile-de-france", "Île-de-France", "FR", ["Paris"]),
    ("be-wallonie", "Wallonie", "BE", ["Liège", "Namur", "Mons", "Charleroi"]),
]

CORRIDORS = [
    ("ca-capitale-nationale", "fr-nouvelle-aquitaine", "Québec–Bordeaux", 1996),
    ("ca-capitale-nationale", "fr-pays-de-la-loire", "Québec–Nantes", 2008),
    ("ca-capitale-nationale", "fr-bretagne", "Québec–Rennes", 2012),
    ("ca-capitale-nationale", "be-wallonie", "Québec–Wallonie", 2010),
    ("ca-capitale-nationale", "fr-occitanie", "Québec–Toulouse", 2016),
]


def _org(slug, name, kind, city, region, country, sectors, fr, en, offers, needs, website="", size=""):
    return {
        "slug": slug,
        "name": name,
        "kind": kind,
        "city": city,
        "region": region,
        "country": country,
        "website": website,
        "description_fr": fr,
        "description_en": en,
        "sectors": ";".join(sectors),
        "offers": offers,
        "needs": needs,
        "size": size,
        "founded": "",
    }


QC, CN = "CA", "Capitale-Nationale"
REAL_ORGANISATIONS = [
    _org(
        "quebec-numerique",
        "Québec numérique",
        "cluster",
        "Québec",
        CN,
        QC,
        ["software", "web-marketing"],
        "Organisme à but non lucratif qui fédère et fait rayonner l'écosystème numérique de la région de Québec : événements, missions à l'étranger et maillage entre entreprises.",
        "Non-profit that brings together and promotes the digital ecosystem of the Québec City region: events, trade missions abroad and business networking.",
        "Organisation de missions commerciales en France et en Belgique, événements numériques, mise en relation d'entreprises",
        "Partenaires européens pour accueillir nos délégations, commanditaires pour la semaine numérique",
        "https://quebecnumerique.com",
        "10-49",
    ),
    _org(
        "web-a-quebec",
        "Web à Québec (WAQ)",
        "event_organiser",
        "Québec",
        CN,
        QC,
        ["web-marketing", "ux-design"],
        "Le plus grand événement numérique francophone en Amérique du Nord : conférences, ateliers et activités grand public pendant une semaine.",
        "The largest French-speaking digital event in North America: talks, workshops and public activities over a week.",
        "Conférences sur le web, le design et le marketing numérique, visibilité auprès de 15 000 visiteurs",
        "International speakers, sponsors and exhibitors for the conference",
        "https://webaquebec.org",
        "10-49",
    ),
    _org(
        "libeo",
        "LIBEO",
        "company",
        "Québec",
        CN,
        QC,
        ["fintech", "software"],
        "Jeune pousse québécoise qui simplifie le paiement des factures entre entreprises.",
        "Québec start-up that simplifies invoice payments between businesses.",
        "Plateforme de paiement de factures pour PME, intégration aux logiciels comptables",
        "Distribution partners in France, banking partners for European payments",
        "https://libeo.io",
        "50-249",
    ),
    _org(
        "le-camp",
        "Le Camp",
        "incubator",
        "Québec",
        CN,
        QC,
        ["software", "ai"],
        "Incubateur-accélérateur d'entreprises technologiques de la région de Québec.",
        "Incubator and accelerator for technology companies in the Québec City region.",
        "Accompagnement de jeunes pousses technologiques, espace de travail, réseau de mentors",
        "Soft-landing partners in France for our start-ups, investors",
        "https://lecampquebec.com",
        "10-49",
    ),
    _org(
        "universite-laval",
        "Université Laval",
        "university",
        "Québec",
        CN,
        QC,
        ["ai", "e-health", "data"],
        "Première université francophone d'Amérique, centre de recherche reconnu en intelligence artificielle, optique-photonique et santé.",
        "The first French-language university in North America, a research centre known for AI, optics-photonics and health.",
        "Recherche en intelligence artificielle, transfert technologique, stagiaires et diplômés",
        "Industrial research partners, European university partnerships",
        "https://www.ulaval.ca",
        "250+",
    ),
    _org(
        "quebec-international",
        "Québec International",
        "public_body",
        "Québec",
        CN,
        QC,
        ["smart-city"],
        "Agence de développement économique de la région de Québec : attraction d'investissements, de talents et accompagnement à l'export.",
        "Economic development agency of the Québec City region: attracting investment and talent, export support.",
        "Accompagnement à l'implantation d'entreprises étrangères, aide à l'export, recrutement international",
        "Companies looking to settle in North America",
        "https://www.quebecinternational.ca",
        "50-249",
    ),
    _org(
        "technocentre-tic",
        "TechnoCentre TIC",
        "cluster",
        "Québec",
        CN,
        QC,
        ["software", "telecoms"],
        "Technopole régionale qui soutient le développement des entreprises des technologies de l'information.",
        "Regional technology hub supporting the growth of information technology companies.",
        "Veille technologique, projets collaboratifs entre entreprises TIC",
        "Entreprises partenaires pour projets de R-D",
        "",
        "10-49",
    ),
    _org(
        "ofqj",
        "Office franco-québécois pour la jeunesse (OFQJ)",
        "public_body",
        "Montréal",
        "Montréal",
        QC,
        ["edtech"],
        "Organisme franco-québécois qui soutient la mobilité des jeunes professionnels entre la France et le Québec.",
        "Franco-Québec body supporting the mobility of young professionals between France and Québec.",
        "Financement de la mobilité de jeunes entrepreneurs dans les missions France-Québec",
        "Entreprises d'accueil pour stages et missions",
        "https://www.ofqj.org",
        "10-49",
    ),
    _org(
        "pixel-quebec",
        "Pixel Québec",
        "cluster",
        "Québec",
        CN,
        QC,
        ["video-games", "vr-ar", "media-creative"],
        "Regroupement des entreprises de la création numérique de la région de Québec : jeux vidéo, effets visuels, réalité virtuelle.",
        "Association of digital creation companies of the Québec City region: video games, visual effects, virtual reality.",
        "Studios de jeux vidéo et de réalité virtuelle, talents en création numérique",
        "Co-production partners and publishers in Europe",
        "",
        "10-49",
    ),
    _org(
        "la-french-tech-bordeaux",
        "La French Tech Bordeaux",
        "cluster",
        "Bordeaux",
        "Nouvelle-Aquitaine",
        "FR",
        ["software", "e-health", "cleantech"],
        "Communauté des start-up et acteurs de l'innovation de Bordeaux et de la Gironde.",
        "Community of start-ups and innovation players in Bordeaux and Gironde.",
        "Accueil de délégations, mise en relation avec les start-up bordelaises",
        "Partenaires nord-américains pour l'internationalisation de nos start-up",
        "https://www.frenchtechbordeaux.com",
        "1-9",
    ),
    _org(
        "creative-valley",
        "Creative Valley",
        "incubator",
        "Paris",
        "Île-de-France",
        "FR",
        ["software", "media-creative"],
        "Réseau d'incubateurs qui accompagne des entrepreneurs de tous horizons dans les industries créatives et le numérique.",
        "Network of incubators supporting entrepreneurs from all backgrounds in creative industries and digital.",
        "Incubation, programmes d'accélération, ateliers",
        "Partenaires internationaux pour nos programmes",
        "",
        "10-49",
    ),
    _org(
        "numa",
        "NUMA",
        "incubator",
        "Paris",
        "Île-de-France",
        "FR",
        ["software", "ai"],
        "Accélérateur d'innovation parisien, pionnier des espaces collaboratifs pour start-up.",
        "Paris innovation accelerator, a pioneer of collaborative spaces for start-ups.",
        "Programmes d'accélération et d'innovation ouverte avec de grands groupes",
        "Start-ups internationales",
        "",
        "10-49",
    ),
    _org(
        "boreal-innovation",
        "Boréal Innovation",
        "company",
        "Marseille",
        "Provence-Alpes-Côte d'Azur",
        "FR",
        ["software", "ux-design"],
        "Société marseillaise d'accompagnement à l'innovation et de développement de produits numériques.",
        "Marseille company supporting innovation and developing digital products.",
        "Conception de produits numériques, ateliers d'innovation",
        "Clients au Québec, partenaires technologiques",
        "",
        "1-9",
    ),
    _org(
        "incubateur-belle-de-mai",
        "Incubateur Belle de Mai",
        "incubator",
        "Marseille",
        "Provence-Alpes-Côte d'Azur",
        "FR",
        ["media-creative", "software", "video-games"],
        "Incubateur marseillais de start-up du numérique et des industries culturelles et créatives.",
        "Marseille incubator for digital and creative-industry start-ups.",
        "Incubation de jeunes pousses numériques et culturelles",
        "Partenaires pour l'accueil de start-up à Québec",
        "",
        "1-9",
    ),
    _org(
        "iot-valley",
        "IoT Valley",
        "cluster",
        "Labège",
        "Occitanie",
        "FR",
        ["iot", "electronics"],
        "Écosystème d'entreprises de l'internet des objets près de Toulouse, qui accompagne start-up et grands groupes.",
        "Internet of Things business ecosystem near Toulouse, supporting start-ups and large companies.",
        "Accélération de start-up de l'internet des objets, réseau d'experts en objets connectés",
        "North American pilots and distributors for our IoT start-ups",
        "",
        "10-49",
    ),
    _org(
        "cite-de-l-objet-connecte",
        "Cité de l'objet connecté",
        "cluster",
        "Angers",
        "Pays de la Loire",
        "FR",
        ["iot", "industry-4", "electronics"],
        "Plateforme industrielle d'Angers pour concevoir, prototyper et industrialiser des objets connectés.",
        "Industrial platform in Angers to design, prototype and manufacture connected objects.",
        "Prototypage et industrialisation d'objets connectés, petites séries",
        "Start-up ayant un projet d'objet connecté",
        "",
        "10-49",
    ),
    _org(
        "wise-factory",
        "Wise'Factory",
        "incubator",
        "Angers",
        "Pays de la Loire",
        "FR",
        ["iot"],
        "Accélérateur angevin dédié aux start-up de l'internet des objets.",
        "Angers accelerator dedicated to Internet of Things start-ups.",
        "Programme d'accélération pour start-up IoT",
        "Partenaires internationaux, investisseurs",
        "",
        "1-9",
    ),
    _org(
        "web2day",
        "Web2day",
        "event_organiser",
        "Nantes",
        "Pays de la Loire",
        "FR",
        ["web-marketing", "software"],
        "Festival nantais du numérique : trois jours de conférences, de rencontres et de fête.",
        "Nantes digital festival: three days of talks, meetings and celebration.",
        "Conférences, scène pour jeunes pousses, visibilité",
        "Intervenants et délégations du Québec",
        "https://web2day.co",
        "1-9",
    ),
    _org(
        "la-melee-numerique",
        "La Mêlée numérique",
        "event_organiser",
        "Toulouse",
        "Occitanie",
        "FR",
        ["software", "ai"],
        "Association toulousaine qui anime l'écosystème numérique d'Occitanie et organise son grand rendez-vous annuel.",
        "Toulouse association that drives the Occitanie digital ecosystem and runs its yearly flagship event.",
        "Événements numériques, réseau d'entreprises d'Occitanie",
        "Délégations internationales",
        "",
        "10-49",
    ),
    _org(
        "thingz",
        "Thingz",
        "company",
        "Toulouse",
        "Occitanie",
        "FR",
        ["edtech", "electronics", "iot"],
        "Jeune pousse qui conçoit des kits électroniques pour apprendre la programmation et les objets connectés.",
        "Start-up designing electronic kits to learn programming and connected objects.",
        "Kits pédagogiques d'électronique et de programmation pour les écoles",
        "Distributeurs scolaires au Canada",
        "",
        "10-49",
    ),
    _org(
        "eyelights",
        "Eyelights",
        "company",
        "Toulouse",
        "Occitanie",
        "FR",
        ["vr-ar", "mobility"],
        "Jeune pousse qui projette la navigation en réalité augmentée dans le champ de vision des motards et des conducteurs.",
        "Start-up projecting augmented-reality navigation into the field of view of motorcyclists and drivers.",
        "Affichage tête haute en réalité augmentée pour casques et véhicules",
        "Distributors of motorcycle equipment in North America",
        "",
        "10-49",
    ),
    _org(
        "drust",
        "Drust",
        "company",
        "Marseille",
        "Provence-Alpes-Côte d'Azur",
        "FR",
        ["mobility", "iot", "data"],
        "Jeune pousse qui transforme les données des véhicules en conseils de conduite et d'entretien.",
        "Start-up turning vehicle data into driving and maintenance advice.",
        "Boîtier connecté et application d'analyse de la conduite",
        "Partenaires assureurs et constructeurs au Québec",
        "",
        "10-49",
    ),
    _org(
        "familink",
        "Familink",
        "company",
        "Toulouse",
        "Occitanie",
        "FR",
        ["iot", "e-health"],
        "Cadre photo connecté qui permet aux familles de partager des photos avec leurs aînés.",
        "Connected photo frame that lets families share pictures with their elderly relatives.",
        "Cadre photo connecté simple pour les aînés",
        "Distributeurs et résidences pour aînés au Québec",
        "",
        "10-49",
    ),
]

KIND_WEIGHTS = [
    ("company", 62),
    ("incubator", 7),
    ("cooperative", 4),
    ("cluster", 5),
    ("public_body", 5),
    ("investor", 6),
    ("university", 4),
    ("media", 3),
    ("event_organiser", 4),
]
REGION_WEIGHTS = [
    ("Capitale-Nationale", "CA", 38),
    ("Montréal", "CA", 8),
    ("Nouvelle-Aquitaine", "FR", 10),
    ("Pays de la Loire", "FR", 10),
    ("Occitanie", "FR", 9),
    ("Provence-Alpes-Côte d'Azur", "FR", 7),
    ("Bretagne", "FR", 8),
    ("Île-de-France", "FR", 4),
    ("Wallonie", "BE", 6),
]

# What companies of a sector offer and seek, in the language the company writes in.
SECTOR_PHRASES = {
    "iot": (
        ("Conception de capteurs pour objets connectés", "IoT sensor design and firmware"),
        ("Intégrateurs pour déployer nos capteurs", "Manufacturing partner for connected devices"),
    ),
    "vr-ar": (
        ("Expériences immersives en réalité virtuelle", "Augmented reality apps for training"),
        ("Diffuseurs de contenus immersifs", "Museums and brands for VR experiences"),
    ),
    "ux-design": (
        ("Recherche utilisateur et design d'interfaces", "UX audits and product design"),
        ("Clients ayant un produit numérique à repenser", "Agencies needing design capacity"),
    ),
    "web-marketing": (
        ("Référencement et campagnes de publicité en ligne", "Growth marketing and SEO"),
        ("PME qui veulent vendre en ligne", "Clients entering the French market"),
    ),
    "ai": (
        ("Modèles d'apprentissage automatique sur mesure", "Computer vision and machine learning models"),
        ("Données annotées et partenaires industriels", "Pilot customers in manufacturing"),
    ),
    "e-health": (
        ("Télésurveillance des patients à domicile", "Remote patient monitoring platform"),
        ("Établissements de santé pour des projets pilotes", "Hospital partners for clinical pilots"),
    ),
    "3d-printing": (
        ("Impression 3D de pièces techniques", "Additive manufacturing of metal parts"),
        ("Industriels pour du prototypage rapide", "Industrial clients for rapid prototyping"),
    ),
    "cybersecurity": (
        ("Tests d'intrusion et audits de sécurité", "Security monitoring for SMEs"),
        ("Revendeurs de solutions de sécurité", "Managed service providers as resellers"),
    ),
    "video-games": (
        ("Développement de jeux vidéo indépendants", "Game art and animation outsourcing"),
        ("Éditeurs pour nos jeux", "Co-development studios"),
    ),
    "fintech": (
        ("Paiement mobile et portefeuille électronique", "Invoice financing platform"),
        ("Banques partenaires en Europe", "Investors for our seed round"),
    ),
    "edtech": (
        ("Plateforme d'apprentissage en ligne", "Adaptive learning software for schools"),
        ("Commissions scolaires et écoles", "School districts as pilot customers"),
    ),
    "e-commerce": (
        ("Boutiques en ligne clés en main", "Headless e-commerce integration"),
        ("Commerçants qui veulent vendre à l'international", "Logistics partners in Europe"),
    ),
    "cloud": (
        ("Hébergement infonuagique souverain", "Managed Kubernetes hosting"),
        ("Éditeurs de logiciels à héberger", "Data centre partners in Europe"),
    ),
    "data": (
        ("Tableaux de bord et analyse de données", "Data engineering and analytics"),
        ("Entreprises qui veulent valoriser leurs données", "Retailers with customer data"),
    ),
    "software": (
        ("Développement d'applications web sur mesure", "Custom software development"),
        ("Clients en France pour nos services", "Nearshore development partners"),
    ),
    "mobile-apps": (
        ("Applications mobiles iOS et Android", "Cross-platform mobile app development"),
        ("Marques qui veulent une application", "Start-ups needing a mobile MVP"),
    ),
    "smart-city": (
        ("Capteurs urbains et gestion du stationnement", "Smart lighting for municipalities"),
        ("Municipalités pour des projets pilotes", "City partners for pilot projects"),
    ),
    "cleantech": (
        ("Optimisation de la consommation d'énergie des bâtiments", "Energy monitoring for buildings"),
        ("Gestionnaires immobiliers", "Utilities as distribution partners"),
    ),
    "agritech": (
        ("Suivi des cultures par drone", "Farm management software"),
        ("Coopératives agricoles", "Food processors for traceability pilots"),
    ),
    "mobility": (
        ("Gestion de flottes de véhicules", "Mobility-as-a-service platform"),
        ("Sociétés de transport", "Transit agencies"),
    ),
    "media-creative": (
        ("Production de contenus vidéo et balados", "Digital storytelling and video production"),
        ("Diffuseurs et plateformes", "Co-producers in Québec"),
    ),
    "blockchain": (
        ("Traçabilité par chaîne de blocs", "Blockchain traceability for supply chains"),
        ("Industriels soucieux de traçabilité", "Pilot partners in agri-food"),
    ),
    "robotics": (
        ("Robots collaboratifs pour l'entrepôt", "Autonomous mobile robots"),
        ("Entrepôts et manufacturiers", "Distributors of industrial equipment"),
    ),
    "telecoms": (
        ("Réseaux privés LTE et 5G", "Private LTE and 5G networks"),
        ("Sites industriels à connecter", "Integrators for industrial sites"),
    ),
    "hr-tech": (
        ("Logiciel de recrutement", "Employee engagement platform"),
        ("PME en pénurie de main-d'œuvre", "HR consultancies as resellers"),
    ),
    "tourism-tech": (
        ("Billetterie et réservation en ligne", "Visitor experience apps"),
        ("Offices de tourisme et festivals", "Festivals and attractions"),
    ),
    "legaltech": (
        ("Automatisation de documents juridiques", "Contract analysis software"),
        ("Cabinets d'avocats", "Law firms for pilots"),
    ),
    "govtech": (
        ("Services numériques pour les villes", "Citizen engagement platform"),
        ("Organismes publics", "Public bodies in Europe"),
    ),
    "digital-design": (
        ("Identité visuelle et design numérique", "Motion design and branding"),
        ("Agences partenaires", "Clients for creative projects"),
    ),
    "electronics": (
        ("Conception de cartes électroniques embarquées", "Embedded systems and PCB design"),
        ("Fabricants en petite série", "Contract manufacturers"),
    ),
    "industry-4": (
        ("Jumeaux numériques pour l'usine", "Predictive maintenance for factories"),
        ("Manufacturiers à moderniser", "Manufacturers for pilots"),
    ),
    "quantum": (
        ("Algorithmes d'optimisation quantique", "Quantum-inspired optimisation"),
        ("Partenaires de recherche", "Research partners and investors"),
    ),
}

NAME_STEMS = [
    "Nova",
    "Boréal",
    "Lumi",
    "Hexa",
    "Cap",
    "Stella",
    "Axio",
    "Mira",
    "Orbi",
    "Terra",
    "Kiné",
    "Opti",
    "Vox",
    "Alto",
    "Sigma",
    "Flux",
    "Iris",
    "Polar",
    "Zénith",
    "Atlas",
    "Nordik",
    "Océa",
    "Velo",
    "Quanta",
]
NAME_ENDS = [
    "Labs",
    "Tech",
    "Numérique",
    "Solutions",
    "Studio",
    "Systèmes",
    "Data",
    "Logic",
    "Works",
    "Connect",
    "Innovation",
    "Design",
    "Digital",
    "IA",
    "Cloud",
    "Médias",
]
FIRST_NAMES = [
    "Marie",
    "Jean",
    "Sophie",
    "Mathieu",
    "Julie",
    "Olivier",
    "Camille",
    "Nicolas",
    "Émilie",
    "Louis",
    "Chloé",
    "Gabriel",
    "Léa",
    "Samuel",
    "Florence",
    "Étienne",
    "Amélie",
    "Maxime",
    "Catherine",
    "Félix",
    "Noémie",
    "Antoine",
    "Sarah",
    "Vincent",
    "Laurence",
    "Hugo",
    "Inès",
    "Karim",
    "Fatou",
    "Benoît",
    "Mélanie",
    "Thomas",
    "Geneviève",
    "Alexandre",
    "Isabelle",
    "Yannick",
    "Manon",
    "Rémi",
    "Aurélie",
    "Luc",
]
LAST_NAMES = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèbvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Rousseau",
    "Vincent",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Mercier",
    "Janssens",
    "Peeters",
    "Maes",
    "Diallo",
    "Nguyen",
]
ROLES = [
    "Président-directeur général",
    "Cofondatrice",
    "Directeur technique",
    "Responsable des partenariats",
    "Chargée de développement international",
    "Chief Executive Officer",
    "Business developer",
    "Directrice marketing",
    "Product manager",
    "Chargé de projets",
    "Head of sales",
    "Conseillère à l'export",
]


@dataclass
class DemoResult:
    organisations: int
    people: int


SECTOR_NAMES = {entry["slug"]: (entry["fr"], entry["en"]) for entry in sectors_taxonomy()}


def _generated_organisations(rng: random.Random, count: int, taken: set[str]) -> list[dict]:
    regions = {name: cities for _slug, name, _c, cities in REGIONS}
    sectors = list(SECTOR_PHRASES)
    rows = []
    while len(rows) < count:
        name = f"{rng.choice(NAME_STEMS)}{rng.choice(['', ' '])}{rng.choice(NAME_ENDS)}"
        slug = slugify(name)
        if slug in taken:  # a directory of thousands needs more names than stems and endings make
            name = f"{name} {len(rows) + 1}"
            slug = slugify(name)
        taken.add(slug)
        kind = rng.choices([k for k, _ in KIND_WEIGHTS], [w for _, w in KIND_WEIGHTS])[0]
        region, country, _w = rng.choices(REGION_WEIGHTS, [w for *_x, w in REGION_WEIGHTS])[0]
        main = rng.sample(sectors, rng.choice([1, 1, 2, 3]))
        writes_english = (country == "CA" and rng.random() < 0.35) or rng.random() < 0.1
        offers = "; ".join(SECTOR_PHRASES[s][0][1 if writes_english else 0] for s in main)
        needs = SECTOR_PHRASES[main[0]][1][1 if writes_english else 0]
        city = rng.choice(regions[region])
        fr_names = ", ".join(SECTOR_NAMES[s][0].lower() for s in main)
        en_names = ", ".join(SECTOR_NAMES[s][1].lower() for s in main)
        rows.append(
            _org(
                slug,
                name,
                kind,
                city,
                region,
                country,
                main,
                f"{name} est une organisation de {city} : {fr_names}. {offers}.",
                f"{name} is an organisation based in {city}: {en_names}. {offers}.",
                offers,
                needs,
                f"https://{slug}.example",
                rng.choice(["1-9", "10-49", "10-49", "50-249", "250+"]),
            )
        )
    return rows


def _people(rng: random.Random, organisations: list[dict], count: int) -> list[dict]:
    rows, emails = [], set()
    for index in range(count):
        org = (
            organisations[index % len(organisations)]
            if index < len(organisations)
            else rng.choice(organisations)
        )
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{slugify(first)}.{slugify(last)}@{org['slug']}.example"
        if email in emails:
            email = f"{slugify(first)}.{slugify(last)}{index}@{org['slug']}.example"
        emails.add(email)
        languages = ["fr", "en"] if org["country"] == "CA" or rng.random() < 0.4 else ["fr"]
        rows.append(
            {
                "email": email,
                "first_name": first,
                "last_name": last,
                "role": rng.choice(ROLES),
                "organisation": org["slug"],
                "languages": ";".join(languages),
                "phone": f"+1 418 555 {rng.randrange(1000, 9999)}"
                if org["country"] == "CA"
                else f"+33 6 {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
                "is_listed": "yes" if rng.random() < 0.85 else "no",
                "bio": "",
            }
        )
    return rows


@transaction.atomic
def demo_load(*, organisations: int = 300, people: int = 800, seed: int = 2027) -> DemoResult:
    rng = random.Random(seed)
    sectors_sync()
    for slug, name, country, _cities in REGIONS:
        Region.objects.update_or_create(slug=slug, defaults={"name": name, "country": country})
    for a, b, name, since in CORRIDORS:
        Corridor.objects.update_or_create(
            region_a=Region.objects.get(slug=a),
            region_b=Region.objects.get(slug=b),
            defaults={"name": name, "since": since},
        )
    rows = list(REAL_ORGANISATIONS)
    rows += _generated_organisations(rng, organisations - len(rows), {r["slug"] for r in rows})
    organisations_import(Table(header=ORGANISATION_COLUMNS, rows=list(rows)), new_regions=True)
    person_rows = _people(rng, rows, people)
    people_import(Table(header=PERSON_COLUMNS, rows=list(person_rows)))
    _demo_accounts()
    return DemoResult(organisations=len(rows), people=len(person_rows))


def _demo_accounts() -> None:
    accounts = [
        (
            DEMO_ORGANISER,
            "Geneviève Lavoie",
            User.Role.ORGANISER,
            "quebec-numerique",
            "Chargée de missions internationales",
        ),
        (DEMO_MEMBER, "Mathieu Côté", User.Role.MEMBER, "libeo", "Responsable des partenariats"),
    ]
    for email, name, role, org_slug, job in accounts:
        user, created = User.objects.get_or_create(email=email, defaults={"name": name, "role": role})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        first, last = name.split(" ", 1)
        person, created = Person.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "role": job,
                "organisation": Organisation.objects.get(slug=org_slug),
                "languages": ["fr", "en"],
                "phone": "+1 418 555 0100",
                "user": user,
            },
        )
        if not created and person.user_id != user.pk:
            person.user = user
            person.save(update_fields=["user", "updated"])
