"""The bundled Solihull pack, checked for what its schema cannot express.

Every area has indicators; every level is reachable by some test case; no two indicators say the
same thing; examples are real sentences; text is tidy; every rule fires in some case and only
just fails to fire in another; provenance is stated.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

import pytest

from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.paths import default_pack_dir


@cache
def solihull() -> Pack:
    result = load_pack(default_pack_dir())
    assert result.problems == []
    assert result.pack is not None
    return result.pack


def all_text(pack: Pack) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of prose in the pack."""
    for level in pack.levels.values():
        for text in (
            level.name,
            level.summary,
            level.how_to_get_help,
            level.consent,
            *level.who_responds,
            *level.next_steps,
        ):
            yield f"level {level.number}", text
        for route in level.routes:
            for text in (route.title, route.summary, *route.next_steps):
                yield f"level {level.number} route {route.id}", text
    for indicator in pack.indicators.values():
        for text in (indicator.text, *indicator.examples):
            yield indicator.id, text
    for topic in pack.topics.values():
        for text in (topic.title, topic.summary, *topic.applies_when, *topic.what_to_do):
            yield topic.id, text
    for rule in pack.rules:
        yield rule.id, rule.label
        yield rule.id, rule.explanation
    for question in pack.questions.values():
        yield question.id, question.text


def test_pack_is_large_enough_to_be_useful() -> None:
    pack = solihull()
    assert len(pack.levels) == 4
    assert len(pack.indicators) >= 150
    assert len(pack.topics) >= 16


def test_every_area_has_indicators_at_more_than_one_level() -> None:
    pack = solihull()
    for domain in pack.domains:
        for area in domain.areas:
            levels = {
                i.level
                for i in pack.indicators.values()
                if i.area == area.id and i.domain == domain.id
            }
            assert len(levels) >= 2, f"{domain.id}/{area.id} has indicators at {levels}"


def test_every_domain_has_strengths_and_level_4_concerns() -> None:
    pack = solihull()
    for domain in pack.domains:
        kinds = Counter(
            (i.kind, i.level) for i in pack.indicators.values() if i.domain == domain.id
        )
        assert kinds[("strength", 1)] >= 3, domain.id
        assert kinds[("concern", 4)] >= 3, domain.id


def test_themes_span_levels_so_the_step_between_them_shows() -> None:
    pack = solihull()
    themes: dict[str, set[int]] = {}
    for indicator in pack.indicators.values():
        if indicator.theme:
            themes.setdefault(indicator.theme, set()).add(indicator.level)
    spanning = [t for t, levels in themes.items() if len(levels) >= 3]
    for theme in ("school-attendance", "domestic-abuse", "parental-alcohol"):
        assert theme in themes, theme
    assert len(spanning) >= 10


def normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


def test_no_two_indicators_say_the_same_thing() -> None:
    pack = solihull()
    texts = Counter(normalise(i.text) for i in pack.indicators.values())
    assert [t for t, n in texts.items() if n > 1] == []


def test_examples_are_distinct_and_not_empty() -> None:
    pack = solihull()
    seen: dict[str, str] = {}
    for indicator in pack.indicators.values():
        assert 2 <= len(indicator.examples) <= 3, indicator.id
        for example in indicator.examples:
            key = normalise(example)
            assert len(key) >= 10, f"{indicator.id}: example too short: {example!r}"
            assert key not in seen, f"{indicator.id} repeats an example of {seen.get(key)}"
            seen[key] = indicator.id


def test_text_is_tidy() -> None:
    untidy = []
    for where, text in all_text(solihull()):
        if "  " in text or text != text.strip() or "\t" in text:
            untidy.append(f"{where}: {text!r}")
    assert untidy == []


def test_the_rules_named_by_the_local_guidance_exist() -> None:
    pack = solihull()
    assert "dn-injury-non-mobile-l4" in pack.indicators
    assert pack.indicators["dn-injury-non-mobile-l4"].level == 4
    assert pack.consent.levels[3].consider_step_up_if_refused
    assert not pack.consent.levels[4].consider_step_up_if_refused
    assert len(pack.consent.golden_rules) == 7


