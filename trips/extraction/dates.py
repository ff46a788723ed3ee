"""Find date expressions and resolve them against the publication date.

Finding and resolving are two steps. ``find_dates`` spots the expressions of a
text (regular expressions: a month name and a day need no parser) and
resolves each with the tense of the nearest verb, as a first reading. The
clause analysis knows better which verb a date modifies, and calls
``resolve`` again with that verb's tense: "on Tuesday evening" in a past-tense
report is the Tuesday before publication, never after it.

Weekday names, "yesterday" and "tomorrow" are date arithmetic and are done
directly. "next Tuesday" is the Tuesday of the following week (said on a
Monday, it is eight days on, not tomorrow). ``dateparser`` reads what needs a
real parser: counted offsets ("three days ago", "in two weeks") and the
free-form snippets of ``parse_free_date``.

Anaphoric days ("the next day", "later that day", "the same day") carry an
offset and are resolved later against the date of the event before them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|"
    r"Dec\.?)(?![a-z])"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
_TO = r"\s*(?:-|–|—|to|until|till|through|thru)\s*"
_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "md_range",
        re.compile(
            rf"\b(?:[Ff]rom\s+|[Bb]etween\s+)?({MONTH})\s+(\d{{1,2}}){_ORD}{_YEAR}"
            rf"(?:{_TO}|\s+and\s+)({MONTH}\s+)?(\d{{1,2}}){_ORD}\b{_YEAR}"
        ),
    ),
    (
        "dm_range",
        re.compile(
            rf"\b(?:[Ff]rom\s+|[Bb]etween\s+)?(\d{{1,2}}){_ORD}(?:\s+(?:of\s+)?({MONTH}))?"
            rf"(?:{_TO}|\s+and\s+)(\d{{1,2}}){_ORD}\s+(?:of\s+)?({MONTH}){_YEAR}"
        ),
    ),
    ("md", re.compile(rf"\b({MONTH})\s+(\d{{1,2}}){_ORD}\b{_YEAR}")),
    ("dm", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({MONTH}){_YEAR}")),
    ("numeric", re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?(?![\w/])")),
    (
        "wd_range",
        re.compile(
            rf"\bfrom\s+({WEEKDAY})\s+(?:to|until|through|till)\s+({WEEKDAY})\b", re.IGNORECASE
        ),
    ),
    # "on Monday and Tuesday": two days running
    ("wd_pair", re.compile(rf"\b({WEEKDAY})\s+and\s+({WEEKDAY})\b")),
    (
        "wd",
        re.compile(
            rf"\b(?:(?:early|late)\s+(?:on\s+)?)?(?:(next|this|last|coming|past|later)\s+(?:on\s+)?)?"
            rf"(?:(?:morning|afternoon|evening|night)\s+of\s+)?({WEEKDAY})"
            rf"{_PART_OF_DAY}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "anaphoric",
        re.compile(
            r"\b(?:the\s+(next|following|same|previous)\s+(?:day|morning|evening|night|afternoon)"
            r"|(later|earlier)\s+(?:that|the\s+same|in\s+the)\s+(?:day|morning|evening|night|afternoon)"
            r"|(?:on\s+)?(that)\s+(?:day|evening|night|afternoon)"
            r"|the\s+day\s+(after|before)"
            # "In the afternoon of the same [day], he will travel to ...": the day told
            r"|(?:in\s+)?the\s+(?:morning|afternoon|evening)\s+of\s+the\s+(same)(?:\s+day)?"
            r"|(?<![^\n.;]\s)(?<![\w,])(?i:in)\s+the\s+(morning|afternoon|evening)(?=,))\b",
            re.IGNORECASE,
        ),
    ),
    ("rel", re.compile(r"\b(today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)),
    (
        "clock",
        re.compile(
            r"\bat\s+(?:around\s+|about\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|"
            r"hrs\b|hours\b|GMT\b|local\s+time\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "ago",
        re.compile(rf"\b{_COUNT}\s+(days?|weeks?)\s+(ago|earlier|later)\b", re.IGNORECASE),
    ),
    (
        "duration",
        re.compile(
            r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"fourteen|fifteen)[- ]days?\b(?:[- ]long)?",
            re.IGNORECASE,
        ),
    ),
    (
        "week_long",
        re.compile(r"\b(week)[- ]long\b|\b(weeklong)\b", re.IGNORECASE),
    ),
    (
        "vague",
        re.compile(
            r"\b(?:this|next|last|over\s+the|the\s+coming|later\s+this|earlier\s+this|"
            r"early\s+next|late\s+last|the\s+past|the\s+previous)\s+"
            rf"(?:weekend|week|month|year)\b|\blast\s+night\b|\b(?:a|one|two|three|four|five|\d+|"
            r"several|few)\s+(?:months?|years?)\s+ago\b|\b(?:in|since|early|mid|late|end\s+of|"
            rf"the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[- ](?:{MONTH}|\d{{4}})"
            rf"(?:\s+\d{{4}})?(?!\s+\d)\b|\bin\s+\d{{4}}\b|\brecently\b|"
            # "decades ago"; not "the first visit in a decade", a span of time
            r"\b(?:a|two|three|several|few|many)?\s*decades?\s+(?:ago|earlier|before)\b",
            re.IGNORECASE,
        ),
    ),
]

# What a text must hold for each pattern to match in it: a digit ("#"), or one
# of the words (lower-cased). Most sentences hold no date; checking these
# first spares running every pattern over them (find_dates).
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDS: dict[str, tuple[str, ...]] = {
    "md_range": ("#",),
    "dm_range": ("#",),
    "md": ("#",),
    "dm": ("#",),
    "numeric": ("#",),
    "clock": ("#",),
    "wd_range": ("day",),  # every weekday's name ends in "day"
    "wd_pair": ("day",),
    "wd": ("day",),
    "anaphoric": ("day", "morning", "evening", "night", "afternoon"),
    "rel": ("day", "night", "tomorrow"),
    "ago": ("day", "week"),
    "duration": ("day",),
    "week_long": ("week",),
    "vague": ("#", "week", "month", "year", "night", "recently", "decade", *_MONTH_STEMS),
}
_DIGIT = re.compile(r"\d")


def _may_hold(kind: str, lowered: str, digit: bool) -> bool:
    return any(digit if word == "#" else word in lowered for word in _NEEDS[kind])


_FUTURE = re.compile(
    r"\b(?:will|shall|would|['’]ll|(?:is|are|was|were)\s+(?:set|due|expected|scheduled|slated|"
    r"poised|going|planning)\s+to|(?:is|are)\s+(?:due|expected)\s+(?:in|back|home)|plans?\s+to|"
    r"intends?\s+to|to\s+(?:begin|start|travel|visit|depart|leave|arrive))\b"
)
_PAST = re.compile(
    r"\b(?:arrived|visited|returned|departed|traveled|travelled|landed|reached|started|ended|"
    r"concluded|wrapped|announced|confirmed|stated|added|noted|attended|hosted|signed|"
    r"was|were|had|did|met|held|made|paid|said|told|began|went|came|left|flew|"
    r"spoke|saw|took|gave|won|led|sent|brought|wrote)\b"
)
_REPORTING = frozenset(["said", "told", "announced", "confirmed", "added", "stated", "noted"])
_WEAK_PAST = re.compile(r"(?<![\w-])[a-z]+ed\b(?!-)")
_PRESENT = re.compile(
    r"(?<!will )(?<!# )(?<!to )(?<!with )(?<!the )(?<!his )(?<!her )(?<!of )"
    r"\b(?:arrives|arrive|begins|starts|visits|heads|travels|is|are|"
    r"meets|holds|"
    r"departs|leaves|returns|lands|wraps)\b"
)


@dataclass(frozen=True)
class DateMention:
    """A date expression; ``first``/``last`` are None when unresolved.

    ``kind`` is day, range, vague, duration, or anaphoric (a day counted
    from the event before: ``days`` holds the offset). ``approx`` places a
    vague expression roughly in time ("last year", "in June"), so that a
    journey mentioned in passing can be told from the one reported.
    """

    start: int
    end: int
    text: str
    kind: str
    first: date | None = None
    last: date | None = None
    days: int | None = None
    tense: str | None = None
    parts: tuple = ()
    pattern: str = ""
    approx: date | None = None


def tense_at(text: str, start: int, end: int) -> str | None:
    """Tense of the verb nearest to ``text[start:end]``: past, future, present or None.

    A first reading, for dates no clause claims (captions, lists).

    >>> tense_at("He will arrive on Monday.", 17, 23)
    'future'
    """
    best: tuple[int, str] | None = None
    masked = text
    for future in _FUTURE.finditer(text):
        masked = (
            masked[: future.start()]
            + "#" * (future.end() - future.start())
            + masked[future.end() :]
        )
    for kind, pattern, source in (
        ("future", _FUTURE, text),
        ("past", _PAST, masked),
        ("present", _PRESENT, masked),
        ("weak", _WEAK_PAST, masked),
    ):
        for match in pattern.finditer(source):
            if start <= match.start() < end:
                continue
            distance = start - match.end() if match.end() <= start else (match.start() - end) + 3
            if kind == "weak":
                distance += 60
            if match.start() >= end and re.search(r"\s(?:and|but)\s", text[end : match.start()]):
                distance += 30
            if match.start() >= end and match.group() in _REPORTING:
                distance += 60
            if best is None or distance < best[0]:
                best = (distance, kind)
    if best is None:
        return None
    return "past" if best[1] == "weak" else best[1]


def resolve_weekday(weekday: int, base: date, tense: str | None, modifier: str = "") -> date:
    """The weekday nearest ``base`` in the direction the tense points.

    A weekday equal to the publication day is that day itself ("arrived
    Monday" in a Monday paper). "next Tuesday" is the Tuesday of next week,
    "last Thursday" the Thursday of last week.

    >>> resolve_weekday(0, date(2021, 3, 15), "past")
    datetime.date(2021, 3, 15)
    >>> resolve_weekday(6, date(2025, 1, 3), "future")
    datetime.date(2025, 1, 5)
    >>> resolve_weekday(1, date(2019, 4, 8), "future", "next")
    datetime.date(2019, 4, 16)
    >>> resolve_weekday(4, date(2023, 5, 6), "future", "later")
    datetime.date(2023, 5, 5)
    """
    monday = base - timedelta(days=base.weekday())
    if modifier == "next":
        return monday + timedelta(days=7 + weekday)
    if modifier in ("last", "past"):
        candidate = monday - timedelta(days=7) + timedelta(days=weekday)
        # "last Thursday" said on a Saturday may be two days ago.
        recent = base - timedelta(days=(base.weekday() - weekday) % 7 or 7)
        return recent if (base - recent).days <= 6 else candidate
    if modifier == "this":
        return monday + timedelta(days=weekday)
    if modifier == "coming":
        tense = "future"
    back = base - timedelta(days=(base.weekday() - weekday) % 7)
    if modifier == "later" and (base - back).days <= 1:
        # "is to arrive later on Friday": later on the day the story was written, the
        # publication day or, in the next morning's paper, the day before.
        return back
    ahead = base + timedelta(days=(weekday - base.weekday()) % 7)
    if tense in ("past", "perfect"):
        return back
    if tense == "future":
        return ahead
    return back if (base - back) <= (ahead - base) else ahead


def resolve_relative_day(word: str, base: date) -> date:
    """ "today", "tonight", "yesterday", "tomorrow" against the publication date.

    >>> resolve_relative_day("yesterday", date(2024, 9, 9))
    datetime.date(2024, 9, 8)
    """
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    return base + timedelta(days=offsets[word.lower()])


@lru_cache(maxsize=1024)
def _dateparser_relative(snippet: str, base: date) -> date | None:
    # Cached: an import reads the same few phrases against the same dates.
    parsed = dateparser.parse(
        snippet,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed else None


@lru_cache(maxsize=4096)
def _parse_month_day(
    month: str, day: int, year: int | None, base: date | None, tense: str | None
) -> date | None:
    number = _month(month)
    if year is not None:
        return _make(year, number, day)
    if base is None:
        return None
    # News dates sit close to publication: take the nearest reading, unless
    # the tense points one way and a reading within ~9 months fits it.
    candidates = [
        d for d in (_make(y, number, day) for y in (base.year - 1, base.year, base.year + 1)) if d
    ]
    if not candidates:
        return None
    near = [d for d in candidates if abs((d - base).days) <= 270]
    if tense in ("past", "perfect"):
        fitting = [d for d in near if d <= base + timedelta(days=2)]
    elif tense == "future":
        fitting = [d for d in near if d >= base - timedelta(days=2)]
    else:
        fitting = []
    return min(fitting or candidates, key=lambda d: abs((d - base).days))


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def parse_free_date(
    snippet: str, base: date | None = None, prefer: str = "current_period"
) -> date | None:
    """Parse a free-form date snippet with dateparser (slow; for callers outside the hot path).

    >>> parse_free_date("3rd of March 2021")
    datetime.date(2021, 3, 3)
    """
    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(snippet, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def _valid(value: date, year: int) -> bool:
    try:
        value.replace(year=year)
    except ValueError:
        return False
    return True


def _month(token: str) -> int:
    return _MONTHS[token.strip()[:3].lower()]


def _number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token.lower()]


def find_dates(text: str, published: date | None, offset: int = 0) -> list[DateMention]:
    """Date expressions of one text, resolved against ``published`` with a first tense.

    ``offset`` is added to positions, so they point into the article body.

    >>> [(m.kind, m.first) for m in find_dates("She arrived on Monday.", date(2021, 3, 16))]
    [('day', datetime.date(2021, 3, 15))]
    """
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    # "from April 28 (Sat) to May 6 (Sun)": the bracketed weekday adds nothing to the
    # dates and would cut the range in two; blank it, keeping every offset.
    original, text = text, _WEEKDAY_IN_BRACKETS.sub(lambda m: " " * len(m.group()), text)
    lowered, digit = text.lower(), _DIGIT.search(text) is not None
    for kind, pattern in _PATTERNS:
        if not _may_hold(kind, lowered, digit):
            continue
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            surface = original[match.start() : match.end()]
            if kind == "clock" and re.match(
                r"\s*(?:,\s*)?(?:on\s+|last\s+|this\s+|yesterday|today|tomorrow)",
                text[match.end() :],
            ):
                continue  # "at 1 a.m. last night": the day comes with it
            raw = DateMention(
                match.start() + offset,
                match.end() + offset,
                surface,
                kind,
                parts=match.groups(),
                pattern=kind,
            )
            mention = resolve(raw, published, tense_at(text, match.start(), match.end()))
            if mention is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(mention)
    found.sort(key=lambda m: m.start)
    return [_weekday_told_with_its_date(m, found, text, offset) for m in found]


_WEEKDAY_IN_BRACKETS = re.compile(
    r"(?<=\d)\s*\((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\)", re.IGNORECASE
)
_BESIDE = re.compile(r"[\s,(]*")
_DAY_IN_BRACKETS = re.compile(r"\s*\((\d{1,2})(?:st|nd|rd|th)?\)")


def _weekday_told_with_its_date(
    mention: DateMention, found: list[DateMention], text: str, offset: int
) -> DateMention:
    """A weekday said beside its calendar date ("on June 19, Tuesday", "Tuesday, June
    19") is that date; "on Thursday (12)" is the Thursday that falls on the 12th.
    Either way the day is settled, whatever the tense of the verb.

    >>> [m.first for m in find_dates("He flies on June 19, Tuesday.", date(2018, 6, 13))]
    [datetime.date(2018, 6, 19), datetime.date(2018, 6, 19)]
    >>> find_dates("He arrived on Thursday (12).", date(2019, 12, 13))[0].first
    datetime.date(2019, 12, 12)
    """
    if mention.pattern != "wd" or mention.kind != "day" or mention.first is None:
        return mention
    for other in found:
        if other.pattern not in ("md", "dm", "numeric") or other.first is None:
            continue
        gap = (
            text[mention.end - offset : other.start - offset]
            if other.start >= mention.end
            else text[other.end - offset : mention.start - offset]
        )
        if _BESIDE.fullmatch(gap) and other.first.weekday() == mention.first.weekday():
            return dataclasses.replace(mention, first=other.first, last=other.first, pattern="")
    bracket = _DAY_IN_BRACKETS.match(text, mention.end - offset)
    if bracket:
        days = [mention.first + timedelta(weeks=k) for k in range(-4, 5)]
        same = [d for d in days if d.day == int(bracket.group(1))]
        if len(same) == 1:
            return dataclasses.replace(mention, first=same[0], last=same[0], pattern="")
    return mention


def resolve(mention: DateMention, published: date | None, tense: str | None) -> DateMention | None:
    """The mention read again with ``tense`` (that of the verb it modifies).

    >>> m = find_dates("on Tuesday evening", date(2024, 7, 31))[0]
    >>> resolve(m, date(2024, 7, 31), "past").first, resolve(m, date(2024, 7, 31), "future").first
    (datetime.date(2024, 7, 30), datetime.date(2024, 8, 6))
    """
    if not mention.pattern:
        return mention  # built already resolved (an itinerary's day)
    parts = mention.parts
    surface = mention.text
    kind = mention.pattern

    def make(
        first: date | None,
        last: date | None = None,
        kind_: str = "day",
        days: int | None = None,
        approx: date | None = None,
    ) -> DateMention:
        return dataclasses.replace(
            mention, kind=kind_, first=first, last=last, days=days, tense=tense, approx=approx
        )

    if kind == "md_range":
        month1, day1, year1, month2, day2, year2 = parts
        if (
            not surface.lstrip().lower().startswith(("from", "between"))
            and " and " in surface
            and not (not month2 and int(day2) == int(day1) + 1)
        ):
            return None  # "on June 3 and 4" is two days running; "June 3 and July 5" two dates
        year = year1 or year2
        year_value = int(year) if year else None
        first = _parse_month_day(month1, int(day1), year_value, published, tense)
        second_month = month2.strip() if month2 else month1
        last = _parse_month_day(second_month, int(day2), year_value, published, tense)
        if first and last and last < first and not year:
            last = last.replace(year=last.year + 1) if _valid(last, last.year + 1) else last
        if first and last and last < first:
            first = first.replace(year=last.year) if _valid(first, last.year) else first
        return make(first, last, "range")
    if kind == "dm_range":
        day1, month1, day2, month, year = parts
        if (
            " and " in surface
            and not surface.lower().startswith("between")
            and not (not month1 and int(day2) == int(day1) + 1)
        ):
            return None  # "on 9 and 10 April": two days running
        year_value = int(year) if year else None
        first = _parse_month_day(month1 or month, int(day1), year_value, published, tense)
        last = _parse_month_day(month, int(day2), year_value, published, tense)
        if first and last and last < first:
            first = first.replace(year=last.year - 1) if _valid(first, last.year - 1) else first
        return make(first, last, "range")
    if kind == "md":
        month, day, year = parts
        if int(day) > 31:
            return None
        value = _parse_month_day(month, int(day), int(year) if year else None, published, tense)
        return make(value, value)
    if kind == "dm":
        day, month, year = parts
        if int(day) > 31:
            return None
        value = _parse_month_day(month, int(day), int(year) if year else None, published, tense)
        return make(value, value)
    if kind == "numeric":
        return _numeric(make, parts, published)
    if kind == "wd_pair":
        if (_WEEKDAYS[parts[1].lower()] - _WEEKDAYS[parts[0].lower()]) % 7 != 1:
            return None
        kind = "wd_range"
    if kind == "wd_range":
        if published is None:
            return make(None, None, "range")
        first = resolve_weekday(_WEEKDAYS[parts[0].lower()], published, tense)
        last = first + timedelta(days=(_WEEKDAYS[parts[1].lower()] - first.weekday()) % 7)
        return make(first, last, "range")
    if kind == "wd":
        modifier, name = parts
        if not name[0].isupper():
            return None
        if published is None:
            return make(None, None)
        value = resolve_weekday(_WEEKDAYS[name.lower()], published, tense, (modifier or "").lower())
        return make(value, value)
    if kind == "anaphoric":
        word = next(p for p in parts if p).lower()
        offsets = {
            "next": 1,
            "following": 1,
            "after": 1,
            "same": 0,
            "that": 0,
            "later": 0,
            "earlier": 0,
            "previous": -1,
            "before": -1,
            "morning": 0,
            "afternoon": 0,
            "evening": 0,
        }
        return make(None, None, "anaphoric", offsets[word])
    if kind == "clock":
        # "landed at 6 p.m." in a report of what happened: the day the story is at
        # (the day told before it), else the day of the report; unless a day is named
        # with it ("at 1 a.m. last night").
        if published is None or tense not in ("past", "present", "perfect") or mention.days:
            return make(None, None, "vague")
        return make(published, published, "anaphoric", 0)
    if kind == "rel":
        if published is None:
            return make(None, None)
        value = resolve_relative_day(parts[0], published)
        return make(value, value)
    if kind == "ago":
        count, unit, direction = parts
        if published is None:
            return make(None, None)
        if direction.lower() != "ago":
            return make(None, None, "anaphoric", _number(count) * (7 if unit[0] == "w" else 1))
        value = _dateparser_relative(f"{count} {unit} ago", published)
        return (
            make(value, value)
            if unit.lower().startswith("day")
            else make(None, None, "vague", approx=value)
        )
    if kind == "duration":
        return make(None, None, "duration", _number(parts[0]))
    if kind == "year":
        return make(None, None, "vague", approx=date(int(surface), 7, 1))
    if kind == "week_long":
        return make(None, None, "vague")
    return make(None, None, "vague", approx=_vague_approx(surface, published))


def _numeric(make, parts: tuple, published: date | None) -> DateMention | None:
    """ "07/02" or "2/7/2022": the reading (month/day or day/month) nearest publication."""
    a, b, year = int(parts[0]), int(parts[1]), parts[2]
    if published is None and not year:
        return None
    years = [int(year) + (2000 if len(year) == 2 else 0)] if year else None
    readings = []
    for month, day in ((a, b), (b, a)):
        for y in years or [published.year - 1, published.year, published.year + 1]:
            value = _make(y, month, day) if 1 <= month <= 12 else None
            if value:
                readings.append(value)
    if not readings:
        return None
    if published is not None:
        best = min(readings, key=lambda d: abs((d - published).days))
        if abs((best - published).days) > 400:
            return None
    else:
        best = readings[0]
    return make(best, best)


def _vague_approx(surface: str, published: date | None) -> date | None:
    """Roughly when a vague phrase points: "last year" a year back, "in June" ...

    >>> _vague_approx("last month", date(2024, 3, 15))
    datetime.date(2024, 2, 14)
    """
    if published is None:
        year = re.search(r"(?:19|20)\d\d", surface)
        return date(int(year.group()), 7, 1) if year else None
    low = surface.lower()
    year = re.search(r"(?:19|20)\d\d", low)
    month = re.search(MONTH, surface)
    if month:
        number = _month(month.group())
        y = int(year.group()) if year else published.year
        value = date(y, number, 15)
        if not year and value > published + timedelta(days=200):
            value = value.replace(year=y - 1)
        return value
    if year:
        return date(int(year.group()), 7, 1)
    for phrase, days in (
        ("last night", -1),
        ("this weekend", 2),
        ("next weekend", 9),
        ("last weekend", -5),
        ("this week", 0),
        ("next week", 7),
        ("last week", -7),
        ("the coming week", 7),
        ("past week", -4),
        ("previous week", -7),
        ("earlier this month", -10),
        ("later this month", 10),
        ("this month", 0),
        ("next month", 30),
        ("last month", -30),
        ("previous month", -30),
        ("earlier this year", -90),
        ("later this year", 90),
        ("this year", 0),
        ("next year", 365),
        ("last year", -365),
        ("previous year", -365),
        ("past year", -180),
        ("recently", -14),
    ):
        if phrase in low:
            return published + timedelta(days=days)
    ago = re.search(r"(\w+)\s+(month|year)s?\s+ago", low)
    if ago:
        count = NUMBER_WORDS.get(ago.group(1), int(ago.group(1)) if ago.group(1).isdigit() else 3)
        return published - timedelta(days=count * (30 if ago.group(2) == "month" else 365))
    if "decade" in low:
        return published - timedelta(days=3650)
    return None


_PAST_MARKER = re.compile(
    r"\b(?:last\s+(?:week|month|year)|\w+\s+(?:days?|weeks?|months?|years?)\s+ago|"
    rf"(?:in|early|mid|late)[- ]{MONTH}|earlier\s+this\s+(?:year|month)|in\s+\d{{4}})\b",
    re.IGNORECASE,
)
_HISTORY = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+years?\s+ago|"
    rf"decades?\s+(?:ago|earlier|before)|in\s+(?:{MONTH}\s+)?(?:19|20)\d\d|century|"
    r"at\s+a\s+time\s+when|once)\b",
    re.IGNORECASE,
)


def past_marker(text: str) -> str | None:
    """A phrase that places an event in the recent past, if any.

    >>> past_marker("He visited Cairo last year.")
    'last year'
    """
    match = _PAST_MARKER.search(text)
    return match.group() if match else None


@lru_cache(maxsize=1024)
def is_history(text: str, published: date | None) -> bool:
    """True when ``text`` dates an event years back ("in 1998", "decades ago").

    >>> is_history("Knox visited Panama in 1909.", date(2025, 1, 31))
    True
    """
    for match in _HISTORY.finditer(text):
        year = re.search(r"(?:19|20)\d\d", match.group())
        if year and published is not None and int(year.group()) >= published.year - 1:
            continue
        return True
    return False
