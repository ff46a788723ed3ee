"""The news beside the official record: linking journeys and their agreement."""

from __future__ import annotations

import importlib
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db.models import Prefetch
from django.urls import reverse

from tests.factories import (
    make_article,
    make_evidence,
    make_meeting,
    make_official,
    make_stop,
    make_trip,
)
from trips.models import Article, Evidence, Official, Stop, Trip
from trips.reconcile import (
    DateDifference,
    StopAgreement,
    TripAgreement,
    record_import,
    trip_agreement,
    trips_reconcile,
)

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).parent / "data" / "record"

ARTICLE = """---
id: wire-2021-03-blinken-tokyo
title: Blinken lands in Tokyo on first trip abroad
published: 2021-03-16
source: Test Wire
---
Secretary of State Antony Blinken arrived in Tokyo on Monday, March 15, on his first trip
abroad as America's top diplomat.

He will travel to Seoul on Wednesday.
"""


def _blinken() -> Official:
    return make_official(name="Antony Blinken", title="Secretary of State", country="US")


def _news_trip(official: Official, **fields) -> Trip:
    """A trip from one news article, its stops backed by that article."""
    stops = fields.pop("stops", [])
    trip = make_trip(officials=[official], **fields)
    article = make_article(published=fields.get("status_as_of") or date(2021, 3, 14))
    trip.articles.add(article)
    for stop_fields in stops:
        stop = make_stop(trip=trip, **stop_fields)
        make_evidence(article=article, stop=stop, fact=Evidence.Fact.STOP)
    return trip


def test_it_links_the_record_to_an_imported_article_of_the_same_journey(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE)
    call_command("import_articles", str(tmp_path), "--no-progress", stdout=StringIO())
    (news_trip,) = Trip.objects.all()

    report = record_import(paths=[FIXTURE])

    assert report.counts["trips_linked"] == 1
    assert Trip.objects.count() == 6
    news_trip.refresh_from_db()
    kinds = set(news_trip.articles.values_list("kind", flat=True))
    assert kinds == {Article.Kind.NEWS, Article.Kind.RECORD}
    assert news_trip.status == Trip.Status.COMPLETED
    agreement = trip_agreement(news_trip)
    assert agreement.status in {"confirmed", "partly_confirmed"}
    assert "Tokyo" in [s.city for s in agreement.confirmed]
    assert Official.objects.filter(name__icontains="Blinken").count() == 1


def test_an_article_imported_after_the_record_joins_the_record_trip(tmp_path: Path) -> None:
    record_import(paths=[FIXTURE])
    (tmp_path / "article.txt").write_text(ARTICLE)

    call_command("import_articles", str(tmp_path), "--no-progress", stdout=StringIO())

    assert Trip.objects.count() == 6
    trip = Trip.objects.get(articles__kind=Article.Kind.NEWS)
    assert trip.start_date == date(2021, 3, 15)
    assert "Tokyo" in [s.city for s in trip_agreement(trip).confirmed]


def test_it_shows_confirmed_stops_stops_of_one_source_and_date_differences() -> None:
    trip = _news_trip(
        _blinken(),
        status=Trip.Status.PLANNED,
        start_date=date(2021, 3, 14),
        end_date=date(2021, 3, 18),
        stops=[
            {"country": "JP", "city": "Tokyo", "arrive_date": date(2021, 3, 14)},
            {"country": "CN", "city": "Beijing", "latitude": None, "longitude": None},
        ],
    )

    record_import(paths=[FIXTURE])
    trip.refresh_from_db()

    assert trip_agreement(trip) == TripAgreement(
        has_news=True,
        has_record=True,
        confirmed=(
            StopAgreement(
                country="JP",
                city="Tokyo",
                in_news=True,
                in_record=True,
                news_arrive=date(2021, 3, 14),
                news_depart=None,
                record_arrive=date(2021, 3, 15),
                record_depart=date(2021, 3, 17),
            ),
        ),
        news_only=(StopAgreement(country="CN", city="Beijing", in_news=True, in_record=False),),
        record_only=(
            StopAgreement(
                country="KR",
                city="Seoul",
                in_news=False,
                in_record=True,
                record_arrive=date(2021, 3, 17),
                record_depart=date(2021, 3, 18),
            ),
        ),
        date_differences=(
            DateDifference("trip start", date(2021, 3, 14), date(2021, 3, 15)),
            DateDifference("arrival in Tokyo, Japan", date(2021, 3, 14), date(2021, 3, 15)),
        ),
        record_start=date(2021, 3, 15),
        record_end=date(2021, 3, 18),
    )
    trip.refresh_from_db()
    assert trip.status == Trip.Status.COMPLETED
    # By date; the undated Beijing stays after Tokyo, which it followed in the news.
    assert [s.city for s in trip.stops.all()] == ["Tokyo", "Beijing", "Seoul"]


