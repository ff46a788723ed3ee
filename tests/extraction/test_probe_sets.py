"""The invented probe sets under tests/extraction/data score as labelled.

Each folder is an evaluation set in the SCHEMA.md layout (articles/*.txt and
gold.json), written for these tests: short articles in the styles of wires,
state media and press releases, with the gold predicted by hand.
"""

import json
from pathlib import Path

import pytest

from trips.extraction.devscore import load_articles
from trips.extraction.pipeline import extract_set
from trips.scoring import score

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    "name",
    [
        "probe",
        "probe2",
        "probe3",
        "probe4",
        "probe5",
        "probe6",
        "probe7",
        "probe8",
        "probe9",
        "probe10",
    ],
)
def test_probe_set_scores(name: str) -> None:
    folder = DATA / name
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    figures = score(gold, extract_set(load_articles(folder)))
    assert figures["stop_f1"] >= 0.95
    assert figures["meeting_f1"] >= 0.9
    assert figures["official_f1"] >= 0.95


def test_no_stop_of_any_probe_set_is_left_before_it_is_reached() -> None:
    for folder in sorted(p for p in DATA.iterdir() if (p / "gold.json").exists()):
        for trip in extract_set(load_articles(folder))["trips"]:
            for stop in trip["stops"]:
                if stop["arrive"] and stop["depart"]:
                    assert stop["arrive"] <= stop["depart"], (folder.name, trip["travelers"], stop)
