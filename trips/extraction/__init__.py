"""Pure-Python extraction of officials and trips from news articles."""

from trips.extraction.article import extract_article, extract_articles

__all__ = ["extract_article", "extract_articles"]
