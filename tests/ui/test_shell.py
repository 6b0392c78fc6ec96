"""The window's shell: pages, menus, idle lock, autosave and recovery, on the real main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from PySide6.QtCore import QPoint

from thresholds_app.core.drafts.keys import UnavailableKeyProvider
from thresholds_app.core.drafts.store import DraftStore
from thresholds_app.core.pack.load import load_pack
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui import autosave
from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.main_window import MainWindow
from thresholds_app.ui.settings import AppSettings


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


@pytest.fixture(autouse=True)
def _never_block(monkeypatch) -> None:
    """The real recovery question is modal; a test that wants it patches it again."""
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: "later")


def _build(qtbot, qapp, pack, tmp_path: Path, keys=None):
    store = DraftStore(tmp_path / "drafts", keys or MemoryKeys())
    settings = AppSettings(tmp_path / "s.ini")
    appearance = Appearance(qapp, settings)
    window = MainWindow(pack, settings=settings, appearance=appearance, drafts=lambda: store)
    appearance.setParent(window)
    qtbot.addWidget(window)
    window.show()
    return window, window.drafts


def first_use(qtbot, window: MainWindow) -> None:
    """After the first paint, the user's first move: the drafts store opens (off the GUI
    thread), then a crash's draft is offered."""
    window.after_first_paint()
    qtbot.mouseMove(window, QPoint(40, 40))
    qtbot.mouseMove(window, QPoint(60, 60))
    qtbot.waitUntil(lambda: window.drafts.is_open)


def test_pages_and_view_menu(qtbot, qapp, pack, tmp_path, restore) -> None:
    window, _drafts = _build(qtbot, qapp, pack, tmp_path)
    assert window.review() is None  # pages are built when first shown
    for key in ("guidance", "review", "settings"):
        assert window.has_page(key)
        assert window.show_page(key)
        assert window.page(key) is not None
    assert window.review() is not None
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&View") == titles.index("&Help") - 1
    menus = [a.menu() for a in window.menuBar().actions()]
    shortcuts = {s.toString() for m in menus for a in m.actions() for s in a.shortcuts()}
    assert {"Ctrl+=", "Ctrl+-", "Ctrl+0", "Ctrl+G", "Ctrl+L", "Ctrl+,", "Alt+Home"} <= shortcuts


def test_idle_lock_only_with_child_details(qtbot, qapp, pack, tmp_path, restore) -> None:
    window, _drafts = _build(qtbot, qapp, pack, tmp_path)
    lock = window.idle_lock
    assert not lock.counting  # the start screen holds nothing about a child
    window.new_assessment()
    assert lock.counting
    window.show_page("start")
    assert not lock.counting
    window.privacy.lock_now()
    assert lock.is_locked
    lock.unlock()
    assert not lock.counting


def test_assessment_is_autosaved(qtbot, qapp, pack, tmp_path, restore) -> None:
    window, ext = _build(qtbot, qapp, pack, tmp_path)
    window.new_assessment()
    page = window.page("assessment")
    page.state.set_answer("immediate-danger", "no")
    (info,) = ext.store.pending_drafts()
    assert info.answers == 1
    window.ask_save = lambda _title, _text, _save, discard: discard()  # "start again?" discard
    window.new_assessment()  # a fresh case: the old draft goes (H17)
    assert ext.store.pending_drafts() == []


def test_memory_only_is_announced(qtbot, qapp, pack, tmp_path, restore) -> None:
    window, ext = _build(qtbot, qapp, pack, tmp_path, keys=UnavailableKeyProvider("No store."))
    first_use(qtbot, window)
    assert ext.label.text() == "Drafts: memory only"
    assert ext.label.toolTip().startswith("No store.")  # the reason, and what to do, on hover
    assert "Save the case file" in ext.label.accessibleDescription()
    window.new_assessment()
    window.page("assessment").state.set_answer("immediate-danger", "no")
    assert not (tmp_path / "drafts").exists()


def test_recovered_draft_opens_in_a_page(qtbot, qapp, pack, tmp_path, restore, monkeypatch) -> None:
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
    first_use(qtbot, other)
    page = other.page("assessment")
    assert page is not None
    assert page.state.case.answers == {"immediate-danger": "no"}
    assert page.state.case.free_text.worry == "A worry"
    assert other_ext.autosave.draft.id == ext.autosave.draft.id


