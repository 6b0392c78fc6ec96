"""Write the guidance pack's JSON Schemas (src/thresholds_app/schemas/*.schema.json).

The schemas are shipped as JSON; this script is their readable source, because dozens of
near-identical "object with described properties and no unknown keys" blocks are easier to keep
right in Python. Run it after editing, and commit both: a test checks they agree.

    python tools/gen_schemas.py          # write the schemas
    python tools/gen_schemas.py --check  # exit 1 if the committed schemas differ
"""

import json
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "thresholds_app" / "schemas"
BASE = "https://thresholds-app.invalid/schemas/"


def obj(desc, props, required=(), **kw):
    d = {"type": "object", "description": desc, "additionalProperties": False, "properties": props}
    if required:
        d["required"] = list(required)
    d.update(kw)
    return d


def ref(name, desc):
    return {"$ref": f"common.schema.json#/$defs/{name}", "description": desc}


def text(desc, **kw):
    return {"type": "string", "minLength": 1, "description": desc, **kw}


def texts(desc, min_items=1, **kw):
    return {
        "type": "array",
        "description": desc,
        "minItems": min_items,
        "items": {"type": "string", "minLength": 1},
        **kw,
    }


def ids(desc, min_items=0):
    return {
        "type": "array",
        "description": desc,
        "minItems": min_items,
        "items": {"$ref": "common.schema.json#/$defs/id"},
        "uniqueItems": True,
    }


NULLABLE_LEVEL = {
    "type": ["integer", "null"],
    "minimum": 1,
    "maximum": 4,
    "description": "The level the guidance indicates (1-4), or null for insufficient information.",
}

common = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "common.schema.json",
    "title": "Shared definitions for guidance pack files",
    "$defs": {
        "id": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]*$",
            "maxLength": 80,
            "description": "An identifier: lower-case letters, digits and hyphens.",
            "x-pattern-message": "an id may only use lower-case letters, digits and hyphens, starting with a letter or digit",
        },
        "source": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]*$",
            "description": "The id of an entry in pack.yaml's sources list.",
            "x-pattern-message": "a source is the id of an entry in pack.yaml's sources list",
        },
        "level": {
            "type": "integer",
            "minimum": 1,
            "maximum": 4,
            "description": "A level of need, 1 to 4.",
        },
        "age_band": {
            "enum": ["pre-birth", "under-1", "1-4", "5-10", "11-15", "16-17", "18-25"],
            "description": "An age band.",
        },
        "answer": {
            "enum": ["yes", "no", "not-known"],
            "description": "An answer: yes, no or not-known (always in quotes).",
        },
        "date": {
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": 'A date written "YYYY-MM-DD" in quotes.',
            "x-pattern-message": 'a date is written "YYYY-MM-DD" in quotes',
        },
        "time": {
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "description": 'A time written "HH:MM" (24-hour) in quotes.',
            "x-pattern-message": 'a time is written "HH:MM" (24-hour) in quotes',
        },
        "timescale": obj(
            "Something that should happen and by when.",
            {"what": text("What should happen."), "when": text("By when.")},
            ["what", "when"],
        ),
    },
}

