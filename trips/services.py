"""Writes that touch several rows: importing articles, resolving officials, merging trips.

The import extracts each article in pure code first (``trips.extraction``),
then writes everything that article yields in one short transaction. A trip
the database already knows (same traveller, overlapping dates or stops) is
enriched instead of duplicated, with the same merge rules the extraction uses
for a batch (``trips.extraction.merge``). Rows an editor changed
(``edited_by_person``) are never overwritten or deleted.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import (
    Prefetch,
    Q,
    prefetch_related_objects,
)
from django.utils import timezone

from trips.ahead import read_ahead
from trips.countries import is_country_code, is_government_code
from trips.extraction import extract_article, extract_articles
from trips.extraction.merge import trip_merge, trips_same_journey
from trips.extraction.names import (
    Identity,
    clean_name,
    countries_named,
    index_keys,
    lookup_keys,
    name_words,
    resolve,
)
from trips.extraction.people import house_country, names_match
from trips.extraction.types import (
    ArticleInput,
    ExtractedMeeting,
    ExtractedOfficial,
    ExtractedStop,
    ExtractedTrip,
    Extraction,
    Span,
)
from trips.identity import (
    free_slug,
    identity_of,
    meeting_countries,
    numbered_slug,
    official_spans,
    slug_base,
)
from trips.models import (
    Article,
    Evidence,
    Meeting,
    Official,
    OfficialFormerSlug,
    OfficialsKeptApart,
    OfficialTotals,
    Stop,
    Trip,
    TripCountryVisits,
    TripStopCount,
    TripTravellersSeen,
)
from trips.readers import ArticleSource
from trips.totals import visit_totals_refresh

logger = logging.getLogger(__name__)

# How far apart two dated trips of one traveller may be and still be compared.
_CANDIDATE_WINDOW_DAYS = 21
# Beyond this, what two reports tell of a journey lies too far apart to match.
_UNRELATED_AFTER_DAYS = 150


@dataclass
class ArticleOutcome:
    """What importing one article did."""

    origin: str
    external_id: str
    status: str  # imported | updated | unchanged | failed
    message: str = ""
    warnings: tuple[str, ...] = ()
    counts: Counter = field(default_factory=Counter)
    article_id: int | None = None


@dataclass
class ImportReport:
    outcomes: list[ArticleOutcome] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        total: Counter = Counter(outcome.status for outcome in self.outcomes)
        for outcome in self.outcomes:
            total.update(outcome.counts)
        return total

    @property
    def failed(self) -> list[ArticleOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]


# ---------------------------------------------------------------- officials


class OfficialIndex:
    """Officials filed by name keys, loaded once per import batch.

    Resolving every mention with a query would cost one round trip per name;
    a batch of articles shares this index instead. It also holds the days
    the data shows each official in office (``trips.identity.official_spans``),
    widened as the batch goes, which the identity rules weigh. ``invalidate``
    drops it after a rolled-back transaction, whose new officials no longer
    exist. It holds the slugs taken, too (officials' and former ones), so a
    new official's slug costs no query.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, list[Official]] | None = None
        self._by_record: dict[str, Official] = {}
        self._spans: dict[int, tuple[date, date]] = {}
        self._met_in: dict[int, frozenset[str]] = {}
        self._slugs: set[str] = set()

    def invalidate(self) -> None:
        self._by_key = None
        self._by_record = {}
        self._slugs = set()

    def _load(self) -> dict[str, list[Official]]:
        if self._by_key is None:
            self._by_key = defaultdict(list)
            self._spans = official_spans()
            self._met_in = meeting_countries()
            self._slugs = set(OfficialFormerSlug.objects.values_list("slug", flat=True))
            for official in Official.objects.all():
                self.add(official)
        return self._by_key

    def add(self, official: Official) -> None:
        by_key = self._load()
        for key in {k for n in (official.name, *official.aliases) for k in index_keys(n)}:
            if official not in by_key[key]:
                by_key[key].append(official)
        if official.record_id:
            self._by_record[official.record_id] = official
        self._slugs.add(official.slug)

    def free_slug(self, name: str) -> str:
        """A slug for a new official named ``name``, as ``identity.free_slug`` gives it.

        It is taken at once: the caller saves the official with it.
        """
        self._load()
        slug = numbered_slug(slug_base(name), self._slugs)
        self._slugs.add(slug)
        return slug

    def note(self, official: Official, on: date | None, met_in: str = "") -> None:
        """``official`` was in office on ``on`` (and met in ``met_in``): later mentions weigh it."""
        if met_in:
            self._met_in[official.pk] = self._met_in.get(official.pk, frozenset()) | {met_in}
        if on is None:
            return
        known = self._spans.get(official.pk)
        self._spans[official.pk] = (min(on, known[0]), max(on, known[1])) if known else (on, on)

    def find(
        self,
        name: str,
        country: str = "",
        *,
        title: str = "",
        on: date | None = None,
        record_id: str = "",
        aliases: Iterable[str] = (),
        met_in: str = "",
        prefer: Collection[int] = (),
    ) -> Official | None:
        """The official this mention refers to, if the index knows them (``names.resolve``).

        ``prefer`` holds the ids of officials to take first when they fit.
        """
        by_key = self._load()
        if record_id and record_id in self._by_record:
            return self._by_record[record_id]
        candidates: list[Official] = []
        for known in (name, *aliases):
            for key in lookup_keys(known):
                for official in by_key.get(key, ()):
                    if official not in candidates:
                        candidates.append(official)
        mention = Identity(
            name=name,
            aliases=tuple(aliases),
            title=title,
            country=country,
            record_id=record_id,
            active=(on, on) if on else None,
            met_in=frozenset({met_in}) if met_in else frozenset(),
        )
        found = resolve(
            mention,
            [identity_of(o, self._spans, self._met_in) for o in candidates],
            preferred=[i for i, o in enumerate(candidates) if o.pk in prefer],
        )
        return None if found is None else candidates[found]


def official_resolve(
    *,
    name: str,
    title: str = "",
    country: str = "",
    aliases: Iterable[str] = (),
    index: OfficialIndex | None = None,
    counts: Counter | None = None,
    on: date | None = None,
    record_id: str = "",
    met_in: str = "",
    prefer: Collection[int] = (),
) -> Official:
    """Find the Official ``name`` refers to, or create them.

    The identity rules of ``trips.extraction.names`` decide: "Antony John
    Blinken" resolves to an existing "Antony Blinken", "Sergei X" to "Sergey
    X" of the same government, a surname to the person of that name in office
    ``on`` that day; ``record_id`` (the official record's id for the person)
    decides alone; ``met_in``, the country of the meeting they are named in,
    tells apart two people known only by one bare name; ``prefer`` (official
    ids) go first: the people a new version of a source named before, as
    editors left them. The new spelling is
    kept as an alias. Blank title and country are filled in, and a full name
    replaces a surname the official was known by; an editor's row is left
    alone, but for the record's id, which is a fact of the record, filled in
    where blank.
    """
    index = index or OfficialIndex()
    counts = counts if counts is not None else Counter()
    country = country.upper() if country and is_government_code(country.upper()) else ""
    raw = " ".join(name.split())
    name = clean_name(raw) or raw
    aliases = [a for a in dict.fromkeys([raw, *aliases]) if a and a != name]
    official = index.find(
        name,
        country,
        title=title,
        on=on,
        record_id=record_id,
        aliases=aliases,
        met_in=met_in,
        prefer=prefer,
    )
    if official is None:
        official = Official(
            name=name[:200],
            title=title[:200],
            country=country,
            aliases=_unique_aliases(name, aliases, []),
            record_id=record_id,
        )
        official.slug = index.free_slug(name)
        official.full_clean(validate_unique=False, validate_constraints=False)
        official.save()
        index.add(official)
        index.note(official, on, met_in)
        counts["officials_created"] += 1
        return official
    index.note(official, on, met_in)
    changed: list[str] = []
    if record_id and not official.record_id:
        official.record_id = record_id
        changed.append("record_id")
    if not official.edited_by_person:
        if len(name_words(official.name)) < 2 <= len(name_words(name)):
            # "Thatcher" was all the sources said until now.
            official.aliases = [official.name, *official.aliases]
            official.name = name[:200]
            changed.append("name")
        new_aliases = _unique_aliases(official.name, [name, *aliases], official.aliases)
        if new_aliases != official.aliases:
            official.aliases = new_aliases
            changed.append("aliases")
        if title and not official.title:
            official.title = title[:200]
            changed.append("title")
        if country and not official.country:
            official.country = country
            changed.append("country")
    if changed:
        official.save(update_fields=[*dict.fromkeys(changed), "updated_at"])
        index.add(official)
        counts["officials_updated"] += 1
    return official


def _unique_aliases(name: str, candidates: Iterable[str], existing: list[str]) -> list[str]:
    aliases = list(existing)
    seen = {a.casefold() for a in aliases} | {name.casefold()}
    for alias in candidates:
        alias = " ".join(alias.split())
        if alias and alias.casefold() not in seen:
            aliases.append(alias)
            seen.add(alias.casefold())
    return aliases


# ---------------------------------------------------------------- trips


def trip_as_extracted(trip: Trip, *, meetings: bool = True) -> ExtractedTrip:
    """The database trip in the extraction's shape, so the pure merge rules apply.

    Expects ``officials``, ``stops``, ``meetings__participants`` and
    ``meetings__stop`` prefetched (``meetings=False``: the meetings are left
    out, and need not be). Sources are left out: merging never needs them.
    """
    stops = tuple(
        ExtractedStop(
            country=stop.country,
            city=stop.city or None,
            latitude=stop.latitude,
            longitude=stop.longitude,
            arrive=stop.arrive_date,
            depart=stop.depart_date,
        )
        for stop in sorted(trip.stops.all(), key=lambda s: s.order)
    )
    meetings = tuple(
        ExtractedMeeting(
            participants=tuple(p.name for p in meeting.participants.all()),
            country=meeting.stop.country if meeting.stop else None,
            city=(meeting.stop.city or None) if meeting.stop else None,
            date=meeting.date,
            description=meeting.description,
        )
        for meeting in (trip.meetings.all() if meetings else ())
    )
    return ExtractedTrip(
        travelers=tuple(o.name for o in trip.officials.all()),
        status=trip.status,
        start=trip.start_date,
        end=trip.end_date,
        stops=stops,
        meetings=meetings,
        summary=trip.summary,
    )


def _trips_prefetched():
    """Trips with what ``trip_as_extracted`` reads; ``_meeting_stops_cached`` finishes it.

    The meetings are read without a join to the stops: joined, PostgreSQL
    planned the prefetch as a hash join over every stop when its statistics
    were stale. A meeting's stop is one of its trip's, prefetched already.
    """
    return Trip.objects.prefetch_related(
        "officials",
        Prefetch("stops", queryset=Stop.objects.order_by("order")),
        _meetings_prefetch(),
    )


def _meetings_prefetch() -> Prefetch:
    return Prefetch("meetings", queryset=Meeting.objects.prefetch_related("participants"))


def _meeting_stops_cached(trips: list[Trip]) -> list[Trip]:
    """Give each prefetched meeting its stop from its trip's prefetched stops."""
    for trip in trips:
        stops = {stop.pk: stop for stop in trip.stops.all()}
        for meeting in trip.meetings.all():
            if meeting.stop_id in stops:
                Meeting.stop.field.set_cached_value(meeting, stops[meeting.stop_id])
    return trips


def _candidate_trips(
    travellers: list[Official], new: ExtractedTrip, published: date | None
) -> Iterable[Trip]:
    """Trips of these travellers that ``trips_same_journey`` could match, by id,
    with their officials and stops prefetched (``_with_meetings`` adds the
    meetings); for an article with no day at all, read as they are iterated.

    Dated trips can only match near in time; undated ones only through a
    shared stop country. Filtering in SQL keeps the prefetch small however
    many trips a traveller has.
    """
    known = [d for d in (new.start, new.end, *(s.arrive for s in new.stops)) if d]
    points = known or ([published] if published else [])
    if not points:
        # No day at all to go by: the travellers' trips are where to start,
        # all of them, so the shared country is checked in SQL first.
        # One statement: the stops of those countries among the travellers' trips.
        mine = Trip.officials.through.objects.filter(official__in=travellers).values("trip_id")
        countries = {s.country for s in new.stops}
        ids = sorted(
            set(
                Stop.objects.filter(trip_id__in=mine, country__in=countries)
                .order_by()
                .values_list("trip_id", flat=True)
            )
        )
        return _read_in_turn(ids)
    # Reports months apart are never one journey (merge._far_apart); a
    # generous margin keeps this filter from ruling out a real match.
    margin = timedelta(days=_UNRELATED_AFTER_DAYS)
    window = timedelta(days=_CANDIDATE_WINDOW_DAYS)
    found = _trips_near(
        [t.pk for t in travellers],
        (min(points) - margin, max(points) + margin),
        (min(known) - window, max(known) + window) if known else None,
    )
    if not found:
        return []
    # Near the article's days a traveller has few trips: they are read whole,
    # with all their stops at once, which tell the trips not near in time
    # that share a country with the article and are the candidates' stops.
    stops: dict[int, list[Stop]] = defaultdict(list)
    for stop in _stops_of([t.pk for t in found]):
        stops[stop.trip_id].append(stop)
    countries = {s.country for s in new.stops}
    trips = [t for t in found if t.near or any(s.country in countries for s in stops[t.pk])]
    for trip in trips:
        trip._prefetched_objects_cache = {"stops": stops[trip.pk]}
    # The meetings are read for the one trip that matches (_with_meetings).
    prefetch_related_objects(trips, "officials")
    return trips


def _trips_near(
    officials: list[int], dated: tuple[date, date], close: tuple[date, date] | None
) -> list[Trip]:
    """The trips of ``officials`` with a day inside ``dated`` or no day at all, or
    (given ``close``) overlapping or starting or ending inside it, by id; each with
    ``near``: whether it is ``close``.

    Each branch is a date range on an indexed column of the trip (or the
    undated trips' partial index), and the traveller is checked per trip found
    through the link table's index, so the cost follows the trips near the
    article's days, not all the traveller's trips. The shared country is
    checked after, on the stops of the trips found alone: inside the same
    query, PostgreSQL hashed every stop of the countries instead. Written as
    SQL: the ORM took longer to build this statement, once for every trip an
    import writes, than the database takes to answer it.
    """
    day = connection.ops.adapt_datefield_value
    sql = _trips_near_sql(close is not None)
    params = [day(d) for d in (*dated, *dated, *dated)]
    if close is not None:
        near = [day(d) for d in (*close, *close, close[1], close[0])]
        params = near + params + near
    marks = ", ".join(["%s"] * len(officials))
    return list(Trip.objects.raw(sql.format(officials=marks), [*params, *officials]))


@lru_cache(maxsize=2)
def _trips_near_sql(close: bool) -> str:
    """The statement of ``_trips_near``, with or without a close window."""
    q = connection.ops.quote_name
    trip, link = q(Trip._meta.db_table), q(Trip.officials.through._meta.db_table)
    columns = _columns(Trip)
    start, end, as_of = (f"{trip}.{q(c)}" for c in ("start_date", "end_date", "status_as_of"))
    near = (
        f"({start} BETWEEN %s AND %s OR {end} BETWEEN %s AND %s OR ({end} >= %s AND {start} <= %s))"
    )
    dated = (
        f"{start} BETWEEN %s AND %s OR {end} BETWEEN %s AND %s OR {as_of} BETWEEN %s AND %s"
        f" OR ({end} IS NULL AND {start} IS NULL AND {as_of} IS NULL)"
    )
    where = f"({dated} OR {near})" if close else f"({dated})"
    return (
        f"SELECT {columns}, {near if close else 'FALSE'} AS near FROM {trip}"
        f" WHERE {where} AND EXISTS(SELECT 1 FROM {link} U0"
        f" WHERE U0.{q('official_id')} IN ({{officials}}) AND U0.{q('trip_id')} = {trip}.{q('id')})"
        f" ORDER BY {trip}.{q('id')}"
    )


def _stops_of(trip_ids: list[int]) -> list[Stop]:
    """The stops of these trips, in their order (written as SQL, see ``_trips_near``)."""
    marks = ", ".join(["%s"] * len(trip_ids))
    return list(Stop.objects.raw(_stops_of_sql().format(trips=marks), trip_ids))


@lru_cache(maxsize=1)
def _stops_of_sql() -> str:
    q = connection.ops.quote_name
    table = q(Stop._meta.db_table)
    return (
        f"SELECT {_columns(Stop)} FROM {table} WHERE {table}.{q('trip_id')} IN ({{trips}})"
        f" ORDER BY {table}.{q('order')}"
    )


def _columns(model) -> str:
    """Every column of ``model``'s table, named with the table, for a SELECT."""
    q = connection.ops.quote_name
    table = q(model._meta.db_table)
    return ", ".join(f"{table}.{q(f.column)}" for f in model._meta.concrete_fields)


# Candidates of an undated article read at a time (see _read_in_turn).
_UNDATED_CHUNK = 10


def _read_in_turn(ids: list[int]) -> Iterator[Trip]:
    """The trips ``ids`` in that order, prefetched, a few at a time.

    An article with no day at all matches the first of its travellers' trips
    that shares a country with it, and the writer stops there; a traveller
    with a long history has hundreds of such trips, which are not read.
    """
    for start in range(0, len(ids), _UNDATED_CHUNK):
        chunk = ids[start : start + _UNDATED_CHUNK]
        yield from _meeting_stops_cached(
            list(_trips_prefetched().filter(pk__in=chunk).order_by("pk"))
        )


def _with_meetings(trip: Trip) -> Trip:
    """``trip`` (a candidate) with its meetings prefetched too, if they are not yet."""
    if "meetings" not in trip._prefetched_objects_cache:  # type: ignore[attr-defined]
        prefetch_related_objects([trip], _meetings_prefetch())
        _meeting_stops_cached([trip])
    return trip


def trip_title(travellers: list[str], stops: Iterable[ExtractedStop]) -> str:
    """A readable default title: who went where.

    >>> trip_title(["Ada Lovelace"], [ExtractedStop("JP", "Tokyo"), ExtractedStop("KR")])
    'Ada Lovelace to Tokyo and South Korea'
    """
    from trips.countries import country_name

    places: list[str] = []
    for stop in stops:
        place = stop.city or country_name(stop.country)
        if place not in places:
            places.append(place)
    who = " and ".join(travellers) if len(travellers) <= 2 else f"{travellers[0]} and others"
    if not places:
        return who[:300]
    if len(places) > 4:
        where = ", ".join(places[:3]) + f" and {len(places) - 3} more"
    elif len(places) > 1:
        where = ", ".join(places[:-1]) + " and " + places[-1]
    else:
        where = places[0]
    return f"{who} to {where}"[:300]


def record_led_dates(stops: Iterable[Stop]) -> tuple[date, date] | None:
    """The dates of a trip the official record confirms: the span of its stops.

    Each stop counts with the record's dates where the record gives them, the
    news' otherwise, so the trip never ends before its last stop nor begins
    after its first. None when no stop has a date from the record.
    """
    days: list[date] = []
    recorded = False
    for stop in stops:
        pair = (stop.recorded_arrive, stop.recorded_depart)
        if any(pair):
            recorded = True
        else:
            pair = (stop.arrive_date, stop.depart_date)
        days += [day for day in pair if day]
    return (min(days), max(days)) if recorded else None


def trip_follow_record(
    trip: Trip,
    *,
    stops: list[Stop],
    travellers: list[str],
    reported: tuple[date | None, date | None],
) -> list[str]:
    """Date and title a trip the record confirms by the record; return the fields changed.

    The dates come from ``record_led_dates`` and the title names every place
    of the route, the record's among them. ``reported``, the dates the news
    gave, goes to ``reported_start``/``reported_end`` (None where the news
    gave none, or they are not known apart). The caller saves; a trip an
    editor changed is left alone.
    """
    span = record_led_dates(stops)
    if span is None or trip.edited_by_person:
        return []
    values = {
        "start_date": span[0],
        "end_date": span[1],
        "reported_start": reported[0],
        "reported_end": reported[1],
        "title": trip_title(travellers, stops),
    }
    changed = [key for key, value in values.items() if getattr(trip, key) != value]
    for key in changed:
        setattr(trip, key, values[key])
    return changed


def _same_place(stop: Stop, extracted: ExtractedStop) -> bool:
    if stop.country != extracted.country:
        return False
    if not stop.city or not extracted.city:
        return True
    return stop.city.casefold() == extracted.city.casefold()


def assign_changed(instance, values: dict) -> bool:
    """Set the fields that differ; say whether any did (so unchanged rows are not saved)."""
    changed = False
    for key, value in values.items():
        if getattr(instance, key) != value:
            setattr(instance, key, value)
            changed = True
    return changed


def _summary(trip: ExtractedTrip) -> str:
    """The sentence that reports the journey: a summary a reader can trace."""
    return " ".join(trip.evidence[0].text.split()) if trip.evidence else ""


def _slot_in(kept: list[Stop], travel_order: list[Stop]) -> list[Stop]:
    """``kept`` in its own order, each other stop of ``travel_order`` placed right after
    the kept stop it follows there (or first, if none comes before it)."""
    kept_ids = {id(stop) for stop in kept}
    after: dict[int | None, list[Stop]] = defaultdict(list)
    anchor = None
    for stop in travel_order:
        if id(stop) in kept_ids:
            anchor = id(stop)
        else:
            after[anchor].append(stop)
    ordered = list(after[None])
    for stop in kept:
        ordered += [stop, *after[id(stop)]]
    return ordered


def _ordered_dates(first: date | None, last: date | None) -> tuple[date | None, date | None]:
    # An inconsistent pair keeps the earlier fact and drops the later one.
    if first and last and last < first:
        return first, None
    return first, last


class _TripWriter:
    """Writes one merged trip and the evidence of the article that enriched it."""

    def __init__(
        self,
        *,
        article: Article,
        index: OfficialIndex,
        counts: Counter,
        prefer: Collection[int] = (),
        pending: _PendingRows | None = None,
    ) -> None:
        self.article = article
        self.index = index
        self.counts = counts
        self.prefer = prefer
        self.pending = pending
        self.evidence: list[Evidence] = []
        # The trips written, in order: the article's links to them go in at the end.
        self.touched: dict[int, None] = {}

    def evidence_for(self, spans: Iterable[Span], fact: str, **target) -> None:
        for span in spans:
            self.evidence.append(
                Evidence(
                    article=self.article,
                    fact=fact,
                    sentence=span.text,
                    start_offset=span.start,
                    end_offset=span.end,
                    **target,
                )
            )

    def write(self, new: ExtractedTrip, officials: dict[str, Official]) -> Trip:
        travellers = [officials[name] for name in new.travelers if name in officials]
        trip, merged = None, new
        for candidate in _candidate_trips(travellers, new, self.article.published):
            # An article's distinct trips are distinct journeys (as in merge_article_trips).
            if candidate.pk in self.touched:
                continue
            if candidate.status == Trip.Status.CANCELLED and new.status != Trip.Status.CANCELLED:
                continue
            # Meetings play no part in whether it is the same journey.
            if trips_same_journey(
                trip_as_extracted(candidate, meetings=False),
                new,
                a_published=candidate.status_as_of,
                b_published=self.article.published,
            ):
                trip = _with_meetings(candidate)
                merged = trip_merge(
                    trip_as_extracted(trip),
                    new,
                    base_published=candidate.status_as_of,
                    new_published=self.article.published,
                )
                break
        if trip is None:
            trip = self._create(merged, travellers)
        else:
            self._update(trip, merged, travellers)
        self.touched[trip.pk] = None
        stops = self._write_stops(trip, merged)
        self._follow_record(trip, new)
        self._write_meetings(trip, merged, stops, officials)
        self._attach_evidence(trip, new, stops)
        return trip

    def finish(self) -> None:
        """Link the article to its trips and store the evidence, a statement each
        (or hand them to ``pending``, which stores a whole group's at once)."""
        self.counts["evidence_created"] += len(self.evidence)
        if self.pending is not None:
            self.pending.add(self.article.pk, self.touched, self.evidence)
            return
        # Straight to the link table: .add() would first read what is linked.
        _link(Trip.articles.through, "article_id", self.article.pk, "trip_id", self.touched)
        Evidence.objects.bulk_create(self.evidence)

    def _follow_record(self, trip: Trip, new: ExtractedTrip) -> None:
        """A trip the record confirms keeps the record's dates; this article's are the news'."""
        stops = trip._prefetched_objects_cache["stops"]  # type: ignore[attr-defined]
        if trip.edited_by_person or record_led_dates(stops) is None:
            return
        reported = _ordered_dates(new.start or trip.reported_start, new.end or trip.reported_end)
        travellers = [official.name for official in trip.officials.all()]
        changed = trip_follow_record(trip, stops=stops, travellers=travellers, reported=reported)
        if changed:
            trip.save(update_fields=[*changed, "updated_at"])

    def _create(self, merged: ExtractedTrip, travellers: list[Official]) -> Trip:
        start, end = _ordered_dates(merged.start, merged.end)
        trip = Trip(
            title=trip_title([o.name for o in travellers], merged.stops),
            status=merged.status,
            start_date=start,
            end_date=end,
            summary=_summary(merged),
            status_as_of=self.article.published,
        )
        trip.full_clean(validate_unique=False, validate_constraints=False)
        trip.save()
        _link(Trip.officials.through, "trip_id", trip.pk, "official_id", travellers)
        self.counts["trips_created"] += 1
        # Nothing to prefetch on a new trip; keep the writer's lookups query-free.
        trip._prefetched_objects_cache = {
            "stops": Stop.objects.none(),
            "meetings": Meeting.objects.none(),
        }
        return trip

    def _update(self, trip: Trip, merged: ExtractedTrip, travellers: list[Official]) -> None:
        published = self.article.published
        as_of = max(filter(None, (trip.status_as_of, published)), default=None)
        if trip.edited_by_person:
            if as_of != trip.status_as_of:
                Trip.objects.filter(pk=trip.pk).update(status_as_of=as_of)
            return
        start, end = _ordered_dates(merged.start, merged.end)
        current = list(trip.officials.all())
        known = {o.pk for o in current}
        missing = [o for o in travellers if o.pk not in known]
        if missing:
            trip.officials.add(*missing)
        title = trip_title([o.name for o in current + missing], merged.stops)
        fields = {
            "status": merged.status,
            "start_date": start,
            "end_date": end,
            "summary": trip.summary or _summary(merged),
            "status_as_of": as_of,
            "title": title,
        }
        changed = {k: v for k, v in fields.items() if getattr(trip, k) != v}
        if changed or missing:
            for key, value in changed.items():
                setattr(trip, key, value)
            trip.full_clean(validate_unique=False, validate_constraints=False)
            trip.save(update_fields=[*changed, "updated_at"])
            self.counts["trips_updated"] += 1

    def _write_stops(self, trip: Trip, merged: ExtractedTrip) -> list[tuple[ExtractedStop, Stop]]:
        existing = sorted(trip.stops.all(), key=lambda s: s.order)
        unused = list(existing)
        pairs: list[tuple[ExtractedStop, Stop]] = []
        to_create: list[Stop] = []
        to_update: list[Stop] = []
        for extracted in merged.stops:
            if not is_country_code(extracted.country):
                continue
            match = next((s for s in unused if _same_place(s, extracted)), None)
            if match is None:
                arrive, depart = _ordered_dates(extracted.arrive, extracted.depart)
                stop = Stop(
                    trip=trip,
                    order=0,
                    country=extracted.country,
                    city=(extracted.city or "")[:200],
                    latitude=extracted.latitude,
                    longitude=extracted.longitude,
                    arrive_date=arrive,
                    depart_date=depart,
                )
                to_create.append(stop)
            else:
                unused.remove(match)
                stop = match
                if not stop.edited_by_person and self._refresh_stop(stop, extracted):
                    to_update.append(stop)
            pairs.append((extracted, stop))
        in_travel_order = [stop for _, stop in pairs]
        if any(s.edited_by_person for s in existing):
            # An editor's arrangement stands, whatever dates they changed.
            final = _slot_in(existing, in_travel_order)
        else:
            final = in_travel_order + unused
        self._renumber(trip, final, to_create, to_update)
        return pairs

    @staticmethod
    def _refresh_stop(stop: Stop, extracted: ExtractedStop) -> bool:
        arrive, depart = _ordered_dates(extracted.arrive, extracted.depart)
        values = {
            "city": stop.city or (extracted.city or "")[:200],
            "latitude": stop.latitude if stop.latitude is not None else extracted.latitude,
            "longitude": stop.longitude if stop.longitude is not None else extracted.longitude,
            "arrive_date": arrive,
            "depart_date": depart,
        }
        if values["city"] != stop.city and extracted.latitude is not None:
            values["latitude"], values["longitude"] = extracted.latitude, extracted.longitude
        return assign_changed(stop, values)

    def _renumber(
        self, trip: Trip, final: list[Stop], to_create: list[Stop], to_update: list[Stop]
    ) -> None:
        seen: set[int] = set()
        ordered = [s for s in final if not (id(s) in seen or seen.add(id(s)))]
        moved = [s for position, s in enumerate(ordered, 1) if s.pk and s.order != position]
        if moved:
            # Two passes keep (trip, order) unique at every step.
            for stop in moved:
                stop.order += 10_000
            Stop.objects.bulk_update(moved, ["order"])
        for position, stop in enumerate(ordered, 1):
            stop.order = position
        for stop in to_create:
            stop.full_clean(validate_unique=False, validate_constraints=False, exclude=["trip"])
        if to_create:
            Stop.objects.bulk_create(to_create)
            self.counts["stops_created"] += len(to_create)
        dirty = {id(s): s for s in [*moved, *to_update] if s.pk}
        if dirty:
            Stop.objects.bulk_update(
                list(dirty.values()),
                ["order", "city", "latitude", "longitude", "arrive_date", "depart_date"],
            )
            self.counts["stops_updated"] += len(to_update)
        trip._prefetched_objects_cache["stops"] = ordered  # type: ignore[attr-defined]

    def _write_meetings(
        self,
        trip: Trip,
        merged: ExtractedTrip,
        stops: list[tuple[ExtractedStop, Stop]],
        officials: dict[str, Official],
    ) -> None:
        existing = list(trip.meetings.all())
        self.meeting_pairs: list[tuple[ExtractedMeeting, Meeting]] = []
        # The meetings this article creates go in together at the end; until
        # then their participants are held here (an unsaved row has no links).
        # (An unsaved model instance is unhashable: they are filed by id().)
        created: dict[int, tuple[Meeting, list[Official]]] = {}

        def participants_of(meeting: Meeting) -> list[Official]:
            if id(meeting) in created:
                return created[id(meeting)][1]
            return list(meeting.participants.all())

        for extracted in merged.meetings:
            participants = [
                officials.get(name)
                or official_resolve(
                    name=name,
                    index=self.index,
                    counts=self.counts,
                    on=extracted.date or self.article.published,
                    met_in=extracted.country or "",
                    prefer=self.prefer,
                )
                for name in extracted.participants
            ]
            stop = self._stop_for(extracted, stops)
            match = next(
                (m for m in existing if _same_names(participants_of(m), extracted)),
                None,
            )
            if match is None:
                match = Meeting(
                    trip=trip, stop=stop, date=extracted.date, description=extracted.description
                )
                created[id(match)] = (match, participants)
                existing.append(match)
                self.counts["meetings_created"] += 1
            elif not match.edited_by_person:
                changed = False
                if match.date is None and extracted.date:
                    match.date, changed = extracted.date, True
                if match.stop_id is None and stop is not None:
                    match.stop, changed = stop, True
                if extracted.description and not match.description:
                    match.description, changed = extracted.description, True
                known = {p.pk for p in participants_of(match)}
                extra = [p for p in participants if p.pk not in known]
                if id(match) in created:
                    # Not inserted yet: it goes in as it ends up.
                    created[id(match)] = (match, [*created[id(match)][1], *extra])
                    changed = changed or bool(extra)
                else:
                    if changed:
                        match.save()
                    if extra:
                        match.participants.add(*extra)
                        changed = True
                if changed:
                    self.counts["meetings_updated"] += 1
            self.meeting_pairs.append((extracted, match))
        _meetings_create(list(created.values()))

    @staticmethod
    def _stop_for(
        meeting: ExtractedMeeting, stops: list[tuple[ExtractedStop, Stop]]
    ) -> Stop | None:
        if not meeting.country:
            return None
        for _, stop in stops:
            if stop.country == meeting.country and (
                not meeting.city or not stop.city or stop.city.casefold() == meeting.city.casefold()
            ):
                return stop
        return None

    def _attach_evidence(
        self, trip: Trip, new: ExtractedTrip, stops: list[tuple[ExtractedStop, Stop]]
    ) -> None:
        self.evidence_for(new.evidence, Evidence.Fact.TRIP, trip=trip)
        self.evidence_for(new.start_evidence, Evidence.Fact.TRIP_START, trip=trip)
        self.evidence_for(new.end_evidence, Evidence.Fact.TRIP_END, trip=trip)
        for extracted in new.stops:
            stop = next((s for x, s in stops if _same_place(s, extracted)), None)
            if stop is not None:
                self.evidence_for(extracted.evidence, Evidence.Fact.STOP, stop=stop)
        for extracted in new.meetings:
            meeting = next((m for x, m in self.meeting_pairs if _same_meeting(m, extracted)), None)
            if meeting is not None:
                self.evidence_for(extracted.evidence, Evidence.Fact.MEETING, meeting=meeting)


class _PendingRows:
    """The article links and evidence of a group's articles, stored together by ``flush``.

    Nothing the import reads before the group ends looks at them, but for a
    new version of an article, which reads and takes back what the old one
    contributed: the caller flushes first.
    """

    def __init__(self) -> None:
        self.links: list = []
        self.evidence: list[Evidence] = []

    def add(self, article_id: int, trip_ids: Iterable[int], evidence: list[Evidence]) -> None:
        through = Trip.articles.through
        self.links += [through(article_id=article_id, trip_id=pk) for pk in trip_ids]
        self.evidence += evidence

    def flush(self) -> None:
        if self.links:
            Trip.articles.through.objects.bulk_create(self.links, ignore_conflicts=True)
        if self.evidence:
            Evidence.objects.bulk_create(self.evidence)
        self.links, self.evidence = [], []


def _link(through, owner_field: str, owner_id: int, other_field: str, others: Iterable) -> None:
    """Insert many-to-many rows in one statement; new rows need no read-before-write.

    ``others``: model instances or their ids.
    """
    rows = dict.fromkeys(getattr(other, "pk", other) for other in others)
    if rows:
        through.objects.bulk_create(
            [through(**{owner_field: owner_id, other_field: pk}) for pk in rows],
            ignore_conflicts=True,
        )


def _meetings_create(meetings: list[tuple[Meeting, list[Official]]]) -> None:
    """Insert new meetings and their participants, a statement each.

    The participants are left cached on each meeting, as if prefetched.
    """
    if not meetings:
        return
    Meeting.objects.bulk_create([meeting for meeting, _ in meetings])
    through = Meeting.participants.through
    through.objects.bulk_create(
        [
            through(meeting_id=meeting.pk, official_id=pk)
            for meeting, participants in meetings
            for pk in dict.fromkeys(p.pk for p in participants)
        ],
        ignore_conflicts=True,
    )
    for meeting, participants in meetings:
        meeting._prefetched_objects_cache = {"participants": participants}


def _same_meeting(meeting: Meeting, extracted: ExtractedMeeting) -> bool:
    return _same_names(list(meeting.participants.all()), extracted)


def _same_names(participants: list[Official], extracted: ExtractedMeeting) -> bool:
    names = [p.name for p in participants]
    return any(names_match(a, b) for a in names for b in extracted.participants)


# ---------------------------------------------------------------- articles


def officials_named(*, article_ids: Iterable[int]) -> dict[int, set[int]]:
    """The officials each of these sources names: in its sentences, as travellers,
    as people met (three queries, however many sources).

    Read before a new version of a source replaces it, so that its names go
    back to the same officials, as editors left them.
    """
    article_ids = list(article_ids)
    named: dict[int, set[int]] = defaultdict(set)
    for article_id, official_id in Evidence.objects.filter(
        article_id__in=article_ids, official__isnull=False
    ).values_list("article_id", "official_id"):
        named[article_id].add(official_id)
    for article_id, official_id in Trip.articles.through.objects.filter(
        article_id__in=article_ids, trip__officials__isnull=False
    ).values_list("article_id", "trip__officials"):
        named[article_id].add(official_id)
    for article_id, official_id in Evidence.objects.filter(
        article_id__in=article_ids, meeting__participants__isnull=False
    ).values_list("article_id", "meeting__participants"):
        named[article_id].add(official_id)
    return named


def _article_retract(article: Article) -> None:
    """Remove what ``article`` contributed, keeping editors' rows and others' facts."""
    stop_ids = set(article.evidence.filter(stop__isnull=False).values_list("stop_id", flat=True))
    meeting_ids = set(
        article.evidence.filter(meeting__isnull=False).values_list("meeting_id", flat=True)
    )
    official_ids = set(
        article.evidence.filter(official__isnull=False).values_list("official_id", flat=True)
    )
    trip_ids = set(article.trips.values_list("pk", flat=True))
    article.evidence.all().delete()
    article.trips.clear()
    Stop.objects.filter(pk__in=stop_ids, edited_by_person=False, evidence__isnull=True).delete()
    Meeting.objects.filter(
        pk__in=meeting_ids, edited_by_person=False, evidence__isnull=True
    ).delete()
    orphans = Trip.objects.filter(pk__in=trip_ids, edited_by_person=False, articles__isnull=True)
    orphans = orphans.exclude(stops__edited_by_person=True).exclude(meetings__edited_by_person=True)
    orphans.delete()
    Official.objects.filter(
        pk__in=official_ids,
        edited_by_person=False,
        evidence__isnull=True,
        trips__isnull=True,
        meetings__isnull=True,
    ).delete()


def _own_country(official: ExtractedOfficial, extraction: Extraction) -> str:
    """The official's government, unless all that gave it was the place of a meeting.

    A counterpart met in Tokyo is not Japanese for that alone: the country of
    a meeting participant stands only when one of their own sentences names
    it ("Japanese Foreign Minister ..."); otherwise it stays unknown.
    """
    country = official.country or ""
    met_there = any(
        official.name in meeting.participants and meeting.country == country
        for trip in extraction.trips
        for meeting in trip.meetings
    )
    named = house_country(official.name) == country or any(
        country in countries_named(span.text) for span in official.evidence
    )
    return "" if country and met_there and not named else country


def extraction_write(
    *,
    article: Article,
    extraction: Extraction,
    index: OfficialIndex,
    counts: Counter,
    prefer: Collection[int] = (),
    pending: _PendingRows | None = None,
) -> set[int]:
    """Write what one article yields; the caller holds the transaction.

    ``prefer``: the officials an earlier version of the article named, whom
    its names resolve to first (an editor may have merged or split them).
    ``pending``: where its links and evidence wait to be stored with its group's.
    Returns the trips the article is now linked to.
    """
    writer = _TripWriter(
        article=article, index=index, counts=counts, prefer=prefer, pending=pending
    )
    on = article.published
    officials: dict[str, Official] = {}
    for extracted in extraction.officials:
        official = official_resolve(
            name=extracted.name,
            title=extracted.title,
            country=_own_country(extracted, extraction),
            aliases=extracted.aliases,
            index=index,
            counts=counts,
            on=on,
            prefer=prefer,
        )
        officials[extracted.name] = official
        writer.evidence_for(extracted.evidence, Evidence.Fact.OFFICIAL, official=official)
    for trip in extraction.trips:
        for name in trip.travelers:
            if name not in officials:
                officials[name] = official_resolve(
                    name=name, index=index, counts=counts, on=on, prefer=prefer
                )
        writer.write(trip, officials)
    writer.finish()
    return set(writer.touched)


def _article_input(source: ArticleSource) -> ArticleInput:
    return ArticleInput(
        title=source.title,
        text=source.text,
        published=source.published,
        external_id=source.external_id,
        source=source.source,
        url=source.url,
    )


def article_import(
    *,
    source: ArticleSource,
    index: OfficialIndex | None = None,
    extraction: Extraction | None = None,
) -> ArticleOutcome:
    """Import one article in its own transaction.

    The same content again changes nothing. A new version of a known article
    (same id or URL, new text) first takes back what the old version
    contributed, then contributes anew. ``extraction`` is the article's
    extraction when the caller made it already (a batch parses together).
    """
    index = index or OfficialIndex()
    outcome = _article_outcome(source)
    previous = _article_found(source, outcome, _articles_known([source]))
    if outcome.status == "unchanged":
        return outcome
    if extraction is None:
        extraction = extract_article(_article_input(source))
    with transaction.atomic():
        touched = _article_write(source, previous, extraction, index, outcome)
        visit_totals_refresh(trip_ids=touched)
    return outcome


def _article_outcome(source: ArticleSource) -> ArticleOutcome:
    return ArticleOutcome(
        origin=source.origin,
        external_id=source.external_id,
        status="imported",
        warnings=source.warnings,
    )


def _articles_known(sources: list[ArticleSource]) -> list[Article]:
    """The stored articles that ``sources`` may repeat or be new versions of, in one read:
    those that share a content hash, an id or a URL with one of them."""
    known = Q(content_hash__in={s.content_hash for s in sources}) | Q(
        external_id__in={s.external_id for s in sources}
    )
    urls = {s.url for s in sources if s.url}
    if urls:
        known |= Q(url__in=urls)
    return list(Article.objects.filter(known).defer(*Article.BODY))


def _article_found(
    source: ArticleSource, outcome: ArticleOutcome, known: list[Article]
) -> Article | None:
    """The earlier version of the article among ``known``, if any; an identical one
    marks it unchanged.

    Each of the three is unique (the URL when present), so at most one article
    matches each.
    """
    found = [
        a
        for a in known
        if a.content_hash == source.content_hash
        or a.external_id == source.external_id
        or (source.url and a.url == source.url)
    ]
    same = next((a for a in found if a.content_hash == source.content_hash), None)
    if same is not None:
        outcome.status, outcome.article_id = "unchanged", same.pk
        return None
    previous = next((a for a in found if a.external_id == source.external_id), None)
    return previous or next((a for a in found if source.url and a.url == source.url), None)


def _article_write(
    source: ArticleSource,
    previous: Article | None,
    extraction: Extraction,
    index: OfficialIndex,
    outcome: ArticleOutcome,
    known: list[Article] | None = None,
    pending: _PendingRows | None = None,
) -> set[int]:
    """Write one article; return the trips it touched (none if it failed).

    Without ``pending``, in a savepoint: a failure rolls back this article
    alone and is told in ``outcome``. With it, in the caller's transaction,
    and a failure is raised (``_articles_group_import`` then writes the group
    again without it). A new article joins ``known``, the group's articles
    (``_articles_known``).
    """
    outcome.warnings += extraction.warnings
    if pending is not None:
        article, touched = _article_contribute(
            source, previous, extraction, index, outcome, pending
        )
    else:
        try:
            with transaction.atomic():
                article, touched = _article_contribute(source, previous, extraction, index, outcome)
        except ValidationError as error:
            index.invalidate()
            outcome.status, outcome.message = "failed", _validation_message(error)
            return set()
        except DatabaseError as error:
            index.invalidate()
            outcome.status, outcome.message = "failed", f"database refused the article: {error}"
            return set()
    if known is not None and previous is None:
        known.append(article)
    return touched


def _article_contribute(
    source: ArticleSource,
    previous: Article | None,
    extraction: Extraction,
    index: OfficialIndex,
    outcome: ArticleOutcome,
    pending: _PendingRows | None = None,
) -> tuple[Article, set[int]]:
    """Store the article and what it yields, in place of its earlier version's."""
    if previous is not None and pending is not None:
        # The earlier version's evidence and links are read and taken back:
        # the group's so far must be in the tables first.
        pending.flush()
    named = officials_named(article_ids=[previous.pk])[previous.pk] if previous else set()
    touched = _article_trip_ids(previous) if previous else set()
    article = _article_save(source, previous, outcome, index)
    # A new version's links went with the retraction: the trips
    # written now are all the article's.
    touched |= extraction_write(
        article=article,
        extraction=extraction,
        index=index,
        counts=outcome.counts,
        prefer=named,
        pending=pending,
    )
    return article, touched


def _articles_group_import(
    group: list[tuple[ArticleSource, Extraction]], index: OfficialIndex
) -> list[ArticleOutcome]:
    """Import a group of articles in one transaction.

    An article that fails rolls back alone (its outcome names it); the
    stored totals are brought up to date once for the whole group. The
    group is first written with no savepoints and its articles' links and
    evidence in one statement each (``_PendingRows``); only if that fails is
    it rolled back whole and written again an article a savepoint, which
    tells the failing article apart.
    """
    try:
        return _articles_group_write(group, index, pending=_PendingRows())
    except (ValidationError, DatabaseError):
        # Rolled back: so are the officials the index learnt from the group.
        index.invalidate()
    return _articles_group_write(group, index)


def _articles_group_write(
    group: list[tuple[ArticleSource, Extraction]],
    index: OfficialIndex,
    pending: _PendingRows | None = None,
) -> list[ArticleOutcome]:
    outcomes = []
    touched: set[int] = set()
    sources = [source for source, _ in group]
    try:
        with transaction.atomic():
            # One read for the group; each new article written joins it, and
            # an earlier version updated is the same object, changed.
            known = _articles_known(sources)
            for n, (source, extraction) in enumerate(group):
                outcome = _article_outcome(source)
                previous = _article_found(source, outcome, known)
                if outcome.status != "unchanged":
                    touched |= _article_write(
                        source, previous, extraction, index, outcome, known, pending
                    )
                if outcome.status == "failed":
                    # Rolled back: what the list holds of it may no longer be so.
                    known = _articles_known(sources[n + 1 :])
                outcomes.append(outcome)
            if pending is not None:
                pending.flush()
            visit_totals_refresh(trip_ids=touched)
    except DatabaseError:
        # The group is gone: so are the officials the index learnt from it.
        index.invalidate()
        raise
    return outcomes


def _article_trip_ids(article: Article) -> set[int]:
    """The article's trips, and those of the meetings it supports (their counts may move)."""
    return set(
        Trip.articles.through.objects.filter(article_id=article.pk).values_list(
            "trip_id", flat=True
        )
    ) | set(
        Evidence.objects.filter(article_id=article.pk, meeting__isnull=False).values_list(
            "meeting__trip_id", flat=True
        )
    )


def _article_save(
    source: ArticleSource, previous: Article | None, outcome: ArticleOutcome, index: OfficialIndex
) -> Article:
    fields = {
        "external_id": source.external_id[:200],
        "title": source.title[:500],
        "url": source.url[:1000],
        "source": source.source[:200],
        "published": source.published,
        "text": source.text,
        "content_hash": source.content_hash,
    }
    if previous is not None:
        _article_retract(previous)
        # The retraction may have deleted officials the index still holds.
        index.invalidate()
        for key, value in fields.items():
            setattr(previous, key, value)
        previous.full_clean(validate_unique=False, validate_constraints=False)
        previous.save()
        outcome.status, outcome.article_id = "updated", previous.pk
        return previous
    article = Article(**fields)
    article.full_clean(validate_unique=False, validate_constraints=False)
    article.save()
    outcome.article_id = article.pk
    return article


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{key}: {' '.join(msgs)}" for key, msgs in error.message_dict.items())
    return " ".join(error.messages)


def articles_import(
    *,
    sources: Iterable[ArticleSource],
    on_outcome: Callable[[ArticleOutcome], None] | None = None,
    extractions: Iterable[Extraction] | None = None,
) -> ImportReport:
    """Import a batch, oldest publication first so each trip's status ends current.

    ``extractions``, one per source in the order given, when the caller made
    them already (the import benchmark times the writes alone that way).
    """
    sources = list(sources)
    if extractions is None:
        ordered = sorted(sources, key=_publication_order)
        # The parser reads articles fastest in batches (nlp.pipe), and ahead
        # of the writes, in a thread: it parses while they wait on the database.
        extracted = read_ahead(extract_articles(_article_input(source) for source in ordered))
        pairs = zip(ordered, extracted, strict=True)
    else:
        given = sorted(
            zip(sources, extractions, strict=True), key=lambda p: _publication_order(p[0])
        )
        pairs = iter(given)
    index = OfficialIndex()
    report = ImportReport()
    # The writes commit a group at a time.
    while group := list(islice(pairs, IMPORT_GROUP)):
        for outcome in _articles_group_import(group, index):
            report.outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    counts = report.counts
    if counts["imported"] + counts["updated"] >= ANALYZE_AFTER:
        trips, officials = counts["trips_created"], counts["officials_created"]
        tables_analyze(
            added={
                Trip: trips,
                Trip.officials.through: trips,
                Trip.articles.through: counts["imported"],
                Stop: counts["stops_created"],
                Meeting: counts["meetings_created"],
                Meeting.participants.through: counts["meetings_created"],
                Official: officials,
                Article: counts["imported"],
                Evidence: counts["evidence_created"],
                TripCountryVisits: trips,
                TripTravellersSeen: trips,
                TripStopCount: trips,
                OfficialTotals: officials,
            }
        )
    return report


# Articles written in one transaction: the commit, the stored totals' upkeep
# and the savepoints' overhead are paid once a group.
IMPORT_GROUP = 50

# A batch this large may change the tables' sizes enough to mislead the planner.
ANALYZE_AFTER = 200
_ANALYZED = (
    Trip,
    Trip.officials.through,
    Trip.articles.through,
    Stop,
    Meeting,
    Meeting.participants.through,
    Official,
    Article,
    Evidence,
    TripCountryVisits,
    TripTravellersSeen,
    TripStopCount,
    OfficialTotals,
)


def _publication_order(source: ArticleSource) -> tuple:
    return (source.published is None, source.published or date.min)


def tables_analyze(*, added: dict | None = None) -> None:
    """Refresh PostgreSQL's statistics of the tables an import writes (nothing elsewhere).

    Autovacuum analyses a table only after a share of it changed, and never
    inside the batch that filled an empty database: until then the planner
    guesses from the empty tables (a hash join over all stops for a lookup
    of a few rows). ``added``: the rows the batch added to each table (by
    model); then only the tables it grew by a tenth or more are analysed
    (autovacuum's own share, ``autovacuum_analyze_scale_factor``), so a batch
    into a large database does not pay for sampling tables it barely
    changed. Without it, every table.
    """
    if connection.vendor != "postgresql":
        return
    models = list(_ANALYZED)
    with connection.cursor() as cursor:
        if added is not None:
            names = {m._meta.db_table: m for m in models}
            # reltuples: the rows at the last ANALYZE or VACUUM; -1 when never.
            cursor.execute(
                "SELECT relname, reltuples FROM pg_class"
                " WHERE relname = ANY(%s) AND pg_table_is_visible(oid)",
                [list(names)],
            )
            sizes = {names[name]: rows for name, rows in cursor.fetchall()}
            models = [m for m in models if sizes.get(m, -1) < 0 or added.get(m, 0) >= sizes[m] / 10]
        if models:
            tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
            cursor.execute(f"ANALYZE {tables}")


# ---------------------------------------------------------------- identity


def _kept_apart(a: Official, b: Official) -> bool:
    first, second = sorted((a.pk, b.pk))
    return OfficialsKeptApart.objects.filter(first_id=first, second_id=second).exists()


@transaction.atomic
def official_merge(
    *, source: Official, target: Official, by_person: bool = True, refresh: bool = True
) -> Official:
    """Fold ``source`` into ``target``: two officials found to be one person.

    The trips they made, the meetings they took part in, the evidence that
    names them and their names (as aliases) move to ``target``, which fills
    a blank title, country or record id from ``source``. The slug of
    ``source`` redirects to ``target`` from then on. ``by_person`` marks the
    result edited by a person, so imports keep it. Refused (``ValidationError``)
    for two people of the official record and for a pair an editor split.
    ``refresh=False`` leaves the refresh of their trips to the caller
    (``officials_refresh``), who merges many.
    """
    if source.pk == target.pk:
        raise ValidationError("An official cannot be merged into itself.")
    if source.record_id and target.record_id and source.record_id != target.record_id:
        raise ValidationError(
            f"The official record keeps {source.name} ({source.record_id}) and "
            f"{target.name} ({target.record_id}) apart as two people."
        )
    if _kept_apart(source, target):
        raise ValidationError(
            f"An editor split {source.name} and {target.name} into two people; "
            "merging them again is refused."
        )
    trip_ids = set(
        Trip.officials.through.objects.filter(official=source).values_list("trip_id", flat=True)
    )
    _move_links(Trip.officials.through, "trip_id", source, target)
    _move_links(Meeting.participants.through, "meeting_id", source, target)
    trip_ids |= set(Meeting.objects.filter(participants=target).values_list("trip_id", flat=True))
    Evidence.objects.filter(official=source).update(official=target)
    for pair in OfficialsKeptApart.objects.filter(Q(first=source) | Q(second=source)):
        other = pair.second_id if pair.first_id == source.pk else pair.first_id
        if other != target.pk:
            first, second = sorted((other, target.pk))
            OfficialsKeptApart.objects.get_or_create(
                first_id=first, second_id=second, defaults={"note": pair.note}
            )
    OfficialFormerSlug.objects.filter(official=source).update(official=target)
    old_slug, names = source.slug, [source.name, *source.aliases]
    fills = {
        "title": target.title or source.title,
        "country": target.country or source.country,
        "record_id": target.record_id or source.record_id,
    }
    source.delete()
    OfficialFormerSlug.objects.create(slug=old_slug, official=target)
    if len(name_words(target.name)) < 2 <= len(name_words(source.name)):
        # The surname the sources first gave gives way to the full name.
        target.aliases = [target.name, *target.aliases]
        target.name = source.name
    target.aliases = _unique_aliases(target.name, names, target.aliases)
    for key, value in fills.items():
        setattr(target, key, value)
    target.edited_by_person = target.edited_by_person or by_person
    target.full_clean(validate_unique=False, validate_constraints=False)
    target.save()
    if refresh:
        _identity_changed(
            trip_ids=trip_ids,
            official_ids=[target.pk],
            renamed={name: target.name for name in names},
        )
    return target


def _move_links(through, other_field: str, source: Official, target: Official) -> None:
    """Point ``source``'s rows of a many-to-many table at ``target``, once each."""
    held = through.objects.filter(official=target).values_list(other_field, flat=True)
    through.objects.filter(official=source).exclude(**{f"{other_field}__in": held}).update(
        official=target
    )
    through.objects.filter(official=source).delete()


@transaction.atomic
def official_split(
    *,
    official: Official,
    name: str,
    title: str = "",
    country: str = "",
    record_id: str = "",
    trips: Iterable[Trip] = (),
    meetings: Iterable[Meeting] = (),
    aliases: Iterable[str] = (),
    note: str = "",
    by_person: bool = True,
) -> Official:
    """Take a second person out of ``official``, wrongly merged into it; return them.

    ``trips`` (made by ``official``), ``meetings`` (they took part in) and
    ``aliases`` (theirs) go to the new official, and so does the evidence of
    the articles that only those trips and meetings come from (evidence of
    articles both people appear in is copied). The record's id may move to
    the new person. The two are kept apart from then on (imports and repairs
    never merge them again) and, with ``by_person``, marked edited by a person.
    """
    trips, meetings, aliases = list(trips), list(meetings), [" ".join(a.split()) for a in aliases]
    name = " ".join(name.split())
    errors: dict[str, list[str]] = defaultdict(list)
    if not name:
        errors["name"].append("Name the other person.")
    own_trips = set(official.trips.values_list("pk", flat=True))
    own_meetings = set(official.meetings.values_list("pk", flat=True))
    if any(t.pk not in own_trips for t in trips):
        errors["trips"].append(f"Only trips of {official.name} can move.")
    if any(m.pk not in own_meetings for m in meetings):
        errors["meetings"].append(f"Only meetings {official.name} took part in can move.")
    if any(a not in official.aliases for a in aliases):
        errors["aliases"].append(f"Only names {official.name} is known by can move.")
    if not (trips or meetings or aliases):
        errors["__all__"].append("Choose the trips, meetings or names of the other person.")
    if record_id and Official.objects.filter(record_id=record_id).exclude(pk=official.pk).exists():
        errors["record_id"].append(f"Another official has the record id {record_id}.")
    if errors:
        raise ValidationError(dict(errors))
    if record_id and record_id == official.record_id:
        official.record_id = ""  # the record's id belongs to the other person
    official.aliases = [a for a in official.aliases if a not in aliases]
    official.edited_by_person = official.edited_by_person or by_person
    official.save(update_fields=["record_id", "aliases", "edited_by_person", "updated_at"])
    other = Official(
        name=name[:200],
        title=title[:200],
        country=country.upper(),
        record_id=record_id,
        aliases=_unique_aliases(name, aliases, []),
        edited_by_person=by_person,
        slug=free_slug(name),
    )
    other.full_clean(validate_unique=False, validate_constraints=False)
    other.save()
    trip_ids = [t.pk for t in trips]
    meeting_ids = [m.pk for m in meetings]
    Trip.officials.through.objects.filter(official=official, trip_id__in=trip_ids).update(
        official=other
    )
    Meeting.participants.through.objects.filter(
        official=official, meeting_id__in=meeting_ids
    ).update(official=other)
    moved = _source_articles(trip_ids, meeting_ids)
    kept = _source_articles(own_trips - set(trip_ids), own_meetings - set(meeting_ids))
    named = Evidence.objects.filter(official=official)
    named.filter(article_id__in=moved - kept).update(official=other)
    Evidence.objects.bulk_create(
        [
            Evidence(
                article_id=e.article_id,
                fact=e.fact,
                sentence=e.sentence,
                start_offset=e.start_offset,
                end_offset=e.end_offset,
                official=other,
            )
            for e in named.filter(article_id__in=moved & kept)
        ]
    )
    first, second = sorted((official.pk, other.pk))
    OfficialsKeptApart.objects.create(first_id=first, second_id=second, note=note)
    _identity_changed(
        trip_ids=set(trip_ids)
        | set(Meeting.objects.filter(pk__in=meeting_ids).values_list("trip_id", flat=True)),
        renamed={official.name: other.name},
    )
    return other


def _source_articles(trip_ids: Iterable[int], meeting_ids: Iterable[int]) -> set[int]:
    """The articles that report these trips and meetings."""
    trips = Trip.articles.through.objects.filter(trip_id__in=list(trip_ids))
    meetings = Evidence.objects.filter(meeting_id__in=list(meeting_ids))
    return set(trips.values_list("article_id", flat=True)) | set(
        meetings.values_list("article_id", flat=True)
    )


def officials_refresh(
    *, official_ids: Iterable[int], renamed: dict[str, str] | None = None
) -> None:
    """Refresh the trips of these officials after their identity changed (``_identity_changed``).

    ``renamed`` maps names that gave way to the names kept (after merges).
    """
    official_ids = list(official_ids)
    trip_ids = set(
        Trip.officials.through.objects.filter(official_id__in=official_ids).values_list(
            "trip_id", flat=True
        )
    ) | set(Meeting.objects.filter(participants__in=official_ids).values_list("trip_id", flat=True))
    _identity_changed(trip_ids=trip_ids, official_ids=official_ids, renamed=renamed)


def _identity_changed(
    *,
    trip_ids: Iterable[int],
    official_ids: Iterable[int] = (),
    renamed: dict[str, str] | None = None,
) -> None:
    """Refresh what hangs on who took part in which trips, after a merge or a split.

    The one place to do it: trips whose travellers or counterparts changed
    get a new ``updated_at``, so feeds and calendars show them as changed; a
    title that opens with a name the change replaced (``renamed``: old name
    -> new, "Thatcher to Bermuda") names the person now, unless an editor
    wrote it; the trips of merged officials are matched with the record
    again (a news trip and the record's account of it, once under two
    officials, become one). Stored counts of officials' trips and countries'
    visits are refreshed here too (``trips.totals``).
    """
    from trips.reconcile import trips_reconcile  # reconcile is built on this module

    trips = list(Trip.objects.filter(pk__in=list(trip_ids)).only("pk", "title", "edited_by_person"))
    retitled = []
    for trip in trips:
        for old, new in (renamed or {}).items():
            if not trip.edited_by_person and old != new and trip.title.startswith(f"{old} "):
                trip.title = f"{new}{trip.title[len(old) :]}"[:300]
                retitled.append(trip)
                break
    Trip.objects.bulk_update(retitled, ["title"])
    Trip.objects.filter(pk__in=[t.pk for t in trips]).update(updated_at=timezone.now())
    official_ids = list(official_ids)
    # The travellers' totals; a merged trip's are refreshed by trip_absorb.
    visit_totals_refresh(trip_ids=[t.pk for t in trips], official_ids=official_ids)
    if official_ids:
        trips_reconcile(official_ids=official_ids)
