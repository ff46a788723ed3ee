"""Words the clause analysis looks for: predicates of travel and of meeting.

The lists hold the general vocabulary of travel and diplomacy in English
news, by lemma; no name, place or phrase of any particular article. The
parser supplies the structure around them (who is the subject, which place
hangs off which predicate), so the lists stay short.

The trained pipeline runs without its lemmatizer (it costs a fifth of the
parse time), so ``lemma`` maps the inflected forms of these words itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Verb lemma -> the phase of a journey it reports.
TRAVEL_VERBS: dict[str, str] = {
    "arrive": "arrive",
    "land": "arrive",
    "reach": "arrive",
    "touch": "arrive",  # "touched down in"
    "visit": "visit",
    "tour": "visit",
    "attend": "visit",
    "stop": "visit",  # "stopped in", "stop over in"
    "stay": "visit",
    "travel": "go",
    "head": "go",
    "fly": "go",
    "jet": "go",
    "go": "go",
    "come": "go",
    "proceed": "go",
    "continue": "go",
    "move": "go",  # "moved on to"
    "journey": "go",
    "embark": "go",
    "depart": "leave",
    "leave": "leave",
    "return": "return",
    "begin": "begin",
    "start": "begin",
    "kick": "begin",  # "kicked off"
    "open": "begin",
    "end": "end",
    "conclude": "end",
    "wrap": "end",
    "wind": "end",  # "wound up a visit"
    "complete": "end",
    "finish": "end",
    "close": "end",
    "finalize": "end",  # "finalized his five-day visit to Latin America"
    "finalise": "end",
    "accompany": "accompany",
    "join": "accompany",
    "flank": "accompany",  # "X, flanked by Y and Z, thanked ..."
    "lead": "lead",  # "led a delegation to"
    "bring": "bring",  # "the trip will bring him to X", "brought the minister with him to X"
    "take": "bring",
    "drop": "bring",  # "the trip dropped him in South Korea"
}

# Verbs whose object or passive subject is the traveller and whose subject
# (or "by" agent) is the host: "X received Y", "Y was welcomed by X".
HOST_VERBS = frozenset(
    ["receive", "welcome", "greet", "host", "meet", "see", "accord", "honour", "honor"]
)

# Verbs of an encounter between the traveller and someone named.
MEETING_VERBS = frozenset(
    [
        "meet",
        "speak",
        "confer",
        "talk",
        "negotiate",
        "discuss",
        "agree",  # "agreed with President X in Moscow"
        "affirm",  # "X and Y affirmed their commitment"
        "reaffirm",
        "exchange",  # "exchanged views with X"
        "sign",
        "greet",
        "receive",
        "welcome",
        "host",
        "call",  # "call on"
        "see",  # "seen off by"
        "dine",
        "hold",  # "held talks with"
        "have",  # "had talks with"
        "join",
        "shake",
        "co-chair",
        "chair",
        "address",
        "visit",  # "visited the president at his palace" is handled by the object
    ]
)

# Nouns of a journey ("his visit to", "the trip will end in", "tour of").
TRAVEL_NOUNS = frozenset(
    [
        "visit",
        "trip",
        "tour",
        "journey",
        "swing",
        "leg",
        "stop",
        "stopover",
        "destination",
        "mission",
        "stay",
        "travel",
        "voyage",
        "sweep",
        "sojourn",
        "arrival",
        "departure",
        "return",
        "itinerary",
        "blitz",
        "odyssey",
        "expedition",
        "outing",
        "flight",
        "foray",
        "attendance",
        "participation",
        "visitation",
    ]
)

# Nouns of an encounter ("talks with", "a meeting with", "a summit with").
MEETING_NOUNS = frozenset(
    [
        "talk",
        "meeting",
        "summit",
        "discussion",
        "consultation",
        "conference",
        "audience",
        "bilateral",
        "dialogue",
        "dinner",
        "lunch",
        "luncheon",
        "breakfast",
        "banquet",
        "reception",
        "encounter",
        "session",
        "negotiation",
        "call",  # "a courtesy call on"
        "celebration",
        "ceremony",
        "iftar",
    ]
)

# The parts of one journey ("Nairobi is her last stop", "the final leg").
LEG_NOUNS = frozenset(["stop", "leg", "destination", "stage", "stopover"])

# Events a leader may attend abroad; a place attached to one is where the
# attendee was ("the summit in Bali").
EVENT_NOUNS = frozenset(
    [
        "summit",
        "conference",
        "forum",
        "funeral",
        "inauguration",
        "ceremony",
        "assembly",
        "meeting",
        "talks",
        "dialogue",
        "session",
        "celebration",
        "parade",
        "games",
        "olympics",
        "festival",
        "coronation",
        "wedding",
        "expo",
        "exhibition",
        "signing",
        "gathering",
        "convention",
        "ministerial",
        "congress",
        "council",
        "meet",
        # what a traveller gives where he is ("wrapped up the visit with a speech in Rabat")
        "speech",
        "address",
        "lecture",
    ]
)

# Governing verbs that turn what they govern into a plan ("is set to visit").
PLAN_VERBS = frozenset(
    [
        "set",
        "expect",
        "schedule",
        "slate",
        "due",
        "poise",
        "plan",
        "intend",
        "go",  # "is going to visit"
        "prepare",
        "scheduled",
        "decide",
        "agree",
        "confirm",
        "announce",
        "arrange",
        "aim",
        "meant",  # "is meant to arrive on Wednesday"
        "supposed",
    ]
)

# Governing words that leave what they govern unrealised: wishes and invitations.
WISH_VERBS = frozenset(
    [
        "hope",
        "want",
        "wish",
        "invite",
        "ask",
        "urge",
        "offer",
        "propose",
        "suggest",
        "like",
        "seek",
        "try",
        "consider",
        "mull",
        "weigh",
        "refuse",
        "decline",
        "threaten",
        "push",
        "encourage",
        "call",  # "called on X to visit"
        "look",  # "looking to visit"
        "need",
        "demand",
        "request",
        "keen",
        "eager",
        "willing",
        "ready",
        "welcome",  # "would welcome a visit"
        "possibility",
        "chance",
        "invitation",
        "possible",
        "impossible",
        "unable",
        "unlikely",
        "fail",
        "prevent",
        "hinder",
    ]
)

# Words that call a journey off.
CANCEL_WORDS = frozenset(
    [
        "cancel",
        "postpone",
        "scrap",
        "shelve",
        "delay",
        "suspend",
        "abandon",
        "skip",
        "shirk",
        "snub",
        "boycott",
        "drop",
        "defer",
        "scrub",
        "cut",  # "cut short" is handled by the adverb
        # the nouns: "the cancellation of the visit"
        "cancellation",
        "cancelation",
        "postponement",
        "suspension",
        "deferral",
    ]
)

# Words that make a conversation remote: not a journey, not a meeting.
REMOTE_WORDS = frozenset(
    [
        "phone",
        "telephone",
        "video",
        "virtual",
        "virtually",
        "online",
        "teleconference",
        "videoconference",
        "video-conference",
        "remotely",
        "zoom",
        "conversation",
        "phoned",
        "telephoned",
        "dialed",
        "rang",
        "tele-conference",
        "by-phone",
    ]
)

# Titles that a definite description ("the minister") can refer back to.
# Nouns news uses for a person already named ("the seasoned lefty", "the former
# ExxonMobil CEO", "the 77-year-old"): they refer back like "the leader".
EPITHET_NOUNS = frozenset(
    [
        "lefty",
        "leftist",
        "veteran",
        "politician",
        "statesman",
        "stateswoman",
        "ceo",
        "executive",
        "billionaire",
        "tycoon",
        "businessman",
        "businesswoman",
        "economist",
        "lawyer",
        "populist",
        "nationalist",
        "conservative",
        "socialist",
        "incumbent",
        "strongman",
        "scribe",
        "premier",
        "banker",
        "financier",
        "industrialist",
        "entrepreneur",
        "technocrat",
        "academic",
        "professor",
        "journalist",
        "engineer",
        "physician",
        "activist",
    ]
)

TITLE_WORDS = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "leader",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "amir",
        "sultan",
        "monarch",
        "envoy",
        "diplomat",
        "chief",
        "official",
        "pm",
        "fm",
        "vice",
        "counterpart",
        "peer",
        "head",
        "ruler",
        "royal",
        "royals",
        "emperor",
        "governor",
        "ambassador",
        "commissioner",
        "representative",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "delegation",
        "secretary-general",
        "chairman",
        "chair",
        "couple",
        "dignitary",
        "guest",
        "visitor",
    ]
)

# Nouns that stand for a place in a phrase ("the capital of Kazakhstan",
# "the Uzbek capital", "the port city of Mombasa").
# Buildings and sites a visitor goes to: what is done at one "in X" is done in X
# ("laid a wreath at the monument in Hanoi").
VENUE_NOUNS = frozenset(
    [
        "monument",
        "mausoleum",
        "memorial",
        "cemetery",
        "museum",
        "temple",
        "shrine",
        "church",
        "mosque",
        "cathedral",
        "palace",
        "hall",
        "house",
        "headquarters",
        "secretariat",
        "embassy",
        "consulate",
        "university",
        "school",
        "hospital",
        "factory",
        "plant",
        "site",
        "center",
        "centre",
        "park",
        "square",
        "airport",
        "base",
        "camp",
    ]
)

PLACE_NOUNS = frozenset(
    [
        "capital",
        "city",
        "town",
        "country",
        "nation",
        "state",
        "island",
        "islands",
        "kingdom",
        "republic",
        "region",
        "province",
        "port",
        "territory",
        "territories",
        "emirate",
        "sultanate",
        "archipelago",
        "county",
        "metropolis",
        "hub",
        "village",
        "resort",
        "enclave",
        "coast",
        "east",  # "Russia's Far East"
        "west",
        "north",
        "south",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "interior",
        "mainland",
        "part",
        "parts",
        "leg",
        "side",
        # Facilities stand for the place they are in ("Abu Dhabi International Airport").
        "airport",
        "airbase",
        "base",
        "palace",
        "house",
        "hall",
        "headquarters",
        "building",
        "centre",
        "center",
        "hotel",
        "residence",
        "stadium",
        "parliament",
        "embassy",
        "university",
        "museum",
        "cathedral",
        "mosque",
        "temple",
        "square",
        "venue",
        "airfield",
        "terminal",
        "station",
        "harbour",
        "harbor",
        "suburbs",
        "suburb",
        "presidency",
        "ministry",
        "office",
        "secretariat",
        "chancellery",
        "outskirts",
        "heart",
        "centre",
        "downtown",
        "vicinity",
    ]
)

REPORT_VERBS = frozenset(
    [
        "say",
        "tell",
        "announce",
        "confirm",
        "report",
        "add",
        "state",
        "note",
        "write",
        "tweet",
        "post",
        "declare",
        "reveal",
        "explain",
        "disclose",
        "indicate",
        "inform",
        "brief",
        "claim",
        "insist",
    ]
)

# Verbs that carry a travel noun for their subject: "made a visit", "is on a tour".
CARRIER_VERBS = frozenset(
    [
        "make",
        "pay",
        "undertake",
        "embark",
        "begin",
        "start",
        "conclude",
        "wrap",
        "wind",
        "end",
        "complete",
        "finish",
        "finalize",
        "finalise",
        "continue",
        "be",
        "lead",
        "take",
        "kick",
        "cut",
        "resume",
        "launch",
        "open",
        "close",
        "have",
        "leave",
        "set",
        "travel",
        "go",
        "head",
        "arrive",
        "return",
        "fly",
        "spend",
        "round",
        "mark",
        "use",
        "hold",
        "extend",
    ]
)

INCLUDE_VERBS = frozenset(["include", "cover", "comprise", "span", "encompass", "feature", "take"])


_IRREGULAR = {
    "came": "come",
    "comes": "come",
    "coming": "come",
    "went": "go",
    "gone": "go",
    "goes": "go",
    "going": "go",
    "flew": "fly",
    "flown": "fly",
    "flies": "fly",
    "flying": "fly",
    "left": "leave",
    "leaves": "leave",
    "leaving": "leave",
    "led": "lead",
    "leading": "lead",
    "met": "meet",
    "meets": "meet",
    "meeting": "meet",
    "began": "begin",
    "begun": "begin",
    "beginning": "begin",
    "begins": "begin",
    "held": "hold",
    "holds": "hold",
    "holding": "hold",
    "had": "have",
    "has": "have",
    "having": "have",
    "saw": "see",
    "seen": "see",
    "sees": "see",
    "seeing": "see",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "am": "be",
    "been": "be",
    "being": "be",
    "'s": "be",
    "’s": "be",
    "'re": "be",
    "stopped": "stop",
    "stopping": "stop",
    "jetted": "jet",
    "jetting": "jet",
    "shook": "shake",
    "shaken": "shake",
    "set": "set",
    "sets": "set",
    "setting": "set",
    "told": "tell",
    "said": "say",
    "spoke": "speak",
    "spoken": "speak",
    "speaking": "speak",
    "says": "say",
    "made": "make",
    "makes": "make",
    "making": "make",
    "paid": "pay",
    "pays": "pay",
    "paying": "pay",
    "took": "take",
    "taken": "take",
    "takes": "take",
    "taking": "take",
    "brought": "bring",
    "carrying": "carry",
    "carried": "carry",
    "carries": "carry",
    "dined": "dine",
    "dining": "dine",
    "wrapped": "wrap",
    "wrapping": "wrap",
    "wound": "wind",
    "winding": "wind",
    "winds": "wind",
    "kicked": "kick",
    "planned": "plan",
    "planning": "plan",
    "plans": "plan",
    "slated": "slate",
    "due": "due",
    "poised": "poise",
    "flown-in": "fly",
    "visiting": "visit",
    "travelled": "travel",
    "travelling": "travel",
    "traveled": "travel",
    "traveling": "travel",
    "accorded": "accord",
    "co-chaired": "co-chair",
    "chaired": "chair",
    "toured": "tour",
    "touring": "tour",
    "arrival": "arrival",
    "talks": "talk",
    "discussions": "discussion",
    "consultations": "consultation",
    "negotiations": "negotiation",
    "meetings": "meeting",
    "visits": "visit",
    "trips": "trip",
    "tours": "tour",
    "stops": "stop",
    "legs": "leg",
    "journeys": "journey",
    "summits": "summit",
    "talked": "talk",
    "talking": "talk",
}


# Other words the analysis tests by lemma.
OTHER_WORDS = frozenset(
    ["follow", "precede", "carry", "transport", "bear", "expect", "accompany", "cancel", "share"]
)

_KNOWN = frozenset(
    TRAVEL_VERBS.keys()
    | HOST_VERBS
    | MEETING_VERBS
    | TRAVEL_NOUNS
    | MEETING_NOUNS
    | EVENT_NOUNS
    | PLAN_VERBS
    | WISH_VERBS
    | CANCEL_WORDS
    | REPORT_VERBS
    | CARRIER_VERBS
    | INCLUDE_VERBS
    | PLACE_NOUNS
    | TITLE_WORDS
    | OTHER_WORDS
)


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """The dictionary form of an English word, enough for the lists above.

    >>> [lemma(w) for w in ["arrived", "Flew", "heading", "visits", "stopped", "included"]]
    ['arrive', 'fly', 'head', 'visit', 'stop', 'include']
    """
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    known = _KNOWN
    if low in known:
        return low
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("ying", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("es", "e"),
        ("s", ""),
        ("d", ""),
    ):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)] + replacement
            if stem in known:
                return stem
            # Doubled consonant: "planned", "stopping".
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known:
                return stem[:-1]
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


@lru_cache(maxsize=8192)
def noun_lemma(word: str) -> str:
    """The singular of a noun, for the noun lists ("meetings" -> "meeting", "talks" -> "talk").

    >>> [noun_lemma(w) for w in ["meeting", "Talks", "visits", "journeys", "stopovers"]]
    ['meeting', 'talk', 'visit', 'journey', 'stopover']
    """
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


# --- offices: one comparable name per office

_OFFICES = [
    (r"\bvice[- ]president\b", "vice president"),
    (r"\bdeputy prime minister\b|\bvice[- ]premier\b|\bdeputy premier\b", "deputy prime minister"),
    (r"\bprime minister\b|\bpremier\b|\bpm\b|\btaoiseach\b", "prime minister"),
    (r"\bcrown prince\b", "crown prince"),
    (r"\bchancellor\b", "chancellor"),
    (
        r"\bforeign (?:affairs )?minister\b|\bminister (?:of|for) foreign affairs\b|"
        r"\bforeign secretary\b|\bsecretary of (?:state|foreign affairs)\b|"
        r"\bexternal affairs minister\b|\bminister of external affairs\b|\bfm\b",
        "foreign minister",
    ),
    (
        r"\bdefen[cs]e (?:minister|secretary)\b|\bminister (?:of|for) (?:national )?defen[cs]e\b|"
        r"\bsecretary of defense\b",
        "defence minister",
    ),
    (
        r"\bking\b|\bqueen\b|\bemperor\b|\bempress\b|\bemir\b|\bamir\b|\bsultan\b|\bmonarch\b",
        "monarch",
    ),
    (r"\bpresident\b|\bhead of state\b", "president"),
]
_OFFICE_RES = [(re.compile(pattern, re.IGNORECASE), office) for pattern, office in _OFFICES]
KNOWN_OFFICES = frozenset(office for _, office in _OFFICES)
# Titles that say nothing of the office.
_GENERIC = frozenset({"", "official", "general", "counterpart", "leader"})


@lru_cache(maxsize=4096)
def office(title: str) -> str:
    """The office a title names, in a comparable form ("" when it names none).

    >>> office("Russian President"), office("Minister for Foreign Affairs"), office("Premier")
    ('president', 'foreign minister', 'prime minister')
    >>> office("Official")
    ''
    """
    text = " ".join(title.lower().split())
    for pattern, name in _OFFICE_RES:
        if pattern.search(text):
            return name
    return "" if text in _GENERIC else text


def offices_agree(a: str, b: str) -> bool:
    """Titles that do not contradict each other: one unknown, or the same office.

    >>> offices_agree("President", "French President"), offices_agree("King", "")
    (True, True)
    >>> offices_agree("Defense Minister", "President")
    False
    """
    x, y = office(a), office(b)
    return not x or not y or x == y or x in y or y in x
