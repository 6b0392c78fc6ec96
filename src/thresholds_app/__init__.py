"""Right Help, Right Time threshold assistant.

Layers, one way only: :mod:`thresholds_app.ui` (Qt) and :mod:`thresholds_app.cli` sit on
:mod:`thresholds_app.pdf` (reportlab), which sits on :mod:`thresholds_app.core` (pure Python).
"""

__version__ = "0.1.0"
