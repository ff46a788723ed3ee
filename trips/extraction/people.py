"""Names of people, the rules for comparing them, and spotting officials.

A person is an official when some mention carries an office ("Japanese
Foreign Minister Toshimitsu Motegi", "Wang Yi, China's top diplomat",
"Adm. Dong Jun"). Surname-only mentions are resolved to the full name.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from trips.extraction.lexicon import (
    HOST_VERBS,
    KNOWN_OFFICES,
    MEETING_VERBS,
    REPORT_VERBS,
    TRAVEL_VERBS,
    office,
    offices_agree,
)
from trips.extraction.places import PlaceMention, Token, country_code, gazetteer, tokenize

_HONORIFIC_WORDS = frozenset(
    [
        "king",
        "queen",
        "consort",
        "sheikh",
        "shaikh",
        "sheikha",
        "crown",
        "prince",
        "princess",
        "lord",
        "sir",
        "dame",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "adm",
        "gen",
        "maj",
        "col",
        "lt",
        "capt",
        "sgt",
        "cmdr",
        "brig",
        "his",
        "her",
        "excellency",
        "he",
        "hon",
        "rev",
        "emir",
        "sultan",
        "shri",
        "sri",
        "smt",
        "shrimati",
        "datuk",
        "dato",
        "datin",
        "seri",
        "tun",
        "tengku",
        "pak",
        "bapak",
        "ibu",
        "samdech",
        "ratu",
        "hh",
        "hrh",
        "pol",
        "prof",
        "professor",
        "amb",
        "engr",
    ]
)
_SUFFIX_WORDS = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")


@lru_cache(maxsize=4096)
def normalise_name(name: str) -> str:
    """The comparable form of a name (SCHEMA.md rules).

    Drops what follows a comma, leading honorifics and royal titles, trailing
    generational suffixes, accents, case and full stops.

    >>> normalise_name("Sheikh Mohamed bin Zayed Al Nahyan")
    'mohamed bin zayed al nahyan'
    >>> normalise_name("Lloyd J. Austin III")
    'lloyd j austin'
    """
    head = name.split(",", 1)[0]
    words = [w.strip("’'") for w in re.split(r"[\s.]+", _fold(head).lower()) if w.strip("’'")]
    # "Tan" is an honorific only in "Tan Sri"; elsewhere it is a common surname.
    while len(words) > 1 and (
        words[0] in _HONORIFIC_WORDS or (words[0] == "tan" and words[1] in ("sri", "seri"))
    ):
        words.pop(0)
    while len(words) > 1 and words[-1] in _SUFFIX_WORDS:
        words.pop()
    return " ".join(words)


def names_match(a: str, b: str) -> bool:
    """True when two names denote the same person under SCHEMA.md rules.

    >>> names_match("Antony John Blinken", "A. Blinken")
    True
    >>> names_match("King Abdullah II", "Abdullah"), names_match("Wang Yi", "Yi")
    (True, False)
    >>> names_match("George H. W. Bush", "George W. Bush")
    False
    """
    wa, wb = normalise_name(a).split(), normalise_name(b).split()
    if not wa or not wb:
        return False
    if len(wa) == 1 or len(wb) == 1:
        return wa == wb
    if wa[-1] != wb[-1] or not _word_agrees(wa[0], wb[0]):
        return False
    return _middles_agree(wa[1:-1], wb[1:-1])


def _word_agrees(a: str, b: str) -> bool:
    """The same word, or one is the initial of the other."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _middles_agree(a: list[str], b: list[str]) -> bool:
    """Middle names or initials agree letter by letter where both names give them.

    "H. W." agrees with "Herbert Walker" but not with "W."; a name that gives no
    middle names agrees with any.

    >>> _middles_agree(["h", "w"], ["herbert", "walker"]), _middles_agree(["w"], ["h", "w"])
    (True, False)
    """
    if not a or not b:
        return True
    return len(a) == len(b) and all(_word_agrees(x, y) for x, y in zip(a, b, strict=True))


def spelling_key(name: str) -> str:
    """A looser key that also folds doubled letters ("Mohammed" ~ "Mohamed").

    >>> spelling_key("Mohammed bin Zayed") == spelling_key("Mohamed bin Zayed")
    True
    """
    return _undoubled(normalise_name(name))


def _undoubled(text: str) -> str:
    """``text`` with each run of a doubled letter as one: "Gutteres" -> "Guteres"."""
    return re.sub(r"(\w)\1+", r"\1", text)


def display_name(name: str) -> str:
    """The exported form: no honorifics or suffixes. Middle initials stay: they
    tell people apart ("George H. W. Bush", "George W. Bush").

    >>> display_name("Gen. CQ Brown, Jr.")
    'CQ Brown'
    >>> display_name("Lloyd J. Austin III")
    'Lloyd J. Austin'
    >>> display_name("Tan Sri Abang Johari Tun Openg"), display_name("Tan Dung")
    ('Abang Johari Tun Openg', 'Tan Dung')
    """
    head = name.split(",", 1)[0]
    words = [w for w in head.replace(".", ". ").split() if w]
    # "He" opens Chinese names ("He Lifeng"); it is not a style to drop here. "Tan" is
    # a style only in "Tan Sri" (as normalise_name reads it).
    while len(words) > 1 and (
        words[0].rstrip(".’'").lower() in _HONORIFIC_WORDS  # "Dato’ Sri"
        and words[0] not in ("He", "To")
        or words[0] == "Tan"
        and len(words) > 2
        and words[1] in ("Sri", "Seri")
    ):
        words.pop(0)
    while len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIX_WORDS:
        words.pop()
    return " ".join(w.rstrip(".") if re.fullmatch(r"[A-Z]\.", w) is None else w for w in words)


