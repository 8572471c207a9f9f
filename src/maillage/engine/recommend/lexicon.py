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
monitoring | surveillance ; surveiller ; suivi en temps réel ; télésurveillance ; supervision ; monitorage ; mesure ; mesurer ; mesurage | monitoring ; monitor ; real-time tracking ; remote monitoring ; supervision ; watch ; measure ; measurement ; metering
tracking | géolocalisation ; traçabilité ; localisation en temps réel ; suivi des actifs | geolocation ; traceability ; asset tracking ; real-time location ; tracking
predictive_maintenance | maintenance prédictive ; entretien prédictif | predictive maintenance
digital_twin | jumeau numérique | digital twin
headset | casque ; lunettes intelligentes | headset ; smart glasses ; goggles
simulation | simulation ; simulateur | simulation ; simulator
training | formation ; former ; apprentissage ; perfectionnement ; requalification ; apprendre ; enseigner | training ; train ; upskilling ; reskilling ; learning ; learn ; teach
immersive | immersif ; immersion ; expérience immersive | immersive ; immersion
3d_model | modèle 3D ; modélisation ; maquette numérique ; jumeaux 3D | 3D model ; modelling ; modeling ; CAD ; 3D asset
visit | visite virtuelle ; visite ; visiteur | virtual tour ; tour ; walkthrough ; visitor
museum | musée ; patrimoine ; patrimonial ; château ; site historique ; histoire ; exposition | museum ; heritage ; castle ; historic site ; history ; exhibition
usability | ergonomie ; utilisabilité ; facilité d'utilisation | usability ; ease of use
user_research | recherche utilisateur ; tests utilisateurs ; entretiens utilisateurs ; parcours utilisateur ; persona | user research ; user testing ; user interviews ; user journey ; persona
prototype | prototype ; maquette ; prototypage ; preuve de concept ; démonstrateur | prototype ; mockup ; wireframe ; prototyping ; proof of concept ; POC ; demonstrator
website | site web ; site internet ; refonte de site ; vitrine web | website ; web site ; website redesign
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
patient | patient ; usager du réseau de la santé | patient
hospital | hôpital ; clinique ; établissement de santé ; centre hospitalier ; CHU ; CIUSSS ; CISSS ; soins | hospital ; clinic ; healthcare facility ; health system ; care ; healthcare
doctor | médecin ; clinicien ; professionnel de la santé ; infirmière ; soignant | physician ; doctor ; clinician ; health professional ; nurse ; caregiver
elderly | aînés ; personnes âgées ; résidence pour aînés ; maintien à domicile ; EHPAD ; RPA ; âgés ; clients âgés | seniors ; elderly ; older adults ; senior living ; ageing in place ; aging in place ; nursing home ; older ; older customers
diagnosis | diagnostic ; dépistage ; imagerie médicale | diagnosis ; diagnostics ; screening ; medical imaging
clinical_trial | essai clinique ; étude clinique ; validation clinique | clinical trial ; clinical study ; clinical validation
remote_care | téléconsultation ; télésoins ; soins à distance | teleconsultation ; virtual care ; remote care
mental_health | santé mentale ; stress ; psychologue ; psychologie ; thérapie ; psychothérapie ; thérapeute | mental health ; wellbeing ; well-being ; stress ; psychologist ; psychology ; therapy ; therapist ; psychotherapy
printing_3d | impression 3D ; imprimante 3D ; fabrication additive | 3D printing ; 3D printer ; additive manufacturing
metal | métal ; métallique ; alliage ; titane ; aluminium | metal ; alloy ; titanium ; aluminium ; aluminum
polymer | polymère ; plastique ; résine ; composite | polymer ; plastic ; resin ; composite ; filament
part | pièce ; pièces détachées ; composant ; pièces de rechange | part ; spare parts ; component ; replacement parts
machining | usinage ; machine-outil ; découpe ; soudage | machining ; machine tool ; welding
pentest | test d'intrusion ; pentest ; audit de sécurité ; évaluation de la sécurité ; test de pénétration | penetration test ; pentest ; security audit ; security assessment ; ethical hacking
soc | centre des opérations de sécurité ; détection des menaces ; surveillance de sécurité ; SOC | security operations centre ; security operations center ; threat detection ; SOC ; managed detection
vulnerability | vulnérabilité ; faille ; correctif | vulnerability ; flaw ; patch
identity | identité numérique ; authentification ; gestion des accès ; authentification multifacteur | digital identity ; authentication ; access management ; multi-factor authentication ; MFA ; single sign-on
privacy | vie privée ; protection des renseignements personnels ; renseignements personnels ; données personnelles ; RGPD ; loi 25 | privacy ; personal information ; personal data ; GDPR ; data protection
compliance | conformité ; certification ; norme ; réglementation ; audit | compliance ; certification ; standard ; regulation ; audit ; ISO 27001 ; SOC 2
incident | incident ; cyberattaque ; rançongiciel ; intrusion ; fuite de données | incident ; cyberattack ; ransomware ; breach ; data leak
awareness | sensibilisation ; hameçonnage ; formation des employés ; courriel frauduleux ; courriels frauduleux ; arnaque | awareness ; phishing ; employee training ; scam emails ; fraudulent emails ; scam
game | jeu ; jeux ; jeu vidéo ; jeu mobile | game ; games ; video game ; mobile game
game_engine | moteur de jeu ; Unity ; Unreal | game engine ; Unity ; Unreal
publisher | éditeur ; édition ; publication | publisher ; publishing
localisation | localisation ; traduction ; adaptation linguistique ; francisation | localisation ; localization ; translation ; language adaptation
voice_acting | doublage ; voix hors champ | dubbing ; voice-over ; voice acting
art | art ; illustration ; animation 2D ; animation 3D ; direction artistique ; artistes | art ; illustration ; 2D animation ; 3D animation ; art direction ; artists
qa_testing | assurance qualité ; tests logiciels ; contrôle qualité ; test de jeux | quality assurance ; QA ; software testing ; quality control ; game testing ; playtesting
payment | paiement ; terminal de paiement ; encaissement ; transaction ; porte-monnaie électronique | payment ; payment terminal ; checkout ; transaction ; wallet ; e-wallet
bank | banque ; caisse ; institution financière ; coopérative financière ; établissement bancaire | bank ; credit union ; financial institution ; banking
insurance | =assurance ; =assurances ; assureur ; courtier ; mutuelle ; mutuelle santé ; complémentaire santé | insurance ; insurer ; broker ; health insurer ; mutual insurer ; health insurance
fraud | fraude ; lutte contre la fraude ; blanchiment ; connaissance du client | fraud ; fraud detection ; anti-money laundering ; AML ; KYC ; know your customer
accounting | comptabilité ; facturation ; comptable ; fiscalité ; tenue de livres | accounting ; invoicing ; bookkeeping ; tax ; accountant
credit | crédit ; prêt ; microcrédit ; financement participatif | credit ; loan ; lending ; microcredit ; crowdfunding
funding | financement ; investissement ; capital de risque ; capital-risque ; levée de fonds ; lever des fonds ; ronde de financement ; première ronde ; amorçage ; série A ; fonds d'investissement ; investisseur ; capital | funding ; investment ; venture capital ; VC ; fundraising ; raise ; funding round ; first round ; seed ; series A ; investment fund ; investor ; capital ; financing
angel | ange investisseur ; anges financiers ; business angels | angel investor ; business angel ; angels
grant | subvention ; aide publique ; crédit d'impôt ; programme d'aide ; appel à projets | grant ; subsidy ; public funding ; tax credit ; funding programme ; call for projects
school | école ; établissement scolaire ; commission scolaire ; centre de services scolaire ; enseignement ; collège ; cégep ; lycée | school ; school board ; schools ; K-12 ; college ; secondary school ; high school
university | université ; universitaire ; enseignement supérieur ; établissement d'enseignement | university ; universities ; higher education ; academic
teacher | enseignant ; professeur ; formateur ; pédagogue | teacher ; instructor ; trainer ; educator ; faculty
student | ==élève ; ==élèves ; étudiant ; apprenant | student ; pupil ; learner
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
software_dev | développement logiciel ; développement informatique ; développement web ; =programmation ; programmeur ; programmeurs ; développeurs ; codage ; logiciel sur mesure ; développement sur mesure | software development ; web development ; app development ; =programming ; programmer ; programmers ; developers ; coding ; custom software ; bespoke software
software | logiciel ; progiciel ; application ; SaaS ; logiciel-service | software ; application ; SaaS ; app
mobile_app | application mobile ; appli ; téléphone ; téléphone intelligent ; cellulaire ; iOS ; Android | mobile app ; mobile application ; smartphone ; phone ; cell phone ; iOS ; Android
erp | ERP ; PGI ; progiciel de gestion intégré ; gestion d'entreprise | ERP ; enterprise resource planning ; business management software
outsourcing | sous-traitance ; sous-traitant ; externalisation ; impartition ; délocalisation ; équipe dédiée ; nearshore | outsourcing ; subcontracting ; subcontractor ; offshore ; nearshore ; dedicated team ; staff augmentation
integration_partner | intégrateur ; intégration de systèmes ; déploiement ; mise en œuvre ; implantation de logiciels | integrator ; systems integration ; deployment ; implementation ; rollout
municipality | municipalité ; ville ; collectivité ; collectivité territoriale ; mairie ; métropole ; MRC ; commune | municipality ; city ; cities ; local government ; local authority ; town ; council ; metropolitan
lighting | éclairage ; lampadaire ; luminaire ; =DEL ; éclairage DEL | lighting ; streetlight ; street light ; luminaire ; LED ; LED lighting ; grow lights
parking | stationnement ; parking | parking
traffic | circulation ; trafic ; feux de circulation ; congestion | traffic ; traffic lights ; congestion
waste | déchets ; collecte des ordures ; recyclage ; matières résiduelles ; compostage | waste ; garbage collection ; recycling ; compost ; composting
water | eau ; eau potable ; eaux usées ; aqueduc ; réseau d'eau | water ; drinking water ; wastewater ; water network ; water utility
building | bâtiment ; immeuble ; édifice ; gestion technique du bâtiment ; immobilier ; construction | building ; buildings ; building management ; real estate ; property ; construction
citizen | citoyen ; résident ; population ; usager | citizen ; resident ; residents
energy | énergie ; électricité ; consommation énergétique ; efficacité énergétique ; sobriété énergétique | energy ; electricity ; energy consumption ; energy efficiency
solar | solaire ; photovoltaïque ; panneau solaire | solar ; photovoltaic ; PV ; solar panel
battery | batterie ; stockage d'énergie ; stocker l'énergie ; stocker l'électricité ; accumulateur ; pile | battery ; batteries ; energy storage
hydrogen | hydrogène ; pile à combustible | hydrogen ; fuel cell
carbon | carbone ; émissions ; gaz à effet de serre ; GES ; décarbonation ; empreinte carbone ; bilan carbone | carbon ; emissions ; greenhouse gas ; GHG ; decarbonisation ; decarbonization ; carbon footprint
heating | chauffage ; climatisation ; thermopompe ; pompe à chaleur ; géothermie | space heating ; heating system ; HVAC ; air conditioning ; heat pump ; geothermal
grid | réseau électrique ; distributeur d'électricité ; fournisseur d'énergie ; réseau intelligent | power grid ; grid ; utility ; utilities ; smart grid
farm | ferme ; exploitation agricole ; maraîcher ; exploitation maraîchère ; agriculteur ; producteur agricole ; éleveur ; agricole ; agriculture | farm ; farmer ; market garden ; vegetable farm ; grower ; agricultural ; agriculture ; producer
greenhouse | serre ; culture en serre ; culture verticale ; hydroponie ; ferme verticale ; ferme intérieure ; serriste | greenhouse ; indoor farming ; vertical farming ; hydroponics ; indoor farm ; vertical farm
crop | récolte ; rendement ; semences ; sols ; irrigation | crop ; harvest ; yield ; soil ; irrigation
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
rights | droits d'auteur ; licence ; coproduction ; distribution de films ; droits d'image ; droits de diffusion | copyright ; licensing ; licence ; license ; co-production ; coproduction ; film distribution ; image rights ; broadcast rights
ledger | chaîne de blocs ; registre distribué ; blockchain | blockchain ; distributed ledger ; ledger
smart_contract | contrat intelligent | smart contract
token | jeton ; cryptomonnaie ; cryptoactif ; NFT | token ; tokens ; cryptocurrency ; crypto asset ; NFT
certificate | certificat ; attestation ; authenticité ; preuve d'origine ; provenance | certificate ; credential ; authenticity ; proof of origin ; provenance
robot | robot ; robotique ; cobot ; bras robotisé ; robot collaboratif | robot ; robotics ; cobot ; robotic arm ; collaborative robot
automation | automatisation ; automatiser ; automate ; automatisé | automation ; automate ; automated ; PLC
factory | usine ; manufacturier ; fabricant ; atelier ; chaîne de production ; ligne de production ; industriel | factory ; manufacturing plant ; manufacturer ; manufacturing ; workshop ; shop floor ; production line ; assembly line ; industrial
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
event | événement ; festival ; salon ; congrès ; conférence ; foire ; tournoi ; compétition | event ; events ; festival ; trade show ; convention ; conference ; fair ; tournament ; competition
contract | contrat ; gestion des contrats ; rédaction de contrats ; entente | contract ; contract management ; contract drafting ; agreement
signature | signature électronique ; signature numérique | electronic signature ; e-signature ; digital signature
lawyer | avocat ; cabinet d'avocats ; notaire ; juriste ; cabinet juridique ; conseiller juridique | lawyer ; law firm ; attorney ; notary ; legal counsel ; counsel
ip | propriété intellectuelle ; brevet ; marque de commerce ; dépôt de marque | intellectual property ; patent ; trademark ; IP
document | document ; gestion documentaire ; dématérialisation ; numérisation de documents ; archives | document ; document management ; paperless ; document digitisation ; records
court | tribunal ; justice ; litige ; règlement des différends ; médiation | court ; justice ; litigation ; dispute resolution ; mediation
public_service | service public ; services aux citoyens ; administration publique ; ministère ; gouvernement ; organisme public | public service ; citizen services ; public administration ; ministry ; government ; public agency
procurement | appel d'offres ; marchés publics ; approvisionnement public | tender ; call for tenders ; public procurement ; RFP
participation | participation citoyenne ; consultation publique ; budget participatif ; vote | citizen participation ; public consultation ; participatory budget ; voting
accessibility | accessibilité ; handicap ; inclusion ; accessibilité numérique ; personnes handicapées ; malvoyants ; aveugles | accessibility ; disability ; inclusion ; accessible ; digital accessibility ; disabled people ; visually impaired ; blind ; WCAG
graphic | graphisme ; design graphique ; conception graphique ; infographie ; mise en page | graphic design ; graphics ; layout ; infographics
packaging | emballage ; étiquette ; conditionnement ; palettisation ; fin de ligne | packaging ; packing ; label ; labels ; palletising ; palletizing ; end-of-line
industrial_design | design industriel ; design de produit ; conception de produit | industrial design ; product design
pcb | circuit imprimé ; carte électronique ; PCB ; assemblage électronique | printed circuit board ; PCB ; electronic board ; electronics assembly ; circuit board
chip | puce ; semi-conducteur ; microcontrôleur ; FPGA | chip ; semiconductor ; microcontroller ; FPGA
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
customer_service | service à la clientèle ; centre d'appels ; centre de contacts ; support client ; soutien technique ; questions des clients ; demandes des clients | customer service ; call centre ; call center ; contact centre ; contact center ; customer support ; technical support ; help desk ; customer questions ; customer inquiries ; customer enquiries
ecommerce_platform | Shopify ; WooCommerce ; Magento ; PrestaShop | Shopify ; WooCommerce ; Magento ; PrestaShop
wellness | bien-être ; santé au travail ; sommeil ; nutrition | wellness ; occupational health ; sleep ; nutrition
sorting | tri ; trier ; centre de tri ; tri sélectif | sort ; sorting ; sorting facility ; materials recovery facility
health | santé ; soins de santé | health ; healthcare
interface | écran ; interface ; interface utilisateur | screen ; interface ; user interface ; UI
bilingual | bilingue ; deux langues ; en français et en anglais | bilingual ; two languages ; in French and English
law | droit ; juridique ; barreau ; avocats | law ; legal ; bar association ; lawyers
sponsorship | commandite ; commanditaire ; parrainage ; mécénat | sponsor ; sponsorship ; sponsors
security | sécurité ; sécuriser ; protéger ; protection | security ; secure ; protect ; protection
always_on | en permanence ; permanent ; en continu ; 24 heures sur 24 ; 24/7 | around the clock ; 24/7 ; continuous ; round-the-clock
climate | humidité ; température ; qualité de l'air ; climat intérieur | humidity ; temperature ; air quality ; indoor climate
dairy | lait ; laitier ; laitière ; vache ; vache laitière ; fromage ; fromagerie ; yogourt ; yaourt | milk ; dairy ; cow ; dairy cow ; cheese ; yogurt
illness | maladie ; malade ; pathologie ; maladie chronique | illness ; disease ; sick ; chronic disease
alert | alerte ; détecter ; détection précoce ; avertissement ; prévenir | alert ; warning ; early warning ; detect ; detection
loss | perte ; pertes ; gaspillage ; gaspillage alimentaire ; invendus | loss ; losses ; waste ; food waste ; shrinkage ; unsold
produce | fruits et légumes ; produits frais ; légumes ; fruits | fresh produce ; fruit and vegetables ; vegetables ; fruit ; produce
sales | vente ; ventes ; chiffre d'affaires | sales ; revenue ; turnover
spreadsheet | tableur ; chiffrier ; Excel | spreadsheet ; Excel
contract_manufacturing | façonnier ; façonnage ; à façon ; fabrication à façon ; sous-traitance de production ; marque blanche ; marque privée | co-packer ; co-packing ; contract manufacturing ; contract manufacturer ; toll manufacturing ; white label ; private label
project_management | gestion de projet ; gestion de projets ; chargé de projet ; chargée de projet ; gestionnaire de projet | project management ; project manager
trade_mission | mission commerciale ; mission économique ; mission d'affaires ; délégation commerciale | trade mission ; business mission ; trade delegation
cluster | grappe industrielle ; créneau d'excellence ; pôle de compétitivité ; chambre de commerce | industry cluster ; business cluster ; cluster ; chamber of commerce ; board of trade
turnkey | clé en main ; clés en main | turnkey ; turn-key
joint_venture | coentreprise ; alliance stratégique | joint venture ; strategic alliance
succession | relève entrepreneuriale ; repreneuriat ; transmission d'entreprise ; transfert d'entreprise ; repreneur | business succession ; succession planning ; business transfer ; business buyer
receivables | recouvrement ; affacturage ; comptes clients ; comptes fournisseurs | debt collection ; factoring ; accounts receivable ; accounts payable
survey | sondage ; enquête ; questionnaire ; étude de marché ; veille concurrentielle | survey ; poll ; questionnaire ; market research ; market study ; competitive intelligence
quote | soumission ; soumissions ; devis ; soumissionner | quote ; quotation ; quotes ; bid ; bidding ; estimate
tech_support | soutien technique ; assistance technique ; dépannage ; service après-vente ; centre d'assistance | technical support ; tech support ; troubleshooting ; after-sales service ; helpdesk ; help desk
materials | matériaux ; matières premières ; cuivre ; béton ; bois d'œuvre ; intrants | materials ; raw materials ; copper ; concrete ; lumber ; inputs
moulding | moulage ; moule ; moules ; injection plastique ; fonderie ; forge ; estampage ; tôlerie ; emboutissage | moulding ; molding ; mould ; mold ; injection molding ; foundry ; casting ; forging ; stamping ; sheet metal
oem | équipementier ; donneur d'ordres ; donneurs d'ordres ; fabricant d'équipement d'origine | OEM ; original equipment manufacturer ; prime contractor ; tier 1 supplier
brewery | brasserie ; microbrasserie ; distillerie ; spiritueux ; boulangerie ; pâtisserie ; boucherie ; charcuterie | brewery ; microbrewery ; distillery ; spirits ; bakery ; pastry ; butcher ; deli
organic | biologique ; agriculture biologique ; certifié biologique ; produits biologiques | organic ; organic farming ; certified organic ; organic products
cold_chain | chaîne du froid ; congélation ; surgelé ; surgelés ; entreposage frigorifique ; réfrigération | cold chain ; freezing ; frozen ; cold storage ; refrigeration
freight | fret ; camionnage ; transitaire ; transport routier ; transport de marchandises ; transport maritime ; conteneur | freight ; trucking ; freight forwarder ; road transport ; freight transport ; shipping container ; container shipping
caregiver | proche aidant ; proches aidants ; aidant naturel ; aidants naturels | family caregiver ; informal caregiver ; caregivers
remote_work | télétravail ; travail hybride ; travail à distance | remote work ; telework ; teleworking ; hybrid work ; work from home
wind | éolien ; éolienne ; éoliennes ; parc éolien | wind power ; wind turbine ; wind turbines ; wind farm
bioenergy | biomasse ; biogaz ; biométhane ; gaz naturel renouvelable ; biocarburant | biomass ; biogas ; biomethane ; renewable natural gas ; biofuel
hydro | hydroélectricité ; hydroélectrique ; centrale hydroélectrique | hydropower ; hydroelectricity ; hydroelectric
shared_mobility | covoiturage ; autopartage ; navette ; traversier ; transport adapté | carpooling ; ridesharing ; car sharing ; carsharing ; shuttle ; ferry ; paratransit
cryptography | cryptographie ; chiffrement ; chiffrer ; crypter ; cryptographique | cryptography ; encryption ; encrypt ; cryptographic
malware | logiciel malveillant ; logiciels malveillants ; pare-feu ; antivirus ; mot de passe | malware ; firewall ; antivirus ; password
customer_experience | expérience client ; parcours client ; satisfaction des clients | customer experience ; CX ; customer journey ; customer satisfaction
portal | portail ; extranet ; intranet ; espace client | portal ; extranet ; intranet ; customer portal
subtitles | sous-titrage ; sous-titres ; transcription ; audiodescription ; transcrire | subtitling ; subtitles ; captioning ; captions ; transcription ; audio description ; transcribe
paper | papier ; carton ; papeterie ; pâtes et papiers | paper ; cardboard ; stationery ; pulp and paper
approval | homologation ; marquage CE ; approbation réglementaire ; homologuer | type approval ; CE marking ; regulatory approval ; homologation
feasibility | étude de faisabilité ; faisabilité ; étude de préfaisabilité | feasibility study ; feasibility ; pre-feasibility
b2b | interentreprises ; =B2B | business-to-business ; B2B
scaling | mise à l'échelle ; passage à l'échelle ; à grande échelle | scaling ; scale-up ; scale up ; at scale
daycare | garderie ; CPE ; service de garde ; petite enfance | daycare ; childcare ; early childhood
trades | isolation ; plomberie ; électricien ; menuiserie ; ébénisterie ; toiture ; maçonnerie | insulation ; plumbing ; electrician ; carpentry ; cabinetmaking ; roofing ; masonry
spam | pourriel ; pourriels ; =polluriel | spam
file_transfer | téléverser ; téléversement ; télécharger ; téléchargement | upload ; download
lease | bail ; baux ; crédit-bail | lease ; leases ; leasing
material_handling | manutention ; chariot élévateur ; quai de chargement ; palette ; palettes | material handling ; materials handling ; forklift ; loading dock ; pallet ; pallets
labelling | étiquetage ; code-barres ; code à barres ; RFID | labelling ; labeling ; barcode ; bar code ; RFID
exhibitor | exposant ; exposants ; kiosque ; stand | exhibitor ; exhibitors ; booth ; stand
call_for_proposals | appel de propositions ; appel à propositions ; appel à candidatures ; appel de candidatures | call for proposals ; call for applications
co_development | codéveloppement ; co-développement ; cocréation ; co-création | co-development ; codevelopment ; co-creation ; cocreation
foot_traffic | achalandage ; magasinage ; fréquentation | foot traffic ; footfall ; shopping ; attendance
pharma | pharmaceutique ; médicament ; pharmacie ; biotechnologie ; sciences de la vie | pharmaceutical ; pharma ; drug ; pharmacy ; biotech ; biotechnology ; life sciences
"""

# A concept found in a text also says a little about the sector it is in: "capteur" is IoT.
PARENT_SECTORS = {
    "sensor": "iot",
    "connected_device": "iot",
    "wearable": "iot",
    "gateway": "iot",
    "lpwan": "iot",
    "headset": "vr-ar",
    "immersive": "vr-ar",
    "training": "edtech",
    "course": "edtech",
    "lms": "edtech",
    "school": "edtech",
    "teacher": "edtech",
    "student": "edtech",
    "usability": "ux-design",
    "user_research": "ux-design",
    "seo": "web-marketing",
    "advertising": "web-marketing",
    "social_media": "web-marketing",
    "lead_generation": "web-marketing",
    "machine_learning": "ai",
    "nlp": "ai",
    "vision": "ai",
    "chatbot": "ai",
    "speech": "ai",
    "patient": "e-health",
    "hospital": "e-health",
    "doctor": "e-health",
    "remote_care": "e-health",
    "diagnosis": "e-health",
    "clinical_trial": "e-health",
    "printing_3d": "3d-printing",
    "pentest": "cybersecurity",
    "soc": "cybersecurity",
    "vulnerability": "cybersecurity",
    "identity": "cybersecurity",
    "incident": "cybersecurity",
    "game": "video-games",
    "game_engine": "video-games",
    "payment": "fintech",
    "bank": "fintech",
    "insurance": "fintech",
    "fraud": "fintech",
    "credit": "fintech",
    "online_store": "e-commerce",
    "marketplace": "e-commerce",
    "ecommerce_platform": "e-commerce",
    "hosting": "cloud",
    "cloud": "cloud",
    "devops": "cloud",
    "analytics": "data",
    "data_platform": "data",
    "dashboard": "data",
    "software_dev": "software",
    "erp": "software",
    "mobile_app": "mobile-apps",
    "lighting": "smart-city",
    "parking": "smart-city",
    "traffic": "smart-city",
    "energy": "cleantech",
    "solar": "cleantech",
    "battery": "cleantech",
    "carbon": "cleantech",
    "farm": "agritech",
    "greenhouse": "agritech",
    "crop": "agritech",
    "livestock": "agritech",
    "dairy": "agritech",
    "food": "agritech",
    "vehicle": "mobility",
    "electric_vehicle": "mobility",
    "transit": "mobility",
    "route": "mobility",
    "fulfilment": "mobility",
    "video": "media-creative",
    "vfx": "media-creative",
    "animation": "media-creative",
    "music": "media-creative",
    "broadcaster": "media-creative",
    "podcast": "media-creative",
    "book": "media-creative",
    "ledger": "blockchain",
    "smart_contract": "blockchain",
    "token": "blockchain",
    "robot": "robotics",
    "automation": "robotics",
    "5g": "telecoms",
    "network": "telecoms",
    "satellite": "telecoms",
    "recruitment": "hr-tech",
    "talent": "hr-tech",
    "payroll": "hr-tech",
    "onboarding": "hr-tech",
    "hotel": "tourism-tech",
    "booking": "tourism-tech",
    "tourist": "tourism-tech",
    "event": "tourism-tech",
    "contract": "legaltech",
    "lawyer": "legaltech",
    "ip": "legaltech",
    "signature": "legaltech",
    "public_service": "govtech",
    "participation": "govtech",
    "procurement": "govtech",
    "graphic": "digital-design",
    "industrial_design": "digital-design",
    "pcb": "electronics",
    "chip": "electronics",
    "firmware": "electronics",
    "embedded": "electronics",
    "optics": "electronics",
    "factory": "industry-4",
    "predictive_maintenance": "industry-4",
    "digital_twin": "industry-4",
    "machining": "industry-4",
    "quantum": "quantum",
    "hpc": "quantum",
}


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


# Everyday words of offers and needs that French and English write differently (cognates such as
# "distribution" already share their first letters): ``French ; ... = English ; ...`` on each line.
_WORDS = """
réduire ; diminuer ; baisser ; réduction = reduce ; cut ; lower ; reduction ; decrease
augmenter ; accroître ; hausse ; croissance ; croître = increase ; growth ; boost
améliorer ; amélioration ; optimiser = improve ; improvement ; enhance
accélérer ; plus vite ; rapidement ; rapide = faster ; speed up ; quickly ; fast ; rapid
coût ; coûts ; dépenses ; facture ; économies ; économiser = cost ; costs ; expenses ; bill ; savings ; save money
prix ; tarif ; tarification = price ; pricing ; rate
temps ; délai ; délais = time ; lead time ; delays
gagner du temps = save time
argent ; fonds ; trésorerie ; fonds de roulement = money ; funds ; cash ; working capital
acheter ; achat ; achats ; acheteur ; acquéreur = buy ; purchase ; purchasing ; buyer
vendre ; vente ; vendeur ; revendre = sell ; sale ; seller ; resell
fournisseur ; fournir ; approvisionner = supplier ; supply ; vendor
marché ; marchés ; débouchés = market ; markets ; outlets
commande ; commandes = order ; orders
livrer ; livraison ; livreur ; colis = deliver ; delivery ; courier ; parcel
fabriquer ; fabrication ; fabricant ; usiner = manufacture ; manufacturing ; manufacturer ; make
construire ; bâtir ; chantier ; chantiers = build ; construction site ; building site
concevoir ; conception ; concepteur = design ; designer ; engineer
tester ; essai ; essais ; valider ; validation = test ; trial ; trials ; validate ; validation
mesurer ; mesure ; capter = measure ; measurement ; sense
planifier ; planification ; calendrier ; horaire ; horaires = plan ; planning ; schedule ; timetable
suivre ; suivi = track ; follow-up ; follow up
prévoir ; prévision ; prévisions ; prédire = forecast ; predict ; prediction
analyser ; analyse = analyse ; analyze ; analysis
repérer ; trouver ; identifier ; détecter ; dépister = find ; spot ; identify ; detect ; screen
prévenir ; éviter = prevent ; avoid
réparer ; entretien ; maintenance ; réparation = repair ; maintenance ; upkeep ; servicing
remplacer ; remplacement = replace ; replacement
automatiser ; automatique ; automatiquement = automate ; automatic ; automatically
numériser ; numérique ; numérisation = digitise ; digitize ; digital ; digitisation ; digitization
en ligne = online
à distance ; distance ; éloigné ; éloignés = remote ; distance ; remotely ; far
temps réel = real time ; real-time
fiable ; fiabilité = reliable ; reliability
sûr ; sécuritaire ; sûreté = safe ; safety
risque ; risques = risk ; risks
qualité = quality
défaut ; défauts ; défectueux ; anomalie = defect ; defects ; faulty ; fault ; anomaly
panne ; pannes ; bris = failure ; breakdown ; outage
fuite ; fuites = leak ; leaks
perte ; pertes ; gaspillage = loss ; losses ; waste
employé ; employés ; salarié ; salariés ; personnel ; main-d'œuvre = employee ; employees ; staff ; workforce ; workers
travailleur ; travailleurs ; ouvrier ; ouvriers = worker ; workers ; labourer ; tradespeople
embaucher ; embauche ; recruter ; pourvoir ; postes vacants = hire ; hiring ; recruit ; fill ; vacancies ; vacant positions
compétences ; savoir-faire ; qualifié ; qualifiés = skills ; know-how ; skilled ; qualified
ingénieur ; ingénieurs ; ingénierie = engineer ; engineers ; engineering
technicien ; techniciens = technician ; technicians
équipe ; équipes = team ; teams ; crew ; crews
former ; formation ; formateur = train ; training ; trainer
apprendre ; apprentissage ; ==élève ; ==élèves = learn ; learning ; pupil ; pupils
enseigner ; enseignant ; enseignants ; professeur = teach ; teacher ; teachers
école ; écoles ; primaire ; secondaire = school ; schools ; elementary ; secondary
enfant ; enfants ; jeunes ; jeunesse = child ; children ; kids ; young people ; youth
aîné ; aînés ; âgés ; personnes âgées = senior ; seniors ; elderly ; older
malade ; malades ; maladie ; maladies = sick ; ill ; disease ; diseases ; illness
soigner ; soin ; soins ; traitement = treat ; care ; treatment
médecin ; médecins ; docteur = doctor ; doctors ; physician ; physicians
infirmière ; infirmier ; infirmières = nurse ; nurses
hôpital ; hôpitaux ; clinique ; cliniques = hospital ; hospitals ; clinic ; clinics
santé = health
médicament ; médicaments = drug ; drugs ; medication ; medicine
maison ; domicile ; logement ; logements ; foyer ; foyers = home ; house ; housing ; household ; households
appartement ; appartements ; copropriété ; condo = apartment ; apartments ; flat ; condo ; condominium
immeuble ; immeubles ; bâtiment ; bâtiments = building ; buildings
locataire ; locataires ; résident ; résidents = tenant ; tenants ; resident ; residents
ville ; villes ; municipalité ; commune ; centre-ville = city ; cities ; town ; municipality ; downtown ; city centre
habitant ; habitants ; citoyen ; citoyens = inhabitant ; inhabitants ; citizen ; citizens ; residents
gouvernement ; ministère ; fédéral ; provincial = government ; ministry ; federal ; provincial
règlement ; règlements ; réglementation ; loi ; lois = regulation ; regulations ; rules ; law ; laws
norme ; normes = standard ; standards
conformité ; conforme = compliance ; compliant
autorisation ; permis ; licence = authorisation ; permit ; licence ; license
contrat ; contrats ; entente ; ententes = contract ; contracts ; agreement ; agreements
avocat ; avocats ; juriste ; juristes = lawyer ; lawyers ; attorney ; legal counsel
banque ; banques ; bancaire = bank ; banks ; banking
prêt ; prêts ; emprunt ; crédit = loan ; loans ; borrowing ; credit
épargne ; épargner = savings ; save
assurance ; assureur ; assurés ; adhérents = insurance ; insurer ; policyholders ; members
payer ; paiement ; paiements ; encaisser = pay ; payment ; payments ; get paid
cartes bancaires ; carte de crédit ; carte de paiement = cards ; credit card ; payment card
commerçant ; commerçants ; marchand ; marchands ; boutique ; boutiques ; magasin ; magasins = merchant ; merchants ; shop ; shops ; store ; stores
épicerie ; supermarché ; supermarchés ; grande distribution ; grande surface ; dépanneur ; dépanneurs = grocery ; supermarket ; supermarkets ; grocery chains
restaurant ; restaurants ; restauration = restaurant ; restaurants ; food service
hôtel ; hôtels ; hébergement touristique = hotel ; hotels ; lodging
voyage ; voyages ; voyageur ; voyageurs = travel ; trip ; traveller ; travellers
visiteur ; visiteurs ; visite ; visites = visitor ; visitors ; visit ; visits
billet ; billets ; billetterie = ticket ; tickets ; ticketing
spectacle ; spectacles ; concert ; concerts ; salle de spectacle = show ; shows ; concert ; concerts ; venue
chanson ; chansons ; musicien ; musiciens ; artiste ; artistes = song ; songs ; musician ; musicians ; artist ; artists
=livre ; =livres ; lecteur ; lecteurs ; éditeur = book ; books ; reader ; readers ; publisher
film ; films ; tournage ; long métrage = film ; films ; movie ; shoot ; feature film
jeu ; jeux ; joueur ; joueurs = game ; games ; player ; players ; gamer ; gamers
écran ; écrans = screen ; screens
téléphone ; téléphones ; cellulaire ; mobile = phone ; phones ; cellphone ; mobile
ordinateur ; ordinateurs ; informatique ; =TI ; technologies de l'information = computer ; computers ; IT ; computing ; information technology
logiciel ; logiciels = software
données = data
image ; images ; photo ; photos = image ; images ; picture ; pictures ; photo ; photos
cartographie ; cartographier = map ; mapping
vidéo ; vidéos = video ; videos
voix ; vocal ; parole = voice ; speech ; spoken
langue ; langues ; linguistique = language ; languages ; linguistic
traduire ; traduction ; traducteur = translate ; translation ; translator
texte ; textes ; document ; documents ; formulaire ; formulaires = text ; texts ; document ; documents ; form ; forms
courriel ; courriels ; courrier électronique = email ; emails ; e-mail
question ; questions ; demande ; demandes = question ; questions ; request ; requests ; inquiry
répondre ; réponse ; réponses = answer ; reply ; respond ; response
conseil ; conseils ; conseiller ; conseillers = advice ; advise ; adviser ; advisor ; consultant
agent ; agents ; représentant ; représentants = agent ; agents ; representative ; representatives
véhicule ; véhicules ; voiture ; voitures = vehicle ; vehicles ; car ; cars
camion ; camions ; fourgon ; fourgonnette ; camionnette = truck ; trucks ; van ; vans ; lorry
conducteur ; conducteurs ; chauffeur ; chauffeurs ; automobiliste = driver ; drivers ; motorist
rue ; rues ; chaussée ; voirie = road ; roads ; street ; streets
places de stationnement ; stationnement = parking spot ; parking spaces ; parking
flotte ; parc de véhicules = fleet
recharge ; recharger ; borne ; bornes = charging ; charge ; charger ; chargers
électricité ; électrique ; électriques = electricity ; electric ; electrical ; power
énergie ; énergétique = energy
chaleur ; froid ; réfrigéré ; frigorifique ; chaîne du froid = heat ; cold ; refrigerated ; cold chain
eau ; eaux ; canalisation ; canalisations ; tuyau ; tuyaux = water ; pipe ; pipes ; pipeline ; piping
déchet ; déchets ; ordures ; recyclables ; recyclage = waste ; garbage ; trash ; recyclables ; recycling
environnement ; environnemental ; écologique = environment ; environmental ; ecological
vert ; verte ; durable ; durabilité = green ; sustainable ; sustainability
forêt ; forêts ; bois ; arbre ; arbres = forest ; forests ; wood ; timber ; tree ; trees
ferme ; fermes ; agriculteur ; agriculteurs ; cultivateur = farm ; farms ; farmer ; farmers ; grower
cultures agricoles ; récolte ; récoltes = crop ; crops ; harvest
légume ; légumes ; fruit ; fruits ; laitue ; tomate ; tomates = vegetable ; vegetables ; fruit ; lettuce ; tomato ; tomatoes
vache ; vaches ; bétail ; troupeau ; animal ; animaux = cow ; cows ; cattle ; herd ; animal ; animals ; livestock
lait ; laitier ; fromage ; yogourt = milk ; dairy ; cheese ; yogurt
viande ; poisson ; poissons ; fruits de mer ; homard ; crabe = meat ; fish ; seafood ; lobster ; crab
vin ; vins ; bouteille ; bouteilles ; cave = wine ; wines ; bottle ; bottles ; cellar
boisson ; boissons ; bière = drink ; drinks ; beverage ; beverages ; beer
aliment ; aliments ; alimentaire ; nourriture ; repas = food ; foods ; meal ; meals
ingrédient ; ingrédients ; recette ; recettes = ingredient ; ingredients ; recipe ; recipes
emballage ; emballages ; boîte ; boîtes ; étiquette ; étiquettes = packaging ; box ; boxes ; label ; labels
imprimer ; impression ; imprimeur ; imprimerie = print ; printing ; printer
vêtement ; vêtements ; textile = clothing ; clothes ; apparel ; textile
meuble ; meubles ; mobilier = furniture
pièce ; pièces ; composant ; composants = part ; parts ; component ; components
machine ; machines ; équipement ; équipements ; outillage = machine ; machinery ; equipment
acier ; métal ; métaux ; métallique = steel ; metal ; metals ; metallic
plastique ; plastiques = plastic ; plastics
verre = glass
usine ; usines ; atelier ; ateliers = factory ; factories ; manufacturing plant ; workshop ; shop floor
chaîne de production ; ligne de production ; lignes de production = production line ; assembly line ; production lines
entrepôt ; entrepôts ; entreposage = warehouse ; warehouses ; warehousing ; storage
stock ; stocks ; inventaire = stock ; inventory
transport ; transporter ; transporteur = transport ; haul ; carrier ; shipping
expédier ; expédition ; envoi = ship ; shipment ; dispatch
port ; ports ; portuaire ; conteneur ; conteneurs = port ; ports ; harbour ; container ; containers
avion ; avions ; aéroport = aircraft ; plane ; airport
mine ; mines ; minier ; minière = mine ; mines ; mining
utilisateur ; utilisateurs ; usager ; usagers = user ; users
membre ; membres = member ; members
coopérative ; coop = cooperative ; co-op
syndicat ; fédération ; regroupement = union ; federation ; alliance
petite entreprise ; PME ; petites entreprises = small business ; SME ; small businesses
grande entreprise ; grand groupe ; multinationale = large company ; corporation ; multinational
fondateur ; fondateurs ; entrepreneur ; entrepreneurs = founder ; founders ; entrepreneur ; entrepreneurs
investir ; investisseur ; investisseurs ; capital = invest ; investor ; investors ; capital
subvention ; subventions ; financement public = grant ; grants ; public funding
fiscal ; fiscalité ; impôt ; impôts ; taxe = tax ; taxes ; taxation
comptable ; comptabilité ; comptes = accountant ; accounting ; accounts
étranger ; étrangers ; étrangère ; à l'étranger = foreign ; abroad ; overseas
international ; internationale ; mondial = international ; global ; worldwide
européen ; européens ; Europe = European ; Europe
nord-américain ; Amérique du Nord = North American ; North America
projet pilote ; pilote ; expérimenter ; expérimentation = pilot ; pilot project ; experiment ; trial
recherche ; chercheur ; chercheurs ; laboratoire = research ; researcher ; researchers ; laboratory ; lab
étudiant ; étudiants ; stagiaire ; stagiaires = student ; students ; intern ; interns ; internship
université ; universités ; universitaire = university ; universities ; academic
connaissance ; connaissances ; savoir = knowledge
histoire ; historique ; patrimoine ; patrimonial = history ; historic ; historical ; heritage
château ; châteaux ; cathédrale ; monument ; monuments = castle ; castles ; cathedral ; monument ; monuments
musée ; musées = museum ; museums
architecte ; architectes ; architecture = architect ; architects ; architecture
plan ; plans ; maquette = plan ; plans ; model ; mock-up
rénovation ; restaurer ; restauration ; réhabilitation = renovation ; restore ; restoration ; refurbishment
sécurité ; protéger ; protection = security ; protect ; protection
pirate ; piratage ; cyberattaque ; attaque = hacker ; hacking ; cyberattack ; attack
mot de passe ; mots de passe = password ; passwords
fraude ; frauduleux ; arnaque = fraud ; fraudulent ; scam
contrefaçon ; authenticité ; authentique = counterfeit ; counterfeiting ; authenticity ; authentic
preuve ; prouver ; garantir = proof ; prove ; guarantee
trier ; tri = sort ; sorting
robot ; robots ; bras robotisé = robot ; robots ; robotic arm
drone ; drones = drone ; drones ; UAV
lumière ; lumières ; éclairage ; lampe = light ; lights ; lighting ; lamp
chauffage ; climatisation = heating ; air conditioning ; cooling
bruit ; sonore ; acoustique = noise ; sound ; acoustic
air ; pollution ; qualité de l'air = air ; pollution ; air quality
température ; humidité = temperature ; humidity
surveiller ; surveillance ; veille = watch ; monitor ; surveillance ; monitoring
alerte ; alertes ; avertir = alert ; alerts ; warn ; warning
visibilité ; notoriété ; rayonnement = visibility ; awareness ; reach
publicité ; publicités ; annonce ; annonces = advertising ; ads ; advert ; advertisement
réseau social ; réseaux sociaux = social network ; social media
réservation ; réservations ; réserver = booking ; bookings ; reservation ; book
abonné ; abonnés ; abonnement = subscriber ; subscribers ; subscription
commanditaire ; commandite = sponsor ; sponsorship
marque ; marques = brand ; brands
jeune pousse ; jeunes pousses ; entreprise en démarrage ; entreprises en démarrage = startup ; start-up ; startups ; early-stage company
incubateur ; accélérateur ; cohorte = incubator ; accelerator ; cohort
mentor ; mentorat ; accompagnement = mentor ; mentoring ; coaching
salon ; salons ; foire ; exposition = trade show ; fair ; exhibition ; expo
catalogue ; gamme ; offre de produits = catalogue ; catalog ; product line ; portfolio
outil ; outils ; instrument = tool ; tools ; instrument
trousse ; kit = kit ; toolkit
boîtier ; boîtiers ; appareil ; appareils = box ; unit ; device ; devices
puce ; puces = chip ; chips
câble ; câbles ; fil = cable ; cables ; wire
sans fil = wireless
pile ; piles ; autonomie = battery life ; power autonomy
moteur ; moteurs = engine ; engines ; motor ; motors
roue ; roues ; pneu ; pneus = wheel ; wheels ; tyre ; tire ; tires
vitesse ; lenteur ; lent = speed ; slowness ; slow
léger ; légère ; légères ; allègement = lightweight ; weight reduction
lourd ; lourds ; lourde = heavy
petite série ; petites séries ; sur mesure = small batch ; small series ; custom ; tailor-made ; bespoke
grande série ; volume ; volumes = mass production ; volume ; volumes ; high volume
prototype ; prototypes ; maquette = prototype ; prototypes ; mock-up
brevet ; brevets ; breveté = patent ; patents ; patented
rapport ; rapports ; bilan = report ; reports ; reporting
tableau ; tableaux ; tableur = table ; spreadsheet
facture ; factures ; facturer = invoice ; invoices ; bill ; billing
commande en ligne ; commander = online ordering ; order online
client final ; consommateur ; consommateurs ; grand public = end customer ; consumer ; consumers ; general public
famille ; familles ; parent ; parents = family ; families ; parent ; parents
femme ; femmes = woman ; women
personne ; personnes ; gens = person ; people
communauté ; communautés ; collectivité = community ; communities
quartier ; quartiers = neighbourhood ; neighborhood ; district
campagne ; rural ; villages ; village = countryside ; rural ; villages ; village
nord ; nordique ; Grand Nord = north ; northern ; far north
île ; îles = island ; islands
mer ; océan ; côte ; littoral = sea ; ocean ; coast ; coastal
montagne ; montagnes ; ski = mountain ; mountains ; ski
hiver ; neige ; glace ; froid = winter ; snow ; ice ; cold
été ; saison ; saisonnier = summer ; season ; seasonal
jour ; journée ; nuit = day ; daytime ; night
semaine ; mois ; année ; an = week ; month ; year
heure ; heures ; horaire = hour ; hours ; opening hours
urgence ; urgences = emergency ; emergencies ; urgent care
attente ; attendre ; liste d'attente = waiting ; wait ; waiting list ; waitlist
rendez-vous = appointment ; appointments ; meeting
dossier ; dossiers = file ; files ; record ; records
diagnostic ; diagnostiquer = diagnosis ; diagnose
œil ; yeux ; vue ; vision = eye ; eyes ; sight ; vision
cœur ; cardiaque = heart ; cardiac
poumon ; respiratoire ; respiration = lung ; respiratory ; breathing
diabète ; diabétique ; diabétiques = diabetes ; diabetic ; diabetics
cancer ; oncologie = cancer ; oncology
dent ; dents ; dentaire ; dentiste = tooth ; teeth ; dental ; dentist
pharmacie ; pharmacien = pharmacy ; pharmacist ; drugstore
vétérinaire ; vétérinaires = veterinary ; vet ; vets
bien-être ; mieux-être = wellbeing ; well-being ; wellness
sport ; sportif ; entraînement = sport ; sports ; workout
alimentation ; nutrition ; diète = diet ; nutrition
sommeil ; dormir = sleep
stress ; anxiété ; épuisement = stress ; anxiety ; burnout
handicap ; handicapé ; handicapées = disability ; disabled ; handicapped
aveugle ; aveugles ; malvoyant ; malvoyants = blind ; visually impaired
sourd ; sourds ; malentendant = deaf ; hard of hearing
inclusion ; inclusif ; inclusive = inclusion ; inclusive
égalité ; diversité = equality ; diversity
bénévole ; bénévoles ; organisme sans but lucratif ; OBNL = volunteer ; volunteers ; non-profit ; nonprofit ; charity
=don ; =dons ; philanthropie = donation ; donations ; philanthropy
bourse ; bourses = scholarship ; scholarships ; grant
concours ; trophée = contest ; competition ; award ; prize
fête ; célébration = party ; celebration
mariage ; mariages = wedding ; weddings
chaîne ; chaînes ; succursale ; succursales ; enseigne = chain ; chains ; branch ; branches ; banner
franchise ; franchises ; franchisé = franchise ; franchises ; franchisee
siège social = headquarters ; head office
filiale ; filiales = subsidiary ; subsidiaries
fusion ; acquisition ; rachat = merger ; acquisition ; buyout ; takeover
actionnaire ; actionnaires = shareholder ; share ; shares ; shareholder ; shareholders ; equity
dette ; dettes = debt
rentable ; rentabilité ; bénéfice ; profit = profitable ; profitability ; profit ; margin
chiffre d'affaires ; revenus = revenue ; revenues ; turnover ; income
bénéficiaire ; bénéficiaires = beneficiary ; beneficiaries
fiscalité ; crédit d'impôt = taxation ; tax credit
douane ; douanes ; tarif douanier = customs ; duties ; tariff
importer ; importation ; importateur = import ; importing ; importer
exporter ; exportation ; exportateur = export ; exporting ; exporter
percer ; conquérir ; pénétrer ; s'implanter = break into ; conquer ; penetrate ; expand into
croissance ; expansion ; essor = growth ; expansion ; scale-up
lancer ; lancement = launch ; launching ; roll out
mettre en marché ; commercialiser ; commercialisation = bring to market ; commercialise ; commercialize ; commercialisation
accueillir ; accueil = welcome ; host ; hosting ; reception
rencontrer ; rencontre ; rencontres = meet ; meeting ; meetings
mettre en relation ; mise en relation ; jumelage ; maillage ; réseautage = matchmaking ; introductions ; connect ; business networking
faire connaître ; promouvoir ; promotion = promote ; promotion ; raise awareness
attirer ; fidéliser ; fidélisation = attract ; retain ; retention ; loyalty
joindre ; rejoindre ; toucher = reach ; reach out ; target
simple ; simplifier ; facile = simple ; simplify ; easy
moderne ; moderniser ; vieillissant ; désuet = modern ; modernise ; modernize ; ageing ; aging ; outdated ; legacy
nouveau ; nouvelle ; innovant ; innovante = new ; novel ; innovative
intelligent ; intelligente ; intelligents = smart ; intelligent
connecté ; connectée ; connectés = connected
autonome ; autonomes = autonomous ; self-driving ; standalone
portable ; portables ; portatif = portable ; wearable ; laptop ; handheld
intérieur ; intérieure = indoor ; interior ; inside
extérieur ; extérieure = outdoor ; exterior ; outside
souterrain ; sous-sol = underground ; basement
toit ; toiture ; toitures = roof ; roofs ; rooftop
mur ; murs ; façade = wall ; walls ; facade
fenêtre ; fenêtres = window ; windows
porte ; portes ; accès = door ; doors ; gate ; gates ; access
clé ; clés ; serrure = key ; keys ; lock
caméra ; caméras = camera ; cameras
écouter ; écoute = listen ; listening ; streaming
regarder ; visionner = view ; watch ; viewing
lire ; lecture = read ; reading
écrire ; rédiger ; rédaction = write ; writing ; draft ; drafting
relire ; relecture ; révision = review ; proofread ; proofreading ; revision
signer ; signature = sign ; signature ; signing
payer ; rémunérer ; rémunération = pay ; remunerate ; compensation
louer ; =locatif = rent ; rental ; lease ; leasing
partager ; partage = share ; sharing
échanger ; échange ; échanges = exchange ; swap ; trade
stocker ; stockage = store ; storage
calcul ; calculer = calculation ; compute ; calculate
gestion ; gérer ; gestionnaire ; gestionnaires = manage ; management ; manager ; managers
"""


def word_phrases() -> list[tuple[str, str, str]]:
    """(concept id, language, phrase) for the everyday words of ``_WORDS``."""
    phrases = []
    for line in _WORDS.strip().splitlines():
        french, english = (part.strip() for part in line.split(" = "))
        concept = "d:" + english.split(";")[0].strip().lower().replace(" ", "_")
        for language, cell in (("fr", french), ("en", english)):
            for phrase in cell.split(";"):
                if phrase.strip():
                    phrases.append((concept, language, phrase.strip()))
    return phrases
