"""A bilingual concept lexicon: French and English terms of the trade that mean the same thing.

Each line is ``concept | French phrases ; ... | English phrases ; ...``. Phrases are matched on stems
with stop words left out (see :class:`~maillage.engine.recommend.text.PhraseIndex`), so one singular form
is enough. The sector synonyms of ``sectors.json`` are concepts too (``sector:<slug>``); these are the
finer terms people write in what they offer and need. Written from the trade's vocabulary, not from the
benchmark's profiles.
"""

from __future__ import annotations

_TABLE = """
sensor | capteur ; sonde ; détecteur | sensor ; probe ; detector
connected_device | objet connecté ; appareil connecté ; dispositif connecté | connected device ; smart device ; connected object
wearable | objet portable ; vêtement intelligent ; montre connectée ; bracelet connecté | wearable ; smartwatch ; fitness tracker
gateway | passerelle | gateway
lpwan | LoRa ; LoRaWAN ; Sigfox ; réseau basse consommation | LoRa ; LoRaWAN ; Sigfox ; low-power network ; LPWAN
monitoring | surveillance ; suivi en temps réel ; télésurveillance ; supervision ; monitorage | monitoring ; real-time tracking ; remote monitoring ; supervision
tracking | géolocalisation ; traçabilité ; localisation en temps réel ; suivi des actifs | geolocation ; traceability ; asset tracking ; real-time location ; tracking
predictive_maintenance | maintenance prédictive ; entretien prédictif | predictive maintenance
digital_twin | jumeau numérique | digital twin
headset | casque ; lunettes intelligentes | headset ; smart glasses ; goggles
simulation | simulation ; simulateur | simulation ; simulator
training | formation ; former ; apprentissage ; perfectionnement ; requalification | training ; train ; upskilling ; reskilling ; learning
immersive | immersif ; immersion ; expérience immersive | immersive ; immersion
3d_model | modèle 3D ; modélisation ; maquette numérique ; jumeaux 3D | 3D model ; modelling ; modeling ; CAD ; 3D asset
visit | visite virtuelle ; visite | virtual tour ; tour ; walkthrough
museum | musée ; patrimoine ; exposition | museum ; heritage ; exhibition
usability | ergonomie ; utilisabilité ; facilité d'utilisation | usability ; ease of use
user_research | recherche utilisateur ; tests utilisateurs ; entretiens utilisateurs ; parcours utilisateur ; persona | user research ; user testing ; user interviews ; user journey ; persona
prototype | prototype ; maquette ; prototypage ; preuve de concept ; démonstrateur | prototype ; mockup ; wireframe ; prototyping ; proof of concept ; POC ; demonstrator
website | site web ; site internet ; site ; refonte de site ; vitrine web | website ; web site ; site ; website redesign
seo | référencement ; référencement naturel ; SEO ; visibilité en ligne | SEO ; search ranking ; online visibility ; search engine
advertising | publicité ; campagne publicitaire ; achat média ; annonce | advertising ; ad campaign ; ads ; media buying ; advert
social_media | réseaux sociaux ; médias sociaux ; community management ; gestion de communauté | social media ; social networks ; community management
content | contenu ; rédaction ; création de contenu ; stratégie de contenu | content ; copywriting ; content creation ; content strategy
lead_generation | génération de prospects ; prospection ; acquisition de clients ; génération de leads | lead generation ; prospecting ; customer acquisition ; leads ; pipeline
crm | CRM ; gestion de la relation client ; relation client | CRM ; customer relationship management ; customer relations
email | courriel ; infolettre ; courrier électronique ; publipostage | email ; e-mail ; newsletter ; mailing
brand | marque ; image de marque ; notoriété ; identité de marque | brand ; branding ; brand awareness ; brand identity
machine_learning | apprentissage automatique ; apprentissage machine ; modèle prédictif ; algorithme | machine learning ; predictive model ; algorithm ; ML
nlp | traitement du langage ; langage naturel ; analyse de texte ; traduction automatique | natural language ; NLP ; text analysis ; text mining ; machine translation
vision | vision par ordinateur ; reconnaissance d'images ; analyse d'images ; analyse vidéo ; vision artificielle | computer vision ; image recognition ; image analysis ; video analytics ; machine vision
chatbot | agent conversationnel ; robot conversationnel ; assistant virtuel ; clavardage | chatbot ; conversational agent ; virtual assistant ; chat
speech | reconnaissance vocale ; voix ; assistant vocal | speech recognition ; voice ; voice assistant
recommendation | recommandation ; personnalisation | recommendation ; personalisation ; personalization
forecasting | prévision ; prédiction ; anticipation de la demande | forecasting ; forecast ; prediction ; demand planning
optimisation | optimisation ; optimiser ; ordonnancement ; planification | optimisation ; optimization ; optimise ; optimize ; scheduling ; planning
dataset | jeu de données ; données d'entraînement ; corpus ; annotation de données | dataset ; data set ; training data ; corpus ; data labelling ; data labeling
patient | patient ; malade ; usager du réseau de la santé | patient
hospital | hôpital ; clinique ; établissement de santé ; centre hospitalier ; CHU ; CIUSSS ; CISSS ; soins | hospital ; clinic ; healthcare facility ; health system ; care ; healthcare
doctor | médecin ; clinicien ; professionnel de la santé ; infirmière ; soignant | physician ; doctor ; clinician ; health professional ; nurse ; caregiver
elderly | aînés ; personnes âgées ; résidence pour aînés ; maintien à domicile ; EHPAD ; RPA | seniors ; elderly ; older adults ; senior living ; ageing in place ; aging in place ; nursing home
diagnosis | diagnostic ; dépistage ; imagerie médicale | diagnosis ; diagnostics ; screening ; medical imaging
clinical_trial | essai clinique ; étude clinique ; validation clinique | clinical trial ; clinical study ; clinical validation
remote_care | téléconsultation ; télésoins ; soins à distance | teleconsultation ; virtual care ; remote care
mental_health | santé mentale ; stress | mental health ; wellbeing ; well-being ; stress
printing_3d | impression 3D ; imprimante 3D ; fabrication additive | 3D printing ; 3D printer ; additive manufacturing
metal | métal ; métallique ; alliage ; titane ; aluminium | metal ; alloy ; titanium ; aluminium ; aluminum
polymer | polymère ; plastique ; résine ; composite ; filament | polymer ; plastic ; resin ; composite ; filament
part | pièce ; pièces détachées ; composant ; pièces de rechange | part ; spare parts ; component ; replacement parts
machining | usinage ; machine-outil ; découpe ; soudage | machining ; machine tool ; cutting ; welding
pentest | test d'intrusion ; pentest ; audit de sécurité ; test de pénétration | penetration test ; pentest ; security audit ; ethical hacking
soc | centre des opérations de sécurité ; détection des menaces ; surveillance de sécurité ; SOC | security operations centre ; security operations center ; threat detection ; SOC ; managed detection
vulnerability | vulnérabilité ; faille ; correctif | vulnerability ; flaw ; patch
identity | identité numérique ; authentification ; gestion des accès ; authentification multifacteur | digital identity ; authentication ; access management ; multi-factor authentication ; MFA ; single sign-on
privacy | vie privée ; protection des renseignements personnels ; renseignements personnels ; données personnelles ; RGPD ; loi 25 | privacy ; personal information ; personal data ; GDPR ; data protection
compliance | conformité ; certification ; norme ; réglementation ; audit | compliance ; certification ; standard ; regulation ; audit ; ISO 27001 ; SOC 2
incident | incident ; cyberattaque ; rançongiciel ; intrusion ; fuite de données | incident ; cyberattack ; ransomware ; breach ; data leak
awareness | sensibilisation ; hameçonnage ; formation des employés | awareness ; phishing ; employee training
game | jeu ; jeux ; jeu vidéo ; jeu mobile | game ; games ; video game ; mobile game
game_engine | moteur de jeu ; Unity ; Unreal | game engine ; Unity ; Unreal
publisher | éditeur ; édition ; publication | publisher ; publishing
localisation | localisation ; traduction ; adaptation linguistique ; francisation | localisation ; localization ; translation ; language adaptation
voice_acting | doublage ; voix hors champ | dubbing ; voice-over ; voice acting
art | art ; illustration ; animation 2D ; animation 3D ; direction artistique ; artistes | art ; illustration ; 2D animation ; 3D animation ; art direction ; artists
qa_testing | assurance qualité ; tests logiciels ; contrôle qualité ; test de jeux | quality assurance ; QA ; software testing ; quality control ; game testing ; playtesting
payment | paiement ; terminal de paiement ; encaissement ; transaction ; porte-monnaie électronique | payment ; payment terminal ; checkout ; transaction ; wallet ; e-wallet
bank | banque ; caisse ; institution financière ; coopérative financière ; établissement bancaire | bank ; credit union ; financial institution ; banking
insurance | assurance ; assureur ; courtier | insurance ; insurer ; broker
fraud | fraude ; lutte contre la fraude ; blanchiment ; connaissance du client | fraud ; fraud detection ; anti-money laundering ; AML ; KYC ; know your customer
accounting | comptabilité ; facturation ; comptable ; fiscalité ; tenue de livres | accounting ; invoicing ; billing ; bookkeeping ; tax ; accountant
credit | crédit ; prêt ; microcrédit ; financement participatif | credit ; loan ; lending ; microcredit ; crowdfunding
funding | financement ; investissement ; capital de risque ; capital-risque ; levée de fonds ; amorçage ; série A ; fonds d'investissement ; investisseur ; capital | funding ; investment ; venture capital ; VC ; fundraising ; raise ; seed ; series A ; investment fund ; investor ; capital ; financing
angel | ange investisseur ; anges financiers ; business angels | angel investor ; business angel ; angels
grant | subvention ; aide publique ; crédit d'impôt ; programme d'aide ; appel à projets | grant ; subsidy ; public funding ; tax credit ; funding programme ; call for projects
school | école ; établissement scolaire ; commission scolaire ; centre de services scolaire ; enseignement ; collège ; cégep ; lycée | school ; school board ; schools ; K-12 ; college ; secondary school ; high school
university | université ; universitaire ; enseignement supérieur ; établissement d'enseignement | university ; universities ; higher education ; academic
teacher | enseignant ; professeur ; formateur ; pédagogue | teacher ; instructor ; trainer ; educator ; faculty
student | élève ; étudiant ; apprenant | student ; pupil ; learner
course | cours ; cours en ligne ; module de formation ; parcours de formation ; contenu pédagogique ; classe | course ; online course ; training module ; learning path ; curriculum ; courseware ; class
lms | plateforme d'apprentissage ; environnement numérique d'apprentissage ; LMS | learning management system ; LMS ; learning platform
online_store | boutique en ligne ; site marchand ; vente en ligne ; commerce en ligne ; cybercommerce | online store ; online shop ; webshop ; e-shop ; online sales ; storefront
marketplace | place de marché ; plateforme de vente | marketplace
retail | commerce de détail ; détaillant ; magasin ; commerçant ; point de vente ; épicerie | retail ; retailer ; store ; shop ; merchant ; point of sale ; grocery
fulfilment | logistique ; entrepôt ; préparation de commandes ; expédition ; livraison ; dernier kilomètre ; transporteur | logistics ; warehouse ; fulfilment ; fulfillment ; order picking ; shipping ; delivery ; last mile ; carrier
inventory | inventaire ; stock ; gestion des stocks ; approvisionnement ; chaîne d'approvisionnement | inventory ; stock ; stock management ; supply ; supply chain ; procurement
export | exportation ; export ; international ; marché international ; commerce international ; mondialisation ; à l'étranger | export ; exporting ; international ; international markets ; international trade ; abroad ; overseas
distribution | distribution ; distributeur ; revendeur ; réseau de distribution ; grossiste ; importateur ; canal de vente ; représentation commerciale ; agent commercial | distribution ; distributor ; reseller ; dealer ; distribution network ; wholesaler ; importer ; sales channel ; sales agent ; sales representation ; channel partner ; resell
market_entry | implantation ; s'implanter ; entrer sur le marché ; accès au marché ; développement commercial ; prospection commerciale ; conquérir | market entry ; expand ; expansion ; enter the market ; market access ; business development ; go-to-market
europe | Europe ; européen ; Union européenne ; France ; français ; Belgique ; belge | Europe ; European ; EU ; France ; French ; Belgium ; Belgian
north_america | Amérique du Nord ; Canada ; canadien ; Québec ; québécois ; États-Unis ; américain | North America ; North American ; Canada ; Canadian ; Quebec ; United States ; US ; USA ; American
hosting | hébergement ; hébergeur ; serveur ; centre de données | hosting ; host ; server ; data centre ; data center ; datacenter
cloud | infonuagique ; nuage ; cloud ; informatique en nuage ; nuagique | cloud ; cloud computing
sovereign | souverain ; souveraineté ; hébergé au Canada ; hébergé en France ; localisation des données | sovereign ; sovereignty ; data residency ; locally hosted
migration | migration ; migrer ; modernisation ; transformation numérique ; virage numérique | migration ; migrate ; modernisation ; modernization ; digital transformation ; legacy
backup | sauvegarde ; reprise après sinistre ; continuité des activités ; archivage | backup ; disaster recovery ; business continuity ; archiving
devops | DevOps ; intégration continue ; déploiement continu ; conteneur ; Kubernetes ; infrastructure | DevOps ; continuous integration ; continuous deployment ; CI/CD ; container ; Kubernetes ; infrastructure
api | API ; interface de programmation ; intégration ; interopérabilité ; connecteur | API ; APIs ; integration ; interoperability ; connector
dashboard | tableau de bord ; indicateurs ; rapports ; visualisation | dashboard ; KPI ; reporting ; reports ; visualisation ; visualization
analytics | analytique ; analyse de données ; intelligence d'affaires ; informatique décisionnelle ; exploitation des données | analytics ; data analysis ; business intelligence ; BI ; insights
data_platform | entrepôt de données ; lac de données ; pipeline de données ; ingénierie des données | data warehouse ; data lake ; data pipeline ; data engineering
open_data | données ouvertes | open data
software_dev | développement logiciel ; développement ; programmation ; développeurs ; codage ; logiciel sur mesure ; développement sur mesure | software development ; development ; programming ; developers ; coding ; custom software ; bespoke software
software | logiciel ; progiciel ; application ; SaaS ; logiciel-service | software ; application ; SaaS ; app
mobile_app | application mobile ; appli ; téléphone intelligent ; cellulaire ; iOS ; Android | mobile app ; mobile application ; smartphone ; cell phone ; iOS ; Android
erp | ERP ; PGI ; progiciel de gestion intégré ; gestion d'entreprise | ERP ; enterprise resource planning ; business management software
outsourcing | sous-traitance ; sous-traitant ; externalisation ; impartition ; délocalisation ; équipe dédiée ; nearshore | outsourcing ; subcontracting ; subcontractor ; offshore ; nearshore ; dedicated team ; staff augmentation
integration_partner | intégrateur ; intégration de systèmes ; déploiement ; mise en œuvre ; implantation de logiciels | integrator ; systems integration ; deployment ; implementation ; rollout
municipality | municipalité ; ville ; collectivité ; collectivité territoriale ; mairie ; métropole ; MRC ; commune | municipality ; city ; cities ; local government ; local authority ; town ; council ; metropolitan
lighting | éclairage ; lampadaire ; luminaire | lighting ; streetlight ; street light ; luminaire
parking | stationnement ; parking | parking
traffic | circulation ; trafic ; feux de circulation ; congestion | traffic ; traffic lights ; congestion
waste | déchets ; collecte des ordures ; recyclage ; matières résiduelles ; compostage | waste ; garbage collection ; recycling ; compost ; composting
water | eau ; eau potable ; eaux usées ; aqueduc ; réseau d'eau | water ; drinking water ; wastewater ; water network ; water utility
building | bâtiment ; immeuble ; édifice ; gestion technique du bâtiment ; immobilier ; construction | building ; buildings ; building management ; real estate ; property ; construction
citizen | citoyen ; résident ; population ; usager | citizen ; resident ; residents
energy | énergie ; électricité ; consommation énergétique ; efficacité énergétique ; sobriété énergétique | energy ; electricity ; energy consumption ; energy efficiency
solar | solaire ; photovoltaïque ; panneau solaire | solar ; photovoltaic ; PV ; solar panel
battery | batterie ; stockage d'énergie ; accumulateur ; pile | battery ; batteries ; energy storage
hydrogen | hydrogène ; pile à combustible | hydrogen ; fuel cell
carbon | carbone ; émissions ; gaz à effet de serre ; GES ; décarbonation ; empreinte carbone ; bilan carbone | carbon ; emissions ; greenhouse gas ; GHG ; decarbonisation ; decarbonization ; carbon footprint
heating | chauffage ; climatisation ; thermopompe ; pompe à chaleur ; géothermie | heating ; HVAC ; air conditioning ; heat pump ; geothermal
grid | réseau électrique ; distributeur d'électricité ; fournisseur d'énergie ; réseau intelligent | power grid ; grid ; utility ; utilities ; smart grid
farm | ferme ; exploitation agricole ; agriculteur ; producteur agricole ; éleveur ; agricole ; agriculture | farm ; farmer ; grower ; agricultural ; agriculture ; producer
greenhouse | serre ; culture en serre ; culture verticale ; hydroponie | greenhouse ; indoor farming ; vertical farming ; hydroponics
crop | récolte ; rendement ; semences ; sols ; irrigation | crop ; harvest ; yield ; seeds ; soil ; irrigation
livestock | élevage ; bétail ; troupeau ; vache laitière ; production laitière | livestock ; cattle ; herd ; dairy ; dairy farming
food | aliment ; alimentaire ; alimentation ; transformation alimentaire ; agroalimentaire ; boisson ; nourriture | food ; food processing ; agri-food ; beverage ; foods
restaurant | restaurant ; restauration ; cuisine ; traiteur | restaurant ; food service ; foodservice ; kitchen ; catering
vehicle | véhicule ; voiture ; autobus ; camion ; flotte ; automobile | vehicle ; car ; bus ; truck ; fleet ; automotive
electric_vehicle | véhicule électrique ; électrification ; borne de recharge ; recharge | electric vehicle ; EV ; electrification ; charging station ; charging
transit | transport collectif ; transport en commun ; société de transport ; autobus urbain ; transport public | public transit ; public transport ; transit agency ; transit
bike | vélo ; trottinette ; micromobilité ; vélopartage | bike ; bicycle ; scooter ; micromobility ; bike sharing
route | itinéraire ; optimisation des tournées ; tournées ; répartition | routing ; route optimisation ; route optimization ; dispatch
aerospace | aérospatiale ; aéronautique ; avion ; aéroport ; drone | aerospace ; aeronautics ; aircraft ; airport ; drone
video | vidéo ; production vidéo ; tournage ; film ; cinéma ; court métrage ; long métrage | video ; video production ; shooting ; film ; cinema ; movie ; feature film
vfx | effets visuels ; postproduction ; post-production ; trucage ; compositing | visual effects ; VFX ; post-production ; postproduction ; compositing
animation | animation ; film d'animation ; dessin animé | animation ; animated film ; cartoon
music | musique ; musical ; son ; audio ; conception sonore ; enregistrement | music ; musical ; sound ; audio ; sound design ; recording
broadcaster | diffuseur ; télédiffuseur ; chaîne de télévision ; radio ; plateforme de diffusion en continu ; diffusion en continu | broadcaster ; TV channel ; television network ; radio ; streaming platform ; streaming
podcast | balado ; baladodiffusion ; podcast | podcast ; podcasting
news | presse ; journal ; média d'information ; journalisme ; magazine | press ; newspaper ; news media ; journalism ; magazine
book | livre ; maison d'édition ; livre numérique ; livre audio | book ; publishing house ; e-book ; ebook ; audiobook
rights | droits d'auteur ; droits ; licence ; coproduction ; distribution de films | copyright ; rights ; licensing ; licence ; license ; co-production ; coproduction ; film distribution
ledger | chaîne de blocs ; registre distribué ; blockchain | blockchain ; distributed ledger ; ledger
smart_contract | contrat intelligent | smart contract
token | jeton ; cryptomonnaie ; cryptoactif ; NFT | token ; tokens ; cryptocurrency ; crypto asset ; NFT
certificate | certificat ; attestation ; authenticité ; preuve d'origine ; provenance | certificate ; credential ; authenticity ; proof of origin ; provenance
robot | robot ; robotique ; cobot ; bras robotisé ; robot collaboratif | robot ; robotics ; cobot ; robotic arm ; collaborative robot
automation | automatisation ; automatiser ; automate ; automatisé | automation ; automate ; automated ; PLC
factory | usine ; manufacturier ; fabricant ; atelier ; chaîne de production ; ligne de production ; production ; industriel | factory ; plant ; manufacturer ; manufacturing ; workshop ; shop floor ; production line ; assembly line ; production ; industrial
inspection | inspection ; contrôle visuel ; détection de défauts ; contrôle non destructif | inspection ; visual inspection ; defect detection ; non-destructive testing
mining | mine ; minier ; exploitation minière ; minéraux critiques | mine ; mining ; critical minerals
forestry | forêt ; forestier ; bois ; foresterie | forest ; forestry ; wood ; timber
network | réseau ; réseaux ; connectivité ; fibre ; fibre optique ; sans fil ; cellulaire | network ; networks ; connectivity ; fibre ; fiber ; optical fibre ; wireless ; cellular
5g | 5G ; réseau privé ; réseau mobile | 5G ; private network ; mobile network
satellite | satellite ; satellitaire ; spatial ; orbite | satellite ; space ; orbit
rural | rural ; régions éloignées ; zones rurales ; communautés éloignées ; nordique | rural ; remote areas ; remote communities ; rural areas ; northern
antenna | antenne ; radiofréquence | antenna ; radio frequency ; RF
recruitment | recrutement ; recruter ; embauche ; embaucher ; dotation ; chasse de têtes ; pénurie de main-d'œuvre | recruitment ; recruit ; recruiting ; hiring ; hire ; headhunting ; talent acquisition ; labour shortage ; labor shortage
talent | talent ; main-d'œuvre ; travailleurs ; candidats ; personnel ; employés ; ingénieurs | talent ; workforce ; workers ; candidates ; staff ; employees ; engineers
immigration | immigration ; mobilité internationale ; permis de travail ; travailleurs étrangers | immigration ; international mobility ; work permit ; foreign workers
payroll | paie ; rémunération ; avantages sociaux | payroll ; compensation ; benefits
onboarding | intégration des employés ; accueil des nouveaux employés ; rétention ; fidélisation des employés | onboarding ; employee onboarding ; retention ; employee retention
hotel | hôtel ; hôtellerie ; hébergement touristique ; gîte ; auberge ; camping | hotel ; hospitality ; lodging ; accommodation ; inn ; campground
booking | réservation ; billetterie ; billets | booking ; reservation ; ticketing ; tickets
tourist | touriste ; visiteur ; voyageur ; tourisme ; destination ; office de tourisme ; circuit | tourist ; visitor ; traveller ; traveler ; tourism ; destination ; destination marketing ; tour operator
event | événement ; festival ; salon ; congrès ; conférence ; foire | event ; events ; festival ; trade show ; convention ; conference ; fair
contract | contrat ; gestion des contrats ; rédaction de contrats ; entente | contract ; contract management ; contract drafting ; agreement
signature | signature électronique ; signature numérique | electronic signature ; e-signature ; digital signature
lawyer | avocat ; cabinet d'avocats ; notaire ; juriste ; cabinet juridique ; conseiller juridique | lawyer ; law firm ; attorney ; notary ; legal counsel ; counsel
ip | propriété intellectuelle ; brevet ; marque de commerce ; dépôt de marque | intellectual property ; patent ; trademark ; IP
document | document ; gestion documentaire ; dématérialisation ; numérisation de documents ; archives | document ; document management ; paperless ; document digitisation ; records
court | tribunal ; justice ; litige ; règlement des différends ; médiation | court ; justice ; litigation ; dispute resolution ; mediation
public_service | service public ; services aux citoyens ; administration publique ; ministère ; gouvernement ; organisme public | public service ; citizen services ; public administration ; ministry ; government ; public agency
procurement | appel d'offres ; marchés publics ; approvisionnement public | tender ; call for tenders ; public procurement ; RFP
participation | participation citoyenne ; consultation publique ; budget participatif ; vote | citizen participation ; public consultation ; participatory budget ; voting
accessibility | accessibilité ; handicap ; inclusion | accessibility ; disability ; inclusion ; accessible
graphic | graphisme ; design graphique ; conception graphique ; infographie ; mise en page | graphic design ; graphics ; layout ; infographics
packaging | emballage ; étiquette ; conditionnement | packaging ; label ; labels
industrial_design | design industriel ; design de produit ; conception de produit | industrial design ; product design
pcb | circuit imprimé ; carte électronique ; PCB ; assemblage électronique | printed circuit board ; PCB ; electronic board ; electronics assembly ; circuit board
chip | puce ; semi-conducteur ; microcontrôleur ; processeur ; FPGA | chip ; semiconductor ; microcontroller ; processor ; FPGA
firmware | micrologiciel ; logiciel embarqué ; firmware | firmware ; embedded software
embedded | embarqué ; système embarqué ; électronique embarquée | embedded ; embedded system ; embedded electronics
hardware | matériel ; équipement ; appareil ; dispositif | hardware ; equipment ; device ; devices
optics | optique ; photonique ; laser ; lidar | optics ; photonics ; laser ; lidar
battery_low_power | basse consommation ; faible consommation ; autonomie | low power ; low-power ; battery life
quantum | quantique ; calcul quantique ; ordinateur quantique | quantum ; quantum computing ; quantum computer
hpc | calcul haute performance ; calcul intensif ; supercalculateur ; GPU | high-performance computing ; HPC ; supercomputer ; GPU
research | recherche ; laboratoire ; centre de recherche ; chercheurs ; R-D ; recherche et développement ; recherche appliquée ; CCTT | research ; laboratory ; lab ; research centre ; research center ; researchers ; R&D ; applied research
innovation | innovation ; transfert technologique ; valorisation | innovation ; technology transfer ; commercialisation ; commercialization
pilot | projet pilote ; pilote ; banc d'essai ; vitrine technologique ; site d'essai ; expérimentation | pilot project ; pilot ; testbed ; test bed ; showcase ; trial ; field test
mentoring | mentorat ; mentor ; accompagnement ; coaching ; incubateur ; accélérateur ; conseils | mentoring ; mentor ; mentorship ; coaching ; advice ; advisory ; incubator ; accelerator ; guidance
consulting | conseil ; consultant ; cabinet-conseil ; firme-conseil ; expert-conseil | consulting ; consultant ; consultancy ; advisory firm
strategy | stratégie ; feuille de route ; plan d'affaires ; modèle d'affaires | strategy ; roadmap ; business plan ; business model
translation | traduction ; traducteur ; interprétation ; bilingue | translation ; translator ; interpreting ; bilingual
office | bureau ; bureaux ; locaux ; espace de travail ; cotravail ; pied-à-terre | office ; offices ; premises ; workspace ; coworking ; co-working ; soft landing
legal_entity | filiale ; établissement ; société locale ; incorporation | subsidiary ; branch ; local entity ; incorporation
sports | sport ; sportif ; athlète ; entraînement ; conditionnement physique | sport ; sports ; athlete ; fitness ; workout
fashion | vêtement ; textile ; habillement | fashion ; apparel ; clothing ; textile ; garment
luxury | luxe ; haut de gamme | luxury ; premium ; high-end
wine | vin ; viticulture ; vignoble ; domaine viticole ; cidre | wine ; viticulture ; vineyard ; winery ; cider
maple | érable ; sirop d'érable ; acériculture | maple ; maple syrup
sea | mer ; maritime ; portuaire ; port ; océan ; pêche ; aquaculture | sea ; maritime ; port ; ocean ; fishing ; fisheries ; aquaculture
security_physical | vidéosurveillance ; caméra de surveillance ; contrôle d'accès ; sécurité physique | video surveillance ; CCTV ; security camera ; access control ; physical security
customer_service | service à la clientèle ; centre d'appels ; centre de contacts ; support client ; soutien technique | customer service ; call centre ; call center ; contact centre ; contact center ; customer support ; technical support ; help desk
ecommerce_platform | Shopify ; WooCommerce ; Magento ; PrestaShop | Shopify ; WooCommerce ; Magento ; PrestaShop
wellness | bien-être ; santé au travail ; sommeil ; nutrition | wellness ; occupational health ; sleep ; nutrition
pharma | pharmaceutique ; médicament ; pharmacie ; biotechnologie ; sciences de la vie | pharmaceutical ; pharma ; drug ; pharmacy ; biotech ; biotechnology ; life sciences
"""


def concept_phrases() -> list[tuple[str, str, str]]:
    """(concept id, language, phrase) for every phrase of the lexicon."""
    phrases = []
    for line in _TABLE.strip().splitlines():
        concept, french, english = (part.strip() for part in line.split("|"))
        for language, cell in (("fr", french), ("en", english)):
            for phrase in cell.split(";"):
                if phrase.strip():
                    phrases.append((f"c:{concept}", language, phrase.strip()))
    return phrases
