"""The one-off repair of who is who (trips.repair, manage.py repair_identity)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_article, make_evidence, make_meeting, make_official
from trips.models import Evidence, Meeting, Official, OfficialFormerSlug, OfficialsKeptApart, Trip
from trips.reconcile import record_import
from trips.repair import officials_repair

pytestmark = pytest.mark.django_db


def _as_the_old_rules_left_it() -> dict[str, Official]:
    """Both presidents Stone under one official, a surname twin, the host's country."""
    elder = Official.objects.get(record_id="stone-rex-h-w")
    younger = Official.objects.get(record_id="stone-rex-w")
    Trip.officials.through.objects.filter(official=younger).update(official=elder)
    Evidence.objects.filter(official=younger).update(official=elder)
    younger.delete()
    Official.objects.filter(pk=elder.pk).update(record_id="", aliases=["Rex W. Stone"])
    haller = Official.objects.get(name="Bruno Haller")
    rome = Meeting.objects.get(participants=haller, trip__start_date__year=2005)
    # "Met with Chancellor Haller" in Rome made an Italian "Haller".
    twin = make_official(name="Haller", slug="haller", title="Chancellor", country="IT")
    rome.participants.set([twin])
    article = make_article(text="Remarks: Attended the summit. Met with Chancellor Haller.")
    make_evidence(article=article, official=twin, sentence=article.text)
    # A head of government met at home, whose sentences never say where she serves.
    varenne = Official.objects.get(name="Odile Varenne")
    Official.objects.filter(pk=varenne.pk).update(country="FR")
    return {"elder": elder, "haller": haller, "twin": twin, "varenne": varenne}


def test_it_splits_merges_and_corrects_countries(two_stones):
    record_import(paths=[two_stones])
    people = _as_the_old_rules_left_it()

    report = officials_repair()

    elder = Official.objects.get(pk=people["elder"].pk)
    younger = Official.objects.get(record_id="stone-rex-w")
    assert elder.record_id == "stone-rex-h-w"
    assert [t.start_date.year for t in elder.trips.all()] == [1990]
    assert sorted(t.start_date.year for t in younger.trips.all()) == [2005, 2006]
    assert younger.name == "Rex W. Stone" and elder.aliases == []
    assert OfficialsKeptApart.objects.filter(first=elder, second=younger).exists()
    assert not Official.objects.filter(pk=people["twin"].pk).exists()
    haller = Official.objects.get(pk=people["haller"].pk)
    assert haller.meetings.count() == 2 and haller.country == "DE"
    assert OfficialFormerSlug.objects.get(slug="haller").official == haller
    assert Official.objects.get(pk=people["varenne"].pk).country == ""
    assert report.record_ids == ["Rex H.W. Stone (rex-hw-stone) is the record's stone-rex-h-w"]
    assert report.splits == [
        "Rex H.W. Stone (rex-hw-stone) split: 2 trips of the record's stone-rex-w moved to "
        "Rex W. Stone (rex-w-stone)"
    ]
    assert report.merges == ["Bruno Haller (bruno-haller) now also holds Haller (haller)"]
    assert "Odile Varenne (odile-varenne): FR was only the place of a meeting; now unknown" in (
        report.countries
    )


def test_it_keeps_what_editors_decided(two_stones):
    record_import(paths=[two_stones])
    people = _as_the_old_rules_left_it()
    Official.objects.filter(pk=people["haller"].pk).update(edited_by_person=True)
    Official.objects.filter(pk=people["twin"].pk).update(edited_by_person=True, country="")
    Official.objects.filter(pk=people["varenne"].pk).update(edited_by_person=True)

    report = officials_repair()

    assert Official.objects.filter(pk=people["twin"].pk).exists()
    assert Official.objects.get(pk=people["varenne"].pk).country == "FR"
    assert report.left_for_editors == [
        "Bruno Haller (bruno-haller) and Haller (haller): both edited by a person, left for an "
        "editor to merge or keep apart"
    ]


def test_it_changes_nothing_the_second_time(two_stones):
    record_import(paths=[two_stones])
    _as_the_old_rules_left_it()
    officials_repair()

    again = officials_repair()

    assert (again.record_ids, again.splits, again.merges, again.countries) == ([], [], [], [])


def test_the_command_reports_and_can_try_first(two_stones):
    record_import(paths=[two_stones])
    _as_the_old_rules_left_it()
    before = Official.objects.count()
    out = StringIO()

    call_command("repair_identity", "--dry-run", "--record", str(two_stones), stdout=out)

    assert Official.objects.count() == before
    text = out.getvalue()
    assert "Split:\n  Rex H.W. Stone (rex-hw-stone) split: 2 trips" in text
    assert text.splitlines()[-1] == (
        "Dry run, nothing changed. Identity repair: 1 record ids set, 1 officials split, "
        "1 officials merged into 1, 2 countries corrected, 0 possible duplicates left for an "
        "editor."
    )
    out = StringIO()
    call_command("repair_identity", stdout=out)
    assert Official.objects.count() == before  # one split, one merged away
    with pytest.raises(CommandError, match="no such file"):
        call_command("repair_identity", "--record", "/nonexistent/record")


def test_a_surname_of_two_people_in_office_together_stays_apart():
    ann = make_official(name="Ann Lee", title="Prime Minister", country="SG")
    bo = make_official(name="Bo Lee", title="Prime Minister", country="SG")
    lee = make_official(name="Lee", title="Prime Minister", country="SG")
    for person in (ann, bo, lee):
        make_meeting(participants=[person])

    officials_repair()

    assert Official.objects.filter(pk__in=[ann.pk, bo.pk, lee.pk]).count() == 3


def test_a_country_the_persons_own_title_gives_stays():
    quell = make_official(name="Quell", title="Russian Foreign Minister", country="RU")
    meeting = make_meeting(participants=[quell])
    meeting.stop = meeting.trip.stops.create(order=1, country="RU", city="Moscow")
    meeting.save()
    article = make_article(text="Remarks: Met with Russian Foreign Minister Quell.")
    make_evidence(article=article, official=quell, sentence=article.text)

    report = officials_repair()

    quell.refresh_from_db()
    assert (quell.country, report.countries) == ("RU", [])
