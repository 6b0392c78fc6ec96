"""The one search of the app: a practitioner's words in, the pack's entries out, best first.

Used by the assessment's search box, the guidance browser and ``thresholds check``, so every
place finds the same things in the same order. How a query is read:

1. Words are split and stemmed; function words ("the", "is") and the pack's ignored words
   ("child") are skipped.
2. Each word, or phrase from ``synonyms.yaml`` ("county lines", "mum"), is one thing to find;
   it is found by its own stems or by any of the phrases the pack says it means ("parent").
3. The last word, while it is still being typed, also finds the pack's words it begins
   ("hung" finds "hungry"); a word the pack does not have at all finds close spellings.
4. A number that gives the child's age ("4 year old", "aged 6") is skipped: the age band
   says that. A word that signals seriousness ("overnight") which the pack never names is taken
   as found by a Level 4 indicator that finds the rest of the query: its level says as much.
5. Entries that find every thing come first, then those that find only some (at least one in
   three); within each, the rarer the words and the more prominent where they are found (text
   and keywords above examples), the higher: so a partial match on a telling word ("bleach")
   still ranks above a partial match on a common one ("home"). A synonym counts as telling as
   the words typed, a little less than those words themselves, so what was typed wins a tie.
6. Then seriousness: among entries that match about equally well, the higher level comes
   first (each level up counts a tenth more), so a Level 2 item only comes above a Level 4
   one when it matches the query clearly better. Missing a serious indicator is the worse
   mistake of the two.
"""

from __future__ import annotations

import bisect
import difflib

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.search.index import NAMED, Entry, SearchIndex, index_for
from thresholds_app.core.search.words import (
    AGE_UNITS,
    NUMBER_WORDS,
    STOPWORDS,
    is_serious,
    stem,
    tokens,
)

# How much a looser way of finding a word counts against the word itself.
SYNONYM, PREFIX, SPELLING = 0.9, 0.6, 0.5
# A serious word a Level 4 indicator does not use counts as found there, at a third of the
# worth of an example that uses it: enough to complete the match, never to lead it.
IMPLIED = 0.3
STRENGTH = 0.8  # a strength ranks a little below a concern that matches as well
SEVERITY_STEP = 0.1  # each level up counts this much more, among equal matches
MAX_EXPANSIONS = 24


def severity(entry: Entry) -> float:
    """How much more an entry counts for how serious it is: 1.0 at Level 1 to 1.3 at Level 4.

    Other entries (pathways, consent, contacts) count as Level 3, whatever level they are about:
    the guidance on a concern is offered beside its indicators, neither above nor below them all.
    """
    level = (entry.level or 3) if entry.kind == "indicator" else 3
    return 1.0 + SEVERITY_STEP * (level - 1)


@record
class Hit:
    """One entry found: how many of the query's words it found, and its score."""

    entry: Entry
    found: int
    wanted: int
    score: float

    @property
    def complete(self) -> bool:
        """Whether every word of the query was found."""
        return self.found == self.wanted


Alternative = tuple[tuple[str, ...], float]  # stems that must all be present, and their value


@record
class Slot:
    """One thing the query looks for: the ways it can be found, and whether Level 4 implies it.

    ``implied`` is set for a word that signals seriousness which no entry of the pack names
    (in its text or keywords): "overnight" is only ever in an example, so a Level 4 indicator
    that finds the rest of the query is taken to find it too. A serious word the pack does name
    ("suicide", "knife") must be found like any other.
    """

    alternatives: list[Alternative]
    implied: bool = False


def _slots(index: SearchIndex, query: str) -> list[Slot]:
    words = tokens(query)
    typing = bool(query) and not query[-1].isspace()
    word_stems = [stem(w) for w in words]
    skipped = [
        w in STOPWORDS or s in index.ignored or _is_age(words, i)
        for i, (w, s) in enumerate(zip(words, word_stems, strict=True))
    ]
    if all(skipped):  # a query of only such words still searches for them
        skipped = [False] * len(words)
    slots: list[Slot] = []
    i = 0
    while i < len(words):
        # the longest phrase from synonyms.yaml starting here, stop words and all ("looks after")
        for length in range(min(index.longest_synonym, len(words) - i), 0, -1):
            phrase = tuple(word_stems[i : i + length])
            if phrase in index.synonyms:
                # the phrase's own words, unless it needs its small words to mean what it
                # means ("cutting herself" is not "cutting"; "looks after" is not "looks")
                own = () if any(skipped[i : i + length]) else phrase
                slots.append(_synonym_slot(index, own, index.synonyms[phrase]))
                i += length
                break
        else:
            if not skipped[i]:
                slots.append(_single(index, words[i], typing and i == len(words) - 1))
            i += 1
    return slots


