"""Who is who: whether two mentions name one person.

``people.names_match`` holds the interchange format's scoring rules, which
compare spellings strictly. Deciding identity needs more than spelling: the
same person is written "Abdel Fattah el-Sisi", "Abdel Fattah Al Sisi" and
"Abdelfattah Said Elsisi"; "Kishida Fumio" in the official record is "Fumio
Kishida" in the news; a record says "Prime Minister Thatcher". And two people
may share a spelling ("President Bush" in 1991 and in 2005). The rules here
weigh a name against the office, the government and the dates the data gives
for each person, and stay on the side of keeping people apart when the data
cannot tell:

- The official record's own id for a person (``record_id``), where both sides
  have one, decides alone.
- The same name (``names_match``) is the same person, whatever the office: a
  career moves from one office to another. Two stated governments keep them
  apart unless both name the same office (a stated country is often a guess
  of the extraction, two heads of state with one name are not).
- Spelling variants (transliterations, the Arabic article, hyphens and
  spacing, family name first, an English nickname) are the same person when
  the governments do not differ, and the offices agree or the data shows the
  two at different times.
- A surname alone is the known person of that surname whose government and
  office do not contradict it and whose time in the data is near the mention;
  where two such people are known and the dates do not separate them, it
  resolves to neither.

Nothing here imports Django: ``trips.services`` builds ``Identity`` values
from the database and asks ``resolve``; the pure pipeline asks ``same_person``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from trips.extraction.lexicon import office, offices_agree
from trips.extraction.people import names_match, normalise_name, seat_country
from trips.extraction.places import country_code

# How far (days) a mention may lie from the time the data shows a person in
# office and still be that person when only the surname ties them. The data
# shows a leader now and then (a visit, a meeting), not every day of a term;
# six years spans the gaps between a leader's visits abroad without reaching
# from a father's time in office to his son's.
NEAR_DAYS = 6 * 365

# Governments whose officials the news and the record write family name
# first ("Xi Jinping", "Moon Jae-in", the record's "Kishida Fumio"), so that
# a surname alone may be the first word.
FAMILY_NAME_FIRST = frozenset({"CN", "TW", "HK", "MO", "KR", "KP", "SG", "JP"})

# The Arabic article, written apart, hyphenated or glued: "el-Sisi" = "al-Sisi" = "Sisi".
_ARTICLES = ("al", "el", "ul")
# Words that say "son (daughter) of": what follows names another person.
_PATRONYMICS = frozenset({"bin", "ibn", "bint", "binti", "ben", "ould"})
# Offices whose holders go by their given name ("King Abdullah", "Emir Tamim").
_ROYAL_OFFICES = frozenset({"monarch", "crown prince", "prince", "princess", "sheikh"})

# Transliterations that the spelling skeleton (below) does not fold.
_SPELLINGS = [
    ("mohamed", "mohammed", "muhammad", "mohammad", "mohamad", "muhammed", "mohamad"),
    ("ahmed", "ahmad"),
    ("abdel", "abdul", "abd", "abdal", "abdol"),
    ("yusuf", "youssef", "yousef", "yussef", "yusef"),
    ("hussein", "husain", "hussain", "husein", "hossein"),
    ("mahmoud", "mahmud"),
    ("heydar", "geidar", "haidar", "haydar"),
    ("dmitry", "dmitri", "dimitry", "dimitri", "dmitriy"),
    ("benjamin", "binyamin"),
    ("islam", "islom"),
    ("saleh", "salih"),
    ("nouri", "nuri"),
    ("jabir", "jaber"),
    ("omar", "umar"),
    ("osman", "uthman", "othman"),
    ("aleksandr", "alexander", "alexandr", "aleksander"),
    ("alexei", "aleksei", "alexey", "aleksey"),
    ("volodymyr", "vladimir"),
    ("mikhail", "michail"),
    ("fyodor", "fedor", "feodor"),
    ("pyotr", "petr"),
    ("olexandr", "oleksandr"),
]
# English nicknames, taken for the given name only ("Joe Biden" = "Joseph R. Biden").
_NICKNAMES = [
    ("joseph", "joe"),
    ("michael", "mike"),
    ("william", "bill", "billy", "will"),
    ("james", "jim", "jimmy"),
    ("robert", "bob", "bobby", "rob"),
    ("richard", "dick", "rick"),
    ("thomas", "tom"),
    ("anthony", "antony", "tony"),
    ("christopher", "chris"),
    ("edward", "ted", "ed"),
    ("daniel", "dan"),
    ("david", "dave"),
    ("stephen", "steven", "steve"),
    ("patrick", "pat"),
    ("ronald", "ron"),
    ("lawrence", "larry"),
    ("andrew", "andy"),
    ("matthew", "matt"),
    ("nicholas", "nick"),
    ("benjamin", "ben"),
    ("samuel", "sam"),
    ("alexander", "alex"),
    ("elizabeth", "liz"),
    ("katherine", "catherine", "kate"),
    ("charles", "chuck"),
    ("kenneth", "ken"),
    ("gerald", "jerry"),
    ("donald", "don"),
    ("john", "jack"),
    ("henry", "hank"),
    ("margaret", "maggie"),
]

# Style abbreviations before a name ("H.E.", "H.R.H."), which normalise_name
# would read as initials.
_STYLES = re.compile(r"^\s*(?:(?:H\.\s*(?:E|H|M|R\.\s*H)|S\.\s*E)\.?\s+)+", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")


def clean_name(name: str) -> str:
    """The name as stored: no parenthesised gloss, no style abbreviation, tidy spaces.

    >>> clean_name("Henry A. (Heinz Alfred) Kissinger")
    'Henry A. Kissinger'
    >>> clean_name("H.E.  Tamim bin Hamad Al Thani")
    'Tamim bin Hamad Al Thani'
    """
    name = _STYLES.sub("", _PARENTHESES.sub("", name))
    return " ".join(name.split())


@lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """The words identity compares: normalised, hyphens split, the Arabic article dropped.

    >>> name_words("H.E. President Abdel Fattah el-Sisi")
    ('president', 'abdel', 'fattah', 'sisi')
    >>> name_words("Sheikh Mohamed bin Zayed Al Nahyan")
    ('mohamed', 'bin', 'zayed', 'nahyan')
    >>> name_words("Kim Jong-un"), name_words("O'Neill")
    (('kim', 'jong', 'un'), ('oneill',))
    """
    words: list[str] = []
    for word in normalise_name(clean_name(name)).split():
        for part in word.replace("’", "'").replace("'", "").split("-"):
            if part:
                words.append(part)
    kept = [w for w in words if w not in _ARTICLES]
    return tuple(kept or words)


_REGNAL = re.compile(r"\s(?P<number>[IVX]{1,4})$")


def regnal_number(name: str) -> str:
    """The number of a reigning name ("Abdullah II"), "" when it has none.

    >>> regnal_number("King Abdullah II"), regnal_number("Lloyd J. Austin III, Jr.")
    ('II', '')
    """
    match = _REGNAL.search(clean_name(name).split(",", 1)[0])
    return match.group("number") if match and len(name_words(name)) < 3 else ""


def _plain_words(name: str) -> tuple[str, ...]:
    return tuple(normalise_name(clean_name(name)).split())


def _build_table(groups: list[tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for group in groups:
        canonical = _skeleton_of(group[0])
        for spelling in group:
            table[_skeleton_of(spelling)] = canonical
    return table


def _skeleton_of(word: str) -> str:
    word = word.replace("y", "i").replace("ou", "u")
    return re.sub(r"(\w)\1+", r"\1", word)


_SPELLING_TABLE = _build_table(_SPELLINGS)
_NICKNAME_TABLE = _build_table(_NICKNAMES)


# Given names that open a compound ("Abdulaziz" = "Abdel Aziz").
_COMPOUND_HEADS = ("abdel", "abdul", "abdal", "abdol")


@lru_cache(maxsize=16384)
def skeleton(word: str) -> str:
    """A word's spelling with the usual transliteration differences folded.

    Doubled letters are single, ``y`` is ``i``, ``ou`` is ``u``, and the
    spellings of a few common given names are one.

    >>> skeleton("Zelenskyy") == skeleton("zelensky") == skeleton("zelenskiy")
    True
    >>> skeleton("sergey") == skeleton("sergei"), skeleton("muhammad") == skeleton("mohamed")
    (True, True)
    """
    word = word.lower()
    for head in _COMPOUND_HEADS:
        if word.startswith(head) and len(word) > len(head) + 2:
            return "abdel" + skeleton(word[len(head) :])
    plain = _skeleton_of(word)
    return _SPELLING_TABLE.get(plain, plain)


def _variant_word(a: str, b: str, *, given: bool = False) -> bool:
    """Two words that are one spelling: same skeleton, an initial, a glued article."""
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb:
        return True
    if given and _NICKNAME_TABLE.get(sa, sa) == _NICKNAME_TABLE.get(sb, sb):
        return True
    # A glued article before a family name: "Elsisi" = "Alsisi" = "Sisi" (but
    # "Elena" is not "Ena").
    return not given and _bare(a) == _bare(b)


def _bare(word: str) -> str:
    """A word's skeleton without a glued Arabic article."""
    if len(word) > 4 and word[:2] in _ARTICLES:
        return skeleton(word[2:])
    return skeleton(word)


