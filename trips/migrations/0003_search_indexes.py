"""Full-text search indexes for the API's ``?q=`` on PostgreSQL.

The expressions are the ones ``trips.filters.text_match`` builds, so the
planner uses these indexes. SQLite has no GIN indexes (its search is a plain
substring match), so there the migration does nothing.
"""

from django.db import migrations

INDEXES = {
    "trip_search_idx": (
        "trips_trip",
        "to_tsvector('english'::regconfig, COALESCE(title, '') || ' ' || COALESCE(summary, ''))",
    ),
    "official_search_idx": (
        "trips_official",
        "to_tsvector('english'::regconfig, COALESCE(name, '') || ' ' || COALESCE(title, ''))",
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, expression) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("trips", "0002_stop_recorded_dates")]

    operations = [migrations.RunPython(create, drop)]
