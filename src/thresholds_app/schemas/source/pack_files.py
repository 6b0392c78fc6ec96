"""The schemas of the pack's own files: manifest, levels, questions, domains, topics."""

from __future__ import annotations

from thresholds_app.core.pack.vocabulary import (
    INDICATOR_KINDS,
    INDICATOR_ROUTES,
    PART_STATUSES,
    QUESTION_GROUPS,
    ROUTES,
)
from thresholds_app.schemas.source.parts import BASE, DRAFT, Schema, ids, obj, ref, text, texts

PACK: Schema = {
    "$schema": DRAFT,
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
                                "enum": list(PART_STATUSES),
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
            "roles": obj(
                "What the app's own rules need from this pack, by id: the app never names a "
                "question, contact or level itself.",
                {
                    "immediate_danger": ref(
                        "id",
                        "The question 'is the child in immediate danger?' (must be answered "
                        "before a rationale can be exported).",
                    ),
                    "other_children": ref(
                        "id",
                        "The question 'has every other child in the household been considered?'.",
                    ),
                    "consent_sought": ref("id", "The question 'was consent sought?'."),
                    "consent_refused": ref("id", "The question 'was consent refused?'."),
                    "telling_parents_risk": ref(
                        "id", "The question 'could telling the parents increase the risk?'."
                    ),
                    "emergency_contact": ref(
                        "id", "The contact for a child in immediate danger (999)."
                    ),
                    "front_door": ref(
                        "id",
                        "The front door (MASH) contact; its out_of_hours contact covers evenings, "
                        "weekends and bank holidays.",
                    ),
                    "statutory_level": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 4,
                        "description": "The level at which the front door is always given "
                        "(a statutory referral).",
                    },
                },
                [
                    "immediate_danger",
                    "other_children",
                    "consent_sought",
                    "consent_refused",
                    "telling_parents_risk",
                    "emergency_contact",
                    "front_door",
                    "statutory_level",
                ],
            ),
            "settings": obj(
                "Pack-wide settings for the engine.",
                {
                    "enough_answered": obj(
                        "When a level can be relied on: until then the app says 'not enough "
                        "answered yet' and what to answer next.",
                        {
                            "questions": ids(
                                "Questions that must have an answer (default: the mandatory "
                                "questions)."
                            ),
                            "answers_in_each_domain": {
                                "type": "integer",
                                "minimum": 0,
                                "description": "How many indicators in each domain must be "
                                "answered (default 1).",
                            },
                        },
                    ),
                    "mandatory_questions": ids(
                        "Questions that must be answered before a level can be indicated."
                    ),
                    "domain_order": ids(
                        "The order in which domains are shown (domain ids); others follow by name."
                    ),
                    "not_known_next_step": text(
                        "The next step shown when a Level 4 concern is answered 'not known' and "
                        "the indicator gives no step of its own."
                    ),
                    "training_pass_mark": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 100,
                        "description": "Percentage of practice scenarios a learner must place at "
                        "the expected level to pass a set (75 when not given).",
                    },
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
            "roles",
        ],
    ),
}

LEVELS_FILE: Schema = {
    "$schema": DRAFT,
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
                        "routes": {
                            "type": "array",
                            "description": (
                                "Level 4 only: the statutory routes (already-open, "
                                "child-protection, child-in-need), most pressing first; each "
                                "replaces the level's next steps when it applies."
                            ),
                            "items": obj(
                                "One statutory route.",
                                {
                                    "id": {"enum": list(ROUTES), "description": "Which route."},
                                    "title": text("The route's title."),
                                    "summary": text("What this route means, in plain English."),
                                    "next_steps": texts("What to do on this route, in order."),
                                    "contacts": ids("Contacts for this route (contacts.yaml ids)."),
                                    "source": ref("source", "Where this comes from."),
                                },
                                ["id", "title", "summary", "next_steps", "source"],
                            ),
                        },
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

QUESTIONS: Schema = {
    "$schema": DRAFT,
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
                            "enum": list(QUESTION_GROUPS),
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

DOMAIN: Schema = {
    "$schema": DRAFT,
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
                            "enum": list(INDICATOR_KINDS),
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
                        "route": {
                            "enum": list(INDICATOR_ROUTES),
                            "description": (
                                "Level 4 concerns only: child-in-need for a statutory need that "
                                "is not harm (s17); omit for possible significant harm (s47)."
                            ),
                        },
                        "if_not_known": text(
                            "The next step when a practitioner answers 'not known' "
                            "(e.g. complete a DASH risk check)."
                        ),
                        "source": ref("source", "Where this comes from."),
                    },
                    ["id", "area", "level", "kind", "text", "examples", "source"],
                ),
            },
        },
        ["domain", "indicators"],
    ),
}

TOPIC: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "topic.schema.json",
    "title": "topics/*.yaml: a special pathway",
    **obj(
        "A special pathway: when it applies, what to do and whom to contact.",
        {
            "id": ref("id", "The topic's id (the file name without .yaml)."),
            "title": text("The topic's title."),
            "summary": text("One paragraph."),
            "applies_when": texts("When this pathway applies."),
            "must_do": texts(
                "Steps that must be taken whenever the pathway applies (a legal duty, a same-day "
                "check); every assessment lists them, before what_to_do."
            ),
            "what_to_do": texts("What else to do, in order (after must_do)."),
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

IDS_FILE: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "ids.schema.json",
    "title": "ids.yaml: every id the pack has published, and what replaced retired ones",
    **obj(
        "Stable ids across pack versions, so old case files can still be read.",
        {
            "published": ids(
                "Every indicator, question, rule and topic id this pack has ever published.", 1
            ),
            "retired": {
                "type": "array",
                "description": "Ids the pack no longer has.",
                "items": obj(
                    "A retired id.",
                    {
                        "id": ref("id", "The retired id (never reuse it)."),
                        "replaced_by": ids(
                            "The ids that replace it now; empty when nothing does (say why)."
                        ),
                        "version": text("The pack version that retired it."),
                        "note": text("Why it was renamed, split or retired."),
                    },
                    ["id", "replaced_by", "note"],
                ),
            },
        },
        ["published"],
    ),
}
