"""Encrypted drafts: journal, snapshots, recovery, purge and the key store (H14, H15)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from thresholds_app.core.base import atomic
from thresholds_app.core.drafts import keys as draft_keys
from thresholds_app.core.drafts import store as drafts
from thresholds_app.core.drafts.keys import (
    KeyringKeyProvider,
    UnavailableKeyProvider,
    default_key_provider,
)
from thresholds_app.core.drafts.state import DraftError
from thresholds_app.core.drafts.store import DraftStore

CANARY = "Zebedee-canary-7Q3"


class MemoryKeys:
    """A key provider that keeps one key in memory."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or Fernet.generate_key()

    available = True
    reason = ""

    def key(self) -> bytes:
        return self._key


@pytest.fixture
def keys() -> MemoryKeys:
    return MemoryKeys()


@pytest.fixture
def store(tmp_path: Path, keys: MemoryKeys) -> DraftStore:
    return DraftStore(tmp_path / "drafts", keys)


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_answers_and_text_survive_without_close(store: DraftStore, keys: MemoryKeys) -> None:
    draft = store.new_draft()
    draft.record_answer("immediate-danger", "no")
    draft.record_answer("dn-bruise-explained-l1", "yes")
    draft.record_field("free_text.worry", f"worried {CANARY}")
    # a new store (as after a crash) with the same key reads everything back
    again = DraftStore(store.folder, keys)
    pending = again.pending_drafts()
    assert [p.id for p in pending] == [draft.id]
    assert pending[0].interrupted
    assert pending[0].answers == 2
    assert not pending[0].damaged
    state = again.load(draft.id)
    assert state.answers == {"immediate-danger": "no", "dn-bruise-explained-l1": "yes"}
    assert state.fields["free_text.worry"] == f"worried {CANARY}"


def test_nothing_is_plain_text_on_disk(store: DraftStore) -> None:
    draft = store.new_draft()
    draft.record_field("free_text.worry", CANARY)
    draft.record_answer("immediate-danger", "yes")
    draft.snapshot()
    draft.record_field("free_text.going_well", CANARY + " again")
    data = _all_bytes(store.folder)
    assert CANARY.encode("utf-8") not in data
    assert CANARY.encode("utf-16-le") not in data
    assert b"immediate-danger" not in data
    assert b"worry" not in data


def test_file_names_are_random_ids(store: DraftStore) -> None:
    draft = store.new_draft()
    draft.record_field("child.name", CANARY)
    names = {p.name.split(".")[0] for p in store.folder.iterdir()}
    assert names == {draft.id}
    assert len(draft.id) == 32
    assert draft.id != store.new_draft().id


def test_each_entry_is_fsynced(store: DraftStore, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = store.new_draft()
    calls: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real_fsync(fd)))
    draft.record_answer("immediate-danger", "no")
    assert calls, "an answer must be fsynced before record_answer returns"


def test_snapshot_folds_journal_and_replay_skips_old_entries(store: DraftStore) -> None:
    draft = store.new_draft()
    for i in range(5):
        draft.record_answer(f"q{i}", "yes")
    draft.snapshot()
    journal = store.folder / f"{draft.id}.journal"
    assert journal.read_bytes() == b""
    draft.record_answer("q0", "no")
    assert store.load(draft.id).answers["q0"] == "no"
    assert len(store.load(draft.id).answers) == 5


def test_automatic_snapshot_keeps_journal_short(
    store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drafts, "SNAPSHOT_EVERY", 3)
    draft = store.new_draft()
    for i in range(7):
        draft.record_answer(f"q{i}", "yes")
    lines = (store.folder / f"{draft.id}.journal").read_bytes().splitlines()
    assert len(lines) == 1
    assert len(store.load(draft.id).answers) == 7


def test_torn_last_line_keeps_everything_before_it(store: DraftStore) -> None:
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    draft.record_answer("b", "no")
    journal = store.folder / f"{draft.id}.journal"
    with journal.open("ab") as handle:
        handle.write(b"gAAAAAB-half-a-token")
    assert store.load(draft.id).answers == {"a": "yes", "b": "no"}


