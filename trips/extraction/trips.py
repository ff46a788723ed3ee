"""Assemble journeys from the events of an article (``clauses.py``).

Each traveller's travel events are grouped by time frame: the journey the
article reports, and any journey it mentions in passing ("visited Cairo last
month"), which a date or a marker attached to the event sets apart. History
(a visit years ago) is left out; so are wishes, invitations, remote talks and
negated or cancelled journeys.

Within a journey, the places attached to its events become stops in travel
order: the order of the text, corrected by what the text says of order
(first stop, "will end in", "from X", "before X", "then") and by the stops'
dates. Places in the traveller's own country are not stops. Dates come from
the events that carry them: an arrival dates the arrival at its place, a
departure the leaving, a stated period or duration the whole journey.

Travellers whose journeys go to the same places travel together and share
one trip. Meetings attach to the journey of whichever side travels, at the
stop the text puts them in.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from trips.extraction.clauses import Event, PlaceRole
from trips.extraction.dates import DateMention, resolve
from trips.extraction.lexicon import LEG_NOUNS, lemma, noun_lemma
from trips.extraction.people import Person
from trips.extraction.places import (
    Place,
    PlaceMention,
    city_state,
    country_name,
    is_seat_of_government,
    lookup,
)
from trips.extraction.sentences import Sentence

# Dates of one traveller more than this far apart belong to separate journeys.
_JOURNEY_GAP_DAYS = 8
# Older than this before publication, a visit is history, not a recent journey.
_HISTORY_DAYS = 400
_REAL_MOODS = frozenset(["real", "plan"])
_NOT_TRAVELLERS = ("wife", "husband", "spouse", "first lady", "consort", "daughter", "son")


@dataclass
class Stop:
    country: str
    city: Place | None = None
    arrive: date | None = None
    depart: date | None = None
    evidence: list[Sentence] = field(default_factory=list)
    order: float = 0.0
    first_token: int = 0
    first: bool = False
    last: bool = False
    days: int | None = None
    seen: list[date] = field(default_factory=list)  # days the text has the traveller there
    tokens: list[int] = field(default_factory=list)  # events that put the traveller there

    region: str | None = None  # a state or province named instead of a city

    def fits(self, place: Place) -> bool:
        """Whether a mention of ``place`` is this stop.

        A country fits any of its stops; a city fits a stop in its country with
        no city yet, or in the state it names ("Delaware", then "Wilmington"); a
        region ("north Queensland") is a stop of its own.
        """
        if place.country != self.country:
            return False
        if place.kind == "country":
            return True
        if place.kind == "state":
            if self.city is not None:
                return bool(place.admin1) and self.city.admin1 == place.admin1
            return self.region in (None, place.name)
        if self.city is None:
            if self.region is None:
                return True
            region = lookup(self.region)
            return (
                region is not None
                and region.kind == "state"
                and bool(region.admin1)
                and region.admin1 == place.admin1
            )
        return place.name == self.city.name or _near(place, self.city)


_SAME_PLACE_KM = 30
_CAPITAL_AREA_KM = 40


def _near(a: Place, b: Place) -> bool:
    """Two gazetteer cities this close are one stop ("Delhi" and "New Delhi")."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    lat = math.radians((a.latitude + b.latitude) / 2)
    dx = math.radians(a.longitude - b.longitude) * math.cos(lat)
    dy = math.radians(a.latitude - b.latitude)
    distance = 6371 * math.hypot(dx, dy)
    if a.capital or b.capital:
        # "landed at Ezeiza" for Buenos Aires: the airport town of a capital
        return distance < _CAPITAL_AREA_KM
    return distance < _SAME_PLACE_KM


@dataclass
class Meeting:
    participants: list[int]
    stop: Stop | None
    day: date | None
    sentence: Sentence
    description: str
    token: int = 0
    placed: bool = False  # the sentence names where it was held


@dataclass
class Journey:
    travellers: list[int]
    frame: tuple = ()
    events: list[Event] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    start_evidence: list[Sentence] = field(default_factory=list)
    end_evidence: list[Sentence] = field(default_factory=list)
    evidence: list[Sentence] = field(default_factory=list)
    status: str = "planned"
    cancelled_places: set[str] = field(default_factory=set)
    returned: list[tuple[date, Sentence]] = field(default_factory=list)  # days back home
    arrived: list[date] = field(default_factory=list)  # arrivals the text gives no place

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(s.country for s in self.stops)


@dataclass
class Context:
    text: str
    published: date | None
    people: list[Person]
    sentences: tuple[Sentence, ...]
    events: list[Event]
    homes: dict[int, str | None]
    guessed: set[int] = field(default_factory=set)  # homes only guessed (the outlet's)
    dateline: PlaceMention | None = None
    journeys: list[Journey] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)  # every date of the text


# --- helpers -------------------------------------------------------------------------------


def _sentence(ctx: Context, event: Event) -> Sentence:
    return ctx.sentences[min(event.sentence, len(ctx.sentences) - 1)]


def _resolved(ctx: Context, event: Event, mention: DateMention) -> DateMention | None:
    tense = event.tense if event.tense not in ("none", "would", "maybe") else None
    if event.tense == "would":
        tense = "future"
    if tense is None and event.nominal and event.parent is not None:
        # "reached Tokyo on his first visit on Saturday": the visit's day is the verb's.
        parent = next((e for e in ctx.events if e.token == event.parent), None)
        if parent is not None and parent.tense in ("past", "perfect", "present", "future"):
            tense = parent.tense
    if "past plan" in event.hints and mention.pattern == "wd":
        tense = "nearest"  # "was scheduled to arrive Sunday": the Sunday nearest the report
    again = resolve(mention, ctx.published, tense or mention.tense)
    return again


# "head of the honorary delegation", "the mission of honour": the host's escort of a
# visiting head of state, who accompanies the guest at home.
_HOSTS_ESCORT = re.compile(
    r"\bhono(?:u)?r(?:ary)?\s+(?:delegation|mission)|\bmission\s+of\s+hono(?:u)?r|\bmihmandar",
    re.IGNORECASE,
)


def _is_traveller(person: Person) -> bool:
    title = person.title.lower()
    return (
        person.official
        and not person.former
        and not any(w in title for w in _NOT_TRAVELLERS)
        and not _HOSTS_ESCORT.search(title)
    )


def _place_of(role: PlaceRole) -> Place:
    # "Singapore" the country is Singapore the city too.
    place = role.mention.place
    return city_state(place) if place.kind == "country" else place


def _history(ctx: Context, event: Event) -> bool:
    if ctx.published is None:
        return any(
            d.mention.kind == "vague" and d.mention.approx is not None for d in event.dates
        ) and event.tense in ("past", "perfect")
    for role in event.dates:
        if role.mention.text.lower().startswith("since"):
            continue  # "his first visit since 2019": the gap, not the date of the visit
        mention = _resolved(ctx, event, role.mention) or role.mention
        when = mention.first or mention.approx
        if when is not None and (ctx.published - when).days > _HISTORY_DAYS:
            return True
    return False


def _event_time(ctx: Context, event: Event) -> tuple[date | None, str | None]:
    """When an event happened (a resolved day) and any vague marker it carries."""
    day = None
    marker = None
    for role in event.dates:
        mention = _resolved(ctx, event, role.mention)
        if mention is None:
            continue
        if mention.first is not None and day is None:
            day = mention.first
        elif (
            mention.kind == "vague"
            and mention.approx is not None
            and not mention.text.lower().startswith("since")
        ):
            marker = mention.text.lower()
            # "next week", "this weekend": the journey being announced; "finalized his
            # visit last week": the one being reported.
            recent = -13 if event.phase in ("end", "return") else -6
            if ctx.published is not None and (mention.approx - ctx.published).days > recent:
                marker = None
    return day, marker


# --- sides of an event ---------------------------------------------------------------------


def _travellers_of(ctx: Context, event: Event) -> list[int]:
    if event.phase == "host":
        persons = event.subjects if event.passive else event.objects
    elif event.phase in ("accompany", "lead", "bring"):
        persons = list(event.subjects) + [o for o in event.objects if o not in event.subjects]
    else:
        persons = list(event.subjects)
    return [p for p in persons if _is_traveller(ctx.people[p])]


def _hosts_of(event: Event) -> list[int]:
    if event.phase != "host":
        return []
    return list(event.objects if event.passive else event.subjects)


# --- journeys ------------------------------------------------------------------------------


