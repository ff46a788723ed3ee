"""Import speed of the whole official record (Office of the Historian travels).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker \\
        .venv/bin/python bench/record_import_bench.py [--record ../shared/hsg]

Creates a throwaway test database next to the one DATABASE_URL names
(Django's ``test_`` prefix) and drops it afterwards. Imports the record
through the same service as ``import_official_record`` three times: into an
empty database, again unchanged (idempotent: nothing written), and once more
after 200 news trips of the same travellers were added and ``reconcile`` ran.
With ``--grow F`` the record's trips are copied F - 1 times into earlier
centuries (with their stops, travellers and record sources, so they are
record trips a news trip could be matched against) before the news trips
are added: ``reconcile`` then looks through F times the trips, and its
cost per news trip is printed. Target: the first import of the
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
    parser.add_argument(
        "--grow", type=int, default=1, help="copies of the record's trips reconcile looks through"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return run(Path(args.record), args.news_trips, args.grow)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def grow(factor: int) -> int:
    """Copy every record trip ``factor - 1`` times, 150 years earlier each time."""
    from django.db import transaction

    from trips.models import Stop, Trip

    template = list(Trip.objects.prefetch_related("stops", "officials", "articles").order_by("pk"))
    fields = ("title", "status", "summary", "edited_by_person")
    with transaction.atomic():
        for r in range(1, factor):
            shift = timedelta(days=round(365.25 * 150 * r))

            def back(day, shift=shift):
                return day - shift if day else None

            copies = Trip.objects.bulk_create(
                Trip(
                    **{f: getattr(t, f) for f in fields},
                    start_date=back(t.start_date),
                    end_date=back(t.end_date),
                    status_as_of=back(t.status_as_of),
                )
                for t in template
            )
            for relation, other in (("officials", "official_id"), ("articles", "article_id")):
                through = getattr(Trip, relation).through
                through.objects.bulk_create(
                    (
                        through(trip_id=c.pk, **{other: o.pk})
                        for c, t in zip(copies, template, strict=True)
                        for o in getattr(t, relation).all()
                    ),
                    batch_size=5000,
                )
            Stop.objects.bulk_create(
                (
                    Stop(
                        trip_id=c.pk,
                        order=s.order,
                        country=s.country,
                        city=s.city,
                        arrive_date=back(s.arrive_date),
                        depart_date=back(s.depart_date),
                        recorded_arrive=back(s.recorded_arrive),
                        recorded_depart=back(s.recorded_depart),
                    )
                    for c, t in zip(copies, template, strict=True)
                    for s in t.stops.all()
                ),
                batch_size=5000,
            )
    from django.core.management import call_command

    call_command("rebuild_visit_totals", verbosity=0)
    return Trip.objects.count()


def run(record: Path, news_trips: int, factor: int = 1) -> int:
    import hashlib
    from unittest import mock

    from django.db import connection

    from trips import reconcile
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

    if factor > 1:
        print(f"grown {factor}x:      {grow(factor)} trips")
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
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    # The time spent folding trips together, apart from reading the database's
    # trips to match them (which grows with the database, once a run).
    absorbing = [0.0]
    real_absorb = reconcile.trip_absorb

    def timed_absorb(**kwargs):
        started = time.perf_counter()
        try:
            return real_absorb(**kwargs)
        finally:
            absorbing[0] += time.perf_counter() - started

    trips_count = Trip.objects.count()
    started = time.perf_counter()
    with mock.patch.object(reconcile, "trip_absorb", timed_absorb):
        counts = trips_reconcile().counts
    seconds = time.perf_counter() - started
    checked, linked = counts["news_trips_checked"], counts["trips_linked"]
    print(
        f"reconcile:       {seconds:6.1f} s  {checked} news trips checked, {linked} linked"
        f" among {trips_count} trips: {seconds / max(1, checked) * 1000:.1f} ms a news trip,"
        f" trip_absorb {absorbing[0] / max(1, linked) * 1000:.1f} ms a trip linked"
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
