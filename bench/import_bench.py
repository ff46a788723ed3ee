"""Import speed: the dev evaluation set repeated to N articles (distinct hashes).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench \\
        .venv/bin/python bench/import_bench.py [--set ../shared/eval/dev] [--articles 1000] \\
        [--rounds 3] [--grow 10]

Runs on one core (CPU affinity), empties the database it is given first,
imports through the same service as ``import_articles`` (extraction and
database writes) and prints articles per second. Each of ``--rounds``
rounds makes the extraction (timed alone), then imports the batch twice: the
whole import, which parses again (ahead of the writes, in a thread, as the
import does), and the writes alone, given the extractions made
(``articles_import(extractions=...)``); the database is emptied and vacuumed
before each. The medians of the rounds are printed, with their ranges.
Targets: >= 25 articles/s for the whole import, >= 50 for the writes.

With ``--grow F`` it then measures the same import into a database that
already holds F times the API benchmark's record (6,000 trips at 1x): the
trips of the first import copied, with their stops and travellers, into
earlier years until the database holds F x 6,000 trips, so the same
officials carry hundreds of trips each. The first import's own articles
and trips are removed (its officials stay) and the batch is imported again;
the script prints the cost per article into the empty database and into the
grown one, and their ratio (target: at most 1.2x), for the writes alone and
for the whole import. ``--sql`` also times
every statement of both imports of the writes alone by its shape and prints the shapes whose
cost grew most, per article, with their number of calls: where the grown
database makes the import slower.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from statistics import median

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
os.environ.setdefault("DEBUG", "1")

TARGET_RATE = 50.0
TARGET_IMPORT_RATE = 25.0
TARGET_GROWTH = 1.2
TRIPS_AT_1X = 6000


class SqlProfile:
    """Time spent in each statement shape (parameters and IN lists folded)."""

    def __init__(self) -> None:
        self.seconds: Counter = Counter()
        self.calls: Counter = Counter()

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            shape = re.sub(r"IN \((%s, )*%s\)", "IN (...)", sql)
            shape = re.sub(r"\(%s(, %s)*\)(, \(%s(, %s)*\))*", "(...)", shape)
            shape = re.sub(r'"s\d+_x\d+"', "sp", shape)
            self.seconds[shape] += time.perf_counter() - started
            self.calls[shape] += 1


def print_sql_growth(empty: SqlProfile, grown: SqlProfile, articles: int, top: int = 12) -> None:
    """The statement shapes whose time per article grew most from empty to grown."""
    total = {"empty": sum(empty.seconds.values()), "grown": sum(grown.seconds.values())}
    calls = {"empty": sum(empty.calls.values()), "grown": sum(grown.calls.values())}
    print(
        f"\nSQL per article     empty {total['empty'] / articles * 1000:6.2f} ms "
        f"({calls['empty'] / articles:.1f} statements), grown "
        f"{total['grown'] / articles * 1000:6.2f} ms ({calls['grown'] / articles:.1f})"
    )
    shapes = set(empty.seconds) | set(grown.seconds)
    growth = sorted(shapes, key=lambda k: grown.seconds[k] - empty.seconds[k], reverse=True)
    print(" empty ms/art  grown ms/art  calls/art  statement")
    for shape in growth[:top]:
        print(
            f"{empty.seconds[shape] / articles * 1000:12.3f}  "
            f"{grown.seconds[shape] / articles * 1000:12.3f}  "
            f"{grown.calls[shape] / articles:9.2f}  {shape[:150]}"
        )


def grow(factor: int, external_ids: list[str]) -> int:
    """Copy the imported trips into earlier years until there are factor x 6,000 of them."""
    from django.db import connection, transaction

    from trips.models import Stop, Trip

    template = list(
        Trip.objects.filter(articles__external_id__in=external_ids)
        .distinct()
        .prefetch_related("stops", "officials")
    )
    dated = [t for t in template if t.start_date]
    span = max(t.end_date or t.start_date for t in dated) - min(t.start_date for t in dated)
    # Every copy lies before the batch's own dates by more than the import's
    # matching margin (150 days), so it is never a candidate, only a row to skip.
    before = span + timedelta(days=300)
    step = timedelta(days=400)
    first = min(t.start_date for t in dated)

    def undated_as_of(trip):
        # A copy of a trip with no date at all would be a candidate of every
        # article sharing its country, hundreds of identical copies of it:
        # its report's day (moved back with the others) keeps it out of the batch.
        return None if trip.start_date or trip.end_date else first

    wanted = factor * TRIPS_AT_1X
    rounds = -(-wanted // max(1, len(template)))
    fields = ("title", "status", "summary")
    with transaction.atomic():
        for r in range(1, rounds + 1):
            shift = before + step * r

            def back(day, shift=shift):
                return day - shift if day else None

            copies = Trip.objects.bulk_create(
                Trip(
                    **{f: getattr(t, f) for f in fields},
                    start_date=back(t.start_date),
                    end_date=back(t.end_date),
                    reported_start=back(t.reported_start),
                    reported_end=back(t.reported_end),
                    status_as_of=back(t.status_as_of or undated_as_of(t)),
                )
                for t in template
            )
            through = Trip.officials.through
            through.objects.bulk_create(
                through(trip_id=c.pk, official_id=o.pk)
                for c, t in zip(copies, template, strict=True)
                for o in t.officials.all()
            )
            Stop.objects.bulk_create(
                Stop(
                    trip_id=c.pk,
                    order=s.order,
                    country=s.country,
                    city=s.city,
                    latitude=s.latitude,
                    longitude=s.longitude,
                    arrive_date=back(s.arrive_date),
                    depart_date=back(s.depart_date),
                )
                for c, t in zip(copies, template, strict=True)
                for s in t.stops.all()
            )
    from django.core.management import call_command, get_commands

    if "rebuild_visit_totals" in get_commands():
        call_command("rebuild_visit_totals", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return Trip.objects.count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(PROJECT.parent / "shared" / "eval" / "dev"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument(
        "--rounds", type=int, default=3, help="measure this many times; print the medians"
    )
    parser.add_argument(
        "--grow", type=int, default=0, help="also import into a database of this size factor"
    )
    parser.add_argument(
        "--sql", action="store_true", help="with --grow: the statements whose cost grew most"
    )
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be 1 or more")

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from trips.extraction import extract_articles
    from trips.extraction.types import ArticleInput
    from trips.models import Article, Official, Trip
    from trips.readers import ArticleSource, ReadOptions, read_paths
    from trips.services import articles_import
    from trips.totals import visit_totals_rebuild, visit_totals_refresh

    call_command("migrate", verbosity=0)

    def empty() -> None:
        Trip.objects.all().delete()
        Official.objects.all().delete()
        Article.objects.all().delete()
        if connection.vendor == "postgresql":
            # The rows just deleted (an earlier run's, or the batch's), as
            # autovacuum would in time: else each run reads the dead rows and
            # index entries of every run before it, and runs slower in turn.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM")

    empty()

    base = [a for a in read_paths([str(Path(args.set) / "articles")], options=ReadOptions())]
    base = [a for a in base if isinstance(a, ArticleSource)]
    sources = []
    for n in range(args.articles):
        article = base[n % len(base)]
        round_ = n // len(base)
        shift = timedelta(days=40 * round_)
        sources.append(
            replace(
                article,
                external_id=f"{article.external_id}-{round_}",
                origin=f"{article.origin}#{round_}",
                text=f"{article.text}\n(copy {round_})",
                url=f"{article.url}#copy-{round_}" if article.url else "",
                published=article.published + shift if article.published else None,
            )
        )

    # The parser's first call loads its model, and the extraction's word
    # caches fill on the first pass: neither is part of the rate.
    list(extract_articles(ArticleInput(title=a.title, text=a.text) for a in base))

    def extract() -> tuple[list, float]:
        started = time.perf_counter()
        made = list(
            extract_articles(
                ArticleInput(title=s.title, text=s.text, published=s.published) for s in sources
            )
        )
        return made, time.perf_counter() - started

    cpu: dict[str, float] = {}  # this process's own CPU time, which other work disturbs less

    def timed(profile: SqlProfile | None = None, *, writes_only: bool, label: str = "") -> float:
        given = {"extractions": extractions} if writes_only else {}
        started, started_cpu = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(profile or _untimed):
            report = articles_import(sources=sources, **given)
        seconds = time.perf_counter() - started
        cpu[label] = time.process_time() - started_cpu
        assert report.counts["imported"] == len(sources), report.counts
        return seconds

    ids = [s.external_id for s in sources]

    def remove_batch() -> None:
        batch = set(Trip.objects.filter(articles__external_id__in=ids).values_list("pk", flat=True))
        Trip.objects.filter(pk__in=batch).delete()
        Article.objects.filter(external_id__in=ids).delete()
        visit_totals_refresh(trip_ids=batch)  # as every writer does

    empty_sql, grown_sql = SqlProfile(), SqlProfile()
    # Each round: the extraction alone, the whole import into the empty
    # database, then the writes alone into it emptied again. A shared
    # machine's speed wanders by a tenth or more from one minute to the next:
    # the medians of the rounds are the figures, their ranges beside them.
    extract_times, whole_times, write_times, write_cpus = [], [], [], []
    for _ in range(args.rounds):
        extractions, extract_seconds = extract()
        extract_times.append(extract_seconds)
        empty()
        visit_totals_rebuild()
        whole_times.append(timed(writes_only=False))
        trips = Trip.objects.count()
        empty()
        visit_totals_rebuild()
        write_times.append(timed(empty_sql if args.sql else None, writes_only=True, label="empty"))
        write_cpus.append(cpu["empty"])
    n = len(sources)
    seconds, write_seconds = median(whole_times), median(write_times)
    cpu["empty"] = median(write_cpus)

    def rates(times: list[float]) -> str:
        low, high = n / max(times), n / min(times)
        return f"{n / median(times):8.1f} articles/s  (rounds {low:.1f}-{high:.1f})"

    print(f"database           {connection.vendor}")
    print(f"articles           {n} (rounds: {args.rounds}, medians)")
    print(f"trips              {trips}")
    print(f"extraction only    {rates(extract_times)}")
    print(
        f"import (all)       {rates(whole_times)}  (target {TARGET_IMPORT_RATE:.0f} articles/s: "
        f"{'met' if n / seconds >= TARGET_IMPORT_RATE else 'NOT met'})"
    )
    print(
        f"writes alone       {rates(write_times)}  (target {TARGET_RATE:.0f} articles/s: "
        f"{'met' if n / write_seconds >= TARGET_RATE else 'NOT met'}; "
        f"CPU {cpu['empty'] / n * 1000:.2f} ms an article)"
    )
    if not args.grow:
        return

    total = grow(args.grow, ids)
    remove_batch()
    print(f"\ngrown to {args.grow}x: {Trip.objects.count():,} trips (of {total:,} with the batch)")
    # In the same order as into the empty database: the whole import first
    # (the first pass over the grown tables pays for their cold pages).
    grown_seconds = timed(writes_only=False)
    remove_batch()
    grown_write_seconds = timed(grown_sql if args.sql else None, writes_only=True, label="grown")
    n = len(sources)
    print(f"per article          empty {f'{args.grow}x':>10}   growth")
    for label, empty_s, grown_s in (
        ("writes alone", write_seconds, grown_write_seconds),
        ("import (all)", seconds, grown_seconds),
    ):
        ratio = grown_s / empty_s
        print(
            f"{label:14} {empty_s / n * 1000:8.2f} ms {grown_s / n * 1000:8.2f} ms "
            f"{ratio:7.2f}x  (target <= {TARGET_GROWTH}x: "
            f"{'met' if ratio <= TARGET_GROWTH else 'NOT met'})"
        )
    print(
        f"writes, CPU    {cpu['empty'] / n * 1000:8.2f} ms {cpu['grown'] / n * 1000:8.2f} ms "
        f"{cpu['grown'] / cpu['empty']:7.2f}x  (this process alone)"
    )
    if args.sql:
        print_sql_growth(empty_sql, grown_sql, len(sources))


def _untimed(execute, sql, params, many, context):
    return execute(sql, params, many, context)


if __name__ == "__main__":
    main()
