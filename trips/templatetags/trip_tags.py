"""Template filters for the pages: dates, distances, status notes.

Each filter is a one-line wrapper around a plain function defined here,
which tests call directly.
"""

from __future__ import annotations

from datetime import date
from html import escape

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

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


def _no_report_since(day: date, as_of: date | None) -> bool:
    return as_of is None or as_of <= day


def status_badge(
    status: str, start: date | None, end: date | None, as_of: date | None, today: date
) -> tuple[str, str]:
    """The status a badge shows: as reported, but a trip reported under way whose
    dates have passed with no report since is presumed completed.

    >>> status_badge("ongoing", date(2025, 1, 5), date(2025, 1, 9), None, date(2025, 3, 1))
    ('presumed', 'Presumed completed')
    >>> status_badge("ongoing", date(2025, 1, 5), date(2025, 1, 9), None, date(2025, 1, 8))
    ('ongoing', 'Ongoing')
    """
    last_day = end or start
    if (
        status == Trip.Status.ONGOING
        and last_day is not None
        and last_day < today
        and _no_report_since(last_day, as_of)
    ):
        return "presumed", "Presumed completed"
    return status, Trip.Status(status).label


def status_note(
    status: str, start: date | None, end: date | None, as_of: date | None, today: date
) -> str:
    """Says plainly when a planned or ongoing trip's dates came with no later report.

    >>> status_note("planned", date(2025, 1, 5), date(2025, 1, 9), None, date(2025, 3, 1))
    'Planned for 5–9 January 2025; no report since.'
    >>> status_note("planned", date(2025, 1, 5), date(2025, 1, 9), None, date(2025, 1, 6))
    'Due to begin 5 January 2025; no report since.'
    >>> status_note("planned", date(2025, 1, 5), date(2025, 1, 9), None, date(2025, 1, 5))
    ''
    """
    first_day, last_day = start or end, end or start
    if status not in (Trip.Status.PLANNED, Trip.Status.ONGOING) or last_day is None:
        return ""
    since = f" {_day(as_of)}" if as_of else ""
    if last_day < today and _no_report_since(last_day, as_of):
        when = format_date_range(start, end) if start and end else _day(last_day)
        if status == Trip.Status.PLANNED:
            return f"Planned for {when}; no report since{since}."
        return f"Reported under way ({when}); no report since{since}."
    if status == Trip.Status.PLANNED and first_day < today and _no_report_since(first_day, as_of):
        return f"Due to begin {_day(first_day)}; no report since{since}."
    return ""