def test_it_merges_a_meeting_both_report_and_places_it_at_the_record_stop() -> None:
    trip = _news_trip(
        _blinken(),
        start_date=date(2021, 3, 15),
        end_date=date(2021, 3, 18),
        stops=[{"country": "JP", "city": "Tokyo"}],
    )
    motegi = make_official(name="Toshimitsu Motegi", title="Foreign Minister", country="JP")
    news_meeting = make_meeting(trip=trip, participants=[motegi], description="Talks.")

    record_import(paths=[FIXTURE])

    news_meeting.refresh_from_db()
    assert news_meeting.stop is not None
    assert (news_meeting.stop.city, news_meeting.description) == ("Tokyo", "Talks.")
    assert trip.meetings.filter(participants=motegi).count() == 1
    assert news_meeting.evidence.filter(article__kind=Article.Kind.RECORD).exists()


def test_it_links_a_trip_announced_without_dates_by_its_countries() -> None:
    trip = _news_trip(
        _blinken(),
        status=Trip.Status.PLANNED,
        start_date=None,
        end_date=None,
        status_as_of=date(2021, 3, 1),
        stops=[{"country": "KR", "city": ""}],
    )

    record_import(paths=[FIXTURE])

    trip.refresh_from_db()
    assert (trip.start_date, trip.end_date) == (date(2021, 3, 15), date(2021, 3, 18))
    assert trip_agreement(trip).status == "partly_confirmed"
    assert [(s.city, s.in_news, s.in_record) for s in trip_agreement(trip).confirmed] == [
        ("Seoul", True, True)
    ]


def test_it_links_a_trip_reported_from_the_road_without_dates() -> None:
    trip = _news_trip(
        _blinken(),
        status=Trip.Status.ONGOING,
        start_date=None,
        end_date=None,
        status_as_of=date(2021, 3, 17),
        stops=[{"country": "JP", "city": "Tokyo"}],
    )

    record_import(paths=[FIXTURE])

    assert trip_agreement(Trip.objects.get(pk=trip.pk)).verified


def test_it_does_not_link_an_announcement_long_before_the_journey() -> None:
    trip = _news_trip(
        _blinken(),
        status=Trip.Status.PLANNED,
        start_date=None,
        end_date=None,
        status_as_of=date(2020, 1, 1),
        stops=[{"country": "KR", "city": "Seoul"}],
    )

    record_import(paths=[FIXTURE])

    assert not Trip.objects.verified().filter(pk=trip.pk).exists()
    assert Trip.objects.count() == 7


def test_it_does_not_link_a_trip_of_the_same_days_to_other_countries() -> None:
    trip = _news_trip(
        _blinken(),
        status=Trip.Status.PLANNED,
        start_date=date(2021, 3, 16),
        end_date=date(2021, 3, 17),
        stops=[{"country": "CN", "city": "Beijing"}],
    )

    record_import(paths=[FIXTURE])

    assert trip_agreement(Trip.objects.get(pk=trip.pk)).status == "unverified"
    assert Trip.objects.count() == 7


def test_reconcile_links_trips_imported_apart() -> None:
    record_import(paths=[FIXTURE])
    blinken = Official.objects.get(name="Antony John Blinken")
    trip = _news_trip(
        blinken,
        start_date=date(2021, 5, 4),
        end_date=date(2021, 5, 6),
        stops=[{"country": "GB", "city": "London"}],
    )

    counts = trips_reconcile().counts

    assert (counts["trips_linked"], counts["stops_confirmed"]) == (1, 1)
    assert (counts["both"], counts["news_only"], counts["record_only"]) == (1, 0, 5)
    assert Trip.objects.count() == 6
    agreement = trip_agreement(Trip.objects.get(pk=trip.pk))
    assert [s.city for s in agreement.confirmed] == ["London"]
    assert [s.city for s in agreement.record_only] == ["Rogart"]
    assert trips_reconcile().counts["trips_linked"] == 0


