"""Shared page layout: A4, calm styles, the marking, header and "page X of Y" footer.

Both the rationale and the guidance book use :func:`build_pdf`. Headers and footers are drawn on
the canvas with plain ``drawString`` (no markup parsing), from already-cleaned, shortened text.
``invariant=1`` makes reportlab write the same bytes for the same input, so the only thing that
varies between two builds of one case is the production time the caller passes in.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from thresholds_app.pdf.fonts import BODY, BOLD, ITALIC, register_fonts
from thresholds_app.pdf.headings import keep_headings_with_text
from thresholds_app.pdf.safe import clean_text

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
ACCENT = colors.HexColor("#2c4a6e")
SHADE = colors.HexColor("#f0f4f8")
SHADE_LINE = colors.HexColor("#d9e2ec")
WARN_SHADE = colors.HexColor("#fdf1e6")
ALERT = colors.HexColor("#a61b1b")
MARGIN = 18 * mm


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Flate-only (binary) streams while one of our PDFs is built, then reportlab as it was.

    Smaller and faster than ASCII85, and every PDF reader copes. reportlab reads this from a
    module global when it writes, so it is set for the build only: importing this module
    changes nothing for anyone else using reportlab in the same process.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


@dataclass(frozen=True)
class Styles:
    """The paragraph styles every document uses (all in the bundled fonts)."""

    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    label_cell: ParagraphStyle
    cell_head: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    bullet: ParagraphStyle
    box_label: ParagraphStyle
    box_value: ParagraphStyle
    alert: ParagraphStyle


def make_styles() -> Styles:
    """Return fresh styles (never shared module state, so documents cannot leak into each other)."""
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=BODY,
        bulletFontName=BODY,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        spaceAfter=3,
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=MUTED),
        note=ParagraphStyle(
            "note",
            parent=body,
            fontName=ITALIC,
            fontSize=8,
            leading=10.5,
            textColor=MUTED,
            leftIndent=12,
            spaceAfter=4,
        ),
        label=ParagraphStyle(
            "label",
            parent=body,
            fontName=BOLD,
            fontSize=8.5,
            leading=11,
            textColor=MUTED,
            spaceBefore=4,
            spaceAfter=1,
            keepWithNext=1,  # a label heads the text below it
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11.5, spaceAfter=0),
        label_cell=ParagraphStyle(
            "label_cell",
            parent=body,
            fontName=BOLD,
            fontSize=8.5,
            leading=11.5,
            textColor=MUTED,
            spaceAfter=0,
        ),
        cell_head=ParagraphStyle(
            "cell_head", parent=body, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=BOLD,
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceAfter=2,
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=12,
            leading=15,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=4,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            textColor=INK,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=1.5),
        box_label=ParagraphStyle(
            "box_label",
            parent=body,
            fontName=BOLD,
            fontSize=8,
            leading=10,
            textColor=MUTED,
            spaceAfter=1,
        ),
        box_value=ParagraphStyle(
            "box_value", parent=body, fontName=BOLD, fontSize=12, leading=15, spaceAfter=0
        ),
        alert=ParagraphStyle("alert", parent=body, fontName=BOLD, textColor=ALERT, spaceAfter=2),
    )


@dataclass(frozen=True)
class PageFurniture:
    """What goes round every page: marking, header and footer text."""

    marking: str
    header_left: str
    header_right: str
    footer_left: str
    footer_right: str


def _fit(text: str, limit: int) -> str:
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _canvas_class(furniture: PageFurniture) -> type[Canvas]:
    """A canvas that holds pages back until the end so it can print "page X of Y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []
            self.bookmarks: dict[int, list[str]] = {}

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            count = 0
            for state in self._saved:
                bookmarks = self.bookmarks
                self.__dict__.update(state)
                self.bookmarks = bookmarks
                _draw_furniture(self, furniture, self._pageNumber, total)
                for title in bookmarks.get(self._pageNumber, []):
                    count += 1
                    self.bookmarkPage(f"h{count}")
                    self.addOutlineEntry(title, f"h{count}", level=0)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_furniture(canvas: Canvas, f: PageFurniture, page: int, total: int) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(ALERT)
    canvas.setFont(BOLD, 9)
    canvas.drawCentredString(width / 2, height - 10 * mm, f.marking)
    canvas.drawCentredString(width / 2, 5 * mm, f.marking)
    canvas.setFillColor(MUTED)
    canvas.setFont(BODY, 8)
    canvas.drawString(MARGIN, height - 14.5 * mm, _fit(f.header_left, 60))
    canvas.drawRightString(width - MARGIN, height - 14.5 * mm, _fit(f.header_right, 60))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, height - 16 * mm, width - MARGIN, height - 16 * mm)
    canvas.line(MARGIN, 15.5 * mm, width - MARGIN, 15.5 * mm)
    canvas.setFont(ITALIC, 7)
    canvas.drawString(MARGIN, 12.3 * mm, _fit(f.footer_left, 120))
    canvas.drawString(MARGIN, 9.3 * mm, _fit(f.footer_right, 120))
    canvas.setFont(BODY, 8)
    canvas.drawRightString(width - MARGIN, 12.3 * mm, f"Page {page} of {total}")
    canvas.restoreState()


class _OutlinedDoc(SimpleDocTemplate):  # type: ignore[misc]
    """A document whose main headings (style ``h1``) become PDF bookmarks for navigation."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name == "h1":
            # Pages are written only at the end (for "page X of Y"), so the canvas records the
            # heading against its page and adds the bookmark when that page is written.
            marks = self.canv.bookmarks
            marks.setdefault(self.canv.getPageNumber(), []).append(flowable.getPlainText())
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))


def build_pdf(
    story: Sequence[Flowable], furniture: PageFurniture, title: str, subject: str
) -> bytes:
    """Lay ``story`` out on A4 pages with the furniture and return the PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _OutlinedDoc(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=22 * mm,
        bottomMargin=21 * mm,
        title=title,
        subject=subject,
        author="",
        creator="thresholds_app",
        producer="thresholds_app (reportlab)",
        keywords="",
        lang="en-GB",
        displayDocTitle=True,
        invariant=1,
        initialFontName=BODY,
        initialFontSize=9.5,
    )
    laid_out = keep_headings_with_text(story)
    with _binary_streams():
        if any(isinstance(f, TableOfContents) for f in story):
            # Two passes: the first finds each heading's page, the second prints the contents.
            doc.multiBuild(laid_out, canvasmaker=_canvas_class(furniture))
        else:
            doc.build(laid_out, canvasmaker=_canvas_class(furniture))
    return buffer.getvalue()


def contents(styles: Styles) -> TableOfContents:
    """Return a table of contents of the main headings, in the body font."""
    toc = TableOfContents(
        dotsMinLevel=0,
        tableStyle=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BODY),  # else the table falls back to Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        ),
    )
    toc.levelStyles = [
        ParagraphStyle(
            "toc0",
            parent=styles.body,
            leftIndent=0,
            firstLineIndent=0,
            spaceBefore=2,
            spaceAfter=2,
        )
    ]
    return toc
