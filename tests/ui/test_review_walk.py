"""Found walking the MASH review as a reviewer would: the folder list names outcomes in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assessment_kit import solihull

from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.review.batch import BatchRow
from thresholds_app.ui.review.batch_model import COLUMNS, BatchModel

OUTCOME = COLUMNS.index("Outcome")


def _now() -> dt.datetime:
    return dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def test_an_outcome_the_pack_does_not_list_is_named_as_such_not_shown_raw(qtbot) -> None:  # type: ignore[no-untyped-def]
    guide = review_guide(solihull())
    known = guide.outcomes[0]
    model = BatchModel(_now, guide)
    rows = [
        BatchRow(Path("a.json"), reference="A", outcome=known.id),
        BatchRow(Path("b.json"), reference="B", outcome="retired-team-x"),
        BatchRow(Path("c.json"), reference="C"),
    ]
    model.set_rows(rows)
    words = [model.index(n, OUTCOME).data() for n in range(3)]
    assert words[0] == known.label
    assert words[1] == "“retired-team-x” (not an outcome in this guidance)"
    assert words[2] == "—"
