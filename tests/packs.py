"""The one builder of test packs: small YAML packs, written to a folder and read by the real loader.

Every pack a test uses passes the same checks as a shipped pack (strict YAML, the JSON Schemas,
cross-references, reachability), so no test runs on a pack the app would refuse. A test that needs
a broken pack starts from one of these and breaks one thing (``records.replace``).

- :func:`make_pack` builds a pack around the indicators and rules a test names
  (:func:`make_indicator`, :func:`make_rule` give their YAML data), with standard questions,
  levels, consent, stepping and contacts around them.
- :func:`sample_pack` and :func:`sample_case` are the invented pack and export-ready case the
  rationale, PDF and case-file tests share; :func:`small_pack` is the UI tests' pack.

Packs are cached by their content (a pack is immutable), so building the same one twice is free.
Imported as ``packs`` (``tests/`` is on the path because ``tests/conftest.py`` lives there).
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from thresholds_app.core.base.records import replace
from thresholds_app.core.case import record as cf
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack

SRC = "src"
DOMAIN_TITLES = {
    "developmental-needs": "The child's developmental needs",
    "parenting-capacity": "Parenting capacity",
    "family-environment": "Family and environmental factors",
}
DOMAINS = tuple(DOMAIN_TITLES)
PREFIX = {"dn": "developmental-needs", "pc": "parenting-capacity", "fe": "family-environment"}
PART_NAMES = ("levels", "indicators", "topics", "rules", "consent", "stepping", "contacts")

#: Questions every pack has (the ids the app's screens and rules rely on), with their group.
QUESTIONS: dict[str, tuple[str, str]] = {
    "immediate-danger": ("Is the child in immediate danger?", "safety"),
    "other-children-considered": ("Have other children been considered?", "household"),
    "child-voice-recorded": ("Has the child's voice been recorded?", "voice"),
    "parental-alcohol-asked": ("Has parental alcohol use been asked about?", "context"),
    "consent-sought": ("Was consent sought?", "consent"),
    "consent-refused": ("Was consent refused?", "consent"),
    "informing-parents-increases-risk": ("Would telling the parents increase risk?", "consent"),
    "open-to-early-help": ("Is the family open to early help?", "context"),
}

# What the app's rules need from a pack (pack.yaml roles), as the Solihull pack declares them.
ROLES: dict[str, Any] = {
    "immediate_danger": "immediate-danger",
    "other_children": "other-children-considered",
    "consent_sought": "consent-sought",
    "consent_refused": "consent-refused",
    "telling_parents_risk": "informing-parents-increases-risk",
    "emergency_contact": "emergency-999",
    "front_door": "mash",
    "statutory_level": 4,
}

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
MASH = {
    "id": "mash",
    "name": "MASH",
    "phone": "0121 788 4300",
    "hours": [
        {"days": ["mon", "tue", "wed", "thu"], "open": "08:45", "close": "17:20"},
        {"days": ["fri"], "open": "08:45", "close": "16:30"},
    ],
    "use_for": "Referrals",
    "out_of_hours": "edt",
    "source": SRC,
}
EDT = {"id": "edt", "name": "Emergency Duty Team", "phone": "0121 605 6060"}
EDT |= {"use_for": "Out of hours", "source": SRC}
NINE = {"id": "emergency-999", "name": "Police, ambulance", "phone": "999"}
NINE |= {"use_for": "Danger now", "source": SRC}
EARLY_HELP = {
    "id": "early-help",
    "name": "Early help",
    "phone": "0121 000 0000",
    "hours": [{"days": WEEKDAYS, "open": "09:00", "close": "17:00"}],
    "use_for": "Early help",
    "source": SRC,
}
LEVEL_CONTACTS = {
    1: ["early-help"],
    2: ["early-help"],
    3: ["early-help", "mash"],
    4: ["emergency-999", "mash", "edt"],
}


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
    text: str | None = None,
    examples: Iterable[str] = ("One example.", "Another example."),
    keywords: Iterable[str] = (),
) -> dict[str, Any]:
    """An indicator's YAML data; the domain defaults from the id's prefix (dn-, pc-, fe-)."""
    data: dict[str, Any] = {
        "id": id,
        "domain": domain or PREFIX[id[:2]],
        "area": area,
        "level": level,
        "kind": kind,
        "text": text or f"Text of {id}",
        "examples": list(examples),
        "source": SRC,
    }
    for key, value in (("theme", theme), ("ages", list(ages)), ("topics", list(topics))):
        if value:
            data[key] = value
    if keywords:
        data["keywords"] = list(keywords)
    return data


def make_rule(
    id: str,
    when: Mapping[str, Any],
    *,
    level: int | None = None,
    emergency: bool = False,
    warning: str | None = None,
    topics: Iterable[str] = (),
    label: str | None = None,
    explanation: str | None = None,
) -> dict[str, Any]:
    """A rule's YAML data (its order is its place in the list given to :func:`make_pack`)."""
    then: dict[str, Any] = {}
    if level is not None:
        then["level"] = level
    if emergency:
        then["emergency"] = True
    if warning:
        then["warning"] = warning
    if topics:
        then["topics"] = list(topics)
    return {
        "id": id,
        "label": label or f"Label of {id}",
        "explanation": explanation or f"Why {id}.",
        "when": dict(when),
        "then": then or {"emergency": False},
        "source": SRC,
    }


