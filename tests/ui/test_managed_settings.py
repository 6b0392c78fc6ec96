"""Settings the organisation manages: locked ones are shown as such and cannot be changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from thresholds_app.core.config.layers import NO_POLICY, PolicyData, resolve
from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.settings import AppSettings
from thresholds_app.ui.settings_page import SettingsPage

LOCKED = PolicyData({"privacy.idle_minutes": 3, "drafts.allowed": False}, {})
RECOMMENDED = PolicyData({}, {"privacy.draft_retention_days": 7})


def settings(tmp_path: Path, policy: PolicyData) -> AppSettings:
    return AppSettings(tmp_path / "s.ini", managed=resolve(policy, {}))


def test_a_locked_value_wins_over_the_users_and_cannot_be_changed(tmp_path: Path) -> None:
    mine = settings(tmp_path, NO_POLICY)
    mine.idle_minutes = 12
    mine.sync()
    managed = settings(tmp_path, LOCKED)
    assert managed.idle_minutes == 3
    managed.idle_minutes = 10
    assert managed.idle_minutes == 3
    assert not managed.drafts_allowed
    assert settings(tmp_path, NO_POLICY).idle_minutes == 12  # the user's own choice is kept


def test_a_recommended_value_is_the_default_until_the_user_chooses(tmp_path: Path) -> None:
    managed = settings(tmp_path, RECOMMENDED)
    assert managed.draft_retention_days == 7
    managed.draft_retention_days = 21
    assert managed.draft_retention_days == 21


def test_the_settings_page_shows_a_locked_setting_as_set_by_the_organisation(
    qtbot, qapp, tmp_path: Path
) -> None:
    managed = settings(tmp_path, LOCKED)
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    try:
        page = SettingsPage(managed, Appearance(qapp, managed))
        qtbot.addWidget(page)
        assert page.idle.value() == 3
        assert not page.idle.isEnabled()
        assert "Set by your organisation" in page.idle.accessibleDescription()
        notes = [w.text() for w in page.findChildren(QLabel, "lockedNote")]
        assert notes == ["Set by your organisation"]
        assert page.retention.isEnabled()  # not locked
    finally:
        qapp.setFont(font)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)


def test_a_damaged_policy_is_reported_as_a_settings_warning(tmp_path: Path) -> None:
    damaged = PolicyData({}, {}, ("The organisation's settings in x could not be read",))
    managed = AppSettings(tmp_path / "s.ini", managed=resolve(damaged, {}))
    assert managed.warnings == ["The organisation's settings in x could not be read"]
    assert managed.idle_minutes == 5


def test_drafts_turned_off_by_the_organisation_are_kept_in_memory_only(tmp_path: Path) -> None:
    from thresholds_app.ui.shell.drafts import default_store_factory

    managed = settings(tmp_path, LOCKED)
    assert not managed.drafts_allowed
    store = default_store_factory(managed.draft_retention_days, allowed=managed.drafts_allowed)()
    assert not store.available
    assert "Your organisation has turned off saving drafts" in store.reason


EVERYTHING_LOCKED = PolicyData(
    {
        "privacy.idle_minutes": 2,
        "drafts.allowed": False,
        "packs.authoring_mode": "off",
        "partnership.name": "Solihull <b>Safeguarding</b> Partnership",
        "partnership.contacts": ("mash=0121 788 9999",),
        "packs.location": r"\\server\packs\solihull",
        "packs.trusted_keys": ("RWQkey1",),
    },
    {},
)


def test_every_setting_the_organisation_locked_is_listed_read_only(
    qtbot, qapp, tmp_path: Path
) -> None:
    managed = settings(tmp_path, EVERYTHING_LOCKED)
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    try:
        page = SettingsPage(managed, Appearance(qapp, managed))
        qtbot.addWidget(page)
        page.resize(1000, 900)
        page.show()
        qtbot.waitExposed(page)
        shown = {
            label.accessibleName(): label.text()
            for label in page.findChildren(QLabel, "lockedValue")
        }
        assert shown == {
            "Guidance pack folder": r"\\server\packs\solihull",
            "Trusted pack signing keys": "RWQkey1",
            "Authoring mode": "Off: only signed guidance is used",
            "Partnership name": "Solihull <b>Safeguarding</b> Partnership",  # as text, not HTML
            "Contact numbers override": "mash=0121 788 9999",
            "Keep encrypted drafts": "Off",
        }
        assert all(
            "Set by your organisation" in label.accessibleDescription()
            for label in page.findChildren(QLabel, "lockedValue")
        )
        assert not page.idle.isEnabled()
        # Every label with a keyboard shortcut has its field as buddy, so the "&" is not text.
        for label in page.findChildren(QLabel):
            if "&" in label.text() and label.objectName() != "lockedValue":
                assert label.buddy() is not None, label.text()
        # The note keeps a gap from the field it explains.
        note = page.findChild(QLabel, "lockedNote")
        gap = (
            note.mapTo(page, note.rect().topLeft()).x()
            - page.idle.mapTo(page, page.idle.rect().topRight()).x()
        )
        assert gap >= 8, gap
    finally:
        qapp.setFont(font)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)


def test_nothing_locked_means_no_organisation_section(qtbot, qapp, tmp_path: Path) -> None:
    managed = settings(tmp_path, NO_POLICY)
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    try:
        page = SettingsPage(managed, Appearance(qapp, managed))
        qtbot.addWidget(page)
        assert page.organisation is None
        assert page.findChildren(QLabel, "lockedValue") == []
    finally:
        qapp.setFont(font)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)
