"""Reading the official record: pure parsing, placing, remarks and journeys (no database)."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from trips import record
from trips.record import (
    country_code,
    group_journeys,
    parse_counterparts,
    parse_record,
    place_locale,
    read_path,
    read_records,
    split_locale,
)

FIXTURE = Path(__file__).parent / "data" / "record"


def _record(**overrides) -> record.Record:
    fields = {
        "id": "1",
        "file": "test.xml",
        "who": "doe-jane",
        "role": "secretary",
        "name": "Jane Doe",
        "start": date(2021, 3, 15),
        "end": date(2021, 3, 17),
        "country_slug": "japan",
        "country_label": "Japan",
        "locale": "Tokyo",
        "remarks": "",
    }
    fields.update(overrides)
    return record.Record(**fields)


def _journeys() -> list[record.Journey]:
    return group_journeys([parse_record(r) for r in read_path(FIXTURE)])


def test_it_imports_nothing_from_django() -> None:
    tree = ast.parse(Path(record.__file__).read_text())
    modules = [
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        )
    ]
    assert not [m for m in modules if m.split(".")[0] == "django"]


def test_it_reads_every_field_of_a_record() -> None:
    records = read_records(
        (FIXTURE / "secretary-travels" / "blinken-antony-j.xml").read_bytes(), "blinken.xml"
    )

    first = records[0]
    assert first == record.Record(
        id="9001",
        file="blinken.xml",
        who="blinken-antony-j",
        role="secretary",
        name="Antony John Blinken",
        start=date(2021, 3, 15),
        end=date(2021, 3, 17),
        country_slug="japan",
        country_label="Japan",
        locale="Tokyo",
        remarks=(
            "Attended the U.S.-Japan Security Consultative Committee meeting and met with "
            "Prime Minister Yoshihide Suga and Foreign Minister Toshimitsu Motegi."
        ),
        modified=date(2022, 7, 26),
    )
    assert len(records) == 6


def test_it_skips_files_that_are_not_travel_records() -> None:
    files = {r.file for r in read_path(FIXTURE)}

    assert files == {
        "president-travels/biden-joseph-r.xml",
        "secretary-travels/blinken-antony-j.xml",
    }


def test_it_names_the_file_and_record_of_a_malformed_record() -> None:
    xml = "<trips><trip><id>77</id><name>X</name><start-date>2021-01-01</start-date></trip></trips>"

    with pytest.raises(ValueError, match=r"bad\.xml: record 77"):
        read_records(xml, "bad.xml")


def test_it_refuses_a_file_that_is_not_xml() -> None:
    with pytest.raises(ValueError, match="bad.xml: not well-formed"):
        read_records("<trips>", "bad.xml")


@pytest.mark.parametrize(
    ("slug", "label", "expected"),
    [
        ("korea-south", "Korea, Republic of", "KR"),
        ("japan", "Japan", "JP"),
        ("united-kingdom", "United Kingdom", "GB"),
        ("holy-see", "Vatican City", "VA"),
        ("palestinian-authority", "Palestinian Authority", "PS"),
        ("kosovo", "Serbia-Montenegro (Kosovo)", "XK"),
        ("turkiye", "Türkiye", "TR"),
        ("freedonia", "Freedonia", None),
    ],
)
def test_it_maps_country_slugs_to_iso_codes(slug: str, label: str, expected: str | None) -> None:
    assert country_code(slug, label) == expected


def test_it_splits_a_locale_into_places_keeping_their_notes() -> None:
    assert split_locale("Mexico, D.F., Puerto Vallarta") == [
        ("Mexico, D.F.", ""),
        ("Puerto Vallarta", ""),
    ]
    assert split_locale("Sydney (Nova Scotia), Campobello Island (New Brunswick)") == [
        ("Sydney", "Nova Scotia"),
        ("Campobello Island", "New Brunswick"),
    ]
    assert split_locale("") == []


def test_it_places_each_locale_of_a_record_in_the_gazetteer() -> None:
    stops, unplaced = place_locale("Seoul, Pyeongtaek", "KR")

    assert [(s.country, s.city, s.matched) for s in stops] == [
        ("KR", "Seoul", True),
        ("KR", "Pyeongtaek", True),
    ]
    assert stops[0].latitude == pytest.approx(37.57, abs=0.1)
    assert unplaced == []


def test_it_keeps_an_unmatched_locale_as_text() -> None:
    stops, _ = place_locale("London, Rogart", "GB")

    assert [(s.city, s.matched, s.latitude) for s in stops] == [
        ("London", True, pytest.approx(51.5, abs=0.1)),
        ("Rogart", False, None),
    ]


def test_it_places_a_locale_named_as_another_country_in_that_country() -> None:
    assert [(s.country, s.city) for s in place_locale("Bermuda", "GB")[0]] == [("BM", "")]
    assert [(s.country, s.city) for s in place_locale("Algiers (Algeria)", "FR")[0]] == [
        ("DZ", "Algiers")
    ]


def test_it_moves_a_city_abroad_only_under_a_state_that_no_longer_exists() -> None:
    kiev_in_ussr = place_locale("Moscow, Kiev", "RU", dissolved=True)[0]
    linz_on_the_rhine = place_locale("Linz", "DE")[0]

    assert [(s.country, s.city) for s in kiev_in_ussr] == [("RU", "Moscow"), ("UA", "Kyiv")]
    assert [(s.country, s.city, s.matched) for s in linz_on_the_rhine] == [("DE", "Linz", False)]


def test_it_gives_a_country_only_stop_to_a_record_without_locale() -> None:
    stops, unplaced = place_locale("", "VA")

    assert [(s.country, s.city) for s in stops] == [("VA", "")]
    assert unplaced == []


def test_it_reads_the_people_met_from_the_remarks() -> None:
    remarks = "Met with President Moon Jae-in and Foreign Minister Chung Eui-yong; toured the DMZ."

    assert parse_counterparts(remarks) == (
        record.Counterpart(name="Moon Jae-in", title="President", country=""),
        record.Counterpart(name="Chung Eui-yong", title="Foreign Minister", country=""),
    )


def test_it_ignores_unnamed_groups_in_the_remarks() -> None:
    remarks = "Met with senior Thai officials and the Foreign Ministers of ASEAN."

    assert parse_counterparts(remarks) == ()


@pytest.mark.parametrize(
    ("remarks", "expected"),
    [
        (
            "Briefed Chancellor Schmidt and Foreign Minister Genscher on the talks.",
            [("Chancellor", "Schmidt", ""), ("Foreign Minister", "Genscher", "")],
        ),
        ("Audience with Pope John Paul II.", [("Pope", "John Paul II", "VA")]),
        (
            "Accompanied President Ford and met with Egyptian President Sadat.",
            [("Egyptian President", "Sadat", "EG")],
        ),
        (
            "Met with King Abdullah II of Jordan and Chancellor Kohl.",
            [("King", "Abdullah II", "JO"), ("Chancellor", "Kohl", "")],
        ),
        (
            "Met with Emir Tamim bin Hamad al-Thani.",
            [("Emir", "Tamim bin Hamad al-Thani", "")],
        ),
        (
            "Met with Minister for Foreign Affairs Toshimitsu Motegi at U.S. Embassy.",
            [("Minister for Foreign Affairs", "Toshimitsu Motegi", "")],
        ),
        (
            "Met with Palestinian Authority President Salam Fayyad and Quartet Representative "
            "Tony Blair.",
            [
                ("Palestinian Authority President", "Salam Fayyad", "PS"),
                ("Quartet Representative", "Tony Blair", ""),
            ],
        ),
    ],
)
def test_it_reads_titles_and_names_of_many_forms(
    remarks: str, expected: list[tuple[str, str, str]]
) -> None:
    found = parse_counterparts(remarks)

    assert [(c.title, c.name, c.country) for c in found] == expected


def test_a_person_met_gets_no_country_from_the_place_of_the_meeting() -> None:
    rome = _record(
        country_slug="italy",
        country_label="Italy",
        locale="Rome",
        remarks="Attended the summit. Met with President Ada Quell and Chancellor Bo Brandt.",
    )

    assert [(c.name, c.country) for c in parse_record(rome).counterparts] == [
        ("Ada Quell", ""),
        ("Bo Brandt", ""),
    ]


def test_it_ties_a_meeting_to_the_locale_the_remarks_name() -> None:
    found = parse_counterparts("Attended a meeting. In Belfast, met with First Minister Foster.")

    assert [(c.name, c.locale) for c in found] == [("Foster", "Belfast")]


def test_it_renders_a_record_whose_spans_point_into_its_text() -> None:
    parsed = parse_record(_record(remarks="Met with Prime Minister Suga."))

    assert parsed.text == (
        "Travels of the Secretary of State, record 1 (test.xml). Jane Doe (Secretary of State) "
        "visited Tokyo, Japan from 15 March 2021 to 17 March 2021. "
        "Remarks: Met with Prime Minister Suga."
    )
    assert parsed.text[parsed.visit.start : parsed.visit.end] == parsed.visit.text
    assert parsed.remarks is not None
    assert parsed.text[parsed.remarks.start : parsed.remarks.end] == parsed.remarks.text
    assert parsed.external_id == "hsg:1"


def test_it_dates_the_places_of_a_multi_locale_record_at_its_ends() -> None:
    parsed = parse_record(_record(locale="Tokyo, Osaka, Kyoto"))

    assert [(s.city, s.arrive, s.depart) for s in parsed.stops] == [
        ("Tokyo", date(2021, 3, 15), None),
        ("Osaka", None, None),
        ("Kyoto", None, date(2021, 3, 17)),
    ]


def test_it_keeps_the_places_of_an_unknown_country_as_unplaced_text() -> None:
    parsed = parse_record(
        _record(country_slug="freedonia", country_label="Freedonia", locale="Fredville")
    )

    assert parsed.stops == ()
    assert parsed.unplaced == ("Fredville",)


def test_it_groups_stops_a_few_days_apart_and_splits_those_a_week_apart() -> None:
    journeys = _journeys()

    assert [(j.who, j.start, j.end) for j in journeys] == [
        ("biden-joseph-r", date(2021, 6, 10), date(2021, 6, 16)),
        ("biden-joseph-r", date(2021, 10, 29), date(2021, 10, 29)),
        ("biden-joseph-r", date(2022, 5, 20), date(2022, 5, 24)),
        ("blinken-antony-j", date(2021, 3, 15), date(2021, 3, 18)),
        ("blinken-antony-j", date(2021, 3, 25), date(2021, 3, 27)),
        ("blinken-antony-j", date(2021, 5, 3), date(2021, 5, 5)),
    ]


def test_it_counts_a_record_duplicated_under_a_new_id_once() -> None:
    march = _journeys()[3]

    assert [[p.record.id for p in v.records] for v in march.visits] == [
        ["9001", "9003"],
        ["9002"],
    ]
    assert [s.city for v in march.visits for s in v.stops] == ["Tokyo", "Seoul"]


def test_it_treats_overlapping_records_of_one_place_as_one_visit() -> None:
    first = parse_record(_record(id="1", end=date(2021, 3, 16)))
    longer = parse_record(_record(id="2", end=date(2021, 3, 18), remarks="Met the press."))

    (journey,) = group_journeys([first, longer])

    (visit,) = journey.visits
    assert [(s.arrive, s.depart) for s in visit.stops] == [(date(2021, 3, 15), date(2021, 3, 18))]
    assert visit.notes == "Met the press."


def test_it_reads_foreign_leaders_visits_only_when_asked() -> None:
    travels = read_path(FIXTURE)
    everything = read_path(FIXTURE, visits=True)

    visits = [r for r in everything if r.role == record.VISITOR]
    assert len(everything) == len(travels) + 2
    assert [(r.id, r.name, r.origin_slug, r.file) for r in visits] == [
        ("9001", "Prime Minister Kishida Fumio", "japan", "visits/2020.xml"),
        ("9002", "Federal Chancellor Olaf Scholz", "germany", "visits/2020.xml"),
    ]


def test_it_makes_a_visit_a_journey_of_the_leader_to_the_united_states() -> None:
    visit = next(r for r in read_path(FIXTURE, visits=True) if r.name.endswith("Scholz"))

    parsed = parse_record(visit)

    assert parsed.traveller == record.Counterpart(
        name="Olaf Scholz", title="Federal Chancellor", country="DE"
    )
    assert [(s.country, s.city, s.arrive) for s in parsed.stops] == [("US", "", date(2024, 9, 25))]
    assert parsed.external_id == "hsg:visit:9002"
    assert parsed.visit.text == (
        "Federal Chancellor Olaf Scholz of Germany visited the United States on 25 September 2024."
    )
