"""Extract officials and trips from one article.

The steps, in order: parse the body (``nlp.py``), find places in the
gazetteer, people by their titles and names, and date expressions; map them
onto the parse; read the events of each sentence (``clauses.py``); assemble
journeys (``trips.py``); and give each official a country from their own
title and context.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from spacy.tokens import Doc

from trips.extraction.clauses import DateRole, Event, PlaceRole, analyse, annotate
from trips.extraction.dates import DateMention, find_dates
from trips.extraction.itinerary import itinerary_legs
from trips.extraction.names import office
from trips.extraction.nlp import dateline_span, doc_text, parse, parse_many
from trips.extraction.people import (
    Person,
    PersonMention,
    find_people,
    has_photo_credit,
    house_country,
    is_credit_line,
    names_match,
    seat_country,
    us_title,
)
from trips.extraction.places import (
    PlaceMention,
    airport_places,
    country_code,
    demonym_places,
    find_places,
    gazetteer,
    near_capital,
)
from trips.extraction.sentences import Sentence, sentences_of
from trips.extraction.trips import Context, Journey, build_journeys
from trips.extraction.types import (
    ArticleInput,
    ExtractedMeeting,
    ExtractedOfficial,
    ExtractedStop,
    ExtractedTrip,
    Extraction,
    Span,
)


def extract_article(article: ArticleInput, doc: Doc | None = None) -> Extraction:
    """Officials and trips of one article, with evidence sentences.

    ``doc`` is the article body already parsed (``extract_articles`` parses
    in batches); without it the body is parsed here.

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
    if doc is None:
        doc = parse(text)
    published = story_day(text, article.published)
    reading = _read(text, article.title, published, doc, article.url)
    ctx = Context(
        text=text,
        published=published,
        people=reading.people,
        sentences=reading.sentences,
        events=reading.events,
        homes=reading.homes,
        guessed=reading.guessed,
        dateline=reading.dateline,
        dates=reading.dates,
    )
    build_journeys(ctx)
    _spelling_of_capitals(ctx, reading.raw_places)
    officials = _officials(ctx, reading)
    trips = [t for t in (_trip(ctx, j, article) for j in ctx.journeys) if t is not None]
    return Extraction(officials=tuple(officials), trips=tuple(trips), warnings=tuple(warnings))


