"""Lay a :class:`~thresholds_app.core.report.rationale.Rationale` out as an A4 PDF.

All wording comes from the rationale data; this module only arranges it. Every cell is a
Paragraph in the bundled font, and every piece of user text goes through :mod:`.safe`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from thresholds_app.core.report.rationale import (
    NOT_RECORDED,
    Block,
    Entry,
    Field,
    Items,
    Note,
    Rationale,
    Section,
    Summary,
    partnership_words,
)
from thresholds_app.core.report.rationale import Table as TableBlock
from thresholds_app.pdf.fonts import BODY
from thresholds_app.pdf.layout import (
    ACCENT,
    MARGIN,
    RULE,
    SHADE,
    SHADE_LINE,
    WARN_SHADE,
    PageFurniture,
    Styles,
    build_pdf,
    make_styles,
)
from thresholds_app.pdf.safe import markup, safe_para, safe_paras, unprintable_notice

FRAME_WIDTH = 210 * mm - 2 * MARGIN
# A table cell longer than this would make a row taller than a page: show the rows as text.
MAX_CELL_CHARS = 700
# The difference reason is shown in the summary box only when it is short enough to fit.
MAX_BOX_REASON_CHARS = 500
# Fields up to this length sit in a two-column label/value list; longer ones stand alone.
MAX_SHORT_FIELD_CHARS = 400
# More line breaks than this and a text is treated as long, whatever its length.
MAX_CELL_LINES = 8


def rationale_texts(r: Rationale) -> Iterator[str]:
    """Every piece of text in ``r`` (to find the characters the font cannot print)."""

    def walk(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif is_dataclass(value) and not isinstance(value, type):
            for part in fields(value):
                yield from walk(getattr(value, part.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                yield from walk(item)

    return walk(r)


def _fits(text: str, limit: int) -> bool:
    """Whether ``text`` is short enough, in characters and in lines, to sit in a table cell."""
    return len(text) <= limit and text.count("\n") <= MAX_CELL_LINES


def render_rationale_pdf(r: Rationale) -> bytes:
    """Return the PDF bytes for ``r``."""
    styles = make_styles()
    story: list[Flowable] = [
        Paragraph(markup(r.title), styles.title),
        Paragraph(
            markup(
                f"Child reference: {r.child_reference}   ·   Produced {r.produced_at}   ·   "
                f"{r.pack_title}, version {r.pack_version}"
            ),
            styles.small,
        ),
        Spacer(1, 4 * mm),
    ]
    if r.authoring_note:  # the marking on every page says so too
        story.append(_notice_box(r.authoring_note, styles))
    if r.pack_notice:
        story.append(_notice_box(r.pack_notice, styles))
    if r.draft_blockers:
        story.append(_draft_box(r.draft_blockers, styles))
    if unprintable := unprintable_notice(rationale_texts(r)):
        story.append(_notice_box(unprintable, styles))
    story += _summary_box(r.summary, styles)
    for section in r.sections:
        if not section.new_page:
            story += _section(section, styles)
    story += _about(r, styles)
    for section in r.sections:
        if section.new_page:  # appended sheets (the MASH review): same marks, own page
            story += [PageBreak(), *_section(section, styles)]
    furniture = PageFurniture(
        marking=r.marking,
        header_left=f"Child reference: {r.child_reference}",
        # A draft says so on every page, not only on the first (issue 11).
        header_right=f"DRAFT: not ready to send · {r.title}" if r.draft_blockers else r.title,
        footer_left=(
            f"Produced {r.produced_at}  ·  guidance pack {r.pack_id} {r.pack_version} "
            f"({r.pack_short_hash})  ·  thresholds_app {r.app_version}"
        ),
        footer_right="The guidance supports, and does not replace, professional judgement.",
    )
    return build_pdf(story, furniture, title=r.title, subject=r.marking)


def _boxed(rows: list[list[Flowable]], widths: list[float], shade: object) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), shade),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _draft_box(blockers: tuple[str, ...], styles: Styles) -> Flowable:
    cell: list[Flowable] = [Paragraph("DRAFT: not ready to send. Still to do:", styles.alert)]
    cell += [Paragraph(markup(b), styles.bullet, bulletText="•") for b in blockers]
    return KeepTogether([_boxed([[cell]], [FRAME_WIDTH], WARN_SHADE), Spacer(1, 4 * mm)])


def _notice_box(notice: str, styles: Styles) -> Flowable:
    """The pack's date banner (due for review, or expired and its level withheld)."""
    cell: list[Flowable] = [safe_para(notice, styles.alert)]
    return KeepTogether([_boxed([[cell]], [FRAME_WIDTH], WARN_SHADE), Spacer(1, 4 * mm)])