def build_journeys(ctx: Context) -> None:
    """Fill ``ctx.journeys`` from ``ctx.events``."""
    frames: dict[tuple, Journey] = {}
    dated: dict[int, list[tuple[int, date]]] = {}  # person -> (event token, day)
    usable: list[tuple[Event, list[int]]] = []
    for event in ctx.events:
        if event.kind != "travel" and event.phase != "host":
            continue
        travellers = _travellers_of(ctx, event)
        if not travellers:
            continue
        if event.mood == "cancelled":
            for person in travellers:
                for role in event.places:
                    _cancelled(ctx, person, role)
                if event.places:
                    # One called-off journey per set of places, however often it is told.
                    countries = tuple(sorted({r.mention.place.country for r in event.places}))
                    _journey(frames, person, ("cancelled", countries)).events.append(event)
            continue
        if event.mood not in _REAL_MOODS or event.tense == "maybe":
            continue
        if _history(ctx, event):
            continue
        if event.phase == "presence" and event.places:
            # "spent Monday at Itamaraty Palace, Brazil's Ministry of Foreign Affairs":
            # a day at home is no part of a journey, nor does it date one.
            countries = {_place_of(r).country for r in event.places}
            travellers = [p for p in travellers if {ctx.homes.get(p)} != countries]
            if not travellers:
                continue
        usable.append((event, travellers))
        day, marker = _event_time(ctx, event)
        if day is not None and marker is None and event.phase != "return":
            for person in travellers:
                dated.setdefault(person, []).append((event.token, day))
    moving = {p for e, people in usable for p in people}
    # Meetings with a place abroad put the traveller there too.
    for event in ctx.events:
        # "U.S.-China talks" are about China; "talks in Beijing" are there.
        if (
            event.kind == "meet"
            and event.phase != "host"
            and any(r.role == "in" for r in event.places)
        ):
            if event.mood not in _REAL_MOODS or event.tense == "maybe":
                continue
            travellers = [p for p in event.subjects if _is_traveller(ctx.people[p])]
            countries = {_place_of(r).country for r in event.places if r.role == "in"}
            if travellers and all(ctx.homes.get(p) in countries for p in travellers):
                # "Argentine President X met Secretary Y in Buenos Aires": the host is
                # at home; the guest from abroad is the one who came.
                travellers = [
                    p
                    for p in event.objects
                    if _is_traveller(ctx.people[p])
                    and ctx.homes.get(p) is not None
                    and ctx.homes.get(p) not in countries
                ]
            if len(travellers) > 1:
                # "where he and President X agreed": X met him there; only who travels
                # elsewhere in the text goes there.
                travellers = [p for p in travellers if p in moving] or travellers[:1]
            if travellers and not _history(ctx, event):
                usable.append((event, travellers))
    usable.sort(key=lambda item: item[0].token)
    # A stated duration ("his 12-day tour") holds its dates together.
    longest: dict[int, int] = {}
    for event, travellers in usable:
        for person in travellers:
            longest[person] = max(longest.get(person, 0), event.days or 0)
    # So does a span the parse splits over two verbs ("after completing visits to A and
    # B from Nov 9 until yesterday").
    bounds: dict[int, dict[str, list[tuple[date, list[int]]]]] = {}
    for event, travellers in usable:
        for role in event.dates:
            mention = _resolved(ctx, event, role.mention)
            if mention is not None and mention.first and role.role in ("from", "until"):
                sentence = bounds.setdefault(event.sentence, {})
                sentence.setdefault(role.role, []).append((mention.first, travellers))
    for sentence in bounds.values():
        for first, starting in sentence.get("from", []):
            for last, ending in sentence.get("until", []):
                if first < last and (last - first).days <= _LONGEST_TRIP_DAYS:
                    for person in {*starting, *ending}:
                        longest[person] = max(longest.get(person, 0), (last - first).days + 1)
    clusters = {
        person: _clusters(days, max(_JOURNEY_GAP_DAYS, longest.get(person, 0)))
        for person, days in dated.items()
    }
    for event, travellers in usable:
        day, marker = _event_time(ctx, event)
        for person in travellers:
            reach = max(_JOURNEY_GAP_DAYS, longest.get(person, 0))
            key = _frame(ctx, event, day, marker, clusters.get(person, []), reach)
            if (
                key[0] == "passing"
                and event.nominal
                and event.plural
                and len(event.places) > 1
                and len(travellers) == 1
                and all(r.person is None for r in event.places)
            ):
                # "his visits to A and B last year": one journey each.
                for role in event.places:
                    single = Event(**{**event.__dict__, "places": [role]})
                    split_key = (*key, role.mention.place.country)
                    _journey(frames, person, split_key).events.append(single)
                continue
            if key[0] == "main":
                key = _told_before(frames, person, event) or key
            _journey(frames, person, key).events.append(event)
    _undated_into_passing(ctx, frames)
    for journey in frames.values():
        _stops(ctx, journey)
    _accompanying(ctx, frames)
    journeys = [j for j in frames.values() if j.stops or j.frame[0] == "main"]
    journeys = _together(journeys)
    ctx.journeys = [j for j in journeys if j.stops]
    _meetings(ctx)
    farewells = {e.token for e in ctx.events if "farewell" in e.hints}
    for journey in ctx.journeys:
        _order(journey, ctx.text)
        _dates(ctx, journey)
        _meetings_on_their_days(journey)
        journey.status = _status(ctx, journey)
        _distinct_meetings(journey)
        _hosts_at_home(ctx, journey)
        for meeting in journey.meetings:
            if (
                meeting.day is None
                and meeting.stop is not None
                and meeting.stop.arrive
                and _AIRPORT.search(meeting.sentence.text)
                and _RECEIVED.search(meeting.sentence.text)
            ):
                meeting.day = meeting.stop.arrive  # received at the airport: on arrival
            if (
                meeting.day is None
                and meeting.stop is not None
                and meeting.stop.depart
                and meeting.token in farewells
            ):
                meeting.day = meeting.stop.depart  # seen off by X: on the day of leaving


_MULTILATERAL = re.compile(
    r"\b(?:summit|sidelines|conference|forum|assembly|general\s+debate|ministerial|G\d+)\b",
    re.IGNORECASE,
)


def _hosts_at_home(ctx: Context, journey: Journey) -> None:
    """ "received by the Governor of Riyadh region and the Minister of Foreign Affairs"
    on a visit to Saudi Arabia: officials of no stated country met at a bilateral stop
    serve that country. (At a summit they may come from anywhere.)"""
    homes = _home(ctx, journey)
    for meeting in journey.meetings:
        if meeting.stop is None or meeting.stop.country in homes:
            continue
        if _MULTILATERAL.search(meeting.sentence.text):
            continue
        for person in meeting.participants:
            official = ctx.people[person]
            if (
                (ctx.homes.get(person) is None or person in ctx.guessed)
                and official.official
                and not official.former
            ):
                ctx.homes[person] = meeting.stop.country
                ctx.guessed.discard(person)


def _distinct_meetings(journey: Journey) -> None:
    """One meeting told twice ("will hold talks with X ... will also meet X") is one."""
    kept: list[Meeting] = []
    for meeting in journey.meetings:
        same = next(
            (
                k
                for k in kept
                if set(k.participants) == set(meeting.participants)
                and k.stop is meeting.stop
                and (k.day is None or meeting.day is None or k.day == meeting.day)
            ),
            None,
        )
        if same is None:
            kept.append(meeting)
        else:
            same.day = same.day or meeting.day
    journey.meetings = kept


def _places_told(journey: Journey) -> set[str]:
    return {
        r.mention.place.country
        for e in journey.events
        for r in e.places
        if r.role in ("to", "in", "obj", "at")
    }


def _told_before(frames: dict[tuple, Journey], person: int, event: Event) -> tuple | None:
    """ "has visited the United States ... Before his US visit, he went to": a visit
    named by its noun, in the past, with no day, is the earlier journey told with a
    verb to the same country, not the one the article reports."""
    if not (event.nominal and event.places and event.tense in ("past", "perfect")):
        return None
    if event.dates:
        return None
    countries = {r.mention.place.country for r in event.places}
    for (owner, *key), journey in frames.items():
        if owner != person or key[0] != "passing":
            continue
        if any(
            not e.nominal
            and e.token < event.token
            and countries <= {r.mention.place.country for r in e.places}
            for e in journey.events
        ):
            return tuple(key)
    return None


def _undated_into_passing(ctx: Context, frames: dict[tuple, Journey]) -> None:
    """ "X visited Egypt and Saudi Arabia last week. X spoke at a summit in Riyadh": the
    undated report of a place of the one journey the text dates vaguely is that journey."""
    for full in [k for k in frames if k[1:] == ("main",)]:
        main = frames[full]
        person = full[0]
        if any(_event_time(ctx, e)[0] is not None for e in main.events):
            continue
        if any(e.tense in ("present", "future") for e in main.events):
            continue  # "This will be her second visit. She was last here in May": now
        passing = [
            j for k, j in frames.items() if k[0] == person and k[1] == "passing" and j.events
        ]
        told = _places_told(main)
        if len(passing) != 1 or not told or not told <= _places_told(passing[0]):
            continue
        passing[0].events.extend(e for e in main.events if e not in passing[0].events)
        passing[0].events.sort(key=lambda e: e.token)
        del frames[full]


def _accompanying(ctx: Context, frames: dict[tuple, Journey]) -> None:
    """ "Brian Hook, who is accompanying Pompeo": Hook is on Pompeo's journey."""
    for event in ctx.events:
        if event.phase != "accompany" or event.places or event.mood not in _REAL_MOODS:
            continue
        companions = sorted(
            (p for p in event.subjects if _is_traveller(ctx.people[p])),
            key=lambda p: min((s for s, _ in ctx.people[p].mentions), default=0),
        )
        for led in event.objects:
            journey = frames.get((led, "main"))
            if journey is None:
                continue
            for companion in companions:
                own = frames.get((companion, "main"))
                if not journey.stops and own is not None and own.stops:
                    continue  # "will later join Trump for dinner": a host at home
                home = ctx.homes.get(companion)
                if home and journey.stops and all(s.country == home for s in journey.stops):
                    continue  # "accompanied by Prime Minister X" in X's own capital: a host
                if companion not in journey.travellers and companion != led:
                    journey.travellers.append(companion)
                    frames.pop((companion, "main"), None)


def _cancelled(ctx: Context, person: int, role: PlaceRole) -> None:
    ctx.__dict__.setdefault("cancelled", set()).add((person, role.mention.place.country))


def _journey(frames: dict[tuple, Journey], person: int, key: tuple) -> Journey:
    full = (person, *key)
    if full not in frames:
        frames[full] = Journey(travellers=[person], frame=key)
    return frames[full]


def _clusters(days: list[tuple[int, date]], gap: int) -> list[list[tuple[int, date]]]:
    """Dated events in runs of days: a gap of more than a week between two dates of
    one traveller starts another journey ("the Gulf from May 13; Rome this weekend")."""
    runs: list[list[tuple[int, date]]] = []
    for token, day in sorted(days, key=lambda item: item[1]):
        if runs and (day - runs[-1][-1][1]).days <= gap:
            runs[-1].append((token, day))
        else:
            runs.append([(token, day)])
    # The journey told first in the text is the article's own.
    runs.sort(key=lambda run: min(token for token, _ in run))
    return runs


