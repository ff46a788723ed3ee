"""python manage.py repair_identity [--record PATH] [--dry-run]"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from trips.repair import RepairReport, officials_repair


class _DryRun(Exception):
    """Raised to roll a dry run back."""


class Command(BaseCommand):
    help = (
        "Repair who is who in an existing database with the identity rules: give the "
        "official record's travellers its person ids and split an official holding two, "
        "clear countries taken from a meeting place, merge officials who are one person. "
        "Prints what it merged and split. Editors' decisions are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--record",
            action="append",
            default=[],
            metavar="PATH",
            help="The official record's XML (file or folder; repeatable), to read each "
            "record entry's person id from it rather than from the file named in its title.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change and change nothing.",
        )

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        paths = [Path(p) for p in options["record"]]
        for path in paths:
            if not path.exists():
                raise CommandError(f"{path}: no such file or folder")
        try:
            with transaction.atomic():
                report = officials_repair(record_paths=paths, progress=self.step)
                if options["dry_run"]:
                    raise _DryRun
        except _DryRun:
            pass
        except ValueError as error:  # a malformed record file
            raise CommandError(str(error)) from None
        self.write_report(report, dry_run=options["dry_run"])

    def step(self, name: str) -> None:
        if self.verbosity >= 2:
            self.stderr.write(f"checking {name}…")

    def write_report(self, report: RepairReport, *, dry_run: bool) -> None:
        sections = (
            ("Record ids", report.record_ids),
            ("Split", report.splits),
            ("Merged", report.merges),
            ("Countries", report.countries),
            ("Left for an editor", report.left_for_editors),
        )
        if self.verbosity >= 1:
            for heading, lines in sections:
                if lines:
                    self.stdout.write(f"{heading}:")
                    for line in lines:
                        self.stdout.write(f"  {line}")
        prefix = "Dry run, nothing changed. " if dry_run else ""
        self.stdout.write(prefix + report.summary)