def test_settings_warning_is_shown(qtbot, qapp, pack, tmp_path, restore, monkeypatch) -> None:
    (tmp_path / "s.ini").write_bytes(b"\x00\xff garbage [[[")
    told: list[str] = []
    monkeypatch.setattr(autosave, "tell", lambda _p, title, _t: told.append(title))
    window, _ext = _build(qtbot, qapp, pack, tmp_path)
    window.after_first_paint()
    assert "Settings reset" in told


def test_export_purges_the_draft(qtbot, qapp, pack, tmp_path, restore) -> None:
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
    qtbot, qapp, pack, tmp_path, restore
) -> None:
    window, ext = _build(qtbot, qapp, pack, tmp_path)
    window.show_page("review")
    review = window.page("review")
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


def test_recovered_work_survives_closing_the_app(
    qtbot, qapp, pack, tmp_path, restore, monkeypatch
) -> None:
    keys = MemoryKeys()
    window, drafts = _build(qtbot, qapp, pack, tmp_path, keys)
    window.new_assessment()
    window.page("assessment").state.set_answer("immediate-danger", "no")
    drafts.autosave.flush()  # then the app crashes: the draft stays on disk
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: "recover")
    after_crash, recovered = _build(qtbot, qapp, pack, tmp_path, keys)
    first_use(qtbot, after_crash)
    page = after_crash.page("assessment")
    assert page.has_unsaved_work()  # recovered work is unsaved until saved or exported
    after_crash.close()  # closing keeps it as a draft: it is offered again next time
    (info,) = recovered.store.pending_drafts()
    assert info.answers == 1
    offered = []
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, i: offered.append(i) or "later")
    next_start, _drafts = _build(qtbot, qapp, pack, tmp_path, keys)
    first_use(qtbot, next_start)
    assert [i.id for i in offered] == [info.id]


def test_quit_does_not_ask_when_drafts_keep_the_work(qtbot, qapp, pack, tmp_path, restore):
    window, drafts = _build(qtbot, qapp, pack, tmp_path)
    window.after_first_paint()
    window.new_assessment()
    window.page("assessment").state.set_answer("immediate-danger", "no")
    window.ask = lambda *_a: pytest.fail("no question: the encrypted draft keeps the work")
    window.ask_save = lambda *_a: pytest.fail("no question: the encrypted draft keeps the work")
    window.close()
    assert not window.isVisible()
    assert len(drafts.store.pending_drafts()) == 1


def test_settings_say_drafts_are_not_kept_when_memory_only(
    qtbot, qapp, pack, tmp_path, restore
) -> None:
    """QA item 17: "Keep drafts for 30 days" was shown although drafts were memory-only."""
    window, _ext = _build(qtbot, qapp, pack, tmp_path, keys=UnavailableKeyProvider("No store."))
    window.show_page("settings")  # shown before the store is probed: it follows the news
    page = window.page("settings")
    first_use(qtbot, window)
    assert page.retention_note.isVisibleTo(page)
    assert "not kept on disk" in page.retention_note.text()
    assert "not kept on disk" in page.retention.accessibleDescription()
    assert page.drafts.text().startswith("No store.")


def test_settings_show_the_retention_when_drafts_reach_the_disk(
    qtbot, qapp, pack, tmp_path, restore
) -> None:
    window, _ext = _build(qtbot, qapp, pack, tmp_path)
    first_use(qtbot, window)
    window.show_page("settings")
    page = window.page("settings")
    assert not page.retention_note.isVisibleTo(page)


def test_settings_count_one_minute_and_one_day_in_the_singular(
    qtbot, qapp, pack, tmp_path, restore
) -> None:
    window, _ext = _build(qtbot, qapp, pack, tmp_path)
    window.show_page("settings")
    page = window.page("settings")
    page.idle.setValue(1)
    assert page.idle.text() == "1 minute"
    page.idle.setValue(2)
    assert page.idle.text() == "2 minutes"
    page.retention.setValue(1)
    assert page.retention.text() == "1 day"
