"""Querysets of the API, prefetched for the serializers of ``trips.serializers``.

Each returns a queryset whose rows need no further query when serialized,
so a list costs the same few queries however long it is.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, F, Max, Min, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from trips.models import Article, Evidence, Meeting, Official, Stop, Trip


def _evidence(lookup: str = "evidence") -> Prefetch:
    # The article's text is the bulk of its row and no representation shows it.
    evidence = Evidence.objects.select_related("article").defer("article__text")
    return Prefetch(lookup, queryset=evidence)


def _ordered_stops(*, with_evidence: bool) -> Prefetch:
    stops = Stop.objects.order_by("order")
    if with_evidence:
        stops = stops.prefetch_related(_evidence())
    return Prefetch("stops", queryset=stops)


def _travellers(lookup: str = "officials") -> Prefetch:
    return Prefetch(lookup, queryset=Official.objects.order_by("name"))


def officials_listed() -> QuerySet[Official]:
    """Officials with their trip and country counts and their evidence.

    The counts are correlated subqueries grouped on the official, so they
    neither multiply rows nor need DISTINCT over the whole list.
    """
    trips = (
        Trip.officials.through.objects.filter(official=OuterRef("pk"))
        .order_by()
        .values("official")
        .annotate(n=Count("trip"))
        .values("n")
    )
    countries = (
        Stop.objects.filter(trip__officials=OuterRef("pk"))
        .order_by()
        .values("trip__officials")
        .annotate(n=Count("country", distinct=True))
        .values("n")
    )
    return Official.objects.annotate(
        trip_count=Coalesce(Subquery(trips), 0),
        countries_visited=Coalesce(Subquery(countries), 0),
    ).prefetch_related(_evidence())


def official_detailed() -> QuerySet[Official]:
    trips = Trip.objects.order_by(F("start_date").desc(nulls_last=True), "-id")
    return officials_listed().prefetch_related(Prefetch("trips", queryset=trips))


def trips_listed() -> QuerySet[Trip]:
    """Trips newest first; a page's relations come from ``trips_attach_relations``."""
    return Trip.objects.order_by(F("start_date").desc(nulls_last=True), "-id")


_OFFICIAL_REF = ("id", "slug", "name", "title", "country")
_ARTICLE_REF = ("id", "external_id", "title", "url", "source", "published")
_EVIDENCE = ("fact", "sentence", "start_offset", "end_offset", "trip_id", "article_id")


def trips_attach_relations(trips: list[Trip]) -> None:
    """Load the travellers, stops, sources and evidence of a page of trips.

    Four queries, as ``prefetch_related`` would make, but the rows are
    grouped by hand: Django's prefetch builds a queryset per trip and
    relation, which costs more than the queries on a 50-trip page.
    """
    ids = [trip.pk for trip in trips]
    stops: dict[int, list[Stop]] = defaultdict(list)
    for stop in Stop.objects.filter(trip_id__in=ids).order_by("trip_id", "order"):
        stops[stop.trip_id].append(stop)
    # Only the columns the embedded summaries show (OfficialRefSerializer,
    # ArticleRefSerializer): aliases and timestamps cost more to decode than
    # the rest of the row.
    travellers: dict[int, list[Official]] = defaultdict(list)
    links = (
        Trip.officials.through.objects.filter(trip_id__in=ids)
        .select_related("official")
        .only(*(f"official__{name}" for name in _OFFICIAL_REF), "trip_id")
        .order_by("official__name", "official_id")
    )
    for link in links:
        travellers[link.trip_id].append(link.official)
    sources: dict[int, list[Article]] = defaultdict(list)
    rows = Trip.articles.through.objects.filter(trip_id__in=ids).order_by("article_id")
    for trip_id, article_id in rows.values_list("trip_id", "article_id"):
        sources[trip_id].append(Article(pk=article_id))
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    found = (
        Evidence.objects.filter(trip_id__in=ids)
        .select_related("article")
        .only(*_EVIDENCE, *(f"article__{name}" for name in _ARTICLE_REF))
    )
    for item in found:
        evidence[item.trip_id].append(item)
    for trip in trips:
        trip._prefetched_objects_cache = {
            "stops": stops[trip.pk],
            "officials": travellers[trip.pk],
            "articles": sources[trip.pk],
            "evidence": evidence[trip.pk],
        }


def trip_detailed() -> QuerySet[Trip]:
    meetings = Meeting.objects.order_by(F("date").asc(nulls_last=True), "id").prefetch_related(
        _travellers("participants"), _evidence()
    )
    return Trip.objects.prefetch_related(
        _travellers(),
        _ordered_stops(with_evidence=True),
        Prefetch("meetings", queryset=meetings),
        Prefetch("articles", queryset=Article.objects.defer("text").order_by("published", "id")),
        _evidence(),
    )


def stops_listed() -> QuerySet[Stop]:
    return (
        Stop.objects.select_related("trip")
        .prefetch_related(_travellers("trip__officials"), _evidence())
        .order_by(F("arrive_date").desc(nulls_last=True), "trip_id", "order")
    )


def meetings_listed() -> QuerySet[Meeting]:
    return (
        Meeting.objects.select_related("trip", "stop")
        .prefetch_related(_travellers("trip__officials"), _travellers("participants"), _evidence())
        .order_by(F("date").desc(nulls_last=True), "id")
    )


def articles_listed() -> QuerySet[Article]:
    return (
        Article.objects.defer("text")
        .prefetch_related(Prefetch("trips", queryset=Trip.objects.only("id").order_by("id")))
        .order_by(F("published").desc(nulls_last=True), "id")
    )


def article_detailed() -> QuerySet[Article]:
    facts = Evidence.objects.select_related("official", "trip", "stop", "meeting").order_by(
        "start_offset", "id"
    )
    return articles_listed().prefetch_related(Prefetch("evidence", queryset=facts))


def countries_visited(stops: QuerySet[Stop] | None = None) -> QuerySet:
    """One row per visited country: code, visit and trip counts, first and last arrival."""
    stops = Stop.objects.all() if stops is None else stops
    return (
        stops.order_by()
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
    """The stops made in one country, newest first, with trip and travellers."""
    return (
        Stop.objects.in_country(code)
        .select_related("trip")
        .prefetch_related(_travellers("trip__officials"))
        .order_by(F("arrive_date").desc(nulls_last=True), "-trip_id")
    )
