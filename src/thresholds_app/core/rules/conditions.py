"""The condition interpreter: a closed vocabulary of rule conditions, compiled once per pack.

A rule's ``when`` is plain data in the vocabulary of :mod:`thresholds_app.core.pack.vocabulary`
(see also ``docs/pack-format.md``).

:func:`compile_condition` turns that data into a small tree of condition objects. Each object
answers two questions for a set of answers and an age band: does it hold, and which answers made it
hold (the *support*, used to explain a rule). There is no ``eval`` and no code in a pack: anything
outside the vocabulary raises :class:`ConditionError`.

``count`` ignores an indicator's age bands on purpose: a "yes" the practitioner gave is never
discarded because of the child's age.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from thresholds_app.core.pack.model import Indicator
from thresholds_app.core.pack.vocabulary import (
    AGE_BANDS,
    ANSWER_KEYS,
    AT_LEAST_KEYS,
    CONDITION_ANSWERS,
    CONDITION_FORMS,
    COUNT_KEYS,
    DISTINCT_KEYS,
    UNANSWERED,
    WHERE_KEYS,
    where_matches,
)

ANSWER_VALUES = CONDITION_ANSWERS
FORMS = CONDITION_FORMS


class ConditionError(ValueError):
    """A rule condition is outside the closed vocabulary; ``path`` says where."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def answer_of(answers: Mapping[str, str], item_id: str) -> str:
    """The answer to ``item_id``, with a missing answer reported as ``"unanswered"``."""
    return answers.get(item_id, UNANSWERED)


class Condition:
    """A compiled condition: evaluate it, explain it and list the ids it reads."""

    def holds(self, answers: Mapping[str, str], age_band: str | None) -> bool:
        """Whether the condition is true for these answers and this age band."""
        raise NotImplementedError

    def support(self, answers: Mapping[str, str], age_band: str | None) -> list[str]:
        """Ids of the answers that make this (true) condition true, in a stable order."""
        raise NotImplementedError

    def referenced_ids(self) -> set[str]:
        """Question and indicator ids this condition names directly (not via ``count``)."""
        raise NotImplementedError


@dataclass(frozen=True)
class AnswerIs(Condition):
    """``answer: {id: X, is: ...}``."""

    item_id: str
    values: frozenset[str]

    def holds(self, answers: Mapping[str, str], age_band: str | None) -> bool:  # noqa: D102
        return answers.get(self.item_id, UNANSWERED) in self.values

    def support(self, answers: Mapping[str, str], age_band: str | None) -> list[str]:  # noqa: D102
        return [self.item_id] if self.holds(answers, age_band) else []

    def referenced_ids(self) -> set[str]:  # noqa: D102
        return {self.item_id}


@dataclass(frozen=True)
class AllOf(Condition):
    """``all: [...]``."""

    parts: tuple[Condition, ...]

    def holds(self, answers: Mapping[str, str], age_band: str | None) -> bool:  # noqa: D102
        return all(p.holds(answers, age_band) for p in self.parts)

    def support(self, answers: Mapping[str, str], age_band: str | None) -> list[str]:  # noqa: D102
        return _merge(p.support(answers, age_band) for p in self.parts)

    def referenced_ids(self) -> set[str]:  # noqa: D102
        return set().union(*(p.referenced_ids() for p in self.parts))


@dataclass(frozen=True)
class AnyOf(Condition):
    """``any: [...]``."""

    parts: tuple[Condition, ...]

    def holds(self, answers: Mapping[str, str], age_band: str | None) -> bool:  # noqa: D102
        return any(p.holds(answers, age_band) for p in self.parts)

    def support(self, answers: Mapping[str, str], age_band: str | None) -> list[str]:  # noqa: D102
        return _merge(
            p.support(answers, age_band) for p in self.parts if p.holds(answers, age_band)
        )

    def referenced_ids(self) -> set[str]:  # noqa: D102
        return set().union(*(p.referenced_ids() for p in self.parts))


