"""Word lists and sentence templates of school vocabulary for synthetic catalogues.

Finnish nouns carry the case forms the templates need (nominative, genitive,
partitive), and Swedish nouns their indefinite and definite forms, so that the
generated sentences are inflected the way real entries are. The controlled
vocabularies (subjects, levels, competences, districts) come from
generator/data/vocabularies.yaml, not from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """What a need, idea or product is about, in the forms the templates use."""

    fi_nominative: str
    fi_genitive: str
    fi_partitive: str
    sv_indefinite: str
    sv_definite: str
    subjects: tuple[str, ...]
    fi_keywords: tuple[str, ...]
    sv_keywords: tuple[str, ...]


@dataclass(frozen=True)
class Tool:
    """A kind of solution a company offers: Finnish nominative and partitive, Swedish forms."""

    fi_nominative: str
    fi_partitive: str
    sv_indefinite: str
    sv_with_article: str


TOPICS: tuple[Topic, ...] = (
    Topic(
        "lukuinto",
        "lukuinnon",
        "lukuintoa",
        "läslust",
        "läslusten",
        ("aidinkieli",),
        ("lukuinto", "koulukirjasto", "lukudiplomi"),
        ("läslust", "skolbibliotek", "läsdiplom"),
    ),
    Topic(
        "luetun ymmärtäminen",
        "luetun ymmärtämisen",
        "luetun ymmärtämistä",
        "läsförståelse",
        "läsförståelsen",
        ("aidinkieli", "ymparistooppi"),
        ("luetun ymmärtäminen", "tietotekstit", "sanavarasto"),
        ("läsförståelse", "faktatexter", "ordförråd"),
    ),
    Topic(
        "ruokahävikki",
        "ruokahävikin",
        "ruokahävikkiä",
        "matsvinn",
        "matsvinnet",
        ("kotitalous", "terveystieto"),
        ("ruokahävikki", "kouluruokailu", "kestävyys"),
        ("matsvinn", "skolmat", "hållbarhet"),
    ),
    Topic(
        "välituntiliikunta",
        "välituntiliikunnan",
        "välituntiliikuntaa",
        "rastaktivitet",
        "rastaktiviteten",
        ("liikunta",),
        ("välitunti", "pihapelit", "liikkuva koulu"),
        ("rast", "gårdslekar", "rörelse"),
    ),
    Topic(
        "ilmanlaatu",
        "ilmanlaadun",
        "ilmanlaatua",
        "luftkvalitet",
        "luftkvaliteten",
        ("maantieto", "kemia"),
        ("ilmanlaatu", "mittaaminen", "sisäilma"),
        ("luftkvalitet", "mätning", "inomhusluft"),
    ),
    Topic(
        "koulupuutarha",
        "koulupuutarhan",
        "koulupuutarhaa",
        "skolträdgård",
        "skolträdgården",
        ("biologia", "ymparistooppi"),
        ("koulupuutarha", "kasvatuslaatikot", "anturit"),
        ("skolträdgård", "odlingslådor", "sensorer"),
    ),
    Topic(
        "kertotaulu",
        "kertotaulun",
        "kertotaulua",
        "multiplikationstabell",
        "multiplikationstabellen",
        ("matematiikka",),
        ("kertotaulu", "päässälasku", "toiminnallisuus"),
        ("multiplikationstabellen", "huvudräkning", "lek"),
    ),
    Topic(
        "murtolukulaskenta",
        "murtolukulaskennan",
        "murtolukulaskentaa",
        "bråkräkning",
        "bråkräkningen",
        ("matematiikka",),
        ("murtoluvut", "havainnollistaminen"),
        ("bråk", "konkretisering"),
    ),
    Topic(
        "ohjelmointi",
        "ohjelmoinnin",
        "ohjelmointia",
        "programmering",
        "programmeringen",
        ("matematiikka", "kasityo"),
        ("ohjelmointi", "robotiikka", "algoritmit"),
        ("programmering", "robotik", "algoritmer"),
    ),
    Topic(
        "sanavarasto",
        "sanavaraston",
        "sanavarastoa",
        "ordförråd",
        "ordförrådet",
        ("toinen-kotimainen", "aidinkieli"),
        ("sanavarasto", "S2-opetus", "käsitteet"),
        ("ordförråd", "andraspråk", "begrepp"),
    ),
    Topic(
        "ääntäminen",
        "ääntämisen",
        "ääntämistä",
        "uttal",
        "uttalet",
        ("vieraat-kielet", "toinen-kotimainen"),
        ("ääntäminen", "suullinen kielitaito"),
        ("uttal", "muntlig språkfärdighet"),
    ),
    Topic(
        "melutaso",
        "melutason",
        "melutasoa",
        "ljudnivå",
        "ljudnivån",
        ("terveystieto",),
        ("melu", "ruokala", "työrauha"),
        ("buller", "matsal", "arbetsro"),
    ),
    Topic(
        "kierrätys",
        "kierrätyksen",
        "kierrätystä",
        "återvinning",
        "återvinningen",
        ("ymparistooppi", "kasityo"),
        ("kierrätys", "jätteiden lajittelu", "kestävyys"),
        ("återvinning", "sortering", "hållbarhet"),
    ),
    Topic(
        "energiansäästö",
        "energiansäästön",
        "energiansäästöä",
        "energibesparing",
        "energibesparingen",
        ("fysiikka", "ymparistooppi"),
        ("energia", "sähkönkulutus", "mittaaminen"),
        ("energi", "elförbrukning", "mätning"),
    ),
    Topic(
        "digitaalinen portfolio",
        "digitaalisen portfolion",
        "digitaalista portfoliota",
        "digital portfolio",
        "den digitala portfolion",
        ("kuvataide", "kasityo"),
        ("portfolio", "itsearviointi", "kuvataide"),
        ("portfolio", "självbedömning", "bildkonst"),
    ),
    Topic(
        "säveltäminen",
        "säveltämisen",
        "säveltämistä",
        "komponerande",
        "komponerandet",
        ("musiikki",),
        ("säveltäminen", "musiikkiteknologia"),
        ("komponerande", "musikteknik"),
    ),
    Topic(
        "tuotesuunnittelu",
        "tuotesuunnittelun",
        "tuotesuunnittelua",
        "produktdesign",
        "produktdesignen",
        ("kasityo",),
        ("tuotesuunnittelu", "monimateriaalinen käsityö"),
        ("produktdesign", "slöjd"),
    ),
    Topic(
        "lähdekritiikki",
        "lähdekritiikin",
        "lähdekritiikkiä",
        "källkritik",
        "källkritiken",
        ("historia", "yhteiskuntaoppi"),
        ("lähdekritiikki", "historialliset lähteet"),
        ("källkritik", "historiska källor"),
    ),
    Topic(
        "medialukutaito",
        "medialukutaidon",
        "medialukutaitoa",
        "mediekunskap",
        "mediekunskapen",
        ("yhteiskuntaoppi", "aidinkieli"),
        ("medialukutaito", "uutiset", "sosiaalinen media"),
        ("mediekunskap", "nyheter", "sociala medier"),
    ),
    Topic(
        "TET-jakso",
        "TET-jakson",
        "TET-jaksoa",
        "PRAO-period",
        "PRAO-perioden",
        ("oppilaanohjaus",),
        ("TET", "työelämätaidot", "yrittäjyys"),
        ("PRAO", "arbetslivskunskap", "entreprenörskap"),
    ),
    Topic(
        "uravalinta",
        "uravalinnan",
        "uravalintaa",
        "yrkesval",
        "yrkesvalet",
        ("oppilaanohjaus",),
        ("uraohjaus", "jatko-opinnot"),
        ("studiehandledning", "fortsatta studier"),
    ),
    Topic(
        "arkiliikunta",
        "arkiliikunnan",
        "arkiliikuntaa",
        "vardagsmotion",
        "vardagsmotionen",
        ("liikunta", "terveystieto"),
        ("arkiliikunta", "liikkuva koulu", "koulumatkat"),
        ("vardagsmotion", "skolresor", "rörelse"),
    ),
    Topic(
        "unirytmi",
        "unirytmin",
        "unirytmiä",
        "dygnsrytm",
        "dygnsrytmen",
        ("terveystieto",),
        ("uni", "hyvinvointi", "jaksaminen"),
        ("sömn", "välbefinnande", "ork"),
    ),
    Topic(
        "tunnetaito",
        "tunnetaidon",
        "tunnetaitoa",
        "känslokunskap",
        "känslokunskapen",
        ("elamankatsomustieto", "terveystieto"),
        ("tunnetaidot", "kaveritaidot"),
        ("känslokunskap", "kamratskap"),
    ),
    Topic(
        "kestävä kehitys",
        "kestävän kehityksen",
        "kestävää kehitystä",
        "hållbar utveckling",
        "den hållbara utvecklingen",
        ("ymparistooppi", "maantieto"),
        ("kestävä kehitys", "ilmastokasvatus"),
        ("hållbar utveckling", "klimatfostran"),
    ),
    Topic(
        "laboratoriotyöskentely",
        "laboratoriotyöskentelyn",
        "laboratoriotyöskentelyä",
        "laborationsarbete",
        "laborationsarbetet",
        ("kemia", "fysiikka"),
        ("laboratoriotyöt", "työturvallisuus", "kokeellisuus"),
        ("laborationer", "säkerhet", "experiment"),
    ),
    Topic(
        "suullinen kielitaito",
        "suullisen kielitaidon",
        "suullista kielitaitoa",
        "muntlig språkfärdighet",
        "den muntliga språkfärdigheten",
        ("toinen-kotimainen", "vieraat-kielet"),
        ("puhuminen", "kielikylpy"),
        ("tala", "språkbad"),
    ),
    Topic(
        "lähiluonnon tutkiminen",
        "lähiluonnon tutkimisen",
        "lähiluonnon tutkimista",
        "naturundersökning",
        "naturundersökningen",
        ("ymparistooppi", "biologia"),
        ("lähimetsä", "retket", "lajintunnistus"),
        ("närskog", "utflykter", "artkännedom"),
    ),
    Topic(
        "talousosaaminen",
        "talousosaamisen",
        "talousosaamista",
        "privatekonomi",
        "privatekonomin",
        ("kotitalous", "yhteiskuntaoppi"),
        ("talous", "rahankäyttö", "kuluttajataidot"),
        ("ekonomi", "pengar", "konsumentkunskap"),
    ),
    Topic(
        "tähtitiede",
        "tähtitieteen",
        "tähtitiedettä",
        "astronomi",
        "astronomin",
        ("fysiikka", "maantieto"),
        ("avaruus", "tähtitaivas"),
        ("rymden", "stjärnhimlen"),
    ),
    Topic(
        "kirjoittaminen",
        "kirjoittamisen",
        "kirjoittamista",
        "skrivande",
        "skrivandet",
        ("aidinkieli",),
        ("kirjoittaminen", "tarinat", "palaute"),
        ("skrivande", "berättelser", "respons"),
    ),
    Topic(
        "oppilaiden osallisuus",
        "oppilaiden osallisuuden",
        "oppilaiden osallisuutta",
        "elevdelaktighet",
        "elevdelaktigheten",
        ("yhteiskuntaoppi",),
        ("oppilaskunta", "osallisuus", "vaikuttaminen"),
        ("elevkår", "delaktighet", "påverkan"),
    ),
)

TOOLS: tuple[Tool, ...] = (
    Tool("mobiilisovellus", "mobiilisovellusta", "mobilapp", "en mobilapp"),
    Tool("oppimispeli", "oppimispeliä", "lärspel", "ett lärspel"),
    Tool("anturisarja", "anturisarjaa", "sensorpaket", "ett sensorpaket"),
    Tool("verkkopalvelu", "verkkopalvelua", "webbtjänst", "en webbtjänst"),
    Tool("tehtäväpankki", "tehtäväpankkia", "uppgiftsbank", "en uppgiftsbank"),
    Tool("opettajan työkalu", "opettajan työkalua", "lärarverktyg", "ett lärarverktyg"),
    Tool("lautapeli", "lautapeliä", "brädspel", "ett brädspel"),
    Tool("korttipakka", "korttipakkaa", "kortlek", "en kortlek"),
    Tool("mittausasema", "mittausasemaa", "mätstation", "en mätstation"),
    Tool("videokirjasto", "videokirjastoa", "videobibliotek", "ett videobibliotek"),
    Tool("robottisarja", "robottisarjaa", "robotsats", "en robotsats"),
    Tool("äänikirjasto", "äänikirjastoa", "ljudbibliotek", "ett ljudbibliotek"),
)

# Place-name parts of the kind Espoo's school names are made of; the second part is
# in the genitive, as in "Kuusikallion koulu".
FI_PLACE_FIRST = (
    "Kuusi",
    "Mänty",
    "Koivu",
    "Kivi",
    "Tammi",
    "Haapa",
    "Pihlaja",
    "Kaarna",
    "Routa",
    "Pilvi",
    "Kallio",
    "Lehto",
    "Sammal",
    "Kanerva",
    "Vaahtera",
)
FI_PLACE_SECOND = (
    "kallion",
    "mäen",
    "niityn",
    "lehdon",
    "rannan",
    "laakson",
    "harjun",
    "metsän",
    "kummun",
    "puiston",
)
SV_PLACE_FIRST = (
    "Sol",
    "Björk",
    "Gran",
    "Ek",
    "Hallon",
    "Lingon",
    "Sten",
    "Berg",
    "Strand",
    "Äng",
    "Tall",
    "Lönn",
)
SV_PLACE_SECOND = ("backa", "dal", "vik", "berga", "hage", "lund", "sund", "kulla")

COMPANY_FIRST = (
    "Luku",
    "Taito",
    "Oppi",
    "Kide",
    "Sana",
    "Nuotti",
    "Verso",
    "Kipinä",
    "Tähti",
    "Ruutu",
    "Multa",
    "Kompassi",
    "Liito",
    "Helmi",
    "Pulma",
)
COMPANY_SECOND = (
    "lamppu",
    "paja",
    "polku",
    "tasku",
    "verstas",
    "labra",
    "silta",
    "tupa",
    "reppu",
    "hyppy",
    "muru",
    "kone",
)

FI_PROBLEMS = (
    "{school_fi_inessive} on huomattu, että {grade_fi}oppilaiden osaaminen vaihtelee "
    "paljon, kun aiheena on {topic.fi_nominative}.",
    "Opettajat ovat toivoneet uusia keinoja {topic.fi_genitive} opettamiseen.",
    "Olemme käsitelleet {topic.fi_partitive} tähän asti lähinnä oppikirjan avulla.",
    "Nykyiset materiaalit ovat vanhentuneita, eikä niistä ole apua eriyttämiseen.",
    "Moni oppilas pitää aihetta vaikeana, ja motivaatio hiipuu nopeasti.",
    "Koulussa on laitteita, mutta niille puuttuu hyvä tapa käyttää niitä opetuksessa.",
    "Haluamme tutkia {topic.fi_partitive} yhdessä oppilaiden kanssa ja oppia samalla, "
    "miten tuotteita kehitetään.",
    "Vanhempainyhdistys on luvannut kerätä palautetta kodeilta koko kokeilun ajan.",
    "Oppilaskunta on ottanut aiheen omaksi teemakseen tälle lukuvuodelle.",
    "Monelle oppilaalle suomi ei ole kodin vahvin kieli, joten pitkät yhdyssanat "
    "ja käsitteet hidastavat oppimista.",
)
SV_PROBLEMS = (
    "På {school_sv} har vi märkt att eleverna{grade_sv} har mycket olika kunskaper "
    "när det gäller {topic.sv_indefinite}.",
    "Lärarna har önskat nya sätt att undervisa i {topic.sv_indefinite}.",
    "Hittills har vi arbetat med {topic.sv_indefinite} främst med hjälp av läroboken.",
    "Det nuvarande materialet är föråldrat och hjälper inte med differentieringen.",
    "Många elever tycker att ämnet är svårt, och motivationen sjunker snabbt.",
    "Skolan har apparater, men det saknas ett bra sätt att använda dem i undervisningen.",
    "Vi vill undersöka {topic.sv_definite} tillsammans med eleverna och samtidigt lära "
    "oss hur produkter utvecklas.",
    "Föräldraföreningen har lovat att samla in respons från hemmen under hela försöket.",
    "Elevkåren har valt ämnet som sitt tema för läsåret.",
    "För många elever är svenska inte det starkaste språket hemma, så långa "
    "sammansatta ord och begrepp gör inlärningen långsammare.",
)
FI_CLAUSES = (
    "tekee {topic.fi_genitive} harjoittelusta hauskaa ja näkyvää",
    "auttaa opettajaa seuraamaan {topic.fi_genitive} kehittymistä",
    "toimii koulun tableteilla ilman asennusta",
    "sopii myös oppilaille, joille suomi on toinen kieli",
    "kannustaa oppilaita yhteistyöhön ilman kilpailua",
    "tuo {topic.fi_genitive} harjoitteluun liikettä ja leikkiä",
)
SV_CLAUSES = (
    "gör arbetet med {topic.sv_definite} roligt och synligt",
    "hjälper läraren att följa hur eleverna utvecklas",
    "fungerar på skolans pekplattor utan installation",
    "också passar elever som har finska som starkaste språk",
    "uppmuntrar eleverna att samarbeta utan att tävla",
    "för in rörelse och lek i arbetet med {topic.sv_definite}",
)
FI_WISHES = (
    "toimii koulun tableteilla ja kannettavilla tietokoneilla",
    "ei vaadi oppilailta omaa käyttäjätunnusta",
    "antaa opettajalle yhdellä silmäyksellä kuvan luokan edistymisestä",
    "tukee eriyttämistä sekä tukea tarvitseville että nopeasti eteneville oppilaille",
    "sopii myös oppilaille, joilla suomi on toinen kieli",
    "toimii sekä luokassa että ulkona välitunnilla",
    "on saavutettava ja toimii ruudunlukijan kanssa",
    "tuottaa tietoa, jota voi käyttää arvioinnin tukena",
    "ei kerää oppilaista henkilötietoja",
)
SV_WISHES = (
    "fungerar på skolans pekplattor och bärbara datorer",
    "inte kräver något eget användarnamn av eleverna",
    "ger läraren en snabb överblick över klassens framsteg",
    "stöder differentiering för både elever som behöver stöd och elever som går fort fram",
    "också passar elever som har finska som starkaste språk",
    "fungerar både i klassrummet och ute på rasten",
    "är tillgänglig och fungerar med skärmläsare",
    "ger information som läraren kan använda i bedömningen",
    "inte samlar in personuppgifter om eleverna",
)
FI_IDEA_SENTENCES = (
    "{company} on kehittänyt {tool.fi_partitive}, joka {clause_fi}.",
    "Palvelumme perustuu opettajien kanssa tehtyihin haastatteluihin, ja se on "
    "suunniteltu koulun arkeen.",
    "Haluaisimme kehittää {tool.fi_partitive} yhdessä opettajien ja oppilaiden kanssa "
    "lukuvuoden ajan.",
    "Tuotteesta on olemassa toimiva prototyyppi, jota on testattu kahdessa luokassa.",
    "Oppilaat pääsevät vaikuttamaan siihen, miltä {tool.fi_nominative} näyttää ja miten se toimii.",
    "Opettajan näkymästä näkee yhdellä silmäyksellä, miten {topic.fi_nominative} etenee luokassa.",
)
SV_IDEA_SENTENCES = (
    "{company} har utvecklat {tool.sv_with_article} som {clause_sv}.",
    "Tjänsten bygger på intervjuer med lärare och är planerad för skolvardagen.",
    "Vi vill utveckla {tool.sv_with_article} tillsammans med lärare och elever under ett läsår.",
    "Det finns en fungerande prototyp som har testats i två klasser.",
    "Eleverna får vara med och bestämma hur verktyget ser ut och fungerar.",
    "I lärarvyn ser man med en blick hur arbetet med {topic.sv_definite} går framåt.",
)
FI_PRODUCT_SENTENCES = (
    "{title} kehitettiin lukuvuonna {year}–{next_year} yhdessä {school_fi_genitive} "
    "opettajien ja oppilaiden kanssa.",
    "Yhteiskehityksen aikana tuotteesta poistettiin pistetaulukko, kun oppilaat kertoivat "
    "sen tuntuvan kilpailulta.",
    "Kokeilun lopussa opettajat kertoivat, että {topic.fi_genitive} harjoittelu oli "
    "lisääntynyt selvästi.",
    "Tuote on nyt kaikkien koulujen tilattavissa, ja ruotsinkielistä versiota "
    "kehitetään parhaillaan.",
    "Oppilaiden ehdotusten pohjalta käyttöliittymää selkeytettiin ja tekstejä lyhennettiin.",
)
SV_PRODUCT_SENTENCES = (
    "{title} utvecklades under läsåret {year}–{next_year} tillsammans med lärare och "
    "elever på {school_sv}.",
    "Under samutvecklingen togs topplistan bort, eftersom eleverna tyckte att den "
    "kändes som en tävling.",
    "I slutet av försöket berättade lärarna att eleverna arbetade betydligt mer med "
    "{topic.sv_indefinite}.",
    "Produkten kan nu beställas av alla skolor, och en finsk version är under arbete.",
    "Utgående från elevernas förslag gjordes gränssnittet tydligare och texterna kortare.",
)
FI_NEED_TITLES = (
    "Uusia keinoja {topic.fi_genitive} tueksi",
    "Välineitä {topic.fi_genitive} harjoitteluun {grade_fi_title}",
    "{fi_genitive_capitalised} seuranta osaksi koulupäivää",
    "Kumppani {topic.fi_genitive} kokeiluun {school_fi_inessive_lower}",
    "{fi_nominative_capitalised} näkyväksi luokassa",
)
SV_NEED_TITLES = (
    "Nya sätt att stödja {topic.sv_definite}",
    "Verktyg för {topic.sv_indefinite} {grade_sv_title}",
    "{sv_definite_capitalised} som en del av skoldagen",
    "Partner för ett försök med {topic.sv_indefinite}",
    "Gör {topic.sv_definite} synlig i klassen",
)
FI_IDEA_TITLES = (
    "{tool_fi_capitalised} {topic.fi_genitive} tueksi",
    "{tool_fi_capitalised}, joka tekee {topic.fi_genitive} harjoittelusta hauskaa",
    "{tool_fi_capitalised} {topic.fi_genitive} harjoitteluun",
)
SV_IDEA_TITLES = (
    "{tool_sv_capitalised} för {topic.sv_indefinite}",
    "{tool_sv_capitalised} som gör {topic.sv_definite} roligare",
    "{tool_sv_capitalised} för arbetet med {topic.sv_definite}",
)
