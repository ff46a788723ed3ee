"""Writes through the API: who may write, the edited-by-a-person marker, validation errors."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse
from rest_framework.authtoken.models import Token

from tests.factories import make_article, make_meeting, make_official, make_stop, make_trip
from trips.models import Meeting, Official, Stop, Trip

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.API_ANON_THROTTLE_RATE = None
    cache.clear()


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password="pw-editor-1", is_staff=True)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def _send(client, method: str, path: str, body: dict | None = None, **headers):
    return getattr(client, method)(
        path, data=json.dumps(body or {}), content_type="application/json", **headers
    )


def test_it_refuses_anonymous_writes(client):
    trip = make_trip()
    official = make_official()
    attempts = [
        ("post", reverse("api:trip-list"), {"travellers": [official.slug]}),
        ("patch", reverse("api:trip-detail", kwargs={"pk": trip.pk}), {"title": "X"}),
        ("delete", reverse("api:trip-detail", kwargs={"pk": trip.pk}), None),
        ("post", reverse("api:official-list"), {"name": "New Person"}),
        ("post", reverse("api:stop-list"), {"trip": trip.pk, "order": 1, "country": "JP"}),
        ("post", reverse("api:meeting-list"), {"trip": trip.pk}),
    ]
    for method, path, body in attempts:
        response = _send(client, method, path, body)
        assert response.status_code == 401, (method, path)
        assert response.json() == {"detail": "Authentication credentials were not provided."}
    trip.refresh_from_db()
    assert trip.title != "X"
    assert Official.objects.count() == 2  # the traveller made by make_trip, and `official`


def test_it_refuses_writes_from_users_who_are_not_staff(client, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="pw-reader-1")
    client.force_login(reader)
    trip = make_trip()
    response = _send(client, "patch", reverse("api:trip-detail", kwargs={"pk": trip.pk}), {})
    assert response.status_code == 403
    assert response.json() == {"detail": "Only staff users may change the record."}


def test_it_lets_staff_create_a_trip_marked_as_edited(staff_client):
    wong = make_official(name="Penny Wong", slug="penny-wong")
    article = make_article()
    response = _send(
        staff_client,
        "post",
        reverse("api:trip-list"),
        {
            "title": "Wong in the Pacific",
            "status": "planned",
            "start_date": "2025-02-01",
            "end_date": "2025-02-03",
            "travellers": ["penny-wong"],
            "articles": [article.pk],
        },
    )
    assert response.status_code == 201, response.content
    trip = Trip.objects.get()
    assert trip.edited_by_person is True
    assert list(trip.officials.all()) == [wong]
    assert list(trip.articles.all()) == [article]
    body = response.json()
    assert body["id"] == trip.pk
    assert body["edited_by_person"] is True
    assert body["travellers"][0]["slug"] == "penny-wong"
    assert body["stops"] == [] and body["meetings"] == []


def test_it_lets_staff_change_a_trip_with_a_token(client, staff):
    token = Token.objects.create(user=staff)
    trip = make_trip(title="Old title", status="planned")
    other = make_official(slug="second-traveller")
    response = _send(
        client,
        "patch",
        reverse("api:trip-detail", kwargs={"pk": trip.pk}),
        {"title": "New title", "status": "completed", "travellers": ["second-traveller"]},
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert response.status_code == 200, response.content
    trip.refresh_from_db()
    assert (trip.title, trip.status, trip.edited_by_person) == ("New title", "completed", True)
    assert list(trip.officials.all()) == [other]
    assert response.json()["title"] == "New title"


def test_it_keeps_fields_a_patch_leaves_out(staff_client):
    trip = make_trip(title="Kept", summary="Kept too", start_date=date(2024, 1, 1), end_date=None)
    response = _send(
        staff_client,
        "patch",
        reverse("api:trip-detail", kwargs={"pk": trip.pk}),
        {"end_date": "2024-01-05"},
    )
    assert response.status_code == 200
    trip.refresh_from_db()
    assert (trip.title, trip.summary, trip.end_date) == ("Kept", "Kept too", date(2024, 1, 5))
    assert trip.officials.count() == 1


def test_it_requires_every_required_field_on_put(staff_client):
    trip = make_trip()
    response = _send(
        staff_client, "put", reverse("api:trip-detail", kwargs={"pk": trip.pk}), {"title": "T"}
    )
    assert response.status_code == 400
    assert response.json() == {"travellers": ["This field is required."]}


def test_it_lets_staff_delete_a_trip(staff_client):
    trip = make_trip()
    make_stop(trip=trip)
    response = staff_client.delete(reverse("api:trip-detail", kwargs={"pk": trip.pk}))
    assert response.status_code == 204
    assert not Trip.objects.exists() and not Stop.objects.exists()


def test_it_rejects_a_trip_that_ends_before_it_starts(staff_client):
    make_official(slug="a-traveller")
    response = _send(
        staff_client,
        "post",
        reverse("api:trip-list"),
        {"travellers": ["a-traveller"], "start_date": "2024-05-02", "end_date": "2024-05-01"},
    )
    assert response.status_code == 400
    assert response.json() == {"end_date": ["The trip cannot end before it starts."]}
    assert not Trip.objects.exists()


def test_it_rejects_a_patch_that_puts_dates_out_of_order(staff_client):
    trip = make_trip(start_date=date(2024, 5, 1), end_date=date(2024, 5, 3))
    response = _send(
        staff_client,
        "patch",
        reverse("api:trip-detail", kwargs={"pk": trip.pk}),
        {"start_date": "2024-06-01"},
    )
    assert response.status_code == 400
    assert response.json() == {"end_date": ["The trip cannot end before it starts."]}
    trip.refresh_from_db()
    assert trip.start_date == date(2024, 5, 1) and trip.edited_by_person is False


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"travellers": []}, {"travellers": ["Ensure this field has at least 1 elements."]}),
        (
            {"travellers": ["nobody"]},
            {"travellers": {"0": ["Object with slug=nobody does not exist."]}},
        ),
        ({"travellers": ["t1"], "status": "lost"}, {"status": ['"lost" is not a valid choice.']}),
        (
            {"travellers": ["t1"], "start_date": "1 May"},
            {
                "start_date": [
                    "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."
                ]
            },
        ),
    ],
)
def test_it_names_the_field_of_each_trip_input_error(staff_client, body, errors):
    make_official(slug="t1")
    response = _send(staff_client, "post", reverse("api:trip-list"), body)
    assert response.status_code == 400
    assert response.json() == errors


def test_it_lets_staff_add_and_change_stops(staff_client):
    trip = make_trip()
    response = _send(
        staff_client,
        "post",
        reverse("api:stop-list"),
        {
            "trip": trip.pk,
            "order": 1,
            "country": "JP",
            "city": "Tokyo",
            "latitude": 35.7,
            "longitude": 139.7,
            "arrive_date": "2024-03-14",
        },
    )
    assert response.status_code == 201, response.content
    stop = Stop.objects.get()
    assert stop.edited_by_person is True
    assert response.json()["country_name"] == "Japan"
    response = _send(
        staff_client,
        "patch",
        reverse("api:stop-detail", kwargs={"pk": stop.pk}),
        {"city": "Kyoto"},
    )
    assert response.status_code == 200
    stop.refresh_from_db()
    assert stop.city == "Kyoto"


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"country": "XX"},
            {"country": ["XX is not an ISO 3166-1 alpha-2 country code."]},
        ),
        (
            {"country": "JP", "arrive_date": "2024-03-05", "depart_date": "2024-03-01"},
            {"depart_date": ["A stop cannot end before it begins."]},
        ),
        (
            {"country": "JP", "latitude": 95, "longitude": 10},
            {"latitude": ["Ensure this value is less than or equal to 90."]},
        ),
        (
            {"country": "JP", "latitude": 10},
            {"longitude": ["Give latitude and longitude together, or neither."]},
        ),
        (
            {"country": "JP", "order": 1},
            {"non_field_errors": ["Stop with this Trip and Order already exists."]},
        ),
    ],
)
def test_it_rejects_invalid_stops_naming_the_field(staff_client, body, errors):
    trip = make_trip()
    make_stop(trip=trip, order=1)
    response = _send(
        staff_client, "post", reverse("api:stop-list"), {"trip": trip.pk, "order": 2, **body}
    )
    assert response.status_code == 400
    assert response.json() == errors
    assert Stop.objects.count() == 1


def test_it_lets_staff_record_a_meeting_and_checks_its_stop(staff_client):
    trip = make_trip()
    stop = make_stop(trip=trip)
    elsewhere = make_stop()
    make_official(slug="host")
    response = _send(
        staff_client,
        "post",
        reverse("api:meeting-list"),
        {"trip": trip.pk, "stop": stop.pk, "participants": ["host"], "description": "Talks"},
    )
    assert response.status_code == 201, response.content
    meeting = Meeting.objects.get()
    assert meeting.edited_by_person is True
    assert [p.slug for p in meeting.participants.all()] == ["host"]
    response = _send(
        staff_client,
        "patch",
        reverse("api:meeting-detail", kwargs={"pk": meeting.pk}),
        {"stop": elsewhere.pk},
    )
    assert response.status_code == 400
    assert response.json() == {"stop": ["The stop belongs to another trip."]}


def test_it_marks_a_meeting_whose_participants_alone_changed(staff_client):
    meeting = make_meeting()
    make_official(slug="new-host")
    response = _send(
        staff_client,
        "patch",
        reverse("api:meeting-detail", kwargs={"pk": meeting.pk}),
        {"participants": ["new-host"]},
    )
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.edited_by_person is True
    assert [p.slug for p in meeting.participants.all()] == ["new-host"]


def test_it_lets_staff_create_and_rename_officials(staff_client):
    response = _send(
        staff_client,
        "post",
        reverse("api:official-list"),
        {"name": "Penny Wong", "title": "Foreign Minister", "country": "AU", "aliases": ["Wong"]},
    )
    assert response.status_code == 201, response.content
    official = Official.objects.get()
    assert (official.slug, official.edited_by_person) == ("penny-wong", True)
    assert response.json()["api_url"].endswith("/api/officials/penny-wong/")
    response = _send(
        staff_client,
        "patch",
        reverse("api:official-detail", kwargs={"slug": "penny-wong"}),
        {"title": "Minister for Foreign Affairs"},
    )
    assert response.status_code == 200
    official.refresh_from_db()
    assert official.title == "Minister for Foreign Affairs"


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"name": "A", "country": "ZZ"},
            {"country": ["ZZ is not an ISO 3166-1 alpha-2 country code, nor EU or UN."]},
        ),
        ({"name": "A", "slug": "taken"}, {"slug": ["Official with this Slug already exists."]}),
        ({"title": "Minister"}, {"name": ["This field is required."]}),
    ],
)
def test_it_rejects_invalid_officials_naming_the_field(staff_client, body, errors):
    make_official(slug="taken")
    response = _send(staff_client, "post", reverse("api:official-list"), body)
    assert response.status_code == 400
    assert response.json() == errors


def test_it_refuses_writes_to_articles_and_countries(staff_client):
    article = make_article()
    for method, path in (
        ("post", reverse("api:article-list")),
        ("patch", reverse("api:article-detail", kwargs={"pk": article.pk})),
        ("delete", reverse("api:article-detail", kwargs={"pk": article.pk})),
        ("post", reverse("api:country-list")),
    ):
        assert _send(staff_client, method, path, {}).status_code == 405, (method, path)


def test_it_answers_malformed_json_with_a_400(staff_client):
    response = staff_client.post(
        reverse("api:trip-list"), data="{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_it_refuses_a_traveller_slug_that_cannot_exist(staff_client):
    response = _send(
        staff_client, "post", reverse("api:trip-list"), {"travellers": ["bad\x00slug"]}
    )
    assert response.status_code == 400
    assert list(response.json()) == ["travellers"]


def test_it_deletes_an_official_only_when_no_trip_needs_them(staff_client):
    traveller = make_official(slug="traveller")
    make_trip(officials=[traveller])
    make_official(slug="bystander")
    refused = staff_client.delete(reverse("api:official-detail", kwargs={"slug": "traveller"}))
    assert refused.status_code == 400
    assert refused.json() == {
        "non_field_errors": ["This official travels on recorded trips; edit those first."]
    }
    deleted = staff_client.delete(reverse("api:official-detail", kwargs={"slug": "bystander"}))
    assert deleted.status_code == 204
    assert list(Official.objects.values_list("slug", flat=True)) == ["traveller"]


def test_an_official_may_serve_the_eu_or_the_un_but_a_stop_is_in_a_country(staff_client):
    response = _send(
        staff_client,
        "post",
        reverse("api:official-list"),
        {"name": "Ada Quill", "title": "High Representative", "country": "EU"},
    )
    assert response.status_code == 201, response.content
    assert Official.objects.get().country == "EU"
    trip = make_trip()
    response = _send(
        staff_client,
        "post",
        reverse("api:stop-list"),
        {"trip": trip.pk, "order": 1, "country": "EU"},
    )
    assert response.status_code == 400
    assert "country" in response.json()
