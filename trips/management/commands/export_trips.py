"""python manage.py export_trips [--format json] [--output FILE]"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trips.interchange import database_to_interchange


class Command(BaseCommand):
    help = "Write every official and trip as the trip interchange JSON (SCHEMA.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--format", choices=["json"], default="json", help="Output format (json)."
        )
        parser.add_argument(
            "--output", "-o", help="File to write; standard output when left out or '-'."
        )

    def handle(self, *args, **options) -> None:
        payload = json.dumps(database_to_interchange(), indent=2, ensure_ascii=False) + "\n"
        output = options["output"]
        if not output or output == "-":
            self.stdout.write(payload, ending="")
            return
        path = Path(output)
        try:
            path.write_text(payload, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
        trips = payload.count('"travelers"')
        self.stderr.write(f"wrote {trips} trips to {path}")
