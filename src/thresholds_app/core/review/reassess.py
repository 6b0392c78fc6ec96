"""Re-assess a referral under the guidance in force now, without changing the case.

The MASH needs both: the assessment **as referred** (saved in the case file when the referrer
last saved it) and what the guidance **in force now** indicates for the same answers. This module
returns both side by side with every difference in plain words and a kind a program can act on;
the case itself is never touched (its answers are copied before the engine sees them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from thresholds_app.core.case.record import CaseRecord, PackRef
from thresholds_app.core.pack.model import Answer, Pack
from thresholds_app.core.rules.assessment import Assessment, Context, level_in_words
from thresholds_app.core.rules.engine import assess

AssessFn = Callable[[Pack, Mapping[str, Answer], Context], Assessment]

# What a difference can be about; the UI and the batch flags key on these, never on the words.
DIFFERENCE_KINDS = (
    "other-pack",  # made with another partnership's guidance
    "pack-version",  # another version of this guidance
    "pack-content",  # same version number, different content
    "not-saved",  # the file holds no assessment as referred
    "level",  # the indicated level changed
    "emergency",  # emergency action is now, or no longer, indicated
    "rule-new",  # a reason that fires now and did not then
    "rule-gone",  # a reason that fired then and does not now
    "rule-changed",  # the same rule now says something else
    "id-replaced",  # an answered indicator was replaced by others in the new guidance
    "answer-unknown",  # an answer the guidance in force now does not know
    "answers-missing",  # questions the guidance needs that were not answered
)


@dataclass(frozen=True)
class Difference:
    """One thing that differs between the referral as made and the guidance in force now."""

    kind: str  # one of DIFFERENCE_KINDS
    words: str


@dataclass(frozen=True)
class Reassessment:
    """The referral as referred and under the guidance in force now, side by side."""

    as_referred: Assessment | None  # the assessment saved in the file (None: not saved)
    now: Assessment  # the same answers under the guidance in force now
    referred_pack: PackRef
    current_pack: PackRef
    differences: tuple[Difference, ...]

    @property
    def same_pack(self) -> bool:
        """Whether the case was made with exactly the guidance in force now."""
        return self.referred_pack == self.current_pack

    @property
    def older_pack(self) -> bool:
        """Whether the case was made with another version or copy of this guidance."""
        return any(d.kind in ("pack-version", "pack-content") for d in self.differences)

    @property
    def other_pack(self) -> bool:
        """Whether the case was made with another partnership's guidance."""
        return any(d.kind == "other-pack" for d in self.differences)

    def kinds(self) -> set[str]:
        """The kinds of difference found."""
        return {d.kind for d in self.differences}


def level_words(level: int | None) -> str:
    """The level as words: Level N, or insufficient information for no level."""
    return "insufficient information" if level is None else f"Level {level}"


def indicated_words(
    pack: Pack, assessment: Assessment, none: str = "insufficient information"
) -> str:
    """What ``assessment`` indicates, as a table or a card heads it ("At least Level 3")."""
    words = level_in_words(assessment, min(pack.levels, default=None), none=none)
    return words[:1].upper() + words[1:]


def _pack_words(ref: PackRef) -> str:
    return f"{ref.id or 'unknown guidance'} version {ref.version or '?'} ({ref.hash[:12] or '?'})"


def reassess(
    pack: Pack,
    case: CaseRecord,
    *,
    now: datetime | None = None,
    assess_fn: AssessFn = assess,
) -> Reassessment:
    """Re-run the guidance in force now on the referrer's answers; never change ``case``.

    Args:
        pack: The guidance in force now.
        case: The referral as saved; it is only read.
        now: The clock for contacts (who to call now), or None.
        assess_fn: The engine (injected by tests).
    """
    current = PackRef.of(pack)
    fresh = assess_fn(pack, dict(case.answers), Context(case.child.age_band, now))
    old = case.assessment
    diffs: list[Difference] = []
    diffs += _pack_differences(case.pack, current)
    if old is None:
        diffs.append(
            Difference(
                "not-saved",
                "The file holds no assessment as referred, so only the guidance in force now "
                "could be applied.",
            )
        )
    else:
        diffs += _result_differences(old, fresh, pack)
    diffs += _answer_differences(pack, case, fresh)
    return Reassessment(old, fresh, case.pack, current, tuple(diffs))


