"""The record's number of stops, stored so the unfiltered stops list counts nothing.

Kept up to date by ``trips.totals.visit_totals_refresh``; filled here from
the rows already stored (as ``manage.py rebuild_visit_totals`` does).
"""

import django.db.models.deletion
from django.db import migrations, models


def fill_stop_counts(apps, schema_editor):
    from django.db.models import Count

    Stop = apps.get_model("trips", "Stop")
    TripStopCount = apps.get_model("trips", "TripStopCount")
    RecordTotals = apps.get_model("trips", "RecordTotals")
    TripStopCount.objects.bulk_create(
        (
            TripStopCount(trip_id=r["trip_id"], stops=r["n"])
            for r in Stop.objects.order_by().values("trip_id").annotate(n=Count("pk"))
        ),
        batch_size=5000,
    )
    RecordTotals.objects.create(id=1, stop_count=Stop.objects.count())


class Migration(migrations.Migration):

    dependencies = [
        ('trips', '0010_candidate_trip_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='TripStopCount',
            fields=[
                ('trip', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='trips.trip')),
                ('stops', models.PositiveIntegerField()),
            ],
            options={
                'ordering': ['trip_id'],
            },
        ),
        migrations.CreateModel(
            name='RecordTotals',
            fields=[
                ('id', models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ('stop_count', models.PositiveBigIntegerField(default=0)),
            ],
            options={
                'verbose_name_plural': 'record totals',
                'ordering': ['id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('id', 1)), name='record_totals_one_row')],
            },
        ),
        migrations.RunPython(fill_stop_counts, migrations.RunPython.noop),
    ]
