"""``Trip.objects.verified()`` and ``unverified()``: does the official record confirm a trip?"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError

from tests.factories import make_article, make_stop, make_trip
from trips.models import Article, Trip

pytestmark = pytest.mark.django_db


def test_it_counts_a_trip_with_a_record_source_as_verified() -> None:
    news_only = make_trip()
    news_only.articles.add(make_article())
    both = make_trip()
    both.articles.add(make_article(), make_article(kind=Article.Kind.RECORD))
    no_sources = make_trip()

    assert list(Trip.objects.verified()) == [both]
    assert set(Trip.objects.unverified()) == {news_only, no_sources}


def test_it_lists_a_verified_trip_once_whatever_its_number_of_records() -> None:
    trip = make_trip()
    trip.articles.add(
        make_article(kind=Article.Kind.RECORD), make_article(kind=Article.Kind.RECORD)
    )

    assert Trip.objects.verified().count() == 1


def test_it_refuses_recorded_dates_out_of_order() -> None:
    with pytest.raises(IntegrityError):
        make_stop(recorded_arrive=date(2024, 3, 16), recorded_depart=date(2024, 3, 15))
