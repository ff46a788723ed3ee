"""Each API endpoint's own cost at each size, in process: queries, SQL time, fastest answer.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench \\
        .venv/bin/python bench/api_sql_growth.py [--sizes 1,10] [--runs 15]

Reads the databases ``api_bench.py --sizes`` filled (it must have run first,
without ``--drop``) and answers every endpoint of its scenarios through
Django's test client, with no server and no network: for each endpoint, the
number of queries, the median SQL time and the fastest and median whole
answer over ``--runs`` rounds (each round over all its addresses, the
sizes taking turns). On a
shared machine the fastest answer and the SQL time move far less than the
served p95, so their growth from 1x to 10x says where a cost follows the
size of the record.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
# As api_bench.py serves it (its server_env), for the test client.
os.environ.update(
    DEBUG="0",
    SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-key-0123456789abcdefghijklmnopqrstuv"),
    SECURE_SSL_REDIRECT="0",
    ALLOWED_HOSTS="testserver",
    STATIC_MANIFEST="0",
    API_ANON_THROTTLE_RATE="",
    LOG_LEVEL="ERROR",
)

TARGET_GROWTH = 1.5


def measure(paths_by_name: dict[str, list[str]], samples: dict) -> None:
    """Answer each address once; add (queries, SQL ms, whole ms) to samples[name]."""
    from django.db import connection
    from django.test import Client

    client = Client()
    statements: list[float] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append((time.perf_counter() - started) * 1000)

    for name, paths in paths_by_name.items():
        for path in paths[:20]:
            statements.clear()
            with connection.execute_wrapper(timed):
                started = time.perf_counter()
                response = client.get(path)
                whole = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (path, response.status_code)
            samples.setdefault(name, []).append((len(statements), sum(statements), whole))


def summary(samples: list[tuple]) -> tuple:
    """(queries per answer, median SQL ms, fastest ms, median ms)."""
    return (
        statistics.median([s[0] for s in samples]),
        statistics.median([s[1] for s in samples]),
        min(s[2] for s in samples),
        statistics.median([s[2] for s in samples]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10", help="size factors api_bench.py filled")
    parser.add_argument("--runs", type=int, default=10, help="rounds, each over every size in turn")
    parser.add_argument("--skip", default="", help="endpoints left out (comma)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    skipped = {s.strip() for s in args.skip.split(",") if s.strip()}

    from api_bench import bench_url, scenarios

    base = os.environ.get("DATABASE_URL", "")
    import django
    from django.conf import settings
    from django.db import connections

    django.setup()
    samples: dict[int, dict] = {size: {} for size in sizes}
    paths = None
    # The sizes take turns round after round, so a burst of load elsewhere on
    # the machine falls on both rather than on one.
    for _ in range(args.runs):
        for size in sizes:
            url = bench_url(base, size)
            connections.close_all()
            settings.DATABASES["default"]["NAME"] = urlsplit(url).path.lstrip("/")
            if paths is None or size not in paths:
                paths = (paths or {}) | {size: scenarios(url)}
            chosen = {k: v for k, v in paths[size].items() if k not in skipped}
            measure(chosen, samples[size])
    connections.close_all()
    by_size = {size: {k: summary(v) for k, v in samples[size].items()} for size in sizes}

    first, last = sizes[0], sizes[-1]
    print(
        f"{'endpoint':28} {'queries':>9} {'SQL ms':>15} {'fastest ms':>15} "
        f"{'median ms':>15}  growth of the fastest"
    )
    for name in by_size[first]:
        a, b = by_size[first][name], by_size[last][name]
        growth = b[2] / a[2] if a[2] else 0
        print(
            f"{name:28} {a[0]:4.0f} {b[0]:4.0f} {a[1]:7.1f} {b[1]:7.1f} "
            f"{a[2]:7.1f} {b[2]:7.1f} {a[3]:7.1f} {b[3]:7.1f}  {growth:5.2f}x"
            f"{'  over' if growth > TARGET_GROWTH else ''}"
        )
    print(f"(each pair: {first}x then {last}x)")


if __name__ == "__main__":
    main()
