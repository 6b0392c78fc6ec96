"""Bank holidays and working days in England, from the maintained ``holidays`` package.

The MASH keeps office hours on working days only, so every rule that depends on the clock (who to
call now, a review's RAG deadline) asks this module whether a day is a bank holiday. The calendar
comes from the ``holidays`` package rather than a list of our own: substitute days, one-off bank
holidays and future years are kept up to date by its maintainers.

Importing ``holidays`` costs about 200 ms (it loads every country), so it is imported on first
use and the calendar for each year is built once. A window can warm it in the background after
its first paint with :func:`warm`.
"""

from __future__ import annotations

import datetime as dt
import threading
from functools import lru_cache
from typing import Any

_lock = threading.Lock()


@lru_cache(maxsize=64)
def _year(year: int) -> dict[dt.date, str]:
    with _lock:
        import holidays  # about 200 ms: kept off the start path

        table: Any = holidays.country_holidays("GB", subdiv="ENG", years=year)
        return {day: str(name) for day, name in table.items()}


def bank_holiday(day: dt.date) -> str | None:
    """Return the name of the bank holiday in England on ``day``, or None on an ordinary day."""
    return _year(day.year).get(day)


def is_working_day(day: dt.date) -> bool:
    """Return True on Monday to Friday when the day is not a bank holiday in England."""
    return day.weekday() < 5 and bank_holiday(day) is None


def warm(year: int | None = None) -> None:
    """Build this year's calendar now (call from a worker thread so the first use is instant)."""
    _year(year if year is not None else dt.date.today().year)
