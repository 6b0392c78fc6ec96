"""How far a room agrees on a scenario's level: percentage agreement and Fleiss' kappa.

Votes are counts per level, never names. Percentage agreement is the share of votes for the
level the scenario expects. Fleiss' kappa (Fleiss, 1971) measures agreement among the room
beyond what chance would give, across every scenario of a session:

    P_i = (sum_j n_ij^2 - n_i) / (n_i (n_i - 1))   agreement within scenario i
    p_j = sum_i n_ij / sum_i n_i                   share of all votes for level j
    kappa = (mean(P_i) - sum_j p_j^2) / (1 - sum_j p_j^2)

With the same number of votes on every scenario this is Fleiss' statistic exactly; when people
join or leave between scenarios, each scenario's agreement uses its own count (the usual
extension). We compute it here rather than through statsmodels, the well-kept implementation,
because that would add NumPy, SciPy and pandas (over 100 MB) to every installed desk for one
formula; the tests check this function against Fleiss' published worked example and against
statsmodels on random tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from thresholds_app.core.base.records import record

# Scenarios with two or more votes needed before agreement beyond chance (kappa) is given.
MIN_KAPPA_SCENARIOS = 2


@record
class Agreement:
    """The room's agreement across a session's scenarios (None where it is not defined)."""

    scenarios: int
    votes: int
    percent_with_expected: float | None
    kappa: float | None
    kappa_note: str


def percent_agreement(counts: Mapping[int, int], expected: int | None) -> float | None:
    """Return the percentage of votes for the expected level (None with no votes or no answer)."""
    total = sum(counts.values())
    if total == 0 or expected is None:
        return None
    return 100.0 * counts.get(expected, 0) / total


def fleiss_kappa(table: Sequence[Sequence[int]]) -> float | None:
    """Return Fleiss' kappa for a table of vote counts (rows: scenarios; columns: levels).

    Rows with fewer than two votes say nothing about agreement and are left out. Returns None when
    kappa is not defined: fewer than one usable row, or every vote for one level (no chance term).
    """
    rows = [list(row) for row in table if sum(row) >= 2]
    if not rows:
        return None
    if any(value < 0 for row in rows for value in row):
        raise ValueError("vote counts cannot be negative")
    columns = len(rows[0])
    if any(len(row) != columns for row in rows):
        raise ValueError("every row needs a count for each level")
    total = sum(sum(row) for row in rows)
    shares = [sum(row[j] for row in rows) / total for j in range(columns)]
    chance = sum(share * share for share in shares)
    if chance >= 1.0:
        return None
    within = [
        (sum(value * value for value in row) - sum(row)) / (sum(row) * (sum(row) - 1))
        for row in rows
    ]
    observed = sum(within) / len(within)
    return (observed - chance) / (1.0 - chance)


def session_agreement(
    votes: Iterable[tuple[Mapping[int, int], int | None]], levels: Sequence[int]
) -> Agreement:
    """Agreement across a session: each item is (votes per level, the expected level)."""
    items = [(counts, expected) for counts, expected in votes if sum(counts.values()) > 0]
    total = sum(sum(counts.values()) for counts, _ in items)
    expected_votes = [(counts, exp) for counts, exp in items if exp is not None]
    with_expected = sum(counts.get(exp, 0) for counts, exp in expected_votes if exp is not None)
    denominator = sum(sum(counts.values()) for counts, _ in expected_votes)
    percent = 100.0 * with_expected / denominator if denominator else None
    table = [[counts.get(level, 0) for level in levels] for counts, _ in items]
    usable = [row for row in table if sum(row) >= 2]
    # From one scenario the chance term is that scenario's own votes: a kappa there (often
    # negative, "poor") says nothing about the room, so it is given from two scenarios up.
    kappa = fleiss_kappa(usable) if len(usable) >= MIN_KAPPA_SCENARIOS else None
    if kappa is not None:
        note = "Fleiss' kappa across the scenarios with at least two votes."
    elif not items:
        note = "No votes recorded yet."
    elif len(usable) < MIN_KAPPA_SCENARIOS:
        note = "Agreement beyond chance needs at least two scenarios with two or more votes each."
    else:
        note = "Agreement beyond chance is not defined: every vote was for the same level."
    return Agreement(len(items), total, percent, kappa, note)


def describe_kappa(kappa: float | None) -> str:
    """Landis and Koch's usual words for a kappa value, for the session sheet and the room."""
    if kappa is None:
        return "not defined"
    for limit, words in (
        (0.0, "poor"),
        (0.20, "slight"),
        (0.40, "fair"),
        (0.60, "moderate"),
        (0.80, "substantial"),
    ):
        if kappa <= limit:
            return words
    return "almost perfect"
