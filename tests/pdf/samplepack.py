"""A small invented pack built in Python, so PDF tests do not depend on the bundled content."""

from __future__ import annotations

from thresholds_app.core.pack import model as m

SRC = "sample-source"


def _indicator(
    id_: str, domain: str, area: str, level: int, text: str, kind: str = "concern"
) -> m.Indicator:
    return m.Indicator(
        id=id_,
        domain=domain,
        area=area,
        level=level,
        kind=kind,  # type: ignore[arg-type]
        theme=None,
        text=text,
        examples=("An example.",),
        ages=(),
        keywords=(),
        topics=("domestic-abuse",) if "domestic" in id_ else (),
        source=SRC,
    )


def _rule(
    id_: str, label: str, level: int | None, when: dict, order: int, emergency: bool = False
) -> m.Rule:
    return m.Rule(
        id=id_,
        label=label,
        explanation=f"Why: {label.lower()}.",
        when=when,
        then=m.RuleEffect(
            level=level,
            emergency=emergency,
            warning=None,
            topics=("domestic-abuse",) if "domestic" in id_ else (),
        ),
        source=SRC,
        order=order,
    )


def _procedure(word: str) -> m.SteppingProcedure:
    return m.SteppingProcedure(
        summary=f"How to step {word}.",
        criteria=(m.Criterion(f"step-{word}-needs", f"Needs have changed ({word})."),),
        who_decides="The lead professional with their manager.",
        steps=("Talk to your safeguarding lead.", "Agree a plan with the family."),
        handover_checklist=("Chronology shared.",),
        timescales=(m.Timescale("Handover meeting", "within 10 working days"),),
        source=SRC,
    )


