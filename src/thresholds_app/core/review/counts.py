"""Counts of a batch for the partnership's multi-agency data set, with no personal data.

Only categories leave this module: agency types, levels, directions, consent outcomes, pathway
and gap ids, RAG ratings, outcome categories and months. No names, references, free text or
dates finer than the month. Any count from 1 to 4 is shown as "<5"; when a table has exactly one
such cell, its smallest other non-zero cell is hidden too, so the small one cannot be worked out
by subtraction from the table's total.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from thresholds_app.core.case.gaps import gap_name
from thresholds_app.core.pack.model import OUTCOME_CATEGORY_WORDS, Pack
from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.review.batch import Batch, BatchRow

SMALL = 5
HIDDEN = "<5"
OTHER_AGENCY = "Other or not known"
LEVEL_NAMES = ("Level 1", "Level 2", "Level 3", "Level 4", "No level")


@dataclass(frozen=True)
class Cell:
    """One published number: a table, a row, a column and a count (or "<5")."""

    table: str
    row: str
    column: str
    value: str


def _level(level: int | None) -> str:
    return "No level" if level is None else f"Level {level}"


def _direction(higher: int | None, lower: int | None) -> str:
    if higher is None or lower is None:
        return "not recorded"
    return "higher" if higher > lower else "lower" if higher < lower else "same"


def agency_type(pack: Pack, agency: str, role: str = "") -> str:
    """The agency type's label from the referrer's agency, else their role (free text)."""
    for words in (agency.lower(), role.lower()):
        for kind in review_guide(pack).agency_types:
            if any(re.search(rf"\b{re.escape(k)}\b", words) for k in kind.keywords):
                return kind.label
    return OTHER_AGENCY


def _rag_result(row: BatchRow) -> str:
    if not row.rag:
        return "not rated"
    if row.due is None or row.decided is None:
        return "not decided"
    return "met" if row.decided <= row.due else "missed"


def raw_counts(pack: Pack, batch: Batch) -> dict[str, Counter[tuple[str, str]]]:
    """Unsuppressed counts by table, keyed by (row, column); for tests and :func:`cells`."""
    guide = review_guide(pack)
    rag_labels = {r.id: r.label for r in guide.rag}
    outcomes = {o.id: o.category for o in guide.outcomes}
    topics = {t: pack.topics[t].title for t in pack.topics}
    tables: dict[str, Counter[tuple[str, str]]] = {}

    def add(table: str, row: str, column: str) -> None:
        tables.setdefault(table, Counter())[(row, column)] += 1

    for r in batch.rows:
        if not r.ok:
            add("files", "could not be read", "files")
            continue
        add("files", "read", "files")
        month = r.received.strftime("%Y-%m") if r.received else "not known"
        add("referrals by month", month, "referrals")
        add("referrals by agency type", agency_type(pack, *r.agency), "referrals")
        add("indicated by practitioner level", _level(r.now_level), _level(r.referrer_level))
        reviewed = _level(r.mash_level) if r.mash_level or r.rag else "not reviewed"
        add("practitioner by MASH level", _level(r.referrer_level), reviewed)
        add("indicated by MASH level", _level(r.now_level), reviewed)
        add("overrides", "practitioner against guidance", _direction(r.referrer_level, r.now_level))
        if reviewed != "not reviewed":
            add(
                "overrides", "MASH against practitioner", _direction(r.mash_level, r.referrer_level)
            )
            matched = "matched" if r.mash_level == r.now_level else "did not match"
            add("indicated level matched MASH decision", "referrals", matched)
        consent = "refused" if "consent-refused" in r.flags else "not refused or not recorded"
        add("consent", "referrals", consent)
        for topic in r.topics:
            add("pathways", topics.get(topic, topic), "referrals")
        for gap in r.gaps:
            add("gaps", gap, "referrals")
        if r.rag:
            add("RAG", rag_labels.get(r.rag, r.rag), _rag_result(r))
        if r.outcome:
            add("outcomes", outcomes.get(r.outcome, "other"), "referrals")
    return tables


def _suppress(counts: Counter[tuple[str, str]]) -> dict[tuple[str, str], str]:
    shown = {key: str(n) for key, n in counts.items()}
    small = [key for key, n in counts.items() if 0 < n < SMALL]
    for key in small:
        shown[key] = HIDDEN
    if len(small) == 1:
        others = sorted((n, key) for key, n in counts.items() if n >= SMALL)
        if others:
            shown[others[0][1]] = HIDDEN
    return shown


def cells(pack: Pack, batch: Batch) -> list[Cell]:
    """Every published number, small cells suppressed, in a stable order."""
    out: list[Cell] = []
    for table, counts in raw_counts(pack, batch).items():
        shown = _suppress(counts)
        out += [Cell(table, row, column, shown[(row, column)]) for row, column in sorted(shown)]
    return out


def in_words(pack: Pack, cell: Cell) -> Cell:
    """The cell as people read it (the PDF): outcome categories and gaps in words, not ids.

    The CSV keeps the ids, which stay the same whatever a partnership calls them.
    """
    if cell.table == "outcomes":
        return replace(cell, row=OUTCOME_CATEGORY_WORDS.get(cell.row, cell.row))
    if cell.table == "gaps":
        return replace(cell, row=gap_name(pack, cell.row))
    return cell


def counts_csv(cells_: Iterable[Cell]) -> str:
    """The cells as CSV text: table, row, column, count."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("table", "row", "column", "count"))
    writer.writerows((c.table, c.row, c.column, c.value) for c in cells_)
    return buffer.getvalue()


def level_chart_series(pack: Pack, batch: Batch) -> dict[str, list[int | None]]:
    """Referrals per level as indicated, decided (practitioner) and reviewed (MASH).

    A count under 5 is None (not drawn), so the chart shows no more than the CSV does.
    """
    rows = [r for r in batch.rows if r.ok]
    series = {
        "Indicated by the guidance": Counter(_level(r.now_level) for r in rows),
        "Decided by the referrer": Counter(_level(r.referrer_level) for r in rows),
        "Reviewed by the MASH": Counter(
            _level(r.mash_level) for r in rows if r.mash_level is not None
        ),
    }
    return {
        name: [n if not 0 < n < SMALL else None for n in (c[lv] for lv in LEVEL_NAMES)]
        for name, c in series.items()
    }
