"""The settings screen: privacy timings, text size and contrast, applied as soon as changed.

Every setting the organisation locked is shown too, read-only, as "Set by your organisation".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.ui.appearance import SCALE_STEPS, Appearance, Heading
from thresholds_app.ui.idle_lock import IdleLock
from thresholds_app.ui.organisation_settings import locked_rows
from thresholds_app.ui.settings import (
    IDLE_MAX,
    IDLE_MIN,
    RETENTION_MAX,
    RETENTION_MIN,
    AppSettings,
)

CONTRAST_CHOICES = (
    ("auto", "Follow the system"),
    ("on", "High contrast"),
    ("off", "Standard colours"),
)


class _Body(QWidget):
    """The page's scrolled content, never given less height than its rows ask for.

    A scroll area sizes a widget whose text wraps by its height-for-width alone, which here came
    out shorter than the rows' own heights: on a 720-pixel screen the last rows were squeezed
    until the bottoms of their letters were cut off.
    """

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self.sizeHint().height())


class SettingsPage(QWidget):
    """Idle lock minutes, draft retention days, text size and contrast."""

    def __init__(
        self,
        settings: AppSettings,
        appearance: Appearance,
        idle_lock: IdleLock | None = None,
        drafts_status: str = "",
        drafts_on_disk: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.appearance = appearance
        self.idle_lock = idle_lock
        self.setAccessibleName(self.tr("Settings"))

        self.idle = QSpinBox()
        self.idle.setRange(IDLE_MIN, IDLE_MAX)
        self.idle.setValue(settings.idle_minutes)
        self._idle_units(self.idle.value())
        self.idle.setAccessibleName(self.tr("Hide details after"))
        self.idle.setAccessibleDescription(
            self.tr("Minutes without use before the screen hides the child's details (1 to 15)")
        )
        self.retention = QSpinBox()
        self.retention.setRange(RETENTION_MIN, RETENTION_MAX)
        self.retention.setValue(settings.draft_retention_days)
        self._retention_units(self.retention.value())
        self.retention.setAccessibleName(self.tr("Keep unfinished drafts for"))
        self.retention.setAccessibleDescription(
            self.tr("Days an unfinished, unexported draft is kept before it is deleted")
        )
        self.text_size = QComboBox()
        for step in SCALE_STEPS:
            self.text_size.addItem(f"{round(step * 100)} %", step)
        self.text_size.setAccessibleName(self.tr("Text size"))
        self.text_size.setAccessibleDescription(
            self.tr("Also Ctrl+= for larger, Ctrl+- for smaller and Ctrl+0 for normal")
        )
        self._show_scale()
        self.contrast = QComboBox()
        for mode, words in CONTRAST_CHOICES:
            self.contrast.addItem(self.tr(words), mode)
        self.contrast.setCurrentIndex(self.contrast.findData(appearance.contrast_mode))
        self.contrast.setAccessibleName(self.tr("Contrast"))
        self.contrast.setAccessibleDescription(self.tr("Colours for the whole app"))
        self.drafts = QLabel(drafts_status or self.tr("Drafts are encrypted on this computer."))
        self.drafts.setWordWrap(True)
        self.drafts.setTextFormat(Qt.TextFormat.PlainText)
        self.drafts.setAccessibleName(self.tr("Drafts"))

        self.retention_note = QLabel(
            self.tr(
                "Drafts are not kept on disk on this computer (memory only), so nothing is "
                "kept between sessions: save the case file to keep your work."
            )
        )
        self.retention_note.setWordWrap(True)
        self.retention_note.setProperty("role", "muted")
        self.retention_note.setMaximumWidth(640)
        self.retention_note.setVisible(False)
        self._fields = (self.idle, self.retention, self.text_size, self.contrast)
        self._align_fields()
        appearance.changed.connect(self._align_fields)  # a new text size: new widths
        self.drafts.setMaximumWidth(640)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        for words, field, key in (
            (self.tr("Hide &details after"), self.idle, "privacy/idle_minutes"),
            (self.tr("&Keep drafts for"), self.retention, "privacy/draft_retention_days"),
            (self.tr("&Text size"), self.text_size, ""),
            (self.tr("&Contrast"), self.contrast, ""),
        ):
            # A label of its own with the field as buddy: given a row (a locked field and its
            # note) instead of a widget, QFormLayout showed the "&" of the shortcut as text.
            label = QLabel(words)
            label.setBuddy(field)
            form.addRow(label, self._managed(field, key) if key else field)
            if field is self.retention:  # said plainly when drafts never reach the disk
                form.addRow("", self.retention_note)
        # The page scrolls: with everything the organisation set listed, at a large text size
        # or on a small screen, the rows would otherwise be squeezed until their text is cut.
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, not to it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        body = _Body()
        body.setObjectName("settingsBody")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(Heading(self.tr("Settings"), 1.5))
        note = QLabel(
            self.tr(
                "Changes apply at once and are remembered on this computer. No details about "
                "children are kept in settings."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(Heading(self.tr("Drafts"), 1.15))
        layout.addWidget(self.drafts)
        self.organisation = self._organisation_section()
        if self.organisation is not None:
            layout.addSpacing(8)
            layout.addWidget(self.organisation)
        layout.addStretch(1)

        self.idle.valueChanged.connect(self._idle_changed)
        self.idle.valueChanged.connect(self._idle_units)
        self.retention.valueChanged.connect(self._retention_changed)
        self.retention.valueChanged.connect(self._retention_units)
        if drafts_on_disk is not None:
            self.show_drafts(drafts_on_disk, drafts_status)
        self.text_size.currentIndexChanged.connect(
            lambda _i: appearance.set_scale(float(self.text_size.currentData()))
        )
        self.contrast.currentIndexChanged.connect(
            lambda _i: appearance.set_contrast_mode(str(self.contrast.currentData()))
        )
        appearance.changed.connect(self._show_scale)

    def _align_fields(self) -> None:
        """Give every field the width of the widest, so their right edges line up.

        Each kept its own width: at 150% text "Follow the system" made the Contrast box wider
        than the Text size box above it (QA item 25).
        """
        for field in self._fields:
            field.setMinimumWidth(0)
        widest = max(220, *(field.sizeHint().width() for field in self._fields))
        for field in self._fields:
            field.setMinimumWidth(widest)

    def _managed(self, field: QWidget, key: str) -> QWidget | QHBoxLayout:
        """The field, or, when the organisation locked it, the field greyed with a note."""
        if not self.settings.locked(key):
            return field
        words = self.tr("Set by your organisation")
        field.setEnabled(False)
        field.setToolTip(words)
        field.setAccessibleDescription(f"{field.accessibleDescription()}. {words}.")
        note = QLabel(words)
        note.setProperty("role", "muted")
        note.setObjectName("lockedNote")
        row = QHBoxLayout()
        row.setSpacing(12)  # as the form's own gaps: the note must not touch the field
        row.addWidget(field)
        row.addWidget(note)
        row.addStretch(1)
        return row

    def _organisation_section(self) -> QWidget | None:
        """Every other setting the organisation locked, read-only (None if there are none)."""
        rows = locked_rows(self.settings.managed)
        if not rows:
            return None
        words = self.tr("Set by your organisation")
        section = QWidget()
        section.setObjectName("organisationSettings")
        column = QVBoxLayout(section)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(Heading(words, 1.15))
        explain = QLabel(
            self.tr("These are set for everyone on this computer and cannot be changed here.")
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "muted")
        column.addWidget(explain)
        # A grid, not a QFormLayout: in a scrolling page a form's height-for-width leaves out
        # its row gaps, so on a short window the rows were squeezed and their letters cut off.
        grid = QGridLayout()
        grid.setVerticalSpacing(12)
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 1)
        for row, (title, value) in enumerate(rows):
            shown = QLabel(value)
            shown.setObjectName("lockedValue")
            shown.setTextFormat(Qt.TextFormat.PlainText)  # a name from IT is text, never HTML
            # Not word-wrapped: a form row gives a wrapped label too little height at first,
            # which cut the bottom off its letters. Lists come one item a line anyway.
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(title)
            shown.setAccessibleDescription(f"{value}. {words}.")
            shown.setToolTip(words)
            heading = QLabel(title)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            for label in (heading, shown):  # as tall as their text, never squeezed shorter
                label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            grid.addWidget(heading, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignTop)
        column.addLayout(grid)
        return section

    def _show_scale(self) -> None:
        index = min(
            range(self.text_size.count()),
            key=lambda i: abs(float(self.text_size.itemData(i)) - self.appearance.scale),
        )
        self.text_size.blockSignals(True)
        self.text_size.setCurrentIndex(index)
        self.text_size.blockSignals(False)

    def _idle_changed(self, minutes: int) -> None:
        self.settings.idle_minutes = minutes
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(minutes)

    def _retention_changed(self, days: int) -> None:
        self.settings.draft_retention_days = days

    def set_drafts_status(self, text: str) -> None:
        """Say where drafts are kept (encrypted on disk, or memory only)."""
        self.drafts.setText(text)

    def show_drafts(self, on_disk: bool, text: str = "") -> None:
        """Say where drafts are kept; memory only: the retention row says none are kept."""
        if text:
            self.drafts.setText(text)
        self.retention_note.setVisible(not on_disk)
        self.retention.setAccessibleDescription(
            self.tr("Days an unfinished, unexported draft is kept before it is deleted")
            if on_disk
            else self.retention_note.text()
        )

    def _idle_units(self, minutes: int) -> None:
        self.idle.setSuffix(self.tr(" minute") if minutes == 1 else self.tr(" minutes"))

    def _retention_units(self, days: int) -> None:
        self.retention.setSuffix(self.tr(" day") if days == 1 else self.tr(" days"))
