"""Stored totals: visits per country, trips and countries per official; trips, stops, meetings.

``/api/countries/`` and ``/api/officials/`` read them instead of grouping
all the stops on every request, and the unfiltered ``/api/trips/``,
``/api/stops/`` and ``/api/meetings/`` their counts instead of counting
every row; ``/api/trips/?q=`` each trip's cities, countries and travellers
(``Trip.search_places``, ``Trip.search_keys``) instead of matching the stops
and travellers of the whole record.
``visit_totals_refresh`` keeps them exact: every write that changes a trip's
stops, meetings, status or travellers (imports, reconcile, merges and
splits, the admin, the API) calls it with the trips it touched, deleted
ones included. It recomputes those trips' own rows and
moves the countries' and officials' totals by the difference, so its cost
follows the trips touched, not the size of the record.
``visit_totals_rebuild`` recomputes everything from scratch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, F, Max, Min, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from trips.models import (
    CountryVisits,
    Meeting,
    Official,
    OfficialCountryTrips,
    OfficialTotals,
    RecordTotals,
    Stop,
    Trip,
    TripCountryVisits,
    TripStopCount,
    TripTravellersSeen,
)

Row = tuple[int, str, int, object, object]  # trip, country, visits, first, last


def _trip_rows(stops) -> list[Row]:
    return [
        (r["trip_id"], r["country"], r["visits"], r["first"], r["last"])
        for r in stops.travelled()
        .order_by()
        .values("trip_id", "country")
        .annotate(visits=Count("pk"), first=Min("arrive_date"), last=Max("arrive_date"))
    ]


@transaction.atomic
def visit_totals_refresh(*, trip_ids: Iterable[int], official_ids: Iterable[int] = ()) -> None:
    """Bring the stored totals up to date after these trips changed (or were deleted).

    ``official_ids``: officials whose totals changed otherwise (a split's
    first person); the travellers the trips have and had are found here.
    """
    trip_ids = set(trip_ids)
    recount = set(official_ids)
    moved: Counter = Counter()
    if trip_ids:
        moved, pairs = _refresh_trips(trip_ids)
        _move_official_countries(pairs)
        _refresh_record_counts(trip_ids)
        _refresh_search(trip_ids)
    if recount:
        _recount_official_countries(recount)
    if recount or moved:
        _refresh_officials(
            recount | set(moved), moved={o: n for o, n in moved.items() if o not in recount}
        )


def _refresh_trips(trip_ids: set[int]) -> tuple[Counter, Counter]:
    """Replace the trips' own rows, move the countries' totals; return the officials
    to redo, each with the number of counted trips they gained (or lost, or 0), and
    how many trips each (official, country) gained or lost."""
    old = {
        (r.trip_id, r.country): r
        for r in TripCountryVisits.objects.filter(trip_id__in=trip_ids).order_by()
    }
    new = {(r[0], r[1]): r for r in _trip_rows(Stop.objects.filter(trip_id__in=trip_ids))}
    seen = {
        s.trip_id: (s.counted, set(s.official_ids))
        for s in TripTravellersSeen.objects.filter(trip_id__in=trip_ids).order_by()
    }
    # Travellers and status in one read: a trip without travellers moves no
    # official's totals, whatever its status.
    now: dict[int, set[int]] = {}
    counted: set[int] = set()
    for trip_id, official_id, status in Trip.officials.through.objects.filter(
        trip_id__in=trip_ids
    ).values_list("trip_id", "official_id", "trip__status"):
        now.setdefault(trip_id, set()).add(official_id)
        if status in Trip.COUNTED:
            counted.add(trip_id)

    changed_trips = {
        k[0]
        for k in old.keys() | new.keys()
        if k not in old
        or k not in new
        or (old[k].visits, old[k].first_visit, old[k].last_visit) != new[k][2:]
    }
    visits: Counter = Counter()
    trips: Counter = Counter()
    for key in old.keys() - new.keys():
        visits[key[1]] -= old[key].visits
        trips[key[1]] -= 1
    for key in new.keys() - old.keys():
        visits[key[1]] += new[key][2]
        trips[key[1]] += 1
    for key in old.keys() & new.keys():
        visits[key[1]] += new[key][2] - old[key].visits
    countries = {k[1] for k in old.keys() ^ new.keys()} | {
        k[1] for k in old.keys() & new.keys() if k[0] in changed_trips
    }
    if changed_trips:
        TripCountryVisits.objects.filter(trip_id__in=changed_trips).delete()
        TripCountryVisits.objects.bulk_create(
            TripCountryVisits(trip_id=t, country=c, visits=v, first_visit=first, last_visit=last)
            for (t, c), (_, _, v, first, last) in new.items()
            if t in changed_trips
        )
    # A country that only gained visits takes its first and last visit from
    # the new rows; one that lost or changed some reads them off the index.
    recount = {k[1] for k in old if k[0] in changed_trips}
    spans: dict[str, tuple | None] = {}
    for code in countries:
        if code in recount:
            spans[code] = None
        else:
            dates = [r[3:] for k, r in new.items() if k[1] == code and k[0] in changed_trips]
            firsts = [d[0] for d in dates if d[0]]
            lasts = [d[1] for d in dates if d[1]]
            spans[code] = (min(firsts, default=None), max(lasts, default=None))
    _refresh_countries(visits, trips, spans)

    # Travellers now and before, for trips whose travellers, status or countries changed.
    redo: Counter = Counter()
    pairs: Counter = Counter()  # (official, country): trips gained or lost
    before: dict[int, set[str]] = {}
    after: dict[int, set[str]] = {}
    for trip_id, country in old:
        before.setdefault(trip_id, set()).add(country)
    for trip_id, country in new:
        after.setdefault(trip_id, set()).add(country)
    stale = []
    for trip_id in trip_ids:
        had = seen.get(trip_id, (False, set()))
        has = (trip_id in counted, now.get(trip_id, set()))
        if had != has or trip_id in changed_trips:
            for official in had[1]:
                redo[official] -= had[0]
                for country in before.get(trip_id, ()):
                    pairs[official, country] -= 1
            for official in has[1]:
                redo[official] += has[0]
                for country in after.get(trip_id, ()):
                    pairs[official, country] += 1
            stale.append(trip_id)
    gone = [t for t in stale if t not in now]
    if gone:
        TripTravellersSeen.objects.filter(trip_id__in=gone).delete()
    if len(gone) < len(stale):
        TripTravellersSeen.objects.bulk_create(
            [
                TripTravellersSeen(trip_id=t, counted=t in counted, official_ids=sorted(now[t]))
                for t in stale
                if t in now
            ],
            update_conflicts=True,
            unique_fields=["trip"],
            update_fields=["counted", "official_ids"],
        )
    return redo, pairs


def _move_official_countries(pairs: Counter) -> None:
    """Move each official's trips per country by the differences a refresh found; a
    country with none left is no longer one they visited."""
    pairs = Counter({k: n for k, n in pairs.items() if n})
    if not pairs:
        return
    officials = {o for o, _ in pairs}
    rows = {
        (r.official_id, r.country): r
        for r in OfficialCountryTrips.objects.filter(official_id__in=officials).order_by()
        if (r.official_id, r.country) in pairs
    }
    changed, created, emptied = [], [], []
    for key, delta in pairs.items():
        row = rows.get(key)
        if row is None:
            if delta > 0:
                created.append(
                    OfficialCountryTrips(official_id=key[0], country=key[1], trips=delta)
                )
            continue
        row.trips = max(0, row.trips + delta)
        (changed if row.trips else emptied).append(row)
    OfficialCountryTrips.objects.bulk_update(changed, ["trips"])
    OfficialCountryTrips.objects.bulk_create(created)
    if emptied:
        OfficialCountryTrips.objects.filter(pk__in=[r.pk for r in emptied]).delete()


def _official_country_counts(official_ids: set[int] | None) -> Counter:
    """(official, country): their counted trips there, from the trips' own rows."""
    travellers = Trip.officials.through.objects.order_by()
    visits = TripCountryVisits.objects.order_by()
    if official_ids is not None:
        travellers = travellers.filter(official_id__in=official_ids)
        visits = visits.filter(trip_id__in=travellers.values("trip_id"))
    trips_of: dict[int, set[int]] = {}
    for trip_id, official_id in travellers.values_list("trip_id", "official_id").iterator():
        trips_of.setdefault(trip_id, set()).add(official_id)
    counts: Counter = Counter()
    for trip_id, country in visits.values_list("trip_id", "country").iterator():
        for official_id in trips_of.get(trip_id, ()):
            counts[official_id, country] += 1
    return counts


