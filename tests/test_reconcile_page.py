"""The agreement block of the trip page: what the news and the record each say."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import make_article, make_evidence, make_official, make_stop, make_trip
from trips.models import Evidence
from trips.reconcile import DateDifference, StopAgreement, TripAgreement, record_import

TOKYO = StopAgreement(
    country="JP",
    city="Tokyo",
    in_news=True,
    in_record=True,
    news_arrive=date(2021, 3, 14),
    record_arrive=date(2021, 3, 15),
)
BEIJING = StopAgreement(country="CN", city="Beijing", in_news=True, in_record=False)
SEOUL = StopAgreement(
    country="KR", city="Seoul", in_news=False, in_record=True, record_arrive=date(2021, 3, 17)
)


def _text(agreement: TripAgreement) -> str:
    html = render_to_string("trips/includes/agreement.html", {"agreement": agreement})
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_it_lists_confirmed_and_one_sided_stops_and_date_differences() -> None:
    text = _text(
        TripAgreement(
            has_news=True,
            has_record=True,
            confirmed=(TOKYO,),
            news_only=(BEIJING,),
            record_only=(SEOUL,),
            date_differences=(
                DateDifference("arrival in Tokyo, Japan", date(2021, 3, 14), date(2021, 3, 15)),
            ),
            record_start=date(2021, 3, 15),
            record_end=date(2021, 3, 18),
        )
    )

    assert "Partly confirmed" in text
    assert "Confirmed stops Tokyo, Japan" in text
    assert "Only in the news announced but not in the record" in text
    assert "Beijing, China" in text
    assert "Only in the record Seoul, South Korea, 17 March 2021" in text
    assert "Arrival in Tokyo, Japan: the news says 14 March 2021, the record 15 March 2021" in text
    assert "Dates in the record 15 March 2021 to 18 March 2021" in text


def test_it_says_when_the_record_confirms_everything() -> None:
    text = _text(TripAgreement(has_news=True, has_record=True, confirmed=(TOKYO,)))

    assert "every stop and date agrees" in text
    assert "Only in" not in text


def test_it_says_when_a_trip_is_not_in_the_record() -> None:
    text = _text(TripAgreement(has_news=True, has_record=False, news_only=(BEIJING,)))

    assert "Not in the record" in text
    assert "Beijing" not in text


@pytest.mark.django_db
def test_the_trip_page_shows_what_the_record_confirms(client) -> None:
    blinken = make_official(name="Antony Blinken", title="Secretary of State", country="US")
    trip = make_trip(officials=[blinken], start_date=date(2021, 3, 14), end_date=date(2021, 3, 18))
    article = make_article(published=date(2021, 3, 14))
    trip.articles.add(article)
    tokyo = make_stop(trip=trip, country="JP", city="Tokyo", arrive_date=date(2021, 3, 14))
    make_evidence(article=article, stop=tokyo, fact=Evidence.Fact.STOP)
    record_import(paths=[Path(__file__).parent / "data" / "record"])

    response = client.get(reverse("trips:trip-detail", kwargs={"pk": trip.pk}))

    assert response.status_code == 200
    html = response.content.decode()
    text = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "News and the official record" in text
    assert "Partly confirmed" in text
    assert "Confirmed stops Tokyo, Japan" in text
    assert "Only in the record Seoul, South Korea, 17 March 2021" in text
    assert "Trip start: the news says 14 March 2021, the record 15 March 2021" in text
    # The trip's dates follow the record; the news' stay beside them.
    assert "15–18 March 2021 (official record) the news reported 14–18 March 2021" in text


@pytest.mark.django_db
def test_the_page_of_a_news_only_trip_says_it_is_not_in_the_record(client) -> None:
    trip = make_trip()

    response = client.get(reverse("trips:trip-detail", kwargs={"pk": trip.pk}))

    assert "Not in the record" in response.content.decode()
