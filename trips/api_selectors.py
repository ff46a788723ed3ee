"""Querysets of the API, prefetched for the serializers of ``trips.serializers``.

Each returns a queryset whose rows need no further query when serialized,
so a list costs the same few queries however long it is.
"""

from __future__ import annotations

from django.db.models import Count, F, Max, Min, Prefetch, QuerySet
from django.db.models.functions import Coalesce

from trips.models import (
    Article,
    CountryVisits,
    Evidence,
    Meeting,
    Official,
    RecordTotals,
    Stop,
    Trip,
)


def _evidence(lookup: str = "evidence") -> Prefetch:
    return Prefetch(lookup, queryset=Evidence.objects.with_article())


def _ordered_stops(*, with_evidence: bool) -> Prefetch:
    stops = Stop.objects.order_by("order")
    if with_evidence:
        stops = stops.prefetch_related(_evidence())
    return Prefetch("stops", queryset=stops)


def _travellers(lookup: str = "officials") -> Prefetch:
    return Prefetch(lookup, queryset=Official.objects.order_by("name"))


def officials_listed() -> QuerySet[Official]:
    """Officials with their trip and country counts and their evidence.

    The counts are the stored totals (``trips.totals``): one join, whatever
    the number of trips; trips and stops that count (``Trip.COUNTED``), as on
    the pages.
    """
    return Official.objects.annotate(
        trip_count=Coalesce(F("totals__trip_count"), 0),
        countries_visited=Coalesce(F("totals__countries_visited"), 0),
    ).prefetch_related(_evidence())


def official_detailed() -> QuerySet[Official]:
    trips = Trip.objects.order_by(F("start_date").desc(nulls_last=True), "-id")
    return officials_listed().prefetch_related(Prefetch("trips", queryset=trips))


def trips_listed() -> QuerySet[Trip]:
    """Trips newest first; a page's rows are built by ``trips.api_rows``."""
    return Trip.objects.order_by(F("start_date").desc(nulls_last=True), "-id")


def trip_detailed() -> QuerySet[Trip]:
    meetings = Meeting.objects.order_by(F("date").asc(nulls_last=True), "id").prefetch_related(
        _travellers("participants"), _evidence()
    )
    return Trip.objects.prefetch_related(
        _travellers(),
        _ordered_stops(with_evidence=True),
        Prefetch("meetings", queryset=meetings),
        Prefetch(
            "articles", queryset=Article.objects.defer(*Article.BODY).order_by("published", "id")
        ),
        _evidence(),
    )


def stops_listed() -> QuerySet[Stop]:
    return (
        Stop.objects.select_related("trip")
        .prefetch_related(_travellers("trip__officials"), _evidence())
        .order_by(F("arrive_date").desc(nulls_last=True), "trip_id", "order")
    )


def stops_counted() -> int | None:
    """The record's number of stops, as stored (``trips.totals``); None if never stored."""
    return (
        RecordTotals.objects.filter(pk=RecordTotals.ONLY)
        .values_list("stop_count", flat=True)
        .first()
    )


def trips_counted() -> int | None:
    """The record's number of trips, as stored (``trips.totals``); None if never stored."""
    return (
        RecordTotals.objects.filter(pk=RecordTotals.ONLY)
        .values_list("trip_count", flat=True)
        .first()
    )


def meetings_counted() -> int | None:
    """The record's number of meetings, as stored (``trips.totals``); None if never stored."""
    return (
        RecordTotals.objects.filter(pk=RecordTotals.ONLY)
        .values_list("meeting_count", flat=True)
        .first()
    )


def trips_in_country_counted(code: str) -> int:
    """How many trips (of any status) have a stop in this country.

    The number of rows ``?country=`` lists, counted as the distinct trips of
    the country's stops (read off ``stop_country_trip_idx`` alone), not by
    matching every trip against them.
    """
    return Stop.objects.in_country(code).values("trip_id").distinct().count()


def meetings_listed() -> QuerySet[Meeting]:
    """Meetings newest first; a page's rows are built by ``trips.api_rows``."""
    return Meeting.objects.order_by(F("date").desc(nulls_last=True), "id")


def meeting_detailed() -> QuerySet[Meeting]:
    return (
        meetings_listed()
        .select_related("trip", "stop")
        .prefetch_related(_travellers("trip__officials"), _travellers("participants"), _evidence())
    )


def articles_listed() -> QuerySet[Article]:
    return (
        Article.objects.defer(*Article.BODY)
        .prefetch_related(Prefetch("trips", queryset=Trip.objects.only("id").order_by("id")))
        .order_by(F("published").desc(nulls_last=True), "id")
    )


def article_detailed() -> QuerySet[Article]:
    facts = Evidence.objects.select_related("official", "trip", "stop", "meeting").order_by(
        "start_offset", "id"
    )
    return articles_listed().prefetch_related(Prefetch("evidence", queryset=facts))


def countries_listed() -> QuerySet:
    """One row per visited country, from the stored totals (``trips.totals``).

    The same rows as ``countries_visited()`` computes from the stops.
    """
    return CountryVisits.objects.order_by("code").values(
        "code", "visit_count", "trip_count", "first_visit", "last_visit"
    )


def countries_visited(stops: QuerySet[Stop] | None = None) -> QuerySet:
    """One row per visited country: code, visit and trip counts, first and last arrival.

    Only the visits that count (``Stop.objects.travelled()``), as on the pages.
    """
    stops = Stop.objects.all() if stops is None else stops
    return (
        stops.travelled()
        .order_by()
        .values(code=F("country"))
        .annotate(
            visit_count=Count("pk"),
            trip_count=Count("trip", distinct=True),
            first_visit=Min("arrive_date"),
            last_visit=Max("arrive_date"),
        )
        .order_by("code")
    )


def country_visits(code: str) -> QuerySet[Stop]:
    """The stops made in one country that count (travelled), newest first, with travellers."""
    return (
        Stop.objects.travelled()
        .in_country(code)
        .select_related("trip")
        .prefetch_related(_travellers("trip__officials"))
        .order_by(F("arrive_date").desc(nulls_last=True), "-trip_id")
    )
