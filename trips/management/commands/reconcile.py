"""python manage.py reconcile"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from trips.reconcile import trips_reconcile


class Command(BaseCommand):
    help = (
        "Link news trips to the official record's trips of the same journeys (shared "
        "traveller, overlapping dates or, for trips announced without dates, their "
        "countries) across the whole database, date and title the confirmed trips by the "
        "record (the news' dates kept beside), and report the counts."
    )

    def handle(self, *args, **options) -> None:
        c = trips_reconcile().counts
        self.stdout.write(
            f"Reconciled: {c['news_trips_checked']} news trips checked, "
            f"{c['trips_linked']} linked to the record ({c['stops_confirmed']} stops confirmed), "
            f"{c['kept_apart_edited']} kept apart (edited by a person), "
            f"{c['trips_dated_by_record']} dated by the record. Now {c['both']} trips "
            f"have both kinds of source, {c['news_only']} only news, "
            f"{c['record_only']} only the record."
        )
