"""What changed between two versions of a pack, in words a safeguarding officer reads.

:func:`diff_packs` compares two loaded packs and lists, in this order: levels renamed;
indicators whose id was replaced (the same wording under a new id), added, removed, moved
between levels or reworded; rules added, removed, now indicating another level, with a count
threshold changed, or with other conditions changed; contacts added, removed, or with a new
number, name or opening hours; questions added, removed or reworded. ``thresholds pack diff``
prints it, and the app shows it once when a new version is installed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Contact, Indicator, Pack, Rule

SAME_WORDING = 0.85  # how alike two indicators' texts must be to count as one with a new id


@record
class Change:
    """One change: its kind (for tools), what it is about, and a plain sentence."""

    kind: str
    subject: str
    text: str


@record
class PackDiff:
    """Every change from one pack version to another."""

    old: str  # "id version"
    new: str
    changes: tuple[Change, ...]

    def to_json(self) -> dict[str, Any]:
        """The JSON shape ``thresholds pack diff --json`` prints."""
        return {
            "old": self.old,
            "new": self.new,
            "changes": [
                {"kind": c.kind, "subject": c.subject, "text": c.text} for c in self.changes
            ],
        }

    def to_text(self) -> str:
        """A heading, then one line a change (or a line saying nothing changed)."""
        lines = [f"Changes from {self.old} to {self.new}:"]
        lines += [f"- {c.text}" for c in self.changes] or ["- Nothing that changes the guidance."]
        return "\n".join(lines)


WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = dict(
    zip(
        WEEK,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)


def _q(text: str) -> str:
    """Quoted, with the quoted sentence's own full stop left to the sentence around it."""
    return f"\u201c{text.strip().removesuffix('.')}\u201d"


def _days(days: tuple[str, ...]) -> str:
    """("mon", ..., "fri") -> "Monday to Friday"; other sets listed."""
    indexes = [WEEK.index(d) for d in days if d in WEEK]
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{DAY_NAMES[WEEK[indexes[0]]]} to {DAY_NAMES[WEEK[indexes[-1]]]}"
    return ", ".join(DAY_NAMES.get(d, d) for d in days)


def _level(number: int | None) -> str:
    return "no level (warnings only)" if number is None else f"Level {number}"


