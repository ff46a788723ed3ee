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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Prefetch, Q

from trips.countries import is_country_code
from trips.extraction import extract_article, extract_articles
from trips.extraction.merge import trip_merge, trips_same_journey
from trips.extraction.people import names_match, spelling_key
from trips.extraction.types import (
    ArticleInput,
    ExtractedMeeting,
    ExtractedStop,
    ExtractedTrip,
    Extraction,
    Span,
)
from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.readers import ArticleSource

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


def _surname_key(name: str) -> str:
    words = spelling_key(name).split()
    return words[-1] if words else ""


def _same_person(name: str, country: str, official: Official) -> bool:
    """The rules of ``trips.extraction.merge.same_official``, against a stored row."""
    for known in (official.name, *official.aliases):
        if names_match(name, known):
            return True
        if country and official.country == country and spelling_key(name) == spelling_key(known):
            return True
    return False


class OfficialIndex:
    """Officials by surname, loaded once per import batch.

    Resolving every mention with a query would cost one round trip per name;
    a batch of articles shares this index instead. ``invalidate`` drops it
    after a rolled-back transaction, whose new officials no longer exist.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, list[Official]] | None = None

    def invalidate(self) -> None:
        self._by_key = None

    def _load(self) -> dict[str, list[Official]]:
        if self._by_key is None:
            self._by_key = defaultdict(list)
            for official in Official.objects.all():
                self.add(official)
        return self._by_key

    def add(self, official: Official) -> None:
        by_key = self._load()
        for key in {_surname_key(n) for n in (official.name, *official.aliases)}:
            if key and official not in by_key[key]:
                by_key[key].append(official)

    def find(self, name: str, country: str = "") -> Official | None:
        """The official this name refers to, if the index knows them."""
        candidates = self._load().get(_surname_key(name), [])
        matches = [official for official in candidates if _same_person(name, country, official)]
        if country:
            # Two people may share a name; a different government tells them apart.
            matches = [o for o in matches if not o.country or o.country == country]
        return matches[0] if matches else None


def official_resolve(
    *,
    name: str,
    title: str = "",
    country: str = "",
    aliases: Iterable[str] = (),
    index: OfficialIndex | None = None,
    counts: Counter | None = None,
) -> Official:
    """Find the Official ``name`` refers to, or create them.

    "Antony John Blinken" resolves to an existing "Antony Blinken" (the names
    rules of the interchange format); the new spelling is kept as an alias.
    Blank title and country are filled in; an editor's row is left alone.
    """
    index = index or OfficialIndex()
    counts = counts if counts is not None else Counter()
    country = country.upper() if country and is_country_code(country.upper()) else ""
    name = " ".join(name.split())
    official = index.find(name, country)
    if official is None:
        official = Official(
            name=name[:200],
            title=title[:200],
            country=country,
            aliases=_unique_aliases(name, aliases, []),
        )
        official.slug = _free_slug(name)
        official.full_clean(validate_unique=False, validate_constraints=False)
        official.save()
        index.add(official)
        counts["officials_created"] += 1
        return official
    if official.edited_by_person:
        return official
    changed = False
    new_aliases = _unique_aliases(official.name, [name, *aliases], official.aliases)
    if new_aliases != official.aliases:
        official.aliases = new_aliases
        changed = True
    if title and not official.title:
        official.title = title[:200]
        changed = True
    if country and not official.country:
        official.country = country
        changed = True
    if changed:
        official.save(update_fields=["aliases", "title", "country", "updated_at"])
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


def _free_slug(name: str) -> str:
    from django.utils.text import slugify

    base = slugify(name)[:200] or "official"
    taken = set(Official.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


# ---------------------------------------------------------------- trips


def trip_as_extracted(trip: Trip) -> ExtractedTrip:
    """The database trip in the extraction's shape, so the pure merge rules apply.

    Expects ``officials``, ``stops``, ``meetings__participants`` and
    ``meetings__stop`` prefetched. Sources are left out: merging never needs them.
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
        for meeting in trip.meetings.all()
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
    return Trip.objects.prefetch_related(
        "officials",
        Prefetch("stops", queryset=Stop.objects.order_by("order")),
        Prefetch(
            "meetings",
            queryset=Meeting.objects.select_related("stop").prefetch_related("participants"),
        ),
    )


