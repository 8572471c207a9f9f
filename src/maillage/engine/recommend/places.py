"""Where a need wants its partner: "un distributeur aux États-Unis", "ports in North America".

A need that names a place is answered by the profiles located there. :func:`mentioned` finds the
places named in a text (countries, a few groups of them, the regions of Québec, and any region a
participant gives), :func:`located` the places a profile is in (its country, its region, and the groups
they belong to), both as the same keys. Names of languages ("French", "anglais") are left out on
purpose: "Canadian French narrators" says nothing of where a partner should be.
"""

from __future__ import annotations

from functools import cache, lru_cache

from maillage.engine.recommend.text import normalise_label, tokenize

# key: names, folded and lower-case, French and English, with the adjectives that name a people
_COUNTRIES = {
    "canada": "canada ; canadien ; canadienne ; canadiens ; canadiennes ; canadian ; canadians",
    "france": "france ; hexagone ; metropole",
    "belgium": "belgique ; belgium ; belge ; belges ; belgian ; belgians",
    "switzerland": "suisse ; switzerland ; swiss ; romandie",
    "luxembourg": "luxembourg",
    "united states": "etats unis ; united states ; usa ; u s ; americain ; americaine ; americains ; "
    "americaines ; american ; americans ; new york ; vermont ; new hampshire ; massachusetts ; maine ; "
    "new england ; nouvelle angleterre ; california ; californie ; texas ; florida ; floride ; colorado",
    "united kingdom": "royaume uni ; united kingdom ; uk ; britain ; great britain ; grande bretagne ; british ; "
    "britannique ; britanniques ; england ; angleterre ; scotland ; ecosse ; wales ; london ; londres",
    "ireland": "ireland ; irlande ; irish ; irlandais ; irlandaise",
    "germany": "germany ; allemagne",
    "netherlands": "netherlands ; pays bas ; holland ; hollande",
    "spain": "spain ; espagne",
    "italy": "italy ; italie",
    "portugal": "portugal",
    "austria": "austria ; autriche",
    "denmark": "denmark ; danemark",
    "sweden": "sweden ; suede",
    "norway": "norway ; norvege",
    "finland": "finland ; finlande",
    "iceland": "iceland ; islande",
    "morocco": "morocco ; maroc ; marocain ; marocaine",
    "tunisia": "tunisia ; tunisie",
    "algeria": "algeria ; algerie",
    "senegal": "senegal",
    "ivory coast": "cote d ivoire ; ivory coast",
    "mali": "mali",
    "ghana": "ghana",
    "nigeria": "nigeria",
    "japan": "japan ; japon",
    "australia": "australia ; australie",
    "new zealand": "new zealand ; nouvelle zelande",
    "israel": "israel",
    "mexico": "mexico ; mexique",
}
_GROUPS = {
    "europe": (
        "europe ; european ; europeen ; europeenne ; europeens ; europeennes ; union europeenne ; eu ; ue",
        "france belgium switzerland luxembourg germany netherlands spain italy portugal austria denmark sweden"
        " norway finland iceland ireland united_kingdom",
    ),
    "north america": (
        "north america ; north american ; amerique du nord ; nord americain ; nord americaine",
        "canada united_states mexico",
    ),
    "maghreb": ("maghreb ; afrique du nord ; north africa ; north african", "morocco tunisia algeria"),
    "west africa": (
        "afrique de l ouest ; west africa ; afrique francophone ; francophone africa ; afrique subsaharienne",
        "senegal ivory_coast mali ghana nigeria",
    ),
    "africa": (
        "afrique ; africa ; african ; africain ; africaine",
        "morocco tunisia algeria senegal ivory_coast mali ghana nigeria",
    ),
    "nordics": (
        "scandinavie ; scandinavia ; nordics ; nordic ; pays nordiques",
        "denmark sweden norway finland iceland",
    ),
    "benelux": ("benelux", "belgium netherlands luxembourg"),
}
_QUEBEC_REGIONS = (
    "montreal ; capitale nationale ; estrie ; outaouais ; mauricie ; saguenay lac saint jean ; bas saint laurent ;"
    " laurentides ; chaudiere appalaches ; monteregie ; laval ; centre du quebec ; abitibi temiscamingue ;"
    " cote nord ; gaspesie iles de la madeleine ; lanaudiere ; nord du quebec"
)
_QUEBEC = "quebec ; quebecois ; quebecoise ; quebecoises ; province de quebec"
_ATLANTIC = "canada atlantique ; atlantic canada ; maritimes ; provinces atlantiques"
_ATLANTIC_REGIONS = (
    "nova scotia ; nouvelle ecosse ; new brunswick ; nouveau brunswick ; prince edward island ;"
)
_ATLANTIC_REGIONS += (
    " ile du prince edouard ; newfoundland and labrador ; terre neuve et labrador ; newfoundland"
)
MAX_WORDS = 5


def _split(names: str) -> list[str]:
    return [name.strip() for name in names.split(";") if name.strip()]


@cache
def _names() -> dict[str, frozenset[str]]:
    """Folded name -> the place keys it names."""
    table: dict[str, set[str]] = {}
    for key, names in _COUNTRIES.items():
        for name in _split(names):
            table.setdefault(name, set()).add(key)
    for key, (names, _members) in _GROUPS.items():
        for name in _split(names):
            table.setdefault(name, set()).add(key)
    for name in _split(_QUEBEC):
        table.setdefault(name, set()).add("quebec")
    for name in _split(_ATLANTIC):
        table.setdefault(name, set()).add("atlantic canada")
    return {name: frozenset(keys) for name, keys in table.items()}


@cache
def _parents() -> dict[str, frozenset[str]]:
    """Country or region key -> the groups it belongs to."""
    parents: dict[str, set[str]] = {}
    for group, (_, members) in _GROUPS.items():
        for member in members.split():
            parents.setdefault(member.replace("_", " "), set()).add(group)
    for region in _split(_QUEBEC_REGIONS):
        parents.setdefault(region, set()).add("quebec")
    for region in _split(_ATLANTIC_REGIONS):
        parents.setdefault(region, set()).add("atlantic canada")
    return {key: frozenset(value) for key, value in parents.items()}


def _grams(text: str) -> list[str]:
    words = [token.norm for token in tokenize(text)]
    return [
        " ".join(words[k : k + length])
        for k in range(len(words))
        for length in range(1, min(MAX_WORDS, len(words) - k) + 1)
    ]


@lru_cache(maxsize=20_000)
def mentioned(text: str, regions: frozenset[str] = frozenset()) -> frozenset[str]:
    """The place keys a text names; ``regions`` are the participants' regions, folded, also looked for."""
    names = _names()
    found: set[str] = set()
    for gram in _grams(text):
        found |= names.get(gram, frozenset())
        if gram in regions:
            found.add(gram)
    return frozenset(found)


@lru_cache(maxsize=4_096)
def located(country: str, region: str) -> frozenset[str]:
    """The place keys a profile is in: its country and region, and the groups of both."""
    keys: set[str] = set(mentioned(country))
    region_key = normalise_label(region)
    if region_key:
        keys.add(region_key)
        keys |= mentioned(region)
    if "quebec" in region_key.split():
        keys.add("quebec")
    for key in list(keys):
        keys |= _parents().get(key, frozenset())
    for key in list(keys):
        keys |= _parents().get(key, frozenset())
    return frozenset(keys)
