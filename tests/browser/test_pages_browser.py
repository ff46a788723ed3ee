"""The pages in a real browser: search, trip timeline, map, sources, accessibility."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from trips.models import Trip

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


def _assert_accessible(page) -> None:
    results = Axe().run(page)
    serious = [
        f"{item['id']} ({item['impact']}): {[node['target'] for node in item['nodes']][:3]}"
        for item in results.response["violations"]
        if item["impact"] in SERIOUS
    ]
    assert serious == [], page.url


def test_it_searches_an_official_opens_a_trip_and_follows_a_source(
    live_server, seeded, page, screenshots
):
    page.goto(live_server.url + "/")
    assert page.title().startswith("Where officials travel")
    page.screenshot(path=screenshots / "home.png", full_page=True)
    _assert_accessible(page)

    page.get_by_label("Search for an official, a place or a trip").fill("Blinken")
    page.get_by_label("Search for an official, a place or a trip").press("Enter")
    page.wait_for_url(re.compile(r"/trips/\?q=Blinken"))
    page.get_by_role("link", name=re.compile("Antony Blinken")).first.click()
    page.wait_for_url(re.compile(r"/officials/antony-blinken/$"))
    page.locator(".map svg .map-stop").first.wait_for()
    page.screenshot(path=screenshots / "official.png", full_page=True)
    _assert_accessible(page)

    trip = Trip.objects.filter(officials__slug="antony-blinken").order_by("-start_date").first()
    page.locator(f'a[href="{trip.get_absolute_url()}"]').first.click()
    page.wait_for_url(re.compile(rf"/trips/{trip.pk}/$"))
    stops = list(trip.stops.order_by("order"))
    headings = page.locator(".timeline-stop h3").all_text_contents()
    assert [" ".join(text.split()) for text in headings] == [
        f"Stop {stop.order}: {stop.city or stop.country_name}" for stop in stops
    ]
    page.locator(".map svg").wait_for()
    located = len([stop for stop in stops if stop.latitude is not None])
    assert page.locator(".map svg .map-stop:not(.approximate)").count() == located
    # Stops known only by country stand, hollow, in its middle (when the atlas has it).
    assert located <= page.locator(".map svg .map-stop").count() <= len(stops)
    assert page.locator(".map svg .map-route").count() == (1 if len(stops) > 1 else 0)
    assert page.locator(".map svg .map-country.visited").count() >= 1
    page.screenshot(path=screenshots / "trip.png", full_page=True)
    _assert_accessible(page)

    source = page.locator(".timeline .evidence figcaption a").first
    sentence = page.locator(".timeline .evidence blockquote p").first.inner_text()
    source.click()
    page.wait_for_url(re.compile(r"/articles/\d+/#e-\d+$"))
    assert sentence in page.locator("mark.hl").all_inner_texts()[0] or any(
        sentence in text for text in page.locator("mark.hl").all_inner_texts()
    )
    page.screenshot(path=screenshots / "article.png", full_page=True)
    _assert_accessible(page)
    assert page.problems == []


def test_it_updates_the_trips_list_without_a_reload_and_keeps_the_filters_in_the_address(
    live_server, seeded, page, screenshots
):
    page.goto(live_server.url + "/trips/")
    page.screenshot(path=screenshots / "trip-list.png", full_page=True)
    page.evaluate("window.notReloaded = true")
    total = page.locator(".trip-card").count()

    page.get_by_label("Status").select_option("completed")
    page.wait_for_url(re.compile(r"status=completed"))
    page.wait_for_function("!document.querySelector('#results[aria-busy]')")

    assert page.evaluate("window.notReloaded") is True
    expected = Trip.objects.completed().count()
    assert page.locator(".trip-card").count() == expected
    assert expected != total or total == 0
    _assert_accessible(page)
    assert page.problems == []


def test_it_shows_a_country_page_with_its_visitors_and_map(live_server, seeded, page, screenshots):
    page.goto(live_server.url + "/countries/JP/")
    page.locator(".map svg .map-country.visited").first.wait_for()

    assert page.get_by_role("heading", name="Japan", level=1).is_visible()
    assert page.get_by_role("link", name="Antony Blinken").first.is_visible()
    page.screenshot(path=screenshots / "country.png", full_page=True)
    _assert_accessible(page)
    assert page.problems == []


def test_it_fits_a_phone_screen_and_shows_keyboard_focus(live_server, seeded, browser, screenshots):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    trip = Trip.objects.order_by("-start_date").first()
    page.goto(live_server.url + trip.get_absolute_url())
    page.locator(".map svg").wait_for()

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.screenshot(path=screenshots / "trip-phone.png", full_page=True)
    context.close()


def test_it_shows_the_friendly_404_page(live_server, transactional_db, page):
    response = page.goto(live_server.url + "/trips/999999/")

    assert response.status == 404
    assert page.get_by_role("heading", name="We could not find that page").is_visible()
    _assert_accessible(page)


def test_it_lays_map_tiles_under_the_boundaries_when_configured(
    live_server, seeded, page, settings
):
    # The live server stands in for a tile server, so the test stays offline.
    settings.MAP_TILE_URL = live_server.url + "/static/favicon.svg?z={z}&x={x}&y={y}"
    trip = Trip.objects.order_by("-start_date").first()

    page.goto(live_server.url + trip.get_absolute_url())
    page.locator(".map svg.map-tiled").wait_for()

    tiles = page.locator(".map-tiles image")
    assert tiles.count() >= 1
    assert re.search(r"z=\d+&x=\d+&y=\d+$", tiles.first.get_attribute("href"))
    assert page.locator(".map svg .map-stop").count() >= 1
    assert page.problems == []