_CONNECTORS = frozenset(
    [
        "bin",
        "bint",
        "ibn",
        "abu",
        "al",
        "el",
        "de",
        "da",
        "di",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "del",
        "della",
        "ben",
        "e",
    ]
)
_TITLE_HEADS = (
    r"chief\s+executive|cs|first\s+lady|second\s+gentleman|president-elect|hr/vp|vp|eam|"
    r"vice[- ]president|president|prime\s+minister|pm|fm|minister|secretary[- ]general|secretary|"
    r"state\s+councilor|state\s+councillor|councilor|chancellor|premier|king|queen|emir|amir|"
    r"crown\s+prince|sultan|emperor|empress|governor[- ]general|governor|ambassador|envoy|"
    r"spokesperson|spokesman|spokeswoman|"
    r"adviser|advisor|chairman|chairwoman|chair|director(?:[- ]general)?|commissioner|senator|"
    r"congressman|congresswoman|speaker|mayor|leader|counterparts?|peers?|diplomat|chief|head|deputy|"
    r"vice\s+chairman|premier|ruler|monarch|lawmaker|general|admiral|officials?|"
    r"mp|mep|mla|msp|member\s+of\s+parliament|parliamentarian|"
    r"(?:high|special|trade|permanent)\s+representative|consul(?:[- ]general)?"
)
_TITLE_HEAD_RE = re.compile(rf"\b(?:{_TITLE_HEADS})\b", re.IGNORECASE)
_MODIFIERS = frozenset(
    [
        "senior",
        "top",
        "chief",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "press",
        "policy",
        "national",
        "security",
        "central",
        "bank",
        "ministry",
        "state",
        "vice",
        "prime",
        "first",
        "second",
        "acting",
        "interim",
        "military",
        "trade",
        "finance",
        "economy",
        "interior",
        "home",
        "justice",
        "health",
        "energy",
        "special",
        "high",
        "permanent",
        "presidential",
        "executive",
        "principal",
        "assistant",
        "under",
        "under-secretary",
        "house",
        "white",
        "army",
        "navy",
        "air",
        "force",
        "liberation",
        "people's",
        "peoples",
        "government",
        "his",
        "her",
        "their",
        "its",
        "the",
        "a",
        "an",
        "and",
        "of",
        "for",
        "on",
        "new",
        "incoming",
        "outgoing",
        "regional",
    ]
)
_RANK = re.compile(
    r"(?<![\w-])(?<!Secretary\s)(?<!Attorney\s)(?<!Director\s)(?<!Consul\s)(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Dame|Sheikh|Shaikh|Sheikha|Adm|Gen|Maj|Col|Lt|Capt|Sgt|Cmdr|Brig|"
    r"Rear\s+Adm(?:iral)?|Vice\s+Adm(?:iral)?|(?:Lieutenant|Major|Brigadier)\s+General|"
    r"Air\s+(?:Chief\s+|Vice\s+)?Marshal|"
    r"Air\s+Force|Navy|Army|Marine\s+Corps|General|Admiral|Colonel|Major|"
    r"Cardinal|Archbishop|Bishop|Patriarch|Monsignor|Msgr|Rev|Reverend|Imam|Rabbi|"
    r"H\.E|H\.H|HRH|His\s+Excellency|Her\s+Excellency|Excellency|His\s+(?:Royal\s+)?Highness|"
    r"Her\s+(?:Royal\s+)?Highness|His\s+Majesty|Her\s+Majesty|Petty\s+Officer)\.?\s+)+$"
)
# A royal style between an office and the name ("Foreign Minister Prince
# Faisal ..."): the office is the title, the style is dropped.
_ROYAL_STYLE = re.compile(r"(?<!Crown\s)\b(?:Prince|Princess|Sheikh|Sheikha)\s+$")
_MILITARY = re.compile(r"\b(?:Adm|Gen|General|Admiral|Colonel|Col|Maj|Brig)\b")
# "then" and "late" mark a former office only right before it ("then-Secretary",
# "the late King"): "will then visit" and "late on Monday" are not.
_FORMER = re.compile(
    r"\b(?:former|ex|onetime|erstwhile)[- ](?:[^\s,]+\s+){0,3}$|\b(?:then|late)(?:-\s*|\s)$",
    re.IGNORECASE,
)
_NOT_GOVERNMENT = re.compile(
    r"\b(?:United Nations|UN|U\.N\.|NATO|IAEA|International|World|European Commission|Agency|"
    r"EU|European Union|European Council|African Union|ASEAN|OPEC|IMF|WHO|"
    r"Organi[sz]ation|Fund|Secretary-General|Red Cross|Company|Corp|Inc|CEO|Party|"
    r"(?i:first\s+lady|first\s+gentleman|second\s+lady|second\s+gentleman|queen\s+consort)|"
    r"spouse|wife|husband)\b"
)
_US_TITLES = re.compile(
    r"\b(?:Secretary of State|Secretary of Defense|Defense Secretary|Pentagon|White House|"
    r"State Department|Joint Chiefs|Congress|Senate(?!\s+(?:Chairman|Chairperson|President))|"
    r"National Security Adviser|U\.S\.|"
    r"(?<!Foreign\s)(?<!Permanent\s)(?<!Cabinet\s)(?<!Parliamentary\s)(?<!General\s)(?<!State\s)"
    r"Secretary(?![- ]General)(?!\s+(?:of|for)\s+(?:Foreign|External)\s+Affairs))\b"
)  # (the Philippines' "Secretary of Foreign Affairs" is no American)
_NON_NAME = frozenset(
    [
        "Consort",  # "the Queen Consort": an office
        "CS",  # "Prime CS X": a Cabinet Secretary
        "Regent",
        "Dowager",
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "After",
        "Before",
        "During",
        "While",
        "When",
        "As",
        "But",
        "And",
        "He",
        "She",
        "They",
        "It",
        "His",
        "Her",
        "Their",
        "This",
        "That",
        "These",
        "Those",
        "We",
        "Our",
        "I",
        "With",
        "From",
        "For",
        "To",
        "By",
        "Of",
        "Despite",
        "Although",
        "Since",
        "Also",
        "Here",
        "There",
        "Days",
        "Later",
        "Earlier",
        "Meanwhile",
        "However",
        "According",
        "Both",
        "All",
        "Many",
        "Some",
        "Summary",
        "Published",
        "Updated",
        "Photo",
        "Read",
        "More",
        "Related",
        "Nations",
        "Summit",
        "Forum",
        "Democracy",
        "Commission",
        "Board",
        "Bank",
        "Institute",
        "Foundation",
        "University",
        "Palace",
        "Base",
        "Cemetery",
        "Canal",
        "Champions",
        "League",
        "Cooperation",
        "Relations",
        "Act",
        "Policy",
        "Assurances",
        "Communiques",
        "Joint",
        "Chiefs",
        "Staff",
        "Post",
        "Times",
        "Agency",
        "Press",
        "News",
        "Council",
        "Congress",
        "Senate",
        "Parliament",
        "Cabinet",
        "Department",
        "Ministry",
        "Office",
        "Committee",
        "Organization",
        "Organisation",
        "Administration",
        "Government",
        "Army",
        "Navy",
        "Air",
        "Force",
        "Marine",
        "Marines",
        "Corps",
        "Liberation",
        "Party",
        "Union",
        "President",
        "Minister",
        "Secretary",
        "Prime",
        "Vice",
        "Foreign",
        "Deputy",
        "State",
        "Councilor",
        "Councillor",
        "Crown",
        "Prince",
        "Princess",
        "King",
        "Queen",
        "Emir",
        "Amir",
        "Sultan",
        "Sheikh",
        "Shaikh",
        "Chancellor",
        "Premier",
        "General",
        "Gen",
        "Adm",
        "Admiral",
        "Maj",
        "Col",
        "Lt",
        "Capt",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "Lord",
        "Ambassador",
        "Governor",
        "Chairman",
        "Chairwoman",
        "Chairperson",
        "First",
        "Lady",
        "Ruler",  # "Deputy Ruler of Abu Dhabi"
        # Ranks of churches and faiths ("Cardinal Pietro Parolin"); not "Bishop", a surname.
        "Cardinal",
        "Archbishop",
        "Patriarch",
        "Monsignor",
        "Reverend",
        "Imam",
        "Rabbi",
        # Parliaments named in their own languages.
        "Sabha",
        "Knesset",
        "Duma",
        "Bundestag",
        "Majlis",
        "Sejm",
        "Rada",
        "Riksdag",
        "Storting",
        "Folketing",
        "Oireachtas",
        "Dail",
        "Senedd",
        "Cortes",
        "VP",
        "HR",
        "EAM",
        "HR/VP",
        "Arrive",
        "Arrival",
        "Arrives",
        "Depart",
        "Departure",
        "Departs",
        "Leave",
        "Meeting",
        "Meetings",
        "Visit",
        "Visits",
        "Itinerary",
        # Occasions ("will also host an Official Lunch"): no one's name.
        "Lunch",
        "Luncheon",
        "Dinner",
        "Banquet",
        "Breakfast",
        "Reception",
        "Ceremony",
        "Talks",
        "Director",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "Senator",
        "Sen",
        "Rep",
        "Representative",
        "Speaker",
        "Mayor",
        "Defense",
        "Defence",
        "Affairs",
        "House",
        "White",
        "Pentagon",
        "Petty",
        "Officer",
        "Class",
        "Head",
        "Chief",
        "Leader",
        "Leaders",
        "Secretaries",
        "Officials",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "September",
        "October",
        "November",
        "December",
        "Economic",
        "Commerce",
        "Trade",
        "Security",
        "Defense",
        "National",
        "International",
        "Global",
        "World",
        "Central",
        "Southeast",
        "Northeast",
        "East",
        "West",
        "North",
        "South",
        "Asian",
        "Middle",
        "Latin",
        "European",
        "African",
        "Pacific",
        "Indo",
        "Atlantic",
        "Arctic",
        "Gulf",
        "Persian",
        "Caribbean",
        "Quad",
        "Cold",
        "War",
        "Earth",
        "Sea",
        "Ocean",
        "Islands",
        "Island",
        "Republic",
        "Kingdom",
        "Federation",
        "Confederation",
        "Armed",
        "Forces",
        "Police",
        "Guard",
        "Guards",
        "Commonwealth",
        "Principality",
        "Sultanate",
        "Duchy",
        "Union",
        "Emirates",
        "States",
        "United",
        "Mission",
        "Embassy",
        "Consulate",
        "Statement",
        "Release",
        "Readout",
        "Remarks",
        "Transcript",
        "Breaking",
        "Update",
        "Video",
        "Watch",
        "Listen",
        "Advertisement",
        "Secretary-General",
        "Envoy",
        "Special",
        "Senior",
        "Top",
        "Official",
        "Officer",
        "Military",
        "Staff",
        "Writer",
        "Correspondent",
        "Reporter",
        "Editor",
        "Capital",
        "City",
        "Province",
        "Region",
        "County",
        "Strait",
        "Club",
        "Final",
        "Cup",
        "Games",
        "Olympic",
        "Olympics",
        "Day",
        "Week",
        "Year",
        "Month",
        "Presidential",
        "Royal",
        "Supreme",
        "Court",
        "Justice",
        "Federal",
        "Ministers",
        "Mr.",
        "Reuters",
        "AFP",
        "AP",
        "People",
        "PM",
        "FM",
        "Pm",  # "Pm Sogavare on arrival": a caption's office initials
        "Fm",
        "Getty",
        "Images",
        "Xinhua",
        "Associated",
        "Reuters",
        "Bloomberg",
        "Anadolu",
        "Nahyan",
    ]
) - {"Nahyan"}
_NON_NAME |= frozenset(
    [
        "Former",
        "Late",
        "Then",
        "Acting",
        "Interim",
        "Outgoing",
        "Incoming",
        "Newly",
        "New",
        "Visiting",
        "Embattled",
        "Veteran",
    ]
)
# Days told relative to today, capitalised at a sentence's start ("Tomorrow, the prime
# minister will attend ...").
_NON_NAME |= frozenset(
    ["Today", "Tomorrow", "Yesterday", "Tonight", "Separately", "Subsequently", "Additionally"]
)
# English function words (spaCy's stop list) capitalised at the start of a sentence
# ("Throughout, President Biden will ..."), less those that are also names.
_NON_NAME |= frozenset(
    w.capitalize()
    for w in STOP_WORDS
    if w.isalpha()
    and w not in {"he", "may", "will", "do", "per", "can", "so", "to", "well", "us", "mine", "else"}
)
# Offices and ranks: a name starts after them ("National Security Adviser Takeo Akiba").
_NON_NAME |= frozenset(
    [
        "Adviser",
        "Advisor",
        "Commissioner",
        "Chair",
        "Counsellor",
        "Consul",
        "Attorney",
        "Lieutenant",
        "Captain",
        "Commander",
        "Colonel",
        "Marshal",
        "Undersecretary",
        "Treasurer",
        "Executive",
        "Counterpart",  # "his Sri Lankan Counterpart X", capitalised as in an office
        "Counterparts",
    ]
)
# Letters after a name are honours and seats, not names ("Rushanara Ali, MP").
_POST_NOMINALS = frozenset(
    ["MP", "MEP", "MLA", "MSP", "MPP", "QC", "KC", "OBE", "MBE", "CBE", "KBE"]
)
_NON_NAME |= _POST_NOMINALS
# Words that end names of pacts, programmes and bodies ("Financing Pact",
# "Global Gateway", "Belt and Road Initiative"): never part of a person's name.
_NON_NAME |= frozenset(
    [
        "Pact",
        "Gateway",
        "Initiative",
        "Agreement",
        "Treaty",
        "Accord",
        "Accords",
        "Declaration",
        "Compact",
        "Partnership",
        "Alliance",
        "Programme",
        "Program",
        "Plan",
        "Fund",
        "Package",
        "Corridor",
        "Dialogue",
        "Framework",
        "Convention",
        "Protocol",
        "Charter",
        "Strategy",
        "Process",
        "Format",
        "Group",
        "Conference",
        "Assembly",
        "Financing",
        "Finance",
        "Development",
        "Investment",
        "Climate",
        "Summit",
        "Kremlin",
        "Elysee",
        "Élysée",
        "Diwan",
        "Amiri",
        "Highness",
        "Majesty",
        "Governor-General",
        "Mossad",
        "Emperor",
        "Empress",
        "HH",
        "HRH",
        "HM",
        # Portfolio words of ministers' titles ("External Affairs Minister").
        "External",
        "Internal",
        "Interior",
        "Home",
        "Agriculture",
        "Education",
        "Environment",
        "Industry",
        "Labour",
        "Labor",
        "Transport",
        "Tourism",
        "Culture",
        "Information",
        "Communications",
        "Petroleum",
        "Mines",
        "Public",
        "Works",
        "Housing",
        "Planning",
        "Digital",
        "Science",
        "Technology",
        "Youth",
        "Sports",
        "Welfare",
        "Fisheries",
        "Infrastructure",
        "Economy",
        "Treasury",
        "Intelligence",
        "EU",
        "UN",
        "UK",
        "President-elect",
        "Vice-President",
        "Vice-Premier",
        "Prime-Minister",
        "Minister-designate",
        "Secretary-designate",
        "Premier-elect",
        "Excellency",
        "Royal",
        "Airport",
        "International",
        "Station",
        "Hall",
        "Cosmodrome",
    ]
)

