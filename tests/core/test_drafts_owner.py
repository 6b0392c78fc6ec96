"""Who has a draft open (the OS lock behind recovery) and what a draft keeps across a snapshot.

Found by mutation testing (docs/safety/mutation.md): each test here failed on a mutant that the
rest of the suite let through.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from thresholds_app.core.drafts.owner import OwnerLock, held_elsewhere
from thresholds_app.core.drafts.state import DraftError, DraftState
from thresholds_app.core.drafts.store import DraftStore, default_drafts_dir

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="flock: POSIX lock semantics")


class _Keys:
    available = True
    reason = ""

    def __init__(self) -> None:
        self._key = Fernet.generate_key()

    def key(self) -> bytes:
        return self._key


def _locked_by_someone(path: Path) -> bool:
    """Whether a fresh open of ``path`` (another holder, as far as flock knows) is refused."""
    import fcntl

    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops any lock this probe took
    return False


@posix_only
def test_a_lock_file_is_private_to_the_user(tmp_path: Path) -> None:
    lock = OwnerLock.take(tmp_path / "d.lock")
    assert lock is not None
    try:
        assert stat.S_IMODE((tmp_path / "d.lock").stat().st_mode) == 0o600
    finally:
        lock.release()


@posix_only
def test_release_lets_go_and_the_draft_can_be_taken_again(tmp_path: Path) -> None:
    path = tmp_path / "d.lock"
    first = OwnerLock.take(path)
    assert first is not None
    assert _locked_by_someone(path)
    first.release()
    assert not _locked_by_someone(path)  # recovery in another copy can now take it
    first.release()  # releasing twice is harmless (close after a crash-recovery discard)
    second = OwnerLock.take(path)
    assert second is not None
    assert second is not first
    try:
        assert _locked_by_someone(path)  # a fresh, real hold, not the released one
    finally:
        second.release()


@posix_only
def test_asking_about_our_own_draft_keeps_our_hold(tmp_path: Path) -> None:
    path = tmp_path / "d.lock"
    lock = OwnerLock.take(path)
    assert lock is not None
    try:
        assert not held_elsewhere(path)  # this process holds it, not another one
        assert _locked_by_someone(path)  # and asking did not release it
    finally:
        lock.release()


def test_a_missing_lock_file_means_nobody_and_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "gone.lock"
    assert not held_elsewhere(path)
    assert not path.exists()


def test_a_lock_that_cannot_be_opened_does_not_hide_a_draft(tmp_path: Path) -> None:
    path = tmp_path / "odd.lock"
    path.mkdir()  # os.open(O_RDWR) fails on a folder
    assert not held_elsewhere(path)


# -- what a draft keeps -----------------------------------------------------------------------


def test_clearing_an_answer_removes_it_and_clearing_an_unknown_one_is_harmless(
    tmp_path: Path,
) -> None:
    store = DraftStore(tmp_path / "drafts", _Keys())
    draft = store.new_draft()
    draft.record_answer("immediate-danger", "no")
    draft.record_answer("dn-a-l2", "yes")
    draft.record_answer("dn-a-l2", None)
    draft.record_answer("never-answered", None)
    assert store.load(draft.id).answers == {"immediate-danger": "no"}


def test_fields_and_kind_survive_a_snapshot(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts", _Keys())
    draft = store.new_draft(kind="review")
    draft.record_field("free_text.worry", "bruising seen twice")
    draft.snapshot()  # the journal is folded in: only the snapshot holds them now
    loaded = store.load(draft.id)
    assert loaded.fields == {"free_text.worry": "bruising seen twice"}
    assert loaded.kind == "review"
    assert DraftState.from_dict({}).kind == "assessment"  # an older snapshot without a kind


def test_the_recovery_prompt_counts_answers_in_the_document_and_after_it() -> None:
    state = DraftState()
    state.apply({"op": "document", "value": {"answers": {"a": "yes", "b": "no"}}})
    state.apply({"op": "answer", "key": "b", "value": "yes"})
    state.apply({"op": "answer", "key": "c", "value": "no"})
    assert state.answer_count() == 3
    damaged = DraftState(answers={"c": "no"}, document={"answers": ["a", "b"]})
    assert damaged.answer_count() == 1  # a damaged document's answers are not counted


# -- closing and discarding -------------------------------------------------------------------


@posix_only
def test_a_closed_draft_leaves_no_lock_and_reopening_it_holds_a_real_one(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts", _Keys())
    draft = store.new_draft()
    draft.record_answer("immediate-danger", "no")
    draft.close()
    assert not (store.folder / f"{draft.id}.lock").exists()
    store.resume(draft.id)  # the same window opens it again
    assert _locked_by_someone(store.folder / f"{draft.id}.lock")  # another copy is kept out


def test_another_window_can_discard_a_closed_draft(tmp_path: Path) -> None:
    keys = _Keys()
    draft = DraftStore(tmp_path / "drafts", keys).new_draft()
    draft.record_answer("immediate-danger", "no")
    draft.close()
    other = DraftStore(tmp_path / "drafts", keys)  # holds no lock on it, and no marker exists
    other.discard(draft.id)
    assert list(other.folder.iterdir()) == []


def test_nothing_can_be_written_to_a_discarded_draft(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts", _Keys())
    draft = store.new_draft()
    draft.record_field("free_text.worry", "bruising seen twice")
    draft.discard()
    with pytest.raises(DraftError, match="closed"):
        draft.record_answer("immediate-danger", "yes")
    assert list(store.folder.iterdir()) == []  # no journal recreated with the child's details


@pytest.mark.skipif(sys.platform != "linux", reason="XDG data folder")
def test_drafts_live_in_the_users_own_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_drafts_dir() == tmp_path / "thresholds_app" / "drafts"
