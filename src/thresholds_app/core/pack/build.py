"""Turns a pack's checked data (one dict per file) into immutable :class:`Pack` objects.

Only called once every file has passed the schema and cross-reference checks, so it may assume
the shapes the schemas promise.

The pack's own test cases, its search self-check queries and its training scenarios are built
on first use (:class:`~thresholds_app.core.base.lazy.LazySequence`): only ``thresholds check``,
the training screens and the tests read them, and building them at every start was more than
half the work here (issue 11). They come from the same checked data, by the same functions.
"""

from __future__ import annotations

from typing import Any, cast

from thresholds_app.core.base.lazy import LazySequence
from thresholds_app.core.pack import model as m
from thresholds_app.core.pack.review_defaults import build_review_guide
from thresholds_app.core.pack.vocabulary import indicator_route

Data = dict[str, Any]
SEARCH_QUERIES_FILE = "tests/search.yaml"


def _t(values: Any) -> tuple[str, ...]:
    return tuple(values or ())


def _timescales(values: Any) -> tuple[m.Timescale, ...]:
    return tuple(m.Timescale(t["what"], t["when"]) for t in values or ())


def _manifest(data: Data) -> m.Manifest:
    return m.Manifest(
        id=data["id"],
        title=data["title"],
        area=data["area"],
        version=data["version"],
        effective_from=data["effective_from"],
        review_by=data["review_by"],
        expires=data.get("expires"),
        publisher=data["publisher"],
        provenance_note=data["provenance_note"],
        sources={
            s["id"]: m.Source(s["id"], s["title"], s["url"], s["status"]) for s in data["sources"]
        },
        parts={k: m.PartStatus(v["status"], v["note"]) for k, v in data["parts"].items()},
        mandatory_questions=_t((data.get("settings") or {}).get("mandatory_questions")),
        training_pass_mark=(data.get("settings") or {}).get("training_pass_mark"),
        roles=m.Roles(**data["roles"]),
        enough_answered=_enough_answered((data.get("settings") or {}).get("enough_answered")),
    )


def _enough_answered(data: Any) -> m.EnoughAnswered:
    if not data:
        return m.EnoughAnswered()
    return m.EnoughAnswered(
        questions=_t(data.get("questions")),
        answers_in_each_domain=int(data.get("answers_in_each_domain", 1)),
    )


def _levels(data: Data) -> dict[int, m.Level]:
    levels = [
        m.Level(
            number=lv["number"],
            name=lv["name"],
            summary=lv["summary"],
            who_responds=_t(lv["who_responds"]),
            how_to_get_help=lv["how_to_get_help"],
            consent=lv["consent"],
            timescales=_timescales(lv.get("timescales")),
            next_steps=_t(lv["next_steps"]),
            contacts=_t(lv.get("contacts")),
            source=lv["source"],
            routes=tuple(
                m.StatutoryRoute(
                    id=r["id"],
                    title=r["title"],
                    summary=r["summary"],
                    next_steps=_t(r["next_steps"]),
                    contacts=_t(r.get("contacts")),
                    source=r["source"],
                )
                for r in lv.get("routes") or ()
            ),
        )
        for lv in data["levels"]
    ]
    return {lv.number: lv for lv in sorted(levels, key=lambda lv: lv.number)}


def _domain(data: Data) -> tuple[m.Domain, list[m.Indicator]]:
    d = data["domain"]
    areas = tuple(
        m.Area(a["id"], d["id"], a["title"], a.get("description", "")) for a in d["areas"]
    )
    indicators = [
        m.Indicator(
            id=i["id"],
            domain=d["id"],
            area=i["area"],
            level=i["level"],
            kind=i["kind"],
            theme=i.get("theme"),
            text=i["text"],
            examples=_t(i["examples"]),
            ages=_t(i.get("ages")),
            keywords=_t(i.get("keywords")),
            topics=_t(i.get("topics")),
            source=i["source"],
            route=_route(i),
            if_not_known=i.get("if_not_known", ""),
        )
        for i in data["indicators"]
    ]
    return m.Domain(d["id"], d["title"], areas), indicators


def _route(indicator: Data) -> str | None:
    return indicator_route(indicator["level"], indicator["kind"], indicator.get("route"))


def _topic(data: Data) -> m.Topic:
    return m.Topic(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        applies_when=_t(data["applies_when"]),
        what_to_do=(*_t(data.get("must_do")), *_t(data["what_to_do"])),
        contacts=_t(data.get("contacts")),
        tools=tuple(m.Tool(t["name"], t["use"]) for t in data.get("tools") or ()),
        stages=tuple(
            m.Stage(s["label"], s["level"], s["description"], _t(s.get("examples")))
            for s in data.get("stages") or ()
        ),
        keywords=_t(data.get("keywords")),
        source=data["source"],
        must_do=_t(data.get("must_do")),
    )


