"""The case file's schema, from the case record's own fields and the shared vocabulary.

Each object lists the fields of its record class in :mod:`thresholds_app.core.case.record`;
:func:`_described` refuses (at import, so the schema test fails) a record field that the schema
does not describe or a described field the record does not have.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from thresholds_app.core.case import record, reviews
from thresholds_app.core.case.limits import MAX_REVIEWS, MAX_ROWS
from thresholds_app.core.case.reading import CASE_FORMAT, CASE_FORMAT_VERSION
from thresholds_app.core.pack.vocabulary import AGE_BANDS, ANSWERS, LEVELS
from thresholds_app.schemas.source.parts import BASE, COMMON, DRAFT, Schema

_STRING: Schema = {"type": "string"}
_BOOL_OR_NULL: Schema = {"type": ["boolean", "null"]}
_AGE_BAND: Schema = {"type": ["string", "null"], "enum": [None, *AGE_BANDS]}
_LEVEL_OR_NULL: Schema = {
    "type": ["integer", "null"],
    "minimum": LEVELS[0],
    "maximum": LEVELS[-1],
}


def _s(description: str) -> Schema:
    return {"type": "string", "description": description}


def _described(cls: type[Any], desc: str, props: Schema, required: list[str], **kw: Any) -> Schema:
    """An object for record class ``cls``: exactly its fields, no unknown keys."""
    names = [f.name for f in fields(cls)]
    if list(props) != names:
        raise ValueError(f"case schema for {cls.__name__} lists {list(props)}, the record {names}")
    return {
        "type": kw.pop("type", "object"),
        "description": desc,
        "additionalProperties": False,
        "required": required,
        "properties": props,
        **kw,
    }


_PACK = _described(
    record.PackRef,
    "The guidance pack the case was assessed with.",
    {
        "id": _s("Pack id."),
        "version": _s("Pack version."),
        "hash": _s("Pack content hash (SHA-256 hex)."),
    },
    ["id", "version", "hash"],
)
_CHILD = _described(
    record.ChildDetails,
    "The child, kept to the minimum the referral needs.",
    {
        "reference": _s("The case reference printed on every page (never the name)."),
        "household_reference": _s(
            "A reference shared by the children of one household, so the MASH can see a "
            "possible sibling group."
        ),
        "age_band": {**_AGE_BAND, "description": "The child's age band."},
        "name": _s("Optional; left empty unless the referral needs it."),
        "date_of_birth": _s("Date of birth or expected date of delivery, if needed."),
        "first_language": _STRING,
        "interpreter_needed": _BOOL_OR_NULL,
        "communication_needs": _s("Disability or needs affecting communication."),
        "setting": _s("School, nursery or college."),
        "current_safety": _s("Where the child is now and immediate safety steps taken."),
    },
    ["reference"],
)
_ANSWERS: Schema = {
    "type": "object",
    "description": "Indicator or question id -> answer.",
    # patternProperties, not propertyNames: jsonschema then checks the answers in file order, so
    # the first problems reported are the same every time (see core/case/reading.py).
    "patternProperties": {COMMON["$defs"]["id"]["pattern"]: {"enum": list(ANSWERS)}},
    "additionalProperties": False,
}
_HOUSEHOLD: Schema = {
    "type": "array",
    "maxItems": MAX_ROWS,
    "description": "Every other child in the household or in contact.",
    "items": _described(
        record.HouseholdMember,
        "One other child.",
        {
            "label": _s("How the child is referred to (e.g. 'Sibling A')."),
            "relationship": _STRING,
            "age_band": _AGE_BAND,
            "assessed": {"type": "boolean"},
            "outcome": _STRING,
            "reason_not_assessed": _STRING,
        },
        ["label", "assessed"],
    ),
}
_FREE_TEXT = _described(
    record.FreeText,
    "The practitioner's own words.",
    {name.name: _STRING for name in fields(record.FreeText)},
    [],
)
_DECISION = _described(
    record.Decision,
    "The practitioner's own decision; never filled by the app.",
    {
        "level": _LEVEL_OR_NULL,
        "reasons": _s("The practitioner's reasons."),
        "differs_reason": _s("Why the decision differs from the guidance."),
    },
    [],
)
_SHARED = _described(
    record.SharedInfo,
    "Information shared.",
    {"what": _STRING, "with_whom": _STRING, "when": _STRING, "why": _STRING},
    [],
)
_CONSENT = _described(
    record.ConsentRecord,
    "Consent and information-sharing record.",
    {
        "sought": _BOOL_OR_NULL,
        "not_sought_reason": _STRING,
        "outcome": {"enum": list(record.CONSENT_OUTCOMES)},
        "by_whom": _STRING,
        "lawful_basis": _STRING,
        "shared": {"type": "array", "maxItems": MAX_ROWS, "items": _SHARED},
        "manager_advice": _STRING,
    },
    [],
)
_REFERRER = _described(
    record.Referrer,
    "Who is referring.",
    {"name": _STRING, "role": _STRING, "agency": _STRING, "contact": _STRING},
    [],
)
_NEXT_STEP = _described(
    record.NextStep,
    "A SMART action.",
    {"action": _STRING, "who": _STRING, "by_when": _STRING},
    [],
)
_STEPPING = _described(
    record.SteppingRecord,
    "Step up or down, or null.",
    {
        "direction": {"enum": list(record.STEPPING_DIRECTIONS)},
        "criteria": {"type": "array", "items": _STRING},
        "notes": _STRING,
    },
    [],
    type=["object", "null"],  # one schema, not oneOf: its problems can be put in plain words
)
_REVIEW = _described(
    reviews.Review,
    "One MASH review.",
    {
        "stage": {"enum": list(reviews.REVIEW_STAGES)},
        "reviewer": _STRING,
        "role": _STRING,
        "reviewed_at": _STRING,
        "received_at": _STRING,
        "pack_id": _STRING,
        "pack_version": _STRING,
        "pack_hash": _STRING,
        "indicated_now": _LEVEL_OR_NULL,
        "agrees": _BOOL_OR_NULL,
        "level": _LEVEL_OR_NULL,
        "reasons": _STRING,
        "rag": _STRING,
        "outcome": _STRING,
        "outcome_words": _STRING,
        "gaps": {"type": "array", "items": _STRING},
        "referral_sha256": _STRING,
        "delay_reason": _STRING,
    },
    [],
)

_CASE_PROPERTIES: Schema = {
    "format": {"const": CASE_FORMAT, "description": f"Always {CASE_FORMAT}."},
    "format_version": {
        "type": "integer",
        "minimum": 1,
        "description": f"Case format version; this app writes {CASE_FORMAT_VERSION} and reads "
        "1 (upgraded on reading).",
    },
    "case_id": _s("A random UUID that identifies the case."),
    "created": _s("When the case was started (ISO 8601, UTC)."),
    "updated": _s("When the case was last saved (ISO 8601, UTC)."),
    "pack": _PACK,
    "started_with": {
        **_PACK,
        "type": ["object", "null"],
        "description": "The guidance the case was started with, when it was carried on under "
        "other guidance (another version or another partnership's pack); null otherwise.",
    },
    "child": _CHILD,
    "answers": _ANSWERS,
    "household": _HOUSEHOLD,
    "free_text": _FREE_TEXT,
    "assessment": {
        "type": ["object", "null"],
        "description": "The engine's assessment as computed when last saved (for the record).",
    },
    "decision": _DECISION,
    "consent": _CONSENT,
    "referrer": _REFERRER,
    "next_steps": {"type": "array", "maxItems": MAX_ROWS, "items": _NEXT_STEP},
    "stepping": _STEPPING,
    "reviews": {
        "type": "array",
        "maxItems": MAX_REVIEWS,
        "description": "MASH reviews, oldest first, beside the referrer's part.",
        "items": _REVIEW,
    },
}
_record_fields = ["format", "format_version", *(f.name for f in fields(record.CaseRecord))]
if list(_CASE_PROPERTIES) != _record_fields:
    raise ValueError(f"case schema lists {list(_CASE_PROPERTIES)}, the record {_record_fields}")

CASE: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "case.schema.json",
    "title": "thresholds_app case file",
    "description": "One child's case, saved by the thresholds app. See docs/case-file.md.",
    "type": "object",
    "additionalProperties": False,
    "required": ["format", "format_version", "case_id", "created", "pack"],
    "properties": _CASE_PROPERTIES,
}
