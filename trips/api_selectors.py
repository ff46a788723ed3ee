"""Querysets of the API, prefetched for the serializers of ``trips.serializers``.

Each returns a queryset whose rows need no further query when serialized,
so a list costs the same few queries however long it is.
"""

from __future__ import annotations

from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)

from trips.models import Article, Evidence, Meeting, Official, Stop, Trip


def _evidence(lookup: str = "evidence") -> Prefetch:
    return Prefetch(lookup, queryset=Evidence.objects.with_article())


def _ordered_stops(*, with_evidence: bool) -> Prefetch:
    stops = Stop.objects.order_by("order")
    if with_evidence:
        stops = stops.prefetch_related(_evidence())
    return Prefetch("stops", queryset=stops)


def _travellers(lookup: str = "officials") -> Prefetch:
    return Prefetch(lookup, queryset=Official.objects.order_by("name"))


class _Count(Subquery):
    """The number of rows of a subquery, as a column of the outer query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


def officials_listed() -> QuerySet[Official]:
    """Officials with their trip and country counts and their evidence.

    The counts are correlated subqueries on the official's rows of the
    travellers table, so they neither multiply rows nor read the trips table
    (reaching stops through ``trip__officials`` joined all of it per official).
    """
    # Trips and stops that count (Trip.COUNTED), as on the pages.
    trips = Trip.officials.through.objects.filter(
        official=OuterRef("pk"), trip__status__in=Trip.COUNTED
    ).values("trip_id")
    countries = (
        Stop.objects.filter(
            trip_id__in=Trip.officials.through.objects.filter(
                official=OuterRef(OuterRef("pk")), trip__status__in=Trip.COUNTED
            ).values("trip_id")
        )
        .order_by()
        .values("country")
        .distinct()
    )
    return Official.objects.annotate(
        trip_count=_Count(trips), countries_visited=_Count(countries)
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
