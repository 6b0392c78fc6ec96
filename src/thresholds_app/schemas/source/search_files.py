"""The schemas of the search vocabulary (synonyms.yaml) and the search query set (tests/search.yaml)."""

from __future__ import annotations

from thresholds_app.schemas.source.parts import BASE, DRAFT, Schema, ids, obj, ref, text

_WORDS: Schema = {
    "type": "array",
    "minItems": 1,
    "uniqueItems": True,
    "items": {
        "type": "string",
        "minLength": 1,
        "maxLength": 80,
        "pattern": "[A-Za-z0-9]",
        "x-pattern-message": "a word or phrase needs at least one letter or digit",
    },
}

SYNONYMS_FILE: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "synonyms.schema.json",
    "title": "synonyms.yaml: the words practitioners type for what the pack says",
    **obj(
        "The search vocabulary: what people type, and the pack's words for the same thing.",
        {
            "synonyms": {
                "type": "array",
                "minItems": 1,
                "description": "Each entry: when someone types any of these, also find those.",
                "items": obj(
                    "Words or phrases people type, and the pack's words they mean.",
                    {
                        "when_typed": {
                            **_WORDS,
                            "description": "Words or phrases a practitioner types (e.g. mum, stepdad).",
                        },
                        "also_find": {
                            **_WORDS,
                            "description": "The words the pack uses for the same thing (e.g. parent).",
                        },
                        "note": text("Why these belong together (for the people who edit this)."),
                    },
                    ["when_typed", "also_find"],
                ),
            },
            "ignored_words": {
                **_WORDS,
                "description": "Words that say nothing in this pack (e.g. child): search skips them.",
            },
        },
        ["synonyms"],
    ),
}

SEARCH_QUERIES_FILE: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "search-queries.schema.json",
    "title": "tests/search.yaml: what practitioners type, and what search must find",
    **obj(
        "Search phrasings with the indicators or pathways each must find near the top.",
        {
            "top": {
                "type": "integer",
                "minimum": 1,
                "maximum": 50,
                "description": "How near the top each expected result must be (default 10).",
            },
            "goal_percent": {
                "type": "number",
                "minimum": 0,
                "maximum": 100,
                "description": "The share of queries that must pass (default 95).",
            },
            "queries": {
                "type": "array",
                "minItems": 1,
                "description": "The queries.",
                "items": obj(
                    "One phrasing.",
                    {
                        "typed": text("What the practitioner types, in their own words."),
                        "who": {
                            "enum": [
                                "teacher",
                                "health-visitor",
                                "gp",
                                "police",
                                "social-worker",
                                "early-years",
                                "youth-worker",
                                "nurse",
                            ],
                            "description": "Who would type it.",
                        },
                        "finds": ids(
                            "Indicator, pathway or contact ids that must all be in the top results.",
                            1,
                        ),
                        "age_band": ref("age_band", "Search as for a child of this age."),
                        "top": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 50,
                            "description": (
                                "How near the top this query's results must be, when tighter "
                                "than the file's (1: first)."
                            ),
                        },
                    },
                    ["typed", "finds"],
                ),
            },
        },
        ["queries"],
    ),
}
