"""What every pack must provide so the app's own rules work: its ``roles`` and their targets.

The app's safety rules need a few things from a pack by role, never by one partnership's ids: the
immediate-danger question (export waits for its answer), the household question, the consent
questions, the 999 contact, the front door with its out-of-hours contact, the statutory level,
and levels numbered 1, 2, 3... with no gap. The schema makes ``roles`` required; this module
checks that every role names something the pack defines, each with the file and line to fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thresholds_app.core.pack.crossref import _Checker

QUESTION_ROLES = (
    "immediate_danger",
    "other_children",
    "consent_sought",
    "consent_refused",
    "telling_parents_risk",
)
CONTACT_ROLES = ("emergency_contact", "front_door")


def _mappings(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def check_contract(checker: _Checker) -> None:
    """Add a problem for every role that names nothing, and for gaps in the level numbers."""
    pack = checker.doc("pack.yaml")
    data = pack.data if isinstance(pack.data, dict) else {}
    roles = data.get("roles")
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    enough = settings.get("enough_answered") if isinstance(settings, dict) else None
    if isinstance(enough, dict) and isinstance(enough.get("questions"), list):
        for i, qid in enumerate(enough["questions"]):
            path = ("settings", "enough_answered", "questions", i)
            checker.ref(pack, path, qid, checker.questions, "the question")
    _check_levels(checker)
    if not isinstance(roles, dict):
        return  # missing or malformed: the schema reports it with its line
    for role in QUESTION_ROLES:
        checker.ref(pack, ("roles", role), roles.get(role), checker.questions, "the question")
    for role in CONTACT_ROLES:
        checker.ref(pack, ("roles", role), roles.get(role), checker.contacts, "the contact")
    checker.level(pack, ("roles", "statutory_level"), roles.get("statutory_level"))
    _check_front_door(checker, roles.get("front_door"))


def _check_levels(checker: _Checker) -> None:
    doc = checker.doc("levels.yaml")
    if not checker.levels.complete or not isinstance(doc.data, dict):
        return
    numbers = sorted(n for n in checker.levels if isinstance(n, int))
    expected = list(range(1, len(numbers) + 1))
    if numbers and numbers != expected:
        doc.add(
            ("levels",),
            "levels must be numbered 1, 2, 3... with no gap; found "
            + ", ".join(str(n) for n in numbers),
        )


def _check_front_door(checker: _Checker, front_door: Any) -> None:
    """A front door with opening hours must name who covers it when it is closed."""
    doc = checker.doc("contacts.yaml")
    if not isinstance(doc.data, dict):
        return
    for i, contact in _mappings(doc.data.get("contacts")):
        if (
            contact.get("id") == front_door
            and contact.get("hours")
            and not contact.get("out_of_hours")
        ):
            doc.add(
                ("contacts", i),
                f"the front door '{front_door}' has opening hours, so it must name its "
                "out_of_hours contact (who to call when it is closed)",
            )
