"""The packs many tests share, built by :mod:`packs` so they pass the real validator.

:func:`sample_pack` and :func:`sample_case` are the invented pack and export-ready case the
rationale, PDF and case-file tests share; :func:`small_pack` is the UI tests' pack.
"""

from __future__ import annotations

from typing import Any

from packs import QUESTIONS, SRC, WEEKDAYS, load_spec, make_indicator, make_rule
from thresholds_app.core.case import record as cf
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack


def _count(level: int) -> dict[str, Any]:
    return {"count": {"at_least": 1, "where": {"level": level, "kind": "concern"}}}


def sample_pack() -> Pack:
    """A small, complete invented pack: a rule per level and an emergency rule (rationale tests)."""
    examples = ("An example.", "Another example.")
    rules = [
        make_rule(
            "danger-now",  # rule and question ids share one namespace
            {"answer": {"id": "immediate-danger", "is": "yes"}},
            level=4,
            emergency=True,
            label="The child may be in immediate danger",
        ),
        make_rule("any-level-4-concern", _count(4), level=4, label="A Level 4 concern is present"),
        make_rule("any-level-3-concern", _count(3), level=3, label="A Level 3 concern is present"),
        make_rule("any-level-2-concern", _count(2), level=2, label="A Level 2 concern is present"),
        make_rule(
            "no-concerns",
            {"not": {"count": {"at_least": 1, "where": {"kind": "concern"}}}},
            level=1,
            label="No concerns selected",
        ),
    ]
    for rule in rules:
        rule["explanation"] = f"Why: {rule['label'].lower()}."
    spec = {
        "manifest": {
            "id": "sample-pack",
            "title": "Sample guidance",
            "area": "Sampleshire",
            "version": "9.9.9",
            "effective_from": "2024-01-01",
            "review_by": "2099-01-01",
            "publisher": "Test team",
            "provenance_note": (
                "Content follows the regional pattern; check against the partnership's "
                "published guidance."
            ),
            "source_title": "Sample source document",
            "source_status": "regional-pattern",
        },
        "mandatory": ["immediate-danger"],
        "questions": {
            q: QUESTIONS[q]
            for q in (
                "immediate-danger",
                "other-children-considered",
                "consent-sought",
                "informing-parents-increases-risk",
            )
        }
        | {"consent-refused": ("Was consent refused?", "consent")},
        "indicators": [
            make_indicator(
                "dn-school-attendance-l2",
                2,
                area="education",
                text="School attendance is falling.",
                examples=examples,
            ),
            make_indicator(
                "dn-injury-unexplained-l4",
                4,
                text="An injury with no explanation that fits.",
                examples=examples,
            ),
            make_indicator(
                "pc-basic-care-l3",
                3,
                area="basic-care",
                text="The child is often hungry or poorly dressed for the weather.",
                examples=examples,
            ),
            make_indicator(
                "fe-domestic-abuse-l3",
                3,
                area="family-history-functioning",
                text="Domestic abuse at home that the child sees or hears.",
                topics=["domestic-abuse"],
                examples=examples,
            ),
            make_indicator(
                "dn-strength-trusted-adult-l1",
                1,
                kind="strength",
                text="The child has a trusted adult at school.",
                examples=examples,
            ),
        ],
        "area_titles": {
            "health": "Health",
            "education": "Education",
            "basic-care": "Basic care",
            "family-history-functioning": "Family history and functioning",
        },
        "rules": rules,
        "topics": {
            "domestic-abuse": {
                "title": "Domestic abuse",
                "summary": "About domestic abuse.",
                "applies_when": ["Abuse at home."],
                "what_to_do": ["Complete a DASH checklist.", "Talk to the MASH."],
                "contacts": ["mash"],
                "tools": [{"name": "DASH", "use": "Risk checklist."}],
                "keywords": ["fighting"],
            }
        },
        "contacts": [
            {
                "id": "mash",
                "name": "Sample MASH",
                "phone": "0100 000 0000",
                "hours": [{"days": WEEKDAYS, "open": "09:00", "close": "17:00"}],
                "use_for": "Referrals about significant harm.",
                "out_of_hours": "edt",
                "source": SRC,
            },
            {"id": "edt", "name": "Sample EDT", "phone": "0100 000 0001"}
            | {"use_for": "Out of hours.", "source": SRC},
            {"id": "emergency-999", "name": "Police, ambulance", "phone": "999"}
            | {"use_for": "Immediate danger.", "source": SRC},
        ],
        "contacts_note": "Sample numbers.",
        "level_contacts": {n: ["mash"] for n in (1, 2, 3, 4)},
        "level_names": {1: "Universal", 2: "Additional", 3: "Targeted", 4: "Specialist"},
        "consent": {
            n: {
                "consent_needed": (
                    f"Consent is needed at Level {n}."
                    if n < 4
                    else "Consent is not needed to refer at Level 4."
                ),
                "if_refused": "Consider step-up.",
                "tell_parents": "Tell parents.",
                "record": ["Who gave consent"],
            }
            for n in (1, 2, 3, 4)
        },
        "meanings": [{"title": "Informed", "text": "People know what is shared."}],
        "golden_rules": [
            {"title": "Share to protect", "text": "Sharing can protect children.", "source": SRC},
            *({"title": f"Golden rule {n}", "text": f"Golden rule {n}."} for n in range(2, 8)),
        ],
        "criteria": {
            "up": [["step-up-needs", "Needs have changed (up)."]],
            "down": [["step-down-needs", "Needs have changed (down)."]],
        },
        "stepping_steps": "Talk to your safeguarding lead.|Agree a plan with the family.",
    }
    return load_spec(spec)


