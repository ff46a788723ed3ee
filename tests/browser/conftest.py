"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

They need ``/usr/bin/chromium`` (``.ci/run`` installs the package) and skip
without it. Nothing is downloaded: Playwright only launches that binary.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on the test thread, which Django
    # takes for async code; the ORM calls between browser steps are plain sync.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.problems = problems
    yield page
    context.close()


@pytest.fixture
def seeded(transactional_db, fixtures_dir: Path) -> None:
    """The seed articles, imported as ``make run`` imports them."""
    call_command("import_articles", str(fixtures_dir / "articles"), verbosity=0)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# Places of the loaded database's trips: (country, city, latitude, longitude).
PLACES = [
    ("JP", "Tokyo", 35.69, 139.69),
    ("KR", "Seoul", 37.57, 126.98),
    ("FR", "Paris", 48.86, 2.35),
    ("DE", "Berlin", 52.52, 13.40),
    ("IN", "New Delhi", 28.61, 77.21),
    ("BR", "Brasília", -15.79, -47.88),
    ("ZA", "Pretoria", -25.75, 28.19),
    ("AU", "Canberra", -35.28, 149.13),
    ("EG", "Cairo", 30.04, 31.24),
    ("MX", "Mexico City", 19.43, -99.13),
    ("IL", "Jerusalem", 31.77, 35.21),
    ("JO", "Amman", 31.95, 35.93),
]


@pytest.fixture
def loaded(seeded, transactional_db) -> dict:
    """Enough of a record to page every list: the seed articles, the test excerpt of
    the official record, 150 more officials, one who made 60 trips, an 18-stop trip."""
    from datetime import date, timedelta

    from trips.models import Official, Stop, Trip
    from trips.reconcile import record_import

    record_import(paths=[Path(__file__).resolve().parents[1] / "data" / "record"], visits=True)
    offices = ["Foreign Minister", "Prime Minister", "President", "Defence Minister"]
    Official.objects.bulk_create(
        Official(
            name=f"{first} {last}",
            slug=f"{first}-{last}-{n}".lower(),
            title=offices[n % 4],
            country=PLACES[n % len(PLACES)][0],
        )
        for n, (first, last) in enumerate(
            (first, last)
            for first in (
                "Ana",
                "Ben",
                "Chen",
                "Dara",
                "Eli",
                "Femi",
                "Gita",
                "Hugo",
                "Ines",
                "Jon",
            )
            for last in (
                "Abe",
                "Bauer",
                "Cruz",
                "Diaz",
                "Eze",
                "Fox",
                "Gil",
                "Hahn",
                "Ito",
                "Jha",
                "Kim",
                "Lopez",
                "Mora",
                "Ng",
                "Ortiz",
            )
        )
    )
    busy = Official.objects.create(
        name="Busy Traveller", slug="busy-traveller", title="Secretary of State", country="US"
    )
    trips = Trip.objects.bulk_create(
        Trip(
            title=f"Busy Traveller tour {n:02d}",
            status=Trip.Status.COMPLETED,
            start_date=date(2015, 1, 5) + timedelta(days=40 * n),
            end_date=date(2015, 1, 7) + timedelta(days=40 * n),
        )
        for n in range(60)
    )
    Trip.officials.through.objects.bulk_create(
        Trip.officials.through(trip=trip, official=busy) for trip in trips
    )
    stops = []
    for n, trip in enumerate(trips):
        for order in range(1, 2 + n % 2):
            code, city, lat, lon = PLACES[(n + order) % len(PLACES)]
            stops.append(
                Stop(
                    trip=trip,
                    order=order,
                    country=code,
                    city=city,
                    latitude=lat,
                    longitude=lon,
                    arrive_date=trip.start_date,
                    depart_date=trip.end_date,
                    notes=f"Met officials of {city} ({n:02d}).",
                )
            )
    long_trip = Trip.objects.create(
        title="Grand tour of 18 stops",
        status=Trip.Status.COMPLETED,
        start_date=date(2024, 2, 1),
        end_date=date(2024, 2, 18),
    )
    long_trip.officials.set([busy])
    for order in range(1, 19):
        code, city, lat, lon = PLACES[(order * 5) % len(PLACES)]
        day = date(2024, 2, order)
        stops.append(
            Stop(
                trip=long_trip,
                order=order,
                country=code,
                city=city,
                latitude=lat,
                longitude=lon,
                arrive_date=day,
                depart_date=day,
            )
        )
    Stop.objects.bulk_create(stops)
    return {"busy": busy, "long_trip": long_trip}
