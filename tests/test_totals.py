"""The stored totals (trips.totals) equal a fresh count after every kind of write."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import make_meeting, make_official, make_stop, make_trip
from tests.test_admin import _inline_post_data
from trips.api_selectors import (
    countries_visited,
    meetings_counted,
    officials_listed,
    stops_counted,
    trips_counted,
)
from trips.models import (
    CountryVisits,
    Meeting,
    Official,
    OfficialCountryTrips,
    OfficialTotals,
    RecordTotals,
    Stop,
    Trip,
)
from trips.readers import ArticleSource, ReadOptions, read_paths
from trips.reconcile import record_import, trips_reconcile
from trips.services import articles_import, official_merge, official_split
from trips.totals import visit_totals_refresh

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "tests" / "data" / "record"


def _fresh() -> tuple[dict, dict, int, int, int]:
    """The totals as the GROUP BY over all the stops gives them."""
    countries = {
        r["code"]: (r["visit_count"], r["trip_count"], r["first_visit"], r["last_visit"])
        for r in countries_visited()
    }
    officials = {}
    for official in Official.objects.all():
        trips = Trip.objects.travelled().filter(officials=official)
        visited = Stop.objects.filter(trip__in=trips).values("country").distinct().count()
        officials[official.pk] = (trips.count(), visited)
    return countries, officials, Trip.objects.count(), Stop.objects.count(), Meeting.objects.count()


def _stored() -> tuple[dict, dict, int | None, int | None, int | None]:
    countries = {
        c.code: (c.visit_count, c.trip_count, c.first_visit, c.last_visit)
        for c in CountryVisits.objects.all()
    }
    officials = {o.pk: (o.trip_count, o.countries_visited) for o in officials_listed()}
    return countries, officials, trips_counted(), stops_counted(), meetings_counted()


def _search_fresh() -> dict[int, tuple[set, set]]:
    """Each trip's cities, and its countries and travellers as keys, read off the rows."""
    return {
        trip.pk: (
            {s.city for s in trip.stops.all() if s.city},
            {f"country:{s.country}" for s in trip.stops.all()}
            | {f"traveller:{o.pk}" for o in trip.officials.all()},
        )
        for trip in Trip.objects.prefetch_related("stops", "officials")
    }


def _search_stored() -> dict[int, tuple[set, set]]:
    return {
        pk: ({c for c in places.split("\n") if c}, set(keys))
        for pk, places, keys in Trip.objects.values_list("pk", "search_places", "search_keys")
    }


def _official_countries_fresh() -> dict[tuple[int, str], int]:
    """Each official's counted trips per country, read off the stops."""
    counts: dict[tuple[int, str], int] = {}
    for trip in Trip.objects.travelled().prefetch_related("stops", "officials"):
        for country in {s.country for s in trip.stops.all()}:
            for official in trip.officials.all():
                counts[official.pk, country] = counts.get((official.pk, country), 0) + 1
    return counts


def _official_countries_stored() -> dict[tuple[int, str], int]:
    return {
        (r.official_id, r.country): r.trips
        for r in OfficialCountryTrips.objects.filter(trips__gt=0)
        if Official.objects.filter(pk=r.official_id).exists()
    }


def _assert_kept() -> None:
    fresh = _fresh()
    assert _stored() == fresh
    assert fresh[0], "nothing was counted: the comparison would prove nothing"
    assert _search_stored() == _search_fresh()
    assert _official_countries_stored() == _official_countries_fresh()


def _articles() -> list[ArticleSource]:
    found = read_paths([str(ROOT / "fixtures" / "articles")], options=ReadOptions())
    return [a for a in found if isinstance(a, ArticleSource)]


