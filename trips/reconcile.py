"""The official record beside the news: import it, link its journeys, compare.

``record_import`` writes the Office of the Historian's travel records (read
by ``trips.record``) as sources: one ``Article`` of kind ``record`` per
record, one Trip per journey, its stops and meetings, and the evidence that
ties every fact to the record's sentence. A journey the news already reported
(same traveller, overlapping dates) is linked into that trip instead of
becoming a second one. ``trips_reconcile`` runs the same matching over the
whole database. ``trip_agreement`` says, for one trip, which stops the record
confirms, which only the news has, which only the record has, and where the
dates differ.

Rows an editor changed (``edited_by_person``) are never overwritten or
deleted.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.db.models import Prefetch, QuerySet

from trips.countries import country_name
from trips.extraction.names import name_words
from trips.extraction.types import Span
from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.record import (
    MAX_GAP_DAYS,
    Counterpart,
    Journey,
    ParsedRecord,
    fold,
    group_journeys,
    parse_record,
    read_path,
)
from trips.services import (
    ANALYZE_AFTER,
    OfficialIndex,
    assign_changed,
    official_resolve,
    officials_named,
    tables_analyze,
    trip_follow_record,
)
from trips.totals import visit_totals_refresh

RECORD_SOURCE = "Office of the Historian"

# Dates a day apart still overlap: the record and the news count days in
# different time zones, and a news trip "ends" on the day of the last talks.
DATE_TOLERANCE_DAYS = 1

# A trip reported without dates is the journey to one of its countries that
# begins within this many days after the report (an announcement) or before
# it (a report from the road or just after).
PLANNED_WINDOW_DAYS = 60
REPORTED_AFTER_DAYS = 30

_BATCH = 1000
# Journeys written per round of bulk queries (and per step of the progress bar).
_JOURNEY_BATCH = 200


# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class TripSketch:
    """What matching needs to know of a trip, read in bulk."""

    pk: int
    officials: frozenset[int]
    start: date | None
    end: date | None
    countries: frozenset[str]
    announced: date | None = None  # publication date of its latest source


def journeys_match(
    *,
    travellers: frozenset[int],
    start: date,
    end: date,
    countries: frozenset[str],
    trip: TripSketch,
) -> bool:
    """Whether a recorded journey and a trip are the same journey.

    They share a traveller and their dates overlap (give or take a day); a
    trip reported without dates matches a journey to one of its countries
    that starts up to ``PLANNED_WINDOW_DAYS`` after the report or
    ``REPORTED_AFTER_DAYS`` before it. When both
    name countries, they must share one: a trip to Beijing called off while
    the traveller went to Brussels those days is another journey.
    """
    if not travellers & trip.officials:
        return False
    if countries and trip.countries and not countries & trip.countries:
        return False
    slack = timedelta(days=DATE_TOLERANCE_DAYS)
    if trip.start or trip.end:
        first = trip.start or trip.end
        last = trip.end or trip.start
        return first <= end + slack and last >= start - slack
    if not trip.announced or not countries & trip.countries:
        return False
    earliest = trip.announced - timedelta(days=REPORTED_AFTER_DAYS)
    return earliest <= start <= trip.announced + timedelta(days=PLANNED_WINDOW_DAYS)


def _sketches(trips: QuerySet, edited: set[int] | None = None) -> list[TripSketch]:
    """Sketches of these trips, in their order, read as plain values: three
    queries, and no model instance for the thousands of trips and stops.

    ``edited`` receives the ids of the trips an editor changed.
    """
    rows = list(
        trips.values_list("pk", "start_date", "end_date", "status_as_of", "edited_by_person")
    )
    chosen = trips.values("pk")
    officials: dict[int, set[int]] = defaultdict(set)
    for trip_id, official_id in Trip.officials.through.objects.filter(
        trip_id__in=chosen
    ).values_list("trip_id", "official_id"):
        officials[trip_id].add(official_id)
    countries: dict[int, set[str]] = defaultdict(set)
    for trip_id, country in (
        Stop.objects.filter(trip_id__in=chosen).order_by().values_list("trip_id", "country")
    ):
        countries[trip_id].add(country)
    if edited is not None:
        edited |= {pk for pk, *_, by_person in rows if by_person}
    return [
        TripSketch(
            pk=pk,
            officials=frozenset(officials[pk]),
            start=start,
            end=end,
            countries=frozenset(countries[pk]),
            announced=as_of,
        )
        for pk, start, end, as_of, _ in rows
    ]


def _news_trips(official_ids: Iterable[int]) -> list[TripSketch]:
    """Trips of these officials that the record does not yet confirm."""
    trips = (
        Trip.objects.unverified()
        .exclude(status=Trip.Status.CANCELLED)
        .filter(officials__in=list(official_ids))
        .distinct()
    )
    return _sketches(trips)


# ---------------------------------------------------------------- absorbing


def _same_place(a_country: str, a_city: str, b_country: str, b_city: str) -> bool:
    if a_country != b_country:
        return False
    return not a_city or not b_city or fold(a_city) == fold(b_city)


def _best_date(stop: Stop) -> date | None:
    return stop.arrive_date or stop.recorded_arrive or stop.depart_date or stop.recorded_depart


def _renumber(stops: list[Stop]) -> None:
    """Give ``stops`` the orders 1..n in list order, keeping (trip, order) unique."""
    moved = [s for position, s in enumerate(stops, 1) if s.order != position]
    if not moved:
        return
    for stop in moved:
        stop.order += 10_000
    Stop.objects.bulk_update(moved, ["order"])
    for position, stop in enumerate(stops, 1):
        stop.order = position
    Stop.objects.bulk_update(moved, ["order"])


def _travel_order(stops: list[Stop]) -> list[Stop]:
    """Stops by date; an undated stop keeps its place after the stop it followed."""
    keyed: list[tuple[date, int, Stop]] = []
    last = date.min
    for position, stop in enumerate(stops):
        last = _best_date(stop) or last
        keyed.append((last, position, stop))
    return [stop for *_, stop in sorted(keyed, key=lambda k: (k[0], k[1]))]


def trip_absorb(
    *,
    target: Trip,
    source: Trip,
    counts: Counter | None = None,
    touched: set[int] | None = None,
) -> Trip:
    """Fold ``source`` into ``target``: one journey, one trip with both kinds of source.

    Stops at the same place become one stop that keeps the target's values
    and takes the record's dates and any blank the source can fill; the
    other stops, the meetings, the evidence, the sources and the travellers
    move over. Editors' rows keep their values. ``source`` is deleted.
    The stored totals are brought up to date here, unless ``touched`` is
    given: the two trips join it, and the caller refreshes them once for
    all the trips it absorbed (in the same transaction).
    """
    if source.edited_by_person:
        raise ValueError(f"trip {source.pk} was edited by a person and is kept as it is")
    # No savepoint of its own: nothing rolls back part of a trip, and a
    # caller that absorbs hundreds (reconcile) would pay two statements each.
    with transaction.atomic(savepoint=False):
        _absorb(target, source, counts if counts is not None else Counter(), touched)
    return target


def _absorb(target: Trip, source: Trip, counts: Counter, touched: set[int] | None) -> None:
    # Both trips' stops in one read.
    stops = list(Stop.objects.filter(trip_id__in=[target.pk, source.pk]).order_by("order"))
    target_stops = [stop for stop in stops if stop.trip_id == target.pk]
    unused = list(target_stops)
    stop_updates: list[Stop] = []
    moved_stops: list[Stop] = []
    stop_map: dict[int, int] = {}  # source stop -> target stop it merged into
    for stop in (stop for stop in stops if stop.trip_id == source.pk):
        match = next(
            (t for t in unused if _same_place(t.country, t.city, stop.country, stop.city)), None
        )
        if match is None:
            moved_stops.append(stop)
            continue
        unused.remove(match)
        stop_map[stop.pk] = match.pk
        if not match.edited_by_person and _fill_stop(match, stop):
            stop_updates.append(match)
    # Evidence and meetings follow their stops before the merged stops go.
    for source_pk, target_pk in stop_map.items():
        Evidence.objects.filter(stop_id=source_pk).update(stop_id=target_pk)
        Meeting.objects.filter(stop_id=source_pk).update(stop_id=target_pk)
    if stop_updates:
        Stop.objects.bulk_update(
            stop_updates,
            [
                "city",
                "latitude",
                "longitude",
                "arrive_date",
                "depart_date",
                "recorded_arrive",
                "recorded_depart",
                "notes",
            ],
        )
    Stop.objects.filter(pk__in=stop_map).delete()
    counts["stops_confirmed"] += len(stop_map)
    if moved_stops:
        top = max((s.order for s in target_stops), default=0)
        for offset, stop in enumerate(moved_stops, 1):
            stop.trip = target
            stop.order = top + 10_000 + offset
        Stop.objects.bulk_update(moved_stops, ["trip", "order"])
    all_stops = target_stops + moved_stops
    if not any(s.edited_by_person for s in target_stops):
        all_stops = _travel_order(all_stops)
    _renumber(all_stops)

    _absorb_meetings(target, source)
    Evidence.objects.filter(trip=source).update(trip=target)
    # The source's links move over, but those the target has already, which
    # go with the source: an UPDATE each, where .add() reads the rows first.
    links = ((Trip.articles.through, "article_id"), (Trip.officials.through, "official_id"))
    for through, column in links:
        kept = through.objects.filter(trip_id=target.pk).values(column)
        through.objects.filter(trip_id=source.pk).exclude(**{f"{column}__in": kept}).update(
            trip_id=target.pk
        )
    # As .add() would, drop what the target had prefetched of them.
    for name in ("articles", "officials"):
        getattr(target, "_prefetched_objects_cache", {}).pop(name, None)
    if not target.edited_by_person:
        # ``all_stops`` are the target's stops now, in their order.
        _fill_trip(target, source, all_stops)
    source_pk = source.pk
    source.delete()
    if touched is None:
        visit_totals_refresh(trip_ids={target.pk, source_pk})
    else:
        touched |= {target.pk, source_pk}
    counts["trips_linked"] += 1


def _fill_stop(stop: Stop, other: Stop) -> bool:
    """Copy onto ``stop`` the record's dates and what it lacks; True if anything changed."""
    recorded = other.recorded_arrive is not None or other.recorded_depart is not None
    values = {
        # The record's pair of dates is taken whole, so it stays in order.
        "recorded_arrive": other.recorded_arrive if recorded else stop.recorded_arrive,
        "recorded_depart": other.recorded_depart if recorded else stop.recorded_depart,
        "city": stop.city or other.city,
        "latitude": stop.latitude if stop.latitude is not None else other.latitude,
        "longitude": stop.longitude if stop.longitude is not None else other.longitude,
        "notes": stop.notes or other.notes,
    }
    if stop.arrive_date is None and stop.depart_date is None:
        values["arrive_date"] = other.arrive_date
        values["depart_date"] = other.depart_date
    return assign_changed(stop, values)