def _pack_differences(made: PackRef, current: PackRef) -> list[Difference]:
    if made == current:
        return []
    if made.id != current.id:
        return [
            Difference(
                "other-pack",
                f"This case was made with other guidance ({_pack_words(made)}). It was checked "
                f"against {_pack_words(current)}: answers with ids this guidance knows were "
                "used, the rest could not be checked, and the levels may not mean the same.",
            )
        ]
    if made.version != current.version:
        return [
            Difference(
                "pack-version",
                f"This case was made with version {made.version or '?'} of the guidance; "
                f"version {current.version} is in force now.",
            )
        ]
    return [
        Difference(
            "pack-content",
            f"This case was made with a different copy of version {made.version} "
            f"({made.hash[:12] or '?'}, now {current.hash[:12]}): the guidance was changed "
            "without a new version number.",
        )
    ]


def _result_differences(old: Assessment, new: Assessment, pack: Pack) -> list[Difference]:
    out: list[Difference] = []
    lowest = min(pack.levels, default=None)
    if level_in_words(old, lowest) != level_in_words(new, lowest):
        out.append(
            Difference(
                "level",
                f"The guidance indicated {level_in_words(old, lowest)} when referred; it "
                f"indicates {level_in_words(new, lowest)} now.",
            )
        )
    if old.emergency != new.emergency:
        out.append(
            Difference(
                "emergency",
                "Emergency action is indicated now; it was not when referred."
                if new.emergency
                else "Emergency action was indicated when referred; it is not now.",
            )
        )
    before = {r.rule_id: r for r in old.reasons}
    after = {r.rule_id: r for r in new.reasons}
    for rule_id, reason in after.items():
        was = before.get(rule_id)
        if was is None:
            out.append(Difference("rule-new", f"A reason now: {reason.label}."))
        elif was.level != reason.level:
            out.append(
                Difference(
                    "rule-changed",
                    f"The rule “{reason.label}” changed: when referred it "
                    f"{_effect(was.level, 'gave', 'indicated')}; now it "
                    f"{_effect(reason.level, 'gives', 'indicates')}.",
                )
            )
        elif was.label != reason.label:
            out.append(
                Difference(
                    "rule-changed", f"The rule “{was.label}” is now worded “{reason.label}”."
                )
            )
    out += [
        Difference("rule-gone", f"No longer a reason: {r.label}.")
        for rule_id, r in before.items()
        if rule_id not in after
    ]
    return out


def _effect(level: int | None, gives: str, indicates: str) -> str:
    return f"only {gives} a warning" if level is None else f"{indicates} Level {level}"


def _answer_differences(pack: Pack, case: CaseRecord, fresh: Assessment) -> list[Difference]:
    out: list[Difference] = []
    known = pack.answerable_ids()
    # Retired ids and what replaced them, when the pack lists them (older packs do not).
    replaced: Mapping[str, tuple[str, ...]] = getattr(pack, "replaced_by", None) or {}
    unknown: list[str] = []
    for answer_id in sorted(set(case.answers) - known):
        successors = [s for s in replaced.get(answer_id, ()) if s in known]
        if successors:
            texts = "; ".join(_text(pack, s) for s in successors)
            out.append(
                Difference(
                    "id-replaced",
                    f"“{answer_id}” (answered {case.answers[answer_id]}) was replaced in the "
                    f"guidance in force now by: {texts}. The answer was not carried over: ask "
                    "the referrer.",
                )
            )
        else:
            unknown.append(answer_id)
    if unknown:
        out.append(
            Difference(
                "answer-unknown",
                "These answers are not in the guidance in force now and were not used: "
                + ", ".join(unknown)
                + ".",
            )
        )
    missing = [q for q in pack.manifest.mandatory_questions if q not in case.answers]
    missing += [ref.id for ref in fresh.missing if ref.id not in missing]
    said = {  # an answer "not known" is there, but settles nothing
        "Not answered, and the guidance needs them: ": [
            q for q in missing if q not in case.answers
        ],
        "Answered “not known”, and the guidance needs an answer: ": [
            q for q in missing if q in case.answers
        ],
    }
    out += [
        Difference("answers-missing", words + "; ".join(_text(pack, q) for q in ids))
        for words, ids in said.items()
        if ids
    ]
    return out


def _text(pack: Pack, answer_id: str) -> str:
    if answer_id in pack.indicators:
        return pack.indicators[answer_id].text
    if answer_id in pack.questions:
        return pack.questions[answer_id].text
    return answer_id
