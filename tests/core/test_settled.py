"""When enough is answered to rely on a level (issue 11), on the real pack with its rule tightened.

Found by mutation testing (docs/safety/mutation.md): the suite only ever used the shipped rule
(one question, one answer in each domain), so a mandatory question accepting "not known", or a
domain counting each answer twice, went unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from realpack import real_pack

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.settled import still_to_answer


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    def tighten(text: str) -> str:
        rule = "  enough_answered:\n    questions: [immediate-danger]\n"
        assert rule in text
        assert "answers_in_each_domain: 1" in text
        return text.replace(
            rule, rule.replace("[immediate-danger]", "[immediate-danger, consent-sought]")
        ).replace("answers_in_each_domain: 1", "answers_in_each_domain: 2")

    folder: Path = tmp_path_factory.mktemp("tightened")
    return real_pack(folder, {"pack.yaml": tighten})


def _text(pack: Pack, question_id: str) -> str:
    return pack.questions[question_id].text


def _indicators(pack: Pack, domain: str) -> list[str]:
    return [i.id for i in pack.indicators.values() if i.domain == domain]


def test_a_mandatory_question_needs_yes_or_no_but_another_listed_one_may_be_not_known(
    pack: Pack,
) -> None:
    assert "immediate-danger" in pack.manifest.mandatory_questions
    assert "consent-sought" not in pack.manifest.mandatory_questions
    unsure = {"immediate-danger": "not-known", "consent-sought": "not-known"}
    out = still_to_answer(pack, unsure, None, emergency=False)
    assert _text(pack, "immediate-danger") in out
    assert _text(pack, "consent-sought") not in out
    answered = {"immediate-danger": "no", "consent-sought": "yes"}
    out = still_to_answer(pack, answered, None, emergency=False)
    assert _text(pack, "immediate-danger") not in out
    assert _text(pack, "consent-sought") not in out
    said_yes = still_to_answer(pack, {"immediate-danger": "yes"}, None, emergency=False)
    assert _text(pack, "immediate-danger") not in said_yes
    assert _text(pack, "consent-sought") in said_yes  # unanswered, so still to answer


def test_each_domain_needs_as_many_answers_as_the_pack_asks(pack: Pack) -> None:
    first, second, *_ = pack.domains
    answers = {"immediate-danger": "no", "consent-sought": "no"}
    answers |= dict.fromkeys(_indicators(pack, first.id)[:2], "no")  # two: enough
    answers |= dict.fromkeys(_indicators(pack, second.id)[:1], "not-known")  # one: not enough
    out = still_to_answer(pack, answers, None, emergency=False)
    assert f"{first.title}: answer at least 2 of its indicators." not in out
    assert f"{second.title}: answer at least 2 of its indicators." in out
    lowest = min(pack.levels)
    assert still_to_answer(pack, answers, lowest, emergency=False) == out  # no concern found


def test_a_concern_above_the_lowest_level_needs_no_more_domains(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "consent-sought": "no"}
    assert still_to_answer(pack, answers, 3, emergency=False) == ()
    assert still_to_answer(pack, {}, None, emergency=True) == ()  # 999 first, whatever else
