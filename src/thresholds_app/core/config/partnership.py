"""The partnership's own name and telephone numbers, as the organisation set them.

``partnership.contacts`` holds lines of ``contact-id=number`` (``mash=0121 788 4300``). This
module only reads those lines and checks each number is a telephone number; which ids exist,
and that the immediate-danger line can never be changed, is decided against the pack in
:mod:`thresholds_app.core.pack.local`. A line that cannot be used is left out with a plain
message naming the setting; it never stops the app and never blanks a number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from thresholds_app.core.base.records import record
from thresholds_app.core.config.layers import Settings
from thresholds_app.core.config.schema import BY_KEY

CONTACTS_KEY = "partnership.contacts"
NAME_KEY = "partnership.name"
MAX_NAME_CHARS = 120

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
# Digits, spaces, and the usual punctuation of a written number; 3 to 15 digits (101 to +44...).
_NUMBER = re.compile(r"\+?[0-9][0-9 ()-]*")
_DIGITS = (3, 15)


@record
class Partnership:
    """What the organisation set over the pack: a name to show and numbers by contact id."""

    name: str = ""
    numbers: Mapping[str, str] = {}
    messages: tuple[str, ...] = ()


NO_PARTNERSHIP = Partnership()


def _setting_words(key: str, *, start: bool = False) -> str:
    return f"{'Y' if start else 'y'}our organisation's setting {key} ({BY_KEY[key].title})"


def number_problem(number: str) -> str:
    """Why ``number`` is not a telephone number ("" when it is one)."""
    if not number:
        return "has no number after the ="
    if not _NUMBER.fullmatch(number):
        return "may hold only digits, spaces, brackets, hyphens and a leading +"
    digits = sum(ch.isdigit() for ch in number)
    if not _DIGITS[0] <= digits <= _DIGITS[1]:
        return f"has {digits} digits; a telephone number has {_DIGITS[0]} to {_DIGITS[1]}"
    return ""


def read_contact_lines(lines: tuple[str, ...]) -> tuple[dict[str, str], list[str]]:
    """``contact-id=number`` lines -> numbers by id, and a message for each line left out."""
    numbers: dict[str, str] = {}
    messages: list[str] = []
    where = _setting_words(CONTACTS_KEY)
    for position, line in enumerate(lines, start=1):
        contact_id, sep, number = (part.strip() for part in line.partition("="))
        shown = line if len(line) <= 80 else line[:77] + "..."
        if not sep or not _ID.fullmatch(contact_id):
            messages.append(
                f"Line {position} of {where}, {shown!r}, is not in the form contact-id=number "
                "(for example mash=0121 788 4300); it was ignored and the guidance's number is "
                "used."
            )
            continue
        problem = number_problem(number)
        if problem:
            messages.append(
                f"Line {position} of {where}: the number for {contact_id!r} {problem}; it was "
                "ignored and the guidance's number is used."
            )
            continue
        if contact_id in numbers:
            messages.append(
                f"Line {position} of {where} gives {contact_id!r} a second time; the first "
                "number is used."
            )
            continue
        numbers[contact_id] = number
    return numbers, messages


def partnership(settings: Settings) -> Partnership:
    """The partnership's name and numbers in force, with a message for anything left out."""
    name = " ".join(str(settings[NAME_KEY]).split())
    messages: list[str] = []
    if len(name) > MAX_NAME_CHARS:
        messages.append(
            f"{_setting_words(NAME_KEY, start=True)} is longer than {MAX_NAME_CHARS} "
            "characters; it was ignored and the guidance's own name is shown."
        )
        name = ""
    numbers, problems = read_contact_lines(tuple(settings[CONTACTS_KEY]))
    return Partnership(name, numbers, tuple(messages + problems))
