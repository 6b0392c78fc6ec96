"""The one search of the app: a practitioner's words in, the pack's entries out, best first.

Used by the assessment's search box, the guidance browser and ``thresholds check``, so every
place finds the same things in the same order. How a query is read:

1. Words are split and stemmed; function words ("the", "is") and the pack's ignored words
   ("child") are skipped.
2. Each word, or phrase from ``synonyms.yaml`` ("county lines", "mum"), is one thing to find;
   it is found by its own stems or by any of the phrases the pack says it means ("parent").
3. The last word, while it is still being typed, also finds the pack's words it begins
   ("hung" finds "hungry"); a word the pack does not have at all finds close spellings.
4. Entries that find every thing come first, then those that find only some (at least one in
   three); within each, the rarer the words and the more prominent where they are found (text
   and keywords above examples), the higher: so a partial match on a telling word ("bleach")
   still ranks above a partial match on a common one ("home").
"""

from __future__ import annotations

import bisect
import difflib

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.search.index import Entry, SearchIndex, index_for
from thresholds_app.core.search.words import STOPWORDS, stem, tokens

# How much a looser way of finding a word counts against the word itself.
SYNONYM, PREFIX, SPELLING = 0.9, 0.6, 0.5
STRENGTH = 0.8  # a strength ranks a little below a concern that matches as well
MAX_EXPANSIONS = 24


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


Alternative = tuple[tuple[str, ...], float]  # stems that must all be present, and their factor


def _slots(index: SearchIndex, query: str) -> list[list[Alternative]]:
    words = tokens(query)
    typing = bool(query) and not query[-1].isspace()
    word_stems = [stem(w) for w in words]
    skipped = [w in STOPWORDS or s in index.ignored for w, s in zip(words, word_stems, strict=True)]
    if all(skipped):  # a query of only such words still searches for them
        skipped = [False] * len(words)
    slots: list[list[Alternative]] = []
    i = 0
    while i < len(words):
        # the longest phrase from synonyms.yaml starting here, stop words and all ("looks after")
        for length in range(min(index.longest_synonym, len(words) - i), 0, -1):
            phrase = tuple(word_stems[i : i + length])
            if phrase in index.synonyms:
                own = tuple(
                    s for s, skip in zip(phrase, skipped[i : i + length], strict=True) if not skip
                )
                alternatives = [(p, SYNONYM) for p in index.synonyms[phrase]]
                slots.append([(own, 1.0), *alternatives] if own else alternatives)
                i += length
                break
        else:
            if not skipped[i]:
                slots.append(_single(index, words[i], typing and i == len(words) - 1))
            i += 1
    return slots


def _single(index: SearchIndex, word: str, typing: bool) -> list[Alternative]:
    own = stem(word)
    alternatives: list[Alternative] = [((own,), 1.0)]
    if own in index.idf:
        return alternatives
    if typing and len(word) >= 2:
        start = bisect.bisect_left(index.sorted_words, word)
        for candidate in index.sorted_words[start : start + MAX_EXPANSIONS]:
            if not candidate.startswith(word):
                break
            alternatives.append(((index.vocabulary[candidate],), PREFIX))
    if len(alternatives) == 1 and len(word) >= 5:
        nearby = [w for w in index.by_initial.get(word[0], ()) if abs(len(w) - len(word)) <= 2]
        for close in difflib.get_close_matches(word, nearby, n=3, cutoff=0.8):
            alternatives.append(((index.vocabulary[close],), SPELLING))
    return alternatives


def _values(index: SearchIndex, alternatives: list[Alternative]) -> dict[int, float]:
    """How well each entry that has one of ``alternatives`` finds it (its best alternative).

    Worked out from the alternatives' postings, so the cost follows the entries that have the
    word rather than every candidate times every completion of a word being typed.
    """
    best: dict[int, float] = {}
    for phrase, factor in alternatives:
        lists = [index.postings.get(s) for s in phrase]
        if not all(lists):
            continue
        rarity = sum(index.idf[s] for s in phrase) / len(phrase)
        shortest = min((lst for lst in lists if lst), key=len)
        for position in shortest:
            weights = index.weights[position]
            if len(phrase) == 1:
                weight = weights[phrase[0]]
            elif all(s in weights for s in phrase):
                weight = min(weights[s] for s in phrase)
            else:
                continue
            value = factor * weight * rarity  # in this order: ties rank as they always have
            if value > best.get(position, 0.0):
                best[position] = value
    return best


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
    found_by_slot = [_values(index, alternatives) for alternatives in slots]
    candidates: set[int] = set().union(*found_by_slot)
    hits: list[Hit] = []
    for position in candidates:
        entry = index.entries[position]
        if kinds is not None and entry.kind not in kinds:
            continue
        if not entry.applies_to(age_band):
            continue
        values = [found.get(position, 0.0) for found in found_by_slot]
        found = sum(1 for v in values if v > 0)
        if found < needed:
            continue
        score = sum(values) * (STRENGTH if entry.strength else 1.0)
        hits.append(Hit(entry, found, len(slots), score))
    hits.sort(key=lambda h: (-h.complete, -h.score, h.entry.level or 0, h.entry.id))
    return hits if limit is None else hits[:limit]
