"""Review and expiry dates take effect exactly on the day (H03)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from packs import ROLES
from thresholds_app.core.base.records import replace
from thresholds_app.core.pack.dates import pack_dates
from thresholds_app.core.pack.model import Manifest, Roles


@pytest.fixture
def manifest() -> Manifest:
    return Manifest(
        id="p",
        title="Guide",
        area="A",
        version="1.0.0",
        effective_from="2024-01-10",
        review_by="2026-06-01",
        expires="2027-01-01",
        publisher="x",
        provenance_note="y",
        sources={},
        parts={},
        mandatory_questions=(),
        roles=Roles(**ROLES),
    )


def day(iso: str, offset: int = 0) -> date:
    return date.fromisoformat(iso) + timedelta(days=offset)


@pytest.mark.parametrize(
    ("today", "state", "allowed"),
    [
        (day("2024-01-10", -1), "not-yet-effective", False),
        (day("2024-01-10"), "current", True),
        (day("2026-06-01", -1), "current", True),
        (day("2026-06-01"), "review-due", True),
        (day("2027-01-01", -1), "review-due", True),
        (day("2027-01-01"), "expired", False),
        (day("2027-01-01", 1), "expired", False),
    ],
)
def test_state_changes_on_the_day(
    manifest: Manifest, today: date, state: str, allowed: bool
) -> None:
    result = pack_dates(manifest, today)
    assert result.state == state
    assert result.suggestions_allowed is allowed
    assert (result.message == "") is (state == "current")


def test_expired_message_names_the_date_and_what_to_do(manifest: Manifest) -> None:
    message = pack_dates(manifest, day("2027-02-01")).message
    assert message == (
        "Guide (version 1.0.0) expired on 2027-01-01. The level it would indicate is not shown: "
        "use the partnership's current published guidance."
    )


def test_a_pack_without_expiry_never_expires(manifest: Manifest) -> None:
    assert pack_dates(replace(manifest, expires=None), day("2099-01-01")).state == "review-due"