def stop_dates(arrive: date | None, depart: date | None) -> str:
    """A stop's dates, or an honest "date unknown".

    >>> stop_dates(None, None)
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
def map_tiles() -> dict[str, str]:
    """The optional online tile layer of the maps (settings.MAP_TILE_URL), or nothing."""
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


@register.simple_tag
def trip_status(trip: Trip) -> str:
    key, label = status_badge(
        trip.status, trip.start_date, trip.end_date, trip.status_as_of, timezone.localdate()
    )
    return mark_safe(f'<span class="status status-{escape(key)}">{escape(label)}</span>')


@register.simple_tag
def trip_status_note(trip: Trip) -> str:
    return status_note(
        trip.status, trip.start_date, trip.end_date, trip.status_as_of, timezone.localdate()
    )


# Timelines list hundreds of rows and a trip page dozens of quotes. Writing
# those fragments in Python is ten times faster than a template include per
# row; every value goes through html.escape (what Django's escape does, minus
# its lazy-string wrapper, which costs more than the escaping here).


def trip_row_html(row) -> str:
    """One trip of an official's timeline (a ``selectors.TripRow``).

    >>> from types import SimpleNamespace as Row
    >>> print(trip_row_html(Row(dates="5 Jan", url="/trips/1/", title="<b>", status="planned",
    ...     status_label="Planned", route="", note="")))  # doctest: +NORMALIZE_WHITESPACE
    <li class="year-trip"><p class="year-trip-dates">5 Jan</p><div><a class="year-trip-title"
    href="/trips/1/">&lt;b&gt;</a> <span class="status status-planned">Planned</span></div></li>
    """
    route = (
        '<p class="trip-card-route"><span class="visually-hidden">Route: </span>'
        f"{escape(row.route)}</p>"
        if row.route
        else ""
    )
    note = f'<p class="note">{escape(row.note)}</p>' if row.note else ""
    return (
        f'<li class="year-trip"><p class="year-trip-dates">{escape(row.dates)}</p><div>'
        f'<a class="year-trip-title" href="{escape(row.url)}">{escape(row.title)}</a> '
        f'<span class="status status-{escape(row.status)}">{escape(row.status_label)}</span>'
        f"{route}{note}</div></li>"
    )


def visit_row_html(row, *, kind: str, country_prefix: str) -> str:
    """One row of a visits table (a ``selectors.VisitRow``); ``kind`` as the table's.

    >>> from types import SimpleNamespace as Row
    >>> print(visit_row_html(Row(country="JP", country_name="Japan", locales="", remarks="<b>",
    ...     trip_url="/trips/1/", dates="5 Jan", trip_title="T", status="completed"),
    ...     kind="official", country_prefix="/countries/"))  # doctest: +NORMALIZE_WHITESPACE
    <tr><td><a href="/countries/JP/">Japan</a></td><td><span class="unknown">not
    reported</span></td><td class="remarks">&lt;b&gt;</td><td class="dates-cell"><a
    href="/trips/1/">5 Jan<span class="visually-hidden">, trip: T</span></a></td></tr>
    """
    unknown = '<span class="unknown">not reported</span>'
    if kind == "country":
        people = "; ".join(
            f'<a href="{escape(t.url)}">{escape(t.name)}</a>' for t in row.travellers
        )
        first = f'<td>{people or unknown}</td><td class="from-cell">{escape(row.origin)}</td>'
    else:
        first = (
            f'<td><a href="{escape(country_prefix)}{escape(row.country)}/">'
            f"{escape(row.country_name)}</a></td>"
        )
    status = (
        f' <span class="status status-{escape(row.status)}">'
        f"{escape(Trip.Status(row.status).label)}</span>"
        if row.status and row.status not in Trip.COUNTED
        else ""
    )
    trip = f'<span class="visually-hidden">, trip: {escape(row.trip_title)}</span>'
    return (
        f"<tr>{first}<td>{escape(row.locales) if row.locales else unknown}</td>"
        f'<td class="remarks">{escape(row.remarks)}</td>'
        f'<td class="dates-cell"><a href="{escape(row.trip_url)}">{escape(row.dates)}{trip}</a>'
        f"{status}</td></tr>"
    )


def evidence_html(evidence, article_url: str) -> str:
    """The sentence a fact came from, with a link to it in its article."""
    article = evidence.article
    source = f", {escape(article.source)}" if article.source else ""
    published = (
        f', <time datetime="{article.published.isoformat()}">'
        f"{article.published.day} {article.published:%b %Y}</time>"
        if article.published
        else ""
    )
    return (
        f'<figure class="evidence"><blockquote><p>{escape(evidence.sentence)}</p></blockquote>'
        f'<figcaption>From <a href="{escape(article_url)}#e-{evidence.pk}">'
        f"{escape(article.title)}</a>{source}{published}</figcaption></figure>"
    )


def _status_html(
    status: str, start: date | None, end: date | None, as_of: date | None, today: date
) -> str:
    """What ``{% include "trips/includes/status.html" %}`` writes (the file ends in a newline)."""
    key, label = status_badge(status, start, end, as_of, today)
    return f'<span class="status status-{escape(key)}">{escape(label)}</span>\n'


def hosted_visit_html(visit, *, host: str, prefixes: dict[str, str], today: date) -> str:
    """One visit an official hosted (a ``selectors.HostedRow``), as the loop of
    ``trips/includes/official_life.html`` wrote it; ``host`` is the official's name.

    ``prefixes`` holds the addresses of officials, trips and articles without
    their last part (``url_prefixes``).
    """
    who = "; ".join(
        _person_link(person)
        + (f' <span class="from">from {escape(person.country)}</span>' if person.code else "")
        for person in visit.travellers
    )
    met = f' <span class="met-badge">met {escape(host)}</span>' if visit.met else ""
    quotes = visit.evidence
    evidence = (
        '<details class="trip-evidence"><summary>Evidence '
        f'<span class="count">{len(quotes)}</span></summary>'
        f"{quotes_html(quotes, prefixes['article'])}</details>"
        if quotes
        else ""
    )
    status = _status_html(visit.status, visit.start_date, visit.end_date, visit.status_as_of, today)
    return (
        '\n      <li class="year-trip">\n'
        '        <p class="year-trip-dates">'
        f"{escape(format_date_range(visit.start_date, visit.end_date))}</p>\n"
        "        <div>\n"
        f'          <p class="visit-who">{who or "Travellers not reported"}</p>\n'
        f'          <p class="visit-where">{escape(visit.places)} · '
        f'<a href="{escape(prefixes["trip"])}{visit.trip_id}/">{escape(visit.trip_title)}</a> '
        f"{status}{met}</p>\n"
        f"          {evidence}\n"
        "        </div>\n"
        "      </li>\n      "
    )


def _person_link(person) -> str:
    """A link to an official's page (a ``selectors.Traveller``)."""
    return f'<a href="{escape(person.url)}">{escape(person.name)}</a>'


