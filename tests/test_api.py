"""The read side of the REST API: resources, filters, search, ordering, paging, query counts."""

from __future__ import annotations

import os
from datetime import date

import pytest
from django.core.cache import cache
from django.db.models import F
from django.urls import reverse

from tests.factories import (
    make_article,
    make_evidence,
    make_meeting,
    make_official,
    make_stop,
    make_trip,
)
from trips.models import Article, Official, OfficialFormerSlug, Trip
from trips.selectors import official_hosted_count, official_in_office
from trips.totals import visit_totals_refresh

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.API_ANON_THROTTLE_RATE = None
    cache.clear()


def _get(client, name, *, kwargs=None, **params):
    response = client.get(reverse(name, kwargs=kwargs), params)
    assert response.status_code == 200, response.content
    return response.json()


def _ids(payload) -> list[int]:
    return [row["id"] for row in payload["results"]]


def _blinken_trip():
    blinken = make_official(
        name="Antony Blinken", slug="antony-blinken", title="Secretary of State", country="US"
    )
    motegi = make_official(
        name="Toshimitsu Motegi", slug="toshimitsu-motegi", title="Foreign Minister", country="JP"
    )
    article = make_article(
        external_id="voa-1",
        title="Blinken lands in Tokyo",
        url="https://example.org/voa-1",
        source="VOA",
        published=date(2021, 3, 16),
        text="Blinken arrived in Tokyo on March 15. He met Motegi.",
    )
    trip = make_trip(
        officials=[blinken],
        title="Blinken in Asia",
        summary="Talks on alliances.",
        start_date=date(2021, 3, 15),
        end_date=date(2021, 3, 18),
    )
    trip.articles.add(article)
    tokyo = make_stop(
        trip=trip,
        country="JP",
        city="Tokyo",
        latitude=35.69,
        longitude=139.69,
        arrive_date=date(2021, 3, 15),
        depart_date=date(2021, 3, 17),
    )
    seoul = make_stop(trip=trip, country="KR", city="Seoul", latitude=None, longitude=None)
    meeting = make_meeting(
        trip=trip, stop=tokyo, participants=[motegi], date=date(2021, 3, 16), description="Talks"
    )
    make_evidence(
        article=article,
        trip=trip,
        sentence="Blinken arrived in Tokyo on March 15.",
        start_offset=0,
        end_offset=37,
    )
    make_evidence(article=article, stop=tokyo, sentence="Blinken arrived in Tokyo", end_offset=24)
    make_evidence(
        article=article,
        meeting=meeting,
        sentence="He met Motegi.",
        start_offset=38,
        end_offset=52,
    )
    return trip, blinken, motegi, article, tokyo, seoul, meeting


def test_it_returns_a_trip_with_everything_for_its_timeline(client):
    trip, blinken, motegi, article, tokyo, seoul, meeting = _blinken_trip()
    payload = _get(client, "api:trip-detail", kwargs={"pk": trip.pk})
    article_ref = {
        "id": article.pk,
        "external_id": "voa-1",
        "title": "Blinken lands in Tokyo",
        "url": "https://example.org/voa-1",
        "source": "VOA",
        "published": "2021-03-16",
        "api_url": f"{BASE}/api/articles/{article.pk}/",
    }

    def evidence(fact, sentence, start, end):
        return {
            "fact": fact,
            "sentence": sentence,
            "start_offset": start,
            "end_offset": end,
            "article": article_ref,
        }

    assert payload == {
        "id": trip.pk,
        "title": "Blinken in Asia",
        "status": "completed",
        "status_as_of": None,
        "start_date": "2021-03-15",
        "end_date": "2021-03-18",
        "summary": "Talks on alliances.",
        "travellers": [
            {
                "id": blinken.pk,
                "slug": "antony-blinken",
                "name": "Antony Blinken",
                "title": "Secretary of State",
                "country": "US",
                "api_url": f"{BASE}/api/officials/antony-blinken/",
            }
        ],
        "stops": [
            {
                "id": tokyo.pk,
                "order": 1,
                "country": "JP",
                "country_name": "Japan",
                "city": "Tokyo",
                "latitude": 35.69,
                "longitude": 139.69,
                "arrive_date": "2021-03-15",
                "depart_date": "2021-03-17",
                "recorded_arrive": None,
                "recorded_depart": None,
                "notes": "",
                "edited_by_person": False,
                "evidence": [evidence("stop", "Blinken arrived in Tokyo", 0, 24)],
            },
            {
                "id": seoul.pk,
                "order": 2,
                "country": "KR",
                "country_name": "South Korea",
                "city": "Seoul",
                "latitude": None,
                "longitude": None,
                "arrive_date": None,
                "depart_date": None,
                "recorded_arrive": None,
                "recorded_depart": None,
                "notes": "",
                "edited_by_person": False,
                "evidence": [],
            },
        ],
        "articles": [article_ref],
        "edited_by_person": False,
        "created_at": payload["created_at"],
        "updated_at": payload["updated_at"],
        "api_url": f"{BASE}/api/trips/{trip.pk}/",
        "html_url": f"{BASE}/trips/{trip.pk}/",
        "evidence": [evidence("trip", "Blinken arrived in Tokyo on March 15.", 0, 37)],
        "meetings": [
            {
                "id": meeting.pk,
                "date": "2021-03-16",
                "stop": tokyo.pk,
                "participants": [
                    {
                        "id": motegi.pk,
                        "slug": "toshimitsu-motegi",
                        "name": "Toshimitsu Motegi",
                        "title": "Foreign Minister",
                        "country": "JP",
                        "api_url": f"{BASE}/api/officials/toshimitsu-motegi/",
                    }
                ],
                "description": "Talks",
                "edited_by_person": False,
                "evidence": [evidence("meeting", "He met Motegi.", 38, 52)],
            }
        ],
        # Known from the news only: every stop is the news' claim.
        "agreement": {
            "status": "unverified",
            "verified": False,
            "record_start": None,
            "record_end": None,
            "confirmed_stops": [],
            "news_only_stops": [
                {
                    "country": "JP",
                    "city": "Tokyo",
                    "news_arrive": "2021-03-15",
                    "news_depart": "2021-03-17",
                    "record_arrive": None,
                    "record_depart": None,
                },
                {
                    "country": "KR",
                    "city": "Seoul",
                    "news_arrive": None,
                    "news_depart": None,
                    "record_arrive": None,
                    "record_depart": None,
                },
            ],
            "record_only_stops": [],
            "date_differences": [],
        },
    }


