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
#: Statutory routes within Level 4: a section 47 enquiry (significant harm), a section 17 child in
#: need assessment, or a child already open to children's social care. A Level 4 indicator or
#: rule that names no route means possible significant harm, the safe default.
ROUTES: tuple[str, ...] = ("already-open", "child-protection", "child-in-need")
DEFAULT_ROUTE = "child-protection"
#: The routes an indicator may name (being already open is a fact about the case, not a sign).
INDICATOR_ROUTES: tuple[str, ...] = ("child-protection", "child-in-need")
QUESTION_GROUPS: tuple[str, ...] = (
    "safety", "child", "household", "involvement", "history", "voice", "consent", "context",
)  # fmt: skip
#: What ``count.where`` may filter indicators on, and what ``count.distinct`` may count.
WHERE_KEYS: tuple[str, ...] = ("level", "kind", "domain", "area", "theme", "topic", "route")
DISTINCT_KEYS: tuple[str, ...] = ("domain", "area")


def indicator_route(level: Any, kind: Any, route: Any) -> str | None:
    """A Level 4 concern's statutory route; possible significant harm unless it says otherwise."""
    if level != 4 or kind != "concern":
        return None
    return str(route or DEFAULT_ROUTE)


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
