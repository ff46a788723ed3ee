"""Stored full-text documents for the API's ``?q=``, with GIN indexes on PostgreSQL.

Each searched model gets ``search_document``, a generated column holding the
English tsvector of its searched fields (``trips.models.SearchDocument``).
A search then reads the stored vector, through the index or row by row,
instead of running to_tsvector over every row's text again: a common word
in 6,000 trip titles cost 26 ms of parsing, and an article's text about
0.4 ms per 4 kB. The expression indexes of 0003 give way to indexes on the
columns. On SQLite the columns hold NULL and nothing is indexed.
"""

import django.contrib.postgres.search
import trips.models
from django.db import migrations, models


COLUMN_INDEXES = {
    "trip_search_idx": "trips_trip",
    "official_search_idx": "trips_official",
    "article_search_idx": "trips_article",
    "stop_search_idx": "trips_stop",
    "meeting_search_idx": "trips_meeting",
}


def index_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table in COLUMN_INDEXES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(f"CREATE INDEX {name} ON {table} USING gin (search_document)")


def drop_column_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in COLUMN_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    # Back to the expression indexes of 0003.
    from importlib import import_module

    import_module("trips.migrations.0003_search_indexes").create(apps, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('trips', '0004_newest_first_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=trips.models.SearchDocument('title', 'text'), output_field=django.contrib.postgres.search.SearchVectorField(null=True)),
        ),
        migrations.AddField(
            model_name='meeting',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=trips.models.SearchDocument('description'), output_field=django.contrib.postgres.search.SearchVectorField(null=True)),
        ),
        migrations.AddField(
            model_name='official',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=trips.models.SearchDocument('name', 'title'), output_field=django.contrib.postgres.search.SearchVectorField(null=True)),
        ),
        migrations.AddField(
            model_name='stop',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=trips.models.SearchDocument('city', 'notes'), output_field=django.contrib.postgres.search.SearchVectorField(null=True)),
        ),
        migrations.AddField(
            model_name='trip',
            name='search_document',
            field=models.GeneratedField(db_persist=True, expression=trips.models.SearchDocument('title', 'summary'), output_field=django.contrib.postgres.search.SearchVectorField(null=True)),
        ),
        migrations.RunPython(index_columns, drop_column_indexes),
    ]