_INSTITUTION_AFTER = re.compile(
    r" (?:Summit|Forum|Conference|Dialogue|Pact|Agreement|Initiative|Council|Commission|Group|"
    r"Assembly|Festival|Games|Cup|Award|Prize|Fund|Bank|Institute|University|Foundation|"
    r"Corridor|Partnership|Alliance|Plan|Programme|Program|Act|Declaration|Treaty|Accords?|"
    r"Airbase|Airport|Air\s+Base|International\s+Airport|Party)\b"
)
# "the Extraordinary Arab and Islamic Summit": the institution word after a list.
_INSTITUTION_LATER = re.compile(
    r"(?:\s+(?:and|&|of|for|the)(?:\s+[A-Z][\w'’\-]*)+)+" + _INSTITUTION_AFTER.pattern
)
# Words that end the name of a building or monument named after someone.
_PLACE_OF_NAME = re.compile(
    r"Mausoleum|Monument|Memorial|Museum|Tomb|Square|Palace|Hall|Stadium|Airport|Cemetery|"
    r"Bridge|Park|Temple|Mosque|Cathedral|Church|Shrine|Centre|Center|Building|Street|Road|"
    r"Avenue|Station|Hospital|School|College|Academy|Library|Gate|Tower|Garden|Gardens|Port|"
    r"Base|Highway|Boulevard|Market|Residence|Lodge|Villa|Complex|Terminal|Expressway|"
    r"Airbase|Airfield"
)
# Place words that are also surnames ("Lee Park", "Stuart Hall"): a place only at
# the end of a longer name.
_SURNAME_TOO = re.compile(
    r"Park|Hall|Square|Palace|Bridge|Gate|Tower|Garden|Gardens|Lodge|Villa|Market|Port|Church|"
    r"Street|Road|Station|Base|Centre|Center|Building|Residence|Complex|School|College"
)
_INNER_NICKNAME = re.compile(r"\s*[“\"‘']([A-Z][\w\-]+)[”\"’']\s*")
_NICKNAME = re.compile(r"\s+['‘“\"]([A-Z][\w\-]+)['’”\"]")
_END_PARTICLES = frozenset(["Das", "Da", "Di", "Du", "Le", "Ben", "Dos", "Van"])
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|az|bin|ibn|abu)-[A-Z]")
_DAY_AFTER = re.compile(r"\.?\s+\d")
_MONTH_WORDS = frozenset(
    [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "March",
        "April",
        "June",
        "July",
        "August",
    ]
)
_PHOTO_CREDIT = r"©|\bGetty Images\b|\bPhoto(?:graph)?:|\bFile photo\b|\bCredit:"
_PHOTO_CREDIT_RE = re.compile(_PHOTO_CREDIT)
_CREDIT_LINE = re.compile(
    _PHOTO_CREDIT + r"|^By\s|\bStaff Writer\b"
    # links to other stories: "Related: X to visit Y next month"
    r"|^\s*(?i:Related|Read more|Also read|Read also|See also|Recommended)\s*:"
)


def has_photo_credit(text: str) -> bool:
    """A line with a photo's credit on it, which makes the line a caption.

    >>> has_photo_credit("A and B shake hands. Photo: AFP"), has_photo_credit("By Jane Roe")
    (True, False)
    """
    return bool(_PHOTO_CREDIT_RE.search(text))


def is_credit_line(text: str) -> bool:
    """Bylines and photo credits name people who are not officials.

    >>> is_credit_line("By Jane Roe / Staff Writer")
    True
    """
    return bool(_CREDIT_LINE.search(text))


@dataclass
class Person:
    """A person found in one text, with every mention."""

    name: str
    title: str = ""
    country: str | None = None
    official: bool = False
    former: bool = False
    government: bool = True
    possessor: str | None = None  # "Pompeo's adviser": the official whose country they share
    mentions: list[tuple[int, int]] = field(default_factory=list)
    title_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    person: int  # index into the people list


def _is_name_token(token: Token) -> bool:
    text = token.text
    if text in _NON_NAME:
        return False
    if text.lower() in _CONNECTORS:
        return True
    if _PARTICLE_NAME.match(text):
        return True
    if not text[0].isupper():
        return False
    head, _, rest = text.partition("-")
    office_after = rest and (
        rest[0].islower()
        or _TITLE_HEAD_RE.match(rest)
        or rest.lower() in ("elect", "designate")  # "President-Elect"
    )
    if office_after and _TITLE_HEAD_RE.fullmatch(head):
        # "Minister-in-Waiting", "Secretary-General": an office; "Amir-Abdollahian" a name
        return False
    # Acronyms (NATO, ASEAN) are not names, but generational suffixes are.
    return not (text.isupper() and len(text) >= 3 and text.rstrip(".").lower() not in _SUFFIX_WORDS)


def _surname_he(text: str, tokens: list[Token], token: Token) -> bool:
    """ "Vice Premier He Lifeng", "President To Lam": surnames that are also
    English words, right after an office and before a capitalised name."""
    if token.text not in ("He", "To"):
        return False
    before = text[max(0, token.start - 30) : token.start]
    after = re.match(r" [A-Z][a-z]+\b", text[token.end : token.end + 20])
    return bool(after) and bool(re.search(rf"\b(?:{_TITLE_HEADS})\s$", before, re.IGNORECASE))


_STYLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Sen|Senator|Rep|Gen|Adm|President|Secretary|"
    r"Minister|Premier|Chancellor|Ambassador|Governor)\.?\s$"
)


def _shouted(word: str) -> bool:
    return word.isupper() and word.isalpha() and len(word) >= 3


def _given_name_amir(text: str, token: Token) -> bool:
    """ "Amir" as a given name: after an office ("Foreign Minister Amir Khan Muttaqi",
    "the Afghan Foreign Minister, Amir Khan Muttaqi,") or before two more names. The
    office is "Amir Sheikh Nawaf", "Amir Tamim bin Hamad", "Qatar's Amir Tamim".

    >>> text = "Foreign Minister Amir Khan Muttaqi and Amir Tamim bin Hamad Al Thani"
    >>> [_given_name_amir(text, t) for t in tokenize(text) if t.text == "Amir"]
    [True, False]
    """
    if token.text != "Amir":
        return False
    after = re.match(
        r" (?!(?:Sheikh|Shaikh|Sheik|of|bin|ibn|Al)\b)[A-Z][\w\-]+"
        r"(?: (?!(?:bin|ibn|Al|al)\b)[A-Z][\w\-]+)?(?! (?:bin|ibn|Al|al)\b)",
        text[token.end : token.end + 60],
    )
    if after is None:
        return False
    before = text[max(0, token.start - 40) : token.start]
    if re.search(r"(?:['’]s|\b(?:Qatari|Kuwaiti)|\bHis\s+Highness)\s$", before):
        return False
    office_before = re.search(rf"\b(?:{_TITLE_HEADS}),?\s$", before, re.IGNORECASE)
    return bool(office_before) or after.group().count(" ") >= 2


def _capitalised_family_name(text: str, token: Token) -> bool:
    """ "Prime Minister SUGA Yoshihide": a family name in capitals, written first,
    right after an office and before a given name."""
    if not (token.text.isupper() and token.text.isalpha() and len(token.text) >= 2):
        return False
    if _TITLE_HEAD_RE.fullmatch(token.text):
        return False  # "his counterpart FM X": an office's initials, not a family name
    after = re.match(r" [A-Z][a-z]+\b", text[token.end : token.end + 30])
    before = text[max(0, token.start - 40) : token.start]
    return bool(after) and bool(re.search(rf"\b(?:{_TITLE_HEADS})\s$", before, re.IGNORECASE))


