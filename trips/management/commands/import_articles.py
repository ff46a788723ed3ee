"""python manage.py import_articles PATH [PATH ...]"""

from __future__ import annotations

import contextlib
import json
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from tqdm import tqdm

from trips.extraction.frontmatter import parse_iso_date
from trips.interchange import database_to_interchange
from trips.models import Article
from trips.readers import ArticleSource, ReadError, ReadOptions, read_paths
from trips.services import ArticleOutcome, ImportReport, articles_import

# Batches larger than this show a progress bar (on a terminal).
PROGRESS_THRESHOLD = 3


def _iso_date(value: str | None) -> date | None:
    # Parsed in handle(), not as the argument's type: an error raised while
    # argparse reads the command line escapes Django's handling as a traceback.
    if value is None:
        return None
    try:
        return parse_iso_date(value)
    except ValueError as error:
        raise CommandError(f"--published: {error}") from None


class Command(BaseCommand):
    help = (
        "Import news articles (front-matter .txt/.md, plain text, saved .html pages, "
        ".jsonl) and extract officials, trips, stops and meetings from them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="An article file, a folder (read recursively), or - for standard input.",
        )
        parser.add_argument(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date (YYYY-MM-DD) for articles whose file gives none.",
        )
        parser.add_argument(
            "--source", default="", help="Outlet name for articles whose file gives none."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Extract and report what would change, but write nothing.",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print what was extracted as trip interchange JSON (to standard output).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Never show a progress bar.")

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        self.as_json = options["json"]
        self.dry_run = options["dry_run"]
        self.no_progress = options["no_progress"]
        # With --json, standard output carries the JSON and nothing else.
        self.out = self.stderr if self.as_json else self.stdout
        read_options = ReadOptions(
            published=_iso_date(options["published"]), source=options["source"]
        )
        stdin = sys.stdin.buffer if "-" in options["paths"] else None
        sources: list[ArticleSource] = []
        errors: list[ReadError] = []
        for item in read_paths(options["paths"], options=read_options, stdin=stdin):
            (errors if isinstance(item, ReadError) else sources).append(item)
        for error in errors:
            self.stderr.write(f"error: {error}")

        report, exported = self.import_sources(sources, dry_run=self.dry_run)
        for outcome in report.outcomes:
            self.report_outcome(outcome)
        if self.as_json:
            self.stdout.write(json.dumps(exported, indent=2, ensure_ascii=False))
        self.write_summary(report, read=len(sources) + len(errors), read_failures=len(errors))
        failures = len(errors) + len(report.failed)
        if failures:
            raise CommandError(f"{failures} of {len(sources) + len(errors)} inputs failed")

    def import_sources(
        self, sources: list[ArticleSource], *, dry_run: bool
    ) -> tuple[ImportReport, dict]:
        """Import (or, for a dry run, import and roll back) and export the result."""
        exported: dict = {}
        bar = tqdm(
            total=len(sources),
            unit="article",
            file=sys.stderr,
            disable=True if len(sources) <= PROGRESS_THRESHOLD or self.no_progress else None,
        )
        # Each article commits in its own transaction; only a dry run wraps the
        # batch in one, to undo it once the report (and JSON) is taken.
        batch = transaction.atomic() if dry_run else contextlib.nullcontext()
        try:
            with batch:
                report = articles_import(sources=sources, on_outcome=lambda _: bar.update())
                if self.as_json:
                    ids = [o.article_id for o in report.outcomes if o.article_id]
                    exported = database_to_interchange(articles=Article.objects.filter(pk__in=ids))
                if dry_run:
                    transaction.set_rollback(True)
        finally:
            bar.close()
        return report, exported

    def report_outcome(self, outcome: ArticleOutcome) -> None:
        if outcome.status == "failed":
            self.stderr.write(f"error: {outcome.origin}: {outcome.message}")
            return
        if self.verbosity >= 1:
            for warning in outcome.warnings:
                self.stderr.write(f"warning: {outcome.origin}: {warning}")
        if self.verbosity >= 2:
            facts = ", ".join(
                f"{k.replace('_', ' ')} {v}" for k, v in sorted(outcome.counts.items())
            )
            self.out.write(f"{outcome.status}: {outcome.origin} ({outcome.external_id}) {facts}")

    def write_summary(self, report: ImportReport, *, read: int, read_failures: int) -> None:
        if self.verbosity < 1:
            return
        counts = report.counts
        rows = [
            ("articles", "read", read),
            ("", "imported", counts["imported"]),
            ("", "updated", counts["updated"]),
            ("", "unchanged", counts["unchanged"]),
            ("", "failed", counts["failed"] + read_failures),
        ]
        for kind in ("officials", "trips", "stops", "meetings"):
            rows.append((kind, "created", counts[f"{kind}_created"]))
            rows.append(("", "updated", counts[f"{kind}_updated"]))
        width = max(len(str(n)) for *_, n in rows)
        self.out.write("Import summary" + (" (dry run: nothing written)" if self.dry_run else ""))
        for kind, what, number in rows:
            self.out.write(f"  {kind:<10} {what:<10} {number:>{width}}")
