"""Checks on the search files that a schema cannot express.

- every id a search query expects (``tests/search.yaml``) is something search can find: an
  indicator, pathway or contact, or one of the ids given here to consent and stepping entries;
- a word is not both searched for (``when_typed``) and skipped (``ignored_words``).

Like the other cross-file checks they tolerate damaged files: anything unexpected is skipped.
"""

from __future__ import annotations

from typing import Any

from thresholds_app.core.base.problems import did_you_mean
from thresholds_app.core.pack.build import SEARCH_QUERIES_FILE
from thresholds_app.core.pack.yamlsafe import YamlDocument

_DEFINING_FILES = ("contacts.yaml", "consent.yaml")
STEPPING_IDS = {"step_up": "step-up", "step_down": "step-down"}


def consent_id(level: int) -> str:
    """The search id of the consent advice at ``level``."""
    return f"consent-level-{level}"


def golden_rule_id(number: int) -> str:
    """The search id of the ``number``-th golden rule (from 1)."""
    return f"golden-rule-{number}"


def consent_meaning_id(number: int) -> str:
    """The search id of the ``number``-th meaning of consent (from 1)."""
    return f"consent-meaning-{number}"


def _dicts(value: Any) -> list[tuple[int, dict[str, Any]]]:
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _strings(value: Any) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, str)]


def _findable_ids(docs: dict[str, YamlDocument]) -> set[str] | None:
    """Ids search can find; None if a file defining them could not be read."""
    found: set[Any] = set(STEPPING_IDS.values())
    for name, doc in docs.items():
        data = doc.data if isinstance(doc.data, dict) else None
        defines = name.startswith(("domains/", "topics/")) or name in _DEFINING_FILES
        if defines and (data is None or doc.fatal):
            return None
        if data is None:
            continue
        if name.startswith("domains/"):
            found.update(i.get("id") for _, i in _dicts(data.get("indicators")))
        elif name.startswith("topics/"):
            found.add(data.get("id"))
        elif name == "contacts.yaml":
            found.update(c.get("id") for _, c in _dicts(data.get("contacts")))
        elif name == "consent.yaml":
            levels = [c.get("level") for _, c in _dicts(data.get("levels"))]
            found.update(consent_id(n) for n in levels if isinstance(n, int))
            rules = _dicts(data.get("golden_rules"))
            found.update(golden_rule_id(i) for i in range(1, len(rules) + 1))
            meanings = _dicts(data.get("meanings_of_consent"))
            found.update(consent_meaning_id(i) for i in range(1, len(meanings) + 1))
    return {i for i in found if isinstance(i, str)}


def _check_queries(doc: YamlDocument, known: set[str]) -> None:
    data = doc.data if isinstance(doc.data, dict) else {}
    for i, query in _dicts(data.get("queries")):
        for j, wanted in _strings(query.get("finds")):
            if wanted not in known:
                doc.add(
                    ("queries", i, "finds", j),
                    f"'{wanted}' is not something search can find in this pack (an indicator, "
                    "pathway, contact, consent-level-N, golden-rule-N, step-up or step-down)"
                    + did_you_mean(wanted, sorted(known)),
                )


def _check_synonyms(doc: YamlDocument) -> None:
    data = doc.data if isinstance(doc.data, dict) else {}
    ignored = {w.lower() for _, w in _strings(data.get("ignored_words"))}
    for i, entry in _dicts(data.get("synonyms")):
        for j, word in _strings(entry.get("when_typed")):
            if word.lower() in ignored:
                doc.add(
                    ("synonyms", i, "when_typed", j),
                    f"'{word}' is also in ignored_words, so search would skip it: "
                    "remove it from one of the two",
                )


def check_search_files(docs: dict[str, YamlDocument]) -> None:
    """Add problems to ``synonyms.yaml`` and ``tests/search.yaml`` (when the pack has them)."""
    synonyms = docs.get("synonyms.yaml")
    if synonyms is not None:
        _check_synonyms(synonyms)
    queries = docs.get(SEARCH_QUERIES_FILE)
    known = _findable_ids(docs)
    if queries is not None and known is not None:
        _check_queries(queries, known)
