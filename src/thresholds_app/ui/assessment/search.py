"""Find indicators by the words a practitioner would use ("bruise", "drinking", "prison").

A pure function over the pack: every word typed must appear (as a word start, after a light
stemming) in the indicator's text, examples, keywords, theme, topics or area title.
"""

from __future__ import annotations

import re

from thresholds_app.core.pack.model import Indicator, Pack

_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ings", "ing", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """Strip a common English ending so 'drinking' finds 'drink' and 'bruises' finds 'bruise'."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _haystack(pack: Pack, indicator: Indicator) -> list[str]:
    area = next(
        (a.title for d in pack.domains for a in d.areas if a.id == indicator.area), indicator.area
    )
    parts = [
        indicator.text,
        *indicator.examples,
        *indicator.keywords,
        indicator.theme or "",
        *indicator.topics,
        area,
    ]
    return _WORD.findall(" ".join(parts).lower().replace("-", " "))


def search_indicators(
    pack: Pack, query: str, age_band: str | None = None, limit: int = 40
) -> list[Indicator]:
    """Return indicators matching every word of ``query``, best (most hits) first."""
    terms = [stem(w) for w in _WORD.findall(query.lower())]
    if not terms:
        return []
    scored: list[tuple[int, int, str, Indicator]] = []
    for indicator in pack.indicators.values():
        if not indicator.applies_to(age_band):
            continue
        words = _haystack(pack, indicator)
        hits = [sum(w.startswith(t) for w in words) for t in terms]
        if all(hits):
            scored.append((-sum(hits), indicator.level, indicator.id, indicator))
    scored.sort(key=lambda row: row[:3])
    return [row[3] for row in scored[:limit]]
