"""Throughput and latency of the REST API under gunicorn, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker .venv/bin/python bench/api_bench.py

It works in a database of its own next to the one DATABASE_URL names
(``<name>_api_bench``): creates and migrates it, fills it once with a
realistic record (by default 6,000 trips with 24,000 stops, 300 officials,
meetings, and evidence for every fact; vacuumed and analysed, as autovacuum
leaves a database in use), starts gunicorn on a free port of
127.0.0.1 (throttling off, DEBUG off), and drives the main list, filter and
detail endpoints from a second process: a small asyncio HTTP client with a
fixed number of concurrent connections, bounded both in requests and in
seconds. It prints requests per second and p50/p95/p99 latency per endpoint,
and the ratio of the 50-trip page to one plain SQL query returning the same
rows (trips with their stops and travellers, as JSON). The target is a p95
under 50 ms for that page. ``--drop`` removes the database afterwards.

``--sizes 1,10`` runs it all once per size factor, each size in a database of
its own (``<name>_api_bench_10x``; the 1x one keeps the plain name): the
trips and the officials grow by the factor, the countries and places do not,
so each answer keeps its size while the record grows. It ends with one table:
each endpoint's p95 at each size and its growth from the first size to the last.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import multiprocessing
import os
import random
import socket
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_P95_MS = 50.0
TARGET_GROWTH = 1.5  # p95 at 10x over p95 at 1x, for every endpoint
PAGE = "trips, 50 per page"
SOLO = "trips, 50 per page, 1 conn"
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
    ("CN", "Beijing", 39.90, 116.40),
    ("GB", "London", 51.51, -0.13),
    ("BE", "Brussels", 50.85, 4.35),
    ("ID", "Jakarta", -6.21, 106.85),
    ("NG", "Abuja", 9.08, 7.40),
    ("CA", "Ottawa", 45.42, -75.70),
    ("TR", "Ankara", 39.93, 32.86),
    ("SA", "Riyadh", 24.71, 46.68),
    ("VN", "Hanoi", 21.03, 105.85),
    ("KE", "Nairobi", -1.29, 36.82),
]
TITLES = ["Secretary of State", "Foreign Minister", "President", "Prime Minister", "Envoy"]
HOMES = ["US", "GB", "FR", "DE", "JP", "IN", "BR", "AU", "CA", "ZA"]


# --- The database ------------------------------------------------------------------


def bench_url(url: str, size: int = 1) -> str:
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL database.")
    suffix = "_api_bench" if size == 1 else f"_api_bench_{size}x"
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + suffix))


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}"')


def server_env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="tracker.settings",
        DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-key-0123456789abcdefghijklmnopqrstuv"),
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        STATIC_MANIFEST="0",
        API_ANON_THROTTLE_RATE="",  # measure the app, not the limit
        CONN_MAX_AGE="600",
        LOG_LEVEL="ERROR",
    )
    return env


def populate(n_trips: int, stops_per_trip: int, n_officials: int = 300) -> None:
    """Fill the (migrated, empty) database with officials, articles, trips, stops, meetings."""
    import django

    django.setup()
    from django.db import transaction

    from trips.models import Article, Evidence, Meeting, Official, Stop, Trip

    if Stop.objects.count() >= n_trips * stops_per_trip:
        print(f"database already holds {Stop.objects.count():,} stops")
        return
    rng = random.Random(42)
    started = time.perf_counter()
    with transaction.atomic():
        officials = Official.objects.bulk_create(
            Official(
                name=f"Official {n} Example",
                slug=f"official-{n}",
                title=TITLES[n % len(TITLES)],
                country=HOMES[n % len(HOMES)],
                aliases=[f"Example{n}"],
            )
            for n in range(n_officials)
        )
        articles = Article.objects.bulk_create(
            Article(
                external_id=f"bench-{n}",
                title=f"Minister {n} arrives for talks",
                source=rng.choice(["VOA", "AP", "Reuters", "AFP"]),
                published=date(2015, 1, 1) + timedelta(days=n // 3),
                text=(text := f"The minister arrived in the capital for talks. ({n})"),
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            )
            for n in range(n_trips)
        )
        trips = []
        for n in range(n_trips):
            start = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
            trips.append(
                Trip(
                    title=f"Tour {n}",
                    summary=f"Talks on trade and security, tour {n}.",
                    status=rng.choice(["completed"] * 8 + ["planned", "ongoing"]),
                    start_date=start,
                    end_date=start + timedelta(days=stops_per_trip + rng.randrange(3)),
                )
            )
        trips = Trip.objects.bulk_create(trips, batch_size=2000)
        travellers = Trip.officials.through
        travellers.objects.bulk_create(
            (
                travellers(trip_id=t.pk, official_id=o.pk)
                for i, t in enumerate(trips)
                for o in {officials[i % n_officials], officials[(i * 7) % n_officials]}
            ),
            batch_size=5000,
        )
        sources = Trip.articles.through
        sources.objects.bulk_create(
            (sources(trip_id=t.pk, article_id=a.pk) for t, a in zip(trips, articles, strict=True)),
            batch_size=5000,
        )
        stops = []
        for trip in trips:
            for order, (code, city, lat, lon) in enumerate(
                rng.sample(PLACES, stops_per_trip), start=1
            ):
                day = trip.start_date + timedelta(days=order - 1)
                stops.append(
                    Stop(
                        trip=trip,
                        order=order,
                        country=code,
                        city=city,
                        latitude=lat,
                        longitude=lon,
                        arrive_date=day,
                        depart_date=day + timedelta(days=1),
                    )
                )
        stops = Stop.objects.bulk_create(stops, batch_size=5000)
        meetings = Meeting.objects.bulk_create(
            (
                Meeting(trip=s.trip, stop=s, date=s.arrive_date, description="Bilateral talks")
                for s in stops[::stops_per_trip]
            ),
            batch_size=5000,
        )
        met = Meeting.participants.through
        met.objects.bulk_create(
            (
                met(meeting_id=m.pk, official_id=officials[(i * 13 + 5) % n_officials].pk)
                for i, m in enumerate(meetings)
            ),
            batch_size=5000,
        )
        sentence = "The minister arrived in the capital for talks."
        evidence = [
            Evidence(
                article=a, fact="trip", trip=t, sentence=sentence, start_offset=0, end_offset=47
            )
            for t, a in zip(trips, articles, strict=True)
        ]
        evidence += [
            Evidence(
                article_id=articles[i // stops_per_trip].pk,
                fact="stop",
                stop=s,
                sentence=sentence,
                start_offset=0,
                end_offset=47,
            )
            for i, s in enumerate(stops)
        ]
        evidence += [
            Evidence(
                article_id=articles[i].pk,
                fact="meeting",
                meeting=m,
                sentence=sentence,
                start_offset=0,
                end_offset=47,
            )
            for i, m in enumerate(meetings)
        ]
        evidence += [
            Evidence(
                article=articles[i % len(articles)],  # (fewer trips than officials: --trips 200)
                fact="official",
                official=o,
                sentence=sentence,
                start_offset=0,
                end_offset=47,
            )
            for i, o in enumerate(officials)
        ]
        Evidence.objects.bulk_create(evidence, batch_size=5000)
        rebuild_totals()
    from django.db import connection

    with connection.cursor() as cursor:
        # A database in use has been vacuumed by autovacuum; one filled just now has
        # not, and its index-only scans (a country's trips counted off
        # stop_country_trip_idx) read the table until a vacuum marks its pages
        # all-visible: measured so, `?country=` grew 1.5-1.8x from 1x to 10x.
        cursor.execute("VACUUM ANALYZE")
    print(
        f"generated {len(trips):,} trips, {len(stops):,} stops, {len(meetings):,} meetings, "
        f"{len(evidence):,} evidence rows in {time.perf_counter() - started:.1f} s"
    )


def rebuild_totals() -> None:
    """Rows made with bulk_create bypass the services that keep stored totals; rebuild them."""
    from django.core.management import call_command, get_commands

    if "rebuild_visit_totals" in get_commands():
        call_command("rebuild_visit_totals", verbosity=0)


# --- The client (a separate process) ---------------------------------------------


async def _get(port: int, path: str) -> tuple[int, int]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    data = await reader.read()
    writer.close()
    status = int(data.split(b" ", 2)[1])
    return status, len(data)


async def _drive(port: int, paths: list[str], concurrency: int, limit: int, seconds: float):
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    issued = 0

    async def worker() -> None:
        nonlocal issued, errors
        while issued < limit and time.perf_counter() < deadline:
            path = paths[issued % len(paths)]
            issued += 1
            began = time.perf_counter()
            status, _ = await _get(port, path)
            latencies.append(time.perf_counter() - began)
            if status != 200:
                errors += 1

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - began


def client_process(port: int, scenarios: dict, concurrency: int, limit: int, seconds: float, out):
    results = {}
    # The 50-trip page first alone (service time), then every endpoint under load.
    runs = [(SOLO, scenarios[PAGE], 1)]
    runs += [(name, paths, concurrency) for name, paths in scenarios.items()]
    for name, paths, clients in runs:
        asyncio.run(_drive(port, paths[:3], 1, 3, 5))  # warm up this endpoint
        latencies, errors, elapsed = asyncio.run(_drive(port, paths, clients, limit, seconds))
        results[name] = {"latencies": latencies, "errors": errors, "elapsed": elapsed}
    out.send(results)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] * 1000


# --- The plain SQL baseline ---------------------------------------------------------

PLAIN_SQL = """
SELECT t.id, t.title, t.status, t.start_date, t.end_date, t.summary,
  (SELECT json_agg(json_build_object('id', o.id, 'slug', o.slug, 'name', o.name)
                   ORDER BY o.name)
     FROM trips_trip_officials tt JOIN trips_official o ON o.id = tt.official_id
    WHERE tt.trip_id = t.id) AS travellers,
  (SELECT json_agg(json_build_object('id', s.id, 'order', s."order", 'country', s.country,
                   'city', s.city, 'latitude', s.latitude, 'longitude', s.longitude,
                   'arrive_date', s.arrive_date, 'depart_date', s.depart_date)
                   ORDER BY s."order")
     FROM trips_stop s WHERE s.trip_id = t.id) AS stops
