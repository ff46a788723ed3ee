"""Itineraries: the day-by-day tables of government releases.

    December 24 Depart Narita
    25 Arrive Tel Aviv
       Meetings with Israeli officials
    26 Depart Amman

Each line that arrives at or departs from a place becomes an event of the
person the itinerary belongs to, dated by the day on its line or the last day
given above it. A sentence parser makes little of such lines; their layout
says it all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from trips.extraction.dates import MONTH, _make, _month
from trips.extraction.places import PlaceMention

_DAY = re.compile(
    rf"^[ \t]*(?:(?P<month>{MONTH})[ \t]+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b[ \t.:,)-]*",
    re.IGNORECASE,
)
_MOVE = re.compile(
    r"^[ \t]*(?:\((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\)[ \t]*)?"
    r"(?P<verb>Arrive|Arrival|Depart|Departure|Leave)s?\b(?:[ \t]+(?:in|at|from|for))?[ \t]+",
    re.IGNORECASE,
)


# "(1) Viet Nam (January 16)": a section of an overview, one country and its day.
_HEADING = re.compile(
    rf"^[ \t]*(?:\(?\d{{1,2}}[).]\s*)?(?P<place>[A-Z][\w'’ .-]{{2,40}}?)[ \t]*"
    rf"\((?P<month>{MONTH})[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\)[ \t]*$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Leg:
    """One line of an itinerary: arriving at or leaving ``place`` on ``day``."""

    start: int  # offset of the line in the text
    phase: str  # arrive | leave
    place: PlaceMention
    day: date | None


def itinerary_legs(text: str, places: list[PlaceMention], published: date | None) -> list[Leg]:
    """The legs of every itinerary table in ``text`` (at least two lines of them).

    >>> from trips.extraction.places import find_places
    >>> text = "Itinerary\\nMay 3 Depart Tokyo\\n4 Arrive Paris\\n Depart Paris\\n5 Arrive Rome\\n"
    >>> [(leg.phase, leg.place.text, leg.day.day) for leg in
    ...  itinerary_legs(text, find_places(text), date(2024, 5, 1))]
    [('leave', 'Tokyo', 3), ('arrive', 'Paris', 4), ('leave', 'Paris', 4), ('arrive', 'Rome', 5)]
    """
    legs: list[Leg] = []
    month: int | None = None
    day: int | None = None
    position = 0
    for line in text.splitlines(keepends=True):
        line_start, position = position, position + len(line)
        rest, offset = line, 0
        dated = _DAY.match(line)
        if dated and int(dated.group("day")) <= 31:
            if dated.group("month"):
                month = _month(dated.group("month"))
            new_day = int(dated.group("day"))
            if day is not None and new_day < day and not dated.group("month"):
                month = (month or (published.month if published else 1)) % 12 + 1  # 31 -> 1
            day = new_day
            offset = dated.end()
            rest = line[offset:]
        move = _MOVE.match(rest)
        if move is None:
            continue
        begin = line_start + offset + move.end()
        place = next((p for p in places if begin <= p.start < line_start + len(line)), None)
        if place is None or text[begin : place.start].strip(" \t,"):
            continue
        when = None
        if day is not None and published is not None:
            when = _make(published.year, month or published.month, day)
            if when is not None and (published - when).days > 200:
                when = _make(published.year + 1, month or published.month, day)
        phase = "arrive" if move.group("verb").lower().startswith("arriv") else "leave"
        legs.append(Leg(line_start, phase, place, when))
    if len(legs) >= 2:
        return legs
    return _headings(text, places, published)


def _headings(text: str, places: list[PlaceMention], published: date | None) -> list[Leg]:
    """Overview sections headed by a country and a day: a visit there that day."""
    legs = []
    for match in _HEADING.finditer(text):
        place = next((p for p in places if p.start == match.start("place") and not p.demonym), None)
        if place is None or published is None:
            continue
        day = _make(published.year, _month(match.group("month")), int(match.group("day")))
        if day is not None and (day - published).days > 200:
            day = _make(published.year - 1, day.month, day.day)
        legs.append(Leg(match.start(), "visit", place, day))
    return legs if len(legs) >= 2 else []
