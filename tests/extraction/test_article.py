from datetime import date

from trips.extraction import extract_article
from trips.extraction.types import ArticleInput

WEDNESDAY = date(2023, 5, 10)


def _extract(text: str, published: date | None = WEDNESDAY, title: str = ""):
    return extract_article(
        ArticleInput(title=title, text=text, published=published, external_id="t1")
    )


def test_it_extracts_an_arrival_with_its_date_and_evidence():
    text = "Canadian Foreign Minister Ella Marsh arrived in Nairobi on Tuesday for talks."
    result = _extract(text)
    assert [(o.name, o.country) for o in result.officials] == [("Ella Marsh", "CA")]
    (trip,) = result.trips
    assert trip.travelers == ("Ella Marsh",)
    assert trip.status == "ongoing"
    assert trip.sources == ("t1",)
    assert [(s.country, s.city, s.arrive) for s in trip.stops] == [
        ("KE", "Nairobi", date(2023, 5, 9))
    ]
    for span in trip.stops[0].evidence + trip.evidence + trip.start_evidence:
        assert text[span.start : span.end] == span.text


def test_it_plans_a_listed_tour_with_a_date_range():
    text = "German Chancellor Otto Brandt will visit Chile, Peru and Brazil from May 20 to 25."
    (trip,) = _extract(text).trips
    assert trip.status == "planned"
    assert (trip.start, trip.end) == (date(2023, 5, 20), date(2023, 5, 25))
    assert [s.country for s in trip.stops] == ["CL", "PE", "BR"]


def test_it_computes_the_end_of_an_n_day_trip():
    text = "Japanese Prime Minister Aiko Mori arrived in Rome on Monday for a three-day visit."
    (trip,) = _extract(text).trips
    assert (trip.start, trip.end) == (date(2023, 5, 8), date(2023, 5, 10))


def test_video_calls_and_intentions_are_not_trips():
    text = (
        "Indian Foreign Minister Ravi Rao held a video call with his Brazilian counterpart. "
        "Rao said he hopes to ask President Ana Lima to visit India soon."
    )
    assert _extract(text).trips == ()


def test_the_home_capital_is_not_a_stop():
    text = (
        "French President Luc Morel visited Japan on Monday. "
        "Morel returned to Paris on Tuesday after the visit."
    )
    (trip,) = _extract(text).trips
    assert [s.country for s in trip.stops] == ["JP"]
    assert trip.end == date(2023, 5, 9)
    assert trip.status == "completed"


def test_a_recent_past_trip_in_passing_is_its_own_completed_trip():
    text = (
        "Australian Prime Minister Kate Hale arrived in Jakarta on Tuesday. "
        "Her visit follows Defense Minister Sam Cole's trip to Vietnam last month."
    )
    trips = {t.travelers: t for t in _extract(text).trips}
    assert trips[("Sam Cole",)].status == "completed"
    assert trips[("Sam Cole",)].start is None
    assert [s.country for s in trips[("Kate Hale",)].stops] == ["ID"]


def test_it_records_meetings_at_the_current_stop():
    text = (
        "Spanish Foreign Minister Rosa Vidal arrived in Cairo on Monday. "
        "She held talks with Egyptian Foreign Minister Omar Fathy on Tuesday."
    )
    (trip,) = _extract(text).trips
    (meeting,) = trip.meetings
    assert meeting.participants == ("Omar Fathy",)
    assert (meeting.country, meeting.city, meeting.date) == ("EG", "Cairo", date(2023, 5, 9))


def test_without_publication_date_it_warns_and_leaves_weekdays_null():
    result = _extract(
        "Italian Foreign Minister Gino Sala arrived in Lima on Friday.", published=None
    )
    assert result.warnings == ("no publication date: relative dates left unresolved",)
    assert result.trips[0].stops[0].arrive is None


def test_a_negated_destination_is_not_a_stop():
    text = "US President Dan Reed will travel to Egypt and Jordan. He will not visit Syria."
    (trip,) = _extract(text).trips
    assert [s.country for s in trip.stops] == ["EG", "JO"]


def test_attending_a_summit_abroad_is_a_trip():
    text = (
        "Indian Prime Minister Dev Rao will attend the regional summit in Johannesburg on Friday."
    )
    (trip,) = _extract(text).trips
    assert [(s.country, s.city) for s in trip.stops] == [("ZA", "Johannesburg")]
    assert trip.status == "planned"


def test_a_nationality_capital_names_the_capital_city():
    text = "Dutch Prime Minister Anna Berg arrived in the Chinese capital on Tuesday."
    (trip,) = _extract(text).trips
    assert [(s.country, s.city) for s in trip.stops] == [("CN", "Beijing")]


def test_a_host_receiving_a_visitor_is_a_meeting_of_the_visitor():
    text = (
        "Egyptian President Amr Said hosted Kenyan President Joy Mwangi in Cairo on Monday. "
        "Mwangi is on a three-day visit to Egypt."
    )
    (trip,) = _extract(text).trips
    assert trip.travelers == ("Joy Mwangi",)
    assert [(s.country, s.city) for s in trip.stops] == [("EG", "Cairo")]
    assert trip.meetings[0].participants == ("Amr Said",)


def test_a_report_date_is_not_a_travel_date():
    text = "Defense Secretary Lee Park will travel to Japan next week, the ministry said on Monday."
    (trip,) = _extract(text).trips
    assert (trip.start, trip.stops[0].arrive, trip.status) == (None, None, "planned")