FROM trips_trip t
ORDER BY t.start_date DESC NULLS LAST, t.id DESC
LIMIT 50
"""


def plain_sql_ms(url: str, runs: int = 200) -> tuple[float, float]:
    import psycopg

    timings = []
    with psycopg.connect(url) as conn:
        for _ in range(runs):
            began = time.perf_counter()
            rows = conn.execute(PLAIN_SQL).fetchall()
            timings.append(time.perf_counter() - began)
    assert len(rows) == 50
    return percentile(timings, 50), percentile(timings, 95)


# --- Main ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not start")


def scenarios(url: str) -> dict[str, list[str]]:
    import psycopg

    with psycopg.connect(url) as conn:
        trip_ids = [
            r[0] for r in conn.execute("SELECT id FROM trips_trip ORDER BY random() LIMIT 200")
        ]
        slugs = [
            r[0]
            for r in conn.execute("SELECT slug FROM trips_official ORDER BY random() LIMIT 100")
        ]
    codes = [p[0] for p in PLACES]
    return {
        "API root (no database)": ["/api/"],
        "trips, 50 per page": ["/api/trips/?page_size=50"],
        "trips, page 40": ["/api/trips/?page_size=50&page=40"],
        "trips ?country=": [f"/api/trips/?country={c}&page_size=50" for c in codes],
        "trips ?official=": [f"/api/trips/?official={s}&page_size=50" for s in slugs],
        "trips ?overlaps_": [
            f"/api/trips/?overlaps_from=20{y}-03-01&overlaps_to=20{y}-04-30" for y in range(15, 25)
        ],
        "trips ?q= (full text)": [
            f"/api/trips/?q={q}" for q in ("Tokyo", "Seoul", "trade", "Nairobi")
        ],
        "trip detail": [f"/api/trips/{pk}/" for pk in trip_ids],
        "trips CSV, 50": ["/api/trips/?format=csv&page_size=50"],
        "stops ?country=, 50": [f"/api/stops/?country={c}" for c in codes],
        "stops GeoJSON, 50": ["/api/stops/?format=geojson"],
        "meetings, 50": ["/api/meetings/"],
        "officials, 50": ["/api/officials/"],
        "official detail": [f"/api/officials/{s}/" for s in slugs],
        "countries": ["/api/countries/"],
        "country detail": [f"/api/countries/{c}/" for c in codes],
    }


def run_size(args: argparse.Namespace, base_url: str, size: int) -> dict:
    """Create, fill and serve the database of one size factor; return the client's results."""
    url = bench_url(base_url, size)
    ensure_database(url)
    env = server_env(url)
    os.environ.update(env)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    # As in production: the static files collected where WhiteNoise serves them from.
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [
            python,
            __file__,
            "--populate",
            str(args.trips * size),
            str(args.stops_per_trip),
            str(300 * size),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )

    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(python).with_name("gunicorn")),
            "tracker.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(port)
        plan = scenarios(url)
        receive, send = multiprocessing.Pipe(duplex=False)
        client = multiprocessing.Process(
            target=client_process,
            args=(port, plan, args.concurrency, args.requests, args.seconds, send),
        )
        client.start()
        results = receive.recv()
        client.join()
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"\n{size}x: {args.trips * size:,} trips, {300 * size:,} officials; "
        f"{args.workers} gunicorn workers, {args.concurrency} concurrent connections, "
        f"up to {args.requests} requests or {args.seconds:.0f} s per endpoint\n"
    )
    print(
        f"{'endpoint':28} {'reqs':>6} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'errors':>6}"
    )
    for name, r in results.items():
        lat = r["latencies"]
        print(
            f"{name:28} {len(lat):6d} {len(lat) / r['elapsed']:7.1f} {percentile(lat, 50):8.1f} "
            f"{percentile(lat, 95):8.1f} {percentile(lat, 99):8.1f} {r['errors']:6d}"
        )
    sql_p50, sql_p95 = plain_sql_ms(url)
    for name in (SOLO, PAGE):
        page = results[name]["latencies"]
        api_p50, api_p95 = percentile(page, 50), percentile(page, 95)
        print(
            f"\n{name}: p95 {api_p95:.1f} ms (target < {TARGET_P95_MS:.0f} ms: "
            f"{'met' if api_p95 < TARGET_P95_MS else 'NOT met'}); "
            f"API/SQL ratio at p50 {api_p50 / sql_p50:.1f}x, at p95 {api_p95 / sql_p95:.1f}x"
        )
    print(f"plain SQL for the same rows: p50 {sql_p50:.2f} ms, p95 {sql_p95:.2f} ms")
    if args.drop:
        drop_database(url)
    return results


