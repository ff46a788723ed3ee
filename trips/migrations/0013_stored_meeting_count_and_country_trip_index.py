"""The record's numbers of trips and meetings, stored as its number of stops is (0011), and
an index for the count of ``/api/trips/?country=``.

The unfiltered meetings list read ``COUNT(*)`` of every meeting: 0.8 ms at 6,000
meetings, 8 ms at 60,000; the trips list of every trip likewise.
``trips.totals.visit_totals_refresh`` keeps each trip's meetings beside its stops
(``TripStopCount``, now a row for every trip) and the record's in ``RecordTotals``;
they are filled here from the rows already stored, as ``manage.py
rebuild_visit_totals`` does.

``stop_country_trip_idx`` lets PostgreSQL count the distinct trips with a stop in a
country from the index alone (2 ms at 60,000 trips, where the semi-join of every
trip with the country's stops took 42 ms).
"""

from django.db import migrations, models


def fill_counts(apps, schema_editor):
    from django.db.models import Count

    Meeting = apps.get_model("trips", "Meeting")
    Stop = apps.get_model("trips", "Stop")
    Trip = apps.get_model("trips", "Trip")
    TripStopCount = apps.get_model("trips", "TripStopCount")
    RecordTotals = apps.get_model("trips", "RecordTotals")
    # A trip without a row has no stops: its new row says so; a row's stops stay.
    TripStopCount.objects.bulk_create(
        (
            TripStopCount(trip_id=r["trip_id"], stops=0, meetings=r["n"])
            for r in Meeting.objects.order_by().values("trip_id").annotate(n=Count("pk"))
        ),
        batch_size=5000,
        update_conflicts=True,
        unique_fields=["trip"],
        update_fields=["meetings"],
    )
    # Every trip has a row from now on: those with neither stops nor meetings too.
    TripStopCount.objects.bulk_create(
        (
            TripStopCount(trip_id=pk, stops=0, meetings=0)
            for pk in Trip.objects.order_by()
            .exclude(pk__in=TripStopCount.objects.values("trip_id"))
            .values_list("pk", flat=True)
        ),
        batch_size=5000,
    )
    counts = {"trip_count": Trip.objects.count(), "meeting_count": Meeting.objects.count()}
    if not RecordTotals.objects.filter(id=1).update(**counts):
        RecordTotals.objects.create(id=1, stop_count=Stop.objects.count(), **counts)


class Migration(migrations.Migration):

    dependencies = [
        ("trips", "0012_official_serves_eu_or_un"),
    ]

    operations = [
        migrations.AddField(
            model_name="recordtotals",
            name="trip_count",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="recordtotals",
            name="meeting_count",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="tripstopcount",
            name="meetings",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name="stop",
            index=models.Index(fields=["country", "trip"], name="stop_country_trip_idx"),
        ),
        migrations.RunPython(fill_counts, migrations.RunPython.noop),
    ]
