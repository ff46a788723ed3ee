"""The news' own dates of a trip, kept beside the official record's.

When the record confirms a trip, the trip's dates follow the record (and
span every stop); ``reported_start`` and ``reported_end`` keep what the
news said. Trips that already have both kinds of source keep their current
dates there, which were the news' (the record only filled blanks);
``manage.py reconcile`` then dates them by the record.
"""

from django.db import migrations, models


def keep_news_dates(apps, schema_editor):
    Trip = apps.get_model("trips", "Trip")
    both = Trip.objects.filter(articles__kind="record").filter(articles__kind="news")
    Trip.objects.filter(pk__in=both.values("pk")).update(
        reported_start=models.F("start_date"), reported_end=models.F("end_date")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("trips", "0005_search_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="trip",
            name="reported_end",
            field=models.DateField(
                blank=True, help_text="End as the news reported it, beside the record's.", null=True
            ),
        ),
        migrations.AddField(
            model_name="trip",
            name="reported_start",
            field=models.DateField(
                blank=True,
                help_text="Start as the news reported it, beside the record's.",
                null=True,
            ),
        ),
        migrations.AddConstraint(
            model_name="trip",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("reported_start__isnull", True),
                    ("reported_end__isnull", True),
                    ("reported_end__gte", models.F("reported_start")),
                    _connector="OR",
                ),
                name="trip_reported_end_on_or_after_start",
            ),
        ),
        migrations.RunPython(keep_news_dates, migrations.RunPython.noop),
    ]
