"""Old answers under new ids: read a case file made with an earlier pack version (issue 12, s8).

A pack records in ``ids.yaml`` what replaced each id it retired (:attr:`Pack.replaced_by`). When a
case made with an older pack is re-assessed, an answer to a retired id is carried to its
replacement when there is exactly one, and every mapping is described in plain words so the
practitioner (or a MASH reviewer) sees it. A split id is never carried to all of its parts: one
"yes" could then count as several needs, so the practitioner is asked to answer the parts again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from thresholds_app.core.pack.model import Pack

A = TypeVar("A", bound=str)


def carry_forward(pack: Pack, answers: Mapping[str, A]) -> tuple[dict[str, A], list[str]]:
    """The answers with retired ids mapped to their replacements, and what was done, in words."""
    known = pack.answerable_ids()
    mapped = {k: v for k, v in answers.items() if k in known}
    notes: list[str] = []
    for old, answer in sorted(answers.items()):
        if old in known or old not in pack.replaced_by:
            continue
        new = [n for n in pack.replaced_by[old] if n in known]
        if len(new) == 1 and new[0] not in answers:
            mapped[new[0]] = answer
            notes.append(
                f"'{old}' has been replaced by '{new[0]}' in this pack; the answer "
                f'"{answer}" was carried over. Check it still fits.'
            )
        elif len(new) > 1:
            notes.append(
                f"'{old}' has been split into {_names(new)}; its answer \"{answer}\" was not "
                "carried over. Answer each of them again."
            )
        elif not pack.replaced_by[old]:
            notes.append(f"'{old}' has been retired from this pack with no replacement.")
    return mapped, notes


def renamed_reasons(pack: Pack, rule_ids: Iterable[str]) -> list[str]:
    """Plain words for each earlier reason (rule id) that this pack has renamed or split."""
    current = {r.id for r in pack.rules}
    notes = []
    for old in rule_ids:
        if old in current or old not in pack.replaced_by:
            continue
        new = pack.replaced_by[old]
        if new:
            notes.append(f"The earlier reason '{old}' is now {_names(new)} in this pack.")
        else:
            notes.append(f"The earlier reason '{old}' has been retired from this pack.")
    return notes


def _names(ids: Iterable[str]) -> str:
    items = [f"'{i}'" for i in ids]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
