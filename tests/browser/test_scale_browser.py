"""The pages with a loaded database, in a real browser: pagination, type-ahead,
the travel logs' sorting and CSV, the maps' shading and zoom, the admin's width."""

from __future__ import annotations

import csv
import re

import pytest

from tests.browser.test_pages_browser import _assert_accessible
from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.selectors import official_hosted_trips, official_in_office

pytestmark = pytest.mark.browser


def _card_names(page) -> list[str]:
    return page.locator(".person-name").all_inner_texts()


def test_the_officials_list_pages_sorts_and_suggests_officials_by_keyboard(
    live_server, loaded, page, screenshots
):
    page.goto(live_server.url + "/officials/")
    total = Official.objects.count()
    assert page.locator(".person-card").count() == 60
    assert page.get_by_text(f"Page 1 of {-(-total // 60)}").is_visible()
    page.screenshot(path=screenshots / "officials-list.png", full_page=True)
    _assert_accessible(page)

    first_page = _card_names(page)
    page.get_by_role("link", name="Page 2", exact=True).click()
    page.wait_for_url(re.compile(r"/officials/\?page=2$"))
    assert set(_card_names(page)).isdisjoint(first_page)

    page.get_by_label("Sort by").select_option("trips")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"sort=trips"))
    assert _card_names(page)[0] == "Busy Traveller"

    # Type-ahead by keyboard alone: type, arrow down to the suggestion, Enter.
    field = page.get_by_role("combobox", name="Name")
    field.focus()
    page.keyboard.type("busy tr", delay=30)
    option = page.get_by_role("option", name=re.compile("Busy Traveller"))
    option.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    page.screenshot(path=screenshots / "officials-typeahead.png")
    _assert_accessible(page)
    page.keyboard.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert field.get_attribute("aria-activedescendant") == option.get_attribute("id")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/officials/busy-traveller/$"))
    assert page.problems == []


def test_the_trips_filter_suggests_an_official_and_pages_the_results(
    live_server, loaded, page, screenshots
):
    page.goto(live_server.url + "/trips/")
    page.evaluate("window.notReloaded = true")

    page.get_by_role("combobox", name="Official").fill("busy")
    page.get_by_role("option", name=re.compile("Busy Traveller")).wait_for()
    page.screenshot(path=screenshots / "trip-list-typeahead.png")
    page.get_by_role("option", name=re.compile("Busy Traveller")).click()
    page.wait_for_url(re.compile(r"official=busy-traveller"))
    page.wait_for_function("!document.querySelector('#results[aria-busy]')")

    assert page.evaluate("window.notReloaded") is True
    assert page.get_by_role("combobox", name="Official").input_value() == "Busy Traveller"
    assert page.locator(".results-count").inner_text() == "61 trips"
    assert page.locator(".trip-card").count() == 20
    _assert_accessible(page)

    page.get_by_role("link", name="Older →").click()
    page.wait_for_url(re.compile(r"official=busy-traveller&page=2"))
    assert page.get_by_text("Page 2 of 4").is_visible()
    page.screenshot(path=screenshots / "trip-list-page-2.png", full_page=True)
    assert page.problems == []


