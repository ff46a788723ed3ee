"""The rows of the trips and meetings lists, built from column values.

A 50-trip page embeds about 500 related rows (travellers, stops, evidence
and its articles). Making a model instance of each and passing it through
the nested serializers took about two thirds of the response time, and the
reference cycles of prefetched instances left the garbage collector pauses
of tens of milliseconds to make. Here the same columns are read with
``values_list()`` (a fixed number of queries for any page) and turned
straight into the representation that ``TripSerializer`` and
``MeetingSerializer`` document. ``tests/test_api_rows.py`` holds each list
to its serializer's output, field for field, so a field added to a
serializer and not here fails there. Rows are only rendered, never changed,
so a summary that stands in several rows (an article, a trip's travellers)
is one shared dict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from django.db.models import F, QuerySet
from rest_framework import serializers

from trips.countries import country_name
from trips.models import Evidence, Meeting, Official, Stop, Trip
from trips.serializers import link_template

Row = dict[str, Any]

# The columns of a trip or a meeting its row shows; a filtered queryset is
# read with ``.values(*COLUMNS)`` before it is paged.
TRIP_COLUMNS = (
    "id",
    "title",
    "status",
    "status_as_of",
    "start_date",
    "end_date",
    "summary",
    "edited_by_person",
    "created_at",
    "updated_at",
)
MEETING_COLUMNS = (
    "id",
    "trip_id",
    "date",
    "stop_id",
    "stop__country",
    "stop__city",
    "description",
    "edited_by_person",
)

# DRF's representation of a timestamp (time zone and format from the settings).
_TIMESTAMP = serializers.DateTimeField()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _grouped(rows: Iterable[tuple], build: Callable[[tuple], Any]) -> dict[int, list]:
    """``{key: [build(row), ...]}`` for rows whose first column is the key."""
    groups: dict[int, list] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(build(row))
    return groups


def _stop(r: tuple) -> Row:
    """A stop's summary (``StopRefSerializer``) from a row of ``_STOP_COLUMNS``."""
    return {
        "id": r[1],
        "order": r[2],
        "country": r[3],
        "country_name": country_name(r[3]),
        "city": r[4],
        "latitude": r[5],
        "longitude": r[6],
        "arrive_date": _day(r[7]),
        "depart_date": _day(r[8]),
    }


_STOP_COLUMNS = (
    "trip_id",
    "id",
    "order",
    "country",
    "city",
    "latitude",
    "longitude",
    "arrive_date",
    "depart_date",
)


def _stops(stops: QuerySet) -> dict[int, list[Row]]:
    """Stop summaries by trip, in route order."""
    return _grouped(stops.order_by("trip_id", "order").values_list(*_STOP_COLUMNS), _stop)


class _Builder:
    """The summaries embedded in a page's rows, with links absolute for the request."""

    def __init__(self, context: dict[str, Any]):
        self.context = context
        self.official_url = self.linker("api:official-detail", "slug")
        self.article_url = self.linker("api:article-detail")
        self.articles: dict[int, Row] = {}

    def linker(self, route: str, kwarg: str = "pk") -> Callable[[Any], str]:
        prefix, suffix = link_template(self.context, route, kwarg)
        return lambda key: f"{prefix}{key}{suffix}"

    def officials(self, links: QuerySet, key: str) -> dict[int, list[Row]]:
        """Official summaries by ``key``, from rows of a many-to-many table with officials."""
        rows = links.order_by("official__name", "official_id").values_list(
            key,
            "official_id",
            "official__slug",
            "official__name",
            "official__title",
            "official__country",
        )
        return _grouped(
            rows,
            lambda r: {
                "id": r[1],
                "slug": r[2],
                "name": r[3],
                "title": r[4],
                "country": r[5],
                "api_url": self.official_url(r[2]),
            },
        )

    def evidence(self, key: str, ids: list[int]) -> dict[int, list[Row]]:
        """The sentences supporting each object, by its id (``key`` is ``trip_id``, ...)."""
        rows = Evidence.objects.filter(**{f"{key}__in": ids}).values_list(
            key,
            "fact",
            "sentence",
            "start_offset",
            "end_offset",
            "article_id",
            "article__external_id",
            "article__title",
            "article__url",
            "article__source",
            "article__published",
        )
        # Evidence keeps its model ordering (by article, then place in the text).
        return _grouped(
            rows,
            lambda r: {
                "fact": r[1],
                "sentence": r[2],
                "start_offset": r[3],
                "end_offset": r[4],
                "article": self.article(r[5:]),
            },
        )

    def article(self, r: tuple) -> Row:
        """An article's summary, built once per page however much evidence cites it."""
        if r[0] not in self.articles:
            self.articles[r[0]] = {
                "id": r[0],
                "external_id": r[1],
                "title": r[2],
                "url": r[3],
                "source": r[4],
                "published": _day(r[5]),
                "api_url": self.article_url(r[0]),
            }
        return self.articles[r[0]]

    def travellers(self, trip_ids: Iterable[int]) -> dict[int, list[Row]]:
        links = Trip.officials.through.objects.filter(trip_id__in=set(trip_ids))
        return self.officials(links, "trip_id")


