"""Turn sentences, people, places and dates into trips.

Pass 1 finds travel events (arrived in, will travel to, visit to, stops in,
accompanying X, returned home ...) and groups them into journeys per
traveller. Pass 2 attaches presence ("In Vienna, ..."), meetings and dated
departures/returns to those journeys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from trips.extraction.dates import NUMBER_WORDS, DateMention, is_history, past_marker, tense_at
from trips.extraction.people import Person, PersonMention, seat_country
from trips.extraction.places import (
    Place,
    PlaceMention,
    city_state,
    country_code,
    gazetteer,
    lookup,
    near_capital,
)
from trips.extraction.sentences import Sentence

_TRAVEL = re.compile(
    r"\b(?:arriv(?:ed|es|e|ing)(?:\s+(?:on\s+)?(?:early\s+|late\s+)?[A-Z]\w+day)?\s+(?:in|at)"
    r"|land(?:ed|s|ing)?\s+in|(?:is|are|was|were)\s+(?:currently\s+|now\s+|already\s+)?in(?=\s+[A-Z])"
    r"|(?:is|are)\s+(?:due|expected)\s+in|will\s+be\s+in(?=\s+[A-Z])|en\s+route\s+to"
    r"|attend\w*\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,6}?(?:summit|conference|forum|funeral|"
    r"inauguration|ceremony|assembly|meeting|talks)\s+(?:in|at)"
    r"|(?:travel(?:s|ed|led|ing|ling)?|head(?:s|ed|ing)?|fl(?:y|ies|ew|ying)|jet(?:s|ted)?|"
    r"go(?:es|ing)?|went|return(?:s|ed|ing)?|came|come|comes)\s+(?:on\s+to\s+|back\s+to\s+|to)"
    r"|fl(?:y|ies|ew|own)\s+into|touch(?:ed|es)?\s+down\s+in"
    r"|(?:lead|leads|led|leading|head|heads|headed|heading)\s+(?:the\s+|a\s+|his\s+|her\s+)?"
    r"(?:[\w.'’-]+\s+){0,3}?delegation\s+to"
    r"|(?:trip|tour|visit|visits|journey|swing|leg|mission|stopover)\s+(?:to|of|in)"
    r"|(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)visit(?:s|ed|ing)?(?!\s+(?:by|from|to\b))"
    r"|(?:return(?:ed|ing|s)?|(?:way|flight)\s+(?:back|home))\s+from"
    r"|depart(?:s|ed|ing)?\s+(?:\w+\s+){0,4}?for|left\s+for|leaves?\s+for|set\s+off\s+for"
    r"|(?:left|leaves?|leaving)\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:[\w'’-]+\s+){0,6}?for"
    r"|(?:continu|proceed)\w*\s+(?:on\s+)?to|move[sd]?\s+on\s+to|onward\s+to"
    r"|(?:tak(?:e|es|ing)|took)\s+(?:him|her|them)\s+(?:on\s+)?to"
    r"|(?:was|were|being)\s+(?:warmly\s+)?(?:received|hosted|welcomed|greeted)\s+(?:[^.;,]{0,40}?\s)?in(?=\s+[A-Z])"
    r"|(?:visit|trip|tour)\s+by\s+(?:[\w.'’-]+\s+){1,6}?to(?=\s+[A-Z])"
    r"|(?:held|holds?|holding)\s+talks\s+with\s+[^.;:(),]{0,80}?\s+in(?=\s+[A-Z])"
    r"|(?:met|meets?|meeting)\s+(?:with\s+)?[^.;:(),]{0,80}?\s+in(?=\s+[A-Z])"
    r"|represent\w*\s+(?:[\w'’]+\s+){1,4}?(?:in|at)(?=\s+[A-Z])"
    r"|stops?\s+(?:in|at)|stop(?:s|ped|ping)?\s+over\s+in|first\s+stop\s+in|(?:conclude|end|wrap|finish)\w*\s+(?:up\s+)?(?:his|her|their|the)\s+"
    r"(?:\w+\s+)?(?:trip|tour|visit)\s+in|(?:tour|trip|visit)\s+will\s+(?:conclude|end)\s+in"
    r"|(?:start|began|begin|kick)\w*(?:\s+off)?\s+(?:his|her|their)\s+[\w\s-]{0,30}?(?:tour|trip|visit)\s+"
    r"(?:on\s+\w+\s+)?with|talks\s+in|leaving|left)\b",
    re.IGNORECASE,
)
_RETURN = re.compile(
    r"\breturn(?:s|ed|ing)?\s+(?:home|to|back)\b|\bback\s+(?:home|in)\b", re.IGNORECASE
)
_ACCOMPANY = re.compile(
    r"\baccompanied\s+(?:[\w-]+\s+){0,4}?by\b|\baccompany(?:ing)?\b|\bdelegation\s+(?:included|includes|including)\b",
    re.IGNORECASE,
)
_MEETING = re.compile(
    r"\b(?:met|meet(?:s|ing)?|talks|discussions?|(?:joint\s+)?(?:news|press)\s+conference\s+with|"
    r"summit\s+(?:talks\s+)?with|discuss(?:es|ed|ing)?\s+[^.;]{0,80}?\bwith|shak(?:es|e|ing)\s+hands|received\s+by|hosted\s+by|audience|"
    r"speak(?:s|ing)?\s+with|spoke\s+with|see(?:ing|s)?|meetings?|welcome[sd]?|host(?:s|ed)?|"
    r"receive[sd]?|greet(?:s|ed)?|ministerial|dialogue\s+with|consultations|negotiations|"
    r"call(?:s|ed|ing)?\s+on|courtesy\s+call|confer(?:s|red)?\s+with|bilateral|"
    r"sign(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,6}?with)\b",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"[;:!?()]|[—–]|\s[-]\s|,\s+(?:[a-z]+ing|who|which|where|while|but|he|she|they)\b"
    r"|[“”\"]|\s(?:as|where|which|who|while|when|after|before|because|amid|during|with|since|"
    r"following|but|said|says|according|accompanied|about|against|over|amid|until|including|"
    r"regarding|particularly|concerning)\b"
    r"|\sto\s+(?!the\s+[A-Z]|[A-Z])|\sfor\s+(?!the\s+[A-Z]|[A-Z])"
    r"|\sand\s+(?!(?:the\s+)?[A-Z]|\d|(?:then|later|finally|also)\s+(?:on\s+)?to\b)"
)
_NEGATION = re.compile(
    r"\b(?:not|n't|never|no\s+longer|without|no\s+plans?\s+to|not\s+to)\b", re.IGNORECASE
)
_CANCEL = re.compile(
    r"\b(?:cancel(?:l?ed|s)?|called\s+off|postpone[sd]?|scrapped|skip(?:ped|s)?)\b", re.IGNORECASE
)
_CANCELLED_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:was|were|has\s+been|had\s+been|have\s+been|is|are|would\s+be|will\s+be)\s+"
    r"(?:\w+\s+)?(?:cancel\w*|postponed|called\s+off|scrapped|shelved|put\s+off|delayed)\b",
    re.IGNORECASE,
)
_VIRTUAL = re.compile(
    r"\b(?:virtual(?:ly)?|video|phone|telephone|teleconference|online|(?<!courtesy\s)call(?!\s+on\b))\b",
    re.IGNORECASE,
)
_INTENT = re.compile(
    r"\b(?:ask(?:ed|s)?|invit(?:e|ed|es)|urge[sd]?|intention|hop(?:e|es|ed)|would\s+like|wants?|"
    r"wanted|had\s+planned|was\s+to|were\s+to|willing|ready\s+to|prepared\s+to|(?-i:could|might|"
    r"may))\b[^.]{0,80}$",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(
    r"\b(?:the|all|both|these|those)\s+(?:same\s+)?(two|three|four|five|six|seven|\d)\s+(?:[A-Z]\w+\s+)?(?:countries|nations|states)\b"
)
_FOCUS_SUBJECT = re.compile(
    r"^(?:He|She|They|His|Her|Their|The\s+(?:secretary|president|minister|leader|visit|trip|tour|two))\b",
    re.IGNORECASE,
)
# "the ministry said on Monday": the date of a report, not of the travel.
_REPORT_WORDS = re.compile(
    r"\b(?:said|says|announced|told|confirmed|reported|added|stated|declared)\b", re.IGNORECASE
)
_START_WORDS = re.compile(
    r"\b(?:depart(?!ment)\w*|leav\w*|left(?!\s+(?:behind|over|out|wing)\b)|set\s+off|embark\w*|"
    r"(?:jet(?:ted)?|flew|fly|flies)\s+out|(?:begin|began|begins|start|starts|"
    r"started|starting|commenc\w*|kick\w*\s+off)(?=\s+on\b|\s+(?:his|her|their|the|a|an)\s+"
    r"[^.]{0,30}?(?:trip|tour|journey|visit|travel|swing)))",
    re.IGNORECASE,
)
_END_WORDS = re.compile(
    r"\b(?:return\w*|back|conclud\w*|wrap\w*|end\w*|finish\w*)\b", re.IGNORECASE
)
_ARRIVE_WORDS = re.compile(
    r"\b(?:arriv\w*|land\w*|visit\w*|reach\w*|stops?|came|travel\w*|due|expected|fl(?:ew|y|ies)|"
    r"touch\w*\s+down|(?:was|were)\s+(?:warmly\s+)?(?:welcomed|received|greeted))\b",
    re.IGNORECASE,
)
_EVENT_WORDS = re.compile(
    r"\b(?:held|hosted|takes\s+place|summit|forum|conference|meeting|session)\b", re.IGNORECASE
)
_UNNAMED_COUNTERPART = re.compile(
    r"\b(?:the|their|his|her)\s+(?:([A-Z][\w.]*(?:\s[A-Z]\w*)?)\s+)?(?:leader|president|emir|king|"
    r"prime\s+minister|ruler|counterparts?|crown\s+prince|chancellor|premier|sultan|monarch)\b",
    re.IGNORECASE,
)


@dataclass
class Stop:
    place: Place
    city: Place | None = None
    arrive: date | None = None
    depart: date | None = None
    evidence: list[Sentence] = field(default_factory=list)
    last: bool = False
    order: float = 0.0  # where the text first puts the traveller there
    days: int | None = None  # "a two-day visit to Russia" on a longer journey

    @property
    def country(self) -> str:
        return self.place.country


@dataclass
class Meeting:
    participants: list[int]
    stop: Stop | None
    day: date | None
    sentence: Sentence
    description: str


@dataclass
class Journey:
    travellers: list[int]
    stops: list[Stop] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    days: int | None = None
    start_evidence: list[Sentence] = field(default_factory=list)
    end_evidence: list[Sentence] = field(default_factory=list)
    evidence: list[Sentence] = field(default_factory=list)
    tenses: list[str] = field(default_factory=list)
    passing: bool = False
    returned: bool = False
    cancelled: bool = False
    current: Stop | None = None
    echoes: list[tuple[Journey, int]] = field(default_factory=list)
    home_departures: list[Sentence] = field(default_factory=list)  # "left X for <home>"
    stop_durations: list[Sentence] = field(default_factory=list)  # "N-day visit" of one stop


@dataclass
class Context:
    text: str
    published: date | None
    people: list[Person]
    mentions: list[PersonMention]
    places: list[PlaceMention]
    dates: list[DateMention]
    journeys: list[Journey] = field(default_factory=list)
    focus: list[int] = field(default_factory=list)
    countries: dict[int, str | None] = field(default_factory=dict)


def _window_end(text: str, start: int, limit: int) -> int:
    match = _BOUNDARY.search(text, start, limit)
    return match.start() if match else limit


def _in(items: list, start: int, end: int) -> list:
    return [item for item in items if start <= item.start < end]


def _subjects(ctx: Context, sentence: Sentence, position: int) -> list[int]:
    before = [m for m in ctx.mentions if sentence.start <= m.start < position]
    if not before:
        if not ctx.focus:
            return _title_anaphora(ctx, sentence) or (
                _lead(ctx, sentence)
                if re.search(r"\b(?:he|she)\b", ctx.text[sentence.start : position], re.I)
                else []
            )
        return list(ctx.focus)
    last = before[-1]
    between = ctx.text[last.end : position]
    coordinated = _COORDINATED.search(between) or re.search(
        r"\b(?:he|she)\b", between, re.IGNORECASE
    )
    if coordinated and len(before) > 1:
        # "X is due to meet Y in Beijing and will then go to ...": X goes, not Y.
        first = before[0]
        if ctx.people[first.person].official:
            return _subjects(ctx, sentence, first.end)
    if coordinated and _PRONOUN_OPENING.match(sentence.text) and ctx.focus:
        # "He will meet Y, before ending the trip in Z": the traveller in focus.
        return list(ctx.focus)
    if re.search(r"\b(?:he|she)\s+(?:\w+\s+){0,3}$", between) and not re.search(
        r"\b(?:who|whom|which)\b", between
    ):
        # "..., and on Tuesday he will travel to ...": the story's traveller.
        lead = list(ctx.focus) or _lead(ctx, sentence)
        if lead:
            return lead
    group = [last.person]
    cursor = last.start
    for mention in reversed(before[:-1]):
        between = ctx.text[mention.end : cursor]
        listed = re.fullmatch(
            r"(?:['’]s)?\s*(?:,\s*)?(?:and\s+|&\s+)?(?:[\w.'’\-]+\s+){0,6}", between
        )
        joined = " and " in between or "&" in between
        if listed and (joined or (len(group) > 1 and between.strip().startswith(","))):
            group.insert(0, mention.person)
            cursor = mention.start
        else:
            break
    return group


_COORDINATED = re.compile(
    r"\band\s+(?:(?:will|would|is|are|was|were|has|had|then|later|also|to|shall)\s+)+(?:\w+\s+){0,2}$"
    r"|\band\s+(?:then|later)\s+$"
    r"|,\s*(?:(?:a|one|two|three|several)\s+(?:day|days|hours?|weeks?)\s+|shortly\s+|just\s+)?"
    r"(?:after|before)\s+(?:\w+ing\s+(?:\w+\s+){0,3})?$"
    r"|\s(?:before|after)\s+$",
    re.IGNORECASE,
)
_PRONOUN_OPENING = re.compile(r"(?:He|She|They)\b")


_TITLE_OPENING = re.compile(r"(?:The|the)\s+((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)\b")


def _lead(ctx: Context, sentence: Sentence) -> list[int]:
    """The official the story opened with, for a pronoun before any journey is known."""
    for mention in ctx.mentions:
        if mention.start >= sentence.start:
            break
        if ctx.people[mention.person].official:
            return [mention.person]
    return []


def _title_anaphora(ctx: Context, sentence: Sentence) -> list[int]:
    """ "The King is on a working visit": the one official of the article with that office."""
    match = _TITLE_OPENING.match(sentence.text)
    if not match:
        return []
    office = match.group(1).lower()
    holders = [
        i
        for i, person in enumerate(ctx.people)
        if person.official and person.title and person.title.lower().endswith(office)
    ]
    return holders[:1] if len(holders) == 1 else []


def _officials(ctx: Context, indices: list[int]) -> list[int]:
    return [i for i in dict.fromkeys(indices) if ctx.people[i].official]


def _home(ctx: Context, person: int) -> str | None:
    return ctx.countries.get(person) or ctx.people[person].country


def _journey_for(
    ctx: Context,
    travellers: list[int],
    separate: bool,
    first: date | None,
    last: date | None,
    cancelled: bool = False,
) -> Journey:
    for journey in reversed(ctx.journeys):
        if not set(travellers) & set(journey.travellers):
            continue
        if journey.cancelled != cancelled:
            continue
        if journey.passing != separate:
            continue
        if separate:
            continue
        if first:
            if journey.start and (last or first) < journey.start - timedelta(days=1):
                continue
            if journey.end and first > journey.end + timedelta(days=1):
                continue
        for person in travellers:
            if person not in journey.travellers:
                journey.travellers.append(person)
        return journey
    journey = Journey(
        travellers=list(dict.fromkeys(travellers)), passing=separate, cancelled=cancelled
    )
    ctx.journeys.append(journey)
    return journey


def _add_stop(journey: Journey, place: Place, sentence: Sentence, prepend: bool = False) -> Stop:
    for stop in journey.stops:
        if stop.country != place.country:
            continue
        if place.kind == "country":
            if sentence not in stop.evidence:
                stop.evidence.append(sentence)
            return stop
        if place.kind == "state":
            if stop.city is None or stop.city.admin1 == place.admin1:
                if stop.city is None and stop.place.kind == "country":
                    stop.place = place
                return stop
            continue
        if stop.city is None and (stop.place.kind != "state" or stop.place.admin1 == place.admin1):
            stop.city = place
            stop.evidence.append(sentence)
            return stop
        if stop.city is not None and stop.city.name == place.name:
            return stop
    stop = Stop(
        place=place if place.kind != "city" else gazetteer().countries.get(place.country, place)
    )
    if place.kind == "city":
        stop.city = place
    stop.evidence.append(sentence)
    if prepend:
        stop.order = (min(s.order for s in journey.stops) if journey.stops else sentence.start) - 1
        journey.stops.insert(0, stop)
    else:
        same_sentence = sum(1 for s in journey.stops if sentence in s.evidence)
        stop.order = sentence.start + same_sentence / 1000
        journey.stops.append(stop)
    return stop


_GROUP_SUBJECT = re.compile(
    r"\b(?:officials|leaders|ministers|lawmakers|delegates|delegations?|executives|businesspeople|"
    r"troops|diplomats|envoys|students|tourists|people|experts|investors|journalists|reporters|"
    r"members|citizens|pilgrims|athletes|negotiators)\b"
)
_CAPITAL_AFTER = re.compile(r"\s+capital\b(?!\s+(?:of\s+)?[A-Z])")


def _places_in(ctx: Context, start: int, end: int, homes: set[str]) -> list[Place]:
    found: list[Place] = []
    for mention in _in(ctx.places, start, end):
        if mention.place.country in homes:
            continue
        if mention.demonym:
            # "the Chinese capital" names the capital city.
            capital = gazetteer().capitals.get(mention.place.country)
            if capital is not None and _CAPITAL_AFTER.match(ctx.text, mention.end):
                found.append(capital)
            continue
        found.append(city_state(mention.place))
    # Within one mention group keep the most specific place of each country.
    result: list[Place] = []
    for place in found:
        same = [p for p in result if p.country == place.country]
        if not same:
            result.append(place)
            continue
        old = same[0]
        rank = {"country": 0, "state": 1, "city": 2}
        if place.kind == "city" and old.kind == "city" and place.name != old.name:
            result.append(place)
        elif rank[place.kind] > rank[old.kind] and not (
            place.kind == "city" and old.kind == "state" and place.admin1 != old.admin1
        ):
            result[result.index(old)] = place
    return result


def _anaphora(ctx: Context, start: int, end: int) -> tuple[list[Place], Journey | None, int]:
    """Places named by "the same two countries", "all three countries"."""
    match = _ANAPHORA.search(ctx.text, start, end)
    if not match or not ctx.journeys:
        return [], None, 0
    count = NUMBER_WORDS.get(match.group(1).lower()) or int(match.group(1))
    main = [j for j in ctx.journeys if not j.passing and j.stops]
    focus = [j for j in main if set(j.travellers) & set(ctx.focus)] or main
    if not focus:
        return [], None, 0
    source = focus[-1]
    places = [gazetteer().countries.get(s.country, s.place) for s in source.stops[:count]]
    return places, source, count


def _dates_in(ctx: Context, sentence: Sentence) -> list[DateMention]:
    return _in(ctx.dates, sentence.start, sentence.end)


_CONCLUDED = re.compile(
    r"\b(?:conclud|wrap|end|finish|round)\w*\s+(?:up\s+|off\s+)?(?:(?:his|her|their|a|an|the)\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:visit|trip|tour|stay)\b[^.,;]{0,40}$",
    re.IGNORECASE,
)


def _role(ctx: Context, mention: DateMention, sentence: Sentence) -> str | None:
    left = ctx.text[max(sentence.start, mention.start - 100) : mention.start]
    right = ctx.text[mention.end : min(sentence.end, mention.end + 25)]
    if _CONCLUDED.search(left):
        # "concluded a two-day visit to Laos on Wednesday": the day the visit ended.
        return "end"
    best: tuple[int, str] | None = None
    for role, pattern in (
        ("start", _START_WORDS),
        ("end", _END_WORDS),
        ("arrive", _ARRIVE_WORDS),
        ("report", _REPORT_WORDS),
    ):
        for match in pattern.finditer(left):
            distance = len(left) - match.end()
            if best is None or distance < best[0]:
                best = (distance, role)
        for match in pattern.finditer(right[:15]):
            distance = match.start() + 20
            if best is None or distance < best[0]:
                best = (distance, role)
    return best[1] if best else None


def build_journeys(ctx: Context, sentences: tuple[Sentence, ...], skip: set[int]) -> None:
    """Find travel events, then presence, meetings and dated milestones."""
    for sentence in sentences:
        if sentence.index in skip:
            continue
        _travel_pass(ctx, sentence)
    ctx.focus = []
    for sentence in sentences:
        if sentence.index in skip:
            continue
        _detail_pass(ctx, sentence)
    for journey in ctx.journeys:
        for source, count in journey.echoes:
            for stop in source.stops[:count]:
                country = gazetteer().countries.get(stop.country, stop.place)
                _add_stop(journey, country, stop.evidence[0])
    for journey in ctx.journeys:
        _misspelt_capitals(ctx, journey)
        _finish(ctx, journey)


def _left_for_home(
    ctx: Context,
    sentence: Sentence,
    trigger: re.Match,
    words: str,
    subjects: list[int],
    homes: set[str],
    eventful: list[tuple[int, int]],
) -> None:
    """ "left Vientiane for Hanoi" (a home city): the journey's last day abroad."""
    if not (words.startswith(("depart", "left", "leav")) and words.endswith("for")):
        return
    end = _window_end(ctx.text, trigger.end(), sentence.end)
    if not any(m.place.country in homes for m in _in(ctx.places, trigger.end(), end)):
        return
    journeys = [j for j in ctx.journeys if set(subjects) & set(j.travellers) and not j.passing]
    if not journeys:
        return
    journey = journeys[-1]
    others = [t for t in eventful if t != trigger.span()]
    days = [
        m.first
        for m in _dates_in(ctx, sentence)
        if m.kind == "day"
        and m.first
        and not any(_gap(m, o, ctx.text) < _gap(m, trigger.span(), ctx.text) for o in others)
    ]
    left = [m.place for m in _in(ctx.places, trigger.start(), trigger.end()) if not m.demonym]
    journey.home_departures.append(sentence)
    if days and journey.end is None:
        journey.end = days[0]
        journey.end_evidence.append(sentence)
        for stop in journey.stops:
            if left and stop.country == left[0].country and stop.depart is None:
                stop.depart = days[0]
    if (
        tense_at(sentence.text, trigger.start() - sentence.start, trigger.start() - sentence.start)
        == "past"
    ):
        journey.returned = True
    journey.evidence.append(sentence)