def _candidate_trips(
    travellers: list[Official], new: ExtractedTrip, published: date | None
) -> list[Trip]:
    """Trips of these travellers that ``trips_same_journey`` could match.

    Dated trips can only match near in time; undated ones only through a
    shared stop country. Filtering in SQL keeps the prefetch small however
    many trips a traveller has.
    """
    could_match = Q(stops__country__in={s.country for s in new.stops})
    known = [d for d in (new.start, new.end, *(s.arrive for s in new.stops)) if d]
    points = known or ([published] if published else [])
    if points:
        # Reports months apart are never one journey (merge._far_apart); a
        # generous margin keeps this filter from ruling out a real match.
        margin = timedelta(days=_UNRELATED_AFTER_DAYS)
        low, high = min(points) - margin, max(points) + margin
        could_match &= (
            Q(start_date__range=(low, high))
            | Q(end_date__range=(low, high))
            | Q(status_as_of__range=(low, high))
            | Q(start_date__isnull=True, end_date__isnull=True, status_as_of__isnull=True)
        )
    if known:
        window = timedelta(days=_CANDIDATE_WINDOW_DAYS)
        low, high = min(known) - window, max(known) + window
        could_match |= (
            Q(start_date__range=(low, high))
            | Q(end_date__range=(low, high))
            | Q(start_date__lte=low, end_date__gte=high)
        )
    ids = Trip.objects.filter(officials__in=travellers).filter(could_match).values("pk")
    return list(_trips_prefetched().filter(pk__in=ids).order_by("pk"))


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


def _ordered_dates(first: date | None, last: date | None) -> tuple[date | None, date | None]:
    # An inconsistent pair keeps the earlier fact and drops the later one.
    if first and last and last < first:
        return first, None
    return first, last


class _TripWriter:
    """Writes one merged trip and the evidence of the article that enriched it."""

    def __init__(self, *, article: Article, index: OfficialIndex, counts: Counter) -> None:
        self.article = article
        self.index = index
        self.counts = counts
        self.evidence: list[Evidence] = []
        self.touched: set[int] = set()

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
            existing = trip_as_extracted(candidate)
            if trips_same_journey(
                existing,
                new,
                a_published=candidate.status_as_of,
                b_published=self.article.published,
            ):
                trip = candidate
                merged = trip_merge(
                    existing,
                    new,
                    base_published=candidate.status_as_of,
                    new_published=self.article.published,
                )
                break
        if trip is None:
            trip = self._create(merged, travellers)
        else:
            self._update(trip, merged, travellers)
        self.touched.add(trip.pk)
        # Straight to the link table: .add() would first read what is linked.
        Trip.articles.through.objects.bulk_create(
            [Trip.articles.through(trip_id=trip.pk, article_id=self.article.pk)],
            ignore_conflicts=True,
        )
        stops = self._write_stops(trip, merged)
        self._write_meetings(trip, merged, stops)
        self._attach_evidence(trip, new, stops)
        return trip

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
        # An editor's arrangement stands: new stops go after it.
        keep_order = any(s.edited_by_person for s in existing)
        final = existing + to_create if keep_order else [stop for _, stop in pairs] + unused
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
        self, trip: Trip, merged: ExtractedTrip, stops: list[tuple[ExtractedStop, Stop]]
    ) -> None:
        existing = list(trip.meetings.all())
        self.meeting_pairs: list[tuple[ExtractedMeeting, Meeting]] = []
        for extracted in merged.meetings:
            participants = [
                official_resolve(name=name, index=self.index, counts=self.counts)
                for name in extracted.participants
            ]
            stop = self._stop_for(extracted, stops)
            match = next(
                (m for m in existing if _same_meeting(m, extracted)),
                None,
            )
            if match is None:
                match = Meeting(
                    trip=trip, stop=stop, date=extracted.date, description=extracted.description
                )
                match.save()
                _link(
                    Meeting.participants.through,
                    "meeting_id",
                    match.pk,
                    "official_id",
                    participants,
                )
                match._prefetched_objects_cache = {"participants": participants}
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
                if changed:
                    match.save()
                known = {p.pk for p in match.participants.all()}
                extra = [p for p in participants if p.pk not in known]
                if extra:
                    match.participants.add(*extra)
                    changed = True
                if changed:
                    self.counts["meetings_updated"] += 1
            self.meeting_pairs.append((extracted, match))

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