def _absorb_meetings(target: Trip, source: Trip) -> None:
    """Move the source's meetings over; one with a person the target already met merges."""
    # Both trips' meetings in one read (and their participants in another).
    both = list(
        Meeting.objects.filter(trip_id__in=[target.pk, source.pk]).prefetch_related("participants")
    )
    existing = [m for m in both if m.trip_id == target.pk]
    people_of = {m.pk: {p.pk for p in m.participants.all()} for m in existing}
    moving: list[int] = []
    for meeting in (m for m in both if m.trip_id == source.pk):
        people = {p.pk for p in meeting.participants.all()}
        same = next((m for m in existing if people and people & people_of[m.pk]), None)
        if same is not None and not meeting.edited_by_person:
            Evidence.objects.filter(meeting=meeting).update(meeting_id=same.pk)
            if not same.edited_by_person and (same.stop_id is None or same.date is None):
                # The record places and dates a meeting the news left open.
                same.stop_id = same.stop_id or meeting.stop_id
                same.date = same.date or meeting.date
                same.save(update_fields=["stop", "date"])
            meeting.delete()
        else:
            moving.append(meeting.pk)
    Meeting.objects.filter(pk__in=moving).update(trip=target)


def _fill_trip(target: Trip, source: Trip, stops: list[Stop]) -> None:
    """Fill the target's blanks from the source; ``stops``: the target's, in order."""
    changed = []
    kept = target.reported_start is not None or target.reported_end is not None
    # The news trip's dates, before the record's fill them: what the news said.
    news_dates = (
        (target.reported_start, target.reported_end)
        if kept
        else (target.start_date, target.end_date)
    )
    start = target.start_date or source.start_date
    end = target.end_date or source.end_date
    if start and end and end < start:
        # The news' one date and the record's other do not fit: keep the record's pair.
        start, end = source.start_date, source.end_date
    if (start, end) != (target.start_date, target.end_date):
        target.start_date, target.end_date = start, end
        changed += ["start_date", "end_date"]
    # The record says the journey took place.
    if target.status != Trip.Status.COMPLETED and source.status == Trip.Status.COMPLETED:
        target.status = Trip.Status.COMPLETED
        changed.append("status")
    as_of = max(filter(None, (target.status_as_of, source.status_as_of)), default=None)
    if as_of != target.status_as_of:
        target.status_as_of = as_of
        changed.append("status_as_of")
    if source.summary and source.summary not in target.summary:
        target.summary = f"{target.summary}\n{source.summary}".strip()
        changed.append("summary")
    # The record confirms the trip: its dates and title now follow the record.
    changed += trip_follow_record(
        target,
        stops=stops,
        travellers=[official.name for official in target.officials.all()],
        reported=news_dates,
    )
    if changed:
        target.save(update_fields=[*dict.fromkeys(changed), "updated_at"])


