"""Template filters for the pages: dates, distances, status notes.

Each filter is a one-line wrapper around a plain function defined here,
which tests call directly.
"""

from __future__ import annotations

from datetime import date

from django import template
from django.utils import timezone

from trips.countries import country_name as _country_name
from trips.models import Trip

register = template.Library()


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def format_date_range(start: date | None, end: date | None, unknown: str = "dates unknown") -> str:
    """A span of days written as people write it.

    >>> format_date_range(date(2025, 1, 5), date(2025, 1, 9))
    '5–9 January 2025'
    >>> format_date_range(date(2025, 1, 30), date(2025, 2, 2))
    '30 January – 2 February 2025'
    >>> format_date_range(None, date(2025, 2, 2))
    'until 2 February 2025'
    """
    if start and end:
        if start == end:
            return _day(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{_day(end)}"
        if start.year == end.year:
            return f"{start.day} {start:%B} – {_day(end)}"
        return f"{_day(start)} – {_day(end)}"
    if start:
        return f"from {_day(start)}"
    if end:
        return f"until {_day(end)}"
    return unknown


def status_note(
    status: str, start: date | None, end: date | None, as_of: date | None, today: date
) -> str:
    """Says plainly when a planned or ongoing trip's dates passed with no later report.

    >>> status_note("planned", date(2025, 1, 5), date(2025, 1, 9), None, date(2025, 3, 1))
    'Planned for 5–9 January 2025; no report since.'
    >>> status_note("planned", date(2025, 1, 5), date(2025, 1, 9), None, date(2025, 1, 6))
    ''
    """
    last_day = end or start
    if status not in (Trip.Status.PLANNED, Trip.Status.ONGOING) or last_day is None:
        return ""
    if last_day >= today or (as_of is not None and as_of > last_day):
        return ""
    since = f" {_day(as_of)}" if as_of else ""
    when = format_date_range(start, end)
    if status == Trip.Status.PLANNED:
        return f"Planned for {when}; no report since{since}."
    return f"Reported under way ({when}); no report since{since}."


def stop_dates(arrive: date | None, depart: date | None) -> str:
    """>>> stop_dates(None, None)
    'date unknown'
    """
    return format_date_range(arrive, depart, unknown="date unknown")


def format_number(value: float) -> str:
    """A whole number with thousands separators.

    >>> format_number(12345.6)
    '12,346'
    """
    return f"{round(value):,}"


@register.filter
def daterange(trip: Trip) -> str:
    return format_date_range(trip.start_date, trip.end_date)


@register.filter
def stopdates(stop) -> str:
    return stop_dates(stop.arrive_date, stop.depart_date)


@register.filter
def countryname(code: str) -> str:
    return _country_name(code) if code else ""


@register.filter
def number(value: float) -> str:
    return format_number(value)


@register.simple_tag
def trip_status_note(trip: Trip) -> str:
    return status_note(
        trip.status, trip.start_date, trip.end_date, trip.status_as_of, timezone.localdate()
    )
