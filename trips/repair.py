"""One official per person in an existing database: the identity rules applied after the fact.

A database imported before the identity rules holds people merged by a
shared first and last name (two presidents Bush), one person under several
spellings or as a bare surname (three Thatchers), and people met abroad
carrying the host's country. ``officials_repair`` fixes them in four steps:

1. The official record's travellers: each gets the record's id for them (its
   ``who``); an official that travels under two ids is split, one official
   per id.
2. Countries: a country that only the place of a meeting gave (no record
   entry, no sentence of their own names it) is cleared; a record entry that
   names their government ("French President ...") sets it.
3. Merges: officials the identity rules find to be one person become one
   (``services.official_merge``), the record's person, an editor's row or
   the fullest name kept. Two rows an editor changed are never merged: such
   pairs are reported for an editor to decide, as are pairs an editor split.
4. The trips of merged officials get titles naming them and are matched with
   the record again (``services.officials_refresh``).

Nothing an editor decided is undone. Run it inside a transaction to try it
(the command's ``--dry-run``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Count, F, Q

from trips.extraction.names import (
    Identity,
    group_people,
    index_keys,
    name_relation,
    name_words,
    same_person,
)
from trips.extraction.names import countries_named as named_countries
from trips.extraction.people import house_country
from trips.identity import identity_of, meeting_countries, official_spans
from trips.models import Article, Evidence, Meeting, Official, OfficialsKeptApart, Trip
from trips.record import ROLE_TITLES, parse_counterparts, read_path
from trips.services import official_merge, official_split, officials_refresh
from trips.totals import visit_totals_refresh

# The record's sentence naming a traveller (``trips.record.render``).
_VISIT = re.compile(r"^(?P<name>.+) \((?P<role>President|Secretary of State)\) visited ")
# The record file named in a record's title: ".../<who>.xml".
_FILE = re.compile(r"\(record [^,()]+, (?:president|secretary)-travels/(?P<who>[^/()]+)\.xml\)$")
_REMARKS = "Remarks: "


@dataclass
class RepairReport:
    """What ``officials_repair`` changed, each item readable as it stands."""

    record_ids: list[str] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)
    left_for_editors: list[str] = field(default_factory=list)
    merged_officials: int = 0

    @property
    def summary(self) -> str:
        return (
            f"Identity repair: {len(self.record_ids)} record ids set, "
            f"{len(self.splits)} officials split, {self.merged_officials} officials merged "
            f"into {len(self.merges)}, {len(self.countries)} countries corrected, "
            f"{len(self.left_for_editors)} possible duplicates left for an editor."
        )


@transaction.atomic
def officials_repair(
    *, record_paths: Iterable[Path] = (), progress: Callable[[str], None] | None = None
) -> RepairReport:
    """Apply the identity rules to every official of the database (see the module).

    ``record_paths`` (the official record's XML) give each record entry its
    person id exactly; without them it is read from the record file named in
    each entry's title, as the import writes it.
    """
    report = RepairReport()
    say = progress or (lambda message: None)
    say("record travellers")
    _record_travellers(report, _who_of_articles(record_paths))
    say("countries")
    _countries(report)
    say("duplicates")
    _merges(report)
    return report


# ---------------------------------------------------------------- 1. the record's people


def _who_of_articles(record_paths: Iterable[Path]) -> dict[int, tuple[str, str, str]]:
    """Record article id -> (who, name, office) of its traveller, for travel records."""
    from_files: dict[str, tuple[str, str, str]] = {}
    for path in record_paths:
        for record in read_path(Path(path)):
            from_files[f"hsg:{record.id}"] = (
                record.who,
                record.name,
                ROLE_TITLES.get(record.role, ""),
            )
    found: dict[int, tuple[str, str, str]] = {}
    rows = (
        Article.objects.filter(kind=Article.Kind.RECORD, external_id__startswith="hsg:")
        .exclude(external_id__startswith="hsg:visit:")
        .values_list("pk", "external_id", "title", "text")
    )
    for pk, external_id, title, text in rows:
        if external_id in from_files:
            found[pk] = from_files[external_id]
            continue
        file, visit = _FILE.search(title), _VISIT.search(text.split(". ", 1)[-1])
        if file and visit:
            found[pk] = (file.group("who"), visit.group("name"), visit.group("role"))
    return found


def _record_travellers(report: RepairReport, who_of: dict[int, tuple[str, str, str]]) -> None:
    """Give each traveller of the record its id; split an official travelling under two."""
    trips_of_article: dict[int, set[int]] = defaultdict(set)
    for trip_id, article_id in Trip.articles.through.objects.filter(
        article_id__in=list(who_of)
    ).values_list("trip_id", "article_id"):
        trips_of_article[article_id].add(trip_id)
    travellers = set(
        Trip.officials.through.objects.filter(
            trip_id__in={t for ts in trips_of_article.values() for t in ts}
        ).values_list("trip_id", "official_id")
    )
    # The first entry of each journey names its traveller in an ``official`` fact.
    whos: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    people: dict[str, tuple[str, str]] = {}
    for article_id, official_id in (
        Evidence.objects.filter(article_id__in=list(who_of), fact=Evidence.Fact.OFFICIAL)
        .exclude(sentence__startswith=_REMARKS)
        .values_list("article_id", "official_id")
    ):
        who, name, office = who_of[article_id]
        people[who] = (name, office)
        for trip_id in trips_of_article[article_id]:
            if (trip_id, official_id) in travellers:
                whos[official_id][who].add(trip_id)
    holders = {o.record_id: o for o in Official.objects.exclude(record_id="")}
    officials = Official.objects.in_bulk(list(whos))
    for official_id, by_who in sorted(whos.items()):
        official = officials[official_id]
        keep = official.record_id if official.record_id in by_who else None
        keep = keep or max(
            by_who,
            key=lambda w: (
                _closeness_name(official.name, people[w][0]),
                _closeness(official, people[w][0]),
                len(by_who[w]),
            ),
        )
        for who, trip_ids in sorted(by_who.items()):
            if who != keep:
                _move_record_person(report, official, who, people[who], trip_ids, holders)
        if official.record_id != keep and keep not in holders:
            official.record_id = keep
            official.save(update_fields=["record_id", "updated_at"])
            holders[keep] = official
            report.record_ids.append(f"{official.name} ({official.slug}) is the record's {keep}")


def _move_record_person(
    report: RepairReport,
    official: Official,
    who: str,
    person: tuple[str, str],
    trip_ids: set[int],
    holders: dict[str, Official],
) -> None:
    """The trips of the record's ``who`` go to its own official, found or split out."""
    owner = holders.get(who)
    if owner is not None and owner.pk != official.pk:
        links = Trip.officials.through.objects
        held = links.filter(official=owner).values_list("trip_id", flat=True)
        links.filter(official=official, trip_id__in=trip_ids).exclude(trip_id__in=held).update(
            official=owner
        )
        links.filter(official=official, trip_id__in=trip_ids).delete()
        visit_totals_refresh(trip_ids=trip_ids)
        report.splits.append(
            f"{official.name} ({official.slug}): {len(trip_ids)} trips of the record's "
            f"{who} moved to {owner.name} ({owner.slug})"
        )
        return
    name, office = person
    other = official_split(
        official=official,
        name=name,
        title=office,
        country="US",
        record_id=who,
        trips=list(Trip.objects.filter(pk__in=trip_ids)),
        aliases=[a for a in official.aliases if _closeness_name(a, name) >= 3],
        note=f"The official record names them {who} and {official.record_id or 'another'}.",
        by_person=False,
    )
    holders[who] = other
    report.splits.append(
        f"{official.name} ({official.slug}) split: {len(trip_ids)} trips of the record's "
        f"{who} moved to {other.name} ({other.slug})"
    )


_CLOSENESS = {"exact": 4, "same": 3, "variant": 2, "surname": 1, "single": 1}


def _closeness_name(a: str, b: str) -> int:
    if name_words(a) == name_words(b):
        return _CLOSENESS["exact"]  # the same name, if only a surname ("Lavrov")
    return _CLOSENESS.get(name_relation(a, b) or "", 0)


def _closeness(official: Official, name: str) -> int:
    return max(_closeness_name(n, name) for n in (official.name, *official.aliases))


# ---------------------------------------------------------------- 2. countries


def _record_countries(official: Official, sentences: list[str]) -> set[str]:
    """The governments the record's remarks give this person ("French President ...")."""
    found: set[str] = set()
    for sentence in sentences:
        for person in parse_counterparts(sentence.removeprefix(_REMARKS)):
            if person.country and _closeness(official, person.name) >= 3:
                found.add(person.country)
    return found


def _countries(report: RepairReport) -> None:
    """Clear a country only a meeting place gave; set one the record's remarks give."""
    met_at_home = Meeting.participants.through.objects.filter(
        meeting__stop__country=F("official__country")
    ).values("official_id")
    travelling = Trip.officials.through.objects.values("official_id")
    suspects = list(
        Official.objects.filter(edited_by_person=False, record_id="")
        .filter(Q(pk__in=met_at_home) | Q(country=""))
        .exclude(Q(country__gt="") & Q(pk__in=travelling))
    )
    sentences: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for official_id, kind, sentence in Evidence.objects.filter(
        official__in=suspects, fact=Evidence.Fact.OFFICIAL
    ).values_list("official_id", "article__kind", "sentence"):
        sentences[official_id].append((kind, sentence))
    for official in suspects:
        remarks = [s for _, s in sentences[official.pk] if s.startswith(_REMARKS)]
        given = _record_countries(official, remarks)
        news = [s for kind, s in sentences[official.pk] if kind == Article.Kind.NEWS]
        if official.country and (
            official.country in given
            or house_country(official.name) == official.country
            or any(official.country in named_countries(s) for s in news)
        ):
            continue  # their own words name it
        country = given.pop() if len(given) == 1 else ""
        if country == official.country:
            continue
        old, official.country = official.country, country
        official.save(update_fields=["country", "updated_at"])
        said = f"now {country}, as the record says" if country else "now unknown"
        why = f"{old} was only the place of a meeting; " if old else ""
        report.countries.append(f"{official.name} ({official.slug}): {why}{said}")


# ---------------------------------------------------------------- 3. merges


def _clusters(officials: list[Official]) -> list[list[Official]]:
    """Officials sharing a name key, in connected groups (union-find over keys)."""
    parent = list(range(len(officials)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for index, official in enumerate(officials):
        for name in (official.name, *official.aliases):
            for key in index_keys(name):
                if key in first_with:
                    parent[find(index)] = find(first_with[key])
                else:
                    first_with[key] = index
    groups: dict[int, list[Official]] = defaultdict(list)
    for index, official in enumerate(officials):
        groups[find(index)].append(official)
    return [group for group in groups.values() if len(group) > 1]


def _merges(report: RepairReport) -> None:
    officials = list(
        Official.objects.annotate(
            n=Count("trips", distinct=True) + Count("meetings", distinct=True)
        ).order_by("pk")
    )
    spans = official_spans()
    met_in = meeting_countries()
    kept_apart = set(OfficialsKeptApart.objects.values_list("first_id", "second_id"))
    survivors: list[int] = []
    renamed: dict[str, str] = {}
    for cluster in _clusters(officials):
        people = [identity_of(o, spans, met_in) for o in cluster]

        def apart(i: int, j: int, cluster=cluster) -> bool:
            a, b = cluster[i], cluster[j]
            return tuple(sorted((a.pk, b.pk))) in kept_apart or (
                a.edited_by_person and b.edited_by_person
            )

        for group in group_people(people, apart=apart):
            if len(group) < 2:
                _report_editors_pairs(report, cluster, people, group, kept_apart)
                continue
            members = [cluster[i] for i in group]
            keep = max(members, key=_worth_keeping)
            names = [m.name for m in members]
            merged = []
            for other in members:
                if other.pk != keep.pk:
                    merged.append(f"{other.name} ({other.slug})")
                    keep = official_merge(source=other, target=keep, by_person=False, refresh=False)
            # The trips' titles name the person kept ("Thatcher to ..." -> the full name).
            renamed.update({name: keep.name for name in names if name != keep.name})
            report.merged_officials += len(merged)
            report.merges.append(f"{keep.name} ({keep.slug}) now also holds " + "; ".join(merged))
            survivors.append(keep.pk)
    officials_refresh(official_ids=survivors, renamed=renamed)


def _worth_keeping(official: Official) -> tuple:
    return (
        official.edited_by_person,
        bool(official.record_id),
        len(name_words(official.name)) > 1,
        official.n,
        -official.pk,
    )


def _report_editors_pairs(
    report: RepairReport,
    cluster: list[Official],
    people: list[Identity],
    group: list[int],
    kept_apart: set[tuple[int, int]],
) -> None:
    """An editor's official the rules would merge with another editor's: say so."""
    (index,) = group
    official = cluster[index]
    if not official.edited_by_person:
        return
    for other_index, other in enumerate(cluster):
        if (
            other_index > index
            and other.edited_by_person
            and tuple(sorted((official.pk, other.pk))) not in kept_apart
            and same_person(people[index], people[other_index])
        ):
            report.left_for_editors.append(
                f"{official.name} ({official.slug}) and {other.name} ({other.slug}): "
                "both edited by a person, left for an editor to merge or keep apart"
            )