def test_reconcile_leaves_a_record_trip_an_editor_changed_apart() -> None:
    record_import(paths=[FIXTURE])
    record_trip = Trip.objects.get(start_date=date(2021, 5, 3))
    Trip.objects.filter(pk=record_trip.pk).update(edited_by_person=True)
    _news_trip(
        Official.objects.get(name="Antony John Blinken"),
        start_date=date(2021, 5, 4),
        end_date=date(2021, 5, 6),
        stops=[{"country": "GB", "city": "London"}],
    )

    counts = trips_reconcile().counts

    assert (counts["trips_linked"], counts["kept_apart_edited"]) == (0, 1)
    assert Trip.objects.filter(pk=record_trip.pk).exists()


def test_the_reconcile_command_reports_counts() -> None:
    record_import(paths=[FIXTURE])
    out = StringIO()

    call_command("reconcile", stdout=out)

    assert out.getvalue().strip() == (
        "Reconciled: 0 news trips checked, 0 linked to the record (0 stops confirmed), "
        "0 kept apart (edited by a person), 0 dated by the record. Now 0 trips have both "
        "kinds of source, 0 only news, 6 only the record."
    )


def test_reconcile_dates_by_the_record_a_trip_linked_before_dates_followed_it() -> None:
    trip = _news_trip(
        _blinken(),
        start_date=date(2021, 3, 14),
        end_date=date(2021, 3, 16),
        stops=[{"country": "JP", "city": "Tokyo", "arrive_date": date(2021, 3, 14)}],
    )
    record_import(paths=[FIXTURE])
    # As an older version and migration 0006 leave it: the news' dates on the
    # trip, and kept apart.
    Trip.objects.filter(pk=trip.pk).update(
        start_date=date(2021, 3, 14),
        end_date=date(2021, 3, 16),
        reported_start=date(2021, 3, 14),
        reported_end=date(2021, 3, 16),
    )

    # Matching limited to other travellers (after a merge of theirs) leaves it be.
    other = make_official(name="Penny Wong", slug="penny-wong", country="AU")
    assert trips_reconcile(official_ids=[other.pk]).counts["trips_dated_by_record"] == 0
    trip.refresh_from_db()
    assert (trip.start_date, trip.end_date) == (date(2021, 3, 14), date(2021, 3, 16))

    counts = trips_reconcile().counts
    trip.refresh_from_db()

    assert counts["trips_dated_by_record"] == 1
    assert (trip.start_date, trip.end_date) == (date(2021, 3, 15), date(2021, 3, 18))
    assert (trip.reported_start, trip.reported_end) == (date(2021, 3, 14), date(2021, 3, 16))
    assert trips_reconcile().counts["trips_dated_by_record"] == 0


def test_migration_0006_keeps_the_dates_of_trips_the_news_reported_first() -> None:
    migration = importlib.import_module("trips.migrations.0006_pages_trip_reported_dates")
    news_first = make_trip(start_date=date(2021, 3, 14), end_date=date(2021, 3, 16))
    record_first = make_trip(start_date=date(2021, 3, 15), end_date=date(2021, 3, 18))
    news, record = make_article(), make_article(kind=Article.Kind.RECORD)
    news_first.articles.add(news)
    news_first.articles.add(record)
    record_first.articles.add(make_article(kind=Article.Kind.RECORD))
    record_first.articles.add(make_article())

    migration.keep_news_dates(django_apps, None)

    news_first.refresh_from_db()
    record_first.refresh_from_db()
    assert (news_first.reported_start, news_first.reported_end) == (
        date(2021, 3, 14),
        date(2021, 3, 16),
    )
    # Its dates mixed the record's and the news': not shown as the news'.
    assert (record_first.reported_start, record_first.reported_end) == (None, None)


def test_a_trip_without_record_is_unverified_with_every_stop_news_only() -> None:
    trip = _news_trip(_blinken(), stops=[{"country": "JP", "city": "Tokyo"}])

    agreement = trip_agreement(trip)

    assert (agreement.status, agreement.verified) == ("unverified", False)
    assert [s.city for s in agreement.news_only] == ["Tokyo"]
    assert agreement.confirmed == agreement.record_only == agreement.date_differences == ()


