"""The search index of one pack: stems of everything search can find, weighted by place.

Everything: every indicator, pathway, consent entry, stepping procedure and contact.
Built once per pack, on first use (about a tenth of a second), and kept on the pack like the
engine. Where a word appears sets its weight: an indicator's own words and keywords count more
than its examples, so "knife" finds the weapon indicators before "cannot use a knife and fork".
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Indicator, Pack, SteppingProcedure, Topic
from thresholds_app.core.pack.searchref import (
    STEPPING_IDS,
    consent_id,
    consent_meaning_id,
    golden_rule_id,
)
from thresholds_app.core.search.words import STOPWORDS, stem, stems, tokens

KINDS = ("indicator", "pathway", "consent", "stepping", "contact")

# How much a word counts by where it is found.
TITLE, KEYWORD, BODY, CONTEXT, EXAMPLE = 3.0, 3.0, 1.5, 1.0, 1.0
# Where a word must be for an entry to name it (text, keywords, theme), not just mention it.
NAMED = BODY

_CACHE_ATTRIBUTE = "_thresholds_search_index"
_BUILDING = threading.Lock()  # one build at a time: a second caller waits for the first


@record
class Entry:
    """Something search can find: an indicator, a pathway, consent, stepping or a contact."""

    kind: str
    id: str
    title: str
    level: int | None = None
    ages: tuple[str, ...] = ()
    strength: bool = False

    def applies_to(self, age_band: str | None) -> bool:
        """Whether this entry is shown for a child in ``age_band`` (only indicators have ages)."""
        return age_band is None or not self.ages or age_band in self.ages


Fields = list[tuple[float, Iterable[str]]]


def _indicator_fields(pack: Pack, indicator: Indicator, areas: dict[str, str]) -> Fields:
    topics = [pack.topics[t].title for t in indicator.topics if t in pack.topics]
    return [
        (TITLE, [indicator.text]),
        (KEYWORD, indicator.keywords),
        (BODY, [(indicator.theme or "").replace("-", " ")]),
        (CONTEXT, [areas.get(indicator.area, ""), *topics]),
        (EXAMPLE, indicator.examples),
    ]


def _topic_fields(topic: Topic) -> Fields:
    return [
        (TITLE, [topic.title]),
        (KEYWORD, topic.keywords),
        (BODY, [topic.summary, *(t.name for t in topic.tools)]),
        (CONTEXT, [*topic.applies_when, *(s.label for s in topic.stages)]),
        (EXAMPLE / 2, [*topic.what_to_do, *(s.description for s in topic.stages)]),
    ]


def _procedure_fields(title: str, procedure: SteppingProcedure) -> Fields:
    return [
        (TITLE, [title]),
        (BODY, [procedure.summary, *(c.text for c in procedure.criteria)]),
        (CONTEXT, [procedure.who_decides, *procedure.steps]),
        (EXAMPLE / 2, procedure.handover_checklist),
    ]


def _entries(pack: Pack) -> Iterable[tuple[Entry, Fields]]:
    areas = {a.id: a.title for d in pack.domains for a in d.areas}
    for indicator in pack.indicators.values():
        entry = Entry(
            "indicator",
            indicator.id,
            indicator.text,
            indicator.level,
            indicator.ages,
            indicator.kind == "strength",
        )
        yield entry, _indicator_fields(pack, indicator, areas)
    for topic in pack.topics.values():
        yield Entry("pathway", topic.id, topic.title), _topic_fields(topic)
    for number, consent in pack.consent.levels.items():
        title = f"Consent at Level {number}"
        parts = [consent.consent_needed, consent.from_whom, consent.if_refused]
        fields: Fields = [
            (TITLE, [title, "consent"]),
            (BODY, [*parts, consent.tell_parents]),
            (CONTEXT, consent.lawful_basis),
            (EXAMPLE / 2, consent.record),
        ]
        yield Entry("consent", consent_id(number), title, number), fields
    for i, rule in enumerate(pack.consent.golden_rules, 1):
        fields = [(TITLE, [rule.title]), (BODY, ["information sharing golden rule", rule.text])]
        yield Entry("consent", golden_rule_id(i), rule.title), fields
    for i, meaning in enumerate(pack.consent.meanings_of_consent, 1):
        fields = [(TITLE, [meaning.title]), (BODY, ["consent", meaning.text])]
        yield Entry("consent", consent_meaning_id(i), meaning.title), fields
    step_up, step_down = STEPPING_IDS["step_up"], STEPPING_IDS["step_down"]
    yield Entry("stepping", step_up, "Stepping up"), _procedure_fields("step up", pack.step_up)
    yield (
        Entry("stepping", step_down, "Stepping down"),
        _procedure_fields("step down", pack.step_down),
    )
    for contact in pack.contacts.values():
        fields = [(TITLE, [contact.name]), (BODY, [contact.use_for])]
        yield Entry("contact", contact.id, contact.name), fields


class SearchIndex:
    """Stems of every entry with their weights, and the pack's synonyms, ready to query."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.entries: list[Entry] = []
        self.weights: list[dict[str, float]] = []
        self.postings: dict[str, list[int]] = {}
        self.vocabulary: dict[str, str] = {}  # every word in the pack -> its stem
        for entry, fields in _entries(pack):
            weights: dict[str, float] = {}
            for weight, texts in fields:
                for text in texts:
                    for word in tokens(text):
                        if word in STOPWORDS:
                            continue
                        s = self.vocabulary.get(word)
                        if s is None:
                            s = self.vocabulary[word] = stem(word)
                        if weights.get(s, 0.0) < weight:
                            weights[s] = weight
            for s in weights:
                self.postings.setdefault(s, []).append(len(self.entries))
            self.entries.append(entry)
            self.weights.append(weights)
        # the most prominent place each stem has anywhere: does any entry name it in its text?
        self.strongest: dict[str, float] = {}
        for weights in self.weights:
            for s, weight in weights.items():
                if self.strongest.get(s, 0.0) < weight:
                    self.strongest[s] = weight
        total = len(self.entries)
        self.idf = {s: math.log(1 + total / len(ids)) for s, ids in self.postings.items()}
        self.sorted_words = sorted(self.vocabulary)
        self.by_initial: dict[str, list[str]] = {}  # for close spellings: same first letter
        for word in self.sorted_words:
            self.by_initial.setdefault(word[0], []).append(word)
        self.synonyms = _synonyms(pack)
        self.ignored = frozenset(stems(" ".join(pack.search_words.ignored)))
        self.longest_synonym = max((len(k) for k in self.synonyms), default=1)


