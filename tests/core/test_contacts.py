"""Whom to call by the clock: 999 first in an emergency, the MASH in hours, the EDT out of hours."""

from __future__ import annotations

from datetime import datetime

import pytest

from packs import make_pack
from thresholds_app.core.base.records import replace
from thresholds_app.core.rules.contacts import is_open, who_to_call

CONTACTS = make_pack().contacts
MASH, EDT, NINE = CONTACTS["mash"], CONTACTS["edt"], CONTACTS["emergency-999"]


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (datetime(2026, 11, 23, 8, 44), False),  # Monday, a minute before opening
        (datetime(2026, 11, 23, 8, 45), True),  # Monday, opening
        (datetime(2026, 11, 26, 17, 19), True),  # Thursday, a minute before closing
        (datetime(2026, 11, 26, 17, 20), False),  # Thursday, closing
        (datetime(2026, 11, 27, 16, 29), True),  # Friday closes earlier
        (datetime(2026, 11, 27, 16, 30), False),
        (datetime(2026, 11, 28, 12, 0), False),  # Saturday
        (datetime(2026, 11, 29, 12, 0), False),  # Sunday
    ],
)
def test_the_mash_opening_hours(when: datetime, expected: bool) -> None:
    assert is_open(MASH, when) is expected


def test_a_contact_without_hours_is_always_open() -> None:
    assert is_open(EDT, datetime(2026, 11, 29, 3, 0))
    assert is_open(NINE, datetime(2026, 11, 23, 12, 0))


def test_emergency_in_hours_is_999_then_the_mash_then_the_out_of_hours_line() -> None:
    advice = who_to_call(make_pack(), datetime(2026, 11, 23, 10, 0), emergency=True)
    assert [(a.id, a.open_now) for a in advice] == [
        ("emergency-999", True),
        ("mash", True),
        ("edt", False),  # listed for later: never "open now" while the MASH is (QA run)
    ]
    assert advice[1].phone == "0121 788 4300"
    assert "Out of hours" in advice[2].why
    assert not advice[2].call_now


def test_emergency_out_of_hours_is_999_then_the_duty_team() -> None:
    advice = who_to_call(make_pack(), datetime(2026, 11, 27, 16, 30), emergency=True)
    assert [a.id for a in advice] == ["emergency-999", "edt"]
    assert "closed" in advice[1].why


def test_no_emergency_means_no_999() -> None:
    advice = who_to_call(make_pack(), datetime(2026, 11, 28, 1, 0), emergency=False)
    assert [a.id for a in advice] == ["edt"]


def test_unknown_time_gives_both_front_door_lines_marked_unknown() -> None:
    advice = who_to_call(make_pack(), None, emergency=True)
    assert [(a.id, a.open_now) for a in advice] == [
        ("emergency-999", None),
        ("mash", None),
        ("edt", None),
    ]


def test_a_pack_without_the_contacts_gives_nothing_rather_than_failing() -> None:
    # The loader refuses a pack with no contacts; the rule must still not fail if one arrives.
    assert who_to_call(replace(make_pack(), contacts={}), None, emergency=True) == ()


def test_an_aware_time_is_read_as_uk_time() -> None:
    from datetime import UTC
    from zoneinfo import available_timezones

    if "Europe/London" not in available_timezones():
        pytest.skip("no time-zone database on this machine")

    # 16:00 UTC on a Monday in July is 17:00 in the UK (summer time): the MASH is still open.
    assert is_open(MASH, datetime(2026, 7, 20, 16, 0, tzinfo=UTC))
    # 16:30 UTC is 17:30 in the UK: closed.
    assert not is_open(MASH, datetime(2026, 7, 20, 16, 30, tzinfo=UTC))
