"""Import speed of the whole official record (Office of the Historian travels).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker \\
        .venv/bin/python bench/record_import_bench.py [--record ../shared/hsg]

Creates a throwaway test database next to the one DATABASE_URL names
(Django's ``test_`` prefix) and drops it afterwards. Imports the record
through the same service as ``import_official_record`` three times: into an
empty database, again unchanged (idempotent: nothing written), and once more
after 200 news trips of the same travellers were added and ``reconcile`` ran.
Prints the time of each step and the counts. Target: the first import of the
4,271 records in under 60 seconds on PostgreSQL; exits 1 when it misses.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-key-0123456789abcdefghijklmnopqrstuvwxyz")

TARGET_SECONDS = 60.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", default=str(PROJECT.parent / "shared" / "hsg"))
    parser.add_argument("--news-trips", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return run(Path(args.record), args.news_trips)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(record: Path, news_trips: int) -> int:
    import hashlib

    from django.db import connection

    from trips.models import Article, Evidence, Meeting, Stop, Trip
    from trips.reconcile import record_import, trips_reconcile

    print(f"database: {connection.vendor}, record: {record}")
    started = time.perf_counter()
    report = record_import(paths=[record])
    first = time.perf_counter() - started
    c = report.counts
    print(
        f"first import:    {first:6.1f} s  {report.records} records, {report.journeys} journeys,"
        f" {c['trips_created']} trips, {c['stops_created']} stops,"
        f" {c['meetings_created']} meetings, {c['evidence_created']} evidence rows"
    )

    started = time.perf_counter()
    again = record_import(paths=[record])
    print(
        f"unchanged again: {time.perf_counter() - started:6.1f} s"
        f"  {again.counts['records_unchanged']} records unchanged,"
        f" {again.counts['trips_created']} trips created"
    )

    # News trips of the same journeys, a day off, as if imported from articles.
    trips = list(Trip.objects.prefetch_related("officials", "stops").order_by("pk")[:news_trips])
    for n, record_trip in enumerate(trips):
        text = f"Bench article {n} about trip {record_trip.pk}."
        article = Article.objects.create(
            external_id=f"bench-{n}",
            title=text,
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            published=record_trip.start_date,
        )
        news = Trip.objects.create(
            title=f"News of {record_trip.title}"[:300],
            status=Trip.Status.PLANNED,
            start_date=record_trip.start_date - timedelta(days=1),
            end_date=record_trip.end_date,
            status_as_of=record_trip.start_date,
        )
        news.officials.set(record_trip.officials.all())
        news.articles.add(article)
        first_stop = record_trip.stops.all()[0] if record_trip.stops.all() else None
        if first_stop:
            stop = Stop.objects.create(trip=news, order=1, country=first_stop.country)
            Evidence.objects.create(
                article=article,
                fact="stop",
                sentence=text,
                start_offset=0,
                end_offset=len(text),
                stop=stop,
            )
    started = time.perf_counter()
    counts = trips_reconcile().counts
    print(
        f"reconcile:       {time.perf_counter() - started:6.1f} s"
        f"  {counts['news_trips_checked']} news trips checked, {counts['trips_linked']} linked"
    )
    print(
        f"rows: {Trip.objects.count()} trips, {Stop.objects.count()} stops,"
        f" {Meeting.objects.count()} meetings, {Evidence.objects.count()} evidence"
    )
    verdict = "PASS" if first < TARGET_SECONDS else "FAIL"
    print(f"{verdict}: first import {first:.1f} s (target < {TARGET_SECONDS:.0f} s)")
    return 0 if first < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
