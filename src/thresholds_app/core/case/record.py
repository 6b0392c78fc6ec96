"""A saved case: one JSON document per child, read and written only here.

The case record holds what the practitioner recorded (answers, household, free text, their own
decision, consent, referrer, next steps, reviewer notes) plus, for the record, the assessment as
it was computed. The practitioner's decision is never filled from the engine (hazard H01).
Files are written atomically (:mod:`thresholds_app.core.base.atomic`). Reading is checked in
:mod:`thresholds_app.core.case.reading`: a damaged, foreign or too-new file raises
:class:`CaseFileError` listing every problem with its line, never a traceback.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from thresholds_app.core.base.atomic import atomic_write_text
from thresholds_app.core.base.jsonread import without_lone_surrogates
from thresholds_app.core.base.problems import Problem
from thresholds_app.core.base.wording import identifier_text
from thresholds_app.core.case.codec import assessment_from_dict, assessment_to_dict
from thresholds_app.core.case.limits import check_case_size
from thresholds_app.core.case.reading import (
    CASE_FORMAT,
    CASE_FORMAT_VERSION,
    CaseDocument,
    CaseFileError,  # kept importable from here: every caller used to find it here
    check_case_text,
    read_case_bytes,
)
from thresholds_app.core.case.reviews import Review, review_from_dict, review_to_dict
from thresholds_app.core.pack.model import Answer, Pack
from thresholds_app.core.pack.renames import carry_forward, renamed_reasons
from thresholds_app.core.rules.assessment import Assessment, Context, level_in_words

__all__ = [
    "CASE_FORMAT_VERSION",
    "CaseFileError",
    "CaseRead",
    "CaseRecord",
    "load_case",
    "read_case",
    "save_case",
]

CONSENT_OUTCOMES = ("", "given", "refused", "not-asked", "not-needed")
STEPPING_DIRECTIONS = ("", "up", "down")

AssessFn = Callable[[Pack, Mapping[str, Answer], Context], Assessment]


def utc_now_iso() -> str:
    """Return the current UTC time as ISO 8601 with a ``Z``, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class PackRef:
    """Which guidance pack (and exact content) a case was assessed with."""

    id: str = ""
    version: str = ""
    hash: str = ""

    @classmethod
    def of(cls, pack: Pack) -> PackRef:
        """Return the reference to ``pack``."""
        return cls(pack.manifest.id, pack.manifest.version, pack.content_hash)


@dataclass
class ChildDetails:
    """The child, kept to the minimum a referral needs; the reference goes on every page."""

    reference: str = ""
    household_reference: str = ""  # shared by children of one household (MASH sibling groups)
    age_band: str | None = None
    name: str = ""  # optional; never printed in headers or file metadata
    date_of_birth: str = ""  # or expected date of delivery
    first_language: str = ""
    interpreter_needed: bool | None = None
    communication_needs: str = ""  # disability or needs that affect how to talk with the child
    setting: str = ""  # school, nursery or college
    current_safety: str = ""  # where the child is now and any immediate safety steps taken


@dataclass
class HouseholdMember:
    """Another child in the household or in contact: assessed, or a reason why not (H09)."""

    label: str = ""
    relationship: str = ""
    age_band: str | None = None
    assessed: bool = False
    outcome: str = ""
    reason_not_assessed: str = ""

    def resolved(self) -> bool:
        """Whether this child has an outcome or a recorded reason for not being assessed."""
        if self.assessed:
            return bool(self.outcome.strip())
        return bool(self.reason_not_assessed.strip())


@dataclass
class FreeText:
    """What the practitioner wrote in their own words."""

    worry: str = ""
    impact_on_daily_life: str = ""
    going_well: str = ""
    tried_so_far: str = ""
    child_voice: str = ""
    child_voice_not_obtained_reason: str = ""
    family_views: str = ""
    relatives_concerns: str = ""


@dataclass
class Decision:
    """The practitioner's own decision: never filled from the engine."""

    level: int | None = None
    reasons: str = ""
    differs_reason: str = ""  # why the decision differs from what the guidance indicates


@dataclass
class SharedInfo:
    """One piece of information shared: what, with whom, when and why."""

    what: str = ""
    with_whom: str = ""
    when: str = ""
    why: str = ""


@dataclass
class ConsentRecord:
    """The consent and information-sharing record."""

    sought: bool | None = None
    not_sought_reason: str = ""
    outcome: str = ""  # one of CONSENT_OUTCOMES
    by_whom: str = ""
    lawful_basis: str = ""
    shared: list[SharedInfo] = field(default_factory=list)
    manager_advice: str = ""


@dataclass
class Referrer:
    """Who is making the referral."""

    name: str = ""
    role: str = ""
    agency: str = ""
    contact: str = ""


@dataclass
class NextStep:
    """A SMART action: what, who, by when."""

    action: str = ""
    who: str = ""
    by_when: str = ""


