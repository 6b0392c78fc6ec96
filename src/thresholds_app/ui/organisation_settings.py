"""The settings the organisation locked, in plain words, for the settings screen.

Which settings exist, and which the organisation set, come from core (``core/config``); this
module only words their values for a reader. The two a user could otherwise change here (idle
minutes, draft days) are shown as greyed fields on the settings screen instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from thresholds_app.core.config.schema import SETTINGS, Setting

if TYPE_CHECKING:
    from thresholds_app.core.config.layers import Settings

SHOWN_AS_FIELDS = frozenset({"privacy.idle_minutes", "privacy.draft_retention_days"})

AUTHORING_WORDS = {
    "off": "Off: only signed guidance is used",
    "on-request": "Only when the app is started with --authoring",
    "always": "On: guidance that is not signed may be used (marked on screen)",
}
EMPTY_WORDS = {
    "packs.location": "The guidance installed with the app",
    "packs.trusted_keys": "Only the keys installed with the app",
    "partnership.name": "None: the guidance's own title is used",
    "partnership.contacts": "None: the guidance's own numbers are used",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrganisationSettings", text)


def value_words(setting: Setting, value: Any) -> str:
    """``value`` of ``setting`` as a reader would say it (lists one item a line)."""
    if setting.key == "packs.authoring_mode":
        return _tr(AUTHORING_WORDS.get(str(value), str(value)))
    if setting.kind == "bool":
        return _tr("On") if value else _tr("Off")
    if setting.kind == "list":
        items = [str(item) for item in value]
        return "\n".join(items) if items else _tr(EMPTY_WORDS.get(setting.key, "None"))
    if setting.kind == "int":
        return str(value)
    text = str(value).strip()
    return text or _tr(EMPTY_WORDS.get(setting.key, "None"))


def locked_rows(managed: Settings) -> list[tuple[str, str]]:
    """(title, value in words) for every setting the organisation locked, in the schema's order.

    The settings shown as fields on the settings screen are left out.
    """
    return [
        (_tr(setting.title), value_words(setting, managed[setting.key]))
        for setting in SETTINGS
        if setting.key not in SHOWN_AS_FIELDS and managed.locked(setting.key)
    ]
