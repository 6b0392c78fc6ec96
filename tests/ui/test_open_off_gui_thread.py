"""Case files are read off the GUI thread: while a large file is read the window keeps turning,
F9 still brings up the emergency contacts, a busy sign shows, and the outcome arrives after."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from assessment_kit import make_window, opened
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from thresholds_app.core.case.reading import MAX_CASE_BYTES
from thresholds_app.paths import examples_dir
from thresholds_app.ui.shell.pages import Page


def _example() -> dict:  # type: ignore[type-arg]
    return json.loads((examples_dir() / "level-2-attendance.json").read_text(encoding="utf-8"))


def _padded(data: dict, path: Path) -> Path:  # type: ignore[type-arg]
    """Write ``data`` padded with spaces to just under the size limit: slow to read in full."""
    text = json.dumps(data, indent=1)
    path.write_text(text + " " * (MAX_CASE_BYTES - 600_000 - len(text)), encoding="utf-8")
    assert MAX_CASE_BYTES - 1_000_000 < path.stat().st_size <= MAX_CASE_BYTES
    return path


def _big_damaged_file(tmp_path: Path) -> Path:
    """Just under the size limit, 40 answers wrong: slow to read, then refused."""
    data = _example()
    data["answers"] = {f"made-up-{n}": "perhaps" for n in range(40)}  # not yes/no/not known
    return _padded(data, tmp_path / "big.json")


def _watch(window, opening):  # type: ignore[no-untyped-def]
    """Record what the event loop did while ``opening`` was being read."""
    seen: dict[str, object] = {"ticks": 0, "busy": False}
    timer = QTimer(window)
    timer.setInterval(5)

    def tick() -> None:
        if opening.done:
            return
        seen["ticks"] = int(seen["ticks"]) + 1  # type: ignore[call-overload]
        seen["busy"] = seen["busy"] or window.opener.bar.isVisible()

    timer.timeout.connect(tick)
    timer.start()
    return seen, timer


def _press_f9(window, opening, seen) -> None:  # type: ignore[no-untyped-def]
    """Press F9 and note whether the contacts came up while the file was still being read."""
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F9)
    dialog = window.emergency_dialog
    seen["emergency_while_reading"] = dialog is not None and dialog.isVisible() and not opening.done


@pytest.mark.slow
def test_f9_works_while_a_20_mb_file_is_read_then_the_refusal_arrives(
    qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    qtbot.waitUntil(lambda: window.emergency_key is not None)  # F9 is set up after first paint
    window.show_emergency().close()  # built once beforehand, as after a first F9
    path = _big_damaged_file(tmp_path)
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "inform", lambda title, text: messages.append((title, text)))
    # A file within the case limits is read in well under a second; a slower disk (a network
    # share) is stood for by a worker that takes longer, so the race does not decide the test.
    from thresholds_app.ui.shell import assessment_flow

    real_read = assessment_flow.read_for_assessment

    def slow_read(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(1.5)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(assessment_flow, "read_for_assessment", slow_read)
    started = time.perf_counter()
    opening = window.open_case_path(path)
    returned = time.perf_counter() - started
    assert not opening.done  # the call returns at once; the reading goes on behind
    assert returned < 0.2
    assert window.opener.label.text() == "Opening big.json…"
    seen, _timer = _watch(window, opening)
    QTimer.singleShot(20, lambda: _press_f9(window, opening, seen))
    assert opened(qtbot, opening) is False
    assert seen.get("emergency_while_reading"), "F9 waited for the file to be read"
    assert int(seen["ticks"]) >= 3  # type: ignore[call-overload]
    assert seen["busy"]
    ((title, text),) = messages
    assert title == "Cannot open the case file"
    assert text.startswith("big.json cannot be opened (")
    assert "answers.made-up-0 should be one of" in text
    assert "Traceback" not in text
    assert opening.error == text
    assert not window.opener.bar.isVisible()  # the busy sign goes with the reading
    assert window.current_page_key() == Page.START


def test_a_large_valid_file_opens_for_carrying_on_and_for_review(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    data = _example()
    worry = "A line of the worry, as a practitioner might write it at length.\n" * 2_900
    data["free_text"]["worry"] = worry  # near the 200,000-character limit of a case's text
    path = _padded(data, tmp_path / "long.json")

    assert opened(qtbot, window.open_case_path(path)) is True
    assert window.current_page_key() == Page.ASSESSMENT
    page = window.page(Page.ASSESSMENT)
    assert page.state.case.free_text.worry == worry
    assert page.saved_path == path

    review = window.open_review_path(path)
    assert review is not None
    assert opened(qtbot, review) is True
    assert window.current_page_key() == Page.MASH_CASE
    assert "A line of the worry" in window.page(Page.MASH_CASE).referral.toPlainText()


def test_a_second_file_asked_for_while_one_is_read_is_not_opened(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    first = _big_damaged_file(tmp_path)
    informed: list[str] = []
    window.inform = lambda _title, text: informed.append(text)  # type: ignore[method-assign]
    opening = window.open_case_path(first)
    second = window.open_review_path(examples_dir() / "level-2-attendance.json")
    assert second is not None
    assert second.done
    assert not second.opened
    assert second.error == "Still opening big.json; try again when it has opened."
    assert opened(qtbot, opening) is False
    assert len(informed) == 1  # only the first file's refusal
    again = window.open_review_path(examples_dir() / "level-2-attendance.json")
    assert opened(qtbot, again) is True  # once it is done, the next file opens


def test_a_long_refusal_fits_on_the_screen_with_the_rest_under_details(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot)
    assert opened(qtbot, window.open_case_path(_big_damaged_file(tmp_path))) is False
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)))
    (box,) = window.findChildren(QMessageBox)
    shown = box.text().splitlines()
    assert shown[0].startswith("big.json cannot be opened (26 problems):")
    left_out = 27 - (len(shown) - 1)  # the message's lines, less those shown before the last
    assert 0 < left_out < 27
    assert shown[-1] == f"…and {left_out} more lines: Show Details… shows them all."
    assert box.detailedText().count("answers.made-up-") == 25  # every problem is still there
    assert box.detailedText().endswith("Stopped after 25 problems; there may be more.")
    room = box.screen().availableGeometry().height()
    assert box.sizeHint().height() < room * 0.6  # with room for Show Details to open


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_a_long_message_fits_the_screen_at_every_text_size(qtbot, tmp_path, restore, scale) -> None:  # type: ignore[no-untyped-def]
    """At 175% text a message of eight lines (each wrapping to two) was taller than a 1280 x 720
    screen, its OK button below the bottom edge; the box also wrapped at a narrow width."""
    from assessment_kit import styled_window
    from PySide6.QtWidgets import QLabel, QMessageBox

    window = styled_window(qtbot, tmp_path, scale)
    line = "Line {}: something about the file that is long enough to wrap in a narrow box"
    window.inform("Please check this case file", "\n".join(line.format(i) for i in range(20)))
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)))
    (box,) = window.findChildren(QMessageBox)
    qtbot.waitExposed(box)
    room = box.screen().availableGeometry()
    assert box.frameGeometry().height() < room.height() * 0.6
    text = box.findChild(QLabel, "qt_msgbox_label")
    assert text is not None
    assert text.width() >= min(text.fontMetrics().averageCharWidth() * 60, room.width() // 2)
    assert box.detailedText().count("Line ") == 20  # all of it under Show Details
    box.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_typed_as_a_case_file_is_refused_and_the_next_file_opens(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # like /proc/kmsg typed into the file dialog: it used to keep "Opening…" up for ever
    window = make_window(qtbot)
    pipe = tmp_path / "kmsg"
    os.mkfifo(pipe)
    informed: list[str] = []
    window.inform = lambda _title, text: informed.append(text)  # type: ignore[method-assign]
    assert opened(qtbot, window.open_case_path(pipe)) is False
    assert informed == ["kmsg: it is not a plain file (a device, a pipe or a link)."]
    assert not window.opener.bar.isVisible()
    again = window.open_case_path(examples_dir() / "level-2-attendance.json")
    assert opened(qtbot, again) is True
