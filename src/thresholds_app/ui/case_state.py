"""A thin Qt wrapper around the core :class:`CaseRecord`: one per assessment window.

Screens change the case only through this object, which re-runs the engine after every answer
and tells every view through signals. It holds no threshold logic: the level, consent advice and
contacts all come from :func:`thresholds_app.core.rules.engine.assess`. A new assessment always
starts from a fresh record (hazard H17) and the practitioner's decision is never filled from the
engine's output (hazard H01).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from thresholds_app.core.case.record import CaseRecord, HouseholdMember, NextStep, new_case
from thresholds_app.core.pack.model import Answer, Pack
from thresholds_app.core.rules.assessment import Assessment, Context

AssessFn = Callable[[Pack, Mapping[str, Answer], Context], Assessment]
Clock = Callable[[], datetime]


def default_assess_fn() -> AssessFn:
    """Return the core engine's ``assess`` (imported here so tests may inject another)."""
    from thresholds_app.core.rules.engine import assess

    return assess


class CaseState(QObject):
    """The case being assessed, and the engine's latest view of it.

    Signals:
        answer_changed(str): an answer (indicator or question id) was set or cleared.
        assessment_changed(object): the engine re-ran; the argument is the new Assessment.
        changed(): anything in the case changed (answers, household, free text, decision).
    """

    answer_changed = Signal(str)
    assessment_changed = Signal(object)
    changed = Signal()

    def __init__(
        self,
        pack: Pack,
        *,
        case: CaseRecord | None = None,
        assess_fn: AssessFn | None = None,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self.case = case if case is not None else new_case(pack)
        self._assess = assess_fn if assess_fn is not None else default_assess_fn()
        self._clock = clock if clock is not None else datetime.now
        self.assessment: Assessment = self._run()

    # -- reading --------------------------------------------------------------------------
    def now(self) -> datetime:
        """Return the clock's current time (injected in tests)."""
        return self._clock()

    def answer(self, answer_id: str) -> Answer | None:
        """Return the answer given for ``answer_id``, or None when unanswered."""
        return self.case.answers.get(answer_id)

    @property
    def age_band(self) -> str | None:
        """The child's age band, or None when not yet given."""
        return self.case.child.age_band

    # -- changing -------------------------------------------------------------------------
    def set_answer(self, answer_id: str, answer: Answer | None) -> None:
        """Record (or clear, with None) an answer and re-run the engine."""
        if self.case.answers.get(answer_id) == answer:
            return
        if answer is None:
            self.case.answers.pop(answer_id, None)
        else:
            self.case.answers[answer_id] = answer
        self.answer_changed.emit(answer_id)
        self.reassess()

    def set_age_band(self, age_band: str | None) -> None:
        """Set the child's age band (it changes which indicators apply) and re-run the engine."""
        if self.case.child.age_band == age_band:
            return
        self.case.child.age_band = age_band
        self.reassess()

    def load(self, case: CaseRecord) -> None:
        """Work on ``case`` from now on (a review started from a saved or open case)."""
        self.case = case
        self.reassess()

    # Named changes: screens call these rather than writing into ``case`` themselves, so every
    # change is announced (autosave, the unsaved flag, the live panel) in one way.
    def set_child_details(self, *, reference: str, name: str) -> None:
        """Record the case reference and (only if the practitioner opted in) the name."""
        self.case.child.reference = reference
        self.case.child.name = name
        self.changed.emit()

    def add_household_member(self) -> HouseholdMember:
        """Add an empty entry for another child in the household; return it."""
        member = HouseholdMember()
        self.case.household.append(member)
        self.changed.emit()
        return member

    def update_household_member(self, member: HouseholdMember, **fields: object) -> None:
        """Change what is recorded about one other child (``label``, ``outcome``…)."""
        for name, value in fields.items():
            if not hasattr(member, name):
                raise AttributeError(f"a household member has no field {name!r}")
            setattr(member, name, value)
        self.changed.emit()

    def remove_household_member(self, member: HouseholdMember) -> None:
        """Take one other child off the list."""
        self.case.household.remove(member)
        self.changed.emit()

    def set_decision(self, **fields: object) -> None:
        """Record the practitioner's decision (``level``, ``reasons``, ``differs_reason``)."""
        for name, value in fields.items():
            if not hasattr(self.case.decision, name):
                raise AttributeError(f"a decision has no field {name!r}")
            setattr(self.case.decision, name, value)
        self.changed.emit()

    def set_free_text(self, field_name: str, text: str) -> None:
        """Record one of the free-text answers (the worry, the child's voice…)."""
        if not hasattr(self.case.free_text, field_name):
            raise AttributeError(f"no free-text field {field_name!r}")
        setattr(self.case.free_text, field_name, text)
        self.changed.emit()

    def set_next_steps(self, steps: list[NextStep]) -> None:
        """Record the agreed next steps (empty rows left out by the caller)."""
        self.case.next_steps = list(steps)
        self.changed.emit()

    def set_referrer(self, **fields: str) -> None:
        """Record who is making the referral (``name``, ``role``, ``agency``, ``contact``)."""
        for name, value in fields.items():
            if not hasattr(self.case.referrer, name):
                raise AttributeError(f"a referrer has no field {name!r}")
            setattr(self.case.referrer, name, value)
        self.changed.emit()

    def take_review(self, review: CaseRecord) -> None:
        """Carry a step-up / step-down review of this case back into it.

        Its answers, age band and stepping record come in; the rest of the case (consent, the
        household, free text) the review did not change.
        """
        changed = set(review.answers.items()) ^ set(self.case.answers.items())
        self.case.answers = dict(review.answers)
        self.case.child.age_band = review.child.age_band
        self.case.stepping = review.stepping
        for answer_id in sorted({key for key, _value in changed}):
            self.answer_changed.emit(answer_id)
        self.reassess()

    def touch(self) -> None:
        """Tell listeners that a free-text or record field changed (no re-assessment needed)."""
        self.changed.emit()

    def reassess(self) -> None:
        """Re-run the engine with the current answers and tell every view."""
        self.assessment = self._run()
        self.assessment_changed.emit(self.assessment)
        self.changed.emit()

    def record_for_export(self) -> CaseRecord:
        """Return the case with the assessment as computed now, ready to save or render."""
        self.assessment = self._run()
        self.case.assessment = self.assessment
        return self.case

    def _run(self) -> Assessment:
        context = Context(age_band=self.case.child.age_band, now=self._clock())
        return self._assess(self.pack, dict(self.case.answers), context)