@dataclass(frozen=True)
class Not(Condition):
    """``not: c``. Its support is empty: an absence is not an answer to cite."""

    part: Condition

    def holds(self, answers: Mapping[str, str], age_band: str | None) -> bool:  # noqa: D102
        return not self.part.holds(answers, age_band)

    def support(self, answers: Mapping[str, str], age_band: str | None) -> list[str]:  # noqa: D102
        return []

    def referenced_ids(self) -> set[str]:  # noqa: D102
        return self.part.referenced_ids()


@dataclass(frozen=True)
class AtLeast(Condition):
    """``at_least: {n: N, of: [...]}``."""

    n: int
    parts: tuple[Condition, ...]

    def holds(self, answers: Mapping[str, str], age_band: str | None) -> bool:  # noqa: D102
        hits = 0
        for part in self.parts:
            if part.holds(answers, age_band):
                hits += 1
                if hits >= self.n:
                    return True
        return self.n <= 0

    def support(self, answers: Mapping[str, str], age_band: str | None) -> list[str]:  # noqa: D102
        return _merge(
            p.support(answers, age_band) for p in self.parts if p.holds(answers, age_band)
        )

    def referenced_ids(self) -> set[str]:  # noqa: D102
        return set().union(*(p.referenced_ids() for p in self.parts))


@dataclass(frozen=True)
class Count(Condition):
    """``count``: how many matching indicators carry an answer (or how many distinct groups).

    ``groups`` is precomputed at compile time: matching indicator id -> its group (the domain or
    area when ``distinct`` is set, else the id itself), in pack order. Evaluation walks whichever
    is shorter, the answers or the matching indicators, so it stays cheap for a large pack.
    """

    n: int
    values: frozenset[str]
    groups: Mapping[str, str]
    distinct: str | None
    order: Mapping[str, int]  # position of each matching indicator in pack order

    def _hits(self, answers: Mapping[str, str]) -> Iterable[str]:
        """Ids of matching indicators carrying a counted answer (in no particular order)."""
        values, groups = self.values, self.groups
        if UNANSWERED not in values and len(answers) <= len(groups):
            return [i for i, a in answers.items() if a in values and i in groups]
        return [i for i in groups if answers.get(i, UNANSWERED) in values]

    def holds(self, answers: Mapping[str, str], age_band: str | None) -> bool:  # noqa: D102
        if self.n <= 0:
            return True
        hits = self._hits(answers)
        if self.distinct is None:
            return len(list(hits)) >= self.n
        return len({self.groups[i] for i in hits}) >= self.n

    def support(self, answers: Mapping[str, str], age_band: str | None) -> list[str]:  # noqa: D102
        hits = set(self._hits(answers))
        if len(hits) * 4 < len(self.groups):
            return sorted(hits, key=self.order.__getitem__)
        return [i for i in self.groups if i in hits]

    def referenced_ids(self) -> set[str]:  # noqa: D102
        return set()


@dataclass(frozen=True)
class AgeBandIn(Condition):
    """``age_band: [...]``: false when the age band is not known."""

    bands: frozenset[str]

    def holds(self, answers: Mapping[str, str], age_band: str | None) -> bool:  # noqa: D102
        return age_band in self.bands

    def support(self, answers: Mapping[str, str], age_band: str | None) -> list[str]:  # noqa: D102
        return []

    def referenced_ids(self) -> set[str]:  # noqa: D102
        return set()


def _merge(groups: Iterable[list[str]]) -> list[str]:
    """Concatenate id lists, keeping the first occurrence of each id."""
    seen: dict[str, None] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item, None)
    return list(seen)


def _answer_values(raw: Any, path: str) -> frozenset[str]:
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not values:
        raise ConditionError(path, "expected an answer or a list of answers")
    for value in values:
        if value not in ANSWER_VALUES:
            raise ConditionError(
                path, f"{value!r} is not an answer (use one of {', '.join(ANSWER_VALUES)})"
            )
    return frozenset(values)


