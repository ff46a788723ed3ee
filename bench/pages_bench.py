"""Server time and size of the pages: a synthetic dataset, or the whole official record.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker .venv/bin/python bench/pages_bench.py
    DATABASE_URL=... .venv/bin/python bench/pages_bench.py --record ../shared/hsg \
        --articles ../shared/eval/dev/articles

It creates a throwaway test database next to the one DATABASE_URL names
(Django's ``test_`` prefix). Without ``--record`` it fills it with an official
who made 500 trips (three or four stops each, all of them through Japan), a
trip with 30 stops, meetings and evidence. With ``--record`` it imports the
official record (with the visits of foreign leaders), reconciles, imports
``--articles`` if given and reconciles again, as a user does; then it renders
every page that lists much of it: the lists (first and later pages, sorted,
filtered), the busiest official, the host of the most visited country (their
visits hosted and meetings, first and last pages, on their page and in the
API), the most visited country, the longest trip, the type-ahead, the CSV
downloads and the admin's trip list and longest trip (PostgreSQL's statistics
are gathered first, with ANALYZE). ``--existing`` measures the database
DATABASE_URL names as it stands, the record imported into it already.
Each page goes through Django's test client: the median and 95th-percentile
time, the median time of this process alone (steadier on a shared machine),
the number of queries and the size of the HTML. The targets: under 100 ms and
300 KB a page.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import io
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("STATIC_MANIFEST", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_databases,
    teardown_databases,
)

from trips.models import Article, Evidence, Meeting, Official, Stop, Trip  # noqa: E402
from trips.selectors import (  # noqa: E402
    HOSTED_PER_PAGE,
    MEETINGS_PER_PAGE,
    official_hosted_trips,
    official_in_office,
)

TARGET_MS = 100.0
TARGET_KB = 300.0
CITIES = [
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
]


def build(n_trips: int, n_long_stops: int) -> tuple[Official, Trip]:
    """The dataset: one busy official, a long trip, and the evidence behind them."""
    traveller = Official.objects.create(
        name="Bench Traveller", slug="bench-traveller", title="Secretary of State", country="US"
    )
    counterparts = Official.objects.bulk_create(
        Official(name=f"Counterpart {n}", slug=f"counterpart-{n}", country=CITIES[n % 10][0])
        for n in range(40)
    )
    articles = Article.objects.bulk_create(
        Article(
            external_id=f"bench-{n}",
            title=f"Bench article {n}",
            source="Bench Wire",
            published=date(2010, 1, 1) + timedelta(days=7 * n),
            text=(text := f"The secretary arrived in Tokyo. They met officials. ({n})"),
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        for n in range(n_trips + 1)
    )
    trips = Trip.objects.bulk_create(
        Trip(
            title=f"Bench trip {n}",
            status=Trip.Status.COMPLETED,
            start_date=date(2010, 1, 1) + timedelta(days=7 * n),
            end_date=date(2010, 1, 4) + timedelta(days=7 * n),
            status_as_of=date(2010, 1, 4) + timedelta(days=7 * n),
        )
        for n in range(n_trips + 1)
    )
    Trip.officials.through.objects.bulk_create(
        Trip.officials.through(trip=trip, official=traveller) for trip in trips
    )
    Trip.articles.through.objects.bulk_create(
        Trip.articles.through(trip=trip, article=article)
        for trip, article in zip(trips, articles, strict=True)
    )
    long_trip = trips[-1]
    stops = []
    for index, trip in enumerate(trips):
        count = n_long_stops if trip is long_trip else 3 + index % 2
        for order in range(1, count + 1):
            # Every short trip goes through Tokyo: the country page lists them all.
            code, city, lat, lon = CITIES[0] if order == 1 else CITIES[(index + order) % 10]
            day = trip.start_date + timedelta(days=min(order - 1, 3))
            stops.append(
                Stop(
                    trip=trip,
                    order=order,
                    country=code,
                    city=city,
                    latitude=lat,
                    longitude=lon,
                    arrive_date=day if trip is not long_trip else None,
                    depart_date=day if trip is not long_trip else None,
                )
            )
    stops = Stop.objects.bulk_create(stops)
    meetings = Meeting.objects.bulk_create(
        Meeting(trip=stop.trip, stop=stop, date=stop.arrive_date, description="Talks")
        for stop in stops
        if stop.order == 1 or stop.trip_id == long_trip.pk
    )
    Meeting.participants.through.objects.bulk_create(
        Meeting.participants.through(meeting=meeting, official=counterparts[n % 40])
        for n, meeting in enumerate(meetings)
    )
    by_trip = dict(zip((t.pk for t in trips), articles, strict=True))
    sentence = "The secretary arrived in Tokyo."
    Evidence.objects.bulk_create(
        [
            Evidence(
                article=by_trip[stop.trip_id],
                fact="stop",
                stop=stop,
                sentence=sentence,
                start_offset=0,
                end_offset=len(sentence),
            )
            for stop in stops
        ]
        + [
            Evidence(
                article=by_trip[meeting.trip_id],
                fact="meeting",
                meeting=meeting,
                sentence="They met officials.",
                start_offset=32,
                end_offset=51,
            )
            for meeting in meetings
        ]
    )
    return traveller, long_trip


def measure(client: Client, url: str, runs: int) -> tuple[float, float, float, int, float, bool]:
    for _ in range(3):  # warm caches: templates, the gazetteer, connections
        assert client.get(url).status_code == 200, url
    timings, cpu = [], []
    for _ in range(runs):
        started, process = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        # This process's own time: steadier than the clock on a machine that
        # other work shares (the database's time is not in it).
        cpu.append((time.process_time() - process) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    size = len(response.content) / 1024
    html = response["Content-Type"].startswith("text/html")
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, statistics.median(cpu), len(queries), size, html


def load_record(record: Path, articles: Path | None) -> None:
    """The official record and the news, imported and reconciled as a user does."""
    from django.core.management import CommandError, call_command

    quiet = {"verbosity": 0, "stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("import_official_record", str(record), "--visits", "--no-progress", **quiet)
    call_command("reconcile", **quiet)
    if articles is not None:
        try:
            call_command("import_articles", str(articles), "--no-progress", **quiet)
        except CommandError as error:  # an article that fails is reported, the rest imported
            print(f"import_articles: {error}")
        call_command("reconcile", **quiet)
    if connection.vendor == "postgresql":
        # Fresh tables have no statistics until autovacuum comes by; a
        # deployment that has run a while has them, so measure with them.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def record_pages() -> dict[str, str]:
    """The pages that list much of the record, at its largest."""
    from django.db.models import Count

    busiest = (
        Official.objects.annotate(n=Count("trips"))
        .order_by("-n", "pk")
        .values("id", "slug", "n")
        .first()
    )
    country = (
        Stop.objects.order_by()
        .values("country")
        .annotate(n=Count("trip", distinct=True))
        .order_by("-n")
        .first()
    )
    longest = Trip.objects.annotate(n=Count("stops")).order_by("-n", "pk").first()
    article = Article.objects.filter(kind=Article.Kind.RECORD).order_by("pk").first()
    official = f"/officials/{busiest['slug']}/"
    code = country["country"]
    # The host of the most visited country met most often: a head of state who
    # hosts thousands of visits, the longest lists an official's page has.
    host = (
        Official.objects.filter(country=code)
        .annotate(n=Count("meetings"))
        .order_by("-n", "pk")
        .first()
    )
    hosted = official_hosted_trips(official=host, in_office=official_in_office(host)).count()
    last = max(1, -(-hosted // HOSTED_PER_PAGE))
    meetings = max(1, -(-host.meetings.count() // MEETINGS_PER_PAGE))
    at = f"/officials/{host.slug}/"
    api = f"/api/officials/{host.slug}/"
    return {
        "home": "/",
        "trips list": "/trips/",
        "trips list, page 100": "/trips/?page=100",
        "trips list, by official": f"/trips/?official={busiest['slug']}",
        f"trips list, to {code}": f"/trips/?country={code}",
        "officials list": "/officials/",
        "officials, by trips": "/officials/?sort=trips",
        "officials, filtered": "/officials/?office=minister&page=3",
        "officials type-ahead": "/officials/suggest.json?q=mi",
        f"official ({busiest['n']} trips)": official,
        "official, page 3, log by country": f"{official}?page=3&sort=country&visits_page=2",
        "official, log as CSV": f"{official}visits.csv",
        f"host ({hosted} visits hosted)": at,
        "host, visits hosted p. 2": f"{at}?hosted_page=2",
        f"host, visits hosted p. {last}": f"{at}?hosted_page={last}",
        f"host, meetings p. {meetings}": f"{at}?meetings_page={meetings}",
        "api: host": api,
        "api: host's visits hosted": f"{api}hosted-visits/",
        "api: host's visits hosted, last": f"{api}hosted-visits/?page={-(-hosted // 50) or 1}",
        "api: host's visits hosted, 500": f"{api}hosted-visits/?page_size=500",
        "api: host's meetings": f"{api}meetings/",
        f"api: official ({busiest['n']} trips)": f"/api/officials/{busiest['slug']}/",
        "countries list": "/countries/",
        f"country ({code}, {country['n']} visits)": f"/countries/{code}/",
        f"country ({code}), by visitor, p. 20": f"/countries/{code}/?sort=visitor&visits_page=20",
        f"country ({code}), log as CSV": f"/countries/{code}/visits.csv",
        "country (JP)": "/countries/JP/",
        f"trip ({longest.n} stops)": longest.get_absolute_url(),
        "article (record)": article.get_absolute_url(),
        "admin: trips": "/admin/trips/trip/",
        "admin: trips to FR": "/admin/trips/trip/?country=FR",
        f"admin: trip ({longest.n} stops)": f"/admin/trips/trip/{longest.pk}/change/",
        "admin: officials": "/admin/trips/official/",
        f"admin: official ({busiest['n']} trips)": f"/admin/trips/official/{busiest['id']}/change/",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trips", type=int, default=500, help="Trips of the busy official.")
    parser.add_argument("--stops", type=int, default=30, help="Stops of the long trip.")
    parser.add_argument("--runs", type=int, default=20, help="Timed requests per page.")
    parser.add_argument(
        "--record", type=Path, help="Measure on this official record (a folder of HSG XML)."
    )
    parser.add_argument(
        "--articles", type=Path, help="With --record: news articles to import as well."
    )
    parser.add_argument(
        "--existing",
        action="store_true",
        help="Measure the database DATABASE_URL names as it is (the record already "
        "imported into it), rather than a throwaway one; it adds a superuser 'bench'.",
    )
    args = parser.parse_args()

    # No setup_test_environment(): it instruments template rendering, which a
    # server does not pay for.
    old_config = None if args.existing else setup_databases(verbosity=0, interactive=False)
    try:
        started = time.perf_counter()
        if args.existing:
            pages = record_pages()
        elif args.record:
            load_record(args.record, args.articles)
            pages = record_pages()
        else:
            official, long_trip = build(args.trips, args.stops)
            article = long_trip.articles.get()
            pages = {
                f"trip ({args.stops} stops)": long_trip.get_absolute_url(),
                f"official ({args.trips + 1} trips)": official.get_absolute_url(),
                "country (JP, every trip)": "/countries/JP/",
                "home": "/",
                "trips list, filtered": f"/trips/?official={official.slug}&country=JP",
                "article": article.get_absolute_url(),
            }
        print(
            f"dataset: {Trip.objects.count()} trips, {Stop.objects.count()} stops, "
            f"{Official.objects.count()} officials, {Evidence.objects.count()} evidence "
            f"on {connection.vendor} (built in {time.perf_counter() - started:.1f} s)"
        )
        from django.contrib.auth.models import User

        # As the WSGI module does (tracker/wsgi.py): what loading made stays
        # out of the collector's walks, which would otherwise pause requests.
        gc.collect()
        gc.freeze()
        client = Client()
        user = User.objects.filter(username="bench").first() or User.objects.create_superuser(
            "bench", "bench@example.org", "x"
        )
        client.force_login(user)
        print(f"{'page':36} {'median ms':>10} {'p95 ms':>8} {'cpu ms':>7} {'queries':>8} {'KB':>7}")
        slow, large = [], []
        for name, url in pages.items():
            median, p95, cpu, queries, size, html = measure(client, url, args.runs)
            print(f"{name:36} {median:10.1f} {p95:8.1f} {cpu:7.1f} {queries:8d} {size:7.1f}")
            if median > TARGET_MS:
                slow.append(name)
            if html and size > TARGET_KB:  # a CSV download may be larger
                large.append(name)
        print(
            f"targets: median under {TARGET_MS:.0f} ms, HTML under {TARGET_KB:.0f} KB a page; "
            f"slower: {slow or 'none'}; larger: {large or 'none'}"
        )
    finally:
        if old_config is not None:
            teardown_databases(old_config, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