def _frame(
    ctx: Context,
    event: Event,
    day: date | None,
    marker: str | None,
    clusters: list[list[tuple[int, date]]],
    reach: int = 0,
) -> tuple:
    """("main",) for the journey the article reports, ("main", n) for other journeys it
    reports, and ("passing", ...) for one it mentions in passing."""
    if marker is not None and not (event.kind == "meet" and clusters):
        # (A meeting's vague date is often another event's: "a follow-up to the summit
        # last week"; a traveller with dated legs meets on them.)
        return ("passing", marker)
    if day is not None and clusters:
        # Coming home ends the journey: as long after its first dated leg as it lasts
        # ("returned on Monday from a ten-day tour ... from July 13").
        after = reach if event.phase == "return" or event.home else _JOURNEY_GAP_DAYS
        index = next(
            (
                i
                for i, run in enumerate(clusters)
                if min(d for _, d in run) - timedelta(days=_JOURNEY_GAP_DAYS)
                <= day
                <= max(d for _, d in run) + timedelta(days=max(after, _JOURNEY_GAP_DAYS))
            ),
            None,
        )
        if index is None:
            return ("passing", day.year, day.month)  # a day far from every journey's
        return ("main",) if index == 0 else ("main", index)
    if (
        day is None
        and clusters
        and ctx.published is not None
        and event.tense == "past"
        and event.kind == "travel"
        and not event.nominal
        and all(d > ctx.published for run in clusters for _, d in run)
        and not any(
            # "has arrived in the US": the journey is under way on the day of the report
            e.phase == "arrive" and e.tense == "perfect" and e.mood == "real" and not e.dates
            for e in ctx.events
        )
    ):
        # "will visit Argentina on June 6 ... Prior to Argentina, he travelled to the
        # United States": a journey already made is not the one to come.
        return ("passing", "earlier", event.token)
    if clusters and len(clusters) > 1 and not event.hints & {"earlier"}:
        nearest = min(
            ((abs(token - event.token), i) for i, run in enumerate(clusters) for token, _ in run)
        )[1]
        return ("main",) if nearest == 0 else ("main", nearest)
    if event.tense == "perfect" and day is None and event.phase == "visit" and not event.nominal:
        return ("passing", "perfect")  # "has visited the region twice": earlier journeys
    if (
        "earlier" in event.hints
        and event.tense in ("past", "perfect", "none", "present")
        and not any(d.mention.kind in ("day", "anaphoric") for d in event.dates)
    ):
        # "the visit followed his trip to X": an earlier journey, unless the text
        # dates it among the days of this one ("follows the funeral on Saturday").
        return ("passing", "earlier", event.same_as or event.token)
    return ("main",)


# The seats of the bodies whose officials have codes of their own (SCHEMA.md: UN, EU):
# their home city.
_BODY_SEATS = {"UN": ("US", "New York"), "EU": ("BE", "Brussels")}

# Territories whose visits are domestic travel for the country they belong to.
_TERRITORIES = {
    "US": {"AS", "GU", "PR", "VI", "MP", "UM"},
    "FR": {"NC", "PF", "RE", "GP", "MQ", "GF", "YT", "PM", "WF", "BL", "MF"},
    "GB": {"BM", "KY", "VG", "GI", "FK", "MS", "TC", "AI", "SH", "PN", "IO", "GG", "JE", "IM"},
    "NL": {"AW", "CW", "SX", "BQ"},
    "DK": {"GL", "FO"},
    "NZ": {"CK", "NU", "TK"},
    "AU": {"CX", "CC", "NF", "HM"},
    "NO": {"SJ", "BV"},
}


def _home(ctx: Context, journey: Journey) -> set[str]:
    """The travellers' own countries, with the territories that belong to them."""
    homes = {ctx.homes[t] for t in journey.travellers if ctx.homes.get(t)}
    return homes | {t for h in homes for t in _TERRITORIES.get(h, ())}


def _stops(ctx: Context, journey: Journey) -> None:
    homes = _home(ctx, journey)
    cancelled = {c for p, c in ctx.__dict__.get("cancelled", set()) if p in journey.travellers}
    if journey.frame[0] == "cancelled":
        cancelled = set()  # the journey called off keeps its places
    for event in journey.events:
        sentence = _sentence(ctx, event)
        journey.evidence.append(sentence)
        roles = list(event.places)
        destinations = [r for r in roles if r.role not in ("from", "before", "after")]
        if (
            destinations
            and all(_place_of(r).country in homes for r in destinations)
            and event.phase in ("arrive", "go", "return", "visit")
            and not event.nominal
        ):
            # "arrived in Indonesia after a visit to ...": back home, and the places
            # visited before are the journey's, in the order told.
            event.home = True
            event.phase = "return"
            event.places = [replace(r, role="to") if r.role == "after" else r for r in roles]
            roles = list(event.places)
        if not roles and event.phase == "host":
            hosts = [
                h
                for h in _hosts_of(event)
                if ctx.homes.get(h) and not _ENVOY.search(ctx.people[h].title)
            ]  # an envoy receives guests abroad: their country is not where this is
            for host in hosts:
                country = ctx.homes[host]
                if country not in homes:
                    _add_stop(
                        journey,
                        Place(country, "country", country_name(country)),
                        event,
                        sentence,
                        origin=False,
                    )
                    break
        for role in roles:
            if event.kind == "travel" and role.person not in (None, *journey.travellers):
                continue  # another traveller's place ("trips by A to X and B to Y")
            place = _place_of(role)
            if _in_a_list_of_countries(ctx.text, role, roles):
                place = role.mention.place  # "Chad, Djibouti, Ethiopia": countries, not a city
            if place.country in homes:
                continue
            if place.kind == "city" and any(
                _BODY_SEATS.get(h) == (place.country, place.name) for h in homes
            ):
                continue  # "arrived in Cairo from New York": the UN chief's home city
            if role.role in ("before", "after", "route") and event.kind != "travel":
                continue
            if role.role == "from" and event.nominal and not destinations:
                continue  # "before making the trip from the US": where the journey began
            origin = role.role == "from" and event.phase in ("arrive", "go", "visit")
            if role.role == "from" and event.phase == "return":
                origin = False
            if role.role == "obj" and event.phase == "leave":
                origin = False
            stop = _add_stop(journey, place, event, sentence, origin=origin, position=role.token)
            single = len(destinations) == 1
            if single and (event.hints & {"first", "begins"} or event.phase == "begin"):
                stop.first = True
            if single and (event.hints & {"last", "ends"} or event.phase == "end"):
                stop.last = True
            if event.phase == "return" and role.role == "from":
                stop.last = True
            if single and "farewell" in event.hints and not stop.first:
                stop.last = True  # "were seen off at Moi International Airport"
    if cancelled:
        journey.stops = [s for s in journey.stops if s.country not in cancelled]


def _in_a_list_of_countries(text: str, role: PlaceRole, roles: list[PlaceRole]) -> bool:
    """Whether a place is listed next to another country ("Chad, Djibouti and Kenya")."""
    for other in roles:
        if other is role or other.mention.place.kind != "country":
            continue
        first, second = sorted((role.mention, other.mention), key=lambda m: m.start)
        if re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s*(?:the\s+)?", text[first.end : second.start]):
            return True
    return False


def _add_stop(
    journey: Journey,
    place: Place,
    event: Event,
    sentence: Sentence,
    *,
    origin: bool,
    position: int = 0,
) -> Stop:
    city = place if place.kind == "city" else None
    # The event's place in the text, then the place's within the event (list order).
    order = event.token + position / 10000
    if origin:
        # "arrived in Lima from Buenos Aires": the place before this event's destination.
        order -= 0.5
    for stop in journey.stops:
        if stop.fits(place):
            if city is not None and stop.city is None:
                stop.city = city
            elif city is not None and city.capital and not stop.city.capital:
                stop.city = city  # "Delhi" and "New Delhi": the capital names the stop
            if place.kind == "state":
                stop.region = place.name
            if sentence not in stop.evidence:
                stop.evidence.append(sentence)
            stop.tokens.append(event.token)
            return stop
    stop = Stop(
        country=place.country,
        city=city,
        region=place.name if place.kind == "state" else None,
        evidence=[sentence],
        order=order,
        first_token=event.token,
        tokens=[event.token],
    )
    journey.stops.append(stop)
    return stop


def _together(journeys: list[Journey]) -> list[Journey]:
    """Travellers of one frame whose stops are the same places share one trip."""
    merged: list[Journey] = []
    for journey in journeys:
        partner = next(
            (
                m
                for m in merged
                if m.frame == journey.frame
                and m.countries == journey.countries
                and journey.stops
                and _shared_events(m, journey)
            ),
            None,
        )
        if partner is None:
            merged.append(journey)
            continue
        for traveller in journey.travellers:
            if traveller not in partner.travellers:
                partner.travellers.append(traveller)
        for event in journey.events:
            if event not in partner.events:
                partner.events.append(event)
        partner.events.sort(key=lambda e: e.token)
        for stop in journey.stops:
            own = next((s for s in partner.stops if s.country == stop.country), None)
            if own is not None and own.city is None and stop.city is not None:
                own.city = stop.city
    return merged


def _shared_events(a: Journey, b: Journey) -> bool:
    """Two travellers travel together when the text puts them in one event."""
    return any(e in b.events for e in a.events)


# --- meetings ------------------------------------------------------------------------------


def _journey_of(ctx: Context, person: int, token: int, tense: str | None = None) -> Journey | None:
    candidates = [j for j in ctx.journeys if person in j.travellers]
    if not candidates:
        return None
    main = [j for j in candidates if j.frame == ("main",)]

    def distance(journey: Journey) -> int:
        return min(abs(e.token - token) for e in journey.events)

    def ahead(journey: Journey) -> bool:
        """Told as yet to come: in the future, or in the present with a day ahead."""
        told = [e.tense for e in journey.events if not e.nominal and e.tense != "none"]
        if not told or any(t in ("past", "perfect") for t in told):
            return False
        return all(t == "future" for t in told) or any(
            ctx.published is not None
            and r.mention.first is not None
            and r.mention.first > ctx.published
            for e in journey.events
            for r in e.dates
        )

    # "X will visit China ... has visited the United States. He also met Y on his
    # visit": a meeting told in the past is of the journey made, not of the one ahead,
    # even when "his visit", with no place, was put on that one.
    made = None
    if main and tense in ("past", "perfect") and ahead(main[0]):
        behind = [j for j in candidates if j is not main[0] and not ahead(j)]
        if behind:
            made = min(behind, key=distance)
    own = [j for j in candidates if any(e.token == token for e in j.events)]
    if own and not (
        made is not None
        and own[0] is main[0]
        and all(e.nominal and not e.places for e in own[0].events if e.token == token)
    ):
        return own[0]  # the journey the meeting's own sentence put the traveller on
    if made is not None:
        return made
    if main:
        return main[0]
    # The passing journey whose events are nearest in the text.
    return min(candidates, key=distance)


