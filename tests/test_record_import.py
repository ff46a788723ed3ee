"""Importing the official record: trips, stops, meetings, provenance and idempotence."""

from __future__ import annotations

import shutil
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_official
from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.reconcile import record_import

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).parent / "data" / "record"


def _import(*paths: Path):
    return record_import(paths=list(paths) or [FIXTURE])


def _table_sizes() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Article, Evidence, Meeting, Official, Stop, Trip)
    }


def _blinken_march() -> Trip:
    return Trip.objects.get(officials__name="Antony John Blinken", start_date=date(2021, 3, 15))


def test_it_makes_one_trip_per_journey_and_one_source_per_record() -> None:
    report = _import()

    assert (report.files, report.records, report.journeys) == (2, 12, 6)
    assert Trip.objects.count() == 6
    assert Article.objects.filter(kind=Article.Kind.RECORD).count() == 12
    march = _blinken_march()
    assert (march.start_date, march.end_date, march.status) == (
        date(2021, 3, 15),
        date(2021, 3, 18),
        Trip.Status.COMPLETED,
    )
    assert [(s.order, s.country, s.city) for s in march.stops.all()] == [
        (1, "JP", "Tokyo"),
        (2, "KR", "Seoul"),
    ]
    assert sorted(a.external_id for a in march.articles.all()) == [
        "hsg:9001",
        "hsg:9002",
        "hsg:9003",
    ]


def test_it_keeps_the_record_id_and_file_in_each_source() -> None:
    _import()

    article = Article.objects.get(external_id="hsg:9002")
    assert article.kind == Article.Kind.RECORD
    assert article.source == "Office of the Historian"
    assert article.url == ""
    assert article.title == (
        "Antony John Blinken in Seoul, Korea, Republic of, from 17 March 2021 to 18 March 2021 "
        "(record 9002, secretary-travels/blinken-antony-j.xml)"
    )
    assert "record 9002 (secretary-travels/blinken-antony-j.xml)" in article.text


def test_it_points_every_fact_at_a_sentence_of_its_record() -> None:
    _import()

    evidence = list(Evidence.objects.select_related("article"))
    assert evidence
    for item in evidence:
        assert item.article.text[item.start_offset : item.end_offset] == item.sentence
    seoul = Stop.objects.get(city="Seoul", trip__start_date=date(2021, 3, 15))
    assert [e.article.external_id for e in seoul.evidence.all()] == ["hsg:9002"]
    assert seoul.evidence.get().sentence == (
        "Antony John Blinken (Secretary of State) visited Seoul, Korea, Republic of "
        "from 17 March 2021 to 18 March 2021."
    )


def test_it_counts_a_duplicated_record_once_with_both_as_evidence() -> None:
    _import()

    tokyo = Stop.objects.get(city="Tokyo", trip=_blinken_march())
    assert sorted(e.article.external_id for e in tokyo.evidence.all()) == ["hsg:9001", "hsg:9003"]
    assert (
        Meeting.objects.filter(
            trip=_blinken_march(), participants__name="Toshimitsu Motegi"
        ).count()
        == 1
    )


def test_it_makes_a_stop_of_each_locale_and_keeps_unmatched_ones_as_text() -> None:
    _import()

    trip = Trip.objects.get(start_date=date(2021, 5, 3))
    stops = list(trip.stops.all())
    assert [(s.city, s.arrive_date, s.depart_date) for s in stops] == [
        ("London", date(2021, 5, 3), None),
        ("Rogart", None, date(2021, 5, 5)),
    ]
    assert stops[0].latitude == pytest.approx(51.5, abs=0.1)
    assert stops[1].latitude is None
    assert stops[0].notes.startswith("Attended the G7 Foreign and Development Ministers")
    assert [s.recorded_arrive for s in stops] == [date(2021, 5, 3), None]


def test_it_keeps_a_place_of_an_unknown_country_in_the_trip_summary() -> None:
    _import()

    trip = Trip.objects.get(start_date=date(2021, 3, 25))
    assert [s.city for s in trip.stops.all()] == ["Brussels"]
    assert "Fredville (Freedonia)" in trip.summary
    assert trip.articles.filter(external_id="hsg:9005").exists()


def test_it_turns_named_people_in_the_remarks_into_meetings() -> None:
    _import()

    meeting = Meeting.objects.get(participants__name="Chung Eui-yong")
    assert meeting.stop is not None
    assert (meeting.stop.city, meeting.trip_id) == ("Seoul", _blinken_march().pk)
    chung = Official.objects.get(name="Chung Eui-yong")
    # Met in Seoul, but the remarks do not say whom he serves: not taken from the place.
    assert (chung.title, chung.country) == ("Foreign Minister", "")
    putin = Official.objects.get(name="Vladimir Putin")
    assert putin.country == "RU"  # "Russian President": his own title says it
    assert meeting.evidence.get().sentence == (
        "Remarks: Met with President Moon Jae-in and Foreign Minister Chung Eui-yong."
    )
    raab = Meeting.objects.get(participants__name="Dominic Raab")
    assert raab.stop.city == "London"