def extract_articles(
    articles: Iterable[ArticleInput], batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract many articles, parsing their bodies in batches (``nlp.pipe``).

    >>> list(extract_articles([]))
    []
    """
    pending: list[ArticleInput] = []

    def flush() -> Iterator[Extraction]:
        docs = parse_many([a.text for a in pending], batch_size=batch_size)
        for item, doc in zip(pending, docs, strict=True):
            yield extract_article(item, doc)
        pending.clear()

    for article in articles:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


class _Reading:
    """What the first steps find in one body."""

    def __init__(self) -> None:
        self.sentences: tuple[Sentence, ...] = ()
        self.people: list[Person] = []
        self.mentions: list[PersonMention] = []
        self.places: list[PlaceMention] = []
        self.raw_places: list[PlaceMention] = []
        self.dates: list[DateMention] = []
        self.events: list[Event] = []
        self.homes: dict[int, str | None] = {}
        self.guessed: set[int] = set()  # homes guessed from the outlet's country
        self.dateline: PlaceMention | None = None


# Adverbs, prepositions, conjunctions, determiners, pronouns, modals, interjections.
_FUNCTION_TAGS = frozenset(
    ["RB", "RBR", "RBS", "WRB", "IN", "CC", "DT", "WDT", "PRP", "MD", "UH", "EX"]
)


def story_day(text: str, published: date | None) -> date | None:
    """The day the story tells from: the date of its dateline when it gives one a day or
    two before publication ("Makkah, April 07, 2024, SPA -- ... today", published on the
    8th), else the publication date.

    >>> story_day("Makkah, April 07, 2024, SPA -- He arrived today.", date(2024, 4, 8))
    datetime.date(2024, 4, 7)
    >>> story_day("He arrived today.", date(2024, 4, 8))
    datetime.date(2024, 4, 8)
    """
    span = dateline_span(text) if published is not None else None
    if span is None:
        return published
    for mention in find_dates(text[span[0] : span[1]], published):
        if (
            mention.kind == "day"
            and mention.first is not None
            and timedelta(0) < published - mention.first <= timedelta(days=2)
        ):
            return mention.first
    return published


def _lines(text: str, offset: int = 0) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` with where it starts (``offset`` added)."""
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _credit_spans(sentences: Iterable[Sentence]) -> list[tuple[int, int]]:
    """The lines of bylines and photo credits. A line, not its whole sentence: the
    parse may glue "Photo: X" to the story's line before it.

    >>> _credit_spans([Sentence(0, 24, "He left Rome.\\nPhoto: AFP", 0)])
    [(14, 24)]
    """
    return [
        (start, start + len(line))
        for sentence in sentences
        for start, line in _lines(sentence.text, sentence.start)
        if is_credit_line(line)
    ]


def _caption_sentences(text: str, sentences: tuple[Sentence, ...]) -> frozenset[int]:
    """The sentences of a caption line: a line with a photo credit on it, the caption
    before the credit included ("X and Y exchange gifts in Honiara. Photo: AFP").

    >>> text = "A and B shake hands. Photo: AFP\\nHe left Rome."
    >>> sorted(_caption_sentences(text, (Sentence(0, 20, "", 0), Sentence(21, 31, "", 1),
    ...                                  Sentence(32, 45, "", 2))))
    [0, 1]
    """
    lines = [(start, start + len(line)) for start, line in _lines(text) if has_photo_credit(line)]
    return frozenset(
        i
        for i, sentence in enumerate(sentences)
        if any(start <= sentence.start and sentence.end <= end + 1 for start, end in lines)
    )


def _read(original: str, title: str, published, doc: Doc, url: str = "") -> _Reading:
    reading = _Reading()
    text = doc_text(doc)  # the analysis text: ``original`` cleaned, same length
    sentences = sentences_of(doc, original)
    reading.sentences = sentences
    credit_spans = _credit_spans(sentences)
    bounds = [(s.start, s.end) for s in sentences]
    raw_places = airport_places(text, demonym_places(text, find_places(text)))
    reading.raw_places = raw_places
    function_words = frozenset(t.idx for t in doc if t.tag_ in _FUNCTION_TAGS)
    people, mentions = find_people(text, raw_places, credit_spans, bounds, function_words)
    _enrich_from_title(title, people)
    blocked = [span for person in people for span in person.mentions + person.title_spans]
    span = dateline_span(original)
    dateline = None
    for _ in range(3):
        if span is None:
            break
        # The analysis text has the dateline blanked; its place comes from the original.
        head = re.sub(r"\b[A-Z]{3,}\b", lambda m: m.group().title(), original[span[0] : span[1]])
        dateline = next(iter(find_places(head)), None)  # "DOHA" is Doha
        if dateline is not None:
            place = dateline.place
            capital = gazetteer().capitals.get(place.country)
            if place.kind == "country" and capital and capital.name == f"{place.name} City":
                place = capital  # "KUWAIT, May 14 (KUNA) --": filed from Kuwait City
            dateline = PlaceMention(
                dateline.start + span[0], dateline.end + span[0], dateline.text, place
            )
            break
        # "DIPLOMACY" alone on a line, a section's label: the dateline may come after it.
        span = dateline_span(original, span[1])
    if dateline is None:
        dateline = _place_alone_first(original, raw_places) or _city_comma_first(
            original, raw_places
        )
    reading.dateline = dateline
    places = [
        m
        for m in raw_places
        if not any(s <= m.start < e for s, e in blocked)
        and m is not dateline
        and not any(s <= m.start < e for s, e in credit_spans)
    ]
    places = _airports_of_the_story(places, text, title)
    reading.places = places
    dates: list[DateMention] = []
    for sentence in sentences:
        # Read in the analysis text: a blanked dateline's date is not the story's.
        dates.extend(find_dates(text[sentence.start : sentence.end], published, sentence.start))
    reading.people, reading.mentions, reading.dates = people, mentions, dates
    _office_of_the_visit(reading, text)
    _office_of_the_lead(reading, text)
    ann = annotate(doc, sentences, people, mentions, places, dates)
    ann.captions = _caption_sentences(text, sentences)
    reading.events = analyse(ann, sentences)
    reading.events.extend(_itinerary_events(reading, ann, published))
    _dated_legs(reading, text, ann)
    if dateline is not None:
        dateline = reading.dateline = _dateline_in_context(dateline, reading.events)
        _here(reading, ann, dateline, published)
    reading.homes = _countries(reading, text, outlet_country(url))
    _the_hosts_country(reading, text)
    _the_countries_counted(reading, text)
    return reading


# What may stand between a leg's place and its dates: "Uruguay from February 28 to
# March 2", "Bahamas (March 2-4)", "Barbados on March 4".
_LEG_GAP = re.compile(r"[ \t]*(?:,[ \t]*)?\(?[ \t]*")
_LEG_WORD = re.compile(r"(?:from|on|between)[ \t]+")


def _dated_legs(reading: _Reading, text: str, ann) -> None:
    """ "paid an official visit to Uruguay from February 28 to March 2, Bahamas from
    March 2-4, Barbados from March 4-6 and Nicaragua from March 6-8": a list of places,
    each with its dates, is the legs of the journey the sentence tells, whatever the
    parse made of the list. Every place of it goes to the sentence's travel event, with
    every date, and the dates then pair with the place they follow."""
    dates_at = {d.start: d for d in reading.dates}
    starts = [s.start for s in reading.sentences]
    dated_places: dict[int, list[tuple[PlaceMention, DateMention]]] = {}
    for mention in reading.places:
        at = _LEG_GAP.match(text, mention.end).end()
        word = _LEG_WORD.match(text, at)
        dated = dates_at.get(at) or (dates_at.get(word.end()) if word else None)
        if dated is None or dated.first is None:
            continue
        index = bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < reading.sentences[index].end:
            dated_places.setdefault(index, []).append((mention, dated))
    for index, found in dated_places.items():
        legs = _listed_legs(text, found)
        if len(legs) < 2:
            continue
        travel = [
            e
            for e in reading.events
            if e.sentence == index and e.kind == "travel" and e.subjects and e.places
        ]
        if not travel:
            continue
        event = min(travel, key=lambda e: (e.nominal, e.token))
        kept = {m.start for m, _ in legs}
        event.places = [r for r in event.places if r.mention.start not in kept or r.role != "from"]
        told = {r.mention.start for r in event.places}
        for mention, dated in legs:
            if mention.start not in told:
                token = ann.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                event.places.append(
                    PlaceRole(mention, "to", token[0].i if token is not None else event.token)
                )
            if not any(d.mention is dated for d in event.dates):
                event.dates.append(DateRole(dated, "on"))


_BETWEEN_LEGS = re.compile(r"[\s,;)]*(?:and\s+)?(?:then\s+)?(?:(?:to|in)\s+)?(?:the\s+)?")


def _listed_legs(
    text: str, legs: list[tuple[PlaceMention, DateMention]]
) -> list[tuple[PlaceMention, DateMention]]:
    """The longest run of dated places that follow one another as a list ("A from D1,
    B from D2 and C from D3"), not two places each dated in a sentence of their own
    clauses ("returned to Beijing on Sunday after visits to A, B and C from May 31")."""
    best: list[tuple[PlaceMention, DateMention]] = []
    run: list[tuple[PlaceMention, DateMention]] = []
    for leg in sorted(legs, key=lambda item: item[0].start):
        if run and not _BETWEEN_LEGS.fullmatch(text, run[-1][1].end, leg[0].start):
            run = []
        run.append(leg)
        if len(run) > len(best):
            best = list(run)
    return best


def _placeless_visits(reading: _Reading, text: str, pattern: re.Pattern[str]):
    """The travel events with no place whose sentence says where with ``pattern``
    ("visiting the country", "to the two countries"), each with its sentence and match."""
    for event in reading.events:
        if event.kind != "travel" or event.places or not event.subjects:
            continue
        sentence = reading.sentences[min(event.sentence, len(reading.sentences) - 1)]
        match = pattern.search(text, sentence.start, sentence.end)
        if match is not None:
            yield event, sentence, match


def _visit_to(event: Event, code: str | None, start: int, end: int, text: str) -> None:
    """Give ``event`` the country ``code`` as its destination, told at ``start:end``."""
    country = gazetteer().countries.get(code) if code else None
    if country is not None:
        mention = PlaceMention(start, end, text[start:end], country)
        event.places.append(PlaceRole(mention, "to", event.token))


_COUNTED = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
_THE_COUNTRIES = re.compile(
    r"\b(?:to|in|visit(?:s|ing)?)\s+(?:the\s+)?(two|both|three|four|five)\s+countries\b",
    re.IGNORECASE,
)


def _the_countries_counted(reading: _Reading, text: str) -> None:
    """ "At the invitation of President A of Peru and President B of Chile, X will pay
    state visits to the two countries": the countries named before, in their order."""
    for event, sentence, match in _placeless_visits(reading, text, _THE_COUNTRIES):
        own = {reading.homes.get(p) for p in event.subjects}
        named: list[PlaceMention] = []
        for place in reading.raw_places:
            if (
                sentence.start <= place.start < match.start()
                and place.place.country not in own
                and place.place.country not in {n.place.country for n in named}
            ):
                named.append(place)
        if len(named) == _COUNTED[match.group(1).lower()]:
            for place in named:
                _visit_to(event, place.place.country, place.start, place.end, text)


_THE_COUNTRY = re.compile(
    r"\b(?:visit(?:ing|s)?|to|in)\s+(the\s+(?:country|kingdom|emirate|nation))\b"
)


def _the_hosts_country(reading: _Reading, text: str) -> None:
    """ "X received President Y, who is visiting the country": the host's country."""
    for event, sentence, match in _placeless_visits(reading, text, _THE_COUNTRY):
        # The host's, else that of the one other person of the sentence.
        hosts = {
            reading.homes.get(h)
            for e in reading.events
            if e.phase == "host" and e.sentence == event.sentence
            for h in (e.objects if e.passive else e.subjects)
        } or {
            reading.homes.get(m.person)
            for m in reading.mentions
            if sentence.start <= m.start < sentence.end and m.person not in event.subjects
        }
        hosts -= {None, *(reading.homes.get(p) for p in event.subjects)}
        if len(hosts) == 1:
            _visit_to(event, hosts.pop(), match.start(1), match.end(1), text)


# Country-code domains that sites use for their letters, not their country.
_GENERIC_DOMAINS = frozenset(
    [
        "io",
        "ai",
        "co",
        "me",
        "tv",
        "ly",
        "fm",
        "am",
        "cc",
        "ws",
        "gg",
        "to",
        "is",
        "la",
        "im",
        "sh",
        "ac",
        "nu",
        "su",
        "eu",
        "st",
        "vc",
        "ms",
        "gl",
        "news",
        "info",
    ]
)


def outlet_country(url: str) -> str | None:
    """The country of a news site's country-code domain ("setkab.go.id" -> ID).

    An office named with no country ("President X") in a national outlet is
    usually that nation's own.

    >>> outlet_country("https://en.sggp.org.vn/x"), outlet_country("https://a.com/b")
    ('VN', None)
    """
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0].split(":", 1)[0]
    label = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(label) != 2 or label in _GENERIC_DOMAINS or not label.isalpha():
        return None
    code = "GB" if label == "uk" else label.upper()
    from trips.extraction.places import gazetteer

    return code if code in gazetteer().countries else None