# The last item of a portfolio ("Minister for Information and Broadcasting X"): a
# word of a field of government, by its ending, never a given name's.
_FIELD_WORD = re.compile(r"[A-Z][a-z]{3,}(?:casting|ing|ion|ment|ture|ism|ance|ence|ity|ics|ology)")


def _past_portfolio(text: str, start: int, end: int) -> tuple[int, int]:
    """A run of capitalised words without the portfolio words that open it, after a
    portfolio's "and": "Minister for Information and Broadcasting Fawad Hussain".

    >>> text = "Minister for Information and Broadcasting Fawad Hussain"
    >>> start, end = _past_portfolio(text, 29, len(text)); text[start:end]
    'Fawad Hussain'
    """
    if not re.search(r"\s(?:and|&)\s$", text[max(0, start - 6) : start]):
        return start, end
    if not _PORTFOLIO_BEFORE.search(text, max(0, start - 60), start):
        return start, end
    while True:
        word = _FIELD_WORD.match(text, start, end)
        if word is None or not re.match(r" [A-Z]", text[word.end() : word.end() + 2]):
            return start, end
        start = word.end() + 1


_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Minister|Secretary|Commissioner|Ministry|Department)(?:\s+of\s+State)?"
    r"\s+(?:for|of)\s+(?:the\s+)?"
    # "Minister of State for Power, Coal, New and Renewable Energy": the list's items too
    r"(?:(?!Minister|Secretary)[A-Z][\w\-]*(?:\s+(?!Minister|Secretary)[A-Z][\w\-]*)*"
    r"(?:,|\s+and|\s+&)\s+)*$"
)


# The third-person forms of the verbs of travel, meeting and saying: in a headline set
# in capitals ("Defense Minister Prabowo Holds Closed Meeting") a name ends before one.
def _third_person(verb: str) -> str:
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + ("es" if re.search(r"(?:s|sh|ch|x|z|o)$", verb) else "s")


_HEADLINE_VERBS = frozenset(
    _third_person(verb).capitalize()
    for verb in set(TRAVEL_VERBS) | HOST_VERBS | MEETING_VERBS | REPORT_VERBS | {"hold"}
    if verb.isalpha()
)


def _runs(text: str, tokens: list[Token], places: list[PlaceMention]) -> list[tuple[int, int]]:
    """Spans of capitalised word runs that may be names."""
    place_at = {}
    for mention in places:
        place_at[mention.start] = mention
    runs: list[tuple[int, int]] = []
    current: list[Token] = []

    def close() -> None:
        verb = next((i for i, t in enumerate(current) if t.text in _HEADLINE_VERBS), None)
        if verb is not None:
            del current[verb:]  # "Prabowo Holds Closed Meeting": the name is "Prabowo"
        if (
            len(current) == 1
            and "-" in current[0].text
            and all(country_code(part) for part in current[0].text.split("-"))
        ):
            current.clear()  # "the Indonesia-Australia meeting": two countries
        # A capitalised particle at the end is a surname ("Mohan Das").
        while (
            current
            and current[-1].text.lower() in _CONNECTORS
            and not (len(current) > 1 and current[-1].text in _END_PARTICLES)
        ):
            current.pop()
        while (
            current
            and current[0].text.lower() in _CONNECTORS
            and not (current[0].text[0].isupper() and len(current) >= 3)
        ):
            # "al-Sisi" keeps its particle; "Le Thi Thu Hang" and "De La Cruz" open with theirs.
            current.pop(0)
        if current and (
            _PLACE_OF_NAME.fullmatch(current[-1].text)
            and (len(current) >= 3 or not _SURNAME_TOO.fullmatch(current[-1].text))
        ):
            current.clear()  # "Ho Chi Minh Mausoleum": a place named after a person
        if current:
            runs.append((current[0].start, current[-1].end))
        current.clear()

    skip_until = -1
    nickname: Token | None = None
    for token in tokens:
        if token.start < skip_until:
            continue
        if token.text in _MONTH_WORDS and (
            _DAY_AFTER.match(text, token.end)
            or re.search(r"\d(?:st|nd|rd|th)?\s+$", text[max(0, token.start - 8) : token.start])
        ):  # "June 10", "10 June": a date
            close()
            continue
        place = place_at.get(token.start)
        if place is not None and _STYLED.search(text[max(0, token.start - 25) : token.start]):
            place = None  # "Mr Austin", "Secretary Price": a name that is also a place
        if place is not None:
            first_name_before = (
                current
                and place.place.kind == "city"
                and text[current[-1].end : token.start] == " "
                and current[-1].text[0].isupper()
            )
            following = re.match(r" ([A-Z][\w\-]+)", text[place.end : place.end + 30])
            surname_after = (
                place.place.kind == "city"
                and place.end == token.end
                and following is not None
                and following.group(1) not in _NON_NAME
                and place.end + 1 not in place_at
            )
            if not first_name_before and not surname_after:
                close()
                skip_until = place.end
                continue
        styled_office = token.text == "Amir" and re.search(
            r"\b(?:the|HH|HE)\s$", text[max(0, token.start - 4) : token.start]
        )
        if not styled_office and _given_name_amir(text, token):
            current.append(token)  # "Foreign Minister Amir Khan Muttaqi"
            continue
        if (
            not styled_office
            and not _is_name_token(token)
            and _capitalised_family_name(text, token)
        ):
            current.append(token)
            continue
        if (
            current
            and token.text in ("Dr", "Dr.")
            and all(t.text.lower() in _HONORIFIC_WORDS for t in current)
            and text[current[-1].end : token.start] == " "
        ):
            current.append(token)  # "Prime Minister Tun Dr X": styles, stripped later
            continue
        if styled_office or (not _is_name_token(token) and not _surname_he(text, tokens, token)):
            # "HH the Amir" is the office; "Amir" alone may be a first name.
            close()
            continue
        if current:
            gap = text[current[-1].end : token.start]
            if (
                nickname is None
                and re.fullmatch(r"\s+[“\"‘']", gap)
                and re.match(r"[”\"’']\s+[A-Z]", text[token.end : token.end + 3])
            ):
                nickname = token  # "Joko “Jokowi” Widodo": a nickname inside the name
                continue
            if nickname is not None:
                gap = text[current[-1].end : nickname.start]
                between = text[nickname.end : token.start]
                nickname = None
                if re.fullmatch(r"\s+[“\"‘']", gap) and re.fullmatch(r"[”\"’']\s+", between):
                    current.append(token)
                    continue
            ok = gap == " " or (
                gap in (". ", ".", "’ ", "' ")
                and (len(current[-1].text) == 1 or current[-1].text.lower() in _HONORIFIC_WORDS)
                and (gap[0] == "." or current[-1].text.lower() in ("dato", "datu"))
            )  # "Gen. X", "Dato’ Sri X"
            ok = ok or (gap in (", ",) and token.text.rstrip(".").lower() in _SUFFIX_WORDS)
            if not ok:
                close()
        current.append(token)
    close()
    runs = [_past_portfolio(text, s, e) for s, e in runs]
    # "AI Action Summit", "Raisina Dialogue": a run naming an event or body;
    # "Minister of State for Civil Aviation and Cooperation X": a portfolio.
    return [
        (s, e)
        for s, e in runs
        if not _INSTITUTION_AFTER.match(text, e)
        and not (
            re.search(r"\bthe\s$", text[max(0, s - 4) : s]) and _INSTITUTION_LATER.match(text, e)
        )
        and not (
            _PORTFOLIO_BEFORE.search(text, max(0, s - 60), s)
            and re.match(r",?\s+(?:and\s+|&\s+)?[A-Z]", text[e : e + 8])
        )
    ]


@dataclass(frozen=True)
class TitleInfo:
    title: str
    country: str | None
    former: bool
    government: bool
    possessor: str | None
    span: tuple[int, int]
    military: bool = False


# Words that open a clause or a headline, never part of an office.
_CLAUSE_OPENERS = frozenset(
    [
        "How",
        "Why",
        "What",
        "When",
        "Where",
        "Who",
        "Whom",
        "Whose",
        "Which",
        "While",
        "As",
        "If",
        "After",
        "Before",
        "Since",
        "Although",
        "Though",
        "Because",
        "Meanwhile",
        "Here",
        "There",
        "Now",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Watch",
        "Should",
        "Will",
        "Would",
        "Can",
        "Could",
        "Did",
        "Does",
        "Do",
        "Is",
        "Are",
        "Was",
        "Were",
    ]
)


_WEEKDAYS = frozenset(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)


