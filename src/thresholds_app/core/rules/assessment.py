"""What the engine returns: the level the guidance indicates, and why.

These are plain, immutable data. The UI, the CLI, the rationale and the PDF all read them; none of
them works a level out for itself. The practitioner's own decision is *not* here: it lives in the
case record and is never filled from an :class:`Assessment`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from thresholds_app.core.pack.model import Answer


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


@dataclass(frozen=True)
class Change:
    """An answer that would change the indicated level, and to what."""

    id: str
    text: str
    answer: Answer
    direction: str  # "raise" or "lower"
    new_level: int | None


@dataclass(frozen=True)
class ContactAdvice:
    """Whom to call now, chosen by the time in the context."""

    id: str
    name: str
    phone: str
    open_now: bool | None
    why: str


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

    @property
    def rules_fired(self) -> tuple[str, ...]:
        """Ids of every rule that fired, in the stable order of the reasons."""
        return tuple(r.rule_id for r in self.reasons)
