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


def test_the_fuller_name_of_one_person_named_by_two_articles_is_kept():
    short = ArticleInput(
        title="",
        text="Japanese PM Tanaka arrived in Hanoi, Vietnam on Sunday for a two-day visit.",
        published=date(2023, 6, 18),
        external_id="short",
    )
    full = ArticleInput(
        title="",
        text="TOKYO: Japanese Prime Minister TANAKA Hiroshi left Tokyo for Vietnam on Sunday.",
        published=date(2023, 6, 18),
        external_id="full",
    )
    result = extract_set([short, full])
    assert [o["name"] for o in result["officials"]] == ["Tanaka Hiroshi"]
    (trip,) = result["trips"]
    assert trip["travelers"] == ["Tanaka Hiroshi"]