def print_growth(sizes: list[int], by_size: dict[int, dict]) -> None:
    """Each endpoint's p95 at each size, and how much it grew from the first size to the last."""
    first, last = sizes[0], sizes[-1]
    heads = "".join(f"{f'p95 {s}x':>10}" for s in sizes)
    print(f"\n{'endpoint':28}{heads} {f'{last}x/{first}x':>9}  (target <= {TARGET_GROWTH}x)")
    for name in by_size[first]:
        p95 = [percentile(by_size[s][name]["latencies"], 95) for s in sizes]
        growth = p95[-1] / p95[0]
        verdict = "" if growth <= TARGET_GROWTH else "  over"
        cells = "".join(f"{v:10.1f}" for v in p95)
        print(f"{name:28}{cells} {growth:8.2f}x{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trips", type=int, default=6000, help="trips to generate at 1x")
    parser.add_argument("--stops-per-trip", type=int, default=4, help="stops of each trip")
    parser.add_argument(
        "--sizes", default="1", help="comma-separated size factors of the record, e.g. 1,10,100"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--concurrency", type=int, default=2, help="concurrent client connections")
    parser.add_argument("--requests", type=int, default=400, help="at most this many per endpoint")
    parser.add_argument("--seconds", type=float, default=15, help="at most this long per endpoint")
    parser.add_argument("--drop", action="store_true", help="drop the bench databases at the end")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to a PostgreSQL database (its _api_bench sibling is used).")
    sizes = [int(s) for s in args.sizes.split(",")]
    base_url = os.environ["DATABASE_URL"]  # run_size points the environment at its own
    by_size = {size: run_size(args, base_url, size) for size in sizes}
    if len(sizes) > 1:
        print_growth(sizes, by_size)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--populate":
        populate(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        main()
