"""Bank holidays and working days in England, from the maintained ``holidays`` package.

The MASH keeps office hours on working days only, so every rule that depends on the clock (who to
call now, a review's RAG deadline) asks this module whether a day is a bank holiday. The calendar
comes from the ``holidays`` package rather than a list of our own: substitute days, one-off bank
holidays and future years are kept up to date by its maintainers.

Importing ``holidays`` and building England's calendar took over a second on a loaded machine,
and F9's first dialog needs the answer at once (issue 11). So for the years the app is used in
the days come from a table generated from the package (``bank_holiday_table.py``, written by
``tools/gen_bank_holidays.py``; a test fails when the installed package says anything else);
outside them the package is imported on first use. Each year is built once; a window can warm
the current one in the background with :func:`warm`.
"""

from __future__ import annotations

import datetime as dt
import threading
from functools import lru_cache
from typing import Any

from thresholds_app.core.base import bank_holiday_table

_lock = threading.Lock()

# The partnership's wall clock: England's bank holidays and office hours are in UK time.
AREA_TIME_ZONE = "Europe/London"


def area_time(moment: dt.datetime) -> dt.datetime:
    """``moment`` as UK wall-clock time: naive times are taken as already local."""
    if moment.tzinfo is None:
        return moment
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return moment.astimezone(ZoneInfo(AREA_TIME_ZONE))
    except ZoneInfoNotFoundError:  # no tz database (Windows without tzdata): UTC is near enough
        return moment.astimezone(dt.UTC).replace(tzinfo=None)


def aware_area_time(moment: dt.datetime) -> dt.datetime:
    """``moment`` as an aware UK time (a naive one is taken as UK local time)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        zone: dt.tzinfo = ZoneInfo(AREA_TIME_ZONE)
    except ZoneInfoNotFoundError:
        zone = dt.UTC
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


@lru_cache(maxsize=64)
def _year(year: int) -> dict[dt.date, str]:
    if bank_holiday_table.FIRST_YEAR <= year <= bank_holiday_table.LAST_YEAR:
        return {dt.date(y, m, d): name for y, m, d, name in bank_holiday_table.DAYS if y == year}
    with _lock:
        import holidays  # over a second on a loaded machine: only for years outside the table

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
