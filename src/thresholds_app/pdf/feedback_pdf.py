"""The one-page feedback slip for the referrer, laid out from :class:`FeedbackSlip`."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from thresholds_app.core.review.feedback import FeedbackSlip
from thresholds_app.pdf.fonts import BODY
from thresholds_app.pdf.layout import MARGIN, RULE, SHADE, PageFurniture, build_pdf, make_styles
from thresholds_app.pdf.safe import markup, safe_para, safe_paras

FRAME_WIDTH = 210 * mm - 2 * MARGIN


def render_feedback_pdf(slip: FeedbackSlip, produced_at: str, app_version: str) -> bytes:
    """Return the PDF bytes of the feedback slip."""
    styles = make_styles()
    rows = [
        ("Your reference", slip.reference),
        ("Referred by", slip.referrer),
        ("Referred on", slip.referred_on),
        ("Decided on", slip.decided_on),
        ("Outcome", slip.outcome),
        ("Level of need", slip.level),
    ]
    table = Table(
        [[safe_para(k, styles.label_cell), safe_para(v, styles.cell)] for k, v in rows],
        colWidths=[45 * mm, FRAME_WIDTH - 45 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story: list[Flowable] = [
        Paragraph(markup(slip.title), styles.title),
        Spacer(1, 3 * mm),
        table,
        Paragraph("What happens next", styles.h1),
        *safe_paras(slip.what_happens_next or "The MASH will tell you.", styles.body),
        Paragraph("Who to contact", styles.h1),
        safe_para(slip.contact, styles.body),
    ]
    if slip.decided_by:
        story.append(safe_para(f"Decided by: {slip.decided_by}", styles.body))
    if slip.please_tell_us:
        story.append(Paragraph("Please tell us more about", styles.h1))
        story += [safe_para(f"• {item}", styles.bullet) for item in slip.please_tell_us]
    story += [Spacer(1, 4 * mm), safe_para(slip.emergency, styles.alert)]
    furniture = PageFurniture(
        marking=slip.marking,
        header_left=f"Your reference: {slip.reference}",
        header_right=slip.title,
        footer_left=f"Produced {produced_at}  ·  {slip.pack_line}  ·  thresholds_app {app_version}",
        footer_right="The guidance supports, and does not replace, professional judgement.",
    )
    return build_pdf(story, furniture, title=slip.title, subject=slip.marking)
