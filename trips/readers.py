"""Read article files of every supported format into ``ArticleSource`` objects.

Formats, chosen by extension, or by content for standard input:

- ``.txt`` / ``.md`` (and anything else that is text): the front-matter header
  of the evaluation sets, or plain text whose first line is the title;
- ``.html`` / ``.htm``: a saved web page, read with trafilatura;
- ``.jsonl``: one article object per line.

Every problem becomes a ``ReadError`` naming the file (and line) and the
reason; nothing is dropped silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

from trips.extraction.frontmatter import FrontMatterError, parse_front_matter, parse_iso_date

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class ArticleSource:
    """One decoded article, ready for extraction."""

    origin: str  # file name (and line) for messages
    external_id: str
    title: str
    text: str
    published: date | None = None
    url: str = ""
    source: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def content_hash(self) -> str:
        """SHA-256 of what the extraction reads: title, date and text."""
        published = self.published.isoformat() if self.published else ""
        payload = "\x1f".join((self.title, published, self.text))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ReadError:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class ReadOptions:
    published: date | None = None  # for files without a header
    source: str = ""
    max_bytes: int = DEFAULT_MAX_BYTES
    extra_warnings: tuple[str, ...] = field(default=())


def read_paths(
    paths: Iterable[str], *, options: ReadOptions, stdin: BinaryIO | None = None
) -> Iterator[ArticleSource | ReadError]:
    """Yield every article found under ``paths`` (files, folders, or ``-``)."""
    for raw in paths:
        if raw == "-":
            if stdin is None:
                yield ReadError("<stdin>", "standard input is not available")
                continue
            yield from _read_bytes(stdin.read(options.max_bytes + 1), "<stdin>", None, options)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            if not files:
                yield ReadError(str(path), "the folder holds no files")
            for file in files:
                if file.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield from read_file(file, options=options)
        elif path.is_file():
            yield from read_file(path, options=options)
        elif path.exists():
            yield ReadError(str(path), "not a regular file")
        else:
            yield ReadError(str(path), "no such file or folder")


def _hidden(file: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(root).parts)


def read_file(path: Path, *, options: ReadOptions) -> Iterator[ArticleSource | ReadError]:
    """Yield the articles of one file."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield ReadError(origin, f"file is {size:,} bytes, over the {options.max_bytes:,} limit")
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadError(origin, f"cannot read: {error.strerror or error}")
        return
    yield from _read_bytes(data, origin, path.suffix.lower(), options)


