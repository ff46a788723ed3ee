from datetime import date

from trips.extraction.dates import find_dates, is_history, past_marker, resolve_weekday

MONDAY = date(2022, 5, 2)


def _first(text: str, published: date | None = MONDAY):
    return [(m.kind, m.first, m.last) for m in find_dates(text, published)]


def test_it_reads_a_past_weekday_as_this_week_or_today():
    assert _first("She arrived on Monday.") == [("day", MONDAY, MONDAY)]
    assert _first("He landed late Saturday.") == [("day", date(2022, 4, 30), date(2022, 4, 30))]


def test_it_reads_a_future_weekday_forward():
    assert _first("He will leave on Thursday evening.")[0][1] == date(2022, 5, 5)


def test_present_tense_takes_the_nearest_weekday():
    assert resolve_weekday(1, MONDAY, "present") == date(2022, 5, 3)
    assert resolve_weekday(6, MONDAY, None) == date(2022, 5, 1)


def test_it_reads_ranges_across_months():
    assert _first("The envoy will tour the region from June 28 to July 2.") == [
        ("range", date(2022, 6, 28), date(2022, 7, 2))
    ]
    assert _first("talks held from 3 to 5 May") == [("range", date(2022, 5, 3), date(2022, 5, 5))]


def test_it_picks_the_year_closest_to_publication():
    assert _first("The minister will visit on January 4.", date(2021, 12, 20))[0][1] == date(
        2022, 1, 4
    )
    assert _first("She visited on December 28.", date(2022, 1, 3))[0][1] == date(2021, 12, 28)


def test_it_reads_durations_and_vague_phrases():
    kinds = [(m.kind, m.days) for m in find_dates("a three-day visit this weekend", MONDAY)]
    assert kinds == [("duration", 3), ("vague", None)]


def test_without_publication_weekdays_stay_unresolved_but_full_dates_resolve():
    assert _first("He arrived on Friday.", None) == [("day", None, None)]
    assert _first("Photo taken Oct. 3, 2019.", None) == [
        ("day", date(2019, 10, 3), date(2019, 10, 3))
    ]


def test_it_recognises_recent_past_and_history():
    assert past_marker("They met there last month.") == "last month"
    assert is_history("She first went there in 1998.", date(2024, 1, 1))
    assert not is_history("She went there in 2023.", date(2024, 1, 1))


def test_it_reads_expected_back_as_future():
    from trips.extraction.dates import tense_at

    text = "The minister is expected back in the capital on Friday."
    assert tense_at(text, text.index("Friday"), text.index("Friday") + 6) == "future"