def sample_case(pack: Pack) -> CaseRecord:
    """Return a complete, export-ready invented case for ``pack`` (Level 3, decision Level 3)."""
    case = cf.new_case(pack)
    case.case_id = "00000000-0000-4000-8000-000000000001"
    case.created = case.updated = "2026-01-05T09:30:00Z"
    case.child = cf.ChildDetails(
        reference="SAMPLE-0042",
        age_band="5-10",
        setting="Oak Lane Primary",
        first_language="English",
        interpreter_needed=False,
        current_safety="At school today; safe at present.",
    )
    case.answers = {
        "immediate-danger": "no",
        "other-children-considered": "yes",
        "fe-domestic-abuse-l3": "yes",
        "pc-basic-care-l3": "yes",
        "dn-school-attendance-l2": "not-known",
        "dn-injury-unexplained-l4": "not-known",
        "dn-strength-trusted-adult-l1": "yes",
    }
    case.household = [
        cf.HouseholdMember(
            "Sibling A", "Brother", "1-4", True, "Needs at Level 3 too; included in this referral."
        ),
        cf.HouseholdMember(
            "Cousin B",
            "Cousin who stays at weekends",
            "11-15",
            False,
            "",
            "Lives with another family; their school has been told.",
        ),
    ]
    case.free_text = cf.FreeText(
        worry="Shouting and a smashed door heard by neighbours; the child arrives hungry.",
        impact_on_daily_life="Tired in class and slow to settle; worried about mum.",
        going_well="Attends breakfast club and has a good friend.",
        tried_so_far="Two meetings with mum; breakfast club place; school nurse check.",
        child_voice="“I don't like it when they shout. I hide under my bed.”",
        family_views="Mum wants help with money and housing; dad was not available.",
        relatives_concerns="Grandmother phoned school worried about the arguments.",
    )
    case.decision = cf.Decision(level=3, reasons="Needs in two domains; family open to help.")
    case.consent = cf.ConsentRecord(
        sought=True,
        outcome="given",
        by_whom="Mother",
        lawful_basis="Consent",
        shared=[
            cf.SharedInfo(
                "Attendance and concerns",
                "Early help hub",
                "2026-01-05",
                "To start a Team Around the Family",
            )
        ],
    )
    case.referrer = cf.Referrer(
        "A. Teacher", "Designated safeguarding lead", "Oak Lane Primary", "dsl@example.invalid"
    )
    case.next_steps = [cf.NextStep("Hold a Team Around the Family meeting", "DSL", "2026-01-19")]
    return case