def _recount_official_countries(official_ids: set[int] | None) -> None:
    """These officials' trips per country (``None``: everyone's), counted anew."""
    rows = OfficialCountryTrips.objects.all()
    if official_ids is not None:
        rows = rows.filter(official_id__in=official_ids)
    rows.delete()
    OfficialCountryTrips.objects.bulk_create(
        (
            OfficialCountryTrips(official_id=o, country=c, trips=n)
            for (o, c), n in _official_country_counts(official_ids).items()
        ),
        batch_size=5000,
    )


def _count_of(model: type) -> Coalesce:
    """A trip's number of ``model`` rows (stops or meetings), as a subquery."""
    rows = model.objects.filter(trip=OuterRef("pk")).order_by().values("trip")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def _counts_of(trips: QuerySet) -> dict[int, tuple[int, int]]:
    """Each of these trips' numbers of stops and meetings, in one query."""
    return {
        pk: (stops, meetings)
        for pk, stops, meetings in trips.order_by()
        .annotate(n_stops=_count_of(Stop), n_meetings=_count_of(Meeting))
        .values_list("pk", "n_stops", "n_meetings")
    }


def _refresh_record_counts(trip_ids: set[int]) -> None:
    """Replace the trips' stop and meeting counts and move the record's by the difference.

    Every trip has a row, so the rows that appear and go move the number of trips.
    """
    old = {
        t: (stops, meetings)
        for t, stops, meetings in TripStopCount.objects.filter(trip_id__in=trip_ids)
        .order_by()
        .values_list("trip_id", "stops", "meetings")
    }
    new = _counts_of(Trip.objects.filter(pk__in=trip_ids))
    gone = [t for t in old if t not in new]
    if gone:
        TripStopCount.objects.filter(trip_id__in=gone).delete()
    changed = [
        TripStopCount(trip_id=t, stops=s, meetings=m)
        for t, (s, m) in new.items()
        if old.get(t) != (s, m)
    ]
    if changed:
        TripStopCount.objects.bulk_create(
            changed,
            update_conflicts=True,
            unique_fields=["trip"],
            update_fields=["stops", "meetings"],
        )
    moved_trips = len(new) - len(old)
    moved_stops = sum(s for s, _ in new.values()) - sum(s for s, _ in old.values())
    moved_meetings = sum(m for _, m in new.values()) - sum(m for _, m in old.values())
    if not moved_trips and not moved_stops and not moved_meetings:
        return
    updated = RecordTotals.objects.filter(pk=RecordTotals.ONLY).update(
        trip_count=F("trip_count") + moved_trips,
        stop_count=F("stop_count") + moved_stops,
        meeting_count=F("meeting_count") + moved_meetings,
    )
    if not updated:
        # The row went with a flush of the tables: count once, exactly, as now.
        RecordTotals.objects.create(
            pk=RecordTotals.ONLY,
            trip_count=Trip.objects.count(),
            stop_count=Stop.objects.count(),
            meeting_count=Meeting.objects.count(),
        )