def test_it_resolves_the_traveller_to_the_official_the_news_knows() -> None:
    blinken = make_official(name="Antony Blinken", title="Secretary of State", country="US")

    _import()

    assert Official.objects.filter(name__icontains="Blinken").count() == 1
    blinken.refresh_from_db()
    assert blinken.aliases == ["Antony John Blinken"]
    assert Trip.objects.filter(officials=blinken).count() == 3


def test_it_finds_an_official_the_record_names_family_name_first() -> None:
    kishida = make_official(name="Fumio Kishida", title="Prime Minister", country="JP")

    record_import(paths=[FIXTURE], visits=True)

    visit = Trip.objects.get(articles__external_id="hsg:visit:9001")
    assert list(visit.officials.all()) == [kishida]
    kishida.refresh_from_db()
    assert kishida.aliases == ["Kishida Fumio"]
    assert not Official.objects.filter(name="Kishida Fumio").exists()


def test_it_changes_nothing_when_run_again_on_one_file_of_the_folder() -> None:
    _import()
    before = _table_sizes()

    report = _import(FIXTURE / "secretary-travels" / "blinken-antony-j.xml")

    assert report.counts["records_unchanged"] == 6
    assert _table_sizes() == before


def test_it_changes_nothing_when_run_again() -> None:
    _import()
    before = _table_sizes()

    report = _import()

    assert _table_sizes() == before
    assert report.counts["records_unchanged"] == 12
    assert report.counts["trips_created"] == 0


def _changed_copy(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "record"
    shutil.copytree(FIXTURE, folder)
    path = folder / "secretary-travels" / "blinken-antony-j.xml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return folder


def test_it_replaces_the_facts_of_a_changed_record(tmp_path: Path) -> None:
    _import()
    changed = _changed_copy(
        tmp_path,
        "Met with President Moon Jae-in and Foreign Minister Chung Eui-yong.",
        "Met with President Moon Jae-in and Prime Minister Chung Sye-kyun.",
    )

    report = _import(changed)

    assert report.counts["records_changed"] == 1
    march = _blinken_march()
    people = set(march.meetings.values_list("participants__name", flat=True))
    assert "Chung Sye-kyun" in people
    assert "Chung Eui-yong" not in people
    assert Trip.objects.count() == 6
    assert "Prime Minister Chung Sye-kyun" in Article.objects.get(external_id="hsg:9002").text


def test_it_never_overwrites_or_deletes_what_a_person_edited(tmp_path: Path) -> None:
    _import()
    march = _blinken_march()
    Stop.objects.filter(trip=march, city="Seoul").update(
        edited_by_person=True, notes="Checked by an editor.", recorded_depart=None
    )
    Trip.objects.filter(pk=march.pk).update(edited_by_person=True, title="Edited title")
    changed = _changed_copy(tmp_path, "<locale>Seoul</locale>", "<locale>Seoul, Busan</locale>")

    _import(changed)

    march.refresh_from_db()
    assert march.title == "Edited title"
    seoul = Stop.objects.get(trip=march, city="Seoul")
    assert (seoul.notes, seoul.recorded_depart) == ("Checked by an editor.", None)
    assert Trip.objects.count() == 6
    # The editor's arrangement stands: the record's other stops come after it.
    assert list(march.stops.values_list("city", flat=True)) == ["Seoul", "Tokyo", "Busan"]


def test_the_command_reports_a_summary(tmp_path: Path) -> None:
    out = StringIO()

    call_command("import_official_record", str(FIXTURE), "--no-progress", stdout=out)

    assert out.getvalue().strip() == (
        "Official record: 12 records in 2 files, 6 journeys; records new 12, changed 0, "
        "unchanged 0, duplicates 1; trips created 6, linked to news trips 0; stops 12 "
        "(2 places not in the gazetteer, kept as text; 1 without a country); meetings 12; "
        "officials created 14."
    )


def test_the_command_refuses_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("import_official_record", str(tmp_path / "nowhere"), "--no-progress")


def test_the_command_names_the_file_of_a_malformed_record(tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_text("<trips><trip><id>5</id></trip></trips>")

    with pytest.raises(CommandError, match=r"bad\.xml: record 5"):
        call_command("import_official_record", str(tmp_path), "--no-progress")


def test_it_imports_foreign_leaders_visits_as_their_trips_when_asked() -> None:
    kishida = make_official(name="Fumio Kishida", title="Prime Minister", country="JP")

    report = record_import(paths=[FIXTURE], visits=True)

    assert (report.records, report.journeys) == (14, 8)
    trip = Trip.objects.get(officials=kishida)
    assert (trip.start_date, trip.end_date) == (date(2024, 4, 8), date(2024, 4, 11))
    assert [(s.country, s.city) for s in trip.stops.all()] == [("US", "")]
    assert [a.external_id for a in trip.articles.all()] == ["hsg:visit:9001"]
    scholz = Official.objects.get(name="Olaf Scholz")
    assert (scholz.title, scholz.country) == ("Federal Chancellor", "DE")
    # Travel record 9001 and visit 9001 are different sources.
    assert Article.objects.filter(external_id="hsg:9001").exists()
