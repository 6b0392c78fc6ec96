"""Drives the real app in a subprocess for the crash-recovery and canary tests (not a test file).

Usage: ``python app_driver.py edit MARKER`` starts the app, begins an assessment, answers two
questions, types MARKER into every free-text field, prints ``SAVED`` once the draft snapshot is on
disk and then waits to be killed. ``python app_driver.py recover`` starts the app, accepts the
recovery offer, prints the recovered case as JSON and quits normally. ``python app_driver.py
chain RUN`` (for ``tools/kill_harness.py``) recovers whatever is offered, reports it, gives one
answer and then types into the worry without end, one character every 25 ms, printing each
character typed with the time, until it is killed; ``chain RUN quit`` recovers, reports and
quits normally instead.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from thresholds_app.core.base.atomic import atomic_write_bytes
from thresholds_app.core.drafts import keys
from thresholds_app.ui import autosave
from thresholds_app.ui.app import run_app

# Named by the tests that kill and restart the app; read only here, never by the app itself.
KEY_FILE_ENV = "THRESHOLDS_TEST_KEY_FILE"

ANSWERS = {"immediate-danger": "no", "fe-domestic-abuse-l4": "yes"}


def main_window():
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")


def edit(marker: str) -> None:
    window = main_window()
    window.new_assessment()
    page = window.page("assessment")
    for key, value in ANSWERS.items():
        page.state.set_answer(key, value)
    print("ANSWERED", flush=True)
    saver = window.drafts.autosave
    fields = 0
    for step in page.steps:
        page.go_to_step(step)
        for edit_widget in page.findChildren(QPlainTextEdit) + page.findChildren(QLineEdit):
            if edit_widget.isVisible() and not edit_widget.isReadOnly():
                edit_widget.setFocus()
                QTest.keyClicks(edit_widget, marker)
                fields += 1
    page.go_to_step("safety")
    for key in ("review", "guidance"):  # free text outside the assessment must not leak either
        window.show_page(key)
        other = window.page(key)
        for edit_widget in other.findChildren(QPlainTextEdit) + other.findChildren(QLineEdit):
            if edit_widget.isVisible() and not edit_widget.isReadOnly():
                QTest.keyClicks(edit_widget, marker)
                fields += 1
    window.show_page("assessment")
    page.state.touch()  # the last edit: the snapshot follows within two seconds
    print(f"FIELDS {fields}", flush=True)
    saver.saved.connect(lambda: print("SAVED", flush=True))  # within 2 s of typing stopping


def recover() -> None:
    offered = []

    def ask(_parent, info):
        offered.append({"answers": info.answers, "interrupted": info.interrupted})
        return "recover"

    autosave.ask_recovery = ask
    waited = [0]

    def check() -> None:
        window = main_window()
        page = window.page("assessment")
        waited[0] += 1
        if page is None and waited[0] < 200:
            QTimer.singleShot(50, check)
            return
        case = page.state.case if page is not None else None
        print(
            "RESULT "
            + json.dumps(
                {
                    "offered": offered,
                    "answers": dict(case.answers) if case else None,
                    "free_text": vars(case.free_text) if case else None,
                }
            ),
            flush=True,
        )
        QApplication.instance().quit()

    QTimer.singleShot(100, check)


CHAIN_ALPHABET = "abcdefghijklmnopqrstuvwxyz "
CHAIN_VALUES = ("yes", "no", "not-known")  # the answer changed by each run of the chain
TYPE_EVERY_MS = 25  # about 40 characters a second: faster than anyone types


def chain(run: int, then_quit: bool) -> None:
    offered: list[dict] = []
    told: list[str] = []

    def ask(_parent, info):
        offered.append({"answers": info.answers, "interrupted": info.interrupted})
        return "recover"

    autosave.ask_recovery = ask
    autosave.tell = lambda _parent, title, _text: told.append(title)  # e.g. a damaged draft

    def when_ready() -> None:
        window = main_window()
        if not window.drafts.is_open:  # recovery runs once the drafts store is open
            QTimer.singleShot(20, when_ready)
            return
        page = window.page("assessment")
        recovered = page is not None
        if page is None:
            window.new_assessment()
            page = window.page("assessment")
        case = page.state.case
        report = {
            "offered": offered,
            "told": told,
            "recovered": recovered,
            "unsaved": page.has_unsaved_work(),
            "answers": dict(case.answers),
            "worry": case.free_text.worry,
        }
        print("RECOVERED " + json.dumps(report), flush=True)
        if then_quit:
            window.close()  # a clean quit: unsaved work must stay as a draft
            return
        page.state.set_answer("immediate-danger", "no")
        value = CHAIN_VALUES[run % len(CHAIN_VALUES)]
        page.state.set_answer("fe-domestic-abuse-l4", value)  # journaled when this returns
        print(f"ANSWER fe-domestic-abuse-l4 {value}", flush=True)
        edit_widget = page.decision.free_text["worry"]
        for key, step in page.steps.items():
            if step.isAncestorOf(edit_widget):
                page.go_to_step(key)
        edit_widget.setFocus()
        edit_widget.moveCursor(QTextCursor.MoveOperation.End)
        typed = [len(case.free_text.worry)]
        print("TYPING", flush=True)

        def type_one() -> None:
            index = typed[0]
            char = CHAIN_ALPHABET[(index * 7 + index // 27) % len(CHAIN_ALPHABET)]
            QTest.keyClicks(edit_widget, char)
            typed[0] += 1
            print(f"T {index} {time.monotonic():.4f}", flush=True)

        timer = QTimer(window)
        timer.timeout.connect(type_one)
        timer.start(TYPE_EVERY_MS)

    QTimer.singleShot(50, when_ready)


def chain_text(length: int) -> str:
    """The text ``chain`` types, character for character (each index always gives the same)."""
    return "".join(CHAIN_ALPHABET[(i * 7 + i // 27) % len(CHAIN_ALPHABET)] for i in range(length))


class FileKeyProvider:
    """TEST ONLY: the drafts key in a plain file, so a second process can read a killed one's
    drafts. It defeats the encryption, which is why it lives here and not in the app."""

    available = True
    reason = ""

    def __init__(self, path: str) -> None:
        self.path = path

    def key(self) -> bytes:
        if not os.path.exists(self.path):
            from cryptography.fernet import Fernet

            atomic_write_bytes(Path(self.path), Fernet.generate_key())
        with open(self.path, "rb") as handle:
            return handle.read().strip()


WATCHDOG_SECONDS = 90  # a modal dialog (e.g. a broken pack) must never hang the test run


if __name__ == "__main__":
    watchdog = threading.Timer(WATCHDOG_SECONDS, lambda: os._exit(3))
    watchdog.daemon = True
    watchdog.start()
    keys.default_key_provider = lambda: FileKeyProvider(os.environ[KEY_FILE_ENV])
    app = QApplication([sys.argv[0]])
    if sys.argv[1] == "edit":
        QTimer.singleShot(200, lambda: edit(sys.argv[2]))
    elif sys.argv[1] == "chain":
        watchdog.cancel()  # the harness kills it; a quit run ends by itself
        chain(int(sys.argv[2]), then_quit=sys.argv[3:] == ["quit"])
    else:
        recover()
    sys.exit(run_app(["thresholds-app"]))