def test_it_lists_trips_with_travellers_and_stops_newest_first(client):
    trip, *_ = _blinken_trip()
    older = make_trip(title="Older", start_date=date(2020, 1, 1), end_date=date(2020, 1, 2))
    undated = make_trip(title="Undated", start_date=None, end_date=None)
    payload = _get(client, "api:trip-list")
    assert payload["count"] == 3
    assert _ids(payload) == [trip.pk, older.pk, undated.pk]
    first = payload["results"][0]
    assert [s["city"] for s in first["stops"]] == ["Tokyo", "Seoul"]
    assert "evidence" not in first["stops"][0]
    assert first["travellers"][0]["slug"] == "antony-blinken"
    assert first["articles"] == [trip.articles.get().pk]
    assert "meetings" not in first


def test_it_lists_officials_with_counts_and_links(client):
    trip, blinken, motegi, *_ = _blinken_trip()
    second = make_trip(officials=[blinken])
    make_stop(trip=second, country="FR", city="Paris")
    make_stop(trip=second, country="JP", city="Osaka")
    make_evidence(official=blinken, sentence="Secretary of State Antony Blinken")
    payload = _get(client, "api:official-list")
    by_slug = {row["slug"]: row for row in payload["results"]}
    row = by_slug["antony-blinken"]
    assert row["trip_count"] == 2
    assert row["countries_visited"] == 3
    assert row["aliases"] == []
    assert row["trips_url"] == f"{BASE}/api/trips/?official=antony-blinken"
    assert row["calendar_url"] == f"{BASE}/api/officials/antony-blinken/trips.ics"
    assert row["feed_url"] == f"{BASE}/api/officials/antony-blinken/feed.atom"
    assert row["html_url"] == f"{BASE}/officials/antony-blinken/"
    assert [e["sentence"] for e in row["evidence"]] == ["Secretary of State Antony Blinken"]
    assert by_slug["toshimitsu-motegi"]["trip_count"] == 0
    assert by_slug["toshimitsu-motegi"]["countries_visited"] == 0


def test_it_shows_an_official_with_every_trip(client):
    trip, blinken, *_ = _blinken_trip()
    later = make_trip(officials=[blinken], title="Later", start_date=date(2022, 1, 1))
    payload = _get(client, "api:official-detail", kwargs={"slug": "antony-blinken"})
    assert [t["id"] for t in payload["trips"]] == [later.pk, trip.pk]
    assert payload["trips"][1] == {
        "id": trip.pk,
        "title": "Blinken in Asia",
        "status": "completed",
        "start_date": "2021-03-15",
        "end_date": "2021-03-18",
        "api_url": f"{BASE}/api/trips/{trip.pk}/",
    }


def test_an_official_shows_the_visits_they_hosted_and_their_meetings(client):
    trip, blinken, motegi, article, tokyo, seoul, meeting = _blinken_trip()
    make_evidence(article=article, official=motegi, sentence="He met Motegi.", end_offset=14)
    payload = _get(client, "api:official-detail", kwargs={"slug": "toshimitsu-motegi"})
    article_ref = {
        "id": article.pk,
        "external_id": "voa-1",
        "title": "Blinken lands in Tokyo",
        "url": "https://example.org/voa-1",
        "source": "VOA",
        "published": "2021-03-16",
        "api_url": f"{BASE}/api/articles/{article.pk}/",
    }

    def evidence(fact, sentence, start, end):
        return {
            "fact": fact,
            "sentence": sentence,
            "start_offset": start,
            "end_offset": end,
            "article": article_ref,
        }

    def ref(official, slug):
        return {
            "id": official.pk,
            "slug": slug,
            "name": official.name,
            "title": official.title,
            "country": official.country,
            "api_url": f"{BASE}/api/officials/{slug}/",
        }

    trip_ref = {
        "id": trip.pk,
        "title": "Blinken in Asia",
        "status": "completed",
        "start_date": "2021-03-15",
        "end_date": "2021-03-18",
        "api_url": f"{BASE}/api/trips/{trip.pk}/",
    }
    tokyo_ref = {
        "id": tokyo.pk,
        "order": 1,
        "country": "JP",
        "country_name": "Japan",
        "city": "Tokyo",
        "latitude": 35.69,
        "longitude": 139.69,
        "arrive_date": "2021-03-15",
        "depart_date": "2021-03-17",
    }
    assert payload == {
        "id": motegi.pk,
        "slug": "toshimitsu-motegi",
        "name": "Toshimitsu Motegi",
        "title": "Foreign Minister",
        "country": "JP",
        "country_name": "Japan",
        "aliases": [],
        "record_id": "",
        "trip_count": 0,
        "countries_visited": 0,
        "edited_by_person": False,
        "api_url": f"{BASE}/api/officials/toshimitsu-motegi/",
        "html_url": f"{BASE}/officials/toshimitsu-motegi/",
        "trips_url": f"{BASE}/api/trips/?official=toshimitsu-motegi",
        "calendar_url": f"{BASE}/api/officials/toshimitsu-motegi/trips.ics",
        "feed_url": f"{BASE}/api/officials/toshimitsu-motegi/feed.atom",
        "evidence": [evidence("official", "He met Motegi.", 0, 14)],
        "trips": [],
        # The meeting's day and the article naming him.
        "in_office": {"first": "2021-03-16", "last": "2021-03-16"},
        # Counted and linked: a head of state hosts thousands.
        "hosted_visit_count": 1,
        "hosted_visit_count_is_lower_bound": False,
        "hosted_visits_url": f"{BASE}/api/officials/toshimitsu-motegi/hosted-visits/",
        "meeting_count": 1,
        "meetings_url": f"{BASE}/api/officials/toshimitsu-motegi/meetings/",
    }
    hosted = _get(client, "api:official-hosted-visits", kwargs={"slug": "toshimitsu-motegi"})
    assert hosted == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "trip": trip_ref,
                "travellers": [ref(blinken, "antony-blinken")],
                "met": True,
                "stops": [tokyo_ref],
                "evidence": [
                    evidence("meeting", "He met Motegi.", 38, 52),
                    evidence("stop", "Blinken arrived in Tokyo", 0, 24),
                ],
            }
        ],
    }
    meetings = _get(client, "api:official-meetings", kwargs={"slug": "toshimitsu-motegi"})
    assert meetings == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": meeting.pk,
                "date": "2021-03-16",
                "trip": trip_ref,
                "travellers": [ref(blinken, "antony-blinken")],
                "stop": tokyo_ref,
                "participants": [ref(motegi, "toshimitsu-motegi")],
                "description": "Talks",
                "evidence": [evidence("meeting", "He met Motegi.", 38, 52)],
            }
        ],
    }


