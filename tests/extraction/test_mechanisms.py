"""One test per extraction mechanism, on sentences written for the test.

Every sentence here is invented; the people are fictional (some of real
countries) and no text comes from an evaluation set or a news article. A few
texts are messy on purpose, as real news is: a missing space after a full
stop, datelines ("OSLO:", "WARSAW (Reuters) -"), a byline, a photo caption
and a body cut off mid-word.

Unless a test says otherwise the publication date is Saturday 17 June 2023,
so Monday 12 .. Friday 16 are the days before it and Sunday 18 .. Wednesday 21
the days after.
"""

from datetime import date

import pytest

from trips.extraction import extract_article
from trips.extraction.types import ArticleInput

SATURDAY = date(2023, 6, 17)


def _extract(text: str, published: date | None = SATURDAY):
    return extract_article(ArticleInput(title="", text=text, published=published, external_id="m"))


def _officials(result) -> dict[str, tuple[str, str | None]]:
    return {o.name: (o.title, o.country) for o in result.officials}


def _stops(trip) -> list[tuple[str, str | None, date | None, date | None]]:
    return [(s.country, s.city, s.arrive, s.depart) for s in trip.stops]


def _meetings(trip) -> list[tuple[tuple[str, ...], str | None, date | None]]:
    return [(m.participants, m.city, m.date) for m in trip.meetings]


# 1. The subject of a travel verb travels; other places in the sentence are topics.


def test_places_of_the_purpose_clause_are_topics_not_stops():
    text = (
        "Norwegian Foreign Minister Lena Sorvik arrived in Warsaw on Friday to discuss the war "
        "in Ukraine and tensions in Moldova."
    )
    (trip,) = _extract(text).trips
    assert trip.travelers == ("Lena Sorvik",)
    assert _stops(trip) == [("PL", "Warsaw", date(2023, 6, 16), None)]


# 2. Pronouns and definite descriptions refer back to the person the text is about.


def test_a_pronoun_and_the_minister_are_the_traveller_not_the_host():
    # No space after the first full stop, as in scraped text.
    text = (
        "Norwegian Foreign Minister Lena Sorvik arrived in Warsaw on Friday.She held talks with "
        "Polish Foreign Minister Jan Kowal on Saturday. The minister then travelled to Vilnius."
    )
    (trip,) = _extract(text).trips
    assert trip.travelers == ("Lena Sorvik",)
    assert _stops(trip) == [
        ("PL", "Warsaw", date(2023, 6, 16), None),
        ("LT", "Vilnius", None, None),
    ]
    assert _meetings(trip) == [(("Jan Kowal",), "Warsaw", date(2023, 6, 17))]


def test_a_national_leader_description_is_the_leader_of_that_nation():
    text = (
        "Chinese President Li Wen arrived in Brasilia on Thursday. The Chinese leader met "
        "Brazilian President Rui Lopes on Friday."
    )
    (trip,) = _extract(text).trips
    assert trip.travelers == ("Li Wen",)
    assert _stops(trip) == [("BR", "Brasília", date(2023, 6, 15), None)]
    assert _meetings(trip) == [(("Rui Lopes",), "Brasília", date(2023, 6, 16))]


# 3. Host-side reports make the guest the traveller to the host's country.


def test_a_host_receiving_a_visiting_minister_makes_the_minister_travel():
    text = (
        "President Daniel Mwangi received visiting Foreign Minister Lena Sorvik of Norway in "
        "Nairobi on Friday."
    )
    result = _extract(text)
    assert _officials(result) == {
        "Daniel Mwangi": ("President", "KE"),
        "Lena Sorvik": ("Foreign Minister", "NO"),
    }
    (trip,) = result.trips
    assert trip.travelers == ("Lena Sorvik",)
    assert _stops(trip) == [("KE", "Nairobi", date(2023, 6, 16), None)]
    assert _meetings(trip) == [(("Daniel Mwangi",), "Nairobi", date(2023, 6, 16))]


def test_a_guest_on_a_visit_in_a_relative_clause_is_the_traveller():
    text = (
        "Norwegian Foreign Minister Lena Sorvik, who is on a two-day visit to Kenya, met "
        "President Daniel Mwangi in Nairobi on Friday."
    )
    (trip,) = _extract(text).trips
    assert trip.travelers == ("Lena Sorvik",)
    assert trip.status == "ongoing"
    assert [(s.country, s.city) for s in trip.stops] == [("KE", "Nairobi")]
    assert _meetings(trip) == [(("Daniel Mwangi",), "Nairobi", date(2023, 6, 16))]