def _itinerary_events(reading: _Reading, ann, published) -> list[Event]:
    """The lines of an itinerary table, as events of the official the article is about."""
    legs = itinerary_legs(ann.text, reading.places, published)
    travellers = [p for e in reading.events if e.kind == "travel" for p in e.subjects]
    officials = [i for i, p in enumerate(reading.people) if p.official and not p.former]
    owner = next((p for p in travellers if p in officials), officials[0] if officials else None)
    if not legs or owner is None:
        return []
    events = []
    for leg in legs:
        token = doc_token(ann.doc, leg.start)
        event = Event("travel", leg.phase, token, ann.sentence_of[token], subjects=[owner])
        role = "obj" if leg.phase == "leave" else "in"
        event.places.append(PlaceRole(leg.place, role, doc_token(ann.doc, leg.place.start)))
        if leg.day is not None:
            # A section's day is the whole stay there; a table line's, the moment it names.
            kind = "range" if leg.phase == "visit" else "day"
            mention = DateMention(leg.start, leg.start, str(leg.day.day), kind, leg.day, leg.day)
            event.dates.append(DateRole(mention, "on"))
            event.tense = "future" if published and leg.day > published else "past"
        event.text = leg.phase
        events.append(event)
    return events


def doc_token(doc: Doc, char: int) -> int:
    """The index of the token at or after character ``char``."""
    span = doc.char_span(char, min(char + 1, len(doc_text(doc))), alignment_mode="expand")
    if span is not None and len(span):
        return span[0].i
    return next((t.i for t in doc if t.idx >= char), len(doc) - 1)


# "Dar es Salaam. The President of ... arrived Monday evening": a city standing alone
# as the story's first sentence.
_FIRST_WORDS = re.compile(r"\s*([A-Z][\w'’-]*(?: [A-Za-z][\w'’-]*){0,3})\.[ \t]+(?=[A-Z])")


def _dateline_in_context(dateline: PlaceMention, events: list[Event]) -> PlaceMention:
    """ "WINDSOR, Sept 17 - X has arrived in the UK": a city of the country the story
    travels to, not a larger namesake (in Canada) of a country it never goes to."""
    named = {
        r.mention.place.country
        for e in events
        if e.kind == "travel"
        for r in e.places
        if r.role in ("in", "to")
    }
    if dateline.place.kind != "city" or not named or dateline.place.country in named:
        return dateline
    within = gazetteer().within
    there = [within[(dateline.place.name, c)] for c in named if (dateline.place.name, c) in within]
    if len(there) != 1:
        return dateline
    return PlaceMention(dateline.start, dateline.end, dateline.text, there[0], dateline.demonym)


def _place_alone_first(text: str, places: list[PlaceMention]) -> PlaceMention | None:
    """The city a text opens with as a sentence of its own, a dateline.

    >>> text = "Lusaka. The minister arrived on Monday."
    >>> _place_alone_first(text, find_places(text)).place.name
    'Lusaka'
    >>> text = "Lusaka is hot. The minister arrived on Monday."
    >>> _place_alone_first(text, find_places(text)) is None
    True
    """
    match = _FIRST_WORDS.match(text)
    return _city_at(places, match.start(1), match.end(1)) if match is not None else None


def _city_at(places: list[PlaceMention], start: int, end: int) -> PlaceMention | None:
    """The city mention spanning exactly ``start:end``, if any."""
    return next(
        (m for m in places if m.start == start and m.end == end and m.place.kind == "city"),
        None,
    )


_CITY_COMMA = re.compile(r"^[ \t]*([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}),[ \t]+(?=[A-Z])", re.M)


