"""Find date expressions in a sentence and resolve them against a base date.

Expressions are found with regular expressions and built directly (a month
name and a day need no parser); the year comes from the publication date.
``parse_free_date`` wraps ``dateparser`` for free-form snippets elsewhere.
Weekdays are resolved by tense: past tense looks back (the publication day
included), future tense looks ahead (the publication day included), present
or unknown tense takes the nearest such weekday.
"""

from __future__ import annotations

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
}
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
_TO = r"\s*(?:-|–|to|until|till|through|thru)\s*"

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
            rf"\b(?:[Ff]rom\s+|[Bb]etween\s+)?(\d{{1,2}}){_ORD}(?:{_TO}|\s+and\s+)(\d{{1,2}}){_ORD}\s+"
            rf"(?:of\s+)?({MONTH}){_YEAR}"
        ),
    ),
    ("md", re.compile(rf"\b({MONTH})\s+(\d{{1,2}}){_ORD}\b{_YEAR}")),
    ("dm", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({MONTH}){_YEAR}")),
    (
        "wd_range",
        re.compile(rf"\bfrom\s+({WEEKDAY})\s+(?:to|until|through|till)\s+({WEEKDAY})\b"),
    ),
    (
        "wd",
        re.compile(
            rf"\b(?:(?:early|late)\s+(?:on\s+)?)?({WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b",
            re.IGNORECASE,
        ),
    ),
    ("rel", re.compile(r"\b(today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)),
    (
        "duration",
        re.compile(
            r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[- ]days?\b"
            r"(?:\s+(?:official\s+|state\s+|working\s+)?(?:trip|visit|tour|swing|journey|"
            r"of\s+\w+|in\s+\w+|stay))?",
            re.IGNORECASE,
        ),
    ),
    (
        "vague",
        re.compile(
            r"\b(?:this|next|last|over\s+the|the\s+coming|later\s+this|earlier\s+this)\s+"
            r"(?:weekend|week|month|year)\b|\blast\s+night\b|\b(?:a|one|two|three|\d+|several|few)\s+"
            r"(?:days?|weeks?|months?|years?)\s+ago\b|\b(?:in|since|early|mid|late)[- ]"
            rf"(?:{MONTH}|\d{{4}})(?!\s+\d)\b|\bin\s+\d{{4}}\b|\brecently\b|\bdecades?\b",
            re.IGNORECASE,
        ),
    ),
]

_FUTURE = re.compile(
    r"\b(?:will|shall|would|['’]ll|(?:is|are|was|were)\s+(?:set|due|expected|scheduled|slated|"
    r"poised|going|planning)\s+to|(?:is|are)\s+(?:due|expected)\s+(?:in|back|home)|plans?\s+to|intends?\s+to|to\s+(?:begin|start|travel|visit|"
    r"depart|leave|arrive))\b"
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
    """A date expression; ``first``/``last`` are None when unresolved."""

    start: int
    end: int
    text: str
    kind: str  # day | range | vague | duration
    first: date | None = None
    last: date | None = None
    days: int | None = None
    tense: str | None = None


def tense_at(text: str, start: int, end: int) -> str | None:
    """Tense of the verb nearest to ``text[start:end]``: past, future, present or None.

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
                # "arrived on Sunday and is expected to ...": the next clause's verb.
                distance += 30
            if match.start() >= end and match.group() in _REPORTING:
                # "... starting Thursday, the ministry said": the report's tense, not the event's.
                distance += 60
            if best is None or distance < best[0]:
                best = (distance, kind)
    if best is None:
        return None
    return "past" if best[1] == "weak" else best[1]


def resolve_weekday(weekday: int, base: date, tense: str | None) -> date:
    """The weekday nearest ``base`` in the direction the tense points.

    dateparser reads the day name against the publication date; a weekday
    equal to the publication day is that day itself ("arrived Monday" in a
    Monday paper), which dateparser would push a week away.

    >>> resolve_weekday(0, date(2021, 3, 15), "past")
    datetime.date(2021, 3, 15)
    >>> resolve_weekday(6, date(2025, 1, 3), "future")
    datetime.date(2025, 1, 5)
    """
    if weekday == base.weekday():
        return base
    if tense in ("past", "future"):
        return _dateparser_relative(_WEEKDAY_NAMES[weekday], base, tense)
    back = _dateparser_relative(_WEEKDAY_NAMES[weekday], base, "past")
    ahead = _dateparser_relative(_WEEKDAY_NAMES[weekday], base, "future")
    return back if (base - back) <= (ahead - base) else ahead


def resolve_relative_day(word: str, base: date) -> date:
    """ "today", "yesterday", "tomorrow" against the publication date, with dateparser.

    >>> resolve_relative_day("yesterday", date(2024, 9, 9))
    datetime.date(2024, 9, 8)
    """
    return _dateparser_relative("today" if word == "tonight" else word, base, "current_period")


@lru_cache(maxsize=4096)
def _dateparser_relative(snippet: str, base: date, prefer: str) -> date:
    # Cached: an import resolves the same few words against the same dates.
    parsed = dateparser.parse(
        snippet,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": prefer,
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:  # dateparser knows these words; keep a plain fallback all the same
        raise ValueError(f"dateparser could not read {snippet!r}")
    return parsed.date()


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
    if tense == "past":
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
    return _MONTHS[token[:3].lower()]


def _number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token.lower()]


def find_dates(text: str, published: date | None, offset: int = 0) -> list[DateMention]:
    """Date expressions of one sentence, resolved against ``published``.

    ``offset`` is added to positions, so they point into the article body.

    >>> [(m.kind, m.first) for m in find_dates("She arrived on Monday.", date(2021, 3, 16))]
    [('day', datetime.date(2021, 3, 15))]
    """
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            mention = _resolve(kind, match, text, published)
            if mention is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(
                DateMention(
                    mention.start + offset,
                    mention.end + offset,
                    mention.text,
                    mention.kind,
                    mention.first,
                    mention.last,
                    mention.days,
                    mention.tense,
                )
            )
    found.sort(key=lambda m: m.start)
    return found


def _resolve(
    kind: str, match: re.Match[str], text: str, published: date | None
) -> DateMention | None:
    start, end = match.start(), match.end()
    tense = tense_at(text, start, end)
    surface = match.group()

    def make(
        first: date | None, last: date | None = None, kind_: str = "day", days: int | None = None
    ) -> DateMention:
        return DateMention(start, end, surface, kind_, first, last, days, tense)

    if kind == "md_range":
        if (
            match.group(0).lstrip().lower().startswith(("from", "between")) is False
            and " and " in surface
        ):
            return None
        month1, day1, year1, month2, day2, year2 = match.groups()
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
        if " and " in surface and not surface.lower().startswith("between"):
            return None
        day1, day2, month, year = match.groups()
        year_value = int(year) if year else None
        first = _parse_month_day(month, int(day1), year_value, published, tense)
        last = _parse_month_day(month, int(day2), year_value, published, tense)
        return make(first, last, "range")
    if kind == "md":
        month, day, year = match.groups()
        if int(day) > 31:
            return None
        value = _parse_month_day(month, int(day), int(year) if year else None, published, tense)
        return make(value, value)
    if kind == "dm":
        day, month, year = match.groups()
        if int(day) > 31:
            return None
        value = _parse_month_day(month, int(day), int(year) if year else None, published, tense)
        return make(value, value)
    if kind == "wd_range":
        if published is None:
            return make(None, None, "range")
        first = resolve_weekday(_WEEKDAYS[match.group(1).lower()], published, tense)
        last = first + timedelta(days=(_WEEKDAYS[match.group(2).lower()] - first.weekday()) % 7)
        return make(first, last, "range")
    if kind == "wd":
        if not match.group(1)[0].isupper():
            return None
        if published is None:
            return make(None, None)
        value = resolve_weekday(_WEEKDAYS[match.group(1).lower()], published, tense)
        return make(value, value)
    if kind == "rel":
        if published is None:
            return make(None, None)
        value = resolve_relative_day(match.group(1).lower(), published)
        return make(value, value)
    if kind == "duration":
        return make(None, None, "duration", _number(match.group(1)))
    return make(None, None, "vague")


_PAST_MARKER = re.compile(
    r"\b(?:last\s+(?:week|month|year)|\w+\s+(?:days?|weeks?|months?|years?)\s+ago|"
    rf"(?:in|early|mid|late)[- ]{MONTH}|earlier\s+this\s+(?:year|month)|in\s+\d{{4}})\b",
    re.IGNORECASE,
)
_HISTORY = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+years?\s+ago|"
    rf"decades?|in\s+(?:{MONTH}\s+)?(?:19|20)\d\d|century|at\s+a\s+time\s+when|once)\b",
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