_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


def _month_ahead(marker: str, published: date | None) -> bool:
    """ "in November" read in August: a month still to come."""
    match = re.match(r"(?:in|early|mid|late)[- ]([A-Za-z]{3})", marker)
    if not match or published is None:
        return False
    number = _MONTH_NUMBERS.get(match.group(1).lower())
    return number is not None and number > published.month


def _learn_home(ctx: Context, subjects: list[int], trigger: re.Match, words: str) -> None:
    """A traveller of unknown country is from where they leave or return to.

    "departed Abuja for Paris", "left Accra for Brussels", "return to Nigeria".
    """
    unknown = [s for s in subjects if _home(ctx, s) is None]
    if not unknown:
        return
    if words.startswith(("depart", "left", "leav")) and words.endswith("for"):
        inside = [m for m in _in(ctx.places, trigger.start(), trigger.end()) if not m.demonym]
        place = inside[0].place if inside else None
    elif words.startswith("represent"):
        # "will represent Russia in Johannesburg": the country they serve.
        inside = [m for m in _in(ctx.places, trigger.start(), trigger.end()) if not m.demonym]
        place = inside[0].place if inside and inside[0].place.kind == "country" else None
    elif words.startswith("return"):
        after = re.match(r"\s*(?:home\s+)?(?:to\s+)?", ctx.text[trigger.end() :])
        at = trigger.end() + (after.end() if after else 0)
        found = [m for m in ctx.places if m.start == at and not m.demonym]
        place = found[0].place if found else None
    else:
        return
    if place is not None:
        for person in unknown:
            ctx.countries[person] = place.country


