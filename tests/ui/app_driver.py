"""Drives the real app in a subprocess for the crash-recovery and canary tests (not a test file).

Usage: ``python app_driver.py edit MARKER`` starts the app, begins an assessment, answers two
questions, types MARKER into every free-text field, prints ``SAVED`` once the draft snapshot is on
disk and then waits to be killed. ``python app_driver.py recover`` starts the app, accepts the
recovery offer, prints the recovered case as JSON and quits normally.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
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
    saver = window.b_extensions.autosave
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
    else:
        recover()
    sys.exit(run_app(["thresholds-app"]))
