"""A trigram index for the city part of ``/api/trips/?q=`` (PostgreSQL only).

The trips search matches stops by ``city__icontains``, which PostgreSQL runs
as ``UPPER(city::text) LIKE UPPER('%x%')``: without an index, a scan of every
stop (twice a request: the page and its count). A GIN index with
``gin_trgm_ops`` on that same expression serves the LIKE. Like the search
indexes of 0005 it lives in the database only: SQLite has neither the
extension nor GIN, so the index is made behind a vendor check, not declared
on the model.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.db.models.functions import Upper

INDEX = "stop_city_trgm_idx"


def _index() -> GinIndex:
    return GinIndex(OpClass(Upper("city"), name="gin_trgm_ops"), name=INDEX)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("trips", "Stop"), _index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("trips", "Stop"), _index())


class Migration(migrations.Migration):

    dependencies = [
        ("trips", "0008_stored_totals"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create, drop),
    ]