def _travel_pass(ctx: Context, sentence: Sentence) -> None:
    text = ctx.text
    triggers = list(_TRAVEL.finditer(text, sentence.start, sentence.end))
    # Only verbs that lead to a place compete for the sentence's dates.
    eventful = [
        t.span()
        for t in triggers
        if _in(ctx.places, t.end(), _window_end(text, t.end(), sentence.end))
    ]
    ended_here: list[tuple[Journey, list[Stop], date]] = []
    for trigger in triggers:
        # History ("visited X in 1998") is judged on the event's own clause; a
        # meeting "in X" on the whole sentence ("visited in 2019, when he met ...").
        scope = (
            sentence.text
            if re.match(r"(?:met|meet|held|hold)", trigger.group(), re.IGNORECASE)
            else text[trigger.start() : min(sentence.end, trigger.end() + 90)]
        )
        if is_history(scope, ctx.published):
            continue
        words = trigger.group().lower()
        clause_start = max(sentence.start, text.rfind(",", sentence.start, trigger.start()) + 1)
        prefix = text[sentence.start : trigger.start()]
        way_back = bool(re.search(r"(?:way|flight)\s+(?:back|home)\s+from$", words))
        if _VIRTUAL.search(text, clause_start, trigger.end()) or (
            _INTENT.search(prefix) and not way_back
        ):
            continue
        negated = bool(
            _NEGATION.search(text, max(sentence.start, trigger.start() - 25), trigger.start())
        )
        if negated:
            continue
        subjects = _officials(ctx, _subjects(ctx, sentence, trigger.start()))
        if re.match(r"(?:visit|trip|tour)\s+by\s", words):
            # "The visit by Premier X to Australia": X, named inside the phrase.
            subjects = _officials(
                ctx, [m.person for m in _in(ctx.mentions, trigger.start(), trigger.end())]
            )
        if way_back and re.search(
            r"\b(?:his|her)\s+$", text[trigger.start() - 5 : trigger.start()]
        ):
            # "on his way back from Peru": the story's traveller, whoever was named last.
            subjects = _officials(ctx, list(ctx.focus) or _lead(ctx, sentence)) or subjects
        before = [m for m in ctx.mentions if sentence.start <= m.start < trigger.start()]
        if before and not ctx.people[before[-1].person].official and not subjects:
            continue
        in_clause = [m for m in before if m.start >= clause_start]
        if not in_clause and _GROUP_SUBJECT.search(text, clause_start, trigger.start()):
            # "Chinese officials visited ...": someone else, not the traveller in focus.
            continue
        if not subjects:
            continue
        if words.startswith(("return", "came back", "back")) and _RETURN.match(
            text, trigger.start()
        ):
            _learn_home(ctx, subjects, trigger, words)
            journey = _journey_for(ctx, subjects, False, None, None)
            journey.returned = (
                journey.returned
                or tense_at(
                    sentence.text, trigger.start() - sentence.start, trigger.end() - sentence.start
                )
                == "past"
            )
            if journey.end is None:
                # "returned to X on Sunday": the day the journey ended.
                others = [t for t in eventful if t != trigger.span()]
                for mention in _dates_in(ctx, sentence):
                    if (
                        mention.kind == "day"
                        and mention.first
                        and mention.start > trigger.start()
                        and not any(
                            _gap(mention, o, text) < _gap(mention, trigger.span(), text)
                            for o in others
                        )
                    ):
                        journey.end = mention.first
                        journey.end_evidence.append(sentence)
                        break
            journey.evidence.append(sentence)
            continue
        _learn_home(ctx, subjects, trigger, words)
        homes = {c for c in (_home(ctx, s) for s in subjects) if c}
        end = _window_end(text, trigger.end(), sentence.end)
        later = [m.start for m in ctx.mentions if trigger.end() <= m.start < end]
        if later:
            end = later[0]
        if words.startswith(("leaving", "left")) and not words.endswith("for"):
            if not any(p.start == trigger.end() + 1 for p in ctx.places):
                continue
            if not re.search(
                r"\b(?:after|having|had)\s+$", text[trigger.start() - 10 : trigger.start()]
            ):
                continue
        echoed, echo_source, echo_count = _anaphora(ctx, trigger.end(), end)
        places = _places_in(ctx, trigger.end(), end, homes) + echoed
        leaving = words.startswith(("leaving", "left")) and not words.endswith("for")
        if words.startswith("visit") and not places:
            ext_end = sentence.end
            met = [
                m
                for m in ctx.mentions
                if trigger.end() <= m.start < ext_end and ctx.people[m.person].official
            ]
            if met and re.search(
                r"\b(?:would|will|to|follow\w*|[a-z]+ed)\b", text[trigger.end() : met[0].start]
            ):
                met = []
            places = [
                gazetteer().countries[c]
                for c in dict.fromkeys(_home(ctx, m.person) for m in met)
                if c and c in gazetteer().countries and c not in homes
            ]
            if len(places) > 1 and past_marker(sentence.text):
                for place in places:
                    journey = _journey_for(ctx, subjects, True, None, None)
                    _add_stop(journey, place, sentence)
                    journey.evidence.append(sentence)
                    journey.tenses.append("past")
                ctx.focus = subjects
                continue
        if not places:
            _left_for_home(ctx, sentence, trigger, words, subjects, homes, eventful)
            continue
        scope_start = max(
            [sentence.start] + [m.end for m in before if m.end <= trigger.start() - 40]
        )
        marker = past_marker(text[scope_start:end])
        rel_start = trigger.start() - sentence.start
        tense = tense_at(sentence.text, rel_start, rel_start)
        if marker and tense != "past" and _month_ahead(marker, ctx.published):
            marker = None  # "is expected to attend ... in November": a month ahead
        separate = bool(marker) and not leaving
        first, last, arrive, start_day, end_day = _event_dates(
            ctx,
            sentence,
            trigger.span(),
            [t for t in eventful if t != trigger.span()],
        )
        called_off = bool(
            _CANCEL.search(text, max(clause_start, trigger.start() - 40), trigger.start())
            or _CANCELLED_AFTER.match(text, trigger.end(), sentence.end)
        )
        journey = _journey_for(
            ctx, subjects, separate, first or start_day, last or end_day, called_off
        )
        if echo_source is not None and echo_source is not journey:
            journey.echoes.append((echo_source, echo_count))
        prepend = leaving or bool(
            re.search(
                r"\bafter\s+(?:\w+\s+){0,2}$",
                text[max(sentence.start, trigger.start() - 20) : trigger.start()],
            )
        )
        added = []
        for place in reversed(places) if prepend else places:
            added.append(_add_stop(journey, place, sentence, prepend=prepend))
        if prepend:
            added.reverse()
        # A city of the same country later in the sentence names the stop's city.
        for stop in added:
            if stop.city is None:
                for mention in _in(ctx.places, trigger.end(), sentence.end):
                    if mention.place.kind == "city" and mention.place.country == stop.country:
                        stop.city = mention.place
                        break
        if (
            "last leg" in sentence.text
            or "final leg" in sentence.text
            or re.search(r"conclude", words)
        ):
            for stop in added:
                stop.last = True
        if (
            start_day
            and added
            and added[0].arrive is None
            and re.search(
                r"\b(?:beg[iau]n\w*|start\w*|kick\w*\s+off|open\w*)\b", sentence.text, re.I
            )
            and not re.search(r"\b(?:depart\w*|leav\w*|left|set\s+off)\b", sentence.text, re.I)
        ):
            # "kicked off an African tour in Kenya on Tuesday": arrival in Kenya.
            added[0].arrive = start_day
        if arrive and added and not leaving and added[0].arrive is None:
            added[0].arrive = arrive
        if first and added:
            if added[0].arrive is None and len(added) >= 1:
                added[0].arrive = first
            if last and added[-1].depart is None:
                added[-1].depart = last
        if first:
            journey.start = journey.start or first
            journey.start_evidence.append(sentence)
        if last:
            journey.end = journey.end or last
            journey.end_evidence.append(sentence)
        if start_day and not journey.start:
            journey.start = start_day
            journey.start_evidence.append(sentence)
        earlier = [
            e
            for e in ended_here
            if e[0] is journey and e[1] and any(stop.country != e[1][-1].country for stop in added)
        ]
        if earlier and added and not prepend:
            # "wrapped up a visit to Japan on Friday and headed to Seoul": Friday
            # ends the Japan stop, not the journey.
            _, done, day = earlier[0]
            ended_here.remove(earlier[0])
            if journey.end == day:
                journey.end = None
            for stop in done[-1:]:
                stop.depart = stop.depart or day
                days = [m.days for m in _dates_in(ctx, sentence) if m.kind == "duration" and m.days]
                if days and stop.arrive is None:
                    stop.arrive = day - timedelta(days=days[0] - 1)
            journey.stop_durations.append(sentence)
        if end_day and added and re.search(r"\b(?:conclud|wrap|end|finish)", words + sentence.text):
            # The day a visit to a place concluded is the day of leaving it.
            added[-1].depart = added[-1].depart or end_day
        if end_day and not journey.end:
            journey.end = end_day
            journey.end_evidence.append(sentence)
            ended_here.append((journey, added, end_day))
        journey.evidence.append(sentence)
        if tense:
            today = ctx.published is not None and any(
                m.kind == "day" and m.first == ctx.published for m in _dates_in(ctx, sentence)
            )
            arrival = tense == "past" and (
                re.match(r"arriv|land", words)
                or (re.match(r"depart|left|set off", words) and words.endswith("for"))
                or (today and not separate)  # "held talks in Baku on Tuesday", a Tuesday paper
            )
            journey.tenses.append("arrived" if arrival else ("past" if separate else tense))
        if not separate:
            ctx.focus = journey.travellers[:]
            journey.current = added[-1] if added else journey.current
    _received_guest(ctx, sentence)
    _listed_arrivals(ctx, sentence)
    # Co-travellers: "X, who is accompanying Y", "the delegation included X".
    for match in _ACCOMPANY.finditer(text, sentence.start, sentence.end):
        after = [m for m in ctx.mentions if match.end() <= m.start < sentence.end]
        before = [m for m in ctx.mentions if sentence.start <= m.start < match.start()]
        if match.group().lower().startswith("delegation"):
            joiners = [m.person for m in after[:1]]
            hosts = ctx.focus
        elif match.group().lower().startswith("accompanied"):
            # "X was accompanied by Foreign Minister Y (and Z)".
            joiners = _subjects(ctx, sentence, sentence.end) if after else []
            joiners = [p for p in joiners if any(m.person == p for m in after)]
            hosts = _subjects(ctx, sentence, match.start()) if before else ctx.focus
        else:
            joiners = _subjects(ctx, sentence, match.start()) if before else ctx.focus
            hosts = [m.person for m in after[:1]] or ctx.focus
        joiners = _officials(ctx, joiners)
        for journey in reversed(ctx.journeys):
            if set(hosts) & set(journey.travellers) and not journey.passing:
                for person in joiners:
                    if person not in journey.travellers:
                        journey.travellers.append(person)
                journey.evidence.append(sentence)
                break


