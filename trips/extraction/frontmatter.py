"""Parse the small front-matter header of an article file.

An article file may open with a header between two ``---`` lines::

    ---
    id: voa-2023-06-blinken-beijing
    title: Blinken Arrives in Beijing for Talks
    published: 2023-06-18
    ---
    Body text ...

The body is everything after the closing ``---`` line, untouched, so that
character offsets of evidence point into exactly what the author wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

KNOWN_KEYS = ("id", "title", "published", "url", "source")
_KEY_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s?(.*)$")


class FrontMatterError(ValueError):
    """The header is present but malformed; the message says where."""


@dataclass(frozen=True)
class FrontMatter:
    meta: dict[str, str]
    body: str
    has_header: bool


def parse_front_matter(text: str) -> FrontMatter:
    """Split ``text`` into its header fields and body.

    >>> fm = parse_front_matter("---\\nid: a\\ntitle: T\\n---\\nBody")
    >>> fm.meta["id"], fm.body
    ('a', 'Body')

    Text without a header comes back whole with ``has_header=False``.
    Raises ``FrontMatterError`` for an unclosed header or a line that is not
    ``key: value``.
    """
    stripped = text.lstrip("\ufeff")
    if not (stripped.startswith("---\n") or stripped.startswith("---\r\n")):
        return FrontMatter(meta={}, body=stripped, has_header=False)
    lines = stripped.splitlines(keepends=True)
    meta: dict[str, str] = {}
    offset = len(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        offset += len(line)
        content = line.rstrip("\r\n")
        if content.strip() == "---":
            return FrontMatter(meta=meta, body=stripped[offset:], has_header=True)
        if not content.strip():
            continue
        match = _KEY_LINE.match(content)
        if not match:
            raise FrontMatterError(f"header line {number} is not 'key: value': {content[:60]!r}")
        key, value = match.group(1).lower(), match.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if key in meta:
            raise FrontMatterError(f"header line {number} repeats the key {key!r}")
        meta[key] = value
    raise FrontMatterError("the header opened with '---' is never closed")


def parse_iso_date(value: str) -> date:
    """Parse a ``published`` value (``YYYY-MM-DD``, optionally with a time).

    >>> parse_iso_date("2021-03-15")
    datetime.date(2021, 3, 15)
    """
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"published date {value!r} is not YYYY-MM-DD") from None
