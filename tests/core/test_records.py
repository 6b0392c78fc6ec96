"""Records behave like the frozen dataclasses they replace (issue 6: cheaper to define)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thresholds_app.core.base.records import FrozenRecordError, fields, record, replace
from thresholds_app.core.pack.model import Indicator, Source, TitledText


@record
class Point:
    """A record with a default."""

    x: int
    y: int
    label: str = "origin"


def test_positional_keyword_and_default_construction() -> None:
    assert Point(1, 2) == Point(x=1, y=2) == Point(1, y=2, label="origin")
    assert Point(1, 2, "p").label == "p"
    assert fields(Point) == ("x", "y", "label") == fields(Point(0, 0))


@pytest.mark.parametrize(
    ("args", "kwargs", "words"),
    [
        ((1,), {}, "missing arguments: y"),
        ((1, 2), {"z": 3}, "unexpected arguments: z"),
        ((1, 2, "a", 4), {}, "takes 3 arguments"),
        ((1, 2), {"x": 5}, "multiple values for x"),
        ((1,), {"z": 3}, "unexpected arguments: z"),  # as many names as fields, one unknown
        ((), {"x": 1, "label": "p", "z": 3}, "unexpected arguments: z"),
    ],
)
def test_wrong_arguments_say_what_is_wrong(
    args: tuple[object, ...], kwargs: dict[str, object], words: str
) -> None:
    with pytest.raises(TypeError, match=words):
        Point(*args, **kwargs)  # type: ignore[arg-type, misc, call-arg]


def test_records_cannot_be_changed() -> None:
    point = Point(1, 2)
    with pytest.raises(FrozenRecordError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del point.y
    assert point == Point(1, 2)


def test_equality_hash_and_repr() -> None:
    assert Point(1, 2) != Point(2, 1)
    assert Point(1, 2) != (1, 2, "origin")  # not a tuple
    assert TitledText("a", "b") != Source("a", "b", "", "")  # type: ignore[comparison-overlap]
    assert len({Point(1, 2), Point(1, 2), Point(3, 4)}) == 2
    assert repr(Point(1, 2)) == "Point(x=1, y=2, label='origin')"


def test_replace_and_copy_make_new_equal_records() -> None:
    point = Point(1, 2)
    moved = replace(point, y=7)
    assert (moved.x, moved.y, point.y) == (1, 7, 2)
    assert copy.deepcopy(point) == point
    assert copy.copy(point) is not point
    with pytest.raises(TypeError, match="unexpected"):
        replace(point, z=1)


def test_model_methods_still_work() -> None:
    indicator = Indicator(
        id="i", domain="d", area="a", level=2, kind="concern", theme=None, text="t",
        examples=(), ages=("1-4",), keywords=(), topics=(), source="s",
    )  # fmt: skip
    assert indicator.applies_to("1-4")
    assert not indicator.applies_to("11-15")
    assert indicator.applies_to(None)


@given(st.integers(), st.integers(), st.text())
def test_any_values_round_trip(x: int, y: int, label: str) -> None:
    point = Point(x, y, label)
    assert (point.x, point.y, point.label) == (x, y, label)
    assert replace(point) == point
    assert hash(replace(point)) == hash(point)