# ---------------------------------------------------------------- import


@dataclass
class RecordImportReport:
    files: int = 0
    records: int = 0
    journeys: int = 0
    counts: Counter = field(default_factory=Counter)


def _retract(article_ids: Sequence[int]) -> set[int]:
    """Take back what these record articles contributed, keeping editors' rows.

    Returns the trips they were sources of (some now deleted) and those of the meetings they
    supported, for the totals.
    """
    stop_ids = set(
        Evidence.objects.filter(article_id__in=article_ids, stop__isnull=False).values_list(
            "stop_id", flat=True
        )
    )
    meetings = dict(
        Evidence.objects.filter(article_id__in=article_ids, meeting__isnull=False).values_list(
            "meeting_id", "meeting__trip_id"
        )
    )
    meeting_ids = set(meetings)
    trip_ids = set(
        Trip.articles.through.objects.filter(article_id__in=article_ids).values_list(
            "trip_id", flat=True
        )
    )
    Evidence.objects.filter(article_id__in=article_ids).delete()
    Trip.articles.through.objects.filter(article_id__in=article_ids).delete()
    Stop.objects.filter(pk__in=stop_ids, edited_by_person=False, evidence__isnull=True).delete()
    Meeting.objects.filter(
        pk__in=meeting_ids, edited_by_person=False, evidence__isnull=True
    ).delete()
    orphans = (
        Trip.objects.filter(pk__in=trip_ids, edited_by_person=False, articles__isnull=True)
        .exclude(stops__edited_by_person=True)
        .exclude(meetings__edited_by_person=True)
    )
    orphans.delete()
    # With the trips of the meetings they supported: their meeting counts may move.
    return trip_ids | set(meetings.values())


