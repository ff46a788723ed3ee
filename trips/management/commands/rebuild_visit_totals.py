"""python manage.py rebuild_visit_totals"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from trips.totals import visit_totals_rebuild


class Command(BaseCommand):
    help = (
        "Recompute the stored totals (visits per country, trips and countries per official) "
        "from the stops, trips and travellers. The writes keep them up to date; run this "
        "after changing rows outside the tracker's own services (SQL, bulk loads)."
    )

    def handle(self, *args, **options) -> None:
        done = visit_totals_rebuild()
        self.stdout.write(
            f"Rebuilt the totals of {done['countries']} countries, {done['officials']} "
            f"officials and {done['trips']} trips."
        )
