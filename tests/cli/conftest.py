"""Command-line test fixtures: a signed copy of the bundled pack, a private state folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thresholds_app.core.pack.signing import generate_keys, read_secret_key, sign_pack
from thresholds_app.paths import default_pack_dir


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Accepted pack versions are recorded in a folder of the test's own."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture(scope="session")
def signed_bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A signed copy of the bundled pack and the public key that checks it."""
    folder = tmp_path_factory.mktemp("signed")
    pack = folder / "solihull-rhrt"
    shutil.copytree(default_pack_dir(), pack)
    secret, public = generate_keys(folder / "test-signer", None)
    sign_pack(pack, read_secret_key(secret, None))
    return pack, public
