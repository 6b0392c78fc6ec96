"""The one search: whole words and stems, synonyms from the pack, ranking, every kind of entry."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest

from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.search.find import search
from thresholds_app.core.search.index import index_for
from thresholds_app.core.search.words import stem, tokens
from thresholds_app.paths import default_pack_dir


@cache
def shipped() -> Pack:
    result = load_pack(default_pack_dir())
    assert result.pack is not None
    assert not result.problems
    return result.pack


def ids(query: str, **options: object) -> list[str]:
    return [h.entry.id for h in search(shipped(), query, **options)]  # type: ignore[arg-type]


def test_a_real_stemmer_keeps_homelessness_whole() -> None:
    assert stem("homelessness") == stem("homeless") == "homeless"
    assert stem("drinking") == stem("drinks") == "drink"
    assert stem("bruises") == stem("bruising")
    assert tokens("A&E, self-harm and Mum's B&B") == ["ae", "self", "harm", "and", "mums", "bb"]


def test_whole_words_only_arm_does_not_find_harm() -> None:
    index = index_for(shipped())
    for hit in search(shipped(), "arm "):  # a finished word: no completion of a half-typed one
        weights = index.weights[index.entries.index(hit.entry)]
        assert stem("arm") in weights, hit.entry.id  # never only "harm", "alarm", "army"


def test_knife_ranks_weapons_above_a_knife_and_fork() -> None:
    found = ids("knife")
    assert found.index("dn-serious-violence-l4") < 3
    cutlery = "dn-self-care-skills-l2"  # "cannot yet ... use a knife and fork" (an example)
    assert cutlery in found
    assert found.index(cutlery) > found.index("dn-serious-violence-l4")
    assert found.index(cutlery) > found.index("pc-boundaries-l4")


def test_every_word_found_ranks_above_some_words_found() -> None:
    hits = search(shipped(), "drinking weekends")
    complete = [h.complete for h in hits]
    assert complete[0]
    assert False in complete  # partial matches are offered too...
    assert complete == sorted(complete, reverse=True)  # ...but always after the full ones
    assert "fe-parental-alcohol-l2" in [h.entry.id for h in hits if h.complete]


def test_a_telling_word_is_enough() -> None:
    # one word of three found: still offered, and above entries that find only common words
    assert ids("bleach within reach")[0] == "pc-home-hazards-l4"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mum drinking", "fe-parental-alcohol-l2"),  # mum -> parent
        ("scald", "dn-injury-unexplained-l4"),  # scald -> burn
        ("county lines", "exploitation"),  # a pathway, by its keywords
        ("UASC", "dn-unaccompanied-child-l4"),
        ("MAPPA", "pc-risk-to-children-l4"),
        ("obese", "dn-diet-weight-l2"),
        ("witnessed domestic violence", "fe-domestic-abuse-l4"),
        ("fixed-term exclusion", "dn-exclusion-risk-l2"),
        ("terminal illness", "fe-parental-illness-l3"),
        ("emotional regulation", "dn-behaviour-difficult-l2"),
        ("youth justice", "dn-offending-l3"),
        ("homelessness", "fe-homeless-16-17-l4"),
    ],
)
def test_the_issue_misses_are_found(typed: str, expected: str) -> None:
    assert expected in ids(typed, limit=10)


def test_consent_stepping_and_contacts_are_searched() -> None:
    assert ids("share without consent", limit=5)[0].startswith(("consent-", "golden-rule-"))
    assert "step-down" in ids("step down", limit=3)
    assert "edt" in ids("out of hours", limit=5)
    assert {h.entry.kind for h in search(shipped(), "consent")} >= {"consent"}


def test_while_typing_the_last_word_completes() -> None:
    assert "pc-basic-care-l2" in ids("hung", limit=10)
    assert ids("hung ") == []  # a finished word that the pack does not have


def test_a_misspelling_finds_the_close_word() -> None:
    assert "dn-bruise-explained-l1" in ids("bruse ", limit=10)


def test_age_band_and_kind_filters() -> None:
    everyone = ids("baby bruise")
    teenagers = ids("baby bruise", age_band="16-17")
    assert "dn-injury-non-mobile-l4" in everyone
    assert set(teenagers) <= set(everyone)
    kinds = {h.entry.kind for h in search(shipped(), "missing", kinds=("indicator",))}
    assert kinds == {"indicator"}


def test_only_stop_words_still_search() -> None:
    assert search(shipped(), "the") == search(shipped(), "the")
    assert search(shipped(), "   ") == []


def test_synonyms_are_pack_data(tmp_path: Path) -> None:
    pack_dir = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), pack_dir)
    (pack_dir / "synonyms.yaml").write_text(
        "synonyms:\n  - when_typed: [wean]\n    also_find: [feeding]\n", encoding="utf-8"
    )
    edited = load_pack(pack_dir).pack
    assert edited is not None
    assert "pc-infant-care-l2" in [h.entry.id for h in search(edited, "wean ", limit=10)]
    assert "pc-infant-care-l2" not in ids("wean ")  # the shipped pack has no such synonym
    (pack_dir / "synonyms.yaml").unlink()  # and a pack without the file still loads
    bare = load_pack(pack_dir).pack
    assert bare is not None
    assert "fe-parental-alcohol-l2" not in [h.entry.id for h in search(bare, "mum ")]
    assert "fe-parental-alcohol-l2" in ids("mum drinking")


def test_the_index_is_built_once_per_pack() -> None:
    assert index_for(shipped()) is index_for(shipped())


# --- seriousness ------------------------------------------------------------------------------


def test_equal_matches_rank_the_more_serious_first() -> None:
    # "sexually abused" is found in the text of Level 2, 3 and 4 indicators alike
    found = ids("sexually abused")
    assert found.index("dn-sexual-abuse-l4") < found.index("dn-sexual-behaviour-problematic-l3")
    assert found.index("dn-sexual-abuse-l4") < found.index("dn-sexual-behaviour-l2")
    levels = [h.entry.level for h in search(shipped(), "sexually abused") if h.entry.level]
    assert levels[:4] == [4, 4, 4, 4]


def test_severity_counts_a_tenth_a_level() -> None:
    from thresholds_app.core.search.find import severity
    from thresholds_app.core.search.index import Entry

    assert [severity(Entry("indicator", "x", "x", level)) for level in (1, 2, 3, 4)] == [
        1.0,
        1.1,
        1.2,
        1.3,
    ]
    assert severity(Entry("pathway", "p", "p")) == severity(Entry("indicator", "x", "x", 3))
    assert severity(Entry("consent", "c", "c", 4)) == severity(Entry("consent", "c", "c", 2))


def test_a_lower_level_that_matches_clearly_better_still_comes_first() -> None:
    assert ids("mum drinks at weekends")[0] == "fe-parental-alcohol-l2"
    assert ids("touching other children")[0] == "dn-sexual-behaviour-problematic-l3"


@pytest.mark.parametrize("age_band", ["1-4", None])
def test_a_serious_word_the_pack_never_names_is_implied_by_level_4(age_band: str | None) -> None:
    # "overnight" is only in an example; the Level 4 "left alone in a way that puts them in
    # danger" finds "left alone" and is taken to find "overnight" too
    hits = search(shipped(), "4 year old left alone overnight", age_band=age_band)
    assert hits[0].entry.id == "pc-supervision-l4"
    assert hits[0].complete  # "overnight" is implied
    assert all(h.entry.kind == "indicator" for h in hits if h.complete)  # never Level 4 consent


def test_a_serious_word_the_pack_names_is_not_implied() -> None:
    from thresholds_app.core.search.find import _slots

    index = index_for(shipped())
    kill, overnight = _slots(index, "kill overnight ")
    assert not kill.implied  # "kill" is in indicators' text: it must be found like any word
    assert overnight.implied
    # so an unrelated Level 4 indicator that merely says "wants" is not made a full match
    hits = search(shipped(), "wants to kill himself", age_band="11-15")
    assert "dn-disability-assessment-l4" not in [h.entry.id for h in hits if h.complete]


def test_a_number_giving_the_age_is_skipped() -> None:
    from thresholds_app.core.search.find import _slots

    index = index_for(shipped())
    assert len(_slots(index, "4 year old left alone")) == 1
    assert len(_slots(index, "aged 6 left alone")) == 1
    assert len(_slots(index, "999")) == 1  # a number that is not an age is searched


def test_the_words_typed_never_lose_to_a_rarer_synonym() -> None:
    # "left alone" (common words) is the Level 4 indicator's own keyword; "supervision", which
    # the synonym also finds, is the Level 2 one's: the words typed win
    found = ids("left alone ")
    assert found.index("pc-supervision-l4") < found.index("pc-supervision-l2")


def test_a_phrase_that_needs_its_small_words_is_not_its_other_words() -> None:
    # "cutting herself" is self-harm; "cutting" alone may also be FGM, and both are offered
    assert ids("cutting herself", age_band="11-15")[0] == "dn-self-harm-l3"
    assert "dn-fgm-risk-l4" not in ids("cutting herself", age_band="11-15")[:5]
    cutting = ids("cutting", age_band="11-15", limit=5)
    assert "dn-self-harm-l3" in cutting
    assert "dn-fgm-risk-l4" in cutting