def _title_before(
    text: str, start: int, floor: int, runs: list[tuple[int, int]] = ()
) -> TitleInfo | None:
    owner_run = None
    for run_start, run_end in runs:
        if text[run_start:run_end].lower() in _MODIFIERS:
            continue  # "High Commissioner", "Permanent Representative": part of the office
        if all(
            w.lower().rstrip(".’'") in _HONORIFIC_WORDS for w in text[run_start:run_end].split()
        ):
            continue  # "Prime Minister Tun Dr X": styles between the office and the name
        if text[run_start - 1 : run_start] == "(" and text[run_end : run_end + 1] == ")":
            continue  # "Minister of Defense (Menhan) X": the office's short form
        if floor <= run_end <= start - 1 and run_start < start:
            gap = text[run_end:start]
            if (
                " " not in text[run_start:run_end]
                and re.match(r"[ /-]", gap)
                and _TITLE_HEAD_RE.search(gap)
                and not re.search(r"\b(?!(?:of|for|the|and)\b)[a-z]", gap)
            ):
                continue  # "High Representative/Vice President X": one office
            if re.search(
                rf"\b(?:{_TITLE_HEADS})$", text[max(0, run_start - 40) : run_end], re.IGNORECASE
            ) and re.fullmatch(r"\s+(?:(?:Mr|Mrs|Ms|Dr|Madam)\.?\s+)?", gap):
                continue  # "Chief Executive Mr X": the run ends the office
            floor = max(floor, run_end)
            owner_run = (run_start, run_end)
    left = text[floor:start]
    if "\n" in left:
        # A title does not run across a line ("Reuters Staff\nU.S. Vice President X").
        cut = left.rfind("\n") + 1
        left, floor = left[cut:], floor + cut
    run_owner = None
    if owner_run and owner_run[1] == floor and re.match(r"['’]s\s", left):
        # "Faye's Prime Minister X": X serves Faye's government.
        run_owner = text[owner_run[0] : owner_run[1]].split()[-1]
        left = left[2:]
        floor += 2
    honorific = re.search(r"\s(?:Mr|Mrs|Ms|Dr|Madam)\.?\s+$", left)
    if honorific:
        left = left[: honorific.start()] + " "  # "Chief Executive Mr X"
    acronym = re.search(r"\s*\([A-Z]{2,6}\)\s*$", left)
    if acronym:
        # "External Affairs Minister (EAM) S. Jaishankar": the office before its acronym.
        left = left[: acronym.start()] + " "
    # "Deputy Prime Minister (PM) of Australia X", "Minister of Defense (Menhan) X": an
    # office's short form in brackets, blanked so the offsets still hold.
    left = re.sub(r"\([A-Z][A-Za-z]{1,7}\)", lambda m: " " * len(m.group()), left)
    tail_start = max(0, len(left) - 70)
    rank = _RANK.search(left, tail_start)
    military = False
    if rank:
        military = bool(_MILITARY.search(rank.group()))
        left = left[: rank.start()]
    royal = _ROYAL_STYLE.search(left)
    if royal and _TITLE_HEAD_RE.search(left[max(0, royal.start() - 40) : royal.start()]):
        left = left[: royal.start()]
    stripped = left.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1].rstrip()
    officials_list = re.search(
        r"\b(?:officials?|leaders|heads\s+of\s+(?:state|government)|presidents|ministers)"
        r"(?:\s*:|,?\s*(?:including|such\s+as|like|led\s+by|are|were|include|included))?\s*$",
        stripped,
        re.IGNORECASE,
    )
    if (
        officials_list
        and left.rstrip().endswith(",")
        and not re.search(
            r"including|such\s+as|like|led\s+by|are|were|include", officials_list.group(), re.I
        )
    ):
        officials_list = None  # "... with South Korean leaders, Blinken is expected to": a clause
    heads = list(_TITLE_HEAD_RE.finditer(stripped))
    head = None
    if heads:
        candidate = heads[-1]
        rest = stripped[candidate.end() :]
        if re.fullmatch(
            r"(?:-[A-Za-z]+)*"  # "Minister-in-Waiting"
            r"(?:\s+(?:of|for|in|to|from)\s+(?:the\s+)?[A-Z][\w'’\-.]*(?:\s+(?:of|for|the|and|[A-Z][\w'’\-.]*))*"
            r"(?:\s+(?:government|administration))?)?"
            r"(?:\s+(?:there|here))?",  # "his counterpart there, X"
            rest,
        ):
            head = candidate
    if head is None and officials_list is None:
        if military:
            clause = re.split(r"\b(?:and|with|by|to|from|at|in|on)\s+(?!the\b)", left[-80:])[-1]
            country = _country_in(clause)
            return TitleInfo(
                "General", country, False, True, None, (floor + len(left), start), True
            )
        return None
    if officials_list is not None:
        head_start = officials_list.start()
        title = "Official"
        # "joined by Prime Ministers X of A, Y of B and Z of C": each holds the office
        plural = re.search(
            r"\b((?:(?:Prime|Foreign|Defen[cs]e|Vice|Deputy|Finance|Trade|Interior)\s+)?"
            r"(?:Ministers|Presidents))\s*$",
            stripped,
        )
        if plural is not None:
            title = plural.group(1)[:-1]
        phrase_end = officials_list.end()
    else:
        assert head is not None
        head_start = head.start()
        phrase_end = len(stripped)
        title = ""
    # Walk left over modifiers: capitalised words, possessives, known modifiers.
    words = list(re.finditer(r"[\w'’.\-]+", stripped[:head_start]))
    begin = head_start
    for word in reversed(words):
        between = stripped[word.end() : begin]
        if between.strip() not in ("", ",") and not re.fullmatch(r"\s*[-/]\s*", between):
            break  # "High Representative/Vice President" is one office
        if between.strip() == ",":
            break
        w = word.group()
        if (
            w[0].isupper()
            or w.lower() in _MODIFIERS
            or re.search(r"['’]s$", w)
            or w.lower() in ("u.s.", "u.k.")
        ):
            if w in ("The", "A", "An", "His", "Her", "Its", "Their", "the"):
                break  # "the Prime Minister and the President of X": the office starts here
            if w in _CLAUSE_OPENERS or w in _WEEKDAYS:
                break  # "How South African President X", "met on Wednesday Secretary X"
            if (
                w.lower() == "and"
                and not re.search(
                    rf"\b(?:{_TITLE_HEADS})\s*$", stripped[: word.start()], re.IGNORECASE
                )
                and not _inside_a_country_name(stripped, word.start(), word.end())
            ):
                # "and" joins two offices ("Crown Prince and Prime Minister"),
                # not a list item and an office ("the Philippines and Secretary ...").
                break
            begin = word.start()
            continue
        break
    phrase = stripped[begin:phrase_end].strip()
    phrase = re.sub(r"^(?:(?:of|and|for|on|to|by|with)\s+)+", "", phrase)
    phrase = re.sub(r"\s+(?:there|here)$", "", phrase)
    if not title:
        title = re.sub(r"^(?:the|a|an|his|her|their|its)\s+", "", phrase, flags=re.IGNORECASE)
    before = stripped[:begin]
    former = (
        bool(_FORMER.search(before.rstrip()[-25:] + " "))
        or bool(re.search(r"\b(?:former|late)\b", phrase, re.IGNORECASE))
        or bool(re.match(r"(?:then|ex|former)-", phrase, re.IGNORECASE))  # "Then-US President"
    )
    possessor = run_owner
    owner = re.match(r"([A-Z][\w\-]+)['’]s\b", phrase)
    if owner and country_code(owner.group(1)) is None:
        possessor = owner.group(1)
    country = _country_in(phrase)
    if country is None:
        # "the Philippines' Social Welfare and Development Secretary X": the country's
        # possessive before a portfolio the walk above stopped inside.
        owned = re.search(
            r"\b([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,2})(?:['’]s|s['’])\s+"
            r"(?:(?:[A-Z][\w\-]*|and|&)\s+){1,6}$",
            stripped[max(0, begin - 80) : begin],
        )
        if owned:
            name = owned.group(1)
            country = country_code(name) or country_code(name + "s")
    if country is None and officials_list is not None:
        country = _country_in(
            stripped[max(0, officials_list.start() - 30) : officials_list.start()]
        )
    government = not _NOT_GOVERNMENT.search(phrase) or bool(_STATE_PARTY.search(phrase))
    if _NOT_YET.search(phrase):
        government = False  # "President-elect", "incoming Chief Executive": not in office yet
    body = international_body(phrase)
    if body is not None:
        # The UN and the EU have codes of their own (SCHEMA.md: UN, EU); their
        # officials are officials of that body.
        government, country = True, body
    if re.search(r"\b(?:counterparts|peers?)\b", phrase, re.IGNORECASE):
        title = "Counterpart"  # "his peers from Argentina and Brazil, X and Y"
    title = _clean_title(title)
    return TitleInfo(
        title, country, former, government, possessor, (floor + begin, start), military
    )


# A ruling party's general secretary leads the state ("General Secretary of the
# Communist Party", "Party General Secretary and State President").
_STATE_PARTY = re.compile(
    r"\b(?:General\s+Secretary|Secretary[- ]General|State\s+President|Party\s+chief)\b.*\bParty\b"
    r"|\bParty\b.*\b(?:General\s+Secretary|Secretary[- ]General|State\s+President)\b",
    re.IGNORECASE,
)
_NOT_YET = re.compile(r"-elect\b|\b(?:incoming|designate|future|elect)\b", re.IGNORECASE)


def not_in_office_yet(office: str) -> bool:
    """An office named as one not taken up yet.

    >>> not_in_office_yet("the president-elect"), not_in_office_yet("Outgoing President")
    (True, False)
    """
    return bool(_NOT_YET.search(office))


_UN = re.compile(r"\b(?:United Nations|UN|U\.N\.)\b|\bSecretary[- ]General\b(?!\s+of\b)")
_EU = re.compile(
    r"\b(?:European Union|EU|E\.U\.|European Commission|European Council|"
    r"High Representative)\b"
)
_OTHER_BODY = re.compile(
    r"\b(?:NATO|IAEA|WHO|IMF|World Bank|OPEC|ASEAN|African Union|Commonwealth|Arab League|"
    r"Agency|Organi[sz]ation|Fund|Red Cross|Party|Company|Corp|Inc|CEO)\b"
)


def international_body(phrase: str) -> str | None:
    """ "UN" or "EU" for an office of the United Nations or the European Union.

    >>> international_body("UN Secretary-General"), international_body("EU foreign policy chief")
    ('UN', 'EU')
    >>> international_body("NATO Secretary-General") is None
    True
    """
    if _OTHER_BODY.search(phrase):
        return None
    if _UN.search(phrase):
        return "UN"
    if _EU.search(phrase):
        return "EU"
    return None


