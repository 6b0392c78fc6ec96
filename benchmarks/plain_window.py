"""A plain window with the widgets the app's start screen is made of, and no app logic.

The second yardstick of ``bench_startup.py``. ``baseline.py`` shows an empty QMainWindow: it
never builds a label, a button, a menu or a font, so it leaves out what PySide6 costs any real
window. PySide6 creates each Qt class's Python type on first use (QPushButton's about 6 ms,
QLabel's, QAction's, QKeySequence's and QFont's 1 to 2 ms each on the machines we measure), the
font database is read at the first text, and a stylesheet is applied to every widget. This window
uses the same Qt classes as the start screen (read from the PySide6 modules once the app is shown:
the menu bar with shortcuts, status bar, stacked pages, a scroll area, frames, grid and box
layouts, labels, buttons, the app's stylesheet, a remembered setting), in about the same number,
and does nothing else: no guidance pack, no thresholds_app module.

Run as a script it shows the window and exits at the first event-loop turn after show, as
``baseline.py`` does; with ``--stay`` it stays open (for launch -> quiet).
"""

from __future__ import annotations

import sys
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parent.parent / "resources" / "styles" / "app.qss"


def _show_plain_window() -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QAction, QFont, QKeySequence
    from PySide6.QtWidgets import (
        QApplication,
        QFrame,
        QGridLayout,
        QHBoxLayout,
        QLabel,
        QMainWindow,
        QPushButton,
        QScrollArea,
        QSizePolicy,
        QStackedWidget,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv)
    QSettings("thresholds-bench", "plain-window").value("window/size")
    font = QFont(app.font())
    font.setPointSizeF(11.0)
    app.setFont(font)
    app.setPalette(app.palette())
    app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8") if STYLESHEET.exists() else "")

    window = QMainWindow()
    window.setWindowTitle("Plain window")
    window.resize(1280, 720)
    for title in ("&File", "&Go", "&View", "&Help"):
        menu = window.menuBar().addMenu(title)
        for number in range(1, 6):
            action = QAction(window)  # QAction(text, parent) and setShortcut touch Qt's enums
            action.setText(f"Item &{number}")
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            menu.addAction(action)
    window.statusBar().addPermanentWidget(QLabel("Guidance pack 0.0.0"))

    content = QWidget()
    column = QVBoxLayout(content)
    top = QHBoxLayout()
    top.addWidget(QLabel("<b>Right Help, Right Time</b>"))
    top.addStretch(1)
    top.addWidget(QPushButton("A child is in immediate danger (F9)"))
    column.addLayout(top)
    grid = QGridLayout()
    for number in range(6):
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(card)
        box.addWidget(QLabel(f"<b>Choice {number}</b>"))
        text = QLabel("A sentence or two that says what this choice is for, wrapped to fit.")
        text.setWordWrap(True)
        box.addWidget(text)
        button = QPushButton(f"Start {number}")
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        box.addWidget(button)
        grid.addWidget(card, number // 3, number % 3)
    column.addLayout(grid)
    column.addStretch(1)
    page = QScrollArea()
    page.setWidgetResizable(True)
    page.setWidget(content)
    pages = QStackedWidget()
    pages.addWidget(page)
    window.setCentralWidget(pages)
    window.show()
    if "--stay" not in sys.argv:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(_show_plain_window())
