"""Who went where, and whom they met, read from the dependency parse.

Each travel predicate of a sentence (a verb such as arrive, visit, leave for,
or a noun such as visit, trip, tour) becomes an ``Event``. Its traveller is
the predicate's subject (climbing through "is set to visit", "arrived ... and
held talks", relative clauses and participles), or the owner of a travel noun
("Moon's trip", "the visit by X"); pronouns and titles ("he", "the minister")
refer back to the person the text is about. Its places are the gazetteer
places attached to it through the parse ("to X", "in X", "from X", the object
of "visit"); other places in the sentence are topics. Its dates are the date
expressions that modify it. Tense and mood come from the verb group (will,
is set to, has, hopes to, cancelled, not).

Meetings are events too: "met X", "held talks with X", "was received by X",
"X welcomed Y". The assembly into journeys (``trips.py``) decides which side
of a meeting is the traveller.

Nothing here knows any name, place or phrase of a particular article: the
vocabulary is in ``lexicon.py`` and everything else is structure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Token

from trips.extraction.dates import DateMention
from trips.extraction.lexicon import (
    CANCEL_WORDS,
    CARRIER_VERBS,
    EPITHET_NOUNS,
    EVENT_NOUNS,
    HOST_VERBS,
    INCLUDE_VERBS,
    LEG_NOUNS,
    MEETING_NOUNS,
    MEETING_VERBS,
    PLACE_NOUNS,
    PLAN_VERBS,
    REMOTE_WORDS,
    REPORT_VERBS,
    TITLE_WORDS,
    TRAVEL_NOUNS,
    TRAVEL_VERBS,
    VENUE_NOUNS,
    WISH_VERBS,
    lemma,
    noun_lemma,
)
from trips.extraction.nlp import doc_text
from trips.extraction.people import LIST_GAP, Person, PersonMention, not_in_office_yet
from trips.extraction.places import PlaceMention, gazetteer
from trips.extraction.sentences import Sentence

_VEHICLE = re.compile(
    r"\b(?:(?:air)?planes?|aircraft|jet(?:liner)?s?|helicopters?|motorcade|Air\s+Force\s+One)\b",
    re.IGNORECASE,
)

_PRONOUNS = {
    "he": "one",
    "she": "one",
    "him": "one",
    "her": "one",
    "his": "one",
    "hers": "one",
    "himself": "one",
    "herself": "one",
    "they": "many",
    "them": "many",
    "their": "many",
    "i": "self",
    "me": "self",
    "my": "self",
    "we": "selves",
    "us": "selves",
    "our": "selves",
    "who": "rel",
    "whom": "rel",
    "whose": "rel",
    "which": "rel",
    "that": "rel",
}

# Prepositions and what they make of a place attached through them.
_PLACE_ROLES = {
    "to": "to",
    "into": "to",
    "toward": "to",
    "towards": "to",
    "onto": "to",
    "for": "to",
    "in": "in",
    "at": "in",
    "inside": "in",
    "across": "in",
    "throughout": "in",
    "around": "in",
    "on": "in",
    "within": "in",
    "from": "from",
    "out": "from",
    "via": "via",
    "through": "via",
    "of": "to",
    "before": "before",
    "after": "after",
    "between": "to",
    "including": "to",
    "route": "route",
}
_DATE_ROLES = {
    "on": "on",
    "at": "on",
    "in": "on",
    "during": "on",
    "over": "on",
    "of": "on",
    "from": "from",
    "since": "from",
    "starting": "from",
    "beginning": "from",
    "until": "until",
    "till": "until",
    "through": "until",
    "to": "until",
    "by": "by",
    "before": "before",
    "after": "after",
    "between": "on",
}
# Prepositions that introduce what a wish or plan is about ("hopes for a visit",
# "an invitation to visit"); others introduce adjuncts ("during the visit").
_COMPLEMENT_PREPS = frozenset(["for", "to", "of", "on", "about"])
_OFFICE_WORDS = frozenset(
    [
        "prime",
        "foreign",
        "defence",
        "defense",
        "finance",
        "trade",
        "vice",
        "deputy",
        "crown",
        "interior",
        "home",
        "external",
        "health",
        "economy",
        "energy",
        "state",
    ]
)
_TITLE_ABBREVIATIONS = {
    "pm": "prime minister",
    "fm": "foreign minister",
    "vp": "vice president",
    "eam": "external affairs minister",
}
_STAFF_TITLE = re.compile(r"spokes|press\s+secretary|adviser|advisor|\baide\b", re.IGNORECASE)
_LEADER_TITLE = re.compile(
    r"president|prime minister|premier|chancellor|king|queen|emir|amir|sultan|leader|"
    r"head of|monarch|crown prince|\bpm\b|minister|secretary"
)
_PORTFOLIO = re.compile(
    r"defen[cs]e|foreign|state|treasury|finance|trade|commerce|interior|home|prime|president|"
    r"health|energy|agriculture|education|justice|economy|environment"
)
_SAME_PORTFOLIO = {
    "defence": "defense",
    "state": "foreign",
    "treasury": "finance",
    "prime": "head",
    "president": "head",
    "commerce": "trade",
    "home": "interior",
}
_FUTURE_AUX = frozenset(["will", "shall", "'ll", "’ll", "wo"])
_MAYBE_AUX = frozenset(["could", "might", "may", "can", "should", "must"])
_PAST_AMOD = frozenset(["last", "previous", "recent", "earlier", "past", "prior", "former"])
_FUTURE_AMOD = frozenset(
    ["upcoming", "forthcoming", "planned", "scheduled", "expected", "next", "coming", "proposed"]
)
_WISH_AMOD = frozenset(["possible", "potential", "hoped-for", "proposed", "mooted", "likely"])


@dataclass(frozen=True)
class PlaceRole:
    """A place attached to an event, and how: to, in, from, via, obj, before, after."""

    mention: PlaceMention
    role: str
    token: int
    person: int | None = None  # "trips by A to X and B to Y": whose place it is


@dataclass(frozen=True)
class DateRole:
    """A date expression that modifies an event, and how: on, from, until, by."""

    mention: DateMention
    role: str


@dataclass
class Event:
    """One predicate of travel, presence or meeting, as the sentence states it."""

    kind: str  # travel | meet
    phase: str  # arrive visit go leave return begin end accompany lead presence meet host
    token: int
    sentence: int
    subjects: list[int] = field(default_factory=list)  # person indices
    objects: list[int] = field(default_factory=list)  # person indices (met, received, ...)
    places: list[PlaceRole] = field(default_factory=list)
    dates: list[DateRole] = field(default_factory=list)
    tense: str = "none"  # past | perfect | present | future | none
    mood: str = "real"  # real | plan | wish | negated | cancelled | remote | maybe
    days: int | None = None
    nominal: bool = False
    plural: bool = False
    passive: bool = False
    home: bool = False  # "returned home", "back home"
    hints: set[str] = field(default_factory=set)
    text: str = ""
    parent: int | None = None  # token of the event this one hangs off
    same_as: int | None = None  # token of the event an apposition renames

    @property
    def position(self) -> int:
        return self.token


@dataclass
class Annotations:
    """Token-level maps of the article's people, places and dates."""

    doc: Doc
    people: list[Person]
    person_at: dict[int, int]
    place_at: dict[int, PlaceMention]
    date_at: dict[int, DateMention]
    heads: dict[int, int]  # token index of a mention -> its head token index
    sentence_of: list[int]  # token index -> sentence index
    tokens: list[Token] = field(default_factory=list)  # the doc's tokens, made once
    reports: list[Token] = field(default_factory=list)  # verbs of saying
    text: str = ""  # the doc's text, made once (Doc.text joins every token anew)
    captions: frozenset[int] = frozenset()  # sentences of a photo's caption line


def _span_tokens(doc: Doc, start: int, end: int) -> list[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t.i for t in span] if span is not None else []


def _head_of(doc: Doc, indices: list[int]) -> int:
    """The token of a multi-token mention whose head lies outside it."""
    inside = set(indices)
    for i in indices:
        token = doc[i]
        if token.head.i not in inside or token.head.i == i:
            return i
    return indices[-1]


def annotate(
    doc: Doc,
    sentences: tuple[Sentence, ...],
    people: list[Person],
    mentions: list[PersonMention],
    places: list[PlaceMention],
    dates: list[DateMention],
) -> Annotations:
    """Map the character-offset mentions onto the parse."""
    person_at: dict[int, int] = {}
    place_at: dict[int, PlaceMention] = {}
    date_at: dict[int, DateMention] = {}
    heads: dict[int, int] = {}
    for mention in mentions:
        tokens = _span_tokens(doc, mention.start, mention.end)
        head = _head_of(doc, tokens) if tokens else None
        for i in tokens:
            person_at.setdefault(i, mention.person)
            if head is not None:
                heads[i] = head
    for place in places:
        tokens = _span_tokens(doc, place.start, place.end)
        if not tokens or any(i in person_at for i in tokens):
            continue
        head = _head_of(doc, tokens)
        for i in tokens:
            place_at[i] = place
            heads[i] = head
    for mention in dates:
        tokens = _span_tokens(doc, mention.start, mention.end)
        for i in tokens:
            if i not in place_at and i not in person_at:
                date_at.setdefault(i, mention)
    tokens = list(doc)
    sentence_of = [0] * len(doc)
    index = 0
    for token in tokens:
        while index + 1 < len(sentences) and token.idx >= sentences[index + 1].start:
            index += 1
        sentence_of[token.i] = index
    reports = [t for t in tokens if lemma(t.text) in REPORT_VERBS]
    return Annotations(
        doc,
        people,
        person_at,
        place_at,
        date_at,
        heads,
        sentence_of,
        tokens,
        reports,
        doc_text(doc),
    )


# --- tense and mood -------------------------------------------------------------------


