"""The rules file and the condition vocabulary, from :mod:`thresholds_app.core.pack.vocabulary`."""

from __future__ import annotations

from collections.abc import Iterable

from thresholds_app.core.pack.vocabulary import (
    ANSWER_KEYS,
    ANSWERS,
    AT_LEAST_KEYS,
    CONDITION_ANSWERS,
    CONDITION_FORMS,
    COUNT_KEYS,
    DISTINCT_KEYS,
    INDICATOR_KINDS,
    WHERE_KEYS,
)
from thresholds_app.schemas.source.parts import BASE, DRAFT, Schema, ids, obj, ref, text

_CONDITIONS: Schema = {
    "type": "array",
    "minItems": 1,
    "description": "The conditions.",
    "items": {"$ref": "#/$defs/condition"},
}


def _same(names: Iterable[str], expected: tuple[str, ...], what: str) -> None:
    """Refuse a schema that has drifted from the vocabulary (a test imports this module)."""
    if tuple(names) != expected:
        raise ValueError(f"the schema's {what} {tuple(names)} differ from the vocabulary's")


def _answer_is() -> Schema:
    any_answer = {"enum": list(CONDITION_ANSWERS)}
    return {
        "description": "The answer, or a list of answers; 'unanswered' matches no answer.",
        "oneOf": [
            any_answer,
            {"type": "array", "minItems": 1, "uniqueItems": True, "items": any_answer},
        ],
    }


_ANSWER = {"id": ref("id", "A question or indicator id."), "is": _answer_is()}
_AT_LEAST = {
    "n": {"type": "integer", "minimum": 1, "description": "How many must be true."},
    "of": _CONDITIONS,
}
_WHERE = {
    "level": {
        "description": "A level or a list of levels.",
        "oneOf": [
            {"$ref": "common.schema.json#/$defs/level"},
            {
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "common.schema.json#/$defs/level"},
            },
        ],
    },
    "kind": {"enum": list(INDICATOR_KINDS), "description": "Concerns or strengths."},
    "domain": ref("id", "Only this domain."),
    "area": ref("id", "Only this area."),
    "theme": ref("id", "Only this theme."),
    "topic": ref("id", "Only indicators offering this topic."),
}
_COUNT = {
    "at_least": {"type": "integer", "minimum": 1, "description": "How many are needed."},
    "where": obj("Which indicators count.", _WHERE),
    "answer": {"enum": list(ANSWERS), "description": "The answer to count (default yes)."},
    "distinct": {
        "enum": list(DISTINCT_KEYS),
        "description": "Count different domains or areas instead of indicators.",
    },
}
_FORMS: dict[str, tuple[str, Schema]] = {
    "answer": (
        "True when a question or indicator has one of these answers.",
        obj("Which answer to look for.", _ANSWER, ["id", "is"]),
    ),
    "all": ("True when every condition is true.", _CONDITIONS),
    "any": ("True when any condition is true.", _CONDITIONS),
    "not": (
        "True when the condition is false.",
        {"$ref": "#/$defs/condition", "description": "The condition."},
    ),
    "at_least": (
        "True when at least n of the conditions are true.",
        obj("How many of which.", _AT_LEAST, ["n", "of"]),
    ),
    "count": (
        "True when enough indicators matching 'where' have the answer.",
        obj("What to count.", _COUNT, ["at_least", "where"]),
    ),
    "age_band": (
        "True when the child's age band is one of these.",
        {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "description": "Age bands.",
            "items": {"$ref": "common.schema.json#/$defs/age_band"},
        },
    ),
}
_same(_FORMS, CONDITION_FORMS, "condition forms")
_same(_ANSWER, ANSWER_KEYS, "answer keys")
_same(_AT_LEAST, AT_LEAST_KEYS, "at_least keys")
_same(_COUNT, COUNT_KEYS, "count keys")
_same(_WHERE, WHERE_KEYS, "count.where keys")

CONDITION: Schema = {
    "description": "A condition in the closed rule vocabulary.",
    "oneOf": [obj(desc, {form: body}, [form]) for form, (desc, body) in _FORMS.items()],
}

RULES: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "rules.schema.json",
    "title": "rules.yaml: how the answers indicate a level",
    "$defs": {"condition": CONDITION},
    **obj(
        "The rules and the policy when several fire.",
        {
            "policy": {
                "enum": ["highest-level"],
                "description": "highest-level: the highest level of any rule that fires is indicated; every rule that fired is listed.",
            },
            "rules": {
                "type": "array",
                "minItems": 1,
                "description": "The rules.",
                "items": obj(
                    "A rule: a condition and what it does.",
                    {
                        "id": ref("id", "The rule's id."),
                        "label": text("A short label shown as a reason."),
                        "explanation": text("Why this rule exists, in plain English."),
                        "when": {
                            "$ref": "#/$defs/condition",
                            "description": "When the rule fires.",
                        },
                        "then": obj(
                            "What the rule does when it fires.",
                            {
                                "level": ref("level", "The level it indicates."),
                                "emergency": {
                                    "type": "boolean",
                                    "description": "Whether it means: call 999 now.",
                                },
                                "warning": text("A warning to show."),
                                "topics": ids("Pathways to offer.", 1),
                            },
                            minProperties=1,
                        ),
                        "source": ref("source", "Where this comes from."),
                    },
                    ["id", "label", "explanation", "when", "then", "source"],
                ),
            },
        },
        ["policy", "rules"],
    ),
}
