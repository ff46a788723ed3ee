"""Shared fixtures.

pytest-django supplies ``client``, ``admin_client`` and ``django_assert_max_num_queries``;
test data comes from the ``make_*`` helpers in ``tests/factories.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture
def fixtures_dir() -> Path:
    """The project's ``fixtures/`` folder (the seed articles)."""
    return PROJECT_DIR / "fixtures"


# --- the official record of two people of one first and last name -------------------

_TRIP = """    <trip role="president" who="{who}">
        <id>{id}</id>
        <role>president</role>
        <name>{name}</name>
        <start-date>{start}</start-date>
        <end-date>{end}</end-date>
        <country id="{slug}">{label}</country>
        <locale>{locale}</locale>
        <remarks>{remarks}</remarks>
    </trip>
"""


def _record_file(folder: Path, who: str, name: str, trips: list[dict]) -> Path:
    path = folder / "president-travels" / f"{who}.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(_TRIP.format(who=who, name=name, **trip) for trip in trips)
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<trips>\n{body}</trips>\n')
    return path


@pytest.fixture
def two_stones(tmp_path: Path) -> Path:
    """The record of two presidents Rex Stone, father and son, as the record keeps them."""
    _record_file(
        tmp_path,
        "stone-rex-h-w",
        "Rex H.W. Stone",
        [
            {
                "id": "8101",
                "start": "1990-05-02",
                "end": "1990-05-03",
                "slug": "france",
                "label": "France",
                "locale": "Paris",
                "remarks": "Met with Prime Minister Odile Varenne.",
            },
        ],
    )
    _record_file(
        tmp_path,
        "stone-rex-w",
        "Rex W. Stone",
        [
            {
                "id": "8201",
                "start": "2005-06-10",
                "end": "2005-06-11",
                "slug": "italy",
                "label": "Italy",
                "locale": "Rome",
                "remarks": "Attended the summit. Met with Chancellor Bruno Haller and "
                "Prime Minister Varenne.",
            },
            {
                "id": "8202",
                "start": "2006-01-20",
                "end": "2006-01-21",
                "slug": "germany",
                "label": "Germany",
                "locale": "Berlin",
                "remarks": "Met with German Chancellor Bruno Haller.",
            },
        ],
    )
    return tmp_path