def test_a_guest_received_under_the_hosts_dateline_visits_the_dateline_country():
    text = (
        "NAIROBI (Reuters) - Kenyan President Daniel Mwangi received the visiting Norwegian "
        "Foreign Minister, Lena Sorvik, on Friday."
    )
    (trip,) = _extract(text).trips
    assert trip.travelers == ("Lena Sorvik",)
    assert [s.country for s in trip.stops] == ["KE"]
    assert [(m.participants, m.date) for m in trip.meetings] == [
        (("Daniel Mwangi",), date(2023, 6, 16))
    ]


# 4. Tense and mood.


def test_will_visit_is_planned():
    (trip,) = _extract("Norwegian Foreign Minister Lena Sorvik will visit Japan next week.").trips
    assert (trip.status, [s.country for s in trip.stops]) == ("planned", ["JP"])


def test_an_arrival_in_a_past_report_is_completed_or_ongoing_by_its_dates():
    earlier = _extract(
        "Norwegian Foreign Minister Lena Sorvik arrived in Tokyo on Monday for a two-day visit."
    )
    (trip,) = earlier.trips
    assert (trip.status, trip.start, trip.end) == (
        "completed",
        date(2023, 6, 12),
        date(2023, 6, 13),
    )
    later = _extract(
        "Norwegian Foreign Minister Lena Sorvik arrived in Tokyo on Friday for a three-day visit."
    )
    (trip,) = later.trips
    assert (trip.status, trip.start, trip.end) == ("ongoing", date(2023, 6, 16), date(2023, 6, 18))


def test_is_going_to_is_a_future():
    text = "Norwegian Foreign Minister Lena Sorvik is going to visit Chile on Thursday."
    (trip,) = _extract(text).trips
    assert (trip.status, trip.start) == ("planned", date(2023, 6, 22))
    assert _stops(trip) == [("CL", None, date(2023, 6, 22), None)]
    (trip,) = _extract(
        "Norwegian Foreign Minister Lena Sorvik is going to stay in Lima until Thursday."
    ).trips
    assert (trip.status, trip.start, trip.end) == ("planned", None, date(2023, 6, 22))
    assert _stops(trip) == [("PE", "Lima", None, date(2023, 6, 22))]


def test_was_going_to_is_a_future_in_the_past():
    text = (
        "Norwegian Foreign Minister Lena Sorvik arrived in Lima on Friday. On Thursday she was "
        "going to fly to Santiago."
    )
    (trip,) = _extract(text).trips
    assert (trip.status, trip.start) == ("ongoing", date(2023, 6, 16))
    assert _stops(trip) == [
        ("PE", "Lima", date(2023, 6, 16), date(2023, 6, 22)),
        ("CL", "Santiago", date(2023, 6, 22), None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian President Ana Quispe invited Norwegian Foreign Minister Lena Sorvik to visit "
        "Peru.",
        "Norwegian Foreign Minister Lena Sorvik hopes to visit Peru.",
    ],
)
def test_an_invitation_or_a_hope_is_not_a_trip(text):
    assert _extract(text).trips == ()


def test_a_called_off_visit_is_not_a_live_trip():
    text = (
        "Norwegian Foreign Minister Lena Sorvik called off her visit to Peru. She will still "
        "travel to Chile on Monday."
    )
    trips = _extract(text).trips
    live = [t for t in trips if t.status != "cancelled"]
    assert [([s.country for s in t.stops], t.status, t.start) for t in live] == [
        (["CL"], "planned", date(2023, 6, 19))
    ]


# 5. Dates.


def test_a_weekday_resolves_in_the_direction_of_the_tense():
    (past,) = _extract("Norwegian Foreign Minister Lena Sorvik visited Lisbon on Tuesday.").trips
    assert (past.start, past.stops[0].arrive) == (date(2023, 6, 13), date(2023, 6, 13))
    (future,) = _extract(
        "Norwegian Foreign Minister Lena Sorvik will visit Lisbon on Tuesday."
    ).trips
    assert (future.start, future.stops[0].arrive) == (date(2023, 6, 20), date(2023, 6, 20))


def test_next_week_then_a_weekday_is_that_day_of_the_coming_week():
    text = (
        "Norwegian Foreign Minister Lena Sorvik will travel to Portugal next week. She will "
        "arrive in Lisbon on Monday."
    )
    (trip,) = _extract(text).trips
    assert (trip.status, trip.start) == ("planned", date(2023, 6, 19))
    assert _stops(trip) == [("PT", "Lisbon", date(2023, 6, 19), None)]


