"""Agreement figures against Fleiss' published worked example and against statsmodels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresholds_app.core.training.agreement import (
    describe_kappa,
    fleiss_kappa,
    percent_agreement,
    session_agreement,
)

# Fleiss (1971), as reproduced in most textbooks: 10 subjects, 14 raters, 5 categories.
# Published results: P-bar = 0.378, P_e = 0.213, kappa = 0.210.
FLEISS_EXAMPLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_fleiss_worked_example() -> None:
    assert fleiss_kappa(FLEISS_EXAMPLE) == pytest.approx(0.210, abs=5e-4)


def test_perfect_agreement_on_different_levels_is_one() -> None:
    assert fleiss_kappa([[5, 0, 0, 0], [0, 5, 0, 0], [0, 0, 0, 5]]) == pytest.approx(1.0)


def test_kappa_undefined_when_every_vote_is_one_level() -> None:
    assert fleiss_kappa([[0, 6, 0, 0], [0, 4, 0, 0]]) is None
    assert fleiss_kappa([[1, 0, 0, 0]]) is None  # a single vote says nothing about agreement


def test_rows_with_fewer_than_two_votes_are_left_out() -> None:
    assert fleiss_kappa([*FLEISS_EXAMPLE, [0, 0, 1, 0, 0]]) == pytest.approx(0.210, abs=5e-4)


def test_bad_tables_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        fleiss_kappa([[3, -1], [2, 2]])
    with pytest.raises(ValueError, match="each level"):
        fleiss_kappa([[3, 1], [2, 2, 0]])


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 12).flatmap(
        lambda raters: st.lists(
            st.lists(st.integers(0, raters), min_size=4, max_size=4).map(
                lambda row, n=raters: _fill(row, n)
            ),
            min_size=2,
            max_size=12,
        )
    )
)
def test_agrees_with_statsmodels_on_equal_rooms(table: list[list[int]]) -> None:
    np = pytest.importorskip("numpy")
    inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")
    ours = fleiss_kappa(table)
    if ours is None:
        return
    assert ours == pytest.approx(inter_rater.fleiss_kappa(np.array(table)), abs=1e-9)


def _fill(row: list[int], raters: int) -> list[int]:
    """Scale a random row so it sums to exactly ``raters`` votes."""
    row = [min(v, raters) for v in row]
    total = sum(row)
    if total > raters:
        row = [0] * len(row)
        total = 0
    row[0] += raters - total
    return row


def test_percent_agreement() -> None:
    assert percent_agreement({1: 2, 2: 6, 3: 2}, 2) == pytest.approx(60.0)
    assert percent_agreement({}, 2) is None
    assert percent_agreement({1: 3}, None) is None


def test_session_agreement_combines_scenarios() -> None:
    result = session_agreement([({1: 8, 2: 2}, 1), ({3: 5, 4: 5}, 4), ({}, 2)], [1, 2, 3, 4])
    assert result.scenarios == 2  # the scenario with no votes is not counted
    assert result.votes == 20
    assert result.percent_with_expected == pytest.approx(65.0)
    assert result.kappa is not None


def test_session_agreement_says_why_kappa_is_missing() -> None:
    assert "No votes" in session_agreement([], [1, 2]).kappa_note
    assert "same level" in session_agreement([({2: 4}, 2), ({2: 3}, 2)], [1, 2]).kappa_note


def test_no_kappa_from_a_single_scenario() -> None:
    # One scenario split 2 to 1 gives a "poor" negative kappa that says nothing about the room.
    one = session_agreement([({1: 2, 2: 1}, 1)], [1, 2])
    assert one.kappa is None
    assert "at least two scenarios" in one.kappa_note
    two = session_agreement([({1: 2, 2: 1}, 1), ({2: 3}, 2)], [1, 2])
    assert two.kappa is not None


def test_kappa_words() -> None:
    assert describe_kappa(0.21) == "fair"
    assert describe_kappa(0.58) == "moderate"
    assert describe_kappa(-0.1) == "poor"
    assert describe_kappa(None) == "not defined"
