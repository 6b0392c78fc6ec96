"""Counts in words: one thing is singular ("1 referral", never "1 referrals")."""

from thresholds_app.core.base.wording import counted


def test_one_is_singular_and_other_counts_plural() -> None:
    assert counted(1, "referral") == "1 referral"
    assert counted(0, "referral") == "0 referrals"
    assert counted(3, "file") == "3 files"
    assert counted(2, "child", "children") == "2 children"
    assert counted(1, "child", "children") == "1 child"