def search_fields_of(trip_ids: set[int] | None) -> dict[int, tuple[str, dict]]:
    """What ``?q=`` matches of these trips (None: of every trip) beyond their own text.

    For each trip, its ``search_places`` (the stops' cities, each once, one a
    line, in travel order) and ``search_keys`` (its stops' countries and its
    travellers: ``{"country:JP": True, "traveller:12": True}``).
    """
    trips = Trip.objects.all() if trip_ids is None else Trip.objects.filter(pk__in=trip_ids)
    stops = Stop.objects.all() if trip_ids is None else Stop.objects.filter(trip_id__in=trip_ids)
    links = Trip.officials.through.objects.all()
    if trip_ids is not None:
        links = links.filter(trip_id__in=trip_ids)
    cities: dict[int, list[str]] = {pk: [] for pk in trips.values_list("pk", flat=True)}
    keys: dict[int, dict] = {pk: {} for pk in cities}
    for trip_id, country, city in stops.order_by("trip_id", "order", "pk").values_list(
        "trip_id", "country", "city"
    ):
        if city and city not in cities[trip_id]:
            cities[trip_id].append(city)
        keys[trip_id][f"country:{country}"] = True
    for trip_id, official_id in links.order_by("trip_id", "official_id").values_list(
        "trip_id", "official_id"
    ):
        keys[trip_id][f"traveller:{official_id}"] = True
    return {pk: ("\n".join(cities[pk]), keys[pk]) for pk in cities}