class _JourneyWriter:
    """Builds the unsaved rows of many journeys, then saves them in a few bulk queries."""

    def __init__(self, *, articles: dict[str, Article], counts: Counter) -> None:
        self.articles = articles
        self.counts = counts
        self.index = OfficialIndex()
        self.people: dict[tuple, Official] = {}

    @staticmethod
    def _traveller_key(journey: Journey) -> tuple:
        person = journey.traveller
        return ("traveller", journey.record_id, person.name, person.title, person.country)

    @staticmethod
    def _counterpart_key(counterpart: Counterpart, day: date) -> tuple:
        return ("met", counterpart.name, counterpart.title, counterpart.country, day)

    def resolve_people(
        self, journeys: list[Journey], named_before: dict[str, set[int]] | None = None
    ) -> None:
        """Resolve every traveller and person met in ``journeys``, before anything is written.

        The record's people (by their id) go first, then full names, then
        surnames alone, each in date order: "Prime Minister Thatcher" is
        weighed against every Margaret Thatcher the import brings, whatever
        the order of the files. Each traveller's journeys widen the days the
        index knows them in office. ``named_before`` (record id -> officials)
        holds whom the earlier version of a changed record named: its people
        go back to them, as editors left them.
        """
        named_before = named_before or {}
        mentions: list[tuple[tuple, tuple, dict]] = []
        for journey in journeys:
            prefer = set().union(*(named_before.get(p.external_id, ()) for p in journey.records))
            person = journey.traveller
            mentions.append(
                (
                    (0 if journey.record_id else 1, journey.start),
                    self._traveller_key(journey),
                    {
                        "name": person.name,
                        "title": person.title,
                        "country": person.country,
                        "record_id": journey.record_id,
                        "on": journey.start,
                        "prefer": prefer,
                    },
                )
            )
            for visit in journey.visits:
                day = visit.primary.record.start
                place = visit.stops[0].country if visit.stops else ""
                for counterpart in visit.primary.counterparts:
                    full = len(name_words(counterpart.name)) > 1
                    mentions.append(
                        (
                            (2 if full else 3, day),
                            self._counterpart_key(counterpart, day),
                            {
                                "name": counterpart.name,
                                "title": counterpart.title,
                                "country": counterpart.country,
                                "on": day,
                                "met_in": place,
                                "prefer": prefer,
                            },
                        )
                    )
        for _, key, mention in sorted(mentions, key=lambda item: item[0]):
            official = self.people.get(key)
            if official is None:
                official = official_resolve(**mention, index=self.index, counts=self.counts)
                self.people[key] = official
            else:
                self.index.note(official, mention["on"], mention.get("met_in", ""))
        for journey in journeys:
            self.index.note(self.people[self._traveller_key(journey)], journey.end)

    def write(self, journeys: list[Journey]) -> list[tuple[Journey, Trip]]:
        travellers = [self.people[self._traveller_key(j)] for j in journeys]
        trips = [self._trip(j, t) for j, t in zip(journeys, travellers, strict=True)]
        for trip in trips:
            trip.full_clean(validate_unique=False, validate_constraints=False)
        Trip.objects.bulk_create(trips, batch_size=_BATCH)
        self.counts["trips_created"] += len(trips)

        trip_officials = []
        trip_articles = []
        stops: list[Stop] = []
        stop_sources: list[list[ParsedRecord]] = []
        meetings: list[Meeting] = []
        meeting_people: list[tuple[Official, ...]] = []
        meeting_sources: list[list[ParsedRecord]] = []
        evidence: list[Evidence] = []
        for journey, trip, traveller in zip(journeys, trips, travellers, strict=True):
            trip_officials.append(Trip.officials.through(trip_id=trip.pk, official_id=traveller.pk))
            first = journey.visits[0].primary
            evidence.append(self._evidence(first, first.visit, official=traveller))
            last = max(journey.visits, key=lambda v: v.end).primary
            evidence.append(self._evidence(first, first.visit, trip=trip, fact="trip_start"))
            evidence.append(self._evidence(last, last.visit, trip=trip, fact="trip_end"))
            for parsed in journey.records:
                trip_articles.append(
                    Trip.articles.through(trip_id=trip.pk, article_id=self._article(parsed).pk)
                )
                evidence.append(self._evidence(parsed, parsed.visit, trip=trip, fact="trip"))
            order = 0
            for visit in journey.visits:
                primary = visit.primary
                visit_stops: list[Stop] = []
                for place in visit.stops:
                    order += 1
                    stop = Stop(
                        trip=trip,
                        order=order,
                        country=place.country,
                        city=place.city,
                        latitude=place.latitude,
                        longitude=place.longitude,
                        arrive_date=place.arrive,
                        depart_date=place.depart,
                        recorded_arrive=place.arrive,
                        recorded_depart=place.depart,
                        notes=visit.notes if not visit_stops else "",
                    )
                    stops.append(stop)
                    stop_sources.append(list(visit.records))
                    visit_stops.append(stop)
                same_day = primary.record.start == primary.record.end
                for counterpart in primary.counterparts:
                    at = next(
                        (
                            s
                            for s in visit_stops
                            if counterpart.locale and fold(s.city) == fold(counterpart.locale)
                        ),
                        visit_stops[0] if visit_stops else None,
                    )
                    person = self.people[self._counterpart_key(counterpart, primary.record.start)]
                    meetings.append(
                        Meeting(
                            trip=trip,
                            stop=at,
                            date=primary.record.start if same_day else None,
                            description=primary.record.remarks,
                        )
                    )
                    meeting_people.append((person,))
                    meeting_sources.append(
                        [p for p in visit.records if p.remarks and counterpart in p.counterparts]
                        or [primary]
                    )
                    if primary.remarks:
                        evidence.append(self._evidence(primary, primary.remarks, official=person))

        for stop in stops:
            stop.full_clean(validate_unique=False, validate_constraints=False, exclude=["trip"])
        Stop.objects.bulk_create(stops, batch_size=_BATCH)
        self.counts["stops_created"] += len(stops)
        for stop, sources in zip(stops, stop_sources, strict=True):
            for parsed in sources:
                evidence.append(self._evidence(parsed, parsed.visit, stop=stop))
        for meeting in meetings:
            meeting.stop_id = meeting.stop.pk if meeting.stop else None
        Meeting.objects.bulk_create(meetings, batch_size=_BATCH)
        self.counts["meetings_created"] += len(meetings)
        participants = []
        for meeting, people, sources in zip(meetings, meeting_people, meeting_sources, strict=True):
            participants += [
                Meeting.participants.through(meeting_id=meeting.pk, official_id=p.pk)
                for p in people
            ]
            for parsed in sources:
                span = parsed.remarks or parsed.visit
                evidence.append(self._evidence(parsed, span, meeting=meeting))
        Meeting.participants.through.objects.bulk_create(participants, batch_size=_BATCH)
        Trip.officials.through.objects.bulk_create(trip_officials, batch_size=_BATCH)
        Trip.articles.through.objects.bulk_create(trip_articles, batch_size=_BATCH)
        Evidence.objects.bulk_create(evidence, batch_size=_BATCH)
        self.counts["evidence_created"] += len(evidence)
        return list(zip(journeys, trips, strict=True))

    def _article(self, parsed: ParsedRecord) -> Article:
        return self.articles[parsed.external_id]

    def _evidence(
        self, parsed: ParsedRecord, span: Span, *, fact: str | None = None, **target
    ) -> Evidence:
        kind = fact or next(iter(target))
        return Evidence(
            article=self._article(parsed),
            fact=kind,
            sentence=span.text,
            start_offset=span.start,
            end_offset=span.end,
            **target,
        )

    def _trip(self, journey: Journey, traveller: Official) -> Trip:
        places: list[str] = []
        for visit in journey.visits:
            for stop in visit.stops:
                place = stop.city or country_name(stop.country)
                if place not in places:
                    places.append(place)
        if len(places) > 4:
            where = ", ".join(places[:3]) + f" and {len(places) - 3} more"
        elif len(places) > 1:
            where = ", ".join(places[:-1]) + " and " + places[-1]
        else:
            where = places[0] if places else "an unplaced destination"
        unplaced = [
            f"{text} ({visit.primary.record.country_label or visit.primary.record.country_slug})"
            for visit in journey.visits
            for text in visit.primary.unplaced
        ]
        summary = f"Places the record names that could not be placed: {'; '.join(unplaced)}."
        modified = [p.record.modified for p in journey.records if p.record.modified]
        return Trip(
            title=f"{traveller.name} to {where}"[:300],
            status=Trip.Status.COMPLETED,
            start_date=journey.start,
            end_date=journey.end,
            summary=summary if unplaced else "",
            status_as_of=max(modified) if modified else journey.end,
        )


