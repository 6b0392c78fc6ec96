"""The schemas of consent, stepping and contacts."""

from __future__ import annotations

from thresholds_app.core.pack.vocabulary import ROUTES
from thresholds_app.schemas.source.parts import BASE, DRAFT, Schema, obj, ref, text, texts

CONSENT: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "consent.schema.json",
    "title": "consent.yaml: consent and information sharing",
    **obj(
        "Consent and information sharing per level, and the golden rules.",
        {
            "levels": {
                "type": "array",
                "minItems": 4,
                "maxItems": 4,
                "description": "One entry for each level.",
                "items": obj(
                    "Consent at one level.",
                    {
                        "level": ref("level", "The level."),
                        "consent_needed": text("What consent is needed."),
                        "from_whom": text("From whom (parents, a competent young person...)."),
                        "if_refused": text("What to do if consent is refused."),
                        "consider_step_up_if_refused": {
                            "type": "boolean",
                            "description": "Whether refusal should prompt a step-up decision.",
                        },
                        "tell_parents": text("Whether and when to tell parents."),
                        "lawful_basis": texts("Lawful bases for sharing."),
                        "record": texts("What must be recorded."),
                        "source": ref("source", "Where this comes from."),
                    },
                    [
                        "level",
                        "consent_needed",
                        "from_whom",
                        "if_refused",
                        "consider_step_up_if_refused",
                        "tell_parents",
                        "lawful_basis",
                        "record",
                        "source",
                    ],
                ),
            },
            "golden_rules": {
                "type": "array",
                "minItems": 7,
                "maxItems": 7,
                "description": "The seven golden rules of information sharing.",
                "items": obj(
                    "A golden rule.",
                    {
                        "title": text("Short title."),
                        "text": text("The rule in plain words."),
                        "source": ref("source", "Where this comes from."),
                    },
                    ["title", "text"],
                ),
            },
            "meanings_of_consent": {
                "type": "array",
                "description": "The different things 'consent' can mean.",
                "items": obj(
                    "One meaning.",
                    {
                        "title": text("Short title."),
                        "text": text("Explanation."),
                        "source": ref("source", "Where this comes from."),
                    },
                    ["title", "text"],
                ),
            },
        },
        ["levels", "golden_rules"],
    ),
}

CONSENT["properties"]["routes"] = {
    "type": "array",
    "description": "Level 4 consent by statutory route; replaces the Level 4 entry on that route.",
    "items": obj(
        "Consent on one statutory route.",
        {
            "route": {"enum": list(ROUTES), "description": "Which route."},
            **{
                k: v
                for k, v in CONSENT["properties"]["levels"]["items"]["properties"].items()
                if k not in ("level", "consider_step_up_if_refused")
            },
        },
        [
            "route",
            "consent_needed",
            "from_whom",
            "if_refused",
            "tell_parents",
            "lawful_basis",
            "record",
            "source",
        ],
    ),
}

PROCEDURE: Schema = obj(
    "A stepping procedure.",
    {
        "summary": text("What this procedure is for."),
        "criteria": {
            "type": "array",
            "minItems": 1,
            "description": "Criteria a practitioner can tick.",
            "items": obj(
                "A criterion.",
                {
                    "id": ref("id", "The criterion's id."),
                    "text": text("The criterion."),
                    "ticked_by": ref(
                        "id",
                        "A question (questions.yaml id) whose yes answer ticks this criterion, "
                        "e.g. consent refused: what the case already records is carried over.",
                    ),
                },
                ["id", "text"],
            ),
        },
        "who_decides": text("Who makes the decision."),
        "steps": texts("The steps, in order."),
        "handover_checklist": texts("What must be handed over."),
        "timescales": {
            "type": "array",
            "description": "Timescales.",
            "items": ref("timescale", "A timescale."),
        },
        "source": ref("source", "Where this comes from."),
    },
    ["summary", "criteria", "who_decides", "steps", "handover_checklist", "source"],
)

STEPPING: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "stepping.schema.json",
    "title": "stepping.yaml: step-up and step-down",
    **obj(
        "Step-up and step-down procedures.",
        {"step_up": PROCEDURE, "step_down": PROCEDURE},
        ["step_up", "step_down"],
    ),
}

CONTACTS: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "contacts.schema.json",
    "title": "contacts.yaml: whom to call",
    **obj(
        "Contacts with their opening hours.",
        {
            "note": text("A note that these are data the partnership checks and corrects."),
            "contacts": {
                "type": "array",
                "minItems": 1,
                "description": "The contacts.",
                "items": obj(
                    "A contact.",
                    {
                        "id": ref("id", "The contact's id."),
                        "name": text("The service's name."),
                        "phone": {
                            "type": "string",
                            "pattern": "^[0-9 +()]+$",
                            "description": "The phone number, in quotes.",
                            "x-pattern-message": "a phone number may only hold digits, spaces, + and brackets, in quotes",
                        },
                        "hours": {
                            "type": "array",
                            "minItems": 1,
                            "description": "When it is open; omit if always open.",
                            "items": obj(
                                "Opening hours on some days.",
                                {
                                    "days": {
                                        "type": "array",
                                        "minItems": 1,
                                        "uniqueItems": True,
                                        "description": "Days.",
                                        "items": {
                                            "enum": [
                                                "mon",
                                                "tue",
                                                "wed",
                                                "thu",
                                                "fri",
                                                "sat",
                                                "sun",
                                            ]
                                        },
                                    },
                                    "open": ref("time", "Opening time."),
                                    "close": ref("time", "Closing time."),
                                },
                                ["days", "open", "close"],
                            ),
                        },
                        "use_for": text("When to use this contact."),
                        "out_of_hours": ref("id", "The contact to use when this one is closed."),
                        "source": ref("source", "Where this comes from."),
                    },
                    ["id", "name", "phone", "use_for", "source"],
                ),
            },
        },
        ["note", "contacts"],
    ),
}
