"""Saving, printing and copying the rationale, and opening case files."""

from __future__ import annotations

import pypdf
from assessment_kit import (
    click_question,
    complete_everything_but_household,
    make_window,
    opened,
    start_assessment,
)
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog

from thresholds_app.core.case.record import load_case
from thresholds_app.ui.assessment.preview_step import CLIPBOARD_EXCLUSIONS
from thresholds_app.ui.main_window import PAGE_ASSESSMENT
from thresholds_app.ui.printing import open_pdf, render_to_printer
from thresholds_app.ui.shell.pages import Page


def ready_page(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    complete_everything_but_household(qtbot, page)
    assert page.child.rows == []
    click_question(qtbot, page, "other-children-considered", "yes")  # no other children
    page.go_to_step("preview")
    assert page.preview.blockers() == ()
    return window, page


def pdf_text(path) -> str:
    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)


def test_print_dialog_prints_the_pdf_pages_to_a_file(qtbot, tmp_path):
    _window, page = ready_page(qtbot)
    assert page.preview.print_button.isEnabled()
    dialog = page.print_rationale()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    out = tmp_path / "printed.pdf"
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(100)  # small raster: keeps the test quick
    assert printer.docName() == "Rationale REF-123"  # the reference, never a name
    # done() is what the dialog's Print button ends with; accept() would first re-read the
    # (empty, offscreen) printer list from the dialog and replace our file output.
    dialog.done(QDialog.DialogCode.Accepted)
    qtbot.waitUntil(out.exists)
    pages = len(pypdf.PdfReader(str(out)).pages)
    expected = open_pdf(page.preview.pdf_bytes()).pageCount()
    assert pages == expected >= 1


def test_render_to_printer_matches_the_pdf_page_count(qtbot, tmp_path):
    _window, page = ready_page(qtbot)
    document = open_pdf(page.preview.pdf_bytes())
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert render_to_printer(document, printer) == document.pageCount()
    assert len(pypdf.PdfReader(str(tmp_path / "out.pdf")).pages) == document.pageCount()


def test_save_pdf_has_both_levels_and_the_reference(qtbot, tmp_path, monkeypatch):
    _window, page = ready_page(qtbot)
    target = tmp_path / "rationale.pdf"
    suggested = []

    def ask(_title, name, _filter):
        suggested.append(name)
        return str(target)

    monkeypatch.setattr(page, "ask_save_path", ask)
    qtbot.mouseClick(page.preview.save_pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    assert suggested == ["rationale-REF-123.pdf"]
    text = pdf_text(target)
    assert "REF-123" in text
    assert "Level 3" in text


def test_copy_as_text_keeps_out_of_clipboard_history(qtbot):
    _window, page = ready_page(qtbot)
    qtbot.mouseClick(page.preview.copy_button, Qt.MouseButton.LeftButton)
    mime = QApplication.clipboard().mimeData()
    assert "REF-123" in mime.text()
    for mime_type in CLIPBOARD_EXCLUSIONS:
        assert mime.hasFormat(mime_type), mime_type


def test_export_is_refused_while_blocked(qtbot, monkeypatch):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    monkeypatch.setattr(page, "ask_save_path", lambda *_: (_ for _ in ()).throw(AssertionError))
    page.go_to_step("preview")
    assert not page.preview.save_pdf.isEnabled()
    assert page.save_pdf() is None
    assert page.print_rationale() is None
    assert page.copy_text() is None


def test_case_file_round_trip_and_mash_review(qtbot, tmp_path, monkeypatch):
    window, page = ready_page(qtbot)
    target = tmp_path / "case.json"
    monkeypatch.setattr(page, "ask_save_path", lambda *_: str(target))
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(target.exists)
    assert not page.has_unsaved_work()
    saved = load_case(target)
    assert saved.child.reference == "REF-123"
    assert saved.decision.level == 3

    before = target.read_bytes()
    window.show_page("start")
    qtbot.mouseClick(window.start_page.buttons["mash"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == Page.MASH
    monkeypatch.setattr(window, "ask_open_path", lambda: str(target))
    window.mash.ask_file()  # File menu: open a case file for MASH review
    qtbot.waitUntil(lambda: window.current_page_key() == Page.MASH_CASE)
    view = window.page(Page.MASH_CASE)
    assert "REF-123" in view.referral.toPlainText()
    assert view.referral.isReadOnly()
    assert target.read_bytes() == before  # opening for review changes nothing
    assert window.page(PAGE_ASSESSMENT) is page  # the practitioner's page is left alone


def test_damaged_case_file_gives_a_message_not_a_crash(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot)
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    messages = []
    monkeypatch.setattr(window, "inform", lambda title, text: messages.append((title, text)))
    assert opened(qtbot, window.open_case_path(bad)) is False
    assert messages
    assert window.current_page_key() == "start"


def test_print_preview_paints_every_pdf_page(qtbot):
    _window, page = ready_page(qtbot)
    dialog = page.print_preview()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    preview = dialog.findChild(QPrintPreviewWidget)
    expected = open_pdf(page.preview.pdf_bytes()).pageCount()
    qtbot.waitUntil(lambda: preview.pageCount() == expected)
    dialog.close()


def test_blocker_links_open_the_step_that_fixes_them(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("preview")
    text = page.preview.blocker_list.text()
    assert "href='child#child.reference'" in text
    assert "href='consent#consent.sought'" in text
    assert "href='safety#answers.immediate-danger'" in text
    page.preview.blocker_list.linkActivated.emit("consent#consent.sought")
    assert page.current_step() == "consent"
    page.preview.blocker_list.linkActivated.emit("child")  # a step alone still works
    assert page.current_step() == "child"
    assert window.pack.manifest.version in window.pack_label.text()
