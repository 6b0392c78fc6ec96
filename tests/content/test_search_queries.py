"""The pack's search query set (tests/search.yaml): practitioners' phrasings and what they find.

One test holds the pack to its goal (at least 95% found in the top 10 on the first query); the
misses are printed so a content editor sees which phrasings need synonyms or keywords.
"""

from __future__ import annotations

from functools import cache

import pytest

from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.search.selfcheck import check_queries
from thresholds_app.paths import default_pack_dir


@cache
def shipped() -> Pack:
    result = load_pack(default_pack_dir())
    if result.pack is None or result.problems:
        pytest.fail("the bundled pack does not load:\n" + "\n".join(map(str, result.problems)))
    return result.pack


def test_the_query_set_is_large_and_in_practitioners_words() -> None:
    queries = shipped().search_queries.queries
    assert len(queries) >= 250
    assert len({q.typed.lower() for q in queries}) == len(queries)  # no phrasing twice
    assert {"teacher", "health-visitor", "gp", "police"} <= {q.who for q in queries}


def test_search_finds_what_practitioners_mean(capsys: pytest.CaptureFixture[str]) -> None:
    result = check_queries(shipped())
    assert result.goal_percent >= 95
    assert result.top <= 10
    with capsys.disabled():
        print("\n" + result.summary())
        for outcome in result.outcomes:
            if not outcome.passed:
                print("  missed: " + outcome.report())
    assert result.passed, result.summary()
