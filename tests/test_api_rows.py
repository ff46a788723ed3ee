"""The trips and meetings lists are built from column values (``trips.api_rows``).

Their serializers still document the lists in the schema and serialize a
single object; these tests hold both to the same output, field for field.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.db.models import F, Prefetch
from django.urls import reverse
from rest_framework.request import Request

from tests.factories import (
    make_article,
    make_evidence,
    make_meeting,
    make_official,
    make_stop,
    make_trip,
)
from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.selectors import hosted_visits, official_hosted_trips, official_in_office
from trips.serializers import HostedVisitSerializer, MeetingSerializer, TripSerializer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.API_ANON_THROTTLE_RATE = None


def _varied_trips() -> None:
    """Trips with every kind of value a row can hold: empty, null, several, shared."""
    ana = make_official(name="Ana Example", slug="ana", title="Foreign Minister", country="BR")
    bo = make_official(name="Bo Example", slug="bo", title="", country="")
    early = make_article(
        title="Minister lands", url="https://example.org/a", source="Wire", published=None
    )
    later = make_article(title="Talks end", url="", source="", published=date(2024, 5, 3))
    busy = make_trip(
        officials=[bo, ana],
        title="Two capitals",
        summary="Talks on trade.",
        start_date=date(2024, 5, 1),
        end_date=date(2024, 5, 4),
        status=Trip.Status.COMPLETED,
        status_as_of=date(2024, 5, 4),
        edited_by_person=True,
    )
    busy.articles.add(later, early)
    make_stop(trip=busy, order=2, country="AR", city="", latitude=None, longitude=None)
    make_stop(
        trip=busy,
        order=1,
        country="CL",
        city="Santiago",
        latitude=-33.45,
        longitude=-70.67,
        arrive_date=date(2024, 5, 1),
        depart_date=date(2024, 5, 2),
    )
    make_evidence(
        article=later, trip=busy, sentence="The talks ended.", start_offset=9, end_offset=25
    )
    make_evidence(article=early, trip=busy, sentence="She landed.", start_offset=30, end_offset=41)
    make_evidence(article=early, trip=busy, sentence="She flew on.", start_offset=3, end_offset=15)
    make_trip(officials=[ana], title="", summary="", start_date=None, end_date=None)


def _serialized(request) -> list[dict]:
    """What TripSerializer gives for the same trips, relations in the list's order."""
    trips = Trip.objects.order_by(F("start_date").desc(nulls_last=True), "-id").prefetch_related(
        Prefetch("officials", queryset=Official.objects.order_by("name", "id")),
        Prefetch("stops", queryset=Stop.objects.order_by("order")),
        Prefetch("articles", queryset=Article.objects.order_by("id")),
        Prefetch("evidence", queryset=Evidence.objects.select_related("article")),
    )
    data = TripSerializer(trips, many=True, context={"request": Request(request)}).data
    return json.loads(json.dumps(data))


def test_list_rows_are_what_the_serializer_gives(client):
    _varied_trips()
    response = client.get(reverse("api:trip-list"))
    assert response.status_code == 200
    rows = response.json()["results"]
    assert rows == _serialized(response.wsgi_request)
    # The fixture reaches every case it means to.
    busy = rows[0]
    assert [t["slug"] for t in busy["travellers"]] == ["ana", "bo"]
    assert [s["order"] for s in busy["stops"]] == [1, 2]
    assert busy["stops"][1]["latitude"] is None and busy["stops"][1]["country_name"] == "Argentina"
    sentences = [e["sentence"] for e in busy["evidence"] if e["article"]["published"] is None]
    assert sentences == ["She flew on.", "She landed."]  # by place in the text
    assert rows[1]["start_date"] is None and rows[1]["stops"] == []


def test_list_rows_show_every_field_the_serializer_documents(client):
    make_trip()
    row = client.get(reverse("api:trip-list")).json()["results"][0]
    assert list(row) == list(TripSerializer.Meta.fields)


