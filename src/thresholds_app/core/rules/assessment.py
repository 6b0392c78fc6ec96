"""What the engine returns: the level the guidance indicates, and why.

These are plain, immutable data. The UI, the CLI, the rationale and the PDF all read them; none of
them works a level out for itself. The practitioner's own decision is *not* here: it lives in the
case record and is never filled from an :class:`Assessment`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from thresholds_app.core.pack.model import Answer, phone_text


@dataclass(frozen=True)
class Context:
    """Facts about the case that are not answers: the child's age band and the clock.

    The engine never reads the clock itself, so the same inputs always give the same output.
    """

    age_band: str | None = None
    now: datetime | None = None


@dataclass(frozen=True)
class AnswerRef:
    """An answer that a rule relied on, with the indicator's or question's text."""

    id: str
    answer: Answer | None
    text: str
    level: int | None
    source: str
    next_step: str = ""  # for a gap: what to do to find out (e.g. complete a DASH risk check)

    def gap_words(self) -> str:
        """The gap as one line: its text and, when there is one, what to do to find out."""
        return f"{self.text} Next step: {self.next_step}" if self.next_step else self.text


@dataclass(frozen=True)
class Reason:
    """A rule that fired, with the answers behind it and its source."""

    rule_id: str
    label: str
    explanation: str
    level: int | None
    source: str
    answers: tuple[AnswerRef, ...]


def level_shown(level: int | None, enough_answered: bool, lowest: int | None) -> int | None:
    """The level a screen states for a result, or None for "not enough answered yet".

    Until enough is answered a level above the lowest is still shown ("at least Level 3"), as
    more answers can only add to it; the lowest level, meaning nothing of concern was found, is
    not (issue 11).
    """
    if enough_answered or level != lowest:
        return level
    return None


def level_in_words(
    assessment: Assessment, lowest: int | None, *, none: str = "insufficient information"
) -> str:
    """What ``assessment`` indicates in a few words, never a bare level before it is settled.

    "Level 3"; before enough is answered "at least Level 3" (or "not enough answered" where
    only the lowest level would be shown, see :func:`level_shown`); ``none`` for no level.
    """
    if assessment.enough_answered:
        level = assessment.indicated_level
        return none if level is None else f"Level {level}"
    shown = level_shown(assessment.indicated_level, False, lowest)
    return "not enough answered" if shown is None else f"at least Level {shown}"


@dataclass(frozen=True)
class Change:
    """An answer that would change what is shown as the indicated level, and to what."""

    id: str
    text: str
    answer: Answer
    direction: str  # "raise" or "lower"
    new_level: int | None
    # Whether enough would then be answered to rely on the level: if not, the screen would say
    # "Not enough answered yet" (or "At least Level N"), and so must the change.
    enough_answered: bool = True


@dataclass(frozen=True)
class ContactAdvice:
    """Whom to call now, chosen by the time in the context."""

    id: str
    name: str
    phone: str
    open_now: bool | None
    why: str
    time_rule: str = ""  # the clock rule behind this line, e.g. "Christmas Day: ... closed"
    # False for a line listed for later or for urgent protection only (the out-of-hours team
    # while the office is open, a closed office), so screens never say "call" it now.
    call_now: bool = True
    set_by_organisation: bool = False  # the organisation replaced the pack's number

    @property
    def phone_text(self) -> str:
        """The number as shown, marked when the organisation set it."""
        return phone_text(self.phone, self.set_by_organisation)


@dataclass(frozen=True)
class ConsentAdvice:
    """The consent and information-sharing pathway for the indicated level."""

    level: int | None
    consent_needed: str
    from_whom: str
    if_refused: str
    consent_refused: bool
    consider_step_up: bool
    tell_parents: str
    do_not_tell_parents: bool
    lawful_basis: tuple[str, ...]
    record: tuple[str, ...]
    step_up_to: int | None = None  # the level to consider when ``consider_step_up``


@dataclass(frozen=True)
class Assessment:
    """The engine's answer for one child."""

    pack_id: str
    pack_version: str
    pack_hash: str
    indicated_level: int | None  # None = insufficient information
    emergency: bool
    reasons: tuple[Reason, ...]
    missing: tuple[AnswerRef, ...]  # questions that would settle an insufficient result
    gaps: tuple[AnswerRef, ...]  # "not known" answers that matter
    warnings: tuple[str, ...]
    what_would_change: tuple[Change, ...]
    strengths: tuple[AnswerRef, ...]
    topics: tuple[str, ...]
    consent: ConsentAdvice
    next_steps: tuple[str, ...]
    contacts: tuple[ContactAdvice, ...]
    # At Level 4: already-open, child-protection (s47) or child-in-need (s17); else None.
    route: str | None = None
    # Pack dates on the day of the context's clock ("" when no clock was given): after the
    # pack's expiry the level is withheld (``indicated_level`` is None, ``level_withheld``).
    pack_state: str = ""
    pack_notice: str = ""  # the banner: due for review, expired or not yet in force
    level_withheld: bool = False
    # Whether enough is answered to rely on the level, and what to answer next if not.
    enough_answered: bool = True
    to_answer_next: tuple[str, ...] = ()
    # Immediate danger answered "not known" (and no emergency): a possible danger, shown as
    # prominently as an emergency until it is ruled out.
    danger_not_known: bool = False
    # Concerns at the statutory level marked "not known" while the guidance indicates less:
    # if any is so, the level is too low (the ids, in the order of ``gaps``).
    statutory_not_known: tuple[str, ...] = ()

    @property
    def settled_level(self) -> int | None:
        """The indicated level once enough is answered to rely on it, else None."""
        return self.indicated_level if self.enough_answered else None

    @property
    def rules_fired(self) -> tuple[str, ...]:
        """Ids of every rule that fired, in the stable order of the reasons."""
        return tuple(r.rule_id for r in self.reasons)