def _gap(mention: DateMention, span: tuple[int, int], text: str = "") -> int:
    """Distance from a travel verb to a date; "on Sunday" modifies the verb before it,
    and a comma between a date and a later verb ends the date's clause."""
    if mention.end <= span[0]:
        comma = 60 if "," in text[mention.end : span[0]] else 0
        return 3 * (span[0] - mention.end) + comma
    return max(0, mention.start - span[1])


_LISTED_ARRIVALS = re.compile(
    r"\b(?:leaders|officials|ministers|dignitaries|heads\s+of\s+(?:state|government)[\w\s]*?)\s+"
    r"(?:arriving|who\s+(?:arrived|have\s+arrived|are\s+attending|attended)|attending|"
    r"in\s+attendance)\b([^.;]*?)\b(?:included?|were|are|such\s+as)\b",
    re.IGNORECASE,
)


def _listed_arrivals(ctx: Context, sentence: Sentence) -> None:
    """ "Leaders arriving for the summit in X included A, B and C": a journey each."""
    match = _LISTED_ARRIVALS.search(ctx.text, sentence.start, sentence.end)
    if match is None or is_history(sentence.text, ctx.published):
        return
    places = [
        m.place
        for m in _in(ctx.places, match.start(1), match.end(1))
        if not m.demonym and m.place.kind == "city"
    ]
    if not places:
        return
    days = [m.first for m in _in(ctx.dates, match.start(1), match.end(1)) if m.kind == "day"]
    for mention in _in(ctx.mentions, match.end(), sentence.end):
        person = mention.person
        home = _home(ctx, person)
        if not ctx.people[person].official or home == places[0].country:
            continue
        if any(person in j.travellers for j in ctx.journeys):
            continue
        journey = Journey(travellers=[person])
        ctx.journeys.append(journey)
        stop = _add_stop(journey, places[0], sentence)
        if days and days[0] and "arriv" in match.group().lower():
            stop.arrive = days[0]
        journey.evidence.append(sentence)
        journey.tenses.append("present")