def _link(through, owner_field: str, owner_id: int, other_field: str, others: list) -> None:
    """Insert many-to-many rows in one statement; new rows need no read-before-write."""
    rows = {other.pk: other for other in others}
    through.objects.bulk_create(
        [through(**{owner_field: owner_id, other_field: pk}) for pk in rows],
        ignore_conflicts=True,
    )


def _same_meeting(meeting: Meeting, extracted: ExtractedMeeting) -> bool:
    names = [p.name for p in meeting.participants.all()]
    return any(names_match(a, b) for a in names for b in extracted.participants)


# ---------------------------------------------------------------- articles


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


def extraction_write(
    *, article: Article, extraction: Extraction, index: OfficialIndex, counts: Counter
) -> None:
    """Write what one article yields; the caller holds the transaction."""
    writer = _TripWriter(article=article, index=index, counts=counts)
    officials: dict[str, Official] = {}
    for extracted in extraction.officials:
        official = official_resolve(
            name=extracted.name,
            title=extracted.title,
            country=extracted.country or "",
            aliases=extracted.aliases,
            index=index,
            counts=counts,
        )
        officials[extracted.name] = official
        writer.evidence_for(extracted.evidence, Evidence.Fact.OFFICIAL, official=official)
    for trip in extraction.trips:
        for name in trip.travelers:
            if name not in officials:
                officials[name] = official_resolve(name=name, index=index, counts=counts)
        writer.write(trip, officials)
    Evidence.objects.bulk_create(writer.evidence)
    counts["evidence_created"] += len(writer.evidence)


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
    outcome = ArticleOutcome(
        origin=source.origin,
        external_id=source.external_id,
        status="imported",
        warnings=source.warnings,
    )
    # One query finds both an identical article and an earlier version of it.
    known = Q(content_hash=source.content_hash) | Q(external_id=source.external_id)
    if source.url:
        known |= Q(url=source.url)
    found = list(Article.objects.filter(known).defer(*Article.BODY))
    same = next((a for a in found if a.content_hash == source.content_hash), None)
    if same is not None:
        outcome.status, outcome.article_id = "unchanged", same.pk
        return outcome
    previous = next((a for a in found if a.external_id == source.external_id), None)
    previous = previous or next((a for a in found if source.url and a.url == source.url), None)
    if extraction is None:
        extraction = extract_article(_article_input(source))
    outcome.warnings += extraction.warnings
    try:
        with transaction.atomic():
            article = _article_save(source, previous, outcome, index)
            extraction_write(
                article=article, extraction=extraction, index=index, counts=outcome.counts
            )
    except ValidationError as error:
        index.invalidate()
        outcome.status, outcome.message = "failed", _validation_message(error)
    except DatabaseError as error:
        index.invalidate()
        outcome.status, outcome.message = "failed", f"database refused the article: {error}"
    return outcome


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
) -> ImportReport:
    """Import a batch, oldest publication first so each trip's status ends current."""
    ordered = sorted(sources, key=lambda s: (s.published is None, s.published or date.min))
    index = OfficialIndex()
    report = ImportReport()
    # The parser reads articles fastest in batches; each article still commits alone.
    extractions = extract_articles(_article_input(source) for source in ordered)
    for source, extraction in zip(ordered, extractions, strict=True):
        outcome = article_import(source=source, index=index, extraction=extraction)
        report.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return report