def _met_monthly(count: int) -> Official:
    """Motegi, met on ``count`` trips to Tokyo, one a month from January 2020 (trip n newest)."""
    motegi = make_official(name="Toshimitsu Motegi", slug="toshimitsu-motegi", country="JP")
    blinken = make_official(name="Antony Blinken", slug="antony-blinken", country="US")
    for n in range(1, count + 1):
        day = date(2020 + (n - 1) // 12, (n - 1) % 12 + 1, 10)
        trip = make_trip(officials=[blinken], title=f"Tokyo {n}", start_date=day, end_date=day)
        stop = make_stop(trip=trip, country="JP", city="Tokyo", arrive_date=day, depart_date=day)
        make_meeting(trip=trip, stop=stop, participants=[motegi], date=day, description=f"{n}")
    return motegi


def test_the_visits_an_official_hosted_are_counted_up_to_a_cap(client, monkeypatch):
    """A head of state's country receives a share of all travel: the detail's count
    stops at a cap and says so, where the paged list still gives them all."""
    motegi = _met_monthly(2)
    visitor = make_official(name="Wang Yi", slug="wang-yi", country="CN")
    for n in range(4):  # visits to Japan while he is in office (2020-01 to 2020-02)
        day = date(2020, 1, 12 + n)
        trip = make_trip(officials=[visitor], title=f"Visit {n}", start_date=day, end_date=day)
        make_stop(trip=trip, country="JP", city="Osaka", arrive_date=day)
        make_stop(trip=trip, country="JP", city="Kyoto", arrive_date=day)  # one trip, two stops
    slug = {"slug": "toshimitsu-motegi"}
    in_office = official_in_office(motegi)

    # Blinken's two trips where they met, and Wang's four: six visits to Japan.
    assert official_hosted_count(official=motegi, in_office=in_office, cap=6) == (6, False)
    assert official_hosted_count(official=motegi, in_office=in_office, cap=5) == (6, True)
    count, more = official_hosted_count(official=motegi, in_office=in_office, cap=2)
    assert more and 3 <= count <= 5  # the three visits read, and the meetings' trips
    monkeypatch.setattr("trips.selectors.HOSTED_COUNT_CAP", 2)
    detail = _get(client, "api:official-detail", kwargs=slug)
    assert detail["hosted_visit_count_is_lower_bound"] is True
    assert 3 <= detail["hosted_visit_count"] <= 5
    assert _get(client, "api:official-hosted-visits", kwargs=slug)["count"] == 6


def test_an_officials_visits_hosted_and_meetings_come_a_page_at_a_time(client):
    _met_monthly(7)
    slug = {"slug": "toshimitsu-motegi"}

    detail = _get(client, "api:official-detail", kwargs=slug)
    first = _get(client, "api:official-hosted-visits", kwargs=slug, page_size=3)
    last = _get(client, "api:official-hosted-visits", kwargs=slug, page_size=3, page=3)
    meetings = _get(client, "api:official-meetings", kwargs=slug, page_size=3, page=2)

    assert (detail["hosted_visit_count"], detail["meeting_count"]) == (7, 7)
    assert "hosted_visits" not in detail and "meetings" not in detail
    url = f"{BASE}/api/officials/toshimitsu-motegi/hosted-visits/"
    assert first["count"] == 7 and first["next"] == f"{url}?page=2&page_size=3"
    assert [v["trip"]["title"] for v in first["results"]] == ["Tokyo 7", "Tokyo 6", "Tokyo 5"]
    assert [v["trip"]["title"] for v in last["results"]] == ["Tokyo 1"]
    assert last["next"] is None
    assert meetings["count"] == 7
    assert [m["description"] for m in meetings["results"]] == ["4", "3", "2"]


@pytest.mark.parametrize("n_trips", [3, 60])
def test_a_page_of_visits_hosted_costs_the_same_queries_whatever_their_number(
    client, django_assert_num_queries, n_trips
):
    _met_monthly(n_trips)
    url = reverse("api:official-hosted-visits", kwargs={"slug": "toshimitsu-motegi"})
    with django_assert_num_queries(11):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.json()["results"]) == min(n_trips, 50)