def _article_fields(parsed: ParsedRecord) -> dict:
    return {
        "kind": Article.Kind.RECORD,
        "external_id": parsed.external_id,
        "title": parsed.title,
        "url": "",
        "source": RECORD_SOURCE,
        "published": parsed.record.modified,
        "text": parsed.text,
        "content_hash": parsed.content_hash,
    }


def record_import(
    *,
    paths: Iterable[Path],
    max_gap_days: int = MAX_GAP_DAYS,
    visits: bool = False,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> RecordImportReport:
    """Import the official travel record from XML files or folders.

    Reads and groups everything first, in pure code; then, in one
    transaction, writes the journeys that are new or whose records changed
    (an unchanged journey is skipped), and links each to the news trip of the
    same journey when there is one. With ``visits``, foreign leaders' visits
    to the United States are read too (each a trip of that leader).
    ``on_total`` receives the number of journeys to write and ``progress``
    each batch written, for a progress bar.
    Raises ``ValueError`` naming the file and record on malformed input.
    """
    report = RecordImportReport()
    counts = report.counts
    parsed: list[ParsedRecord] = []
    for path in paths:
        records = read_path(Path(path), visits=visits)
        report.files += len({r.file for r in records})
        parsed += [parse_record(r) for r in records]
    report.records = len(parsed)
    journeys = group_journeys(parsed, max_gap_days=max_gap_days)
    report.journeys = len(journeys)
    counts["duplicates"] = sum(len(v.duplicates) for j in journeys for v in j.visits)
    counts["unmatched_locales"] = sum(
        1 for p in parsed for s in p.stops if s.city and not s.matched
    )
    counts["unplaced_locales"] = sum(len(p.unplaced) for p in parsed)

    known = {
        external_id: (pk, content_hash)
        for external_id, pk, content_hash in Article.objects.filter(
            kind=Article.Kind.RECORD
        ).values_list("external_id", "pk", "content_hash")
    }
    to_write: list[Journey] = []
    for journey in journeys:
        pairs = [(known.get(p.external_id), p) for p in journey.records]
        if all(state and state[1] == p.content_hash for state, p in pairs):
            counts["records_unchanged"] += len(journey.records)
            continue
        to_write.append(journey)
        for state, p in pairs:
            if state is None:
                counts["records_new"] += 1
            elif state[1] != p.content_hash:
                counts["records_changed"] += 1
            else:
                counts["records_unchanged"] += 1
    if on_total is not None:
        on_total(len(to_write))
    if not to_write:
        return report

    with transaction.atomic():
        records = [p for j in to_write for p in j.records]
        existing_ids = [known[p.external_id][0] for p in records if p.external_id in known]
        previous = _previous_trips(to_write, known)
        named = officials_named(article_ids=existing_ids)
        named_before = {
            p.external_id: named[known[p.external_id][0]] for p in records if p.external_id in known
        }
        retracted = _retract(existing_ids) if existing_ids else set()
        # A changed journey goes back into its trip if that trip outlived the
        # retraction (an editor's trip, or one the news also reports).
        alive = set(Trip.objects.filter(pk__in=previous.values()).values_list("pk", flat=True))
        forced = {index: pk for index, pk in previous.items() if pk in alive}
        articles = _save_articles(records, known)
        writer = _JourneyWriter(articles=articles, counts=counts)
        writer.resolve_people(to_write, named_before)
        written: list[tuple[Journey, Trip]] = []
        for start in range(0, len(to_write), _JOURNEY_BATCH):
            batch = to_write[start : start + _JOURNEY_BATCH]
            written += writer.write(batch)
            if progress is not None:
                progress(len(batch))
        touched = _link_to_news(written, forced, counts)
        visit_totals_refresh(trip_ids=retracted | touched | {trip.pk for _, trip in written})
    if len(to_write) >= ANALYZE_AFTER:
        tables_analyze()
    return report


def _previous_trips(journeys: list[Journey], known: dict) -> dict[int, int]:
    """The trip each journey (by position) was written into by an earlier import."""
    article_ids = {
        known[p.external_id][0]: index
        for index, journey in enumerate(journeys)
        for p in journey.records
        if p.external_id in known
    }
    previous: dict[int, int] = {}
    rows = Trip.articles.through.objects.filter(article_id__in=list(article_ids)).values_list(
        "article_id", "trip_id"
    )
    for article_id, trip_id in rows:
        previous.setdefault(article_ids[article_id], trip_id)
    return previous


def _save_articles(records: list[ParsedRecord], known: dict) -> dict[str, Article]:
    new: list[Article] = []
    changed: list[Article] = []
    for parsed in records:
        article = Article(**_article_fields(parsed))
        if parsed.external_id in known:
            article.pk = known[parsed.external_id][0]
            changed.append(article)
        else:
            new.append(article)
        article.full_clean(validate_unique=False, validate_constraints=False)
    if changed:
        Article.objects.bulk_update(
            changed, ["title", "source", "published", "text", "content_hash"], batch_size=_BATCH
        )
    Article.objects.bulk_create(new, batch_size=_BATCH)
    return {a.external_id: a for a in [*new, *changed]}


def _link_to_news(
    written: list[tuple[Journey, Trip]], forced: dict[int, int], counts: Counter
) -> set[int]:
    """Fold each new record trip into the trip of the same journey, if there is one.

    ``forced`` maps a journey's position to the trip an earlier import put it in.
    Returns the trips whose stored totals the caller is to refresh.
    """
    touched: set[int] = set()
    travellers = _officials_of([trip for _, trip in written])
    candidates = _news_trips({pk for ids in travellers.values() for pk in ids})
    for position, (journey, trip) in enumerate(written):
        target_pk = forced.get(position)
        if target_pk is None and candidates:
            match = _best_match(
                travellers=travellers.get(trip.pk, frozenset()),
                start=journey.start,
                end=journey.end,
                countries=journey.countries,
                candidates=candidates,
            )
            target_pk = match.pk if match else None
        if target_pk is not None:
            trip_absorb(
                target=Trip.objects.get(pk=target_pk), source=trip, counts=counts, touched=touched
            )
    return touched


def _officials_of(trips: list[Trip]) -> dict[int, frozenset[int]]:
    by_trip: dict[int, set[int]] = defaultdict(set)
    rows = Trip.officials.through.objects.filter(trip_id__in=[t.pk for t in trips]).values_list(
        "trip_id", "official_id"
    )
    for trip_id, official_id in rows:
        by_trip[trip_id].add(official_id)
    return {t.pk: frozenset(by_trip[t.pk]) for t in trips}


def _best_match(
    *,
    travellers: frozenset[int],
    start: date,
    end: date,
    countries: frozenset[str],
    candidates: list[TripSketch],
) -> TripSketch | None:
    matches = [
        c
        for c in candidates
        if journeys_match(travellers=travellers, start=start, end=end, countries=countries, trip=c)
    ]
    if not matches:
        return None

    def closeness(c: TripSketch) -> tuple:
        anchor = c.start or c.end or c.announced or start
        return (not (countries & c.countries), abs((anchor - start).days), c.pk)

    return min(matches, key=closeness)


# ---------------------------------------------------------------- reconcile


@dataclass
class ReconcileReport:
    counts: Counter = field(default_factory=Counter)


def trips_reconcile(*, official_ids: Iterable[int] | None = None) -> ReconcileReport:
    """Link every news trip to the record trip of the same journey, across the database.

    A record trip that matches a news trip (shared traveller, overlapping
    dates, or for a trip announced without dates, its countries) is folded
    into it. Trips an editor changed are left apart. ``official_ids`` limits
    the matching to the trips of those travellers (after a merge of two
    officials, say). Reports the counts of trips checked, linked, and by
    kind of source.
    """
    report = ReconcileReport()
    counts = report.counts
    record_only = Trip.objects.verified().exclude(articles__kind=Article.Kind.NEWS)
    if official_ids is not None:
        record_only = record_only.filter(officials__in=list(official_ids)).distinct()
    edited: set[int] = set()
    sketches = {s.pk: s for s in _sketches(record_only, edited)}
    news = _news_trips({pk for s in sketches.values() for pk in s.officials})
    # Which record trips each news trip takes in, found in memory first: the
    # rows are then read together, not a query a trip.
    found = _RecordJourneys(sketches.values())
    plan: list[tuple[int, list[int]]] = []
    for candidate in news:
        counts["news_trips_checked"] += 1
        taken = []
        for sketch in found.matching(candidate):
            if sketch.pk in edited:
                counts["kept_apart_edited"] += 1
                continue
            taken.append(sketch.pk)
            found.remove(sketch)
        if taken:
            plan.append((candidate.pk, taken))
    with transaction.atomic():
        touched: set[int] = set()
        for pks in _chunks(plan, _BATCH):
            trips = Trip.objects.in_bulk(
                [pk for target, sources in pks for pk in [target, *sources]]
            )
            for target_pk, source_pks in pks:
                target = trips[target_pk]
                for source_pk in source_pks:
                    trip_absorb(
                        target=target, source=trips[source_pk], counts=counts, touched=touched
                    )
        visit_totals_refresh(trip_ids=touched)
        _date_by_record(counts, official_ids=official_ids)
    counts["verified"] = Trip.objects.verified().count()
    counts["news_only"] = Trip.objects.unverified().count()
    counts["record_only"] = (
        Trip.objects.verified().exclude(articles__kind=Article.Kind.NEWS).count()
    )
    counts["both"] = counts["verified"] - counts["record_only"]
    return report


class _RecordJourneys:
    """Record trips filed by traveller and start date, for ``journeys_match``.

    A news trip can only match a record trip of one of its travellers that
    begins near its dates, so each look-up reads those, not every trip.
    """

    def __init__(self, sketches: Iterable[TripSketch]) -> None:
        dated = [s for s in sketches if s.start and s.end]
        self._position = {s.pk: n for n, s in enumerate(dated)}
        by_official: dict[int, list[TripSketch]] = defaultdict(list)
        for sketch in dated:
            for official in sketch.officials:
                by_official[official].append(sketch)
        self._starts: dict[int, list[date]] = {}
        self._trips: dict[int, list[TripSketch]] = {}
        # The longest record trip of each traveller bounds how long before a
        # news trip's first day a record trip that overlaps it can begin.
        self._longest: dict[int, timedelta] = {}
        for official, trips in by_official.items():
            trips.sort(key=lambda s: (s.start, self._position[s.pk]))
            self._trips[official] = trips
            self._starts[official] = [s.start for s in trips]
            self._longest[official] = max(s.end - s.start for s in trips)
        self._removed: set[int] = set()

    def remove(self, sketch: TripSketch) -> None:
        self._removed.add(sketch.pk)

    def matching(self, trip: TripSketch) -> list[TripSketch]:
        """The record trips that ``journeys_match`` pairs with ``trip``, by start date."""
        slack = timedelta(days=DATE_TOLERANCE_DAYS)
        found: dict[int, TripSketch] = {}
        for official in trip.officials:
            if official not in self._trips:
                continue
            if trip.start or trip.end:
                first, last = trip.start or trip.end, trip.end or trip.start
                low = first - slack - self._longest[official]
                high = last + slack
            elif trip.announced:
                low = trip.announced - timedelta(days=REPORTED_AFTER_DAYS)
                high = trip.announced + timedelta(days=PLANNED_WINDOW_DAYS)
            else:
                continue
            starts = self._starts[official]
            trips = self._trips[official][bisect_left(starts, low) : bisect_right(starts, high)]
            for sketch in trips:
                if sketch.pk in self._removed or sketch.pk in found:
                    continue
                if journeys_match(
                    travellers=sketch.officials,
                    start=sketch.start,
                    end=sketch.end,
                    countries=sketch.countries,
                    trip=trip,
                ):
                    found[sketch.pk] = sketch
        return sorted(found.values(), key=lambda s: (s.start, self._position[s.pk]))


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _date_by_record(counts: Counter, *, official_ids: Iterable[int] | None = None) -> None:
    """Date and title by the record the confirmed trips whose dates still follow the news.

    Trips linked before their dates followed the record (an older version, or
    a database migrated to 0006) get them here; the others are unchanged.
    ``official_ids`` limits it to those travellers' trips, as the matching is
    (a merge of two officials must not rewrite other people's trips).
    """
    confirmed = Trip.objects.verified().filter(
        edited_by_person=False, articles__kind=Article.Kind.NEWS
    )
    if official_ids is not None:
        confirmed = confirmed.filter(officials__in=list(official_ids))
    confirmed = confirmed.distinct().prefetch_related(
        "officials", Prefetch("stops", queryset=Stop.objects.order_by("order"))
    )
    for trip in confirmed:
        changed = trip_follow_record(
            trip,
            stops=list(trip.stops.all()),
            travellers=[official.name for official in trip.officials.all()],
            reported=(trip.reported_start, trip.reported_end),  # as kept (migration 0006)
        )
        if changed:
            trip.save(update_fields=[*changed, "updated_at"])
            counts["trips_dated_by_record"] += 1


# ---------------------------------------------------------------- agreement


@dataclass(frozen=True)
class StopAgreement:
    """One place of a trip, and what each kind of source says of it."""

    country: str
    city: str
    in_news: bool
    in_record: bool
    news_arrive: date | None = None
    news_depart: date | None = None
    record_arrive: date | None = None
    record_depart: date | None = None

    @property
    def place(self) -> str:
        name = country_name(self.country)
        return f"{self.city}, {name}" if self.city else name

    @property
    def status(self) -> str:
        if self.in_news and self.in_record:
            return "confirmed"
        return "record_only" if self.in_record else "news_only"


@dataclass(frozen=True)
class DateDifference:
    """A date the news and the record give differently."""

    what: str  # "trip start", "arrival in Tokyo, Japan", ...
    news: date
    record: date

    @property
    def days(self) -> int:
        """Positive when the record's date is later than the news'."""
        return (self.record - self.news).days


@dataclass(frozen=True)
class TripAgreement:
    """How the news and the official record agree on one trip."""

    has_news: bool
    has_record: bool
    confirmed: tuple[StopAgreement, ...] = ()
    news_only: tuple[StopAgreement, ...] = ()
    record_only: tuple[StopAgreement, ...] = ()
    date_differences: tuple[DateDifference, ...] = ()
    record_start: date | None = None
    record_end: date | None = None

    @property
    def verified(self) -> bool:
        return self.has_record

    @property
    def status(self) -> str:
        """``confirmed``, ``partly_confirmed``, ``record_only`` or ``unverified``."""
        if not self.has_record:
            return "unverified"
        if not self.has_news:
            return "record_only"
        if self.news_only or self.record_only or self.date_differences:
            return "partly_confirmed"
        return "confirmed"

    def as_dict(self) -> dict:
        """Plain JSON-ready values, for the API."""

        def stop(s: StopAgreement) -> dict:
            return {
                "country": s.country,
                "city": s.city,
                "news_arrive": _iso(s.news_arrive),
                "news_depart": _iso(s.news_depart),
                "record_arrive": _iso(s.record_arrive),
                "record_depart": _iso(s.record_depart),
            }

        return {
            "status": self.status,
            "verified": self.verified,
            "record_start": _iso(self.record_start),
            "record_end": _iso(self.record_end),
            "confirmed_stops": [stop(s) for s in self.confirmed],
            "news_only_stops": [stop(s) for s in self.news_only],
            "record_only_stops": [stop(s) for s in self.record_only],
            "date_differences": [
                {"what": d.what, "news": d.news.isoformat(), "record": d.record.isoformat()}
                for d in self.date_differences
            ],
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _stop_kinds(stops: list[Stop]) -> dict[int, set[str]]:
    kinds: dict[int, set[str]] = defaultdict(set)
    unfetched = []
    for stop in stops:
        cache = getattr(stop, "_prefetched_objects_cache", {})
        if "evidence" in cache:
            kinds[stop.pk] = {e.article.kind for e in stop.evidence.all()}
        else:
            unfetched.append(stop.pk)
    if unfetched:
        rows = (
            Evidence.objects.filter(stop_id__in=unfetched)
            .values_list("stop_id", "article__kind")
            .distinct()
        )
        for stop_id, kind in rows:
            kinds[stop_id].add(kind)
    return kinds


def trip_agreement(trip: Trip) -> TripAgreement:
    """Which stops of ``trip`` the record confirms, which only one source has, and date gaps.

    A stop is in the record when record evidence supports it, and in the
    news when news evidence does (a stop an editor added without evidence
    counts as the news' claim). A news-only stop and a record-only stop at
    the same place count as one confirmed stop. Uses ``articles``, ``stops``
    and ``stops__evidence__article`` when prefetched; otherwise it costs
    three queries.
    """
    trip_kinds = {a.kind for a in trip.articles.all()}
    has_news = bool(trip_kinds - {Article.Kind.RECORD})
    has_record = Article.Kind.RECORD in trip_kinds
    stops = sorted(trip.stops.all(), key=lambda s: s.order)
    kinds = _stop_kinds(stops) if has_record else {}
    rows: list[StopAgreement] = []
    for stop in stops:
        stop_kinds = kinds.get(stop.pk, set())
        in_record = Article.Kind.RECORD in stop_kinds
        in_news = bool(stop_kinds - {Article.Kind.RECORD}) or not stop_kinds
        rows.append(
            StopAgreement(
                country=stop.country,
                city=stop.city,
                in_news=in_news,
                in_record=in_record,
                news_arrive=stop.arrive_date if in_news else None,
                news_depart=stop.depart_date if in_news else None,
                record_arrive=stop.recorded_arrive,
                record_depart=stop.recorded_depart,
            )
        )
    rows = _pair_places(rows)
    recorded_starts = [s.record_arrive for s in rows if s.record_arrive]
    recorded_ends = [s.record_depart for s in rows if s.record_depart]
    record_start = min(recorded_starts, default=None)
    record_end = max(recorded_ends, default=None)
    differences: list[DateDifference] = []
    if has_news and has_record:
        # The trip's own dates follow the record; the news' are kept beside them.
        for what, news, record in (
            ("trip start", trip.reported_start, record_start),
            ("trip end", trip.reported_end, record_end),
        ):
            if news and record and news != record:
                differences.append(DateDifference(what, news, record))
        for s in rows:
            if s.status != "confirmed":
                continue
            for what, news, record in (
                (f"arrival in {s.place}", s.news_arrive, s.record_arrive),
                (f"departure from {s.place}", s.news_depart, s.record_depart),
            ):
                if news and record and news != record:
                    differences.append(DateDifference(what, news, record))
    if not has_record:
        return TripAgreement(has_news=has_news, has_record=False, news_only=tuple(rows))
    return TripAgreement(
        has_news=has_news,
        has_record=True,
        confirmed=tuple(s for s in rows if s.status == "confirmed"),
        news_only=tuple(s for s in rows if s.status == "news_only"),
        record_only=tuple(s for s in rows if s.status == "record_only"),
        date_differences=tuple(differences),
        record_start=record_start,
        record_end=record_end,
    )


def _pair_places(rows: list[StopAgreement]) -> list[StopAgreement]:
    """Merge a news-only and a record-only row of the same place into one confirmed row."""
    result = list(rows)
    for i, news in enumerate(result):
        if news is None or news.status != "news_only":
            continue
        for j, record in enumerate(result):
            if (
                record is not None
                and record.status == "record_only"
                and _same_place(news.country, news.city, record.country, record.city)
            ):
                result[i] = StopAgreement(
                    country=news.country,
                    city=news.city or record.city,
                    in_news=True,
                    in_record=True,
                    news_arrive=news.news_arrive,
                    news_depart=news.news_depart,
                    record_arrive=record.record_arrive,
                    record_depart=record.record_depart,
                )
                result[j] = None  # type: ignore[call-overload]
                break
    return [r for r in result if r is not None]