def test_a_trip_from_the_record_alone_lists_its_stops_as_record_only() -> None:
    record_import(paths=[FIXTURE])

    agreement = trip_agreement(Trip.objects.get(start_date=date(2021, 10, 29)))

    assert (agreement.status, agreement.verified) == ("record_only", True)
    assert [s.country for s in agreement.record_only] == ["VA"]
    assert agreement.as_dict() == {
        "status": "record_only",
        "verified": True,
        "record_start": "2021-10-29",
        "record_end": "2021-10-29",
        "confirmed_stops": [],
        "news_only_stops": [],
        "record_only_stops": [
            {
                "country": "VA",
                "city": "",
                "news_arrive": None,
                "news_depart": None,
                "record_arrive": "2021-10-29",
                "record_depart": "2021-10-29",
            }
        ],
        "date_differences": [],
    }


def test_agreement_of_prefetched_trips_needs_no_query(django_assert_num_queries) -> None:
    record_import(paths=[FIXTURE])
    trips = list(
        Trip.objects.prefetch_related(
            "articles",
            Prefetch("stops", queryset=Stop.objects.order_by("order")),
            "stops__evidence__article",
        )
    )

    with django_assert_num_queries(0):
        agreements = [trip_agreement(trip) for trip in trips]

    assert {a.status for a in agreements} == {"record_only"}


def _api(client, name: str, **kwargs) -> dict:
    response = client.get(reverse(name, kwargs=kwargs.pop("kwargs", None)), kwargs)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_api_shows_the_agreement_and_filters_on_it(client) -> None:
    news_only = _news_trip(_blinken(), stops=[{"country": "FR", "city": "Paris"}])
    trip = _news_trip(
        Official.objects.get(name="Antony Blinken"),
        start_date=date(2021, 3, 15),
        end_date=date(2021, 3, 18),
        stops=[{"country": "JP", "city": "Tokyo", "arrive_date": date(2021, 3, 15)}],
    )
    record_import(paths=[FIXTURE])

    payload = _api(client, "api:trip-detail", kwargs={"pk": trip.pk})

    assert payload["agreement"] == {
        "status": "partly_confirmed",
        "verified": True,
        "record_start": "2021-03-15",
        "record_end": "2021-03-18",
        "confirmed_stops": [
            {
                "country": "JP",
                "city": "Tokyo",
                "news_arrive": "2021-03-15",
                "news_depart": None,
                "record_arrive": "2021-03-15",
                "record_depart": "2021-03-17",
            }
        ],
        "news_only_stops": [],
        "record_only_stops": [
            {
                "country": "KR",
                "city": "Seoul",
                "news_arrive": None,
                "news_depart": None,
                "record_arrive": "2021-03-17",
                "record_depart": "2021-03-18",
            }
        ],
        "date_differences": [],
    }
    verified = {row["id"] for row in _api(client, "api:trip-list", verified="true")["results"]}
    unverified = {row["id"] for row in _api(client, "api:trip-list", verified="false")["results"]}
    assert trip.pk in verified
    assert news_only.pk not in verified
    assert unverified == {news_only.pk}


def test_a_confirmed_trip_takes_the_records_dates_and_title_and_keeps_the_news_dates() -> None:
    trip = _news_trip(
        _blinken(),
        title="Antony Blinken to Tokyo",
        status=Trip.Status.ONGOING,
        start_date=date(2021, 3, 14),
        end_date=date(2021, 3, 16),
        stops=[
            {"country": "JP", "city": "Tokyo", "arrive_date": date(2021, 3, 14)},
            # Only the news has it, after the record's last day: the trip lasts until then.
            {"country": "CN", "city": "Beijing", "arrive_date": date(2021, 3, 20)},
        ],
    )

    record_import(paths=[FIXTURE])
    trip.refresh_from_db()

    assert (trip.start_date, trip.end_date) == (date(2021, 3, 15), date(2021, 3, 20))
    assert (trip.reported_start, trip.reported_end) == (date(2021, 3, 14), date(2021, 3, 16))
    assert trip.title == "Antony Blinken to Tokyo, Seoul and Beijing"
    agreement = trip_agreement(trip)
    assert DateDifference("trip start", date(2021, 3, 14), date(2021, 3, 15)) in (
        agreement.date_differences
    )


