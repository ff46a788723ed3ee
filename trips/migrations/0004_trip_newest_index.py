"""An index in the order of every list of trips: newest first, undated last.

``Trip.objects`` lists ``start_date DESC NULLS LAST, id DESC`` (the API, the
pages, the feeds). PostgreSQL cannot read the plain ``start_date`` index in
that order, so without this each page sorted the whole table. SQLite puts
NULL first in an ascending index anyway and cannot declare NULLS LAST on an
index, so there the migration does nothing.
"""

from django.db import migrations

NAME = "trip_newest_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} "
            "ON trips_trip (start_date DESC NULLS LAST, id DESC)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("trips", "0003_search_indexes")]

    operations = [migrations.RunPython(create, drop)]
