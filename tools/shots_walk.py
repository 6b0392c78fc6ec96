"""The child process of ``tools/screenshots.py``: start the app and walk it, saving a PNG a screen.

Not run by hand: ``screenshots.py`` starts it with an offscreen screen of the right size and
fresh settings. It drives the app through its own menus, buttons and fields (QTest clicks and
key presses), so what it saves is what a user sees.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

WATCHDOG_SECONDS = 150


def _window() -> QMainWindow:
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "mainWindow" and isinstance(w, QMainWindow)
    )


def _action(window: QWidget, words: str) -> QAction:
    for action in window.findChildren(QAction):
        if action.text().replace("&", "") == words:
            return action
    raise LookupError(words)


def _settle(ms: int = 120) -> None:
    QTest.qWait(ms)


def _click(widget: QWidget) -> None:
    from PySide6.QtCore import Qt

    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    _settle(40)


def _type(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)


class Shooter:
    """Saves the window (or a dialog) as ``<prefix>-<name>.png``.

    It checks every shot as ``tests/ui/test_layout_fits.py`` does (nothing a layout placed lies
    over its neighbour) and, on the step or screen on show and in the top and status bars, that
    no label is cut off or outside its parent and no field squashed; it keeps what it finds in ``problems``: the walk goes
    through the app as a user starts it, which the tests' window does not.
    """

    def __init__(self, out: Path, prefix: str) -> None:
        self.out = out
        self.prefix = prefix
        self.problems: list[str] = []

    def __call__(self, widget: QWidget, name: str, step: QWidget | None = None) -> None:
        _settle()
        page = getattr(widget, "stack", None)  # the main window: the screen on show
        checked = step if step is not None else page.currentWidget() if page else None
        if checked is not None:
            self.problems += [f"{name}: {problem}" for problem in _layout_problems(checked)]
        for bar in (getattr(widget, "top_bar", None), getattr(widget, "statusBar", None)):
            shown = bar() if callable(bar) else bar  # the red button, the guidance in use (H03)
            if shown is not None:
                self.problems += [f"{name}: {problem}" for problem in _cut_off(shown)]
        self.problems += [f"{name}: {problem}" for problem in _overlaps(widget)]
        room = widget.screen().availableGeometry()
        if widget.width() > room.width() or widget.height() > room.height():
            self.problems.append(f"{name}: {widget.width()}x{widget.height()} is past the screen")
        widget.grab().save(str(self.out / f"{self.prefix}-{name}.png"))


def _test_helpers() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "ui"))


def _overlaps(widget: QWidget) -> list[str]:
    _test_helpers()
    from test_layout_fits import overlapping

    return overlapping(widget)


def _cut_off(widget: QWidget) -> list[str]:
    _test_helpers()
    from test_layout_fits import clipped

    return clipped(widget)


def _layout_problems(step: QWidget) -> list[str]:
    _test_helpers()
    from test_layout_fits import clipped, list_items_cut, off_the_view, squashed

    for _ in range(20):  # a loaded machine may not have laid the step out yet
        if step.height() >= step.heightForWidth(step.width()):
            break
        _settle(50)
    return clipped(step) + squashed(step) + off_the_view(step) + list_items_cut(step)


def drive(size: str, scale: str, colours: str, out: Path) -> None:
    """Walk every screen once and save each."""
    from PySide6.QtCore import Qt

    window = _window()
    screen = window.screen().availableGeometry()
    window.setGeometry(screen)  # the whole screen, as a user with a maximised window sees it
    shot = Shooter(out, f"{size}-{scale}-{colours}")
    from thresholds_app.ui.appearance import SCALE_STEPS

    steps = sum(1 for step in SCALE_STEPS if 1.0 < step <= float(scale) + 1e-6)
    for _ in range(steps):
        _action(window, "Larger text").trigger()
    if colours == "contrast":
        _action(window, "High contrast").setChecked(True)
    _settle(300)
    shot(window, "start")

    _click(window.start_page.buttons["new"])  # type: ignore[attr-defined]
    page = window.page("assessment")  # type: ignore[attr-defined]
    shot(window, "1-safety", page.steps["safety"])
    _click(page.safety.row.answers.buttons["no"])

    page.go_to_step("child")
    child = page.child
    _type(child.reference, "T-0412")
    child.age.setCurrentIndex(child.age.findData("5-10"))
    row = child.add_child()
    _type(row.label_edit, "Sibling A")
    _type(row.relationship, "younger brother")
    row.age.setCurrentIndex(row.age.findData("1-4"))
    row.status.setCurrentIndex(2)
    _type(row.detail, "Too young for school; health visitor to be asked")
    shot(window, "2-child", page.steps["child"])

    page.go_to_step("needs")
    _type(page.needs.search, "hungry")
    _settle(400)
    while page.needs.finder.busy:  # every result card made (a loaded machine takes longer)
        _settle(50)
    shot(window, "3-needs-search", page.steps["needs"])
    page.needs.search.clear()
    for indicator, answer in (("pc-basic-care-l3", "yes"), ("dn-hygiene-poor-l3", "yes")):
        card = page.needs.show_indicator(indicator)
        if card is not None:
            _click(card.answers.buttons[answer])
    if card is not None:
        card.details_button.setChecked(True)
    shot(window, "3-needs", page.steps["needs"])

    page.go_to_step("consent")
    for question, answer in (("consent-sought", "yes"), ("consent-refused", "no")):
        rows = page.findChildren(QWidget, f"question-{question}")
        if rows:
            _click(rows[0].answers.buttons[answer])
    _type(page.consent.by_whom, "Mother")
    shot(window, "4-consent", page.steps["consent"])

    page.go_to_step("decision")
    shot(window, "5-decision", page.steps["decision"])
    page.go_to_step("preview")
    shot(window, "6-preview-blocked", page.steps["preview"])
    decision = page.decision
    page.go_to_step("decision")
    _click(decision.level_buttons[3])
    _type(decision.reasons, "Care has been poor for months; the child is hungry and teased.")
    for field, text in (
        ("worry", "Comes to school hungry and in the same clothes most days."),
        ("child_voice", "There's no food at home after Wednesday."),
        ("family_views", "Mother says money is tight and she is struggling."),
    ):
        _type(decision.free_text[field], text)
    action, who, by_when = decision.step_rows[0]
    _type(action, "Early help assessment")
    _type(who, "DSL")
    _type(by_when, "this week")
    _type(decision.referrer["name"], "A Teacher")
    _type(decision.referrer["agency"], "Example Primary School")
    page.go_to_step("preview")
    shot(window, "6-preview", page.steps["preview"])

    emergency = window.show_emergency()  # type: ignore[attr-defined]
    shot(emergency, "emergency")
    emergency.close()
    for key, name in (("guidance", "guidance"), ("review", "review"), ("settings", "settings")):
        if window.show_page(key):  # type: ignore[attr-defined]
            shot(window, name)
    _mash_and_training(window, shot)
    QTest.keyClick(window, Qt.Key.Key_F9)
    _settle()
    if shot.problems:
        raise AssertionError("cut off, squashed or overlapping:\n" + "\n".join(shot.problems))


def _wait(done, seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds * 20)):
        if done():
            return
        _settle(50)
    raise TimeoutError("the app did not get there in time")


def _mash_and_training(window: QMainWindow, shot: Shooter) -> None:
    """The MASH's list of the example referrals and one under review; the presenter with the
    room's votes and the answer; a practice run compared with the expected answer."""
    from thresholds_app.paths import examples_dir

    batch = window.mash.open_batch()  # type: ignore[attr-defined]
    batch.load_folder(examples_dir())
    _wait(lambda: batch.model.rowCount() >= 3 and batch.open_folder_button.isEnabled())
    shot(window, "mash-list")
    opening = window.open_review_path(examples_dir() / "level-3-consent-refused.json")  # type: ignore[attr-defined]
    _wait(lambda: opening is None or opening.done)
    shot(window, "mash-case")

    window.show_page("training")  # type: ignore[attr-defined]
    training = window.page("training")  # type: ignore[attr-defined]
    scenarios = [s for s in training.found() if s.expected_level is not None]
    presenter = training.present(scenarios[:4])
    screen = window.screen().availableGeometry()
    presenter.setGeometry(screen)
    for level in (1, 2, 2, 2, 3, 3, 3, 3, 4, 2):
        presenter.add_vote(level)
    presenter.toggle_answer()
    shot(presenter, "presenter")
    presenter.close()

    scenario = scenarios[0]
    practice = training.practise([scenario])
    assessment = practice.page
    _click(assessment.safety.row.answers.buttons["no"])
    for indicator in scenario.key_indicators[:-1]:  # one missed, as a learner might
        card = assessment.needs.show_indicator(indicator)
        if card is not None:
            _click(card.answers.buttons["yes"])
    assessment.go_to_step("decision")
    _click(assessment.decision.level_buttons[scenario.expected_level])
    _type(assessment.decision.reasons, "What the school has seen over the term.")
    _click(practice.compare_button)
    shot(window, "practice-result")


def walk(size: str, scale: str, colours: str, out: str) -> int:
    """Start the app, walk it, quit."""
    watchdog = threading.Timer(WATCHDOG_SECONDS, lambda: os._exit(3))
    watchdog.daemon = True
    watchdog.start()
    from thresholds_app.ui import autosave
    from thresholds_app.ui.app import run_app

    autosave.ask_recovery = lambda _parent, _info: "discard"  # fresh settings: never asked
    app = QApplication([sys.argv[0]])  # noqa: F841 (run_app uses this one)
    failures: list[BaseException] = []

    def run() -> None:
        try:
            drive(size, scale, colours, Path(out))
        except BaseException as error:  # reported, then the app quits with 1
            failures.append(error)
            import traceback

            traceback.print_exc()
        for widget in QApplication.topLevelWidgets():
            if hasattr(widget, "discard_and_close"):
                widget.discard_and_close()
        os._exit(1 if failures else 0)  # no "unsaved work" questions: this case is invented

    QTimer.singleShot(400, run)
    run_app(["thresholds-app"])
    return 1 if failures else 0
