"""Checks across a pack's files that a schema cannot express.

They run on the parsed (schema-checked) data, file by file, and tolerate damaged files: a file
with schema problems may hold anything, so every access here is defensive. Checks:

- ids are unique across the whole pack;
- every reference resolves (sources, contacts, topics, areas, answers, rules), with a
  "did you mean" suggestion;
- every level used exists in ``levels.yaml``;
- every rule can fire (no condition that no answers could ever satisfy).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from thresholds_app.core.base.problems import did_you_mean
from thresholds_app.core.pack.contract import check_contract
from thresholds_app.core.pack.vocabulary import sub_conditions
from thresholds_app.core.pack.yamlsafe import Path, YamlDocument

Docs = dict[str, YamlDocument]


def _items(doc: YamlDocument | None, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (index, item) for each mapping in the list ``doc.data[key]``."""
    if doc is None or not isinstance(doc.data, dict):
        return
    items = doc.data.get(key)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def _docs_in(docs: Docs, folder: str) -> list[YamlDocument]:
    return [doc for name, doc in sorted(docs.items()) if name.startswith(folder + "/")]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str_list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class _Known(set[Any]):
    """Known ids of one kind.

    ``complete`` is False when a file defining them could not be read; references to them are
    then not checked, because every one would only echo that file's problem.
    """

    complete: bool = True


def _known(values: Any, sources: list[YamlDocument | None]) -> _Known:
    # Only plain ids and numbers count: a damaged file may hold lists or mappings anywhere.
    known = _Known(v for v in values if isinstance(v, str | int) and not isinstance(v, bool))
    known.complete = all(d is not None and d.data is not None and not d.fatal for d in sources)
    return known


