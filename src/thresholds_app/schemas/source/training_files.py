"""The schemas of the pack's training scenarios and engine test cases."""

from __future__ import annotations

from thresholds_app.schemas.source.parts import (
    BASE,
    DRAFT,
    NULLABLE_LEVEL,
    Schema,
    ids,
    obj,
    ref,
    text,
    texts,
)

ANSWERS_MAP: Schema = {
    "type": "object",
    "description": "Answers by question or indicator id.",
    "propertyNames": {"$ref": "common.schema.json#/$defs/id"},
    "additionalProperties": {"$ref": "common.schema.json#/$defs/answer"},
}

SCENARIOS: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "scenarios.schema.json",
    "title": "scenarios/*.yaml: training scenarios",
    **obj(
        "Training scenarios with their expected answers.",
        {
            "scenarios": {
                "type": "array",
                "minItems": 1,
                "description": "The scenarios.",
                "items": obj(
                    "An invented training case.",
                    {
                        "id": ref("id", "The scenario's id."),
                        "title": text("A short title."),
                        "story": text("The story, as read to trainees."),
                        "age_band": ref("age_band", "The child's age band."),
                        "key_indicators": ids("Indicators answered yes in this story.", 0),
                        "other_answers": ANSWERS_MAP,
                        "expected_level": NULLABLE_LEVEL,
                        "expected_emergency": {
                            "type": "boolean",
                            "description": "Whether the child is in immediate danger.",
                        },
                        "themes": ids(
                            "Themes this scenario teaches (e.g. step-up, consent-refused)."
                        ),
                        "good_rationale_mentions": texts("What a good rationale mentions."),
                        "discussion_points": texts("Points for the trainer to draw out."),
                    },
                    [
                        "id",
                        "title",
                        "story",
                        "key_indicators",
                        "expected_level",
                        "good_rationale_mentions",
                        "discussion_points",
                    ],
                ),
            }
        },
        ["scenarios"],
    ),
}

ENGINE_TESTS: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "tests.schema.json",
    "title": "tests/*.yaml: engine test cases written as data",
    **obj(
        "Engine cases: answers in, expected level and rules out.",
        {
            "cases": {
                "type": "array",
                "minItems": 1,
                "description": "The cases.",
                "items": obj(
                    "One case.",
                    {
                        "name": text("The case, written as a sentence."),
                        "age_band": ref("age_band", "The child's age band."),
                        "answers": ANSWERS_MAP,
                        "expected": obj(
                            "What the engine should say.",
                            {
                                "level": NULLABLE_LEVEL,
                                "emergency": {
                                    "type": "boolean",
                                    "description": "Whether it is an emergency.",
                                },
                                "rules_fired": ids("Exactly these rules fire."),
                                "rules_include": ids("At least these rules fire."),
                                "rules_exclude": ids("None of these rules fire."),
                            },
                            ["level"],
                        ),
                    },
                    ["name", "answers", "expected"],
                ),
            }
        },
        ["cases"],
    ),
}
