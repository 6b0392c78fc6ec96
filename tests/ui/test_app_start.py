"""Start-up: two phases, a broken pack refused with every problem, --quit-when-ready."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from assessment_kit import make_window
from PySide6.QtWidgets import QDialog

from thresholds_app.paths import default_pack_dir
from thresholds_app.ui.app import build_parser, parse_options
from thresholds_app.ui.pack_problems import problems_dialog


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "thresholds_app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_quit_when_ready_exits_zero():
    result = run("--quit-when-ready")
    assert result.returncode == 0, result.stderr


# Loaded when first used, never to draw the start screen (issue 11). dataclasses: its import and
# one class cost start-up about 2 ms; holidays loads every country (about 200 ms).
NOT_ON_THE_START_PATH = (
    "reportlab",
    "PySide6.QtPdf",
    "PySide6.QtPrintSupport",
    "dataclasses",
    "holidays",
    "yaml",
    "jsonschema",
    "cryptography",
    "keyring",
    "platformdirs",
    "thresholds_app.cli",
    "thresholds_app.pdf",
    "thresholds_app.core.rules",  # the engine: first needed by an assessment
    "thresholds_app.core.search",
    "thresholds_app.core.case.record",
    "thresholds_app.core.drafts",
    "thresholds_app.core.report",
    "thresholds_app.core.review",
    "thresholds_app.core.training",
    "thresholds_app.ui.assessment.page",
    "thresholds_app.ui.review",
    "thresholds_app.ui.training",
    "thresholds_app.ui.browser",
    "thresholds_app.ui.emergency",
    "thresholds_app.ui.printing",
    "thresholds_app.ui.settings_page",
    "thresholds_app.ui.stepping_page",
)


@pytest.mark.slow
def test_start_up_does_not_import_what_the_start_screen_does_not_need():
    code = (
        "import sys, os; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from thresholds_app.ui.app import run_app;"
        "rc = run_app(['x', '--quit-when-ready']);"
        f"heavy = [m for m in {NOT_ON_THE_START_PATH!r} if m in sys.modules];"
        "print(rc, heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "0 []", result.stderr


@pytest.mark.slow
def test_start_up_objects_are_kept_out_of_collections_and_collection_resumes():
    code = (
        "import gc, os; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from thresholds_app.ui.app import run_app;"
        "rc = run_app(['x', '--quit-when-ready']);"
        "print(rc, gc.isenabled(), gc.get_freeze_count() > 10_000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "0 True True", result.stderr


@pytest.mark.slow
def test_a_broken_pack_leaves_collection_on(tmp_path):
    (tmp_path / "pack").mkdir()
    code = (
        "import gc, os; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from thresholds_app.ui.app import run_app;"
        f"rc = run_app(['x', '--pack', {str(tmp_path / 'pack')!r}, '--quit-when-ready']);"
        "print(rc, gc.isenabled())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "1 True", result.stderr


@pytest.mark.slow
def test_broken_pack_lists_every_problem_and_exits(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), pack)
    (pack / "levels.yaml").write_text("levels: [\n", encoding="utf-8")
    (pack / "contacts.yaml").write_text("contacts: yes\nextra: 1\n", encoding="utf-8")
    result = run("--pack", str(pack), "--quit-when-ready")
    assert result.returncode == 1
    assert "levels.yaml" in result.stderr
    assert "contacts.yaml" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--quit-when-ready"],
        ["--pack", "/some/pack"],
        ["--pack", "/p", "--quit-when-ready"],
        ["--quit-when-ready", "-platform", "offscreen"],
        ["--pack=/p", "-style", "fusion"],
    ],
)
def test_quick_option_reading_agrees_with_argparse(args):
    options, qt_args = parse_options(args)
    expected, expected_qt = build_parser().parse_known_args(args)
    assert (vars(options), qt_args) == (vars(expected), expected_qt)


def test_a_mistake_in_the_options_gets_argparse_s_message(capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_options(["--pack"])
    assert exit_info.value.code == 2
    assert "--pack" in capsys.readouterr().err


def test_problems_dialog_shows_all_problems(qtbot):
    dialog = problems_dialog("/some/pack", "a.yaml:1:1: bad\nb.yaml:2:3: worse")
    qtbot.addWidget(dialog)
    assert "a.yaml:1:1" in dialog.detailedText()
    assert "b.yaml:2:3" in dialog.detailedText()


def test_about_box_shows_pack_identity_and_provenance(qtbot):
    window = make_window(qtbot)
    dialog = window.show_about()
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(dialog.isVisible)
    from PySide6.QtWidgets import QTextBrowser

    text = dialog.findChild(QTextBrowser).toPlainText()
    manifest = window.pack.manifest
    assert manifest.id in text
    assert manifest.version in text
    assert "confirmed" in text
    from thresholds_app.core.report.rationale import INTENDED_USE

    assert INTENDED_USE in " ".join(text.split())  # the same words as every rationale (H20)
    dialog.close()


def test_shortcuts_are_listed_in_help(qtbot):
    window = make_window(qtbot)
    dialog = window.show_shortcuts()
    from PySide6.QtWidgets import QTextBrowser

    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "F9" in text
    assert "Ctrl+N" in text
    dialog.close()


def test_start_page_shows_pack_and_buttons(qtbot):
    window = make_window(qtbot)
    page = window.start_page
    assert window.pack.manifest.version in page.pack_title.text()
    assert page.status_label.text().startswith("Status:")
    assert page.buttons["training"].isEnabled()
    assert page.buttons["guidance"].isEnabled()  # every page is registered with the window
    assert page.buttons["review"].isEnabled()
    for button in page.buttons.values():
        assert button.accessibleName()
    assert "Right Help" in window.windowTitle()


def test_the_keyboard_starts_on_new_assessment_and_enter_opens_it(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window(qtbot)
    window.activateWindow()
    new = window.start_page.buttons["new"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is new)  # not the emergency button
    qtbot.keyClick(new, Qt.Key.Key_Return)
    assert window.current_page_key() == "assessment"
    window.show_page("start")  # and back again: the open work is the main choice now
    resume = window.start_page.buttons["continue"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is resume)
    qtbot.keyClick(resume, Qt.Key.Key_Return)
    assert window.current_page_key() == "assessment"
