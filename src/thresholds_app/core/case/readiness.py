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
from thresholds_app.core.case.decision import below_guidance, consent_refused
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.core.rules.consent import step_up_level
from thresholds_app.core.rules.engine import DANGER_NOT_KNOWN_STEP

# A decision below a statutory level the guidance indicates needs a reason at least this long.
MIN_WORDS_BELOW_STATUTORY = 15

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
    blockers.extend(_decision_blockers(pack, case, assessment))
    blockers.extend(_step_up_blockers(pack, case, assessment))
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
        danger = question_id == pack.roles.immediate_danger
        message = f"Answer yes or no: {_short(text, 90)}"
        if danger and case.answers.get(question_id) == "not-known":
            message += f" (answered not known). {DANGER_NOT_KNOWN_STEP}"
        out.append(
            Blocker(
                "unanswered-question",
                "safety" if danger else "needs",
                f"answers.{question_id}",
                message,
            )
        )
    return out


def _decision_blockers(
    pack: Pack, case: CaseRecord, assessment: Assessment | None
) -> list[Blocker]:
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
    if assessment is None or decision.level is None:
        return out
    if decision.differs_reason.strip():
        out.extend(_below_statutory_blockers(pack, case, assessment))
        return out
    indicated = assessment.settled_level
    if indicated is None:
        at_least = assessment.indicated_level
        if assessment.level_withheld:
            why = "The guidance's level is not shown (the guidance is not in force)"
        elif not assessment.enough_answered and at_least is not None:
            why = (
                f"The guidance indicates at least {level_label(at_least)}, but not enough is "
                "answered yet to rely on it"
            )
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


def _below_statutory_blockers(
    pack: Pack, case: CaseRecord, assessment: Assessment
) -> list[Blocker]:
    """A decision below a statutory level the guidance indicates needs a full reason.

    The practitioner may disagree with the guidance, but "Family is cooperating." is not enough
    to set aside possible significant harm: the reason must say what was checked and with whom.
    """
    decided = case.decision.level
    indicated = below_guidance(assessment, decided)
    if indicated is None or indicated < pack.roles.statutory_level:
        return []
    if len(case.decision.differs_reason.split()) >= MIN_WORDS_BELOW_STATUTORY:
        return []
    return [
        Blocker(
            "differs-reason",
            "decision",
            "decision.differs_reason",
            f"Your decision ({level_label(decided)}) is below {level_label(indicated)}, which "
            f"the guidance indicates: explain in full (at least {MIN_WORDS_BELOW_STATUTORY} "
            "words) what you checked, who you discussed it with (your safeguarding lead or the "
            "MASH) and why the child is not at risk of significant harm.",
        )
    ]


def _step_up_blockers(pack: Pack, case: CaseRecord, assessment: Assessment | None) -> list[Blocker]:
    """Consent refused at a level that asks for a step-up decision: the review must be done.

    Either level in force counts, the guidance's or the practitioner's decision, so Level 3
    reached by adding up Level 2 needs counts as much as a single Level 3 concern. A decision at
    the higher level, or a step-up review recorded, settles it.
    """
    if not consent_refused(pack, case):
        return []
    if case.stepping is not None and case.stepping.direction == "up":
        return []
    indicated = assessment.settled_level if assessment is not None else None
    decided = case.decision.level
    candidates = [n for n in (decided, indicated) if n is not None]
    level = next((n for n in candidates if step_up_asked(pack, n)), None)
    if level is None:
        return []
    higher = step_up_level(pack, level)
    if higher is None or (decided is not None and decided >= higher):
        return []
    return [
        Blocker(
            "step-up-decision",
            "decision",
            "stepping",
            f"Consent was refused at {level_label(level)}: open the step-up review (Consider a "
            f"step up) and record the decision about stepping up to {level_label(higher)}, or "
            f"record {level_label(higher)} as your decision.",
        )
    ]


def step_up_asked(pack: Pack, level: int) -> bool:
    """Whether the pack asks for a step-up decision when consent is refused at ``level``."""
    guide = pack.consent.levels.get(level)
    return guide is not None and guide.consider_step_up_if_refused


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