def make_pack(
    indicators: Iterable[Mapping[str, Any]] = (),
    rules: Iterable[Mapping[str, Any]] = (),
    *,
    mandatory: Iterable[str] = ("immediate-danger",),
    topics: Iterable[str] = (),
    contacts: Iterable[Mapping[str, Any]] = (MASH, EDT, NINE, EARLY_HELP),
) -> Pack:
    """A valid pack with these indicators and rules (and standard everything else)."""
    spec = _engine_spec(list(indicators), list(rules), list(mandatory), list(topics), contacts)
    return load_spec(spec)


def _engine_spec(
    indicators: list[Mapping[str, Any]],
    rules: list[Mapping[str, Any]],
    mandatory: list[str],
    topics: list[str],
    contacts: Iterable[Mapping[str, Any]],
) -> dict[str, Any]:
    contact_list = [dict(c) for c in contacts]
    have = {c["id"] for c in contact_list}
    if not indicators:  # a domain file needs an indicator; a strength changes no level
        indicators = [make_indicator("dn-filler-strength-l1", 1, kind="strength")]
    if not rules:
        rules = [make_rule("never-alone", {"answer": {"id": "immediate-danger", "is": "yes"}})]
    topic_contacts = ["mash"] if "mash" in have else []
    return {
        "manifest": {"id": "test-pack", "title": "Test pack", "area": "Testshire"},
        "mandatory": mandatory,
        "questions": QUESTIONS,
        "indicators": [dict(i) for i in indicators],
        "rules": [dict(r) for r in rules],
        "topics": {
            t: {"title": t.title(), "what_to_do": [f"First step for {t}"]}
            | ({"contacts": topic_contacts} if topic_contacts else {})
            for t in topics
        },
        "contacts": contact_list,
        "level_contacts": {n: [c for c in ids if c in have] for n, ids in LEVEL_CONTACTS.items()},
        "level_names": {n: f"Level {n}" for n in (1, 2, 3, 4)},
        "consent": {
            n: {
                "consent_needed": f"Consent at {n}",
                "if_refused": f"If refused at {n}",
                "tell_parents": f"Tell parents at {n}",
            }
            for n in (1, 2, 3, 4)
        },
        "criteria": {
            "up": [["up-a", "Criterion A"], ["up-b", "Criterion B"]],
            "down": [["down-a", "Criterion A"], ["down-b", "Criterion B"]],
        },
        "next_steps": {n: f"Do the Level {n} thing" for n in (1, 2, 3, 4)},
        "stepping_steps": "{word} step 1|{word} step 2",
        "handover": "{word} check 1",
    }


def load_spec(spec: Mapping[str, Any]) -> Pack:
    """Write ``spec`` as a pack folder and load it with the real loader (cached by content)."""
    # A fresh copy each time: the engine keeps its compiled rules on the pack object, and a pack
    # that has been assessed cannot be copied with ``records.replace`` yet (issue 10).
    return replace(_load(json.dumps(spec, sort_keys=True)))


