"""The bar across the top of the window: back to the start, the app's name, the red button."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.assessment.widgets import heading
from thresholds_app.ui.danger_style import style_danger

EMERGENCY_BUTTON_STYLE = (
    "#emergencyButton { border: 2px solid {red}; border-radius: 6px; padding: 8px 18px;"
    " font-weight: bold; color: {red}; background: palette(base); }"
    # the thicker focus border takes its room from the padding: the text never moves
    "#emergencyButton:focus { border-width: 4px; padding: 6px 16px; }"
)


def emergency_button(parent: QWidget | None = None, *, at_start_up: bool = False) -> QPushButton:
    """The red-outlined "A child is in immediate danger (F9)" button (top bar, lock screen)."""
    button = QPushButton(parent)
    button.setText(button.tr("A child is in immediate danger  (F9)"))
    button.setObjectName("emergencyButton")
    button.setAccessibleName(button.tr("A child is in immediate danger"))
    button.setAccessibleDescription(
        button.tr("Shows 999 and whom to call next. Shortcut: F9, from any screen.")
    )
    button.setToolTip(button.tr("Who to call now (F9)"))
    style_danger(button, EMERGENCY_BUTTON_STYLE, at_start_up=at_start_up)
    button.setAutoDefault(True)  # Enter presses it too, outside any page or dialog
    return button


class PackLabel(QLabel):
    """The guidance in use: in full where it fits, else a shorter form (hazard H03).

    Its size hints come from the two forms, not from the one on show, so choosing a form
    never changes the room it is given. At 200% text in authoring mode the full form was cut
    off at a 1280 screen's edge; the full words stay on hover and for a screen reader.
    """

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self._short = ""

    def set_words(self, full: str, short: str = "") -> None:
        """Show ``full``, or ``short`` when the full form does not fit."""
        self._full, self._short = full, short or full
        self.updateGeometry()
        if self.isVisible():
            self._choose(self.width())
        else:  # laid out later: the full form until then
            self.setText(full)

    def words(self) -> str:
        """The full form, whichever is on show."""
        return self._full

    def sizeHint(self) -> QSize:
        """Room for the full form."""
        return self._size(self._full)

    def minimumSizeHint(self) -> QSize:
        """Room for the short form."""
        return self._size(self._short)

    def fit(self) -> None:
        """Show the form that fits the width it has been given (the window calls this)."""
        self._choose(self.width())

    def _size(self, text: str) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right()
        return QSize(width + 2, super().sizeHint().height())

    def _choose(self, width: int) -> None:
        shown = self._full if self._size(self._full).width() <= width else self._short
        if shown != self.text():
            self.setText(shown)


def pack_in_use_label(pack: Pack) -> PackLabel:
    """The status bar's "Guidance: id version": the guidance in use, always visible (H03).

    The content hash is on hover (and on the start screen and in About): with it the label did
    not fit a 1280-pixel window at 150% text in authoring mode.
    """
    label = PackLabel()
    label.set_words(
        label.tr("Guidance: {id} {version}").format(
            id=pack.manifest.id, version=pack.manifest.version
        )
    )
    label.setToolTip(
        label.tr("Guidance pack {id}, version {version} (content {hash}).").format(
            id=pack.manifest.id, version=pack.manifest.version, hash=pack.short_hash or "—"
        )
    )
    label.setObjectName("packLabel")
    label.setAccessibleName(label.tr("The guidance in use"))
    if pack.trust is not None and not pack.trust.verified:
        # styled before its first polish: re-polishing later builds PySide6's QStyle and Qt
        # enums (about 70 ms after the first paint); the words are added by ui/pack_trust.py
        label.setProperty("role", "warning")
    return label


class TopBar(QWidget):
    """``← Start``, the title and the emergency button.

    Signals:
        home_requested(): the user asked for the start screen.
        emergency_requested(): the user pressed the red button.
    """

    home_requested = Signal()
    emergency_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")  # its rule is in the app stylesheet
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 10, 20, 10)
        row.setSpacing(12)
        self.home_button = QPushButton(self.tr("← Start"))
        self.home_button.setAccessibleName(self.tr("Back to the start screen"))
        self.home_button.setToolTip(
            self.tr("Back to the start screen (Alt+Home). Your work stays open.")
        )
        self.home_button.setFlat(True)
        self.home_button.setAutoDefault(True)  # Enter presses it, as on every page
        self.home_button.clicked.connect(self.home_requested.emit)
        row.addWidget(self.home_button)
        self.title = heading(title, 2)
        # Ignored width, and hidden where it does not fit on one line: at 200% text the title
        # pushed the red button past the edge of a 1280 screen, or took a second line from
        # every screen.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.title, 1)
        row.addStretch(0)  # the room, while the name is hidden (not a wider "← Start")
        self.emergency_button = emergency_button(at_start_up=True)
        self.emergency_button.clicked.connect(self.emergency_requested.emit)
        row.addWidget(self.emergency_button)

    def show_home(self, shown: bool) -> None:
        """Show or hide "← Start" (hidden on the start screen)."""
        self.home_button.setVisible(shown)
        self.fit()

    def fit(self) -> None:
        """Show the app's name only where it fits on one line (it is in the window's title).

        Called by the window when its width or the text size changes, not from a resize event:
        a Python event handler on the start screen builds PySide6's QEvent enums, about 4 ms of
        every start (benchmarks/count_startup.py).
        """
        row = self.layout()
        if row is None or not self.isVisible():  # not laid out yet: its width means nothing
            return
        margins = row.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        for button in (self.home_button, self.emergency_button):
            if not button.isHidden():
                room -= button.sizeHint().width() + row.spacing()
        metrics = self.title.fontMetrics()  # a character to spare: wrapping measures wider
        fits = metrics.horizontalAdvance(self.title.text()) + metrics.averageCharWidth() <= room
        if fits == self.title.isHidden():
            self.title.setVisible(fits)
