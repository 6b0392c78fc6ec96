"""The app's fixed words for levels, answers and days, defined once.

Every screen, the PDF, the plain-text rationale and the command line use these, so a level or an
answer is worded the same everywhere. Pack text (level names, indicator wording) stays in the pack.
"""

from __future__ import annotations

import unicodedata

# What an unanswered question prints as: never "No" (issue 11: an unanswered immediate-danger
# question once printed as "Emergency: No").
NOT_ANSWERED = "not answered"

ANSWER_WORDS: dict[str, str] = {"yes": "yes", "no": "no", "not-known": "not known"}

# Day keys as written in a pack's opening hours, Monday first (``date.weekday()`` order).
DAY_KEYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES: dict[str, str] = dict(
    zip(
        DAY_KEYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
DAY_SHORT_NAMES: dict[str, str] = {key: name[:3] for key, name in DAY_NAMES.items()}

NO_LEVEL = "insufficient information"


def answer_words(answer: str | None) -> str:
    """``"yes"``, ``"no"``, ``"not known"`` or ``"not answered"`` (never a guess)."""
    return ANSWER_WORDS.get(answer or "", NOT_ANSWERED)


def level_label(number: int | None) -> str:
    """``"Level 3"``, or ``"insufficient information"`` when there is no level."""
    return NO_LEVEL if number is None else f"Level {number}"


def level_title(number: int, name: str | None) -> str:
    """``"Level 3: Targeted early help"`` (just ``"Level 3"`` when the level has no name)."""
    return f"Level {number}: {name}" if name else f"Level {number}"


def day_list(days: tuple[str, ...] | list[str], *, short: bool = False) -> str:
    """Day keys as words in week order: ``"Monday, Tuesday"`` (``short``: ``"Mon, Tue"``)."""
    names = DAY_SHORT_NAMES if short else DAY_NAMES
    return ", ".join(names[d] for d in DAY_KEYS if d in days)


# Bidirectional controls: embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069) and
# the invisible direction marks (U+200E, U+200F, U+061C). In a case reference or a name one of
# them can make "QA-1234" show as "4321-AQ" on one screen and not on another (QA #7).
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)


def identifier_text(text: str) -> str:
    """A one-line identifier (a case reference, a person's name) without bidi controls.

    Only the controls go: Hebrew or Arabic letters stay and show in their natural direction, so
    the editor, the lists and the PDF all show the same text. Free text is left alone (a
    right-to-left paragraph may need its marks).
    """
    if text.isascii():
        return text  # the common case: nothing to drop
    return "".join(char for char in text if char not in BIDI_CONTROLS)


def one_line(text: str) -> str:
    """Free text made safe to show on one line: a list row, a title, a terminal line.

    Line breaks and tabs become spaces; control and format characters are dropped (bidi
    overrides and isolates could show ``1234`` as ``4321``, zero-width ones hide text, terminal
    escapes could rewrite a terminal); runs of spaces become one. What is left reads the same
    in every place it is shown.
    """
    if text.isascii() and text.isprintable():
        return " ".join(text.split())  # the common case: nothing to drop
    kept = []
    for char in text:
        kind = unicodedata.category(char)
        if char.isspace() or kind in ("Zl", "Zp"):
            kept.append(" ")
        elif kind not in ("Cc", "Cf", "Cs", "Co", "Cn"):
            kept.append(char)
    return " ".join("".join(kept).split())


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with its noun, singular for one: "1 referral", "3 referrals", "1 indicator"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"
