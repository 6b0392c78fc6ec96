"""The guidance book: every part of the pack, the version on every page, a clean PDF."""

from __future__ import annotations

from pdfcheck import flat, font_names, page_texts, qpdf_problems

from thresholds_app.core.pack.model import Pack
from thresholds_app.pdf.book import render_book_pdf


def test_book_has_every_part_and_version_on_every_page(pack: Pack) -> None:
    pdf = render_book_pdf(pack, "2026-01-05 10:00 UTC", "0.1.0")
    pages = page_texts(pdf)
    for number, text in enumerate(pages, start=1):
        assert "Version 9.9.9" in text
        assert f"sample-pack 9.9.9 ({pack.short_hash})" in text
        assert f"Page {number} of {len(pages)}" in text
    body = flat(" ".join(pages))
    for expected in (
        "The four levels of need",
        "Level 3: Targeted",
        "Indicators: Parenting capacity",
        "Level 1: Universal",
        "Strength: The child has a trusted adult at school.",
        "Domestic abuse at home that the child sees or hears.",
        "Special pathways",
        "Complete a DASH checklist.",
        "The golden rules of information sharing",
        "1. Share to protect",
        "Stepping up",
        "Stepping down",
        "Handover checklist",
        "Sample MASH",
        "Mon–Fri 09:00–17:00",
        "When closed: Sample EDT (0100 000 0001)",
        "Where this guidance comes from",
        "Sample source document",
        "Content follows the regional pattern; check against the partnership's published guidance.",
        "It supports professional judgement and does not replace it.",
    ):
        assert flat(expected) in body, expected
    assert qpdf_problems(pdf) == []
    assert all("DejaVuSans" in f and "not embedded" not in f for f in font_names(pdf))


def test_book_is_repeatable(pack: Pack) -> None:
    assert render_book_pdf(pack, "t", "v") == render_book_pdf(pack, "t", "v")


def test_book_contents_and_bookmarks_point_at_the_right_pages(pack: Pack) -> None:
    import io

    from pypdf import PdfReader

    pdf = render_book_pdf(pack, "t", "v")
    reader = PdfReader(io.BytesIO(pdf))
    pages = page_texts(pdf)
    marks = {o.title: reader.get_destination_page_number(o) for o in reader.outline}
    assert next(iter(marks)) == "The four levels of need"
    assert "Contacts" in marks
    for title, index in marks.items():
        assert title in pages[index], title
        # the contents page lists the heading with its printed page number
        assert flat(f"{title}") in flat(pages[1])
        assert str(index + 1) in pages[1]