def _meetings(ctx: Context) -> None:
    by_token = {e.token: e for e in ctx.events}
    for event in ctx.events:
        visited = event.kind == "travel" and event.phase in ("visit", "presence") and event.objects
        if event.kind != "meet" and event.phase != "host" and not visited:
            continue  # "visited President X" is a meeting too
        parent = by_token.get(event.parent) if event.parent is not None else None
        if (
            event.nominal
            and parent is not None
            and parent.kind == "meet"
            and set(event.objects) <= set(parent.objects)
        ):
            continue  # "held talks with X": one meeting, told by the verb
        if event.mood not in _REAL_MOODS or event.tense == "maybe":
            continue
        subjects, objects = list(event.subjects), list(event.objects)
        if event.phase == "host":
            travellers = _travellers_of(ctx, event)
            hosts = _hosts_of(event)
        else:
            travelling = [p for p in subjects if _journey_of(ctx, p, event.token, event.tense)]
            if len(travelling) > 1 and event.parent is not None:
                # "Weber visited Ankara in April, when the two leaders discussed ...": the
                # traveller is the one whose journey the clause hangs off.
                own = [
                    p
                    for p in travelling
                    if any(
                        event.parent in {e.token for e in j.events}
                        for j in ctx.journeys
                        if p in j.travellers
                    )
                ]
                travelling = own or travelling
            if travelling:
                travellers = travelling
                hosts = objects + [p for p in subjects if p not in travelling]
            else:
                travellers = [p for p in objects if _journey_of(ctx, p, event.token, event.tense)]
                hosts = subjects
        if travellers and not hosts and "counterparts" in event.hints:
            hosts = _counterparts(ctx, event, travellers)
        if not travellers or not hosts:
            continue
        journeys = []
        for traveller in travellers:
            found = _journey_of(ctx, traveller, event.token, event.tense)
            if found is not None and found not in journeys:
                journeys.append(found)
        for journey in journeys:
            _meeting_on(ctx, journey, event, hosts)


_PORTFOLIOS = (
    ("foreign", "secretary of state", "external affairs", "diplomat"),
    ("defen", "military"),
    ("finance", "treasury"),
    ("trade", "commerce"),
)


def _portfolio(title: str) -> int | None:
    low = title.lower()
    return next((i for i, words in enumerate(_PORTFOLIOS) if any(w in low for w in words)), None)


def _counterparts(ctx: Context, event: Event, travellers: list[int]) -> list[int]:
    """ "will meet their counterparts in Tokyo": the officials of the place's country the
    article names who hold the travellers' portfolios."""
    countries = {_place_of(r).country for r in event.places if r.role == "in"}
    wanted = {_portfolio(ctx.people[t].title) for t in travellers} - {None}
    return [
        index
        for index, person in enumerate(ctx.people)
        if person.official
        and not person.former
        and ctx.homes.get(index) in countries
        and _portfolio(person.title) in wanted
    ]


def _abroad_in_sentence(ctx: Context, event: Event, homes: set[str]) -> bool:
    """Whether the sentence of ``event`` puts someone at a place abroad ("arrived in
    Waterkloof and was received by X": X, whose country was only guessed, is a host)."""
    return any(
        other.sentence == event.sentence
        and any(
            r.role in ("in", "at", "to") and _place_of(r).country not in homes for r in other.places
        )
        for other in ctx.events
    )


def _at_home_that_day(
    ctx: Context, journey: Journey, event: Event, day: date, homes: set[str]
) -> bool:
    """Whether the sentence of ``event`` puts a traveller at a place at home on ``day``."""
    for other in ctx.events:
        if (
            other.kind == "travel"
            and other.sentence == event.sentence
            and set(other.subjects) & set(journey.travellers)
            and other.places
            and all(_place_of(r).country in homes for r in other.places)
            and _event_time(ctx, other)[0] == day
        ):
            return True
    return False


def _meeting_on(ctx: Context, journey: Journey, event: Event, hosts: list[int]) -> None:
    """Record the meeting ``event`` on ``journey`` with ``hosts`` as counterparts."""
    # Counterparts are officials: a host's wife or a guide is no meeting of the record.
    participants = [
        h
        for h in hosts
        if h not in journey.travellers and (ctx.people[h].official or ctx.people[h].title)
    ]
    homes = _home(ctx, journey)
    participants = [
        p
        for p in participants
        if not any(w in ctx.people[p].title.lower() for w in _NOT_TRAVELLERS)
        # their own government's officials are company, not counterparts, but envoys
        and (
            ctx.homes.get(p) not in homes
            or p in ctx.guessed
            and _abroad_in_sentence(ctx, event, homes)
            or _ENVOY.search(ctx.people[p].title)
        )
    ]
    abroad = [r for r in event.places if _place_of(r).country not in homes]
    back = _at_home(ctx, journey, event)
    # Just back ("returned to Abuja ... He was received by Gen. X"): who receives the
    # traveller there, of no stated country, is at home too.
    just_back = back and _at_home(ctx, journey, event, within=2)
    if (
        participants
        and not abroad
        and all(
            (ctx.homes.get(p) in homes or just_back and ctx.homes.get(p) is None)
            and not _ENVOY.search(ctx.people[p].title)
            for p in participants
        )
        and (event.places or event.home or back)
    ):
        return  # welcomed home by their own officials: not a meeting of the journey
    if not participants:
        return
    if "farewell" in event.hints and all(ctx.homes.get(p) in homes for p in participants):
        return  # "ministers were at the Dhaka airport to see off the prime minister"
    placed_in = [r for r in event.places if r.role in ("in", "at")]
    if placed_in and all(_place_of(r).country in homes for r in placed_in):
        return  # "met X in Honolulu": at home, before going abroad
    day = _event_time(ctx, event)[0]
    if not placed_in and day is not None and _at_home_that_day(ctx, journey, event, day, homes):
        return  # "arrives in Honolulu on October 27 where she will meet X"
    if _BEFORE_LEAVING.search(_sentence(ctx, event).text) and not any(
        # "a summit on Wednesday before leaving for Hanoi" is held in the stop before Hanoi
        e.sentence == event.sentence
        and e.phase == "leave"
        and any(r.role == "to" and _stop_for(journey, r) is not None for r in e.places)
        for e in journey.events
    ):
        return  # "had a discussion with the prime minister before leaving": at home
    if _AIRPORT.search(_sentence(ctx, event).text) and all(
        _JUNIOR.search(ctx.people[p].title)
        and "prime" not in ctx.people[p].title.lower()
        # "the High Commissioner to the UK will receive the prime minister at the
        # airport": the traveller's own envoy there, protocol too
        or _ENVOY.search(ctx.people[p].title)
        and ctx.homes.get(p) in homes
        for p in participants
    ):
        return  # "welcomed at the airport by Vice Foreign Minister X"
    day = None
    for role in event.dates:
        mention = _resolved(ctx, event, role.mention)
        if mention is not None and mention.kind == "anaphoric" and mention.days is not None:
            before = _day_before(ctx, mention.start)
            if before is not None:
                day = before + timedelta(days=mention.days)
                break
        if mention is not None and mention.first is not None:
            day = mention.first
            break
    sentence = _sentence(ctx, event)
    # "met X in Jerusalem and Y in the Palestinian territories": a meeting each.
    own_places = {r.person: r for r in event.places if r.person in participants}
    if own_places and len(participants) > 1:
        for person in participants:
            role = own_places.get(person)
            single = Event(**{**event.__dict__, "places": [role] if role else []})
            stop = _meeting_stop(ctx, journey, single, [person], day)
            journey.meetings.append(
                Meeting([person], stop, day, sentence, sentence.text[:200], event.token)
            )
        return
    stop = _meeting_stop(ctx, journey, event, participants, day)
    same = next(
        (
            m
            for m in journey.meetings
            if m.sentence == sentence
            and m.stop is stop
            and (m.day is None or day is None or m.day == day)
        ),
        None,
    )  # "meet X on Wednesday before visiting Y on Thursday": two meetings
    if same is not None:
        for p in participants:
            if p not in same.participants:
                same.participants.append(p)
        same.day = same.day or day
        return
    journey.meetings.append(
        Meeting(
            participants,
            stop,
            day,
            sentence,
            sentence.text[:200],
            event.token,
            placed=_stop_told(journey, event) is not None,
        )
    )


def _meetings_on_their_days(journey: Journey) -> None:
    """A meeting on a day the traveller was at another stop was held there, unless its
    sentence says where ("Today the two presidents will hold talks", a paragraph after
    a mention of the previous stop). A meeting given to a later stop of unknown arrival
    ("arrived on Monday night and were received by X", a paragraph after the last
    city) on a day an earlier stop holds was held at the earlier one."""
    stops = journey.stops
    spans = []
    for i, stop in enumerate(stops):
        later = next((s.arrive for s in stops[i + 1 :] if s.arrive), None)
        end = stop.depart or later or (None if i == len(stops) - 1 else stop.arrive)
        spans.append((stop, stop.arrive, end))

    def holds(start: date | None, end: date | None, day: date) -> bool:
        return start is not None and start <= day and (end is None or day <= end)

    for meeting in journey.meetings:
        if meeting.day is None or meeting.placed or meeting.stop is None:
            continue
        own = next((sp for sp in spans if sp[0] is meeting.stop), None)
        if own is None or holds(own[1], own[2], meeting.day):
            continue
        holding = [sp[0] for sp in spans if holds(sp[1], sp[2], meeting.day)]
        if len(holding) != 1:
            continue
        if own[1] is None and not (
            stops.index(holding[0]) < stops.index(meeting.stop)
            and (own[2] is None or meeting.day < own[2])
        ):
            continue  # a stop of unknown days may hold it, unless an earlier stop did then
        meeting.stop = holding[0]


def _day_before(ctx: Context, position: int) -> date | None:
    """The last day the text dates before ``position`` ("On 26 October ... On the same
    day, he will also meet X")."""
    best: tuple[int, date] | None = None
    for event in ctx.events:
        for role in event.dates:
            if role.mention.start >= position:
                continue
            mention = _resolved(ctx, event, role.mention)
            if mention is None or mention.kind != "day" or mention.first is None:
                continue
            if best is None or role.mention.start > best[0]:
                best = (role.mention.start, mention.first)
    return best[1] if best else None


