"""Whether a rationale is ready to export, and if not, why not (hazards H01, H09, H12).

Each :class:`Blocker` is structured data: what kind of thing is missing, the step and the field
where the practitioner fixes it (and which child in the household, where that matters), and one
plain sentence saying what to add. Screens route "Go there" from ``step`` and ``field`` and never
read the words. The UI disables export while there are blockers; the CLI refuses to render unless
asked to make a draft.
"""

from __future__ import annotations

from thresholds_app.core.base.records import record
from thresholds_app.core.base.wording import level_label
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import Assessment

# The steps of an assessment, by key, in the order a practitioner meets them.
STEP_KEYS = ("safety", "child", "needs", "consent", "decision")


@record
class Blocker:
    """One thing that must be recorded before the rationale can be exported.

    ``kind`` names the check (e.g. ``"unanswered-question"``, ``"household-member"``); ``step`` is
    one of :data:`STEP_KEYS`; ``field`` is the case field that fixes it, as a dotted path
    (``"child.reference"``, ``"answers.immediate-danger"``, ``"household[1].outcome"``);
    ``household_index`` is the 0-based index of the child in ``case.household`` it is about.
    """

    kind: str
    step: str
    field: str
    message: str
    household_index: int | None = None

    def __str__(self) -> str:
        return self.message


