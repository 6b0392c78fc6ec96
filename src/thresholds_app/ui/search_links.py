"""The line under a search box that offers the other guidance the search found.

Shared by the assessment's search and the guidance browser, so both word it the same way:
"Also in the guidance: Pathway: Neglect · Consent at Level 3 · Solihull MASH". Each is a link
``kind:id`` (pack text is escaped: a pack is data, never markup).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from thresholds_app.core.search.find import Hit

LABELS = {"pathway": "Pathway", "stepping": "Stepping"}  # consent and contacts name themselves
MAX_LINKS = 5


def others_html(hits: Sequence[Hit]) -> str:
    """Links to the first few hits that are not indicators; empty when there are none."""
    links = []
    for hit in [h for h in hits if h.entry.kind != "indicator"][:MAX_LINKS]:
        label = LABELS.get(hit.entry.kind)
        text = (
            f"{QCoreApplication.translate('SearchLinks', label)}: {hit.entry.title}"
            if label
            else hit.entry.title
        )
        href = html.escape(f"{hit.entry.kind}:{hit.entry.id}", quote=True)
        links.append(f'<a href="{href}">{html.escape(text)}</a>')
    if not links:
        return ""
    intro = QCoreApplication.translate("SearchLinks", "Also in the guidance:")
    return f"{html.escape(intro)} " + " · ".join(links)