pack = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "pack.schema.json",
    "title": "pack.yaml: the pack's manifest",
    **obj(
        "Identity, dates, sources and provenance of a guidance pack.",
        {
            "id": ref("id", "The pack's identifier, e.g. solihull-rhrt."),
            "title": text("The guidance's title as practitioners know it."),
            "area": text("The partnership area the pack is for."),
            "version": {
                "type": "string",
                "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$",
                "description": 'The content version, "MAJOR.MINOR.PATCH" in quotes; bump on every change.',
                "x-pattern-message": 'a version is written "1.2.3" in quotes',
            },
            "effective_from": ref("date", "The date the guidance took effect."),
            "review_by": ref("date", "After this date the app shows a 'due for review' banner."),
            "expires": ref("date", "Optional: after this date the app withholds suggestions."),
            "publisher": text("Who publishes (and who encoded) this pack."),
            "provenance_note": text(
                "One or two sentences printed on every rationale about what is confirmed."
            ),
            "sources": {
                "type": "array",
                "minItems": 1,
                "description": "Documents the content comes from.",
                "items": obj(
                    "A source document.",
                    {
                        "id": ref("id", "The source's id, cited by items' source fields."),
                        "title": text("The document's title."),
                        "url": text("Where the document can be found."),
                        "status": {
                            "enum": [
                                "confirmed",
                                "partly-confirmed",
                                "regional-pattern",
                                "national",
                                "invented",
                            ],
                            "description": "Whether it is the partnership's own, a neighbour's, national or invented.",
                        },
                    },
                    ["id", "title", "url", "status"],
                ),
            },
            "parts": obj(
                "For each part of the pack, whether it is confirmed against the partnership's published document.",
                {
                    name: obj(
                        f"Status of the {name} part.",
                        {
                            "status": {
                                "enum": [
                                    "confirmed",
                                    "partly-confirmed",
                                    "regional-pattern",
                                    "invented",
                                ],
                                "description": "confirmed, partly-confirmed, regional-pattern or invented.",
                            },
                            "note": text("What is and is not confirmed."),
                        },
                        ["status", "note"],
                    )
                    for name in [
                        "levels",
                        "indicators",
                        "topics",
                        "rules",
                        "consent",
                        "stepping",
                        "contacts",
                        "scenarios",
                    ]
                },
                [
                    "levels",
                    "indicators",
                    "topics",
                    "rules",
                    "consent",
                    "stepping",
                    "contacts",
                    "scenarios",
                ],
            ),
            "settings": obj(
                "Pack-wide settings for the engine.",
                {
                    "mandatory_questions": ids(
                        "Questions that must be answered before a level can be indicated."
                    ),
                    "domain_order": ids(
                        "The order in which domains are shown (domain ids); others follow by name."
                    ),
                },
            ),
        },
        [
            "id",
            "title",
            "area",
            "version",
            "effective_from",
            "review_by",
            "publisher",
            "provenance_note",
            "sources",
            "parts",
        ],
    ),
}

levels = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "levels.schema.json",
    "title": "levels.yaml: the levels of need",
    **obj(
        "The levels of need.",
        {
            "levels": {
                "type": "array",
                "minItems": 4,
                "maxItems": 4,
                "description": "Exactly four levels, 1 to 4.",
                "items": obj(
                    "One level of need.",
                    {
                        "number": ref("level", "The level's number, 1 to 4."),
                        "name": text("The level's name, e.g. Universal."),
                        "summary": text("One paragraph in plain English."),
                        "who_responds": texts("Who usually responds at this level."),
                        "how_to_get_help": text("How a practitioner gets help at this level."),
                        "consent": text("What consent applies at this level."),
                        "timescales": {
                            "type": "array",
                            "description": "What should happen and by when.",
                            "items": ref("timescale", "A timescale."),
                        },
                        "next_steps": texts("Practical next steps for a practitioner."),
                        "contacts": ids("Contacts to show at this level (contacts.yaml ids)."),
                        "source": ref("source", "Where this comes from."),
                    },
                    [
                        "number",
                        "name",
                        "summary",
                        "who_responds",
                        "how_to_get_help",
                        "consent",
                        "next_steps",
                        "source",
                    ],
                ),
            }
        },
        ["levels"],
    ),
}

questions = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "questions.schema.json",
    "title": "questions.yaml: questions that are not indicators",
    **obj(
        "Questions answered yes / no / not known that are not indicators of need.",
        {
            "questions": {
                "type": "array",
                "minItems": 1,
                "description": "The questions.",
                "items": obj(
                    "A question.",
                    {
                        "id": ref("id", "The question's id."),
                        "text": text("The question as the practitioner reads it."),
                        "help": text("Longer guidance shown beside the question."),
                        "group": {
                            "enum": ["safety", "household", "voice", "consent", "context"],
                            "description": "Where the question is asked.",
                        },
                        "source": ref("source", "Where this comes from."),
                    },
                    ["id", "text", "group", "source"],
                ),
            }
        },
        ["questions"],
    ),
}

