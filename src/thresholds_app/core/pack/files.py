"""Finding and reading a pack's files, refusing anything that is not a plain file in the pack.

A pack is a folder of plain files. Links (which could point at ``/dev/zero`` or at a folder
outside the pack), pipes, devices, sub-folders and unreadable files are each reported as a
problem naming the file, never followed or read silently, and no file is read past the size
limit: its size is checked on the open file before any byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from thresholds_app.core.base.plain_file import UnreadableFile, read_plain_file
from thresholds_app.core.base.problems import Problem

# No pack file may be larger than this (the YAML reader checks it again). Kept here, not in
# yamlsafe, so finding and hashing files at start-up does not import the YAML parser.
MAX_BYTES = 2 * 1024 * 1024

# file -> schema name. Folders hold one schema's files each.
REQUIRED_FILES = {
    "pack.yaml": "pack",
    "levels.yaml": "levels",
    "questions.yaml": "questions",
    "rules.yaml": "rules",
    "consent.yaml": "consent",
    "stepping.yaml": "stepping",
    "contacts.yaml": "contacts",
}
# Optional files: ids.yaml records every id the pack has published and what replaced retired ones.
OPTIONAL_FILES = {
    "ids.yaml": "ids",
    "review.yaml": "review",  # absent: the published defaults
    "synonyms.yaml": "synonyms",  # the search vocabulary a partnership edits
}
FOLDERS = {"domains": "domain", "topics": "topic", "scenarios": "scenarios", "tests": "tests"}
REQUIRED_FOLDERS = ("domains",)
PROVENANCE = "PROVENANCE.md"
# A whole pack may hold at most this many files; far more than a partnership needs.
MAX_FILES = 300


def _problem(name: str, message: str) -> Problem:
    return Problem(name, None, None, "", message)


def _kind_problem(path: Path) -> str | None:
    """Why ``path`` is not a plain file we may read, or None when it is one."""
    try:
        info = path.lstat()
    except OSError as exc:
        return f"this file could not be read ({exc.strerror or exc})"
    if stat.S_ISLNK(info.st_mode):
        return "links are not allowed in a pack: copy the file into the pack folder instead"
    if stat.S_ISDIR(info.st_mode):
        return "sub-folders are not read: move its files up into the folder"
    if not stat.S_ISREG(info.st_mode):
        return "this is not a plain file (a pipe or a device?) and is not read"
    return None


def _entry_problem(entry: os.DirEntry[str]) -> str | None:
    """:func:`_kind_problem` for a folder listing's entry.

    The listing already says what kind each entry is (on Linux and Windows), so a plain file
    costs no further system call; anything else is looked at again with ``lstat``.
    """
    try:
        if entry.is_file(follow_symlinks=False):
            return None
    except OSError:
        pass
    return _kind_problem(Path(entry.path))


def _folder_problem(path: Path) -> str | None:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return "links are not allowed in a pack: make this a real folder inside the pack"
    if not stat.S_ISDIR(info.st_mode):
        return "this should be a folder"
    return None


def _suffix(name: str) -> str:
    """The file name's extension as ``Path.suffix`` gives it (none for ".yaml" itself)."""
    return os.path.splitext(name)[1]


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    """The folder's entries in name order (one directory read: no stat per file)."""
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def list_pack_files(root: Path, problems: list[Problem]) -> dict[str, Path]:
    """Find the pack's YAML files (relative name -> path), noting every file that is wrong."""
    files: dict[str, Path] = {}
    for name in REQUIRED_FILES:
        path = root / name
        if not os.path.lexists(path):
            problems.append(_problem(name, "this file is missing from the pack"))
        elif (why := _kind_problem(path)) is not None:
            problems.append(_problem(name, why))
        else:
            files[name] = path
    for entry in _listing(root):
        name = entry.name
        if name in OPTIONAL_FILES:
            if (why := _entry_problem(entry)) is not None:
                problems.append(_problem(name, why))
            else:
                files[name] = root / name
        elif _suffix(name) in (".yaml", ".yml") and name not in REQUIRED_FILES:
            problems.append(
                _problem(
                    name,
                    "unknown file: a pack holds only "
                    + ", ".join([*REQUIRED_FILES, *OPTIONAL_FILES])
                    + " and the folders "
                    + ", ".join(FOLDERS),
                )
            )
    for folder in FOLDERS:
        sub = root / folder
        if not os.path.lexists(sub):
            if folder in REQUIRED_FOLDERS:
                problems.append(_problem(f"{folder}/", "this folder is missing"))
            continue
        if (why := _folder_problem(sub)) is not None:
            problems.append(_problem(f"{folder}/", why))
            continue
        for entry in _listing(sub):
            name = f"{folder}/{entry.name}"
            if entry.name.startswith("."):
                continue  # editors' and systems' hidden files
            if _suffix(entry.name) == ".yml":
                problems.append(_problem(name, "rename this file to end in .yaml"))
            elif (why := _entry_problem(entry)) is not None:
                problems.append(_problem(name, why))
            elif _suffix(entry.name) == ".yaml":
                files[name] = sub / entry.name
            else:
                problems.append(_problem(name, f"only .yaml files belong in {folder}/"))
    if len(files) > MAX_FILES:
        problems.append(_problem("", f"the pack has {len(files)} files; at most {MAX_FILES}"))
    return files


def read_pack_file(path: Path, name: str, problems: list[Problem]) -> bytes | None:
    """Read a plain file of at most the size limit; a problem instead of an exception."""
    try:
        return read_plain_file(path, MAX_BYTES, follow_links=False, allow_empty=True)
    except UnreadableFile as why:
        problems.append(_problem(name, str(why)))
        return None


def read_provenance(root: Path, problems: list[Problem]) -> bytes | None:
    """The pack's PROVENANCE.md (hashed with the pack), or None when there is none."""
    path = root / PROVENANCE
    if not os.path.lexists(path):
        return None
    why = _kind_problem(path)
    if why is not None:
        problems.append(_problem(PROVENANCE, why))
        return None
    return read_pack_file(path, PROVENANCE, problems)