def test_contacts_carry_the_published_numbers_and_hours() -> None:
    contacts = solihull().contacts
    assert contacts["mash"].phone == "0121 788 4300"
    assert contacts["edt"].phone == "0121 605 6060"
    assert contacts["mash"].out_of_hours == "edt"
    hours = {(h.days, h.open, h.close) for h in contacts["mash"].hours}
    assert (("mon", "tue", "wed", "thu"), "08:45", "17:20") in hours
    assert (("fri",), "08:45", "16:30") in hours


def test_every_level_is_reached_by_some_test_case() -> None:
    reached = {case.expected_level for case in solihull().tests}
    assert {1, 2, 3, 4, None} <= reached


def test_every_rule_has_a_firing_and_a_not_firing_case() -> None:
    pack = solihull()
    fired: set[str] = set()
    not_fired: set[str] = set()
    for case in pack.tests:
        fired.update(case.rules_include)
        not_fired.update(case.rules_exclude)
        if case.rules_fired is not None:  # an exact list also says which rules did not fire
            fired.update(case.rules_fired)
            not_fired.update(r.id for r in pack.rules if r.id not in case.rules_fired)
    assert [r.id for r in pack.rules if r.id not in fired] == []
    assert [r.id for r in pack.rules if r.id not in not_fired] == []


@pytest.mark.parametrize(
    "part",
    ["levels", "indicators", "topics", "rules", "consent", "stepping", "contacts", "scenarios"],
)
def test_every_part_states_its_provenance(part: str) -> None:
    status = solihull().manifest.parts[part]
    assert status.status in {"confirmed", "partly-confirmed", "regional-pattern", "invented"}
    assert status.note


def test_provenance_document_exists_and_says_what_is_unconfirmed() -> None:
    text = (default_pack_dir() / "PROVENANCE.md").read_text(encoding="utf-8").lower()
    assert "regional pattern" in text
    assert "confirmed" in text


# Issue 12: mobility and the baby's age band; statutory need is not harm.
# Level 4 concerns that apply to toddlers but not to babies, each for a reason of its own.
NOT_FOR_BABIES = {"dn-sexual-behaviour-harmful-l4": "a baby shows no sexual behaviour"}


def test_choosing_under_1_hides_no_level_4_concern_that_a_baby_could_show() -> None:
    pack = solihull()
    hidden = sorted(
        i.id
        for i in pack.indicators.values()
        if i.kind == "concern"
        and i.level == 4
        and i.applies_to("1-4")
        and not i.applies_to("under-1")
    )
    assert hidden == sorted(NOT_FOR_BABIES)
    assert pack.indicators["dn-disclosure-of-abuse-l4"].applies_to("under-1")


def test_the_non_mobile_injury_applies_at_every_age_and_mobility_is_its_own_question() -> None:
    pack = solihull()
    assert not pack.indicators["dn-injury-non-mobile-l4"].ages
    assert pack.questions["not-independently-mobile"].group == "child"


def test_statutory_need_indicators_are_child_in_need_and_never_speak_of_harm() -> None:
    pack = solihull()
    in_need = {i.id for i in pack.indicators.values() if i.route == "child-in-need"}
    assert {
        "pc-private-fostering-l4",
        "dn-unaccompanied-child-l4",
        "fe-homeless-16-17-l4",
        "dn-disability-assessment-l4",
    } <= in_need
    route = {r.id: r for r in pack.levels[4].routes}["child-in-need"]
    words = " ".join((route.summary, *route.next_steps)).lower()
    assert "may be suffering significant harm" not in words
    assert "confront" not in words
    assert pack.consent.routes["child-in-need"].consent_needed.startswith("Yes")
    assert pack.consent.routes["child-protection"].consent_needed.startswith("Not needed")


def test_the_refusal_advice_at_level_3_is_worded_once() -> None:
    pack = solihull()
    rule = next(r for r in pack.rules if r.id == "consent-refused-at-level-3")
    assert rule.then.warning is not None
    assert "consent advice" in rule.then.warning
    assert "does not need consent" not in rule.then.warning
    assert "without consent" in pack.consent.levels[3].if_refused


def test_every_published_id_is_present_or_retired_with_a_replacement() -> None:
    pack = solihull()
    current = pack.answerable_ids() | {r.id for r in pack.rules} | set(pack.topics)
    assert set(pack.published_ids) >= current
    for old in set(pack.published_ids) - current:
        assert old in pack.replaced_by
    assert pack.replaced_by["any-level-4-concern"] == (
        "possible-significant-harm",
        "statutory-child-in-need",
    )