def _units_agree(xs: Sequence[str], ys: Sequence[str], *, given: bool = False) -> bool:
    if len(xs) == 1 and len(ys) == 1:
        return _variant_word(xs[0], ys[0], given=given)
    joined_x, joined_y = "".join(map(skeleton, xs)), "".join(map(skeleton, ys))
    return joined_x == joined_y or _variant_word(joined_x, joined_y)


def _unit(a: Sequence[str], b: Sequence[str], *, last: bool) -> tuple[int, int] | None:
    """How many words open (or end) both names as one unit ("Abdelfattah" = "Abdel Fattah")."""

    def part(words: Sequence[str], n: int) -> Sequence[str]:
        return words[-n:] if last else words[:n]

    if _units_agree(part(a, 1), part(b, 1), given=not last):
        return 1, 1
    for n in range(2, len(a)):
        if _units_agree(part(a, n), part(b, 1)):
            return n, 1
    for n in range(2, len(b)):
        if _units_agree(part(a, 1), part(b, n)):
            return 1, n
    return None


def _ends_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    """First and last units agree, and so do middle names where both names give them.

    Where one name gives fewer middle names, they must open the other's list
    ("Abdel Fattah el-Sisi" = "Abdel Fattah Said al-Sisi"; "George W. Bush" is
    not "George H. W. Bush").
    """
    head, tail = _unit(a, b, last=False), _unit(a, b, last=True)
    if head is None or tail is None:
        return False
    if head[0] + tail[0] > len(a) or head[1] + tail[1] > len(b):
        return False  # one word would be both the first and the last unit
    middle_a, middle_b = a[head[0] : len(a) - tail[0]], b[head[1] : len(b) - tail[1]]
    if not middle_a or not middle_b:
        return True
    if "".join(map(skeleton, middle_a)) == "".join(map(skeleton, middle_b)):
        return True
    shorter, longer = sorted((middle_a, middle_b), key=len)
    return all(_variant_word(x, y) for x, y in zip(shorter, longer, strict=False))