# "UN chief", "NATO chief": the head of a body named by its office.
_BODY_CHIEF = {"un": "Secretary-General", "u.n.": "Secretary-General", "nato": "Secretary General"}


def _clean_title(title: str) -> str:
    """The office as it is named, styles and countries taken out.

    >>> _clean_title("UN chief"), _clean_title("Japan's Foreign Minister")
    ('Secretary-General', 'Foreign Minister')
    """
    title = title.strip().rstrip(",;:")
    chief = re.fullmatch(r"(?:the\s+)?(\S+)\s+chief", title, re.IGNORECASE)
    if chief and chief.group(1).lower() in _BODY_CHIEF:
        return _BODY_CHIEF[chief.group(1).lower()]
    if title.endswith(".") and not re.search(r"\b[A-Z]\.$", title):
        title = title[:-1]  # the sentence's full stop, not an initial's
    title = re.sub(r"^(?:HH|HRH|HM|HE|H\.E\.?)\s+(?:the\s+)?", "", title)
    # "His Majesty Sultan": the style is no part of the office
    title = re.sub(
        r"^(?:(?:His|Her)\s+)?(?:Royal\s+)?(?:Majesty|Highness|Excellency)\s+", "", title
    )
    title = re.sub(r"^(?:[A-Z][\w\-]+['’]s\s+)", "", title)
    title = re.sub(r"^(?:(?:and|of|for|the)\s+)+", "", title, flags=re.IGNORECASE)
    # "the country's Trade Minister": the possessive names the government, not the office.
    title = re.sub(r"^(?:country|nation|kingdom|state)['’]s\s+", "", title, flags=re.IGNORECASE)
    words = title.split()
    for size in (3, 2):
        for i in range(len(words) - size, -1, -1):
            if country_code(" ".join(words[i : i + size])):
                words[i : i + size] = []
    kept = [w for w in words if country_code(w) is None and w not in ("U.S.", "US")]
    # "President of (Ethiopia)", "Ambassador in (China)": no dangling preposition.
    while kept and kept[-1].lower() in ("of", "in", "to", "for", "the", "and"):
        kept.pop()
    # "As President": a sentence's conjunction is no part of the office.
    while kept and kept[0].lower() in ("as", "while", "when", "after", "before"):
        kept.pop(0)
    cleaned = " ".join(kept) if kept else title
    return cleaned[:1].upper() + cleaned[1:]


_REIGNING = re.compile(
    r"(Sultan|Emperor|Empress)\s+(?!(?:bin|Bin|ibn|Al|al|Al-|al-)\b)(?=\S+\s+\S)"
)

_APPOSITIVE = re.compile(r"\s*,\s*(?:(?:the|a|an|his|her|its)\s+)?([^,;:()\n]{2,90})")
_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s+(?:of|the|and|[A-Z][\w'’\-]*))*)"
)


_OF_WORDS = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){1,5})")


def _after_of_country(text: str) -> str:
    """``text`` past an opening "of <country>" that a name follows ("of Kazakhstan
    Kassym-Jomart Tokayev" -> "Kassym-Jomart Tokayev"), else ``text``.

    >>> _after_of_country(" of South Korea Yoon Suk Yeol arrived")
    ' Yoon Suk Yeol arrived'
    >>> _after_of_country(" of Saudi Arabia, in Jeddah")
    ' of Saudi Arabia, in Jeddah'
    """
    match = _OF_WORDS.match(text)
    if match is None:
        return text
    words = list(re.finditer(r"\S+", match.group(1)))
    for n in range(len(words) - 1, 0, -1):
        named = gazetteer().names.get(match.group(1)[: words[n - 1].end()])
        if named is not None and named[0].kind == "country" and not named[1]:
            return text[match.start(1) + words[n - 1].end() :]
    return text


def _title_after(text: str, end: int, limit: int) -> TitleInfo | None:
    if text[end : end + 1] == "." and re.search(r"\b(?:Jr|Sr)$", text[max(0, end - 3) : end]):
        end += 1  # "Surangel Whipps Jr., President of Palau"
    tail = text[end:limit]
    match = _APPOSITIVE.match(tail)
    if match:
        phrase = match.group(1)
        head = _TITLE_HEAD_RE.search(phrase)
        # "..., his spokesman Dele Alake said": the office belongs to the next name.
        next_name = None
        for later in _TITLE_HEAD_RE.finditer(phrase):
            # "..., Minister of State Secretary Pratikno, ...": the office of the next name.
            # "At the invitation of X, President of Kazakhstan Y arrived": an office of a
            # country, then a name, is that name's.
            after = _after_of_country(phrase[later.end() :])
            following = re.match(
                r"\s+((?:[A-Z][\w'’\-]+\s+){0,3}[A-Z][\w'’\-]+)(?=\s*(?:,|\band\b|$)|\s+[a-z])",
                after,
            )
            if following and not all(
                w in _NON_NAME or w.lower() in _MODIFIERS for w in following.group(1).split()
            ):
                next_name = following
                break
        if (
            head
            and head.start() < 40
            and not next_name
            and not re.match(r"\s*(?:who|which|said|says|told)\b", phrase)
        ):
            # The head must open the phrase (after modifiers), not belong to a later name.
            lead = phrase[: head.start()]
            # "Mount Vernon, the home of the first US president": the office is the
            # one of a noun before it, not the apposition's own.
            if not re.search(r"^\s*(?:(?:the|a|an)\s+)?[a-z]+\s+of\b", lead) and all(
                w.lower() in _MODIFIERS
                or country_code(w)
                or re.search(r"['’]s$", w)
                or w[0].isupper()
                for w in lead.split()
            ):
                upto = re.split(r"\s+(?:and|who|said|to|at|in|on|yesterday|today)\s+", phrase)[0]
                tail_words = upto.split()
                if (
                    any(w[:1].islower() for w in tail_words[: len(lead.split())])
                    and not lead.strip()
                ):
                    pass
                if not re.search(
                    r"[A-Z][a-z]+\s+[A-Z][a-z]+$", upto[: head.start()].strip() or "x"
                ):
                    country = _country_in(upto)
                    if country is None:
                        # "the Crown Prince and Deputy Prime Minister of Saudi Arabia"
                        of_country = re.search(r"\bof\s+(?:the\s+)?([A-Z][^,;]*)$", phrase)
                        country = _country_in(of_country.group(1)) if of_country else None
                    former = bool(
                        re.search(r"\b(?:former|late)\b", upto[: head.end()], re.IGNORECASE)
                    )
                    government = not _NOT_GOVERNMENT.search(upto)
                    title = upto[: head.end() + 40].strip()
                    of_part = re.search(r"\s+of\s+(?:the\s+)?([A-Z].*)$", title)
                    if of_part and _country_in(of_part.group(1)):
                        title = title[: of_part.start()].strip()  # "of Nigeria" is a country
                    title = _clean_title(re.split(r"\s+(?:of|for)\s+[A-Z][\w'’]*['’]s\b", title)[0])
                    return TitleInfo(
                        title, country, former, government, None, (end, end + match.end())
                    )
    match = _OF_COUNTRY.match(tail)
    if match:
        country = _country_in(match.group(1))
        if country:
            return TitleInfo("", country, False, True, None, (end, end + match.end()))
    return None


# Seats of government that stand for their country in titles ("Kremlin spokesman").
_SEATS = {
    "Kremlin": "RU",
    "White House": "US",
    "Pentagon": "US",
    "State Department": "US",
    "Elysee": "FR",
    "Élysée": "FR",
    "Quai d'Orsay": "FR",
    "Downing Street": "GB",
    "Whitehall": "GB",
    "Foreign Office": "GB",
    "Blue House": "KR",
    "Zhongnanhai": "CN",
    "Royal Court": "SA",
    "Bundeskanzleramt": "DE",
    "Chancellery": "DE",
    "Kantei": "JP",
    "Planalto": "BR",
    "Casa Rosada": "AR",
    "Malacanang": "PH",
    "Malacañang": "PH",
    "Rashtrapati Bhavan": "IN",
    "South Block": "IN",
    "Aso Rock": "NG",
    "Union Buildings": "ZA",
    "Bankova": "UA",
    "Mossad": "IL",
    "Shin Bet": "IL",
    "CIA": "US",
    "FBI": "US",
    "MI6": "GB",
    "FSB": "RU",
    "SVR": "RU",
    "ISI": "PK",
}
_SEAT_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in _SEATS) + r")\b")


# Ruling houses whose name ends a royal's name ("... bin Abdulaziz Al Saud").
_HOUSES = {
    "al saud": "SA",
    "al nahyan": "AE",
    "al maktoum": "AE",
    "al qasimi": "AE",
    "al nuaimi": "AE",
    "al sharqi": "AE",
    "al mualla": "AE",
    "al thani": "QA",
    "al-thani": "QA",
    "al khalifa": "BH",
    "al sabah": "KW",
    "al said": "OM",
}


def house_country(name: str) -> str | None:
    """The country of a ruling house named at the end of ``name``.

    >>> house_country("Tamim bin Hamad Al Thani")
    'QA'
    """
    words = normalise_name(name).split()
    for size in (2, 1):
        key = " ".join(words[-size:])
        if key in _HOUSES:
            return _HOUSES[key]
    return None


def seat_country(seat: str) -> str | None:
    """The country a seat of government stands for: ``seat_country("Kremlin") == "RU"``."""
    return _SEATS.get(seat)


