"""Reading article files of every format, and refusing bad input clearly."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from trips.readers import ArticleSource, ReadError, ReadOptions, read_paths

HEADER_ARTICLE = """---
id: wire-1
title: Minister lands in Lisbon
published: 2024-05-02
url: https://example.org/wire-1
source: Example Wire
---
The foreign minister arrived in Lisbon on Thursday.
"""


def _read(paths, **options) -> list[ArticleSource | ReadError]:
    return list(read_paths([str(p) for p in paths], options=ReadOptions(**options)))


def test_it_reads_a_front_matter_article(tmp_path: Path):
    (tmp_path / "a.txt").write_text(HEADER_ARTICLE, encoding="utf-8")
    [article] = _read([tmp_path / "a.txt"])
    assert isinstance(article, ArticleSource)
    assert (article.external_id, article.title, article.published) == (
        "wire-1",
        "Minister lands in Lisbon",
        date(2024, 5, 2),
    )
    assert article.url == "https://example.org/wire-1" and article.source == "Example Wire"
    assert article.text == "The foreign minister arrived in Lisbon on Thursday.\n"


def test_plain_text_takes_its_title_from_the_first_line_and_dates_from_options(tmp_path):
    (tmp_path / "b.txt").write_text("Talks in Oslo\n\nThe minister met her host.", "utf-8")
    [article] = _read([tmp_path / "b.txt"], published=date(2024, 1, 2), source="Desk")
    assert article.title == "Talks in Oslo"
    assert article.published == date(2024, 1, 2) and article.source == "Desk"
    assert article.text.strip() == "The minister met her host."
    assert article.external_id.startswith("talks-in-oslo-")


def test_a_folder_is_read_recursively_and_hidden_files_skipped(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(HEADER_ARTICLE, "utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\nnot read", "utf-8")
    (tmp_path / "notes.csv").write_text("a,b", "utf-8")
    items = _read([tmp_path])
    assert [i.external_id for i in items] == ["wire-1"]


def test_jsonl_gives_one_article_per_line_and_names_bad_lines(tmp_path: Path):
    lines = [
        json.dumps({"id": "j1", "title": "One", "text": "Body one.", "published": "2024-02-01"}),
        "",
        "{not json",
        json.dumps({"title": "No text"}),
        json.dumps({"title": "Bad date", "text": "x", "published": "yesterday"}),
        json.dumps(["a", "list"]),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), "utf-8")
    items = _read([tmp_path / "batch.jsonl"])
    assert isinstance(items[0], ArticleSource) and items[0].external_id == "j1"
    errors = [str(i) for i in items[1:]]
    assert errors[0].endswith(
        "batch.jsonl:3: malformed JSON: Expecting property name "
        "enclosed in double quotes at column 2"
    )
    assert errors[1].endswith(":4: missing 'text'")
    assert errors[2].endswith(":5: published date 'yesterday' is not YYYY-MM-DD")
    assert errors[3].endswith(":6: a JSON line must be an object with 'title' and 'text'")


def test_html_pages_are_read_with_their_title_and_main_text(tmp_path: Path):
    page = """<!doctype html><html><head><title>Envoy visits Nairobi | Example News</title>
    <meta property="og:title" content="Envoy visits Nairobi">
    <meta property="article:published_time" content="2024-06-03T10:00:00Z">
    <link rel="canonical" href="https://news.example.org/envoy-nairobi"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Envoy visits Nairobi</h1>
    <p>The special envoy arrived in Nairobi on Monday for two days of talks with the
    Kenyan government about regional security and trade.</p>
    <p>She is expected to travel on to Addis Ababa later in the week, officials said.</p>
    </article><footer>Copyright Example News</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, "utf-8")
    [article] = _read([tmp_path / "page.html"])
    assert isinstance(article, ArticleSource), article
    assert article.title == "Envoy visits Nairobi"
    assert "arrived in Nairobi on Monday" in article.text
    assert "Copyright" not in article.text
    assert article.published == date(2024, 6, 3)
    assert article.url == "https://news.example.org/envoy-nairobi"


def test_standard_input_is_sniffed(tmp_path: Path):
    stdin = io.BytesIO(HEADER_ARTICLE.encode())
    [article] = list(read_paths(["-"], options=ReadOptions(), stdin=stdin))
    assert article.external_id == "wire-1" and article.origin == "<stdin>"


def test_non_utf8_bytes_are_replaced_and_reported(tmp_path: Path):
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks\nThe minister visited.".encode("latin-1"))
    [article] = _read([tmp_path / "latin.txt"])
    assert article.title == "Caf\ufffd talks"
    assert article.warnings == ("1 byte that is not UTF-8 replaced with U+FFFD (first at byte 3)",)


def test_bad_files_get_one_clear_reason_each(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("  \n", "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "big.txt").write_text("Title\n" + "x" * 3000, "utf-8")
    (tmp_path / "unclosed.txt").write_text("---\nid: a\ntitle: T\n", "utf-8")
    (tmp_path / "badline.txt").write_text("---\nid: a\nnot a pair\n---\nBody", "utf-8")
    (tmp_path / "baddate.txt").write_text(
        "---\nid: a\ntitle: T\npublished: 15 March\n---\nBody", "utf-8"
    )
    (tmp_path / "notitle.txt").write_text("---\nid: a\n---\nBody", "utf-8")
    names = ["empty", "binary", "big", "unclosed", "badline", "baddate", "notitle", "missing"]
    items = _read([tmp_path / f"{n}.txt" for n in names], max_bytes=2000)
    assert all(isinstance(i, ReadError) for i in items)
    reasons = [i.reason for i in items]
    assert reasons == [
        "file is empty",
        "binary file (NUL bytes), not text",
        "file is 3,006 bytes, over the 2,000 limit",
        "malformed header: the header opened with '---' is never closed",
        "malformed header: header line 3 is not 'key: value': 'not a pair'",
        "published date '15 March' is not YYYY-MM-DD",
        "malformed header: no 'title'",
        "no such file or folder",
    ]
    assert str(items[0]) == f"{tmp_path / 'empty.txt'}: file is empty"


def test_the_content_hash_changes_with_the_text_only():
    a = ArticleSource(origin="x", external_id="a", title="T", text="Body")
    b = ArticleSource(origin="y", external_id="b", title="T", text="Body")
    c = ArticleSource(origin="x", external_id="a", title="T", text="Body, revised")
    assert a.content_hash == b.content_hash != c.content_hash
