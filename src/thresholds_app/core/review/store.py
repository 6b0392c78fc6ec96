"""Save a MASH review into a case file while keeping the referrer's part byte-for-byte.

A case file is one JSON object. Its **referrer's part** is every top-level member except
``reviews`` (the MASH's part) and the value of ``format_version`` (the envelope, raised to 2 when
a format-1 file gets its first structured review). Saving a review rewrites only the ``reviews``
member's text (or adds it before the closing brace); every other byte of the file, whitespace
and key order included, stays as the referrer saved it. Each review records the SHA-256 of the
referrer's part it was made against (:func:`referral_fingerprint`), so a later reader can tell
whether the referral was changed after it was reviewed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from thresholds_app.core.base.atomic import atomic_write_bytes
from thresholds_app.core.case.reading import read_case_bytes, refuse
from thresholds_app.core.case.record import CASE_FORMAT_VERSION, case_from_json
from thresholds_app.core.case.reviews import Review, review_to_dict

MASH_MEMBERS = ("reviews",)
ENVELOPE_VALUES = ("format_version",)
_BOM = "\ufeff"


def _members(text: str) -> dict[str, tuple[int, int, int]]:
    """Top-level members of a JSON object: name -> (start of name, start of value, end of value).

    Uses the standard library's decoder for each string and value, so it agrees with ``json``.
    """
    decoder = json.JSONDecoder()
    spans: dict[str, tuple[int, int, int]] = {}

    def skip(i: int) -> int:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        return i

    i = skip(0)
    if text[i : i + 1] != "{":
        raise ValueError("not an object")
    i = skip(i + 1)
    if text[i : i + 1] == "}":
        return spans
    while True:
        key_start = i
        key, i = decoder.raw_decode(text, i)
        i = skip(i)
        if text[i : i + 1] != ":":
            raise ValueError("expected a colon")
        value_start = skip(i + 1)
        _, value_end = decoder.raw_decode(text, value_start)
        spans[key] = (key_start, value_start, value_end)
        i = skip(value_end)
        if text[i : i + 1] == "}":
            return spans
        if text[i : i + 1] != ",":
            raise ValueError("expected a comma")
        i = skip(i + 1)


def referral_part(raw: bytes) -> bytes:
    """The referrer's part of a case file's bytes (the file without the MASH's members)."""
    text = raw.decode("utf-8")
    spans = _members(text.removeprefix(_BOM))
    offset = len(text) - len(text.removeprefix(_BOM))
    cuts = [_member_cut(spans, name) for name in MASH_MEMBERS if name in spans]
    for name in ENVELOPE_VALUES:
        if name in spans:
            _, start, end = spans[name]
            cuts.append((start, end))
    out, at = [], 0
    for start, end in sorted(cuts):
        out.append(text[at : start + offset])
        at = end + offset
    out.append(text[at:])
    return "".join(out).encode("utf-8")


def _member_cut(spans: dict[str, tuple[int, int, int]], name: str) -> tuple[int, int]:
    """The text a member takes, with the comma that joins it to its neighbour."""
    order = sorted(spans.values())
    key_start, _, value_end = spans[name]
    k = order.index(spans[name])
    if k > 0:
        return order[k - 1][2], value_end  # from the end of the member before
    if k + 1 < len(order):
        return key_start, order[k + 1][0]  # first member: up to the next one
    return key_start, value_end


def referral_fingerprint(raw: bytes) -> str:
    """SHA-256 (hex) of the referrer's part of a case file."""
    return hashlib.sha256(referral_part(raw)).hexdigest()


def _reviews_json(reviews: list[Review]) -> str:
    """The ``reviews`` value laid out as the app lays out a whole case (two-space indents)."""
    body = json.dumps([review_to_dict(r) for r in reviews], ensure_ascii=False, indent=2)
    return body.replace("\n", "\n  ")


def with_reviews(raw: bytes, reviews: list[Review]) -> bytes:
    """The case file ``raw`` with its MASH reviews set to ``reviews``; nothing else changes."""
    text = raw.decode("utf-8")
    body = text.removeprefix(_BOM)
    prefix = text[: len(text) - len(body)]
    spans = _members(body)
    value = _reviews_json(reviews)
    edits: list[tuple[int, int, str]] = []
    if "reviews" in spans:
        _, start, end = spans["reviews"]
        edits.append((start, end, value))
    else:
        close = body.rstrip().rfind("}")
        last_end = max((end for _, _, end in spans.values()), default=None)
        at = close if last_end is None else last_end
        sep = "" if last_end is None else ","
        edits.append((at, at, f'{sep}\n  "reviews": {value}'))
    if "format_version" in spans:
        _, start, end = spans["format_version"]
        if body[start:end] != str(CASE_FORMAT_VERSION):
            edits.append((start, end, str(CASE_FORMAT_VERSION)))
    for start, end, new in sorted(edits, reverse=True):
        body = body[:start] + new + body[end:]
    return (prefix + body).encode("utf-8")


def add_review(path: Path, review: Review) -> bytes:
    """Append ``review`` to the case file at ``path``; return the bytes written.

    The file must be a readable case. The review is stamped with the fingerprint of the
    referrer's part; after writing, the file is read back and the referrer's part compared
    byte for byte (a mismatch would be a bug here, and nothing is written in that case).

    A review identical in every field to one already in the file (the same reviewer, times,
    level, reasons, RAG and outcome, against the same referral) is refused: it would be the
    same decision counted twice, by a second click or a second window on the same file.
    """
    raw = read_case_bytes(path)
    case = case_from_json(raw, name=Path(path).name)
    review.referral_sha256 = referral_fingerprint(raw)
    if already_saved(raw, case.reviews, review):
        raise refuse(
            Path(path).name, "this review is already in the case file, so it was not added again."
        )
    new = with_reviews(raw, [*case.reviews, review])
    if referral_part(new) != referral_part(raw):
        raise refuse(
            Path(path).name, "the review could not be added without changing the referral."
        )
    case_from_json(new, name=Path(path).name)  # still a readable case
    atomic_write_bytes(Path(path), new)
    return new


def already_saved(raw: bytes, reviews: list[Review], review: Review) -> bool:
    """Whether ``review``, made against the referral in ``raw``, is one of ``reviews`` already."""
    return replace(review, referral_sha256=referral_fingerprint(raw)) in reviews


def referral_changed_since(raw: bytes, review: Review) -> bool:
    """Whether the referrer's part differs from the one ``review`` was made against."""
    return bool(review.referral_sha256) and review.referral_sha256 != referral_fingerprint(raw)