def _short(text: str, limit: int = 60) -> str:
    """A label short enough to quote in a message (the full text stays in the case)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def find_blockers(
    pack: Pack, case: CaseRecord, assessment: Assessment | None
) -> tuple[Blocker, ...]:
    """Return why the rationale cannot be exported yet, in step order (empty: ready)."""
    blockers: list[Blocker] = []
    blockers.extend(_question_blockers(pack, case))
    if not case.child.reference.strip():
        blockers.append(
            Blocker(
                "reference",
                "child",
                "child.reference",
                "Give the child a case reference: it is printed on every page instead of a name.",
            )
        )
    blockers.extend(_household_blockers(pack, case))
    if assessment is None:
        blockers.append(
            Blocker(
                "not-assessed",
                "needs",
                "answers",
                "The case has not been assessed against the guidance yet.",
            )
        )
    blockers.extend(_consent_blockers(case))
    blockers.extend(_decision_blockers(case, assessment))
    if not case.free_text.worry.strip():
        blockers.append(
            Blocker("worry", "decision", "free_text.worry", "Say what you are worried about.")
        )
    voice = case.free_text
    if not voice.child_voice.strip() and not voice.child_voice_not_obtained_reason.strip():
        blockers.append(
            Blocker(
                "child-voice",
                "decision",
                "free_text.child_voice",
                "Record the child's voice in their own words, or say why it could not be obtained.",
            )
        )
    if not voice.family_views.strip():
        blockers.append(
            Blocker(
                "family-views",
                "decision",
                "free_text.family_views",
                "Record the family's views, or say why they are not known.",
            )
        )
    blockers.extend(_next_step_blockers(case))
    if not case.referrer.name.strip() or not case.referrer.agency.strip():
        field = "referrer.name" if not case.referrer.name.strip() else "referrer.agency"
        blockers.append(
            Blocker("referrer", "decision", field, "Add your name and agency as the referrer.")
        )
    return tuple(blockers)


def _question_blockers(pack: Pack, case: CaseRecord) -> list[Blocker]:
    """The immediate-danger question (and any other mandatory one) needs a yes or no.

    A rationale must never go out with an unanswered danger question read as "No" (issue 11).
    """
    ids = dict.fromkeys((pack.roles.immediate_danger, *pack.manifest.mandatory_questions))
    out: list[Blocker] = []
    for question_id in ids:
        if case.answers.get(question_id) in ("yes", "no"):
            continue
        question = pack.questions.get(question_id)
        text = question.text if question else question_id
        step = "safety" if question_id == pack.roles.immediate_danger else "needs"
        out.append(
            Blocker(
                "unanswered-question",
                step,
                f"answers.{question_id}",
                f"Answer yes or no: {_short(text, 90)}",
            )
        )
    return out


def _decision_blockers(case: CaseRecord, assessment: Assessment | None) -> list[Blocker]:
    out: list[Blocker] = []
    decision = case.decision
    if decision.level is None:
        out.append(
            Blocker(
                "decision",
                "decision",
                "decision.level",
                "Record your own decision: the level of need you judge applies.",
            )
        )
    if not decision.reasons.strip():
        out.append(
            Blocker(
                "decision-reasons",
                "decision",
                "decision.reasons",
                "Write the reasons for your decision.",
            )
        )
    if assessment is None or decision.level is None or decision.differs_reason.strip():
        return out
    indicated = assessment.settled_level
    if indicated is None:
        if assessment.level_withheld:
            why = "The guidance's level is not shown (the guidance is not in force)"
        elif not assessment.enough_answered:
            why = "Not enough is answered for the guidance to indicate a level"
        else:
            why = "The guidance could not indicate a level (insufficient information)"
        why += ": explain how you reached your decision."
        out.append(Blocker("differs-reason", "decision", "decision.differs_reason", why))
    elif decision.level != indicated:
        out.append(
            Blocker(
                "differs-reason",
                "decision",
                "decision.differs_reason",
                f"Your decision ({level_label(decision.level)}) differs from what the guidance "
                f"indicates ({level_label(indicated)}): explain why.",
            )
        )
    return out


def _household_blockers(pack: Pack, case: CaseRecord) -> list[Blocker]:
    out: list[Blocker] = []
    question = pack.roles.other_children
    if not case.household and case.answers.get(question) != "yes":
        out.append(
            Blocker(
                "household-list",
                "child",
                f"answers.{question}",
                "List every other child in the household or in contact, or confirm there are none.",
            )
        )
    for index, member in enumerate(case.household):
        name = _short(member.label) or f"Child {index + 1} in the household"
        if member.assessed and not member.outcome.strip():
            out.append(
                Blocker(
                    "household-member",
                    "child",
                    f"household[{index}].outcome",
                    f"Record the outcome of assessing {name}.",
                    index,
                )
            )
        elif not member.assessed and not member.reason_not_assessed.strip():
            out.append(
                Blocker(
                    "household-member",
                    "child",
                    f"household[{index}].reason_not_assessed",
                    f"Say whether {name} has been assessed, and if not, why not.",
                    index,
                )
            )
    return out


def _consent_blockers(case: CaseRecord) -> list[Blocker]:
    consent = case.consent

    def blocker(field: str, message: str) -> list[Blocker]:
        return [Blocker("consent", "consent", f"consent.{field}", message)]

    if consent.sought is None:
        return blocker(
            "sought", "Say whether consent was sought from the family (or the young person)."
        )
    if consent.sought is False and not consent.not_sought_reason.strip():
        return blocker("not_sought_reason", "Say why consent was not sought.")
    if consent.sought is True and consent.outcome not in ("given", "refused"):
        return blocker("outcome", "Record whether consent was given or refused, and by whom.")
    if consent.sought is True and not consent.by_whom.strip():
        return blocker("by_whom", "Record who gave or refused consent.")
    return []


def _next_step_blockers(case: CaseRecord) -> list[Blocker]:
    if not case.next_steps:
        return [
            Blocker(
                "next-step",
                "decision",
                "next_steps",
                "Add at least one next step: what will happen, who will do it and by when.",
            )
        ]
    out: list[Blocker] = []
    for number, step in enumerate(case.next_steps, start=1):
        missing = [
            (label, name)
            for label, name, value in (
                ("what will happen", "action", step.action),
                ("who will do it", "who", step.who),
                ("by when", "by_when", step.by_when),
            )
            if not value.strip()
        ]
        if missing:
            out.append(
                Blocker(
                    "next-step",
                    "decision",
                    f"next_steps[{number - 1}].{missing[0][1]}",
                    f"Next step {number} needs " + " and ".join(m[0] for m in missing) + ".",
                )
            )
    return out
