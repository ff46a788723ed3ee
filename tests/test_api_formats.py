"""The API's other formats: CSV, GeoJSON and the interchange export."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import (
    make_article,
    make_evidence,
    make_meeting,
    make_official,
    make_stop,
    make_trip,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.API_ANON_THROTTLE_RATE = None
    cache.clear()


@pytest.fixture
def trip():
    blinken = make_official(name="Antony Blinken", slug="antony-blinken")
    austin = make_official(name="Lloyd Austin", slug="lloyd-austin")
    motegi = make_official(name="Toshimitsu Motegi", slug="toshimitsu-motegi", country="JP")
    trip = make_trip(
        officials=[blinken, austin],
        title="Tokyo, then Seoul",
        start_date=date(2021, 3, 15),
        end_date=date(2021, 3, 18),
        summary='Talks, "2+2" format',
    )
    tokyo = make_stop(
        trip=trip,
        country="JP",
        city="Tokyo",
        arrive_date=date(2021, 3, 15),
        latitude=35.69,
        longitude=139.69,
    )
    make_stop(trip=trip, country="KR", city="Seoul", latitude=None, longitude=None)
    make_meeting(trip=trip, stop=tokyo, participants=[motegi], date=date(2021, 3, 16))
    article = make_article(external_id="nypost-1")
    trip.articles.add(article)
    make_evidence(article=article, stop=tokyo, sentence="They landed in Tokyo.")
    return trip


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_it_serves_trips_as_csv_with_flat_columns(client, trip):
    response = client.get(reverse("api:trip-list"), {"format": "csv"})
    rows = _csv(response)
    assert list(rows[0]) == [
        "id",
        "title",
        "status",
        "start_date",
        "end_date",
        "traveller_slugs",
        "traveller_names",
        "countries",
        "cities",
        "article_ids",
        "summary",
        "edited_by_person",
        "updated_at",
    ]
    row = rows[0]
    assert row["id"] == str(trip.pk)
    assert row["title"] == "Tokyo, then Seoul"
    assert row["traveller_names"] == "Antony Blinken; Lloyd Austin"
    assert row["countries"] == "JP; KR"
    assert row["cities"] == "Tokyo; Seoul"
    assert row["summary"] == 'Talks, "2+2" format'
    assert response["X-Total-Count"] == "1"


def test_it_serves_csv_when_the_client_accepts_it(client, trip):
    response = client.get(reverse("api:meeting-list"), HTTP_ACCEPT="text/csv")
    rows = _csv(response)
    assert rows == [
        {
            "id": str(trip.meetings.get().pk),
            "trip": str(trip.pk),
            "date": "2021-03-16",
            "stop": str(trip.stops.get(order=1).pk),
            "country": "JP",
            "city": "Tokyo",
            "traveller_ids": "; ".join(str(o.pk) for o in trip.officials.order_by("name")),
            "traveller_names": "Antony Blinken; Lloyd Austin",
            "participant_ids": str(trip.meetings.get().participants.get().pk),
            "participant_names": "Toshimitsu Motegi",
            "description": "",
        }
    ]


def test_it_serves_stops_as_csv_and_pages_them_through_link_headers(client, trip):
    response = client.get(reverse("api:stop-list"), {"format": "csv", "page_size": 1})
    rows = _csv(response)
    assert [r["city"] for r in rows] == ["Tokyo"]
    assert rows[0]["traveller_names"] == "Antony Blinken; Lloyd Austin"
    assert rows[0]["country_name"] == "Japan"
    assert response["X-Total-Count"] == "2"
    assert response["Link"] == (
        '<http://testserver/api/stops/?format=csv&page=2&page_size=1>; rel="next"'
    )


def test_it_writes_a_header_row_for_an_empty_csv(client):
    response = client.get(reverse("api:stop-list"), {"format": "csv"})
    assert response.content.decode().splitlines()[0].startswith("id,trip,trip_title,")


def test_it_reports_filter_errors_in_csv_too(client):
    response = client.get(reverse("api:trip-list"), {"format": "csv", "country": "XX"})
    assert response.status_code == 400
    assert response.content.decode().splitlines()[0] == "field,message"


def test_it_serves_stops_as_geojson_points(client, trip):
    response = client.get(reverse("api:stop-list"), {"format": "geojson"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    tokyo, seoul = collection["features"]
    assert tokyo["type"] == "Feature"
    assert tokyo["geometry"] == {"type": "Point", "coordinates": [139.69, 35.69]}
    assert tokyo["properties"]["trip"] == trip.pk
    assert [t["slug"] for t in tokyo["properties"]["travellers"]] == [
        "antony-blinken",
        "lloyd-austin",
    ]
    assert tokyo["properties"]["evidence"][0]["sentence"] == "They landed in Tokyo."
    assert "latitude" not in tokyo["properties"]
    # A stop without coordinates is still a feature, with no geometry (RFC 7946 §3.2).
    assert seoul["geometry"] is None


def test_it_keeps_geojson_to_stops(client):
    response = client.get(reverse("api:trip-list"), {"format": "geojson"})
    assert response.status_code == 404


def test_it_exports_the_record_as_interchange_json(client, trip):
    response = client.get(reverse("api:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    exported = response.json()
    assert set(exported) == {"officials", "trips"}
    (only,) = exported["trips"]
    assert only["travelers"] == ["Antony Blinken", "Lloyd Austin"]
    assert only["start"] == "2021-03-15"
    assert only["stops"][0] == {
        "country": "JP",
        "city": "Tokyo",
        "arrive": "2021-03-15",
        "depart": None,
    }
    assert only["sources"] == ["nypost-1"]
    assert reverse("api:export") == "/api/export.json"


@pytest.mark.parametrize("resource", ["meeting", "stop"])
def test_a_delete_answers_204_to_a_client_that_accepts_csv(admin_client, resource):
    target = make_meeting() if resource == "meeting" else make_stop()

    response = admin_client.delete(f"/api/{resource}s/{target.pk}/", HTTP_ACCEPT="text/csv")

    assert response.status_code == 204
    assert response.content == b""
