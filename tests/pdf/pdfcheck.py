"""Helpers the PDF tests share: extract text, check structure, list fonts."""

from __future__ import annotations

import io

import pikepdf
from pypdf import PdfReader


def page_texts(pdf: bytes) -> list[str]:
    """Return the extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with all whitespace removed, for comparisons across line breaks."""
    return "".join(text.split())


def qpdf_problems(pdf: bytes) -> list[str]:
    """Return qpdf's (pikepdf's) structural problems; empty means clean."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return [str(p) for p in doc.check_pdf_syntax()]


def font_names(pdf: bytes) -> set[str]:
    """Return the BaseFont names used on any page, and whether each is embedded."""
    names: set[str] = set()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            fonts = page.Resources.get("/Font", {})
            for font in fonts.values():
                embedded = "/DescendantFonts" in font or "/FontDescriptor" in font
                names.add(f"{font.BaseFont}{'' if embedded else ' (not embedded)'}")
    return names


def metadata(pdf: bytes) -> dict[str, str]:
    """Return the document information dictionary as text."""
    info = PdfReader(io.BytesIO(pdf)).metadata or {}
    return {str(k): str(v) for k, v in info.items()}