def small_pack() -> Pack:
    """The UI tests' pack: two domains, seven indicators, two pathways, real rules."""
    two = ("Seen once.", "Seen more than once.")
    indicators = [
        make_indicator(
            "dn-bruise-explained-l1",
            1,
            text="A minor bruise with an explanation that fits.",
            theme="injuries",
            examples=("A grazed knee from the playground.", "A bump from a fall at home."),
        ),
        make_indicator(
            "dn-injury-non-mobile-l4",
            4,
            text="Any mark on a baby who cannot move about.",
            ages=["under-1"],
            topics=["non-mobile-bruising"],
            keywords=["bruise"],
            examples=two,
        ),
        make_indicator(
            "dn-school-attendance-l2",
            2,
            area="education",
            text="Attendance is falling.",
            examples=("Often late on Mondays.", "Missed three days this term."),
            ages=["5-10", "11-15"],
        ),
        make_indicator(
            "dn-strength-friends-l1",
            1,
            kind="strength",
            area="education",
            text="Has good friends at school.",
            examples=two,
        ),
        make_indicator(
            "fe-parental-alcohol-l2",
            2,
            area="family-history-functioning",
            text="A parent's drinking sometimes affects routines.",
            theme="parental-alcohol",
            keywords=["drinking"],
            topics=["parental-substance-use"],
            examples=two,
        ),
        make_indicator(
            "fe-parental-alcohol-l3",
            3,
            area="family-history-functioning",
            text="A parent's drinking often leaves the child without care.",
            theme="parental-alcohol",
            keywords=["drinking"],
            examples=two,
        ),
        make_indicator(
            "fe-domestic-abuse-l4",
            4,
            area="family-history-functioning",
            text="Serious violence at home.",
            theme="domestic-abuse",
            topics=["domestic-abuse"],
            examples=two,
        ),
    ]
    rules = [
        make_rule(
            "danger-now",
            {"answer": {"id": "immediate-danger", "is": "yes"}},
            level=4,
            emergency=True,
            label="The child may be in immediate danger",
        ),
        *(make_rule(f"any-level-{n}", _count(n), level=n) for n in (4, 3, 2)),
        make_rule(
            "no-concerns",
            {
                "all": [
                    {"answer": {"id": "immediate-danger", "is": "no"}},
                    {"not": {"count": {"at_least": 1, "where": {"kind": "concern"}}}},
                ]
            },
            level=1,
        ),
    ]
    topic = {"contacts": ["mash"], "keywords": []}
    spec = {
        "manifest": {
            "id": "small",
            "title": "Small test pack",
            "area": "Testshire",
            "effective_from": "2024-01-01",
            "provenance_note": "Invented.",
            "source_title": "Test source",
            "source_status": "national",
        },
        "mandatory": ["immediate-danger"],
        "questions": {
            q: QUESTIONS[q]
            for q in (
                "immediate-danger",
                "other-children-considered",
                "consent-sought",
                "consent-refused",
                "informing-parents-increases-risk",
            )
        },
        "indicators": indicators,
        "area_titles": {
            "health": "Health",
            "education": "Education",
            "family-history-functioning": "Family history",
        },
        "rules": rules,
        "topics": {
            "domestic-abuse": topic
            | {
                "title": "Domestic abuse",
                "summary": "When adults at home hurt each other.",
                "applies_when": ["Violence between adults"],
                "what_to_do": ["Call the MASH"],
                "keywords": ["fighting"],
            },
            "non-mobile-bruising": topic
            | {
                "title": "Bruising in babies who are not mobile",
                "summary": "Any mark on a non-mobile baby needs a referral.",
                "applies_when": ["A baby under one"],
                "what_to_do": ["Refer the same day"],
                "keywords": ["bruise"],
            },
            "parental-substance-use": topic
            | {"title": "Parental substance use", "what_to_do": ["Ask about support."]},
        },
        "contacts": [
            {
                "id": "mash",
                "name": "Test MASH",
                "phone": "0100 000 0000",
                "hours": [{"days": WEEKDAYS, "open": "09:00", "close": "17:00"}],
                "use_for": "Referrals.",
                "out_of_hours": "edt",
                "source": SRC,
            },
            {"id": "edt", "name": "Test out-of-hours team", "phone": "0100 000 0009"}
            | {"use_for": "Urgent protection out of hours.", "source": SRC},
            {"id": "emergency-999", "name": "Emergency", "phone": "999"}
            | {"use_for": "Danger.", "source": SRC},
        ],
        "contacts_note": "Check these numbers.",
        "level_contacts": {n: ["mash"] for n in (1, 2, 3, 4)},
        "level_names": {1: "Universal", 2: "Additional", 3: "Targeted", 4: "Specialist"},
        "consent": {
            3: {
                "consent_needed": "Consent is needed.",
                "if_refused": "Think about stepping up.",
                "tell_parents": "Tell parents.",
                "lawful_basis": ["Article 6(1)(e)"],
                "record": ["Who agreed"],
            }
        },
        "golden_rules": [
            {"title": "Be open and honest", "text": "Say what you share and why.", "source": SRC},
            *({"title": f"Golden rule {n}", "text": f"Golden rule {n}."} for n in range(2, 8)),
        ],
        "criteria": {
            "up": [
                ["step-up-needs-escalating", "Needs are getting worse."],
                ["step-up-plan-stalled", "The plan is not working."],
            ],
            "down": [
                ["step-down-risks-reduced", "Risks have reduced."],
                ["step-down-family-agrees", "The family agree."],
            ],
        },
        "procedures": {
            "up": {
                "summary": "Moving a case up.",
                "who_decides": "The lead professional with a manager.",
                "steps": ["Talk to the family.", "Refer to the MASH."],
                "handover_checklist": ["Share the current plan.", "Agree a handover meeting."],
            },
            "down": {
                "summary": "Moving a case down.",
                "who_decides": "Social care with the receiving service.",
                "steps": ["Hold a step-down meeting."],
                "handover_checklist": ["Name the new lead professional.", "Share the chronology."],
            },
        },
    }
    return load_spec(spec)
