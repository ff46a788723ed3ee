"""Decisions about which extracted trips and officials are the same.

Both the pure pipeline and the database import use these functions, so that
they merge identically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from trips.extraction.names import Identity, same_person
from trips.extraction.people import names_match, normalise_name, spelling_key
from trips.extraction.types import ExtractedMeeting, ExtractedOfficial, ExtractedStop, ExtractedTrip

# How far past its last known day an open-ended trip may still be reported.
_OPEN_END_SLACK = timedelta(days=4)

# Reports without dates this many days apart are taken to be different journeys.
_UNDATED_GAP_DAYS = 60

_STATUS_RANK = {"planned": 0, "ongoing": 1, "completed": 2}


def same_official(a: ExtractedOfficial, b: ExtractedOfficial) -> bool:
    """Same person under the identity rules of ``trips.extraction.names``.

    >>> same_official(ExtractedOfficial("Mohammed bin Zayed", country="AE"),
    ...               ExtractedOfficial("Mohamed bin Zayed", country="AE"))
    True
    """
    return same_person(_identity(a), _identity(b))


def _identity(official: ExtractedOfficial) -> Identity:
    return Identity(
        official.name, official.aliases, title=official.title, country=official.country or ""
    )


def _shared_traveller(a: ExtractedTrip, b: ExtractedTrip) -> bool:
    return any(
        names_match(x, y) or spelling_key(x) == spelling_key(y) or _short_form(x, y)
        for x in a.travelers
        for y in b.travelers
    )


def _short_form(a: str, b: str) -> bool:
    """A report that names a traveller by one name ("PM Suga") and one that gives the
    full name ("Suga Yoshihide"): the one name is the full name's first or last."""
    wa, wb = normalise_name(a).split(), normalise_name(b).split()
    if len(wa) == 1 and len(wb) > 1:
        return wa[0] in (wb[0], wb[-1])
    if len(wb) == 1 and len(wa) > 1:
        return wb[0] in (wa[0], wa[-1])
    return False


def _span(trip: ExtractedTrip) -> tuple[date, date] | None:
    days = [d for d in (trip.start, trip.end) if d] + [
        d for s in trip.stops for d in (s.arrive, s.depart) if d
    ]
    if not days:
        return None
    return min(days), max(days)


def trips_same_journey(
    a: ExtractedTrip,
    b: ExtractedTrip,
    *,
    a_published: date | None = None,
    b_published: date | None = None,
) -> bool:
    """Same traveller and overlapping dates, or shared stop countries when dates are missing.

    When dates are missing on either side, reports published far apart
    (``a_published``/``b_published``, optional) describe different journeys.

    >>> one = ExtractedTrip(travelers=("Ann Lee",), start=date(2024, 3, 1), end=date(2024, 3, 4),
    ...                     stops=(ExtractedStop("FR"),))
    >>> trips_same_journey(one, replace(one, start=date(2024, 3, 3), end=None))
    True
    >>> trips_same_journey(one, replace(one, start=date(2024, 5, 1), end=date(2024, 5, 2)))
    False
    """
    if not _shared_traveller(a, b):
        return False
    span_a, span_b = _span(a), _span(b)
    if span_a and span_b:
        # A trip whose end is not known yet may run on past its last known day.
        slack_a = _OPEN_END_SLACK if a.end is None else timedelta(0)
        slack_b = _OPEN_END_SLACK if b.end is None else timedelta(0)
        return span_a[0] <= span_b[1] + slack_b and span_b[0] <= span_a[1] + slack_a
    if _far_apart(span_a, a_published, span_b, b_published):
        return False
    countries_a = {s.country for s in a.stops}
    return bool(countries_a & {s.country for s in b.stops})


def _far_apart(
    span_a: tuple[date, date] | None,
    published_a: date | None,
    span_b: tuple[date, date] | None,
    published_b: date | None,
) -> bool:
    """True when what is known of two undated-or-dated reports lies months apart."""
    points_a = [d for d in (span_a or ()) if d] or ([published_a] if published_a else [])
    points_b = [d for d in (span_b or ()) if d] or ([published_b] if published_b else [])
    if not points_a or not points_b:
        return False
    gap = min(abs((x - y).days) for x in points_a for y in points_b)
    return gap > _UNDATED_GAP_DAYS


def _stop_matches(base: ExtractedStop, new: ExtractedStop) -> bool:
    if base.country != new.country:
        return False
    if base.city and new.city:
        return base.city.casefold() == new.city.casefold()
    return True


def _merge_stop(base: ExtractedStop, new: ExtractedStop, prefer_new: bool) -> ExtractedStop:
    city_source = base if base.city else new
    return replace(
        base,
        city=city_source.city,
        latitude=city_source.latitude,
        longitude=city_source.longitude,
        arrive=(new.arrive or base.arrive) if prefer_new else (base.arrive or new.arrive),
        depart=(new.depart or base.depart) if prefer_new else (base.depart or new.depart),
        evidence=tuple(dict.fromkeys(base.evidence + new.evidence)),
    )