def _inside_a_country_name(text: str, start: int, end: int) -> bool:
    """Whether the "and" at ``start:end`` joins the words of one country's name
    ("Trinidad and Tobago Prime Minister").

    >>> _inside_a_country_name("Trinidad and Tobago", 9, 12)
    True
    """
    before = re.search(r"(?:[A-Z][\w'’\-]*\s+){1,3}$", text[:start])
    after = re.match(r"\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s*){1,3}", text[end:])
    if not before or not after:
        return False
    left, right = before.group().split(), after.group().split()
    return any(
        country_code(" ".join([*left[-i:], "and", *right[:j]]))
        for i in range(1, len(left) + 1)
        for j in range(1, len(right) + 1)
    )


def _country_in(phrase: str) -> str | None:
    for token in re.finditer(
        r"U\.S\.|U\.K\.|[A-Z][\w'’\-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+(?:the\s+)?)?[A-Z][\w'’\-]*)*",
        phrase,
    ):
        words = token.group().split()
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                code = country_code(" ".join(words[i : i + size]))
                if code:
                    return code
        for part in re.split(r"[-–]", token.group()):
            code = country_code(part)
            if code:
                return code
    seat = _SEAT_RE.search(phrase)
    return _SEATS[seat.group()] if seat else None


def find_people(
    text: str,
    places: list[PlaceMention],
    credit_spans: list[tuple[int, int]],
    sentence_bounds: list[tuple[int, int]],
    function_words: frozenset[int] = frozenset(),
) -> tuple[list[Person], list[PersonMention]]:
    """Find people and their mentions in ``text``.

    ``sentence_bounds`` keep title look-ups inside one sentence; names in
    ``credit_spans`` (bylines, photo credits) are ignored. ``function_words``
    holds the starts of words the parse tags as adverbs, prepositions and the
    like: capitalised at a sentence's start ("Likewise, the minister"), such a
    word alone is no name.

    >>> from trips.extraction.places import find_places
    >>> text = "Japanese Foreign Minister Toshimitsu Motegi spoke."
    >>> people, _ = find_people(text, find_places(text), [], [(0, len(text))])
    >>> (people[0].name, people[0].country, people[0].official)
    ('Toshimitsu Motegi', 'JP', True)
    """
    tokens = tokenize(text)
    runs = _runs(text, tokens, places)
    people: list[Person] = []
    mentions: list[PersonMention] = []
    pending_single: list[tuple[int, int, TitleInfo | None]] = []
    nicknames: dict[str, int] = {}

    def bounds(pos: int) -> tuple[int, int]:
        for s, e in sentence_bounds:
            if s <= pos < e:
                return s, e
        return 0, len(text)

    ends = [end for _, end in runs]  # in text order, as the runs are
    for start, end in runs:
        if any(s <= start < e for s, e in credit_spans):
            continue
        raw = text[start:end]
        s_start, s_end = bounds(start)
        floor = max(s_start, start - 140)
        # The runs that may hold the office before this one end between the two.
        before = _title_before(
            text, start, floor, runs[bisect_left(ends, floor) : bisect_right(ends, start - 1)]
        )
        after = _title_after(text, end, s_end)
        info = before or after
        if before is not None and before.title == "General" and after is not None and after.title:
            info = after
        elif before is not None and before.country is None and after is not None and after.country:
            info = TitleInfo(
                before.title,
                after.country,
                before.former,
                before.government,
                before.possessor,
                before.span,
            )
        words = [w for w in raw.split() if w.lower() not in _CONNECTORS]
        if len(words) > 1 and len({w.lower() for w in words}) == 1:
            continue  # "chanting 'Modi Modi'": a chant, not a name
        reign = _REIGNING.match(raw)
        if info is None and reign:
            # "Sultan Haitham bin Tarik": the office before the name ("Sultan Al Jaber"
            # and "Sultan bin Salman" are given names)
            info = TitleInfo(reign.group(1), None, False, True, None, (start, start + reign.end()))
        if len(words) < 2 and start in function_words:
            continue
        if len(words) < 2:
            pending_single.append((start, end, info))
            continue
        inner = _INNER_NICKNAME.search(raw)
        if inner:
            raw = raw[: inner.start()] + " " + raw[inner.end() :]
        name = display_name(" ".join(w.title() if _shouted(w) else w for w in raw.split()))
        index = _find(people, name)
        if index is None:
            people.append(Person(name=name))
            index = len(people) - 1
        _note(people[index], info, start, end)
        mentions.append(PersonMention(start, end, index))
        if inner:
            nicknames[inner.group(1)] = index
        nickname = _NICKNAME.match(text, end)
        if nickname:
            # "Pushpa Kamal Dahal 'Prachanda'": the nickname names them later on.
            nicknames[nickname.group(1)] = index
    for start, end, info in pending_single:
        word = text[start:end]
        index = nicknames.get(word)
        if index is None:
            index = _resolve_single(people, mentions, word, start, info)
        if index is None and len(normalise_name(word).split()) > 1:
            index = _find(people, display_name(word))  # "B.Battsetseg" again
        if index is None:
            if (
                info is None
                or info.title in ("", "General")
                or re.match(r"\s+[A-Z]", text[end : end + 2])
            ):
                continue
            people.append(Person(name=display_name(word)))
            index = len(people) - 1
        _note(people[index], info, start, end)
        mentions.append(PersonMention(start, end, index))
    # "Maria Houston arrived. Houston said ...": a city named like a person's surname,
    # after the person, is the person.
    for place in places:
        if place.place.kind != "city" or any(m.start <= place.start < m.end for m in mentions):
            continue
        for index, person in enumerate(people):
            words = person.name.split()
            first = min((s for s, _ in person.mentions), default=None)
            if (
                len(words) >= 2
                and words[-1] == place.text
                and first is not None
                and first < place.start
            ):
                person.mentions.append((place.start, place.end))
                mentions.append(PersonMention(place.start, place.end, index))
                break
    _listed_officials(text, people, mentions)
    _listed_counterparts(text, people, mentions)
    _owner_named_before(text, people, places)
    _counterparts_hold_the_office(text, people, mentions)
    _the_dead_hold_no_office(text, people)
    mentions.sort(key=lambda m: m.start)
    return people, mentions


# "the funeral of Queen X", "mourning the death of President Y": no longer in office.
_MOURNED = re.compile(
    r"\b(?:funeral|death|burial|memorial|mourning|passing|assassination|"
    r"lying[- ]in[- ]state)(?:\s+(?:service|ceremony|rites))?\s+(?:of|for)\s+(?:the\s+late\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}$"
)


def _the_dead_hold_no_office(text: str, people: list[Person]) -> None:
    """Whoever the text buries or mourns ("attending the funeral of Queen Elizabeth
    II") is not a serving official, whatever title they bore.

    >>> people, _ = find_people("He attended the funeral of Queen Mary Doe.", [], [], [(0, 43)])
    >>> [(p.name, p.official, p.former) for p in people]
    [('Mary Doe', False, True)]
    """
    for person in people:
        if person.mentions and all(
            _MOURNED.search(text, max(0, start - 80), start) for start, _ in person.mentions
        ):
            person.official, person.former = False, True


LIST_GAP = re.compile(
    r"(?:\s*\([^)]{1,30}\))?"
    # "Felipe Calderón from Mexico; Leonel Fernandez from Dominican Republic"
    # ("Keith Rowley of Trinidad and Tobago, Roosevelt Skerrit of Dominica")
    r"(?:\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:and\s+(?:the\s+)?|&\s+)?[A-Z][\w'’-]*){0,3})?"
    r"\s*(?:,|;|\band\b|,\s*and\b)\s*(?:[A-Z][\w'’-]*['’]s\s+)?"
)


_ANAPHORIC_OWNER = re.compile(
    r"\bthe\s+(?:country|nation|kingdom|republic|emirate|city[- ]state|island\s+(?:nation|state))"
    r"['’]s\s+",
    re.IGNORECASE,
)


def _owner_named_before(text: str, people: list[Person], places: list[PlaceMention]) -> None:
    """ "the city state's Foreign Minister X": the country named last before it."""
    for person in people:
        if person.country:
            continue
        for start, end in person.title_spans:
            owner = _ANAPHORIC_OWNER.search(text, max(0, start - 12), end)
            if owner is None:
                continue
            before = [m for m in places if m.end <= owner.start() and not m.demonym]
            if before:
                person.country = before[-1].place.country
            break


