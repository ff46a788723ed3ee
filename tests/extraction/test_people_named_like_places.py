"""A person's surname that is also a city is not a visited place."""

from __future__ import annotations

from datetime import date

from trips.extraction import extract_article
from trips.extraction.types import ArticleInput


def _trips(text: str, published: date = date(2024, 5, 6)):
    return extract_article(ArticleInput(title="", text=text, published=published)).trips


def test_it_does_not_take_a_surname_mention_for_a_city():
    [trip] = _trips(
        "Peruvian Foreign Minister Maria Houston arrived in Madrid on Monday for talks. "
        "Houston said she would also travel to Lisbon."
    )
    assert [(s.country, s.city) for s in trip.stops] == [("ES", "Madrid"), ("PT", "Lisbon")]


def test_a_return_home_expected_later_keeps_the_trip_ongoing_and_dates_in_order():
    [trip] = _trips(
        "Peruvian Foreign Minister Maria Houston arrived in Madrid on Monday for talks. "
        "Houston is expected back in Lima on Friday."
    )
    assert trip.status == "ongoing"
    assert (trip.start, trip.end) == (date(2024, 5, 6), date(2024, 5, 10))
    assert [s.country for s in trip.stops] == ["ES"]
