"""A saved case: one JSON document per child, read and written only here.

The case record holds what the practitioner recorded (answers, household, free text, their own
decision, consent, referrer, next steps, reviewer notes) plus, for the record, the assessment as
it was computed. The practitioner's decision is never filled from the engine (hazard H01).
Files are written atomically (:mod:`thresholds_app.core.base.atomic`); a damaged, foreign or too-new
file raises :class:`CaseFileError` with a plain message, never a traceback.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from thresholds_app.core.base.atomic import atomic_write_text
from thresholds_app.core.case.codec import assessment_from_dict, assessment_to_dict
from thresholds_app.core.case.reviews import (
    Review,
    review_from_dict,
    review_to_dict,
    upgrade_document,
)
from thresholds_app.core.pack.model import ANSWERS, Answer, Pack
from thresholds_app.core.rules.assessment import Assessment, Context
from thresholds_app.paths import schema_dir

CASE_FORMAT = "thresholds-case"
CASE_FORMAT_VERSION = 2  # 2: structured MASH reviews (format 1 is upgraded on reading)
MAX_CASE_BYTES = 20 * 1024 * 1024  # a case is text; anything bigger is not ours
CONSENT_OUTCOMES = ("", "given", "refused", "not-asked", "not-needed")
STEPPING_DIRECTIONS = ("", "up", "down")

AssessFn = Callable[[Pack, Mapping[str, Answer], Context], Assessment]


class CaseFileError(Exception):
    """A case file cannot be read; the message is plain English for the practitioner."""


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
        """Build a case from a document already checked by :func:`check_document`."""
        consent = dict(data.get("consent") or {})
        shared = [SharedInfo(**s) for s in consent.pop("shared", [])]
        stepping = data.get("stepping")
        raw_assessment = data.get("assessment")
        return cls(
            case_id=data["case_id"],
            created=data["created"],
            updated=data.get("updated", ""),
            pack=PackRef(**data["pack"]),
            child=ChildDetails(**data.get("child", {})),
            answers=dict(data.get("answers", {})),
            household=[HouseholdMember(**m) for m in data.get("household", [])],
            free_text=FreeText(**data.get("free_text", {})),
            assessment=None if raw_assessment is None else assessment_from_dict(raw_assessment),
            decision=Decision(**data.get("decision", {})),
            consent=ConsentRecord(shared=shared, **consent),
            referrer=Referrer(**data.get("referrer", {})),
            next_steps=[NextStep(**s) for s in data.get("next_steps", [])],
            stepping=None if stepping is None else SteppingRecord(**stepping),
            reviews=[review_from_dict(r) for r in data.get("reviews", [])],
        )


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
    """Return the case as stable, human-readable JSON text that always encodes as UTF-8."""
    text = json.dumps(case.to_dict(), ensure_ascii=False, indent=2) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON escapes keep it exactly, UTF-8 cannot
        text = json.dumps(case.to_dict(), ensure_ascii=True, indent=2) + "\n"
    return text


def save_case(case: CaseRecord, path: Path, *, touch: bool = True) -> None:
    """Write ``case`` to ``path`` atomically; a crash never leaves a half-written file."""
    if touch:
        case.updated = utc_now_iso()
    atomic_write_text(Path(path), case_to_json(case))


def load_case(path: Path) -> CaseRecord:
    """Read a case file; raise :class:`CaseFileError` with a plain message if it is not usable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_CASE_BYTES:
            raise CaseFileError(f"{path.name} is too large to be a case file.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseFileError(f"{path.name} could not be found.") from None
    except IsADirectoryError:
        raise CaseFileError(f"{path.name} is a folder, not a case file.") from None
    except OSError as exc:
        raise CaseFileError(f"{path.name} could not be read ({exc.strerror}).") from None
    return case_from_json(raw, name=path.name)


def case_from_json(raw: bytes | str, *, name: str = "The file") -> CaseRecord:
    """Parse case JSON text; raise :class:`CaseFileError` with a plain message on any problem."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        data = json.loads(text)
    except UnicodeDecodeError:
        raise CaseFileError(f"{name} is not a case file (it is not UTF-8 text).") from None
    except (json.JSONDecodeError, RecursionError):
        raise CaseFileError(
            f"{name} is not a case file, or it is damaged (it is not valid JSON)."
        ) from None
    data = upgrade_document(data)
    check_document(data, name=name)
    try:
        return CaseRecord.from_dict(data)
    except (TypeError, KeyError, ValueError, AttributeError):  # the schema should stop these
        raise CaseFileError(f"{name} is damaged: a field has the wrong shape.") from None


def check_document(data: Any, *, name: str = "The file") -> None:
    """Raise :class:`CaseFileError` unless ``data`` is a case document this app can read."""
    if not isinstance(data, dict) or data.get("format") != CASE_FORMAT:
        raise CaseFileError(f"{name} is not a thresholds case file.")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CaseFileError(f"{name} is damaged: its format version is missing or not a number.")
    if version > CASE_FORMAT_VERSION:
        raise CaseFileError(
            f"{name} was saved by a newer version of the app (case format {version}; this app "
            f"reads up to {CASE_FORMAT_VERSION}). Open it with the newer version."
        )
    problems = schema_problems(data)
    if problems:
        raise CaseFileError(f"{name} is damaged: {problems[0]}")
    bad = sorted(k for k, v in data["answers"].items() if v not in ANSWERS)
    if bad:
        raise CaseFileError(
            f"{name} is damaged: the answer to {bad[0]} is not yes, no or not known."
        )


@lru_cache(maxsize=1)
def _case_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (schema_dir() / "case.schema.json").read_text(encoding="utf-8")
    )
    return schema


@lru_cache(maxsize=1)
def _fast_check() -> Callable[[Any], object]:
    # fastjsonschema compiles the schema to Python once (about 0.2 s): a good case is then
    # accepted in a fraction of a millisecond, which a folder of 500 files needs (jsonschema
    # takes several ms a file). It knows drafts up to 7; the case schema uses only keywords
    # that mean the same in 2020-12, and a test checks the two agree.
    import fastjsonschema

    check: Callable[[Any], object] = fastjsonschema.compile(_case_schema())
    return check


def schema_problems(data: Any) -> list[str]:
    """Return plain messages for every way ``data`` breaks ``case.schema.json`` (best first)."""
    import fastjsonschema

    try:
        _fast_check()(data)
    except fastjsonschema.JsonSchemaException:
        pass  # jsonschema explains what is wrong
    else:
        return []
    import jsonschema  # imported here: only opening a file pays for it

    validator = jsonschema.Draft202012Validator(_case_schema())
    errors = sorted(
        validator.iter_errors(data), key=lambda e: (len(e.path), list(map(str, e.path)))
    )
    return [_schema_message(e) for e in errors]


def _schema_message(error: Any) -> str:
    where = "/".join(str(p) for p in error.path) or "the top level"
    validator = error.validator
    if validator == "required":
        return f"{where}: {error.message.split(chr(39))[1]} is missing."
    if validator == "additionalProperties":
        return f"{where}: has a field this app does not know ({error.message})."
    if validator == "type":
        return f"{where}: expected {error.validator_value}, found something else."
    if validator == "enum":
        return f"{where}: the value is not one of the allowed values."
    return f"{where}: {error.message[:200]}"
