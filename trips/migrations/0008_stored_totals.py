"""Stored totals: visits per country, trips and countries per official.

Kept up to date by ``trips.totals.visit_totals_refresh``; filled here from
the rows already stored (as ``manage.py rebuild_visit_totals`` does).
"""


import django.db.models.deletion
from django.db import migrations, models
from collections import Counter


COUNTED = ("completed", "ongoing")  # Trip.COUNTED when this migration was written


def fill_totals(apps, schema_editor):
    from django.db.models import Count, Max, Min, Sum

    Stop = apps.get_model("trips", "Stop")
    Trip = apps.get_model("trips", "Trip")
    Official = apps.get_model("trips", "Official")
    TripCountryVisits = apps.get_model("trips", "TripCountryVisits")
    TripTravellersSeen = apps.get_model("trips", "TripTravellersSeen")
    CountryVisits = apps.get_model("trips", "CountryVisits")
    OfficialTotals = apps.get_model("trips", "OfficialTotals")
    rows = (
        Stop.objects.filter(trip__status__in=COUNTED)
        .order_by()
        .values("trip_id", "country")
        .annotate(visits=Count("pk"), first=Min("arrive_date"), last=Max("arrive_date"))
    )
    TripCountryVisits.objects.bulk_create(
        (
            TripCountryVisits(
                trip_id=r["trip_id"],
                country=r["country"],
                visits=r["visits"],
                first_visit=r["first"],
                last_visit=r["last"],
            )
            for r in rows
        ),
        batch_size=5000,
    )
    counted = set(Trip.objects.filter(status__in=COUNTED).values_list("pk", flat=True))
    travellers = {}
    through = Trip.officials.through
    for trip_id, official_id in through.objects.order_by("trip_id", "official_id").values_list(
        "trip_id", "official_id"
    ):
        travellers.setdefault(trip_id, []).append(official_id)
    TripTravellersSeen.objects.bulk_create(
        (
            TripTravellersSeen(trip_id=t, counted=t in counted, official_ids=o)
            for t, o in travellers.items()
        ),
        batch_size=5000,
    )
    CountryVisits.objects.bulk_create(
        CountryVisits(
            code=r["country"],
            visit_count=r["visits"],
            trip_count=r["trips"],
            first_visit=r["first"],
            last_visit=r["last"],
        )
        for r in TripCountryVisits.objects.order_by()
        .values("country")
        .annotate(
            visits=Sum("visits"),
            trips=Count("trip_id"),
            first=Min("first_visit"),
            last=Max("last_visit"),
        )
    )
    trips = Counter()
    for official_id, trip_id in through.objects.values_list("official_id", "trip_id"):
        if trip_id in counted:
            trips[official_id] += 1
    countries = {}
    visited = {}
    for trip_id, country in TripCountryVisits.objects.values_list("trip_id", "country"):
        visited.setdefault(trip_id, set()).add(country)
    for trip_id, officials in travellers.items():
        for official_id in officials:
            countries.setdefault(official_id, set()).update(visited.get(trip_id, ()))
    OfficialTotals.objects.bulk_create(
        (
            OfficialTotals(
                official_id=pk,
                trip_count=trips[pk],
                countries_visited=len(countries.get(pk, ())),
            )
            for pk in Official.objects.values_list("pk", flat=True)
        ),
        batch_size=5000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('trips', '0007_identity_record_ids_and_decisions'),
    ]

    operations = [
        migrations.CreateModel(
            name='CountryVisits',
            fields=[
                ('code', models.CharField(max_length=2, primary_key=True, serialize=False)),
                ('visit_count', models.PositiveIntegerField(default=0)),
                ('trip_count', models.PositiveIntegerField(default=0)),
                ('first_visit', models.DateField(null=True)),
                ('last_visit', models.DateField(null=True)),
            ],
            options={
                'verbose_name_plural': 'country visits',
                'ordering': ['code'],
            },
        ),
        migrations.CreateModel(
            name='OfficialTotals',
            fields=[
                ('official', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='totals', serialize=False, to='trips.official')),
                ('trip_count', models.PositiveIntegerField(default=0)),
                ('countries_visited', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name_plural': 'official totals',
                'ordering': ['official_id'],
            },
        ),
        migrations.CreateModel(
            name='TripTravellersSeen',
            fields=[
                ('trip', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='trips.trip')),
                ('counted', models.BooleanField(default=False)),
                ('official_ids', models.JSONField(default=list)),
            ],
            options={
                'ordering': ['trip_id'],
            },
        ),
        migrations.CreateModel(
            name='TripCountryVisits',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('country', models.CharField(max_length=2)),
                ('visits', models.PositiveIntegerField()),
                ('first_visit', models.DateField(null=True)),
                ('last_visit', models.DateField(null=True)),
                ('trip', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='trips.trip')),
            ],
            options={
                'ordering': ['trip_id', 'country'],
                'indexes': [models.Index(fields=['country', 'first_visit'], name='tcv_country_first_idx'), models.Index(fields=['country', 'last_visit'], name='tcv_country_last_idx')],
                'constraints': [models.UniqueConstraint(fields=('trip', 'country'), name='trip_country_visits_unique')],
            },
        ),
        migrations.RunPython(fill_totals, migrations.RunPython.noop),
    ]
