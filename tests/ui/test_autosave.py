"""Autosave: answers journaled at once, text after a pause or every few seconds, recovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from thresholds_app.core.drafts.keys import UnavailableKeyProvider
from thresholds_app.core.drafts.store import DraftStore
from thresholds_app.core.pack.model import Pack
from thresholds_app.ui import autosave
from thresholds_app.ui.autosave import Autosave, case_from_draft, offer_recovery
from thresholds_app.ui.case_state import CaseState

CANARY = "Pangolin-canary-55"


class MemoryKeys:
    available = True
    reason = ""

    def __init__(self) -> None:
        self._key = Fernet.generate_key()

    def key(self) -> bytes:
        return self._key


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts", MemoryKeys())


@pytest.fixture
def state(qtbot, small_pack: Pack) -> CaseState:
    return CaseState(small_pack)


def _type(state: CaseState, text: str) -> None:
    state.case.free_text.worry = text
    state.touch()


def test_answers_are_on_disk_at_once(state: CaseState, store: DraftStore) -> None:
    saver = Autosave(state, store)
    state.set_answer("immediate-danger", "no")
    state.set_answer("dn-bruise-explained-l1", "yes")
    (info,) = store.pending_drafts()
    assert store.load(info.id).answers == {
        "immediate-danger": "no",
        "dn-bruise-explained-l1": "yes",
    }
    state.set_answer("dn-bruise-explained-l1", None)
    assert "dn-bruise-explained-l1" not in store.load(saver.draft.id).answers


def test_text_is_saved_when_typing_stops(qtbot, state: CaseState, store: DraftStore) -> None:
    saver = Autosave(state, store, idle_ms=50, max_ms=10_000)
    with qtbot.waitSignal(saver.saved, timeout=2000):
        _type(state, CANARY)
        assert saver.pending
    case = case_from_draft(store.load(saver.draft.id))
    assert case.free_text.worry == CANARY


def test_text_is_saved_at_least_every_max_interval(
    qtbot, state: CaseState, store: DraftStore
) -> None:
    saver = Autosave(state, store, idle_ms=60_000, max_ms=100)
    _type(state, "a")
    with qtbot.waitSignal(saver.saved, timeout=2000):
        _type(state, "ab")  # typing goes on: the idle timer keeps restarting
    assert case_from_draft(store.load(saver.draft.id)).free_text.worry == "ab"


def test_default_timings_match_the_goal(state: CaseState, store: DraftStore) -> None:
    saver = Autosave(state, store)
    assert saver._idle.interval() == 2_000
    assert saver._max.interval() == 2_000  # at most 2 s of typing lost in a kill


def test_no_draft_until_something_is_recorded(state: CaseState, store: DraftStore) -> None:
    Autosave(state, store)
    assert not store.folder.exists()


def test_memory_only_without_key_store(qtbot, state: CaseState, tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d", UnavailableKeyProvider("No secure store here."))
    saver = Autosave(state, store)
    assert saver.memory_only
    assert saver.status == "No secure store here."
    state.set_answer("immediate-danger", "yes")
    _type(state, CANARY)
    saver.flush()
    assert not (tmp_path / "d").exists()


def test_a_failed_write_never_crashes(
    qtbot, state: CaseState, store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    saver = Autosave(state, store)
    state.set_answer("immediate-danger", "no")

    def broken(*_a: object, **_k: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "_append", broken)
    with qtbot.waitSignal(saver.status_changed):
        state.set_answer("immediate-danger", "yes")
    assert saver.memory_only
    assert "memory only" in saver.status
    _type(state, "more")  # carries on quietly
    saver.flush()


def test_discard_after_export_removes_the_draft(state: CaseState, store: DraftStore) -> None:
    saver = Autosave(state, store)
    state.set_answer("immediate-danger", "no")
    saver.discard()
    assert store.pending_drafts() == []
    assert list(store.folder.iterdir()) == []
    state.set_answer("immediate-danger", "yes")  # editing again starts a fresh draft
    assert len(store.pending_drafts()) == 1


def test_close_keeps_draft_not_interrupted(state: CaseState, store: DraftStore) -> None:
    saver = Autosave(state, store)
    state.set_answer("immediate-danger", "no")
    _type(state, CANARY)
    saver.close()
    (info,) = store.pending_drafts()
    assert not info.interrupted
    assert case_from_draft(store.load(info.id)).free_text.worry == CANARY


def _left_behind(state: CaseState, store: DraftStore) -> str:
    saver = Autosave(state, store)
    state.set_answer("immediate-danger", "no")
    _type(state, CANARY)
    saver.flush()
    state.set_answer("dn-bruise-explained-l1", "yes")  # journaled after the snapshot
    return saver.draft.id


def test_recovery_brings_everything_back(
    state: CaseState, store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = _left_behind(state, store)
    asked = []
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, info: asked.append(info) or "recover")
    result = offer_recovery(DraftStore(store.folder, store.key_provider))
    assert result is not None
    case, draft = result
    assert asked[0].interrupted
    assert asked[0].answers == 2
    assert draft.id == draft_id
    assert case.answers == {"immediate-danger": "no", "dn-bruise-explained-l1": "yes"}
    assert case.free_text.worry == CANARY
    assert "Pangolin" not in autosave.describe(asked[0])


def test_recovery_declined(
    state: CaseState, store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _left_behind(state, store)
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: "later")
    assert offer_recovery(store) is None
    assert len(store.pending_drafts()) == 1
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: "discard")
    assert offer_recovery(store) is None
    assert store.pending_drafts() == []


def test_damaged_draft_gives_plain_message_and_fresh_start(
    state: CaseState, store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = _left_behind(state, store)
    (store.folder / f"{draft_id}.snapshot").write_bytes(b"garbage")
    told: list[str] = []
    monkeypatch.setattr(autosave, "tell", lambda _p, title, _text: told.append(title))
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: pytest.fail("not asked"))
    assert offer_recovery(store) is None
    assert told == ["A draft could not be recovered"]
    assert store.pending_drafts() == []


def test_no_store_no_question(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: pytest.fail("not asked"))
    assert offer_recovery(None) is None