_RECEIVED = re.compile(
    r"\b(?:received|receives|receiving|welcomed|welcomes|welcoming|hosted|hosts|hosting|host|greeted)\b"
    r"(?!\s+(?:by|a\s+(?:phone\s+|telephone\s+)?call|calls?|news|word|reports?)\b)",
    re.IGNORECASE,
)


_SEAT_NEAR = re.compile(
    r"\b(?:White House|Kremlin|Elysee|Élysée|Downing Street|Blue House|Zhongnanhai|Kantei|"
    r"Planalto|Casa Rosada|Malacañang|Malacanang|Rashtrapati Bhavan|Union Buildings|Aso Rock)\b"
)
_DATELINE = re.compile(r"\s*([A-Z][A-Z'’.\- ]{2,30}?)\s*(?:,|\(|[-–—]{1,2}\s)")


def dateline_country(text: str) -> str | None:
    """The country of an opening dateline ("ABU DHABI, 3rd July (WAM) --")."""
    match = _DATELINE.match(text)
    if not match:
        return None
    place = lookup(match.group(1).strip().title())
    return place.country if place is not None and place.kind == "city" else None


def _received_guest(ctx: Context, sentence: Sentence) -> None:
    """A host receiving a foreign official at home: a visit by the guest.

    "Egyptian President A received Palestinian President B in Cairo" is B's
    journey to Cairo; the guest's country must differ from the place's.
    """
    text = ctx.text
    for trigger in _RECEIVED.finditer(text, sentence.start, sentence.end):
        if _VIRTUAL.search(sentence.text) or is_history(sentence.text, ctx.published):
            return
        hosts = [m for m in ctx.mentions if sentence.start <= m.start < trigger.start()]
        guests = [m for m in ctx.mentions if trigger.end() <= m.start < sentence.end]
        if not hosts or not guests or not ctx.people[hosts[-1].person].official:
            continue
        if re.search(r"\b(?:was|were|been|being|is|are)\s+$", text[: trigger.start()]) or re.search(
            r"\bby\b", text[trigger.end() : guests[0].start]
        ):
            continue  # passive: "was hosted ... by X" names the host, not a guest
        guest = guests[0]
        if not re.fullmatch(r"[\s\w'’.,\-]{0,80}", text[trigger.end() : guest.start]):
            continue
        person = guest.person
        home = _home(ctx, person)
        if not ctx.people[person].official or home is None:
            continue
        if any(person in j.travellers for j in ctx.journeys if sentence in j.evidence):
            continue
        end = _window_end(text, guest.end, sentence.end)
        places = [p for p in _places_in(ctx, guest.end, end, {home}) if p.kind == "city"]
        host_home = _home(ctx, hosts[-1].person) or (
            dateline_country(text) if re.search(r"\bvisit\w*\b", sentence.text) else None
        )
        seat = _SEAT_NEAR.search(text, guest.end, sentence.end)
        if not places and host_home is None and seat:
            host_home = seat_country(seat.group())  # "host X at the White House"
        if not places and host_home and host_home != home:
            # "received X, who is visiting the country": the host's country (or,
            # for a host of unknown country, that of the report's dateline).
            places = [gazetteer().countries[host_home]]
        if not places:
            continue
        journey = _journey_for(ctx, [person], False, None, None)
        journey.current = _add_stop(journey, places[0], sentence)
        journey.evidence.append(sentence)
        days = [m.first for m in _dates_in(ctx, sentence) if m.kind == "day" and m.first]
        if days and ctx.published and days[0] == ctx.published:
            journey.tenses.append("arrived")
        else:
            at = trigger.start() - sentence.start
            tense = tense_at(sentence.text, at, at)
            journey.tenses.append(tense or "present")