def _summary_box(s: Summary, styles: Styles) -> list[Flowable]:
    half = FRAME_WIDTH / 2

    def pair(label: str, value: str, style: object = None) -> list[Flowable]:
        return [Paragraph(markup(label), styles.box_label), safe_para(value, style or styles.body)]

    decision_cell = pair("The practitioner's decision", s.decision_level, styles.box_value)
    long_reason = not _fits(s.differs_reason, MAX_BOX_REASON_CHARS)
    if s.differs:
        decision_cell.append(Paragraph("Differs from the guidance because:", styles.box_label))
        if long_reason:
            decision_cell.append(Paragraph("See “Why this differs” below the box.", styles.body))
        else:
            decision_cell.append(safe_para(s.differs_reason or NOT_RECORDED, styles.body))
    emergency_style = styles.alert if s.emergency or s.danger_not_known else styles.body
    contact_cell: list[Flowable] = [Paragraph("Contact", styles.box_label)]
    contact_cell += [safe_para(f"{c.name}: {c.phone_text}", styles.body) for c in s.contacts] or [
        Paragraph("None suggested.", styles.body)
    ]
    rows: list[list[Flowable]] = [
        [pair("The guidance indicates", s.guidance_level, styles.box_value), decision_cell],
        [pair("Emergency", s.emergency_text, emergency_style), pair("Route", s.route)],
        [contact_cell, pair("Consent at this level", s.consent or NOT_RECORDED)],
    ]
    box = _boxed(rows, [half, half], SHADE)
    box.setStyle(
        TableStyle(
            [("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE), ("LINEAFTER", (0, 0), (0, -1), 0.4, RULE)]
        )
    )
    out: list[Flowable] = [Paragraph("Summary", styles.h1)]
    if s.notices:
        cell = [safe_para(notice, styles.alert) for notice in s.notices]
        out += [_boxed([[cell]], [FRAME_WIDTH], WARN_SHADE), Spacer(1, 2 * mm)]
    out.append(box)
    if s.differs and long_reason:
        out.append(Paragraph("Why this differs", styles.label))
        out += safe_paras(s.differs_reason, styles.body)
    return out


def _section(section: Section, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(markup(section.title), styles.h1)]
    short_fields: list[Field] = []
    for block in section.blocks:
        if isinstance(block, Field) and _fits(block.text, MAX_SHORT_FIELD_CHARS):
            short_fields.append(block)
            continue
        if short_fields:
            out.append(_field_table(short_fields, styles))
            short_fields = []
        out += _block(block, styles)
    if short_fields:
        out.append(_field_table(short_fields, styles))
    return out


def _field_table(fields: list[Field], styles: Styles) -> Flowable:
    """Show short labelled answers as a calm two-column list."""
    rows = [
        [
            Paragraph(markup(f.label), styles.label_cell),
            safe_para(f.text or NOT_RECORDED, styles.cell),
        ]
        for f in fields
    ]
    table = Table(rows, colWidths=[FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.7], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, SHADE_LINE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _block(block: Block, styles: Styles) -> list[Flowable]:
    if isinstance(block, Field):
        label = Paragraph(markup(block.label), styles.label)
        paras = safe_paras(block.text, styles.body, empty=NOT_RECORDED)
        return [label, *paras]  # the label keeps with the first lines (pdf.headings)
    if isinstance(block, Note):
        return safe_paras(block.text, styles.body)
    if isinstance(block, Entry):
        out: list[Flowable] = [Paragraph(markup(block.title), styles.h2)]
        out += [Paragraph(markup(line), styles.bullet, bulletText="•") for line in block.lines]
        if block.note:
            out.append(Paragraph(markup(block.note), styles.note))
        return out
    if isinstance(block, Items):
        out = []
        if block.label:
            out.append(Paragraph(markup(block.label), styles.label if block.part else styles.h2))
        for item in block.items:
            paras = safe_paras(item, styles.bullet, empty=NOT_RECORDED)
            out.append(Paragraph(paras[0].text, styles.bullet, bulletText="•"))
            out += paras[1:]
        return out
    return _table(block, styles)


def _table(block: TableBlock, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    if block.label:
        out.append(Paragraph(markup(block.label), styles.h2))
    if not all(_fits(cell, MAX_CELL_CHARS) for row in block.rows for cell in row):
        # Long text cannot split inside a table row: print each row as labelled paragraphs.
        for number, row in enumerate(block.rows, start=1):
            out.append(Paragraph(f"{number}.", styles.label))
            for head, cell in zip(block.header, row, strict=False):
                out.append(Paragraph(markup(head), styles.label))
                out += safe_paras(cell, styles.body, empty="—")
        return out
    total = sum(block.widths)
    widths = [FRAME_WIDTH * w / total for w in block.widths]
    data: list[list[Flowable]] = [[Paragraph(markup(h), styles.cell_head) for h in block.header]]
    data += [[safe_para(cell or "—", styles.cell) for cell in row] for row in block.rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    out += [table, Spacer(1, 2 * mm)]
    return out


def _about(r: Rationale, styles: Styles) -> list[Flowable]:
    return [
        Paragraph("About this guidance", styles.h1),
        Paragraph(markup(r.provenance_note), styles.body),
        Paragraph(markup(r.intended_use), styles.body),
        *(
            [safe_para(partnership_words(r.partnership_name), styles.body)]
            if r.partnership_name
            else []
        ),
        Paragraph(
            markup(
                f"Guidance pack {r.pack_id}, version {r.pack_version}, content hash "
                f"{r.pack_short_hash}. Made with thresholds_app {r.app_version} on "
                f"{r.produced_at}. {r.marking}: handle and store according to your agency's policy."
            ),
            styles.small,
        ),
    ]
