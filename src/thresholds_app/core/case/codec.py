"""Turn an :class:`~thresholds_app.core.rules.assessment.Assessment` into JSON data and back.

A case file keeps the assessment as it was computed, for the record. The shape is the dataclass
fields, with tuples as lists; reading it back is tolerant of missing fields so an older record
still opens (the app re-assesses with the current pack anyway).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from thresholds_app.core.rules.assessment import (
    AnswerRef,
    Assessment,
    Change,
    ConsentAdvice,
    ContactAdvice,
    Reason,
)
from thresholds_app.core.rules.engine import DANGER_NOT_KNOWN_WARNING


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """Return ``assessment`` as plain JSON-ready data."""
    result = _plain(assessment)
    assert isinstance(result, dict)
    return result


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def assessment_from_dict(data: Mapping[str, Any]) -> Assessment:
    """Rebuild an :class:`Assessment` from :func:`assessment_to_dict` output."""
    consent = dict(data.get("consent") or {})
    return Assessment(
        pack_id=str(data.get("pack_id", "")),
        pack_version=str(data.get("pack_version", "")),
        pack_hash=str(data.get("pack_hash", "")),
        indicated_level=data.get("indicated_level"),
        emergency=bool(data.get("emergency", False)),
        reasons=tuple(_reason(r) for r in data.get("reasons", [])),
        missing=tuple(_ref(r) for r in data.get("missing", [])),
        gaps=tuple(_ref(r) for r in data.get("gaps", [])),
        warnings=tuple(str(w) for w in data.get("warnings", [])),
        what_would_change=tuple(Change(**c) for c in data.get("what_would_change", [])),
        strengths=tuple(_ref(r) for r in data.get("strengths", [])),
        topics=tuple(str(t) for t in data.get("topics", [])),
        consent=ConsentAdvice(
            level=consent.get("level"),
            consent_needed=consent.get("consent_needed", ""),
            from_whom=consent.get("from_whom", ""),
            if_refused=consent.get("if_refused", ""),
            consent_refused=bool(consent.get("consent_refused", False)),
            consider_step_up=bool(consent.get("consider_step_up", False)),
            tell_parents=consent.get("tell_parents", ""),
            do_not_tell_parents=bool(consent.get("do_not_tell_parents", False)),
            lawful_basis=tuple(consent.get("lawful_basis", [])),
            record=tuple(consent.get("record", [])),
            step_up_to=consent.get("step_up_to"),
        ),
        next_steps=tuple(str(s) for s in data.get("next_steps", [])),
        contacts=tuple(ContactAdvice(**c) for c in data.get("contacts", [])),
        route=data.get("route"),
        pack_state=str(data.get("pack_state", "")),
        pack_notice=str(data.get("pack_notice", "")),
        level_withheld=bool(data.get("level_withheld", False)),
        # A record from before this field was kept counts as enough answered, as it did then.
        enough_answered=bool(data.get("enough_answered", True)),
        to_answer_next=tuple(str(t) for t in data.get("to_answer_next", [])),
        # A record from before this field was kept said so only in its warnings.
        danger_not_known=bool(
            data.get("danger_not_known", DANGER_NOT_KNOWN_WARNING in data.get("warnings", []))
        ),
        statutory_not_known=tuple(str(i) for i in data.get("statutory_not_known", [])),
    )


def _ref(data: Mapping[str, Any]) -> AnswerRef:
    return AnswerRef(**data)


def _reason(data: Mapping[str, Any]) -> Reason:
    values = dict(data)
    values["answers"] = tuple(_ref(a) for a in values.get("answers", []))
    return Reason(**values)