class _Checker:
    def __init__(self, docs: Docs) -> None:
        self.docs = docs
        self.ids: dict[str, str] = {}  # id -> "file:line" where first defined
        pack = docs.get("pack.yaml")
        self.sources = _known(
            (s["id"] for _, s in _items(pack, "sources") if isinstance(s.get("id"), str)), [pack]
        )
        contacts = docs.get("contacts.yaml")
        self.contacts = _known((c.get("id") for _, c in _items(contacts, "contacts")), [contacts])
        topic_docs: list[YamlDocument | None] = list(_docs_in(docs, "topics"))
        self.topics = _known(
            (d.data.get("id") for d in _docs_in(docs, "topics") if isinstance(d.data, dict)),
            topic_docs,
        )
        questions = docs.get("questions.yaml")
        self.questions = _known(
            (q.get("id") for _, q in _items(questions, "questions")), [questions]
        )
        self.indicators: dict[str, dict[str, Any]] = {}
        self.domains: dict[str, set[str]] = {}
        for doc in _docs_in(docs, "domains"):
            self._index_domain(doc)
        levels, rules = docs.get("levels.yaml"), docs.get("rules.yaml")
        self.levels = _known((lv.get("number") for _, lv in _items(levels, "levels")), [levels])
        self.rules = _known((r.get("id") for _, r in _items(rules, "rules")), [rules])
        # Retired id -> its replacements (ids.yaml), so a stale reference says what to use now.
        self.retired: dict[str, list[str]] = {
            r["id"]: _str_list(r.get("replaced_by"))
            for _, r in _items(docs.get("ids.yaml"), "retired")
            if isinstance(r.get("id"), str)
        }
        domain_docs: list[YamlDocument | None] = list(_docs_in(docs, "domains"))
        self.indicators_complete = _known((), domain_docs).complete

    def _index_domain(self, doc: YamlDocument) -> None:
        domain = _dict(_dict(doc.data).get("domain"))
        domain_id = domain.get("id")
        areas = {
            a["id"]
            for a in _list(domain.get("areas"))
            if isinstance(a, dict) and isinstance(a.get("id"), str)
        }
        if isinstance(domain_id, str):
            self.domains.setdefault(domain_id, set()).update(a for a in areas if a)
        for _, ind in _items(doc, "indicators"):
            if isinstance(ind.get("id"), str):
                self.indicators[ind["id"]] = {**ind, "domain": domain_id}

    def doc(self, name: str) -> YamlDocument:
        """The document for ``name``, or an empty one when the file is missing."""
        return self.docs.get(name) or YamlDocument(name)

    # -- helpers -----------------------------------------------------------------------------
    def ref(self, doc: YamlDocument, path: Path, value: Any, known: set[Any], what: str) -> None:
        if isinstance(known, _Known) and not known.complete:
            return
        if isinstance(value, str) and value not in known:
            replaced = self.retired.get(value)
            if replaced is not None:
                now = ", ".join(f"'{r}'" for r in replaced) or "nothing"
                doc.add(path, f"{what} '{value}' has been retired; it is replaced by {now}")
                return
            hint = did_you_mean(value, [k for k in known if isinstance(k, str)])
            doc.add(path, f"{what} '{value}' does not exist{hint}")

    def claim(self, doc: YamlDocument, path: Path, value: Any) -> None:
        if not isinstance(value, str):
            return
        line, _ = doc.where(path)
        if value in self.ids:
            doc.add(
                path, f"the id '{value}' is already used at {self.ids[value]}; ids must be unique"
            )
        else:
            self.ids[value] = f"{doc.file}:{line}"

    def level(self, doc: YamlDocument, path: Path, value: Any) -> None:
        if not self.levels.complete:
            return
        # Out-of-range numbers are the schema's to report; this catches a gap in levels.yaml.
        in_range = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4
        if in_range and value not in self.levels:
            doc.add(path, f"level {value} is not defined in levels.yaml")

    def _indicator_ids(self) -> _Known:
        ids = _Known(self.indicators)
        ids.complete = self.indicators_complete
        return ids

    def _answerable(self) -> _Known:
        answerable = _Known(
            set(self.indicators) | {q for q in self.questions if isinstance(q, str)}
        )
        answerable.complete = self.questions.complete and self.indicators_complete
        return answerable

    # -- checks ------------------------------------------------------------------------------
    def run(self) -> None:
        self.check_unique_ids()
        self.check_sources()
        self.check_levels_file()
        self.check_indicators()
        self.check_topics_and_contacts()
        self.check_rules()
        self.check_consent()
        self.check_cases()
        check_contract(self)
        self.check_review()
        pack = self.doc("pack.yaml")
        settings = _dict(_dict(pack.data).get("settings"))
        if settings:
            for i, qid in enumerate(_str_list(settings.get("mandatory_questions"))):
                self.ref(
                    pack,
                    ("settings", "mandatory_questions", i),
                    qid,
                    self.questions,
                    "the question",
                )

    def check_review(self) -> None:
        doc = self.docs.get("review.yaml")
        if doc is None or not isinstance(doc.data, dict):
            return
        self.ref(doc, ("hours_from",), doc.data.get("hours_from"), self.contacts, "the contact")
        for i, qid in enumerate(_str_list(doc.data.get("ask_about"))):
            self.ref(doc, ("ask_about", i), qid, self.questions, "the question")
        for i, item in _items(doc, "rag"):
            clocks = [k for k in ("within_hours", "within_working_days") if k in item]
            if len(clocks) != 1:
                doc.add(
                    ("rag", i),
                    "a RAG rating needs exactly one clock: within_hours or within_working_days",
                )
        for key in ("rag", "outcomes", "agency_types"):
            seen: set[str] = set()
            for i, item in _items(doc, key):
                if item.get("id") in seen:
                    doc.add((key, i, "id"), f"the id {item.get('id')} is used twice")
                seen.add(str(item.get("id")))

    def check_unique_ids(self) -> None:
        doc = self.doc("questions.yaml")
        for i, q in _items(doc, "questions"):
            self.claim(doc, ("questions", i, "id"), q.get("id"))
        for doc in _docs_in(self.docs, "domains"):
            for i, ind in _items(doc, "indicators"):
                self.claim(doc, ("indicators", i, "id"), ind.get("id"))
        for doc in _docs_in(self.docs, "topics"):
            if isinstance(doc.data, dict):
                self.claim(doc, ("id",), doc.data.get("id"))
                expected = doc.file.rsplit("/", 1)[-1].removesuffix(".yaml")
                if isinstance(doc.data.get("id"), str) and doc.data["id"] != expected:
                    doc.add(
                        ("id",),
                        f"the topic id '{doc.data['id']}' must match its file name "
                        f"'{expected}.yaml'",
                    )
        for name, key in (("rules.yaml", "rules"), ("contacts.yaml", "contacts")):
            doc = self.doc(name)
            for i, item in _items(doc, key):
                self.claim(doc, (key, i, "id"), item.get("id"))
        for doc in _docs_in(self.docs, "scenarios"):
            for i, sc in _items(doc, "scenarios"):
                self.claim(doc, ("scenarios", i, "id"), sc.get("id"))
        stepping = self.doc("stepping.yaml")
        if isinstance(stepping.data, dict):
            for part in ("step_up", "step_down"):
                proc = stepping.data.get(part)
                if isinstance(proc, dict):
                    for i, crit in enumerate(_list(proc.get("criteria"))):
                        if isinstance(crit, dict):
                            self.claim(stepping, (part, "criteria", i, "id"), crit.get("id"))
                            where = (part, "criteria", i, "ticked_by")
                            by = crit.get("ticked_by")
                            self.ref(stepping, where, by, self.questions, "the question")

    def check_sources(self) -> None:
        for name, doc in sorted(self.docs.items()):
            if name != "pack.yaml":
                self._walk_sources(doc, doc.data, ())

    def _walk_sources(self, doc: YamlDocument, node: Any, path: Path) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "source" and isinstance(value, str):
                    self.ref(doc, (*path, key), value, self.sources, "the source")
                else:
                    self._walk_sources(doc, value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                self._walk_sources(doc, value, (*path, i))

    def check_levels_file(self) -> None:
        doc = self.doc("levels.yaml")
        seen: set[Any] = set()
        for i, lv in _items(doc, "levels"):
            number = lv.get("number")
            if number in seen:
                doc.add(("levels", i, "number"), f"level {number} is defined twice")
            seen.add(number)
            for j, cid in enumerate(_str_list(lv.get("contacts"))):
                self.ref(doc, ("levels", i, "contacts", j), cid, self.contacts, "the contact")

    def check_indicators(self) -> None:
        for doc in _docs_in(self.docs, "domains"):
            domain = _dict(_dict(doc.data).get("domain"))
            areas = {
                a["id"]
                for a in _list(domain.get("areas"))
                if isinstance(a, dict) and isinstance(a.get("id"), str)
            }
            for i, ind in _items(doc, "indicators"):
                self.ref(
                    doc,
                    ("indicators", i, "area"),
                    ind.get("area"),
                    areas,
                    f"the area (of domain '{domain.get('id')}')",
                )
                self.level(doc, ("indicators", i, "level"), ind.get("level"))
                if "route" in ind and (ind.get("level") != 4 or ind.get("kind") != "concern"):
                    doc.add(("indicators", i, "route"), "only a Level 4 concern has a route")
                for j, tid in enumerate(_str_list(ind.get("topics"))):
                    self.ref(doc, ("indicators", i, "topics", j), tid, self.topics, "the topic")

    def check_topics_and_contacts(self) -> None:
        for doc in _docs_in(self.docs, "topics"):
            if not isinstance(doc.data, dict):
                continue
            for j, cid in enumerate(_str_list(doc.data.get("contacts"))):
                self.ref(doc, ("contacts", j), cid, self.contacts, "the contact")
            for i, stage in _items(doc, "stages"):
                self.level(doc, ("stages", i, "level"), stage.get("level"))
        doc = self.doc("contacts.yaml")
        for i, contact in _items(doc, "contacts"):
            self.ref(
                doc,
                ("contacts", i, "out_of_hours"),
                contact.get("out_of_hours"),
                self.contacts,
                "the contact",
            )
            for j, hours in enumerate(_list(contact.get("hours"))):
                if isinstance(hours, dict) and str(hours.get("open")) >= str(hours.get("close")):
                    doc.add(
                        ("contacts", i, "hours", j),
                        "the opening time must be before the closing time",
                    )

    def check_rules(self) -> None:
        from thresholds_app.core.pack.reachability import unreachable_reason

        doc = self.doc("rules.yaml")
        answerable = self._answerable()
        for i, rule in _items(doc, "rules"):
            then = _dict(rule.get("then"))
            self.level(doc, ("rules", i, "then", "level"), then.get("level"))
            for j, tid in enumerate(_str_list(then.get("topics"))):
                self.ref(doc, ("rules", i, "then", "topics", j), tid, self.topics, "the topic")
            self._check_condition(doc, ("rules", i, "when"), rule.get("when"), answerable)
            reason = unreachable_reason(rule.get("when"), self.indicators, self.domains)
            if reason and self.indicators_complete:
                doc.add(("rules", i, "when"), f"this rule can never fire: {reason}")
        grouped: dict[str, str] = {}
        for i, overlap in _items(doc, "overlaps"):
            for j, iid in enumerate(_str_list(overlap.get("indicators"))):
                where = ("overlaps", i, "indicators", j)
                self.ref(doc, where, iid, self._indicator_ids(), "the indicator")
                if iid in grouped:
                    doc.add(where, f"'{iid}' is already in the overlap '{grouped[iid]}'")
                grouped.setdefault(iid, str(overlap.get("id")))

    def _check_condition(
        self, doc: YamlDocument, path: Path, cond: Any, answerable: set[str]
    ) -> None:
        if not isinstance(cond, dict):
            return
        answer = cond.get("answer")
        if isinstance(answer, dict):
            self.ref(
                doc,
                (*path, "answer", "id"),
                answer.get("id"),
                answerable,
                "the question or indicator",
            )
        for inside, sub in sub_conditions(cond):
            self._check_condition(doc, (*path, *inside), sub, answerable)
        count = cond.get("count")
        where = count.get("where") if isinstance(count, dict) else None
        if isinstance(where, dict):
            wpath = (*path, "count", "where")
            self.ref(doc, (*wpath, "domain"), where.get("domain"), set(self.domains), "the domain")
            all_areas = set().union(*self.domains.values()) if self.domains else set()
            self.ref(doc, (*wpath, "area"), where.get("area"), all_areas, "the area")
            themes = {t for i in self.indicators.values() if isinstance(t := i.get("theme"), str)}
            self.ref(doc, (*wpath, "theme"), where.get("theme"), themes, "the theme")
            self.ref(doc, (*wpath, "topic"), where.get("topic"), self.topics, "the topic")
            levels = where.get("level")
            for lv in levels if isinstance(levels, list) else [levels]:
                self.level(doc, (*wpath, "level"), lv)

    def check_consent(self) -> None:
        doc = self.doc("consent.yaml")
        seen: set[Any] = set()
        for i, entry in _items(doc, "levels"):
            number = entry.get("level")
            self.level(doc, ("levels", i, "level"), number)
            if number in seen:
                doc.add(("levels", i, "level"), f"consent for level {number} is given twice")
            seen.add(number)

    def check_cases(self) -> None:
        answerable = self._answerable()
        for doc in _docs_in(self.docs, "scenarios"):
            for i, sc in _items(doc, "scenarios"):
                for j, iid in enumerate(_str_list(sc.get("key_indicators"))):
                    self.ref(
                        doc,
                        ("scenarios", i, "key_indicators", j),
                        iid,
                        self._indicator_ids(),
                        "the indicator",
                    )
                self._answers(
                    doc, ("scenarios", i, "other_answers"), sc.get("other_answers"), answerable
                )
                self.level(doc, ("scenarios", i, "expected_level"), sc.get("expected_level"))
        for doc in _docs_in(self.docs, "tests"):
            for i, case in _items(doc, "cases"):
                self._answers(doc, ("cases", i, "answers"), case.get("answers"), answerable)
                expected = _dict(case.get("expected"))
                self.level(doc, ("cases", i, "expected", "level"), expected.get("level"))
                for key in ("rules_fired", "rules_include", "rules_exclude"):
                    for j, rid in enumerate(_str_list(expected.get(key))):
                        self.ref(doc, ("cases", i, "expected", key, j), rid, self.rules, "the rule")
                named = (
                    (("topics_include", "topics_exclude"), self.topics, "the topic"),
                    (("gaps_include", "changes_exclude"), answerable, "the question or indicator"),
                )
                for keys, known, what in named:
                    for key in keys:
                        for j, item in enumerate(_str_list(expected.get(key))):
                            self.ref(doc, ("cases", i, "expected", key, j), item, known, what)

    def _answers(self, doc: YamlDocument, path: Path, answers: Any, answerable: set[str]) -> None:
        if isinstance(answers, dict):
            for key in answers:
                self.ref(doc, (*path, key), key, answerable, "the question or indicator")


def check_cross_references(docs: Docs) -> None:
    """Add cross-reference problems to the documents in ``docs`` (keyed by relative path)."""
    _Checker(docs).run()
