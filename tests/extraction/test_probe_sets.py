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
