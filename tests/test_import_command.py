"""import_articles, export_trips and evaluate_extraction end to end."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from trips.models import Article, Evidence, Official, Trip

pytestmark = pytest.mark.django_db


def _run(*args: str, stdin: bytes | None = None) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is None:
        call_command(*args, stdout=out, stderr=err)
    else:
        import sys
        from unittest import mock

        fake = mock.Mock()
        fake.buffer = io.BytesIO(stdin)
        with mock.patch.object(sys, "stdin", fake):
            call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _trip_with(name: str, year: int) -> Trip:
    return Trip.objects.get(officials__name=name, start_date__year=year)


def test_the_seed_fixtures_import_to_the_expected_trips(fixtures_dir: Path):
    out, _ = _run("import_articles", str(fixtures_dir / "articles"))
    assert "imported   2" in out

    tokyo = _trip_with("Antony Blinken", 2021)
    assert sorted(o.name for o in tokyo.officials.all()) == ["Antony Blinken", "Lloyd Austin"]
    stops = list(tokyo.stops.order_by("order"))
    assert [(s.country, s.city) for s in stops] == [("JP", "Tokyo"), ("KR", "Seoul")]
    assert stops[0].arrive_date == date(2021, 3, 15)
    assert stops[0].latitude == pytest.approx(35.69, abs=0.1)
    assert (tokyo.start_date, tokyo.end_date, tokyo.status) == (
        date(2021, 3, 15),
        date(2021, 3, 18),
        "ongoing",
    )
    participants = {p.name for m in tokyo.meetings.all() for p in m.participants.all()}
    assert participants == {"Toshimitsu Motegi"}

    final = _trip_with("Antony Blinken", 2025)
    assert [(s.country, s.city or None) for s in final.stops.order_by("order")] == [
        ("KR", None),
        ("JP", None),
        ("FR", "Paris"),
    ]
    assert (final.start_date, final.end_date, final.status) == (
        date(2025, 1, 5),
        date(2025, 1, 9),
        "planned",
    )
    visited = set(Trip.objects.values_list("stops__country", flat=True))
    assert visited.isdisjoint({"CN", "TW", "UA", "IL", "PS"})
    assert not final.stops.filter(country="US").exists()
    names = set(Official.objects.values_list("name", flat=True))
    assert "Jimmy Carter" not in names
    assert not any("BUSH" in n.upper() for n in names)
    assert Trip.objects.count() == 2


def test_every_extracted_fact_points_at_its_sentence(fixtures_dir: Path):
    _run("import_articles", str(fixtures_dir / "articles"))
    assert Evidence.objects.exists()
    for evidence in Evidence.objects.select_related("article"):
        text = evidence.article.text
        assert text[evidence.start_offset : evidence.end_offset] == evidence.sentence
    stop_ids = set(Evidence.objects.filter(fact="stop").values_list("stop_id", flat=True))
    assert stop_ids == set(Trip.objects.values_list("stops", flat=True))


def test_importing_twice_changes_nothing(fixtures_dir: Path):
    _run("import_articles", str(fixtures_dir / "articles"))
    counts = (Trip.objects.count(), Evidence.objects.count(), Official.objects.count())
    out, _ = _run("import_articles", str(fixtures_dir / "articles"))
    assert (Trip.objects.count(), Evidence.objects.count(), Official.objects.count()) == counts
    assert "unchanged" in out


def test_a_dry_run_writes_nothing_and_json_prints_the_trips(fixtures_dir: Path):
    out, err = _run("import_articles", "--dry-run", "--json", str(fixtures_dir / "articles"))
    assert Article.objects.count() == 0 and Trip.objects.count() == 0
    data = json.loads(out)
    assert len(data["trips"]) == 2
    assert "dry run" in err


def test_bad_inputs_fail_clearly_without_stopping_the_batch(tmp_path: Path, fixtures_dir: Path):
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "bad.jsonl").write_text("{oops\n", "utf-8")
    seed = sorted((fixtures_dir / "articles").glob("*.txt"))[0]
    with pytest.raises(CommandError, match="2 of 3 inputs failed"):
        _run("import_articles", str(tmp_path), str(seed))
    assert Article.objects.count() == 1


def test_reading_from_standard_input_with_options():
    body = b"Envoy lands in Nairobi\nThe envoy arrived in Nairobi on Monday for talks.\n"
    _run("import_articles", "-", "--published", "2024-06-05", "--source", "Desk", stdin=body)
    article = Article.objects.get()
    assert (article.title, article.published, article.source) == (
        "Envoy lands in Nairobi",
        date(2024, 6, 5),
        "Desk",
    )


def test_a_bad_published_option_is_refused():
    with pytest.raises(CommandError, match="--published"):
        _run("import_articles", "-", "--published", "June 5")


def test_a_bad_published_option_gives_one_line_on_the_command_line(tmp_path: Path):
    manage = Path(__file__).resolve().parent.parent / "manage.py"
    result = subprocess.run(
        [sys.executable, str(manage), "import_articles", "--published", "25/11/2026", "x.txt"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "CommandError: --published: published date '25/11/2026' is not YYYY-MM-DD"
    ]


def test_export_writes_the_interchange_json(tmp_path: Path, fixtures_dir: Path):
    _run("import_articles", str(fixtures_dir / "articles"))
    target = tmp_path / "export.json"
    _run("export_trips", "--output", str(target))
    data = json.loads(target.read_text("utf-8"))
    assert set(data) == {"officials", "trips"}
    trip = next(t for t in data["trips"] if t["start"] == "2021-03-15")
    assert set(trip) == {"travelers", "status", "start", "end", "stops", "meetings", "sources"}
    assert trip["stops"][0] == {
        "country": "JP",
        "city": "Tokyo",
        "arrive": "2021-03-15",
        "depart": None,
    }
    assert trip["stops"][1]["city"] == "Seoul"
    assert trip["sources"] == ["seed-2021-03-blinken-austin-tokyo"]
    assert trip["meetings"][0]["participants"] == ["Toshimitsu Motegi"]
    official = next(o for o in data["officials"] if o["name"] == "Antony Blinken")
    assert official == {"name": "Antony Blinken", "title": "Secretary of State", "country": "US"}


def test_evaluate_scores_a_set_and_rolls_back(tmp_path: Path, fixtures_dir: Path):
    (tmp_path / "articles").mkdir()
    for seed in (fixtures_dir / "articles").glob("*.txt"):
        (tmp_path / "articles" / seed.name).write_bytes(seed.read_bytes())
    gold = {
        "officials": [{"name": "Antony Blinken", "title": "Secretary of State", "country": "US"}],
        "trips": [
            {
                "travelers": ["Antony Blinken"],
                "status": "planned",
                "start": "2025-01-05",
                "end": "2025-01-09",
                "stops": [
                    {"country": "KR", "city": None, "arrive": None, "depart": None},
                    {"country": "JP", "city": None, "arrive": None, "depart": None},
                    {"country": "FR", "city": "Paris", "arrive": None, "depart": None},
                ],
                "meetings": [],
                "sources": ["seed-2025-01-blinken-final-tour"],
            }
        ],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), "utf-8")
    out, _ = _run("evaluate_extraction", str(tmp_path))
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("SUMMARY stopF1=")
    assert "dates=1.00" in summary and "status=1.00" in summary
    assert Article.objects.count() == 0 and Trip.objects.count() == 0
