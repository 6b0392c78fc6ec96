"""Shared fixtures for the Qt tests: offscreen platform and a small hand-built pack."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from thresholds_app.core.pack.model import (
    Area,
    ConsentGuide,
    ConsentLevel,
    Contact,
    Criterion,
    Domain,
    Indicator,
    Level,
    Manifest,
    OpeningHours,
    Pack,
    PartStatus,
    Question,
    Roles,
    Source,
    SteppingProcedure,
    Timescale,
    TitledText,
    Topic,
)

ROLES = Roles(
    immediate_danger="immediate-danger",
    other_children="other-children-considered",
    consent_sought="consent-sought",
    consent_refused="consent-refused",
    telling_parents_risk="informing-parents-increases-risk",
    emergency_contact="emergency-999",
    front_door="mash",
    statutory_level=4,
)


def _indicator(
    id_: str, domain: str, area: str, level: int, text: str, **extra: object
) -> Indicator:
    values: dict[str, object] = {
        "kind": "concern",
        "theme": None,
        "examples": (),
        "ages": (),
        "keywords": (),
        "topics": (),
        "source": "src",
    }
    values.update(extra)
    return Indicator(id=id_, domain=domain, area=area, level=level, text=text, **values)  # type: ignore[arg-type]


def build_small_pack() -> Pack:
    """A tiny but complete pack for UI tests (invented wording)."""
    levels = {
        n: Level(
            number=n,
            name=name,
            summary=f"Summary of level {n}.",
            who_responds=("Schools",),
            how_to_get_help="Ask.",
            consent="Consent text.",
            timescales=(Timescale("Decision", "within 1 working day"),),
            next_steps=(f"Next step at level {n}.",),
            contacts=("mash",),
            source="src",
        )
        for n, name in ((1, "Universal"), (2, "Additional"), (3, "Targeted"), (4, "Specialist"))
    }
    domains = (
        Domain(
            "developmental-needs",
            "The child's developmental needs",
            (
                Area("health", "developmental-needs", "Health", ""),
                Area("education", "developmental-needs", "Education", ""),
            ),
        ),
        Domain(
            "family-environment",
            "Family and environmental factors",
            (Area("family-history-functioning", "family-environment", "Family history", ""),),
        ),
    )
    indicators = [
        _indicator(
            "dn-bruise-explained-l1",
            "developmental-needs",
            "health",
            1,
            "A minor bruise with an explanation that fits.",
            theme="injuries",
            examples=("A grazed knee from the playground.",),
        ),
        _indicator(
            "dn-injury-non-mobile-l4",
            "developmental-needs",
            "health",
            4,
            "Any mark on a baby who cannot move about.",
            ages=("under-1",),
            topics=("non-mobile-bruising",),
            keywords=("bruise",),
        ),
        _indicator(
            "dn-school-attendance-l2",
            "developmental-needs",
            "education",
            2,
            "Attendance is falling.",
            examples=("Often late on Mondays.",),
            ages=("5-10", "11-15"),
        ),
        _indicator(
            "dn-strength-friends-l1",
            "developmental-needs",
            "education",
            1,
            "Has good friends at school.",
            kind="strength",
        ),
        _indicator(
            "fe-parental-alcohol-l2",
            "family-environment",
            "family-history-functioning",
            2,
            "A parent's drinking sometimes affects routines.",
            theme="parental-alcohol",
            keywords=("drinking",),
            topics=("parental-substance-use",),
        ),
        _indicator(
            "fe-parental-alcohol-l3",
            "family-environment",
            "family-history-functioning",
            3,
            "A parent's drinking often leaves the child without care.",
            theme="parental-alcohol",
            keywords=("drinking",),
        ),
        _indicator(
            "fe-domestic-abuse-l4",
            "family-environment",
            "family-history-functioning",
            4,
            "Serious violence at home.",
            theme="domestic-abuse",
            topics=("domestic-abuse",),
        ),
    ]
    topics = {
        "domestic-abuse": Topic(
            "domestic-abuse",
            "Domestic abuse",
            "When adults at home hurt each other.",
            ("Violence between adults",),
            ("Call the MASH",),
            ("mash",),
            (),
            (),
            ("fighting",),
            "src",
        ),
        "non-mobile-bruising": Topic(
            "non-mobile-bruising",
            "Bruising in babies who are not mobile",
            "Any mark on a non-mobile baby needs a referral.",
            ("A baby under one",),
            ("Refer the same day",),
            ("mash",),
            (),
            (),
            ("bruise",),
            "src",
        ),
    }
    stepping = SteppingProcedure(
        summary="Moving a case up.",
        criteria=(
            Criterion("step-up-needs-escalating", "Needs are getting worse."),
            Criterion("step-up-plan-stalled", "The plan is not working."),
        ),
        who_decides="The lead professional with a manager.",
        steps=("Talk to the family.", "Refer to the MASH."),
        handover_checklist=("Share the current plan.", "Agree a handover meeting."),
        timescales=(Timescale("Handover meeting", "within 10 working days"),),
        source="src",
    )
    step_down = SteppingProcedure(
        summary="Moving a case down.",
        criteria=(
            Criterion("step-down-risks-reduced", "Risks have reduced."),
            Criterion("step-down-family-agrees", "The family agree."),
        ),
        who_decides="Social care with the receiving service.",
        steps=("Hold a step-down meeting.",),
        handover_checklist=("Name the new lead professional.", "Share the chronology."),
        timescales=(),
        source="src",
    )
    return Pack(
        manifest=Manifest(
            "small",
            "Small test pack",
            "Testshire",
            "0.0.1",
            "2024-01-01",
            "2030-01-01",
            None,
            "Tests",
            "Invented.",
            {"src": Source("src", "Test source", "https://x", "national")},
            {"levels": PartStatus("invented", "")},
            ("immediate-danger",),
            ROLES,
        ),
        levels=levels,
        questions={
            "immediate-danger": Question(
                "immediate-danger", "Is the child in immediate danger?", "", "safety", "src"
            ),
        },
        domains=domains,
        indicators={i.id: i for i in indicators},
        topics=topics,
        policy="highest-level",
        rules=(),
        consent=ConsentGuide(
            levels={
                3: ConsentLevel(
                    3,
                    "Consent is needed.",
                    "Parents.",
                    "Think about stepping up.",
                    True,
                    "Tell parents.",
                    ("Article 6(1)(e)",),
                    ("Who agreed",),
                    "src",
                )
            },
            golden_rules=(TitledText("Be open and honest", "Say what you share and why.", "src"),),
            meanings_of_consent=(),
        ),
        step_up=stepping,
        step_down=step_down,
        contacts_note="Check these numbers.",
        contacts={
            "mash": Contact(
                "mash",
                "Test MASH",
                "0100 000 0000",
                (OpeningHours(("mon", "tue", "wed", "thu", "fri"), "09:00", "17:00"),),
                "Referrals.",
                None,
                "src",
            ),
            "emergency-999": Contact(
                "emergency-999", "Emergency", "999", (), "Danger.", None, "src"
            ),
        },
        scenarios=(),
        tests=(),
        content_hash="0123456789abcdef",
    )


@pytest.fixture
def small_pack() -> Pack:
    return build_small_pack()
