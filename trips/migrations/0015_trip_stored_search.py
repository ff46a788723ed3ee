"""What ``/api/trips/?q=`` matches of a trip beyond its own text, stored on the trip.

The search matched the travellers (``trips_trip_officials`` of the officials
whose text matches) and the stops (cities by substring, countries by name)
through subqueries over the whole record, so its count and its page read every
matching stop: "Tokyo" 7 ms at 6,000 trips and 50-70 ms at 60,000.
``Trip.search_places`` (the stops' cities, one a line) and ``Trip.search_keys``
(``{"country:JP": true, "traveller:12": true}``) put them on the trip, so the
search is a condition on the trips alone, each part served by an index of its
own on PostgreSQL: the trigram index of the cities (as 0009 did for the stops)
and a GIN index of the keys (``?|``). As with 0009 the indexes exist in the
database only, behind a vendor check. ``trips.totals.visit_totals_refresh``
keeps the fields; they are filled here as ``manage.py rebuild_visit_totals``
does.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import migrations, models
from django.db.models.functions import Upper

INDEXES = ("trip_search_places_trgm_idx", "trip_search_keys_idx")


def _indexes() -> list[GinIndex]:
    return [
        GinIndex(OpClass(Upper("search_places"), name="gin_trgm_ops"), name=INDEXES[0]),
        GinIndex(fields=["search_keys"], name=INDEXES[1]),
    ]


def fill(apps, schema_editor):
    Trip = apps.get_model("trips", "Trip")
    Stop = apps.get_model("trips", "Stop")
    cities = {pk: [] for pk in Trip.objects.values_list("pk", flat=True)}
    keys = {pk: {} for pk in cities}
    stops = Stop.objects.order_by("trip_id", "order", "pk")
    for trip_id, country, city in stops.values_list("trip_id", "country", "city"):
        if city and city not in cities[trip_id]:
            cities[trip_id].append(city)
        keys[trip_id][f"country:{country}"] = True
    links = Trip.officials.through.objects.order_by("trip_id", "official_id")
    for trip_id, official_id in links.values_list("trip_id", "official_id"):
        keys[trip_id][f"traveller:{official_id}"] = True
    Trip.objects.bulk_update(
        (
            Trip(pk=pk, search_places="\n".join(cities[pk]), search_keys=keys[pk])
            for pk in cities
            if cities[pk] or keys[pk]
        ),
        ["search_places", "search_keys"],
        batch_size=500,
    )


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in _indexes():
        schema_editor.add_index(apps.get_model("trips", "Trip"), index)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in _indexes():
        schema_editor.remove_index(apps.get_model("trips", "Trip"), index)


class Migration(migrations.Migration):
    dependencies = [
        ("trips", "0014_trip_known_dates_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="trip",
            name="search_keys",
            field=models.JSONField(
                blank=True,
                default=dict,
                editable=False,
                help_text='The stops\' countries and the travellers, as keys: {"country:JP": true, "traveller:12": true}.',
            ),
        ),
        migrations.AddField(
            model_name="trip",
            name="search_places",
            field=models.TextField(
                blank=True, default="", editable=False, help_text="The stops' cities, one a line."
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
