"""Immutable records: frozen dataclasses that cost almost nothing to define.

``@dataclass(frozen=True)`` compiles six small functions per class when the module is imported,
about 1 ms a class on the machines we measure. The pack's thirty-odd classes made that 30 ms of
the app's start-up (issue 6), before the first window. :func:`record` gives the same behaviour
that the pack's classes use (keyword or positional construction, defaults, equality, hashing,
``repr``, no assignment after construction) with shared functions and no code generation.

Type checkers see a frozen dataclass (:func:`typing.dataclass_transform`). Use :func:`replace`
where ``dataclasses.replace`` would be used.
"""

from __future__ import annotations

from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

_NAMES = "__record_fields__"
_DEFAULTS = "__record_defaults__"
_NAME_SET = "__record_names__"


class FrozenRecordError(AttributeError):
    """A record was changed after it was made."""


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    names: tuple[str, ...] = cls.__record_fields__
    values = self.__dict__  # written directly: __setattr__ refuses every change
    if not kwargs and len(args) == len(names):  # every field in order: most records are made so
        values.update(zip(names, args, strict=True))
        return
    if len(args) > len(names):
        raise TypeError(f"{cls.__name__}() takes {len(names)} arguments, got {len(args)}")
    values.update(cls.__record_defaults__)
    if args:
        values.update(zip(names, args, strict=False))
        twice = set(kwargs).intersection(names[: len(args)])
        if twice:
            values.clear()
            raise TypeError(f"{cls.__name__}() got multiple values for {', '.join(sorted(twice))}")
    values.update(kwargs)
    # the same count is not enough: an unknown name can stand in for a missing one
    if len(values) != len(names) or not cls.__record_names__.issuperset(values):
        unknown = sorted(set(values) - set(names))
        missing = [n for n in names if n not in values]
        values.clear()
        if unknown:
            raise TypeError(f"{cls.__name__}() got unexpected arguments: {', '.join(unknown)}")
        raise TypeError(f"{cls.__name__}() is missing arguments: {', '.join(missing)}")


def _values(self: Any) -> tuple[Any, ...]:
    values = self.__dict__
    return tuple(values[n] for n in getattr(type(self), _NAMES))


def _eq(self: Any, other: object) -> bool:
    if type(other) is not type(self):
        return False  # records of different kinds are never equal
    same: bool = _values(self) == _values(other)
    return same


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    values = self.__dict__
    inner = ", ".join(f"{n}={values[n]!r}" for n in getattr(type(self), _NAMES))
    return f"{type(self).__name__}({inner})"


def _refuse(self: Any, name: str, value: Any = None) -> None:
    raise FrozenRecordError(f"cannot change {name!r}: a {type(self).__name__} is immutable")


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` an immutable record of its annotated fields (in order; defaults allowed)."""
    # the class's own annotations (not inherited ones); inspect.get_annotations would do the
    # same but importing inspect costs the command line 13 ms
    own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
    names = tuple(n for n in own if not n.startswith("__"))
    defaults = {n: cls.__dict__[n] for n in names if n in cls.__dict__}
    for name in defaults:
        delattr(cls, name)  # the instance holds every value
    setattr(cls, _NAMES, names)
    setattr(cls, _NAME_SET, frozenset(names))
    setattr(cls, _DEFAULTS, defaults)
    for attr, function in (
        ("__init__", _init),
        ("__eq__", _eq),
        ("__hash__", _hash),
        ("__repr__", _repr),
        ("__setattr__", _refuse),
        ("__delattr__", _refuse),
    ):
        setattr(cls, attr, function)
    return cls


def replace(obj: T, **changes: Any) -> T:
    """A copy of the record ``obj`` with ``changes`` (like ``dataclasses.replace``).

    Only the record's fields are copied: a memo kept on the instance (the engine compiled for a
    pack) belongs to the original and is not a field, so it is neither copied nor passed on.
    """
    values = obj.__dict__
    return type(obj)(**{**{n: values[n] for n in fields(obj)}, **changes})


def fields(obj_or_cls: Any) -> tuple[str, ...]:
    """The field names of a record or record class, in order."""
    cls = obj_or_cls if isinstance(obj_or_cls, type) else type(obj_or_cls)
    names: tuple[str, ...] = getattr(cls, _NAMES)
    return names