def test_a_range_of_days_gives_start_and_end():
    text = "Norwegian Foreign Minister Lena Sorvik will visit Portugal from June 3 to 6."
    (trip,) = _extract(text, published=date(2023, 5, 30)).trips
    assert (trip.status, trip.start, trip.end) == ("planned", date(2023, 6, 3), date(2023, 6, 6))


def test_a_stated_length_counts_from_the_arrival_day():
    text = (
        "Norwegian Foreign Minister Lena Sorvik arrived in Lisbon on Wednesday for a three-day "
        "visit."
    )
    (trip,) = _extract(text).trips
    assert (trip.status, trip.start, trip.end) == (
        "completed",
        date(2023, 6, 14),
        date(2023, 6, 16),
    )
    assert _stops(trip) == [("PT", "Lisbon", date(2023, 6, 14), date(2023, 6, 16))]


def test_the_day_a_visit_is_announced_does_not_date_the_visit():
    text = (
        "OSLO (Reuters) - The ministry announced Foreign Minister Lena Sorvik's visit to "
        "Portugal at a press conference on Thursday."
    )
    (trip,) = _extract(text).trips
    assert (trip.travelers, trip.status, trip.start, trip.end) == (
        ("Lena Sorvik",),
        "planned",
        None,
        None,
    )
    assert _stops(trip) == [("PT", None, None, None)]


def test_dated_legs_of_a_list_leave_one_city_for_the_next():
    text = (
        "Norwegian Foreign Minister Lena Sorvik will travel on Monday to Lisbon and then on "
        "Tuesday to Madrid."
    )
    (trip,) = _extract(text).trips
    assert (trip.status, trip.start) == ("planned", date(2023, 6, 19))
    # Travelling to the first stop on Monday is arriving there that day: the trip's start.
    assert _stops(trip) == [
        ("PT", "Lisbon", date(2023, 6, 19), date(2023, 6, 20)),
        ("ES", "Madrid", date(2023, 6, 20), None),
    ]


def test_leaving_for_the_home_capital_the_next_day_ends_the_last_stop():
    text = (
        "Norwegian Foreign Minister Lena Sorvik arrived in Madrid on Friday for talks with "
        "Spanish Foreign Minister Pablo Ruiz. She will leave for Oslo the next day."
    )
    (trip,) = _extract(text).trips
    assert (trip.start, trip.end) == (date(2023, 6, 16), date(2023, 6, 17))
    assert _stops(trip) == [("ES", "Madrid", date(2023, 6, 16), date(2023, 6, 17))]
    assert _meetings(trip) == [(("Pablo Ruiz",), "Madrid", date(2023, 6, 16))]


# 6. A country's visit begun on a day covers all its cities.


def test_a_visit_to_a_country_begun_on_a_day_spans_all_its_cities():
    text = (
        "Indian Prime Minister Arvind Rao began a four-day visit to Japan on Thursday. He held "
        "talks in Tokyo with Japanese Prime Minister Kenji Sato and later travelled to Osaka."
    )
    (trip,) = _extract(text).trips
    assert (trip.status, trip.start, trip.end) == ("ongoing", date(2023, 6, 15), date(2023, 6, 18))
    assert _stops(trip) == [
        ("JP", "Tokyo", date(2023, 6, 15), None),
        ("JP", "Osaka", None, None),
    ]
    assert [(m.participants, m.city) for m in trip.meetings] == [(("Kenji Sato",), "Tokyo")]


# 7. Places.


@pytest.mark.parametrize(
    ("said", "country", "city"),
    [
        ("Bombay", "IN", "Mumbai"),
        ("Madras", "IN", "Chennai"),
        ("Rangoon", "MM", "Yangon"),
        ("Peking", "CN", "Beijing"),
        ("Kiev", "UA", "Kyiv"),
    ],
)
def test_an_old_or_alternate_city_name_gives_the_current_name(said, country, city):
    text = f"Norwegian Foreign Minister Lena Sorvik arrived in {said} on Friday."
    (trip,) = _extract(text).trips
    assert _stops(trip) == [(country, city, date(2023, 6, 16), None)]


@pytest.mark.parametrize(
    ("airport", "country", "city"),
    [
        ("Nairobi International Airport", "KE", "Nairobi"),
        ("Abu Dhabi International Airport", "AE", "Abu Dhabi"),
        ("Lusaka airport", "ZM", "Lusaka"),
        # Airports named after a person or a district: the city they serve.
        ("Jomo Kenyatta International Airport", "KE", "Nairobi"),
        ("Noi Bai airport", "VN", "Hanoi"),
        ("Soekarno-Hatta International Airport", "ID", "Jakarta"),
        ("Bole International Airport", "ET", "Addis Ababa"),
        # a town's name inside the airport's ("Jackson") is no stop of its own
        ("Hartsfield–Jackson Atlanta International Airport", "US", "Atlanta"),
    ],
)
def test_an_airport_stands_for_its_city(airport, country, city):
    text = f"Norwegian Foreign Minister Lena Sorvik landed at {airport} on Friday."
    (trip,) = _extract(text).trips
    assert _stops(trip) == [(country, city, date(2023, 6, 16), None)]