def _city_comma_first(text: str, places: list[PlaceMention]) -> PlaceMention | None:
    """A city opening one of the text's first paragraphs, then a comma and the story
    ("Islamabad, His Royal Highness ... headed from his residence here"): the
    dateline of a news agency that writes no dash.

    >>> text = "A headline\\n\\nRiyadh, The Crown Prince received the minister here."
    >>> _city_comma_first(text, find_places(text)).place.name
    'Riyadh'
    >>> text = "A headline\\n\\nRiyadh, the capital, is hot."
    >>> _city_comma_first(text, find_places(text)) is None
    True
    """
    for match in _CITY_COMMA.finditer(text, 0, 600):
        found = _city_at(places, match.start(1), match.end(1))
        if found is not None:
            return found
    return None


_PLACE_NOUNS = frozenset(
    [
        "country",
        "nation",
        "kingdom",
        "state",
        "republic",
        "emirate",
        "region",
        "island",
        "capital",
        "city",
        "continent",
    ]
)


def _visits_a_venue(reading: _Reading, doc: Doc, event: Event) -> bool:
    """ "X visited the Al-Salam Palace Museum": a building of the dateline's city, not
    "is visiting the country", which names no city, nor "to attend a conference held in
    Dushanbe", whose sentence has its place."""
    objects = [c for c in doc[event.token].children if c.dep_ == "dobj"]
    if not objects or any(o.lower_ in _PLACE_NOUNS for o in objects):
        return False
    sentence = reading.sentences[event.sentence]
    return not any(sentence.start <= m.start < sentence.end for m in reading.places)


def _here(reading: _Reading, ann, dateline: PlaceMention, published: date | None) -> None:
    """ "arrived here": the dateline's place."""
    doc = ann.doc
    # "NAIROBI, Kenya -- ... his historic visit to Kenya": with no other city of the
    # country in the story, the visit is in the dateline's city.
    alone = not any(
        m.place.kind == "city"
        and m.place.country == dateline.place.country
        and m.place.name != dateline.place.name
        for m in reading.places
    )
    for event in reading.events:
        if (
            event.kind == "travel"
            and (event.phase == "arrive" or event.phase == "visit" and alone)
            and dateline.place.kind == "city"
            # "Qureshi's visit to Saudi Arabia in May": a visit of months ago was not
            # where the story is filed today.
            and not any(
                published
                and (published - (r.mention.last or r.mention.approx or published)).days > 14
                for r in event.dates
            )
        ):
            # "KATHMANDU, May 6: X arrived in Nepal on Sunday": in the dateline's city.
            # ("will visit Sri Lanka today" too; not a visit that was only scheduled)
            roles = ("in", "to", "obj") if event.mood == "real" else ("in", "to")
            countries = [r for r in event.places if r.role in roles]
            if (
                len(countries) == 1
                and countries[0].mention.place.kind == "country"
                and countries[0].mention.place.country == dateline.place.country
            ):
                event.places.append(PlaceRole(dateline, countries[0].role, countries[0].token))
                continue
        if event.kind == "meet" and event.phase == "host" and not event.places:
            # "BEIJING -- X met with visiting Y here on Thursday": the dateline's place.
            token = doc[event.token]
            around = [token, *(c for c in token.subtree if c.lower_ == "visiting")]
            if any(c.lower_ == "here" for t in around for c in t.children):
                event.places.append(PlaceRole(dateline, "in", event.token))
            continue
        if event.kind != "travel" or event.places:
            continue
        if any(c.lower_ == "here" for c in doc[event.token].children):
            event.places.append(PlaceRole(dateline, "in", event.token))
        elif (
            (
                event.phase == "arrive"
                or event.phase == "visit"
                and _visits_a_venue(reading, doc, event)
            )
            and not event.nominal
            and event.sentence <= 1
            or event.phase == "arrive"
            and not event.nominal
            and _arrives_nowhere_else(reading, event, dateline)
        ):
            # "WARSAW (Reuters) - X arrived on Friday for a two-day visit": the lead's
            # arrival with no place is at the dateline.
            event.places.append(PlaceRole(dateline, "in", event.token))


def _arrives_nowhere_else(reading: _Reading, event: Event, dateline: PlaceMention) -> bool:
    """ "ISLAMABAD: ... The Afghan foreign minister is also scheduled to arrive later on
    Friday": an arrival with no place, by guests whom the story takes nowhere else and
    who are not at home in the dateline's country, is at the dateline too."""
    guests = set(event.subjects)
    if not guests or any(reading.people[i].country == dateline.place.country for i in guests):
        return False
    return not any(
        other is not event
        and other.kind == "travel"
        and other.places
        and guests & set(other.subjects)
        for other in reading.events
    )


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