def _merge_stops(
    base: tuple[ExtractedStop, ...], new: tuple[ExtractedStop, ...], prefer_new: bool
) -> tuple[ExtractedStop, ...]:
    stops = list(base)
    insert_at = 0
    for stop in new:
        exact = [
            i for i, s in enumerate(stops) if _stop_matches(s, stop) and (s.city or not stop.city)
        ]
        loose = [i for i, s in enumerate(stops) if _stop_matches(s, stop)]
        hits = exact or loose
        if hits:
            index = hits[0]
            stops[index] = _merge_stop(stops[index], stop, prefer_new)
            insert_at = index + 1
        else:
            stops.insert(insert_at, stop)
            insert_at += 1
    return tuple(stops)


def _merge_meetings(
    base: tuple[ExtractedMeeting, ...], new: tuple[ExtractedMeeting, ...]
) -> tuple[ExtractedMeeting, ...]:
    meetings = list(base)
    for meeting in new:
        same = [
            i
            for i, m in enumerate(meetings)
            if m.country == meeting.country
            and all(
                any(names_match(p, q) or spelling_key(p) == spelling_key(q) for q in m.participants)
                for p in meeting.participants
            )
        ]
        if same:
            old = meetings[same[0]]
            meetings[same[0]] = replace(
                old, date=old.date or meeting.date, city=old.city or meeting.city
            )
        else:
            meetings.append(meeting)
    return tuple(meetings)


def _union_names(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    names = list(a)
    for name in b:
        same = [
            i
            for i, n in enumerate(names)
            if names_match(name, n) or spelling_key(name) == spelling_key(n) or _short_form(name, n)
        ]
        if not same:
            names.append(name)
        elif len(name.split()) > len(names[same[0]].split()):
            names[same[0]] = name  # the full name over the one the other report used
    return tuple(names)


def trip_merge(
    base: ExtractedTrip,
    new: ExtractedTrip,
    *,
    base_published: date | None,
    new_published: date | None,
) -> ExtractedTrip:
    """Fold ``new`` (a later or undated report) into ``base``.

    Stops and meetings are united in travel order, null dates filled (the
    later report's dates win), status follows the later report, and an
    undated report can only move the status forward; cancellation wins.

    >>> a = ExtractedTrip(travelers=("Ann Lee",), stops=(ExtractedStop("FR"),), sources=("a",))
    >>> stops = (ExtractedStop("FR", city="Paris"), ExtractedStop("DE"))
    >>> b = ExtractedTrip(travelers=("Ann Lee",), status="completed", stops=stops, sources=("b",))
    >>> m = trip_merge(a, b, base_published=date(2024, 1, 1), new_published=None)
    >>> [(s.country, s.city) for s in m.stops], m.status, m.sources
    ([('FR', 'Paris'), ('DE', None)], 'completed', ('a', 'b'))
    """
    newer = new_published is None or base_published is None or new_published >= base_published
    prefer_new = newer
    if "cancelled" in (base.status, new.status):
        status = "cancelled"
    elif new_published is None or base_published is None:
        status = max(base.status, new.status, key=lambda s: _STATUS_RANK.get(s, 0))
    else:
        status = new.status if newer else base.status
    stops = _merge_stops(base.stops, new.stops, prefer_new)
    start = (new.start or base.start) if prefer_new else (base.start or new.start)
    end = (new.end or base.end) if prefer_new else (base.end or new.end)
    # The journey starts on arriving at its first stop and ends on leaving its last,
    # when one report or the other says when; it never starts after a stop's arrival.
    if stops and stops[0].arrive:
        start = stops[0].arrive
    arrivals = [s.arrive for s in stops if s.arrive]
    if start and arrivals and min(arrivals) < start:
        start = min(arrivals)
    if stops and stops[-1].depart and (end is None or stops[-1].depart > end):
        end = stops[-1].depart
    if start and end and end < start:
        end = None
    return replace(
        base,
        travelers=_union_names(base.travelers, new.travelers),
        status=status,
        start=start,
        end=end,
        stops=stops,
        meetings=_merge_meetings(base.meetings, new.meetings),
        start_evidence=base.start_evidence + new.start_evidence,
        end_evidence=base.end_evidence + new.end_evidence,
        evidence=base.evidence + new.evidence,
        sources=tuple(dict.fromkeys(base.sources + new.sources)),
    )


def merge_article_trips(
    known: list[tuple[ExtractedTrip, date | None]],
    article_trips: Iterable[ExtractedTrip],
    published: date | None,
) -> list[tuple[ExtractedTrip, date | None]]:
    """Merge one article's trips into ``known`` (trip, latest publication) pairs.

    Each known trip absorbs at most one trip of the same article: an article's
    distinct trips are distinct journeys.

    >>> t = ExtractedTrip(travelers=("Ann Lee",), stops=(ExtractedStop("FR"),))
    >>> len(merge_article_trips([(t, None)], [t, t], None))
    2
    """
    result = list(known)
    absorbed: set[int] = set()
    for trip in article_trips:
        target = None
        for index, (existing, existing_published) in enumerate(result):
            if index in absorbed or index >= len(known):
                continue
            if trips_same_journey(
                existing, trip, a_published=existing_published, b_published=published
            ):
                target = index
                break
        if target is None:
            result.append((trip, published))
            absorbed.add(len(result) - 1)
            continue
        existing, existing_published = result[target]
        merged = trip_merge(
            existing, trip, base_published=existing_published, new_published=published
        )
        latest = max((d for d in (existing_published, published) if d), default=None)
        result[target] = (merged, latest)
        absorbed.add(target)
    return result
