"""Plain, frozen dataclasses that the extraction returns.

They mirror the trip interchange JSON of the evaluation sets (see the
project README), so a service can write them to the database and the export
can turn them back into that JSON without any translation layer.
Nothing here imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    """A sentence of the article body that supports a fact.

    ``start`` and ``end`` are character offsets into the body text, so
    ``body[start:end] == text``.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ArticleInput:
    """What the extraction reads: one article, already decoded."""

    title: str
    text: str
    published: date | None = None
    external_id: str = ""
    source: str = ""
    url: str = ""


@dataclass(frozen=True)
class ExtractedOfficial:
    name: str
    title: str = ""
    country: str | None = None  # ISO 3166-1 alpha-2
    aliases: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class ExtractedStop:
    country: str  # ISO 3166-1 alpha-2
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    arrive: date | None = None
    depart: date | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class ExtractedMeeting:
    participants: tuple[str, ...]  # full names of the counterparts
    country: str | None = None
    city: str | None = None
    date: date | None = None
    description: str = ""
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class ExtractedTrip:
    travelers: tuple[str, ...]  # full names, as in ExtractedOfficial.name
    status: str = "planned"  # planned | ongoing | completed | cancelled
    start: date | None = None
    end: date | None = None
    stops: tuple[ExtractedStop, ...] = ()
    meetings: tuple[ExtractedMeeting, ...] = ()
    summary: str = ""
    start_evidence: tuple[Span, ...] = ()
    end_evidence: tuple[Span, ...] = ()
    evidence: tuple[Span, ...] = ()  # sentences that establish the journey
    sources: tuple[str, ...] = ()  # article external ids


@dataclass(frozen=True)
class Extraction:
    """Everything one article yields."""

    officials: tuple[ExtractedOfficial, ...] = ()
    trips: tuple[ExtractedTrip, ...] = ()
    warnings: tuple[str, ...] = field(default=())