_ENVOY = re.compile(r"ambassador|envoy|high commissioner|consul|charg", re.IGNORECASE)
# Officials below a minister who greet arrivals at an airport: protocol, not a meeting.
_JUNIOR = re.compile(
    r"\b(?:vice|deputy|assistant|under|state)[- ](?:foreign\s+)?(?:minister|secretary)|"
    r"protocol|\bchief\s+of\s+protocol",
    re.IGNORECASE,
)
_BEFORE_LEAVING = re.compile(
    r"\bbefore\s+(?:(?:his|her|their)\s+departure\b|(?:leaving|departing|setting\s+off|"
    r"flying\s+out)(?:\s+for\b|\s*[,.;]|$))",
    re.IGNORECASE,
)
_RECEIVED = re.compile(r"\b(?:received|welcomed|greeted|met)\b", re.IGNORECASE)
_AIRPORT = re.compile(r"\b(?:airport|tarmac|air\s*base|airbase|runway)\b", re.IGNORECASE)


def _at_home(ctx: Context, journey: Journey, event: Event, within: int | None = None) -> bool:
    """The traveller is back home at this point of the text (a return came before:
    "returned home", or "returned to Abuja" when Abuja is at home); with ``within``,
    a return told at most that many sentences before."""
    homes = _home(ctx, journey)

    def homeward(e: Event) -> bool:
        if e.home:
            return True
        to = [r for r in e.places if r.role == "to"]
        return (
            e.phase == "return"
            and e.tense in ("past", "perfect")
            and bool(to)
            and all(_place_of(r).country in homes for r in to)
        )

    if within is not None:
        return any(
            homeward(e) and 0 <= event.sentence - e.sentence <= within for e in journey.events
        )
    return any(homeward(e) and e.token <= event.token + 40 for e in journey.events) or any(
        e.home and e.sentence == event.sentence for e in ctx.events
    )


def _stop_told(journey: Journey, event: Event) -> Stop | None:
    """The stop a meeting's sentence places it at, if it names one."""
    for role in event.places:
        if role.role in ("before", "after", "from", "route"):
            continue  # "talks in Paris before heading to Brussels": not in Brussels
        place = _place_of(role)
        for stop in journey.stops:
            if stop.fits(place):
                return stop
    return None


def _meeting_stop(
    ctx: Context, journey: Journey, event: Event, participants: list[int], day: date | None
) -> Stop | None:
    told = _stop_told(journey, event)
    if told is not None:
        return told
    if not journey.stops:
        return None
    if day is not None:
        for stop in journey.stops:
            if stop.arrive and stop.arrive <= day <= (stop.depart or stop.arrive):
                return stop
    countries = {ctx.homes.get(p) for p in participants} - {None}
    matching = [s for s in journey.stops if s.country in countries]
    if len(matching) >= 1 and len({s.country for s in matching}) == 1 and len(matching) == 1:
        return matching[0]
    # The stop the narrative was last at before the meeting: where a travel verb took
    # the traveller, or where another event of the text was ("In Barbados, she received
    # an award. During the visit, she called on ...").
    told_at: dict[int, list[int]] = {
        id(s): [t for t in s.tokens if t <= event.token] for s in journey.stops
    }
    for other in ctx.events:
        if other.sentence != event.sentence - 1 or other.kind == "travel":
            continue  # (the sentence just before, told by other than a travel verb)
        for role in other.places:
            if role.role in ("in", "to", "obj") and role.token <= event.token:
                for stop in journey.stops:
                    if stop.fits(_place_of(role)):
                        told_at[id(stop)].append(role.token)
    latest = [(max(told_at[id(s)]), s) for s in journey.stops if told_at[id(s)]]
    if latest:
        # A tie ("travelled from Nigeria to Brazil, where he met ..."): the place reached.
        return max(latest, key=lambda item: (item[0], item[1].order))[1]
    return min(journey.stops, key=lambda s: s.order)


# --- order, dates, status ------------------------------------------------------------------


def _order(journey: Journey, text: str) -> None:
    """Travel order: the text's, with first and last stops as the text calls them, and
    what it says of order ("before Kazakhstan", "en route to Sri Lanka")."""
    stops = sorted(journey.stops, key=lambda s: s.order)
    firsts = [s for s in stops if s.first and not s.last]
    lasts = [s for s in stops if s.last and not s.first]
    middle = [s for s in stops if s not in firsts and s not in lasts]
    journey.stops = firsts + middle + lasts
    moved = [id(s) for s in journey.stops] != [id(s) for s in stops]  # ``order`` follows
    constraints = [
        (earlier, later)
        for earlier, later in _told_by_tense(journey)
        + _order_constraints(journey)
        + _told_in_sequence(journey, text)
        # what the text calls the last stop stays there ("a stop in X on the way back")
        if not (earlier.last and not later.last)
    ]
    for _ in range(len(journey.stops)):  # until no constraint moves a stop (or a cycle)
        settled = True
        for earlier, later in constraints:
            stops = journey.stops
            if stops.index(earlier) > stops.index(later):
                stops.remove(earlier)
                stops.insert(stops.index(later), earlier)
                moved, settled = True, False
        if settled:
            break
    if moved:
        # What comes later compares by ``order``: keep it the travel order, in the
        # same range of values.
        values = sorted(s.order for s in journey.stops)
        for stop, value in zip(journey.stops, values, strict=True):
            stop.order = value


_TENSE_RANK = {"past": 0, "perfect": 0, "present": 1, "future": 2}


def _told_by_tense(journey: Journey) -> list[tuple[Stop, Stop]]:
    """Stops told only in the past come before stops told only in the present, and those
    before stops told only in the future ("had earlier visited Nigeria ... is currently
    in Rio ... will arrive in Georgetown later today")."""
    ranks: dict[int, set[int]] = {}
    for event in journey.events:
        if event.kind != "travel" or event.nominal or event.tense not in _TENSE_RANK:
            continue
        for role in event.places:
            stop = _stop_for(journey, role) if role.role in ("to", "in", "obj") else None
            if stop is not None:
                ranks.setdefault(id(stop), set()).add(_TENSE_RANK[event.tense])
    told = [(s, ranks[id(s)]) for s in journey.stops if len(ranks.get(id(s), ())) == 1]
    return [
        (a, b)
        for a, rank_a in told
        for b, rank_b in told
        if a is not b and max(rank_a) < min(rank_b)
    ]


def _order_constraints(journey: Journey) -> list[tuple[Stop, Stop]]:
    pairs: list[tuple[Stop, Stop]] = []
    for event in journey.events:
        marked = [r for r in event.places if r.role in ("before", "after", "route")]
        others = [
            s
            for r in event.places
            if r.role in ("to", "in", "obj", "compound") and (s := _stop_for(journey, r))
        ]
        if not others and event.kind == "travel" and event.phase == "return":
            # "was flying back to Washington from Paris": the place left for home is last.
            for role in event.places:
                last = _stop_for(journey, role) if role.role == "from" else None
                if last is not None:
                    pairs.extend((other, last) for other in journey.stops if other is not last)
            continue
        if not others and event.kind == "travel":
            # "traveled on after leaving Brussels", "arrived from Papua New Guinea":
            # a place left behind, with no destination named, came before the rest.
            marked += [
                r
                for r in event.places
                if r.role == "from" or (r.role == "obj" and event.phase == "leave")
            ]
            others = [s for s in journey.stops]
        elif event.kind == "travel" and event.phase in ("arrive", "go", "visit"):
            # "flew into Manila from Bangkok": Bangkok came before Manila.
            for role in event.places:
                origin = _stop_for(journey, role) if role.role == "from" else None
                if origin is not None:
                    pairs.extend((origin, other) for other in others if other is not origin)
        for role in marked:
            stop = _stop_for(journey, role)
            if stop is None:
                continue
            for other in others:
                if role.role in ("from", "obj") and (other is stop or other.first):
                    continue
                if role.role in ("from", "obj"):
                    pairs.append((stop, other))
                    continue
                if other is stop:
                    continue
                if role.role == "after":
                    pairs.append((stop, other))  # "after Mexico, he went to Peru"
                else:
                    pairs.append((other, stop))  # "before Kazakhstan ...", "en route to X"
    return pairs


_SEQUENCE = re.compile(r"\bfollowed\s+by\b|\bthen\b|\bbefore\s+(?:going|heading|moving)\b")


def _told_in_sequence(journey: Journey, text: str) -> list[tuple[Stop, Stop]]:
    """Places a sentence lists with words of sequence ("will begin in Tajikistan followed
    by Uzbekistan, Turkmenistan and then Iran") follow each other in that order,
    whatever order they came up in before."""
    pairs: list[tuple[Stop, Stop]] = []
    for event in journey.events:
        if event.kind != "travel":
            continue
        roles = sorted(
            (r for r in event.places if r.role in ("to", "in", "obj", "from", "compound")),
            key=lambda r: r.mention.start,
        )
        stops = [_stop_for(journey, r) for r in roles]
        if len(roles) < 2 or None in stops or len(set(map(id, stops))) != len(stops):
            continue
        between = text[roles[0].mention.end : roles[-1].mention.start]
        if "\n" in between or not _SEQUENCE.search(between):
            continue
        pairs.extend((a, b) for a, b in zip(stops, stops[1:], strict=False))
    return pairs


def _day_told_before(ctx: Context, mention: DateMention, last_day: date | None) -> date | None:
    """The day "that afternoon" or "the next day" counts from: the day the text named
    last before it ("On Sunday morning, he had a briefing ... left Uganda that
    afternoon"), else the journey's last dated step."""
    before = [
        m
        for m in ctx.dates
        if m.kind == "day" and m.first and m.end <= mention.start and m.pattern != "clock"
    ]
    if before:
        told = max(before, key=lambda m: m.start)
        if last_day is None or told.first >= last_day:
            return told.first
    return last_day


def _order_by_dates(journey: Journey) -> None:
    """Stops the text dates go in the order of their dates; the others keep their places."""

    def when(stop: Stop) -> date | None:
        return stop.arrive or (min(stop.seen) if stop.seen else None) or stop.depart

    slots = [i for i, s in enumerate(journey.stops) if when(s) is not None]
    dated = sorted((journey.stops[i] for i in slots), key=lambda s: when(s))
    for slot, stop in zip(slots, dated, strict=True):
        journey.stops[slot] = stop


