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
    known = pack.answerable_ids()
    # When the pack model can say that an id was replaced by others, map each such answer to its
    # successors here first, so a renamed indicator is carried over rather than reported.
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