def test_the_visits_hosted_of_a_merged_official_move_with_them(client):
    motegi = _met_monthly(1)
    OfficialFormerSlug.objects.create(official=motegi, slug="motegi-toshimitsu")
    response = client.get("/api/officials/motegi-toshimitsu/hosted-visits/?page=1")
    assert response.status_code == 301
    assert response["Location"] == "/api/officials/toshimitsu-motegi/hosted-visits/?page=1"
    assert client.get("/api/officials/nobody/meetings/").status_code == 404


def test_it_lists_stops_flat_with_trip_and_travellers(client):
    trip, blinken, _, _, tokyo, seoul, _ = _blinken_trip()
    payload = _get(client, "api:stop-list")
    assert _ids(payload) == [tokyo.pk, seoul.pk]
    row = payload["results"][0]
    assert row["trip"] == trip.pk
    assert row["trip_title"] == "Blinken in Asia"
    assert row["trip_url"] == f"{BASE}/api/trips/{trip.pk}/"
    assert [t["id"] for t in row["travellers"]] == [blinken.pk]
    assert row["evidence"][0]["sentence"] == "Blinken arrived in Tokyo"


def test_it_lists_meetings_flat_with_place_and_people(client):
    trip, blinken, motegi, _, tokyo, _, meeting = _blinken_trip()
    unplaced = make_meeting(trip=trip, participants=[], date=None, description="Dinner")
    payload = _get(client, "api:meeting-list")
    assert _ids(payload) == [meeting.pk, unplaced.pk]
    row, other = payload["results"]
    assert (row["country"], row["city"], row["stop"]) == ("JP", "Tokyo", tokyo.pk)
    assert [t["slug"] for t in row["travellers"]] == ["antony-blinken"]
    assert [p["slug"] for p in row["participants"]] == ["toshimitsu-motegi"]
    assert (other["country"], other["city"], other["stop"]) == (None, None, None)


def test_it_shows_an_article_with_the_facts_it_supports(client):
    trip, blinken, motegi, article, tokyo, _, meeting = _blinken_trip()
    listed = _get(client, "api:article-list")
    assert listed["results"][0]["trips"] == [trip.pk]
    assert "facts" not in listed["results"][0]
    payload = _get(client, "api:article-detail", kwargs={"pk": article.pk})
    assert payload["kind"] == "news"
    facts = payload["facts"]
    assert [f["fact"] for f in facts] == ["trip", "stop", "meeting"]
    assert facts[0]["trip"]["id"] == trip.pk
    assert facts[1]["stop"] == {
        "id": tokyo.pk,
        "trip": trip.pk,
        "order": 1,
        "country": "JP",
        "city": "Tokyo",
        "arrive_date": "2021-03-15",
        "depart_date": "2021-03-17",
    }
    assert facts[2]["meeting"]["id"] == meeting.pk
    assert facts[2]["official"] is None


def test_it_lists_the_countries_visited_and_their_visits(client):
    trip, blinken, *_ = _blinken_trip()
    again = make_trip(officials=[blinken], start_date=date(2023, 5, 1), end_date=None)
    make_stop(trip=again, country="JP", city="Hiroshima", arrive_date=date(2023, 5, 1))
    payload = _get(client, "api:country-list")
    assert [row["code"] for row in payload["results"]] == ["JP", "KR"]
    japan = payload["results"][0]
    assert japan == {
        "code": "JP",
        "name": "Japan",
        "visit_count": 2,
        "trip_count": 2,
        "first_visit": "2021-03-15",
        "last_visit": "2023-05-01",
        "api_url": f"{BASE}/api/countries/JP/",
        "feed_url": f"{BASE}/api/countries/JP/feed.atom",
    }
    detail = _get(client, "api:country-detail", kwargs={"code": "jp"})
    assert detail["visit_count"] == 2
    assert detail["visits"]["count"] == 2
    assert [v["city"] for v in detail["visits"]["results"]] == ["Hiroshima", "Tokyo"]
    assert detail["visits"]["results"][0]["travellers"][0]["slug"] == "antony-blinken"
    assert detail["visits"]["results"][0]["trip"]["id"] == again.pk


def test_it_shows_a_country_with_no_visits_and_refuses_unknown_codes(client):
    assert _get(client, "api:country-detail", kwargs={"code": "FR"})["visits"]["count"] == 0
    response = client.get("/api/countries/QQ/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No such country code."}


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [("name", ["FR", "JP", "KR"]), ("-visit_count", ["JP", "FR", "KR"]), ("-last_visit", None)],
)
def test_it_orders_countries(client, ordering, expected):
    trip = make_trip()
    make_stop(trip=trip, country="KR", arrive_date=date(2024, 1, 1))
    make_stop(trip=trip, country="JP", arrive_date=date(2024, 2, 1))
    make_stop(trip=trip, country="JP", arrive_date=date(2024, 3, 1))
    make_stop(trip=trip, country="FR", arrive_date=None)
    codes = [r["code"] for r in _get(client, "api:country-list", ordering=ordering)["results"]]
    assert codes == (expected or ["JP", "KR", "FR"])


# --- Filters ---------------------------------------------------------------------


