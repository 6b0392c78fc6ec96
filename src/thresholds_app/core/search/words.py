"""Words as search sees them: lower-case tokens, English stems, and words that say nothing.

Stems come from the Snowball English stemmer (``snowballstemmer``), so "homelessness" and
"homeless" meet at "homeless", "drinking" and "drinks" at "drink", "bruises" and "bruising" at
"bruis". The stemmer is imported on first use: it is not needed to start the app.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

# Letters and digits; "A&E" and "B&B" stay one word ("ae", "bb"), "self-harm" becomes two.
_AMPERSAND = re.compile(r"(?<=[a-z])&(?=[a-z])")
_APOSTROPHE = re.compile(r"(?<=[a-z])['’](?=[a-z])")
_WORD = re.compile(r"[a-z0-9]+")

# Function words and words of how often: typing them neither helps nor hurts ("the child is
# always hungry" searches for "hungry").
STOPWORDS = frozenset(
    """
    a about after again all am an and any are as at be been being but by can could did do
    does doing for from had has have having he her here hers herself him himself his how i if in
    into is it its just me more most my no nor not of off on or our ours out over own s she should
    so some such t than that the their theirs them themselves then there these they this those
    through to too very was we were what when where which while who whom why will with would you
    your yours always often usually sometimes constantly every really quite lot lots bit
    """.split()  # noqa: SIM905 - a readable list of words
)

# Words that signal a child may be at serious risk now. A Level 4 indicator that finds the rest
# of a query is taken to find these too: "left alone overnight" is the Level 4 "left alone in a
# way that puts them in danger", though that indicator never says "overnight".
SERIOUS_WORDS = """
    abused abuse abandoned alone overnight raped rape sexually assaulted knife knives weapon gun
    stabbed strangled choked unconscious kill suicidal threatened threats starving fractured
    broken burns shaken locked
    """.split()  # noqa: SIM905 - a readable list of words

# Words after a number that make it the child's age ("4 year old", "6 months"): the age band
# says that, so search skips the number.
AGE_UNITS = frozenset(
    ["year", "years", "yr", "yrs", "yo", "month", "months", "mth", "mths", "week", "weeks"]
)
NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen
    """.split()  # noqa: SIM905 - a readable list of words
)


def tokens(text: str) -> list[str]:
    """Split ``text`` into lower-case words (punctuation and hyphens separate words)."""
    lowered = _APOSTROPHE.sub("", _AMPERSAND.sub("", text.lower()))
    return _WORD.findall(lowered)


@cache
def _stemmer() -> Callable[[str], str]:
    import snowballstemmer

    stem_word: Callable[[str], str] = snowballstemmer.stemmer("english").stemWord
    return stem_word


@cache
def stem(word: str) -> str:
    """The English stem of a lower-case ``word`` (remembered: each word is stemmed once)."""
    if len(word) < 3 or word.isdigit():
        return word
    return _stemmer()(word)


def stems(text: str) -> tuple[str, ...]:
    """The stems of every word in ``text``, in order."""
    return tuple(stem(w) for w in tokens(text))


@cache
def _serious_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in SERIOUS_WORDS)


def is_serious(word_stem: str) -> bool:
    """Whether a stem is one of :data:`SERIOUS_WORDS` ("abused", "abuse" and "abusing" all are)."""
    return word_stem in _serious_stems()
