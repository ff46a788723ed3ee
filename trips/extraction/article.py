"""Extract officials and trips from one article."""

from __future__ import annotations

import re
from collections import Counter

from trips.extraction.dates import find_dates
from trips.extraction.people import (
    Person,
    find_people,
    house_country,
    is_credit_line,
    names_match,
    seat_country,
    us_title,
)
from trips.extraction.places import find_places
from trips.extraction.sentences import Sentence, split_sentences
from trips.extraction.trips import (
    Context,
    Journey,
    build_journeys,
    dateline_country,
    journey_status,
)
from trips.extraction.types import (
    ArticleInput,
    ExtractedMeeting,
    ExtractedOfficial,
    ExtractedStop,
    ExtractedTrip,
    Extraction,
    Span,
)


def _sentence_of(sentences: tuple[Sentence, ...], position: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= position < sentence.end:
            return sentence
    return None


def extract_article(article: ArticleInput) -> Extraction:
    """Officials and trips of one article, with evidence sentences.

    >>> from datetime import date
    >>> result = extract_article(ArticleInput(
    ...     title="", external_id="a1", published=date(2021, 3, 15),
    ...     text="Japanese Foreign Minister Taro Sato arrived in Paris on Monday."))
    >>> [(t.travelers, t.stops[0].city, t.start) for t in result.trips]
    [(('Taro Sato',), 'Paris', datetime.date(2021, 3, 15))]
    """
    text = article.text
    warnings: list[str] = []
    if article.published is None:
        warnings.append("no publication date: relative dates left unresolved")
    sentences = split_sentences(text)
    credit = {s.index for s in sentences if is_credit_line(s.text)}
    credit_spans = [(s.start, s.end) for s in sentences if s.index in credit]
    bounds = [(s.start, s.end) for s in sentences]
    raw_places = find_places(text)
    people, mentions = find_people(text, raw_places, credit_spans, bounds)
    blocked = [(start, end) for person in people for start, end in person.mentions]
    places = [m for m in raw_places if not any(s <= m.start < e for s, e in blocked)]
    _enrich_from_title(article.title, people)
    dates = []
    for sentence in sentences:
        dates.extend(find_dates(sentence.text, article.published, sentence.start))
    ctx = Context(
        text=text,
        published=article.published,
        people=people,
        mentions=mentions,
        places=places,
        dates=dates,
    )
    _first_countries(ctx)
    build_journeys(ctx, sentences, credit)
    _final_countries(ctx, sentences)
    officials = _officials(ctx, sentences)
    trips = []
    for journey in ctx.journeys:
        trip = _trip(ctx, journey, article)
        if trip is not None:
            trips.append(trip)
    return Extraction(officials=tuple(officials), trips=tuple(trips), warnings=tuple(warnings))


def _enrich_from_title(title: str, people: list[Person]) -> None:
    if not title:
        return
    title_places = find_places(title)
    found, _ = find_people(title, title_places, [], [(0, len(title))])
    for candidate in found:
        words = candidate.name.split()
        for person in people:
            own = person.name.split()
            inside = any(words[i : i + len(own)] == own for i in range(len(words) - len(own) + 1))
            if len(own) > 1 and inside or names_match(person.name, candidate.name):
                person.country = person.country or candidate.country
                person.title = person.title or candidate.title
                if candidate.official and not person.former:
                    person.official = True


def _first_countries(ctx: Context) -> None:
    people = ctx.people
    for index, person in enumerate(people):
        country = person.country or (house_country(person.name) if person.official else None)
        if country is None and person.possessor:
            for other in people:
                if other.country and normalise_last(other.name) == person.possessor.lower():
                    country = other.country
        ctx.countries[index] = country
    # Officials listed together share the list's country ("Turkish officials including A and B").
    ordered = sorted(ctx.mentions, key=lambda m: m.start)
    for previous, current in zip(ordered, ordered[1:], strict=False):
        if ctx.countries.get(current.person) or not ctx.countries.get(previous.person):
            continue
        between = ctx.text[previous.end : current.start]
        if (
            len(between) < 60
            and re.fullmatch(r"[^.;:]*?(?:,|\band\b)[^.;:]*", between)
            and re.search(r"\bofficials?\b", ctx.text[max(0, previous.start - 60) : previous.start])
        ):
            ctx.countries[current.person] = ctx.countries[previous.person]


def normalise_last(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


_SEAT_SAID = re.compile(
    r"\b(?:The\s+|the\s+)?(Kremlin|White House|Elysee|Élysée|Downing Street|Blue House|"
    r"Amiri Diwan|Royal Court|Chancellery|Kantei|Planalto|Casa Rosada|Malacañang|Malacanang)"
    r"\s+(?:said|says|announced|confirmed|stated)\b"
)
_US_STRONG = re.compile(
    r"Secretary of (?:State|Defense|the Treasury|Homeland Security)|Defense Secretary|Pentagon|"
    r"White House|State Department|Joint Chiefs|U\.S\.|National Security Adviser|Congress|Senate"
)
_STAFF = re.compile(
    r"spokes|press\s+secretary|adviser|advisor|\baide\b|chief\s+of\s+staff|foreign\s+secretary|"
    r"\bsecretary\b",
    re.IGNORECASE,
)


def _subject_country(ctx: Context, sentences: tuple[Sentence, ...], index: int) -> str | None:
    """The country of the subject of the sentence that first names ``index``.

    None when the sentence opens with a pronoun (the story's traveller).
    """
    first = ctx.people[index].mentions[0][0] if ctx.people[index].mentions else None
    sentence = _sentence_of(sentences, first) if first is not None else None
    if sentence is None or re.match(r"(?:He|She|They|The)\b", sentence.text):
        return None
    for mention in ctx.mentions:
        if re.search(
            r"invitation\s+of\s+(?:[\w.'’-]+\s+){0,5}$", ctx.text[sentence.start : mention.start]
        ):
            continue  # "At the invitation of President X, ...": X is not the subject
        inside = sentence.start <= mention.start < sentence.end
        if inside and mention.person != index and ctx.people[mention.person].official:
            return ctx.countries.get(mention.person)
    return None


def _final_countries(ctx: Context, sentences: tuple[Sentence, ...]) -> None:
    travellers = {t for j in ctx.journeys for t in j.travellers}
    visited = {s.country for j in ctx.journeys for s in j.stops}
    # Staff with no country of their own ("his spokesman", "presidential
    # spokesperson") serve the official the story follows: the first traveller.
    lead = next(
        (ctx.countries.get(t) for j in ctx.journeys for t in j.travellers if ctx.countries.get(t)),
        None,
    )
    for index, person in enumerate(ctx.people):
        if (
            lead
            and ctx.countries.get(index) is None
            and person.official
            and index not in travellers
            and _STAFF.search(person.title)
            and not us_title(person.title.replace("Secretary", "", 1))
        ):
            ctx.countries[index] = _subject_country(ctx, sentences, index) or lead
    for journey in ctx.journeys:
        for meeting in journey.meetings:
            for person in meeting.participants:
                if ctx.countries.get(person) is None and meeting.stop is not None:
                    ctx.countries[person] = meeting.stop.country
    story = next(
        (ctx.countries[m.person] for m in ctx.mentions if ctx.countries.get(m.person)), None
    )
    for index, person in enumerate(ctx.people):
        if ctx.countries.get(index) is None and person.official and us_title(person.title):
            # A bare "Defence Secretary" in a British story is British; explicit
            # American offices ("Secretary of State", "Pentagon") stay American.
            bare = not _US_STRONG.search(person.title)
            ctx.countries[index] = story if bare and story else "US"
    for index, person in enumerate(ctx.people):
        if ctx.countries.get(index) is None and person.official and person.mentions:
            # "The Kremlin said ... President X": the seat speaking for its own leader.
            sentence = _sentence_of(sentences, person.mentions[0][0])
            seat = sentence and _SEAT_SAID.search(sentence.text)
            if seat:
                ctx.countries[index] = seat_country(seat.group(1))
    for journey in ctx.journeys:
        own = next((ctx.countries[t] for t in journey.travellers if ctx.countries.get(t)), None)
        for index, person in enumerate(ctx.people):
            if (
                own
                and ctx.countries.get(index) is None
                and any(
                    re.search(
                        r"\brepresent\w*\s+(?:[\w.'’-]+\s+){0,4}$", ctx.text[max(0, s - 60) : s]
                    )
                    for s, _ in person.mentions
                )
            ):
                # "will represent President X at the summit": X leads the same government.
                ctx.countries[index] = own
    for index, person in enumerate(ctx.people):
        if ctx.countries.get(index) or index in travellers or not person.official:
            continue
        if not re.search(
            r"president|prime|king|queen|emir|leader|chancellor|premier|crown|sultan",
            person.title,
            re.I,
        ):
            continue
        for start, _ in person.mentions:
            sentence = _sentence_of(sentences, start)
            if sentence is None:
                continue
            near = [
                m
                for m in ctx.places
                if sentence.start <= m.start < sentence.end and m.place.country in visited
            ]
            if near:
                ctx.countries[index] = min(near, key=lambda m: abs(m.start - start)).place.country
                break
    for journey in ctx.journeys:
        known = [ctx.countries[t] for t in journey.travellers if ctx.countries.get(t)]
        for traveller in journey.travellers:
            if ctx.countries.get(traveller) is None and known:
                ctx.countries[traveller] = known[0]
    lead_country = next(
        (ctx.countries[m.person] for m in ctx.mentions if ctx.countries.get(m.person)), None
    )
    for journey in ctx.journeys:
        for traveller in journey.travellers:
            if (
                ctx.countries.get(traveller) is None
                and lead_country
                and lead_country not in {s.country for s in journey.stops}
            ):
                # "Foreign Minister X traveled to Y" in a story about one country's
                # government: X serves the government the story opened with.
                ctx.countries[traveller] = lead_country
    dateline = dateline_country(ctx.text)
    for journey in ctx.journeys:
        for traveller in journey.travellers:
            if (
                ctx.countries.get(traveller) is None
                and dateline
                and dateline not in {s.country for s in journey.stops}
            ):
                # "BEIJING (Xinhua) -- Premier Li will attend ... in Jakarta": a
                # traveller of no stated country, reported from home.
                ctx.countries[traveller] = dateline
    first_travellers = [t for j in ctx.journeys for t in j.travellers if ctx.countries.get(t)]
    counts = Counter(c for i, c in ctx.countries.items() if c and ctx.people[i].official)
    home = None
    if counts:
        top = max(counts.values())
        for index in sorted(ctx.countries):
            if (
                ctx.countries[index]
                and counts[ctx.countries[index]] == top
                and ctx.people[index].official
            ):
                home = ctx.countries[index]
                break
    if first_travellers:
        home = ctx.countries[first_travellers[0]]
    for index, person in enumerate(ctx.people):
        if ctx.countries.get(index) is None and person.official and index not in travellers:
            ctx.countries[index] = home


def _evidence_for(
    ctx: Context, sentences: tuple[Sentence, ...], positions: list[int]
) -> tuple[Span, ...]:
    spans: list[Span] = []
    for position in positions:
        sentence = _sentence_of(sentences, position)
        if sentence is not None and sentence.span() not in spans:
            spans.append(sentence.span())
    return tuple(spans)


def _officials(ctx: Context, sentences: tuple[Sentence, ...]) -> list[ExtractedOfficial]:
    result = []
    titles = {t: ctx.people[t].title for j in ctx.journeys for t in j.travellers}
    for index, person in enumerate(ctx.people):
        if not person.official or person.former or not person.government:
            continue
        if person.title.lower() == "counterpart":
            # "his Iranian counterpart X" holds the traveller's office.
            met_by = [
                titles[t]
                for j in ctx.journeys
                for m in j.meetings
                if index in m.participants
                for t in j.travellers
                if titles.get(t)
            ]
            person.title = (met_by or list(titles.values()) or ["Counterpart"])[0] or "Counterpart"
        positions = [s for s, _ in person.title_spans] + [s for s, _ in person.mentions]
        result.append(
            ExtractedOfficial(
                name=person.name,
                title=person.title or "Official",
                country=ctx.countries.get(index),
                evidence=_evidence_for(ctx, sentences, positions[:3]),
            )
        )
    return result


def _spans(items: list[Sentence]) -> tuple[Span, ...]:
    return tuple(dict.fromkeys(s.span() for s in items))


def _trip(ctx: Context, journey: Journey, article: ArticleInput) -> ExtractedTrip | None:
    travellers = [
        ctx.people[i]
        for i in journey.travellers
        if ctx.people[i].official and not ctx.people[i].former
    ]
    homes = {ctx.countries.get(i) for i in journey.travellers}
    stops = [s for s in journey.stops if s.country not in homes]
    if not travellers or not stops:
        return None
    exported = []
    for stop in stops:
        city = stop.city
        exported.append(
            ExtractedStop(
                country=stop.country,
                city=city.name.replace("’", "'") if city else None,
                latitude=city.latitude if city else None,
                longitude=city.longitude if city else None,
                arrive=stop.arrive,
                depart=stop.depart,
                evidence=_spans(stop.evidence),
            )
        )
    meetings = []
    for meeting in journey.meetings:
        names = tuple(ctx.people[p].name for p in meeting.participants)
        stop = meeting.stop
        meetings.append(
            ExtractedMeeting(
                participants=names,
                country=stop.country if stop else None,
                city=stop.city.name if stop and stop.city else None,
                date=meeting.day,
                description=meeting.description,
                evidence=(meeting.sentence.span(),),
            )
        )
    # Dates read from different sentences can contradict each other; an end
    # before the start is dropped rather than reported (the start is the
    # better-anchored fact: an arrival).
    if journey.start and journey.end and journey.end < journey.start:
        journey.end = None
    status = journey_status(journey, article.published)
    summary = ", ".join(s.city or s.country for s in exported)
    return ExtractedTrip(
        travelers=tuple(p.name for p in travellers),
        status=status,
        start=journey.start,
        end=journey.end,
        stops=tuple(exported),
        meetings=tuple(meetings),
        summary=f"{' and '.join(p.name for p in travellers)}: {summary}",
        start_evidence=_spans(journey.start_evidence) if journey.start else (),
        end_evidence=_spans(journey.end_evidence) if journey.end else (),
        evidence=_spans(journey.evidence),
        sources=(article.external_id,),
    )