def _verbal_tag(token: Token) -> bool:
    """A verb or modal, by its part-of-speech tag (VB, VBD, VBZ, ..., MD)."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _nominal_tag(token: Token) -> bool:
    """A noun or proper noun, by its tag (NN, NNS, NNP, NNPS)."""
    return token.tag_.startswith("NN")


def _verb_of(token: Token) -> Token | None:
    """The verb a noun phrase depends on ("on his visit" -> the verb of the clause)."""
    current = token
    for _ in range(8):
        if _verbal_tag(current):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _going_to(verb: Token) -> bool:
    """ "going" of "is going to visit": a future auxiliary with an infinitive."""
    return verb.lower_ == "going" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
        for c in verb.children
    )


def clause_tense(verb: Token, depth: int = 0) -> str:
    """past, perfect, present, future, would, maybe or none, from a verb group.

    "will visit" -> future; "has visited" -> perfect; "is set to visit" -> future;
    "arrived" -> past; "arrives" -> present.
    """
    auxes = _auxiliaries(verb)
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if "would" in words:
        return "would"
    if words & _MAYBE_AUX:
        return "maybe"
    if words & {"has", "have", "'ve", "’ve"}:
        return "perfect"
    if "had" in words:
        return "past"
    if verb.dep_ in ("acl", "relcl") and "to" in words:
        return "future"  # "the talks to be held on Wednesday": what is yet to come
    governor = verb.head if verb.head.i != verb.i else None
    if governor is None and verb.tag_ == "VBN" and not auxes:
        return "past"  # "Modi on Saturday left for Portugal": a past tense tagged VBN
    if verb.dep_ == "pcomp" and governor is not None:
        # "before heading to X": the tense of the verb the preposition hangs off.
        governor = _verb_of(governor.head) if governor.head.i != governor.i else None
    if (
        verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "pcomp", "relcl")
        and governor is not None
        and depth < 4
    ):
        if lemma(governor.text) in PLAN_VERBS and verb.dep_ in ("xcomp", "ccomp", "advcl"):
            # "is set to visit", "plans to travel", "is expected to arrive"
            return "future"
        # "has said the minister was visiting": a verb with a finite auxiliary of its own
        # keeps its own tense.
        # So does a relative clause about its noun ("Guterres, who is visiting the
        # country"), though not one of a place ("Rome, where he is joining X").
        own = (
            verb.dep_ == "ccomp"
            or verb.dep_ == "relcl"
            and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children)
        ) and any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes)
        if (
            verb.tag_ in ("VB", "VBG", "VBN") or verb.dep_ == "xcomp" and "to" in words
        ) and not own:
            if (
                "to" in words
                and verb.dep_ in ("advcl", "xcomp")
                and TRAVEL_VERBS.get(lemma(governor.text)) in ("leave", "go")
                and clause_tense(governor, depth + 1) == "present"
            ):
                return "future"  # "departs on Saturday to arrive in Beijing on Monday"
            if verb.dep_ == "xcomp" and (
                governor.lower_ in ("is", "are", "was", "were") or _going_to(governor)
            ):
                return "future"  # "is to visit", "is going to visit", "was going to stay"
            return clause_tense(governor, depth + 1)
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        if verb.tag_ == "VBG" and any(a.lower_ in ("was", "were") for a in auxes):
            return "past"
        return "past"
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes) or verb.tag_ in ("VBZ", "VBP"):
        if lemma(verb.text) in PLAN_VERBS and verb.tag_ == "VBN":
            return "future"
        return "present"
    if verb.tag_ == "VBN" and governor is not None and depth < 4:
        return clause_tense(governor, depth + 1)
    if verb.tag_ == "VBG" and governor is not None and depth < 4:
        return clause_tense(governor, depth + 1)
    return "none"


_AGED = re.compile(r"\d{2}-year-old")


def _of_phrase(token: Token) -> list[Token]:
    """The words of an "of" phrase after an office ("the Prime Minister of Lesotho")."""
    return [t for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]


# What a guest receives: "received a warm welcome", "a ceremonial reception".
_HONOURS = frozenset(["reception", "welcome", "greeting", "ovation", "salute", "honour", "honor"])

# "MoS", "EAM", "NSA": an office's initials, capitals first.
_ACRONYM = re.compile(r"[A-Z][A-Za-z]?[A-Z][A-Za-z]{0,3}")


@lru_cache(maxsize=1024)
def _initials(title: str) -> frozenset[str]:
    """The initials of every run of two or more words of an office, with and without
    its small words.

    >>> sorted(_initials("Minister of State"))
    ['mo', 'mos', 'ms', 'os']
    """
    words = re.findall(r"[A-Za-z]+", title)
    found = set()
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            run = words[i:j]
            found.add("".join(w[0] for w in run).lower())
            found.add("".join(w[0] for w in run if w[0].isupper()).lower())
    return frozenset(f for f in found if len(f) >= 2)


def _going_ahead(prep: Token) -> bool:
    """ "with" of "go ahead with X", "proceed with X"."""
    verb = prep.head
    return prep.lower_ == "with" and (
        lemma(verb.text) == "go"
        and any(c.lower_ == "ahead" for c in verb.children)
        or lemma(verb.text) == "proceed"
    )


def _mood(anchor: Token) -> str:
    """real, plan, wish, negated, cancelled, remote or maybe for the predicate ``anchor``."""
    chain: list[Token] = []
    current = anchor
    for _ in range(6):
        chain.append(current)
        if current.head.i == current.i or current.dep_ in ("ROOT",):
            break
        if current.dep_ == "relcl":
            break  # "Xi, who will also travel to Serbia, is seeking ...": its own clause
        if current.dep_ in ("relcl", "advcl", "npadvmod", "parataxis") and chain[0] is not current:
            break
        if current.dep_ == "prep" and current.lower_ not in _COMPLEMENT_PREPS:
            if _going_ahead(current):
                # "decided not to go ahead with a planned visit": what does not go ahead
                # is cancelled.
                verb = current.head
                if any(c.dep_ == "neg" for c in verb.children) or any(
                    c.dep_ == "neg" for c in verb.head.children if verb.dep_ == "xcomp"
                ):
                    return "cancelled"
            break  # "during the trip, he hopes ...": an adjunct, not what is hoped for
        current = current.head
    first_verb = next((t for t in chain if _verbal_tag(t)), None)
    for token in chain:
        low = lemma(token.text)
        if token is not anchor and any(
            c.dep_ == "conj"
            and (
                lemma(c.text) in CANCEL_WORDS
                or any(lemma(g.text) in CANCEL_WORDS for g in c.children if g.dep_ == "xcomp")
            )
            for c in token.children
        ):
            return "cancelled"  # "was scheduled to visit India but had to cancel"
        if token is not anchor and any(
            c.dep_ == "det" and c.lower_ in ("no",) for c in token.children
        ):
            return "negated"  # "had no plans to travel"
        if any(c.dep_ == "neg" for c in token.children) and (
            token is anchor or token is first_verb or low in PLAN_VERBS | WISH_VERBS
        ):
            return "negated"
        if low in CANCEL_WORDS and token is not anchor:
            below = chain[chain.index(token) - 1]
            if below.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in below.children
            ):
                continue  # "cancelled the rest of his itinerary to return home": a purpose
            return "cancelled"
        if (
            low == "call"
            and token is not anchor
            and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children)
        ):
            return "cancelled"  # "has called off a planned trip", reported or not
        if low in WISH_VERBS and token is not anchor:
            forward = low == "look" and any(c.lower_ == "forward" for c in token.children)
            if low in ("welcome", "call", "look") and token.dep_ != "ROOT" and not forward:
                continue  # ("she said she looks forward to visiting X": a hope all the same)
            if low in ("invitation", "invite") and token.head.lower_.startswith("accept"):
                continue  # "has accepted invitations to embark on a visit": a plan
            if (
                low == "look"
                and noun_lemma(anchor.text) in MEETING_NOUNS
                and any(c.dep_ == "poss" or c.lower_ == "the" for c in anchor.children)
            ):
                continue  # "I look forward to my discussions with X": talks on the programme
            if low == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children):
                return "cancelled"  # "called off her visit"
            if low == "call" and not any(
                c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in token.children
            ):
                continue  # "called on the King and held talks": a call paid, not one for talks
            if low in ("welcome",) and anchor.dep_ not in ("dobj", "xcomp"):
                continue
            return "wish"
    for child in anchor.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in _WISH_AMOD:
            return "wish"
        if child.dep_ in ("amod",) and lemma(child.text) in CANCEL_WORDS:
            return "cancelled"
    # "the visit was cancelled", "the trip has been postponed"
    if anchor.dep_ in ("nsubj", "nsubjpass") and lemma(anchor.head.text) in CANCEL_WORDS:
        return "cancelled"
    return "real"


def _remote(tokens: list[Token]) -> bool:
    return any(t.lower_ in REMOTE_WORDS for t in tokens)


# --- people: subjects, objects, pronouns and titles ----------------------------------------


class _Resolver:
    """Resolves subjects to people: names, pronouns and definite descriptions.

    Salience follows the text: a pronoun refers to the last person who was the
    subject of a clause before it (news keeps its subject), else to the
    article's focus, its first official.
    """

    def __init__(self, ann: Annotations) -> None:
        self.ann = ann
        self.subjects: list[tuple[int, list[int]]] = []  # (token index, persons)
        self.focus: list[int] = []
        self._cache: dict[int, list[int]] = {}
        self.sentences: tuple[Sentence, ...] = ()

    def person_in(self, token: Token) -> int | None:
        index = self.ann.person_at.get(token.i)
        if index is not None:
            return index
        return None

    def name_phrase(self, token: Token) -> list[int]:
        """People named by the noun phrase headed by ``token`` (names, appositions, lists)."""
        found: list[int] = []
        own = self.person_in(token)
        if own is None and lemma(token.text) in TITLE_WORDS and token.i + 1 < len(self.ann.doc):
            # "Vietnam's President To Minh" parsed with the name hung off the title;
            # "Minister of State for External Affairs X" with X deep inside the title.
            for following in self.ann.doc[token.i + 1 : token.i + 10]:
                own = self.person_in(following)
                if own is not None or not (
                    following.text[:1].isupper()
                    or following.lower_ in ("of", "for", "the", "and")
                    # "Minister for Culture and Tourism, Dr. X": an apposed name
                    or following.text == ","
                    and following.i + 1 < len(self.ann.doc)
                    and self.ann.doc[following.i + 1].text.rstrip(".") in _HONORIFICS
                ):
                    break
            if own is None:
                own = self._titled_here(token)
        if own is not None:
            found.append(own)
        else:
            for child in token.children:
                if (
                    child.dep_ in ("appos", "compound", "flat", "nmod")
                    and (p := self.person_in(child)) is not None
                ):
                    if child.dep_ == "nmod" and child.i > token.i:
                        continue
                    found.append(p)
                    break
        if any(c.dep_ == "cc" for c in token.subtree):
            # "Secretary of State A and Defense Secretary B arrived": the parse may hang
            # one name off the other; every name of the list is a subject.
            for item in _listed(token):
                p = self.person_in(item)
                if p is not None and self.ann.heads.get(item.i) == item.i and p not in found:
                    found.append(p)
        for conj in token.conjuncts:
            if conj.i > token.i:
                p = self.person_in(conj)
                if p is None:
                    p = next(
                        (
                            self.person_in(c)
                            for c in conj.children
                            if c.dep_ in ("appos", "compound") and self.person_in(c) is not None
                        ),
                        None,
                    )
                if p is not None and p not in found:
                    found.append(p)
        # "key Japanese officials, including Prime Minister X and Adviser Y": X and Y.
        if not found and _nominal_tag(token) and token.tag_ in ("NNS", "NNPS"):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("including", "like", "such"):
                    for inner in child.subtree:
                        p = self.person_in(inner)
                        if (
                            p is not None
                            and p not in found
                            and self.ann.heads.get(inner.i) == inner.i
                        ):
                            found.append(p)
        # "in a statement by the Press Secretary, X, Harris will visit": not X.
        found = [p for p in found if not self._named_inside_a_phrase(p, token)]
        # "the aircraft carrying the President": the vehicle stands for its passenger.
        if not found and _nominal_tag(token):
            for child in token.children:
                if child.dep_ == "acl" and lemma(child.text) in (
                    "carry",
                    "bring",
                    "transport",
                    "bear",
                ):
                    for obj in child.children:
                        if obj.dep_ == "dobj":
                            found.extend(p for p in self.resolve(obj) if p not in found)
        # "X, accompanied by Y" / "X along with Y" travel together.
        for child in token.children:
            if child.dep_ in ("acl", "prep") and lemma(child.text) in (
                "accompany",
                "along",
                "with",
                "alongside",
                "flank",
            ):
                if (
                    child.lower_ in ("with", "along", "alongside")
                    and token.i not in self.ann.person_at
                ):
                    continue  # "a meeting with X": X is met, not travelling along
                for inner in child.subtree:
                    p = self.person_in(inner)
                    if p is not None and p not in found and inner.i != token.i:
                        found.append(p)
        return found

    def before(self, position: int, many: bool) -> list[int]:
        earlier = [
            (token_index, persons)
            for token_index, persons in self.subjects
            if token_index < position and any(self.ann.people[p].official for p in persons)
        ]  # ("Cheong Wa Dae said ...": a speaker that is not a person is skipped)
        if not many and earlier:
            # The last subject, unless the person the text keeps returning to was a
            # subject in the same stretch (two sentences): news comes back to its topic.
            sentence = self.ann.sentence_of[position]
            same = [
                persons
                for token_index, persons in earlier
                if self.ann.sentence_of[token_index] == sentence and len(persons) == 1
            ]
            if same:
                # "Secretary X was in Tokyo, where he held talks": the sentence's own
                # subject binds a pronoun of its clauses.
                return same[-1]
            recent = [
                persons
                for token_index, persons in earlier
                if sentence - self.ann.sentence_of[token_index] <= 4 and len(persons) == 1
            ]
            counts: dict[int, int] = {}
            for _, persons in earlier:
                for p in persons:
                    counts[p] = counts.get(p, 0) + 1
            if recent:
                last = recent[-1][0]
                topic = max({p[0] for p in recent}, key=lambda p: (counts.get(p, 0), p == last))
                if counts.get(topic, 0) >= 2 * counts.get(last, 0) + 1:
                    return [topic]
        if many:
            # "X told Y on Thursday that ..., as they began the summit": they are X and Y.
            sentence = self.ann.sentence_of[position]
            for token_index, persons in reversed(earlier):
                if self.ann.sentence_of[token_index] != sentence or len(persons) != 1:
                    continue
                verb = self.ann.doc[token_index].head
                told = [
                    p
                    for c in verb.children
                    if c.dep_ in ("dobj", "dative") and c.i < position
                    for p in self.name_phrase(c)
                    if p not in persons and self.ann.people[p].official
                ]
                if told:
                    return persons + told[:1]
                break
        for _, persons in reversed(earlier):
            # "he" is one person: "greeted by A and B. ..., he said" is not A and B.
            if len(persons) > 1 if many else len(persons) == 1:
                return persons
        if not many and earlier:
            return earlier[-1][1]
        if many:
            for token_index, persons in reversed(self.subjects):
                if token_index < position:
                    return persons
        return list(self.focus)

    def named_after(self, token: Token) -> list[int]:
        """ "their Indian counterparts, Minister A and Minister B": the names that follow a
        plural description, however the parse hangs them."""
        doc = self.ann.doc
        found: list[int] = []
        i = token.i + 1
        origin = next(
            (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "of")), None
        )
        if origin is not None and origin.i == i:
            i = origin.right_edge.i + 1  # "his peers from Argentina and Brazil, X and Y"
        if i >= len(doc) or doc[i].text != ",":
            return found
        while i < len(doc) and self.ann.sentence_of[i] == self.ann.sentence_of[token.i]:
            t = doc[i]
            person = self.ann.person_at.get(i)
            if person is not None:
                if person not in found:
                    found.append(person)
            elif not (t.text in (",", "and", ".") or _nominal_tag(t) or t.tag_ == "JJ"):
                break
            i += 1
        return found

    def describe(self, token: Token) -> list[int]:
        """ "the minister", "the South Korean leader", "the secretary of state"."""
        words = {lemma(c.text) for c in token.subtree if c.i <= token.i or c.dep_ == "prep"}
        head = token.lower_
        epithet = (head in EPITHET_NOUNS or _AGED.fullmatch(head)) and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        )
        if epithet:
            head = "leader"  # "the seasoned lefty", "the former ExxonMobil CEO", "the 77-year-old"
            words = words | {"leader"}
        plural_people = head in ("men", "women", "pair", "duo", "allies", "sides") or (
            token.tag_ in ("NNS", "NNPS")
            and bool(words & {"two", "both"})
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        )  # "the two Cabinet members"
        if (
            head not in TITLE_WORDS
            and not plural_people
            and not (words & TITLE_WORDS and _nominal_tag(token))
        ):
            return []
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss", "predet")}
        if not determiners or determiners & {"a", "an", "another", "some", "any", "many", "other"}:
            return []  # only a definite description refers back ("the minister", "his counterpart")
        of_country = {c.i for c in _of_phrase(token)}  # "the Prime Minister of Lesotho"
        phrase_end = max([token.i, *of_country])
        if token.tag_ in ("NNS", "NNPS"):
            listed = self.named_after(token)
            if len(listed) > 1:
                return listed
        elif phrase_end + 2 < len(self.ann.doc) and self.ann.doc[phrase_end + 1].text == ",":
            # "meet Qatar's emir, Sheikh X, in Doha", "the Prime Minister of Lesotho, X":
            # the name apposed after the comma, however the parse hangs it.
            named = None
            for after in self.ann.doc[phrase_end + 2 : phrase_end + 5]:
                named = self.ann.person_at.get(after.i)
                if named is not None or not after.text[:1].isupper():
                    break  # a style before the name ("Sheikh", "Dr.") may come first
            if named is not None:
                return [named]
        if head in ("delegation", "entourage") and "the" not in determiners:
            # "welcomed the visiting minister and her delegation": her own party
            owner = [p for c in token.children if c.dep_ == "poss" for p in self.resolve(c)]
            if owner:
                return owner[:1]
        if head in ("delegation", "couple", "royals") or token.tag_ in ("NNS", "NNPS"):
            qualified = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
            counted = any(
                c.dep_ == "nummod" and c.lower_ not in ("two", "both") for c in token.children
            )
            named_kind = head in ("couple", "royals", "men", "women", "pair", "duo") or bool(
                words & {"two", "both"}
            )
            demonymed = any(c.i in self.ann.place_at and c.i < token.i for c in token.subtree)
            if (
                not qualified
                and not counted
                and (
                    named_kind
                    or demonymed
                    and head
                    in ("leaders", "allies", "ministers", "secretaries", "counterparts", "sides")
                )
            ):
                # "the two leaders": the last two officials of that kind the text named.
                countries = {
                    self.ann.place_at[c.i].place.country
                    for c in token.subtree
                    if c.i in self.ann.place_at and c.i < token.i
                }
                recent = [
                    p
                    for p in self.recent_officials(token.i)
                    if self._fits(p, head)
                    and (not countries or self.ann.people[p].country in countries)
                ]
                if len(recent) >= 2:
                    return recent[:2]
            many = self.before(token.i, many=True)
            if head == "delegation" and not qualified and not counted:
                return many  # "the delegation departs on Saturday": the party of the one before
            return many if len(many) > 1 else []
        demonym_countries = {
            self.ann.place_at[c.i].place.country
            for c in token.subtree
            if c.i in self.ann.place_at and (c.i < token.i or c.i in of_country)
        }  # "the Chinese premier", "the Prime Minister of Lesotho"
        owner: list[int] = []
        if head == "counterpart":
            owner = [p for c in token.children if c.dep_ == "poss" for p in self.resolve(c)]
        owner_countries = {self.ann.people[p].country for p in owner} - {None}
        head = _TITLE_ABBREVIATIONS.get(head, head)
        portfolio = {w for p in owner for w in _PORTFOLIO.findall(self.ann.people[p].title.lower())}
        # "the prime minister", "the foreign minister": the office's words must fit too.
        modifiers = [
            c.lower_
            for c in token.children
            if c.dep_ in ("compound", "amod")
            and c.i < token.i
            and c.i not in self.ann.place_at
            and c.lower_ in _OFFICE_WORDS
        ]
        # "the president-elect", "the incoming minister": only who is not in office yet,
        # never the one in office ("the president-elect visited ..." is not the president).
        not_yet = not_in_office_yet(self.ann.doc[token.left_edge.i : token.i + 1].text)
        candidates = []
        for index, person in enumerate(self.ann.people):
            if index in owner:
                continue
            title = person.title.lower()
            if not_yet != not_in_office_yet(title) or not (person.official or not_yet):
                continue
            if modifiers and not all(m in title for m in modifiers):
                continue
            if head == "counterpart":
                # "his Japanese counterpart": an official of another country.
                fits = not owner_countries or person.country not in owner_countries
            elif head in ("leader", "visitor", "guest", "dignitary", "official", "royal", "head"):
                fits = True
            elif head == "diplomat":
                # "the top diplomat": a foreign minister or secretary of state
                fits = bool(re.search(r"foreign|secretary of state|diplomat", title))
            else:
                fits = head in title or any(
                    w in title for w in words & TITLE_WORDS if w not in ("head", "chief")
                )
            if not fits:
                continue
            if demonym_countries and person.country not in demonym_countries | {None}:
                continue
            candidates.append(index)
        if head not in ("leader", "visitor", "guest", "dignitary", "official", "royal", "head"):
            # "the UN Secretary General": of the titles that fit, those with the head word
            # itself, before "Secretary of State", which fits by "secretary" alone.
            by_head = [i for i in candidates if head in self.ann.people[i].title.lower()]
            candidates = by_head or candidates
        if demonym_countries and any(
            self.ann.people[i].country in demonym_countries for i in candidates
        ):
            candidates = [i for i in candidates if self.ann.people[i].country in demonym_countries]
        if not candidates:
            return []
        if portfolio:
            # "his US counterpart" of a defence minister: the other defence minister.
            same = [
                i
                for i in candidates
                if {
                    _SAME_PORTFOLIO.get(w, w)
                    for w in _PORTFOLIO.findall(self.ann.people[i].title.lower())
                }
                & {_SAME_PORTFOLIO.get(w, w) for w in portfolio}
            ]
            candidates = same or candidates
        for token_index, persons in reversed(self.subjects):
            if token_index < token.i:
                hit = [p for p in persons if p in candidates]
                if hit and epithet and token.dep_ == "nsubj":
                    # "X received visiting Y on Monday. The former CEO arrived in Lima":
                    # who arrives is the one received, not the host.
                    received = self.ann.doc[token_index].head
                    if lemma(received.text) in ("receive", "welcome", "greet", "host") and (
                        TRAVEL_VERBS.get(lemma(token.head.text)) in ("arrive", "go", "visit")
                    ):
                        guests = [
                            p
                            for c in received.children
                            if c.dep_ == "dobj"
                            for p in self.resolve(c)
                            if p in candidates and p not in hit
                        ]
                        hit = guests or hit
                if len(hit) > 1:
                    # "The two leaders will ... Following his stay, the Head of State
                    # will travel": of a pair, the one the text is about.
                    counts = self.followed()
                    hit = sorted(hit, key=lambda p: -counts.get(p, 0))
                    followed = max(candidates, key=lambda p: counts.get(p, 0))
                    if not counts.get(hit[0]) and counts.get(followed):
                        # "... to be attended by Prime Minister A and Prime Minister B. The
                        # PM will also meet ...": of a list the text never followed, the
                        # one it follows.
                        hit = [followed]
                if hit:
                    return hit[:1]
        mentioned = [
            (start, i)
            for i in candidates
            for start, _ in self.ann.people[i].mentions
            if start < token.idx
        ]
        if mentioned:
            return [max(mentioned)[1]]
        if demonym_countries and len(candidates) == 1 and self.ann.sentence_of[token.i] <= 1:
            # "China's foreign minister arrived in Pyongyang on Wednesday ... Wang Yi":
            # a lead that names its official only after describing him.
            return candidates
        return []

    def _vehicle(self, token: Token) -> list[int] | None:
        """The passenger a vehicle stands for as the subject of a departure or landing:
        "his plane landed in X"; "told reporters aboard Air Force One as it left X"."""
        if token.lower_ == "it":
            sentence = self.sentences[min(self.ann.sentence_of[token.i], len(self.sentences) - 1)]
            told = self.ann.text[sentence.start : token.idx]
            if not _VEHICLE.search(told):
                return None
        elif not (
            _VEHICLE.fullmatch(token.text)
            or token.lower_ == "one"
            and any(c.lower_ == "force" for c in token.children)
        ):
            return None
        owner = [p for c in token.children if c.dep_ == "poss" for p in self.resolve(c)]
        return owner[:1] or self.before(token.i, many=False)

    def _fits(self, person: int, head: str) -> bool:
        title = self.ann.people[person].title.lower()
        word = lemma(head)
        if word in ("men", "women", "pair", "duo", "ally", "allies", "side"):
            return True
        if word in ("leader", "couple", "royal", "delegation"):
            return bool(_LEADER_TITLE.search(title))
        if word.endswith("s") and word[:-1] in _TITLE_ABBREVIATIONS:
            word = word[:-1]  # "the two PMs"
        return _TITLE_ABBREVIATIONS.get(word, word) in title

    def abbreviated(self, token: Token) -> list[int]:
        """ "MoS paid courtesy calls", "the EAM said": the official named before whose
        office these are the initials of ("Minister of State", "External Affairs
        Minister")."""
        if token.dep_ == "compound" or token.head.i in self.ann.person_at:
            return []  # "PM Modi", "EAM S Jaishankar": the title of the name beside it
        if lemma(token.head.text) in REPORT_VERBS:
            return []  # "the EAM said ...": a voice, whose pronouns are left to the story
        letters = token.text.lower()
        fitting = [
            p
            for p in self.recent_officials(token.i)
            if letters in _initials(self.ann.people[p].title)
        ]
        countries = {
            self.ann.place_at[c.i].place.country
            for c in token.children
            if c.i in self.ann.place_at and c.i < token.i
        }  # "the Japanese PM"
        if countries:
            fitting = [p for p in fitting if self.ann.people[p].country in countries]
            return fitting[:1]
        if not fitting:
            return []
        # "... attended by Prime Minister A and Prime Minister B. The PM will also meet":
        # the one the text follows (subject of its sentences), before the one named last.
        counts = self.followed(before=token.i)
        followed = max(fitting, key=lambda p: counts.get(p, 0))
        return [followed if counts.get(followed, 0) > counts.get(fitting[0], 0) else fitting[0]]

    def followed(self, before: int | None = None) -> Counter:
        """How often each person was the one subject of a clause (before ``before``):
        the people the text follows."""
        return Counter(
            persons[0]
            for position, persons in self.subjects
            if len(persons) == 1 and (before is None or position < before)
        )

    def recent_officials(self, position: int) -> list[int]:
        """Officials referred to before ``position``, the most recent first, each once."""
        seen: list[int] = []
        references = sorted(
            [(i, [p]) for i, p in self.ann.person_at.items() if self.ann.heads.get(i) == i]
            + self.subjects,
            key=lambda item: -item[0],
        )
        for token_index, persons in references:
            if token_index >= position:
                continue
            for person in persons:
                if self.ann.people[person].official and person not in seen:
                    seen.append(person)
        return seen

    def speaker(self, token: Token) -> list[int]:
        """ "“Wheels up for my trip to India,” he said": the one quoted says "my"."""
        sentence = self.ann.sentence_of[token.i]
        reports = [
            t
            for t in self.ann.reports
            if abs(self.ann.sentence_of[t.i] - sentence) <= 1 and t.i != token.i
        ]
        for report in sorted(reports, key=lambda t: abs(t.i - token.i)):
            subject, _ = _subject_token(report)
            if subject is None or _PRONOUNS.get(subject.lower_) in ("self", "selves"):
                continue
            found = self.resolve(subject)
            if found:
                return found[:1]
        return []

    def _learn_country(self, token: Token, found: list[int]) -> None:
        """ "the South Korean president" names the country of the person it refers to."""
        if len(found) != 1 or self.ann.people[found[0]].country is not None:
            return
        countries = {
            self.ann.place_at[c.i].place.country
            for c in token.children
            if c.dep_ in ("amod", "compound", "nmod") and c.i in self.ann.place_at
        }
        if len(countries) == 1:
            self.ann.people[found[0]].country = countries.pop()

    def resolve(self, token: Token) -> list[int]:
        """The people a subject, object or owner token refers to."""
        if token.i in self._cache:
            return self._cache[token.i]
        self._cache[token.i] = []  # a guard against cycles through odd parses
        found = self.name_phrase(token)
        if token.i not in self.ann.person_at and (not found or token.lower_ in _PRONOUNS):
            # "he and Senator Wong": the pronoun too; "his counterpart Jan Vogel": the name.
            referred = self._refer(token)
            found = referred + [p for p in found if p not in referred]
        for conj in token.conjuncts:
            # "he and Senator Wong": each item of a list resolved on its own ("his wife
            # and a dozen ministers including X": the names the plural includes).
            if conj.i > token.i and conj.i not in self.ann.person_at:
                for p in self.name_phrase(conj) or self._refer(conj):
                    if p not in found:
                        found.append(p)
        self._cache[token.i] = found
        return found

    def _titled_here(self, token: Token) -> int | None:
        """The person whose office, told just before the name, holds this title word
        ("his counterpart there, Winston Peters", however the parse hangs the name)."""
        for index, person in enumerate(self.ann.people):
            for title_start, title_end in person.title_spans:
                if title_start <= token.idx < title_end and any(
                    0 <= start - title_end <= 3 for start, _ in person.mentions
                ):
                    return index
        return None

    def _named_inside_a_phrase(self, person: int, token: Token) -> bool:
        """The name is the apposition of an office inside a prepositional phrase
        ("by the Press Secretary of the US government, Kirsten Allen,"): the parse
        may take it for a subject, but it is the phrase's."""
        text = self.ann.text
        # The article's own sentences: Token.sent would walk the document on every call.
        sentence = self.sentences[min(self.ann.sentence_of[token.i], len(self.sentences) - 1)]
        sentence_start, sentence_end = sentence.start, sentence.end
        starts = [
            start
            for start, _ in self.ann.people[person].mentions
            if sentence_start <= start < sentence_end
        ]
        for start in starts:
            for title_start, title_end in self.ann.people[person].title_spans:
                if 0 <= start - title_end <= 3 and re.search(r",\s*$", text[title_start:start]):
                    before = text[max(0, title_start - 25) : title_start]
                    if re.search(r"\b(?:by|from|according\s+to)\s+(?:the\s+)?$", before):
                        return True
        return False

    def handle(self, text: str) -> list[int]:
        """A social-media handle ("@cmprachanda", "@M_Lekhi"): the one person whose
        family name or nickname it spells."""
        letters = re.sub(r"[^a-z]", "", text.lower())
        text_of = self.ann.text
        found = []
        for i, person in enumerate(self.ann.people):
            words = {
                word
                for start, end in person.mentions
                for word in re.findall(r"[a-z]{4,}", text_of[start:end].lower())
            }
            if any(word in letters for word in words):
                found.append(i)
        return found if len(found) == 1 else []

    def _refer(self, token: Token) -> list[int]:
        """A pronoun, a relative pronoun or a definite description."""
        if token.dep_ == "nsubj" and TRAVEL_VERBS.get(lemma(token.head.text)) in (
            "leave",
            "arrive",
        ):
            vehicle = self._vehicle(token)
            if vehicle is not None:
                return vehicle
            if token.lower_ in ("he", "she", "they"):
                farewelled = self._farewelled(token)
                if farewelled is not None:
                    return [farewelled]
        if token.lower_ in ("latter", "former") and any(c.lower_ == "the" for c in token.children):
            # "the latter came to Istanbul": the second of the two named before it.
            recent = self.recent_officials(token.i)
            if len(recent) >= 2:
                return recent[:1] if token.lower_ == "latter" else recent[1:2]
            return []
        if token.text.startswith("@") and len(token.text) > 4:
            return self.handle(token.text)
        if token.lower_ in ("highness", "majesty", "excellency") and any(
            c.lower_ in ("his", "her") for c in token.children
        ):
            # "His Highness was received by ...": the style of the one the text is about
            return self.before(token.i, many=False)
        kind = _PRONOUNS.get(token.lower_)
        if kind in ("self", "selves"):
            return self.speaker(token)
        if kind == "rel":
            head = token.head
            while head.dep_ not in ("relcl", "acl") and head.head.i != head.i:
                head = head.head
            if head.dep_ in ("relcl", "acl"):
                return self.resolve(head.head)
            return []
        if kind is None and _ACRONYM.fullmatch(token.text) and token.i not in self.ann.place_at:
            found = self.abbreviated(token)
            if found:
                return found
        if kind is None and _nominal_tag(token):
            found = self.describe(token)
            self._learn_country(token, found)
            return found
        if kind is not None:
            if token.dep_ == "poss" and kind == "one":
                # "Marles will host his counterpart": his own clause's subject first.
                verb = _verb_of(token.head)
                subject, passive = _subject_token(verb) if verb is not None else (None, False)
                guest = (
                    next(
                        (c for c in verb.children if c.dep_ == "dobj" and c.i < token.i),
                        None,
                    )
                    if verb is not None
                    else None
                )
                if (
                    guest is not None
                    and not passive
                    and lemma(verb.text) in HOST_VERBS - {"meet", "see"}
                    and noun_lemma(token.head.text) in TRAVEL_NOUNS
                    and self.name_phrase(guest)
                ):
                    # "X welcomed Y at the airbase upon his arrival": the guest's arrival.
                    return self.name_phrase(guest)[:1]
                if subject is not None and subject.i != token.i and subject.i < token.i:
                    own = self.name_phrase(subject)
                    visitor = self._visitor_met(verb, token, own) if own else None
                    if visitor is not None:
                        return [visitor]
                    if own:
                        return own[:1]
            return self.before(token.i, many=kind == "many")
        if _nominal_tag(token):
            return self.describe(token)
        return []

    def _farewelled(self, pronoun: Token) -> int | None:
        """ "X bade farewell to Y at the airport, where he departed": who leaves after a
        farewell told before it in the sentence is the one bidden farewell (however the
        parse hangs the words)."""
        doc = pronoun.doc
        first = pronoun.i  # the sentence's first token
        while first > 0 and self.ann.sentence_of[first - 1] == self.ann.sentence_of[pronoun.i]:
            first -= 1
        for token in doc[first : pronoun.i]:
            if token.lower_ != "farewell":
                continue
            if token.i + 1 < pronoun.i and doc[token.i + 1].lower_ == "to":
                for following in doc[token.i + 2 : min(pronoun.i, token.i + 8)]:
                    person = self.person_in(following)
                    if person is not None:
                        return person
        return None

    def _visitor_met(self, verb: Token, pronoun: Token, hosts: list[int]) -> int | None:
        """ "X met with Y on the occasion of his visit to Kuwait": with the visit in the
        subject's own country, the visit is of the one met, who comes from elsewhere."""
        if lemma(verb.text) not in MEETING_VERBS | HOST_VERBS:
            return None
        if noun_lemma(pronoun.head.text) not in TRAVEL_NOUNS:
            return None
        home = self.ann.people[hosts[0]].country
        if not home:
            return None
        to = [
            t
            for p in pronoun.head.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for t in p.children
            if t.dep_ == "pobj"
        ]
        if not to:
            return None
        place = self.ann.place_at.get(to[0].i)
        country = place.place.country if place is not None else None
        if (
            country is None
            and to[0].lower_ == "country"
            and any(c.lower_ == "the" for c in to[0].children)
        ):
            country = home  # "his visit to the country", the host's
        if country != home:
            return None
        met = [
            p
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for t in prep.children
            if t.dep_ == "pobj"
            for p in self.name_phrase(t)
        ] + [p for c in verb.children if c.dep_ == "dobj" for p in self.name_phrase(c)]
        guests = [p for p in met if p not in hosts and self.ann.people[p].country != home]
        return guests[0] if len(guests) == 1 else None

    def note_subject(self, token: Token, persons: list[int]) -> None:
        if persons:
            self.subjects.append((token.i, persons))


def _fronted_subject(verb: Token) -> Token | None:
    """ "At the invitation of President X, President Y of Z will pay a state visit": the
    parse may hang Y off X as an apposition and leave the verb with no subject. The
    name after the comma that closes the fronted phrase is the subject then."""
    if verb.pos_ not in ("VERB", "AUX") and not verb.tag_.startswith("VB"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        for token in prep.subtree:
            if (
                token.dep_ == "appos"
                and token.tag_ in ("NNP", "NNPS")
                and token.head.i < token.i
                and any(t.text == "," for t in token.doc[token.head.i : token.i])
                and token.i < verb.i
            ):
                return token
    return None


def _subject_token(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` (climbing control and coordination), and whether passive."""
    current = verb
    conjoined = False
    fronted = _fronted_subject(verb)
    if fronted is not None:
        return fronted, False
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            # Two subjects in a garbled parse ("HH the Amir ... X left"): the nearest.
            child = max(subjects, key=lambda c: c.i if c.i < current.i else -c.i)
            if conjoined:
                # "X touched down and was greeted by Y": the voice is the verb's own.
                return child, any(c.dep_ == "auxpass" for c in verb.children)
            # "were to be hosted by Y": the subject of the verb it hangs off, the voice
            # of its own.
            own_passive = current is not verb and any(c.dep_ == "auxpass" for c in verb.children)
            return child, child.dep_ == "nsubjpass" or own_passive
        if current.dep_ in ("relcl", "acl") and current.head.i != current.i:
            return current.head, current.tag_ == "VBN"
        if current.dep_ == "amod" and current.tag_ == "VBG":
            return current.head, False  # "visiting Vietnamese Prime Minister X"
        if current.dep_ == "xcomp":
            # "expect him to travel", "invited X to visit": the object does it.
            controller = next((c for c in current.head.children if c.dep_ == "dobj"), None)
            if controller is not None and controller.i < current.i:
                return controller, False
        if current.dep_ in (
            "xcomp",
            "conj",
            "advcl",
            "ccomp",
            "pcomp",
            "dep",
            "prep",
            "pobj",
            "acomp",
        ):
            if current.head.i == current.i:
                break
            if current.dep_ == "ccomp" and lemma(current.head.text) in REPORT_VERBS:
                break
            conjoined = conjoined or current.dep_ == "conj"
            current = current.head
            continue
        break
    return None, False


def _with_objects(token: Token) -> list[Token]:
    """Objects of an encounter: "met X", "talks with X", "between X and Y", "a dinner for X"."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("dobj", "attr", "dative", "oprd"):
            found.extend(_listed(child))
        elif child.dep_ == "prep" and child.lower_ in (
            "with",
            "between",
            "on",
            "among",
            "to",
            "for",
            "alongside",
        ):
            for c in child.children:
                if c.dep_ == "pobj":
                    found.extend(_listed(c))
                elif c.dep_ == "pcomp" and c.lower_ == "visiting":
                    # "talks with visiting President X": the guest, parsed as an object
                    found.extend(t for d in c.children if d.dep_ == "dobj" for t in _listed(d))
        elif child.dep_ == "prt" and child.lower_ in ("with", "on") or child.dep_ == "agent":
            continue
        elif child.dep_ in ("npadvmod", "advmod") and _verbal_tag(token):
            # "meet one-on-one with X", "met separately with X": the parse hangs "with"
            # off the adverb.
            for prep in child.subtree:
                if prep.dep_ == "prep" and prep.lower_ == "with" and prep.head.i != token.i:
                    for c in prep.children:
                        if c.dep_ == "pobj":
                            found.extend(_listed(c))
    return found


def _listed(token: Token) -> list[Token]:
    """A noun phrase and the phrases listed or named with it ("the Party General
    Secretary and State President X and Chairwoman Y")."""
    found = [token]
    for child in token.children:
        if child.dep_ in ("conj", "appos", "compound", "flat", "nmod"):
            found.extend(_listed(child))
    return found


def _agent_of(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ == "by":
            for inner in child.children:
                if inner.dep_ == "pobj":
                    return inner
    if token.tag_ == "VBN":
        # "was met on arrival by X": the parse hangs the agent off the noun of time.
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "upon", "at", "with"):
                for noun in child.children:
                    if noun.dep_ == "pobj" and (
                        noun.lower_ in ("arrival", "landing")
                        # "was received at the airport by X", "welcomed with a ceremony by X"
                        or lemma(token.text) in ("receive", "welcome", "greet")
                        # "is accompanied on his visit to X by Y": the agent off the visit
                        or lemma(token.text) == "accompany"
                        and noun_lemma(noun.text) in TRAVEL_NOUNS
                    ):
                        found = _agent_of(noun)
                        if found is not None:
                            return found
    return None


# --- place and date attachment -----------------------------------------------------------


def _is_predicate(token: Token, predicates: dict[int, Event]) -> bool:
    return token.i in predicates


class _Attachment(NamedTuple):
    event: Event | None  # the event the token hangs off
    role: str | None  # the preposition on the way ("to", "in", ...) or "obj", "compound"
    verb: Token | None  # the first verb met when no event was found
    holder: int | None = None  # a person on the way ("met X in Y": X)


def _attach(
    token: Token,
    predicates: dict[int, Event],
    stop_nouns: bool = True,
    person_at: dict[int, int] | None = None,
) -> _Attachment:
    """What a place or date token hangs off in the parse.

    With ``person_at``, a place attached to a person ("met X in Y") passes on
    to the person's event, and the attachment names that person.
    """
    role: str | None = None
    holder: int | None = None
    current = token
    for _ in range(10):
        dep = current.dep_
        head = current.head
        if head.i == current.i:
            return _Attachment(None, role, None, holder)
        if (
            dep == "conj"
            and current is token
            and token.tag_ == "NNP"
            and _verbal_tag(head)
            and _is_predicate(head, predicates)
        ):
            # "visited Hiroshima, ..., Port Moresby, ..., and Sydney": a list item the
            # parse conjoins to the verb itself.
            return _Attachment(predicates[head.i], role or "obj", None, holder)
        if (
            dep == "conj"
            and current is not token
            and current.tag_ in ("IN", "TO")
            and role is not None
            and _is_predicate(head, predicates)
        ):
            # "will travel on to Israel and then to Jordan and Qatar": a preposition
            # conjoined to the verb carries its places.
            return _Attachment(predicates[head.i], role, None, holder)
        if (
            dep in ("appos", "dep")
            and current.tag_ in ("NNP", "NNPS")
            and token.i > 0
            and token.doc[current.left_edge.i - 1].text in (":", ";", "–", "—")
        ):
            # "will embark on a three-country tour: Kenya, Uganda and Rwanda" (or after a
            # semicolon): the list spells out where the tour goes.
            tour = next(
                (
                    predicates[t.i]
                    for t in head.subtree
                    if t.i < current.i and t.i in predicates and predicates[t.i].nominal
                ),
                None,
            )
            if tour is not None or _is_predicate(head, predicates):
                return _Attachment(tour or predicates[head.i], "to", None, holder)
        if dep in ("conj", "appos", "cc", "punct", "dep"):
            if dep in ("appos", "dep") and person_at is not None and head.i in person_at:
                holder = holder if holder is not None else person_at[head.i]  # "Abe (Japan)"
            current = head
            continue
        if dep == "pobj" or dep == "pcomp":
            if role is None:
                role = head.lower_
            if _is_predicate(head, predicates):
                # "starting Monday" parsed as a verb with an object: the verb's own date.
                return _Attachment(predicates[head.i], role, None, holder)
            current = head
            continue
        if dep in ("prep", "agent", "dative"):
            if role is None:
                role = current.lower_
            if _is_predicate(head, predicates):
                return _Attachment(predicates[head.i], role, None, holder)
            if _verbal_tag(head):
                return _Attachment(None, role, head, holder)
            if (
                lemma(head.text) in PLACE_NOUNS | EVENT_NOUNS
                or head.i in predicates
                or lemma(head.text.lower()) in VENUE_NOUNS
                # "at the Petronas Twin Towers in Kuala Lumpur": a named venue in the city
                or role == "in"
                and head.tag_ in ("NNP", "NNPS")
                and head.dep_ == "pobj"
                and head.head.lower_ == "at"
                and head.i not in (person_at or {})
            ):
                current = head
                role = None if lemma(head.text) in PLACE_NOUNS else role
                continue
            visited = _visited_object(head, predicates) if role in ("in", "at", "on") else None
            if visited is not None:
                # "will visit a factory of a firm in North Carolina": where the visited
                # thing is, the visit is.
                return _Attachment(visited, role, None, holder)
            if (
                role in ("in", "at")
                and head.dep_ == "dobj"
                and _verbal_tag(head.head)
                and lemma(head.head.text) in _ON_SITE_VERBS
            ):
                # "will inaugurate the Consulate General in Cape Town": done there.
                return _Attachment(None, role, head.head, holder)
            if head.lower_ in ("route", "way") and role == "to":
                # "en route to X", "on his way to X": X comes after the event's place.
                role, current = "route", head
                continue
            if head.dep_ == "prep" and head.tag_ in ("IN", "TO", "RP"):
                current = head  # "on Tuesday to Nigeria": a preposition under another
                continue
            if person_at is not None and head.i in person_at and holder is None:
                # "met with X in Jerusalem and with Y in the Palestinian territories"
                holder = person_at[head.i]
                current = head
                continue
            if stop_nouns:
                return _Attachment(None, role, None, holder)
            current = head
            continue
        if dep in ("dobj", "attr", "oprd", "nsubj", "nsubjpass"):
            if _is_predicate(head, predicates):
                return _Attachment(
                    predicates[head.i], role or ("obj" if dep != "nsubj" else "subj"), None, holder
                )
            if _verbal_tag(head):
                journey = _included_by(head, predicates) if dep == "dobj" else None
                if journey is not None:
                    return _Attachment(journey, role or "to", None, holder)
                return _Attachment(None, role or "obj", head, holder)
            return _Attachment(None, role, None, holder)
        if (
            not stop_nouns
            and dep in ("compound", "nmod")
            and head.tag_ == "NNP"
            and token.tag_ == "NNP"
            and all(t.dep_ in ("compound", "nmod") for t in _chain(token, current))
        ):
            # "met on Wednesday Secretary of State X": the parse glues the day to the name.
            current = head
            continue
        if dep in ("compound", "amod", "nmod", "poss", "npadvmod", "nummod", "advmod", "tmod"):
            if _is_predicate(head, predicates):
                kind = "compound" if dep in ("compound", "amod", "nmod", "poss") else "on"
                return _Attachment(predicates[head.i], role or kind, None, holder)
            if lemma(head.text) in PLACE_NOUNS | EVENT_NOUNS:
                current = head
                continue
            if head.lower_ in _TIME_NOUNS:
                current = head  # "on Sunday noon": the day of the noun of time
                continue
            if dep in ("npadvmod", "tmod") and head.dep_ == "pobj" and _nominal_tag(head):
                current = head  # "flew aboard a transport plane Sunday": the flight's day
                continue
            if (
                dep == "poss"
                and head.tag_ == "NNP"
                and head.dep_ in ("poss", "compound")
                and head.ent_type_ != "PERSON"
            ):
                current = head  # "Nairobi's Jackson's airport": the name of a thing of the city
                continue
            if _verbal_tag(head):
                return _Attachment(None, role or "on", head, holder)
            return _Attachment(None, role, None, holder)
        if dep in ("relcl", "acl", "advcl", "xcomp", "ccomp"):
            return _Attachment(None, role, None, holder)
        current = head
    return _Attachment(None, role, None, holder)


# Verbs of things done on the spot: who does them at a place is there.
_ON_SITE_VERBS = frozenset(
    [
        "inaugurate",
        "open",
        "unveil",
        "lay",
        "launch",
        "inspect",
        "tour",
        "dedicate",
        "plant",
        "commission",
        "address",
    ]
)

_DAY_NOUNS = frozenset(["day", "morning", "afternoon", "evening", "week", "weekend"])

_TIME_NOUNS = frozenset(
    ["noon", "midday", "night", "midnight", "morning", "afternoon", "evening", "dawn", "hours"]
)


def _chain(start: Token, end: Token) -> list[Token]:
    """The tokens from ``start`` up its heads to ``end``, both included."""
    chain = [start]
    while chain[-1].i != end.i and chain[-1].head.i != chain[-1].i and len(chain) < 12:
        chain.append(chain[-1].head)
    return chain


def _inside_since(date: Token, event_token: int) -> bool:
    """Whether a date lies inside a "since ..." phrase between it and its event, other
    than its own preposition ("since the onset of the conflict on October 7")."""
    current = date.head if date.dep_ == "pobj" else date
    for _ in range(8):
        if current.i == event_token or current.head.i == current.i:
            return False
        current = current.head
        if current.dep_ == "prep" and current.lower_ == "since" and current.i != date.head.i:
            return True
    return False


def _announced(noun: Token, date: Token) -> bool:
    """A journey noun that is what a report verb announces, with the date after it
    ("announced the visit at a press conference on Thursday")."""
    return (
        noun.dep_ == "dobj"
        and lemma(noun.head.text) in REPORT_VERBS
        and date.i > noun.i
        and date.head.dep_ == "prep"
        and date.head.lower_ == "on"
    )


def _visited_object(noun: Token, predicates: dict[int, Event]) -> Event | None:
    """The visit whose object phrase holds ``noun`` ("visit a factory of a firm")."""
    current = noun
    for _ in range(4):
        if current.dep_ == "dobj" and current.head.i in predicates:
            # "visit a factory in X", "meet their counterparts in Tokyo and Seoul"
            event = predicates[current.head.i]
            people = lemma(current.text) in TITLE_WORDS or noun_lemma(current.text) in TITLE_WORDS
            # A meeting's object must be people for its place to be the meeting's: not
            # "discussed the war in Ukraine".
            wanted = event.phase == "visit" or event.kind == "meet" and people
            return event if wanted and not event.nominal else None
        if current.dep_ == "pobj" and current.head.lower_ == "of":
            current = current.head.head
            continue
        if (
            current.dep_ == "pobj"
            and current.head.lower_ == "with"
            and current.head.head.i in predicates
            and predicates[current.head.head.i].kind == "meet"
            and noun_lemma(current.text) in TITLE_WORDS | {"leader", "leaders", "official"}
        ):
            # "will meet with government leaders in Phnom Penh": where the meeting is
            return predicates[current.head.head.i]
        return None
    return None


def _included_by(verb: Token, predicates: dict[int, Event]) -> Event | None:
    """ "a trip that also included Poland", "the tour will include Oman": the journey
    whose places the verb lists."""
    if lemma(verb.text) not in INCLUDE_VERBS:
        return None
    subject, _ = _subject_token(verb)
    if subject is None:
        return None
    if _PRONOUNS.get(subject.lower_) == "rel" and verb.dep_ == "relcl":
        subject = verb.head
    if subject.i in predicates and predicates[subject.i].kind == "travel":
        return predicates[subject.i]
    return None


# --- the analysis --------------------------------------------------------------------------


def _duration(token: Token, ann: Annotations) -> int | None:
    for child in token.subtree:
        mention = ann.date_at.get(child.i)
        if mention is not None and mention.kind == "duration" and child.i <= token.i:
            return mention.days
    return None


def _comes_amid(verb: Token) -> bool:
    """ "The trip comes as ...", "the visit comes amid ...", "comes at a time when":
    a journey noun as the subject of "come" with no place."""
    return (
        lemma(verb.text) == "come"
        and any(c.dep_ == "nsubj" and noun_lemma(c.text) in TRAVEL_NOUNS for c in verb.children)
        and not any(
            c.dep_ in ("advmod", "prt") and c.lower_ in ("back", "home") for c in verb.children
        )
        and not any(c.dep_ == "prep" and c.lower_ in ("to", "from", "into") for c in verb.children)
    )


_ORDINAL_DAYS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def _day_of_the_visit(event: Event, token: Token, ann: Annotations) -> None:
    """ "on Thursday, the second day of a three-day visit to Japan": the visit began the
    day before that Thursday (its last day is ``days`` on from there)."""
    of = token.head
    day = of.head
    if of.lower_ != "of" or day.lower_ != "day" or event.days is None:
        return
    ordinal = next((c.lower_ for c in day.children if c.dep_ == "amod"), "")
    number = _ORDINAL_DAYS.get(ordinal) or (event.days if ordinal in ("last", "final") else None)
    if number is None or number > event.days:
        return
    mention = ann.date_at.get(day.head.i) if day.dep_ == "appos" else None
    if mention is None:
        sentence = ann.sentence_of[token.i]
        days = {
            id(m): m
            for i, m in ann.date_at.items()
            if ann.sentence_of[i] == sentence and m.kind == "day" and m.first
        }
        mention = next(iter(days.values())) if len(days) == 1 else None
    if mention is None or mention.kind != "day" or mention.first is None:
        return
    first = mention.first - timedelta(days=number - 1)
    begun = DateMention(mention.start, mention.end, mention.text, "day", first, first)
    event.dates.append(DateRole(begun, "on"))


def _verb_phase(token: Token) -> str | None:
    low = lemma(token.text)
    if low == "be":
        return None
    children = list(token.children)
    if (
        low == "expect"
        and token.tag_ == "VBN"
        and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in children)
        and not any(c.dep_ in ("xcomp", "ccomp") for c in children)
    ):
        return "arrive"  # "is expected in Buenos Aires on Saturday": due to arrive there
    phase = TRAVEL_VERBS.get(low)
    if phase is None:
        return None
    particles = {c.lower_ for c in children if c.dep_ in ("prt", "advmod") or not list(c.children)}
    if low == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in children):
        return None  # "the visit, which took place from May 2 to 4": when, not a journey
    if low in ("bring", "take", "drop") and not (
        any(c.dep_ == "dobj" for c in children)
        and any(c.dep_ == "prep" and c.lower_ in ("to", "with", "in", "into") for c in children)
    ):
        return None  # "took office", "took part": only "took him to X" is travel
    if low == "flank" and not (token.tag_ == "VBN" and any(c.dep_ == "agent" for c in children)):
        return None  # only "flanked by Y": Y is at his side
    if low == "touch" and "down" not in particles:
        return None
    if low == "stop" and any(c.dep_ == "dobj" for c in children):
        return None  # "ways to stop the crimes": a halt; a stop on a journey has no object
    if low == "come" and any(
        c.dep_ == "prep" and any(g.lower_ in ("office", "power") for g in c.children)
        for c in children
    ):
        return None  # "came in office", "came to power": no journey
    if low == "come" and _comes_amid(token):
        return None  # "the trip comes as ...", "the visit comes amid criticism": a comment
    if low == "lead" and not any(c.dep_ in ("dobj", "nsubjpass") for c in children):
        return None  # "led a delegation to X"; not "has led to tensions"
    if (
        low == "wrap"
        and "up" not in particles
        and not any(c.dep_ == "dobj" and noun_lemma(c.text) in TRAVEL_NOUNS for c in children)
    ):
        return None  # "wrapped up the visit", "wrapping his tour": an end
    if low == "wind" and "up" not in particles:
        return None  # "wound up a visit"; not "the wind" or a wound
    if low == "kick" and "off" not in particles:
        return None
    if low == "set" and "off" not in particles and "out" not in particles:
        return None
    if (
        low == "move"
        and "on" not in particles
        and not any(c.dep_ == "prep" and c.lower_ == "to" for c in children)
    ):
        return None  # "will move on to X", "will move to Pokhara"; not "moved quickly"
    if low == "head" and not token.tag_.startswith("VB"):
        return None
    if low == "go" and token.tag_ == "VBG" and _going_to(token):
        return None  # "was going to stay": a future, not a journey of its own
    if low in ("open", "close", "end", "begin", "start", "complete", "finish", "conclude"):
        if any(c.dep_ == "dobj" and noun_lemma(c.text) in MEETING_NOUNS for c in children):
            return None  # "Merkel and Trump begin key talks": a meeting, no journey of its own
        return phase
    if low == "come" and "back" in particles:
        return "return"
    if low in ("come", "draw") and any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(g.dep_ == "pobj" and g.lower_ in ("end", "close", "conclusion") for g in c.children)
        for c in children
    ):
        return "end"  # "the visit came to an end on Sunday", "drew to a close"
    if low in ("go", "fly", "head") and "back" in particles or "home" in particles:
        return "return" if low != "leave" else phase
    return phase


def analyse(ann: Annotations, sentences: tuple[Sentence, ...]) -> list[Event]:
    """Events of every sentence, in text order.

    >>> from trips.extraction.article import analyse_text
    >>> [(e.phase, [p.mention.text for p in e.places], e.tense)
    ...  for e in analyse_text("Premier Ana Cruz will travel to Oslo.") if e.kind == "travel"]
    [('go', ['Oslo'], 'future')]
    """
    doc = ann.doc
    resolver = _Resolver(ann)
    resolver.sentences = sentences
    first_official = next(
        (
            i
            for i, p in sorted(
                ((i, p) for i, p in enumerate(ann.people) if p.official and p.mentions),
                key=lambda item: item[1].mentions[0][0],
            )
        ),
        None,
    )
    resolver.focus = [first_official] if first_official is not None else []

    predicates: dict[int, Event] = {}
    visiting_guests: dict[int, list[Token]] = {}
    visiting_words: dict[int, int] = {}  # the adjective "visiting" -> its host verb
    for token in ann.tokens:
        if token.i in ann.person_at or token.i in ann.place_at:
            continue
        if (
            token.lower_ == "visiting"
            and token.tag_ == "VBG"
            # "before visiting President X": a verb; "talks with visiting President X": not
            and not (
                token.dep_ == "pcomp"
                and token.head.lower_ in ("before", "after", "while", "since", "upon", "by")
            )
            and any(
                c.dep_ == "dobj" and (c.i in ann.person_at or lemma(c.text) in TITLE_WORDS)
                for c in token.children
            )
            and not any(c.dep_ == "dobj" and c.i in ann.place_at for c in token.children)
            and not _visiting_guests(token, ann)
        ):
            # "Xi visiting US Secretary of State X", "A and visiting Minister for Foreign
            # Affairs of Japan, X, held talks": the guest's adjective
            continue
        guests = _visiting_guests(token, ann)
        if guests:
            # "received visiting Foreign Minister X": the parse makes "visiting" a verb
            # with X its object; it is the guest's adjective.
            host = _visiting_host(token)
            visiting_guests[host.i] = guests
            visiting_words[token.i] = host.i
            continue
        low = lemma(token.text)
        sentence = ann.sentence_of[token.i]
        if sentence in ann.captions:
            continue  # a caption names who is in the picture; the story tells what happened
        is_verb = _verbal_tag(token) and token.dep_ not in ("aux", "auxpass")
        is_noun = _nominal_tag(token)
        event: Event | None = None
        if (
            (is_verb or token.tag_ == "JJ")
            and any(
                c.dep_ in ("advmod", "prt") and c.lower_ in ("back", "home") for c in token.children
            )
            and low in ("expect", "due", "be", "schedule", "set", "get")
        ):
            # "is expected back in Lima on Friday", "will be back home on Sunday"
            event = Event("travel", "return", token.i, sentence)
            event.home = True
        elif (
            token.lower_ == "due"
            and token.tag_ == "JJ"
            and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in token.children)
            and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
        ):
            event = Event("travel", "arrive", token.i, sentence)  # "is due in Lima next week"
            event.hints.add("due")
        elif is_verb:
            phase = _verb_phase(token)
            if phase is not None:
                event = Event("travel", phase, token.i, sentence)
            elif (
                low in HOST_VERBS | MEETING_VERBS and token.lower_ not in ("according",)
            ) or TRAVEL_VERBS.get(low) == "begin":
                # ("begin" here is "they began the summit": a meeting, see _verb_phase)
                event = Event("meet", "meet", token.i, sentence)
                together = (
                    low == "host"
                    and any(
                        c.dep_ == "dobj"
                        and noun_lemma(c.text) in MEETING_NOUNS | EVENT_NOUNS
                        and any(p.dep_ == "prep" and p.lower_ == "with" for p in c.children)
                        for c in token.children
                    )
                    or any(
                        c.lower_ in ("jointly", "together") and c.dep_ in ("advmod", "prep")
                        for c in token.subtree
                        if c.head.i == token.i or c.head.head.i == token.i
                    )
                )  # "hosting a press conference with her counterpart", "will host the
                # summit jointly with X": both at it, neither the other's guest
                seen_off = low == "see" and any(
                    c.lower_ == "off" and c.dep_ in ("prt", "advmod", "prep")
                    for c in token.children
                )
                if low == "see" and any(
                    c.lower_ == "as" and c.dep_ == "prep" for c in token.children
                ):
                    event = None  # "a visit seen as a test of ...": no one was seen
                elif not together and (
                    low in ("receive", "welcome", "greet", "host", "accord")
                    or seen_off
                    and token.tag_ == "VBN"  # "was seen off by X"
                ):
                    event.phase = "host"
                if event is not None and seen_off:
                    event.hints.add("farewell")  # where one is seen off is left last
            elif low == "be":
                event = Event("travel", "presence", token.i, sentence)
        elif (
            token.lower_ == "on"
            and token.dep_ == "conj"
            and any(c.lower_ == "then" for c in token.children)
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
        ):
            event = Event("travel", "go", token.i, sentence)  # "..., and then on to X"
        elif is_noun and token.i not in ann.date_at:
            low = noun_lemma(token.text)
            if low in TRAVEL_NOUNS:
                event = Event("travel", "visit", token.i, sentence, nominal=True)
                event.plural = token.tag_ in ("NNS", "NNPS")
                if low == "return":
                    event.phase = "return"
                elif low == "arrival":
                    event.phase = "arrive"
                elif low == "departure":
                    event.phase = "leave"
            elif low in MEETING_NOUNS:
                event = Event("meet", "meet", token.i, sentence, nominal=True)
        if event is not None:
            event.text = token.text
            predicates[token.i] = event

    # Subjects in text order, so that pronouns find the subject before them.
    for token in ann.tokens:
        if ann.sentence_of[token.i] in ann.captions:
            continue
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and _PRONOUNS.get(token.lower_) == "rel"
            and token.head.dep_ == "relcl"
            and token.head.head.i in ann.person_at
            and token.head.head.dep_ in ("ROOT", "nsubj", "nsubjpass")
        ):
            # "Mahama, who is on a state visit, jetted in ...": the person the clause
            # describes is the sentence's subject, however the parse hangs the verb.
            resolver.note_subject(token.head.head, [ann.person_at[token.head.head.i]])
            continue
        if token.dep_ not in ("nsubj", "nsubjpass") or _PRONOUNS.get(token.lower_) == "rel":
            continue  # a relative pronoun stands for a noun of its sentence, not the topic
        persons = resolver.resolve(token)
        if persons and all(_STAFF_TITLE.search(ann.people[p].title) for p in persons):
            continue  # "..., the spokesman said": the "he" of what he says is his principal
        persons = resolver.resolve(token)
        if not persons and token.i in predicates:
            # "Moon's tour will end in X": the owner of the journey is the topic.
            persons = [p for c in token.children if c.dep_ == "poss" for p in resolver.resolve(c)]
        resolver.note_subject(token, persons)

    # Places attach to the predicate above them; "in X" on any other verb whose
    # subject is a person is presence there ("spoke to reporters in Lima").
    for i, place in ann.place_at.items():
        if ann.heads.get(i) != i or place.demonym:
            continue  # "Latin American countries": an adjective, not a place visited
        event, role, verb, holder = _attach(doc[i], predicates, person_at=ann.person_at)
        role = _PLACE_ROLES.get(role or "", role)
        if event is None:
            event = _carried_by(verb, predicates, visiting_words)
        if event is None and verb is not None and lemma(verb.text) == "follow" and role == "by":
            # "started his tour with Saudi Arabia, followed by Qatar": the next stop.
            event = next((predicates[a.i] for a in verb.ancestors if a.i in predicates), None)
            role = "to"
        if event is None and verb is not None and lemma(verb.text) not in REPORT_VERBS:
            # "En route to X, the minister plans to stop in Y": what is planned.
            inner = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i in predicates]
            if inner:
                event = predicates[inner[0].i]
        if event is None and verb is not None and role == "in":
            event = _presence_on(verb, predicates, resolver, ann)
        if event is None and verb is not None and role in ("in", "to", "before", "after", "from"):
            # "Before Kazakhstan, he made a visit to X": the visit the verb carries.
            event = _nearest_journey_noun(verb, i, predicates)
        if event is None or role in (None, "subj"):
            continue
        if holder is not None and role in ("of", "from", "to"):
            continue  # "President X of Nigeria": a place in a person's title, not the event's
        if role in ("outside", "near") and event.phase in ("arrive", "presence"):
            role = "in"  # "landed at Andrews Air Force Base outside Washington"
        event.places.append(PlaceRole(place, role, i, holder))
    seen_dates: set[int] = set()
    clause_dates: dict[int, list[DateRole]] = {}  # dates of verbs that are not events
    for _, mention in sorted(ann.date_at.items()):
        if id(mention) in seen_dates:
            continue
        seen_dates.add(id(mention))
        tokens = [j for j, m in ann.date_at.items() if m is mention]
        head = _head_of(doc, sorted(tokens))
        event, role, verb, _ = _attach(doc[head], predicates, stop_nouns=False)
        if event is None:
            event = _carried_by(verb, predicates, visiting_words)
        copula = verb if event is None else doc[event.token]
        if copula is not None and lemma(copula.text) == "be":
            # "is due in Lima on Monday": the day the copula carries is the arrival's
            event = next(
                (
                    predicates[c.i]
                    for c in copula.children
                    if c.dep_ == "acomp" and c.i in predicates and "due" in predicates[c.i].hints
                ),
                event,
            )
        if event is None and verb is not None:
            # "On Saturday, he expects to be in Senegal": the date of what is expected.
            inner = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i in predicates]
            if inner and lemma(verb.text) not in REPORT_VERBS:
                event = predicates[inner[0].i]
        if event is None and verb is not None and verb.dep_ == "acl" and verb.head.i in predicates:
            event = predicates[verb.head.i]  # "a visit slated from Friday"
        if (
            event is None
            and verb is not None
            and verb.dep_ == "relcl"
            and verb.head.i in predicates
            and predicates[verb.head.i].nominal
            and (
                lemma(verb.text) in ("happen", "occur", "last", "run")
                or any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
            )
        ):
            event = predicates[verb.head.i]  # "his visit, which took place from May 2 to 4"
        if event is None and verb is not None and mention.kind in ("vague", "day", "range"):
            # "... followed the trips by A to X earlier this month": the date of the
            # journey named next to it, under a verb that is not one of travel.
            event = _nearest_journey_noun(verb, head, predicates)
        if (
            event is None
            and verb is not None
            and mention.kind == "range"
            and lemma(verb.text) in REPORT_VERBS
        ):
            # "confirmed Lula's trip to Buenos Aires on January 23 and 24": no one
            # confirms over two days; the span is the journey's the verb reports.
            event = next(
                (
                    predicates[c.i]
                    for c in verb.children
                    if c.dep_ == "dobj" and c.i in predicates and predicates[c.i].nominal
                ),
                None,
            )
        first_word = mention.text.split()[0].lower() if mention.text.split() else ""
        role = _DATE_ROLES.get(role or "") or _DATE_ROLES.get(first_word, "on")
        if event is None:
            if verb is not None and lemma(verb.text) not in REPORT_VERBS:
                clause_dates.setdefault(verb.i, []).append(DateRole(mention, role))
            continue
        if mention.kind != "range" and _announced(doc[event.token], doc[head]):
            # "announced the visit on Thursday": the day of the announcement; but
            # "confirmed the trip on January 23 and 24": a span is the trip's
            continue
        if _inside_since(doc[head], event.token):
            continue  # "his fifth tour since the onset of the war on October 7": a mark
        event.dates.append(DateRole(mention, role))

    _events_attended(doc, predicates)
    _shared_dates(doc, predicates, clause_dates)
    _then_on_to(doc, predicates)
    _on_the_way_back(doc, predicates)
    _when_clauses(doc, predicates)
    _same_countries(doc, predicates, ann)
    _before_after(doc, predicates, ann)
    _where_clauses(doc, predicates, ann)
    _the_city(doc, predicates, ann)
    followers = _stop_is_place(doc, predicates, ann)
    _complete_leg_lists(doc, predicates, ann)

    # "since 2019, when he visited X": a clause about a date takes that date.
    for token_index, event in predicates.items():
        token = doc[token_index]
        if token.dep_ in ("relcl", "advcl", "acl") and token.head.i in ann.date_at:
            mention = ann.date_at[token.head.i]
            if all(d.mention is not mention for d in event.dates):
                event.dates.append(DateRole(mention, "on"))

    events: list[Event] = []
    for token_index in sorted(predicates):
        event = predicates[token_index]
        token = doc[token_index]
        if (
            event.phase == "presence"
            and not any(p.role == "in" for p in event.places)
            and not any(c.lower_ == "here" and c.dep_ == "advmod" for c in token.children)
        ):
            continue  # a copula without a place of its own ("will be here": the dateline's)
        if event.kind == "meet":
            _meeting(event, token, resolver, predicates, ann)
        elif event.nominal:
            _nominal(event, token, resolver, predicates, ann)
            _gapped_travellers(event, token, resolver, ann)
        else:
            _verbal(event, token, resolver, ann)
        event.mood = _mood(token) if event.mood == "real" else event.mood
        if (
            event.kind == "meet"
            and _remote(list(token.subtree))
            or event.nominal
            and _remote([*token.children, token.head])
        ):
            event.mood = "remote"
        if event.nominal:
            event.days = _duration(token, ann)
            if event.days and not any(d.mention.kind in ("day", "range") for d in event.dates):
                _day_of_the_visit(event, token, ann)
        events.append(event)
    for host, guests in visiting_guests.items():
        event = predicates.get(host)
        if event is not None and event.kind == "meet":
            if event.phase == "meet" and doc[host].lower_ != "visiting":
                event.phase = "host"  # "met with visiting X": X is the guest
            for guest in guests:
                for p in resolver.resolve(guest):
                    if p not in event.objects and p not in event.subjects:
                        event.objects.append(p)
            # What the parse hung off "visiting" (its place and day) is the welcome's.
            for other in [e for e in events if visiting_words.get(e.token) == host]:
                event.places.extend(r for r in other.places if r not in event.places)
                event.dates.extend(d for d in other.dates if d not in event.dates)
                events.remove(other)
    events.extend(_delegations(ann, resolver, predicates, clause_dates))
    _continued_lists(events, ann)
    for event in events:
        if event.kind == "travel" and not event.places:
            _event_of_person(event, doc[event.token], ann)
        if event.kind == "travel" and not event.places and event.phase == "visit":
            _visited_people(event, doc[event.token], ann)
    for stop, following in followers:
        if not following.subjects:
            following.subjects = list(stop.subjects)
    _inherit_subjects(events, predicates, doc)
    for event in events:
        event.parent = _parent(doc[event.token], predicates)
        token = doc[event.token]
        if event.nominal and token.dep_ == "appos":
            # "his trip to Russia and Ukraine, the highest level trip of ...": one trip,
            # however the parse hangs the apposition.
            named = next((predicates[a.i] for a in token.ancestors if a.i in predicates), None)
            if named is not None and named.kind == event.kind:
                event.hints |= named.hints
                event.same_as = named.token
    for event in events:
        parent = predicates.get(event.parent) if event.parent is not None else None
        if parent is None:
            continue
        token = doc[event.token]
        if event.nominal and not event.places and event.hints & {"first", "last"}:
            # "arrived in the UAE for the last leg of his tour": the arrival's place is last.
            parent.hints |= event.hints & {"first", "last"}
        if token.dep_ == "pcomp" and token.head.lower_ in ("after", "before"):
            # "After leaving Brussels, he arrived in Riyadh": Brussels came first.
            for role in event.places:
                if role.role in ("to", "in", "obj"):
                    parent.places.append(PlaceRole(role.mention, token.head.lower_, role.token))
        elif (attending := _attended_there(token, predicates)) is not None:
            # "after attending the Summit that concluded in Kathmandu": where the summit
            # was is where the one attending it went.
            attending.places.extend(
                PlaceRole(r.mention, "in", r.token) for r in event.places if r.role == "in"
            )
            event.places = [r for r in event.places if r.role != "in"]
        elif _came_from(event, token, parent):
            # "arrived in Colombo following a visit to Moscow": the visit was the leg
            # before this arrival, not a journey of its own.
            moved = [r for r in event.places if r.role in ("to", "in", "obj", "from")]
            parent.places.extend(PlaceRole(r.mention, "after", r.token) for r in moved)
            event.places = [r for r in event.places if r not in moved]
            event.hints.discard("earlier")
    for event in events:
        parent = predicates.get(event.parent) if event.parent is not None else None
        if event.kind == "meet" and event.nominal and parent is not None and parent.phase == "host":
            # "will welcome Erdoğan with an official ceremony in Abu Dhabi": the
            # ceremony is the welcome, with its host and guest.
            event.phase, event.passive = "host", parent.passive
            event.subjects, event.objects = list(parent.subjects), list(parent.objects)
            event.dates = event.dates or list(parent.dates)
        token = doc[event.token]
        parent = predicates.get(event.parent) if event.parent is not None else None
        if (
            parent is not None
            and not event.dates
            and token.tag_ == "VBG"
            and token.dep_ in ("advcl", "conj", "xcomp", "acl")
            # "left Riyadh on Monday, heading to X": the day of leaving, not of arriving
            and not (parent.phase == "leave" and event.phase in ("go", "arrive"))
        ):
            # "... when he visited X, travelling also to Y": the same time as X.
            event.dates = [d for d in parent.dates if d.mention.kind in ("vague", "day")]
    _negated_between(doc, events)
    _meetings_between(doc, events, predicates, resolver, ann)
    _purposes_are_topics(doc, events)
    return events


# Verbs of a subject talked over: their place, in a clause of purpose, is the topic's.
_TOPIC_VERBS = frozenset(["discuss", "review", "address", "explore", "examine", "tackle"])


# States of affairs talked over: a place right after one is where it happens.
_TOPIC_NOUNS = frozenset(
    [
        "situation",
        "crisis",
        "war",
        "conflict",
        "development",
        "tension",
        "fighting",
        "violence",
        "escalation",
        "unrest",
        "event",
        "humanitarian",
        "security",
    ]
)


def _purposes_are_topics(doc: Doc, events: list[Event]) -> None:
    """ "met Monday to discuss the civil strife in neighbouring South Sudan": a clause of
    purpose says what the meeting was about, and its place is where that happens, not
    where the meeting is; the meeting's own place hangs off its main verb."""
    for event in events:
        token = doc[event.token]
        if (
            event.kind == "meet"
            and token.tag_ == "VB"
            and token.dep_ in ("advcl", "xcomp", "acl")
            and lemma(token.text) in _TOPIC_VERBS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        ):
            event.places = [r for r in event.places if r.role not in ("in", "at")]
        elif event.kind == "meet" and lemma(token.text) in _TOPIC_VERBS:
            # "discussed the situation in Gaza": a place right after a state of affairs
            # talked over is where that happens, whatever the parse hangs it off.
            ends = {
                c.right_edge.i + 1
                for c in token.children
                if c.dep_ == "dobj" and lemma(c.text.lower()) in _TOPIC_NOUNS
            }
            if ends:
                event.places = [
                    r
                    for r in event.places
                    if not (r.role in ("in", "at") and doc[r.token].head.i in ends)
                    and not (r.role in ("in", "at") and r.token - 1 in ends)
                ]


def _parent(token: Token, predicates: dict[int, Event]) -> int | None:
    """The event a predicate hangs off ("head to X to make a visit": the visit's is "head")."""
    head = token
    for _ in range(4):
        if head.head.i == head.i:
            return None
        head = head.head
        if head.i in predicates:
            return head.i
    return None


_HONORIFICS = frozenset(["Dr", "Mr", "Mrs", "Ms", "Madam", "H.E", "HE", "Prof", "Dato", "Datuk"])


def _carried_by(
    verb: Token | None, predicates: dict[int, Event], visiting_words: dict[int, int]
) -> Event | None:
    """The event a place or a date hung off a verb of no event of its own belongs to:
    the meeting of "talks with visiting X in Y" (or "on Monday"), the meeting that "took
    place ... in Kabul" or "was held on Monday"."""
    if verb is None:
        return None
    if verb.i in visiting_words:
        event = predicates.get(visiting_words[verb.i])
        if event is not None:
            return event
    return _held_meeting(verb, predicates)


def _held_meeting(verb: Token, predicates: dict[int, Event]) -> Event | None:
    """The meeting a verb says took place or was held: "A meeting took place between X
    and Y at the Presidential Palace in Kabul", "The talks were held on Monday"."""
    low = lemma(verb.text)
    held = low == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    held = held or low == "hold" and any(c.dep_ == "auxpass" for c in verb.children)
    if not held:
        return None
    for child in verb.children:
        event = predicates.get(child.i)
        if child.dep_ in ("nsubj", "nsubjpass") and event is not None and event.kind == "meet":
            return event
    return None


def _meetings_between(
    doc: Doc,
    events: list[Event],
    predicates: dict[int, Event],
    resolver: _Resolver,
    ann: Annotations,
) -> None:
    """ "A one-on-one meeting took place between FM X and the Afghan president at the
    Presidential Palace in Kabul": who met, named after "between", and where, however
    the parse hangs the place (off the last name)."""
    for event in events:
        token = doc[event.token]
        if event.kind != "meet" or not event.nominal or event.subjects:
            continue
        verb = token.head if token.dep_ in ("nsubj", "nsubjpass") else None
        if verb is None or _held_meeting(verb, predicates) is not event:
            continue
        found: list[int] = []
        places: list[PlaceRole] = []
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for item in [obj, *obj.conjuncts]:
                    found += [p for p in resolver.resolve(item) if p not in found]
            for inner in prep.subtree:
                mention = ann.place_at.get(inner.i)
                if (
                    mention is not None
                    and ann.heads.get(inner.i) == inner.i
                    and inner.head.lower_ in ("in", "at")
                    and not mention.demonym
                ):
                    places.append(PlaceRole(mention, inner.head.lower_, inner.i))
        if len(found) >= 2:
            event.subjects = found
            event.places.extend(r for r in places if r not in event.places)


def _visiting_host(token: Token) -> Token | None:
    """The verb or noun of meeting whose guests a "visiting" qualifies: "received
    visiting Minister X", "met with visiting X", "held talks with visiting X"."""
    if token.lower_ != "visiting" or token.tag_ != "VBG" or token.i == token.head.i:
        return None
    head = token.head
    if token.dep_ == "pcomp" and head.lower_ == "with" and head.head.i != head.i:
        head = head.head  # "met with visiting X": the parse makes "visiting" the object
        if noun_lemma(head.text) in MEETING_NOUNS or lemma(head.text) in MEETING_VERBS:
            return head
        return None
    return head if lemma(head.text) in HOST_VERBS | MEETING_VERBS else None


def _visiting_guests(token: Token, ann: Annotations) -> list[Token]:
    """The people a host's "visiting" qualifies ("received visiting Minister X")."""
    if _visiting_host(token) is None:
        return []
    return [c for c in token.children if c.dep_ == "dobj" and c.i in ann.person_at]


def _antecedent(pronoun: Token, predicates: dict[int, Event]) -> Token | None:
    """What "which" stands for: the head of its relative clause, or, where the
    parser hung the clause elsewhere, the nearest event noun before it in the
    sentence ("... his trip this weekend, which will include visits to X")."""
    clause = pronoun.head
    if clause.dep_ == "relcl" and clause.head.i in predicates:
        return clause.head
    for index in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        candidate = pronoun.doc[index]
        if index in predicates and predicates[index].nominal:
            return candidate
    return None


def _inherit_subjects(events: list[Event], predicates: dict[int, Event], doc: Doc) -> None:
    """Events with no subject of their own take that of the event they hang off.

    "Moon's trip will begin with a visit to X": "begin" has the trip for its
    subject, the trip has Moon; the visit hangs off "begin".
    """
    for _ in range(3):
        changed = False
        for event in events:
            if event.subjects:
                continue
            token = doc[event.token]
            source: Event | None = None
            subject, _ = _subject_token(token) if not event.nominal else (None, False)
            if event.nominal and token.dep_ == "dobj":
                # "Kono's tour will also include visits to X": the tour's traveller;
                # "a trip which will include visits to X": the trip's.
                subject, _ = _subject_token(token.head)
                if subject is not None and _PRONOUNS.get(subject.lower_) == "rel":
                    subject = _antecedent(subject, predicates)
            if subject is not None and subject.i in predicates:
                source = predicates[subject.i]
            else:
                head = token.head
                for _ in range(5):
                    if head.i in predicates and head.i != token.i:
                        source = predicates[head.i]
                        break
                    participle = head.tag_ in ("VBG", "VBN") and head.dep_ in (
                        "advcl",
                        "xcomp",
                        "acl",
                        "conj",
                    )
                    if head.head.i == head.i or (
                        head.tag_.startswith("VB") and head.i not in predicates and not participle
                    ):
                        break
                    head = head.head
            if source is not None and source.subjects and source is not event:
                event.subjects = list(source.subjects)
                changed = True
        if not changed:
            break


def _events_attended(doc: Doc, predicates: dict[int, Event]) -> None:
    """ "will attend the summit in Jakarta", "arriving for the summit in Johannesburg":
    the place of the event attended is the traveller's."""
    for token_index, event in predicates.items():
        if event.kind != "travel" or event.places:
            continue
        for child in doc[token_index].children:
            targets = (
                [child]
                if child.dep_ == "dobj"
                else [g for g in child.children if g.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ in ("for", "at", "to")
                else []
            )
            for target in targets:
                attended = predicates.get(target.i)
                if attended is not None and attended.kind == "meet":
                    event.places.extend(r for r in attended.places if r.role == "in")
        token = doc[token_index]
        if (
            not event.places
            and lemma(token.text) == "attend"
            and not any(c.dep_ in ("dobj", "xcomp") for c in token.children)
        ):
            # "X is skipping the summit in Jakarta - Y is attending in his stead": the
            # gathering just named (the dash may have cut the sentence).
            named = [
                e
                for i, e in predicates.items()
                if i < token_index
                and e.kind == "meet"
                and e.nominal
                and event.sentence - 1 <= e.sentence <= event.sentence
                and any(r.role == "in" for r in e.places)
            ]
            if named:
                event.places.extend(r for r in named[-1].places if r.role == "in")


def _when_clauses(doc: Doc, predicates: dict[int, Event]) -> None:
    """ "a tour that began Friday when he landed in Kenya": an undated arrival in a clause
    of "when" happens on the day of the event it is hung off."""
    for token_index, event in predicates.items():
        token = doc[token_index]
        if (
            event.dates
            or event.kind != "travel"
            or event.phase not in ("arrive", "visit", "go", "leave")
            or token.dep_ not in ("advcl", "relcl")
            or not any(c.lower_ == "when" and c.dep_ == "advmod" for c in token.children)
        ):
            continue
        head = predicates.get(token.head.i)
        if head is not None:
            event.dates = [d for d in head.dates if d.mention.kind == "day"]
            if head.phase == "begin" and event.phase == "arrive":
                event.hints.add("first")  # the landing that began the tour: its first stop


def _shared_dates(
    doc: Doc, predicates: dict[int, Event], clause_dates: dict[int, list[DateRole]]
) -> None:
    """Dates shared along a clause: "will hold a meeting with X and attend a state dinner
    on Wednesday" (coordinated predicates), "will deliver a speech on Thursday before
    attending the summit" (a clause hung off a dated verb), "will meet X for talks".

    Only events with no date of their own take one, and only days and ranges.
    """
    for _ in range(2):
        for token_index, event in sorted(predicates.items()):
            if event.dates or event.kind != "meet":
                continue  # travel events keep the dates their own clause gives
            token = doc[token_index]
            if token.dep_ == "relcl":
                continue  # "a visit, during which he will meet X": not the arrival's day
            sources: list[Token] = []
            if token.dep_ == "conj":
                sources.append(token.head)
            sources.extend(c for c in token.children if c.dep_ == "conj")
            head = token.head
            for _ in range(5):
                if head.i == token.i:
                    break
                if _verbal_tag(head):
                    sources.append(head)
                    if head.dep_ not in ("pcomp", "xcomp", "advcl", "conj"):
                        break
                if head.i == head.head.i:
                    break
                head = head.head
            for source in sources:
                dates = (
                    predicates[source.i].dates
                    if source.i in predicates
                    else clause_dates.get(source.i, [])
                )
                usable = [d for d in dates if d.mention.kind in ("day", "range")]
                if usable:
                    event.dates = list(usable)
                    break


def _on_the_way_back(doc: Doc, predicates: dict[int, Event]) -> None:
    """ "stopped in Dubai on his way home", "the trip included a stop in Dubai on the way
    back": that stop comes after the journey's others."""
    for token_index, event in predicates.items():
        if event.kind != "travel" or event.phase in ("return", "leave"):
            continue
        token = doc[token_index]
        carriers = [token] + ([token.head] if event.nominal and token.head.i != token.i else [])
        for carrier in carriers:
            for prep in carrier.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("on", "en"):
                    continue
                for way in prep.children:
                    if way.lower_ in ("way", "route") and any(
                        c.lower_ in ("back", "home") for c in way.children
                    ):
                        event.hints |= {"last", "homeward"}


def _then_on_to(doc: Doc, predicates: dict[int, Event]) -> None:
    """ "will be in X on Sunday to meet Y, and then on to Z": the verbless leg takes the
    day of the clause it is coordinated with."""
    for token_index, event in predicates.items():
        token = doc[token_index]
        if token.lower_ != "on" or event.kind != "travel" or event.dates:
            continue
        head = token.head
        for _ in range(4):
            source = predicates.get(head.i)
            if source is not None and source.dates:
                event.dates = [d for d in source.dates if d.mention.kind in ("day", "range")]
                break
            if head.i == head.head.i:
                break
            head = head.head


_COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _same_countries(doc: Doc, predicates: dict[int, Event], ann: Annotations) -> None:
    """ "a trip to the same two countries", "visited all three nations": the countries
    the text named last for a journey."""
    for token in ann.tokens:
        if noun_lemma(token.text) not in ("country", "nation", "state", "capital"):
            continue
        words = {c.lower_ for c in token.children}
        count = next((_COUNT_WORDS[w] for w in words if w in _COUNT_WORDS), None)
        if count is None or not words & {"the", "same", "both", "these", "those", "all"}:
            continue
        event, role, _verb, _holder = _attach(token, predicates)
        if event is None or event.kind != "travel":
            continue
        named: list[PlaceRole] = []
        for other in sorted(predicates.values(), key=lambda e: -e.token):
            if other.token >= token.i or other.kind != "travel":
                continue
            for place_role in other.places:
                if place_role.mention.place.country not in {r.mention.place.country for r in named}:
                    named.append(place_role)
            if len(named) >= count:
                break
        for place_role in sorted(named[:count], key=lambda r: r.token):
            event.places.append(
                PlaceRole(place_role.mention, _PLACE_ROLES.get(role or "", "to"), token.i)
            )


def _before_after(doc: Doc, predicates: dict[int, Event], ann: Annotations) -> None:
    """ "Before Kazakhstan, the president made a visit to Uzbekistan": a place right
    after "before" or "after" orders the journey of its sentence, however it is parsed."""
    attached = {r.token for e in predicates.values() for r in e.places}
    for i, place in ann.place_at.items():
        if ann.heads.get(i) != i or i in attached or place.demonym:
            continue
        first = min(j for j, m in ann.place_at.items() if m is place)
        if first == 0 or doc[first - 1].lower_ not in ("before", "after"):
            continue
        if doc[i].dep_ in ("nsubj", "nsubjpass") and doc[first - 1].dep_ == "mark":
            continue  # "comes after Australia offered ...": a clause, not a place in order
        sentence = ann.sentence_of[i]
        events = [
            e
            for e in predicates.values()
            if e.kind == "travel" and ann.sentence_of[e.token] == sentence and e.places
        ]
        if events:
            events[0].places.append(PlaceRole(place, doc[first - 1].lower_, i))


def _where_clauses(doc: Doc, predicates: dict[int, Event], ann: Annotations) -> None:
    """ "he left Kazakhstan, where he made a three-day state visit": the events of a
    relative clause opened by "where" happen at the place it describes."""
    for token in ann.tokens:
        if token.dep_ != "relcl" or not any(c.lower_ == "where" for c in token.children):
            continue
        described = token.head
        if described.i not in ann.place_at:
            # "Patil's Seychelles trip, where she arrived on April 29": the place that
            # names the trip.
            named = next(
                (
                    c
                    for c in described.children
                    if c.dep_ in ("compound", "amod", "poss") and c.i in ann.place_at
                ),
                None,
            )
            if named is None:
                # "with his counterparts in the G20 in Brazil, where he also met X": the
                # place the phrase ends on, before the clause.
                named = max(
                    (
                        t
                        for t in described.subtree
                        if t.i < token.i
                        and t.i in ann.place_at
                        and t.dep_ == "pobj"
                        and t.head.lower_ in ("in", "at")
                        and not ann.place_at[t.i].demonym
                    ),
                    key=lambda t: t.i,
                    default=None,
                )
            if named is None:
                continue
            described = named
        # "to Argentina, Chile and Brazil, where he will meet ...": the place named last
        # before the clause, though the parse hangs the clause off the list's first.
        named = [described] + [
            c for c in described.conjuncts if c.i < token.i and c.i in ann.place_at
        ]
        nearest = max(named, key=lambda t: t.i)
        place = ann.place_at[nearest.i]
        head = ann.heads.get(nearest.i, nearest.i)
        for inner in token.subtree:
            event = predicates.get(inner.i)
            if event is not None and not any(r.role in ("to", "in", "obj") for r in event.places):
                event.places.append(PlaceRole(place, "in", head))


def _complete_leg_lists(doc: Doc, predicates: dict[int, Event], ann: Annotations) -> None:
    """ "traveling on to Tokyo on April 18, to Jakarta on April 20, Sydney on April 22 and
    Honolulu on April 24": the parse loses the end of a long list of dated legs; the
    places and dates left unattached after the listed ones continue the list."""
    attached_places = {r.token for e in predicates.values() for r in e.places}
    attached_dates = {id(d.mention) for e in predicates.values() for d in e.dates}
    for event in predicates.values():
        legs = [r for r in event.places if r.role == "to"]
        days = [d for d in event.dates if d.mention.kind == "day"]
        if event.kind != "travel" or not legs or not days:
            continue
        sentence = ann.sentence_of[event.token]
        last = max(r.token for r in legs)
        # One dated leg continues only where "and (then) on D to Y" says so.
        listed = len(legs) >= 2 and len(days) >= 2
        until = last
        for i, place in sorted(ann.place_at.items()):
            if (
                i > last
                and ann.heads.get(i) == i
                and ann.sentence_of[i] == sentence
                and i not in attached_places
                and not place.demonym
                and (listed or _next_leg(doc, last, i))
            ):
                event.places.append(PlaceRole(place, "to", i))
                attached_places.add(i)
                until = i
        if not listed and until == last:
            continue
        for i, mention in sorted(ann.date_at.items()):
            if (
                i > last
                and (listed or i < until)
                and ann.sentence_of[i] == sentence
                and id(mention) not in attached_dates
                and mention.kind == "day"
            ):
                event.dates.append(DateRole(mention, "on"))
                attached_dates.add(id(mention))


_LIST_GLUE = re.compile(
    r"[\s,;]*(?:(?:and|as\s+well\s+as|along\s+with|plus|then|later(?:\s+that\s+day)?|also|on)"
    r"[\s,;]+)*",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\s[–—-]\s[^–—]*?\s[–—-](?=\s)|\([^()]*\)|\[[^\[\]]*\]")


def _continued_lists(events: list[Event], ann: Annotations) -> None:
    """ "will meet President A on 24 October – with press remarks planned – Vice
    President B, as well as Minister C": the parse loses a list of people met across
    an aside; officials that follow the last one met with nothing but list words,
    asides and days between are met too."""
    text = ann.text
    taken = {p for e in events for p in (*e.subjects, *e.objects)}
    spans = sorted(
        (start, end, p) for p, person in enumerate(ann.people) for start, end in person.mentions
    )
    days = sorted({(m.start, m.end) for m in ann.date_at.values()})
    for event in events:
        if event.kind != "meet" or not event.objects:
            continue
        sentence = ann.sentence_of[event.token]
        last_end = max(
            (
                end
                for start, end, p in spans
                if p in event.objects
                and ann.sentence_of[ann.doc.char_span(start, end, alignment_mode="expand").start]
                == sentence
            ),
            default=None,
        )
        if last_end is None:
            continue
        for start, end, p in spans:
            if start < last_end:
                continue
            token = ann.doc.char_span(start, end, alignment_mode="expand")
            if token is None or ann.sentence_of[token.start] != sentence:
                break
            person = ann.people[p]
            title_start = next(
                (
                    a
                    for a, b in person.title_spans
                    if b <= start and start - b <= 2 and a >= last_end
                ),
                start,
            )
            between = text[last_end:title_start]
            for a, b in reversed(days):
                if a >= last_end and b <= title_start:
                    between = between[: a - last_end] + " " + between[b - last_end :]
            between = _ASIDE.sub(" ", between)
            if not _LIST_GLUE.fullmatch(between):
                break
            if person.official and p not in taken and p not in event.subjects:
                event.objects.append(p)
                taken.add(p)
            last_end = end


def _negated_between(doc: Doc, events: list[Event]) -> None:
    """ "She did not list Israel among the countries Trump will visit": a place that a
    negated verb other than the event governs is none of the event's places."""
    for event in events:
        kept = []
        for role in event.places:
            governor = next((a for a in doc[role.token].ancestors if _verbal_tag(a)), None)
            if (
                governor is not None
                and governor.i != event.token
                and lemma(governor.text) not in TRAVEL_VERBS
                and any(c.dep_ == "neg" for c in governor.children)
            ):
                continue
            kept.append(role)
        event.places = kept


_STOP_NOUNS = frozenset(["stop", "leg", "destination", "stopover"])


def _stop_is_place(
    doc: Doc, predicates: dict[int, Event], ann: Annotations
) -> list[tuple[Event, Event]]:
    """ "The first stop is Buenos Aires", "Chile will be the last leg": a stop noun and
    the place a copula equates it with. Returns the visits said to follow such a stop,
    each with the stop: they are the same traveller's."""
    followers: list[tuple[Event, Event]] = []
    for event in predicates.values():
        token = doc[event.token]
        if not event.nominal or event.places or noun_lemma(token.text) not in _STOP_NOUNS:
            continue
        if lemma(token.head.text) != "be" or token.head.i == token.i:
            continue
        if token.dep_ == "nsubj":
            other = [c for c in token.head.children if c.dep_ in ("attr", "acomp")]
        elif token.dep_ == "attr":
            other = [c for c in token.head.children if c.dep_ == "nsubj"]
        else:
            continue
        copula = predicates.get(token.head.i)
        if copula is not None:
            # "The final destination will be Singapore on Friday": the stop's day; not a
            # date deeper in the sentence ("since the onset of the war on October 7").
            for role in copula.dates:
                tokens = sorted(j for j, m in ann.date_at.items() if m is role.mention)
                head = doc[_head_of(doc, tokens)] if tokens else None
                if head is None or role in event.dates:
                    continue
                if head.head.i == token.head.i or (
                    head.head.dep_ == "prep" and head.head.head.i == token.head.i
                ):
                    event.dates.append(role)
        todo = list(other)
        while todo:
            current = todo.pop(0)
            mention = ann.place_at.get(current.i)
            if (
                mention is not None
                and ann.heads.get(current.i, current.i) == current.i
                and all(r.mention != mention for r in event.places)
            ):
                event.places.append(PlaceRole(mention, "obj", current.i))
            # The place, its apposition and its list; not a clause hanging off it.
            todo.extend(
                c for c in current.children if c.dep_ in ("appos", "conj", "compound", "poss")
            )
            for clause in current.children:
                if clause.dep_ == "acl" and lemma(clause.text) == "follow":
                    # "..., followed by Chile on Sunday and a two-day visit to Brazil": the
                    # visits that follow are the same traveller's.
                    for later in clause.subtree:
                        following = predicates.get(later.i)
                        if following is not None and following is not event:
                            followers.append((event, following))
    return followers


def _the_city(doc: Doc, predicates: dict[int, Event], ann: Annotations) -> None:
    """ "Upon his arrival in the city on September 24": "the city" or "the capital"
    with no name of its own is the city named last before it."""
    for token in ann.tokens:
        if token.lower_ not in ("city", "capital") or token.dep_ != "pobj":
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        if (
            any(c.i in ann.place_at for c in token.subtree)
            or token.i + 1 < len(doc)
            and (doc[token.i + 1].i in ann.place_at or doc[token.i + 1].lower_ == "of")
        ):
            continue  # "the capital Abu Dhabi", "the city of Seattle": named
        earlier = [
            (i, m) for i, m in ann.place_at.items() if i < token.i and m.place.kind == "city"
        ]
        if not earlier:
            continue
        _, mention = max(earlier, key=lambda item: item[0])
        event, role, _, _ = _attach(token, predicates)
        if event is not None and event.kind == "travel" and role in ("in", "to", "at"):
            event.places.append(PlaceRole(mention, role, token.i))


def _next_leg(doc: Doc, last: int, place: int) -> bool:
    """ "to Niger on Monday and then on Tuesday to Nigeria": between one leg and the
    place, a conjunction and "to" right before the place, with no other verb."""
    between = doc[last + 1 : place]
    return (
        place > 0
        and doc[place - 1].lower_ == "to"
        and any(t.lower_ == "and" for t in between)
        and not any(_verbal_tag(t) for t in between)
        and place - last <= 8
    )


def _nearest_journey_noun(verb: Token, position: int, predicates: dict[int, Event]) -> Event | None:
    """The journey noun a verb of no travel carries ("followed his trip to X"), or that
    times it ("forums arranged in X during his trip")."""
    candidates = list(verb.children) + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "during" for g in c.children
    ]
    nouns = [
        predicates[c.i]
        for c in candidates
        if c.i in predicates
        and predicates[c.i].nominal
        and predicates[c.i].kind == "travel"
        and c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj")
    ]
    if lemma(verb.text) in REPORT_VERBS or not nouns:
        return None
    return min(nouns, key=lambda e: abs(e.token - position))


def _gapped_travellers(event: Event, token: Token, resolver: _Resolver, ann: Annotations) -> None:
    """ "the trips by A to Myanmar and B to the Philippines": each traveller's own places.

    A person listed among the places of a journey noun starts the places of
    their own; the places before belong to the owner named before them.
    """
    inside = [
        t
        for t in token.subtree
        if t.i in ann.person_at
        and ann.heads.get(t.i) == t.i
        and t.i > token.i
        and t.dep_ in ("conj", "appos")
        and any(a.i in ann.place_at for a in t.ancestors if a.i > token.i)
    ]
    if not inside or not event.places:
        return
    owners = sorted(
        [
            (t.i, resolver.resolve(t))
            for t in token.subtree
            if t.i in ann.person_at and ann.heads.get(t.i) == t.i and t.i > token.i
        ],
    )
    places = []
    for role in event.places:
        before = [persons for i, persons in owners if i < role.token and persons]
        person = before[-1][0] if before else None
        places.append(PlaceRole(role.mention, role.role, role.token, person))
    event.places = places
    for _, persons in owners:
        for p in persons:
            if p not in event.subjects:
                event.subjects.append(p)


_HOSTED_EVENTS = frozenset(
    ["inauguration", "ceremony", "funeral", "coronation", "swearing", "investiture", "wedding"]
)


def _event_of_person(event: Event, token: Token, ann: Annotations) -> None:
    """ "attend the inauguration of Guatemalan president X": the event is in X's country."""
    for inner in token.subtree:
        if lemma(inner.text) not in _HOSTED_EVENTS or inner.i == token.i and not event.nominal:
            continue
        for prep in inner.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                person = ann.person_at.get(obj.i)
                country = ann.people[person].country if person is not None else None
                place = gazetteer().countries.get(country) if country else None
                if place is not None:
                    mention = PlaceMention(obj.idx, obj.idx + len(obj.text), obj.text, place)
                    event.places.append(PlaceRole(mention, "to", obj.i))
                    return


_PARTIES = frozenset(["delegation", "entourage", "team", "retinue", "party", "suite"])


def _delegations(
    ann: Annotations,
    resolver: _Resolver,
    predicates: dict[int, Event],
    clause_dates: dict[int, list[DateRole]],
) -> list[Event]:
    """ "The presidential delegation included Mr. X, Minister of Foreign Affairs": X
    travels with the one whose delegation it is."""
    found = []
    for token in ann.tokens:
        if lemma(token.text) not in ("include", "comprise") or token.i in predicates:
            continue
        subject, _ = _subject_token(token)
        if subject is None:
            continue
        if subject.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
            subject = token.head  # "his entourage, which included X, ..."
        arriving = next(
            (predicates[c.i] for c in subject.children if c.dep_ == "acl" and c.i in predicates),
            None,
        )
        if arriving is None and token.dep_ == "advcl" and token.head.i in predicates:
            # The same, parsed with "arriving" as the main verb, or as the subject.
            arriving = predicates[token.head.i]
        if arriving is None and subject.i in predicates and subject.dep_ == "csubj":
            arriving = predicates[subject.i]
        if arriving is not None and arriving.kind == "travel":
            # "Leaders arriving for the summit in Johannesburg included A, B and C": each
            # arrives, on a journey of their own.
            for obj in (c for c in token.children if c.dep_ == "dobj"):
                for item in _listed(obj):
                    person = ann.person_at.get(item.i)
                    if person is None or ann.heads.get(item.i) != item.i:
                        continue
                    own = Event(**{**arriving.__dict__, "subjects": [person], "token": item.i})
                    own.places = list(arriving.places)
                    own.dates = list(arriving.dates) or list(clause_dates.get(token.i, []))
                    found.append(own)
            continue
        if noun_lemma(subject.text) not in _PARTIES:
            continue
        owner = [p for c in subject.children if c.dep_ == "poss" for p in resolver.resolve(c)]
        owner = owner or resolver.before(token.i, many=False)
        members = [
            p
            for obj in token.children
            if obj.dep_ == "dobj"
            for item in _listed(obj)
            if (p := ann.person_at.get(item.i)) is not None and p not in owner
        ]
        if owner and members:
            event = Event("travel", "accompany", token.i, ann.sentence_of[token.i], text=token.text)
            event.subjects, event.objects = list(dict.fromkeys(members)), owner[:1]
            event.tense = clause_tense(token)
            found.append(event)
    return found


def _visited_people(event: Event, token: Token, ann: Annotations) -> None:
    """ "visited both Crown Prince X and President Y last year": their countries, and
    a meeting with each."""
    if event.nominal:
        return
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        for item in _listed(obj):
            person = ann.person_at.get(item.i)
            if person is None or ann.heads.get(item.i) != item.i:
                continue
            country = ann.people[person].country
            place = gazetteer().countries.get(country) if country else None
            if place is not None:
                mention = PlaceMention(item.idx, item.idx + len(item.text), item.text, place)
                event.places.append(PlaceRole(mention, "obj", item.i))
                if person not in event.objects:
                    event.objects.append(person)
                # Calling on a person says the traveller is in their country that day,
                # not that he arrives: "before visiting President X on Thursday".
                event.phase = "presence"


def _presence_on(
    verb: Token, predicates: dict[int, Event], resolver: _Resolver, ann: Annotations
) -> Event | None:
    low = lemma(verb.text)
    if low in REPORT_VERBS | WISH_VERBS | CANCEL_WORDS or not verb.text[:1].isalpha():
        return None  # (nor a list's bullet, which the parse may take for the verb)
    subject, _ = _subject_token(verb)
    if subject is None or not resolver.resolve(subject):
        return None
    presence = Event("travel", "presence", verb.i, ann.sentence_of[verb.i], text=verb.text)
    predicates[verb.i] = presence
    return presence


def _companions(event: Event, verb: Token, ann: Annotations) -> None:
    """ "X welcomed Y at the airbase, along with Trade Minister Z", "X arrived on
    Friday together with Z": Z is on the subject's side."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in ("along", "together", "alongside"):
            continue
        for inner in child.subtree:
            person = ann.person_at.get(inner.i)
            if (
                person is not None
                and ann.heads.get(inner.i) == inner.i
                and person not in event.subjects
            ):
                event.subjects.append(person)


def _verbal(event: Event, token: Token, resolver: _Resolver, ann: Annotations) -> None:
    subject, passive = _subject_token(token)
    event.passive = passive
    if subject is not None:
        event.subjects = _subjects(subject, resolver, ann)
        if not event.subjects and event.phase in ("begin", "end"):
            # "His diplomatic push began Sunday in Vietnam": whose push it is.
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            if owner is not None:
                event.subjects = resolver.resolve(owner)
        if subject.lower_ not in _PRONOUNS or subject.lower_ in ("he", "she", "they"):
            resolver.note_subject(subject, event.subjects)
    verbless = token.lower_ == "on" and token.dep_ == "conj"  # "..., and then on to X"
    event.tense = clause_tense(token.head if verbless else token)
    governor = token.head
    if "due" in event.hints:
        # "is due in Lima next week": to come; "was due in Lima on Sunday": planned
        # before the report, for a day either side of it
        event.tense = "future"
        if governor.lower_ in ("was", "were"):
            event.hints.add("past plan")
    if (
        event.tense == "future"
        and token.dep_ in ("xcomp", "ccomp")
        and (lemma(governor.text) in PLAN_VERBS - {"go"} or governor.lower_ in ("was", "were"))
        and (governor.tag_ == "VBD" or any(a.tag_ == "VBD" for a in _auxiliaries(governor)))
    ):
        # "was scheduled to depart on Sunday night": planned before the report was
        # written, for a day either side of it.
        event.hints.add("past plan")
    children = list(token.children)
    words = {c.lower_ for c in children}
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("for", "to")
        and any(g.lower_ == "home" for g in c.children)
        for c in children
    ):
        words.add("home")  # "left for home on Friday"
    _companions(event, token, ann)
    if (
        "home" in words
        or any(
            c.dep_ in ("advmod", "npadvmod", "prt") and c.lower_ in ("home", "back")
            for c in children
        )
    ) and event.phase in ("return", "go", "leave", "arrive"):
        event.home = "home" in words or event.phase == "return"
        if event.home and event.phase != "leave":
            event.phase = "return"
    if event.phase == "return" and any(p.dep_ == "prep" and p.lower_ == "to" for p in children):
        event.hints.add("to")
    if event.phase in ("accompany", "lead", "bring"):
        for child in children:
            if child.dep_ == "dobj":
                event.objects = resolver.resolve(child)
        doc = token.doc
        among = doc[token.i - 2] if token.i >= 2 else None
        if (
            event.phase == "accompany"
            and among is not None
            and among.lower_ == "among"
            and doc[token.i - 1].lower_ in ("those", "people", "officials", "members")
        ):
            # "X and Y were among those accompanying Z": X and Y travel with Z, however
            # the parse hangs "accompanying".
            subject, _ = _subject_token(among.head) if among.head.i != among.i else (None, 0)
            if subject is not None:
                event.subjects = _subjects(subject, resolver, ann)
            if not event.objects and token.dep_ == "amod":
                event.objects = resolver.resolve(token.head)
    for child in children:
        if child.dep_ in ("advmod",) and child.lower_ in ("then", "later", "next", "finally"):
            event.hints.add(child.lower_)
        if child.dep_ == "advmod" and child.lower_ in ("first",):
            event.hints.add("first")
    if event.phase in ("go", "arrive", "leave", "return") and event.subjects:
        # "Milei, who travelled with Foreign Minister X", "arrived with X": X travels too
        companions: list[int] = []
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "with":
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    for item in _listed(obj):
                        person = _official_named(item, ann)
                        if person is not None and person not in event.subjects:
                            companions.append(person)
        if companions and not event.places and event.phase == "go":
            # no place of its own: on the journey of the one they travel with
            event.phase, event.objects, event.subjects = "accompany", event.subjects, companions
        else:
            event.subjects.extend(companions)
    agent = _agent_of(token)
    passive = passive or token.tag_ == "VBN"  # "..., accompanied by Y": no auxiliary
    if agent is not None and passive and lemma(token.text) in ("accompany", "flank", "join"):
        accompanied = event.subjects
        if token.dep_ == "acl" and noun_lemma(token.head.text) in TRAVEL_NOUNS:
            # "landed for her first visit, accompanied by Y": the visit's traveller.
            noun = token.head
            own = [p for c in noun.children if c.dep_ == "poss" for p in resolver.resolve(c)]
            verb = _verb_of(noun)
            subject = _subject_token(verb)[0] if not own and verb is not None else None
            accompanied = own or (resolver.resolve(subject) if subject is not None else [])
        event.objects = accompanied or event.subjects
        event.subjects = resolver.resolve(agent)
        # "accompanied by Foreign Minister A, Minister for Finance B, Minister for
        # Information and Broadcasting C, and Adviser D": every official the list
        # names, however the parse hangs the offices and their names.
        for item in agent.subtree:
            person = _official_named(item, ann) if item.dep_ not in ("relcl", "acl") else None
            if person is not None and person not in event.subjects + event.objects:
                event.subjects.append(person)
        _listed_on(event, agent.right_edge, ann)
        for other in token.children:
            # "accompanied by his wife and a dozen ministers including X": the parse may
            # hang the second item off the verb.
            if other.dep_ == "conj" and other.tag_ in ("NNS", "NNPS"):
                event.subjects += [
                    p for p in resolver.name_phrase(other) if p not in event.subjects
                ]


def _listed_on(event: Event, last: Token, ann: Annotations) -> None:
    """Officials the list goes on to name after ``last``, however the parse hangs them
    ("joined by Prime Ministers A of X, B of Y, and C of Z": B and C off the verb)."""
    doc = last.doc
    end = last.idx + len(last.text)
    sentence = ann.sentence_of[last.i]
    for token in doc[last.i + 1 :]:
        if ann.sentence_of[token.i] != sentence:
            break
        person = _official_named(token, ann)
        if person is None:
            continue
        start = token.left_edge.idx if token.left_edge.i > last.i else token.idx
        if not LIST_GAP.fullmatch(doc_text(doc)[end:start]):
            break
        if person not in event.subjects + event.objects:
            event.subjects.append(person)
        end = token.idx + len(token.text)  # (the gap to the next takes "of Grenada, ")


def _official_named(token: Token, ann: Annotations) -> int | None:
    """The official whose name ``token`` heads, if any."""
    person = ann.person_at.get(token.i)
    if person is not None and ann.heads.get(token.i) == token.i and ann.people[person].official:
        return person
    return None


def _owner(
    token: Token, resolver: _Resolver, predicates: dict[int, Event], ann: Annotations
) -> list[int]:
    """Whose visit or meeting a noun is: "his visit", "Moon's trip", "the visit by X",
    or the subject of the verb that carries it ("made a visit", "is on a tour")."""
    owner: list[int] = []
    for child in token.children:
        if child.dep_ == "poss" or child.dep_ in ("compound", "nmod") and child.i in ann.person_at:
            owner = _fronted_owner(child, token, resolver, ann) or resolver.resolve(child)
            before = child.left_edge.i - 1
            if (
                child.dep_ == "poss"
                and before > 0
                and ann.tokens[before].lower_ == "and"
                and ann.person_at.get(before - 1) is not None
                and ann.person_at[before - 1] not in owner
            ):
                # "Prime Minister X and Y's visit": the parse hangs X elsewhere.
                owner = [ann.person_at[before - 1], *owner]
        elif child.dep_ == "prep" and child.lower_ in ("by", "of") and not owner:
            # ("his visit ... by Y": his, and Y did something else to it)
            for inner in child.children:
                if inner.dep_ == "pobj" and (child.lower_ == "by" or inner.i in ann.person_at):
                    owner = resolver.resolve(inner)  # "the visit by X", "the visit of X"
        elif (
            child.dep_ == "prep"
            and child.lower_ == "from"
            and token.dep_ == "dobj"
            and lemma(token.head.text) in HOST_VERBS
        ):
            for inner in child.children:
                if inner.dep_ == "pobj":
                    owner = resolver.resolve(inner)  # "received a visit from X": X's visit
    verb = _verb_of(token.head) if token.head.i != token.i else None
    if not owner and verb is not None:
        governed = token.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass", "conj", "appos")
        if governed and (lemma(verb.text) in CARRIER_VERBS or token.dep_ in ("nsubj", "nsubjpass")):
            subject, _ = _subject_token(verb)
            if token.dep_ in ("nsubj", "nsubjpass"):
                subject = None
            if subject is not None:
                owner = resolver.resolve(subject)
        elif token.dep_ == "pobj" and token.head.lower_ in ("on", "during", "for", "ahead", "with"):
            guest = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if lemma(verb.text) in HOST_VERBS and guest is not None:
                owner = resolver.resolve(guest)  # "will host X for a state visit": X's visit
            else:
                subject, _ = _subject_token(verb)
                if subject is not None:
                    owner = resolver.resolve(subject)
    if not owner and token.dep_ == "pobj" and token.head.head.i in predicates:
        governing = predicates[token.head.head.i]
        owner = list(governing.subjects)
    if (
        not owner
        and verb is not None
        and token.dep_ in ("dobj", "pobj")
        and noun_lemma(token.text) in MEETING_NOUNS | EVENT_NOUNS
        and lemma(verb.text) not in REPORT_VERBS
    ):
        subject, _ = _subject_token(verb)  # "share a dinner with X", "attend a summit"
        if subject is not None:
            owner = resolver.resolve(subject)
    if (
        not owner
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children)
        and lemma(token.text) in TRAVEL_NOUNS
    ):
        owner = resolver.before(token.i, many=False)  # "The visit will begin on Saturday"
    subject = _subject_token(verb)[0] if verb is not None else None
    lost = (
        subject is None
        or subject.i not in ann.person_at
        and subject.tag_ not in ("PRP", "PRP$", "WP")
    )
    if (
        not owner
        and lost
        and verb is not None
        and lemma(verb.text) in CARRIER_VERBS
        and any(c.dep_ == "prep" and c.lower_ in ("to", "of", "in") for c in token.children)
    ):
        # "made a four-day state visit to X", "to make unannounced stops in X and Y" with
        # a subject the parse lost: the person the text is about.
        owner = resolver.before(token.i, many=False)
    return owner


def _subjects(subject: Token, resolver: _Resolver, ann: Annotations) -> list[int]:
    """The people a subject names, with a name listed just before it that the parse
    hung elsewhere ("..., Abe and Prime Minister Theresa May affirmed")."""
    found = resolver.resolve(subject)
    left = subject.left_edge.i
    doc = ann.doc
    for _ in range(5):  # over the office before the name ("Prime Minister")
        if left >= 1 and doc[left - 1].text[:1].isupper() and doc[left - 1].i not in ann.person_at:
            left -= 1
    if found and left >= 2 and doc[left - 1].lower_ == "and":
        before = ann.person_at.get(doc[left - 2].i)
        head = doc[left - 2]
        if (
            before is not None
            and before not in found
            and ann.heads.get(head.i) == head.i
            and head.dep_ == "conj"
            and not any(t.i == head.i for t in subject.subtree)
        ):
            found = [before, *found]
    return found


def _fronted_owner(pronoun: Token, noun: Token, resolver: _Resolver, ann: Annotations) -> list[int]:
    """ "Before his departure for X, Prince Y met ...": a possessive in a phrase put
    before the clause's named subject is that subject's."""
    if pronoun.lower_ not in ("his", "her", "their") or noun.dep_ != "pobj":
        return []
    prep = noun.head
    verb = prep.head
    if prep.dep_ != "prep" or not _verbal_tag(verb):
        return []
    subject, _ = _subject_token(verb)
    if subject is None or subject.i < prep.i:
        return []
    named = [t for t in subject.subtree if t.i in ann.person_at]
    return resolver.resolve(subject) if named else []


def _attended_there(token: Token, predicates: dict[int, Event]) -> Event | None:
    """The attending of an event a relative clause places ("attended the summit that
    concluded in Kathmandu", "the forum, which opened in Davos")."""
    if token.dep_ != "relcl":
        return None
    noun = token.head
    if noun.dep_ in ("dobj", "pobj"):
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head  # "took part in ..."
    elif noun.dep_ == "ROOT" and lemma(noun.text.lower()) in MEETING_NOUNS | EVENT_NOUNS:
        # "attending the ... (BIMSTEC) Summit that concluded in X": a bracket may cut
        # the parse in two; the attending is the verb just before, in the same sentence.
        before = [
            t
            for t in noun.doc[max(0, noun.i - 30) : noun.i]
            if t.i in predicates and predicates[t.i].phase == "visit"
        ]
        if not before or any(t.text == "." for t in noun.doc[before[-1].i : noun.i]):
            return None
        verb = before[-1]
    else:
        return None
    attending = predicates.get(verb.i)
    if attending is None or attending.kind != "travel" or attending.phase != "visit":
        return None
    if lemma(verb.text) not in ("attend", "participate", "join", "take"):
        return None
    return attending


def _came_from(event: Event, token: Token, arrival: Event) -> bool:
    """A visit named after "following" or "after" in the clause of an arrival.

    >>> from trips.extraction.article import analyse_text
    >>> text = "Ana Cruz arrived in Oslo following a visit to Rome."
    >>> [(e.phase, [(p.mention.text, p.role) for p in e.places]) for e in analyse_text(text)]
    [('arrive', [('Oslo', 'in'), ('Rome', 'after')]), ('visit', [])]
    """
    if not event.nominal or event.kind != "travel":
        return False
    if arrival.phase != "arrive" and not (
        # "After his visit to Singapore, he will visit Kuala Lumpur": the plan's leg before
        arrival.phase in ("visit", "go") and arrival.tense == "future" and not arrival.nominal
    ):
        return False
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in ("after", "following")
        or token.dep_ == "dobj"
        and token.head.lower_ == "following"
    )


def _nominal(
    event: Event,
    token: Token,
    resolver: _Resolver,
    predicates: dict[int, Event],
    ann: Annotations,
) -> None:
    event.subjects = _owner(token, resolver, predicates, ann)
    verb = _verb_of(token.head) if token.head.i != token.i else None
    amods = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "advmod")}
    scheduled = any(
        c.dep_ == "acl" and lemma(c.text) in PLAN_VERBS | {"slate", "schedule"}
        for c in token.children
    )
    if scheduled:
        event.tense = "future"  # "a two-day visit slated from Friday"
    elif (
        amods & _PAST_AMOD
        and not amods & {"latest"}
        # "Nairobi is her last stop": the final leg of this journey, not an earlier one
        and not (noun_lemma(token.text) in LEG_NOUNS and amods & _PAST_AMOD <= {"last"})
    ):
        event.tense = "past"
        event.hints.add("earlier")
    elif amods & _FUTURE_AMOD:
        event.tense = "future"
    elif verb is not None and token.dep_ == "nsubj" and _comes_amid(verb):
        event.tense = "none"  # "the visit comes amid criticism": says nothing of when
    elif verb is not None and (
        lemma(verb.text) in CARRIER_VERBS
        or token.dep_ in ("nsubj", "nsubjpass")
        # "the trip also included a stop in Dubai": the stop was made
        or token.dep_ == "dobj"
        and lemma(verb.text) in ("include", "comprise")
        and any(c.dep_ == "nsubj" and noun_lemma(c.text) in TRAVEL_NOUNS for c in verb.children)
    ):
        # "made a visit", "the visit ended": the verb's tense is the visit's.
        # "preparing for the visit" says nothing of when the visit is.
        event.tense = clause_tense(verb)
    else:
        event.tense = "none"
    if verb is not None and token.dep_ in ("nsubj", "nsubjpass"):
        low = lemma(verb.text)
        if low in ("begin", "start", "open", "kick"):
            event.hints.add("begins")
        elif low in ("end", "conclude", "close", "wrap", "finish", "complete"):
            event.hints.add("ends")
        elif low in ("include", "take", "bring", "cover", "comprise"):
            event.hints.add("includes")
    governing = _verb_of(token.head) if token.head.i != token.i else None
    homecoming = governing is not None and TRAVEL_VERBS.get(lemma(governing.text)) in (
        "return",
        "arrive",
        "end",
    )
    if (
        # "following his arrival in Hanoi": a moment of this journey
        lemma(token.text) not in ("stop", "stopover", "leg", "arrival", "landing")
        and not homecoming
        and (
            token.dep_ == "dobj"
            and lemma(token.head.text) in ("follow",)
            or token.dep_ == "pobj"
            and token.head.lower_ in ("after", "following", "since")
        )
    ):
        # "the visit followed his trip to Russia", "after her trip to X": an earlier journey.
        event.hints.add("earlier")
    if token.dep_ == "pobj" and token.head.lower_ == "with":
        carrier = lemma(token.head.head.text)
        if any(c.dep_ == "dobj" and c.lower_ in _DAY_NOUNS for c in token.head.head.children):
            pass  # "begins his day with a tour of a plant": that day's first, not the trip's
        elif carrier in ("begin", "start", "open", "kick"):
            event.hints.add("first")  # "the trip will begin with a visit to X"
        elif carrier in ("end", "conclude", "close", "wrap", "finish"):
            event.hints.add("last")
    if token.lower_ in ("stop", "leg", "destination") or token.lower_ in ("stops", "legs"):
        for child in token.children:
            if child.dep_ == "amod" and child.lower_ in ("first", "opening", "initial"):
                event.hints.add("first")
            if child.dep_ == "amod" and child.lower_ in ("last", "final", "closing"):
                event.hints.add("last")
    if any(c.dep_ == "amod" and c.lower_ in ("first",) for c in token.children):
        event.hints.add("first-ever")


def _meeting(
    event: Event,
    token: Token,
    resolver: _Resolver,
    predicates: dict[int, Event],
    ann: Annotations,
) -> None:
    if event.nominal:
        event.subjects = _owner(token, resolver, predicates, ann)
        verb = _verb_of(token.head) if token.head.i != token.i else None
        event.tense = clause_tense(verb) if verb is not None else "none"
    else:
        subject, passive = _subject_token(token)
        if (
            event.phase == "host"
            and lemma(token.text) in ("receive", "get", "accord")
            and any(c.dep_ == "dobj" and lemma(c.text.lower()) in _HONOURS for c in token.children)
        ):
            passive = True  # "X received a grand reception": X is the one welcomed
        event.passive = passive
        if subject is not None:
            event.subjects = _subjects(subject, resolver, ann)
        event.tense = clause_tense(token)
        if not passive:
            _companions(event, token, ann)
    objects: list[int] = []
    for obj in _with_objects(token):
        for p in resolver.resolve(obj):
            if p not in objects:
                objects.append(p)
    agent = _agent_of(token)
    if agent is not None:
        for p in resolver.resolve(agent):
            if p not in objects:
                objects.append(p)
    for child in [
        *token.children,
        *(c for d in token.children if d.dep_ == "dobj" for c in d.children),
    ]:
        # "accorded a welcome in the presence of Prime Minister X": X took part; "will
        # host a banquet in honour of Secretary-General X": X is the guest.
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            for presence in child.children:
                if presence.dep_ == "pobj" and presence.lower_ in ("presence", "honour", "honor"):
                    for of in presence.children:
                        for obj in of.children:
                            objects.extend(p for p in resolver.resolve(obj) if p not in objects)
    # "held talks with X": the verb carries the meeting noun; "signed an agreement with
    # X", "will co-chair the Dialogue with X": the object's "with" names who was met.
    for child in token.children:
        if child.dep_ in ("dobj", "attr") and lemma(child.text) not in MEETING_NOUNS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        for item in _listed(obj):
                            for p in resolver.resolve(item):
                                if p not in objects:
                                    objects.append(p)
        if child.dep_ in ("dobj", "attr") and lemma(child.text) in MEETING_NOUNS:
            for obj in _with_objects(child):
                for p in resolver.resolve(obj):
                    if p not in objects:
                        objects.append(p)
        if (
            child.dep_ == "dobj"
            and lemma(token.text) in HOST_VERBS
            and noun_lemma(child.text) in TRAVEL_NOUNS
        ):
            # "received a visit from X", "welcomed a visit by X": X is the guest.
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        objects.extend(p for p in resolver.resolve(obj) if p not in objects)
    if event.nominal and not objects and token.dep_ == "dobj":
        dangling = any(
            c.dep_ == "prep" and c.lower_ in ("on", "with") and not list(c.children)
            for c in token.children
        )
        if dangling:
            # "paid a courtesy call on H.E. Mr. X": parsed with X a second object of the verb
            for other in token.head.children:
                if other.dep_ == "dobj" and other.i != token.i:
                    objects.extend(p for p in resolver.resolve(other) if p not in objects)
    between = [
        p
        for child in token.children
        if child.dep_ == "prep" and child.lower_ == "between"
        for c in child.children
        if c.dep_ == "pobj"
        for item in _listed(c)
        for p in resolver.resolve(item)
    ]
    if event.nominal and len(set(between)) >= 2 and not set(between) & set(event.subjects):
        # "precedes a meeting between Kim and Trump": theirs, not the subject's, and
        # of no journey the text follows.
        event.subjects, objects = [], []
    event.objects = [p for p in objects if p not in event.subjects]
    if (
        not event.objects
        and not event.nominal
        and event.phase == "host"
        and event.subjects
        and _agent_of(token) is None
        and not any(c.dep_ in ("dobj", "agent", "auxpass") for c in token.children)
    ):
        # "received at Al-Safa Palace in Makkah today Prime Minister of X, Y": a guest
        # the parse did not make the object; the first person named after the verb.
        sentence = ann.sentence_of[token.i]
        for later in ann.tokens[token.i + 1 :]:
            if ann.sentence_of[later.i] != sentence:
                break
            person = ann.person_at.get(later.i)
            if person is not None and person not in event.subjects:
                event.objects, event.passive = [person], False
                break
    if not event.objects and any(
        noun_lemma(c.text) == "counterpart"
        for c in token.subtree
        if c.dep_ in ("dobj", "pobj") and c.head.i in (token.i, *[x.i for x in token.children])
    ):
        event.hints.add("counterparts")  # "will meet their counterparts in Tokyo"
    if (
        lemma(token.text) == "call"
        and not any(c.lower_ == "on" for c in token.children if c.dep_ in ("prep", "prt"))
        # "pay a courtesy call to X" is paid in person
        and not any(c.lower_ == "courtesy" for c in token.children)
    ):
        event.mood = "remote"
