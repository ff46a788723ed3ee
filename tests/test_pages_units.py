"""The pure functions behind the pages: travel totals, dates, highlights."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

from trips import selectors, stats
from trips.templatetags import trip_tags


@pytest.mark.parametrize("module", [stats, trip_tags, selectors])
def test_it_keeps_the_docstring_examples_true(module):
    result = doctest.testmod(module)

    assert result.attempted > 0
    assert result.failed == 0


def test_it_measures_great_circle_legs_between_known_stops():
    tokyo, seoul, paris = (35.69, 139.69), (37.57, 126.98), (48.86, 2.35)

    legs = stats.route_km([tokyo, None, seoul, paris])

    assert legs == pytest.approx(
        stats.great_circle_km(tokyo, seoul) + stats.great_circle_km(seoul, paris)
    )
    assert stats.great_circle_km(seoul, paris) == pytest.approx(8960, rel=0.01)


def test_it_adds_the_legs_from_and_back_to_the_capital():
    washington, tokyo = (38.9, -77.04), (35.69, 139.69)

    there_and_back = stats.route_km([tokyo], home=washington)

    assert there_and_back == pytest.approx(2 * stats.great_circle_km(washington, tokyo))
    assert stats.route_km([], home=washington) == 0


def test_it_counts_overlapping_and_adjacent_days_abroad_once():
    spans = [
        (date(2025, 1, 5), date(2025, 1, 9)),
        (date(2025, 1, 8), date(2025, 1, 12)),
        (date(2025, 1, 13), date(2025, 1, 13)),
        (date(2025, 2, 1), None),
        (None, None),
    ]

    assert stats.days_abroad(spans) == 9 + 1


def test_it_counts_a_country_once_per_trip():
    assert stats.visits_per_country([["JP", "JP"], ["JP", "KR"], []]) == [("JP", 2), ("KR", 1)]


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2025, 1, 5), date(2025, 1, 9), "5–9 January 2025"),
        (date(2025, 1, 5), date(2025, 1, 5), "5 January 2025"),
        (date(2024, 12, 30), date(2025, 1, 2), "30 December 2024 – 2 January 2025"),
        (None, None, "dates unknown"),
    ],
)
def test_it_writes_date_ranges_as_people_do(start, end, text):
    assert trip_tags.format_date_range(start, end) == text


def test_it_notes_an_ongoing_trip_past_its_end_and_not_one_reported_since():
    today = date(2025, 3, 1)

    assert trip_tags.status_note(
        "ongoing", date(2025, 1, 5), date(2025, 1, 9), date(2025, 1, 6), today
    ) == ("Reported under way (5–9 January 2025); no report since 6 January 2025.")
    assert not trip_tags.status_note(
        "planned", date(2025, 1, 5), date(2025, 1, 9), date(2025, 1, 20), today
    )
    assert not trip_tags.status_note("completed", date(2025, 1, 5), None, None, today)
    assert not trip_tags.status_note("planned", None, None, None, today)


def test_it_cuts_overlapping_highlights_without_losing_text():
    text = "One two three four."

    segments = selectors.split_highlights(text, [(0, 7), (4, 13)])

    assert "".join(segment.text for segment in segments) == text
    assert [(s.text, s.span) for s in segments] == [
        ("One two", 1),
        (" three", 2),
        (" four.", None),
    ]


def test_it_escapes_every_value_of_a_timeline_row():
    row = selectors.TripRow(
        pk=1,
        url="/trips/1/",
        title="<script>x</script>",
        status="planned",
        status_label="Planned",
        start=None,
        end=None,
        dates="dates unknown",
        route="Paris → <b>",
        note='"quoted"',
    )

    html = trip_tags.trip_row_html(row)

    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "&quot;quoted&quot;" in html
