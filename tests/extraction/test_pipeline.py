from datetime import date

from trips.extraction.pipeline import extract_set
from trips.extraction.types import ArticleInput


def test_it_merges_one_journey_reported_twice():
    announcement = ArticleInput(
        title="",
        text="Dutch Prime Minister Anna Berg will travel to Kenya and Ghana from June 3 to 7.",
        published=date(2023, 5, 20),
        external_id="first",
    )
    report = ArticleInput(
        title="",
        text="Prime Minister Anna Berg visited Kenya, Ghana and Senegal from June 3 to 8, 2023.",
        published=None,
        external_id="second",
    )
    result = extract_set([report, announcement])
    assert result["officials"] == [
        {"name": "Anna Berg", "title": "Prime Minister", "country": "NL"}
    ]
    (trip,) = result["trips"]
    assert trip["sources"] == ["first", "second"]
    assert [s["country"] for s in trip["stops"]] == ["KE", "GH", "SN"]
    assert (trip["start"], trip["end"], trip["status"]) == ("2023-06-03", "2023-06-08", "completed")
