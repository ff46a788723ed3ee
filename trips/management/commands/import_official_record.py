"""python manage.py import_official_record PATH [PATH ...]"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from trips.reconcile import RecordImportReport, record_import
from trips.record import MAX_GAP_DAYS


class Command(BaseCommand):
    help = (
        "Import the Office of the Historian's travel records (Travels of the President / "
        "Secretary of State XML) as trips, stops and meetings, linked to the news trips "
        "of the same journeys."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="A record XML file, or a folder whose *.xml travel files are read recursively.",
        )
        parser.add_argument(
            "--max-gap-days",
            type=int,
            default=MAX_GAP_DAYS,
            help=f"Stops this many days apart or closer form one journey (default {MAX_GAP_DAYS}).",
        )
        parser.add_argument(
            "--visits",
            action="store_true",
            help="Also import the Visits by Foreign Leaders files (root <visits>) found.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Never show a progress bar.")

    def handle(self, *args, **options) -> None:
        paths = [Path(p) for p in options["paths"]]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        bar = tqdm(
            unit="journey", file=sys.stderr, disable=True if options["no_progress"] else None
        )
        try:
            report = record_import(
                paths=paths,
                max_gap_days=options["max_gap_days"],
                visits=options["visits"],
                on_total=lambda total: setattr(bar, "total", total) or bar.refresh(),
                progress=bar.update,
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        finally:
            bar.close()
        self.write_summary(report)

    def write_summary(self, report: RecordImportReport) -> None:
        c = report.counts
        self.stdout.write(
            f"Official record: {report.records} records in {report.files} files, "
            f"{report.journeys} journeys; records new {c['records_new']}, "
            f"changed {c['records_changed']}, unchanged {c['records_unchanged']}, "
            f"duplicates {c['duplicates']}; trips created {c['trips_created']}, "
            f"linked to news trips {c['trips_linked']}; stops {c['stops_created']} "
            f"({c['unmatched_locales']} places not in the gazetteer, kept as text; "
            f"{c['unplaced_locales']} without a country); meetings {c['meetings_created']}; "
            f"officials created {c['officials_created']}."
        )