def test_an_editors_trip_keeps_its_dates_when_the_record_confirms_it() -> None:
    trip = _news_trip(
        _blinken(),
        title="Edited",
        start_date=date(2021, 3, 14),
        end_date=date(2021, 3, 16),
        stops=[{"country": "JP", "city": "Tokyo", "arrive_date": date(2021, 3, 14)}],
    )
    Trip.objects.filter(pk=trip.pk).update(edited_by_person=True)

    record_import(paths=[FIXTURE])
    trip.refresh_from_db()

    assert (trip.title, trip.start_date, trip.end_date) == (
        "Edited",
        date(2021, 3, 14),
        date(2021, 3, 16),
    )


def test_an_article_after_the_record_keeps_the_records_dates_and_its_own_beside(
    tmp_path: Path,
) -> None:
    record_import(paths=[FIXTURE])
    (tmp_path / "article.txt").write_text(
        ARTICLE.replace("arrived in Tokyo on Monday, March 15", "arrived in Tokyo on March 14")
    )

    call_command("import_articles", str(tmp_path), "--no-progress", stdout=StringIO())

    trip = Trip.objects.get(articles__kind=Article.Kind.NEWS)
    assert (trip.start_date, trip.end_date) == (date(2021, 3, 15), date(2021, 3, 18))
    assert trip.reported_start == date(2021, 3, 14)
    assert trip.title.endswith("to Tokyo and Seoul")


def _record_trip(official: Official, start: date, end: date, country: str) -> Trip:
    trip = make_trip(officials=[official], start_date=start, end_date=end)
    trip.articles.add(make_article(kind=Article.Kind.RECORD, published=end))
    make_stop(trip=trip, country=country, city="", recorded_arrive=start, recorded_depart=end)
    return trip


def test_reconcile_finds_a_long_record_trip_and_one_announced_undated(monkeypatch) -> None:
    from trips import reconcile

    official = make_official(name="Ada Quill", country="GB")
    long_trip = _record_trip(official, date(2021, 4, 1), date(2021, 5, 10), "JP")
    later = _record_trip(official, date(2021, 7, 15), date(2021, 7, 18), "FR")
    _record_trip(official, date(2019, 1, 1), date(2019, 1, 3), "JP")  # another journey
    news_dated = _news_trip(
        official,
        start_date=date(2021, 5, 8),
        end_date=date(2021, 5, 9),
        stops=[{"country": "JP", "city": "Tokyo"}],
    )
    news_undated = _news_trip(
        official,
        start_date=None,
        end_date=None,
        status_as_of=date(2021, 6, 1),
        stops=[{"country": "FR", "city": "Paris"}],
    )
    refreshed = []
    real_refresh = reconcile.visit_totals_refresh

    def refresh(**kwargs):
        refreshed.append(set(kwargs["trip_ids"]))
        real_refresh(**kwargs)

    monkeypatch.setattr(reconcile, "visit_totals_refresh", refresh)

    counts = trips_reconcile().counts

    assert counts["trips_linked"] == 2
    assert not Trip.objects.filter(pk__in=[long_trip.pk, later.pk]).exists()
    for news in (news_dated, news_undated):
        kinds = set(news.articles.values_list("kind", flat=True))
        assert kinds == {Article.Kind.NEWS, Article.Kind.RECORD}
    # The stored totals are brought up to date once, for every trip absorbed.
    assert refreshed == [{long_trip.pk, later.pk, news_dated.pk, news_undated.pk}]


def test_reconcile_costs_the_same_statements_a_trip_however_many_other_trips() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def statements(others: int) -> int:
        official = make_official(name=f"Traveller {others}", country="GB")
        for year in range(others):
            _record_trip(official, date(1990 + year, 1, 1), date(1990 + year, 1, 3), "JP")
        _record_trip(official, date(2021, 5, 3), date(2021, 5, 6), "JP")
        _news_trip(
            official,
            start_date=date(2021, 5, 4),
            end_date=date(2021, 5, 6),
            stops=[{"country": "JP", "city": "Tokyo"}],
        )
        with CaptureQueriesContext(connection) as queries:
            assert trips_reconcile().counts["trips_linked"] == 1
        return len(queries.captured_queries)

    assert statements(1) == statements(12)