def test_totals_follow_imports_admin_edits_api_writes_merges_and_splits(admin_client):
    sources = _articles()
    articles_import(sources=sources)
    _assert_kept()

    record_import(paths=[RECORD])
    trips_reconcile()
    _assert_kept()

    # A new version of an article takes back what the old one gave.
    changed = replace(sources[0], text=sources[0].text.replace("Tokyo", "Seoul", 1))
    articles_import(sources=[changed])
    _assert_kept()

    # The admin: a trip saved with its stop moved to another country.
    blinken = Official.objects.filter(trips__isnull=False).order_by("-pk").first()
    trip = make_trip(officials=[blinken], status="planned")
    stop = make_stop(trip=trip, city="Tokyo", country="JP", arrive_date=date(2024, 3, 14))
    meeting = make_meeting(trip=trip, stop=stop)
    data = _inline_post_data(trip, stop, meeting)
    data["stops-0-country"], data["stops-0-city"] = "KR", "Seoul"
    saved = admin_client.post(reverse("admin:trips_trip_change", args=[trip.pk]), data)
    assert saved.status_code == 302
    assert Trip.objects.get(pk=trip.pk).status == "completed"
    _assert_kept()

    # The admin's stop form, and its delete.
    extra = make_stop(trip=trip, country="FR", city="Paris", arrive_date=date(2024, 3, 16))
    other = make_trip(officials=[make_official()])
    moved = admin_client.post(
        reverse("admin:trips_stop_change", args=[extra.pk]),
        {"trip": other.pk, "order": 1, "country": "DE", "city": "Berlin", "notes": ""},
    )
    assert moved.status_code == 302
    _assert_kept()
    gone = admin_client.post(reverse("admin:trips_stop_delete", args=[extra.pk]), {"post": "yes"})
    assert gone.status_code == 302
    _assert_kept()

    # API writes (staff, signed in).
    patched = admin_client.patch(
        f"/api/trips/{trip.pk}/", {"status": "cancelled"}, content_type="application/json"
    )
    assert patched.status_code == 200
    _assert_kept()
    dropped = admin_client.delete(f"/api/stops/{stop.pk}/")
    assert dropped.status_code == 204
    _assert_kept()
    made = admin_client.post(
        "/api/meetings/", {"trip": trip.pk, "description": "Talks"}, content_type="application/json"
    )
    assert made.status_code == 201
    _assert_kept()
    moved = admin_client.patch(
        f"/api/meetings/{made.json()['id']}/", {"trip": other.pk}, content_type="application/json"
    )
    assert moved.status_code == 200
    _assert_kept()
    dropped = admin_client.delete(f"/api/meetings/{made.json()['id']}/")
    assert dropped.status_code == 204
    _assert_kept()

    # The admin's meeting form, and its delete.
    extra = make_meeting(trip=trip)
    moved = admin_client.post(
        reverse("admin:trips_meeting_change", args=[extra.pk]),
        {"trip": other.pk, "description": "Moved", "participants": []},
    )
    assert moved.status_code == 302, moved.content
    _assert_kept()
    gone = admin_client.post(
        reverse("admin:trips_meeting_delete", args=[extra.pk]), {"post": "yes"}
    )
    assert gone.status_code == 302
    _assert_kept()

    # A merge, then a split of the merged official.
    travelled = list(Official.objects.filter(trips__status="completed").distinct()[:2])
    assert len(travelled) == 2
    keep = official_merge(source=travelled[1], target=travelled[0])
    _assert_kept()
    trips = list(keep.trips.order_by("pk"))
    official_split(official=keep, name="Someone Else", trips=trips[: len(trips) // 2 or 1])
    _assert_kept()

    # The admin deletes a trip.
    doomed = Trip.objects.travelled().filter(stops__isnull=False).first()
    deleted = admin_client.post(
        reverse("admin:trips_trip_delete", args=[doomed.pk]), {"post": "yes"}
    )
    assert deleted.status_code == 302
    _assert_kept()


def test_a_country_no_longer_visited_leaves_the_list():
    trip = make_trip()
    make_stop(trip=trip, country="NZ", city="Wellington")
    assert CountryVisits.objects.filter(code="NZ").exists()
    Trip.objects.filter(pk=trip.pk).update(status="planned")
    visit_totals_refresh(trip_ids=[trip.pk])
    assert not CountryVisits.objects.filter(code="NZ").exists()
    assert OfficialTotals.objects.get(official=trip.officials.get()).trip_count == 0


def test_the_countries_of_many_trips_move_together_in_a_few_statements():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = make_trip()
    make_stop(trip=first, country="FR", city="Paris", arrive_date=date(2024, 3, 15))
    trips = [make_trip(start_date=date(2024, 5, 1), end_date=date(2024, 5, 9)) for _ in range(3)]
    rows = [("FR", "Lyon", date(2024, 5, 2)), ("DE", "Berlin", None), ("IT", "Rome", None)]
    for trip, (country, city, day) in zip(trips, rows, strict=True):
        Stop.objects.create(trip=trip, order=1, country=country, city=city, arrive_date=day)
    Stop.objects.filter(trip=first).update(arrive_date=date(2024, 3, 14))  # a recount for FR
    with CaptureQueriesContext(connection) as queries:
        visit_totals_refresh(trip_ids=[first.pk, *(t.pk for t in trips)])

    writes = [q["sql"] for q in queries.captured_queries if '"trips_countryvisits"' in q["sql"]]
    assert len(writes) <= 3  # read (locked), one UPDATE, one INSERT
    _assert_kept()
    assert CountryVisits.objects.get(code="FR").first_visit == date(2024, 3, 14)


def test_an_officials_trips_move_by_the_difference_not_a_count_of_them_all():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    official = make_official()
    for day in range(1, 6):
        make_trip(officials=[official], start_date=date(2023, 1, day), end_date=None)
    trip = Trip.objects.create(title="One more", status=Trip.Status.COMPLETED)
    trip.officials.add(official)
    with CaptureQueriesContext(connection) as queries:
        visit_totals_refresh(trip_ids=[trip.pk])

    counts = [
        q["sql"] for q in queries.captured_queries if 'COUNT("trips_trip_officials"' in q["sql"]
    ]
    assert not counts
    assert OfficialTotals.objects.get(official=official).trip_count == 6
    Trip.objects.filter(pk=trip.pk).update(status=Trip.Status.CANCELLED)
    visit_totals_refresh(trip_ids=[trip.pk])
    assert OfficialTotals.objects.get(official=official).trip_count == 5
    _assert_kept_officials()


def test_an_officials_countries_move_by_the_difference_not_a_count_of_all_their_trips():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    official = make_official()
    for day in range(1, 6):
        trip = make_trip(officials=[official], start_date=date(2023, 1, day), end_date=None)
        make_stop(trip=trip, country="FR", arrive_date=date(2023, 1, day))
    visit_totals_refresh(trip_ids=Trip.objects.values_list("pk", flat=True))
    trip = make_trip(officials=[official], start_date=date(2023, 2, 1), end_date=None)
    make_stop(trip=trip, country="JP", arrive_date=date(2023, 2, 1))
    with CaptureQueriesContext(connection) as queries:
        visit_totals_refresh(trip_ids=[trip.pk])

    assert not [q for q in queries.captured_queries if "COUNT(DISTINCT" in q["sql"]]
    assert OfficialTotals.objects.get(official=official).countries_visited == 2
    # The one trip to Japan called off: Japan is no longer a country visited.
    Trip.objects.filter(pk=trip.pk).update(status=Trip.Status.CANCELLED)
    visit_totals_refresh(trip_ids=[trip.pk])
    assert OfficialTotals.objects.get(official=official).countries_visited == 1
    # One of five trips to France leaves it, four keep it.
    Stop.objects.filter(trip__start_date=date(2023, 1, 1)).update(country="DE")
    visit_totals_refresh(
        trip_ids=Trip.objects.filter(start_date=date(2023, 1, 1)).values_list("pk", flat=True)
    )
    assert OfficialTotals.objects.get(official=official).countries_visited == 2
    assert _official_countries_stored() == _official_countries_fresh()
    _assert_kept_officials()


def _assert_kept_officials() -> None:
    assert _stored()[1] == _fresh()[1]


def test_rebuild_visit_totals_recomputes_them_from_scratch():
    trip = make_trip()
    make_stop(trip=trip, country="JP", arrive_date=date(2024, 3, 14))
    make_stop(trip=trip, country="KR", arrive_date=date(2024, 3, 16))
    CountryVisits.objects.update(visit_count=99, first_visit=None)
    OfficialTotals.objects.all().delete()
    OfficialCountryTrips.objects.all().delete()
    Trip.objects.update(search_places="", search_keys={})
    out = StringIO()
    call_command("rebuild_visit_totals", stdout=out)
    assert "2 countries" in out.getvalue()
    _assert_kept()


def test_a_trip_saved_from_a_copy_read_before_its_stops_changed_keeps_its_stored_search():
    trip = make_trip()
    stale = Trip.objects.get(pk=trip.pk)
    make_stop(trip=trip, country="JP", city="Kyoto")
    stale.title = "Renamed"
    stale.save()
    assert Trip.objects.get(pk=trip.pk).search_places == "Kyoto"
    assert "country:JP" in Trip.objects.get(pk=trip.pk).search_keys
    _assert_kept()


def test_the_unfiltered_stops_list_reads_the_stored_count(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    trip = make_trip()
    make_stop(trip=trip, country="JP")
    make_stop(trip=make_trip(status="planned"), country="KR")
    with CaptureQueriesContext(connection) as queries:
        listed = client.get("/api/stops/", {"page_size": 1}).json()
    assert listed["count"] == 2
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]
    filtered = client.get("/api/stops/", {"country": "KR"}).json()
    assert filtered["count"] == 1
    geojson = client.get("/api/stops/", {"format": "geojson"})
    assert geojson["X-Total-Count"] == "2"


def test_the_unfiltered_trips_list_reads_the_stored_count(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_stop(trip=make_trip(), country="JP")
    make_trip(status="cancelled")  # neither stops nor meetings: counted all the same
    with CaptureQueriesContext(connection) as queries:
        listed = client.get("/api/trips/", {"page_size": 1}).json()
    assert listed["count"] == 2
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]
    assert client.get("/api/trips/", {"status": "cancelled"}).json()["count"] == 1
    csv = client.get("/api/trips/", {"format": "csv"})
    assert csv["X-Total-Count"] == "2"


def test_the_unfiltered_meetings_list_reads_the_stored_count(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    trip = make_trip()
    make_meeting(trip=trip, description="Talks on trade")
    make_meeting(trip=make_trip(status="planned"))
    with CaptureQueriesContext(connection) as queries:
        listed = client.get("/api/meetings/", {"page_size": 1}).json()
    assert listed["count"] == 2
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]
    filtered = client.get("/api/meetings/", {"trip": trip.pk}).json()
    assert filtered["count"] == 1
    csv = client.get("/api/meetings/", {"format": "csv"})
    assert csv["X-Total-Count"] == "2"


def test_the_stop_count_comes_back_after_a_flush_of_its_row():
    trip = make_trip()
    make_stop(trip=trip)
    make_meeting(trip=trip)
    RecordTotals.objects.all().delete()
    make_stop(trip=trip)
    assert stops_counted() == 2
    assert meetings_counted() == 1
    assert trips_counted() == 1
