"""Split an article body into sentences with character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trips.extraction.types import Span

# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "adm",
        "maj",
        "col",
        "lt",
        "capt",
        "sgt",
        "st",
        "jr",
        "sr",
        "gov",
        "sen",
        "rep",
        "rev",
        "prof",
        "smt",
        "hon",
        "amb",
        "h.e",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
    ]
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9•\-–])")
_LAST_WORD = re.compile(r"([A-Za-z.]+)[.!?]+[\"”’')\]]*\s+$")
_TRIM = " \t\r\n•*-–"


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``body[start:end] == text``."""

    start: int
    end: int
    text: str
    index: int

    def span(self) -> Span:
        """The sentence as an evidence span."""
        return Span(self.start, self.end, self.text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return start, end


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; lines always end a sentence.

    >>> [s.text for s in split_sentences("Mr. Li arrived. He met Gen. Ko.\\nNext")]
    ['Mr. Li arrived.', 'He met Gen. Ko.', 'Next']
    """
    pieces: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for boundary in _BOUNDARY.finditer(line.group()):
            cut = line.start() + boundary.end()
            head = text[start:cut]
            last = _LAST_WORD.search(head)
            if last:
                word = last.group(1).lower().rstrip(".")
                if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
            pieces.append((start, cut))
            start = cut
        pieces.append((start, line.end()))
    sentences: list[Sentence] = []
    for start, end in pieces:
        start, end = _trimmed(text, start, end)
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            sentences.append(Sentence(start, end, text[start:end], len(sentences)))
    return tuple(sentences)


def sentences_of(doc, original: str | None = None) -> tuple[Sentence, ...]:
    """The parse's sentences (spaCy ``doc.sents``), trimmed, with character offsets.

    ``original`` is the text as published when the parse read a cleaned copy of
    the same length: the sentences quote it.

    >>> from trips.extraction.nlp import parse
    >>> [s.text for s in sentences_of(parse("He left Rome.The talks ended."))]
    ['He left Rome.', 'The talks ended.']
    """
    text = original if original is not None else doc.text
    sentences: list[Sentence] = []
    for sent in doc.sents:
        start, end = _trimmed(text, sent.start_char, sent.end_char)
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            sentences.append(Sentence(start, end, text[start:end], len(sentences)))
    return tuple(sentences)
