"""Drafts keep any text the app can hold, including half a character (a lone surrogate)."""

from __future__ import annotations

from pathlib import Path

from cryptography.fernet import Fernet

from thresholds_app.core.drafts.store import DraftStore


class MemoryKeys:
    """A key provider that keeps one key in memory."""

    available = True
    reason = ""

    def __init__(self) -> None:
        self._key = Fernet.generate_key()

    def key(self) -> bytes:
        return self._key


def test_a_lone_surrogate_is_encrypted_as_a_replacement_character(tmp_path: Path) -> None:
    keys = MemoryKeys()
    store = DraftStore(tmp_path / "drafts", keys)
    draft = store.new_draft()
    draft.record_field("free_text.worry", "half \ud83d an emoji")  # a journal entry
    assert DraftStore(store.folder, keys).load(draft.id).fields == {
        "free_text.worry": "half \ufffd an emoji"
    }
    draft.record_document({"child": {"reference": "REF-\udc00"}})  # a snapshot
    state = DraftStore(store.folder, keys).load(draft.id)
    assert state.document == {"child": {"reference": "REF-\ufffd"}}
    assert b"half" not in b"".join(p.read_bytes() for p in store.folder.rglob("*") if p.is_file())