def _rules(data: Data) -> tuple[m.Rule, ...]:
    return tuple(
        m.Rule(
            id=r["id"],
            label=r["label"],
            explanation=r["explanation"],
            when=r["when"],
            then=m.RuleEffect(
                level=r["then"].get("level"),
                emergency=bool(r["then"].get("emergency", False)),
                warning=r["then"].get("warning"),
                topics=_t(r["then"].get("topics")),
                route=r["then"].get("route"),
            ),
            source=r["source"],
            order=index,
        )
        for index, r in enumerate(data["rules"])
    )


def _consent_level(c: Data, level: int) -> m.ConsentLevel:
    return m.ConsentLevel(
        level=level,
        consent_needed=c["consent_needed"],
        from_whom=c["from_whom"],
        if_refused=c["if_refused"],
        consider_step_up_if_refused=bool(c.get("consider_step_up_if_refused", False)),
        tell_parents=c["tell_parents"],
        lawful_basis=_t(c["lawful_basis"]),
        record=_t(c["record"]),
        source=c["source"],
    )


def _consent(data: Data) -> m.ConsentGuide:
    levels = {c["level"]: _consent_level(c, c["level"]) for c in data["levels"]}
    routes = {r["route"]: _consent_level(r, 4) for r in data.get("routes") or ()}

    def titled(items: Any) -> tuple[m.TitledText, ...]:
        return tuple(m.TitledText(i["title"], i["text"], i.get("source")) for i in items or ())

    return m.ConsentGuide(
        dict(sorted(levels.items())),
        titled(data["golden_rules"]),
        titled(data.get("meanings_of_consent")),
        routes,
    )


def _procedure(p: Data) -> m.SteppingProcedure:
    return m.SteppingProcedure(
        summary=p["summary"],
        criteria=tuple(
            m.Criterion(c["id"], c["text"], c.get("ticked_by") or "") for c in p["criteria"]
        ),
        who_decides=p["who_decides"],
        steps=_t(p["steps"]),
        handover_checklist=_t(p["handover_checklist"]),
        timescales=_timescales(p.get("timescales")),
        source=p["source"],
    )


def _contact(c: Data) -> m.Contact:
    return m.Contact(
        id=c["id"],
        name=c["name"],
        phone=c["phone"],
        hours=tuple(
            m.OpeningHours(_t(h["days"]), h["open"], h["close"]) for h in c.get("hours") or ()
        ),
        use_for=c["use_for"],
        out_of_hours=c.get("out_of_hours"),
        source=c["source"],
    )


def scenarios_from(data: Data, file: str) -> list[m.Scenario]:
    """Build the scenarios of one schema-checked scenario file (a pack's, or a trainer's own)."""
    return [
        m.Scenario(
            id=s["id"],
            title=s["title"],
            story=s["story"],
            age_band=s.get("age_band"),
            key_indicators=_t(s["key_indicators"]),
            other_answers=cast(dict[str, m.Answer], dict(s.get("other_answers") or {})),
            expected_level=s["expected_level"],
            expected_emergency=bool(s.get("expected_emergency", False)),
            themes=_t(s.get("themes")),
            good_rationale_mentions=_t(s["good_rationale_mentions"]),
            discussion_points=_t(s["discussion_points"]),
            file=file,
        )
        for s in data["scenarios"]
    ]


def _tests(data: Data, file: str, lines: list[int]) -> list[m.TestCase]:
    cases = []
    for index, c in enumerate(data["cases"]):
        expected = c["expected"]
        fired = expected.get("rules_fired")
        cases.append(
            m.TestCase(
                name=c["name"],
                age_band=c.get("age_band"),
                answers=cast(dict[str, m.Answer], dict(c["answers"])),
                expected_level=expected["level"],
                expected_emergency=expected.get("emergency"),
                rules_fired=None if fired is None else _t(fired),
                rules_include=_t(expected.get("rules_include")),
                rules_exclude=_t(expected.get("rules_exclude")),
                file=file,
                line=lines[index] if index < len(lines) else 0,
                **_case_extras(expected),
            )
        )
    return cases


_CASE_LISTS = (
    "topics_include",
    "topics_exclude",
    "warnings_include",
    "warnings_exclude",
    "steps_mention",
    "steps_exclude",
    "gaps_include",
    "gap_steps_mention",
    "changes_exclude",
)


def _case_extras(expected: Data) -> dict[str, Any]:
    """The optional expectations beyond level and rules (see the tests schema)."""
    extras: dict[str, Any] = {key: _t(expected.get(key)) for key in _CASE_LISTS}
    consent = expected.get("consent") or {}
    extras["consent_step_up"] = consent.get("step_up")
    extras["consent_mentions"] = _t(consent.get("mentions"))
    extras["consent_excludes"] = _t(consent.get("excludes"))
    extras["route"] = expected.get("route")
    return extras


