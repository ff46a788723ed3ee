from dataclasses import replace
from datetime import date

from trips.extraction.merge import (
    merge_article_trips,
    same_official,
    trip_merge,
    trips_same_journey,
)
from trips.extraction.types import ExtractedMeeting, ExtractedOfficial, ExtractedStop, ExtractedTrip

PLAN = ExtractedTrip(
    travelers=("Ada Quill",),
    status="planned",
    start=date(2024, 3, 4),
    end=date(2024, 3, 8),
    stops=(ExtractedStop("AT", "Vienna"), ExtractedStop("KR")),
    sources=("a",),
)


def test_it_merges_reports_of_one_journey():
    later = replace(PLAN, travelers=("A. Quill",), start=date(2024, 3, 4), end=None, sources=("b",))
    assert trips_same_journey(PLAN, later)


def test_it_keeps_two_trips_of_one_person_apart():
    other = replace(
        PLAN, start=date(2024, 6, 1), end=date(2024, 6, 2), stops=(ExtractedStop("BR"),)
    )
    assert not trips_same_journey(PLAN, other)
    undated = replace(PLAN, start=None, end=None, stops=(ExtractedStop("BR"),))
    assert not trips_same_journey(replace(PLAN, start=None, end=None), undated)


def test_trip_merge_unites_stops_in_travel_order_and_updates_status():
    summary = ExtractedTrip(
        travelers=("Ada Quill", "Bo Lind"),
        status="completed",
        end=date(2024, 3, 9),
        stops=(
            ExtractedStop("AT", "Vienna"),
            ExtractedStop("KR", "Seoul"),
            ExtractedStop("IL", "Tel Aviv"),
        ),
        meetings=(ExtractedMeeting(("Cho Min",), "KR", "Seoul"),),
        sources=("b",),
    )
    merged = trip_merge(PLAN, summary, base_published=date(2024, 2, 1), new_published=None)
    assert [(s.country, s.city) for s in merged.stops] == [
        ("AT", "Vienna"),
        ("KR", "Seoul"),
        ("IL", "Tel Aviv"),
    ]
    assert merged.status == "completed"
    assert (merged.start, merged.end) == (date(2024, 3, 4), date(2024, 3, 9))
    assert merged.travelers == ("Ada Quill", "Bo Lind")
    assert merged.sources == ("a", "b")
    assert len(merged.meetings) == 1


def test_an_undated_report_cannot_move_status_back_but_cancellation_wins():
    done = replace(PLAN, status="completed")
    assert (
        trip_merge(done, PLAN, base_published=date(2024, 3, 9), new_published=None).status
        == "completed"
    )
    called_off = replace(PLAN, status="cancelled")
    assert (
        trip_merge(PLAN, called_off, base_published=None, new_published=date(2024, 3, 1)).status
        == "cancelled"
    )


def test_an_article_contributes_each_trip_to_a_different_journey():
    one = replace(PLAN, start=None, end=None)
    merged = merge_article_trips([(one, None)], [one, replace(one, sources=("c",))], None)
    assert len(merged) == 2


def test_same_official_tolerates_doubled_letters_within_one_country():
    assert same_official(
        ExtractedOfficial("Mohammed Ali", country="EG"),
        ExtractedOfficial("Mohamed Ali", country="EG"),
    )
    assert not same_official(
        ExtractedOfficial("Mohammed Ali", country="EG"),
        ExtractedOfficial("Mohamed Ali", country="JO"),
    )