# How two names relate, strongest first.
EXACT = "exact"  # the same words
SAME = "same"  # the scoring rules' match ("Antony John Blinken" = "A. Blinken")
VARIANT = "variant"  # another spelling or order of the same full name
SURNAME = "surname"  # one name is a single word of the other, its surname
SINGLE = "single"  # both are the same single word
_RANK = {EXACT: 0, SAME: 1, VARIANT: 2, SINGLE: 3, SURNAME: 3}


@lru_cache(maxsize=65536)
def name_relation(a: str, b: str, family_first: bool = False) -> str | None:
    """How the names ``a`` and ``b`` relate, or None when they are different names.

    ``family_first`` lets a single word be the first word of the other name
    (the surname of "Moon Jae-in").

    >>> name_relation("George H. W. Bush", "George Herbert Walker Bush")
    'same'
    >>> name_relation("George H. W. Bush", "George W. Bush") is None
    True
    >>> [name_relation("Abdel Fattah el-Sisi", other) for other in
    ...  ("Abdel Fattah Al Sisi", "Abdelfattah Said Elsisi", "El-Sisi")]
    ['exact', 'variant', 'surname']
    >>> name_relation("Kishida Fumio", "Fumio Kishida")
    'variant'
    >>> name_relation("Joe Biden", "Joseph R. Biden")
    'variant'
    >>> name_relation("Moon", "Moon Jae-in", family_first=True)
    'surname'
    """
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return None
    numbers = regnal_number(a), regnal_number(b)
    if all(numbers) and numbers[0] != numbers[1]:
        return None  # "John Paul II" is not "John Paul I"
    if wa == wb:
        return SINGLE if len(wa) == 1 else EXACT
    if len(wa) == 1 or len(wb) == 1:
        single, full = (wa[0], wb) if len(wa) == 1 else (wb[0], wa)
        if len(full) == 1:
            return SINGLE if _variant_word(single, full[0]) else None
        ends = [full[-1], "".join(full[-2:])]
        if family_first and not any(numbers):
            # A reigning name ("Mohammed V") is no one's given name alone.
            ends.append(full[0])
        return SURNAME if any(_variant_word(single, end) for end in ends) else None
    if names_match(a, b):
        return SAME
    # A double surname alone: "Lula da Silva", "Le Drian" (not a hyphenated
    # given name: "Jae-in" is not the surname of "Moon Jae-in").
    shorter, longer = sorted((_plain_words(a), _plain_words(b)), key=len)
    if (
        1 < len(shorter) < len(longer)
        and longer[-len(shorter) :] == shorter
        # "Tamim bin Hamad al-Thani" is the son of a "Hamad al-Thani", not he.
        and longer[-len(shorter) - 1] not in _PATRONYMICS
    ):
        return SURNAME
    if "".join(map(skeleton, wa)) == "".join(map(skeleton, wb)) or _ends_agree(wa, wb):
        return VARIANT
    # Family name first: "Kishida Fumio" = "Fumio Kishida".
    for turned in (wa[1:] + wa[:1], wa[-1:] + wa[:-1]):
        if len(turned) == len(wb) and all(
            _variant_word(x, y) for x, y in zip(turned, wb, strict=True)
        ):
            return VARIANT
    return None