def _dates(ctx: Context, journey: Journey) -> None:
    starts: list[tuple[date, Sentence]] = []
    ends: list[tuple[date, Sentence]] = []
    period: tuple[date | None, date | None, Sentence] | None = None
    trip_days: int | None = None
    last_day: date | None = None
    homes = _home(ctx, journey)
    for event in sorted(journey.events, key=lambda e: e.token):
        sentence = _sentence(ctx, event)
        placed = [(r, _stop_for(journey, r)) for r in event.places]
        dests = [
            s for r, s in placed if s is not None and r.role not in ("from", "before", "after")
        ]
        seats = {_BODY_SEATS[h] for h in homes if h in _BODY_SEATS}
        elsewhere = [
            r
            for r, s in placed
            if s is None
            and r.role in ("in", "to")
            and _place_of(r).country not in homes
            and (_place_of(r).country, _place_of(r).name) not in seats
        ]
        if elsewhere and not dests and event.kind == "travel":
            continue  # "was to arrive in France on Sunday": another journey's day
        if (
            event.phase == "arrive"
            and placed
            and not dests
            and all(r.role in ("in", "to", "obj") for r, _ in placed)
            and not event.home
            and event.tense in ("past", "perfect")
        ):
            # "arrived in New York early on Wednesday": the UN chief back at his seat.
            for role in event.dates:
                mention = _resolved(ctx, event, role.mention)
                if mention is not None and mention.first and mention.kind == "day":
                    journey.returned.append((mention.first, sentence))
            event.home = True
            continue
        for role in event.dates:
            mention = _resolved(ctx, event, role.mention)
            if mention is None:
                continue
            base = (
                _day_told_before(ctx, mention, last_day)
                if mention.kind == "anaphoric" and mention.days is not None
                else None
            )
            if base is not None:
                first = base + timedelta(days=mention.days)
                mention = DateMention(mention.start, mention.end, mention.text, "day", first, first)
            if mention.kind == "range" and mention.first and mention.last:
                bracketed = [
                    stop
                    for r, stop in placed
                    if stop is not None
                    and re.fullmatch(r"\s*\(", ctx.text[r.mention.end : role.mention.start])
                ]
                if bracketed:
                    # "In Abu Dhabi (July 21-22), Secretary X will meet ...": that stop's days
                    bracketed[0].arrive = bracketed[0].arrive or mention.first
                    bracketed[0].depart = bracketed[0].depart or mention.last
                    last_day = mention.first
                    continue
            if event.kind == "meet" and event.phase != "host":
                # A summit's days are not the traveller's ("held from 4 to 6 September").
                for stop in dests[:1]:
                    if mention.first:
                        stop.seen.append(mention.first)
                continue
            if mention.kind == "range" and mention.first and mention.last:
                group = _places_before(event, role.mention, journey)
                if group:
                    # "to Eswatini and Lesotho from July 18-22, and to South Africa from
                    # July 23-25": each range dates the places listed before it.
                    group[0].arrive = group[0].arrive or mention.first
                    group[-1].depart = group[-1].depart or mention.last
                    last_day = mention.first
                    continue
                by_country = len(dests) == 1 and any(
                    _place_of(r).kind == "country" and _stop_for(journey, r) is dests[0]
                    for r in event.places
                )
                country_wide = [
                    s for s in journey.stops if by_country and s.country == dests[0].country
                ]
                if len(country_wide) > 1 and not _tour_noun(event):
                    # "will visit India on 12-13 March" with New Delhi and then Mumbai:
                    # the country's first stop is reached, its last left, on those days.
                    first_dest = min(country_wide, key=lambda s: s.order)
                    last_dest = max(country_wide, key=lambda s: s.order)
                    first_dest.arrive = first_dest.arrive or mention.first
                    last_dest.depart = last_dest.depart or mention.last
                    if len(country_wide) == len(journey.stops):
                        period = (mention.first, mention.last, sentence)
                elif len(dests) == 1 and len(journey.stops) > 1 and not _tour_noun(event):
                    dests[0].arrive = dests[0].arrive or mention.first
                    dests[0].depart = dests[0].depart or mention.last
                elif 1 < len(dests) < len(journey.stops) and not _tour_noun(event):
                    # "to Eswatini and Lesotho from July 18-22, and to South Africa
                    # from July 23-25": the first listed arrives, the last leaves.
                    first_dest = min(dests, key=lambda s: s.order)
                    last_dest = max(dests, key=lambda s: s.order)
                    first_dest.arrive = first_dest.arrive or mention.first
                    last_dest.depart = last_dest.depart or mention.last
                else:
                    period = (mention.first, mention.last, sentence)
                last_day = mention.first
                continue
            if mention.kind == "duration":
                continue
            if mention.first is None:
                continue
            day = mention.first
            last_day = day
            targets = dests
            days = {
                m.first
                for d in event.dates
                if d.mention.kind == "day" and (m := _resolved(ctx, event, d.mention)) is not None
            }
            if len(event.places) > 1 and len(days) > 1:
                # "to travel on Monday to Niger and then on Tuesday to Nigeria"
                leg = _paired(event, role.mention, ctx.text)
                stop = _stop_for(journey, leg) if leg is not None else None
                if leg is not None and stop is None and event.phase in ("go", "arrive"):
                    # "... Sydney on April 22 and Honolulu on April 24": home that day.
                    before = [s for s in journey.stops if s.order < leg.token]
                    if before:
                        before[-1].depart = before[-1].depart or day
                    continue
                targets = [stop] if stop is not None else dests
                legs = sorted(
                    (r for r in event.places if r.role in ("to", "in", "obj")),
                    key=lambda r: r.token,
                )
                if (
                    leg is not None
                    and stop is not None
                    and leg is not legs[0]
                    and (event.phase in ("go", "arrive"))
                ):
                    # A later leg of the list is reached that day, from the leg before.
                    before = _stop_for(journey, legs[legs.index(leg) - 1])
                    stop.arrive = stop.arrive or day
                    if before is not None and before is not stop:
                        before.depart = before.depart or day
                    continue
            _apply_day(journey, event, role.role, day, targets, placed, sentence, starts, ends)
        one_state = event.text.lower() == "visit" and re.search(
            r"\b(?:state|official|working)\s+visit\b", sentence.text, re.IGNORECASE
        )
        # "a two-day meeting with Obama": how long a meeting lasts is no stay's length
        days = event.days if event.kind == "travel" else None
        if days and not dests and (event.text.lower() == "stay" or one_state):
            # "during his two-day stay in the country", "during his three-day state
            # visit" on a tour of several countries: the stop told just before.
            before = [s for s in journey.stops if s.first_token < event.token]
            if before and len({s.country for s in journey.stops}) > 1:
                dests = [max(before, key=lambda s: s.first_token)]
        if days and not dests and event.parent is not None:
            # "will head to X to make a four-day visit": the visit is at X.
            parent = next((e for e in journey.events if e.token == event.parent), None)
            if (
                parent is not None
                and not _tour_noun(event)
                # "Nairobi is her last stop in her three-day Africa visit": the journey's
                and noun_lemma(parent.text.lower()) not in LEG_NOUNS
            ):
                dests = [
                    s
                    for r in parent.places
                    if r.role not in ("from", "before", "after")
                    and (s := _stop_for(journey, r)) is not None
                ][:1]
        if days:
            # (one stop named twice, "a visit to Angola" told from Luanda, is one stop)
            unique = list({id(s): s for s in dests}.values())
            place_stops = unique if not _tour_noun(event) else []
            whole_country = [
                r
                for r in event.places
                if _place_of(r).kind == "country"
                and sum(s.country == _place_of(r).country for s in journey.stops) > 1
            ]
            shared = [
                stop
                for stop in place_stops
                if event.nominal and sum(s.country == stop.country for s in journey.stops) > 1
            ]
            if whole_country or shared:
                # "a four-day visit to India" taking in Delhi and Indore; "arrived in
                # Kathmandu on a four-day visit", then went on to Pokhara
                place_stops = []
            if len(place_stops) == 1 and len(journey.stops) > 1:
                place_stops[0].days = days
            else:
                trip_days = trip_days or days
    for stop in journey.stops:
        if stop.days:
            if stop.arrive and not stop.depart:
                stop.depart = stop.arrive + timedelta(days=stop.days - 1)
            elif stop.depart and not stop.arrive:
                stop.arrive = stop.depart - timedelta(days=stop.days - 1)
    _order_by_dates(journey)
    _fill_legs(journey)
    first, last = journey.stops[0], journey.stops[-1]
    if not first.arrive and starts and first.seen:
        start = min(starts, key=lambda item: item[0])[0]
        if start in first.seen:
            first.arrive = start  # "begins on Saturday ... to be in Senegal on Saturday"
    if not first.arrive and first.first and starts:
        # "the trip will begin with a visit to X": the journey starts there.
        first.arrive = min(starts, key=lambda item: item[0])[0]
        if first.days and not first.depart:
            first.depart = first.arrive + timedelta(days=first.days - 1)
        _fill_legs(journey)
    if len(journey.stops) == 1 and trip_days and first.depart and not first.arrive:
        # "left for home on Friday after concluding his two-day visit": in since Thursday
        first.arrive = first.depart - timedelta(days=trip_days - 1)
    if (
        not first.arrive
        and starts
        and journey.arrived
        and min(starts, key=lambda item: item[0])[0] == min(journey.arrived)
        and all(s.arrive is None or s.arrive >= min(journey.arrived) for s in journey.stops)
    ):
        # "The royals arrived late on Monday night": the first arrival is at the first stop.
        first.arrive = min(journey.arrived)
    if (
        not first.arrive
        and ctx.published is not None
        and all(day >= ctx.published for day, _ in starts)
    ):
        # "X has arrived in Kathmandu on a four-day visit", undated: the day of the report
        # (whatever day the programme opens: "on the first day of his visit on Sunday").
        for event in journey.events:
            if (
                event.phase == "arrive"
                and event.tense in ("present", "perfect")
                and not event.nominal
                and not event.dates
                and any(_stop_for(journey, r) is first for r in event.places)
            ):
                first.arrive = ctx.published
                if first.days and not first.depart:
                    first.depart = first.arrive + timedelta(days=first.days - 1)
                break
    for stop in journey.stops:
        if stop.arrive and stop.depart and stop.depart < stop.arrive:
            stop.depart = None  # a day taken from another leg: no stop is left before it is reached
    if first.arrive:
        journey.start = first.arrive
        journey.start_evidence = first.evidence[:1]
    elif starts:
        journey.start, sentence = min(starts, key=lambda item: item[0])
        journey.start_evidence = [sentence]
    elif period and period[0]:
        journey.start = period[0]
        journey.start_evidence = [period[2]]
    if last.depart:
        journey.end = last.depart
        journey.end_evidence = last.evidence[-1:]
    elif ends:
        journey.end, sentence = max(ends, key=lambda item: item[0])
        journey.end_evidence = [sentence]
    elif period and period[1] and not _beyond(journey, period[1]):
        journey.end = period[1]
        journey.end_evidence = [period[2]]
    elif journey.returned:
        # Back home on a stated day is the end, whatever length was announced.
        journey.end, sentence = max(journey.returned, key=lambda item: item[0])
        journey.end_evidence = [sentence]
    elif trip_days and journey.start:
        journey.end = journey.start + timedelta(days=trip_days - 1)
        journey.end_evidence = journey.start_evidence
    if trip_days and journey.end and not journey.start:
        journey.start = journey.end - timedelta(days=trip_days - 1)
    if len(journey.stops) == 1 and trip_days and first.arrive and not first.depart:
        first.depart = journey.end
    if (
        len(journey.stops) == 1
        and journey.start
        and journey.end
        and not first.arrive
        and not first.depart
        and (trip_days or period and (journey.start, journey.end) == period[:2])
    ):
        # "returned on Monday after a four-day visit to Addis Ababa", "his visit to
        # Malaysia, which took place from November 30 to December 2": the visit's days.
        first.arrive, first.depart = journey.start, journey.end
    if journey.start and journey.end and journey.end < journey.start:
        journey.end = None
    for stop in journey.stops:
        if stop.days and stop.arrive and not stop.depart:
            stop.depart = stop.arrive + timedelta(days=stop.days - 1)  # arrival found late
    if journey.start:
        # "The two ministers previously met in Canberra on February 8": a day of another
        # time than this journey's, not this meeting's.
        margin = timedelta(days=10)
        for meeting in journey.meetings:
            if meeting.day and (
                meeting.day < journey.start - margin
                or journey.end is not None
                and meeting.day > journey.end + margin
            ):
                meeting.day = None
    for meeting in journey.meetings:
        # A dated meeting is at the stop whose days hold that day, when its own do not.
        if meeting.day is None or meeting.stop is None or _holds(meeting.stop, meeting.day):
            continue
        holding = [s for s in journey.stops if (s.arrive or s.depart) and _holds(s, meeting.day)]
        if len(holding) == 1:
            meeting.stop = holding[0]
    known = [m.day for m in journey.meetings if m.day and m.stop is not None]
    if journey.end and known and max(known) > journey.end:
        # "a two-day trip to Tokyo, then talks in Washington on Friday": not over by then.
        journey.end = None


