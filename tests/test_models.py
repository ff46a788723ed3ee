"""Database constraints reject what must never be stored."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from tests.factories import (
    make_article,
    make_evidence,
    make_meeting,
    make_official,
    make_stop,
    make_trip,
)
from trips.models import Article, Evidence, Official, Stop, Trip

pytestmark = pytest.mark.django_db


def _rejected(write) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def test_it_rejects_a_trip_ending_before_it_starts():
    trip = make_trip()
    trip.start_date, trip.end_date = date(2024, 3, 10), date(2024, 3, 9)
    _rejected(trip.save)


def test_it_accepts_a_trip_with_one_date_unknown():
    trip = make_trip(start_date=date(2024, 3, 10), end_date=None)
    assert Trip.objects.filter(pk=trip.pk).exists()


def test_it_rejects_an_unknown_status():
    trip = make_trip()
    _rejected(lambda: Trip.objects.filter(pk=trip.pk).update(status="rumoured"))


def test_it_rejects_a_stop_departing_before_arriving():
    _rejected(lambda: make_stop(arrive_date=date(2024, 3, 10), depart_date=date(2024, 3, 9)))


def test_it_rejects_two_stops_with_the_same_order_in_a_trip():
    trip = make_trip()
    make_stop(trip=trip, order=1)
    _rejected(lambda: make_stop(trip=trip, order=1, country="KR", city="Seoul"))


def test_it_allows_the_same_order_in_different_trips():
    make_stop(order=1)
    make_stop(order=1)
    assert Stop.objects.count() == 2


def test_it_rejects_an_invalid_stop_country():
    _rejected(lambda: make_stop(country="XX"))


def test_it_rejects_a_lower_case_country_code():
    _rejected(lambda: make_stop(country="jp"))


def test_it_rejects_an_invalid_official_country_but_allows_unknown():
    _rejected(lambda: make_official(country="ZZ"))
    assert make_official(country="").country == ""


def test_it_rejects_out_of_range_coordinates():
    _rejected(lambda: make_stop(latitude=123.0, longitude=0.0))


def test_it_rejects_a_duplicate_article_hash():
    article = make_article()
    _rejected(lambda: make_article(text="other", content_hash=article.content_hash))


def test_it_rejects_a_duplicate_article_url_but_allows_many_without_one():
    make_article(url="https://example.org/a")
    _rejected(lambda: make_article(url="https://example.org/a"))
    make_article(url="")
    make_article(url="")
    assert Article.objects.filter(url="").count() == 2


def test_it_rejects_evidence_with_offsets_reversed():
    _rejected(lambda: make_evidence(start_offset=10, end_offset=5))


def test_it_rejects_evidence_pointing_at_nothing_or_two_facts():
    article = make_article()
    _rejected(
        lambda: Evidence.objects.create(
            article=article, fact="trip", sentence="s", start_offset=0, end_offset=1
        )
    )
    trip, official = make_trip(), make_official()
    _rejected(
        lambda: Evidence.objects.create(
            article=article,
            fact="trip",
            trip=trip,
            official=official,
            sentence="s",
            start_offset=0,
            end_offset=1,
        )
    )


def test_model_validation_names_the_offending_field():
    trip = make_trip(start_date=date(2024, 3, 10), end_date=date(2024, 3, 12))
    trip.end_date = date(2024, 3, 1)
    with pytest.raises(ValidationError) as caught:
        trip.full_clean()
    assert "end_date" in caught.value.message_dict
    stop = make_stop(country="JP")
    stop.country = "XX"
    with pytest.raises(ValidationError) as caught:
        stop.full_clean()
    assert "country" in caught.value.message_dict


def test_official_gets_a_slug_from_its_name():
    official = Official.objects.create(name="Toshiko Example", title="Foreign Minister")
    assert official.slug == "toshiko-example"


def test_trip_queryset_filters_chain():
    official = make_official()
    planned = make_trip(
        officials=[official],
        status="planned",
        start_date=date(2025, 1, 5),
        end_date=date(2025, 1, 9),
    )
    make_stop(trip=planned, country="KR", city="Seoul")
    make_trip(
        officials=[official],
        status="completed",
        start_date=date(2024, 1, 5),
        end_date=date(2024, 1, 9),
    )
    assert list(Trip.objects.planned().for_official(official)) == [planned]
    assert list(Trip.objects.visiting("kr")) == [planned]
    assert list(Trip.objects.overlapping(date(2025, 1, 8), date(2025, 2, 1))) == [planned]


def test_every_model_has_a_readable_str():
    official = make_official(name="Sam Example", title="President")
    trip = make_trip(title="Sam Example to Japan")
    stop = make_stop(trip=trip, city="", country="KR")
    meeting = make_meeting(trip=trip)
    assert str(official) == "Sam Example (President)"
    assert str(trip) == "Sam Example to Japan"
    assert str(stop) == "1. South Korea"
    assert "date unknown" in str(meeting)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="GIN full-text indexes exist on PostgreSQL only"
)
def test_full_text_search_uses_its_index_on_postgresql():
    from trips.filters import text_match

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    query = Trip.objects.filter(text_match(Trip.objects.all(), "Tokyo"))
    assert "trip_search_idx" in query.explain()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the GiST index exists on PostgreSQL only"
)
def test_a_date_window_of_trips_uses_its_index_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    window = Trip.objects.overlapping(date(2025, 1, 8), date(2025, 2, 1))
    assert "trip_known_dates_idx" in window.order_by().explain()
    # Each end a test of its own, which PostgreSQL expects few trips to pass
    # (its reason: Trip.objects.overlapping): it then reads the window off
    # this index for a newest-first page too, not the newest-first index.
    assert str(window.query).count("&&") == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigram and GIN indexes exist on PostgreSQL only"
)
def test_a_search_of_trips_uses_an_index_for_each_part_on_postgresql():
    from trips.filters import _trip_ids_matching

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    make_official(name="Toshiko Example")  # a traveller matches: the keys take part
    plan = Trip.objects.filter(_trip_ids_matching("Toshiko")).order_by().explain()
    for index in ("trip_search_idx", "trip_search_places_trgm_idx", "trip_search_keys_idx"):
        assert index in plan, plan


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the NULLS LAST indexes exist on PostgreSQL only"
)
def test_newest_first_lists_read_their_index_on_postgresql():
    from trips import api_selectors

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    lists = {
        "trip_newest_idx": api_selectors.trips_listed(),
        "stop_newest_idx": api_selectors.stops_listed(),
        "meeting_newest_idx": api_selectors.meetings_listed(),
        "article_newest_idx": api_selectors.articles_listed(),
    }
    for index, query in lists.items():
        assert index in query[:50].explain(), index


def test_an_article_too_long_for_a_full_text_vector_is_kept_and_searchable():
    """PostgreSQL refuses a tsvector over 1 MB; the stored document covers the text's start."""
    from hashlib import md5

    from trips.filters import text_match

    # 2 MB of distinct words: their full vector would be about 2 MB.
    words = " ".join(md5(str(n).encode()).hexdigest() for n in range(60_000))
    article = make_article(title="A data dump", text=f"Fisheries {words} trailing")
    found = Article.objects.filter(text_match(Article.objects.all(), "fisheries"))
    assert list(found) == [article]
