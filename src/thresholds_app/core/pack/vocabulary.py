"""The words a pack and a case file may use, defined once: answers, age bands, rule conditions.

The engine (:mod:`thresholds_app.core.rules.conditions`), the pack's cross-reference and
reachability checks, and the JSON Schemas (:mod:`thresholds_app.schemas.source`, which generates
the shipped ``*.schema.json`` from these names) all import them from here, so a new answer, age
band or condition form is added in one place and a test fails until the schemas agree.

A rule's condition is one of :data:`CONDITION_FORMS`::

    answer:   {id: X, is: "yes"}          # or a list; "unanswered" matches no answer
    all:      [c, ...]
    any:      [c, ...]
    not:      c
    at_least: {n: 2, of: [c, ...]}
    count:    {at_least: 3, where: {...}, answer: "yes", distinct: domain}
    age_band: [under-1, pre-birth]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any, Literal

Answer = Literal["yes", "no", "not-known"]
ANSWERS: tuple[Answer, ...] = ("yes", "no", "not-known")
#: What a condition may look for: an answer, or no answer at all.
UNANSWERED = "unanswered"
CONDITION_ANSWERS: tuple[str, ...] = (*ANSWERS, UNANSWERED)

AGE_BANDS: tuple[str, ...] = ("pre-birth", "under-1", "1-4", "5-10", "11-15", "16-17", "18-25")
LEVELS: tuple[int, ...] = (1, 2, 3, 4)
INDICATOR_KINDS: tuple[str, ...] = ("concern", "strength")
PART_STATUSES: tuple[str, ...] = ("confirmed", "partly-confirmed", "regional-pattern", "invented")

CONDITION_FORMS: tuple[str, ...] = ("answer", "all", "any", "not", "at_least", "count", "age_band")
#: The keys inside each form that has a mapping for its body.
ANSWER_KEYS: tuple[str, ...] = ("id", "is")
AT_LEAST_KEYS: tuple[str, ...] = ("n", "of")
COUNT_KEYS: tuple[str, ...] = ("at_least", "where", "answer", "distinct")
#: What ``count.where`` may filter indicators on, and what ``count.distinct`` may count.
WHERE_KEYS: tuple[str, ...] = ("level", "kind", "domain", "area", "theme", "topic")
DISTINCT_KEYS: tuple[str, ...] = ("domain", "area")


def sub_conditions(cond: Mapping[str, Any]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Yield ``(path inside cond, condition)`` for each condition nested directly in ``cond``.

    Tolerant of malformed data (the schema reports that): a wrong shape simply yields nothing.
    """
    for form in ("all", "any"):
        parts = cond.get(form)
        if isinstance(parts, list):
            yield from (((form, i), sub) for i, sub in enumerate(parts))
    if "not" in cond:
        yield ("not",), cond["not"]
    at_least = cond.get("at_least")
    parts = at_least.get("of") if isinstance(at_least, Mapping) else None
    if isinstance(parts, list):
        yield from ((("at_least", "of", i), sub) for i, sub in enumerate(parts))


def where_matches(
    where: Mapping[str, Any], value_of: Callable[[str], Any], topics: Collection[Any]
) -> bool:
    """Whether an indicator matches ``count.where``; each filter takes a value or a list.

    ``value_of(key)`` gives the indicator's level, kind, domain, area or theme; ``topics`` are the
    pathways it offers (``topic`` matches when any wanted topic is among them).
    """
    for key, wanted in where.items():
        options = wanted if isinstance(wanted, list) else [wanted]
        if key == "topic":
            if not any(t in topics for t in options):
                return False
        elif value_of(key) not in options:
            return False
    return True
