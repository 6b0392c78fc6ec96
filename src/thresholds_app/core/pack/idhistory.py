"""Stable ids across pack versions: what ``ids.yaml`` promises, checked (issue 12, section 8).

Case files outlive pack versions: a reviewer opens last year's referral with this year's pack. So
a pack with an ``ids.yaml`` keeps a list of every indicator, question, rule and topic id it has
ever published, and, for each id it no longer has, what replaced it. The checks here refuse:

- a published id that has gone without a ``retired`` entry saying what replaced it;
- a retired id that is back in the pack (an old answer would silently change meaning);
- a replacement that is not an id the pack has now;
- an id the pack has now that is missing from ``published`` (the list must stay complete).

A pack without ``ids.yaml`` (for example a small test pack) is not checked.
"""

from __future__ import annotations

from typing import Any

from thresholds_app.core.pack.yamlsafe import YamlDocument

Docs = dict[str, YamlDocument]
FILE = "ids.yaml"


def current_ids(docs: Docs) -> dict[str, str]:
    """Every indicator, question, rule and topic id in the pack -> what kind of id it is."""
    found: dict[str, str] = {}

    def add(items: Any, kind: str) -> None:
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.setdefault(item["id"], kind)

    for name, doc in sorted(docs.items()):
        data = doc.data if isinstance(doc.data, dict) else {}
        if name.startswith("domains/"):
            add(data.get("indicators"), "indicator")
        elif name.startswith("topics/") and isinstance(data.get("id"), str):
            found.setdefault(data["id"], "topic")
        elif name == "questions.yaml":
            add(data.get("questions"), "question")
        elif name == "rules.yaml":
            add(data.get("rules"), "rule")
    return found


def check_id_history(docs: Docs) -> None:
    """Add a problem to ``ids.yaml`` for every id dropped, reused or left unrecorded."""
    doc = docs.get(FILE)
    if doc is None or not isinstance(doc.data, dict) or doc.fatal:
        return
    if any(d.fatal or d.data is None for d in docs.values()):
        return  # another file could not be read: its ids are unknown, so say nothing
    now = current_ids(docs)
    published_raw = doc.data.get("published")
    published = (
        [p for p in published_raw if isinstance(p, str)] if isinstance(published_raw, list) else []
    )
    retired: dict[str, int] = {}
    for i, entry in enumerate(doc.data.get("retired") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            continue
        old = entry["id"]
        retired[old] = i
        if old in now:
            doc.add(
                ("retired", i, "id"),
                f"the {now[old]} '{old}' is retired but is back in the pack; an old case file's "
                "answer would change meaning. Give the new item a new id",
            )
        for j, new in enumerate(entry.get("replaced_by") or []):
            if isinstance(new, str) and new not in now:
                doc.add(
                    ("retired", i, "replaced_by", j),
                    f"'{new}' replaces '{old}' but is not an indicator, question, rule or topic "
                    "in the pack",
                )
        if old not in published:
            doc.add(("retired", i, "id"), f"'{old}' is retired but was never in 'published'")
    listed = set(published)
    for index, old in enumerate(published):
        if old not in now and old not in retired:
            doc.add(
                ("published", index),
                f"'{old}' was published but is no longer in the pack; add it under 'retired' "
                "with replaced_by (the ids that replace it, or [] with a note if nothing does)",
            )
    missing = sorted(i for i in now if i not in listed)
    if missing:
        shown = ", ".join(missing[:8]) + (" ..." if len(missing) > 8 else "")
        doc.add(
            ("published",),
            f"{len(missing)} id(s) in the pack are not recorded in 'published': {shown}; "
            "add every new id so that dropping it later is noticed",
        )