def test_an_officials_travel_log_sorts_pages_and_downloads_as_csv(
    live_server, loaded, page, screenshots
):
    official = loaded["busy"]
    page.goto(live_server.url + official.get_absolute_url())
    log = page.locator("#visits")
    entries = Stop.objects.filter(trip__officials=official).count()  # one country per stop here
    assert log.get_by_text(f"{entries} entries, 1–50 shown").is_visible()

    log.get_by_role("link", name=re.compile("^Country")).click()
    page.wait_for_url(re.compile(r"sort=country#visits$"))
    header = page.locator("#visits th", has_text="Country")
    assert header.get_attribute("aria-sort") == "ascending"
    countries = page.locator("#visits tbody tr td:first-child").all_inner_texts()
    assert countries == sorted(countries)
    log.screenshot(path=screenshots / "official-travel-log.png")
    _assert_accessible(page)

    with page.expect_download() as download:
        log.get_by_role("link", name=re.compile("Download CSV")).click()
    assert download.value.suggested_filename == "busy-traveller-visits.csv"
    with open(download.value.path(), encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == entries + 1
    assert [row[0] for row in rows[1:51]] == countries  # the table's order, every row

    log.get_by_role("link", name="Page 2", exact=True).click()
    page.wait_for_url(re.compile(r"sort=country&visits_page=2#visits$"))
    assert page.locator("#visits").get_by_text(f"51–{min(100, entries)} shown").is_visible()
    assert page.problems == []


def test_an_officials_visits_hosted_and_meetings_page_by_keyboard(
    live_server, loaded, page, screenshots
):
    # A host the busy traveller met on each of their 60 trips: 60 visits hosted, 60 meetings.
    host = Official.objects.create(
        name="Hana Host", slug="hana-host", title="Foreign Minister", country="KR"
    )
    trips = Trip.objects.filter(officials=loaded["busy"]).order_by("start_date")[:60]
    meetings = Meeting.objects.bulk_create(
        Meeting(trip=trip, date=trip.start_date, description=f"Talks {n:02d}")
        for n, trip in enumerate(trips)
    )
    Meeting.participants.through.objects.bulk_create(
        Meeting.participants.through(meeting=meeting, official=host) for meeting in meetings
    )
    # Those, and the other governments' trips to Korea while the record shows her in office.
    total = official_hosted_trips(official=host, in_office=official_in_office(host)).count()
    assert total > 50

    page.goto(live_server.url + host.get_absolute_url())
    hosted = page.locator("#hosted")
    assert hosted.locator("h2 .count").inner_text() == str(total)
    assert hosted.locator(".year-trip").count() == 25
    first = hosted.locator(".year-trip a[href^='/trips/']").all_inner_texts()
    nav = page.get_by_role("navigation", name="Pages of visits hosted")
    assert nav.get_by_text(f"Page 1 of {-(-total // 25)}").is_visible()
    _assert_accessible(page)

    # By keyboard: the focus on the next page's link, then Enter.
    nav.get_by_role("link", name="Older →").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?hosted_page=2#hosted$"))
    hosted = page.locator("#hosted")
    assert hosted.locator(".year-trip").count() == 25
    assert set(hosted.locator(".year-trip a[href^='/trips/']").all_inner_texts()).isdisjoint(first)
    assert nav.locator("[aria-current=page]").inner_text().endswith("2")
    hosted.screenshot(path=screenshots / "official-hosted-page-2.png")

    # The meetings page on their own; the visits hosted stay on their page.
    meetings = page.get_by_role("navigation", name="Pages of meetings")
    meetings.get_by_role("link", name="Page 3", exact=True).click()
    page.wait_for_url(re.compile(r"hosted_page=2&meetings_page=3#meetings$"))
    assert page.locator("#meetings .meeting").count() == 10
    assert page.locator("#meetings").get_by_text("Talks 09").is_visible()
    assert page.locator("#hosted .year-trip").count() == 25
    page.screenshot(path=screenshots / "official-meetings-page-3.png", full_page=True)
    _assert_accessible(page)
    assert page.problems == []


def test_a_country_page_shades_where_visitors_came_from_and_sorts_its_visits(
    live_server, loaded, page, screenshots
):
    page.goto(live_server.url + "/countries/JP/")
    page.locator("#origins-map + .map svg .map-country[class*='shade-']").first.wait_for()
    assert page.locator(".map svg .map-country.focus").count() == 1
    assert page.locator(".map-legend li .swatch").count() >= 1
    page.screenshot(path=screenshots / "country-panels.png", full_page=True)
    _assert_accessible(page)

    page.locator("#visits").get_by_role("link", name=re.compile("^Visitor")).click()
    page.wait_for_url(re.compile(r"sort=visitor#visits$"))
    visitors = page.locator("#visits tbody tr td:first-child").all_inner_texts()
    assert visitors == sorted(visitors, key=str.casefold)
    assert page.problems == []


def _visible_label_boxes(page) -> list[dict]:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.map-label:not(.hidden)'))
            .map(label => { const b = label.getBoundingClientRect();
                            return {x: b.x, y: b.y, w: b.width, h: b.height}; })"""
    )


def _overlapping(boxes: list[dict]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes)
        if i < j
        and a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and a["y"] < b["y"] + b["h"]
        and b["y"] < a["y"] + a["h"]
    ]


def test_a_long_trips_map_numbers_labels_and_zooms(live_server, loaded, page, screenshots):
    trip = loaded["long_trip"]
    page.goto(live_server.url + trip.get_absolute_url())
    map_box = page.locator(".map.map-drawn")
    map_box.wait_for()

    numbers = page.locator(".map-stop text").all_text_contents()  # SVG has no innerText
    places = {(s.latitude, s.longitude) for s in trip.stops.all()}
    # One numbered marker per place; a place the route comes back to reads "4+".
    assert len(numbers) == len(places) < 18
    assert numbers[0] in ("1", "1+") and all(re.fullmatch(r"\d+\+?", n) for n in numbers)
    assert "+" in "".join(numbers)
    before = _visible_label_boxes(page)
    assert before and _overlapping(before) == []

    page.get_by_role("button", name="Zoom in").click()
    assert map_box.get_attribute("data-zoom") == "2.00"
    map_box.focus()
    page.keyboard.press("+")
    assert map_box.get_attribute("data-zoom") == "3.00"
    page.keyboard.press("ArrowRight")
    zoomed = _visible_label_boxes(page)
    assert _overlapping(zoomed) == []
    map_box.screenshot(path=screenshots / "trip-map-zoomed.png")
    page.keyboard.press("0")
    assert map_box.get_attribute("data-zoom") == "1.00"
    _assert_accessible(page)
    assert page.problems == []


def test_the_admin_trip_page_fits_a_laptop_and_lists_each_country_once(
    live_server, loaded, browser, admin_user, screenshots
):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(admin_user.username)
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(live_server.url + "/admin/trips/trip/")
    links = page.locator("#changelist-filter a[href*='country=']").all()
    codes = [re.search(r"country=([A-Z]{2})", link.get_attribute("href"))[1] for link in links]
    assert codes and len(codes) == len(set(codes))

    trip = loaded["long_trip"]
    # Long sentences of evidence, and meetings with people, as on the record's longest trip.
    article = Article.objects.order_by("pk").first()
    sentence = "The Secretary of State arrived for talks on trade, security and climate. " * 6
    for order in range(1, 8):
        Evidence.objects.create(
            article=article,
            fact="trip",
            trip=trip,
            sentence=sentence,
            start_offset=0,
            end_offset=len(sentence),
        )
        meeting = Meeting.objects.create(
            trip=trip, stop=trip.stops.get(order=order), description="Talks " * 20
        )
        meeting.participants.set(Official.objects.order_by("pk")[order : order + 3])
    page.goto(live_server.url + f"/admin/trips/trip/{trip.pk}/change/")
    page.locator("#stops-group").wait_for()
    assert page.locator("#stops-group tr.form-row.has_original").count() == 18
    assert page.locator(".evidence-table tbody tr").count() == 7
    assert page.locator("#meetings-group tr.form-row.has_original").count() == 7
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    page.screenshot(path=screenshots / "admin-trip.png", full_page=True)
    context.close()


def test_the_browsable_api_and_the_icon_raise_no_policy_errors(live_server, loaded, page):
    for path in ("/api/", "/api/trips/", "/api/officials/?ordering=name"):
        page.goto(live_server.url + path)
        assert page.get_by_role("heading", level=1).first.is_visible()
    assert page.problems == []
    # Fetched, not opened: Chromium's own viewer of an opened image styles itself inline.
    icon = page.request.get(live_server.url + "/favicon.ico")
    assert (icon.status, icon.headers["content-type"]) == (200, "image/x-icon")