def meeting_html(meeting, *, official_pk: int, prefixes: dict[str, str]) -> str:
    """One meeting of an official (a ``selectors.MeetingRow``), as the loop of
    ``trips/includes/official_life.html`` wrote it."""
    if meeting.date:
        when = f'<time datetime="{meeting.date.isoformat()}">{escape(_day(meeting.date))}</time>'
    else:
        dates = format_date_range(meeting.trip_start, meeting.trip_end)
        when = f'<span class="unknown">date unknown</span>, on the trip of {escape(dates)}'
    travellers = ", ".join(_person_link(person) for person in meeting.travellers)
    place = f" in {escape(meeting.place)}" if meeting.place else ""
    others = meeting.participants
    also = ""
    if len(others) > 1:
        # As the template wrote it: the separator follows every name but the last
        # listed, so the official, last, leaves one behind.
        last = len(others) - 1
        also = " · also there: " + "".join(
            _person_link(person) + (", " if n != last else "")
            for n, (pk, person) in enumerate(others)
            if pk != official_pk
        )
    description = (
        f'<p class="meeting-description">{escape(meeting.description)}</p>'
        if meeting.description
        else ""
    )
    return (
        '\n    <li class="meeting">\n'
        f'      <p class="meeting-head"><span class="meeting-label">Meeting</span> {when}\n'
        f"        with {travellers or 'travellers not reported'}{place}</p>\n"
        f'      <p class="meeting-trip"><a href="{escape(prefixes["trip"])}{meeting.trip_id}/">'
        f"{escape(meeting.trip_title)}</a>{also}</p>\n"
        f"      {description}\n"
        f"      {quotes_html(meeting.evidence, prefixes['article'])}\n"
        "    </li>\n    "
    )


def url_prefixes() -> dict[str, str]:
    """The addresses of officials, trips and articles without their last part, reversed once."""
    return {
        "official": reverse("trips:official-detail", kwargs={"slug": "-"})[:-2],
        "trip": reverse("trips:trip-detail", kwargs={"pk": 0})[:-2],
        "article": reverse("trips:article-detail", kwargs={"pk": 0})[:-2],
    }


def quotes_html(evidence_list, article_prefix: str) -> str:
    """The sentences of ``evidence_list``, each linked to its article."""
    return "".join(
        evidence_html(item, f"{article_prefix}{item.article_id}/") for item in evidence_list
    )