def _is_age(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a number giving an age ("4 year old", "aged 6")."""
    if not (words[i].isdigit() or words[i] in NUMBER_WORDS):
        return False
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    return after in AGE_UNITS or before in ("aged", "age")


def _idf(index: SearchIndex, phrase: tuple[str, ...]) -> float:
    return sum(index.idf.get(s, 0.0) for s in phrase) / len(phrase) if phrase else 0.0


def _synonym_slot(
    index: SearchIndex, own: tuple[str, ...], meanings: list[tuple[str, ...]]
) -> Slot:
    # The words typed are as telling as the most telling way of saying the same thing: "left
    # alone" is worth as much as "unsupervised", though its own words are common ones. Each
    # synonym keeps its own worth: a broad one ("behaviour") finds much and tells little.
    telling = max(_idf(index, p) for p in (own, *meanings))
    alternatives = [(p, SYNONYM * _idf(index, p)) for p in meanings]
    slot = Slot([(own, telling), *alternatives] if own else alternatives)
    return _with_implied(index, slot, any(is_serious(s) for s in own))


def _single(index: SearchIndex, word: str, typing: bool) -> Slot:
    own = stem(word)
    if own in index.idf:
        return _with_implied(index, Slot([((own,), index.idf[own])]), is_serious(own))
    alternatives: list[Alternative] = [((own,), 0.0)]
    if typing and len(word) >= 2:
        start = bisect.bisect_left(index.sorted_words, word)
        for candidate in index.sorted_words[start : start + MAX_EXPANSIONS]:
            if not candidate.startswith(word):
                break
            s = index.vocabulary[candidate]
            alternatives.append(((s,), PREFIX * index.idf[s]))
    if len(alternatives) == 1 and len(word) >= 5:
        nearby = [w for w in index.by_initial.get(word[0], ()) if abs(len(w) - len(word)) <= 2]
        for close in difflib.get_close_matches(word, nearby, n=3, cutoff=0.8):
            s = index.vocabulary[close]
            alternatives.append(((s,), SPELLING * index.idf[s]))
    return Slot(alternatives)


def _with_implied(index: SearchIndex, slot: Slot, serious: bool) -> Slot:
    if serious and not any(
        phrase and min(index.strongest.get(s, 0.0) for s in phrase) >= NAMED
        for phrase, _value in slot.alternatives
    ):
        return Slot(slot.alternatives, implied=True)
    return slot


def _values(index: SearchIndex, slot: Slot) -> dict[int, float]:
    """How well each entry that has one of the slot's alternatives finds it (its best one).

    Worked out from the alternatives' postings, so the cost follows the entries that have the
    word rather than every candidate times every completion of a word being typed.
    """
    best: dict[int, float] = {}
    for phrase, value in slot.alternatives:
        lists = [index.postings.get(s) for s in phrase]
        if not phrase or not all(lists):
            continue
        shortest = min((lst for lst in lists if lst), key=len)
        for position in shortest:
            weights = index.weights[position]
            if len(phrase) == 1:
                weight = weights[phrase[0]]
            elif all(s in weights for s in phrase):
                weight = min(weights[s] for s in phrase)
            else:
                continue
            if value * weight > best.get(position, 0.0):
                best[position] = value * weight
    return best


def _implied(entry: Entry, slot: Slot) -> float:
    """What a serious word is worth to a Level 4 indicator that does not use it."""
    if not slot.implied or entry.level != 4 or entry.kind != "indicator" or entry.strength:
        return 0.0
    return IMPLIED * max(value for _phrase, value in slot.alternatives)


def search(
    pack: Pack,
    query: str,
    *,
    age_band: str | None = None,
    kinds: tuple[str, ...] | None = None,
    limit: int | None = None,
) -> list[Hit]:
    """Search the pack for ``query``; best first.

    Args:
        pack: the pack to search (its index is built on the first search).
        query: what was typed, as it stands (a last word not yet finished is completed).
        age_band: leave out indicators that do not apply to a child of this age.
        kinds: only these kinds of entry (see :data:`thresholds_app.core.search.index.KINDS`).
        limit: at most this many hits.
    """
    index = index_for(pack)
    slots = _slots(index, query)
    if not slots:
        return []
    needed = max(1, len(slots) // 3)  # forgiving: one word of three can find an entry
    any_implied = any(slot.implied for slot in slots)
    found_by_slot = [_values(index, slot) for slot in slots]
    candidates: set[int] = set().union(*found_by_slot)
    hits: list[Hit] = []
    for position in candidates:
        entry = index.entries[position]
        if kinds is not None and entry.kind not in kinds:
            continue
        if not entry.applies_to(age_band):
            continue
        values = [found.get(position, 0.0) for found in found_by_slot]
        if sum(1 for v in values if v > 0) < needed:
            continue
        if any_implied and entry.level == 4:
            values = [v or _implied(entry, slot) for v, slot in zip(values, slots, strict=True)]
        found = sum(1 for v in values if v > 0)
        score = sum(values) * severity(entry) * (STRENGTH if entry.strength else 1.0)
        hits.append(Hit(entry, found, len(slots), score))
    # the more serious first when the scores tie, then by id so the order never wavers
    hits.sort(key=lambda h: (-h.complete, -h.score, -(h.entry.level or 0), h.entry.id))
    return hits if limit is None else hits[:limit]
