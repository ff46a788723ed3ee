"""Extract a set of articles and merge them into the interchange shape."""

from __future__ import annotations

from datetime import date

from trips.extraction.article import extract_articles
from trips.extraction.merge import merge_article_trips, same_official
from trips.extraction.people import names_match, spelling_key
from trips.extraction.types import ArticleInput, ExtractedOfficial, ExtractedTrip


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def article_order(articles: list[ArticleInput]) -> list[ArticleInput]:
    """Published order, undated articles last, ties by id.

    >>> undated = ArticleInput("", "", None, "b")
    >>> dated = ArticleInput("", "", date(2020, 1, 1), "a")
    >>> [a.external_id for a in article_order([undated, dated])]
    ['a', 'b']
    """
    return sorted(
        articles, key=lambda a: (a.published is None, a.published or date.min, a.external_id)
    )


def _canonical(name: str, officials: list[ExtractedOfficial]) -> str:
    for official in officials:
        if names_match(official.name, name) or spelling_key(official.name) == spelling_key(name):
            return official.name
    for official in officials:
        if name in official.aliases:
            return official.name
    return name


def _fold_official(old: ExtractedOfficial, new: ExtractedOfficial) -> ExtractedOfficial:
    """One person named by two articles: the fuller name ("Suga Yoshihide" over
    "PM Suga") is the name, the other an alias.

    >>> _fold_official(ExtractedOfficial("Suga", country="JP"),
    ...                ExtractedOfficial("Suga Yoshihide", country="JP")).name
    'Suga Yoshihide'
    """
    name, other = old.name, new.name
    if len(other.split()) > len(name.split()):
        name, other = other, name
    return ExtractedOfficial(
        name=name,
        title=old.title or new.title,
        country=old.country or new.country,
        aliases=tuple(dict.fromkeys(a for a in old.aliases + new.aliases + (other,) if a != name)),
        evidence=old.evidence,
    )


def trip_to_dict(trip: ExtractedTrip, officials: list[ExtractedOfficial]) -> dict:
    """The interchange form of one trip, with names made canonical."""
    return {
        "travelers": [_canonical(n, officials) for n in trip.travelers],
        "status": trip.status,
        "start": _iso(trip.start),
        "end": _iso(trip.end),
        "stops": [
            {
                "country": s.country,
                "city": s.city,
                "arrive": _iso(s.arrive),
                "depart": _iso(s.depart),
            }
            for s in trip.stops
        ],
        "meetings": [
            {
                "participants": [_canonical(n, officials) for n in m.participants],
                "country": m.country,
                "city": m.city,
                "date": _iso(m.date),
            }
            for m in trip.meetings
        ],
        "sources": list(trip.sources),
    }


def extract_set(articles: list[ArticleInput]) -> dict:
    """Extract every article and merge trips and officials across them.

    >>> extract_set([])
    {'officials': [], 'trips': []}
    """
    officials: list[ExtractedOfficial] = []
    known: list[tuple[ExtractedTrip, date | None]] = []
    ordered = article_order(articles)
    for article, extraction in zip(ordered, extract_articles(ordered), strict=True):
        for official in extraction.officials:
            match = next((i for i, o in enumerate(officials) if same_official(o, official)), None)
            if match is None:
                officials.append(official)
            else:
                officials[match] = _fold_official(officials[match], official)
        known = merge_article_trips(known, extraction.trips, article.published)
    return {
        "officials": [{"name": o.name, "title": o.title, "country": o.country} for o in officials],
        "trips": [trip_to_dict(trip, officials) for trip, _ in known],
    }
