"""The six steps of an assessment, in order: one list for the page, the step list and the Go menu.

Kept apart from :mod:`thresholds_app.ui.assessment.page` so the main window can offer Ctrl+1…6
without loading the assessment's screens at start-up.
"""

from __future__ import annotations

STEPS = (
    ("safety", "1. Immediate danger"),
    ("child", "2. Child and household"),
    ("needs", "3. Needs"),
    ("consent", "4. Consent and sharing"),
    ("decision", "5. Your decision"),
    ("preview", "6. Rationale and export"),
)
STEP_KEYS = tuple(key for key, _title in STEPS)