def test_an_airport_of_a_city_named_already_is_that_city_and_an_unknown_one_no_stop():
    text = (
        "Norwegian Foreign Minister Lena Sorvik landed at Tokyo Haneda Airport on Friday. "
        "She later flew out of Ole Nordmann Airport."
    )
    (trip,) = _extract(text).trips
    assert _stops(trip) == [("JP", "Tokyo", date(2023, 6, 16), None)]
    assert "Ole Nordmann" not in {o.name for o in _extract(text).officials}


def test_a_near_duplicate_city_of_one_stop_takes_the_capitals_name():
    text = (
        "Norwegian Foreign Minister Lena Sorvik arrived in Delhi on Friday. In New Delhi, she "
        "met Indian External Affairs Minister Ravi Menon."
    )
    (trip,) = _extract(text).trips
    assert _stops(trip) == [("IN", "New Delhi", date(2023, 6, 16), None)]
    assert [(m.participants, m.city) for m in trip.meetings] == [(("Ravi Menon",), "New Delhi")]


def test_visits_a_trip_will_include_in_a_which_clause_are_stops():
    text = (
        "Norwegian Foreign Minister Lena Sorvik leaves on Sunday on her trip, which will "
        "include visits to Hanoi, Bangkok and Phnom Penh."
    )
    (trip,) = _extract(text).trips
    assert (trip.travelers, trip.status, trip.start) == (
        ("Lena Sorvik",),
        "planned",
        date(2023, 6, 18),
    )
    assert [(s.country, s.city) for s in trip.stops] == [
        ("VN", "Hanoi"),
        ("TH", "Bangkok"),
        ("KH", "Phnom Penh"),
    ]


# 8. An apposition renaming an earlier trip is one trip.


def test_an_apposition_renaming_an_earlier_trip_is_one_trip():
    text = (
        "Norwegian Prime Minister Erik Dahl arrived in Seoul on Friday. The visit followed his "
        "trip to Vietnam and Laos, the first visit by a Norwegian prime minister to Laos."
    )
    trips = _extract(text).trips
    assert [(t.status, [(s.country, s.city) for s in t.stops]) for t in trips] == [
        ("ongoing", [("KR", "Seoul")]),
        ("completed", [("VN", None), ("LA", None)]),
    ]


# 9. People.


def test_a_sentence_initial_function_word_is_not_a_person():
    text = (
        "Throughout, President Ada Okoye will stress trade ties during her visit to Ghana next "
        "week."
    )
    result = _extract(text)
    assert list(_officials(result)) == ["Ada Okoye"]
    (trip,) = result.trips
    assert (trip.travelers, [s.country for s in trip.stops]) == (("Ada Okoye",), ["GH"])


def test_post_nominal_letters_are_a_title_not_a_person():
    text = (
        "Jane Roe, MP, chair of the foreign affairs committee, visited Kyiv on Friday with a "
        "delegation."
    )
    result = _extract(text)
    names = _officials(result)
    assert list(names) == ["Jane Roe"]
    assert names["Jane Roe"][0] == "MP"
    (trip,) = result.trips
    assert (trip.travelers, _stops(trip)) == (
        ("Jane Roe",),
        [("UA", "Kyiv", date(2023, 6, 16), None)],
    )


def test_a_minister_of_state_for_a_portfolio_is_one_office():
    text = "Minister of State for External Affairs Priya Nair will visit Fiji next week."
    result = _extract(text)
    assert {n: t for n, (t, _) in _officials(result).items()} == {
        "Priya Nair": "Minister of State for External Affairs"
    }
    (trip,) = result.trips
    assert (trip.travelers, trip.status, [s.country for s in trip.stops]) == (
        ("Priya Nair",),
        "planned",
        ["FJ"],
    )


def test_a_social_media_handle_names_the_person_it_spells():
    text = (
        "Nepali Prime Minister Hari Thapa will visit India this week. PM @harithapa of Nepal "
        "arrives in New Delhi on Wednesday."
    )
    result = _extract(text, published=date(2023, 6, 12))
    assert _officials(result) == {"Hari Thapa": ("Prime Minister", "NP")}
    (trip,) = result.trips
    assert trip.travelers == ("Hari Thapa",)
    assert _stops(trip) == [("IN", "New Delhi", date(2023, 6, 14), None)]