def test_damaged_snapshot_is_reported_not_raised(store: DraftStore) -> None:
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    (store.folder / f"{draft.id}.snapshot").write_bytes(b"not a token")
    (pending,) = store.pending_drafts()
    assert pending.damaged
    with pytest.raises(DraftError, match="damaged"):
        store.load(draft.id)


def test_wrong_key_cannot_read(store: DraftStore) -> None:
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    other = DraftStore(store.folder, MemoryKeys())
    with pytest.raises(DraftError):
        other.load(draft.id)


def test_closed_draft_is_not_interrupted(store: DraftStore) -> None:
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    draft.close()
    (pending,) = store.pending_drafts()
    assert not pending.interrupted
    with pytest.raises(DraftError):
        draft.record_answer("b", "no")


def test_empty_drafts_are_not_offered(store: DraftStore) -> None:
    store.new_draft()
    assert store.pending_drafts() == []


def test_discard_removes_every_file(store: DraftStore) -> None:
    draft = store.new_draft()
    draft.record_field("free_text.worry", CANARY)
    draft.discard()
    assert list(store.folder.iterdir()) == []
    assert store.pending_drafts() == []


def test_resume_carries_on(store: DraftStore, keys: MemoryKeys) -> None:
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    again = DraftStore(store.folder, keys)
    resumed = again.resume(draft.id)
    assert resumed.state.answers == {"a": "yes"}
    resumed.record_answer("b", "no")
    assert again.load(draft.id).answers == {"a": "yes", "b": "no"}


def test_record_document_replaces_state(store: DraftStore) -> None:
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    draft.record_document({"answers": {"b": "no"}})
    state = store.load(draft.id)
    assert state.document == {"answers": {"b": "no"}}
    assert state.answers == {}


def test_purge_after_retention_days(tmp_path: Path, keys: MemoryKeys) -> None:
    now = [1_000_000_000.0]
    store = DraftStore(tmp_path, keys, retention_days=30, clock=lambda: now[0])
    draft = store.new_draft()
    draft.record_answer("a", "yes")
    for path in tmp_path.iterdir():
        os.utime(path, (now[0], now[0]))
    now[0] += 29 * 86400
    assert store.purge_expired() == 0
    assert len(store.pending_drafts()) == 1
    now[0] += 2 * 86400
    assert store.pending_drafts() == []
    assert list(tmp_path.iterdir()) == []


def test_ids_from_outside_are_checked(store: DraftStore) -> None:
    with pytest.raises(DraftError):
        store.load("../../etc/passwd")
    with pytest.raises(DraftError):
        store.discard("not-an-id")


def test_no_key_store_means_no_drafts(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d", UnavailableKeyProvider("no store"))
    assert not store.available
    assert store.reason == "no store"
    with pytest.raises(DraftError):
        store.new_draft()
    assert not (tmp_path / "d").exists()


def test_atomic_write_leaves_old_file_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f"
    atomic.atomic_write_bytes(target, b"old")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        atomic.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f"]


# -- key providers ------------------------------------------------------------------------------


def _fake_backend(module: str, name: str = "Keyring") -> object:
    cls = type(name, (), {"__module__": module})
    secrets: dict[tuple[str, str], str] = {}
    cls.get_password = lambda self, s, u: secrets.get((s, u))  # type: ignore[attr-defined]
    cls.set_password = lambda self, s, u, p: secrets.__setitem__((s, u), p)  # type: ignore[attr-defined]
    return cls()


def test_native_backend_is_used_and_key_kept_there(tmp_path: Path) -> None:
    backend = _fake_backend("keyring.backends.SecretService")
    provider = KeyringKeyProvider(backend)
    assert provider.available
    assert provider.reason == ""
    key = provider.key()
    assert KeyringKeyProvider(backend).key() == key  # stored in the backend, not regenerated
    store = DraftStore(tmp_path, provider)
    store.new_draft().record_answer("a", "yes")
    assert key not in _all_bytes(tmp_path)


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("keyring.backends.fail", "Keyring"),
        ("keyrings.alt.file", "PlaintextKeyring"),
        ("keyring.backends.null", "Keyring"),
    ],
)
def test_insecure_backends_are_refused(module: str, name: str) -> None:
    provider = KeyringKeyProvider(_fake_backend(module, name))
    assert not provider.available
    assert "memory only" in provider.reason
    with pytest.raises(DraftError):
        provider.key()


