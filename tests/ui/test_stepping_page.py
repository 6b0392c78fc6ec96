"""The step-up / step-down review screen: changes in, engine advice and handover out."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QListView, QPlainTextEdit

from thresholds_app.core.case.record import CaseRecord, new_case
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui.stepping_page import SteppingPage

NOON = datetime(2026, 3, 4, 12, 0)


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(default_pack_dir())
    assert result.pack is not None
    return result.pack


@pytest.fixture
def page(qtbot, pack: Pack) -> SteppingPage:
    widget = SteppingPage(pack, clock=lambda: NOON)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    return widget


def _case(pack: Pack, level: int, answers: dict[str, str]) -> CaseRecord:
    case = new_case(pack)
    case.answers = dict(answers)  # type: ignore[arg-type]
    case.decision.level = level
    return case


def test_new_level_4_concern_advises_step_up(qtbot, page: SteppingPage) -> None:
    page.level.setCurrentIndex(page.level.findData(2))
    with qtbot.waitSignal(page.advice_changed) as blocker:
        page.set_answer("fe-domestic-abuse-l4", "yes")
    advice = blocker.args[0]
    assert advice.direction == "step-up"
    assert advice.advised
    text = page.advice_view.toPlainText()
    assert "Consider stepping up" in text
    assert "New concerns since the last review" in text
    assert page.handover.boxes
    names = [b.accessibleName() for b in page.handover.boxes]
    assert names == list(page.pack.step_up.handover_checklist)


def test_step_down_blocked_while_level_4_unresolved(page: SteppingPage, pack: Pack) -> None:
    page.load_case(_case(pack, 3, {"immediate-danger": "no", "fe-domestic-abuse-l4": "yes"}))
    page.set_answer("fe-domestic-abuse-l4", "not-known")  # not known is not resolved
    for criterion in pack.step_down.criteria:
        page.criteria_boxes[criterion.id].setChecked(True)
    assert page.advice.direction == "step-down"
    assert not page.advice.advised
    assert "Level 4 concerns not resolved" in page.advice_view.toPlainText()
    page.set_answer("fe-domestic-abuse-l4", "no")
    assert page.advice.advised
    assert "not advised yet" not in page.advice_view.toPlainText()
    assert "was yes, now no" in page.changed_list.item(0).text()


def test_record_for_rationale(qtbot, page: SteppingPage, pack: Pack) -> None:
    page.load_case(_case(pack, 3, {"immediate-danger": "no"}))
    page.set_answer("fe-domestic-abuse-l4", "yes")
    page.plan.setPlainText("Child in need plan since March.")
    page.notes.setPlainText("New incident reported by school.")
    first_up = pack.step_up.criteria[0].id
    page.criteria_boxes[first_up].setChecked(True)
    page.handover.boxes[0].setChecked(True)
    with qtbot.waitSignal(page.rationale_requested) as blocker:
        qtbot.mouseClick(page.to_rationale, Qt.MouseButton.LeftButton)
    case = blocker.args[0]
    assert case.stepping.direction == "up"
    assert case.stepping.criteria == [first_up]
    assert "Child in need plan since March." in case.stepping.notes
    assert "New incident reported by school." in case.stepping.notes
    assert pack.step_up.handover_checklist[0] in case.stepping.notes
    assert case.answers["fe-domestic-abuse-l4"] == "yes"
    assert case.decision.level == 3  # carried from the file, never set from the advice
    fresh = SteppingPage(pack, clock=lambda: NOON)
    qtbot.addWidget(fresh)
    assert fresh.record().decision.level is None  # H01: never pre-filled


def test_answer_through_the_list_by_keyboard(qtbot, page: SteppingPage) -> None:
    qtbot.keyClicks(page.search, "drunk")
    assert page.proxy.rowCount() >= 1
    page.list.setFocus()
    page.list.setCurrentIndex(page.proxy.index(0, 2))
    assert page.buttons.isEnabled()
    indicator_id = page._chosen_id
    page.buttons.buttons["yes"].setFocus()
    qtbot.keyClick(page.buttons.buttons["yes"], Qt.Key.Key_Space)
    assert page.answers[indicator_id] == "yes"


def test_stay_shows_no_checklist(page: SteppingPage) -> None:
    page.set_answer("immediate-danger", "no")
    page.level.setCurrentIndex(page.level.findData(1))
    assert page.advice.direction == "stay"
    assert page.handover.boxes == []


def test_controls_are_named(page: SteppingPage) -> None:
    for widget in (
        page.findChildren(QComboBox)
        + page.findChildren(QPlainTextEdit)
        + page.findChildren(QListView)
        + page.findChildren(QCheckBox)
    ):
        if widget.isVisibleTo(page):  # (a combo box's hidden pop-up list is Qt's own)
            assert widget.accessibleName(), widget
    for edit in page.findChildren(QPlainTextEdit):
        assert edit.tabChangesFocus()


def test_the_indicator_list_follows_the_one_search(qtbot, page: SteppingPage, pack: Pack) -> None:
    from thresholds_app.core.search.find import search
    from thresholds_app.ui.browser_model import ID_ROLE

    for words in ("mum drinking", "uasc", "missing"):
        page.search.clear()
        qtbot.keyClicks(page.search, words)
        listed = [page.proxy.index(r, 2).data(ID_ROLE) for r in range(page.proxy.rowCount())]
        core = [h.entry.id for h in search(pack, words) if h.entry.kind == "indicator"]
        assert core, words
        assert listed == core, words  # the same indicators as the assessment, best first
