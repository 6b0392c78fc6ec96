"""The test-pack builder hands out only packs the real loader accepts."""

from __future__ import annotations

import pytest

from packs import make_indicator, make_pack, make_rule, sample_pack, small_pack
from thresholds_app.core.rules.engine import assess


@pytest.mark.parametrize("build", [make_pack, sample_pack, small_pack])
def test_each_named_pack_loads_and_every_rule_compiles(build) -> None:  # type: ignore[no-untyped-def]
    pack = build()
    assert pack.rules
    assert len(pack.content_hash) == 64  # hashed by the loader from the YAML it read
    assess(pack, {"immediate-danger": "no"})


def test_a_pack_the_loader_refuses_is_never_handed_out() -> None:
    typo = make_rule("typo", {"answer": {"id": "immediate-dangr", "is": "yes"}}, level=4)
    with pytest.raises(AssertionError, match="does not pass the real validator") as caught:
        make_pack([make_indicator("dn-a-l2", 2)], [typo])
    assert "immediate-dangr" in str(caught.value)


def test_the_same_pack_is_built_once_but_each_caller_gets_its_own_copy() -> None:
    first, second = make_pack(), make_pack()
    assert first == second
    assert first is not second
