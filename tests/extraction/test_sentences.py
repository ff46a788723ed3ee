from trips.extraction.sentences import split_sentences


def test_it_keeps_abbreviations_inside_sentences():
    text = "U.S. Secretary Jane Roe met Gen. Tom Bay. Then she left."
    assert [s.text for s in split_sentences(text)] == [
        "U.S. Secretary Jane Roe met Gen. Tom Bay.",
        "Then she left.",
    ]


def test_its_offsets_point_into_the_text():
    text = "\nFirst line here.\n\n  • Second point.  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.text for s in split_sentences(text)] == ["First line here.", "Second point."]
