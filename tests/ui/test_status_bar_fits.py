"""The status bar says where drafts go and which guidance is in use, at 1280 x 720.

Checked with 150% text (in full) and 200% (shortened, never cut off), in authoring mode (the
longest guidance label) and in both drafts states.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from test_layout_fits import WINDOW, clipped

from thresholds_app.core.base.records import fields
from thresholds_app.core.drafts.keys import UnavailableKeyProvider
from thresholds_app.core.drafts.store import DraftStore
from thresholds_app.core.pack.load import LoadResult, load_pack
from thresholds_app.core.pack.model import PackTrust
from thresholds_app.core.pack.opening import AUTHORING_NOTE, Opened
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui import autosave
from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.main_window import MainWindow
from thresholds_app.ui.pack_trust import AUTHORING_LABEL, AUTHORING_SHORT, show_trust
from thresholds_app.ui.settings import AppSettings


class MemoryKeys:
    available = True
    reason = ""

    def __init__(self) -> None:
        self._key = Fernet.generate_key()

    def key(self) -> bytes:
        return self._key


@pytest.fixture(params=[1.5, 2.0], ids=["150%", "200%"])
def large_text(qapp: QApplication, tmp_path: Path, request) -> Iterator[Appearance]:  # type: ignore[no-untyped-def]
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    look = Appearance(qapp, AppSettings(tmp_path / "s.ini"))
    look.set_scale(request.param)
    yield look
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def authoring_pack():  # type: ignore[no-untyped-def]
    """The Solihull pack as opened in authoring mode (not verified)."""
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    values = {name: getattr(pack, name) for name in fields(pack)}
    note = AUTHORING_NOTE.replace("{why}", "it is not signed")
    values["trust"] = PackTrust(False, "", note)
    return type(pack)(**values)


@pytest.mark.parametrize("keys", ["memory only", "encrypted"])
def test_the_status_bar_fits_1280x720_at_150_percent_text(
    qtbot, large_text, tmp_path: Path, monkeypatch, keys: str
) -> None:
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: "later")
    provider = UnavailableKeyProvider("No secure store here.") if keys == "memory only" else None
    store = DraftStore(tmp_path / "drafts", provider or MemoryKeys())
    pack = authoring_pack()
    window = MainWindow(pack, drafts=lambda: store)
    qtbot.addWidget(window)
    show_trust(window, Opened(LoadResult(pack, []), default_pack_dir()), [], quiet=True)
    window.resize(*WINDOW)
    window.show()
    qtbot.waitUntil(lambda: window.width() == WINDOW[0])
    window.drafts.store  # noqa: B018 - opens it now: the label says where drafts go
    qtbot.wait(50)  # the status bar lays its labels out again
    bar = window.statusBar()
    labels = [w for w in bar.findChildren(QLabel) if w.isVisible() and w.text()]
    texts = [w.text() for w in labels]
    assert f"Drafts: {keys}" in texts
    # in full at 150%; at 200% shortened rather than cut off at the window's edge (H03)
    ending = AUTHORING_LABEL if large_text.scale < 2.0 else f"· {AUTHORING_SHORT}"
    assert any(t.endswith(ending) and pack.manifest.version in t for t in texts), texts
    assert window.pack_label.words().endswith(AUTHORING_LABEL)
    assert clipped(bar) == []
    for label in labels:  # whole, and inside the window
        assert label.mapTo(window, label.rect().topRight()).x() < window.width()
    window.resize(2200, WINDOW[1])  # room for the whole words again
    qtbot.waitUntil(lambda: window.pack_label.text().endswith(AUTHORING_LABEL))
    message = bar.currentMessage()  # a passing message must fit beside them, too
    if message:
        room = min(w.x() for w in labels) - 8
        assert bar.fontMetrics().horizontalAdvance(message) <= room, message
    # the hash and the reason are still there, on hover
    guidance = next(w for w in labels if w is window.pack_label)
    assert pack.short_hash in guidance.toolTip()
    assert "not verified" in guidance.toolTip() or "authoring" in guidance.toolTip().lower()
