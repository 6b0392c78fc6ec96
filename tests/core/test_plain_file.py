"""Files the user names are read without ever waiting on a pipe, a device or a kernel file.

Typed into a file dialog, ``/proc/kmsg`` or a named pipe used to leave the reader waiting for
ever (the app still said "Opening kmsg…" and would open nothing else).
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from thresholds_app.core.base.plain_file import UnreadableFile, read_plain_file
from thresholds_app.core.case.reading import CaseFileError, read_case_bytes


def _within_seconds(seconds: float, work):  # type: ignore[no-untyped-def]
    """``work()``'s exception (or None), failing the test if it has not returned in time."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            work()
            outcome.append(None)
        except BaseException as exc:  # handed back to the test
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still waiting after {seconds} s"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "case.json"
    os.mkfifo(pipe)
    error = _within_seconds(5, lambda: read_plain_file(pipe, 1000))
    assert isinstance(error, UnreadableFile)
    assert str(error) == "it is not a plain file (a device, a pipe or a link)"
    error = _within_seconds(5, lambda: read_case_bytes(pipe))
    assert isinstance(error, CaseFileError)
    assert "case.json: it is not a plain file" in str(error)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's /proc")
def test_a_kernel_file_reporting_no_size_is_refused_unread() -> None:
    # /proc files are "regular" with a size of 0; /proc/kmsg would wait for the next message
    error = _within_seconds(5, lambda: read_plain_file(Path("/proc/self/status"), 1000))
    assert isinstance(error, UnreadableFile)
    assert str(error) == "the file is empty"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_unread() -> None:
    with pytest.raises(UnreadableFile, match="not a plain file"):
        read_plain_file(Path("/dev/zero"), 1000)


def test_plain_files_are_read_and_everything_else_named_plainly(tmp_path: Path) -> None:
    (tmp_path / "ok.json").write_bytes(b"x" * 1000)
    assert read_plain_file(tmp_path / "ok.json", 1000) == b"x" * 1000
    (tmp_path / "big.json").write_bytes(b"x" * 1001)
    with pytest.raises(UnreadableFile, match=r"^the file is 0\.0 MiB, over the 0\.000953674 MiB"):
        read_plain_file(tmp_path / "big.json", 1000)
    (tmp_path / "empty.json").write_bytes(b"")
    with pytest.raises(UnreadableFile, match=r"^the file is empty$"):
        read_plain_file(tmp_path / "empty.json", 1000)
    assert read_plain_file(tmp_path / "empty.json", 1000, allow_empty=True) == b""
    with pytest.raises(UnreadableFile, match=r"^it is a folder, not a file$"):
        read_plain_file(tmp_path, 1000)
    with pytest.raises(UnreadableFile, match=r"^the file could not be found$"):
        read_plain_file(tmp_path / "gone.json", 1000)


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="O_NOFOLLOW is POSIX")
def test_a_link_is_followed_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_bytes(b"{}")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert read_plain_file(tmp_path / "link.json", 1000) == b"{}"
    with pytest.raises(UnreadableFile, match="could not be read"):
        read_plain_file(tmp_path / "link.json", 1000, follow_links=False)