def _alike(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= SAME_WORDING


def diff_packs(old: Pack, new: Pack) -> PackDiff:
    """Compare ``old`` with ``new``."""
    changes = [
        *_levels(old, new),
        *_indicators(old.indicators, new.indicators),
        *_rules(old, new),
        *_contacts(old.contacts, new.contacts),
        *_questions(old, new),
    ]
    return PackDiff(
        f"{old.manifest.id} {old.manifest.version}",
        f"{new.manifest.id} {new.manifest.version}",
        tuple(changes),
    )


def _levels(old: Pack, new: Pack) -> Iterator[Change]:
    for number, level in sorted(new.levels.items()):
        before = old.levels.get(number)
        if before is not None and before.name != level.name:
            yield Change(
                "level-renamed",
                f"level-{number}",
                f"Level {number} is now called {_q(level.name)} (was {_q(before.name)}).",
            )


def _indicators(old: Mapping[str, Indicator], new: Mapping[str, Indicator]) -> Iterator[Change]:
    added = [i for i in new if i not in old]
    removed = [i for i in old if i not in new]
    for old_id in list(removed):
        match = next((a for a in added if _alike(old[old_id].text, new[a].text)), None)
        if match is None:
            continue
        removed.remove(old_id)
        added.remove(match)
        text = f"Indicator {old_id} is now {match}: {_q(new[match].text)}"
        if old[old_id].level != new[match].level:
            text += f", and it moved from Level {old[old_id].level} to Level {new[match].level}"
        yield Change(
            "indicator-id-replaced",
            match,
            text + f". Case files saved with {old_id} need that answer given again.",
        )
    for ind_id in added:
        ind = new[ind_id]
        yield Change(
            "indicator-added", ind_id, f"New Level {ind.level} {ind.kind} {ind_id}: {_q(ind.text)}."
        )
    for ind_id in removed:
        ind = old[ind_id]
        yield Change(
            "indicator-removed",
            ind_id,
            f"Removed Level {ind.level} {ind.kind} {ind_id}: {_q(ind.text)}.",
        )
    for ind_id, ind in new.items():
        before = old.get(ind_id)
        if before is None:
            continue
        if before.level != ind.level:
            yield Change(
                "indicator-moved",
                ind_id,
                f"Indicator {ind_id} moved from Level {before.level} to Level {ind.level}: "
                f"{_q(ind.text)}.",
            )
        if (before.domain, before.area) != (ind.domain, ind.area):
            yield Change(
                "indicator-regrouped",
                ind_id,
                f"Indicator {ind_id} moved from {before.domain} / {before.area} to "
                f"{ind.domain} / {ind.area}.",
            )
        if before.text != ind.text:
            yield Change(
                "indicator-reworded",
                ind_id,
                f"Indicator {ind_id} reworded: was {_q(before.text)}, now {_q(ind.text)}.",
            )


def _leaves(node: Any, path: str = "") -> dict[str, Any]:
    """A rule condition flattened to path -> value, for comparing two versions of it."""
    if isinstance(node, Mapping):
        out: dict[str, Any] = {}
        for key, value in node.items():
            out.update(_leaves(value, f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(node, list | tuple) and any(isinstance(v, Mapping) for v in node):
        out = {}
        for index, value in enumerate(node):
            out.update(_leaves(value, f"{path}[{index}]"))
        return out
    return {path: node}


def _rule_changes(before: Rule, rule: Rule) -> Iterator[Change]:
    name = f"Rule {_q(rule.label)} ({rule.id})"
    if before.then.level != rule.then.level:
        yield Change(
            "rule-level-changed",
            rule.id,
            f"{name} now indicates {_level(rule.then.level)} (was {_level(before.then.level)}).",
        )
    if before.then.emergency != rule.then.emergency:
        now = "now calls for emergency action (999)" if rule.then.emergency else "no longer calls"
        yield Change("rule-emergency-changed", rule.id, f"{name} {now}.")
    old_leaves, new_leaves = _leaves(before.when), _leaves(rule.when)
    thresholds = [
        path
        for path in sorted(set(old_leaves) & set(new_leaves))
        if path.endswith("at_least") and old_leaves[path] != new_leaves[path]
    ]
    for path in thresholds:
        yield Change(
            "count-threshold-changed",
            rule.id,
            f"{name} now needs at least {new_leaves[path]} matching answers "
            f"(was {old_leaves[path]}).",
        )
    others = {p for p in set(old_leaves) | set(new_leaves) if p not in thresholds}
    if any(old_leaves.get(p) != new_leaves.get(p) for p in others):
        yield Change("rule-conditions-changed", rule.id, f"{name}: when it applies has changed.")
    if (before.label, before.explanation) != (rule.label, rule.explanation):
        yield Change("rule-reworded", rule.id, f"{name}: its wording or explanation changed.")


def _rules(old: Pack, new: Pack) -> Iterator[Change]:
    old_rules = {r.id: r for r in old.rules}
    new_rules = {r.id: r for r in new.rules}
    for rule_id, rule in new_rules.items():
        before = old_rules.get(rule_id)
        if before is None:
            yield Change(
                "rule-added",
                rule_id,
                f"New rule {_q(rule.label)} ({rule_id}), indicating {_level(rule.then.level)}.",
            )
        else:
            yield from _rule_changes(before, rule)
    for rule_id, rule in old_rules.items():
        if rule_id not in new_rules:
            yield Change("rule-removed", rule_id, f"Removed rule {_q(rule.label)} ({rule_id}).")


def _hours(contact: Contact) -> str:
    if not contact.hours:
        return "no set hours"
    return "; ".join(f"{_days(h.days)} {h.open} to {h.close}" for h in contact.hours)


def _contacts(old: Mapping[str, Contact], new: Mapping[str, Contact]) -> Iterator[Change]:
    for cid, contact in new.items():
        before = old.get(cid)
        if before is None:
            yield Change(
                "contact-added",
                cid,
                f"New contact {contact.name}: {contact.phone} ({_hours(contact)}).",
            )
            continue
        if before.phone != contact.phone:
            yield Change(
                "contact-phone-changed",
                cid,
                f"{contact.name}'s number is now {contact.phone} (was {before.phone}).",
            )
        if before.hours != contact.hours:
            yield Change(
                "contact-hours-changed",
                cid,
                f"{contact.name}'s hours are now {_hours(contact)} (were {_hours(before)}).",
            )
        if before.name != contact.name:
            yield Change("contact-renamed", cid, f"{before.name} is now called {contact.name}.")
        if before.out_of_hours != contact.out_of_hours:
            yield Change(
                "contact-out-of-hours-changed",
                cid,
                f"Out of hours, {contact.name} now hands over to "
                f"{contact.out_of_hours or 'no one'} (was {before.out_of_hours or 'no one'}).",
            )
    for cid, contact in old.items():
        if cid not in new:
            yield Change(
                "contact-removed", cid, f"Removed contact {contact.name} ({contact.phone})."
            )


def _questions(old: Pack, new: Pack) -> Iterator[Change]:
    for qid, question in new.questions.items():
        before = old.questions.get(qid)
        if before is None:
            yield Change("question-added", qid, f"New question {qid}: {_q(question.text)}.")
        elif before.text != question.text:
            yield Change(
                "question-reworded",
                qid,
                f"Question {qid} reworded: was {_q(before.text)}, now {_q(question.text)}.",
            )
    for qid, question in old.questions.items():
        if qid not in new.questions:
            yield Change("question-removed", qid, f"Removed question {qid}: {_q(question.text)}.")