def _read_bytes(
    data: bytes, origin: str, suffix: str | None, options: ReadOptions
) -> Iterator[ArticleSource | ReadError]:
    if len(data) > options.max_bytes:
        yield ReadError(origin, f"input is over the {options.max_bytes:,} byte limit")
        return
    if not data.strip():
        yield ReadError(origin, "file is empty")
        return
    if b"\x00" in data[:8192]:
        yield ReadError(origin, "binary file (NUL bytes), not text")
        return
    text, warnings = decode(data)
    if _looks_binary(text):
        yield ReadError(origin, "binary file (mostly control characters), not text")
        return
    options = replace(options, extra_warnings=options.extra_warnings + warnings)
    kind = suffix if suffix in SUPPORTED_SUFFIXES else _sniff(text)
    if kind in JSONL_SUFFIXES:
        yield from _read_jsonl(text, origin, options)
    elif kind in HTML_SUFFIXES:
        yield _read_html(text, origin, options)
    else:
        yield _read_text(text, origin, options)


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8, replacing what is not, and say what was replaced.

    >>> decode("Tōkyō".encode())
    ('Tōkyō', ())
    >>> decode(b"caf\\xe9")[1]
    ('1 byte that is not UTF-8 replaced with U+FFFD (first at byte 3)',)
    """
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as error:
        first = error.start
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    count = text.count("\ufffd")
    noun = "byte that is" if count == 1 else "bytes that are"
    return text, (f"{count} {noun} not UTF-8 replaced with U+FFFD (first at byte {first})",)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control > max(8, len(sample) // 20)


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return ".jsonl"
    if head.startswith(("<!doctype html", "<html")) or "<body" in text[:5000].lower():
        return ".html"
    return ".txt"


def _read_text(text: str, origin: str, options: ReadOptions) -> ArticleSource | ReadError:
    try:
        front = parse_front_matter(text)
    except FrontMatterError as error:
        return ReadError(origin, f"malformed header: {error}")
    warnings = list(options.extra_warnings)
    if front.has_header:
        meta = front.meta
        unknown = sorted(set(meta) - {"id", "title", "published", "url", "source"})
        if unknown:
            warnings.append(f"header keys ignored: {', '.join(unknown)}")
        body = front.body
        title = meta.get("title", "").strip()
        if not title:
            return ReadError(origin, "malformed header: no 'title'")
        published = options.published
        if meta.get("published"):
            try:
                published = parse_iso_date(meta["published"])
            except ValueError as error:
                return ReadError(origin, str(error))
        external_id = meta.get("id", "").strip() or _derived_id(title, body)
        url = meta.get("url", "").strip()
        source = meta.get("source", "").strip() or options.source
    else:
        title, _, body = text.strip("\n").partition("\n")
        title = title.strip()
        if not title:
            return ReadError(origin, "no title line")
        published, url, source = options.published, "", options.source
        external_id = _derived_id(title, body)
    if not body.strip():
        return ReadError(origin, "the article has a title but no text")
    return ArticleSource(
        origin=origin,
        external_id=external_id,
        title=title,
        text=body,
        published=published,
        url=url,
        source=source,
        warnings=tuple(warnings),
    )


def _read_html(text: str, origin: str, options: ReadOptions) -> ArticleSource | ReadError:
    import trafilatura  # imported here: it is slow to load and only HTML needs it

    document = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if document is None or not (document.text or "").strip():
        return ReadError(origin, "no article text found in the web page")
    title = (document.title or "").strip()
    body = document.text.strip()
    if not title:
        title, _, body = body.partition("\n")
    published = options.published
    if document.date:
        # An unreadable page date is no reason to refuse the page.
        with contextlib.suppress(ValueError):
            published = parse_iso_date(document.date)
    url = (document.url or "").strip()
    if url and not re.match(r"^https?://", url):
        url = ""
    source = (document.sitename or "").strip() or options.source
    return ArticleSource(
        origin=origin,
        external_id=_derived_id(title, body),
        title=title,
        text=body,
        published=published,
        url=url,
        source=source,
        warnings=options.extra_warnings,
    )


def _read_jsonl(
    text: str, origin: str, options: ReadOptions
) -> Iterator[ArticleSource | ReadError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadError(where, f"malformed JSON: {error.msg} at column {error.colno}")
            continue
        if not isinstance(item, dict):
            yield ReadError(where, "a JSON line must be an object with 'title' and 'text'")
            continue
        yield _article_from_object(item, where, options)


def _article_from_object(item: dict, where: str, options: ReadOptions) -> ArticleSource | ReadError:
    values = {}
    for key in ("title", "text", "published", "url", "source", "id"):
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            return ReadError(where, f"'{key}' must be a string")
        values[key] = (value or "").strip() if key != "text" else (value or "")
    if not values["title"]:
        return ReadError(where, "missing 'title'")
    if not values["text"].strip():
        return ReadError(where, "missing 'text'")
    published = options.published
    if values["published"]:
        try:
            published = parse_iso_date(values["published"])
        except ValueError as error:
            return ReadError(where, str(error))
    return ArticleSource(
        origin=where,
        external_id=values["id"] or _derived_id(values["title"], values["text"]),
        title=values["title"],
        text=values["text"],
        published=published,
        url=values["url"],
        source=values["source"] or options.source,
        warnings=options.extra_warnings,
    )


def _derived_id(title: str, body: str) -> str:
    """An id for articles that bring none: stable for the same title and text."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "article"
    digest = hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()[:10]
    return f"{slug}-{digest}"