@dataclass
class SteppingRecord:
    """A step up or step down, with the pack criteria that apply."""

    direction: str = ""  # "up" or "down"
    criteria: list[str] = field(default_factory=list)  # criterion ids from the pack
    notes: str = ""


@dataclass
class CaseRecord:
    """Everything recorded about one child's case."""

    case_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created: str = field(default_factory=utc_now_iso)
    updated: str = ""
    pack: PackRef = field(default_factory=PackRef)
    # The guidance the case was started with, kept when it is carried on under other guidance
    # (another version, or another partnership's pack: hazard H04); None while it is the same.
    started_with: PackRef | None = None
    child: ChildDetails = field(default_factory=ChildDetails)
    answers: dict[str, Answer] = field(default_factory=dict)
    household: list[HouseholdMember] = field(default_factory=list)
    free_text: FreeText = field(default_factory=FreeText)
    assessment: Assessment | None = None  # as computed, for the record
    decision: Decision = field(default_factory=Decision)
    consent: ConsentRecord = field(default_factory=ConsentRecord)
    referrer: Referrer = field(default_factory=Referrer)
    next_steps: list[NextStep] = field(default_factory=list)
    stepping: SteppingRecord | None = None
    reviews: list[Review] = field(default_factory=list)

    def context(self, now: datetime | None = None) -> Context:
        """Return the engine context for this case (age band and clock)."""
        return Context(age_band=self.child.age_band, now=now)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready document for this case."""
        return {
            "format": CASE_FORMAT,
            "format_version": CASE_FORMAT_VERSION,
            "case_id": self.case_id,
            "created": self.created,
            "updated": self.updated or self.created,
            "pack": _fields(self.pack),
            "started_with": None if self.started_with is None else _fields(self.started_with),
            "child": _fields(self.child),
            "answers": dict(sorted(self.answers.items())),
            "household": [_fields(m) for m in self.household],
            "free_text": _fields(self.free_text),
            "assessment": None if self.assessment is None else assessment_to_dict(self.assessment),
            "decision": _fields(self.decision),
            "consent": {
                **_fields(self.consent),
                "shared": [_fields(s) for s in self.consent.shared],
            },
            "referrer": _fields(self.referrer),
            "next_steps": [_fields(s) for s in self.next_steps],
            "stepping": None if self.stepping is None else _fields(self.stepping),
            "reviews": [review_to_dict(r) for r in self.reviews],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseRecord:
        """Build a case from a document already checked by :func:`check_case_text`."""
        consent = dict(data.get("consent") or {})
        shared = [SharedInfo(**s) for s in consent.pop("shared", [])]
        stepping = data.get("stepping")
        raw_assessment = data.get("assessment")
        return cls(
            case_id=data["case_id"],
            created=data["created"],
            updated=data.get("updated", ""),
            pack=PackRef(**data["pack"]),
            started_with=PackRef(**data["started_with"]) if data.get("started_with") else None,
            child=ChildDetails(**_identifiers(data.get("child", {}), CHILD_IDENTIFIERS)),
            answers=dict(data.get("answers", {})),
            household=[
                HouseholdMember(**_identifiers(m, MEMBER_IDENTIFIERS))
                for m in data.get("household", [])
            ],
            free_text=FreeText(**data.get("free_text", {})),
            assessment=None if raw_assessment is None else assessment_from_dict(raw_assessment),
            decision=Decision(**data.get("decision", {})),
            consent=ConsentRecord(shared=shared, **consent),
            referrer=Referrer(**_identifiers(data.get("referrer", {}), REFERRER_IDENTIFIERS)),
            next_steps=[NextStep(**s) for s in data.get("next_steps", [])],
            stepping=None if stepping is None else SteppingRecord(**stepping),
            reviews=[review_from_dict(r) for r in data.get("reviews", [])],
        )


# One-line fields shown in lists, headers and on every page: read without bidi controls, as the
# editor takes them (QA #7: a reference with U+202E showed reversed in one place only).
CHILD_IDENTIFIERS = ("reference", "household_reference", "name")
MEMBER_IDENTIFIERS = ("label", "relationship")
REFERRER_IDENTIFIERS = ("name", "role", "agency", "contact")


def _identifiers(data: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """``data`` with each of the ``names`` that holds text made an identifier (a copy)."""
    out = dict(data)
    for name in names:
        value = out.get(name)
        if isinstance(value, str):
            out[name] = identifier_text(value)
    return out


def _fields(obj: Any) -> dict[str, Any]:
    """Shallow copy of a dataclass's fields (lists copied), in declaration order."""
    return {k: list(v) if isinstance(v, list) else v for k, v in vars(obj).items()}


def new_case(pack: Pack | None = None) -> CaseRecord:
    """Return an empty case, tied to ``pack`` when given; the decision is always empty."""
    case = CaseRecord()
    case.updated = case.created
    if pack is not None:
        case.pack = PackRef.of(pack)
    return case


