"""Out-of-date guidance is visible: review banner on the start page, level withheld after expiry
(hazard H03), while the emergency message always stays."""

from __future__ import annotations

from datetime import date, datetime

from thresholds_app.core.base.records import replace
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import Context
from thresholds_app.core.rules.engine import assess
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui.assessment.live_panel import LivePanel
from thresholds_app.ui.start_page import review_warning


def with_dates(pack: Pack, review_by: str, expires: str | None) -> Pack:
    return replace(pack, manifest=replace(pack.manifest, review_by=review_by, expires=expires))


def test_start_page_warns_from_the_review_date(small_pack: Pack) -> None:
    pack = with_dates(small_pack, "2026-06-01", "2027-01-01")
    assert review_warning(pack, date(2026, 5, 31)) == ""
    assert "was due for review on 2026-06-01" in review_warning(pack, date(2026, 6, 1))
    assert "expired on 2027-01-01" in review_warning(pack, date(2027, 1, 1))


def test_live_panel_withholds_the_level_once_expired_but_keeps_999(qtbot) -> None:
    # Core withholds the level on the clock's day; the panel only shows what core says.
    solihull = load_pack(default_pack_dir()).pack
    assert solihull is not None
    pack = with_dates(solihull, "2026-06-01", "2027-01-01")

    def panel_on(day: datetime) -> LivePanel:
        result = assess(pack, {"immediate-danger": "yes"}, Context(age_band="5-10", now=day))
        assert result.emergency
        panel = LivePanel(pack)
        qtbot.addWidget(panel)
        panel.show_assessment(result)
        return panel

    current = panel_on(datetime(2026, 12, 31, 23, 0))
    assert current.level_label.text().startswith("Level 4")
    assert "was due for review on 2026-06-01" in current.note.text()

    expired = panel_on(datetime(2027, 1, 1, 9, 0))
    assert expired.level_label.text() == "Not shown: this guidance is not in force"
    assert "expired on 2027-01-01" in expired.note.text()
    assert "Level 4" not in expired.details.toPlainText()
    assert not expired.emergency_label.isHidden()