# ---------------------------------------------------------------- offices


def _same_office(a: str, b: str) -> bool:
    x, y = office(a), office(b)
    return bool(x and y) and (x == y or x in y or y in x)


_CAPITALISED = re.compile(r"U\.S\.|[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*")


def countries_named(text: str) -> frozenset[str]:
    """The governments a sentence names: countries, their people, their seats of government.

    A meeting's city is not among them: it tells where people met, not whom
    they serve.

    >>> sorted(countries_named("The Kremlin said Japanese officials met in Tokyo, Brazil."))
    ['BR', 'JP', 'RU']
    """
    found: set[str] = set()
    for run in _CAPITALISED.finditer(text):
        words = run.group().split()
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i : i + size])
                code = country_code(phrase) or seat_country(phrase)
                if code:
                    found.add(code)
    return frozenset(found)


# ---------------------------------------------------------------- people


@dataclass(frozen=True)
class Identity:
    """What the data says of one person, or of one mention of a person.

    ``active`` is the first and last day the data shows them in office (their
    trips, meetings, the articles that name them); for a mention, the day it
    speaks of. ``record_id`` is the official record's own id for the person
    ("bush-george-w"). ``met_in`` holds the countries they were met in: not
    their government (a summit meets leaders far from home), but all that
    tells apart two people known by one bare name ("King Abdullah" met in
    Amman and in Riyadh).
    """

    name: str
    aliases: tuple[str, ...] = ()
    title: str = ""
    country: str = ""
    record_id: str = ""
    active: tuple[date, date] | None = None
    met_in: frozenset[str] = frozenset()
    names: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", (self.name, *self.aliases))


def _gap_days(a: tuple[date, date] | None, b: tuple[date, date] | None) -> int | None:
    """Days between two spans (0 when they overlap), None when either is unknown."""
    if a is None or b is None:
        return None
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def _full_names(person: Identity) -> tuple[str, ...]:
    """The names to compare: the full ones, when a person has any, and none that
    only shortens their name.

    A surname kept as an alias ("Obama") must not make "Bo Obama" that person,
    nor "Rex Stone", once said of Rex W. Stone, match him better than his
    father Rex H. W. Stone.
    """
    telling = [person.name] + [a for a in person.aliases if not _shortens(person.name, a)]
    full = tuple(n for n in telling if len(name_words(n)) > 1)
    return full or tuple(telling)


def _shortens(name: str, alias: str) -> bool:
    """``alias`` says less than ``name`` and nothing else ("Rex Stone" of "Rex W. Stone")."""
    return len(name_words(alias)) < len(name_words(name)) and name_relation(name, alias) in (
        SAME,
        SURNAME,
        SINGLE,
    )


def _relation(a: Identity, b: Identity) -> str | None:
    # A single word may be the first word of a full name: the family name in
    # East Asia, the given name a monarch goes by.
    family_first = bool({a.country, b.country} & FAMILY_NAME_FIRST) or bool(
        {office(a.title), office(b.title)} & _ROYAL_OFFICES
    )
    best = None
    for x in _full_names(a):
        for y in _full_names(b):
            relation = name_relation(x, y, family_first)
            if relation is not None and (best is None or _RANK[relation] < _RANK[best]):
                best = relation
                if relation == EXACT:
                    return best
    return best


