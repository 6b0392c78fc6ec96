"""The one builder of test packs: small YAML packs, written to a folder and read by the real loader.

Every pack a test uses passes the same checks as a shipped pack (strict YAML, the JSON Schemas,
cross-references, reachability), so no test runs on a pack the app would refuse. A test that needs
a broken pack starts from one of these and breaks one thing (``records.replace``).

- :func:`make_pack` builds a pack around the indicators and rules a test names
  (:func:`make_indicator`, :func:`make_rule` give their YAML data), with standard questions,
  levels, consent, stepping and contacts around them.
- :func:`load_spec` builds any pack from a plain description; :mod:`sample_packs` uses it for the
  packs many tests share (the sample pack and case, the UI tests' small pack).

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
    route: str | None = None,
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
    if route:
        data["route"] = route
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
    # every pathway an indicator offers exists, as the real validator requires
    topics = list(dict.fromkeys([*topics, *(t for i in indicators for t in i.get("topics", []))]))
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
