"""LazySequence: a tuple of its items for reading, built once, on first use."""

from __future__ import annotations

import copy

import pytest

from thresholds_app.core.base.lazy import LazySequence


def counted(items: list[int]) -> tuple[LazySequence[int], list[int]]:
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return list(items)

    return LazySequence(build), calls


def test_nothing_is_built_until_read_and_then_only_once() -> None:
    lazy, calls = counted([3, 1, 2])
    assert not lazy.built
    assert calls == []
    assert len(lazy) == 3
    assert lazy.built
    assert list(lazy) == [3, 1, 2]
    assert lazy[0] == 3
    assert lazy[-1] == 2
    assert lazy[1:] == (1, 2)
    assert 1 in lazy
    assert 9 not in lazy
    assert calls == [1]


def test_it_equals_any_sequence_of_the_same_items_and_hashes_as_their_tuple() -> None:
    lazy, _ = counted([1, 2])
    other, _ = counted([1, 2])
    assert lazy == (1, 2)
    assert (1, 2) == lazy  # noqa: SIM300 (the tuple on the left: its reflected comparison)
    assert lazy == [1, 2]
    assert lazy == other
    assert lazy != (2, 1)
    assert lazy != "12"
    assert lazy != 12
    assert hash(lazy) == hash((1, 2))
    assert {lazy: "found"}[(1, 2)] == "found"


def test_an_empty_build_is_an_empty_sequence() -> None:
    lazy, _ = counted([])
    assert len(lazy) == 0
    assert not lazy
    assert lazy == ()
    with pytest.raises(IndexError):
        lazy[0]


def test_a_copy_is_a_plain_tuple_of_the_items() -> None:
    lazy, _ = counted([1, 2])
    assert copy.deepcopy(lazy) == (1, 2)
    assert type(copy.copy(lazy)) is tuple


def test_repr_says_whether_it_was_built() -> None:
    lazy, _ = counted([1])
    assert "not built" in repr(lazy)
    lazy.items()
    assert repr(lazy) == "LazySequence((1,))"
