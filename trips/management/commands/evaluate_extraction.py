"""python manage.py evaluate_extraction SETDIR"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from trips.interchange import database_to_interchange
from trips.models import Article, Official, Trip
from trips.readers import ArticleSource, ReadError, ReadOptions, read_paths
from trips.scoring import format_summary, score
from trips.services import articles_import


class Command(BaseCommand):
    help = (
        "Import an evaluation set (SETDIR/articles, SETDIR/gold.json) inside a transaction "
        "that is rolled back, export it, score it against the gold and print the figures."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("setdir", help="Folder holding articles/ and gold.json.")
        parser.add_argument(
            "--output", help="Also write the predicted interchange JSON to this file."
        )
        parser.add_argument(
            "--with-existing",
            action="store_true",
            help="Let the set merge with what the database already holds (by default the "
            "evaluation runs as if the database were empty).",
        )

    def handle(self, *args, **options) -> None:
        setdir = Path(options["setdir"])
        gold_path, articles_dir = setdir / "gold.json", setdir / "articles"
        if not articles_dir.is_dir():
            raise CommandError(f"{articles_dir} is not a folder")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"cannot read {gold_path}: {error.strerror or error}") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{gold_path} is not valid JSON: {error}") from None

        self.migrate_if_needed()
        predicted = self.predict(articles_dir, isolated=not options["with_existing"])
        if options["output"]:
            Path(options["output"]).write_text(
                json.dumps(predicted, indent=2, ensure_ascii=False), encoding="utf-8"
            )
        figures = score(gold, predicted)
        for key, value in figures.items():
            if isinstance(value, float):
                self.stdout.write(f"{key:<24} {value:.3f}")
            elif isinstance(value, int):
                self.stdout.write(f"{key:<24} {value}")
        self.stdout.write(format_summary(figures))

    def migrate_if_needed(self) -> None:
        """A fresh checkout's database has no tables yet; the evaluation needs them."""
        from django.db import DEFAULT_DB_ALIAS, connections
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stderr.write("migrating the database first")
            from django.core.management import call_command

            call_command("migrate", verbosity=0)

    def predict(self, articles_dir: Path, *, isolated: bool) -> dict:
        sources: list[ArticleSource] = []
        for item in read_paths([str(articles_dir)], options=ReadOptions()):
            if isinstance(item, ReadError):
                raise CommandError(str(item))
            sources.append(item)
        with transaction.atomic():
            if isolated:
                # Undone with the rest: the set is scored on its own.
                Trip.objects.all().delete()
                Official.objects.all().delete()
                Article.objects.all().delete()
            report = articles_import(sources=sources)
            for outcome in report.failed:
                self.stderr.write(f"error: {outcome.origin}: {outcome.message}")
            ids = [o.article_id for o in report.outcomes if o.article_id]
            predicted = database_to_interchange(articles=Article.objects.filter(pk__in=ids))
            # The evaluation leaves the database as it found it.
            transaction.set_rollback(True)
        return predicted
