"""Who is who in the database: the identity of officials, and the writes that fix it.

The rules are pure (``trips.extraction.names``); this module gives them what
the database knows of each official (``identity_of``: names, office,
government, the record's id, the days the data shows them in office) and holds
the writes an editor or a repair makes to identity: ``official_merge`` (two
officials are one person), ``official_split`` (one official is two people) and
``officials_repair`` (the rules applied to a whole database).

Every write that changes who took part in what ends in ``_identity_changed``,
the one place that refreshes what is derived from those links.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date

from django.db.models import Max, Min
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.text import slugify

from trips.extraction.names import Identity
from trips.models import (
    Article,
    Evidence,
    Meeting,
    Official,
    OfficialFormerSlug,
    Trip,
)

Span = tuple[date, date]


def _widen(spans: dict[int, Span], official_id: int, first: date | None, last: date | None) -> None:
    first, last = first or last, last or first
    if first is None or last is None:
        return
    known = spans.get(official_id)
    spans[official_id] = (min(first, known[0]), max(last, known[1])) if known else (first, last)


def official_spans(official_ids: Iterable[int] | None = None) -> dict[int, Span]:
    """The first and last day the data shows each official in office.

    From the trips they made, the meetings they took part in (the meeting's
    day, or its trip's), and the news articles that name them in office
    (their publication days; a record's own date is when it was edited, not
    when anything happened, and is left out). Three grouped queries.
    """
    spans: dict[int, Span] = {}
    travellers = Trip.officials.through.objects.all()
    participants = Meeting.participants.through.objects.all()
    named = Evidence.objects.filter(official__isnull=False, article__kind=Article.Kind.NEWS)
    if official_ids is not None:
        ids = list(official_ids)
        travellers = travellers.filter(official_id__in=ids)
        participants = participants.filter(official_id__in=ids)
        named = named.filter(official_id__in=ids)
    for row in (
        travellers.order_by()
        .values("official_id")
        .annotate(
            first=Min(Coalesce("trip__start_date", "trip__end_date")),
            last=Max(Coalesce("trip__end_date", "trip__start_date")),
        )
    ):
        _widen(spans, row["official_id"], row["first"], row["last"])
    for row in (
        participants.order_by()
        .values("official_id")
        .annotate(
            first=Min(
                Coalesce("meeting__date", "meeting__trip__start_date", "meeting__trip__end_date")
            ),
            last=Max(
                Coalesce("meeting__date", "meeting__trip__end_date", "meeting__trip__start_date")
            ),
        )
    ):
        _widen(spans, row["official_id"], row["first"], row["last"])
    for row in (
        named.order_by()
        .values("official_id")
        .annotate(first=Min("article__published"), last=Max("article__published"))
    ):
        _widen(spans, row["official_id"], row["first"], row["last"])
    return spans


def meeting_countries(official_ids: Iterable[int] | None = None) -> dict[int, frozenset[str]]:
    """The countries each official was met in (as a meeting participant)."""
    rows = Meeting.participants.through.objects.filter(meeting__stop__isnull=False)
    if official_ids is not None:
        rows = rows.filter(official_id__in=list(official_ids))
    found: dict[int, set[str]] = {}
    for official_id, country in rows.values_list(
        "official_id", "meeting__stop__country"
    ).distinct():
        found.setdefault(official_id, set()).add(country)
    return {official_id: frozenset(codes) for official_id, codes in found.items()}


def identity_of(
    official: Official,
    spans: dict[int, Span] | None = None,
    met_in: dict[int, frozenset[str]] | None = None,
) -> Identity:
    """What the identity rules need to know of a stored official."""
    return Identity(
        name=official.name,
        aliases=tuple(official.aliases),
        title=official.title,
        country=official.country,
        record_id=official.record_id,
        active=(spans or {}).get(official.pk),
        met_in=(met_in or {}).get(official.pk, frozenset()),
    )


def free_slug(name: str) -> str:
    """A slug for a new official: its name's, numbered when taken now or once.

    A slug an official had before a merge still redirects to it, so it is
    never given to anyone else.
    """
    base = slug_base(name)
    taken = set(Official.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= set(
        OfficialFormerSlug.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    return numbered_slug(base, taken)


def slug_base(name: str) -> str:
    """The slug a name gives before numbering.

    >>> slug_base("Antony Blinken"), slug_base("…")
    ('antony-blinken', 'official')
    """
    return slugify(name)[:200] or "official"


def numbered_slug(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` ... : the first not in ``taken``.

    >>> numbered_slug("ada", {"ada", "ada-2"})
    'ada-3'
    """
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def former_slug_target(slug: str) -> Official | None:
    """The official an old slug (of an official merged away) now belongs to."""
    former = OfficialFormerSlug.objects.select_related("official").filter(slug=slug).first()
    return former.official if former else None


class OfficialMoved(Exception):
    """The slug asked for belonged to an official since merged into ``official``."""

    def __init__(self, official: Official) -> None:
        super().__init__(official.slug)
        self.official = official


def official_by_slug(slug: str) -> Official:
    """The official of ``slug``; ``OfficialMoved`` for a merged one's old slug, else 404."""
    try:
        return Official.objects.get(slug=slug)
    except Official.DoesNotExist:
        moved = former_slug_target(slug)
        if moved is not None:
            raise OfficialMoved(moved) from None
        raise Http404("No such official.") from None


def moved_url(request: HttpRequest, official: Official) -> str:
    """The address ``request`` asked for, with the slug of the official it now belongs to."""
    match = request.resolver_match
    url = reverse(match.view_name, args=match.args, kwargs={**match.kwargs, "slug": official.slug})
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url
