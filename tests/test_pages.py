"""The HTML pages through Django's test client: content, filters, 404s, escaping, queries."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import date

import pytest
import time_machine
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import (
    make_article,
    make_evidence,
    make_meeting,
    make_official,
    make_stop,
    make_trip,
)
from trips import selectors
from trips.models import Official, Trip
from trips.selectors import official_hosted_trips, official_hosted_years, official_in_office

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 1)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _tour(official=None, counterpart=None) -> Trip:
    """A three-stop trip with a meeting in Seoul and evidence for each fact."""
    official = official or make_official(name="Antony Blinken", slug="antony-blinken")
    counterpart = counterpart or make_official(name="Cho Tae-yul", slug="cho-tae-yul", country="KR")
    trip = make_trip(
        officials=[official],
        title="Final tour to Asia and Europe",
        status=Trip.Status.COMPLETED,
        start_date=date(2025, 1, 5),
        end_date=date(2025, 1, 9),
    )
    seoul = make_stop(
        trip=trip,
        order=1,
        country="KR",
        city="Seoul",
        latitude=37.57,
        longitude=126.98,
        arrive_date=date(2025, 1, 5),
        depart_date=date(2025, 1, 6),
    )
    make_stop(trip=trip, order=2, country="JP", city="Tokyo", arrive_date=date(2025, 1, 7))
    make_stop(trip=trip, order=3, country="FR", city="Paris", latitude=48.86, longitude=2.35)
    meeting = make_meeting(
        trip=trip,
        stop=seoul,
        participants=[counterpart],
        date=date(2025, 1, 6),
        description="Talks on the alliance",
    )
    article = make_article(
        title="Blinken begins his final tour",
        text=f"Blinken arrived in Seoul on Sunday. He met Cho Tae-yul on Monday. ({trip.pk})",
    )
    trip.articles.add(article)
    make_evidence(
        article=article,
        stop=seoul,
        sentence="Blinken arrived in Seoul on Sunday.",
        start_offset=0,
        end_offset=35,
    )
    make_evidence(
        article=article,
        meeting=meeting,
        sentence="He met Cho Tae-yul on Monday.",
        start_offset=36,
        end_offset=65,
    )
    make_evidence(
        article=article,
        trip=trip,
        fact="trip_start",
        sentence="Blinken arrived in Seoul on Sunday.",
        start_offset=0,
        end_offset=35,
    )
    return trip


# --- home --------------------------------------------------------------------


def test_it_lists_upcoming_ongoing_and_recent_trips_with_counts(client):
    official = make_official(name="Penny Wong", slug="penny-wong")
    make_trip(
        officials=[official],
        title="Pacific visit",
        status="planned",
        start_date=date(2025, 4, 2),
        end_date=None,
    )
    make_trip(
        officials=[official],
        title="Gulf talks",
        status="ongoing",
        start_date=date(2025, 2, 27),
        end_date=date(2025, 3, 3),
    )
    _tour()

    html = _html(client.get(reverse("trips:home")))

    assert "Pacific visit" in html
    assert "Gulf talks" in html
    assert "Final tour to Asia and Europe" in html
    assert 'action="/trips/"' in html and 'name="q"' in html
    assert ">3</a></dd>" in html  # officials: Wong, Blinken, Cho
    assert "Dates passed, no report since" not in html


def test_it_puts_planned_trips_whose_dates_passed_apart_on_the_home_page(client):
    make_trip(
        title="Forgotten visit",
        status="planned",
        start_date=date(2025, 1, 5),
        end_date=date(2025, 1, 9),
        status_as_of=date(2025, 1, 3),
    )

    html = _html(client.get(reverse("trips:home")))

    assert "Dates passed, no report since" in html
    assert "Planned for 5–9 January 2025; no report since 3 January 2025." in html


def test_it_keeps_a_planned_trip_whose_start_has_come_out_of_upcoming(client):
    make_trip(title="Due today", status="planned", start_date=TODAY, end_date=None)
    make_trip(
        title="Should be under way",
        status="planned",
        start_date=date(2025, 2, 27),
        end_date=date(2025, 3, 3),
        status_as_of=date(2025, 2, 20),
    )
    make_trip(title="Announced, no date", status="planned", start_date=None, end_date=None)

    html = _html(client.get(reverse("trips:home")))
    upcoming = html[html.index('id="upcoming-title"') : html.index('id="recent-title"')]
    overdue = html[html.index('id="overdue-title"') :]

    assert "Due today" in upcoming and "Announced, no date" in upcoming
    assert "Should be under way" not in upcoming
    assert "Should be under way" in overdue
    assert "Due to begin 27 February 2025; no report since 20 February 2025." in overdue


def test_it_presumes_completed_a_trip_reported_under_way_whose_dates_passed(client):
    official = make_official(name="Penny Wong", slug="penny-wong")
    stale = make_trip(
        officials=[official],
        title="Gulf talks",
        status="ongoing",
        start_date=date(2025, 1, 5),
        end_date=date(2025, 1, 9),
        status_as_of=date(2025, 1, 6),
    )
    make_trip(
        officials=[official],
        title="Still going",
        status="ongoing",
        start_date=date(2025, 2, 27),
        end_date=date(2025, 3, 3),
    )

    for url in (stale.get_absolute_url(), official.get_absolute_url(), reverse("trips:home")):
        html = _html(client.get(url))
        assert '<span class="status status-presumed">Presumed completed</span>' in html, url
    home = _html(client.get(reverse("trips:home")))
    assert "Reported under way (5–9 January 2025); no report since 6 January 2025." in home
    assert '<span class="status status-ongoing">Ongoing</span>' in home  # Still going


# --- trip --------------------------------------------------------------------


def test_it_shows_the_stops_in_travel_order_with_their_dates(client):
    trip = _tour()

    html = _html(client.get(trip.get_absolute_url()))

    assert html.index("Seoul") < html.index("Tokyo") < html.index("Paris")
    assert "5–6 January 2025" in html
    assert "from 7 January 2025" in html
    assert "date unknown" in html  # Paris has no dates
    assert "<title>Final tour to Asia and Europe · Diplomatic Trip Tracker</title>" in html


def test_it_shows_meetings_under_their_stop_with_the_sentence_and_its_article(client):
    trip = _tour()
    article = trip.articles.get()

    html = _html(client.get(trip.get_absolute_url()))

    dates = html.index("Sources for the trip and its dates")
    seoul, tokyo = html.index('id="stop-1"'), html.index('id="stop-2"')
    assert dates < html.index("Blinken arrived in Seoul on Sunday.") < seoul
    assert seoul < html.index("Talks on the alliance") < tokyo
    assert seoul < html.index("He met Cho Tae-yul on Monday.") < tokyo
    assert f'href="/articles/{article.pk}/#e-' in html
    assert 'href="/officials/cho-tae-yul/"' in html
    assert 'href="/officials/antony-blinken/"' in html


def test_it_says_plainly_when_a_planned_trip_has_no_report_since_its_dates(client):
    trip = make_trip(
        status="planned", start_date=date(2025, 1, 5), end_date=date(2025, 1, 9), status_as_of=None
    )

    html = _html(client.get(trip.get_absolute_url()))

    assert "Planned for 5–9 January 2025; no report since." in html


def test_it_passes_the_route_to_the_map_as_json_data_not_script(client):
    trip = _tour()

    html = _html(client.get(trip.get_absolute_url()))

    assert '<script id="trip-map" type="application/json">' in html
    assert '"label": "1. Seoul, South Korea"' in html
    assert '"id": "410"' in html  # South Korea in the Natural Earth atlas
    assert "vendor/d3-geo/d3-geo.min.js" in html


def test_it_answers_404_with_a_friendly_page_for_an_unknown_trip(client):
    response = client.get(reverse("trips:trip-detail", kwargs={"pk": 999}))

    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    assert 'href="/trips/"' in response.content.decode()


def test_it_serves_the_icon_at_favicon_ico_for_pages_that_link_none(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    assert "max-age=86400" in response["Cache-Control"]


# --- escaping and CSP -----------------------------------------------------------


def test_it_renders_html_in_articles_and_extracted_strings_as_text(client):
    evil = "<script>alert(1)</script><b>bold</b>"
    official = make_official(name=f"Eve {evil}", slug="eve")
    trip = make_trip(officials=[official], title=f"Trip {evil}", summary=evil)
    stop = make_stop(trip=trip, city=evil, notes=evil)
    article = make_article(title=evil, text=f"Before. {evil} After.")
    make_evidence(
        article=article, stop=stop, sentence=evil, start_offset=8, end_offset=8 + len(evil)
    )

    pages = [
        trip.get_absolute_url(),
        official.get_absolute_url(),
        article.get_absolute_url(),
        reverse("trips:country-detail", kwargs={"code": "JP"}),
        reverse("trips:trip-list") + "?q=" + evil,
        reverse("trips:home"),
    ]
    for url in pages:
        html = _html(client.get(url))
        assert "<script>alert" not in html, url
        assert "<b>bold" not in html, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in _html(client.get(article.get_absolute_url()))


def test_it_sends_a_content_security_policy_without_inline_script(client):
    response = client.get(reverse("trips:home"))

    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy


def test_it_has_no_inline_script_or_style_in_any_page(client):
    trip = _tour()
    article = trip.articles.get()
    urls = [
        reverse("trips:home"),
        reverse("trips:trip-list"),
        trip.get_absolute_url(),
        "/officials/antony-blinken/",
        reverse("trips:country-detail", kwargs={"code": "KR"}),
        article.get_absolute_url(),
        reverse("trips:official-list"),
        reverse("trips:country-list"),
    ]
    for url in urls:
        html = _html(client.get(url))
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or 'type="application/json"' in opening, (url, opening)
        assert "style=" not in html, url
        assert "<style" not in html, url


# --- official ------------------------------------------------------------------


def test_it_shows_an_officials_trips_by_year_with_totals(client):
    official = make_official(
        name="Antony Blinken", slug="antony-blinken", country="US", aliases=["Tony Blinken"]
    )
    _tour(official)
    earlier = make_trip(
        officials=[official],
        title="First trip abroad",
        start_date=date(2021, 3, 15),
        end_date=date(2021, 3, 18),
    )
    make_stop(trip=earlier, country="JP", city="Tokyo", latitude=35.69, longitude=139.69)
    make_trip(officials=[official], title="Never happened", status="cancelled")

    html = _html(client.get(official.get_absolute_url()))

    assert html.index('id="year-2025"') < html.index('id="year-2021"')
    assert "Tony Blinken" in html
    assert "<dt>Countries visited</dt><dd>3</dd>" in html
    assert "<dt>Days abroad</dt><dd>9</dd>" in html  # 5 + 4 days
    assert "<dt>Trips travelled</dt><dd>2</dd>" in html
    assert "capital of United States" in html
    assert 'href="/countries/JP/">Japan</a></td><td class="num">2</td>' in html


def test_an_officials_page_shows_the_visits_they_hosted_and_their_meetings(client):
    cho = make_official(name="Cho Tae-yul", slug="cho-tae-yul", country="KR", title="Minister")
    trip = _tour(counterpart=cho)
    # Another government's trip to Korea while the record shows Cho in office...
    visitor = make_official(name="Penny Wong", slug="penny-wong", country="AU")
    visit = make_trip(
        officials=[visitor],
        title="Wong to Seoul",
        start_date=date(2025, 1, 6),
        end_date=date(2025, 1, 7),
    )
    stop = make_stop(trip=visit, country="KR", city="Seoul")
    article = make_article(title="Wong in Seoul", text="Penny Wong arrived in Seoul on Monday.")
    make_evidence(article=article, stop=stop, sentence="Penny Wong arrived in Seoul on Monday.")
    # ... and one years before it, which Cho did not host.
    old = make_trip(
        officials=[visitor], title="Wong to Busan, long ago", start_date=date(2015, 1, 6)
    )
    make_stop(trip=old, country="KR", city="Busan")

    html = _html(client.get(cho.get_absolute_url()))

    hosted = html[html.index('id="hosted-title"') : html.index('id="meetings-title"')]
    assert 'Visits hosted <span class="count">2</span>' in hosted
    assert "from 6 January 2025 to 6 January 2025" in hosted  # the time in office on record
    assert f'href="{trip.get_absolute_url()}"' in hosted and "met Cho Tae-yul" in hosted
    assert "Wong to Seoul" in hosted and "Penny Wong arrived in Seoul on Monday." in hosted
    assert "long ago" not in hosted
    meetings = html[html.index('id="meetings-title"') :]
    assert 'Meetings <span class="count">1</span>' in meetings
    assert '<time datetime="2025-01-06">6 January 2025</time>' in meetings
    assert 'href="/officials/antony-blinken/">Antony Blinken</a> in Seoul, South Korea' in meetings
    assert "He met Cho Tae-yul on Monday." in meetings
    assert "Talks on the alliance" in meetings


def test_an_official_with_no_trips_still_shows_where_they_were_met(client):
    cho = make_official(name="Cho Tae-yul", slug="cho-tae-yul", country="", title="Minister")
    _tour(counterpart=cho)

    html = _html(client.get(cho.get_absolute_url()))

    assert "No trip is on the record for Cho Tae-yul." in html
    assert 'Visits hosted <span class="count">1</span>' in html
    assert "He met Cho Tae-yul on Monday." in html


# 30: more than a page of visits hosted and of meetings.
@pytest.mark.parametrize("n_trips", [2, 30])
def test_the_visits_hosted_cost_the_same_queries_whatever_their_number(
    client, django_assert_num_queries, n_trips
):
    cho = make_official(name="Cho Tae-yul", slug="cho-tae-yul", country="KR")
    blinken = make_official(name="Antony Blinken", slug="antony-blinken")
    for _ in range(n_trips):
        _tour(blinken, cho)

    # The visits' rows read the stops' and the meetings' sentences in one query.
    with django_assert_num_queries(19):
        assert client.get(cho.get_absolute_url()).status_code == 200


def _hosted_meetings(count: int) -> Official:
    """Cho, met on ``count`` trips to Seoul, one a month from January 2020."""
    cho = make_official(name="Cho Tae-yul", slug="cho-tae-yul", country="KR")
    blinken = make_official(name="Antony Blinken", slug="antony-blinken")
    for n in range(1, count + 1):
        day = date(2020 + (n - 1) // 12, (n - 1) % 12 + 1, 10)
        trip = make_trip(officials=[blinken], title=f"Seoul trip {n}", start_date=day, end_date=day)
        stop = make_stop(trip=trip, country="KR", city="Seoul", arrive_date=day, depart_date=day)
        make_meeting(trip=trip, stop=stop, participants=[cho], date=day, description=f"Talks {n}")
    return cho


def test_the_hosted_years_list_every_visit_hosted_newest_first_with_its_year():
    cho = _hosted_meetings(3)  # Seoul trips 1-3: January to March 2020
    blinken = Official.objects.get(slug="antony-blinken")
    ended = make_trip(
        officials=[blinken], title="Only an end", start_date=None, end_date=date(2019, 5, 2)
    )
    undated = make_trip(officials=[blinken], title="No dates", start_date=None, end_date=None)
    for trip in (ended, undated):
        make_meeting(trip=trip, participants=[cho], date=None)
    make_trip(officials=[blinken], title="Not met")  # not hosted: no meeting with Cho
    trips = {t.title: t.pk for t in Trip.objects.all()}

    rows = official_hosted_years(official=cho, in_office=official_in_office(cho))

    # As the page lists them: by start, newest first, the trips with no start
    # last (the newest id first), each with its start's year, else its end's.
    assert rows == [
        (trips["Seoul trip 3"], 2020),
        (trips["Seoul trip 2"], 2020),
        (trips["Seoul trip 1"], 2020),
        (trips["No dates"], None),
        (trips["Only an end"], 2019),
    ]
    assert [pk for pk, _ in rows] == list(
        official_hosted_trips(official=cho, in_office=official_in_office(cho)).values_list(
            "pk", flat=True
        )
    )


def test_the_hosted_rows_are_the_visits_of_the_trips_given_in_their_order():
    cho = make_official(name="Cho Tae-yul", slug="cho-tae-yul", country="KR", title="Minister")
    tour = _tour(counterpart=cho)  # Cho met in Seoul; a sentence for the stop and the meeting
    wong = make_official(name="Penny Wong", slug="penny-wong", country="AU")
    able = make_official(name="Anna Able", slug="anna-able", country="")
    visit = make_trip(
        officials=[wong, able], title="", start_date=date(2025, 1, 6), end_date=date(2025, 1, 7)
    )
    stop = make_stop(trip=visit, country="KR", city="Seoul")
    make_stop(trip=visit, order=2, country="JP", city="Tokyo")  # not in Cho's country
    article = make_article(title="Wong in Seoul", text="Penny Wong arrived in Seoul.")
    quote = make_evidence(article=article, stop=stop, sentence="Penny Wong arrived in Seoul.")
    unmet = make_trip(officials=[wong], title="Elsewhere")

    rows = selectors.hosted_rows(official=cho, ids=[visit.pk, tour.pk, unmet.pk])

    assert [row.trip_id for row in rows] == [visit.pk, tour.pk, unmet.pk]  # as given
    first = rows[0]
    assert (first.trip_title, first.status, first.start_date, first.end_date) == (
        f"Trip {visit.pk}",
        "completed",
        date(2025, 1, 6),
        date(2025, 1, 7),
    )
    assert first.travellers == (  # by name
        selectors.Traveller("Anna Able", "/officials/anna-able/", "", ""),
        selectors.Traveller("Penny Wong", "/officials/penny-wong/", "Australia", "AU"),
    )
    assert not first.met and first.places == "Seoul, South Korea"
    assert first.evidence == [
        selectors.Quote(
            quote.pk,
            "Penny Wong arrived in Seoul.",
            article.pk,
            selectors.QuotedArticle("Wong in Seoul", "Test Wire", date(2024, 3, 15)),
        )
    ]
    second = rows[1]
    assert second.met and second.places == "Seoul, South Korea"
    # The meeting's sentence first, then the stop's.
    assert [q.sentence for q in second.evidence] == [
        "He met Cho Tae-yul on Monday.",
        "Blinken arrived in Seoul on Sunday.",
    ]
    assert not rows[2].met and rows[2].places == "place not reported" and not rows[2].evidence
    assert selectors.hosted_rows(official=cho, ids=[]) == []


def test_the_meeting_rows_are_an_officials_meetings_newest_first_with_people_and_evidence():
    cho = make_official(name="Cho Tae-yul", slug="cho-tae-yul", country="KR")
    tour = _tour(counterpart=cho)  # met in Seoul on 6 January 2025, a sentence for it
    wong = make_official(name="Penny Wong", slug="penny-wong", country="AU")
    later = make_trip(officials=[], title="", start_date=date(2025, 2, 1), end_date=None)
    undated = make_meeting(trip=later, participants=[wong, cho], date=None, description="")

    page = selectors.official_meetings(official=cho).values_list(*selectors.MEETING_COLUMNS)
    rows = selectors.meeting_rows(page)

    # By date, the trip's start for a meeting with none: the newest first.
    first, second = rows
    assert (first.pk, first.date, first.description, first.trip_id) == (
        undated.pk,
        None,
        "",
        later.pk,
    )
    assert (first.trip_title, first.trip_start, first.trip_end) == (
        f"Trip {later.pk}",
        date(2025, 2, 1),
        None,
    )
    assert first.place == "" and first.travellers == () and first.evidence == []
    assert [(pk, person.name) for pk, person in first.participants] == [
        (cho.pk, "Cho Tae-yul"),  # by name
        (wong.pk, "Penny Wong"),
    ]
    assert first.participants[1][1] == selectors.Traveller(
        "Penny Wong", "/officials/penny-wong/", "Australia", "AU"
    )
    assert (second.trip_id, second.date, second.description) == (
        tour.pk,
        date(2025, 1, 6),
        "Talks on the alliance",
    )
    assert second.place == "Seoul, South Korea"
    assert [t.name for t in second.travellers] == ["Antony Blinken"]
    assert [q.sentence for q in second.evidence] == ["He met Cho Tae-yul on Monday."]
    assert selectors.meeting_rows([]) == []


def _section(html: str, start: str, end: str | None = None) -> str:
    html = html[html.index(start) :]
    return html[: html.index(end)] if end else html


def test_the_visits_hosted_and_meetings_come_a_page_at_a_time(client):
    cho = _hosted_meetings(27)

    first = _html(client.get(cho.get_absolute_url()))
    second = _html(client.get(cho.get_absolute_url(), {"hosted_page": 2, "meetings_page": 2}))

    hosted = _section(first, 'id="hosted-title"', 'id="meetings-title"')
    assert 'Visits hosted <span class="count">27</span>' in hosted
    assert hosted.count('class="year-trip"') == 25
    assert "Seoul trip 27<" in hosted and "Seoul trip 3<" in hosted
    assert "Seoul trip 2<" not in hosted
    # The years count every visit; the last year here is cut by the page.
    assert '2021 <span class="count">12 visits</span>' in hosted
    assert '2020 <span class="count">12 visits, 10 on this page</span>' in hosted
    assert '<nav class="pagination" aria-label="Pages of visits hosted">' in hosted
    assert 'rel="next" href="?hosted_page=2#hosted"' in hosted
    hosted = _section(second, 'id="hosted-title"', 'id="meetings-title"')
    assert hosted.count('class="year-trip"') == 2
    assert "Seoul trip 2<" in hosted and "Seoul trip 1<" in hosted
    assert "Seoul trip 3<" not in hosted
    assert '<a aria-current="page" href="?hosted_page=2&amp;meetings_page=2#hosted">' in hosted

    meetings = _section(first, 'id="meetings-title"')
    assert 'Meetings <span class="count">27</span>' in meetings
    assert meetings.count('class="meeting"') == 25
    assert "Talks 27<" in meetings and "Talks 3<" in meetings and "Talks 2<" not in meetings
    assert 'rel="next" href="?meetings_page=2#meetings"' in meetings
    meetings = _section(second, 'id="meetings-title"')
    assert meetings.count('class="meeting"') == 2
    assert "Talks 2<" in meetings and "Talks 1<" in meetings
    # Paging one list leaves the other where it was.
    third = _html(client.get(cho.get_absolute_url(), {"meetings_page": 2}))
    assert "Seoul trip 27<" in _section(third, 'id="hosted-title"', 'id="meetings-title"')


def test_it_answers_404_for_an_unknown_official(client):
    assert client.get("/officials/nobody/").status_code == 404


# --- country -------------------------------------------------------------------


def test_it_shows_who_visited_a_country_when_and_from_where(client):
    _tour()

    html = _html(client.get(reverse("trips:country-detail", kwargs={"code": "KR"})))

    assert "<h1>South Korea</h1>" in html
    assert '<a href="/officials/antony-blinken/">Antony Blinken</a></td><td>United States</td>' in (
        html
    )
    assert "5–6 January 2025" in html
    assert '<td>2025</td><td class="num">1</td>' in html


def test_totals_agree_between_pages_and_the_api(client):
    blinken = make_official(name="Antony Blinken", slug="antony-blinken")
    for status in ("completed", "ongoing", "planned", "cancelled"):
        trip = make_trip(officials=[blinken], title=f"Tokyo {status}", status=status)
        make_stop(trip=trip, country="JP", city="Tokyo")
        make_stop(trip=trip, country="JP", city="Osaka")

    official = _html(client.get(blinken.get_absolute_url()))
    country = _html(client.get("/countries/JP/"))
    countries = _html(client.get(reverse("trips:country-list")))
    api_country = client.get("/api/countries/JP/").json()
    api_official = client.get("/api/officials/antony-blinken/").json()

    # Completed and ongoing trips count, a country once per trip (Trip.COUNTED).
    assert 'href="/countries/JP/">Japan</a></td><td class="num">2</td>' in official
    assert "<dt>Trips travelled</dt><dd>2</dd>" in official
    assert "2 visits" in country
    assert (
        '<td><a href="/officials/antony-blinken/">Antony Blinken</a></td>'
        '<td>United States</td><td class="num">2</td>'
    ) in country
    assert 'Japan</span> <span class="person-count">2 trips</span>' in countries
    assert (api_country["trip_count"], api_country["visits"]["count"]) == (2, 4)
    assert (api_official["trip_count"], api_official["countries_visited"]) == (2, 1)
    # The others are listed apart, not counted.
    announced = country[country.index('id="announced-title"') :]
    assert "Tokyo planned" in announced and "Tokyo cancelled" in announced


def test_it_redirects_a_lower_case_country_code_and_404s_an_unknown_one(client):
    response = client.get("/countries/kr/")
    assert response.status_code == 301
    assert response.headers["Location"] == "/countries/KR/"
    assert client.get("/countries/QQ/").status_code == 404


def test_it_shows_a_country_without_visits_honestly(client):
    html = _html(client.get("/countries/NZ/"))

    assert "No visit to New Zealand is on the record." in html


# --- article -------------------------------------------------------------------


def test_it_highlights_the_sentences_that_produced_facts(client):
    trip = _tour()
    article = trip.articles.get()

    html = _html(client.get(article.get_absolute_url()))

    assert '<mark class="hl" id="s-1">' in html
    assert "Blinken arrived in Seoul on Sunday.</mark>" in html
    assert "He met Cho Tae-yul on Monday.</mark>" in html
    assert 'href="#s-2"' in html
    assert "Seoul, South Korea</a>, 5–6 January 2025" in html


def test_it_finds_a_sentence_whose_offsets_do_not_match(client):
    article = make_article(text="One thing. Blinken flew to Paris.")
    make_evidence(article=article, sentence="Blinken flew to Paris.", start_offset=0, end_offset=5)

    html = _html(client.get(article.get_absolute_url()))

    assert "Blinken flew to Paris.</mark>" in html


# --- trips list ----------------------------------------------------------------


def _list(client, **params) -> str:
    return _html(client.get(reverse("trips:trip-list"), params))


def test_it_filters_trips_by_official_country_status_and_dates(client):
    wong = make_official(name="Penny Wong", slug="penny-wong", country="AU")
    _tour()
    fiji = make_trip(
        officials=[wong],
        title="Pacific visit",
        status="planned",
        start_date=date(2025, 4, 2),
        end_date=None,
    )
    make_stop(trip=fiji, country="FJ", city="Suva")

    assert "Pacific visit" not in _list(client, official="antony-blinken")
    assert "Final tour" in _list(client, official="antony-blinken")
    assert "Final tour" not in _list(client, country="FJ")
    assert "Pacific visit" in _list(client, country="FJ")
    assert "Pacific visit" not in _list(client, status="completed")
    html = _list(client, start="2025-03-01", end="2025-12-31")
    assert "Pacific visit" in html and "Final tour" not in html


def test_it_searches_officials_aliases_places_and_country_names(client):
    make_official(name="Wang Yi", slug="wang-yi", aliases=["Mr Wang"], country="CN")
    _tour()

    found = _list(client, q="blinken")
    assert "Final tour" in found
    assert 'href="/officials/antony-blinken/"' in found
    assert "Final tour" in _list(client, q="south korea")
    assert "Final tour" in _list(client, q="Tokyo")
    assert "Mr Wang" not in _list(client, q="nothing-like-this")
    assert 'href="/officials/wang-yi/"' in _list(client, q="mr wang")


def test_it_keeps_filters_in_page_links(client):
    official = make_official(slug="busy")
    for day in range(1, 26):
        make_trip(officials=[official], start_date=date(2024, 1, day), end_date=None)

    html = _list(client, official="busy", status="completed")

    assert "25 trips" in html
    assert "Page 1 of 2" in html
    assert 'href="?official=busy&amp;status=completed&amp;page=2"' in html
    assert "Page 2 of 2" in _list(client, official="busy", status="completed", page=2)


def test_it_shows_no_trips_for_an_unknown_official_or_country_instead_of_all(client):
    _tour()

    html = _list(client, official="nobody")
    assert "No trip by “nobody” is on the record." in html
    assert "Final tour" not in html
    html = _list(client, country="NZ")
    assert "No trip to “NZ” is on the record." in html
    assert "Final tour" not in html


def test_it_reports_a_date_window_that_ends_before_it_starts(client):
    html = _list(client, start="2025-03-01", end="2025-01-01")

    assert "The end of the window is before its start." in html


# --- query counts --------------------------------------------------------------


def _queries(client, url, django_assert_max_num_queries, limit) -> None:
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("n_trips", [4, 16])
def test_it_uses_the_same_queries_whatever_the_data_size(
    client, django_assert_num_queries, n_trips
):
    official = make_official(name="Antony Blinken", slug="antony-blinken")
    counterpart = make_official(name="Cho Tae-yul", slug="cho-tae-yul", country="KR")
    trips = [_tour(official, counterpart) for _ in range(n_trips)]
    article = trips[0].articles.get()
    # Every list of the home page gets trips: planned, ongoing, overdue, completed.
    dates = {
        "planned": (date(2025, 4, 1), None),
        "ongoing": (date(2025, 2, 27), date(2025, 3, 3)),
        "overdue": (date(2025, 1, 5), date(2025, 1, 9)),
        "completed": (date(2025, 1, 5), date(2025, 1, 9)),
    }
    for index, trip in enumerate(trips):
        kind = list(dates)[index % 4]
        trip.status = "planned" if kind == "overdue" else kind
        trip.start_date, trip.end_date = dates[kind]
        trip.save()
    expected = {
        reverse("trips:home"): 15,
        trips[0].get_absolute_url(): 7,
        official.get_absolute_url(): 10,
        reverse("trips:country-detail", kwargs={"code": "KR"}): 3,
        article.get_absolute_url(): 5,
        reverse("trips:trip-list") + "?q=Seoul&country=KR": 6,
        reverse("trips:trip-list") + "?official=antony-blinken": 7,
        reverse("trips:official-list"): 4,
        reverse("trips:official-list") + "?sort=trips&country=US&office=minister": 4,
        reverse("trips:country-list"): 1,
        reverse("trips:official-suggest") + "?q=bli": 1,
        reverse("trips:official-visits-csv", kwargs={"slug": "antony-blinken"}): 2,
        reverse("trips:country-visits-csv", kwargs={"code": "KR"}): 1,
    }
    for url, queries in expected.items():
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200, url


# --- links to the API ------------------------------------------------------------


def test_it_links_every_page_to_its_json_and_the_official_to_its_feeds(client):
    trip = _tour()
    article = trip.articles.get()

    assert f'href="/api/trips/{trip.pk}/"' in _html(client.get(trip.get_absolute_url()))
    official = _html(client.get("/officials/antony-blinken/"))
    assert 'href="/api/officials/antony-blinken/"' in official
    assert 'href="/api/officials/antony-blinken/trips.ics"' in official
    assert 'href="/api/officials/antony-blinken/feed.atom"' in official
    country = _html(client.get("/countries/KR/"))
    assert 'href="/api/countries/KR/"' in country
    assert 'href="/api/countries/KR/feed.atom"' in country
    assert f'href="/api/articles/{article.pk}/"' in _html(client.get(article.get_absolute_url()))
    assert 'href="/api/trips/"' in _html(client.get("/"))
    listed = _list(client, q="Seoul", start="2025-01-01", page="2")
    assert 'href="/api/trips/?q=Seoul&amp;overlaps_from=2025-01-01"' in listed


def test_it_has_a_friendly_server_error_page_that_needs_no_request():
    html = render_to_string("500.html")

    assert "Something went wrong on our side" in html
    assert 'href="/"' in html


# --- optional tile layer ---------------------------------------------------------


def test_it_draws_maps_offline_unless_a_tile_layer_is_configured(client, settings):
    trip = _tour()
    assert "data-tiles" not in _html(client.get(trip.get_absolute_url()))

    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Example <contributors>"
    html = _html(client.get(trip.get_absolute_url()))

    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert "Tiles: © Example &lt;contributors&gt;" in html


def _settings_in_subprocess(**environ: str) -> subprocess.CompletedProcess:
    code = "import json, tracker.settings as s; print(json.dumps(s.CONTENT_SECURITY_POLICY))"
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 50, **environ}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_it_allows_images_from_the_tile_server_only_when_one_is_configured():
    offline = _settings_in_subprocess(MAP_TILE_URL="")
    tiled = _settings_in_subprocess(MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png")
    wrong = _settings_in_subprocess(MAP_TILE_URL="javascript:alert(1)")

    assert json.loads(offline.stdout)["DIRECTIVES"]["img-src"] == ["'self'", "data:"]
    assert json.loads(tiled.stdout)["DIRECTIVES"]["img-src"] == [
        "'self'",
        "data:",
        "https://tiles.example.org",
    ]
    assert wrong.returncode != 0 and "MAP_TILE_URL" in wrong.stderr


def test_it_offers_travellers_in_the_official_filter_and_keeps_the_choice(client):
    _tour()

    html = _list(client, official="antony-blinken", country="KR", start="2025-01-01")

    # The official filter is a type-ahead field: the name shows, the slug is kept.
    assert (
        'name="official" id="id_official" value="Antony Blinken" data-value="antony-blinken"'
        in html
    )
    assert "Final tour to Asia and Europe" in html
    assert '<option value="KR" selected>South Korea</option>' in html
    assert 'name="start" id="id_start" value="2025-01-01"' in html


# --- officials list ------------------------------------------------------------


def _names(html: str) -> list[str]:
    return re.findall(r'<span class="person-name">([^<]+)</span>', html)


def test_it_sorts_officials_by_surname_or_by_trips_that_count(client):
    zed = make_official(name="Ada Zed", slug="ada-zed")
    make_official(name="Bo Young", slug="bo-young")
    make_official(name="Xi Jinping", slug="xi-jinping", country="CN")
    make_official(name="Haider al-Abadi", slug="haider-al-abadi", country="IQ")
    for status in ("completed", "ongoing", "planned"):
        make_trip(officials=[zed], status=status)

    by_name = _html(client.get(reverse("trips:official-list")))
    by_trips = _html(client.get(reverse("trips:official-list"), {"sort": "trips"}))

    assert _names(by_name)[:4] == ["Haider al-Abadi", "Xi Jinping", "Bo Young", "Ada Zed"]
    assert _names(by_trips)[0] == "Ada Zed"
    assert "2 trips" in by_trips  # the planned one does not count
    assert '<option value="trips" selected>Most trips</option>' in by_trips


def test_it_filters_officials_by_name_government_and_office(client):
    make_official(name="Penny Wong", slug="penny-wong", title="Foreign Minister", country="AU")
    make_official(
        name="Wang Yi", slug="wang-yi", title="Foreign Minister", country="CN", aliases=["Mr Wang"]
    )
    make_official(name="Li Qiang", slug="li-qiang", title="Premier", country="CN")

    def names(**params):
        return sorted(_names(_html(client.get(reverse("trips:official-list"), params))))

    assert names(country="CN") == ["Li Qiang", "Wang Yi"]
    assert names(office="foreign minister") == ["Penny Wong", "Wang Yi"]
    assert names(country="CN", office="minister") == ["Wang Yi"]
    assert names(q="wong") == ["Penny Wong"]
    assert names(q="mr wang") == ["Wang Yi"]
    html = _html(client.get(reverse("trips:official-list"), {"country": "CN"}))
    assert "2 officials match these filters" in html
    assert '<option value="CN" selected>China</option>' in html
    assert '<datalist id="office-list"><option value="Foreign Minister">' not in html  # 2 < 3


def test_it_pages_the_officials_list(client):
    Official.objects.bulk_create(
        Official(name=f"Person {n:03d}", slug=f"person-{n:03d}") for n in range(130)
    )

    first = _html(client.get(reverse("trips:official-list")))
    last = _html(client.get(reverse("trips:official-list"), {"page": 3}))

    assert len(_names(first)) == 60 and len(_names(last)) == 10
    assert "Page 1 of 3" in first and 'href="?page=2"' in first
    assert "Person 129" in last and 'rel="prev" href="?page=2"' in last


def test_it_suggests_officials_as_json_names_that_begin_with_the_text_first(client):
    blinken = make_official(name="Antony Blinken", slug="antony-blinken", title="Secretary")
    make_official(name="Tony Ablin", slug="tony-ablin", country="")
    make_trip(officials=[blinken])

    found = client.get(reverse("trips:official-suggest"), {"q": "blin"}).json()["results"]
    travellers = client.get(reverse("trips:official-suggest"), {"q": "lin", "travelled": "1"})

    assert [item["slug"] for item in found] == ["antony-blinken", "tony-ablin"]
    assert found[0] == {
        "slug": "antony-blinken",
        "name": "Antony Blinken",
        "detail": "Secretary, United States · 1 trip",
        "url": "/officials/antony-blinken/",
    }
    assert [item["slug"] for item in travellers.json()["results"]] == ["antony-blinken"]
    assert client.get(reverse("trips:official-suggest"), {"q": "b"}).json() == {"results": []}


# --- trips list: the official type-ahead ------------------------------------------


def test_it_filters_trips_by_an_officials_name_part_or_slug(client):
    _tour()
    wong = make_official(name="Penny Wong", slug="penny-wong", country="AU")
    make_trip(officials=[wong], title="Pacific visit")

    for value in ("antony-blinken", "Antony Blinken", "blinken"):
        html = _list(client, official=value)
        assert "Final tour" in html and "Pacific visit" not in html, value
        assert 'href="/api/trips/?official=antony-blinken"' in html, value


def test_it_asks_which_official_when_a_name_fits_several(client):
    for n in (1, 2):
        make_trip(officials=[make_official(name="Kamala Harris", slug=f"kamala-harris-{n}")])

    html = _list(client, official="Kamala Harris", status="completed")

    assert "Several officials match “Kamala Harris”: choose one." in html
    assert 'href="?official=kamala-harris-1&amp;status=completed"' in html
    assert 'href="?official=kamala-harris-2&amp;status=completed"' in html
    assert "No trip matches these filters." in html
    picked = _list(client, official="kamala-harris-2")
    assert 'value="kamala-harris-2" data-value="kamala-harris-2"' in picked  # shared name: slug


# --- official page: paged trips and the travel log -----------------------------------


def _busy_official(n_trips: int = 30) -> Official:
    official = make_official(name="Antony Blinken", slug="antony-blinken")
    places = [("JP", "Tokyo"), ("FR", "Paris"), ("BR", "Brasília")]
    for n in range(n_trips):
        trip = make_trip(
            officials=[official],
            title=f"Trip number {n:02d}",
            start_date=date(2020 + n // 10, 1 + n % 10, 1),
            end_date=date(2020 + n // 10, 1 + n % 10, 3),
        )
        code, city = places[n % 3]
        make_stop(
            trip=trip,
            country=code,
            city=city,
            notes=f"Remarks {n:02d}",
            arrive_date=trip.start_date,
            depart_date=trip.end_date,
        )
    return official


def test_it_pages_an_officials_trips_and_keeps_the_totals_whole(client):
    official = _busy_official(30)

    first = _html(client.get(official.get_absolute_url()))
    second = _html(client.get(official.get_absolute_url(), {"page": 2}))

    assert first.count('class="year-trip"') == 25 and second.count('class="year-trip"') == 5
    assert "<dt>Trips travelled</dt><dd>30</dd>" in second
    assert "Trip number 29" in first and "Trip number 00" in second
    assert "10 trips, 5 on this page" in first  # 2020 is split between the pages
    assert 'rel="next" href="?page=2#trips"' in first


def test_it_lists_an_officials_visits_as_a_sortable_paged_table(client):
    official = _busy_official(60)

    newest = _html(client.get(official.get_absolute_url()))
    by_country = _html(client.get(official.get_absolute_url(), {"sort": "country"}))
    page_2 = _html(client.get(official.get_absolute_url(), {"sort": "-country", "visits_page": 2}))

    table = newest[newest.index('id="visits"') :]
    assert "60 entries, 1–50 shown" in table
    assert table.index("Remarks 59") < table.index("Remarks 58")
    assert '<th scope="col" aria-sort="descending"><a href="?sort=date#visits">Dates' in table
    sorted_table = by_country[by_country.index('id="visits"') :]
    assert sorted_table.index(">Brazil<") < sorted_table.index(">France<")
    assert '<th scope="col" aria-sort="ascending"><a href="?sort=-country#visits">Country' in (
        sorted_table
    )
    assert "Page 2 of 2" in page_2 and ">Brazil<" in page_2[page_2.index('id="visits"') :]
    assert 'href="/officials/antony-blinken/visits.csv?sort=country" download' in by_country


def test_it_downloads_an_officials_visits_as_csv_in_the_tables_order(client):
    official = _busy_official(4)

    response = client.get(
        reverse("trips:official-visits-csv", kwargs={"slug": official.slug}), {"sort": "country"}
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="antony-blinken-visits.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "country",
        "country_code",
        "locale",
        "remarks",
        "arrived",
        "departed",
        "trip",
        "trip_url",
    ]
    assert [row[0] for row in rows[1:]] == ["Brazil", "France", "Japan", "Japan"]
    assert rows[1][2:7] == ["Brasília", "Remarks 02", "2020-03-01", "2020-03-03", "Trip number 02"]
    assert rows[1][7].startswith("http://testserver/trips/")


def test_it_shades_the_countries_an_official_visited_by_how_often(client):
    official = _busy_official(4)

    html = _html(client.get(official.get_absolute_url()))
    data = json.loads(
        re.search(r'id="official-map" type="application/json">(.*?)</script>', html)[1]
    )

    shades = {country["code"]: (country["n"], country["shade"]) for country in data["countries"]}
    assert shades == {"JP": (2, 2), "FR": (1, 1), "BR": (1, 1)}
    assert '<ul class="map-legend" aria-label="Shades: visits per country">' in html


# --- country page: the visits table -------------------------------------------------


def test_it_lists_a_countrys_visits_as_a_sortable_table_with_its_csv(client):
    for name in ("Zoe Ames", "Al Brown"):
        traveller = make_official(name=name, slug=name.lower().replace(" ", "-"), country="FR")
        trip = make_trip(officials=[traveller], start_date=date(2024, 5, len(name)), end_date=None)
        make_stop(trip=trip, country="JP", city="Tokyo", arrive_date=trip.start_date)
        make_stop(trip=trip, country="JP", city="Osaka", arrive_date=trip.start_date)

    html = _html(client.get("/countries/JP/", {"sort": "visitor"}))
    table = html[html.index('id="visits"') :]
    rows = list(
        csv.reader(
            io.StringIO(client.get("/countries/JP/visits.csv?sort=-visitor").content.decode())
        )
    )

    assert table.index("Al Brown") < table.index("Zoe Ames")
    assert "Tokyo, Osaka" in table  # one row per stay: the trip's consecutive stops here
    assert [row[0] for row in rows[1:]] == ["Zoe Ames", "Al Brown"]
    assert rows[1][1:3] == ["France", "Tokyo, Osaka"]
    origins = json.loads(
        re.search(r'id="origins-map" type="application/json">(.*?)</script>', html)[1]
    )
    assert [(c["code"], c["n"]) for c in origins["countries"]] == [("FR", 2)]
    assert origins["focus"]["code"] == "JP"


def test_it_pages_a_countrys_visits(client):
    traveller = make_official(name="Busy Visitor", slug="busy-visitor")
    for n in range(55):
        trip = make_trip(
            officials=[traveller], start_date=date(2000 + n // 12, 1 + n % 12, 1), end_date=None
        )
        make_stop(trip=trip, country="JP", city="Tokyo", arrive_date=trip.start_date)

    html = _html(client.get("/countries/JP/"))
    last = _html(client.get("/countries/JP/", {"visits_page": 2}))

    assert "55 visits" in html and "55 entries, 1–50 shown" in html
    assert "51–55 shown" in last
    assert 'href="?visits_page=2#visits"' in html


# The loops of trips/includes/official_life.html before its rows were written in
# Python (trip_tags.hosted_visit_html, meeting_html): the rows must not change.
_HOSTED_LOOP = """{% load trip_tags %}{% for visit in visits %}
      <li class="year-trip">
        <p class="year-trip-dates">{{ visit.trip|daterange }}</p>
        <div>
          <p class="visit-who">{% for person in visit.trip.officials.all %}<a href="{{ person.get_absolute_url }}">{{ person.name }}</a>{% if person.country %} <span class="from">from {{ person.country_name }}</span>{% endif %}{% if not forloop.last %}; {% endif %}{% empty %}Travellers not reported{% endfor %}</p>
          <p class="visit-where">{{ visit.places }} · <a href="{{ visit.trip.get_absolute_url }}">{{ visit.trip }}</a> {% include "trips/includes/status.html" with trip=visit.trip %}{% if visit.met %} <span class="met-badge">met {{ life.official.name }}</span>{% endif %}</p>
          {% with quotes=visit.evidence %}{% if quotes %}<details class="trip-evidence"><summary>Evidence <span class="count">{{ quotes|length }}</span></summary>{{ quotes|quotes }}</details>{% endif %}{% endwith %}
        </div>
      </li>
      {% endfor %}"""  # noqa: E501
_MEETINGS_LOOP = """{% load trip_tags %}{% for meeting in life.meetings %}
    <li class="meeting">
      <p class="meeting-head"><span class="meeting-label">Meeting</span> {% if meeting.date %}<time datetime="{{ meeting.date|date:'Y-m-d' }}">{{ meeting.date|date:"j F Y" }}</time>{% else %}<span class="unknown">date unknown</span>, on the trip of {{ meeting.trip|daterange }}{% endif %}
        with {% for person in meeting.trip.officials.all %}<a href="{{ person.get_absolute_url }}">{{ person.name }}</a>{% if not forloop.last %}, {% endif %}{% empty %}travellers not reported{% endfor %}{% if meeting.stop %} in {{ meeting.stop.place }}{% endif %}</p>
      <p class="meeting-trip"><a href="{{ meeting.trip.get_absolute_url }}">{{ meeting.trip }}</a>{% with others=meeting.participants.all %}{% if others|length > 1 %} · also there: {% for person in others %}{% if person.pk != life.official.pk %}<a href="{{ person.get_absolute_url }}">{{ person.name }}</a>{% if not forloop.last %}, {% endif %}{% endif %}{% endfor %}{% endif %}{% endwith %}</p>
      {% if meeting.description %}<p class="meeting-description">{{ meeting.description }}</p>{% endif %}
      {{ meeting.evidence.all|quotes }}
    </li>
    {% endfor %}"""  # noqa: E501


def test_the_visits_hosted_and_meetings_rows_are_those_the_template_wrote():
    from django.template import engines

    from trips import selectors
    from trips.templatetags.trip_tags import hosted_rows, meeting_rows

    cho = make_official(name="Cho Tae-yul", slug="cho-tae-yul", country="KR")
    _tour(counterpart=cho)  # met, with evidence
    o_brien = make_official(name="Seán O'Brien & Co", slug="sean-obrien", country="IE")
    wong = make_official(name="Penny Wong", slug="penny-wong", country="AU")
    nameless = make_official(name="Zed", slug="zed", country="")
    planned = make_trip(
        officials=[o_brien, wong, nameless],
        title="<To Seoul>",
        status=Trip.Status.PLANNED,
        start_date=date(2025, 1, 6),
        end_date=None,
    )
    make_stop(trip=planned, country="KR", city="Seoul")
    # A meeting with no date nor stop, others there, the official not last.
    make_meeting(trip=planned, participants=[cho, wong, o_brien], description="")
    quiet = make_trip(officials=[], title="", start_date=date(2025, 1, 8), end_date=None)
    make_stop(trip=quiet, country="KR", city="")
    make_meeting(trip=quiet, participants=[cho], date=date(2025, 1, 8), description="A & B")

    life = selectors.official_diplomatic_life(official=cho)
    assert len(life.hosted) == 3 and len(life.meetings) == 3
    django = engines["django"]
    # The template read model instances (selectors.HostedVisit, Meeting); the
    # page's rows are column values (selectors.HostedRow, MeetingRow) and must
    # write the same HTML.
    models = selectors.hosted_visits(
        official_hosted_trips(official=cho, in_office=official_in_office(cho))
    )
    meeting_models = list(selectors.official_meetings(official=cho))
    context = {"life": {"official": cho, "meetings": meeting_models}, "visits": models}

    rows = hosted_rows(list(life.hosted), cho)
    assert rows == django.from_string(_HOSTED_LOOP).render(context)
    meetings = meeting_rows(life.meetings, cho)
    assert meetings == django.from_string(_MEETINGS_LOOP).render(context)
    assert "Travellers not reported" in rows
    assert "date unknown" in meetings and "also there" in meetings and "&amp;" in meetings


def test_an_official_of_the_un_names_it_with_no_link_to_a_country_page(client):
    official = make_official(
        name="Sara Lind", slug="sara-lind", country="UN", title="Secretary-General"
    )

    html = _html(client.get(official.get_absolute_url()))

    assert "United Nations" in html
    assert "/countries/UN/" not in html
