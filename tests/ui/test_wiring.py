"""B's parts plugged into the real main window: pages, View menu, idle lock, autosave, recovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from thresholds_app.core.drafts.keys import UnavailableKeyProvider
from thresholds_app.core.drafts.store import DraftStore
from thresholds_app.core.pack.load import load_pack
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui import autosave
from thresholds_app.ui.main_window import MainWindow
from thresholds_app.ui.settings import AppSettings
from thresholds_app.ui.wiring import Extensions


class MemoryKeys:
    available = True
    reason = ""

    def __init__(self) -> None:
        self._key = Fernet.generate_key()

    def key(self) -> bytes:
        return self._key


@pytest.fixture(scope="module")
def pack():
    result = load_pack(default_pack_dir())
    assert result.pack is not None
    return result.pack


@pytest.fixture
def restore_app(qapp: QApplication):
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


@pytest.fixture(autouse=True)
def _never_block(monkeypatch) -> None:
    """The real recovery question is modal; a test that wants it patches it again."""
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: "later")


def _build(qtbot, qapp, pack, tmp_path: Path, keys=None):
    window = MainWindow(pack)
    qtbot.addWidget(window)
    store = DraftStore(tmp_path / "drafts", keys or MemoryKeys())
    ext = Extensions(window, qapp, store=store, settings=AppSettings(tmp_path / "s.ini"))
    window.show()
    return window, ext


def test_pages_and_view_menu(qtbot, qapp, pack, tmp_path, restore_app) -> None:
    window, ext = _build(qtbot, qapp, pack, tmp_path)
    for key in ("guidance", "review", "settings"):
        assert window.has_page(key)
        assert window.show_page(key)
        assert window.page(key).content is not None  # built on first show
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&View") == titles.index("&Help") - 1
    shortcuts = {s.toString() for a in ext.view_menu.actions() for s in a.shortcuts()}
    assert {"Ctrl+=", "Ctrl+-", "Ctrl+0", "Ctrl+G", "Ctrl+L"} <= shortcuts


def test_idle_lock_only_with_child_details(qtbot, qapp, pack, tmp_path, restore_app) -> None:
    window, ext = _build(qtbot, qapp, pack, tmp_path)
    assert not ext.idle_lock.counting  # the start screen holds nothing about a child
    window.new_assessment()
    assert ext.idle_lock.counting
    window.show_page("start")
    assert not ext.idle_lock.counting
    ext.lock_now()
    assert ext.idle_lock.is_locked
    ext.idle_lock.unlock()
    assert not ext.idle_lock.counting


def test_assessment_is_autosaved(qtbot, qapp, pack, tmp_path, restore_app) -> None:
    window, ext = _build(qtbot, qapp, pack, tmp_path)
    window.new_assessment()
    page = window.page("assessment")
    page.state.set_answer("immediate-danger", "no")
    (info,) = ext.store.pending_drafts()
    assert info.answers == 1
    window.ask = lambda _title, _text, on_yes: on_yes()  # "start again?" yes
    window.new_assessment()  # a fresh case: the old draft goes (H17)
    assert ext.store.pending_drafts() == []


def test_memory_only_is_announced(qtbot, qapp, pack, tmp_path, restore_app) -> None:
    window, ext = _build(qtbot, qapp, pack, tmp_path, keys=UnavailableKeyProvider("No store."))
    ext.after_first_paint()
    assert ext.drafts_label.text() == "Drafts: memory only"
    assert ext.drafts_label.toolTip() == "No store."
    assert "memory only" in window.statusBar().currentMessage()
    window.new_assessment()
    window.page("assessment").state.set_answer("immediate-danger", "no")
    assert not (tmp_path / "drafts").exists()


def test_recovered_draft_opens_in_a_page(
    qtbot, qapp, pack, tmp_path, restore_app, monkeypatch
) -> None:
    keys = MemoryKeys()
    window, ext = _build(qtbot, qapp, pack, tmp_path, keys)
    window.new_assessment()
    state = window.page("assessment").state
    state.set_answer("immediate-danger", "no")
    state.case.free_text.worry = "A worry"
    state.touch()
    ext.autosave.flush()
    # a second window, as after a restart, finds the draft and carries on with it
    other, other_ext = _build(qtbot, qapp, pack, tmp_path, keys)
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: "recover")
    other_ext.after_first_paint()
    page = other.page("assessment")
    assert page is not None
    assert page.state.case.answers == {"immediate-danger": "no"}
    assert page.state.case.free_text.worry == "A worry"
    assert other_ext.autosave.draft.id == ext.autosave.draft.id


def test_settings_warning_is_shown(qtbot, qapp, pack, tmp_path, restore_app, monkeypatch) -> None:
    (tmp_path / "s.ini").write_bytes(b"\x00\xff garbage [[[")
    told: list[str] = []
    monkeypatch.setattr(autosave, "tell", lambda _p, title, _t: told.append(title))
    _window, ext = _build(qtbot, qapp, pack, tmp_path)
    ext.after_first_paint()
    assert "Settings reset" in told


def test_export_purges_the_draft(qtbot, qapp, pack, tmp_path, restore_app) -> None:
    window, ext = _build(qtbot, qapp, pack, tmp_path)
    window.new_assessment()
    page = window.page("assessment")
    page.state.set_answer("immediate-danger", "no")
    assert len(ext.store.pending_drafts()) == 1
    page.ask_save_path = lambda *_a: str(tmp_path / "case.json")
    page.notify = lambda _text: None
    with qtbot.waitSignal(page.exported):
        page.save_case_file()
    assert ext.store.pending_drafts() == []
    assert not any((tmp_path / "drafts").iterdir())


def test_review_is_autosaved_and_carried_into_the_rationale(
    qtbot, qapp, pack, tmp_path, restore_app
) -> None:
    window, ext = _build(qtbot, qapp, pack, tmp_path)
    window.show_page("review")
    review = window.page("review").content
    review.set_answer("fe-domestic-abuse-l4", "yes")  # journaled at once
    review.plan.setPlainText("Early help plan since May.")
    ext.review_autosave.flush()
    (info,) = ext.store.pending_drafts()
    assert info.answers == 1
    draft_id = ext.review_autosave.draft.id
    review.request_rationale()
    page = window.page("assessment")
    assert window.current_page_key() == "assessment"
    assert ext.autosave.draft.id == draft_id  # the same draft carries on: nothing lost
    assert "Early help plan since May." in page.state.case.stepping.notes
    (info,) = ext.store.pending_drafts()
    assert info.id == draft_id