def test_chainer_uses_only_its_native_backend() -> None:
    native = _fake_backend("keyring.backends.Windows", "WinVaultKeyring")
    plain = _fake_backend("keyrings.alt.file", "PlaintextKeyring")
    chainer = type("ChainerBackend", (), {"__module__": "keyring.backends.chainer"})()
    chainer.backends = [plain, native]  # type: ignore[attr-defined]
    provider = KeyringKeyProvider(chainer)
    assert provider.available
    provider.key()
    assert plain.get_password(draft_keys.KEYRING_SERVICE, draft_keys.KEYRING_USER) is None  # type: ignore[attr-defined]
    empty = type("ChainerBackend", (), {"__module__": "keyring.backends.chainer"})()
    empty.backends = [plain]  # type: ignore[attr-defined]
    assert not KeyringKeyProvider(empty).available


def test_real_keyring_lookup_never_raises() -> None:
    provider = KeyringKeyProvider()
    assert isinstance(provider.available, bool)


def test_production_code_has_no_way_to_keep_the_key_in_a_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The old test-only file provider was chosen by an environment variable in production."""
    monkeypatch.setenv("THRESHOLDS_APP_TEST_ONLY_INSECURE_KEY_FILE", "/tmp/key")
    assert isinstance(default_key_provider(), KeyringKeyProvider)
    assert not any("File" in name for name in dir(draft_keys))


def test_a_failing_store_gives_a_draft_error(tmp_path: Path) -> None:
    backend = _fake_backend("keyring.backends.macOS")

    def locked(*_a: object) -> str:
        raise RuntimeError("keychain locked")

    backend.get_password = locked  # type: ignore[attr-defined]
    store = DraftStore(tmp_path, KeyringKeyProvider(backend))
    assert store.available
    with pytest.raises(DraftError, match="memory only"):
        store.new_draft()


# -- who has a draft open ------------------------------------------------------------------------


def test_a_crashed_draft_is_offered_even_when_its_pid_is_reused(
    store: DraftStore, keys: MemoryKeys
) -> None:
    """After a reboot another program can have the crashed session's process id."""
    draft = store.new_draft()
    draft.record_answer("immediate-danger", "no")
    store._release(draft.id)  # the session dies: the OS drops its lock
    marker = store.folder / f"{draft.id}.open"
    marker.write_text(str(os.getppid()), encoding="ascii")  # a live, unrelated process
    pending = DraftStore(store.folder, keys).pending_drafts()
    assert [p.id for p in pending] == [draft.id]
    assert pending[0].interrupted


def test_a_draft_open_in_another_running_copy_is_not_offered(tmp_path: Path) -> None:
    import subprocess
    import sys
    import textwrap

    key = Fernet.generate_key()
    folder = tmp_path / "drafts"
    script = textwrap.dedent(
        f"""
        import sys
        from thresholds_app.core.drafts.store import DraftStore
        class Keys:
            available = True
            reason = ""
            def key(self):
                return {key!r}
        draft = DraftStore({str(folder)!r}, Keys()).new_draft()
        draft.record_answer("immediate-danger", "no")
        print(draft.id, flush=True)
        sys.stdin.read()
        """
    )
    other = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout is not None
        draft_id = other.stdout.readline().strip()
        here = DraftStore(folder, MemoryKeys(key))
        assert here.pending_drafts() == []  # the other copy still has it open
        elsewhere = r"^This draft is open in another window of the app\.$"
        with pytest.raises(DraftError, match=elsewhere):
            here.resume(draft_id)
    finally:
        other.kill()
        other.communicate(timeout=30)  # reaped, pipes closed
    assert [p.id for p in DraftStore(folder, MemoryKeys(key)).pending_drafts()] == [draft_id]
