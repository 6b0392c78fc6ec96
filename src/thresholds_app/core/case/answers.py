"""Answers in a case that the guidance pack does not know: found, located and shown, never silent.

The engine ignores an answer to an id the pack does not have (a mistyped id, or one a newer pack
dropped). A "yes" to a mistyped Level 4 indicator would then give a Level 3 rationale with no
notice, so every consumer (app, ``thresholds``, the rationale, a MASH review) asks here instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from thresholds_app.core.base.problems import Problem, did_you_mean

if TYPE_CHECKING:
    from thresholds_app.core.case.record import CaseRead, CaseRecord
    from thresholds_app.core.pack.model import Pack


def unknown_answer_ids(case: CaseRecord, pack: Pack) -> tuple[str, ...]:
    """Ids the case has an answer for that ``pack`` does not know, sorted."""
    # An answer to a retired id is carried to its replacements (pack.renames), not lost.
    known = pack.answerable_ids() | set(pack.replaced_by)
    return tuple(sorted(item_id for item_id in case.answers if item_id not in known))


def unknown_answer_problems(read: CaseRead, pack: Pack) -> list[Problem]:
    """A located problem for each answer in the file that ``pack`` does not know."""
    known = pack.answerable_ids()
    pack_words = f"{pack.manifest.id} {pack.manifest.version}"
    return [
        read.document.problem(
            ("answers", item_id),
            f"the answer '{read.case.answers[item_id]}' to '{item_id}' was not used: the guidance "
            f"pack {pack_words} has no question or indicator with this id"
            f"{did_you_mean(item_id, known)}.",
            key=True,
        )
        for item_id in unknown_answer_ids(read.case, pack)
    ]


def unknown_answers_notice(case: CaseRecord, pack: Pack) -> str:
    """The sentence a rationale shows when answers were not used, or an empty string."""
    unknown = unknown_answer_ids(case, pack)
    if not unknown:
        return ""
    listed = ", ".join(f"{item_id} ({case.answers[item_id]})" for item_id in unknown)
    return (
        f"Not used: this case holds answers to ids this guidance does not know: {listed}. "
        "They play no part in the level the guidance indicates; check the case file."
    )


def pack_switch_notice(case: CaseRecord, pack: Pack) -> str:
    """The sentence a rationale shows when the case was made with other guidance (hazard H04).

    A case started under another partnership's pack, or another version of this one, and
    finished under ``pack`` must say so on its rationale: otherwise it reads as if one set of
    thresholds had been applied throughout. Empty when the case was made with ``pack`` itself
    (or records no pack, as a new case does before it is first saved).
    """
    made = case.started_with or case.pack
    if not made.id:
        return ""
    now = pack.manifest
    if made.id != now.id:
        return (
            f"Guidance changed: this case was started with another partnership's guidance "
            f"({made.id} version {made.version or 'not recorded'}) and is assessed here with "
            f"{now.id} version {now.version}. Check every answer against this guidance."
        )
    if made.version != now.version:
        return (
            f"Guidance changed: this case was started with version {made.version or 'not recorded'}"
            f" of {now.id} and is assessed here with version {now.version}."
        )
    return ""
