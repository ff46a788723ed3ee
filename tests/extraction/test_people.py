from trips.extraction.people import display_name, find_people, names_match, normalise_name
from trips.extraction.places import find_places
from trips.extraction.sentences import split_sentences


def _people(text: str):
    sentences = split_sentences(text)
    people, _ = find_people(text, find_places(text), [], [(s.start, s.end) for s in sentences])
    return {p.name: (p.title, p.country, p.official and not p.former) for p in people}


def test_names_match_follows_the_schema_rules():
    assert names_match("Dame Ada Mary Quill", "Ada Quill")
    assert names_match("A. Quill", "Ada Quill")
    assert names_match("Rex Stone Jr.", "Rex Stone")
    assert names_match("Queen Ada", "Ada")
    assert not names_match("Ada Quill", "Bea Quill")
    assert not names_match("Ada Quill", "Quill")
    assert normalise_name("Sheikh Omar Al Nour, Crown Prince") == "omar al nour"


def test_middle_names_or_initials_must_agree_where_both_names_give_them():
    assert names_match("Rex T. V. Stone", "Rex Tobias Vance Stone")
    assert names_match("Rex T. V. Stone", "Rex Stone")
    assert not names_match("Rex T. V. Stone", "Rex V. Stone")
    assert not names_match("Rex Tobias Stone", "Rex Victor Stone")


def test_malay_and_indian_honorifics_are_dropped_but_tan_stays_a_surname():
    assert normalise_name("Tan Sri Datuk Seri Ali Omar") == "ali omar"
    assert normalise_name("Datin Tengku Nur Aziz") == "nur aziz"
    assert normalise_name("Shri Ravi Menon") == "ravi menon"
    assert normalise_name("Tan Wei Ming") == "tan wei ming"


def test_display_name_drops_honorifics_and_suffixes_but_keeps_middle_initials():
    assert display_name("Adm. Rex T. Stone III") == "Rex T. Stone"
    assert display_name("Mr. Ada Quill, Jr.") == "Ada Quill"
    # The initials are what tell these two apart.
    assert display_name("Rex H.W. Stone") == "Rex H. W. Stone"
    assert display_name("Rex W. Stone") == "Rex W. Stone"


def test_it_reads_titles_and_nationality_before_a_name():
    found = _people("Norwegian Foreign Minister Kari Dahl met reporters.")
    assert found["Kari Dahl"] == ("Foreign Minister", "NO", True)


def test_it_reads_an_appositive_title_after_a_name():
    found = _people("Tomas Reyes, Chile's top diplomat, spoke.")
    assert found["Tomas Reyes"][1:] == ("CL", True)
    found = _people("He met Gen. Bo Han, defense minister of Vietnam, on Friday.")
    assert found["Bo Han"] == ("Defense minister", "VN", True)


def test_it_resolves_surname_to_full_name():
    text = "Prime Minister Lena Voss arrived. Voss said little."
    sentences = split_sentences(text)
    people, mentions = find_people(text, [], [], [(s.start, s.end) for s in sentences])
    assert [p.name for p in people] == ["Lena Voss"]
    assert len(mentions) == 2


def test_former_officials_and_untitled_people_are_not_officials():
    found = _people(
        "She attended the funeral of former President Hal Burr. Writer Ivy Moss agreed."
    )
    assert found["Hal Burr"][2] is False
    assert "Ivy Moss" not in found or found["Ivy Moss"][2] is False