# 10. An undated airport reception happens on the arrival day.


def test_an_airport_reception_is_a_meeting_on_the_arrival_day():
    text = (
        "Norwegian Foreign Minister Lena Sorvik arrived in Chennai on Friday. She was received "
        "at the airport by Minister of State for External Affairs Priya Nair."
    )
    (trip,) = _extract(text).trips
    assert _stops(trip) == [("IN", "Chennai", date(2023, 6, 16), None)]
    assert _meetings(trip) == [(("Priya Nair",), "Chennai", date(2023, 6, 16))]


# 11. Lists of officials; people not (or not yet) in office.


def test_people_listed_after_leaders_or_officials_including_are_officials():
    text = (
        "The summit in Nairobi drew leaders including Ada Okoye, Kofi Boateng and Lena Sorvik. "
        "Officials including Tomas Berg and Sara Lind also attended."
    )
    assert set(_officials(_extract(text))) == {
        "Ada Okoye",
        "Kofi Boateng",
        "Lena Sorvik",
        "Tomas Berg",
        "Sara Lind",
    }


def test_first_ladies_and_people_not_yet_in_office_are_not_officials():
    text = (
        "Ghanaian President Kofi Boateng and First Lady Ama Boateng arrived in Rome on Friday. "
        "President Kofi Boateng later met Prime Minister-elect Sam Adu and incoming Foreign "
        "Minister Efua Owusu."
    )
    result = _extract(text)
    assert _officials(result) == {"Kofi Boateng": ("President", "GH")}
    (trip,) = result.trips
    assert trip.travelers == ("Kofi Boateng",)


# Messy text: datelines, bylines, captions, a body cut off mid-word.


@pytest.mark.parametrize("dateline", ["OSLO (Reuters) -", "OSLO:"])
def test_a_home_dateline_gives_the_travellers_country(dateline):
    text = (
        f"{dateline} Foreign Minister Lena Sorvik will travel to Warsaw on Monday, the ministry "
        "said."
    )
    result = _extract(text)
    assert _officials(result) == {"Lena Sorvik": ("Foreign Minister", "NO")}
    (trip,) = result.trips
    assert (trip.status, trip.start) == ("planned", date(2023, 6, 19))
    assert [(s.country, s.city) for s in trip.stops] == [("PL", "Warsaw")]


@pytest.mark.parametrize("dateline", ["WARSAW (Reuters) -", "WARSAW:"])
def test_here_after_a_dateline_is_the_dateline_city(dateline):
    text = (
        f"{dateline} Norwegian Foreign Minister Lena Sorvik arrived here on Friday for talks "
        "with Polish Foreign Minister Jan Kowal."
    )
    (trip,) = _extract(text).trips
    assert _stops(trip) == [("PL", "Warsaw", date(2023, 6, 16), None)]
    assert _meetings(trip) == [(("Jan Kowal",), "Warsaw", date(2023, 6, 16))]


def test_a_byline_and_a_photo_credit_are_not_officials():
    text = (
        "By Marta Nowak\n"
        "Norwegian Foreign Minister Lena Sorvik (left) shakes hands with Polish Foreign Minister "
        "Jan Kowal in Warsaw. Photo: Piotr Zielinski/AFP\n"
        "WARSAW (Reuters) - Norwegian Foreign Minister Lena Sorvik arrived in Warsaw on Friday "
        "for a two-day visit. She will travel to Vilnius on Sunday."
    )
    result = _extract(text)
    assert _officials(result) == {
        "Lena Sorvik": ("Foreign Minister", "NO"),
        "Jan Kowal": ("Foreign Minister", "PL"),
    }
    (trip,) = result.trips
    assert trip.travelers == ("Lena Sorvik",)
    assert _stops(trip) == [
        ("PL", "Warsaw", date(2023, 6, 16), date(2023, 6, 18)),
        ("LT", "Vilnius", date(2023, 6, 18), None),
    ]


def test_a_body_cut_off_mid_word_keeps_what_came_before():
    text = (
        "Norwegian Foreign Minister Lena Sorvik arrived in Warsaw on Friday for talks with "
        "Polish Foreign Minister Jan Kowal. She will then travel to Vil"
    )
    (trip,) = _extract(text).trips
    assert _stops(trip) == [("PL", "Warsaw", date(2023, 6, 16), None)]
    assert _meetings(trip) == [(("Jan Kowal",), "Warsaw", date(2023, 6, 16))]