def _compatible(a: Identity, b: Identity, relation: str, near_days: int) -> bool:
    countries_differ = bool(a.country and b.country and a.country != b.country)
    gap = _gap_days(a.active, b.active)
    if relation in (EXACT, SAME):
        # A stated country is often a guess; two people of one name heading
        # the same office of two governments are not.
        return not countries_differ or _same_office(a.title, b.title)
    if countries_differ:
        return False
    if relation == VARIANT:
        # The offices agree, or the data shows the two at different times (a
        # career), or the name is too long to be two people's at once
        # ("Mohamed bin Zayed Al Nahyan", Crown Prince, then President).
        long_name = min(len(_plain_words(a.name)), len(_plain_words(b.name))) >= 3
        return offices_agree(a.title, b.title) or gap is None or gap > 0 or long_name
    # A single word: the office must not contradict it and the time must be near.
    if not offices_agree(a.title, b.title):
        return False
    # Two bare names, one of unknown government: one person only if the places
    # they were met in (or a government) meet.
    places_a, places_b = a.met_in | {a.country} - {""}, b.met_in | {b.country} - {""}
    if relation == SINGLE and not (a.country and b.country) and a.met_in and b.met_in:
        return bool(places_a & places_b) and (gap is None or gap <= near_days)
    return gap is None or gap <= near_days


def same_person(a: Identity, b: Identity, *, near_days: int = NEAR_DAYS) -> bool:
    """Whether ``a`` and ``b`` are one person under the rules of this module.

    >>> sisi = Identity("Abdel Fattah el-Sisi", title="President", country="EG")
    >>> same_person(sisi, Identity("Abdelfattah Said Elsisi", title="President", country="EG"))
    True
    >>> same_person(sisi, Identity("Abdelfattah Said Elsisi", title="President", country="DZ"))
    False
    >>> same_person(Identity("Rex Stone", record_id="stone-rex"),
    ...             Identity("Rex Stone", record_id="stone-rex-t"))
    False
    """
    if a.record_id and b.record_id:
        return a.record_id == b.record_id
    relation = _relation(a, b)
    return relation is not None and _compatible(a, b, relation, near_days)


def resolve(
    mention: Identity,
    candidates: Sequence[Identity],
    *,
    near_days: int = NEAR_DAYS,
    preferred: Collection[int] = (),
) -> int | None:
    """The index of the candidate ``mention`` names, or None when none, or no one, fits.

    The closest kind of name wins (record id, then the same words, the same
    name, a variant, a surname); among equals, the same government, then the
    same office, then the nearest in time. Several equal candidates that
    nothing tells apart resolve to none, except people of identical names
    (the first known is taken: nothing could ever tell them apart).
    ``preferred`` candidates (by index: those the same source named before an
    editor's decision, say) win over the others when they fit at all.

    >>> bushes = [Identity("George H. W. Bush", active=(date(1989, 1, 20), date(1993, 1, 20))),
    ...           Identity("George W. Bush", active=(date(2001, 1, 20), date(2009, 1, 20)))]
    >>> resolve(Identity("Bush", title="President", active=(date(2005, 6, 1),) * 2), bushes)
    1
    >>> resolve(Identity("George Bush"), bushes) is None
    True
    """
    scored: list[tuple[tuple, int]] = []
    for index, candidate in enumerate(candidates):
        if mention.record_id and candidate.record_id:
            if mention.record_id == candidate.record_id:
                return index
            continue
        relation = _relation(mention, candidate)
        if relation is None or not _compatible(mention, candidate, relation, near_days):
            continue
        gap = _gap_days(mention.active, candidate.active)
        key = (
            _RANK[relation],
            bool(mention.country and candidate.country != mention.country),
            not _same_office(mention.title, candidate.title),
            near_days if gap is None else gap,
        )
        scored.append((key, index))
    if not scored:
        return None
    scored.sort()
    favourites = [item for item in scored if item[1] in preferred]
    if favourites:
        return favourites[0][1]
    best, index = scored[0]
    if len(scored) == 1 or scored[1][0][:3] != best[:3]:
        return index  # a closer kind of name, the government or the office decides
    # Only the time can tell them apart.
    if best[3] < scored[1][0][3] and best[3] <= near_days:
        return index
    return index if best[0] == _RANK[EXACT] else None


