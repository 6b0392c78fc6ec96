"""The teacher's journey of issue 11, walked on the real window, every deliberate action counted.

A teacher is worried about a hungry, unkempt 9-year-old with a younger brother at home. From the
start screen to a saved rationale PDF they: say there is no immediate danger, give a case
reference and the age band, list the brother (not assessed, and why), find two indicators by
searching, record consent, record their own decision (never pre-filled: hazard H01) and the
required free text, a next step and who they are, then save the PDF.

Counted: every click and every key that is not part of typing text (Tab, Enter, Space, Ctrl+F,
arrow keys, choosing from a list). Typing into a field the focus is already in is free; clicking
into a field is one action. Before acting on a widget the walk checks it is on screen: if its
step would have to be scrolled to reach it, that is counted as a scroll (and then done).

Not a test itself: ``test_journey.py`` asserts the budget; ``benchmarks/bench_journey.py`` prints
the figures (and runs on any checkout, so "before" can be measured on main).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QScrollArea, QWidget


@dataclass
class Tally:
    """What the walk cost the user."""

    actions: int = 0
    scrolls: int = 0
    screens: set[str] = field(default_factory=set)
    log: list[str] = field(default_factory=list)


class Walker:
    """Acts on real widgets as a user would, counting as it goes."""

    def __init__(self, qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.window = window
        self.last_focus: QWidget | None = None
        self.tally = Tally()

    def _reach(self, widget: QWidget) -> None:
        """Count a scroll if ``widget`` is outside its scroll area's view, then bring it in."""
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is None:
            return
        view = parent.viewport()
        top = widget.mapTo(view, QPoint(0, 0)).y()
        if top < 0 or top + min(widget.height(), 40) > view.height():
            self.tally.scrolls += 1
            self.tally.log.append(f"scroll to {widget.accessibleName() or type(widget).__name__}")
            parent.ensureWidgetVisible(widget, 0, 40)
            QApplication.processEvents()

    def count(self, what: str) -> None:
        """One deliberate action."""
        self.tally.actions += 1
        self.tally.log.append(what)

    def click(self, widget: QWidget, what: str = "") -> None:
        """Click ``widget`` (after scrolling to it if it is off screen)."""
        self._reach(widget)
        self.count(f"click {what or widget.accessibleName()}")
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.qtbot.wait(1)  # no user is faster than a turn of the event loop (new rows show)
        self.remember_focus()

    def key(self, widget: QWidget | None, key: Qt.Key, what: str = "", modifier=None) -> None:  # type: ignore[no-untyped-def]
        """Press ``key`` in the focused widget (or ``widget``)."""
        self._activate()
        target = widget or QApplication.focusWidget() or self.window
        self.count(f"key {what or key.name}")
        if modifier is None:
            QTest.keyClick(target, key)
        else:
            QTest.keyClick(target, key, modifier)
        self.remember_focus()

    def _activate(self) -> None:
        """Give the window back its activation and focus: the offscreen platform drops them
        at times (a real window keeps both)."""
        if QApplication.activeWindow() is None:
            self.window.activateWindow()
            self.qtbot.waitUntil(self.window.isActiveWindow)
        if QApplication.focusWidget() is None and self.last_focus is not None:
            with contextlib.suppress(RuntimeError):  # deleted since: nothing to give back
                self.last_focus.setFocus()

    def remember_focus(self) -> None:
        """Note where the focus is after an action."""
        self.last_focus = QApplication.focusWidget() or self.last_focus

    def reach(self, widget: QWidget) -> None:
        """Put the focus in ``widget`` the cheaper way: one or two Tabs, or a click."""
        self._activate()
        if QApplication.focusWidget() is widget:
            return
        presses = self._tabs_to(widget)
        if presses is not None:
            return
        if isinstance(widget, QComboBox):
            # a click opens the list; typing then picks, and Enter closes it: two actions
            self._reach(widget)
            self.count(f"click {widget.accessibleName()}")
            self.count("Enter to choose")
            widget.setFocus()
            return
        self.click(widget, f"into {widget.accessibleName()}")

    def _tabs_to(self, widget: QWidget, limit: int = 2) -> int | None:
        """Press Tab (up to ``limit`` times) until the focus is in ``widget``; count the presses.

        If ``widget`` is further away, the presses are not counted: the user clicks instead.
        (Pressing keys, rather than reading Qt's focus chain, keeps the walk to what a user can
        see; reading the chain makes PySide6 wrap Qt's private widgets, which can crash later.)
        """
        for presses in range(1, limit + 1):
            QTest.keyClick(QApplication.focusWidget() or self.window, Qt.Key.Key_Tab)
            if QApplication.focusWidget() is widget:
                for _ in range(presses):
                    self.count(f"Tab to {widget.accessibleName()}")
                self.remember_focus()
                return presses
        return None

    def type(self, widget: QWidget, text: str) -> None:
        """Type ``text`` into ``widget`` (reaching it first if the focus is elsewhere)."""
        self.reach(widget)
        QTest.keyClicks(widget, text)
        self.remember_focus()

    def choose(self, combo: QComboBox, letter: str, expected: str, downs: int = 0) -> None:
        """Pick from a drop-down by typing its first letter, then Down as needed.

        (A space would open the list, as on any desktop, so only the first letter is typed.)
        """
        self.reach(combo)
        QTest.keyClicks(combo, letter)
        for _ in range(downs):
            self.key(combo, Qt.Key.Key_Down, "Down")
        assert combo.currentText().startswith(expected), combo.currentText()

    def screen(self, name: str) -> None:
        """Note that the user is looking at screen ``name``."""
        self.tally.screens.add(name)


