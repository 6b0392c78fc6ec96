"""The partnership's counts on one page: a chart of levels, then the tables (no personal data)."""

from __future__ import annotations

from datetime import datetime

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from thresholds_app import __version__
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.review.batch import Batch
from thresholds_app.core.review.counts import LEVEL_NAMES, cells, in_words, level_chart_series
from thresholds_app.pdf.fonts import BODY
from thresholds_app.pdf.layout import (
    ACCENT,
    MARGIN,
    MUTED,
    RULE,
    PageFurniture,
    build_pdf,
    make_styles,
)
from thresholds_app.pdf.safe import markup, safe_para

FRAME_WIDTH = 210 * mm - 2 * MARGIN
TITLE = "MASH referrals: counts for the partnership"
MARKING = "OFFICIAL"
BAR_COLOURS = (colors.HexColor("#9aa5b1"), ACCENT, colors.HexColor("#c96d1e"))


def _chart(pack: Pack, batch: Batch) -> Drawing:
    series = level_chart_series(pack, batch)
    drawing = Drawing(FRAME_WIDTH, 70 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = FRAME_WIDTH - 60 * mm, 55 * mm
    chart.data = [[v or 0 for v in values] for values in series.values()]
    chart.categoryAxis.categoryNames = list(LEVEL_NAMES)
    chart.categoryAxis.labels.fontName = BODY
    chart.valueAxis.labels.fontName = BODY
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(5, *(v for row in chart.data for v in row))
    for index, colour in enumerate(BAR_COLOURS):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = FRAME_WIDTH - 45 * mm, 55 * mm
    legend.fontName = BODY
    legend.fontSize = 7.5
    legend.colorNamePairs = list(zip(BAR_COLOURS, series, strict=True))
    drawing.add(legend)
    return drawing


def render_counts_pdf(pack: Pack, batch: Batch, now: datetime) -> bytes:
    """Return the PDF bytes: the chart of levels and every published count."""
    styles = make_styles()
    story: list[Flowable] = [
        Paragraph(markup(TITLE), styles.title),
        safe_para(
            "Levels indicated by the guidance, decided by the referrer and reviewed by the MASH. "
            "Counts under 5 are not shown (the bar is left out, the table says <5).",
            styles.small,
        ),
        _chart(pack, batch),
        Spacer(1, 3 * mm),
    ]
    rows = [[safe_para(h, styles.cell_head) for h in ("Table", "Row", "Column", "Count")]]
    rows += [
        [safe_para(text, styles.cell) for text in (c.table, c.row, c.column, c.value)]
        for c in (in_words(pack, cell) for cell in cells(pack, batch))
    ]
    table = Table(rows, colWidths=[55 * mm, 55 * mm, 45 * mm, 19 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
            ]
        )
    )
    story.append(table)
    furniture = PageFurniture(
        marking=MARKING,
        header_left="No names, references or free text; months only",
        header_right=TITLE,
        footer_left=f"Produced {now:%Y-%m}  ·  guidance pack {pack.manifest.id} "
        f"{pack.manifest.version} ({pack.short_hash})  ·  thresholds_app {__version__}",
        footer_right="Counts support, and do not replace, professional judgement.",
    )
    return build_pdf(story, furniture, title=TITLE, subject=MARKING)
