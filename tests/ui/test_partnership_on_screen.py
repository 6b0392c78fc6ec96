"""The partnership's name and local numbers on screen: the emergency dialog, contacts, start page.

The pack is opened through the real machine policy file and settings layers, as the app does.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from thresholds_app.core.config import policy as policy_module
from thresholds_app.core.config.current import current_settings
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.opening import open_pack
from thresholds_app.core.pack.trust_setup import trust_policy
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui.browser_html import contacts_html
from thresholds_app.ui.emergency import EmergencyDialog
from thresholds_app.ui.main_window import MainWindow

TUESDAY_NOON = datetime(2026, 1, 13, 12, 0)
SATURDAY_NIGHT = datetime(2026, 1, 17, 22, 0)
NAME = "Solihull Safeguarding Children Partnership"
MARK = "This number was set by your organisation."


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")  # the pack validated once for these tests


@pytest.fixture
def local_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path) -> Pack:
    """The bundled pack with a name and numbers from the machine-wide policy file."""
    path = tmp_path / "etc" / "thresholds-app" / "policy.json"
    path.parent.mkdir(parents=True)
    locked = {
        "packs.authoring_mode": "always",
        "partnership.name": NAME,
        "partnership.contacts": [
            "mash=0121 788 9999",
            "edt=0121 605 7777",
            "emergency-999=0121 000 0000",
        ],
    }
    path.write_text(json.dumps({"locked": locked}), encoding="utf-8")
    monkeypatch.setattr(policy_module, "policy_file_path", lambda platform="linux": path)
    policy, _ = trust_policy(current_settings(), record_versions=False)
    opened = open_pack([default_pack_dir()], policy, cache_dir=cache)
    assert opened.result.pack is not None
    assert any("can never be changed" in m for m in opened.messages)
    return opened.result.pack


def marks(dialog: EmergencyDialog) -> dict[str, str]:
    return {
        label.objectName().removeprefix("phone-mark-"): label.text()
        for label in dialog.findChildren(QLabel)
        if label.objectName().startswith("phone-mark-") and label.isVisibleTo(dialog)
    }


def test_the_emergency_dialog_marks_a_local_number_and_keeps_999(qtbot, local_pack) -> None:
    dialog = EmergencyDialog(local_pack, clock=lambda: TUESDAY_NOON)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.phone_numbers() == ["999", "0121 788 9999"]
    assert marks(dialog) == {"mash": MARK}
    assert "set by your organisation" in dialog.call_labels[1].accessibleName()
    later = dialog.findChild(QLabel, "later-edt")
    assert later is not None
    assert "0121 605 7777 (number set by your organisation)" in later.text()


def test_out_of_hours_the_local_out_of_hours_number_is_marked(qtbot, local_pack) -> None:
    dialog = EmergencyDialog(local_pack, clock=lambda: SATURDAY_NIGHT)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.phone_numbers() == ["999", "0121 605 7777"]
    assert marks(dialog) == {"edt": MARK}


def test_f9_in_the_window_shows_the_marks_and_the_title_names_the_partnership(
    qtbot, local_pack
) -> None:
    window = MainWindow(local_pack, clock=lambda: TUESDAY_NOON)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == NAME  # the system adds " — Right Help, Right Time"
    name = window.start_page.findChild(QLabel, "partnershipName")
    assert name is not None
    assert name.text() == NAME
    assert name.isVisibleTo(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.emergency_key is not None)
    handle = window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window._emergency is not None and window._emergency.isVisible())
    assert window._emergency is not None
    assert marks(window._emergency) == {"mash": MARK}
    assert window._emergency.phone_numbers()[0] == "999"


def test_the_guidance_contacts_mark_each_local_number(local_pack) -> None:
    html = contacts_html(local_pack)
    assert "0121 788 9999 (number set by your organisation)" in html
    assert "<b>Telephone:</b> 999</p>" in html
    assert html.count("(number set by your organisation)") == 3  # MASH, EDT, EDT as MASH's backup
