"""Print the rationale PDF itself, so paper and file always say the same thing.

The PDF bytes (made by :mod:`thresholds_app.pdf`) are opened with QtPdf's :class:`QPdfDocument`
from memory (no temporary file: hazard H15), and each page is rendered as an image onto a
:class:`QPrinter`. Printers and print dialogs are created only when the user prints, because
listing network printers can freeze the interface for seconds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

# 300 dpi is print quality for text; a "high resolution" printer may ask for 1200, which would
# make a 140-megapixel image per A4 page.
MAX_RENDER_DPI = 300


class PdfLoadError(RuntimeError):
    """The PDF bytes could not be opened for printing."""


def open_pdf(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """Open PDF bytes in memory as a :class:`QPdfDocument` (raises :class:`PdfLoadError`)."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PdfLoadError(f"The PDF could not be opened for printing ({document.error()}).")
    return document


def render_to_printer(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` onto ``printer``; return the number of pages printed."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PdfLoadError("The printer could not be started.")
    try:
        pages = document.pageCount()
        dpi = min(max(printer.resolution(), 72), MAX_RENDER_DPI)
        for index in range(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(index, pixels)
            # Scale the page image to the printer's page, keeping its shape.
            target = painter.viewport().size()
            fitted = QSize(pixels)
            fitted.scale(target, Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, fitted.width(), fitted.height()), image)
    finally:
        painter.end()
    return pages


def make_printer(job_name: str) -> QPrinter:
    """A high-resolution printer for the default queue, with a job name free of personal data."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job_name)
    return printer


def print_pdf(
    data: bytes,
    job_name: str,
    parent: QWidget,
    done: Callable[[str], None] | None = None,
) -> QPrintDialog:
    """Show the system print dialog (without blocking) and print the PDF if the user accepts.

    ``done`` receives a plain sentence saying what happened (printed, or why not).
    """
    document = open_pdf(data, parent)
    printer = make_printer(job_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setMinMax(1, document.pageCount())

    def finished(result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            return
        try:
            pages = render_to_printer(document, printer)
        except PdfLoadError as error:
            message = str(error)
        else:
            message = f"Sent {pages} pages to the printer."
        if done is not None:
            done(message)

    dialog.finished.connect(finished)
    _open(dialog)
    return dialog


def preview_pdf(data: bytes, job_name: str, parent: QWidget) -> QPrintPreviewDialog:
    """Show a print preview of the PDF (without blocking); it can print from there."""
    document = open_pdf(data, parent)
    printer = make_printer(job_name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.paintRequested.connect(lambda p: render_to_printer(document, p))
    _open(dialog)
    return dialog


def _open(dialog: QDialog) -> None:
    # QPrintDialog.open() is bound only as open(receiver, member) in PySide6; a window-modal
    # show() is the same thing and never blocks (a blocking exec() would hang tests).
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
