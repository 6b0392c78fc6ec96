"""The RAG clock across a weekend and bank holidays, in the MASH's opening hours."""

from __future__ import annotations

import datetime as dt

import pytest

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.review.clock import deadline, due_words, rating, time_left_words

UTC = dt.UTC


def due(pack: Pack, received: str, rag: str) -> str:
    rated = rating(pack, rag)
    assert rated is not None
    return due_words(deadline(dt.datetime.fromisoformat(received), rated, pack))


@pytest.mark.parametrize(
    ("received", "rag", "expected"),
    [
        # Friday 15:00 in winter (UTC = UK time); the MASH closes at 16:30 on Fridays.
        ("2026-12-04T15:00:00+00:00", "amber", "Mon 7 Dec 2026 15:00"),
        ("2026-12-04T15:00:00+00:00", "green", "Wed 9 Dec 2026 15:00"),
        # Red runs out of hours: 4 hours on a Friday evening is still Friday evening.
        ("2026-12-04T15:00:00+00:00", "red", "Fri 4 Dec 2026 19:00"),
        # Received on a Saturday: the working clock starts on Monday at 08:45 and one working
        # day later is the close of Monday.
        ("2026-12-05T10:00:00+00:00", "amber", "Mon 7 Dec 2026 17:20"),
        # Thursday before Christmas: Friday 25th and Monday 28th (Boxing Day's substitute) are
        # bank holidays, the weekend between.
        ("2026-12-24T15:00:00+00:00", "amber", "Tue 29 Dec 2026 15:00"),
        ("2026-12-24T15:00:00+00:00", "green", "Thu 31 Dec 2026 15:00"),
        # Summer bank holiday, in British Summer Time: 15:00 UTC is 16:00 in the UK.
        ("2026-08-28T15:00:00+00:00", "amber", "Tue 1 Sep 2026 16:00"),
        # Thursday 17:00 UK: one working day is Friday, which closes at 16:30.
        ("2026-12-03T17:00:00+00:00", "amber", "Fri 4 Dec 2026 16:30"),
        # Received after closing: the clock starts at the next opening.
        ("2026-12-03T18:00:00+00:00", "amber", "Fri 4 Dec 2026 16:30"),
    ],
)
def test_deadlines(current_pack: Pack, received: str, rag: str, expected: str) -> None:
    assert due(current_pack, received, rag) == expected


def test_red_across_the_clock_change(current_pack: Pack) -> None:
    rated = rating(current_pack, "red")
    assert rated is not None
    # 25 October 2026: the clocks go back at 02:00 BST; 4 real hours from 00:00 BST is 03:00 GMT.
    received = dt.datetime(2026, 10, 24, 23, 0, tzinfo=UTC)
    assert deadline(received, rated, current_pack).astimezone(UTC) == dt.datetime(
        2026, 10, 25, 3, 0, tzinfo=UTC
    )


def test_time_left_words() -> None:
    due_at = dt.datetime(2026, 12, 7, 17, 20, tzinfo=UTC)
    assert time_left_words(due_at, due_at - dt.timedelta(hours=2, minutes=5)) == (
        "2 hours 5 minutes left"
    )
    assert time_left_words(due_at, due_at + dt.timedelta(days=1, hours=1)) == (
        "overdue by 1 day 1 hour"
    )
    # QA #13: "overdue by 322 d 3 h" is read aloud and printed: words, never letters.
    late = dt.timedelta(days=322, hours=3, minutes=59)
    assert time_left_words(due_at, due_at + late) == "overdue by 322 days 3 hours"
    assert time_left_words(due_at, due_at - dt.timedelta(days=2)) == "2 days left"
    assert time_left_words(due_at, due_at - dt.timedelta(hours=1)) == "1 hour left"
    assert time_left_words(due_at, due_at - dt.timedelta(minutes=1)) == "1 minute left"
    assert time_left_words(due_at, due_at + dt.timedelta(seconds=20)) == (
        "overdue by less than a minute"
    )


def test_naive_time_is_refused(current_pack: Pack) -> None:
    rated = rating(current_pack, "amber")
    assert rated is not None
    with pytest.raises(ValueError, match="time zone"):
        deadline(dt.datetime(2026, 12, 4, 15, 0), rated, current_pack)