_FOLDER = Path(tempfile.mkdtemp(prefix="thresholds-test-packs-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)


@cache
def _load(spec_json: str) -> Pack:
    spec = json.loads(spec_json)
    folder = _FOLDER / f"pack-{len(list(_FOLDER.iterdir()))}"
    write_pack(spec, folder)
    result = load_pack(folder)
    if not result.ok or result.pack is None:
        problems = "\n".join(str(p) for p in result.problems)
        raise AssertionError(f"a test pack does not pass the real validator:\n{problems}")
    return result.pack


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def write_pack(spec: Mapping[str, Any], folder: Path) -> None:
    """Write the YAML files of the pack described by ``spec`` into ``folder``."""
    manifest = spec["manifest"]
    indicators = spec["indicators"]
    domains = [d for d in DOMAINS if any(i["domain"] == d for i in indicators)]
    _dump(
        folder / "pack.yaml",
        {
            "id": manifest["id"],
            "title": manifest["title"],
            "area": manifest["area"],
            "version": manifest.get("version", "0.0.1"),
            "effective_from": manifest.get("effective_from", "2022-01-01"),
            "review_by": manifest.get("review_by", "2030-01-01"),
            **({"expires": manifest["expires"]} if manifest.get("expires") else {}),
            "publisher": manifest.get("publisher", "Tests"),
            "provenance_note": manifest.get("provenance_note", "Invented for tests."),
            "sources": [
                {
                    "id": SRC,
                    "title": manifest.get("source_title", "Invented source"),
                    "url": "https://example.invalid/",
                    "status": manifest.get("source_status", "invented"),
                }
            ],
            "parts": {
                name: {"status": "invented", "note": "Test."} for name in (*PART_NAMES, "scenarios")
            },
            "roles": spec.get("roles", ROLES),
            "settings": {"mandatory_questions": spec["mandatory"], "domain_order": domains},
        },
    )
    levels = []
    for n in (1, 2, 3, 4):
        level: dict[str, Any] = {
            "number": n,
            "name": spec["level_names"][str(n)],
            "summary": f"Summary of level {n}.",
            "who_responds": ["Schools"],
            "how_to_get_help": "Ask.",
            "consent": "Consent text.",
            "timescales": [{"what": "Decision", "when": "within 1 working day"}],
            "next_steps": [spec.get("next_steps", {}).get(str(n), f"Next step at level {n}.")],
            "source": SRC,
        }
        if spec["level_contacts"][str(n)]:
            level["contacts"] = spec["level_contacts"][str(n)]
        levels.append(level)
    _dump(folder / "levels.yaml", {"levels": levels})
    _dump(
        folder / "questions.yaml",
        {
            "questions": [
                {"id": q, "text": text, "group": group, "source": SRC}
                for q, (text, group) in spec["questions"].items()
            ]
        },
    )
    for domain in domains:
        mine = [{k: v for k, v in i.items() if k != "domain"} for i in indicators]
        mine = [m for m, i in zip(mine, indicators, strict=True) if i["domain"] == domain]
        areas = list(dict.fromkeys(i["area"] for i in mine))
        _dump(
            folder / "domains" / f"{domain}.yaml",
            {
                "domain": {
                    "id": domain,
                    "title": DOMAIN_TITLES[domain],
                    "areas": [
                        {"id": a, "title": spec.get("area_titles", {}).get(a) or a.capitalize()}
                        for a in areas
                    ],
                },
                "indicators": mine,
            },
        )
    for topic_id, topic in spec["topics"].items():
        _dump(
            folder / "topics" / f"{topic_id}.yaml",
            {
                "id": topic_id,
                "title": topic["title"],
                "summary": topic.get("summary", f"About {topic['title'].lower()}."),
                "applies_when": topic.get("applies_when", ["When it applies."]),
                "what_to_do": topic["what_to_do"],
                **({"contacts": topic["contacts"]} if topic.get("contacts") else {}),
                **({"tools": topic["tools"]} if topic.get("tools") else {}),
                **({"keywords": topic["keywords"]} if topic.get("keywords") else {}),
                "source": SRC,
            },
        )
    _dump(folder / "rules.yaml", {"policy": "highest-level", "rules": spec["rules"]})
    consent = {
        n: {
            "consent_needed": f"Consent at {n}",
            "from_whom": "Parents.",
            "if_refused": f"If refused at {n}",
            "tell_parents": f"Tell parents at {n}",
            "lawful_basis": ["Public task"],
            "record": ["What was shared"],
        }
        | spec.get("consent", {}).get(str(n), {})
        for n in (1, 2, 3, 4)
    }
    _dump(
        folder / "consent.yaml",
        {
            "levels": [
                {
                    "level": n,
                    "consent_needed": consent[n]["consent_needed"],
                    "from_whom": consent[n]["from_whom"],
                    "if_refused": consent[n]["if_refused"],
                    "consider_step_up_if_refused": n == 3,
                    "tell_parents": consent[n]["tell_parents"],
                    "lawful_basis": consent[n]["lawful_basis"],
                    "record": consent[n]["record"],
                    "source": SRC,
                }
                for n in (1, 2, 3, 4)
            ],
            "golden_rules": spec.get(
                "golden_rules",
                [{"title": f"Rule {n}", "text": f"Golden rule {n}."} for n in range(1, 8)],
            ),
            **({"meanings_of_consent": spec["meanings"]} if spec.get("meanings") else {}),
        },
    )

    def procedure(word: str) -> dict[str, Any]:
        return {
            "summary": f"How to step {word}.",
            "criteria": [
                {"id": c, "text": text} for c, text in _criteria(spec["criteria"][word], word)
            ],
            "who_decides": "The lead professional with their manager.",
            "steps": spec.get("stepping_steps", "Step {word}, first.|Step {word}, second.")
            .format(word=word)
            .split("|"),
            "handover_checklist": spec.get("handover", "Chronology shared.")
            .format(word=word)
            .split("|"),
            "timescales": [{"what": "Handover meeting", "when": "within 10 working days"}],
            "source": SRC,
        } | spec.get("procedures", {}).get(word, {})

    _dump(folder / "stepping.yaml", {"step_up": procedure("up"), "step_down": procedure("down")})
    _dump(
        folder / "contacts.yaml",
        {"note": spec.get("contacts_note", "Test numbers."), "contacts": spec["contacts"]},
    )


def _criteria(criteria: list[Any], word: str) -> list[tuple[str, str]]:
    """Criteria as ids, or ``[id, text]`` pairs."""
    return [
        (c, f"Criterion {c} ({word}).") if isinstance(c, str) else (c[0], c[1]) for c in criteria
    ]


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
