"""Loads a guidance pack folder: strict YAML, JSON Schema, cross-references, then objects.

Every problem in every file is collected and returned; nothing is raised for bad content and
nothing is ever written into the pack. A pack that passed once is cached by the hash of its files
(and of the schemas and app version), so later starts skip YAML parsing and schema checking.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thresholds_app import __version__
from thresholds_app.core.base.problems import Problem
from thresholds_app.core.base.records import record
from thresholds_app.core.pack import cache as packcache
from thresholds_app.core.pack.build import SEARCH_QUERIES_FILE, build_pack
from thresholds_app.core.pack.files import (
    FOLDERS,
    OPTIONAL_FILES,
    PROVENANCE,
    REQUIRED_FILES,
    list_pack_files,
    read_pack_file,
    read_provenance,
)
from thresholds_app.core.pack.model import Pack
from thresholds_app.paths import schema_dir

if TYPE_CHECKING:
    from thresholds_app.core.pack.yamlsafe import YamlDocument

# The YAML reader, schema checks and cross-reference checks are imported only when a pack is
# not in the cache: a cached start needs none of them (and importing them is most of the cost).

# The pack as a whole may hold at most this many values: about four times the Solihull pack,
# and small enough that the slowest full validation stays under about 2 s on an office laptop.
MAX_PACK_NODES = 60_000
# files in a folder that hold another schema's data than the folder's own
SPECIAL_FILES = {SEARCH_QUERIES_FILE: "search-queries"}


@record
class LoadResult:
    """A loaded pack, or the problems that stopped it loading (or both, never neither)."""

    pack: Pack | None
    problems: list[Problem]
    from_cache: bool = False

    @property
    def ok(self) -> bool:
        """True when the pack loaded with no problems."""
        return self.pack is not None and not self.problems


def _schema_for(name: str) -> str:
    return (
        SPECIAL_FILES.get(name)
        or REQUIRED_FILES.get(name)
        or OPTIONAL_FILES.get(name)
        or FOLDERS[name.split("/", 1)[0]]
    )


def fingerprint(raw: Mapping[str, bytes]) -> str:
    """SHA-256 over the pack's files (names and bytes), in a stable order."""
    return fingerprint_of_digests({name: hashlib.sha256(raw[name]).digest() for name in raw})


def fingerprint_of_digests(digests: Mapping[str, bytes]) -> str:
    """The same fingerprint from each file's SHA-256 (a verified manifest already has them)."""
    digest = hashlib.sha256()
    for name in sorted(digests):
        digest.update(name.encode() + b"\0" + digests[name])
    return digest.hexdigest()


def _cache_key(content_hash: str) -> str:
    digest = hashlib.sha256(f"{content_hash}:{__version__}:".encode())
    for path in sorted(schema_dir().glob("*.schema.json")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_pack(
    pack_dir: str | Path,
    *,
    cache_dir: Path | None = None,
    verified: Mapping[str, bytes] | None = None,
    signed_digests: Mapping[str, str] | None = None,
) -> LoadResult:
    """Load and validate the pack in ``pack_dir``.

    Args:
        pack_dir: the pack's folder.
        cache_dir: where to keep validated packs by content hash; None disables the cache.
        verified: the bytes of every file as checked against a signed manifest (relative name
            -> bytes; see :mod:`thresholds_app.core.pack.trust`). They are used instead of
            reading the files again, so what is loaded is exactly what was verified.
        signed_digests: the verified manifest's SHA-256 of each file (hex), with ``verified``:
            the content hash, and so the cache key, is made from them rather than by hashing
            every file a second time, so the cache is keyed on the verified manifest.
    """
    root = Path(pack_dir)
    if not root.is_dir():
        return LoadResult(None, [Problem(str(root), None, None, "", "this is not a pack folder")])
    problems: list[Problem] = []
    files = list_pack_files(root, problems)
    raw: dict[str, bytes] = {}
    if verified is not None:  # exactly the bytes checked against the signed manifest
        for name in files:
            if name in verified:
                raw[name] = verified[name]
            else:
                problems.append(
                    Problem(name, None, None, "", "this file is not part of the signed pack")
                )
        hashed = dict(raw)
        if PROVENANCE in verified:
            hashed[PROVENANCE] = verified[PROVENANCE]
    else:
        for name, path in files.items():
            content = read_pack_file(path, name, problems)
            if content is not None:
                raw[name] = content
        hashed = dict(raw)
        provenance = read_provenance(root, problems)
        if provenance is not None:
            hashed[PROVENANCE] = provenance
    if signed_digests is not None and set(hashed) <= set(signed_digests):
        content_hash = fingerprint_of_digests(
            {name: bytes.fromhex(signed_digests[name]) for name in hashed}
        )
    else:
        content_hash = fingerprint(hashed)

    key = _cache_key(content_hash) if cache_dir is not None and not problems else None
    if key is not None and cache_dir is not None:
        cached = packcache.read(cache_dir, key)
        if cached is not None:
            data, lines = cached
            try:
                return LoadResult(build_pack(data, lines, content_hash), [], from_cache=True)
            except Exception:  # any fault in a cache entry means: validate the files again
                packcache.discard(cache_dir, key)

    docs = _parse_within_budget(raw)
    _check(docs)
    for doc in docs.values():
        problems.extend(doc.problems)
    if problems:
        return LoadResult(None, sorted(set(problems), key=_order))
    data = {name: doc.data for name, doc in docs.items()}
    lines = _case_lines(docs)
    pack = build_pack(data, lines, content_hash)
    if key is not None and cache_dir is not None:
        packcache.write(cache_dir, key, data, lines)
    return LoadResult(pack, [])


def _parse_within_budget(raw: dict[str, bytes]) -> dict[str, YamlDocument]:
    """Parse every file, stopping once the pack as a whole passes :data:`MAX_PACK_NODES`."""
    from thresholds_app.core.pack.yamlsafe import MAX_NODES, load_yaml

    docs: dict[str, YamlDocument] = {}
    left = MAX_PACK_NODES
    for name, content in raw.items():
        doc = load_yaml(content, name, max_nodes=min(MAX_NODES, max(left, 0)))
        docs[name] = doc
        left -= doc.nodes
        if left < 0:
            doc.problems.append(
                Problem(
                    name,
                    None,
                    None,
                    "",
                    f"the pack holds more than {MAX_PACK_NODES:,} values in all; the files "
                    "after this one were not read",
                )
            )
            break
    return docs


def _check(docs: dict[str, YamlDocument]) -> None:
    from thresholds_app.core.pack.crossref import check_cross_references
    from thresholds_app.core.pack.idhistory import check_id_history
    from thresholds_app.core.pack.schemacheck import check_schema
    from thresholds_app.core.pack.searchref import check_search_files

    for name, doc in docs.items():
        check_schema(doc, _schema_for(name))
    check_cross_references(docs)
    check_id_history(docs)
    check_search_files(docs)


def _case_lines(docs: dict[str, YamlDocument]) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = {}
    for name, doc in docs.items():
        if name.startswith("tests/") and isinstance(doc.data, dict):
            key = "queries" if name in SPECIAL_FILES else "cases"
            cases = doc.data.get(key) or []
            lines[name] = [doc.where((key, i))[0] or 0 for i in range(len(cases))]
    return lines


def _order(problem: Problem) -> tuple[Any, ...]:
    return (problem.file, problem.line or 0, problem.column or 0, problem.message)
