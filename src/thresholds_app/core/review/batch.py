"""A morning's referrals: a folder of case files as rows, re-assessed under the guidance now.

Every file in the folder becomes a row. A damaged or foreign file is a row with the reason it
could not be read, never left out. Reading is cancellable and reports progress, so a window can
run it off its GUI thread. Nothing is written anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from thresholds_app.core.base.wording import one_line
from thresholds_app.core.case.gaps import referral_gaps
from thresholds_app.core.case.reading import read_case_bytes
from thresholds_app.core.case.record import CaseFileError, CaseRecord, case_from_json
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.review.clock import deadline, parse_time, rating
from thresholds_app.core.review.decision import received_time
from thresholds_app.core.review.reassess import Reassessment, indicated_words, reassess

# Flags a row can carry; the table shows them in words, programs key on the ids.
FLAG_WORDS = {
    "emergency": "Emergency",
    "danger-not-known": "Danger not known",
    "answers-not-used": "Answers not used",
    "referrer-above-guidance": "Referrer above guidance",
    "referrer-below-guidance": "Referrer below guidance",
    "mash-above-referrer": "MASH above referrer",
    "mash-below-referrer": "MASH below referrer",
    "consent-refused": "Consent refused",
    "gaps": "Gaps",
    "older-pack": "Older guidance",
    "other-pack": "Other guidance",
    "sibling-group": "Possible sibling group",
    "referral-changed": "Changed after review",
}


@dataclass(frozen=True)
class BatchRow:
    """One file of the folder: a referral, or the reason it could not be read."""

    path: Path
    problem: str = ""  # why the file could not be read ("" when it could)
    problem_brief: str = ""  # the same in a few words, for a table cell (the first problem)
    reference: str = ""
    household: str = ""
    received: dt.datetime | None = None
    referred_level: int | None = None  # indicated when referred (the saved assessment)
    referred_words: str = "—"  # the same as the screens said it (never a bare unsettled level)
    now_level: int | None = None  # indicated under the guidance in force now
    now_words: str = "—"  # the same as the screens say it
    referrer_level: int | None = None  # the referrer's own decision
    mash_level: int | None = None  # the latest review's level
    rag: str = ""
    due: dt.datetime | None = None
    decided: dt.datetime | None = None
    outcome: str = ""
    flags: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    agency: tuple[str, str] = ("", "")  # agency and role, free text: only to find the type
    reassessment: Reassessment | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        """Whether the file was read as a case."""
        return not self.problem


@dataclass(frozen=True)
class Batch:
    """The rows of a folder, sorted; ``complete`` is False when reading was cancelled."""

    folder: Path
    rows: tuple[BatchRow, ...]
    complete: bool
    skipped_folders: int = 0


def _direction(higher: int | None, lower: int | None) -> int:
    if higher is None or lower is None or higher == lower:
        return 0
    return 1 if higher > lower else -1


def read_row(path: Path, pack: Pack, now: dt.datetime | None = None) -> BatchRow:
    """One file as a row; a file that cannot be read gives a row with the reason."""
    if path.suffix.lower() != ".json":
        return BatchRow(
            path,
            problem="Not a case file: only .json case files are read.",
            problem_brief="not a case file",
        )
    try:
        raw = read_case_bytes(path)
        case = case_from_json(raw, name=path.name)
    except CaseFileError as exc:  # one line for the list, a few words for its cell
        return BatchRow(path, problem=one_line(str(exc)), problem_brief=brief_problem(exc))
    return _row(path, raw, case, pack, now)


def brief_problem(error: CaseFileError) -> str:
    """The first problem in a few words, where it is, and how many more there are.

    "it is not valid JSON (line 1, column 29)"; the whole text stays in ``problem``.
    """
    if not error.problems:
        return "it cannot be opened"
    first = error.problems[0]
    words = one_line(first.message).split(": ", 1)[0].rstrip(".")
    if first.line is not None:
        where = f"line {first.line}" + (f", column {first.column}" if first.column else "")
        words += f" ({where})"
    more = len(error.problems) - 1
    if more:
        words += f"; {more} more problem" + ("s" if more > 1 else "")
    return words


def _row(path: Path, raw: bytes, case: CaseRecord, pack: Pack, now: dt.datetime | None) -> BatchRow:
    from thresholds_app.core.review.store import referral_changed_since

    checked = reassess(pack, case, now=now)
    referred = checked.as_referred
    latest = case.reviews[-1] if case.reviews else None
    received = parse_time(received_time(case))
    rated = rating(pack, latest.rag) if latest else None
    due = deadline(received, rated, pack) if rated and received else None
    flags: list[str] = []
    if checked.now.emergency:
        flags.append("emergency")
    elif checked.now.danger_not_known:  # a possible danger the referrer could not rule out
        flags.append("danger-not-known")
    # An answer to an id the guidance does not know plays no part in the level: a "yes" to a
    # mistyped Level 4 indicator must be seen in the list, not only in the detail view.
    if any(d.kind in ("answer-unknown", "id-replaced") for d in checked.differences):
        flags.append("answers-not-used")
    referrer = _direction(case.decision.level, checked.now.indicated_level)
    if referrer:
        flags.append("referrer-above-guidance" if referrer > 0 else "referrer-below-guidance")
    mash = latest.level if latest else None
    mash_vs = _direction(mash, case.decision.level)
    if mash_vs:
        flags.append("mash-above-referrer" if mash_vs > 0 else "mash-below-referrer")
    if case.consent.outcome == "refused" or case.answers.get("consent-refused") == "yes":
        flags.append("consent-refused")
    gaps = tuple(g.id for g in referral_gaps(pack, case))
    if gaps:
        flags.append("gaps")
    if checked.older_pack:
        flags.append("older-pack")
    if checked.other_pack:
        flags.append("other-pack")
    if any(referral_changed_since(raw, r) for r in case.reviews):
        flags.append("referral-changed")
    return BatchRow(
        path=path,
        reference=one_line(case.child.reference),  # shown on one line: no bidi tricks
        household=one_line(case.child.household_reference),
        received=received,
        referred_level=referred.indicated_level if referred else None,
        referred_words=indicated_words(pack, referred, none="—") if referred else "—",
        now_level=checked.now.indicated_level,
        now_words=indicated_words(pack, checked.now, none="—"),
        referrer_level=case.decision.level,
        mash_level=mash,
        rag=latest.rag if latest else "",
        due=due,
        decided=parse_time(latest.reviewed_at) if latest else None,
        outcome=latest.outcome if latest else "",
        flags=tuple(flags),
        gaps=gaps,
        topics=checked.now.topics,
        agency=(case.referrer.agency, case.referrer.role),
        reassessment=checked,
    )


def _with_sibling_flags(rows: list[BatchRow]) -> list[BatchRow]:
    shared = Counter(r.household for r in rows if r.household)
    out = []
    for row in rows:
        if row.household and shared[row.household] > 1:
            row = _replace_flags(row, (*row.flags, "sibling-group"))
        out.append(row)
    return out


def _replace_flags(row: BatchRow, flags: tuple[str, ...]) -> BatchRow:
    return replace(row, flags=flags)


def with_file_reread(batch: Batch, path: Path, pack: Pack, now: dt.datetime | None = None) -> Batch:
    """``batch`` with the row for ``path`` read again (after a review was saved into it).

    The rows keep their order, so the row the reviewer worked on stays where it was; the
    sibling-group flags are worked out again over the whole folder. A path that is not one of
    the batch's files leaves the batch as it is.
    """
    paths = [row.path for row in batch.rows]
    if Path(path) not in paths:
        return batch
    at = paths.index(Path(path))
    rows = [*batch.rows[:at], read_row(Path(path), pack, now), *batch.rows[at + 1 :]]
    rows = [_replace_flags(r, tuple(f for f in r.flags if f != "sibling-group")) for r in rows]
    return replace(batch, rows=tuple(_with_sibling_flags(rows)))


def sort_key(row: BatchRow) -> tuple[object, ...]:
    """Unreadable files first (to be seen), then the soonest deadline, then the oldest."""
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return (row.ok, row.due or far, row.received or far, row.path.name)


def read_folder(
    folder: Path,
    pack: Pack,
    now: dt.datetime | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Batch:
    """Read every file in ``folder`` (not its sub-folders) as rows, sorted by :func:`sort_key`.

    ``progress(done, total)`` is called after each file; when ``cancelled()`` turns true the
    rows read so far are returned with ``complete`` False.
    """
    entries = sorted(Path(folder).iterdir(), key=lambda p: p.name)
    files = [p for p in entries if p.is_file()]
    skipped = len(entries) - len(files)
    rows: list[BatchRow] = []
    complete = True
    for number, path in enumerate(files, start=1):
        if cancelled is not None and cancelled():
            complete = False
            break
        rows.append(read_row(path, pack, now))
        if progress is not None:
            progress(number, len(files))
    rows = _with_sibling_flags(rows)
    rows.sort(key=sort_key)
    return Batch(Path(folder), tuple(rows), complete, skipped)