_LEADS_DELEGATION = re.compile(
    r"\blead(?:s|ing)?\s+(?:the\s+|his\s+|her\s+)?"
    r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:['’]s)?\s+(?:high-level\s+|official\s+)?delegation\b"
)
# "key Japanese officials, including", "Turkish leaders such as": the list's country.
_LISTED_AFTER = re.compile(
    r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:officials|leaders|ministers|dignitaries|"
    r"counterparts)\s*,?\s*(?:including|such\s+as|like|among\s+them)\b[^.;:]*$"
)
_STAFF = re.compile(
    r"spokes|press\s+secretary|adviser|advisor|\baide\b|chief\s+of\s+staff|"
    r"foreign\s+secretary",
    re.IGNORECASE,
)
_HEAD_SECRETARY = re.compile(r"general\s+secretary|secretary[- ]general", re.IGNORECASE)
_US_STRONG = re.compile(
    r"Secretary of (?:State|Defense|the Treasury|Homeland Security|Commerce)|Defense Secretary|"
    r"Pentagon|White House|State Department|Joint Chiefs|U\.S\.|National Security Adviser|"
    r"Congress|Senate"
)
_SEAT_SAID = re.compile(
    r"\b(?:The\s+|the\s+)?(Kremlin|White House|Elysee|Élysée|Downing Street|Blue House|"
    r"Amiri Diwan|Royal Court|Chancellery|Kantei|Planalto|Casa Rosada|Malacañang|Malacanang)"
    r"\s+(?:said|says|announced|confirmed|stated)\b"
)
_SEAT_AT = re.compile(
    r"\bat\s+the\s+(Kremlin|White House|Elysee|Élysée|Blue House|Chancellery|Kantei|"
    r"Planalto|Casa Rosada|Malacañang|Malacanang|Rashtrapati Bhavan|Amiri Diwan|Royal Court)\b"
)
_HEADS_OF_STATE = re.compile(
    r"\b(?:president|prime\s+minister|king|queen|emir|amir|sultan|premier|chancellor|"
    r"crown\s+prince|minister|governor|mayor|speaker|chief\s+executive|pm|fm|secretary)\b",
    re.IGNORECASE,
)


def _sentence_at(sentences: tuple[Sentence, ...], position: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= position < sentence.end:
            return sentence
    return None


_AIRPORT_AFTER = re.compile(r"\s+(?:International\s+)?(?:Airport|Air\s+Base|Airbase)\b")


def _airports_of_the_story(places: list[PlaceMention], text: str, title: str) -> list[PlaceMention]:
    """ "touched down at Bole International Airport" in Addis Ababa: an airport named
    after a district is the town of another country only where the story names that
    country; otherwise the name is the airport's, not a stop."""
    named = {m.place.country for m in places if not _AIRPORT_AFTER.match(text, m.end)}
    named |= {m.place.country for m in find_places(title)}
    return [
        m
        for m in places
        if not (
            m.place.kind == "city"
            and not m.place.capital
            and _AIRPORT_AFTER.match(text, m.end)
            and m.place.country not in named
        )
    ]


_INVITATION = re.compile(r"\binvitation\s+(?:of|from|extended\s+by)\s+", re.IGNORECASE)

# "at the end of his four-day state visit", "after concluding her visit": a journey done.
_END_OF_VISIT = re.compile(
    r"\b(?:at\s+the\s+(?:end|close|conclusion)\s+of|(?:after\s+)?(?:concluding|wrapping\s+up|"
    r"ending|winding\s+up))\s+(?:(?:his|her|their|the|a)\s+)?[\w\s-]{0,40}?\b(?:visit|trip|tour)\b",
    re.IGNORECASE,
)


# "his first visit ... as Chinese president", "the Zimbabwean leader": an office with a
# demonym and no name after it.
_EPITHET = re.compile(
    r"[ \t]+(president|prime\s+minister|premier|leader|head\s+of\s+state|foreign\s+minister|"
    r"chancellor|king|emir)\b(?![ \t]+(?-i:[A-Z]))",
    re.IGNORECASE,
)


def _holds(office_noun: str, person) -> bool:
    title = person.title.lower()
    if office_noun in ("leader", "head of state"):
        return bool(_HEADS_OF_STATE.search(title)) and "minister " not in title
    return office_noun in title and not re.search(r"\b(?:vice|deputy)\b", title)


def _office_of_the_visit(reading: _Reading, text: str) -> None:
    """ "Emmanuel Macron on Sunday embarked on the first state visit to Germany by a
    French president", "his first visit as Chinese president": the one person of the
    sentence the text gives no office holds the office it names with a demonym. Only
    officials make journeys here, so this is what keeps the trip of a leader the text
    names bare; it is known before the clauses are read, so that "his" can be him."""
    people = reading.people
    for mention in reading.raw_places:
        if not mention.demonym:
            continue
        if not re.search(
            r"\b(?:by|as)\s+(?:(?:a|an|the)\s+)?$", text[max(0, mention.start - 12) : mention.start]
        ):
            continue
        match = _EPITHET.match(text, mention.end)
        if match is None:
            continue
        bounds = _sentence_at(reading.sentences, mention.start)
        if bounds is None:
            continue
        bare = _bare_names(
            reading, (m for m in reading.mentions if bounds.start <= m.start < bounds.end)
        )
        if len(bare) == 1:
            _give_office(people[bare.pop()], match.group(1), mention.place.country)


def _bare_names(reading: _Reading, mentions: Iterable[PersonMention]) -> set[int]:
    """The people of these mentions whom the text gives no office: neither a title nor
    a former one."""
    people = reading.people
    return {
        m.person
        for m in mentions
        if not people[m.person].title
        and not people[m.person].official
        and not people[m.person].former
    }


def _give_office(person, office: str, country: str) -> None:
    person.title = " ".join(w.capitalize() if w != "of" else w for w in office.split())
    person.country = person.country or country
    person.official = True


# "Taro Kono's meetings", "during his visit": a name told as the traveller's.
_TRAVELLERS_NAME = re.compile(
    r"['’]s\s+(?:meetings?|visit|trip|tour|talks|itinerary|journey)\b"
    r"|[^.\n]{0,60}\b(?:his|her)\s+(?:visit|trip|tour|journey)\b"
)


def _office_of_the_lead(reading: _Reading, text: str) -> None:
    """ "Japan's foreign minister is set to begin his Latin American tour ... The
    statement did not provide details of Taro Kono's meetings during his visit": the
    lead names the traveller by office alone and the text later by name alone. The one
    such name, told as the traveller's, holds the office, when nobody else in the text
    holds it for that country."""
    people = reading.people
    if not reading.sentences:
        return
    lead_end = reading.sentences[min(1, len(reading.sentences) - 1)].end
    for mention in reading.raw_places:
        if mention.start >= lead_end:
            break
        at = mention.end
        if not mention.demonym:
            owner = re.match(r"['’]s", text[at : at + 2])
            if owner is None:
                continue
            at += 2
        match = _EPITHET.match(text, at)
        if match is None:
            continue
        noun = " ".join(match.group(1).lower().split())
        country = mention.place.country
        if any(p.country == country and _holds(noun, p) for p in people):
            continue
        told = (
            m
            for m in reading.mentions
            if m.start > mention.start and _TRAVELLERS_NAME.match(text, m.end)
        )
        bare = _bare_names(reading, told)
        if len(bare) == 1:
            _give_office(people[bare.pop()], match.group(1), country)
        return


def _home_flown_from(reading: _Reading, countries: dict[int, str | None]) -> None:
    """ "X flew in from Kuala Lumpur ... X will leave for Kuala Lumpur on Tuesday": an
    official of no known country who comes from the city they go back to lives there."""
    for index, person in enumerate(reading.people):
        if countries.get(index) is not None or not person.official:
            continue
        own = [e for e in reading.events if e.kind == "travel" and index in e.subjects]
        came = {
            r.mention.place.name: r.mention.place.country
            for e in own
            for r in e.places
            if r.role == "from" and r.mention.place.kind == "city"
        }
        back = {
            r.mention.place.name
            for e in own
            if e.phase in ("leave", "go", "return")
            for r in e.places
            if r.role == "to" and r.mention.place.kind == "city"
        }
        homes = {came[name] for name in came.keys() & back}
        if len(homes) == 1:
            countries[index] = homes.pop()


_LEFT_THE_COUNTRY = re.compile(r"\b(?:left|leaves|departed|departs)\s+the\s+country\b")


def _home_left_for_abroad(reading: _Reading, countries: dict[int, str | None]) -> None:
    """ "Prime Minister X left Kingston for Nassau", "leaves Jamaica for the Bahamas": an
    official of no known country who sets off from a place for another country's
    lives in the first."""
    for index, person in enumerate(reading.people):
        if countries.get(index) is not None or not person.official or person.former:
            continue
        homes = set()
        for event in reading.events:
            if (
                event.kind != "travel"
                or event.phase != "leave"
                or event.nominal
                or event.mood not in ("real", "plan")
                or index not in event.subjects
            ):
                continue
            origins = {r.mention.place.country for r in event.places if r.role in ("obj", "from")}
            # "left Jamaica this afternoon to participate in the meeting in Nassau": the
            # destination may hang off another verb of the sentence
            bound = {
                r.mention.place.country
                for other in reading.events
                if other.sentence == event.sentence and index in other.subjects
                for r in other.places
                if r.role in ("to", "in")
            }
            if (
                not origins
                and reading.dateline is not None
                and _LEFT_THE_COUNTRY.search(
                    reading.sentences[min(event.sentence, len(reading.sentences) - 1)].text
                )
            ):
                # "MANILA -- President X left the country on Sunday for ...": the
                # dateline's country is the one left
                origins = {reading.dateline.place.country}
            if len(origins) == 1 and bound and not bound & origins:
                homes |= origins
        if len(homes) == 1:
            countries[index] = homes.pop()


def _told_by_epithet(reading: _Reading, text: str, countries: dict[int, str | None]) -> None:
    """A person of no known country whose office the text names with a demonym and no
    name ("President X arrived ... his first visit as Chinese president") holds it for
    that country, when no one else could be meant."""
    people = reading.people
    for mention in reading.raw_places:
        if not mention.demonym:
            continue
        match = _EPITHET.match(text, mention.end)
        if match is None:
            continue
        noun = " ".join(match.group(1).lower().split())
        country = mention.place.country
        if any(countries.get(i) == country and _holds(noun, p) for i, p in enumerate(people)):
            continue  # "Senegalese President Sall ... the Senegalese president": named
        candidates = [
            i
            for i, p in enumerate(people)
            if countries.get(i) is None and p.official and not p.former and _holds(noun, p)
        ]
        if len(candidates) == 1:
            countries[candidates[0]] = country


def _countries(reading: _Reading, text: str, outlet: str | None = None) -> dict[int, str | None]:
    """Each person's country, from their own title and context, never from where they met.

    In order: the title ("Japanese Foreign Minister", "Prime Minister of
    Japan", "Japan's"); a ruling house in the name; a list of one country's
    officials; staff serve the government of the official they speak for; a
    bare American office; a seat of government speaking for its leader; a
    host who receives a visitor at home.
    """
    people = reading.people
    countries: dict[int, str | None] = {}
    for index, person in enumerate(people):
        country = person.country or (house_country(person.name) if person.official else None)
        if country is None and person.possessor:
            for other in people:
                if other.country and other.name.split()[-1].lower() == person.possessor.lower():
                    country = other.country
        countries[index] = country
    ordered = sorted(reading.mentions, key=lambda m: m.start)
    for mention in ordered:
        # "key Japanese officials, including Prime Minister X": the list's country.
        if countries.get(mention.person):
            continue
        listed = _LISTED_AFTER.search(text, max(0, mention.start - 90), mention.start)
        if listed and people[mention.person].official:
            countries[mention.person] = country_code(listed.group(1))
    for previous, current in zip(ordered, ordered[1:], strict=False):
        # Officials listed together share the list's country ("Turkish officials
        # including A and B").
        if countries.get(current.person) or not countries.get(previous.person):
            continue
        between = text[previous.end : current.start]
        if (
            len(between) < 60
            and re.fullmatch(r"[^.;:]*?(?:,|\band\b)[^.;:]*", between)
            and re.search(r"\bofficials?\b", text[max(0, previous.start - 60) : previous.start])
        ):
            countries[current.person] = countries[previous.person]
    for event in reading.events:
        # "upon his return to the United States": where a traveller returns is home.
        if event.phase == "return" and event.mood in ("real", "plan"):
            returned = [r.mention.place.country for r in event.places if r.role == "to"]
            cities = {r.mention.place.name for r in event.places if r.role == "to"}
            for person in event.subjects:
                # An arrival told after the return, in the city returned to, is that
                # return's landing ("arrived at the airport, Abuja at 3pm"), not a visit.
                visited = {
                    r.mention.place.country
                    for e in reading.events
                    if e.kind == "travel" and e.phase != "return" and person in e.subjects
                    for r in e.places
                    if r.role in ("to", "in")
                    and not (
                        e.phase == "arrive"
                        and e.token > event.token
                        and r.mention.place.name in cities
                    )
                }
                if (
                    countries.get(person) is None
                    and len(set(returned)) == 1
                    and returned[0] not in visited  # "returns to London" during a UK visit
                ):
                    countries[person] = returned[0]
    for event in reading.events:
        # "President X departed Accra for Madrid": the capital left for abroad is home;
        # "left the US for Kenya at the end of his state visit": the way home.
        if event.phase == "leave" and event.mood in ("real", "plan"):
            left = [r.mention.place for r in event.places if r.role in ("obj", "from")]
            going = [
                r.mention.place.country
                for e in reading.events
                if e is event or e.nominal and e.sentence == event.sentence
                for r in e.places
                if r.role == "to"
            ]  # "has left Kenya for his first official visit to the United Kingdom"
            if left and not going:
                # "told reporters before leaving Sydney": left for a journey to other
                # countries only, the place is home.
                for person in event.subjects:
                    visited = {
                        r.mention.place.country
                        for e in reading.events
                        if e.kind == "travel" and person in e.subjects and e is not event
                        for r in e.places
                        if r.role in ("to", "in", "obj")
                    }
                    if countries.get(person) is None and visited and left[0].country not in visited:
                        countries[person] = left[0].country
                continue
            if not (
                left
                and going
                and left[0].country not in going
                and (left[0].kind == "country" or left[0].capital)
            ):
                continue
            sentence = reading.sentences[min(event.sentence, len(reading.sentences) - 1)]
            homeward = bool(_END_OF_VISIT.search(sentence.text))
            for person in event.subjects:
                if countries.get(person) is None:
                    countries[person] = going[0] if homeward else left[0].country
    for event in reading.events:
        # "will lead Pakistan's delegation", "led the Pakistani delegation": his country's.
        if event.kind != "travel" or not event.subjects:
            continue
        sentence = reading.sentences[min(event.sentence, len(reading.sentences) - 1)]
        for match in _LEADS_DELEGATION.finditer(text, sentence.start, sentence.end):
            country = country_code(match.group(1))
            for person in event.subjects[:1]:
                if country and countries.get(person) is None:
                    countries[person] = country
    for event in reading.events:
        # "X will represent Russia in Johannesburg", "he will represent President Y": X
        # serves that country; Y leads X's government.
        if event.kind != "travel" or not event.subjects:
            continue
        sentence = reading.sentences[min(event.sentence, len(reading.sentences) - 1)]
        for match in re.finditer(r"\brepresent\w*\s+", text[sentence.start : sentence.end]):
            at = sentence.start + match.end()
            subject = event.subjects[0]
            place = next((m for m in reading.raw_places if m.start == at), None)
            if place is not None and countries.get(subject) is None:
                countries[subject] = place.place.country
            for other in reading.mentions:
                if 0 <= other.start - at < 40 and countries.get(other.person) is None:
                    countries[other.person] = countries.get(subject)
    travellers = [p for e in reading.events if e.kind == "travel" for p in e.subjects]
    _home_left_for_abroad(reading, countries)
    lead = next((countries[p] for p in travellers if countries.get(p)), None)
    # Who receives or sees off a visitor is the visitor's host, not their staff.
    hosting = {
        p
        for e in reading.events
        if e.phase == "host"
        for p in (e.objects if e.passive else e.subjects)
    }
    for index, person in enumerate(people):
        if countries.get(index) or not person.official:
            continue
        if (
            lead
            and _STAFF.search(person.title)
            and not _HEAD_SECRETARY.search(person.title)
            and index not in hosting
        ):
            countries[index] = lead  # the spokesman, adviser or secretary of the lead's government
        elif us_title(person.title):
            bare = not _US_STRONG.search(person.title)
            countries[index] = lead if bare and lead else "US"
    for index, person in enumerate(people):
        if countries.get(index) or not person.official or not person.mentions:
            continue
        sentence = _sentence_at(reading.sentences, person.mentions[0][0])
        seat = sentence and _SEAT_SAID.search(sentence.text)
        if seat:
            countries[index] = seat_country(seat.group(1))
    # A host receiving a visitor ("President X welcomed Y in Z") serves the country he
    # receives in: his own; with no place, a host-side report's dateline. A meeting
    # alone says nothing of a participant's country, nor does hosting a summit in a
    # country the host travels to ("will travel to X, where he will host ...").
    going = {
        (person, role.mention.place.country)
        for e in reading.events
        if e.kind == "travel" and not e.home
        for person in e.subjects
        for role in e.places
    }
    # "a visit to Saudi Arabia at the invitation of King Salman": who invites, hosts.
    for event in reading.events:
        destinations = {r.mention.place.country for r in event.places if r.role in ("to", "in")}
        if event.kind != "travel" or len(destinations) != 1 or event.mood not in ("real", "plan"):
            continue
        sentence = reading.sentences[min(event.sentence, len(reading.sentences) - 1)]
        for match in _INVITATION.finditer(text, sentence.start, sentence.end):
            for mention in reading.mentions:
                if (
                    match.end() <= mention.start < min(match.end() + 100, sentence.end)
                    and countries.get(mention.person) is None
                    and mention.person not in event.subjects
                    and people[mention.person].official
                ):
                    countries[mention.person] = next(iter(destinations))
    # "Ministers X and Y were at the Accra airport to see off the president": who sees a
    # traveller off is at home where the sentence says.
    for event in reading.events:
        if "farewell" not in event.hints:
            continue
        sentence = reading.sentences[min(event.sentence, len(reading.sentences) - 1)]
        there = {
            m.place.country
            for m in reading.places
            if sentence.start <= m.start < sentence.end and m.place.country
        }
        if len(there) == 1:
            for person in event.objects if event.passive else event.subjects:
                if countries.get(person) is None and people[person].official:
                    countries[person] = next(iter(there))
    travelling_from = {
        countries.get(p) for e in reading.events if e.kind == "travel" for p in e.subjects
    }
    for event in reading.events:
        if event.phase != "host" or event.mood not in ("real", "plan"):
            continue
        hosts = event.objects if event.passive else event.subjects
        guests = event.subjects if event.passive else event.objects
        places = [r.mention.place.country for r in event.places]
        if (
            not places
            and reading.dateline is not None
            and reading.dateline.place.country not in travelling_from
        ):
            # (not the dateline of a traveller's own capital: "ISLAMABAD: ... will visit")
            places = [reading.dateline.place.country]
        for host in hosts:
            if countries.get(host) or not _HEADS_OF_STATE.search(people[host].title):
                continue
            guest_countries = {countries.get(g) for g in guests}
            if places and places[0] not in guest_countries and (host, places[0]) not in going:
                countries[host] = places[0]
    # "BEIJING (Xinhua) -- Premier Zhou will attend the summit in Jakarta": a traveller of
    # no stated country, reported from a dateline that is none of the trip's places.
    if reading.dateline is not None:
        home = reading.dateline.place.country
        # (not who visits the dateline's country in another sentence: "ADDIS ABABA -- X
        # tours a plant in Ethiopia ... a tour that began when he landed in Kenya"; an
        # arrival there may be the landing home: "SEOUL -- His arrival here came hours
        # after he left Kazakhstan")
        visiting = {(e.sentence, p) for e in reading.events if e.nominal for p in e.subjects}
        there = {
            person
            for e in reading.events
            if e.kind == "travel"
            and not e.home
            and (
                e.phase in ("visit", "presence")
                # "has arrived in the UK for his state visit": a visit, no landing home
                or e.phase == "arrive"
                and any((e.sentence, p) in visiting for p in e.subjects)
            )
            for person in e.subjects
            if home in {r.mention.place.country for r in e.places if r.role in ("to", "in")}
        }
        for sentence in reading.sentences:
            # "DAR ES SALAAM, Tanzania -- President Obama stood at a memorial here": who
            # is "here" is at the dateline, not from it.
            here = re.search(r"\bhere\b", text[sentence.start : sentence.end])
            if here is not None:
                there |= {
                    m.person
                    for m in reading.mentions
                    if sentence.start <= m.start < sentence.start + here.start()
                }
        for event in reading.events:
            if (
                not event.places
                or event.kind != "travel"
                and not any(r.role == "in" for r in event.places)
            ):
                continue
            going = {r.mention.place.country for r in event.places}
            for person in event.subjects:
                if (
                    countries.get(person) is None
                    and home not in going
                    and person not in there
                    and _HEADS_OF_STATE.search(people[person].title)
                ):
                    countries[person] = home
    # "talks with President X at the Elysee Palace": a leader at his own seat of government.
    for event in reading.events:
        if event.kind != "meet":
            continue
        sentence = reading.sentences[min(event.sentence, len(reading.sentences) - 1)].text
        seat = _SEAT_AT.search(sentence)
        if seat is None:
            continue
        there = seat_country(seat.group(1))
        for person in event.objects + event.subjects:
            if any(
                person in e.subjects and there in {r.mention.place.country for r in e.places}
                for e in reading.events
                if e.kind == "travel"
            ):
                continue  # "will receive a welcome at the White House": the visitor
            if countries.get(person) is None and _HEADS_OF_STATE.search(people[person].title):
                countries[person] = there
    _told_by_epithet(reading, text, countries)
    _home_flown_from(reading, countries)
    # Staff serve the government of the traveller the story follows, once known.
    lead = next((countries[p] for p in travellers if countries.get(p)), None)
    for index, person in enumerate(people):
        if (
            countries.get(index) is None
            and person.official
            and lead
            and _STAFF.search(person.title)
            and not _HEAD_SECRETARY.search(person.title)
            and index not in hosting
        ):
            countries[index] = lead
    # An office named with no country ("Foreign Minister X"): a national outlet's own
    # government when the story is about it; else, for a traveller, the government of
    # the traveller the story follows. Otherwise the country stays unknown.
    known = {c for c in countries.values() if c}
    visited = {
        r.mention.place.country for e in reading.events if e.kind == "travel" for r in e.places
    }
    # One government has one head: two presidents the story names with no country are
    # not both the outlet's.
    unplaced = Counter(
        office(person.title)
        for index, person in enumerate(people)
        if countries.get(index) is None and person.official and not person.former
    )
    for index, person in enumerate(people):
        if countries.get(index) is not None or not person.official:
            continue
        if not _NATIONAL_OFFICE.search(person.title):
            continue
        single_head = office(person.title) in _SINGLE_OFFICES and unplaced[office(person.title)] > 1
        # "Abe and Prime Minister Theresa May": a prime minister beside the one of a
        # known country is another country's.
        held = {
            countries[i]
            for i, other in enumerate(people)
            if i != index
            and countries.get(i)
            and office(other.title) == office(person.title)
            and office(person.title) in _SINGLE_OFFICES
        }
        partners = (
            {
                countries.get(p)
                for e in reading.events
                if e.kind == "travel" and e.places and index in e.subjects
                for p in e.subjects
                if p != index
            }
            - {None}
            - held
        )
        # "Putin is accompanied by Deputy Prime Minister X": X is of Putin's country,
        # whichever country's press reports it
        led_by = {
            countries.get(p)
            for e in reading.events
            if e.phase == "accompany" and index in e.subjects and not e.places
            for p in e.objects
            if p != index
        } - {None}
        if outlet and outlet in held:
            where = {
                r.mention.place.country
                for e in reading.events
                if e.kind == "travel" and index in e.subjects
                for r in e.places
            } - held
            if len(where) == 1:
                countries[index] = where.pop()
            continue
        if len(led_by) == 1 and not single_head:
            countries[index] = led_by.pop()
        elif outlet and (not known or outlet in known or outlet in visited) and not single_head:
            countries[index] = outlet  # its own government, or the host of the visit
            reading.guessed.add(index)
        elif len(partners) == 1:
            countries[index] = partners.pop()  # travelling with officials of one country
    return countries


# Offices one government has one holder of.
_SINGLE_OFFICES = frozenset({"president", "prime minister", "vice president", "foreign minister"})
# Offices a national outlet names without their country: its own government's.
_NATIONAL_OFFICE = re.compile(
    r"\b(?:president|prime\s+minister|pm|minister|premier|chancellor|king|queen|speaker|"
    r"governor|secretary|chief\s+of\s+staff|commander|spokes\w+)\b",
    re.IGNORECASE,
)


def _spelling_of_capitals(ctx: Context, raw_places: list[PlaceMention]) -> None:
    """ "Ougadougou": a misspelt capital after "to" or "in" is the country's capital."""
    for journey in ctx.journeys:
        for stop in journey.stops:
            if stop.city is not None:
                continue
            for sentence in stop.evidence:
                for match in re.finditer(r"\b(?:to|in|at)\s+([A-Z][a-z]{4,})\b", sentence.text):
                    capital = near_capital(match.group(1), stop.country)
                    if capital is not None:
                        stop.city = capital
                        break
                if stop.city is not None:
                    break


def _evidence_for(sentences: tuple[Sentence, ...], positions: list[int]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for position in positions:
        sentence = _sentence_at(sentences, position)
        if sentence is not None and sentence.span() not in spans:
            spans.append(sentence.span())
    return tuple(spans)


def _officials(ctx: Context, reading: _Reading) -> list[ExtractedOfficial]:
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
                country=ctx.homes.get(index),
                evidence=_evidence_for(reading.sentences, positions[:3]),
            )
        )
    return result


def _spans(items: list[Sentence]) -> tuple[Span, ...]:
    return tuple(dict.fromkeys(s.span() for s in items))


def _trip(ctx: Context, journey: Journey, article: ArticleInput) -> ExtractedTrip | None:
    travellers = [ctx.people[i] for i in journey.travellers]
    if not travellers or not journey.stops:
        return None
    exported = []
    for stop in journey.stops:
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
        stop = meeting.stop
        meetings.append(
            ExtractedMeeting(
                participants=tuple(ctx.people[p].name for p in meeting.participants),
                country=stop.country if stop else None,
                city=stop.city.name if stop and stop.city else None,
                date=meeting.day,
                description=meeting.description,
                evidence=(meeting.sentence.span(),),
            )
        )
    summary = ", ".join(s.city or s.country for s in exported)
    return ExtractedTrip(
        travelers=tuple(p.name for p in travellers),
        status=journey.status,
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


def analyse_text(text: str, published=None) -> list[Event]:
    """The events of a text, for tests and doctests.

    >>> [e.phase for e in analyse_text("Ana Cruz, Chile's foreign minister, landed in Oslo.")]
    ['arrive']
    """
    return _read(text, "", published, parse(text)).events
