"""Travel totals as the State Department's travel pages show them.

Pure functions over plain values (coordinates, dates, country codes), so the
pages and the API compute the same figures and tests need no database.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
KM_PER_MILE = 1.609344

Point = tuple[float, float]  # (latitude, longitude) in degrees


def great_circle_km(a: Point, b: Point) -> float:
    """Distance between two points along the Earth's surface (haversine).

    >>> round(great_circle_km((35.69, 139.69), (37.57, 126.98)))
    1152
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def route_km(points: Sequence[Point | None], *, home: Point | None = None) -> float:
    """Length of the great-circle legs through ``points`` in order.

    Stops without coordinates are skipped (the leg runs from the last known
    point to the next). With ``home``, the route starts and ends there, as a
    trip from the capital and back does.

    >>> route_km([(0.0, 0.0), None, (0.0, 1.0)]) == great_circle_km((0, 0), (0, 1))
    True
    """
    known = [point for point in points if point is not None]
    if home is not None and known:
        known = [home, *known, home]
    return sum(great_circle_km(a, b) for a, b in zip(known, known[1:], strict=False))


def distance_flown_km(
    routes: Iterable[Sequence[Point | None]], *, home: Point | None = None
) -> float:
    """Total of ``route_km`` over several trips (each a list of stop points).

    >>> distance_flown_km([[(0.0, 0.0), (0.0, 1.0)], [(0.0, 1.0), (0.0, 0.0)]]) > 222
    True
    """
    return sum(route_km(points, home=home) for points in routes)


def km_to_miles(km: float) -> float:
    """Kilometres to statute miles.

    >>> round(km_to_miles(1.609344), 3)
    1.0
    """
    return km / KM_PER_MILE


def days_abroad(spans: Iterable[tuple[date | None, date | None]]) -> int:
    """Calendar days covered by the spans (first and last day counted).

    Overlapping trips count once; a span with one known date counts that day;
    a span with no dates counts nothing (its length is unknown).

    >>> days_abroad([(date(2025, 1, 5), date(2025, 1, 9)), (date(2025, 1, 8), date(2025, 1, 10))])
    6
    """
    ranges = []
    for start, end in spans:
        first, last = start or end, end or start
        if first is not None and last is not None:
            ranges.append((first, last))
    total = 0
    current: tuple[date, date] | None = None
    for first, last in sorted(ranges):
        if current is not None and first <= current[1] + timedelta(days=1):
            current = (current[0], max(current[1], last))
            continue
        if current is not None:
            total += (current[1] - current[0]).days + 1
        current = (first, last)
    if current is not None:
        total += (current[1] - current[0]).days + 1
    return total


def visits_per_country(trips: Iterable[Iterable[str]]) -> list[tuple[str, int]]:
    """Visits per country code, most visited first, from each trip's stop countries.

    A trip counts once for a country however many of its stops are there,
    as the State Department lists visits.

    >>> visits_per_country([["JP", "KR", "JP"], ["JP"], ["FR"]])
    [('JP', 2), ('FR', 1), ('KR', 1)]
    """
    counts: Counter[str] = Counter()
    for countries in trips:
        counts.update(set(countries))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def visits_by_year(dates: Iterable[date | None]) -> list[tuple[int | None, int]]:
    """How many visits fall in each year, newest first; unknown dates last as ``None``.

    >>> visits_by_year([date(2024, 1, 1), None, date(2025, 2, 1), date(2024, 5, 1)])
    [(2025, 1), (2024, 2), (None, 1)]
    """
    counts = Counter(day.year if day else None for day in dates)
    known = sorted(((year, n) for year, n in counts.items() if year is not None), reverse=True)
    return known + ([(None, counts[None])] if None in counts else [])