def _event_dates(
    ctx: Context,
    sentence: Sentence,
    trigger: tuple[int, int],
    others: list[tuple[int, int]] = (),
) -> tuple[date | None, date | None, date | None, date | None, date | None]:
    """Dates of one travel event; a date nearer another event's verb belongs to that one."""
    trigger_end = trigger[1]
    first = last = arrive = start_day = end_day = None
    for mention in _dates_in(ctx, sentence):
        if any(
            _gap(mention, other, ctx.text) < _gap(mention, trigger, ctx.text) for other in others
        ):
            continue
        if mention.kind == "range" and mention.first:
            between = ctx.text[trigger_end : mention.start] if mention.start > trigger_end else ""
            if _EVENT_WORDS.search(between):
                continue
            first, last = first or mention.first, last or mention.last
        elif mention.kind == "day" and mention.first:
            role = _role(ctx, mention, sentence)
            if role == "start":
                start_day = start_day or mention.first
            elif role == "end":
                end_day = end_day or mention.first
            elif role == "arrive":
                arrive = arrive or mention.first
            elif role is None and mention.start - sentence.start <= 8:
                # A sentence-initial date ("On Friday, X will visit ...") dates the visit.
                arrive = arrive or mention.first
    return first, last, arrive, start_day, end_day


def _narrative_stop(ctx: Context, journey: Journey, position: int) -> Stop | None:
    """The stop the story is at: the last place mentioned before ``position`` that is a stop."""
    for mention in reversed([m for m in ctx.places if m.start < position and not m.demonym]):
        for stop in journey.stops:
            if stop.country != mention.place.country:
                continue
            if (
                mention.place.kind == "city"
                and stop.city is not None
                and stop.city.name != mention.place.name
            ):
                continue
            return stop
    return None


# "a two-day visit, the first leg of a tour": the duration of one stop, not the trip.
_LEG = re.compile(r"\b(?:leg|first\s+stop|stop\s+of|part\s+of\s+(?:a|an|his|her|the))\b")
_ACTIVITY = re.compile(
    r"\b(?:met|meet(?:s|ing)?|talks|discussions?|told\s+reporters|said|speaks|spoke|waits|"
    r"attend(?:s|ed|ing)?|shak(?:es|e|ing)\s+hands|news\s+conference|visit(?:s|ed|ing)?|"
    r"hold(?:s|ing)?|held|address(?:es|ed)?|see(?:ing|s)?|host(?:s|ed)?|receive[sd]?|welcome[sd]?|"
    r"greeted|accorded)\b",
    re.IGNORECASE,
)
_MEETING_END = re.compile(
    r"[;:!?()]|[“”\"]|\s(?:to\s+(?:discuss|advance|focus|review|strengthen)|during|about|where|which|who|"
    r"while|when|after|before|because|said|says|according|focusing)\b|,\s+(?:[a-z]+ing)\b"
    r"|\sand\s+(?:[a-z]+ing|[a-z]+ed|attend\w*|deliver\w*)\b"
)
_LIST_GAP = re.compile(r"(?:,\s*|\s+and\s+|,\s+and\s+)$")


def _presence(ctx: Context, sentence: Sentence, homes: set[str]) -> list[PlaceMention]:
    """Places the travellers are at: "In Vienna, ...", "meet ... in Tokyo and Seoul"."""
    found: list[PlaceMention] = []
    lead = re.match(
        r"(?:While\s+)?[Ii]n\s+((?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)"
        r"(?:\s+(?:on|early|late)\s+(?:on\s+)?[A-Z]\w+(?:\s+\d{1,2})?)?,",
        sentence.text,
    )
    if lead:
        found += [
            m for m in _in(ctx.places, sentence.start, sentence.start + lead.end()) if not m.demonym
        ]
    if sentence.text[:1] in "“\"'‘":
        return found
    for activity in _ACTIVITY.finditer(sentence.text):
        # "said in Tokyo", "told reporters in Seoul": only right after a speech verb.
        speech = re.match(r"said|speaks|spoke|told", activity.group(), re.IGNORECASE)
        scope_end = sentence.start + activity.end() + (25 if speech else 80)
        stop = re.search(
            r"[.;:]|\b(?:including|regarding|particularly|about|concerning|such\s+as|on\s+the)\b",
            ctx.text[sentence.start + activity.end() : scope_end],
        )
        if stop:
            scope_end = sentence.start + activity.end() + stop.start()
        for match in re.finditer(
            r"\b(?:in|at)\s+(?:the\s+capital\s+|the\s+)?(?=[A-Z])",
            ctx.text[sentence.start + activity.end() : scope_end],
        ):
            pos = sentence.start + activity.end() + match.end()
            chain = [m for m in ctx.places if m.start == pos and not m.demonym]
            while chain:
                mention = chain[-1]
                if mention not in found:
                    found.append(mention)
                following = [
                    m for m in ctx.places if m.start > mention.end and m.start < sentence.end
                ]
                if not following:
                    break
                gap = ctx.text[mention.end : following[0].start]
                if not _LIST_GAP.fullmatch(gap) and gap not in (", ", " and ", ", and "):
                    break
                chain.append(following[0])
            break
    return [m for m in found if m.place.country not in homes]


def _stop_of_duration(ctx: Context, journey: Journey, mention: DateMention) -> Stop | None:
    """The stop an "N-day visit to X" measures, when the journey goes on elsewhere."""
    after = re.match(r"\s+to\s+", ctx.text[mention.end : mention.end + 5])
    if after is None:
        return None
    at = mention.end + after.end()
    named = [m for m in ctx.places if m.start == at and not m.demonym]
    if not named:
        return None
    country = named[0].place.country
    if not any(s.country != country for s in journey.stops):
        return None
    return next((s for s in journey.stops if s.country == country), None)


_THE_TWO = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:leaders|presidents|prime\s+ministers|(?:foreign\s+)?ministers|"
    r"heads\s+of\s+state|sides)\s+(?:also\s+)?(?:discussed|held|met|signed|reviewed|agreed|"
    r"exchanged|witnessed|talked)\b",
    re.IGNORECASE,
)


def _the_two(ctx: Context, sentence: Sentence, journey: Journey) -> list[int]:
    """ "the two leaders discussed ...": the host named last from a visited country."""
    if not _THE_TWO.search(sentence.text) or not journey.stops:
        return []
    visited = {s.country for s in journey.stops}
    hosts = [
        m.person
        for m in ctx.mentions
        if m.start < sentence.end
        and m.person not in journey.travellers
        and ctx.people[m.person].official
        and (ctx.countries.get(m.person) or ctx.people[m.person].country) in visited
    ]
    return hosts[-1:]


