"""The admin renders for a superuser, and editors' saves are marked."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorList
from django.urls import reverse

from tests.factories import (
    make_article,
    make_evidence,
    make_meeting,
    make_official,
    make_stop,
    make_trip,
)
from trips.admin import (
    MeetingInline,
    MeetingInlineForm,
    StopInline,
    StopInlineForm,
    TripOfOfficialForm,
    TripOfOfficialInline,
)
from trips.admin_widgets import ROW_RENDERER, ChosenInOneQuery
from trips.models import Meeting, Official, OfficialsKeptApart, Stop, Trip

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["trip", "official", "article", "stop", "meeting"])
def test_changelist_and_add_pages_render(admin_client, model):
    trip = make_trip(start_date=date(2024, 3, 14))
    make_stop(trip=trip)
    make_meeting(trip=trip)
    make_evidence(trip=trip)
    response = admin_client.get(reverse(f"admin:trips_{model}_changelist"))
    assert response.status_code == 200
    add = admin_client.get(reverse(f"admin:trips_{model}_add"))
    # Articles come only from imports, so their add page is refused.
    assert add.status_code == (403 if model == "article" else 200)


def test_trip_change_page_shows_stops_meetings_and_evidence(admin_client):
    trip = make_trip(title="Blue Tour")
    make_stop(trip=trip, city="Tokyo", country="JP", recorded_arrive=date(2024, 3, 13))
    make_meeting(trip=trip, description="Talks on shipping lanes")
    article = make_article(text="The minister arrived in Tokyo on Monday for talks.")
    make_evidence(article=article, trip=trip, sentence="The minister arrived in Tokyo on Monday")
    response = admin_client.get(reverse("admin:trips_trip_change", args=[trip.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tokyo" in body
    assert "Talks on shipping lanes" in body
    assert "13 March 2024" in body  # the record's date, read-only beside the news dates
    # The evidence read-only, in one table linking each sentence's article.
    assert f'<td>Trip</td><td><a href="/admin/trips/article/{article.pk}/change/">' in body
    assert "<td>The minister arrived in Tokyo on Monday</td><td>0–39</td>" in body


def test_article_change_page_is_read_only_with_its_facts(admin_client):
    article = make_article(text="The minister arrived in Tokyo on Monday for talks.")
    make_evidence(article=article, sentence="The minister arrived in Tokyo on Monday")
    response = admin_client.get(reverse("admin:trips_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert "what was extracted from this article" in response.content.decode().lower()


@pytest.mark.parametrize("facts", [1, 8])
def test_an_articles_page_costs_the_same_queries_whatever_its_facts(
    admin_client, django_assert_num_queries, facts
):
    article = make_article(text="The minister arrived in Tokyo on Monday for talks.")
    for n in range(facts):
        trip = make_trip(officials=[make_official()], title=f"Tour {n}")
        stop = make_stop(trip=trip)
        make_evidence(article=article, trip=trip, sentence="The minister arrived")
        make_evidence(article=article, stop=stop, sentence="in Tokyo")
        make_evidence(article=article, official=trip.officials.get(), sentence="The minister")
        make_evidence(article=article, meeting=make_meeting(trip=trip), sentence="for talks")
    url = reverse("admin:trips_article_change", args=[article.pk])
    admin_client.get(url)  # once first: the caches a first request fills
    with django_assert_num_queries(4):
        response = admin_client.get(url)
    assert response.content.decode().count("Tour ") >= facts


@pytest.mark.parametrize("query", ["status=planned", "country=JP", "year=2024", "q=Tokyo"])
def test_trip_changelist_filters_and_search(admin_client, query):
    trip = make_trip(status="planned", start_date=date(2024, 5, 1), end_date=date(2024, 5, 2))
    make_stop(trip=trip, city="Tokyo", country="JP")
    response = admin_client.get(reverse("admin:trips_trip_changelist") + "?" + query)
    assert response.status_code == 200
    assert str(trip) in response.content.decode()


def test_official_autocomplete_answers(admin_client):
    make_official(name="Toshiko Example")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "trips", "model_name": "trip", "field_name": "officials", "term": "Tosh"},
    )
    assert response.status_code == 200
    assert response.json()["results"][0]["text"].startswith("Toshiko Example")


def _inline_post_data(trip: Trip, stop: Stop, meeting: Meeting) -> dict[str, str]:
    official_ids = [str(o.pk) for o in trip.officials.all()]
    return {
        "title": trip.title,
        "officials": official_ids,
        "status": "completed",
        "start_date": "2024-03-14",
        "end_date": "2024-03-18",
        "summary": "",
        "stops-TOTAL_FORMS": "1",
        "stops-INITIAL_FORMS": "1",
        "stops-MIN_NUM_FORMS": "0",
        "stops-MAX_NUM_FORMS": "1000",
        "stops-0-id": str(stop.pk),
        "stops-0-trip": str(trip.pk),
        "stops-0-order": "1",
        "stops-0-country": "JP",
        "stops-0-city": "Osaka",
        "stops-0-arrive_date": "",
        "stops-0-depart_date": "",
        "stops-0-latitude": "",
        "stops-0-longitude": "",
        "stops-0-notes": "",
        "meetings-TOTAL_FORMS": "1",
        "meetings-INITIAL_FORMS": "1",
        "meetings-MIN_NUM_FORMS": "0",
        "meetings-MAX_NUM_FORMS": "1000",
        "meetings-0-id": str(meeting.pk),
        "meetings-0-trip": str(trip.pk),
        "meetings-0-stop": str(stop.pk),
        "meetings-0-date": "",
        "meetings-0-participants": [str(p.pk) for p in meeting.participants.all()],
        "meetings-0-description": "Talks",
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
    }


def test_saving_a_trip_with_inlines_marks_what_the_editor_changed(admin_client):
    trip = make_trip(title="Red Tour")
    stop = make_stop(trip=trip, city="Tokyo", country="JP")
    meeting = make_meeting(trip=trip, stop=stop)
    response = admin_client.post(
        reverse("admin:trips_trip_change", args=[trip.pk]), _inline_post_data(trip, stop, meeting)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    trip.refresh_from_db()
    stop.refresh_from_db()
    meeting.refresh_from_db()
    assert trip.edited_by_person
    assert stop.edited_by_person and stop.city == "Osaka"
    assert meeting.edited_by_person and meeting.description == "Talks"


def test_saving_an_official_marks_it(admin_client):
    official = make_official(name="Kim Example")
    response = admin_client.post(
        reverse("admin:trips_official_change", args=[official.pk]),
        {
            "name": "Kim Example",
            "slug": official.slug,
            "title": "Prime Minister",
            "country": "KR",
            "aliases": '["Example"]',
            "Trip_officials-TOTAL_FORMS": "0",
            "Trip_officials-INITIAL_FORMS": "0",
            "Trip_officials-MIN_NUM_FORMS": "0",
            "Trip_officials-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    official.refresh_from_db()
    assert official.edited_by_person and official.title == "Prime Minister"


def test_country_filter_lists_each_visited_country_once(admin_client):
    for _ in range(3):
        trip = make_trip()
        make_stop(trip=trip, country="JP", city="Tokyo")
        make_stop(trip=trip, country="JP", city="Osaka")
        make_stop(trip=trip, country="KR", city="Seoul")

    body = admin_client.get(reverse("admin:trips_trip_changelist")).content.decode()

    assert body.count("?country=JP") == 1
    assert body.count("?country=KR") == 1


def test_traveller_filter_is_a_search_box_that_keeps_the_other_filters(admin_client):
    blinken = make_official(name="Antony Blinken", slug="antony-blinken")
    wong = make_official(name="Penny Wong", slug="penny-wong")
    make_trip(officials=[blinken], title="Blue Tour", status="completed")
    make_trip(officials=[blinken], title="Green Tour", status="planned")
    make_trip(officials=[wong], title="Red Tour", status="completed")
    url = reverse("admin:trips_trip_changelist")

    body = admin_client.get(url, {"traveller": "blinken", "status__exact": "completed"}).content
    body = body.decode()

    assert "Blue Tour" in body
    assert "Green Tour" not in body and "Red Tour" not in body
    assert 'name="traveller" value="blinken"' in body
    assert '<input type="hidden" name="status__exact" value="completed">' in body
    # A slug picks one person even where another shares the words of the name.
    assert "Red Tour" in admin_client.get(url, {"traveller": "penny-wong"}).content.decode()
    # No link per official: the record has over a thousand travellers.
    assert "?officials__id__exact=" not in body


def test_trip_change_page_searches_articles_and_travellers_instead_of_listing_them(
    admin_client,
):
    trip = make_trip(title="Long Tour")
    for n in range(40):
        make_article(title=f"Unrelated article {n}")
    trip.articles.add(make_article(title="The one source"))
    for order in range(1, 19):
        make_stop(trip=trip, order=order, country="JP", city=f"City {order}")

    body = admin_client.get(reverse("admin:trips_trip_change", args=[trip.pk])).content.decode()

    assert "The one source" in body
    assert "Unrelated article" not in body
    assert 'data-ajax--url="/admin/autocomplete/"' in body
    assert 'id="id_articles"' in body and 'class="admin-autocomplete' in body
    # Each stop in one row, with the record's dates beside the news' dates.
    assert body.count('class="form-row') >= 18
    assert 'type="date" name="stops-0-arrive_date"' in body
    assert "record&#x27;s dates" in body.lower()


def _long_trip(meetings: int) -> Trip:
    """A trip of six stops and ``meetings`` meetings, each with two people, some text to escape."""
    trip = make_trip(title='Tour <of> "Asia" & more', officials=[make_official()])
    stops = [
        make_stop(trip=trip, order=n, country="JP", city=f"City {n} & <{n}>", notes='a "note"')
        for n in range(1, 7)
    ]
    host = make_official(name="Ana Host", slug="ana-host", title="Minister <&>")
    for n in range(meetings):
        make_meeting(
            trip=trip,
            stop=stops[n % 6],
            date=date(2024, 3, 14),
            description=f"Talks {n} <b>&</b>",
            participants=[host, make_official(name=f"Zed {n}", slug=f"zed-{n}")],
        )
    return trip


@pytest.mark.parametrize("trips", [2, 12])
def test_an_officials_page_costs_the_same_queries_whatever_their_trips(
    admin_client, django_assert_num_queries, trips
):
    official = make_official(name="Busy Traveller", slug="busy-traveller")
    for n in range(trips):
        make_trip(officials=[official], title=f"Tour {n}")
    url = reverse("admin:trips_official_change", args=[official.pk])
    admin_client.get(url)  # once first: the caches a first request fills
    with django_assert_num_queries(7):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("selected>Tour ") == trips


def _without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_the_trip_page_rows_are_written_as_djangos_templates_write_them(admin_client, monkeypatch):
    trip = _long_trip(meetings=4)
    url = reverse("admin:trips_trip_change", args=[trip.pk])

    official_url = reverse("admin:trips_official_change", args=[trip.officials.get().pk])

    fast = admin_client.get(url).content.decode()
    fast_official = admin_client.get(official_url).content.decode()
    for form in (StopInlineForm, MeetingInlineForm, TripOfOfficialForm):
        monkeypatch.setattr(form, "default_renderer", DjangoTemplates())
    for inline in (StopInline, MeetingInline, TripOfOfficialInline):
        monkeypatch.setattr(inline, "template", "admin/edit_inline/tabular.html")
    for method in ("optgroups", "render"):
        monkeypatch.setattr(ChosenInOneQuery, method, getattr(AutocompleteSelectMultiple, method))
    django = admin_client.get(url).content.decode()
    django_official = admin_client.get(official_url).content.decode()

    assert "City 1 &amp; &lt;1&gt;" in fast and "selected>Ana Host (Minister &lt;&amp;&gt;)" in fast
    assert _without_csrf(fast) == _without_csrf(django)
    assert "Tour &lt;of&gt;" in fast_official
    assert _without_csrf(fast_official) == _without_csrf(django_official)


def test_rows_with_errors_are_written_as_djangos_template_writes_them(admin_client, monkeypatch):
    trip = make_trip(title="Red Tour")
    stop = make_stop(trip=trip, city="Tokyo", country="JP")
    meeting = make_meeting(trip=trip, stop=stop)
    data = _inline_post_data(trip, stop, meeting)
    # Two rows with errors (one leaves before it arrives), one of them just added.
    data |= {"stops-0-arrive_date": "2024-03-18", "stops-0-depart_date": "2024-03-14"}
    data |= {"stops-TOTAL_FORMS": "2", "stops-1-trip": str(trip.pk)}
    data |= {"stops-1-order": "x", "stops-1-country": "JP", "stops-1-city": "<Kyoto>"}
    url = reverse("admin:trips_trip_change", args=[trip.pk])

    fast = admin_client.post(url, data).content.decode()
    for inline in (StopInline, MeetingInline):
        monkeypatch.setattr(inline, "template", "admin/edit_inline/tabular.html")
    django = admin_client.post(url, data).content.decode()

    assert fast.count("errorlist") == 2 and "&lt;Kyoto&gt;" in fast
    assert _without_csrf(fast) == _without_csrf(django)


@pytest.mark.parametrize("errors", [[], ["Enter a whole number.", "Not <this> & that."]])
def test_the_rows_errors_are_written_as_djangos_templates_write_them(errors):
    fast = ErrorList(errors, renderer=ROW_RENDERER, field_id="id_stops-0-order")
    django = ErrorList(errors, renderer=DjangoTemplates(), field_id="id_stops-0-order")
    assert fast.as_ul() == django.as_ul()
    assert ("&lt;this&gt; &amp; that" in fast.as_ul()) is bool(errors)


@pytest.mark.parametrize("meetings", [2, 12])
def test_the_trip_page_costs_the_same_queries_whatever_its_meetings(
    admin_client, django_assert_num_queries, meetings
):
    trip = _long_trip(meetings=meetings)
    url = reverse("admin:trips_trip_change", args=[trip.pk])
    admin_client.get(url)  # once first: the caches a first request fills
    with django_assert_num_queries(12):
        response = admin_client.get(url)
    assert response.status_code == 200


# --- Identity: merging and splitting officials ---------------------------------------


def _changelist_action(admin_client, officials, **extra):
    return admin_client.post(
        reverse("admin:trips_official_changelist"),
        {"action": "merge_officials", "_selected_action": [o.pk for o in officials], **extra},
        follow=True,
    )


def test_the_merge_action_asks_whom_to_keep_then_merges(admin_client):
    keep = make_official(name="Lena Voss", slug="lena-voss", country="NL", record_id="voss-lena")
    other = make_official(name="Voss", slug="voss", country="")
    make_trip(officials=[keep])
    met = make_meeting(participants=[other])

    page = _changelist_action(admin_client, [keep, other])

    body = page.content.decode()
    assert page.status_code == 200
    assert "Merge officials into one person" in body
    assert f'value="{keep.pk}" id="keep-{keep.pk}" checked' in body  # the record's person
    assert Official.objects.filter(pk__in=[keep.pk, other.pk]).count() == 2  # not merged yet

    done = _changelist_action(admin_client, [keep, other], apply="1", keep=str(keep.pk))

    assert "Merged 1 officials into" in done.content.decode()
    assert not Official.objects.filter(pk=other.pk).exists()
    keep.refresh_from_db()
    assert keep.aliases == ["Voss"] and keep.edited_by_person
    assert list(keep.meetings.all()) == [met]
    assert admin_client.get("/officials/voss/").status_code == 301


def test_the_merge_action_reports_what_it_refuses(admin_client):
    a = make_official(name="Rex H. W. Stone", record_id="stone-rex-h-w")
    b = make_official(name="Rex W. Stone", record_id="stone-rex-w")

    done = _changelist_action(admin_client, [a, b], apply="1", keep=str(a.pk))

    assert "apart as two people" in done.content.decode()
    assert Official.objects.filter(pk__in=[a.pk, b.pk]).count() == 2
    alone = _changelist_action(admin_client, [a])
    assert "Select two officials or more" in alone.content.decode()


def test_the_official_page_links_to_the_split_form(admin_client):
    official = make_official(name="Rex H. W. Stone", aliases=["Rex W. Stone"])

    page = admin_client.get(reverse("admin:trips_official_change", args=[official.pk]))

    assert reverse("admin:trips_official_split", args=[official.pk]) in page.content.decode()


def test_the_split_form_moves_the_chosen_trips_and_keeps_the_two_apart(admin_client):
    stone = make_official(
        name="Rex H. W. Stone", title="President", country="US", aliases=["Rex W. Stone"]
    )
    early = make_trip(officials=[stone], start_date=date(1990, 5, 2), end_date=date(1990, 5, 3))
    late = make_trip(officials=[stone], start_date=date(2005, 6, 10), end_date=date(2005, 6, 11))
    url = reverse("admin:trips_official_split", args=[stone.pk])

    form = admin_client.get(url)
    assert form.status_code == 200
    assert "2005-06-10" in form.content.decode() and "Rex W. Stone" in form.content.decode()

    done = admin_client.post(
        url,
        {
            "name": "Rex W. Stone",
            "title": "President",
            "country": "US",
            "record_id": "stone-rex-w",
            "trips": [late.pk],
            "aliases": ["Rex W. Stone"],
            "note": "Father and son.",
        },
        follow=True,
    )

    assert "out of Rex H. W. Stone" in done.content.decode()
    younger = Official.objects.get(record_id="stone-rex-w")
    assert list(younger.trips.all()) == [late]
    assert list(stone.trips.all()) == [early]
    assert OfficialsKeptApart.objects.filter(note="Father and son.").exists()
    page = admin_client.get(reverse("admin:trips_official_change", args=[younger.pk]))
    assert "Rex H. W. Stone" in page.content.decode()  # "kept apart from"


def test_the_split_form_shows_what_is_wrong(admin_client):
    stone = make_official(name="Rex H. W. Stone")
    make_official(name="Someone Else", record_id="stone-rex-w")

    page = admin_client.post(
        reverse("admin:trips_official_split", args=[stone.pk]),
        {"name": "Rex W. Stone", "record_id": "stone-rex-w"},
    )

    body = page.content.decode()
    assert page.status_code == 200
    assert "Choose the trips, meetings or names of the other person." in body
    assert "Another official has the record id stone-rex-w." in body
    assert Official.objects.count() == 2
