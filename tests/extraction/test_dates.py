import itertools
from datetime import date, datetime, timedelta

import dateparser
import pytest

from trips.extraction.dates import (
    find_dates,
    is_history,
    past_marker,
    resolve_relative_day,
    resolve_weekday,
)

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


# --- The date arithmetic against dateparser ------------------------------------------
#
# Weekdays and today/yesterday/tomorrow are resolved without dateparser (it
# cost a quarter of the extraction); these hold the arithmetic to what
# dateparser answers, for every weekday said on every day of a week.

NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEK = [date(2024, 2, 26) + timedelta(days=n) for n in range(7)]  # Monday to Sunday, leap month


def _dateparser(text: str, base: date, prefer: str | None = None) -> date:
    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day)}
    if prefer:
        settings["PREFER_DATES_FROM"] = prefer
    return dateparser.parse(text, languages=["en"], settings=settings).date()


@pytest.mark.parametrize(("base", "name"), list(itertools.product(WEEK, NAMES)))
@pytest.mark.parametrize(("tense", "prefer"), [("past", "past"), ("future", "future")])
def test_a_weekday_is_the_one_dateparser_gives_for_the_tense(base, name, tense, prefer):
    resolved = resolve_weekday(NAMES.index(name), base, tense)
    if base.weekday() == NAMES.index(name):
        # The one deliberate difference: "arrived Monday" in a Monday paper is that day.
        assert resolved == base
    else:
        assert resolved == _dateparser(name, base, prefer)


@pytest.mark.parametrize(("base", "name"), list(itertools.product(WEEK, NAMES)))
def test_an_untensed_weekday_is_the_nearer_of_the_two(base, name):
    resolved = resolve_weekday(NAMES.index(name), base, None)
    back, ahead = _dateparser(name, base, "past"), _dateparser(name, base, "future")
    if base.weekday() == NAMES.index(name):
        assert resolved == base
    else:
        assert resolved == min((back, ahead), key=lambda d: (abs((d - base).days), d > base))


@pytest.mark.parametrize("base", [*WEEK, date(2024, 12, 31), date(2025, 1, 1), date(2023, 3, 1)])
@pytest.mark.parametrize("word", ["today", "yesterday", "tomorrow"])
def test_today_yesterday_tomorrow_are_what_dateparser_gives(base, word):
    assert resolve_relative_day(word, base) == _dateparser(word, base)
    assert resolve_relative_day(word.capitalize(), base) == _dateparser(word, base)


@pytest.mark.parametrize("base", WEEK)
def test_tonight_is_the_day_itself(base):
    assert resolve_relative_day("tonight", base) == base


@pytest.mark.parametrize(("base", "name"), list(itertools.product(WEEK, NAMES)))
def test_last_weekday_is_within_the_week_before_as_dateparser_reads_it(base, name):
    # dateparser reads "last Friday" as the latest Friday before the day.
    assert resolve_weekday(NAMES.index(name), base, "past", "last") == _dateparser(
        f"last {name}", base
    )


def test_find_dates_resolves_weekdays_without_calling_dateparser(monkeypatch):
    import trips.extraction.dates as dates

    def refuse(*args, **kwargs):
        raise AssertionError("dateparser was called")

    monkeypatch.setattr(dates.dateparser, "parse", refuse)
    dates._dateparser_relative.cache_clear()
    found = find_dates("He arrived on Tuesday and leaves tomorrow; yesterday he rested.", MONDAY)
    assert [(m.kind, m.first) for m in found] == [
        ("day", date(2022, 4, 26)),
        ("day", date(2022, 5, 3)),
        ("day", date(2022, 5, 1)),
    ]


def test_two_days_running_joined_by_and_are_a_range():
    from trips.extraction.dates import find_dates

    found = {
        m.text: (m.kind, m.first, m.last)
        for m in find_dates(
            "In Nairobi on Monday and Tuesday, then Rome on 9 and 10 April, Paris on June 3 "
            "and 4; talks on Monday and Friday and on June 3 and July 4.",
            date(2016, 10, 30),
        )
    }
    assert found["Monday and Tuesday"] == ("range", date(2016, 10, 31), date(2016, 11, 1))
    assert found["9 and 10 April"][0] == "range"
    assert found["June 3 and 4"][0] == "range"
    assert "Monday and Friday" not in found and "June 3 and July 4" not in found


# One sentence for each pattern find_dates knows, each matched by it.
_ONE_OF_EACH = {
    "md_range": "The talks ran from June 3 to 6.",
    "dm_range": "She visits Ghana from 3 to 6 June.",
    "md": "He arrived on March 4, 2024.",
    "dm": "He arrived on 4 March.",
    "numeric": "The forum opens on 12/05.",
    "clock": "The plane landed at 9.30 p.m. in Lima.",
    "wd_range": "Talks run from MONDAY to Wednesday.",
    "wd_pair": "He meets them on Monday and Tuesday.",
    "wd": "Early on FRIDAY he flew out.",
    "anaphoric": "The next morning she left.",
    "rel": "The minister arrives TONIGHT.",
    "ago": "He was there two weeks ago.",
    "duration": "a three-day visit",
    "week_long": "a week-long tour",
    "vague": "She travelled there in 2019, and went back recently.",
}


def test_a_sentence_a_pattern_matches_holds_what_the_pattern_needs():
    from trips.extraction.dates import _DIGIT, _NEEDS, _PATTERNS, _may_hold

    assert set(_ONE_OF_EACH) == set(_NEEDS) == {kind for kind, _ in _PATTERNS}
    for kind, pattern in _PATTERNS:
        text = _ONE_OF_EACH[kind]
        assert pattern.search(text), kind
        assert _may_hold(kind, text.lower(), _DIGIT.search(text) is not None), kind


def test_a_sentence_with_no_date_word_is_not_searched_for_dates():
    from trips.extraction.dates import _NEEDS, _may_hold

    text = "The minister praised the partnership and the ties between the two nations."
    assert not any(_may_hold(kind, text.lower(), False) for kind in _NEEDS)
    assert find_dates(text, date(2024, 7, 31)) == []