def options_html(choices, selected: object) -> str:
    """The <option>s of a select, the chosen one marked (faster than Django's widget templates).

    >>> options_html([("", "Any"), ("JP", "Japan")], "JP")
    '<option value="">Any</option><option value="JP" selected>Japan</option>'
    """
    chosen = "" if selected is None else str(selected)
    return "".join(
        f'<option value="{escape(str(value))}"{" selected" if str(value) == chosen else ""}>'
        f"{escape(str(label))}</option>"
        for value, label in choices
    )


@register.filter
def options(bound_field) -> str:
    return mark_safe(options_html(bound_field.field.choices, bound_field.value()))


@register.filter
def trip_rows(rows) -> str:
    return mark_safe("".join(trip_row_html(row) for row in rows))


@register.filter
def visit_rows(rows, kind: str) -> str:
    prefix = reverse("trips:country-detail", kwargs={"code": "XX"})[:-3]  # once, not per row
    return mark_safe("".join(visit_row_html(row, kind=kind, country_prefix=prefix) for row in rows))


@register.filter
def quotes(evidence_list) -> str:
    prefix = reverse("trips:article-detail", kwargs={"pk": 0})[:-2]  # once, not per quote
    return mark_safe(quotes_html(evidence_list, prefix))


@register.filter
def hosted_rows(visits, official) -> str:
    prefixes, today = url_prefixes(), timezone.localdate()
    return mark_safe(
        "".join(
            hosted_visit_html(v, host=official.name, prefixes=prefixes, today=today) for v in visits
        )
    )


@register.filter
def meeting_rows(meetings, official) -> str:
    prefixes = url_prefixes()
    return mark_safe(
        "".join(meeting_html(m, official_pk=official.pk, prefixes=prefixes) for m in meetings)
    )


# --- pagination and sorting links ------------------------------------------------


def query_with(query: QueryDict, **changes: object) -> str:
    """The query string with ``changes`` made; a ``None`` or page-1 value drops the key.

    >>> query_with(QueryDict("official=busy&page=2"), page=3)
    '?official=busy&page=3'
    >>> query_with(QueryDict("official=busy&page=2"), page=None)
    '?official=busy'
    """
    params = query.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def sort_link(current: str, column: str, *, descending_first: bool = False) -> tuple[str, str]:
    """The ``sort`` value a column's header links to, and the column's ``aria-sort``.

    A click on the sorted column turns its direction; another column starts
    ascending (dates start newest first).

    >>> sort_link("country", "country"), sort_link("-date", "country")
    (('-country', 'ascending'), ('country', 'none'))
    >>> sort_link("-date", "date", descending_first=True)
    ('date', 'descending')
    """
    name, descending = current.lstrip("-"), current.startswith("-")
    if name != column:
        return (f"-{column}" if descending_first else column), "none"
    return (column if descending else f"-{column}"), ("descending" if descending else "ascending")


@register.simple_tag(takes_context=True)
def page_url(context, number: int, param: str = "page", anchor: str = "") -> str:
    """The address of page ``number`` of a list, keeping the other parameters."""
    query = query_with(context.request.GET, **{param or "page": None if number == 1 else number})
    return query + (f"#{anchor}" if anchor else "")


@register.filter
def page_numbers(page_obj) -> list:
    """The page numbers to link: the first, the last, and two each side of this one."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )


@register.simple_tag(takes_context=True)
def sort_header(context, label: str, column: str, current: str, anchor: str = "") -> str:
    """A sortable column's header cell: a link that sorts by it, and its ``aria-sort``."""
    value, state = sort_link(current, column, descending_first=column == "date")
    query = query_with(context.request.GET, sort=value, visits_page=None)
    href = escape(query + (f"#{anchor}" if anchor else ""))
    arrow = {"ascending": " ▲", "descending": " ▼"}.get(state, "")
    hint = {"ascending": ", sorted A to Z", "descending": ", sorted Z to A"}.get(state, "")
    if column == "date":
        hint = {"ascending": ", oldest first", "descending": ", newest first"}.get(state, "")
    return mark_safe(
        f'<th scope="col" aria-sort="{state}"><a href="{href}">{escape(label)}'
        f'<span class="visually-hidden">{hint}</span>'
        f'<span aria-hidden="true">{arrow}</span></a></th>'
    )