domain = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "domain.schema.json",
    "title": "domains/*.yaml: one Assessment Framework domain and its indicators",
    **obj(
        "A domain, its areas and its indicators.",
        {
            "domain": obj(
                "The domain.",
                {
                    "id": ref("id", "The domain's id."),
                    "title": text("The domain's title."),
                    "areas": {
                        "type": "array",
                        "minItems": 1,
                        "description": "The domain's areas.",
                        "items": obj(
                            "An area.",
                            {
                                "id": ref("id", "The area's id."),
                                "title": text("The area's title."),
                                "description": text("What the area covers."),
                            },
                            ["id", "title"],
                        ),
                    },
                },
                ["id", "title", "areas"],
            ),
            "indicators": {
                "type": "array",
                "minItems": 1,
                "description": "The indicators in this domain.",
                "items": obj(
                    "An observable sign of need, or a strength.",
                    {
                        "id": ref(
                            "id", "A stable id; never reuse an old one for a different meaning."
                        ),
                        "area": ref("id", "The area of this domain it belongs to."),
                        "level": ref("level", "The level this indicator usually sits at."),
                        "kind": {
                            "enum": ["concern", "strength"],
                            "description": "A concern, or a strength / protective factor.",
                        },
                        "theme": ref(
                            "id",
                            "A theme shared with indicators at other levels, to show the step between levels.",
                        ),
                        "text": text("A short, observable statement."),
                        "examples": {
                            "type": "array",
                            "minItems": 2,
                            "maxItems": 3,
                            "uniqueItems": True,
                            "description": "Two or three everyday examples.",
                            "items": {"type": "string", "minLength": 3},
                        },
                        "ages": {
                            "type": "array",
                            "minItems": 1,
                            "uniqueItems": True,
                            "description": "Age bands it applies to; omit for all ages.",
                            "items": ref("age_band", "An age band."),
                        },
                        "keywords": texts(
                            "Extra words a practitioner might search for.", uniqueItems=True
                        ),
                        "topics": ids("Special pathways this indicator should offer.", 1),
                        "source": ref("source", "Where this comes from."),
                    },
                    ["id", "area", "level", "kind", "text", "examples", "source"],
                ),
            },
        },
        ["domain", "indicators"],
    ),
}

topic = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "topic.schema.json",
    "title": "topics/*.yaml: a special pathway",
    **obj(
        "A special pathway: when it applies, what to do and whom to contact.",
        {
            "id": ref("id", "The topic's id (the file name without .yaml)."),
            "title": text("The topic's title."),
            "summary": text("One paragraph."),
            "applies_when": texts("When this pathway applies."),
            "what_to_do": texts("What to do, in order."),
            "contacts": ids("Whom to contact (contacts.yaml ids)."),
            "tools": {
                "type": "array",
                "description": "Assessment tools the pathway uses.",
                "items": obj(
                    "A tool.",
                    {"name": text("The tool's name."), "use": text("When and how it is used.")},
                    ["name", "use"],
                ),
            },
            "stages": {
                "type": "array",
                "description": "Points on a spectrum, from least to most serious.",
                "items": obj(
                    "A stage.",
                    {
                        "label": text("The stage's name."),
                        "level": ref("level", "The level this stage usually sits at."),
                        "description": text("What this stage looks like."),
                        "examples": texts("Examples."),
                    },
                    ["label", "level", "description"],
                ),
            },
            "keywords": texts("Words a practitioner might search for.", uniqueItems=True),
            "source": ref("source", "Where this comes from."),
        },
        ["id", "title", "summary", "applies_when", "what_to_do", "source"],
    ),
}

condition = {
    "description": "A condition in the closed rule vocabulary.",
    "oneOf": [
        obj(
            "True when a question or indicator has one of these answers.",
            {
                "answer": obj(
                    "Which answer to look for.",
                    {
                        "id": ref("id", "A question or indicator id."),
                        "is": {
                            "description": "The answer, or a list of answers; 'unanswered' matches no answer.",
                            "oneOf": [
                                {"enum": ["yes", "no", "not-known", "unanswered"]},
                                {
                                    "type": "array",
                                    "minItems": 1,
                                    "uniqueItems": True,
                                    "items": {"enum": ["yes", "no", "not-known", "unanswered"]},
                                },
                            ],
                        },
                    },
                    ["id", "is"],
                )
            },
            ["answer"],
        ),
        obj(
            "True when every condition is true.",
            {
                "all": {
                    "type": "array",
                    "minItems": 1,
                    "description": "The conditions.",
                    "items": {"$ref": "#/$defs/condition"},
                }
            },
            ["all"],
        ),
        obj(
            "True when any condition is true.",
            {
                "any": {
                    "type": "array",
                    "minItems": 1,
                    "description": "The conditions.",
                    "items": {"$ref": "#/$defs/condition"},
                }
            },
            ["any"],
        ),
        obj(
            "True when the condition is false.",
            {"not": {"$ref": "#/$defs/condition", "description": "The condition."}},
            ["not"],
        ),
        obj(
            "True when at least n of the conditions are true.",
            {
                "at_least": obj(
                    "How many of which.",
                    {
                        "n": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "How many must be true.",
                        },
                        "of": {
                            "type": "array",
                            "minItems": 1,
                            "description": "The conditions.",
                            "items": {"$ref": "#/$defs/condition"},
                        },
                    },
                    ["n", "of"],
                )
            },
            ["at_least"],
        ),
        obj(
            "True when enough indicators matching 'where' have the answer.",
            {
                "count": obj(
                    "What to count.",
                    {
                        "at_least": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "How many are needed.",
                        },
                        "where": obj(
                            "Which indicators count.",
                            {
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
                                "kind": {
                                    "enum": ["concern", "strength"],
                                    "description": "Concerns or strengths.",
                                },
                                "domain": ref("id", "Only this domain."),
                                "area": ref("id", "Only this area."),
                                "theme": ref("id", "Only this theme."),
                                "topic": ref("id", "Only indicators offering this topic."),
                            },
                        ),
                        "answer": {
                            "enum": ["yes", "no", "not-known"],
                            "description": "The answer to count (default yes).",
                        },
                        "distinct": {
                            "enum": ["domain", "area"],
                            "description": "Count different domains or areas instead of indicators.",
                        },
                    },
                    ["at_least", "where"],
                )
            },
            ["count"],
        ),
        obj(
            "True when the child's age band is one of these.",
            {
                "age_band": {
                    "type": "array",
                    "minItems": 1,
                    "uniqueItems": True,
                    "description": "Age bands.",
                    "items": {"$ref": "common.schema.json#/$defs/age_band"},
                }
            },
            ["age_band"],
        ),
    ],
}

