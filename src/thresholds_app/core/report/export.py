"""The one export path: everything a Save, Print, Copy or ``thresholds render`` needs, once.

:func:`prepare_export` re-assesses the case with the clock given, works out the blockers and
builds the rationale in one go, so the PDF, the printed copy, the plain text and the command
line always agree: the same time (UK time, with its zone), the same blockers and the same words.
It never changes the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from thresholds_app.core.base.calendar import aware_area_time
from thresholds_app.core.case.readiness import Blocker, find_blockers
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import Rationale, build_rationale, format_produced_at
from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.core.rules.engine import assess


@dataclass(frozen=True)
class Export:
    """One prepared export: when, the assessment, what blocks it, and the rationale to lay out."""

    produced_at: datetime  # aware, Europe/London
    assessment: Assessment
    blockers: tuple[Blocker, ...]
    rationale: Rationale

    @property
    def ready(self) -> bool:
        """True when nothing blocks the export (a draft may still be made)."""
        return not self.blockers


def prepare_export(pack: Pack, case: CaseRecord, now: datetime, app_version: str) -> Export:
    """Assess ``case`` at ``now`` and gather its rationale, blockers included as a draft list.

    ``now`` may be naive (taken as UK local time) or aware (converted to UK time).
    """
    moment = aware_area_time(now).replace(microsecond=0)
    assessment = assess(pack, case.answers, case.context(moment))
    blockers = find_blockers(pack, case, assessment)
    rationale = build_rationale(
        pack,
        case,
        assessment,
        format_produced_at(moment),
        app_version,
        tuple(b.message for b in blockers),
    )
    return Export(moment, assessment, blockers, rationale)
