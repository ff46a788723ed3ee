"""Atom feeds per official and per country, and the iCalendar feed of an official's trips."""

from __future__ import annotations

from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from icalendar import Calendar

from tests.factories import make_official, make_stop, make_trip
from trips.models import Trip

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.API_ANON_THROTTLE_RATE = None
    cache.clear()


@pytest.fixture
def wong():
    official = make_official(name="Penny Wong", slug="penny-wong", title="Foreign Minister")
    visit = make_trip(
        officials=[official],
        title="Wong in Jakarta",
        status=Trip.Status.COMPLETED,
        start_date=date(2024, 2, 5),
        end_date=date(2024, 2, 7),
        summary="Talks on maritime security.",
    )
    make_stop(trip=visit, country="ID", city="Jakarta")
    planned = make_trip(
        officials=[official],
        title="Wong to Tokyo",
        status=Trip.Status.PLANNED,
        start_date=date(2025, 6, 1),
        end_date=None,
    )
    make_stop(trip=planned, country="JP", city="Tokyo")
    make_trip(officials=[official], title="Undated", start_date=None, end_date=None)
    make_trip(title="Someone else's trip")
    return official


def _atom(response) -> ElementTree.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def test_it_serves_an_atom_feed_of_an_officials_trips_latest_change_first(client, wong):
    Trip.objects.filter(title="Wong in Jakarta").update(updated_at="2030-01-01T00:00:00Z")
    feed = _atom(client.get(reverse("api:official-feed", kwargs={"slug": "penny-wong"})))
    assert feed.findtext(f"{ATOM}title") == "Trips of Penny Wong (Foreign Minister)"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Wong in Jakarta (completed)",
        "Undated (completed)",
        "Wong to Tokyo (planned)",
    ]
    first = entries[0]
    assert first.findtext(f"{ATOM}updated").startswith("2030-01-01")
    assert "Stops: Jakarta, Indonesia." in first.findtext(f"{ATOM}summary")
    trip = Trip.objects.get(title="Wong in Jakarta")
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver/trips/{trip.pk}/"
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == ["Indonesia"]


def test_it_serves_an_atom_feed_of_visits_to_a_country(client, wong):
    feed = _atom(client.get(reverse("api:country-feed", kwargs={"code": "id"})))
    assert feed.findtext(f"{ATOM}title") == "Visits to Indonesia"
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == [
        "Wong in Jakarta (completed)"
    ]


def test_it_answers_unknown_feeds_with_json_404(client):
    for path in (
        reverse("api:official-feed", kwargs={"slug": "nobody"}),
        reverse("api:country-feed", kwargs={"code": "QQ"}),
        reverse("api:official-ics", kwargs={"slug": "nobody"}),
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"detail": "Not found."}


def test_it_serves_an_officials_trips_as_a_parseable_calendar(client, wong):
    response = client.get(reverse("api:official-ics", kwargs={"slug": "penny-wong"}))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert reverse("api:official-ics", kwargs={"slug": "penny-wong"}) == (
        "/api/officials/penny-wong/trips.ics"
    )
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Trips of Penny Wong"
    events = calendar.walk("VEVENT")
    # The undated trip cannot be placed on a calendar; the other official's is not theirs.
    assert [str(e["SUMMARY"]) for e in events] == ["Wong in Jakarta", "Wong to Tokyo (planned)"]
    jakarta, tokyo = events
    assert jakarta.decoded("DTSTART") == date(2024, 2, 5)
    assert jakarta.decoded("DTEND") == date(2024, 2, 8)  # exclusive end of an all-day event
    assert str(jakarta["STATUS"]) == "CONFIRMED"
    assert str(jakarta["LOCATION"]) == "Jakarta, Indonesia"
    assert "maritime security" in str(jakarta["DESCRIPTION"])
    trip = Trip.objects.get(title="Wong in Jakarta")
    assert str(jakarta["UID"]) == f"trip-{trip.pk}@testserver"
    assert str(jakarta["URL"]) == f"http://testserver/trips/{trip.pk}/"
    assert str(tokyo["STATUS"]) == "TENTATIVE"
    assert (tokyo.decoded("DTSTART"), tokyo.decoded("DTEND")) == (
        date(2025, 6, 1),
        date(2025, 6, 2),
    )


def test_it_keeps_a_trips_uid_and_shows_its_change_in_the_calendar(client, wong):
    path = reverse("api:official-ics", kwargs={"slug": "penny-wong"})
    before = Calendar.from_ical(client.get(path).content).walk("VEVENT")[1]
    trip = Trip.objects.get(title="Wong to Tokyo")
    with time_machine.travel(trip.updated_at + timedelta(hours=1)):
        trip.status = Trip.Status.CANCELLED
        trip.save()
    after = Calendar.from_ical(client.get(path).content).walk("VEVENT")[1]
    assert str(after["UID"]) == str(before["UID"])
    assert str(after["STATUS"]) == "CANCELLED"
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("api:official-feed", {"slug": "penny-wong"}),
        ("api:country-feed", {"code": "ID"}),
        ("api:official-ics", {"slug": "penny-wong"}),
    ],
)
def test_feeds_answer_pollers_with_304_until_they_change(client, wong, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    first = client.get(url)
    etag = first["ETag"]
    assert first.status_code == 200 and etag
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    trip = Trip.objects.get(title="Wong in Jakarta")
    trip.summary = "Talks on maritime security and trade."
    trip.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
