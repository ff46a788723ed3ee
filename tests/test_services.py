"""The import service: writing extractions, merging trips, idempotence, editors' rows."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from unittest import mock

import pytest

from tests.factories import make_official
from trips import services
from trips.extraction.types import (
    ExtractedMeeting,
    ExtractedOfficial,
    ExtractedStop,
    ExtractedTrip,
    Extraction,
    Span,
)
from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.readers import ArticleSource
from trips.services import OfficialIndex, article_import, articles_import, official_resolve

pytestmark = pytest.mark.django_db

TEXT = "Minister Ada Quill arrived in Tokyo on Monday. She met Ken Sato there."
SPAN_ARRIVE = Span(0, 46, TEXT[0:46])
SPAN_MEET = Span(47, len(TEXT), TEXT[47:])


def _source(external_id="a1", text=TEXT, published=date(2024, 3, 18), url="") -> ArticleSource:
    return ArticleSource(
        origin=f"{external_id}.txt",
        external_id=external_id,
        title=f"Title {external_id}",
        text=text,
        published=published,
        url=url,
    )


def _extraction(
    *,
    stops=(("JP", "Tokyo", date(2024, 3, 18)),),
    meetings=(("Ken Sato", "JP", "Tokyo"),),
    start=date(2024, 3, 18),
    end=None,
    status="ongoing",
    traveller="Ada Quill",
) -> Extraction:
    return Extraction(
        officials=(
            ExtractedOfficial(traveller, "Foreign Minister", "GB", evidence=(SPAN_ARRIVE,)),
            ExtractedOfficial("Ken Sato", "Foreign Minister", "JP", evidence=(SPAN_MEET,)),
        ),
        trips=(
            ExtractedTrip(
                travelers=(traveller,),
                status=status,
                start=start,
                end=end,
                stops=tuple(
                    ExtractedStop(c, city, arrive=arrive, evidence=(SPAN_ARRIVE,))
                    for c, city, arrive in stops
                ),
                meetings=tuple(
                    ExtractedMeeting((who,), country, city, evidence=(SPAN_MEET,))
                    for who, country, city in meetings
                ),
                start_evidence=(SPAN_ARRIVE,) if start else (),
                evidence=(SPAN_ARRIVE,),
            ),
        ),
    )


def _import(source: ArticleSource, extraction: Extraction, index: OfficialIndex | None = None):
    with mock.patch.object(services, "extract_article", return_value=extraction):
        return article_import(source=source, index=index)


def test_it_writes_officials_trip_stops_meetings_and_evidence():
    outcome = _import(_source(), _extraction())
    assert outcome.status == "imported", outcome.message
    trip = Trip.objects.get()
    assert [o.name for o in trip.officials.all()] == ["Ada Quill"]
    assert trip.title == "Ada Quill to Tokyo"
    assert trip.summary == "Minister Ada Quill arrived in Tokyo on Monday."
    assert (trip.status, trip.start_date, trip.status_as_of) == (
        "ongoing",
        date(2024, 3, 18),
        date(2024, 3, 18),
    )
    stop = trip.stops.get()
    assert (stop.order, stop.country, stop.city, stop.arrive_date) == (
        1,
        "JP",
        "Tokyo",
        date(2024, 3, 18),
    )
    meeting = trip.meetings.get()
    assert meeting.stop == stop
    assert [p.name for p in meeting.participants.all()] == ["Ken Sato"]
    facts = Counter(Evidence.objects.values_list("fact", flat=True))
    assert facts == {"official": 2, "trip": 1, "trip_start": 1, "stop": 1, "meeting": 1}
    evidence = Evidence.objects.get(fact="stop")
    assert TEXT[evidence.start_offset : evidence.end_offset] == evidence.sentence
    assert outcome.counts["trips_created"] == 1 and outcome.counts["stops_created"] == 1


def test_reimporting_the_same_article_changes_nothing():
    _import(_source(), _extraction())
    before = (Trip.objects.count(), Stop.objects.count(), Evidence.objects.count())
    outcome = _import(_source(), _extraction())
    assert outcome.status == "unchanged"
    assert (Trip.objects.count(), Stop.objects.count(), Evidence.objects.count()) == before


def test_a_second_article_about_the_same_trip_enriches_it():
    _import(_source("a1"), _extraction())
    later = _extraction(
        stops=(("JP", None, None), ("KR", "Seoul", date(2024, 3, 20))),
        meetings=(),
        start=None,
        end=date(2024, 3, 21),
        status="completed",
    )
    outcome = _import(_source("a2", text=TEXT + " More.", published=date(2024, 3, 22)), later)
    assert outcome.status == "imported"
    trip = Trip.objects.get()
    assert [(s.country, s.city) for s in trip.stops.order_by("order")] == [
        ("JP", "Tokyo"),
        ("KR", "Seoul"),
    ]
    assert (trip.start_date, trip.end_date) == (date(2024, 3, 18), date(2024, 3, 21))
    assert trip.status == "completed" and trip.status_as_of == date(2024, 3, 22)
    assert sorted(trip.articles.values_list("external_id", flat=True)) == ["a1", "a2"]
    assert trip.title == "Ada Quill to Tokyo and Seoul"


def test_a_different_trip_of_the_same_traveller_stays_separate():
    _import(_source("a1"), _extraction())
    other = _extraction(
        stops=(("BR", "Brasilia", date(2024, 9, 2)),), meetings=(), start=date(2024, 9, 2)
    )
    _import(_source("a2", text=TEXT + " Later.", published=date(2024, 9, 3)), other)
    assert Trip.objects.count() == 2
    assert Official.objects.filter(name="Ada Quill").count() == 1


def test_a_person_edited_trip_and_stop_are_never_overwritten():
    _import(_source("a1"), _extraction())
    trip = Trip.objects.get()
    Trip.objects.filter(pk=trip.pk).update(
        edited_by_person=True, title="Edited title", status="planned"
    )
    Stop.objects.filter(trip=trip).update(edited_by_person=True, city="Yokohama")
    later = _extraction(
        stops=(("JP", "Yokohama", date(2024, 3, 19)), ("KR", "Seoul", None)),
        meetings=(),
        status="completed",
        end=date(2024, 3, 21),
    )
    _import(_source("a2", text=TEXT + " Again.", published=date(2024, 3, 22)), later)
    trip.refresh_from_db()
    assert (trip.title, trip.status, trip.end_date) == ("Edited title", "planned", None)
    stops = list(trip.stops.order_by("order"))
    assert [(s.city, s.arrive_date) for s in stops] == [
        ("Yokohama", date(2024, 3, 18)),
        ("Seoul", None),
    ]
    assert trip.status_as_of == date(2024, 3, 22)


def test_a_new_version_of_an_article_replaces_only_its_own_contribution():
    _import(_source("a1", url="https://example.org/a1"), _extraction())
    _import(
        _source("b1", text="Another story.", published=date(2024, 3, 19)),
        _extraction(stops=(("JP", "Tokyo", None),), meetings=(("Rin Mori", "JP", "Tokyo"),)),
    )
    revised = _extraction(stops=(("JP", "Osaka", date(2024, 3, 18)),), meetings=())
    outcome = _import(
        _source("a1", text=TEXT + " Corrected.", url="https://example.org/a1"), revised
    )
    assert outcome.status == "updated"
    assert Article.objects.count() == 2
    trip = Trip.objects.get()
    # Tokyo stays (b1 still supports it) and Osaka arrives; Ken Sato's meeting,
    # supported by a1 only, is gone; Rin Mori's, from b1, stays.
    assert sorted(trip.stops.values_list("city", flat=True)) == ["Osaka", "Tokyo"]
    participants = Meeting.objects.values_list("participants__name", flat=True)
    assert list(participants) == ["Rin Mori"]
    assert not Evidence.objects.filter(article__external_id="a1", fact="meeting")


def test_a_person_edited_meeting_survives_a_new_version():
    _import(_source("a1"), _extraction())
    Meeting.objects.update(edited_by_person=True, description="Confirmed by editor")
    _import(_source("a1", text=TEXT + " Fixed."), _extraction(meetings=()))
    assert Meeting.objects.get().description == "Confirmed by editor"


def test_each_article_has_its_own_transaction():
    bad = _extraction(stops=(("JP", "Tokyo", date(2024, 3, 18)),))
    broken = Extraction(
        officials=bad.officials,
        trips=(
            ExtractedTrip(
                travelers=("Ada Quill",),
                stops=(ExtractedStop("JP", "x" * 5, latitude=500.0, longitude=0.0),),
            ),
        ),
    )
    with mock.patch.object(services, "extract_articles", return_value=iter([bad, broken])):
        report = articles_import(
            sources=[_source("a1"), _source("a2", text="Other", published=date(2024, 3, 19))]
        )
    assert [o.status for o in report.outcomes] == ["imported", "failed"]
    assert "stop_coordinates_valid" in report.outcomes[1].message
    assert list(Article.objects.values_list("external_id", flat=True)) == ["a1"]
    assert Stop.objects.count() == 1


def _broken_extraction(good: Extraction) -> Extraction:
    """An extraction whose stop cannot be stored (a latitude out of range)."""
    return Extraction(
        officials=good.officials,
        trips=(
            ExtractedTrip(
                travelers=("Ada Quill",),
                stops=(ExtractedStop("FR", "Paris", latitude=500.0, longitude=0.0),),
            ),
        ),
    )


def test_a_bad_article_rolls_back_alone_and_its_group_keeps_the_others(monkeypatch):
    good = _extraction()
    broken = _broken_extraction(good)
    later = _extraction(stops=(("KR", "Seoul", date(2024, 3, 20)),), meetings=())
    monkeypatch.setattr(services, "IMPORT_GROUP", 2)
    refreshed = []
    real_refresh = services.visit_totals_refresh

    def refresh(**kwargs):
        refreshed.append(set(kwargs["trip_ids"]))
        real_refresh(**kwargs)

    monkeypatch.setattr(services, "visit_totals_refresh", refresh)
    sources = [
        _source("a1"),
        _source("a2", text="Other", published=date(2024, 3, 19)),
        _source("a3", text="Later", published=date(2024, 3, 20)),
    ]
    extractions = iter([good, broken, later])
    with mock.patch.object(services, "extract_articles", return_value=extractions):
        report = articles_import(sources=sources)
    outcomes = [(o.external_id, o.status) for o in report.outcomes]
    assert outcomes == [("a1", "imported"), ("a2", "failed"), ("a3", "imported")]
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["a1", "a3"]
    assert sorted(Stop.objects.values_list("city", flat=True)) == ["Seoul", "Tokyo"]
    # One upkeep of the stored totals a group (a1 and a2; a3), with every trip written.
    assert len(refreshed) == 2
    assert set().union(*refreshed) == set(Trip.objects.values_list("pk", flat=True))


def test_officials_resolve_across_spellings_and_keep_aliases():
    index = OfficialIndex()
    first = official_resolve(name="Antonia Quill", title="Minister", country="GB", index=index)
    again = official_resolve(name="Antonia J. Quill", index=index)
    initial = official_resolve(name="A. Quill", index=index)
    assert first.pk == again.pk == initial.pk
    first.refresh_from_db()
    assert "Antonia J. Quill" in first.aliases


def test_namesakes_from_different_governments_stay_apart():
    index = OfficialIndex()
    a = official_resolve(name="Min Park", country="KR", index=index)
    b = official_resolve(name="Min Park", country="US", index=index)
    assert a.pk != b.pk and a.slug != b.slug


def test_an_editors_official_keeps_its_title():
    official = make_official(name="Lea Brandt", title="Chancellor", country="DE")
    Official.objects.filter(pk=official.pk).update(edited_by_person=True)
    resolved = official_resolve(name="Lea Brandt", title="Minister", country="DE")
    resolved.refresh_from_db()
    assert resolved.title == "Chancellor" and resolved.aliases == official.aliases


def test_inconsistent_dates_keep_the_earlier_fact():
    extraction = _extraction(start=date(2024, 3, 20), end=date(2024, 3, 18))
    outcome = _import(_source(), extraction)
    assert outcome.status == "imported"
    trip = Trip.objects.get()
    assert (trip.start_date, trip.end_date) == (date(2024, 3, 20), None)


def test_a_new_version_that_names_the_same_people_again_imports_cleanly():
    index = OfficialIndex()
    _import(_source("a1"), _extraction(), index)
    outcome = _import(_source("a1", text=TEXT + " Updated."), _extraction(), index)
    assert outcome.status == "updated", outcome.message
    meeting = Meeting.objects.get()
    assert [p.name for p in meeting.participants.all()] == ["Ken Sato"]
    assert Official.objects.filter(name="Ken Sato").count() == 1


def _tour(*stops):
    return _extraction(stops=stops, meetings=(), start=stops[0][2], status="completed")


TOUR = (
    ("JP", "Tokyo", date(2024, 3, 18)),
    ("KR", "Seoul", date(2024, 3, 20)),
    ("PH", "Manila", date(2024, 3, 22)),
)


@pytest.mark.parametrize("edited", ["Tokyo", "Manila"])
def test_an_editors_change_to_a_stop_date_keeps_the_route_through_a_new_version(edited):
    _import(_source("a1"), _tour(*TOUR))
    # The editor moves one stop's date (say the record had it wrong), nothing else.
    Stop.objects.filter(city=edited).update(arrive_date=date(2024, 3, 25), edited_by_person=True)

    _import(_source("a1", text=TEXT + " Updated."), _tour(*TOUR))

    stops = Trip.objects.get().stops.order_by("order")
    assert [s.city for s in stops] == ["Tokyo", "Seoul", "Manila"]
    assert stops.get(city=edited).arrive_date == date(2024, 3, 25)


def test_a_new_stop_joins_an_edited_route_at_its_place_in_travel_order():
    _import(_source("a1"), _tour(*TOUR))
    Stop.objects.filter(city="Manila").update(arrive_date=date(2024, 3, 17), edited_by_person=True)
    later = _tour(
        ("JP", "Tokyo", date(2024, 3, 18)),
        ("KR", "Seoul", date(2024, 3, 20)),
        ("TW", "Taipei", date(2024, 3, 21)),
        ("PH", "Manila", date(2024, 3, 22)),
    )

    _import(_source("a2", text=TEXT + " Taipei too.", published=date(2024, 3, 23)), later)

    stops = Trip.objects.get().stops.order_by("order")
    assert [s.city for s in stops] == ["Tokyo", "Seoul", "Taipei", "Manila"]


def _batch(n: int) -> list[ArticleSource]:
    return [_source(external_id=f"b{i}", text=f"{TEXT} ({i})") for i in range(n)]


def _statements(n: int, analyze_after: int) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with (
        mock.patch.object(services, "ANALYZE_AFTER", analyze_after),
        mock.patch.object(
            services, "extract_articles", side_effect=lambda inputs: [_extraction() for _ in inputs]
        ),
        CaptureQueriesContext(connection) as queries,
    ):
        articles_import(sources=_batch(n))
    return [q["sql"] for q in queries.captured_queries]


@pytest.mark.skipif(
    "postgres" not in __import__("os").environ.get("DATABASE_URL", ""),
    reason="ANALYZE is PostgreSQL's",
)
def test_a_large_batch_ends_by_analysing_the_tables_it_wrote():
    analysed = [sql for sql in _statements(3, analyze_after=3) if sql.startswith("ANALYZE")]
    assert len(analysed) == 1
    assert '"trips_stop"' in analysed[0] and '"trips_trip_officials"' in analysed[0]


@pytest.mark.skipif(
    "postgres" not in __import__("os").environ.get("DATABASE_URL", ""),
    reason="ANALYZE is PostgreSQL's",
)
def test_a_large_batch_leaves_alone_the_statistics_of_tables_it_barely_grew():
    from django.db import connection

    Trip.objects.bulk_create(Trip(title=f"Older {n}") for n in range(40))
    with connection.cursor() as cursor:
        cursor.execute('ANALYZE "trips_trip"')
    analysed = [sql for sql in _statements(3, analyze_after=3) if sql.startswith("ANALYZE")]
    assert len(analysed) == 1
    # One trip more on 40 is not a tenth; three articles on none are.
    assert '"trips_trip",' not in analysed[0] and '"trips_article"' in analysed[0]


def test_a_small_batch_leaves_the_statistics_alone():
    assert not [sql for sql in _statements(2, analyze_after=3) if sql.startswith("ANALYZE")]


def test_candidate_trips_read_meetings_without_joining_the_stops():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _import(_source(), _extraction())
    with CaptureQueriesContext(connection) as queries:
        outcome = _import(_source("a2", text=f"{TEXT} again"), _extraction())
    assert outcome.counts["trips_updated"] <= 1
    meeting_reads = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "trips_meeting"')
    ]
    assert meeting_reads and not any("trips_stop" in sql for sql in meeting_reads)
    assert Trip.objects.count() == 1  # the second report enriched the first trip


@pytest.mark.django_db
def test_the_extractions_warnings_reach_the_outcome_alone_or_in_a_batch():
    source = _source(published=None)
    single = article_import(source=source)
    assert "no publication date: relative dates left unresolved" in single.warnings
    report = articles_import(
        sources=[_source(external_id="a2", text=TEXT + " Again.", published=None)]
    )
    assert "no publication date: relative dates left unresolved" in report.outcomes[0].warnings


def test_an_articles_new_meetings_go_in_together_with_their_participants():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    extraction = _extraction(
        meetings=(("Ken Sato", "JP", "Tokyo"), ("Mia Kato", "JP", "Tokyo")),
    )
    with CaptureQueriesContext(connection) as queries:
        outcome = _import(_source(), extraction)

    meetings = Meeting.objects.order_by("pk")
    assert [[p.name for p in m.participants.all()] for m in meetings] == [
        ["Ken Sato"],
        ["Mia Kato"],
    ]
    assert {m.stop.city for m in meetings} == {"Tokyo"}
    assert Evidence.objects.filter(fact="meeting").count() == 2
    assert outcome.counts["meetings_created"] == 2
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert len([sql for sql in inserts if '"trips_meeting" ' in sql]) == 1
    assert len([sql for sql in inserts if '"trips_meeting_participants"' in sql]) == 1
    assert len([sql for sql in inserts if '"trips_trip_articles"' in sql]) == 1


def test_a_meeting_told_twice_by_one_article_is_one_meeting_with_everyone():
    sato = ExtractedMeeting(("Ken Sato",), "JP", "Tokyo", evidence=(SPAN_MEET,))
    both = ExtractedMeeting(
        ("Ken Sato", "Mia Kato"), "JP", "Tokyo", date(2024, 3, 19), "talks", (SPAN_MEET,)
    )
    base = _extraction()
    trip = base.trips[0]
    extraction = Extraction(
        officials=base.officials,
        trips=(
            ExtractedTrip(
                travelers=trip.travelers,
                status=trip.status,
                start=trip.start,
                stops=trip.stops,
                meetings=(sato, both),
                evidence=trip.evidence,
            ),
        ),
    )

    outcome = _import(_source(), extraction)

    meeting = Meeting.objects.get()
    assert sorted(p.name for p in meeting.participants.all()) == ["Ken Sato", "Mia Kato"]
    assert (meeting.date, meeting.description) == (date(2024, 3, 19), "talks")
    assert outcome.counts["meetings_created"] == 1
    assert outcome.counts["meetings_updated"] == 1
    assert Evidence.objects.filter(fact="meeting", meeting=meeting).count() == 2


def _group_import(sources, extractions):
    with mock.patch.object(services, "extract_articles", return_value=iter(extractions)):
        return articles_import(sources=sources)


def test_a_group_reads_its_stored_articles_once_and_sees_the_ones_it_writes():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _import(_source("a0", text="Stored before"), _extraction())
    corrected = _source("a1", text="First, corrected", published=date(2024, 3, 19))
    sources = [
        _source("a0", text="Stored before"),
        _source("a1", text="First", published=date(2024, 3, 19)),
        corrected,
        replace(corrected, external_id="a2"),
        _source("a3", text="Third", published=date(2024, 3, 22)),
    ]
    with CaptureQueriesContext(connection) as queries:
        report = _group_import(sources, [_extraction() for _ in sources])

    outcomes = [(o.external_id, o.status) for o in report.outcomes]
    assert outcomes == [
        ("a0", "unchanged"),
        ("a1", "imported"),
        ("a1", "updated"),  # the version the group itself wrote
        ("a2", "unchanged"),  # the same content as that version
        ("a3", "imported"),
    ]
    assert Article.objects.get(external_id="a1").text == "First, corrected"
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["a0", "a1", "a3"]
    article_reads = [
        q for q in queries.captured_queries if q["sql"].startswith('SELECT "trips_article"')
    ]
    assert len(article_reads) == 1


def test_after_a_failed_article_the_group_reads_its_stored_articles_again():
    good = _extraction()
    broken = _broken_extraction(good)
    _import(_source("a1", text="Stored"), good)
    version = _source("a1", text="Stored, a new version", published=date(2024, 3, 19))
    # The same version twice: its first import fails, and nothing of it was stored.
    report = _group_import([version, version], [broken, good])

    outcomes = [(o.external_id, o.status) for o in report.outcomes]
    assert outcomes == [("a1", "failed"), ("a1", "updated")]
    assert Article.objects.get(external_id="a1").text == "Stored, a new version"


def test_a_candidate_trip_that_is_another_journey_has_its_meetings_left_unread():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _import(_source(), _extraction())
    later = _extraction(stops=(("JP", "Osaka", date(2024, 5, 2)),), start=date(2024, 5, 2))
    with CaptureQueriesContext(connection) as queries:
        _import(_source("a2", text="Later", published=date(2024, 5, 2)), later)

    assert Trip.objects.count() == 2  # a journey of its own, though it too went to Japan
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert any('FROM "trips_stop"' in sql for sql in reads)  # the candidate was read
    # No meeting row read; the stored totals only count the written trip's meetings.
    assert not any('FROM "trips_meeting"' in sql and "COUNT(" not in sql for sql in reads)


def test_a_trip_as_extracted_without_its_meetings():
    _import(_source(), _extraction())
    trip = services._trips_prefetched().get()

    assert services.trip_as_extracted(trip, meetings=False).meetings == ()
    assert [m.participants for m in services.trip_as_extracted(trip).meetings] == [("Ken Sato",)]


def test_an_official_of_the_eu_keeps_the_code_an_unknown_code_is_dropped():
    index = OfficialIndex()
    borrell = official_resolve(
        name="Jordi Vidal", title="High Representative", country="eu", index=index
    )
    nobody = official_resolve(name="Ana Roig", title="Minister", country="ZZ", index=index)
    assert (borrell.country, nobody.country) == ("EU", "")


def test_a_group_stores_its_articles_links_and_evidence_together_without_savepoints():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sources = _batch(3)
    with CaptureQueriesContext(connection) as queries:
        report = _group_import(sources, [_extraction() for _ in sources])

    assert [o.status for o in report.outcomes] == ["imported"] * 3
    sql = [q["sql"] for q in queries.captured_queries]
    inserts = [s for s in sql if s.startswith("INSERT")]
    assert len([s for s in inserts if '"trips_evidence"' in s]) == 1
    assert len([s for s in inserts if '"trips_trip_articles"' in s]) == 1
    # Inside the test's transaction the group and its upkeep of the totals
    # are a savepoint each; the articles add none.
    assert len([s for s in sql if s.startswith("SAVEPOINT")]) == 2
    assert Evidence.objects.count() == 3 * len(_evidence_of(_extraction()))
    assert set(Trip.objects.get().articles.values_list("external_id", flat=True)) == {
        "b0",
        "b1",
        "b2",
    }


def _evidence_of(extraction: Extraction) -> list[Span]:
    trip = extraction.trips[0]
    return [
        *(span for official in extraction.officials for span in official.evidence),
        *trip.evidence,
        *trip.start_evidence,
        *(span for stop in trip.stops for span in stop.evidence),
        *(span for meeting in trip.meetings for span in meeting.evidence),
    ]


def test_a_failed_article_sends_its_group_back_to_be_written_an_article_a_savepoint():
    good = _extraction()
    sources = [_source("a1"), _source("a2", text="Other", published=date(2024, 3, 19))]
    report = _group_import(sources, [good, _broken_extraction(good)])

    assert [o.status for o in report.outcomes] == ["imported", "failed"]
    # The first article's links and evidence are stored once, by the second try.
    article = Article.objects.get()
    assert article.trips.count() == 1
    assert article.evidence.count() == len(_evidence_of(good))
    assert report.outcomes[0].counts["evidence_created"] == len(_evidence_of(good))


def test_the_writes_take_the_extractions_given_and_parse_nothing():
    sources = [_source("a2", text="Later", published=date(2024, 3, 19)), _source("a1")]
    later = _extraction(stops=(("KR", "Seoul", date(2024, 3, 19)),), meetings=())
    with mock.patch.object(services, "extract_articles", side_effect=AssertionError):
        report = articles_import(sources=sources, extractions=[later, _extraction()])

    # Oldest first, each with its own extraction.
    assert [o.external_id for o in report.outcomes] == ["a1", "a2"]
    stops = Evidence.objects.filter(fact="stop").values_list("article__external_id", "stop__city")
    assert sorted(stops) == [("a1", "Tokyo"), ("a2", "Seoul")]


def test_an_article_with_no_day_at_all_reads_its_candidates_only_until_one_matches():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_stop, make_trip

    quill = make_official(name="Ada Quill", title="Foreign Minister", country="GB")
    trips = [
        make_trip(officials=[quill], start_date=date(2000 + n, 5, 1), end_date=None)
        for n in range(25)
    ]
    for trip in trips:
        make_stop(trip=trip, country="JP", city="Tokyo")
    undated = _extraction(stops=(("JP", "Tokyo", None),), start=None, meetings=())
    with CaptureQueriesContext(connection) as queries:
        outcome = _import(_source(published=None), undated)

    assert outcome.status == "imported" and outcome.counts["trips_created"] == 0
    # The first of the travellers' trips sharing the country takes the article.
    assert Trip.objects.get(articles__external_id="a1").pk == trips[0].pk
    trip_reads = [
        q for q in queries.captured_queries if q["sql"].startswith('SELECT "trips_trip"."id", ')
    ]
    assert len(trip_reads) == 1
    (listed,) = re.findall(r'"trips_trip"\."id" IN \(([^)]*)\)', trip_reads[0]["sql"])
    assert len(listed.split(",")) == services._UNDATED_CHUNK  # of the 25