rules = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "rules.schema.json",
    "title": "rules.yaml: how the answers indicate a level",
    "$defs": {"condition": condition},
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

consent = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
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

procedure = obj(
    "A stepping procedure.",
    {
        "summary": text("What this procedure is for."),
        "criteria": {
            "type": "array",
            "minItems": 1,
            "description": "Criteria a practitioner can tick.",
            "items": obj(
                "A criterion.",
                {"id": ref("id", "The criterion's id."), "text": text("The criterion.")},
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
stepping = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "stepping.schema.json",
    "title": "stepping.yaml: step-up and step-down",
    **obj(
        "Step-up and step-down procedures.",
        {"step_up": procedure, "step_down": procedure},
        ["step_up", "step_down"],
    ),
}

contacts = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
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

answers_map = {
    "type": "object",
    "description": "Answers by question or indicator id.",
    "propertyNames": {"$ref": "common.schema.json#/$defs/id"},
    "additionalProperties": {"$ref": "common.schema.json#/$defs/answer"},
}

scenarios = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
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
                        "other_answers": answers_map,
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

tests = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
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
                        "answers": answers_map,
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

words = {
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

synonyms = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
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
                            **words,
                            "description": "Words or phrases a practitioner types (e.g. mum, stepdad).",
                        },
                        "also_find": {
                            **words,
                            "description": "The words the pack uses for the same thing (e.g. parent).",
                        },
                        "note": text("Why these belong together (for the people who edit this)."),
                    },
                    ["when_typed", "also_find"],
                ),
            },
            "ignored_words": {
                **words,
                "description": "Words that say nothing in this pack (e.g. child): search skips them.",
            },
        },
        ["synonyms"],
    ),
}

search_queries = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
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
                    },
                    ["typed", "finds"],
                ),
            },
        },
        ["queries"],
    ),
}

SCHEMAS = {
    "pack": pack,
    "levels": levels,
    "questions": questions,
    "domain": domain,
    "topic": topic,
    "rules": rules,
    "consent": consent,
    "stepping": stepping,
    "contacts": contacts,
    "scenarios": scenarios,
    "tests": tests,
    "synonyms": synonyms,
    "search-queries": search_queries,
}


def inline_common(node):
    """Replace references to common.schema.json with copies of the definitions.

    jsonschema resolves every $ref through the referencing library on every instance, which made
    validating the full pack take a second; inlined definitions validate several times faster.
    """
    if isinstance(node, dict):
        target = node.get("$ref", "")
        if target.startswith("common.schema.json#/$defs/"):
            definition = common["$defs"][target.rsplit("/", 1)[1]]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return inline_common({**definition, **rest})
        return {k: inline_common(v) for k, v in node.items()}
    if isinstance(node, list):
        return [inline_common(v) for v in node]
    return node


def render(schema):
    return json.dumps(inline_common(schema), indent=2, ensure_ascii=False) + "\n"


def main(argv):
    stale = [
        n
        for n, s in SCHEMAS.items()
        if not (OUT / f"{n}.schema.json").is_file()
        or (OUT / f"{n}.schema.json").read_text(encoding="utf-8") != render(s)
    ]
    if "--check" in argv:
        for name in stale:
            print(f"{name}.schema.json is out of date: run python tools/gen_schemas.py")
        return 1 if stale else 0
    for name, schema in SCHEMAS.items():
        (OUT / f"{name}.schema.json").write_text(render(schema), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