def _passing_details(
    ctx: Context, sentence: Sentence, journey: Journey, mentions: list[PersonMention]
) -> None:
    """Counterparts met on a trip reported in passing ("met Y in Brussels last week")."""
    for trigger in _MEETING.finditer(sentence.text):
        after = sentence.start + trigger.end()
        cut = _MEETING_END.search(ctx.text, after, sentence.end)
        limit = cut.start() if cut else sentence.end
        named = [
            m.person
            for m in mentions
            if after <= m.start < limit
            and m.person not in journey.travellers
            and ctx.people[m.person].title
            and not _speaker(ctx, m.person, mentions)
        ]
        if named and journey.stops:
            journey.meetings.append(
                Meeting(named, journey.stops[0], None, sentence, trigger.group())
            )
            return
    named = _the_two(ctx, sentence, journey)
    if named:
        journey.meetings.append(Meeting(named, journey.stops[0], None, sentence, "talks"))


def _detail_pass(ctx: Context, sentence: Sentence) -> None:
    text = ctx.text
    mentions = [m for m in ctx.mentions if sentence.start <= m.start < sentence.end]
    travellers_here = [
        m.person
        for m in mentions
        if any(m.person in j.travellers for j in ctx.journeys if not j.passing)
    ]
    if travellers_here:
        ctx.focus = [travellers_here[0]]
    opener = next((m.person for m in mentions if ctx.people[m.person].official), None)
    passing_own = [
        j for j in ctx.journeys if j.passing and opener in j.travellers and sentence in j.evidence
    ]
    if opener is not None and opener not in travellers_here and passing_own:
        # "Foreign Minister X met Y in Brussels last week": X's own earlier trip,
        # not the story's main journey.
        _passing_details(ctx, sentence, passing_own[-1], mentions)
        return
    subject_pool = travellers_here or ctx.focus
    journeys = [j for j in ctx.journeys if set(subject_pool) & set(j.travellers) and not j.passing]
    if not journeys and travellers_here:
        # A passing trip's own sentence may name its city or counterpart.
        journeys = [
            j
            for j in ctx.journeys
            if set(travellers_here) & set(j.travellers)
            and j.evidence
            and j.evidence[-1].index >= sentence.index - 1
        ]
    if not journeys:
        return
    # The journey this sentence reports, else the latest one of the travellers.
    own = [j for j in journeys if sentence in j.evidence]
    journey = own[-1] if own else journeys[-1]
    if _VIRTUAL.search(sentence.text) or is_history(sentence.text, ctx.published):
        return
    homes = {c for c in (_home(ctx, t) for t in journey.travellers) if c}
    if _UNREAL.search(sentence.text):
        # "had hoped to meet X in Florida, but the meeting did not take place".
        return
    located: Stop | None = None
    for mention in _presence(ctx, sentence, homes):
        located = _add_stop(journey, mention.place, sentence)
    # Milestones: start, end, duration, arrival dates for the journey.
    for mention in _dates_in(ctx, sentence):
        if (
            mention.kind == "duration"
            and mention.days
            and not _LEG.search(sentence.text)
            and sentence not in journey.stop_durations
            and re.search(
                r"trip|visit|tour|swing|journey|days\s+(?:of|in)", mention.text, re.IGNORECASE
            )
        ):
            own = _stop_of_duration(ctx, journey, mention)
            if own is not None:
                own.days = own.days or mention.days
            else:
                journey.days = journey.days or mention.days
        if mention.kind != "day" or mention.first is None:
            continue
        role = _role(ctx, mention, sentence)
        if (
            role == "start"
            and journey.start is None
            and sentence not in journey.home_departures
            and not re.search(r"\bleav\w*\s+[A-Z]", text[mention.start - 30 : mention.start])
        ):
            journey.start = mention.first
            journey.start_evidence.append(sentence)
        elif role == "end" and journey.end is None and _RETURN.search(sentence.text):
            journey.end = mention.first
            journey.end_evidence.append(sentence)
        elif (
            role == "arrive"
            and located is not None
            and located.arrive is None
            and re.search(r"visit|arriv", sentence.text)
        ):
            located.arrive = mention.first
    if (
        journey.returned
        and journey.end is None
        and located is None
        and re.search(r"\b(?:arrived|landed|touched\s+down)\b", sentence.text)
        and not any(
            m.place.country not in homes and not m.demonym
            for m in _in(ctx.places, sentence.start, sentence.end)
        )
    ):
        # After "returned home", an arrival with no foreign place is the homecoming.
        days = [m.first for m in _dates_in(ctx, sentence) if m.kind == "day" and m.first]
        if days:
            journey.end = days[0]
            journey.end_evidence.append(sentence)
    if re.search(r"\breturned\s+(?:home|to|back)\b", sentence.text):
        journey.returned = True
    if (
        _CANCEL.search(sentence.text)
        and re.search(r"trip|visit|tour", sentence.text)
        and not any(sentence in j.evidence for j in ctx.journeys)
    ):
        journey.cancelled = True
    # Meetings with named counterparts; none when the sentence places them at home.
    at_home = any(
        m.place.country in homes
        and not m.demonym
        and re.search(r"\b(?:in|at)\s+$", text[m.start - 4 : m.start])
        for m in _in(ctx.places, sentence.start, sentence.end)
    )
    for trigger in _MEETING.finditer(sentence.text):
        word = trigger.group().lower()
        at = sentence.start + trigger.start()
        after_trigger = sentence.start + trigger.end()
        if re.fullmatch(r"welcome[sd]?|host(?:s|ed)?|receive[sd]?|greet(?:s|ed)?", word):
            by = re.match(
                r"(?:\s+(?:at|in|on)\s+[^,.;]{0,50}?)?\s+by\b", text[after_trigger : sentence.end]
            )
            if by:
                # "was received by President X": the host is named after "by".
                hosts = [
                    m.person
                    for m in mentions
                    if after_trigger <= m.start < after_trigger + 80
                    and m.person not in journey.travellers
                ]
                participants = hosts[:1]
                if word.startswith(("welcome", "greet")) and (
                    _AIRPORT.search(sentence.text)
                    or any(_JUNIOR.search(ctx.people[p].title) for p in participants)
                ):
                    # An arrival welcome by a junior official is protocol, not talks.
                    participants = []
            else:
                hosts = [
                    m.person
                    for m in mentions
                    if m.start < at and m.person not in journey.travellers
                ]
                participants = hosts[-1:]
                guest = any(
                    after_trigger <= m.start < after_trigger + 90 and m.person in journey.travellers
                    for m in mentions
                ) or re.match(
                    r"\s+(?:him|her|them|the\s+(?:visiting|[A-Z]\w+))\b", text[after_trigger:]
                )
                if not guest:
                    # "X hosted the summit": no one of the journey is received.
                    participants = []
            limit = sentence.end
        else:
            limit = sentence.end
            cut = _MEETING_END.search(text, sentence.start + trigger.end(), limit)
            if cut:
                limit = cut.start()
            participants = [
                m.person
                for m in mentions
                if sentence.start + trigger.end() <= m.start < limit
                and m.person not in journey.travellers
            ]
            if not participants and any(
                after_trigger <= m.start < limit and m.person in journey.travellers
                for m in mentions
            ):
                # "President X met the visiting Y": the subject is the counterpart.
                participants = [
                    m.person
                    for m in mentions
                    if m.start < at
                    and m.person not in journey.travellers
                    and m.start
                    >= max(
                        [sentence.start]
                        + [
                            n.end
                            for n in mentions
                            if n.start < at and n.person in journey.travellers
                        ]
                    )
                ][-1:]
            if not participants:
                participants = _unnamed(ctx, sentence, trigger.end(), limit, journey)
            if not participants:
                participants = _the_two(ctx, sentence, journey)
        participants = [
            p
            for p in dict.fromkeys(participants)
            if p not in journey.travellers
            and ctx.people[p].title
            and not _speaker(ctx, p, mentions)
            and (ctx.countries.get(p) or ctx.people[p].country) not in homes
        ]
        if not participants:
            continue
        where = [
            m
            for m in ctx.places
            if sentence.start + trigger.end() <= m.start < sentence.end
            and not m.demonym
            and m.place.country not in homes
            and m.place.kind == "city"
        ]
        there = _place_before_where(ctx, sentence, at, homes)
        theirs = [
            s
            for s in journey.stops
            if any(
                (ctx.countries.get(p) or ctx.people[p].country) == s.country for p in participants
            )
        ]
        where = [m for m in where if m.start < limit]
        if there is not None:
            stop = _add_stop(journey, there.place, sentence)
        elif where:
            stop = _add_stop(journey, where[0].place, sentence)
        elif located is None and theirs:
            # A counterpart is met in their own country when the trip goes there.
            stop = theirs[0]
        else:
            stop = located or _narrative_stop(ctx, journey, at) or journey.current
        if stop is None or at_home:
            continue
        day = None
        dated = [m for m in _dates_in(ctx, sentence) if m.first and m.kind in ("day", "range")]
        following = [m for m in dated if m.start >= at]
        if following or dated:
            day = (following or dated)[0].first
        if any(
            set(m.participants) == set(participants) and m.stop is stop for m in journey.meetings
        ):
            continue
        journey.meetings.append(Meeting(participants, stop, day, sentence, trigger.group()))
    if not at_home and not any(m.sentence is sentence for m in journey.meetings):
        # "The two leaders discussed ...": talks with the host named before.
        named = _the_two(ctx, sentence, journey)
        stop = located or _narrative_stop(ctx, journey, sentence.start) or journey.current
        known = any(set(m.participants) == set(named) for m in journey.meetings)
        if named and stop is not None and not known:
            journey.meetings.append(Meeting(named, stop, None, sentence, "talks"))