def case_to_json(case: CaseRecord) -> str:
    """Return the case as stable, human-readable JSON text that always encodes as UTF-8.

    A lone surrogate (half a character) is written as U+FFFD, as reading would show it.
    """
    return without_lone_surrogates(json.dumps(case.to_dict(), ensure_ascii=False, indent=2)) + "\n"


def save_case(case: CaseRecord, path: Path, *, touch: bool = True) -> None:
    """Write ``case`` to ``path`` atomically; a crash never leaves a half-written file.

    Raises :class:`~thresholds_app.core.case.limits.CaseTooLongError` (nothing written) when the
    case holds more text than a case file may, so every file saved can be read again.
    """
    check_case_size(case.to_dict())
    if touch:
        case.updated = utc_now_iso()
    atomic_write_text(Path(path), case_to_json(case))


@dataclass(frozen=True)
class CaseRead:
    """A case read from a file, what was changed on reading, and where each part sits."""

    case: CaseRecord
    document: CaseDocument

    @property
    def notices(self) -> tuple[Problem, ...]:
        """What was changed on reading (a broken character replaced), located."""
        return self.document.notices


def read_case(path: Path) -> CaseRead:
    """Read a case file; raise :class:`CaseFileError` listing every problem if it is not usable."""
    path = Path(path)
    return read_case_text(read_case_bytes(path), name=path.name)


def read_case_text(raw: bytes | str, *, name: str = "The file") -> CaseRead:
    """Read case JSON text; raise :class:`CaseFileError` listing every problem."""
    document = check_case_text(raw, name)
    try:
        case = CaseRecord.from_dict(document.data)
    except (TypeError, KeyError, ValueError, AttributeError):  # the schema should stop these
        problem = Problem(name, None, None, "", "it is damaged: a field has the wrong shape.")
        raise CaseFileError(name, [problem]) from None
    return CaseRead(case, document)


def load_case(path: Path) -> CaseRecord:
    """Read a case file (see :func:`read_case`, which also gives notices and positions)."""
    return read_case(path).case


def case_from_json(raw: bytes | str, *, name: str = "The file") -> CaseRecord:
    """Parse case JSON text (see :func:`read_case_text`)."""
    return read_case_text(raw, name=name).case


def reassess_if_pack_changed(case: CaseRecord, pack: Pack, assess_fn: AssessFn) -> list[str]:
    """Re-assess a case made with another pack version or content; return what changed.

    Returns an empty list when the case was made with exactly this pack. Otherwise the case's
    assessment and pack reference are updated and each message says, in plain words, one thing
    that changed. The practitioner's decision is left alone: they must look again.
    """
    current = PackRef.of(pack)
    if current == case.pack and case.assessment is not None:
        return []
    old = case.assessment
    answers, renamed = carry_forward(pack, case.answers)
    new = assess_fn(pack, answers, case.context())
    messages: list[str] = []
    if current != case.pack:
        before = f"{case.pack.id or 'unknown'} {case.pack.version or '?'} ({case.pack.hash[:12]})"
        after = f"{current.id} {current.version} ({current.hash[:12]})"
        messages.append(
            f"This case was made with guidance pack {before}; it was re-assessed with {after}."
        )
    messages.extend(_differences(old, new, min(pack.levels, default=None)))
    messages.extend(renamed)
    if old is not None:
        messages.extend(renamed_reasons(pack, old.rules_fired))
    unknown = sorted(set(case.answers) - pack.answerable_ids() - set(pack.replaced_by))
    if unknown:
        messages.append(
            "These answers are not in this pack and were not used: " + ", ".join(unknown) + "."
        )
    if len(messages) == 1 and old is not None:
        messages.append("The level the guidance indicates is unchanged.")
    if case.started_with is None and case.pack.id:
        case.started_with = case.pack  # the switch stays on the record (H04)
    case.assessment = new
    case.pack = current
    return messages


def _differences(old: Assessment | None, new: Assessment, lowest: int | None) -> list[str]:
    if old is None:
        return [f"The guidance now indicates {level_in_words(new, lowest)}."]
    out: list[str] = []
    if level_in_words(old, lowest) != level_in_words(new, lowest):
        out.append(
            f"The level the guidance indicates changed from {level_in_words(old, lowest)} "
            f"to {level_in_words(new, lowest)}."
        )
    if old.emergency != new.emergency:
        out.append(
            "Emergency action is now indicated."
            if new.emergency
            else "Emergency action is no longer indicated."
        )
    added = [r.label for r in new.reasons if r.rule_id not in set(old.rules_fired)]
    gone = [r.label for r in old.reasons if r.rule_id not in set(new.rules_fired)]
    out.extend(f"New reason: {label}." for label in added)
    out.extend(f"No longer a reason: {label}." for label in gone)
    return out
