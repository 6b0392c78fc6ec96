"""Can a rule ever fire? A conservative, static check of a rule's condition.

It reports only conditions that *no* set of answers could satisfy: a count needing more matching
indicators than the pack has, ``at_least`` asking for more conditions than it lists, or an
``all`` that needs the same answer to be two things at once or the child to be in two age bands.
Anything it cannot decide is treated as reachable (the pack's test cases cover the rest).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from thresholds_app.core.pack.vocabulary import CONDITION_ANSWERS, DISTINCT_KEYS, where_matches

_ALL_ANSWERS = frozenset(CONDITION_ANSWERS)


def _topics(indicator: Mapping[str, Any]) -> list[Any]:
    topics = indicator.get("topics")
    return topics if isinstance(topics, list) else []


def _matches(indicator: Mapping[str, Any], where: Mapping[str, Any]) -> bool:
    return where_matches(where, indicator.get, _topics(indicator))


def _count_reason(
    count: Mapping[str, Any], indicators: Mapping[str, Mapping[str, Any]]
) -> str | None:
    where: Mapping[str, Any] = count["where"] if isinstance(count.get("where"), dict) else {}
    matching = [i for i in indicators.values() if _matches(i, where)]
    distinct = count.get("distinct")
    if distinct in DISTINCT_KEYS:
        available = len({v for i in matching if isinstance(v := i.get(distinct), str)})
    else:
        available = len(matching)
    needed = count.get("at_least")
    if isinstance(needed, int) and needed > available:
        what = f"different {distinct}s" if distinct in DISTINCT_KEYS else "indicators"
        return f"it needs {needed} {what} matching {dict(where)} but the pack has {available}"
    return None


def _answer_set(answer: Mapping[str, Any]) -> frozenset[str]:
    wanted = answer.get("is")
    return frozenset(wanted if isinstance(wanted, list) else [wanted])


def unreachable_reason(
    cond: Any,
    indicators: Mapping[str, Mapping[str, Any]],
    domains: Mapping[str, set[str]] | None = None,
) -> str | None:
    """Return why ``cond`` can never be true, or None if it may be."""
    if not isinstance(cond, dict):
        return None
    if isinstance(cond.get("count"), dict):
        return _count_reason(cond["count"], indicators)
    if isinstance(cond.get("any"), list):
        reasons = [unreachable_reason(c, indicators, domains) for c in cond["any"]]
        return reasons[0] if reasons and all(reasons) else None
    if isinstance(cond.get("at_least"), dict):
        spec = cond["at_least"]
        subs = spec.get("of") if isinstance(spec.get("of"), list) else []
        possible = sum(1 for c in subs if unreachable_reason(c, indicators, domains) is None)
        n = spec.get("n")
        if isinstance(n, int) and n > possible:
            return f"it needs {n} conditions to be true but only {possible} can be"
        return None
    if isinstance(cond.get("all"), list):
        return _all_reason(cond["all"], indicators, domains)
    return None


def _all_reason(
    subs: list[Any],
    indicators: Mapping[str, Mapping[str, Any]],
    domains: Mapping[str, set[str]] | None,
) -> str | None:
    allowed: dict[str, frozenset[str]] = {}
    bands: set[str] | None = None
    for sub in subs:
        reason = unreachable_reason(sub, indicators, domains)
        if reason:
            return reason
        if not isinstance(sub, dict):
            continue
        answer = sub.get("answer")
        if isinstance(answer, dict) and isinstance(answer.get("id"), str):
            key = answer["id"]
            allowed[key] = allowed.get(key, _ALL_ANSWERS) & _answer_set(answer)
            if not allowed[key]:
                return f"it needs '{key}' to have two different answers at once"
        if isinstance(sub.get("age_band"), list):
            new = set(sub["age_band"])
            bands = new if bands is None else bands & new
            if not bands:
                return "it needs the child to be in two different age bands at once"
    return None
