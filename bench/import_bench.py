"""Import speed: the dev evaluation set repeated to N articles (distinct hashes).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench \\
        .venv/bin/python bench/import_bench.py [--set ../shared/eval/dev] [--articles 1000]

Runs on one core (CPU affinity), empties the database it is given first,
imports through the same service as ``import_articles`` (extraction and
database writes) and prints articles per second. Target: >= 25 articles/s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
os.environ.setdefault("DEBUG", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(PROJECT.parent / "shared" / "eval" / "dev"))
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from trips.extraction import extract_article
    from trips.extraction.types import ArticleInput
    from trips.models import Article, Official, Trip
    from trips.readers import ArticleSource, ReadOptions, read_paths
    from trips.services import articles_import

    call_command("migrate", verbosity=0)
    Trip.objects.all().delete()
    Official.objects.all().delete()
    Article.objects.all().delete()

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

    started = time.perf_counter()
    for source in sources:
        extract_article(
            ArticleInput(title=source.title, text=source.text, published=source.published)
        )
    extract_seconds = time.perf_counter() - started

    started = time.perf_counter()
    report = articles_import(sources=sources)
    seconds = time.perf_counter() - started
    counts = report.counts
    print(f"database           {connection.vendor}")
    print(
        f"articles           {len(sources)} ({counts['imported']} imported, "
        f"{counts['failed']} failed)"
    )
    print(f"trips/stops        {Trip.objects.count()} / {counts['stops_created']}")
    print(f"extraction only    {len(sources) / extract_seconds:8.1f} articles/s")
    print(f"import (all)       {len(sources) / seconds:8.1f} articles/s  ({seconds:.1f} s)")
    print("target             25.0 articles/s")


if __name__ == "__main__":
    main()
