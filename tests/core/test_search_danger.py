"""A danger-shaped search reminds the practitioner to call 999 now (QA walk, item 14).

Decided by the pack's own data (its statutory level, each indicator's route and its emergency
contact), never by a list of words: the tests change that data and watch the reminder follow.
"""

from __future__ import annotations

from thresholds_app.core.base.records import replace
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.search.danger import danger_prompt
from thresholds_app.core.search.find import search
from thresholds_app.paths import default_pack_dir

DANGER = "4 year old left alone overnight"


def _pack() -> Pack:
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    return pack


def test_a_danger_shaped_search_gives_the_emergency_number() -> None:
    pack = _pack()
    hits = search(pack, DANGER)
    prompt = danger_prompt(pack, hits)
    assert prompt is not None
    best = pack.indicators[hits[0].entry.id]
    assert prompt.indicator_id == best.id
    assert best.level == pack.roles.statutory_level
    assert prompt.contact_id == pack.roles.emergency_contact
    assert prompt.phone == "999"
    assert "If the child is in immediate danger, call 999 now." in prompt.words
    assert "Level 4" in prompt.words


def test_searches_whose_best_result_is_below_level_4_give_no_reminder() -> None:
    pack = _pack()
    for query in ("hungry", "late for school", "head lice", "breakfast club", "tired"):
        hits = search(pack, query)
        assert hits, query
        assert (hits[0].entry.level or 0) < 4 or hits[0].entry.kind != "indicator", query
        assert danger_prompt(pack, hits) is None, query
    assert danger_prompt(pack, []) is None


def test_a_level_4_need_that_is_not_child_protection_gives_no_reminder() -> None:
    pack = _pack()
    hits = search(pack, "privately fostered")
    best = pack.indicators[hits[0].entry.id]
    assert best.level == 4
    assert best.route == "child-in-need"
    assert danger_prompt(pack, hits) is None


def test_the_reminder_follows_the_packs_data() -> None:
    pack = _pack()
    best = pack.indicators[search(pack, DANGER)[0].entry.id]
    # The same indicator on the child-in-need route: serious, but no emergency.
    in_need = replace(
        pack, indicators={**pack.indicators, best.id: replace(best, route="child-in-need")}
    )
    assert danger_prompt(in_need, search(in_need, DANGER)) is None
    # Another partnership's emergency number is the one given.
    contact = pack.contacts[pack.roles.emergency_contact]
    elsewhere = replace(pack, contacts={**pack.contacts, contact.id: replace(contact, phone="112")})
    prompt = danger_prompt(elsewhere, search(elsewhere, DANGER))
    assert prompt is not None
    assert "call 112 now" in prompt.words
