"""The MASH review driven as a reviewer would: a referral under older guidance, a review saved
beside the referral (which keeps every byte), feedback, and a folder with a damaged file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assessment_kit import make_window, opened
from PySide6.QtCore import QDateTime, QPoint, Qt
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "review"))
from olderpack import (
    MARKER,
    RETIRED,
    case_under,
    current_version,
    example_case,
    make_older_pack,
    marked_case,
)

from thresholds_app.core.case.record import load_case, save_case
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.review.store import referral_part
from thresholds_app.ui.idle_lock import IdleLock
from thresholds_app.ui.review.batch_model import FLAGS_COLUMN
from thresholds_app.ui.review.batch_page import BatchPage
from thresholds_app.ui.review.view import ReviewView
from thresholds_app.ui.shell.pages import Page


def older_case_file(tmp_path: Path) -> Path:
    older = load_pack(make_older_pack(tmp_path)).pack
    assert older is not None
    case = example_case()
    case.answers[RETIRED] = "yes"
    path = tmp_path / "referral.json"
    save_case(case_under(older, case), path, touch=False)
    # Laid out as another tool might (one-space indents): any re-writing of it would show.
    path.write_text(json.dumps(json.loads(path.read_text("utf-8")), indent=1), "utf-8")
    return path


def open_review(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    path = older_case_file(tmp_path)
    assert opened(qtbot, window.open_review_path(path))
    view = window.page(Page.MASH_CASE)
    assert isinstance(view, ReviewView)
    return window, view, path


def choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(data))


def test_older_guidance_differences_are_shown(qtbot, tmp_path) -> None:
    _window, view, _path = open_review(qtbot, tmp_path)
    referred, now, yours = (label.text() for label in view.level_values)
    assert (referred, now, yours) == ("Level 4", "Level 3", "—")
    text = view.differences.text()
    assert (
        f"made with version 0.0.9 of the guidance; version {current_version()} is in force" in text
    )
    assert "indicated Level 4 when referred; it indicates Level 3 now" in text
    assert RETIRED in text
    assert "No gaps" in view.gaps.text()


def test_review_saved_beside_a_referral_that_cannot_be_changed(qtbot, tmp_path) -> None:
    window, view, path = open_review(qtbot, tmp_path)
    before = path.read_bytes()
    assert view.referral.isReadOnly()
    qtbot.keyClicks(view.referral, "Level 1 after all")  # typing into the referral does nothing
    assert "Level 1 after all" not in view.referral.toPlainText()
    assert not view.save_button.isEnabled()
    form = view.form
    # A radio button takes clicks on its circle and words, not on the empty width beside them.
    qtbot.mouseClick(
        form.differ, Qt.MouseButton.LeftButton, pos=QPoint(8, form.differ.height() // 2)
    )
    choose(form.level, 3)
    qtbot.keyClicks(form.reasons, "Needs can be met by early help with the family's agreement.")
    choose(form.rag, "amber")
    assert "Decide by" in form.rag_words.text()
    choose(form.outcome, "early-help")
    form.received.setDateTime(QDateTime(2026, 11, 27, 9, 0, 0))
    qtbot.keyClicks(form.reviewer, "Sam Reviewer")
    qtbot.keyClicks(form.role, "MASH social worker")
    assert view.blockers() == []
    assert view.level_values[2].text() == "Level 3"
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    after = path.read_bytes()
    cut = before.index(b'"reviews"')
    assert after[:cut] == before[:cut]  # the referrer's part, byte for byte
    assert referral_part(after) == referral_part(before)
    saved = load_case(path)
    review = saved.reviews[-1]
    assert (review.level, review.rag, review.outcome, review.agrees) == (
        3,
        "amber",
        "early-help",
        False,
    )
    assert review.received_at == "2026-11-27T09:00:00Z"
    assert saved.answers == load_case(path).answers
    assert "Sam Reviewer" in view.history.text()

    # A manager's review follows the screening one, in order.
    assert opened(qtbot, window.open_review_path(path))
    manager = window.page(Page.MASH_CASE)
    assert manager.form.stage.currentData() == "manager"

    # Feedback slip: saved where the reviewer chooses; nothing of the MASH's reasons in it.
    target = tmp_path / "feedback.txt"
    view.ask_save_path = lambda *_: str(target)  # type: ignore[method-assign]
    qtbot.mouseClick(view.feedback_text, Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8")
    assert "Outcome: Early help" in text
    assert "early help with the family's agreement" not in text
    pdf = tmp_path / "feedback.pdf"
    view.ask_save_path = lambda *_: str(pdf)  # type: ignore[method-assign]
    qtbot.mouseClick(view.feedback_pdf, Qt.MouseButton.LeftButton)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_emergency_and_idle_lock_cover_review_mode(qtbot, tmp_path) -> None:
    window, view, _path = open_review(qtbot, tmp_path)
    view.referral.setFocus()
    qtbot.keyClick(view.referral, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window._emergency is not None and window._emergency.isVisible())
    window._emergency.close()
    lock = IdleLock(window)
    lock.set_interval_ms(30)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    visible = [
        w.toPlainText()
        for w in QApplication.allWidgets()
        if w.isVisible() and hasattr(w, "toPlainText")
    ]
    assert not any("EX-L3-0002" in t for t in visible)
    lock.unlock()
    lock.stop()


def test_folder_with_a_damaged_file(qtbot, tmp_path) -> None:
    window = make_window(qtbot)
    page = window.mash.open_batch()
    assert isinstance(page, BatchPage)
    assert window.current_page_key() == Page.MASH
    # True to what happens: reading writes nothing, a saved review goes into its case file.
    assert "Nothing is written" not in page.summary.text()
    assert "a review you save is added to that case file" in page.summary.text()
    folder = tmp_path / "morning"
    folder.mkdir()
    pack = window.pack
    for number in range(6):
        save_case(marked_case(number, pack), folder / f"case-{number}.json", touch=False)
    (folder / "damaged.json").write_text('{"format": "thresholds-case"', encoding="utf-8")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.load_folder(folder)
    assert page.model.rowCount() == 7
    assert "7 files: 6 referrals, 1 not read" in page.summary.text()
    first = page.proxy.index(0, FLAGS_COLUMN)
    # a few words in the cell (the whole reason made the row six lines tall), all of it on hover
    assert first.data() == "Not read: it is not valid JSON (line 1, column 29)"
    assert first.data(Qt.ItemDataRole.ToolTipRole).startswith("damaged.json cannot be opened")
    qtbot.waitUntil(lambda: page.table.rowHeight(0) > 0)
    page.table.resizeRowsToContents()
    assert page.table.rowHeight(0) <= 2.5 * page.table.rowHeight(1)
    choose(page.filter_kind, "unread")
    assert page.proxy.rowCount() == 1
    choose(page.filter_kind, "all")
    qtbot.keyClicks(page.filter_words, f"{MARKER}-REF-3")
    assert page.proxy.rowCount() == 1
    page.filter_words.clear()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, 0).data() == f"{MARKER}-REF-5"
    # Keyboard: Enter on a row opens it for review.
    page.table.setFocus()
    page.table.selectRow(0)
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page_key() == Page.MASH_CASE)
    assert f"{MARKER}-REF-5" in window.page(Page.MASH_CASE).referral.toPlainText()
    # Counts are written only where the reviewer chooses, and hold no personal data.
    target = tmp_path / "counts.csv"
    page.ask_save_path = lambda *_: str(target)  # type: ignore[method-assign]
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    assert MARKER not in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*(f"case-{n}.json" for n in range(6)), "damaged.json"]
    )


def test_reading_a_folder_can_be_cancelled(qtbot, tmp_path) -> None:
    window = make_window(qtbot)
    page = window.mash.open_batch()
    pack = window.pack
    for number in range(40):
        save_case(marked_case(number, pack), tmp_path / f"c{number:02d}.json", touch=False)
    loader = page.load_folder(tmp_path)
    assert page.progress.isVisible()
    assert page.cancel_button.isVisible()
    loader.progress.connect(lambda *_: loader.cancel(), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(page.loaded, timeout=10_000) as blocker:
        pass
    batch = blocker.args[0]
    assert not batch.complete
    assert len(batch.rows) < 40
    assert "stopped before the end" in page.summary.text()
    assert not page.progress.isVisible()


def test_household_reference_is_recorded_by_the_referrer(qtbot) -> None:
    from assessment_kit import start_assessment

    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("child")
    qtbot.keyClicks(page.child.household_reference, "HH-0311")
    assert page.state.case.child.household_reference == "HH-0311"


def test_review_option_for_a_double_clicked_case_file() -> None:
    from thresholds_app.ui.app import parse_options

    options, qt_args = parse_options(["--review", "/tmp/referral.json"])
    assert options.review == "/tmp/referral.json"
    assert qt_args == []
    options, _ = parse_options(["--pack", "p", "--review", "folder"])
    assert (options.pack, options.review) == ("p", "folder")


def test_your_level_shows_only_a_level_you_chose(qtbot, tmp_path) -> None:
    _window, view, _path = open_review(qtbot, tmp_path)
    form = view.form
    form.differ.click()
    assert view.level_values[2].text() == "—"  # no level chosen yet: not "insufficient information"
    choose(form.level, 2)
    assert view.level_values[2].text() == "Level 2"
    assert view.level_values[2].accessibleName() == "Yours: Level 2"
    form.agree.click()
    assert view.level_values[2].text() == "Level 4"  # the referrer's own decision


def test_an_overdue_decision_is_prominent_and_asks_for_the_reason(qtbot, tmp_path) -> None:
    _window, view, path = open_review(qtbot, tmp_path)
    form = view.form
    assert form.delay_reason.isHidden()  # nothing to explain before there is a deadline
    qtbot.mouseClick(form.agree, Qt.MouseButton.LeftButton, pos=QPoint(8, form.agree.height() // 2))
    choose(form.rag, "red")
    choose(form.outcome, "early-help")
    form.received.setDateTime(QDateTime(2025, 1, 13, 9, 0, 0))
    form.decided.setDateTime(QDateTime(2025, 12, 2, 10, 0, 0))
    qtbot.keyClicks(form.reviewer, "Sam Reviewer")
    qtbot.keyClicks(form.role, "MASH social worker")
    words = form.overdue_words
    assert not words.isHidden()
    assert words.text().startswith("Overdue: the decision is ")
    assert words.property("role") == "warning"  # the app's warning style, and the word itself
    assert not form.delay_reason.isHidden()
    assert "The decision is overdue: give the reason for the delay." in view.blockers()
    assert not view.save_button.isEnabled()
    qtbot.keyClicks(form.delay_reason, "Referral held in a shared inbox during leave")
    assert view.blockers() == []
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    review = load_case(path).reviews[-1]
    assert review.delay_reason == "Referral held in a shared inbox during leave"


def test_tab_leaves_each_date_and_time_in_one_press(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Qt's date-time box takes Tab from day to month, year, hour and minute: five presses each
    _window, view, _path = open_review(qtbot, tmp_path)
    form = view.form
    form.received.setFocus()
    qtbot.waitUntil(form.received.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not form.received.hasFocus())
    assert QApplication.focusWidget() is form.decided
    qtbot.keyClick(form.decided, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(form.received.hasFocus)
    before = form.received.dateTime()  # the arrows still move between the parts and change one
    qtbot.keyClick(form.received, Qt.Key.Key_Right)
    qtbot.keyClick(form.received, Qt.Key.Key_Up)
    assert form.received.dateTime() != before


def test_a_referral_with_danger_not_known_reads_as_unsettled_with_a_gap(qtbot, tmp_path) -> None:
    # Walked by hand: the case said "Level 2" now, "Not answered" for a danger answered not
    # known, and "No gaps to go back to the referrer about".
    window = make_window(qtbot)
    current = window.pack
    case = case_under(current, example_case("level-2-attendance"))
    case.answers["immediate-danger"] = "not-known"
    path = tmp_path / "unsure.json"
    save_case(case, path, touch=False)
    assert opened(qtbot, window.open_review_path(path))
    view = window.page(Page.MASH_CASE)
    assert isinstance(view, ReviewView)
    assert view.level_values[1].text().startswith("At least Level ")
    assert "Answered “not known”" in view.differences.text()
    assert "Not answered" not in view.differences.text()
    assert "the referral says “not known”" in view.gaps.text()
    assert "No gaps" not in view.gaps.text()
