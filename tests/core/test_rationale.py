"""The rationale as data: what it says, in what order, and that it never invents a decision."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sample_packs import sample_case, sample_pack
from thresholds_app.core.case.record import CaseRecord, SteppingRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import (
    Entry,
    Field,
    Items,
    Rationale,
    Table,
    build_rationale,
    format_produced_at,
    rationale_to_text,
)
from thresholds_app.core.rules.engine import assess


@pytest.fixture
def pack() -> Pack:
    return sample_pack()


@pytest.fixture
def case(pack: Pack) -> CaseRecord:
    return sample_case(pack)


def build(pack: Pack, case: CaseRecord) -> Rationale:
    assessment = assess(pack, case.answers, case.context())
    return build_rationale(pack, case, assessment, "2026-01-05 10:00 UTC", "0.1.0")


def test_identity_and_furniture(pack: Pack, case: CaseRecord) -> None:
    r = build(pack, case)
    assert (r.marking, r.child_reference, r.pack_id, r.pack_version, r.pack_short_hash) == (
        "OFFICIAL-SENSITIVE",
        "SAMPLE-0042",
        "sample-pack",
        "9.9.9",
        pack.short_hash,
    )
    assert len(r.pack_short_hash) == 12
    assert r.provenance_note.startswith("Content follows the regional pattern")
    assert "supports professional judgement and does not replace it" in r.intended_use


def test_summary_golden(pack: Pack, case: CaseRecord) -> None:
    s = build(pack, case).summary
    assert (s.guidance_level, s.decision_level, s.differs, s.emergency) == (
        "Level 3: Targeted",
        "Level 3: Targeted",
        False,
        False,
    )
    assert s.route == "Contact Sample MASH (0100 000 0000)."
    assert [c.name for c in s.contacts] == ["Sample MASH", "Sample EDT"]
    assert s.consent == "Consent is needed at Level 3."


def test_section_order_golden(pack: Pack, case: CaseRecord) -> None:
    case.stepping = SteppingRecord("up", ["step-up-needs"], "")
    titles = [s.title for s in build(pack, case).sections]
    assert titles == [
        "About the child and the referrer",
        "What the worry is",
        "Why the guidance indicates this level",
        "Indicators selected",
        "What is going well",
        "What would change it, and gaps",
        "The child's voice and the family's views",
        "Other children in the household or in contact",
        "Consent and information sharing",
        "Special pathways that apply",
        "Stepping up",
        "Next steps",
        "The practitioner's decision",
    ]


def test_reasons_carry_rules_answers_and_sources(pack: Pack, case: CaseRecord) -> None:
    entry = build(pack, case).section("Why the guidance indicates this level").blocks[0]
    assert entry == Entry(
        "A Level 3 concern is present (Level 3)",
        (
            # in pack order: domains/family-environment.yaml before parenting-capacity.yaml
            "Domestic abuse at home that the child sees or hears (Level 3): yes",
            "The child is often hungry or poorly dressed for the weather (Level 3): yes",
        ),
        "Source: Sample source document",
    )


def test_indicators_grouped_by_domain_with_levels(pack: Pack, case: CaseRecord) -> None:
    blocks = build(pack, case).section("Indicators selected").blocks
    assert [(b.label, b.rows) for b in blocks if isinstance(b, Table)] == [
        (
            "Parenting capacity",
            (
                (
                    "Basic care",
                    "The child is often hungry or poorly dressed for the weather.",
                    "Level 3",
                ),
            ),
        ),
        (
            "Family and environmental factors",
            (
                (
                    "Family history and functioning",
                    "Domestic abuse at home that the child sees or hears.",
                    "Level 3",
                ),
            ),
        ),
    ]


def test_household_lists_every_child(pack: Pack, case: CaseRecord) -> None:
    (table,) = build(pack, case).section("Other children in the household or in contact").blocks
    assert isinstance(table, Table)
    assert [row[0] for row in table.rows] == ["Sibling A", "Cousin B"]
    assert table.rows[1][4] == "Lives with another family; their school has been told."


def test_child_voice_or_why_not(pack: Pack, case: CaseRecord) -> None:
    case.free_text.child_voice = ""
    case.free_text.child_voice_not_obtained_reason = "Baby of four months."
    voice = build(pack, case).section("The child's voice and the family's views").blocks[0]
    assert voice == Field("The child's views could not be obtained because", "Baby of four months.")


def test_difference_is_shown_with_the_reason(pack: Pack, case: CaseRecord) -> None:
    case.decision.level = 4
    case.decision.differs_reason = "New disclosure this morning."
    r = build(pack, case)
    assert r.summary.differs
    assert r.summary.differs_reason == "New disclosure this morning."
    assert r.summary.decision_level == "Level 4: Specialist"
    assert r.summary.route.endswith("This follows the practitioner's decision (Level 4).")


def test_decision_is_never_taken_from_the_engine(pack: Pack, case: CaseRecord) -> None:
    case.decision.level = None
    r = build(pack, case)
    assert r.summary.decision_level == "No decision recorded"
    decided = r.section("The practitioner's decision").blocks[0]
    assert decided == Field("Level decided by the practitioner", "")


def test_emergency_route(pack: Pack, case: CaseRecord) -> None:
    case.answers["immediate-danger"] = "yes"
    s = build(pack, case).summary
    assert s.emergency
    assert s.route.startswith("Call 999 now")


def test_what_would_change_is_listed(pack: Pack, case: CaseRecord) -> None:
    # Only related or "not known" concerns are offered (issue 12): the sample's injury is not known.
    blocks = build(pack, case).section("What would change it, and gaps").blocks
    changes = blocks[0]
    assert isinstance(changes, Items)
    assert changes.items[0] == (
        "Answering yes to “An injury with no explanation that fits” would raise it to Level 4."
    )


def test_a_change_leaving_too_little_answered_says_so(pack: Pack, case: CaseRecord) -> None:
    # QA #1: the rationale words a change as the screen would show it, not the raw level.
    from thresholds_app.core.rules.assessment import Change

    assessment = assess(pack, case.answers, case.context())
    unsettled = (Change("x", "Answer x", "no", "lower", 1, enough_answered=False),)
    r = build_rationale(pack, case, replace(assessment, what_would_change=unsettled), "t", "v")
    items = r.section("What would change it, and gaps").blocks[0]
    assert isinstance(items, Items)
    assert items.items == (
        "Answering no to “Answer x” would leave too little answered to suggest a level.",
    )


def test_no_numeric_scores_anywhere(pack: Pack, case: CaseRecord) -> None:
    text = rationale_to_text(build(pack, case)).lower()
    for word in ("score", "probability", "risk rating", "%"):
        assert word not in text


def test_text_export_golden_head(pack: Pack, case: CaseRecord) -> None:
    text = rationale_to_text(build(pack, case))
    assert text.splitlines()[:10] == [
        "OFFICIAL-SENSITIVE",
        "Referral rationale: SAMPLE-0042",
        "",
        "SUMMARY",
        "The guidance indicates: Level 3: Targeted",
        "Practitioner's decision: Level 3: Targeted",
        # the sample marks its Level 4 domestic abuse concern not known
        "NOTICE: A Level 4 concern is not known: if so, the child needs Level 4 help. Find out "
        "as soon as you can (see Gaps).",
        "Emergency: No.",
        "Route: Contact Sample MASH (0100 000 0000).",
        "Contact: Sample MASH, 0100 000 0000: Help at Level 3 (in office hours)",
    ]
    assert "  - Child: Sibling A; Relationship: Brother; Age band: 1-4; Assessed: Yes;" in text
    assert text.rstrip().endswith("OFFICIAL-SENSITIVE")


def test_draft_blockers_lead_the_text(pack: Pack, case: CaseRecord) -> None:
    assessment = assess(pack, case.answers, case.context())
    r = build_rationale(pack, case, assessment, "t", "v", ("Write the reasons.",))
    assert rationale_to_text(r).splitlines()[3:5] == [
        "DRAFT: not ready to send. Still to do:",
        "  - Write the reasons.",
    ]


def test_same_inputs_same_rationale(pack: Pack, case: CaseRecord) -> None:
    assert build(pack, case) == build(pack, replace(case))


def test_format_produced_at() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    # UK time with its zone, whatever zone the moment came in (issue 10: UI and CLI disagreed).
    moment = datetime(2026, 1, 5, 11, 7, tzinfo=timezone(timedelta(hours=1)))
    assert format_produced_at(moment) == "2026-01-05 10:07 GMT"
    assert format_produced_at(datetime(2026, 1, 5, 10, 7)) == "2026-01-05 10:07 GMT"
    assert format_produced_at(datetime(2026, 1, 5, 10, 7, tzinfo=UTC)) == "2026-01-05 10:07 GMT"
    assert format_produced_at(datetime(2026, 7, 6, 10, 7, tzinfo=UTC)) == "2026-07-06 11:07 BST"
    assert format_produced_at(datetime(2026, 7, 6, 11, 7)) == "2026-07-06 11:07 BST"


def test_long_change_lists_are_cut_to_a_count(pack: Pack, case: CaseRecord) -> None:
    from thresholds_app.core.rules.assessment import Change

    assessment = assess(pack, case.answers, case.context())
    many = tuple(Change(f"x{i}", f"Answer {i}", "yes", "raise", 4) for i in range(9))
    seven = tuple(Change(f"x{i}", f"Answer {i}", "yes", "raise", 4) for i in range(7))
    for changes, expected in ((many, 7), (seven, 7)):
        r = build_rationale(pack, case, replace(assessment, what_would_change=changes), "t", "v")
        items = r.section("What would change it, and gaps").blocks[0]
        assert isinstance(items, Items)
        assert len(items.items) == expected
    assert items.items[-1].startswith("Answering yes to “Answer 6”")


def test_an_unknown_stepping_criterion_is_flagged_not_printed_raw(
    pack: Pack, case: CaseRecord
) -> None:
    case.stepping = SteppingRecord("up", ["step-up-needs", "no-such-criterion"], "")
    text = rationale_to_text(build(pack, case))
    assert "A criterion that is not in this guidance (no-such-criterion)" in text
    assert "\n- no-such-criterion" not in text