def _list(raw: Any, path: str) -> list[Any]:
    if not isinstance(raw, list) or not raw:
        raise ConditionError(path, "expected a non-empty list of conditions")
    return raw


def _count(raw: Any, path: str, indicators: Sequence[Indicator]) -> Count:
    if not isinstance(raw, Mapping):
        raise ConditionError(path, "expected a mapping with at_least and where")
    unknown = set(raw) - set(COUNT_KEYS)
    if unknown:
        raise ConditionError(path, f"unknown key {sorted(unknown)[0]!r}")
    n = raw.get("at_least")
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ConditionError(f"{path}.at_least", "expected a whole number of at least 0")
    where = raw.get("where", {})
    if not isinstance(where, Mapping):
        raise ConditionError(f"{path}.where", "expected a mapping")
    for key in where:
        if key not in WHERE_KEYS:
            raise ConditionError(f"{path}.where", f"unknown key {key!r}")
    distinct = raw.get("distinct")
    if distinct is not None and distinct not in DISTINCT_KEYS:
        raise ConditionError(f"{path}.distinct", "expected domain or area")
    values = _answer_values(raw.get("answer", "yes"), f"{path}.answer")
    groups = {
        ind.id: (getattr(ind, distinct) if distinct else ind.id)
        for ind in indicators
        if _matches(ind, where)
    }
    order = {item: index for index, item in enumerate(groups)}
    return Count(n=n, values=values, groups=groups, distinct=distinct, order=order)


def _matches(indicator: Indicator, where: Mapping[str, Any]) -> bool:
    return where_matches(where, lambda key: getattr(indicator, key), indicator.topics)


def compile_condition(raw: Any, indicators: Sequence[Indicator], path: str = "when") -> Condition:
    """Compile one condition (plain data) into a :class:`Condition` tree.

    Args:
        raw: The condition as loaded from YAML.
        indicators: Every indicator of the pack, in pack order (``count`` is resolved against them).
        path: Where the condition sits, for error messages.

    Raises:
        ConditionError: The condition is not in the closed vocabulary.
    """
    if not isinstance(raw, Mapping) or len(raw) != 1:
        raise ConditionError(path, "expected exactly one of " + ", ".join(FORMS))
    ((form, body),) = raw.items()
    here = f"{path}.{form}"
    if form == "answer":
        if not isinstance(body, Mapping) or set(body) != set(ANSWER_KEYS):
            raise ConditionError(here, "expected {id: ..., is: ...}")
        if not isinstance(body["id"], str):
            raise ConditionError(f"{here}.id", "expected an id")
        return AnswerIs(body["id"], _answer_values(body["is"], f"{here}.is"))
    if form in ("all", "any"):
        parts = tuple(
            compile_condition(c, indicators, f"{here}[{i}]")
            for i, c in enumerate(_list(body, here))
        )
        return AllOf(parts) if form == "all" else AnyOf(parts)
    if form == "not":
        return Not(compile_condition(body, indicators, here))
    if form == "at_least":
        if not isinstance(body, Mapping) or set(body) != set(AT_LEAST_KEYS):
            raise ConditionError(here, "expected {n: ..., of: [...]}")
        n = body["n"]
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise ConditionError(f"{here}.n", "expected a whole number of at least 0")
        of = _list(body["of"], f"{here}.of")
        return AtLeast(
            n, tuple(compile_condition(c, indicators, f"{here}.of[{i}]") for i, c in enumerate(of))
        )
    if form == "count":
        return _count(body, here, indicators)
    if form == "age_band":
        bands = body if isinstance(body, list) else [body]
        for band in bands:
            if band not in AGE_BANDS:
                raise ConditionError(here, f"{band!r} is not an age band")
        return AgeBandIn(frozenset(bands))
    raise ConditionError(path, f"unknown condition {form!r} (use one of {', '.join(FORMS)})")