def trip_rows(trips: list[Row], context: dict[str, Any]) -> list[Row]:
    """The list representation of ``trips`` (dicts of ``TRIP_COLUMNS``), in their order.

    ``context`` is the serializer context: its request makes the links absolute.
    """
    ids = [trip["id"] for trip in trips]
    build = _Builder(context)
    trip_url = build.linker("api:trip-detail")
    page_url = build.linker("trips:trip-detail")
    travellers = build.travellers(ids)
    stops = _stops(Stop.objects.filter(trip_id__in=ids))
    sources = _grouped(
        Trip.articles.through.objects.filter(trip_id__in=ids)
        .order_by("article_id")
        .values_list("trip_id", "article_id"),
        lambda r: r[1],
    )
    evidence = build.evidence("trip_id", ids)
    return [
        {
            "id": trip["id"],
            "title": trip["title"],
            "status": trip["status"],
            "status_as_of": _day(trip["status_as_of"]),
            "start_date": _day(trip["start_date"]),
            "end_date": _day(trip["end_date"]),
            "summary": trip["summary"],
            "travellers": travellers[trip["id"]],
            "stops": stops[trip["id"]],
            "articles": sources[trip["id"]],
            "edited_by_person": trip["edited_by_person"],
            "created_at": _TIMESTAMP.to_representation(trip["created_at"]),
            "updated_at": _TIMESTAMP.to_representation(trip["updated_at"]),
            "api_url": trip_url(trip["id"]),
            "html_url": page_url(trip["id"]),
            "evidence": evidence[trip["id"]],
        }
        for trip in trips
    ]


def meeting_rows(meetings: list[Row], context: dict[str, Any]) -> list[Row]:
    """The list representation of ``meetings`` (dicts of ``MEETING_COLUMNS``), in their order."""
    ids = [meeting["id"] for meeting in meetings]
    build = _Builder(context)
    trip_url = build.linker("api:trip-detail")
    travellers = build.travellers(meeting["trip_id"] for meeting in meetings)
    met = Meeting.participants.through.objects.filter(meeting_id__in=ids)
    participants = build.officials(met, "meeting_id")
    evidence = build.evidence("meeting_id", ids)
    return [
        {
            "id": meeting["id"],
            "trip": meeting["trip_id"],
            "trip_url": trip_url(meeting["trip_id"]),
            "travellers": travellers[meeting["trip_id"]],
            "date": _day(meeting["date"]),
            "stop": meeting["stop_id"],
            "country": meeting["stop__country"],
            "city": meeting["stop__city"],
            "participants": participants[meeting["id"]],
            "description": meeting["description"],
            "edited_by_person": meeting["edited_by_person"],
            "evidence": evidence[meeting["id"]],
        }
        for meeting in meetings
    ]


# The columns of a visit hosted its row shows (``HostedVisitSerializer``'s trip).
HOSTED_COLUMNS = ("id", "title", "status", "start_date", "end_date")


def hosted_visit_rows(
    trips: list[Row], *, official: Official, context: dict[str, Any]
) -> list[Row]:
    """The representation ``HostedVisitSerializer`` gives of the visits an official
    hosted (dicts of ``HOSTED_COLUMNS``, a page of ``selectors.official_hosted_trips``)."""
    ids = [trip["id"] for trip in trips]
    build = _Builder(context)
    trip_url = build.linker("api:trip-detail")
    travellers = build.travellers(ids)
    stops = _stops(Stop.objects.filter(trip_id__in=ids, country=official.country or "-"))
    met = _grouped(
        Meeting.objects.filter(trip_id__in=ids, participants=official)
        .order_by(F("date").asc(nulls_last=True), "id")
        .values_list("trip_id", "id"),
        lambda r: r[1],
    )
    said_at_meetings = build.evidence("meeting_id", [m for found in met.values() for m in found])
    said_at_stops = build.evidence("stop_id", [s["id"] for found in stops.values() for s in found])
    return [
        {
            "trip": {
                "id": trip["id"],
                "title": trip["title"],
                "status": trip["status"],
                "start_date": _day(trip["start_date"]),
                "end_date": _day(trip["end_date"]),
                "api_url": trip_url(trip["id"]),
            },
            "travellers": travellers[trip["id"]],
            "met": bool(met[trip["id"]]),
            "stops": stops[trip["id"]],
            # The meetings' sentences first, then the stops', as HostedVisit.evidence.
            "evidence": [e for m in met[trip["id"]] for e in said_at_meetings[m]]
            + [e for s in stops[trip["id"]] for e in said_at_stops[s["id"]]],
        }
        for trip in trips
    ]