def _refresh_search(trip_ids: set[int] | None) -> None:
    """Write the trips' stored search fields (``search_fields_of``) where they changed."""
    trips = Trip.objects.all() if trip_ids is None else Trip.objects.filter(pk__in=trip_ids)
    stored = {
        pk: (places, keys) for pk, places, keys in trips.values_list("pk", *Trip.STORED_SEARCH)
    }
    changed = [
        Trip(pk=pk, search_places=places, search_keys=keys)
        for pk, (places, keys) in search_fields_of(trip_ids).items()
        if stored.get(pk) != (places, keys)
    ]
    Trip.objects.bulk_update(changed, list(Trip.STORED_SEARCH), batch_size=500)


def _refresh_countries(visits: Counter, trips: Counter, spans: dict[str, tuple | None]) -> None:
    """Move these countries' counts by the differences, a few statements for them all.

    ``spans``: for each country, the first and last visit of the rows it
    gained, when it only gained; None to read them off the index (MIN/MAX of
    its rows). The stored rows are read locked (in order of their codes, as
    every writer takes them), changed and written back together.
    """
    if not spans:
        return
    codes = sorted(spans)
    recount = [code for code in codes if spans[code] is None]
    found = {
        row["country"]: (row["first"], row["last"])
        for row in TripCountryVisits.objects.filter(country__in=recount)
        .order_by()
        .values("country")
        .annotate(first=Min("first_visit"), last=Max("last_visit"))
    }
    stored = {
        row.code: row
        for row in CountryVisits.objects.select_for_update().filter(code__in=codes).order_by("code")
    }
    changed, created = [], []
    for code in codes:
        span = spans[code]
        first, last = found.get(code, (None, None)) if span is None else span
        row = stored.get(code)
        if row is None:
            created.append(
                CountryVisits(
                    code=code,
                    visit_count=visits[code],
                    trip_count=trips[code],
                    first_visit=first,
                    last_visit=last,
                )
            )
            continue
        row.visit_count += visits[code]
        row.trip_count += trips[code]
        if span is None:
            row.first_visit, row.last_visit = first, last
        else:
            # The stored and the new: the earlier first visit, the later last.
            if first:
                row.first_visit = min(row.first_visit or first, first)
            if last:
                row.last_visit = max(row.last_visit or last, last)
        changed.append(row)
    CountryVisits.objects.bulk_update(
        changed, ["visit_count", "trip_count", "first_visit", "last_visit"]
    )
    CountryVisits.objects.bulk_create(created)
    emptied = [row.code for row in changed if visits[row.code] < 0 and row.visit_count <= 0]
    if emptied:
        CountryVisits.objects.filter(code__in=emptied).delete()


def _refresh_officials(official_ids: set[int] | None, moved: dict[int, int] | None = None) -> None:
    """Recompute these officials' totals (``None``: everyone's) from their own rows.

    ``moved``: officials whose number of trips changed by a known difference
    (``_refresh_trips`` tells it from the travellers the trips had and have):
    their stored number moves by it, rather than being counted again over all
    their trips, which grows with their history.
    """
    officials: QuerySet = Official.objects.all()
    travellers = Trip.officials.through.objects.filter(trip__status__in=Trip.COUNTED)
    # The countries, from the trips per country kept for each official
    # (``OfficialCountryTrips``): a few rows an official, however many trips.
    visits = OfficialCountryTrips.objects.filter(trips__gt=0)
    if official_ids is not None:
        officials = officials.filter(pk__in=official_ids)
        visits = visits.filter(official_id__in=official_ids)
    ids = set(officials.values_list("pk", flat=True))
    stored = dict(
        OfficialTotals.objects.filter(official_id__in=[o for o in moved or () if o in ids])
        .order_by()
        .values_list("official_id", "trip_count")
    )
    trips = {o: n + (moved or {})[o] for o, n in stored.items()}
    counting = ids - trips.keys()
    if official_ids is not None:
        travellers = travellers.filter(official_id__in=counting)
    if counting:
        trips |= dict(
            travellers.order_by()
            .values("official_id")
            .annotate(n=Count("trip_id"))
            .values_list("official_id", "n")
        )
    countries = dict(
        visits.order_by()
        .values("official_id")
        .annotate(n=Count("pk"))
        .values_list("official_id", "n")
    )
    OfficialTotals.objects.bulk_create(
        [
            OfficialTotals(
                official_id=o, trip_count=trips.get(o, 0), countries_visited=countries.get(o, 0)
            )
            for o in ids
        ],
        batch_size=5000,
        update_conflicts=True,
        unique_fields=["official"],
        update_fields=["trip_count", "countries_visited"],
    )


