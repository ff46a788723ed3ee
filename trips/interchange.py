"""The database as the trip interchange JSON (see the evaluation sets' SCHEMA.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q

from trips.models import Article, Evidence, Meeting, Official, Stop, Trip


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def database_to_interchange(*, articles: Iterable[Article] | None = None) -> dict[str, Any]:
    """Every official and trip, or only those the given articles support.

    Officials are those named in an official role: with an ``official`` fact
    from some source, or corrected by an editor. People who appear only as
    meeting counterparts (the head of an international body, say) are not
    listed. Cancelled trips are exported with status ``cancelled``.
    """
    article_ids = None if articles is None else [a.pk for a in articles]
    trips = Trip.objects.prefetch_related(
        Prefetch("officials", queryset=Official.objects.order_by("pk")),
        Prefetch("articles", queryset=Article.objects.order_by("published", "external_id")),
        Prefetch("stops", queryset=Stop.objects.order_by("order")),
        Prefetch(
            "meetings",
            queryset=Meeting.objects.select_related("stop")
            .prefetch_related(Prefetch("participants", queryset=Official.objects.order_by("name")))
            .order_by("date", "id"),
        ),
    ).order_by("start_date", "id")
    named = Evidence.objects.filter(official=OuterRef("pk"), fact=Evidence.Fact.OFFICIAL)
    if article_ids is not None:
        trips = trips.filter(articles__in=article_ids).distinct()
        named = named.filter(article__in=article_ids)
        officials = Official.objects.filter(Exists(named))
    else:
        officials = Official.objects.filter(Q(Exists(named)) | Q(edited_by_person=True))
    return {
        "officials": [
            {"name": o.name, "title": o.title, "country": o.country or None}
            for o in officials.order_by("name")
        ],
        "trips": [trip_to_interchange(trip) for trip in trips],
    }


def trip_to_interchange(trip: Trip) -> dict[str, Any]:
    """One trip (with its relations prefetched) in the interchange shape."""
    return {
        "travelers": [o.name for o in trip.officials.all()],
        "status": trip.status,
        "start": _iso(trip.start_date),
        "end": _iso(trip.end_date),
        "stops": [
            {
                "country": stop.country,
                "city": stop.city or None,
                "arrive": _iso(stop.arrive_date),
                "depart": _iso(stop.depart_date),
            }
            for stop in trip.stops.all()
        ],
        "meetings": [
            {
                "participants": [p.name for p in meeting.participants.all()],
                "country": meeting.stop.country if meeting.stop else None,
                "city": (meeting.stop.city or None) if meeting.stop else None,
                "date": _iso(meeting.date),
            }
            for meeting in trip.meetings.all()
        ],
        "sources": [a.external_id for a in trip.articles.all()],
    }