def _synonyms(pack: Pack) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Typed phrase (as stems) -> the phrases (as stems) it also finds."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for synonym in pack.search_words.synonyms:
        found = [s for s in (_phrase(p) for p in synonym.also_find) if s]
        for typed in synonym.when_typed:
            key = tuple(stem(w) for w in tokens(typed))  # as typed, stop words and all
            if key:
                known = table.setdefault(key, [])
                known.extend(f for f in found if f not in known and f != key)
    return table


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in tokens(text) if w not in STOPWORDS)


def index_for(pack: Pack) -> SearchIndex:
    """The pack's search index, built on first use and kept with the pack."""
    cached = pack.__dict__.get(_CACHE_ATTRIBUTE)
    if isinstance(cached, SearchIndex) and cached.pack is pack:
        return cached
    with _BUILDING:
        cached = pack.__dict__.get(_CACHE_ATTRIBUTE)  # built while this caller waited
        if isinstance(cached, SearchIndex) and cached.pack is pack:
            return cached
        index = SearchIndex(pack)
        object.__setattr__(pack, _CACHE_ATTRIBUTE, index)  # a memo, not state
        return index


def prepare(pack: Pack) -> threading.Thread:
    """Build the pack's index on a background thread, so the first search finds it ready.

    The build is pure Python and shares the interpreter with the caller; a search made before it
    finishes waits for it rather than building a second one.
    """
    thread = threading.Thread(target=index_for, args=(pack,), name="search-index", daemon=True)
    thread.start()
    return thread