def sample_pack(content_hash: str = "ab12cd34ef56" * 5 + "abcd") -> m.Pack:
    """Return a small but complete pack with rules for each level and an emergency rule."""
    domains = (
        m.Domain(
            "developmental-needs",
            "The child's developmental needs",
            (
                m.Area("health", "developmental-needs", "Health", ""),
                m.Area("education", "developmental-needs", "Education", ""),
            ),
        ),
        m.Domain(
            "parenting-capacity",
            "Parenting capacity",
            (m.Area("basic-care", "parenting-capacity", "Basic care", ""),),
        ),
        m.Domain(
            "family-environment",
            "Family and environmental factors",
            (
                m.Area(
                    "family-history-functioning",
                    "family-environment",
                    "Family history and functioning",
                    "",
                ),
            ),
        ),
    )
    indicators = [
        _indicator(
            "dn-school-attendance-l2",
            "developmental-needs",
            "education",
            2,
            "School attendance is falling.",
        ),
        _indicator(
            "dn-injury-unexplained-l4",
            "developmental-needs",
            "health",
            4,
            "An injury with no explanation that fits.",
        ),
        _indicator(
            "pc-basic-care-l3",
            "parenting-capacity",
            "basic-care",
            3,
            "The child is often hungry or poorly dressed for the weather.",
        ),
        _indicator(
            "fe-domestic-abuse-l3",
            "family-environment",
            "family-history-functioning",
            3,
            "Domestic abuse at home that the child sees or hears.",
        ),
        _indicator(
            "dn-strength-trusted-adult-l1",
            "developmental-needs",
            "health",
            1,
            "The child has a trusted adult at school.",
            kind="strength",
        ),
    ]
    questions = {
        q: m.Question(q, text, "", group, SRC)
        for q, text, group in (
            ("immediate-danger", "Is the child in immediate danger?", "safety"),
            ("other-children-considered", "Have other children been considered?", "household"),
            ("consent-sought", "Was consent sought?", "consent"),
            ("consent-refused", "Was consent refused?", "consent"),
        )
    }

    def count(level: int) -> dict:
        return {"count": {"at_least": 1, "where": {"level": level, "kind": "concern"}}}

    rules = (
        _rule(
            "immediate-danger",
            "The child may be in immediate danger",
            4,
            {"answer": {"id": "immediate-danger", "is": "yes"}},
            0,
            emergency=True,
        ),
        _rule("any-level-4-concern", "A Level 4 concern is present", 4, count(4), 1),
        _rule("any-level-3-concern", "A Level 3 concern is present", 3, count(3), 2),
        _rule("any-level-2-concern", "A Level 2 concern is present", 2, count(2), 3),
        _rule(
            "no-concerns",
            "No concerns selected",
            1,
            {"not": {"count": {"at_least": 1, "where": {"kind": "concern"}}}},
            4,
        ),
    )
    levels = {
        n: m.Level(
            n,
            name,
            f"Summary of level {n}.",
            ("Schools",),
            "Ask.",
            "Consent text.",
            (m.Timescale("Decision", "within 1 working day"),),
            (f"Next step at level {n}.",),
            ("mash",),
            SRC,
        )
        for n, name in ((1, "Universal"), (2, "Additional"), (3, "Targeted"), (4, "Specialist"))
    }
    consent = m.ConsentGuide(
        levels={
            n: m.ConsentLevel(
                n,
                f"Consent is needed at Level {n}."
                if n < 4
                else "Consent is not needed to refer at Level 4.",
                "Parents.",
                "Consider step-up.",
                n == 3,
                "Tell parents.",
                ("Public task",),
                ("Who gave consent",),
                SRC,
            )
            for n in (1, 2, 3, 4)
        },
        golden_rules=(m.TitledText("Share to protect", "Sharing can protect children.", SRC),),
        meanings_of_consent=(m.TitledText("Informed", "People know what is shared."),),
    )
    contacts = {
        "mash": m.Contact(
            "mash",
            "Sample MASH",
            "0100 000 0000",
            (m.OpeningHours(("mon", "tue", "wed", "thu", "fri"), "09:00", "17:00"),),
            "Referrals about significant harm.",
            "edt",
            SRC,
        ),
        "edt": m.Contact("edt", "Sample EDT", "0100 000 0001", (), "Out of hours.", None, SRC),
        "emergency-999": m.Contact(
            "emergency-999", "Police, ambulance", "999", (), "Immediate danger.", None, SRC
        ),
    }
    topic = m.Topic(
        "domestic-abuse",
        "Domestic abuse",
        "About domestic abuse.",
        ("Abuse at home.",),
        ("Complete a DASH checklist.", "Talk to the MASH."),
        ("mash",),
        (m.Tool("DASH", "Risk checklist."),),
        (),
        ("fighting",),
        SRC,
    )
    manifest = m.Manifest(
        id="sample-pack",
        title="Sample guidance",
        area="Sampleshire",
        version="9.9.9",
        effective_from="2024-01-01",
        review_by="2099-01-01",
        expires=None,
        publisher="Test team",
        provenance_note=(
            "Content follows the regional pattern; check against the partnership's published "
            "guidance."
        ),
        sources={
            SRC: m.Source(
                SRC, "Sample source document", "https://example.invalid", "regional-pattern"
            )
        },
        parts={"levels": m.PartStatus("regional-pattern", "Follows neighbours.")},
        mandatory_questions=("immediate-danger",),
        roles=m.Roles(
            immediate_danger="immediate-danger",
            other_children="other-children-considered",
            consent_sought="consent-sought",
            consent_refused="consent-refused",
            telling_parents_risk="informing-parents-increases-risk",
            emergency_contact="emergency-999",
            front_door="mash",
            statutory_level=4,
        ),
    )
    return m.Pack(
        manifest=manifest,
        levels=levels,
        questions=questions,
        domains=domains,
        indicators={i.id: i for i in indicators},
        topics={"domestic-abuse": topic},
        policy="highest-level",
        rules=rules,
        consent=consent,
        step_up=_procedure("up"),
        step_down=_procedure("down"),
        contacts_note="Sample numbers.",
        contacts=contacts,
        scenarios=(),
        tests=(),
        content_hash=content_hash,
    )


def sample_case(pack: m.Pack):  # -> CaseRecord
    """Return a complete, export-ready invented case for ``pack`` (Level 3, decision Level 3)."""
    from thresholds_app.core.case import record as cf

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
