"""A GiST index of each trip's days, for ``/api/trips/?overlaps_from=&overlaps_to=``
(PostgreSQL only).

A trip touches the window when it ends on or after the window's first day and
starts on or before its last: two range conditions, each served by a B-tree of
its own (``trip_start_idx``, ``trip_end_idx``), so a window in the middle of
the record read half the trips through either. ``Trip.objects.overlapping``
tests instead one overlap of date ranges (``trips.models.trip_known_dates``:
from start to end, or the one day known), which this index finds directly.
Trips with no date touch no window and are left out of it. As for the indexes
of 0004 and 0009, SQLite has no GiST: the index is made behind a vendor
check, not declared on the model.
"""

from django.contrib.postgres.fields import DateRangeField
from django.contrib.postgres.indexes import GistIndex
from django.db import migrations
from django.db.models import Func, Q, Value
from django.db.models.functions import Coalesce

INDEX = "trip_known_dates_idx"


def _index() -> GistIndex:
    # The SQL of trips.models.trip_known_dates() as it stands here: a query
    # uses the index only while the two spell the same expression.
    known_dates = Func(
        Coalesce("start_date", "end_date"),
        Coalesce("end_date", "start_date"),
        Value("[]"),
        function="daterange",
        output_field=DateRangeField(),
    )
    return GistIndex(
        known_dates,
        name=INDEX,
        condition=Q(start_date__isnull=False) | Q(end_date__isnull=False),
    )


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("trips", "Trip"), _index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("trips", "Trip"), _index())


class Migration(migrations.Migration):
    dependencies = [
        ("trips", "0013_stored_meeting_count_and_country_trip_index"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
