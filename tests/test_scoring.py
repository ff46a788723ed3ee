from trips.scoring import format_summary, score


def _trip(travelers, stops, status="planned", start=None, meetings=()):
    return {
        "travelers": list(travelers),
        "status": status,
        "start": start,
        "end": None,
        "stops": [
            {"country": c, "city": city, "arrive": None, "depart": None} for c, city in stops
        ],
        "meetings": [
            {"participants": list(p), "country": None, "city": None, "date": None} for p in meetings
        ],
        "sources": ["x"],
    }


GOLD = {
    "officials": [
        {"name": "Ada Quill", "title": "Minister", "country": "GB"},
        {"name": "Bo Lind", "title": "", "country": "SE"},
    ],
    "trips": [
        _trip(
            ["Ada Quill"],
            [("FR", "Paris"), ("DE", None)],
            start="2024-01-02",
            meetings=[["Bo Lind"]],
        )
    ],
}


def test_a_perfect_export_scores_one_everywhere():
    figures = score(GOLD, GOLD)
    assert (
        format_summary(figures)
        == "SUMMARY stopF1=1.00 cityR=1.00 dates=1.00 status=1.00 meetF1=1.00 offF1=1.00"
    )


def test_it_matches_names_by_the_schema_rules_and_ignores_cancelled_trips():
    predicted = {
        "officials": [{"name": "A. Quill", "country": "FR"}],
        "trips": [
            _trip(
                ["Dame Ada Quill"],
                [("FR", None), ("DE", "Berlin")],
                status="ongoing",
                start="2024-01-02",
            ),
            _trip(["Ada Quill"], [("IT", None)], status="cancelled"),
        ],
    }
    figures = score(GOLD, predicted)
    # Gold items: 2 country pairs + 1 city triple; predicted: 2 pairs + 0 relevant triples.
    assert round(figures["stop_f1"], 2) == round(2 * (2 / 2) * (2 / 3) / (1 + 2 / 3), 2)
    assert figures["city_recall"] == 0.0
    assert figures["dates"] == 1.0
    assert figures["status"] == 0.0
    assert figures["meeting_f1"] == 0.0
    assert round(figures["official_f1"], 2) == 0.67
    assert figures["official_country"] == 0.0


def test_format_summary_rounds_to_two_decimals():
    figures = {
        "stop_f1": 0.905,
        "city_recall": 1,
        "dates": 0.333,
        "status": 0,
        "meeting_f1": 0.5,
        "official_f1": 0.25,
    }
    assert (
        format_summary(figures)
        == "SUMMARY stopF1=0.91 cityR=1.00 dates=0.33 status=0.00 meetF1=0.50 offF1=0.25"
    )


def test_a_trip_is_matched_with_the_gold_trip_of_the_same_company():
    # The delegation's visit, and the leader's earlier one to the same country.
    gold = {
        "officials": [],
        "trips": [
            _trip(["Ada Quill", "Bo Lind"], [("CN", None)], status="ongoing"),
            _trip(["Ada Quill"], [("CN", None)], status="completed"),
        ],
    }
    predicted = {
        "officials": [],
        "trips": [_trip(["Ada Quill", "Bo Lind"], [("CN", "Beijing")], status="ongoing")],
    }
    figures = score(gold, predicted)
    assert figures["status"] == 1.0
    assert "Ada Quill/Bo Lind ['CN']" not in " ".join(figures["detail"]["unmatched_gold_trips"])