def answer(walker: Walker, buttons: dict[str, QAbstractButton], value: str) -> None:
    """Click an answer radio button."""
    walker.click(buttons[value], f"{value}")


def walk_teachers_journey(qtbot, window, save_path) -> Tally:  # type: ignore[no-untyped-def]
    """Walk the journey on ``window`` (a fresh main window); return what it cost."""
    w = Walker(qtbot, window)
    w.screen("start")
    start = window.start_page.buttons["new"]
    start.setFocus()  # where the start screen puts it
    w.key(start, Qt.Key.Key_Return, "Enter: New assessment")
    qtbot.waitUntil(lambda: window.page("assessment") is not None)
    page = window.page("assessment")
    page.ask_save_path = lambda *_args: str(save_path)  # the file dialog: typed name + Enter

    w.screen("safety")
    answer(w, page.safety.row.answers.buttons, "no")
    w.click(page.next_button, "Next")

    w.screen("child")
    child = page.child
    w.type(child.reference, "T-0412")
    w.choose(child.age, "5", "5 to 10")
    w.click(child.add_button, "Add another child")
    row = child.rows[-1]
    w.type(row.label_edit, "Sibling A")
    w.type(row.relationship, "younger brother")
    w.choose(row.age, "1", "1 to 4")
    w.choose(row.status, "N", "Not assessed", downs=1)
    w.type(row.detail, "Not at school yet; health visitor to be asked")
    w.click(page.next_button, "Next")

    w.screen("needs")
    needs = page.needs
    for words, indicator in (("hungry", "fe-food-insecurity-l3"), ("smell", "dn-hygiene-poor-l3")):
        if QApplication.focusWidget() is not needs.search:
            w.key(None, Qt.Key.Key_F, "Ctrl+F", Qt.KeyboardModifier.ControlModifier)
        else:
            needs.search.selectAll()
        QTest.keyClicks(needs.search, words)
        qtbot.waitUntil(lambda i=indicator: i in needs.result_ids(), timeout=3000)
        card = needs.results.cards[indicator]
        qtbot.waitUntil(card.isVisible)  # new cards are shown on the next turn of the loop
        answer(w, card.answers.buttons, "yes")
    w.click(page.next_button, "Next")

    w.screen("consent")
    rows = {r.question.id: r for r in page.consent.findChildren(QWidget) if hasattr(r, "question")}
    answer(w, rows["consent-sought"].answers.buttons, "yes")
    answer(w, rows["consent-refused"].answers.buttons, "no")
    w.type(page.consent.by_whom, "Mother")
    w.click(page.next_button, "Next")

    w.screen("decision")
    d = page.decision
    w.click(d.level_buttons[3], "Level 3 (my decision)")
    w.type(d.reasons, "Care has been poor for months; the child is hungry and teased.")
    w.type(d.free_text["worry"], "Comes to school hungry, in the same clothes most days.")
    w.type(d.free_text["child_voice"], "There's no food at home after Wednesday.")
    w.type(d.free_text["family_views"], "Mother says money is tight and she is struggling.")
    action, who, by_when = d.step_rows[0]
    w.type(action, "Early help assessment")
    w.type(who, "DSL")
    w.type(by_when, "this week")
    w.type(d.referrer["name"], "A Teacher")
    w.type(d.referrer["agency"], "Example Primary School")
    w.click(page.next_button, "Next")

    w.screen("preview")
    left = page.preview.blockers()
    if left:  # report mode measures other checkouts too: the trip back is then counted
        w.tally.log.append(f"still blocked: {[b.message for b in left]}")
        return w.tally
    assert not left
    w.click(page.preview.save_pdf, "Save PDF")
    w.count("Enter in the save dialog")
    qtbot.waitUntil(save_path.exists)
    return w.tally
