"""Small builders of test data: ``make_trip(status="completed")`` and friends."""

from __future__ import annotations

import hashlib
from datetime import date
from itertools import count
from typing import Any

from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.totals import visit_totals_refresh

_sequence = count(1)


def make_official(**overrides: Any) -> Official:
    n = next(_sequence)
    fields: dict[str, Any] = {
        "name": f"Alex Official{n}",
        "title": "Foreign Minister",
        "country": "US",
    }
    fields.update(overrides)
    fields.setdefault("slug", f"official-{n}")
    return Official.objects.create(**fields)


def make_article(**overrides: Any) -> Article:
    n = next(_sequence)
    text = overrides.pop("text", f"The minister arrived in Tokyo on Monday. ({n})")
    fields: dict[str, Any] = {
        "external_id": f"article-{n}",
        "title": f"Article {n}",
        "source": "Test Wire",
        "published": date(2024, 3, 15),
        "text": text,
        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
    }
    fields.update(overrides)
    return Article.objects.create(**fields)


def make_trip(*, officials: list[Official] | None = None, **overrides: Any) -> Trip:
    n = next(_sequence)
    fields: dict[str, Any] = {
        "title": f"Trip {n}",
        "status": Trip.Status.COMPLETED,
        "start_date": date(2024, 3, 14),
        "end_date": date(2024, 3, 18),
    }
    fields.update(overrides)
    trip = Trip.objects.create(**fields)
    trip.officials.set(officials if officials is not None else [make_official()])
    # The stored totals, as every write of the tracker keeps them.
    visit_totals_refresh(trip_ids=[trip.pk])
    return trip


def make_stop(*, trip: Trip | None = None, **overrides: Any) -> Stop:
    trip = trip or make_trip()
    fields: dict[str, Any] = {
        "order": trip.stops.count() + 1,
        "country": "JP",
        "city": "Tokyo",
        "latitude": 35.69,
        "longitude": 139.69,
    }
    fields.update(overrides)
    stop = Stop.objects.create(trip=trip, **fields)
    visit_totals_refresh(trip_ids=[trip.pk])
    return stop


def make_meeting(
    *, trip: Trip | None = None, participants: list[Official] | None = None, **overrides: Any
) -> Meeting:
    trip = trip or make_trip()
    meeting = Meeting.objects.create(trip=trip, **overrides)
    meeting.participants.set(participants if participants is not None else [make_official()])
    visit_totals_refresh(trip_ids=[trip.pk])
    return meeting


def make_evidence(*, article: Article | None = None, **overrides: Any) -> Evidence:
    article = article or make_article()
    sentence = overrides.pop("sentence", article.text[:40])
    fields: dict[str, Any] = {"start_offset": 0, "end_offset": len(sentence)}
    fields.update(overrides)
    if not any(key in fields for key in ("official", "trip", "stop", "meeting")):
        fields["trip"] = make_trip()
    fields.setdefault("fact", _fact_for(fields))
    return Evidence.objects.create(article=article, sentence=sentence, **fields)


def _fact_for(fields: dict[str, Any]) -> str:
    for key in ("official", "stop", "meeting"):
        if fields.get(key) is not None:
            return key
    return "trip"
