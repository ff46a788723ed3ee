from trips.extraction.places import country_code, find_places, lookup


def _found(text: str):
    return [(m.text, m.place.country, m.place.kind) for m in find_places(text)]


def test_it_finds_countries_cities_and_short_names():
    assert _found("Officials flew from the U.S. to Lyon, France and then the UAE.") == [
        ("U.S.", "US", "country"),
        ("Lyon", "FR", "city"),
        ("France", "FR", "country"),
        ("UAE", "AE", "country"),
    ]


def test_it_maps_demonyms_and_regions():
    assert country_code("Norwegian") == "NO"
    assert country_code("the Philippines") == "PH"
    assert lookup("Ohio").kind == "state"


def test_it_ignores_institutions_named_after_places():
    assert _found("She wrote in the Boston Globe and the Chicago Tribune.") == []


def test_it_needs_a_country_for_small_or_word_like_towns():
    assert _found("It was a Nice idea.") == []
    assert _found("They stopped in Nice, France.") == [
        ("Nice", "FR", "city"),
        ("France", "FR", "country"),
    ]


def test_a_town_pinned_to_a_state_or_country_is_the_town_of_that_name_there():
    found = find_places("They met in Wilmington, Delaware. Later in Wilmington he spoke.")
    towns = [m.place for m in found if m.text == "Wilmington"]
    assert [(t.country, t.admin1) for t in towns] == [("US", "DE"), ("US", "DE")]
    (hyderabad, _) = find_places("He flew to Hyderabad, Pakistan.")
    assert hyderabad.place.country == "PK"
    (bare,) = find_places("He flew to Hyderabad.")
    assert bare.place.country == "IN"


def test_a_country_written_with_accents_the_gazetteer_lacks_is_that_country():
    assert _found("He visited São Tomé and Príncipe.") == [
        ("São Tomé and Príncipe", "ST", "country")
    ]


def test_small_capitals_count_whatever_their_spelling():
    # A capital counts without an arrival verb, however small; "left for" is none.
    assert _found("Lula left for São Tomé on Saturday.") == [("São Tomé", "ST", "city")]
    for text in ("He flew to Port Vila.", "He flew to Port-Vila."):
        (mention,) = find_places(text)
        assert (mention.place.country, mention.place.name) == ("VU", "Port Vila")
    (mention,) = find_places("Talks in Nuku'alofa ended.")
    assert (mention.place.country, mention.place.name) == ("TO", "Nuku'alofa")


def test_a_capital_spelt_like_a_province_is_the_city():
    assert _found("Talks in Chișinău ended.") == [("Chișinău", "MD", "city")]


def test_st_is_saint_and_the_largest_city_of_the_name_wins():
    assert _found("He will travel to St. Petersburg on Thursday.") == [
        ("St. Petersburg", "RU", "city")
    ]
