"""How much text one case may hold, the same when it is saved and when it is read.

A referral's case file is a few pages of the practitioner's words. Without a bound, a 15 MB
string in one field made ``thresholds render`` run for minutes at half a gigabyte (the QA attack
run); 200,000 characters is about 60 printed pages, and a rationale of that size is made in well
under 2 s (``tests/pdf/test_case_text_limit.py``). The app refuses to save a case over the limit,
naming its longest parts, or more rows in a list than :data:`LIST_LIMITS` allow, so a file
it writes can always be read again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MAX_CASE_TEXT = 200_000  # characters in all the case's text values together
# Rows in each list (other children, next steps, information shared, reviews): a household of
# 2,700 took minutes to show; no referral needs more than this.
MAX_ROWS = 30
MAX_REVIEWS = 50
LIST_LIMITS = {"household": MAX_ROWS, "next_steps": MAX_ROWS, "shared": MAX_ROWS}


class CaseTooLongError(ValueError):
    """A case holds more text than a case file may."""


def _texts(value: Any, path: str) -> Iterator[tuple[str, int]]:
    if isinstance(value, str):
        yield path, len(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index + 1}]")


def check_case_size(document: dict[str, Any]) -> None:
    """Raise :class:`CaseTooLongError` when ``document`` holds more than a case file may."""
    rows = {
        "household": len(document.get("household") or ()),
        "next_steps": len(document.get("next_steps") or ()),
        "shared": len((document.get("consent") or {}).get("shared") or ()),
    }
    for name, count in rows.items():
        if count > LIST_LIMITS[name]:
            raise CaseTooLongError(
                f"The case lists {count} rows in {name}; a case file holds at most "
                f"{LIST_LIMITS[name]}."
            )
    if len(document.get("reviews") or ()) > MAX_REVIEWS:
        raise CaseTooLongError(f"The case holds more than {MAX_REVIEWS} MASH reviews.")
    sizes = list(_texts(document, ""))
    total = sum(size for _path, size in sizes)
    if total <= MAX_CASE_TEXT:
        return
    longest = sorted(sizes, key=lambda item: -item[1])[:3]
    parts = ", ".join(f"{path} ({size:,})" for path, size in longest)
    raise CaseTooLongError(
        f"The case holds {total:,} characters of text; a case file holds at most "
        f"{MAX_CASE_TEXT:,} (about 60 pages). Shorten its longest parts: {parts}."
    )
