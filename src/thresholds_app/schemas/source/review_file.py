"""The schema of the pack's optional review.yaml: what the MASH review mode uses."""

from __future__ import annotations

from thresholds_app.schemas.source.parts import BASE, DRAFT, Schema, ids, obj, ref, text, texts

# The categories of the national children in need and safeguarding data sets.
OUTCOME_CATEGORIES = [
    "no-further-action",
    "advice-signposting",
    "early-help",
    "s17-assessment",
    "s47-strategy",
    "existing-open-case",
    "other",
]

REVIEW_FILE: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "review.schema.json",
    "title": "review.yaml: what the MASH review uses (optional file)",
    **obj(
        "RAG ratings with their clocks, outcomes, questions to go back about and agency types. "
        "A pack without this file gets the published defaults.",
        {
            "note": text("Where these come from and what the partnership should check."),
            "hours_from": ref(
                "id", "The contact (contacts.yaml) whose opening hours count as working time."
            ),
            "source": ref("source", "Where this comes from."),
            "rag": {
                "type": "array",
                "minItems": 1,
                "description": "The RAG ratings, most urgent first.",
                "items": obj(
                    "A RAG rating and its clock: exactly one of within_hours and "
                    "within_working_days (checked across the file).",
                    {
                        "id": ref("id", "The rating's id (e.g. red)."),
                        "label": text("The rating as shown (e.g. Red)."),
                        "meaning": text("When to use it, in plain words."),
                        "within_hours": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 168,
                            "description": "Decide within this many hours, counted day and night.",
                        },
                        "within_working_days": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 20,
                            "description": "Decide within this many working days, counted in the "
                            "opening hours of hours_from, bank holidays in England excluded.",
                        },
                    },
                    ["id", "label", "meaning"],
                ),
            },
            "outcomes": {
                "type": "array",
                "minItems": 1,
                "description": "The closed list of outcomes a MASH decision records.",
                "items": obj(
                    "An outcome.",
                    {
                        "id": ref("id", "The outcome's id."),
                        "label": text("The outcome as shown."),
                        "category": {
                            "enum": OUTCOME_CATEGORIES,
                            "description": "Its category in the national children in need and "
                            "safeguarding data sets.",
                        },
                        "what_happens_next": text(
                            "What happens next, as told to the referrer on the feedback slip."
                        ),
                        "needs_words": {
                            "type": "boolean",
                            "description": "The reviewer must say in words what the outcome is.",
                        },
                    },
                    ["id", "label", "category", "what_happens_next"],
                ),
            },
            "ask_about": ids(
                "Questions (questions.yaml ids) whose answer, if not yes, is a gap to go back "
                "to the referrer about."
            ),
            "agency_types": {
                "type": "array",
                "description": "Kinds of referring agency, for the partnership's counts.",
                "items": obj(
                    "A kind of agency, recognised by words in the referrer's agency or role.",
                    {
                        "id": ref("id", "The agency type's id."),
                        "label": text("As shown in the counts."),
                        "keywords": texts("Lower-case words that identify it."),
                    },
                    ["id", "label", "keywords"],
                ),
            },
        },
        ["note", "hours_from", "source", "rag", "outcomes"],
    ),
}