def _holds(stop: Stop, day: date) -> bool:
    """Whether ``day`` may be a day at ``stop``, as far as its known days say."""
    return (stop.arrive is None or stop.arrive <= day) and (
        stop.depart is None or day <= stop.depart
    )


def _places_before(event: Event, mention: DateMention, journey: Journey) -> list[Stop]:
    """The stops an event lists between its previous date and ``mention``, when it
    gives several dates for several places."""
    ranges = sorted(d.mention.start for d in event.dates if d.mention.kind == "range")
    if len(ranges) < 2 or len(event.places) < 2:
        return []
    previous = max((r for r in ranges if r < mention.start), default=-1)
    stops: list[Stop] = []
    for role in sorted(event.places, key=lambda r: r.mention.start):
        if previous < role.mention.start < mention.start and role.role in ("to", "in", "obj"):
            stop = _stop_for(journey, role)
            if stop is not None and stop not in stops:
                stops.append(stop)
    return stops


def _paired(event: Event, mention: DateMention, text: str) -> PlaceRole | None:
    """The place a date goes with when one clause lists several dated legs
    ("to Tokyo on April 18, to Jakarta on April 20"; "on Monday to Niger").

    English puts the date after its place ("to X on D"); a place after the date
    pairs with it only when a preposition leads to it ("on D to X").
    """

    def distance(role: PlaceRole) -> int:
        place = role.mention
        if place.end <= mention.start:
            return mention.start - place.end
        led = re.fullmatch(
            r"[\s,]*(?:and\s+)?(?:then\s+)?(?:on\s+)?to\s+(?:the\s+)?",
            text[mention.end : place.start],
        )
        return place.start - mention.end + (0 if led else 50)

    legs = [r for r in event.places if r.role in ("to", "in", "obj")]
    return min(legs, key=distance) if legs else None


def _beyond(journey: Journey, day: date) -> bool:
    """The journey goes on after ``day``: a stop or a meeting the text dates later."""
    later = [d for s in journey.stops for d in (s.arrive, s.depart, *s.seen) if d]
    later += [m.day for m in journey.meetings if m.day]
    return any(d > day for d in later)


def _tour_noun(event: Event) -> bool:
    return event.nominal and event.text.lower() in ("trip", "tour", "journey", "swing", "tours")


def _stop_for(journey: Journey, role: PlaceRole) -> Stop | None:
    place = _place_of(role)
    for stop in journey.stops:
        if stop.fits(place):
            return stop
    return None


def _left_stop(journey: Journey, role: PlaceRole, stop: Stop | None) -> Stop | None:
    """The stop a departure from ``role`` leaves: "left Kenya on Friday" after Nairobi and
    Mombasa, or "departed from the KL International Airport here", leaves the last stop
    in that country; a place of no stop's country (home) leaves none."""
    place = _place_of(role)
    if stop is not None and place.kind != "country":
        return stop
    there = [s for s in journey.stops if s.country == place.country]
    return max(there, key=journey.stops.index) if there else None


def _apply_day(
    journey: Journey,
    event: Event,
    role: str,
    day: date,
    dests: list[Stop],
    placed: list[tuple[PlaceRole, Stop | None]],
    sentence: Sentence,
    starts: list,
    ends: list,
) -> None:
    phase = event.phase
    if (
        phase == "arrive"
        and dests
        and all(is_seat_of_government(r.mention.text) for r, s in placed if s in dests)
    ):
        dests = []  # "will arrive at the White House on Monday": a venue in the city
    parent = next((e for e in journey.events if e.token == event.parent), None)
    if (
        event.nominal
        and parent is not None
        and parent.phase in ("end", "begin")
        and dests
        and role not in ("from", "until")
    ):
        # "concluded a two-day visit to Cambodia on Saturday": the visit ended that day.
        if parent.phase == "end":
            dests[-1].depart = dests[-1].depart or day
        else:
            dests[0].arrive = dests[0].arrive or day
        return
    first_stop = journey.stops[0] if journey.stops else None
    if event.nominal and not dests and parent is not None and parent.places:
        # "reached Tokyo on his first official visit on Saturday": the arrival's day.
        placed = [(r, _stop_for(journey, r)) for r in parent.places]
        dests = [
            s for r, s in placed if s is not None and r.role not in ("from", "before", "after")
        ]
        if dests and parent.phase != "leave":
            event, phase = parent, parent.phase
        # ("will leave for Brasilia on a state visit from Sunday": the visit's days are
        # at Brasilia, not those of leaving)
    if event.nominal and not dests and role in ("on", "from") and phase == "visit":
        starts.append((day, sentence))  # "will embark on a trip next Tuesday"
        return
    if role == "from" and phase in ("visit", "begin", "go") and dests:
        target = dests[0]
        if phase == "begin" and journey.stops[0] not in dests and not journey.stops[0].arrive:
            # "will begin his tour to Iran from Wednesday ... beginning in Tajikistan":
            # the day the tour begins is its first stop's, wherever that is.
            target = journey.stops[0]
        target.arrive = target.arrive or day
        return
    if role == "until":
        if dests:
            dests[-1].depart = dests[-1].depart or day
        else:
            ends.append((day, sentence))
        return
    if phase == "visit" and event.text.lower().startswith("attend"):
        for stop in dests[:1]:
            stop.seen.append(day)  # the day of the summit attended, not of arriving
        return
    if phase == "arrive" or (phase == "visit" and not event.nominal) or phase == "host":
        for stop in dests[:1]:
            if phase == "arrive" and stop.arrive and day < stop.arrive:
                # "welcomed X on Thursday ... X arrived yesterday": the arrival is first.
                stop.arrive = day
            stop.arrive = stop.arrive or day
            if phase == "arrive":
                # Arriving somewhere is leaving the stop before ("after wrapping up the
                # tour, Xi arrived in California on Thursday").
                before = [s for s in journey.stops if s.order < stop.order and s is not stop]
                if (
                    before
                    and not stop.first  # the tour's first stop leaves none before it
                    and not before[-1].depart
                    and (not before[-1].arrive or before[-1].arrive <= day)
                ):
                    before[-1].depart = day
        if not dests and phase == "arrive":
            if (
                any(
                    e.phase == "arrive"
                    and e.places
                    and e.tense in ("past", "perfect")
                    and e.mood == "real"
                    and e.token < event.token
                    for e in journey.events
                )
                and event.tense == "future"
            ):
                return  # "has arrived in the US ... will arrive at the White House": a venue
            if any(
                (e.home or e.phase == "return" and not e.places and e.tense in ("past", "perfect"))
                and e.token < event.token
                for e in journey.events
            ):
                # arriving home after the return ("returned to the island ... arrived at
                # the airport at 10.20 pm")
                journey.returned.append((day, sentence))
            else:
                starts.append((day, sentence))
                journey.arrived.append(day)
                if len(journey.stops) == 1 and not journey.stops[0].arrive:
                    # "he is meant to arrive on Wednesday": at the journey's one stop
                    journey.stops[0].arrive = day
        return
    if phase == "presence" or phase == "meet":
        for stop in dests[:1]:
            stop.seen.append(day)
        return
    if phase in ("go", "accompany", "lead"):
        if dests:
            target = dests[0]
            earlier = sorted(journey.stops, key=lambda s: s.order)
            if target is earlier[0] or target.first:
                starts.append((day, sentence))
                journey.arrived.append(day)  # "will travel to Hanoi on October 29"
            else:
                target.arrive = target.arrive or day
                before = [s for s in earlier if s.order < target.order]
                if before and not before[-1].depart:
                    before[-1].depart = day
        else:
            starts.append((day, sentence))
        return
    if phase == "leave":
        left = [_left_stop(journey, r, s) for r, s in placed if r.role in ("obj", "from")]
        if any(s is None for s in left):
            starts.append((day, sentence))  # "departed Accra (home) on Saturday for Madrid"
        elif left:
            left[0].depart = left[0].depart or day
        elif (
            not dests
            and journey.stops
            and (event.home or any(r.role == "to" and s is None for r, s in placed))
        ):
            # "will leave for Kathmandu (home) the next day", "left for home on Friday":
            # the last stop is left.
            last = max(journey.stops, key=lambda s: s.order)
            last.depart = last.depart or day
            journey.returned.append((day, sentence))
        elif dests:
            # "will leave X for Y on D" leaves X that day; it does not say when Y is reached.
            target = dests[0]
            if target is first_stop:
                starts.append((day, sentence))
            elif not any(s is not target and s.depart == day for s in journey.stops):
                # (A stop the text already ends that day is the one left: "ended a visit
                # to Angola on Saturday ... left for X on Saturday".)
                before = [s for s in journey.stops if s.order < target.order]
                if before and not before[-1].depart:
                    before[-1].depart = day
        else:
            starts.append((day, sentence))
        return
    if phase == "begin":
        begun = [
            stop
            for e in journey.events
            # "began a visit to X", and "a two-day trip to X starting Tuesday"
            if e.nominal
            and (
                e.parent == event.token
                or e.sentence == event.sentence
                and 0 < event.token - e.token <= 5
            )
            for r in e.places
            if r.role in ("to", "in", "obj") and (stop := _stop_for(journey, r)) is not None
        ]
        if dests:
            dests[0].arrive = dests[0].arrive or day
        elif begun and begun[0] is min(journey.stops, key=lambda s: s.order):
            # "began a four-day visit to India on Wednesday": its first stop that day.
            begun[0].arrive = begun[0].arrive or day
            starts.append((day, sentence))
        elif len(journey.stops) == 1 and any(
            e.nominal and e.parent == event.token and not e.places for e in journey.events
        ):
            # "The working visit would start on Thursday": the one stop's first day.
            journey.stops[0].arrive = journey.stops[0].arrive or day
            starts.append((day, sentence))
        else:
            starts.append((day, sentence))
        return
    if phase == "end":
        visits = [
            stop
            for e in journey.events
            if e.parent == event.token and e.nominal
            for r in e.places
            if (stop := _stop_for(journey, r)) is not None
        ]
        if dests or visits:
            # "wrapped up a three-day visit to Japan on Saturday": Japan left that day.
            target = (dests or visits)[-1]
            target.depart = target.depart or day
        else:
            if len(journey.stops) == 1 and not event.home:
                # "the visit came to an end on Sunday": the one stop's last day.
                journey.stops[0].depart = journey.stops[0].depart or day
            ends.append((day, sentence))
        return
    if phase == "return":
        left = [s for r, s in placed if r.role == "from" and s is not None]
        if left:
            left[0].depart = left[0].depart or day
        elif event.home or not dests:
            journey.returned.append((day, sentence))  # back home: the end, failing better
        return
    if phase == "visit" and event.nominal and dests:
        dests[0].arrive = dests[0].arrive or day


