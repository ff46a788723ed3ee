"""Development loop: extract an evaluation set and score it against its gold.

Usage: ``python -m trips.extraction.devscore <set folder>``. This is the one
module of the package that reads files, as a command-line entry point.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from trips.extraction.frontmatter import parse_front_matter, parse_iso_date
from trips.extraction.pipeline import extract_set
from trips.extraction.types import ArticleInput
from trips.scoring import format_summary, score


def load_articles(folder: Path) -> list[ArticleInput]:
    """Read ``folder/articles/*.txt`` into ArticleInputs."""
    articles = []
    for path in sorted((folder / "articles").glob("*.txt")):
        front = parse_front_matter(path.read_text(encoding="utf-8"))
        meta = front.meta
        published = parse_iso_date(meta["published"]) if meta.get("published") else None
        articles.append(
            ArticleInput(
                title=meta.get("title", ""),
                text=front.body,
                published=published,
                external_id=meta.get("id", path.stem),
                source=meta.get("source", ""),
                url=meta.get("url", ""),
            )
        )
    return articles


def main(argv: list[str]) -> int:
    """Print per-figure detail and the SUMMARY line."""
    folder = Path(argv[0] if argv else "../shared/eval/dev")
    articles = load_articles(folder)
    began = time.perf_counter()
    predicted = extract_set(articles)
    elapsed = time.perf_counter() - began
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    figures = score(gold, predicted)
    for key, values in figures["detail"].items():
        print(f"{key} ({len(values)}):")
        for value in values:
            print(f"    {value}")
    print(f"official_country={figures['official_country']:.2f}")
    print(f"{len(articles)} articles in {elapsed * 1000:.0f} ms")
    print(format_summary(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