def index_keys(name: str) -> frozenset[str]:
    """Keys under which a name is filed, so that ``resolve`` gets every candidate.

    The skeletons of its first and last word (and of a last word without a
    glued article: "Elsisi" is filed under "sisi").

    >>> sorted(index_keys("Abdelfattah Said Elsisi"))
    ['abdelfatah', 'elsisi', 'sisi']
    """
    words = name_words(name)
    if not words:
        return frozenset()
    keys = {skeleton(words[0]), skeleton(words[-1]), skeleton("".join(words[-2:]))}
    for word in (words[0], words[-1]):
        if len(word) > 4 and word[:2] in _ARTICLES:
            keys.add(skeleton(word[2:]))
    if len(words) > 1:
        keys.discard(skeleton("".join(words[-2:])))
    return frozenset(keys)


def lookup_keys(name: str) -> frozenset[str]:
    """Keys to look a mention up by: its own, and a single word's glued forms.

    >>> sorted(lookup_keys("Sisi"))
    ['alsisi', 'elsisi', 'sisi', 'ulsisi']
    """
    keys = set(index_keys(name))
    words = name_words(name)
    if len(words) == 1:
        keys |= {skeleton(article + words[0]) for article in _ARTICLES}
    return frozenset(keys)


def merged(people: Sequence[Identity]) -> Identity:
    """One identity standing for several known to be one person.

    >>> merged([Identity("Ann Lee", title="Minister"), Identity("A. Lee", country="AU")])
    Identity(name='Ann Lee', aliases=('A. Lee',), title='Minister', country='AU', record_id='', \
active=None, met_in=frozenset())
    """
    names = list(dict.fromkeys(n for person in people for n in person.names))
    spans = [p.active for p in people if p.active]
    return Identity(
        name=names[0],
        aliases=tuple(names[1:]),
        title=next((p.title for p in people if p.title), ""),
        country=next((p.country for p in people if p.country), ""),
        record_id=next((p.record_id for p in people if p.record_id), ""),
        active=(min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None,
        met_in=frozenset().union(*(p.met_in for p in people)),
    )


def _contradicts(a: Identity, b: Identity) -> bool:
    """What keeps two members of one group apart whatever else they share."""
    if a.record_id and b.record_id and a.record_id != b.record_id:
        return True
    relation = _relation(a, b)
    full = len(name_words(a.name)) > 1 and len(name_words(b.name)) > 1
    if full and name_relation(a.name, b.name, True) is None:
        # Two full names that are not one name ("George H. W." and "George W."),
        # whatever their aliases share.
        return True
    if a.country and b.country and a.country != b.country:
        return relation not in (EXACT, SAME) or not _same_office(a.title, b.title)
    return False


def group_people(
    people: Sequence[Identity],
    *,
    apart: Callable[[int, int], bool] = lambda i, j: False,
    near_days: int = NEAR_DAYS,
) -> list[list[int]]:
    """Indices of ``people`` grouped by person.

    People with a record id go first, then the longest names, single words
    last, so that a short name meets every full name it could stand for: it
    joins the one person ``resolve`` picks, or stays alone when two fit. A
    person joins a group when they are ``same_person`` with the group taken
    as one (all its names, its whole time in office) and nothing sets them
    apart from any member: another record id, another full name, another
    government, or ``apart(i, j)`` (an editor's decision).

    >>> group_people([Identity("Ann Lee", country="AU"), Identity("Lee", country="AU"),
    ...               Identity("Ann Lee", country="AU"), Identity("Bo Lee", country="AU")])
    [[0, 2], [1], [3]]
    """
    # The most telling names first: a short name ("Hamad Thani", "George Bush")
    # then meets every longer one it could stand for.
    order = sorted(
        range(len(people)),
        key=lambda i: (not people[i].record_id, -len(name_words(people[i].name)), i),
    )
    groups: list[list[int]] = []
    for index in order:
        person = people[index]
        fitting = [
            g
            for g, group in enumerate(groups)
            if same_person(merged([people[m] for m in group]), person, near_days=near_days)
            and not any(apart(m, index) or _contradicts(people[m], person) for m in group)
        ]
        choice = None
        if len(fitting) == 1:
            choice = fitting[0]
        elif fitting:
            picked = resolve(
                person,
                [merged([people[m] for m in groups[g]]) for g in fitting],
                near_days=near_days,
            )
            choice = None if picked is None else fitting[picked]
        if choice is None:
            groups.append([index])
        else:
            groups[choice].append(index)
    for group in groups:
        group.sort()
    return sorted(groups)
