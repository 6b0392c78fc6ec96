"""Is the guidance still current? Review and expiry dates, checked against a given day.

After ``review_by`` the app shows a "due for review" banner; after ``expires`` it withholds the
level the guidance would indicate (the practitioner still records their own decision) and marks
every rationale, because a decision must not rest silently on superseded thresholds. The day is
passed in, never read here, so tests can set any date.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Manifest

State = Literal["not-yet-effective", "current", "review-due", "expired"]


@record
class PackDates:
    """The pack's date state on one day, with a plain message for a banner (empty if current)."""

    state: State
    message: str

    @property
    def suggestions_allowed(self) -> bool:
        """False once the pack has expired (or before it takes effect)."""
        return self.state in ("current", "review-due")


def pack_dates(manifest: Manifest, today: date) -> PackDates:
    """Work out whether ``manifest``'s guidance is current on ``today``."""
    name = f"{manifest.title} (version {manifest.version})"
    if today < date.fromisoformat(manifest.effective_from):
        return PackDates(
            "not-yet-effective",
            f"{name} takes effect on {manifest.effective_from}; it is not in use yet.",
        )
    if manifest.expires and today >= date.fromisoformat(manifest.expires):
        return PackDates(
            "expired",
            f"{name} expired on {manifest.expires}. The level it would indicate is not shown: "
            "use the partnership's current published guidance.",
        )
    if today >= date.fromisoformat(manifest.review_by):
        return PackDates(
            "review-due",
            f"{name} was due for review on {manifest.review_by}. Check that it is still the "
            "partnership's current guidance.",
        )
    return PackDates("current", "")
