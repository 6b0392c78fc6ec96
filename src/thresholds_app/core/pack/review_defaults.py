"""The MASH review's data for a pack that has no ``review.yaml``: a published set.

RAG timescales follow published MASH procedures (red 4 hours day and night, amber 1 working day,
green 3 working days); outcomes follow the categories of the national children in need census and
safeguarding data set. A partnership's own ``review.yaml`` replaces all of it.
"""

from __future__ import annotations

from typing import Any

from thresholds_app.core.pack import model as m

DEFAULT_REVIEW: dict[str, Any] = {
    "note": (
        "This guidance pack has no review settings of its own, so the published defaults apply: "
        "red 4 hours, amber 1 working day, green 3 working days, and the national outcome "
        "categories."
    ),
    "hours_from": "mash",
    "source": "",
    "rag": [
        {
            "id": "red",
            "label": "Red",
            "meaning": "A child may be at risk of significant harm now: decide within 4 hours.",
            "within_hours": 4,
        },
        {
            "id": "amber",
            "label": "Amber",
            "meaning": "Concerns that may need a statutory response: decide within 1 working day.",
            "within_working_days": 1,
        },
        {
            "id": "green",
            "label": "Green",
            "meaning": "No immediate risk: decide within 3 working days.",
            "within_working_days": 3,
        },
    ],
    "outcomes": [
        {
            "id": "no-further-action",
            "label": "No further action",
            "category": "no-further-action",
            "what_happens_next": "The MASH will take no further action. Contact the MASH again "
            "if anything changes.",
        },
        {
            "id": "advice-signposting",
            "label": "Advice and signposting",
            "category": "advice-signposting",
            "what_happens_next": "The MASH has given advice or pointed the family to services.",
        },
        {
            "id": "early-help",
            "label": "Early help",
            "category": "early-help",
            "what_happens_next": "The child and family will be offered early help.",
        },
        {
            "id": "cin-assessment",
            "label": "Child in need assessment (section 17)",
            "category": "s17-assessment",
            "what_happens_next": "Children's social care will assess the child's needs.",
        },
        {
            "id": "strategy-discussion",
            "label": "Strategy discussion (section 47)",
            "category": "s47-strategy",
            "what_happens_next": "A strategy discussion will decide whether enquiries under "
            "section 47 are needed.",
        },
        {
            "id": "existing-open-case",
            "label": "Already open to children's social care",
            "category": "existing-open-case",
            "what_happens_next": "Your information has been passed to the allocated worker.",
        },
        {
            "id": "other",
            "label": "Other",
            "category": "other",
            "what_happens_next": "The MASH will explain what happens next.",
            "needs_words": True,
        },
    ],
    "ask_about": [],
    "agency_types": [],
}


def build_review_guide(data: dict[str, Any] | None) -> m.ReviewGuide:
    """The review guide from a checked ``review.yaml`` (or the defaults when there is none)."""
    d = data if data is not None else DEFAULT_REVIEW
    return m.ReviewGuide(
        note=d["note"],
        hours_from=d["hours_from"],
        rag=tuple(
            m.RagRating(
                r["id"],
                r["label"],
                r["meaning"],
                r.get("within_hours"),
                r.get("within_working_days"),
            )
            for r in d["rag"]
        ),
        outcomes=tuple(
            m.Outcome(
                o["id"],
                o["label"],
                o["category"],
                o["what_happens_next"],
                o.get("needs_words", False),
            )
            for o in d["outcomes"]
        ),
        ask_about=tuple(d.get("ask_about") or ()),
        agency_types=tuple(
            m.AgencyType(a["id"], a["label"], tuple(a["keywords"]))
            for a in d.get("agency_types") or ()
        ),
        source=d["source"],
        from_pack=data is not None,
    )


def review_guide(pack: m.Pack) -> m.ReviewGuide:
    """The pack's review guide; a pack built by hand without one gets the defaults."""
    return pack.review if pack.review is not None else build_review_guide(None)