def _fill_legs(journey: Journey) -> None:
    """Consecutive legs share a day: leaving one stop on a day is arriving at the next."""
    stops = journey.stops
    for a, b in zip(stops, stops[1:], strict=False):
        if a.depart and not b.arrive and b.depart and a.depart <= b.depart:
            b.arrive = a.depart


_LONGEST_TRIP_DAYS = 31


def _still_ahead(journey: Journey, last: Stop | None) -> bool:
    """Whether the journey's last stop is only ahead: told in the future ("his last leg
    will be in Brazil") or as the goal of a departure ("left for Brazil today"), and
    nowhere as reached. Ending an earlier visit then ends no journey."""
    if last is None:
        return False
    ahead = False
    for event in journey.events:
        for role in event.places:
            if _stop_for(journey, role) is not last:
                continue
            if event.tense == "future" or (
                event.phase in ("leave", "go")
                and role.role == "to"
                and event.mood == "real"
                # "traveled to Argentina ... and Mexico": made, where "headed to" is not
                and not (
                    event.phase == "go"
                    and event.tense in ("past", "perfect")
                    and lemma(event.text) == "travel"
                )
            ):
                ahead = True
            elif event.tense in ("past", "perfect", "present"):
                return False
    return ahead


# "just days before the G-20 event", "two weeks after the elections": a time told by
# another event of the text.
_RELATIVE_TO_EVENT = re.compile(
    r"\b(days|weeks)\s+(before|ahead\s+of|after)\s+(?:the|this|next\s+month's)\s+"
    r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*|summit|elections?|vote|talks)"
)


def _anchored_ahead(ctx: Context, journey: Journey) -> bool:
    """Whether the journey, told in the present with no day of its own, is placed days
    or weeks before or after another event that the text dates ahead of publication
    ("Biden is shirking the summit in Jakarta just days before the G-20 event - Harris
    is attending in his stead", the G-20 being 'next month'): a present of plans."""
    if ctx.published is None:
        return False
    for event in journey.events:
        sentence = _sentence(ctx, event)
        for match in _RELATIVE_TO_EVENT.finditer(sentence.text):
            unit, direction, anchor = match.groups()
            key = anchor.split()[0].lower()
            for other in ctx.sentences:
                if other is sentence or key not in other.text.lower():
                    continue
                for mention in ctx.dates:
                    if not (other.start <= mention.start < other.end):
                        continue
                    day = mention.first or mention.approx
                    if day is None:
                        continue
                    margin = timedelta(days=14 if unit == "weeks" else 7)
                    if direction == "after" and day >= ctx.published:
                        return True
                    if direction != "after" and day - margin > ctx.published:
                        return True
    return False


def _status(ctx: Context, journey: Journey) -> str:
    if journey.frame[0] == "cancelled":
        return "cancelled"
    published = ctx.published
    # A verb's tense tells when; a noun's borrowed tense ("the tour is part of") less so.
    verbal = [e.tense for e in journey.events if not e.nominal and e.tense != "none"]
    if not verbal:
        # "X met Sunday with Y, on the occasion of his visit": the visit has no verb of
        # its own; the meetings on it tell when.
        met = {m.token for m in journey.meetings}
        verbal = [e.tense for e in ctx.events if e.token in met and e.tense != "none"]
    tenses = verbal or [e.tense for e in journey.events]
    last = journey.stops[-1] if journey.stops else None

    def ends_journey(e: Event) -> bool:
        if e.home or e.phase == "return":
            return True
        # Ending one stop's visit ends the journey only at its last stop.
        ended = [
            _stop_for(journey, r)
            for x in journey.events
            if x.parent == e.token and x.nominal or x is e
            for r in x.places
        ]
        return not ended or last in ended

    completed = any(
        e.tense in ("past", "perfect")
        and e.phase in ("end", "return")
        and ends_journey(e)
        or e.tense in ("past", "perfect")
        and e.home
        # "stopped in Dubai on the way back": the last leg, made
        or e.tense == "past"
        and "homeward" in e.hints
        and any(_stop_for(journey, r) is last for r in e.places)
        for e in journey.events
    ) and not _still_ahead(journey, last)
    future = [t for t in tenses if t == "future"]
    # The verbs that carry a place or a day say most about when.
    anchored = [
        e.tense
        for e in journey.events
        if not e.nominal and e.tense != "none" and (e.places or e.dates)
    ] or tenses
    # "left Riyadh on Monday, heading to the United States": on the way already.
    departed = any(
        e.phase in ("leave", "go")
        and e.tense in ("past", "perfect")
        and not e.home
        and not e.nominal
        and e.mood == "real"
        for e in journey.events
    )
    if published is not None:
        if journey.start and journey.start > published:
            return "ongoing" if departed and (journey.start - published).days <= 3 else "planned"
        if (
            journey.start == published
            and "future" in anchored
            and not any(t in ("past", "perfect", "present") for t in anchored)
            and not departed
        ):
            return "planned"  # "will begin today": announced on its first day
        if journey.end and journey.end < published:
            return "completed"
        if completed:
            return "completed"
        if (
            journey.end == published
            and tenses
            and all(t in ("past", "perfect") for t in tenses)
            and any(e.phase in ("end", "return", "leave") for e in journey.events)
        ):
            return "completed"  # an overview published on the last day, all in the past
        if (
            journey.start
            and journey.end is None
            and (published - journey.start).days > _LONGEST_TRIP_DAYS
        ):
            return "completed"  # begun months before the report: long over
        if (
            journey.start
            and journey.start <= published
            and (journey.end is None or journey.end >= published)
        ):
            return "ongoing"
    elif completed:
        return "completed"
    if journey.frame[0] == "passing":
        past = sum(t in ("past", "perfect") for t in tenses)
        future = sum(t == "future" for t in tenses)
        return "planned" if future > past else "completed"
    if all(t == "future" or t == "none" for t in tenses) and "future" in tenses:
        return "planned"
    if (
        journey.start is None
        and all(t in ("present", "none") for t in tenses)
        and not departed
        and _anchored_ahead(ctx, journey)
    ):
        return "planned"  # "X is attending ... days before the G-20 event" of next month
    if any(t in ("past", "perfect", "present") for t in tenses):
        if all(t in ("perfect",) for t in tenses if t != "none") and not any(
            e.phase in ("leave", "arrive", "go") for e in journey.events if e.tense == "perfect"
        ):
            return "completed"  # "has visited"; but "has left for Beijing" is under way
        being_there = any(
            e.phase in ("arrive", "presence", "host")
            and e.tense in ("past", "present")
            or e.tense == "present"
            for e in journey.events
            if not e.nominal
        )
        if not being_there and ctx.published is None and journey.end is not None:
            # "traveled to A, B and C, March 14-23": the whole journey, told afterwards.
            return "completed"
        return "ongoing"
    return "planned"