@transaction.atomic
def visit_totals_rebuild() -> dict[str, int]:
    """Recompute every stored total from the stops, trips and travellers."""
    TripCountryVisits.objects.all().delete()
    TripTravellersSeen.objects.all().delete()
    TripStopCount.objects.all().delete()
    RecordTotals.objects.all().delete()
    CountryVisits.objects.all().delete()
    OfficialTotals.objects.all().delete()
    OfficialCountryTrips.objects.all().delete()
    rows = _trip_rows(Stop.objects.all())
    TripCountryVisits.objects.bulk_create(
        (
            TripCountryVisits(trip_id=t, country=c, visits=v, first_visit=f, last_visit=last)
            for t, c, v, f, last in rows
        ),
        batch_size=5000,
    )
    travellers: dict[int, list[int]] = {}
    for trip_id, official_id in Trip.officials.through.objects.order_by(
        "trip_id", "official_id"
    ).values_list("trip_id", "official_id"):
        travellers.setdefault(trip_id, []).append(official_id)
    counted = set(Trip.objects.travelled().values_list("pk", flat=True))
    TripTravellersSeen.objects.bulk_create(
        (
            TripTravellersSeen(trip_id=t, counted=t in counted, official_ids=o)
            for t, o in travellers.items()
        ),
        batch_size=5000,
    )
    CountryVisits.objects.bulk_create(
        CountryVisits(
            code=r["country"],
            visit_count=r["visits"],
            trip_count=r["trips"],
            first_visit=r["first"],
            last_visit=r["last"],
        )
        for r in TripCountryVisits.objects.order_by()
        .values("country")
        .annotate(
            visits=Sum("visits"),
            trips=Count("trip_id"),
            first=Min("first_visit"),
            last=Max("last_visit"),
        )
    )
    TripStopCount.objects.bulk_create(
        (
            TripStopCount(trip_id=t, stops=s, meetings=m)
            for t, (s, m) in _counts_of(Trip.objects.all()).items()
        ),
        batch_size=5000,
    )
    RecordTotals.objects.create(
        pk=RecordTotals.ONLY,
        trip_count=Trip.objects.count(),
        stop_count=Stop.objects.count(),
        meeting_count=Meeting.objects.count(),
    )
    _recount_official_countries(None)
    _refresh_officials(None)
    _refresh_search(None)
    return {
        "countries": CountryVisits.objects.count(),
        "officials": OfficialTotals.objects.count(),
        "trips": len(travellers),
    }


def trip_ids_of(instance: object) -> set[int]:
    """The trips whose totals a change to this row (as stored now) can move.

    A stop's or a meeting's stored trip (it may be moving to another), a trip
    itself, the trips of an official; nothing for other rows.
    """
    if isinstance(instance, Trip):
        return {instance.pk} if instance.pk else set()
    if isinstance(instance, Stop):
        ids = {instance.trip_id} if instance.trip_id else set()
        if instance.pk:
            ids |= set(Stop.objects.filter(pk=instance.pk).values_list("trip_id", flat=True))
        return ids
    if isinstance(instance, Meeting):
        # As for a stop: the trip it has, and the one it had if it moves.
        ids = {instance.trip_id} if instance.trip_id else set()
        if instance.pk:
            ids |= set(Meeting.objects.filter(pk=instance.pk).values_list("trip_id", flat=True))
        return ids
    if isinstance(instance, Official) and instance.pk:
        return set(
            Trip.officials.through.objects.filter(official_id=instance.pk).values_list(
                "trip_id", flat=True
            )
        )
    return set()