_AIRPORT = re.compile(r"\b(?:airport|tarmac|bouquets?|red\s+carpet|guard\s+of\s+honou?r)\b", re.I)
_JUNIOR = re.compile(
    r"\b(?:deputy|vice|assistant|ambassador|governor|mayor|protocol|chief\s+of\s+staff)\b", re.I
)
_UNREAL = re.compile(
    r"\b(?:had\s+hoped|hoped\s+to|had\s+planned|had\s+wanted|did\s+not\s+take\s+place|"
    r"(?:would\s+be\s+)?willing\s+to|invited\s+(?:[\w.'’-]+\s+){1,6}to\s+visit|"
    r"never\s+took\s+place|fell\s+through|(?:was|were)\s+not\s+able\s+to)\b",
    re.IGNORECASE,
)
_SPOKESPERSON = re.compile(r"spokes|press\s+secretary|\bpress\s+officer", re.IGNORECASE)


def _speaker(ctx: Context, person: int, mentions: list[PersonMention]) -> bool:
    """A spokesperson, or someone only quoted here ("..., X said"), is not a counterpart."""
    if _SPOKESPERSON.search(ctx.people[person].title):
        return True
    for mention in mentions:
        if mention.person == person and re.match(
            r",?\s+(?:said|says|told|added|announced|stated)\b",
            ctx.text[mention.end : mention.end + 12],
        ):
            return True
    return False


def _place_before_where(
    ctx: Context, sentence: Sentence, at: int, homes: set[str]
) -> PlaceMention | None:
    """ "in Berlin, where he will meet X": the meeting is in Berlin."""
    clause = re.search(r",\s+where\s+(?:[\w'’]+\s+){0,5}$", ctx.text[sentence.start : at])
    if clause is None:
        return None
    comma = sentence.start + clause.start()
    near = [
        m
        for m in ctx.places
        if sentence.start <= m.start and m.end <= comma and comma - m.end <= 2 and not m.demonym
    ]
    if near and near[-1].place.country not in homes and near[-1].place.kind == "city":
        return near[-1]
    return None


def _unnamed(
    ctx: Context, sentence: Sentence, start: int, limit: int, journey: Journey
) -> list[int]:
    segment = ctx.text[sentence.start + start : limit]
    match = _UNNAMED_COUNTERPART.search(segment)
    if not match:
        return []
    country = country_code(match.group(1)) if match.group(1) else None
    if country is None:
        places = [
            m for m in ctx.places if sentence.start + start <= m.start < limit and not m.demonym
        ]
        stops = {s.country for s in journey.stops}
        if places:
            country = places[0].place.country
        elif len(stops) == 1:
            # "will call on the Crown Prince" during a one-country visit: the host's.
            country = next(iter(stops))
        else:
            return []
    fitting = [
        i
        for i, person in enumerate(ctx.people)
        if person.official
        and (ctx.countries.get(i) or person.country) == country
        and i not in journey.travellers
    ]
    named = re.search(r"crown\s+prince|emir|king|sultan|chancellor|premier", match.group(), re.I)
    if named:
        # "the Crown Prince": the one official of the article holding that office.
        holders = [
            i
            for i, person in enumerate(ctx.people)
            if person.official
            and i not in journey.travellers
            and (ctx.countries.get(i) or person.country) in (None, country)
            and named.group().lower() in person.title.lower()
        ]
        if len(holders) == 1:
            return holders
    if "counterpart" in match.group().lower():
        fitting = [
            i
            for i in fitting
            if re.search(r"minister|secretary", ctx.people[i].title, re.IGNORECASE)
        ]
    else:
        fitting = [
            i
            for i in fitting
            if re.search(
                r"president|emir|king|prime|leader|ruler|crown", ctx.people[i].title, re.IGNORECASE
            )
        ]
    return fitting[:1]


_AFTER_PREPOSITION = re.compile(r"\b(?:to|in|at)\s+([A-Z][a-z]{4,})\b")


def _misspelt_capitals(ctx: Context, journey: Journey) -> None:
    """Name a country-only stop's city when the text misspells its capital slightly."""
    for stop in journey.stops:
        if stop.city is not None:
            continue
        for match in _AFTER_PREPOSITION.finditer(ctx.text):
            capital = near_capital(match.group(1), stop.country)
            if capital is not None:
                stop.city = capital
                break


def _finish(ctx: Context, journey: Journey) -> None:
    journey.stops.sort(key=lambda s: s.order)
    stops = journey.stops
    lasts = [s for s in stops if s.last]
    if lasts:
        journey.stops = [s for s in stops if not s.last] + lasts
        stops = journey.stops
    if journey.start is None and stops and stops[0].arrive:
        journey.start = stops[0].arrive
        journey.start_evidence.extend(stops[0].evidence[:1])
    if journey.end is None and journey.start and journey.days:
        journey.end = journey.start + timedelta(days=journey.days - 1)
        journey.end_evidence.extend(journey.start_evidence[:1])
    elif journey.start is None and journey.end and journey.days:
        # "concluded a two-day visit on Wednesday": it began on Tuesday.
        journey.start = journey.end - timedelta(days=journey.days - 1)
        journey.start_evidence.extend(journey.end_evidence[:1])
        if len(stops) == 1 and stops[0].arrive is None:
            stops[0].arrive = journey.start
    for stop in stops:
        if stop.days and stop.arrive and stop.depart is None:
            stop.depart = stop.arrive + timedelta(days=stop.days - 1)
    for previous, following in zip(stops, stops[1:], strict=False):
        if (
            previous.depart is None
            and following.arrive is not None
            and (previous.arrive is None or previous.arrive <= following.arrive)
        ):
            previous.depart = following.arrive


def journey_status(journey: Journey, published: date | None) -> str:
    """planned / ongoing / completed / cancelled as of ``published``.

    >>> journey_status(Journey(travellers=[0], start=date(2024, 3, 14)), date(2024, 2, 1))
    'planned'
    """
    if journey.cancelled:
        return "cancelled"
    if journey.passing or journey.returned:
        return "completed"
    if published is not None:
        if journey.end and journey.end < published:
            return "completed"
        if journey.start and journey.start > published:
            return "planned"
        tenses = set(journey.tenses)
        if (
            journey.start
            and journey.end is None
            and journey.start < published
            and tenses == {"past"}
        ):
            return "completed"  # "visited X on Monday ... later travelled to Y"
        if journey.start and journey.start <= published:
            return "ongoing"
    tenses = set(journey.tenses)
    if "arrived" in tenses:
        return "ongoing"
    if "past" in tenses and ("future" in tenses or "present" in tenses):
        return "ongoing"
    if "past" in tenses:
        return "completed"
    if "present" in tenses and "future" not in tenses:
        return "ongoing"
    return "planned"
