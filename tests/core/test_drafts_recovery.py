"""Recovery and clean-up of drafts on disk: what is offered, in which order, and what is deleted.

Found by mutation testing (docs/safety/mutation.md): each test here failed on a mutant that the
rest of the suite let through (a damaged line ending the replay, the retention period a second
a day short, the recovery list stopping at the first draft open elsewhere, and the like).
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from thresholds_app.core.drafts.state import DraftError
from thresholds_app.core.drafts.store import DraftStore

NOW = 1_000_000_000.0
DAY = 86400


class _Keys:
    available = True
    reason = ""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or Fernet.generate_key()

    def key(self) -> bytes:
        return self._key


def _store(folder: Path, **kwargs: object) -> DraftStore:
    return DraftStore(folder, _Keys(), clock=lambda: NOW, **kwargs)  # type: ignore[arg-type]


def _age(store: DraftStore, draft_id: str, seconds_ago: float) -> None:
    for path in store.folder.glob(f"{draft_id}.*"):
        os.utime(path, (NOW - seconds_ago, NOW - seconds_ago))


def _exactly(message: str) -> str:
    return f"^{re.escape(message)}$"


def test_a_damaged_line_in_the_middle_of_the_journal_loses_only_that_line(tmp_path: Path) -> None:
    store = _store(tmp_path)
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    journal = store.folder / f"{draft.id}.journal"
    with journal.open("ab") as handle:
        handle.write(b"not a token\n")
    draft.record_answer("b", "no")
    assert store.load(draft.id).answers == {"a": "yes", "b": "no"}


def test_a_draft_without_its_snapshot_or_journal_still_gives_what_is_left(tmp_path: Path) -> None:
    store = _store(tmp_path)
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    (store.folder / f"{draft.id}.snapshot").unlink()
    assert store.load(draft.id).answers == {"a": "yes"}  # the journal from its first entry
    draft.snapshot()
    (store.folder / f"{draft.id}.journal").unlink()
    assert store.load(draft.id).answers == {"a": "yes"}  # the snapshot alone


def test_drafts_are_deleted_once_the_retention_period_has_passed(tmp_path: Path) -> None:
    store = _store(tmp_path, retention_days=30)
    old, older, kept = (store.new_draft() for _ in range(3))
    for draft in (old, older, kept):
        draft.record_answer("a", "yes")
        draft.close()
    _age(store, old.id, 30 * DAY + 10)  # ten seconds past the period
    _age(store, older.id, 90 * DAY)
    _age(store, kept.id, 30 * DAY - 10)
    (store.folder / "0123.snapshot.tmp").write_bytes(b"left by an interrupted write")
    assert store.purge_expired() == 2
    assert sorted(p.name.split(".")[0] for p in store.folder.iterdir()) == [kept.id] * 2
    assert DraftStore(tmp_path / "none", _Keys()).purge_expired() == 0


def test_a_stray_lock_file_is_cleaned_up_not_fatal(tmp_path: Path) -> None:
    store = _store(tmp_path)
    (tmp_path / ("a" * 32 + ".lock")).write_bytes(b"")
    assert store.pending_drafts() == []
    assert list(tmp_path.iterdir()) == []


def test_recovery_lists_newest_first_with_each_drafts_own_time(tmp_path: Path) -> None:
    store = _store(tmp_path)
    drafts = [store.new_draft() for _ in range(3)]
    for age, draft in zip((5, 1, 3), drafts, strict=True):
        draft.record_answer("a", "yes")
        store._release(draft.id)  # the session crashed
        _age(store, draft.id, age * DAY)
    pending = _store(tmp_path).pending_drafts()
    assert [p.id for p in pending] == [drafts[1].id, drafts[2].id, drafts[0].id]
    assert [p.updated for p in pending] == [NOW - DAY, NOW - 3 * DAY, NOW - 5 * DAY]


def test_one_draft_open_elsewhere_or_empty_does_not_hide_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    drafts = {d.id: d for d in (store.new_draft() for _ in range(4))}
    first, _empty, *rest = list(store._ids())  # the order recovery looks at them
    for draft_id in (first, *rest):
        drafts[draft_id].record_answer("a", "yes")  # the second stays empty
    monkeypatch.setattr(store, "_owned_by_live_process", lambda draft_id: draft_id == first)
    assert sorted(p.id for p in store.pending_drafts()) == sorted(rest)


def test_a_damaged_draft_is_offered_with_no_answers_counted(tmp_path: Path) -> None:
    store = _store(tmp_path)
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    draft.close()
    (store.folder / f"{draft.id}.snapshot").write_bytes(b"garbage")
    (info,) = store.pending_drafts()
    assert (info.damaged, info.answers) == (True, 0)


def test_only_real_draft_ids_reach_the_disk(tmp_path: Path) -> None:
    store = _store(tmp_path)
    for bad in ("abc", "../" + "a" * 29, "A" * 32):
        with pytest.raises(DraftError, match=_exactly("That is not a draft.")):
            store.load(bad)


def test_every_draft_error_is_a_plain_sentence(tmp_path: Path) -> None:
    store = _store(tmp_path)
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    (store.folder / f"{draft.id}.snapshot").write_bytes(b"garbage")
    with pytest.raises(
        DraftError, match=_exactly("This draft is damaged or was saved with another key.")
    ):
        store.load(draft.id)
    draft.snapshot()
    journal = store.folder / f"{draft.id}.journal"
    journal.unlink()
    journal.mkdir()  # cannot be read as a file
    with pytest.raises(DraftError, match=_exactly("This draft could not be read.")):
        store.load(draft.id)
    closed = store.new_draft()
    closed.close()
    with pytest.raises(DraftError, match=_exactly("This draft has been closed.")):
        closed.record_answer("a", "no")
    broken = DraftStore(tmp_path / "other", _Keys(b"not a key"))
    with pytest.raises(
        DraftError, match=_exactly("The drafts key in the password store is not usable.")
    ):
        broken.new_draft()


def test_a_new_draft_is_an_assessment_unless_told(tmp_path: Path) -> None:
    store = _store(tmp_path)
    draft = store.new_draft()
    assert draft.state.kind == "assessment"
    assert store.load(draft.id).kind == "assessment"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_drafts_folder_is_made_with_its_parents_and_is_private(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "a" / "b" / "drafts", _Keys())
    store.new_draft()
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700


def test_a_store_without_a_folder_or_key_provider_uses_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    store = DraftStore()
    assert store.folder.name == "drafts"
    assert isinstance(store.available, bool)
    assert DraftStore(tmp_path, _Keys(), retention_days=1).retention_days == 1
    assert DraftStore(tmp_path, _Keys(), retention_days=0).retention_days == 1


def test_a_draft_whose_id_uses_every_hex_digit_is_offered_and_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """About one random id in fourteen uses all sixteen hex digits: such a draft is not lost."""
    import secrets

    every_digit = "0123456789abcdef" * 2
    monkeypatch.setattr(secrets, "token_hex", lambda nbytes: every_digit)
    store = _store(tmp_path)
    draft = store.new_draft()
    assert draft.id == every_digit
    draft.record_answer("a", "yes")
    draft.close()
    assert [info.id for info in store.pending_drafts()] == [every_digit]
    assert store.load(every_digit).answers == {"a": "yes"}