@pytest.fixture
def three_trips():
    """Blinken to Japan (March 2021), Austin to Korea (planned, May 2021), both to France."""
    blinken = make_official(name="Antony Blinken", slug="antony-blinken")
    austin = make_official(name="Lloyd Austin", slug="lloyd-austin", title="Secretary of Defense")
    japan = make_trip(
        officials=[blinken],
        title="Alliance talks",
        start_date=date(2021, 3, 15),
        end_date=date(2021, 3, 18),
    )
    make_stop(trip=japan, country="JP", city="Tokyo", arrive_date=date(2021, 3, 15))
    korea = make_trip(
        officials=[austin],
        title="Peninsula visit",
        summary="Security consultations",
        status="planned",
        start_date=date(2021, 5, 2),
        end_date=date(2021, 5, 4),
    )
    make_stop(trip=korea, country="KR", city="Seoul", arrive_date=date(2021, 5, 2))
    france = make_trip(
        officials=[blinken, austin],
        title="NATO meetings",
        start_date=date(2021, 6, 10),
        end_date=None,
    )
    make_stop(
        trip=france,
        country="FR",
        city="Paris",
        arrive_date=date(2021, 6, 10),
        depart_date=date(2021, 6, 12),
    )
    make_stop(trip=france, country="BE", city="Brussels", arrive_date=date(2021, 6, 12))
    return {"japan": japan, "korea": korea, "france": france}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"official": "antony-blinken"}, ["france", "japan"]),
        ({"official": "nobody"}, []),
        ({"country": "fr"}, ["france"]),
        ({"city": "seoul"}, ["korea"]),
        ({"status": "planned"}, ["korea"]),
        ({"status": ["planned", "completed"]}, ["france", "korea", "japan"]),
        ({"start_after": "2021-05-01"}, ["france", "korea"]),
        ({"end_before": "2021-05-04"}, ["korea", "japan"]),
        ({"overlaps_from": "2021-03-17", "overlaps_to": "2021-05-02"}, ["korea", "japan"]),
        ({"overlaps_from": "2021-06-10"}, ["france"]),
        ({"overlaps_from": "2021-06-11"}, []),
        ({"overlaps_to": "2021-03-15"}, ["japan"]),
        ({"q": "Tokyo"}, ["japan"]),
        ({"q": "Lloyd Austin"}, ["france", "korea"]),
        ({"q": "consultations"}, ["korea"]),
        ({"q": "Belgium"}, ["france"]),
        ({"q": "alliance"}, ["japan"]),
        ({"ordering": "title"}, ["japan", "france", "korea"]),
        ({"ordering": "-end_date"}, None),
    ],
)
def test_it_filters_trips(client, three_trips, params, expected):
    payload = _get(client, "api:trip-list", **params)
    names = {trip.pk: name for name, trip in three_trips.items()}
    got = [names[pk] for pk in _ids(payload)]
    if expected is None:  # descending end date: the open-ended trip's place depends on the DB
        assert [n for n in got if n != "france"] == ["korea", "japan"]
    else:
        assert got == expected


def _trips_in_japan() -> list[Trip]:
    """Trips of every status, some with two stops in Japan, some with none, some undated."""
    made = []
    for n, status in enumerate(["completed", "planned", "cancelled", "ongoing", "completed"]):
        start = date(2020, 1 + n, 1) if n != 3 else None
        trip = make_trip(status=status, start_date=start, end_date=None)
        make_stop(trip=trip, country="JP", city="Tokyo")
        if n % 2:
            make_stop(trip=trip, country="JP", city="Osaka")
        make_stop(trip=make_trip(start_date=start, end_date=None), country="KR")
        made.append(trip)
    return made


