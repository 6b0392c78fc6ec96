"""Run a pack's search query set (``tests/search.yaml``): does each phrasing find what it should?

Used by ``thresholds check`` and by pytest, so both count and report misses the same way.
"""

from __future__ import annotations

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Pack, SearchQuery
from thresholds_app.core.search.find import search


@record
class QueryOutcome:
    """One query: what it should have found in the top results, and what it missed."""

    query: SearchQuery
    missing: tuple[str, ...]
    top: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """Whether everything expected was in the top results."""
        return not self.missing

    def report(self) -> str:
        """Where the query is, what was typed, what was missing and what came first instead."""
        where = f"{self.query.file}:{self.query.line}" if self.query.line else self.query.file
        return (
            f"{where}: search {self.query.typed!r} did not find {', '.join(self.missing)}; "
            f"first: {', '.join(self.top[:5]) or 'nothing'}"
        )


@record
class QuerySetResult:
    """Every query's outcome, and whether enough of them passed."""

    outcomes: tuple[QueryOutcome, ...]
    goal_percent: float
    top: int

    @property
    def percent(self) -> float:
        """The share of queries that found everything expected, 0-100."""
        if not self.outcomes:
            return 100.0
        return 100.0 * sum(o.passed for o in self.outcomes) / len(self.outcomes)

    @property
    def passed(self) -> bool:
        """Whether the share reached the pack's goal."""
        return self.percent >= self.goal_percent

    def summary(self) -> str:
        """One line: how many found, the share and the goal."""
        found = sum(o.passed for o in self.outcomes)
        return (
            f"search: {found} of {len(self.outcomes)} queries ({self.percent:.1f}%) found "
            f"what they should in the top {self.top}; the goal is {self.goal_percent:g}%"
        )


def check_query(pack: Pack, query: SearchQuery, top: int) -> QueryOutcome:
    """Search as a practitioner would, once, and compare the top results with the query's.

    A query with its own ``top`` is held to that, where it is tighter than the set's.
    """
    limit = min(top, query.top) if query.top else top
    hits = search(pack, query.typed, age_band=query.age_band, limit=limit)
    ids = tuple(h.entry.id for h in hits)
    return QueryOutcome(query, tuple(i for i in query.finds if i not in ids), ids)


def check_queries(pack: Pack) -> QuerySetResult:
    """Run every query of the pack's query set."""
    queries = pack.search_queries
    outcomes = tuple(check_query(pack, q, queries.top) for q in queries.queries)
    return QuerySetResult(outcomes, queries.goal_percent, queries.top)