def _overlaps(data: Data) -> tuple[m.Overlap, ...]:
    return tuple(
        m.Overlap(o["id"], o["label"], _t(o["indicators"])) for o in data.get("overlaps") or ()
    )


def _replaced_by(data: Data | None) -> dict[str, tuple[str, ...]]:
    if not data:
        return {}
    return {r["id"]: _t(r.get("replaced_by")) for r in data.get("retired") or ()}


def _search_words(data: Data | None) -> m.SearchWords:
    if not data:
        return m.SearchWords()
    return m.SearchWords(
        synonyms=tuple(
            m.Synonym(_t(s["when_typed"]), _t(s["also_find"])) for s in data.get("synonyms") or ()
        ),
        ignored=_t(data.get("ignored_words")),
    )


def _search_queries(data: Data | None, file: str, lines: list[int]) -> m.SearchQuerySet:
    if not data:
        return m.SearchQuerySet()
    listed = data["queries"]

    def queries() -> list[m.SearchQuery]:
        return [
            m.SearchQuery(
                typed=q["typed"],
                who=q.get("who", ""),
                finds=_t(q["finds"]),
                age_band=q.get("age_band"),
                file=file,
                line=lines[index] if index < len(lines) else 0,
                top=q.get("top"),
            )
            for index, q in enumerate(listed)
        ]

    return m.SearchQuerySet(
        LazySequence(queries), data.get("top", 10), float(data.get("goal_percent", 95))
    )


def _scenarios_and_tests(
    data: dict[str, Any], lines: dict[str, list[int]]
) -> tuple[LazySequence[m.Scenario], LazySequence[m.TestCase]]:
    """The pack's scenarios and test cases, each built when first read (files in name order)."""
    names = sorted(data)

    def scenarios() -> list[m.Scenario]:
        found: list[m.Scenario] = []
        for name in names:
            if name.startswith("scenarios/"):
                found.extend(scenarios_from(data[name], name))
        return found

    def tests() -> list[m.TestCase]:
        found: list[m.TestCase] = []
        for name in names:
            if name.startswith("tests/") and name != SEARCH_QUERIES_FILE:
                found.extend(_tests(data[name], name, lines.get(name, [])))
        return found

    return LazySequence(scenarios), LazySequence(tests)


def build_pack(data: dict[str, Any], lines: dict[str, list[int]], content_hash: str) -> m.Pack:
    """Build a :class:`Pack` from validated file data keyed by path relative to the pack.

    ``lines`` maps each test file to the line of each of its cases (for failure reports).
    """
    domains: list[m.Domain] = []
    indicators: dict[str, m.Indicator] = {}
    topics: dict[str, m.Topic] = {}
    for name in sorted(data):
        if name.startswith("domains/"):
            domain, items = _domain(data[name])
            domains.append(domain)
            indicators.update((i.id, i) for i in items)
        elif name.startswith("topics/"):
            topic = _topic(data[name])
            topics[topic.id] = topic
    scenarios, tests = _scenarios_and_tests(data, lines)
    order = list((data["pack.yaml"].get("settings") or {}).get("domain_order") or [])
    domains.sort(key=lambda d: (order.index(d.id) if d.id in order else len(order), d.id))
    questions = data["questions.yaml"]["questions"]
    stepping = data["stepping.yaml"]
    contacts = data["contacts.yaml"]
    return m.Pack(
        manifest=_manifest(data["pack.yaml"]),
        levels=_levels(data["levels.yaml"]),
        questions={
            q["id"]: m.Question(q["id"], q["text"], q.get("help", ""), q["group"], q["source"])
            for q in questions
        },
        domains=tuple(domains),
        indicators=indicators,
        topics=topics,
        policy=data["rules.yaml"]["policy"],
        rules=_rules(data["rules.yaml"]),
        consent=_consent(data["consent.yaml"]),
        step_up=_procedure(stepping["step_up"]),
        step_down=_procedure(stepping["step_down"]),
        contacts_note=contacts["note"],
        contacts={c["id"]: _contact(c) for c in contacts["contacts"]},
        scenarios=scenarios,
        tests=tests,
        content_hash=content_hash,
        overlaps=_overlaps(data["rules.yaml"]),
        replaced_by=_replaced_by(data.get("ids.yaml")),
        published_ids=_t((data.get("ids.yaml") or {}).get("published")),
        not_known_next_step=str(
            (data["pack.yaml"].get("settings") or {}).get("not_known_next_step") or ""
        ),
        review=build_review_guide(data.get("review.yaml")),
        search_words=_search_words(data.get("synonyms.yaml")),
        search_queries=_search_queries(
            data.get(SEARCH_QUERIES_FILE),
            SEARCH_QUERIES_FILE,
            lines.get(SEARCH_QUERIES_FILE, []),
        ),
    )
