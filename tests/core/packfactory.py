"""Small hand-built packs for engine, stepping and contact tests (no YAML, no loader).

Imported by the tests in this folder as ``packfactory`` (pytest puts the folder on sys.path).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from thresholds_app.core.pack.model import (
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
    Question,
    Roles,
    Rule,
    RuleEffect,
    Source,
    SteppingProcedure,
    Timescale,
    Topic,
)

DOMAINS = ("developmental-needs", "parenting-capacity", "family-environment")
PREFIX = {"dn": "developmental-needs", "pc": "parenting-capacity", "fe": "family-environment"}

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


def make_indicator(
    id: str,
    level: int,
    *,
    kind: str = "concern",
    domain: str | None = None,
    area: str = "health",
    theme: str | None = None,
    ages: Iterable[str] = (),
    topics: Iterable[str] = (),
) -> Indicator:
    return Indicator(
        id=id,
        domain=domain or PREFIX[id[:2]],
        area=area,
        level=level,
        kind=kind,
        theme=theme,
        text=f"Text of {id}",
        examples=("one", "two"),
        ages=tuple(ages),
        keywords=(),
        topics=tuple(topics),
        source="src",
    )


def make_rule(
    id: str,
    when: Mapping[str, Any],
    *,
    level: int | None = None,
    emergency: bool = False,
    warning: str | None = None,
    topics: Iterable[str] = (),
    order: int = 0,
) -> Rule:
    return Rule(
        id=id,
        label=f"Label of {id}",
        explanation=f"Why {id}",
        when=when,
        then=RuleEffect(level, emergency, warning, tuple(topics)),
        source="src",
        order=order,
    )


def ordered(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """Give rules their order from their position."""
    return tuple(
        Rule(r.id, r.label, r.explanation, r.when, r.then, r.source, i) for i, r in enumerate(rules)
    )


MASH = Contact(
    "mash",
    "MASH",
    "0121 788 4300",
    (
        OpeningHours(("mon", "tue", "wed", "thu"), "08:45", "17:20"),
        OpeningHours(("fri",), "08:45", "16:30"),
    ),
    "Referrals",
    "edt",
    "src",
)
EDT = Contact("edt", "Emergency Duty Team", "0121 605 6060", (), "Out of hours", None, "src")
NINE = Contact("emergency-999", "Police, ambulance", "999", (), "Danger now", None, "src")
EARLY_HELP = Contact(
    "early-help",
    "Early help",
    "0121 000 0000",
    (OpeningHours(("mon", "tue", "wed", "thu", "fri"), "09:00", "17:00"),),
    "Early help",
    None,
    "src",
)

QUESTIONS = {
    q: Question(q, f"Question {q}?", "", "safety", "src")
    for q in (
        "immediate-danger",
        "other-children-considered",
        "child-voice-recorded",
        "parental-alcohol-asked",
        "consent-sought",
        "consent-refused",
        "informing-parents-increases-risk",
        "open-to-early-help",
    )
}


def _level(n: int) -> Level:
    contacts = {1: ("early-help",), 2: ("early-help",), 3: ("early-help", "mash")}.get(
        n, ("emergency-999", "mash", "edt")
    )
    return Level(n, f"Level {n}", "", (), "", "", (), (f"Do the Level {n} thing",), contacts, "src")


def _consent(n: int) -> ConsentLevel:
    return ConsentLevel(
        level=n,
        consent_needed=f"Consent at {n}",
        from_whom="Parents",
        if_refused=f"If refused at {n}",
        consider_step_up_if_refused=n == 3,
        tell_parents=f"Tell parents at {n}",
        lawful_basis=("Public task",),
        record=("What was shared",),
        source="src",
    )


def _procedure(prefix: str) -> SteppingProcedure:
    return SteppingProcedure(
        summary=f"{prefix} summary",
        criteria=(Criterion(f"{prefix}-a", "Criterion A"), Criterion(f"{prefix}-b", "Criterion B")),
        who_decides="The team manager",
        steps=(f"{prefix} step 1", f"{prefix} step 2"),
        handover_checklist=(f"{prefix} check 1",),
        timescales=(Timescale("Handover meeting", "within 10 working days"),),
        source="src",
    )


def make_pack(
    indicators: Iterable[Indicator] = (),
    rules: Iterable[Rule] = (),
    *,
    mandatory: tuple[str, ...] = ("immediate-danger",),
    topics: Iterable[str] = (),
    contacts: Iterable[Contact] = (MASH, EDT, NINE, EARLY_HELP),
) -> Pack:
    manifest = Manifest(
        id="test-pack",
        title="Test pack",
        area="Testshire",
        version="0.0.1",
        effective_from="2022-01-01",
        review_by="2030-01-01",
        expires=None,
        publisher="Tests",
        provenance_note="",
        sources={"src": Source("src", "Source", "https://example.invalid", "invented")},
        parts={},
        mandatory_questions=mandatory,
        roles=ROLES,
    )
    inds = {i.id: i for i in indicators}
    return Pack(
        manifest=manifest,
        levels={n: _level(n) for n in (1, 2, 3, 4)},
        questions=QUESTIONS,
        domains=tuple(Domain(d, d.title(), ()) for d in DOMAINS),
        indicators=inds,
        topics={
            t: Topic(t, t.title(), "", (), (f"First step for {t}",), ("mash",), (), (), (), "src")
            for t in topics
        },
        policy="highest-level",
        rules=ordered(rules),
        consent=ConsentGuide({n: _consent(n) for n in (1, 2, 3, 4)}, (), ()),
        step_up=_procedure("up"),
        step_down=_procedure("down"),
        contacts_note="",
        contacts={c.id: c for c in contacts},
        scenarios=(),
        tests=(),
        content_hash="0" * 64,
    )


def rules_from_yaml(path: Any) -> tuple[Rule, ...]:
    """Read a rules.yaml into Rule objects (for tests, before and beside the real loader)."""
    import yaml

    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return ordered(
        make_rule(
            r["id"],
            r["when"],
            level=r["then"].get("level"),
            emergency=r["then"].get("emergency", False),
            warning=r["then"].get("warning"),
            topics=r["then"].get("topics", ()),
        )
        for r in data["rules"]
    )
