"""Who is who in a real browser: an official's visits hosted, the admin's merge and split."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from tests.browser.test_pages_browser import _assert_accessible
from tests.factories import make_meeting, make_official, make_trip
from trips.models import Official, OfficialsKeptApart

pytestmark = pytest.mark.browser


def test_a_host_sees_the_visit_they_received_with_its_evidence(
    live_server, seeded, page, screenshots
):
    motegi = Official.objects.get(name="Toshimitsu Motegi")

    page.goto(live_server.url + motegi.get_absolute_url())

    hosted = page.locator("section[aria-labelledby=hosted-title]")
    assert "Antony Blinken" in hosted.inner_text()
    assert "met Toshimitsu Motegi" in hosted.inner_text()
    hosted.locator("details summary").first.click()
    assert hosted.locator(".evidence").first.is_visible()
    meetings = page.locator("section[aria-labelledby=meetings-title]")
    assert "Tokyo" in meetings.inner_text()
    page.screenshot(path=screenshots / "official-hosted.png", full_page=True)
    _assert_accessible(page)
    assert page.problems == []


def _log_in(page, live_server) -> None:
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pass-word-1")
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pass-word-1")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_an_editor_merges_two_officials_then_splits_one(
    live_server, transactional_db, page, screenshots
):
    full = make_official(name="Lena Voss", slug="lena-voss", title="Prime Minister", country="NL")
    short = make_official(name="Voss", slug="voss", title="Prime Minister", country="")
    make_trip(officials=[full], start_date=date(2024, 3, 1), end_date=date(2024, 3, 3))
    make_meeting(participants=[short])
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status == 404 else None)
    _log_in(page, live_server)

    page.goto(live_server.url + "/admin/trips/official/?q=Voss")
    for official in (full, short):
        page.locator(f'input[name="_selected_action"][value="{official.pk}"]').check()
    page.locator('select[name="action"]').select_option("merge_officials")
    page.get_by_role("button", name="Go").click()
    page.get_by_role("heading", name="Merge officials into one person").wait_for()
    page.screenshot(path=screenshots / "admin-merge.png", full_page=True)
    page.get_by_label("Lena Voss").check()
    page.get_by_role("button", name="Merge into the one kept").click()
    page.get_by_text("Merged 1 officials into").wait_for()
    assert list(Official.objects.filter(name__contains="Voss")) == [full]

    page.goto(live_server.url + "/officials/voss/")
    assert page.url == live_server.url + "/officials/lena-voss/"

    page.goto(live_server.url + f"/admin/trips/official/{full.pk}/change/")
    page.get_by_role("link", name="Split into two people…").click()
    page.get_by_label("Name:").fill("Mara Voss")
    page.get_by_label("Country:").select_option("BE")
    page.locator('input[name="meetings"]').first.check()
    page.screenshot(path=screenshots / "admin-split.png", full_page=True)
    page.get_by_role("button", name="Split").click()
    page.get_by_text("out of Lena Voss").wait_for()
    mara = Official.objects.get(name="Mara Voss")
    assert (mara.country, mara.meetings.count(), full.meetings.count()) == ("BE", 1, 0)
    assert OfficialsKeptApart.objects.count() == 1
    page.screenshot(path=screenshots / "admin-after-split.png", full_page=True)
    assert failed == []
    # Chromium asks the admin (which links no icon) for /favicon.ico; nothing else fails.
    assert [p for p in page.problems if "status of 404" not in p] == []
