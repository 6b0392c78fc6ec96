"""The app's preferences, kept with QSettings: a closed list of keys and never personal data.

Settings the organisation manages (:mod:`thresholds_app.core.config`) come first: a value it
locked is returned whatever the user chose and cannot be changed here; a value it recommended is
the default until the user picks another.

Only the keys in :data:`DEFAULTS` are read or written: window geometry and state, the idle lock
minutes, how long drafts are kept, the text scale, the contrast mode and the last folder used.
File names are never remembered (a case file's name may identify a child), only folders. A
damaged settings file, or a value of the wrong kind, is reset to the standard setting with a
plain warning, never a crash.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
from PySide6.QtWidgets import QMainWindow

ORGANISATION = "thresholds_app"
APPLICATION = "thresholds_app"
IDLE_MIN, IDLE_MAX, IDLE_DEFAULT = 1, 15, 5
RETENTION_MIN, RETENTION_MAX, RETENTION_DEFAULT = 1, 90, 30
SCALE_MIN, SCALE_MAX = 0.8, 2.0
CONTRAST_MODES = ("auto", "on", "off")

DEFAULTS: dict[str, Any] = {
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "privacy/idle_minutes": IDLE_DEFAULT,
    "privacy/draft_retention_days": RETENTION_DEFAULT,
    "appearance/text_scale": 1.0,
    "appearance/high_contrast": "auto",
    "files/last_folder": "",
}

Warn = Callable[[str], None]

if TYPE_CHECKING:
    from thresholds_app.core.config.layers import Settings

# QSettings key -> the managed setting's key (core/config/schema.py)
MANAGED = {
    "privacy/idle_minutes": "privacy.idle_minutes",
    "privacy/draft_retention_days": "privacy.draft_retention_days",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppSettings", text)


def _plain_key(key: str) -> bool:
    return key.isascii() and key.isprintable()


def default_settings_path() -> Path:
    """Return where the settings INI lives for this user (the same on every platform)."""
    probe = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )
    return Path(probe.fileName())


class AppSettings:
    """Typed, checked access to the app's preferences.

    Args:
        path: the INI file to use (tests pass a temporary one); None for the user's own.
        warn: called with a plain message when something had to be reset.
        managed: the organisation's settings in force; None reads this computer's policy.
    """

    def __init__(
        self, path: Path | None = None, warn: Warn | None = None, managed: Settings | None = None
    ) -> None:
        self.path = Path(path) if path is not None else default_settings_path()
        self._warn = warn or (lambda _message: None)
        self.warnings: list[str] = []
        self._qs = self._open()
        if managed is None:
            from thresholds_app.core.config.current import current_settings

            managed = current_settings()
        self.managed = managed
        for message in managed.messages:
            self._report(message)

    def locked(self, key: str) -> bool:
        """True when the organisation set this QSettings key and the user cannot change it."""
        name = MANAGED.get(key)
        return name is not None and self.managed.locked(name)

    def _managed_default(self, key: str) -> Any:
        name = MANAGED.get(key)
        return DEFAULTS[key] if name is None else self.managed[name]

    # -- opening and checking ------------------------------------------------------------------

    def _open(self) -> QSettings:
        qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        keys = qs.allKeys()
        unreadable = self.path.exists() and self.path.stat().st_size > 0 and not keys
        if qs.status() != QSettings.Status.NoError or unreadable or not all(map(_plain_key, keys)):
            self._report(
                _tr(
                    "The settings file was damaged, so the app has gone back to its standard "
                    "settings. Nothing else was affected."
                )
            )
            del qs
            with contextlib.suppress(OSError):
                self.path.unlink()
            qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        unknown = [k for k in qs.allKeys() if k not in DEFAULTS]
        for key in unknown:  # only our own keys live here: nothing else can leak in
            qs.remove(key)
        return qs

    def _report(self, message: str) -> None:
        self.warnings.append(message)
        self._warn(message)

    def _reset(self, key: str) -> Any:
        self._qs.remove(key)
        self._report(
            _tr(
                "A setting was not readable and has been reset to the standard value ({key})."
            ).replace("{key}", key)
        )
        return self._managed_default(key)

    def _number(self, key: str, kind: type, low: float, high: float) -> Any:
        if self.locked(key):
            return kind(self._managed_default(key))
        raw = self._qs.value(key, self._managed_default(key))
        try:
            value = kind(raw)
        except (TypeError, ValueError):
            return self._reset(key)
        if not low <= value <= high:
            return kind(min(max(value, low), high))
        return value

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()

    # -- values --------------------------------------------------------------------------------

    @property
    def idle_minutes(self) -> int:
        """Minutes without input before the idle lock covers the screen (1 to 15)."""
        return int(self._number("privacy/idle_minutes", int, IDLE_MIN, IDLE_MAX))

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        if self.locked("privacy/idle_minutes"):
            return  # set by the organisation
        self._qs.setValue("privacy/idle_minutes", int(min(max(minutes, IDLE_MIN), IDLE_MAX)))

    @property
    def draft_retention_days(self) -> int:
        """Days an untouched draft is kept before it is deleted."""
        key = "privacy/draft_retention_days"
        return int(self._number(key, int, RETENTION_MIN, RETENTION_MAX))

    @draft_retention_days.setter
    def draft_retention_days(self, days: int) -> None:
        if self.locked("privacy/draft_retention_days"):
            return  # set by the organisation
        clamped = int(min(max(days, RETENTION_MIN), RETENTION_MAX))
        self._qs.setValue("privacy/draft_retention_days", clamped)

    @property
    def drafts_allowed(self) -> bool:
        """Whether unfinished work may be saved, encrypted, on this computer."""
        return bool(self.managed["drafts.allowed"])

    @property
    def text_scale(self) -> float:
        """The app-wide text size factor on top of the system's own (0.8 to 2.0)."""
        return float(self._number("appearance/text_scale", float, SCALE_MIN, SCALE_MAX))

    @text_scale.setter
    def text_scale(self, scale: float) -> None:
        clamped = round(min(max(float(scale), SCALE_MIN), SCALE_MAX), 2)
        self._qs.setValue("appearance/text_scale", clamped)

    @property
    def high_contrast(self) -> str:
        """``auto`` (follow the system), ``on`` or ``off``."""
        value = str(self._qs.value("appearance/high_contrast", "auto"))
        if value not in CONTRAST_MODES:
            return str(self._reset("appearance/high_contrast"))
        return value

    @high_contrast.setter
    def high_contrast(self, mode: str) -> None:
        if mode not in CONTRAST_MODES:
            raise ValueError(f"contrast mode must be one of {CONTRAST_MODES}")
        self._qs.setValue("appearance/high_contrast", mode)

    @property
    def last_folder(self) -> str:
        """The last folder a case file was opened from or saved to (never a file name)."""
        value = self._qs.value("files/last_folder", "")
        folder = str(value) if isinstance(value, str) else ""
        return folder if folder and Path(folder).is_dir() else ""

    def remember_folder(self, path: str | Path) -> None:
        """Remember the folder of ``path`` (a file's folder if it is a file; never its name)."""
        p = Path(path)
        folder = p if p.is_dir() else p.parent
        self._qs.setValue("files/last_folder", str(folder))

    # -- the window ----------------------------------------------------------------------------

    def save_window(self, window: QMainWindow) -> None:
        """Remember the window's size, position and toolbar/dock layout."""
        self._qs.setValue("window/geometry", window.saveGeometry())
        self._qs.setValue("window/state", window.saveState())
        self._qs.sync()

    def restore_window(self, window: QMainWindow) -> bool:
        """Put the window back as it was; return False (and leave it alone) if nothing usable."""
        geometry = self._qs.value("window/geometry", QByteArray())
        state = self._qs.value("window/state", QByteArray())
        ok = False
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            ok = window.restoreGeometry(geometry)
            if not ok:
                self._reset("window/geometry")
        if isinstance(state, QByteArray) and not state.isEmpty() and not window.restoreState(state):
            self._reset("window/state")
        return ok
