"""Each API endpoint's own cost at each size, in process: queries, SQL time, fastest answer.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench \\
        .venv/bin/python bench/api_sql_growth.py [--sizes 1,10] [--runs 15]

Reads the databases ``api_bench.py --sizes`` filled (it must have run first,
without ``--drop``) and answers every endpoint of its scenarios through
Django's test client, with no server and no network: for each endpoint, the
number of queries, the median SQL time and the fastest and median whole
answer over ``--runs`` rounds (each round over all its addresses). On a
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


def measure(paths_by_name: dict[str, list[str]], runs: int) -> dict[str, tuple]:
    """name -> (queries per answer, median SQL ms, fastest ms, median ms)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results = {}
    for name, paths in paths_by_name.items():
        paths = paths[:20]
        sql, whole, queries = [], [], []
        for _ in range(runs):
            for path in paths:
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(path)
                    whole.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
                queries.append(len(captured))
                sql.append(sum(float(q["time"]) for q in captured.captured_queries) * 1000)
        results[name] = (
            statistics.median(queries),
            statistics.median(sql),
            min(whole),
            statistics.median(whole),
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10", help="size factors api_bench.py filled")
    parser.add_argument("--runs", type=int, default=15, help="rounds over each endpoint")
    parser.add_argument("--skip", default="official detail", help="endpoints left out (comma)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    skipped = {s.strip() for s in args.skip.split(",") if s.strip()}

    from api_bench import bench_url, scenarios

    base = os.environ.get("DATABASE_URL", "")
    by_size = {}
    for size in sizes:
        url = bench_url(base, size)
        os.environ["DATABASE_URL"] = url
        import django
        from django.db import connections

        if size == sizes[0]:
            django.setup()
        else:
            from django.conf import settings

            connections.close_all()
            settings.DATABASES["default"]["NAME"] = url.rsplit("/", 1)[1]
        paths = {k: v for k, v in scenarios(url).items() if k not in skipped}
        by_size[size] = measure(paths, args.runs)
        connections.close_all()

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