def test_csv_rows_are_flattened_from_the_list_rows(client):
    _varied_trips()
    rows = client.get(reverse("api:trip-list")).json()["results"]
    response = client.get(reverse("api:trip-list"), {"format": "csv"})
    lines = response.content.decode().splitlines()
    assert lines[0].split(",")[:6] == [
        "id",
        "title",
        "status",
        "start_date",
        "end_date",
        "traveller_slugs",
    ]
    busy = lines[1]
    assert busy.startswith(f"{rows[0]['id']},Two capitals,completed,2024-05-01,2024-05-04,ana; bo,")
    assert "CL; AR" in busy and ",Santiago," in busy
    assert "; ".join(str(pk) for pk in rows[0]["articles"]) in busy


def _varied_meetings() -> None:
    """Meetings with and without a stop, date, participants and evidence; two on one trip."""
    _varied_trips()
    busy = Trip.objects.get(title="Two capitals")
    santiago = busy.stops.get(order=1)
    zed = make_official(name="Zed Example", slug="zed", title="President", country="CL")
    amy = make_official(name="Amy Example", slug="amy", title="", country="")
    talks = make_meeting(
        trip=busy,
        stop=santiago,
        participants=[zed, amy],
        date=date(2024, 5, 1),
        description="Talks on lithium.",
    )
    article = busy.articles.order_by("id").first()
    make_evidence(article=article, meeting=talks, sentence="They met.", end_offset=9)
    make_meeting(trip=busy, participants=[], description="")
    other = Trip.objects.exclude(pk=busy.pk).get()
    make_meeting(trip=other, participants=[zed], date=date(2023, 1, 2))


def test_meeting_rows_are_what_the_serializer_gives(client):
    _varied_meetings()
    response = client.get(reverse("api:meeting-list"))
    assert response.status_code == 200
    rows = response.json()["results"]
    officials = Official.objects.order_by("name", "id")
    meetings = (
        Meeting.objects.order_by(F("date").desc(nulls_last=True), "id")
        .select_related("trip", "stop")
        .prefetch_related(
            Prefetch("trip__officials", queryset=officials),
            Prefetch("participants", queryset=officials),
            Prefetch("evidence", queryset=Evidence.objects.select_related("article")),
        )
    )
    context = {"request": Request(response.wsgi_request)}
    expected = json.loads(json.dumps(MeetingSerializer(meetings, many=True, context=context).data))
    assert rows == expected
    assert list(rows[0]) == list(MeetingSerializer.Meta.fields)
    talks = next(row for row in rows if row["description"] == "Talks on lithium.")
    assert [p["slug"] for p in talks["participants"]] == ["amy", "zed"]
    assert talks["city"] == "Santiago" and talks["evidence"][0]["sentence"] == "They met."
    loose = next(row for row in rows if row["stop"] is None and row["date"] is None)
    assert loose["country"] is None and loose["participants"] == []


def test_hosted_visit_rows_are_what_the_serializer_gives(client):
    _varied_meetings()  # Zed, of Chile, met on both trips; Santiago is in Chile
    zed = Official.objects.get(slug="zed")
    busy = Trip.objects.get(title="Two capitals")
    make_evidence(stop=busy.stops.get(order=1), sentence="In Santiago.", end_offset=12)
    visitor = make_official(name="Ana Visitor", slug="ana-visitor", country="AR")
    later = make_trip(
        officials=[visitor], title="To Chile", start_date=date(2024, 3, 1), end_date=None
    )
    make_stop(trip=later, country="CL", city="Valparaíso")
    make_meeting(trip=busy, participants=[zed], date=None, description="Again")
    url = reverse("api:official-hosted-visits", kwargs={"slug": "zed"})

    response = client.get(url)

    assert response.status_code == 200
    rows = response.json()["results"]
    trips = official_hosted_trips(official=zed, in_office=official_in_office(zed))
    context = {"request": Request(response.wsgi_request)}
    serialized = HostedVisitSerializer(hosted_visits(trips), many=True, context=context).data
    assert rows == json.loads(json.dumps(serialized))
    assert [row["trip"]["title"] for row in rows] == ["Two capitals", "To Chile", ""]
    assert rows[0]["met"] is True and rows[1]["met"] is False  # in Chile while Zed was in office
    assert rows[1]["stops"][0]["city"] == "Valparaíso"
    sentences = [e["sentence"] for e in rows[0]["evidence"]]
    assert sentences == ["They met.", "In Santiago."]  # the meetings' first