def test_the_trips_of_one_country_are_counted_off_its_stops_and_listed_as_before(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    japan = _trips_in_japan()
    expected = list(
        Trip.objects.filter(pk__in=[t.pk for t in japan]).order_by(
            F("start_date").desc(nulls_last=True), "-id"
        )
    )
    with CaptureQueriesContext(connection) as queries:
        first = _get(client, "api:trip-list", country="jp", page_size=2)
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1 and "trips_trip" not in counts[0], counts
    # Any other filter takes the usual count: the same rows, count and order.
    every = ["planned", "ongoing", "completed", "cancelled"]
    usual = _get(client, "api:trip-list", country="JP", status=every, page_size=2)
    assert first == {**usual, "next": first["next"]}
    assert first["count"] == 5
    pages = [first] + [
        _get(client, "api:trip-list", country="JP", page_size=2, page=n) for n in (2, 3)
    ]
    assert [pk for page in pages for pk in _ids(page)] == [t.pk for t in expected]
    csv = client.get(reverse("api:trip-list"), {"country": "JP", "format": "csv"})
    assert csv["X-Total-Count"] == "5"


def test_search_follows_edits_and_reads_article_text(client, three_trips):
    """The searched text is stored per row (on PostgreSQL); it must follow every change."""
    japan = three_trips["japan"]
    japan.title = "Quadrilateral summit"
    japan.save()
    assert _ids(_get(client, "api:trip-list", q="quadrilateral")) == [japan.pk]
    assert _ids(_get(client, "api:trip-list", q="alliance")) == []
    Trip.objects.filter(pk=japan.pk).update(summary="Maritime security")
    assert _ids(_get(client, "api:trip-list", q="maritime")) == [japan.pk]
    article = make_article(title="Talks", text="The ministers discussed fisheries at length.")
    assert _ids(_get(client, "api:article-list", q="fisheries")) == [article.pk]


def _overlapping_as_before(trips: list[Trip], start: date | None, end: date | None) -> set[int]:
    """The trips the two date conditions select (the test before the range overlap)."""
    found = set()
    for t in trips:
        after = start is None or (
            (t.end_date is not None and t.end_date >= start)
            or (t.end_date is None and t.start_date is not None and t.start_date >= start)
        )
        before = end is None or (
            (t.start_date is not None and t.start_date <= end)
            or (t.start_date is None and t.end_date is not None and t.end_date <= end)
        )
        if after and before:
            found.add(t.pk)
    return found


def test_trips_overlapping_a_window_are_those_whose_known_dates_touch_it(client):
    trips = [
        make_trip(start_date=date(2021, 3, 1), end_date=date(2021, 3, 10)),
        make_trip(start_date=date(2021, 3, 10), end_date=date(2021, 3, 10)),
        make_trip(start_date=date(2021, 2, 1), end_date=date(2021, 5, 1)),
        make_trip(start_date=date(2021, 3, 5), end_date=None),
        make_trip(start_date=None, end_date=date(2021, 3, 5)),
        make_trip(start_date=None, end_date=None),
    ]
    days = [None, date(2021, 2, 1), date(2021, 3, 5), date(2021, 3, 10), date(2021, 3, 11)]
    for start in days:
        for end in days:
            if start is None and end is None:
                continue
            params = {"page_size": 500}
            if start:
                params["overlaps_from"] = start.isoformat()
            if end:
                params["overlaps_to"] = end.isoformat()
            got = set(_ids(_get(client, "api:trip-list", **params)))
            assert got == _overlapping_as_before(trips, start, end), (start, end)


def test_a_search_matches_cities_countries_and_travellers_through_the_trips_alone(
    client, three_trips
):
    """The count and the page of ?q= read the trips' stored places and travellers, not
    the stops and travellers of the whole record."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    names = {trip.pk: name for name, trip in three_trips.items()}
    searches = {
        "Toky": ["japan"],  # part of a city
        "brussels": ["france"],
        "Korea": ["korea"],  # a country's name
        "Lloyd": ["france", "korea"],  # a traveller
        "Paris\nBrussels": [],  # a line break spans no two cities
    }
    for q, expected in searches.items():
        with CaptureQueriesContext(connection) as queries:
            payload = _get(client, "api:trip-list", q=q)
        assert [names[pk] for pk in _ids(payload)] == expected, q
        assert payload["count"] == len(expected)
        matching = [x["sql"] for x in queries if "search_places" in x["sql"]]
        if "\n" in q:
            assert not matching  # the stops themselves
            continue
        assert len(matching) == (2 if expected else 1), matching  # the count, and the page
        assert not any("trips_stop" in sql or "trips_trip_officials" in sql for sql in matching)


def test_a_search_is_counted_up_to_a_cap_and_says_when_its_count_is_a_lower_bound(
    client, monkeypatch
):
    from trips.api_access import BoundedCountPagination

    monkeypatch.setattr(BoundedCountPagination, "cap", 3)
    trips = [make_trip(title=f"Fisheries talks {n}", start_date=date(2021, 1, n)) for n in (1, 2)]
    trips += [make_trip(title=f"Fisheries talks {n}", start_date=date(2021, 1, n)) for n in (3, 4)]
    trips.append(make_trip(title="Fisheries talks 5", start_date=date(2021, 1, 5)))
    make_trip(title="Trade talks")
    newest = [t.pk for t in reversed(trips)]

    first = _get(client, "api:trip-list", q="fisheries", page_size=2)
    assert first["count"] == 4 and first["count_is_lower_bound"] is True
    assert _ids(first) == newest[:2]
    assert first["next"] == f"{BASE}/api/trips/?page=2&page_size=2&q=fisheries"
    # Deeper, the count goes on to the end of the page asked for: here all of them.
    third = _get(client, "api:trip-list", q="fisheries", page_size=2, page=3)
    assert (third["count"], third["count_is_lower_bound"]) == (5, False)
    assert _ids(third) == newest[4:] and third["next"] is None
    last = _get(client, "api:trip-list", q="fisheries", page_size=2, page="last")
    assert (last["count"], last["count_is_lower_bound"]) == (5, False)
    assert _ids(last) == newest[4:]
    few = _get(client, "api:trip-list", q="trade")
    assert (few["count"], few["count_is_lower_bound"]) == (1, False)
    assert list(first) == ["count", "count_is_lower_bound", "next", "previous", "results"]
    csv = client.get(reverse("api:trip-list"), {"q": "fisheries", "format": "csv", "page_size": 2})
    assert csv["X-Total-Count"] == "4"
    assert csv["X-Total-Count-Is-Lower-Bound"] == "true"
    csv = client.get(reverse("api:trip-list"), {"q": "trade", "format": "csv"})
    assert csv["X-Total-Count"] == "1" and "X-Total-Count-Is-Lower-Bound" not in csv


def test_it_filters_trips_by_source_article_and_verification(client, three_trips):
    record = make_article(kind=Article.Kind.RECORD)
    three_trips["korea"].articles.add(record)
    news = make_article()
    three_trips["japan"].articles.add(news)
    assert _ids(_get(client, "api:trip-list", article=record.pk)) == [three_trips["korea"].pk]
    assert _ids(_get(client, "api:trip-list", verified="true")) == [three_trips["korea"].pk]
    unverified = _ids(_get(client, "api:trip-list", verified="false"))
    assert three_trips["korea"].pk not in unverified
    assert len(unverified) == 2


def test_it_filters_trips_changed_since(client, three_trips):
    Trip.objects.filter(pk=three_trips["japan"].pk).update(updated_at="2020-01-01T00:00:00Z")
    payload = _get(client, "api:trip-list", updated_since="2021-01-01T00:00:00Z")
    assert three_trips["japan"].pk not in _ids(payload)
    assert payload["count"] == 2


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "JP"}, ["Tokyo"]),
        ({"city": "PARIS"}, ["Paris"]),
        ({"official": "lloyd-austin"}, ["Brussels", "Paris", "Seoul"]),
        ({"date": "2021-06-11"}, ["Paris"]),
        ({"date": "2021-06-12"}, ["Brussels", "Paris"]),
        ({"date_after": "2021-05-01", "date_before": "2021-06-11"}, ["Paris", "Seoul"]),
        ({"q": "Brussels"}, ["Brussels"]),
        ({"q": "Korea"}, ["Seoul"]),
        ({"ordering": "city"}, ["Brussels", "Paris", "Seoul", "Tokyo"]),
    ],
)
def test_it_filters_stops(client, three_trips, params, expected):
    payload = _get(client, "api:stop-list", **params)
    got = [row["city"] for row in payload["results"]]
    assert (got if "ordering" in params else sorted(got)) == expected


def test_it_filters_stops_by_trip(client, three_trips):
    payload = _get(client, "api:stop-list", trip=three_trips["france"].pk)
    assert [row["city"] for row in payload["results"]] == ["Brussels", "Paris"]


def test_it_filters_meetings_by_participant_and_traveller(client, three_trips):
    kim = make_official(name="Kim Min", slug="kim-min", country="KR")
    macron = make_official(name="Emmanuel Macron", slug="emmanuel-macron", country="FR")
    seoul = three_trips["korea"].stops.get()
    in_seoul = make_meeting(
        trip=three_trips["korea"], stop=seoul, participants=[kim], date=date(2021, 5, 3)
    )
    in_paris = make_meeting(
        trip=three_trips["france"], participants=[macron, kim], description="Defence talks"
    )

    def ids(**params):
        return sorted(_ids(_get(client, "api:meeting-list", **params)))

    assert ids(participant="kim-min") == sorted([in_seoul.pk, in_paris.pk])
    assert ids(participant="emmanuel-macron") == [in_paris.pk]
    assert ids(traveller="antony-blinken") == [in_paris.pk]
    assert ids(traveller="lloyd-austin") == sorted([in_seoul.pk, in_paris.pk])
    assert ids(country="KR") == [in_seoul.pk]
    assert ids(trip=three_trips["korea"].pk) == [in_seoul.pk]
    assert ids(date_after="2021-05-01") == [in_seoul.pk]
    assert ids(q="Macron") == [in_paris.pk]
    assert ids(q="defence") == [in_paris.pk]


def test_it_filters_officials_and_articles(client):
    make_official(name="Penny Wong", slug="penny-wong", country="AU", aliases=["Wong"])
    make_official(name="Kim Min", slug="kim-min", country="KR")
    assert [o["slug"] for o in _get(client, "api:official-list", country="au")["results"]] == [
        "penny-wong"
    ]
    assert [o["slug"] for o in _get(client, "api:official-list", q="penny")["results"]] == [
        "penny-wong"
    ]
    old = make_article(source="VOA", published=date(2020, 1, 1), title="Wong visits")
    new = make_article(source="AP", published=date(2024, 1, 1), kind=Article.Kind.RECORD)
    assert _ids(_get(client, "api:article-list")) == [new.pk, old.pk]
    assert _ids(_get(client, "api:article-list", source="voa")) == [old.pk]
    assert _ids(_get(client, "api:article-list", kind="record")) == [new.pk]
    assert _ids(_get(client, "api:article-list", published_before="2021-01-01")) == [old.pk]
    assert _ids(_get(client, "api:article-list", q="Wong")) == [old.pk]
    trip = make_trip()
    trip.articles.add(old)
    assert _ids(_get(client, "api:article-list", trip=trip.pk)) == [old.pk]


@pytest.mark.parametrize(
    ("name", "params", "field"),
    [
        ("api:trip-list", {"country": "XX"}, "country"),
        ("api:trip-list", {"start_after": "not-a-date"}, "start_after"),
        ("api:trip-list", {"status": "lost"}, "status"),
        ("api:stop-list", {"date": "2021-13-01"}, "date"),
        ("api:meeting-list", {"trip": "abc"}, "trip"),
        ("api:country-list", {"ordering": "size"}, "ordering"),
    ],
)
def test_it_rejects_bad_filter_values_naming_the_parameter(client, name, params, field):
    response = client.get(reverse(name), params)
    assert response.status_code == 400
    assert field in response.json()


# --- Pagination and errors ---------------------------------------------------------


def test_it_pages_lists_with_a_maximum_page_size(client):
    trip = make_trip()
    for _ in range(7):
        make_stop(trip=trip)
    first = _get(client, "api:stop-list", page_size=3)
    assert (first["count"], len(first["results"])) == (7, 3)
    assert first["next"] == f"{BASE}/api/stops/?page=2&page_size=3"
    last = _get(client, "api:stop-list", page_size=3, page=3)
    assert len(last["results"]) == 1 and last["next"] is None
    assert len(_get(client, "api:stop-list", page_size=100000)["results"]) == 7
    assert client.get(reverse("api:stop-list"), {"page": 9}).status_code == 404


def test_it_caps_the_page_size_at_500(client):
    from trips.api_access import Pagination

    assert Pagination.max_page_size == 500
    trip = make_trip()
    from trips.models import Stop

    Stop.objects.bulk_create(Stop(trip=trip, order=n, country="JP") for n in range(1, 502))
    visit_totals_refresh(trip_ids=[trip.pk])  # as every writer of stops does
    payload = _get(client, "api:stop-list", page_size=10000)
    assert (payload["count"], len(payload["results"])) == (501, 500)


def test_it_answers_unknown_objects_and_paths_with_json_404(client):
    for path in ("/api/trips/999999/", "/api/officials/nobody/", "/api/nothing/here/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/json"
        assert list(response.json()) == ["detail"]


def test_it_hides_unexpected_errors_behind_a_json_500(client, monkeypatch, caplog):
    from trips import api_selectors

    def broken():
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(api_selectors, "trips_listed", broken)
    response = client.get(reverse("api:trip-list"))
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error."}
    assert b"secret" not in response.content
    assert "secret internal detail" in caplog.text


def test_it_throttles_anonymous_clients(client, settings):
    settings.API_ANON_THROTTLE_RATE = "3/minute"
    codes = [client.get(reverse("api:country-list")).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert "throttled" in client.get(reverse("api:country-list")).json()["detail"].lower()


def test_it_does_not_throttle_staff(client, settings, admin_user):
    settings.API_ANON_THROTTLE_RATE = "2/minute"
    client.force_login(admin_user)
    codes = {client.get(reverse("api:country-list")).status_code for _ in range(4)}
    assert codes == {200}


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_or_skip():
    import redis

    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5)
    try:
        server.ping()
    except redis.exceptions.RedisError:
        pytest.skip(f"no Redis server at {REDIS_URL} (set TEST_REDIS_URL)")
    return server


def test_the_rate_limit_is_counted_in_a_shared_redis(client, settings):
    server = _redis_or_skip()
    server.flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    settings.API_ANON_THROTTLE_RATE = "2/minute"
    codes = [client.get(reverse("api:country-list")).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    # Another server process reads the same count.
    assert list(server.scan_iter(match="*throttle_anon_*"))
    server.flushdb()


def test_a_failing_cache_lets_requests_through_and_says_so(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    settings.API_ANON_THROTTLE_RATE = "2/minute"
    codes = [client.get(reverse("api:country-list")).status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    assert "rate limit not applied" in caplog.text


def test_the_browsable_api_renders(client):
    _blinken_trip()
    for name in ("api:api-root", "api:trip-list", "api:official-list"):
        response = client.get(reverse(name), HTTP_ACCEPT="text/html")
        assert response.status_code == 200
        assert b"Django REST framework" in response.content


@pytest.mark.parametrize("as_staff", [False, True])
def test_the_browsable_api_has_no_inline_style_the_policy_would_refuse(
    client, admin_user, as_staff
):
    trip, *_ = _blinken_trip()
    if as_staff:  # staff also get the forms that write
        client.force_login(admin_user)
    urls = [
        reverse("api:api-root"),
        reverse("api:trip-list"),
        reverse("api:trip-detail", args=[trip.pk]),
        reverse("api:official-list") + "?ordering=name",
        reverse("api:stop-list"),
        reverse("api:country-list"),
    ]
    for url in urls:
        html = client.get(url, HTTP_ACCEPT="text/html").content.decode()
        assert "Django REST framework" in html, url
        assert "<style" not in html, url
        assert "style=" not in html, url


def test_the_api_root_links_the_schema_the_docs_and_the_export(client):
    root = client.get(reverse("api:api-root")).json()

    assert {key: root[key] for key in ("export", "schema", "docs", "redoc")} == {
        "export": "http://testserver/api/export.json",
        "schema": "http://testserver/api/schema/",
        "docs": "http://testserver/api/schema/swagger-ui/",
        "redoc": "http://testserver/api/schema/redoc/",
    }
    assert root["trips"] == "http://testserver/api/trips/"


# --- Query counts ------------------------------------------------------------------


def _grow(n: int) -> None:
    """n more trips, each with two travellers, three stops, two meetings and evidence."""
    for i in range(n):
        article = make_article()
        trip = make_trip(officials=[make_official(), make_official()])
        trip.articles.add(article)
        make_evidence(article=article, trip=trip)
        for city, code in (("Tokyo", "JP"), ("Seoul", "KR"), ("Paris", "FR")):
            stop = make_stop(trip=trip, city=city, country=code, arrive_date=date(2024, 3, 1 + i))
            make_evidence(article=article, stop=stop)
        for _ in range(2):
            meeting = make_meeting(trip=trip, participants=[make_official()])
            make_evidence(article=article, meeting=meeting)
        make_evidence(article=article, official=trip.officials.first())


def _detail_kwargs(name: str) -> dict:
    from trips.models import Official

    if name == "api:trip-detail":
        return {"pk": Trip.objects.latest("id").pk}
    if name == "api:official-detail":
        return {"slug": Official.objects.filter(trips__isnull=False).first().slug}
    if name == "api:article-detail":
        return {"pk": Article.objects.latest("id").pk}
    if name == "api:country-detail":
        return {"code": "JP"}
    return {}


ENDPOINTS = [
    ("api:trip-list", {}),
    ("api:trip-list", {"format": "csv"}),
    ("api:trip-list", {"q": "Tokyo", "country": "JP", "official": "x"}),
    ("api:trip-detail", {}),
    ("api:official-list", {}),
    ("api:official-detail", {}),
    ("api:stop-list", {}),
    ("api:stop-list", {"format": "geojson"}),
    ("api:stop-list", {"format": "csv"}),
    ("api:meeting-list", {}),
    ("api:meeting-list", {"format": "csv"}),
    ("api:article-list", {}),
    ("api:article-detail", {}),
    ("api:country-list", {}),
    ("api:country-detail", {}),
    ("api:official-ics", {}),
    ("api:official-feed", {}),
    ("api:country-feed", {}),
    ("api:export", {}),
]


@pytest.mark.parametrize(("name", "params"), ENDPOINTS)
def test_it_uses_the_same_number_of_queries_however_many_rows(
    client, django_assert_max_num_queries, name, params
):
    """Count the queries with 2 trips, then allow no more with 12."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def fetch() -> None:
        kwargs = _detail_kwargs(name)
        if name in ("api:official-ics", "api:official-feed"):
            kwargs = _detail_kwargs("api:official-detail")
        if name == "api:country-feed":
            kwargs = {"code": "JP"}
        response = client.get(reverse(name, kwargs=kwargs), params)
        assert response.status_code == 200

    _grow(2)
    with CaptureQueriesContext(connection) as small:
        fetch()
    _grow(10)
    # The official of the detail pages gets more trips too.
    from trips.models import Official

    busy = Official.objects.filter(trips__isnull=False).first()
    for trip in Trip.objects.exclude(officials=busy)[:10]:
        trip.officials.add(busy)
    with django_assert_max_num_queries(len(small)):
        fetch()


def test_the_officials_of_the_eu_are_filtered_by_its_code(client):
    make_official(name="Jordi Vidal", slug="jordi-vidal", country="EU")
    make_official(name="Ana Roig", slug="ana-roig", country="ES")
    response = client.get("/api/officials/", {"country": "eu"})
    assert response.status_code == 200
    assert [o["slug"] for o in response.json()["results"]] == ["jordi-vidal"]
    assert client.get("/api/officials/", {"country": "ZZ"}).status_code == 400
