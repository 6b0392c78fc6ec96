"""An immutable sequence whose items are made the first time anything reads them.

A pack's self-check data (its test cases and search queries) and its training scenarios are
read by ``thresholds check``, the training screens and the tests, never by the start screen or
an assessment. Building them at every start cost about half of turning the cached pack into
objects (issue 11), so the pack holds them as a :class:`LazySequence`: one definition of how
they are built (``core/pack/build.py``), run once, when first asked for.

It behaves as a tuple of its items for reading: indexing, slicing, ``len``, iteration, ``in``,
equality with any sequence of the same items, and hashing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """The items ``build()`` returns, built once on first use and then kept.

    ``build`` must be pure (the same items every time): two threads reading at once may both
    build, and either result is kept.
    """

    __slots__ = ("_build", "_items")

    def __init__(self, build: Callable[[], Iterable[T]]) -> None:
        self._build: Callable[[], Iterable[T]] | None = build
        self._items: tuple[T, ...] | None = None

    @property
    def built(self) -> bool:
        """Whether the items have been made yet."""
        return self._items is not None

    def items(self) -> tuple[T, ...]:
        """Every item, as a tuple (built now if it was not already)."""
        items = self._items
        if items is None:
            build = self._build
            assert build is not None  # cleared only once the items are kept
            items = tuple(build())
            self._items, self._build = items, None
        return items

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self.items()[index]

    def __len__(self) -> int:
        return len(self.items())

    def __iter__(self) -> Iterator[T]:
        return iter(self.items())

    def __contains__(self, value: object) -> bool:
        return value in self.items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazySequence):
            return self.items() == other.items()
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return self.items() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.items())

    def __repr__(self) -> str:
        if self._items is None:
            return "LazySequence(<not built yet>)"
        return f"LazySequence({self._items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (self.items(),))  # a copy is a plain tuple of the items
