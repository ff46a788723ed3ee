"""The rows of the trips list, built from column values.

A 50-trip page embeds about 500 related rows (travellers, stops, evidence
and its articles). Making a model instance of each and passing it through
the nested serializers took about two thirds of the response time; here the
same columns are read with ``values_list()`` (four queries for any page) and
turned straight into the representation that ``TripSerializer`` documents.
``tests/test_api_rows.py`` holds the two to the same output, field for field,
so a field added to the serializer and not here fails there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from rest_framework import serializers

from trips.countries import country_name
from trips.models import Evidence, Stop, Trip
from trips.serializers import link_template

# The columns of a trip the row shows; a queryset of trips is read with
# ``.values(*TRIP_COLUMNS)`` before it is paged.
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

# DRF's representation of a timestamp (time zone and format from the settings).
_TIMESTAMP = serializers.DateTimeField()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _linker(context: dict[str, Any], route: str, kwarg: str = "pk"):
    prefix, suffix = link_template(context, route, kwarg)
    return lambda key: f"{prefix}{key}{suffix}"


def _grouped(rows: Iterable[tuple], build) -> dict[int, list[dict[str, Any]]]:
    """``{trip id: [build(row), ...]}`` for rows whose first column is the trip id."""
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(build(row))
    return groups


def trip_rows(trips: list[dict[str, Any]], context: dict[str, Any]) -> list[dict[str, Any]]:
    """The list representation of ``trips`` (dicts of ``TRIP_COLUMNS``), in their order.

    ``context`` is the serializer context: its request makes the links absolute.
    """
    ids = [trip["id"] for trip in trips]
    official_url = _linker(context, "api:official-detail", "slug")
    article_url = _linker(context, "api:article-detail")
    trip_url = _linker(context, "api:trip-detail")
    page_url = _linker(context, "trips:trip-detail")

    links = (
        Trip.officials.through.objects.filter(trip_id__in=ids)
        .order_by("official__name", "official_id")
        .values_list(
            "trip_id",
            "official_id",
            "official__slug",
            "official__name",
            "official__title",
            "official__country",
        )
    )
    travellers = _grouped(
        links,
        lambda r: {
            "id": r[1],
            "slug": r[2],
            "name": r[3],
            "title": r[4],
            "country": r[5],
            "api_url": official_url(r[2]),
        },
    )

    found = (
        Stop.objects.filter(trip_id__in=ids)
        .order_by("trip_id", "order")
        .values_list(
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
    )
    stops = _grouped(
        found,
        lambda r: {
            "id": r[1],
            "order": r[2],
            "country": r[3],
            "country_name": country_name(r[3]),
            "city": r[4],
            "latitude": r[5],
            "longitude": r[6],
            "arrive_date": _day(r[7]),
            "depart_date": _day(r[8]),
        },
    )

    sources: dict[int, list[int]] = defaultdict(list)
    rows = Trip.articles.through.objects.filter(trip_id__in=ids).order_by("article_id")
    for trip_id, article_id in rows.values_list("trip_id", "article_id"):
        sources[trip_id].append(article_id)

    # Evidence keeps its model ordering (by article, then place in the text).
    articles: dict[int, dict[str, Any]] = {}

    def article(r: tuple) -> dict[str, Any]:
        if r[5] not in articles:
            articles[r[5]] = {
                "id": r[5],
                "external_id": r[6],
                "title": r[7],
                "url": r[8],
                "source": r[9],
                "published": _day(r[10]),
                "api_url": article_url(r[5]),
            }
        return articles[r[5]]

    sentences = Evidence.objects.filter(trip_id__in=ids).values_list(
        "trip_id",
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
    evidence = _grouped(
        sentences,
        lambda r: {
            "fact": r[1],
            "sentence": r[2],
            "start_offset": r[3],
            "end_offset": r[4],
            "article": dict(article(r)),
        },
    )

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