def _counterparts_hold_the_office(
    text: str, people: list[Person], mentions: list[PersonMention]
) -> None:
    """ "Foreign Minister A welcomed his Iranian counterpart B": B is a foreign minister,
    the office of the official named before him in the sentence."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, mention in enumerate(ordered):
        person = people[mention.person]
        if person.title.lower() != "counterpart":
            continue
        for earlier in reversed(ordered[:index]):
            between = text[earlier.end : mention.start]
            if re.search(r"[.!?]\s", between):
                break  # another sentence
            other = people[earlier.person]
            if earlier.person != mention.person and other.official and other.title:
                if other.title.lower() not in ("counterpart", "official", "general"):
                    person.title = other.title
                break


_PLURAL_COUNTERPARTS = re.compile(r"\b(?:counterparts|peers)\b", re.IGNORECASE)


def _countries_in_order(phrase: str) -> list[str]:
    """ "Argentine and Brazilian", "from Argentina and Brazil": each country named, in order."""
    found = []
    for part in re.split(r",|\band\b|&", phrase):
        code = _country_in(part) or next(
            (country_code(w) for w in re.findall(r"[A-Z][\w'’\-]*", part) if country_code(w)),
            None,
        )
        if code and code not in found:
            found.append(code)
    return found


def _listed_counterparts(text: str, people: list[Person], mentions: list[PersonMention]) -> None:
    """ "met his peers from Argentina and Brazil, X and Y", "his Argentine and Brazilian
    counterparts, X and Y": every name of the list is a counterpart, and with as many
    countries as names, each serves the country in the same place of its list."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, first in enumerate(ordered):
        person = people[first.person]
        if person.title != "Counterpart" or not person.title_spans:
            continue
        span = person.title_spans[-1]
        # "his Argentine and Brazilian counterparts": the office's walk stops at "and".
        listed = re.search(
            r"(?:[A-Z][\w'’\-]*\s*(?:,|\band\b)\s*)+$", text[max(0, span[0] - 60) : span[0]]
        )
        phrase = text[span[0] - len(listed.group()) if listed else span[0] : span[1]]
        if not _PLURAL_COUNTERPARTS.search(phrase):
            continue
        members = [first]
        for current in ordered[index + 1 :]:
            gap = text[members[-1].end : current.start]
            if not re.fullmatch(r"\s*(?:,|,?\s*and)\s*", gap):
                break
            members.append(current)
        countries = _countries_in_order(phrase)
        for position, member in enumerate(members):
            other = people[member.person]
            if member is not first and (other.official or other.former):
                continue
            other.official, other.title = True, "Counterpart"
            if len(countries) == len(members):
                other.country = countries[position]
            elif len(countries) > 1 and member is first:
                other.country = None  # a guess from one of several countries


_PLURAL_OFFICE = re.compile(r"\b(?:Ministers|Presidents)\s+(?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?$")


def _listed_officials(text: str, people: list[Person], mentions: list[PersonMention]) -> None:
    """ "leaders Shinzo Abe (Japan), Xi Jinping (China) and Rodrigo Duterte": the names
    listed after an official of a list share the list's standing."""
    ordered = sorted(mentions, key=lambda m: m.start)
    listing: set[int] = set()  # who heads or continues a list under a plural office
    for previous, current in zip(ordered, ordered[1:], strict=False):
        before, after = people[previous.person], people[current.person]
        if _PLURAL_OFFICE.search(text, max(0, previous.start - 30), previous.start):
            listing.add(previous.person)  # "Prime Ministers Dr. X of A, Y of B"
        if (
            not before.official
            or after.official
            or after.former
            or before.title != "Official"
            and previous.person not in listing
        ):
            continue
        gap = text[previous.end : current.start]
        if LIST_GAP.fullmatch(gap) or re.fullmatch(r"\s*\([^)]{1,30}\)\s*,\s*", gap):
            after.official, after.title = True, after.title or before.title
            if previous.person in listing:
                listing.add(current.person)
            # "Felipe Calderón from Mexico; Venezuela's Hugo Chavez": their countries
            origin = re.match(
                r"\s+(?:from|of)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", gap
            )
            if origin and before.country is None:
                before.country = country_code(origin.group(1))
            owner = re.search(r"([A-Z][\w'’-]*)['’]s\s+$", gap)
            if owner and after.country is None:
                after.country = country_code(owner.group(1))


# English given names and their usual short forms: one person, written two ways.
_SHORT_NAMES = {
    "mike": "michael",
    "mick": "michael",
    "bill": "william",
    "will": "william",
    "bob": "robert",
    "rob": "robert",
    "bobby": "robert",
    "joe": "joseph",
    "jim": "james",
    "jimmy": "james",
    "tony": "anthony",
    "dick": "richard",
    "rick": "richard",
    "tom": "thomas",
    "tim": "timothy",
    "dan": "daniel",
    "dave": "david",
    "steve": "stephen",
    "chris": "christopher",
    "nick": "nicholas",
    "ben": "benjamin",
    "sam": "samuel",
    "alex": "alexander",
    "andy": "andrew",
    "pete": "peter",
    "ed": "edward",
    "ted": "edward",
    "jack": "john",
    "larry": "lawrence",
    "jerry": "gerald",
    "ron": "ronald",
    "don": "donald",
    "ken": "kenneth",
    "liz": "elizabeth",
    "kate": "katherine",
    "cathy": "catherine",
    "jen": "jennifer",
    "sue": "susan",
    "pat": "patrick",
    "greg": "gregory",
    "jeff": "jeffrey",
    "matt": "matthew",
    "phil": "philip",
    "fred": "frederick",
    "gene": "eugene",
}


def _given(word: str) -> str:
    return _SHORT_NAMES.get(word, word)


def same_given_names(a: str, b: str) -> bool:
    """The same person by a short given name: "Mike Pompeo" and "Michael Pompeo".

    >>> same_given_names("Mike Rowe", "Michael Rowe"), same_given_names("Mike Rowe", "Mark Rowe")
    (True, False)
    """
    wa, wb = normalise_name(a).split(), normalise_name(b).split()
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1]:
        return False
    return _given(wa[0]) == _given(wb[0])


def _find(people: list[Person], name: str) -> int | None:
    for index, person in enumerate(people):
        if names_match(person.name, name) or same_given_names(person.name, name):
            return index
    for index, person in enumerate(people):
        if _one_letter_apart(person.name, name):
            return index
    if len(name.split()) >= 2:
        # "Antonio Gutteres" in the headline, "Antonio Guterres" in the story: a letter
        # doubled in one spelling, within one article, is one person.
        for index, person in enumerate(people):
            if len(person.name.split()) == len(name.split()) and spelling_key(
                person.name
            ) == spelling_key(name):
                return index
    # Double surnames are repeated alone: "López Obrador" after
    # "Andrés Manuel López Obrador", "Lula da Silva" after the full name.
    words = normalise_name(name).split()
    for index, person in enumerate(people):
        own = normalise_name(person.name).split()
        if 2 <= len(words) < len(own) and own[-len(words) :] == words:
            return index
        if 2 <= len(own) < len(words) and words[-len(own) :] == own:
            return index  # "Conservative Otto Perez" opening a sentence: Otto Perez
    # "Ethiopian PM Abiy Ahmed Arrives ..." in the headline, "Dr Abiy Ahmed Ali" in the
    # story: a name of two words and the same with one more, within one article.
    for index, person in enumerate(people):
        own = normalise_name(person.name).split()
        short, full = sorted((own, words), key=len)
        if len(short) == 2 and len(full) == 3 and full[:2] == short:
            return index
    return None


def _one_letter_apart(a: str, b: str) -> bool:
    """Two spellings of one given name before one surname, a letter added or dropped
    ("Nicolas Sarkozy", "Nicholas Sarkozy"): within one article, one person.

    >>> _one_letter_apart("Nicolas Sarkozy", "Nicholas Sarkozy")
    True
    >>> _one_letter_apart("Mario Rossi", "Maria Rossi")
    False
    """
    wa, wb = normalise_name(a).split(), normalise_name(b).split()
    if len(wa) != 2 or len(wb) != 2 or wa[1] != wb[1]:
        return False
    short, long_ = sorted((wa[0], wb[0]), key=len)
    if len(short) < 5 or len(long_) != len(short) + 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _titles_agree(short: str, full: str) -> bool:
    """ "Secretary" of "Secretary of State", "FM" of "Minister for Foreign Affairs"."""
    mine, theirs = short.lower(), full.lower()
    return mine in theirs or theirs in mine or offices_agree(short, full)


def _resolve_single(
    people: list[Person],
    mentions: list[PersonMention],
    word: str,
    start: int,
    info: TitleInfo | None,
) -> int | None:
    key = normalise_name(word)
    if not key:
        return None
    scored: list[tuple[int, int]] = []
    for index, person in enumerate(people):
        words = normalise_name(person.name).split()
        if not words:
            continue
        if words[-1] == key or _undoubled(words[-1]) == _undoubled(key) and len(key) >= 5:
            rank = 0  # "Gutteres" for "Guterres": a letter doubled
        elif words[0] == key:
            rank = 1
        elif key in words:
            rank = 2
        else:
            continue
        if info and info.country and person.country and info.country != person.country:
            continue
        if info and info.title and person.title and not _titles_agree(info.title, person.title):
            rank += 10  # "King Salman" is not "Deputy Crown Prince Mohammed bin Salman"
        scored.append((rank, index))
    if not scored:
        return None
    best_rank = min(r for r, _ in scored)
    if best_rank >= 10 and info is not None and office(info.title) in KNOWN_OFFICES:
        known = [i for r, i in scored if office(people[i].title) in KNOWN_OFFICES]
        if len(known) == len(scored):
            return None  # every namesake holds another office: someone else ("King Salman")
    candidates = [i for r, i in scored if r == best_rank]
    if len(candidates) == 1:
        return candidates[0]
    previous = [m for m in mentions if m.start < start and m.person in candidates]
    return previous[-1].person if previous else candidates[0]


def _note(person: Person, info: TitleInfo | None, start: int, end: int) -> None:
    person.mentions.append((start, end))
    if info is None:
        return
    if info.former:
        if not person.official:
            person.former = True
        return
    if info.title and info.title != "General" or info.military:
        if not info.government:
            person.government = False
        else:
            person.official = True
            person.former = False
        if (
            not person.title
            or person.title in ("General", "Official")
            and info.title not in ("General", "Official")
        ):
            person.title = info.title or person.title
        person.title_spans.append(info.span)
    if info.country and not person.country:
        person.country = info.country
    if info.possessor and not person.possessor:
        person.possessor = info.possessor


def us_title(title: str) -> bool:
    """Offices that, unqualified, are American in English-language news.

    >>> us_title("Secretary of State"), us_title("Foreign Minister")
    (True, False)
    """
    return bool(_US_TITLES.search(title))
