"""The news' own dates of a trip, kept beside the official record's.

When the record confirms a trip, the trip's dates follow the record (and
span every stop); ``reported_start`` and ``reported_end`` keep what the
news said. A trip the news reported first and the record then confirmed
keeps its current dates there: they were the news' (linking only filled
blanks from the record). A trip the record gave first is left without:
its dates mixed both, and the news' own are not known apart.
``manage.py reconcile`` then dates them all by the record.
"""

from django.db import migrations, models


def keep_news_dates(apps, schema_editor):
    Trip = apps.get_model("trips", "Trip")
    first_source = (
        Trip.articles.through.objects.filter(trip_id=models.OuterRef("pk"))
        .order_by("id")
        .values("article__kind")[:1]
    )
    news_first = (
        Trip.objects.filter(articles__kind="record")
        .annotate(first_source=models.Subquery(first_source))
        .filter(first_source="news")
    )
    Trip.objects.filter(pk__in=news_first.values("pk")).update(
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
