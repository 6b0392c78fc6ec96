"""A special pathway (domestic abuse, neglect, exploitation...) shown beside the assessment.

Pack text is escaped: a pack is data, never markup.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.reading_view import reading_view, size_to_text


def tr(text: str) -> str:
    """Translate ``text`` in this module's context."""
    return QCoreApplication.translate("TopicDialog", text)


def topic_dialog(pack: Pack, topic_id: str, parent: QWidget) -> QDialog:
    """Show the pathway ``topic_id`` in a non-blocking dialog and return it."""
    topic = pack.topics[topic_id]
    e = html.escape

    def bullets(items: tuple[str, ...]) -> str:
        return "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>"

    parts = [f"<h2>{e(topic.title)}</h2><p>{e(topic.summary)}</p>"]
    if topic.applies_when:
        parts.append(f"<h3>{e(tr('When it applies'))}</h3>{bullets(topic.applies_when)}")
    if topic.what_to_do:
        parts.append(f"<h3>{e(tr('What to do'))}</h3>{bullets(topic.what_to_do)}")
    if topic.stages:
        rows = "".join(
            f"<tr><td><b>{e(s.label)}</b></td><td>{level_label(s.level)}</td>"
            f"<td>{e(s.description)}</td></tr>"
            for s in topic.stages
        )
        parts.append(f"<h3>{e(tr('The spectrum'))}</h3><table cellpadding='4'>{rows}</table>")
    if topic.tools:
        parts.append(
            f"<h3>{e(tr('Tools'))}</h3>" + bullets(tuple(f"{t.name}: {t.use}" for t in topic.tools))
        )
    contacts = [pack.contacts[c] for c in topic.contacts if c in pack.contacts]
    if contacts:
        parts.append(
            f"<h3>{e(tr('Contacts'))}</h3>"
            + bullets(tuple(f"{c.name}: {c.phone_text}" for c in contacts))
        )
    dialog = QDialog(parent)
    dialog.setObjectName(f"topic-{topic_id}")
    dialog.setWindowTitle(topic.title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    browser = reading_view(topic.title, "".join(parts))
    size_to_text(browser, parent)
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.open()
    return dialog
