"""England's bank holidays: the generated table, the ``holidays`` package and the fallback.

F9's first dialog needs "is the MASH open?" at once, so ``core/base/calendar.py`` reads a table
generated from the ``holidays`` package for the years the app is used in (issue 11). The package
stays the one source: these tests fail when it says anything else, e.g. after an upgrade that
adds a one-off bank holiday, until ``tools/gen_bank_holidays.py`` is run again.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from thresholds_app.core.base import bank_holiday_table as table
from thresholds_app.core.base.calendar import _year, bank_holiday, is_working_day

SRC = Path(__file__).resolve().parents[2] / "src"
YEARS = range(table.FIRST_YEAR, table.LAST_YEAR + 1)
REGENERATE = "the bank-holiday table is stale: run python tools/gen_bank_holidays.py"


def test_the_table_is_what_the_installed_holidays_package_says_for_every_year() -> None:
    package = holidays.country_holidays("GB", subdiv="ENG", years=YEARS)
    from_package = {day: str(name) for day, name in package.items()}
    from_table = {dt.date(y, m, d): name for y, m, d, name in table.DAYS}
    assert from_table == from_package, REGENERATE


@pytest.mark.parametrize("year", [table.FIRST_YEAR, 2026, table.LAST_YEAR])
def test_each_year_in_the_table_is_answered_from_it(year: int) -> None:
    package = holidays.country_holidays("GB", subdiv="ENG", years=year)
    assert _year(year) == {day: str(name) for day, name in package.items()}


def test_one_off_and_substitute_days_are_there() -> None:
    assert bank_holiday(dt.date(2023, 5, 8)) == "Coronation of Charles III"
    assert bank_holiday(dt.date(2022, 9, 19)) == "State Funeral of Queen Elizabeth II"
    assert bank_holiday(dt.date(2026, 12, 28)) == "Boxing Day (observed)"
    assert bank_holiday(dt.date(2026, 12, 29)) is None
    assert not is_working_day(dt.date(2026, 12, 25))
    assert is_working_day(dt.date(2026, 12, 29))


@pytest.mark.parametrize("day", [dt.date(table.FIRST_YEAR - 1, 12, 25), dt.date(2075, 12, 25)])
def test_years_outside_the_table_come_from_the_package(day: dt.date) -> None:
    assert bank_holiday(day) == "Christmas Day"


def test_a_day_in_the_table_needs_no_import_of_the_holidays_package() -> None:
    """In a fresh process, as at launch: F9's first answer does not wait for the package."""
    code = (
        "import datetime, sys\n"
        "from thresholds_app.core.base.calendar import bank_holiday, is_working_day\n"
        "assert bank_holiday(datetime.date(2026, 12, 25)) == 'Christmas Day'\n"
        "assert is_working_day(datetime.date(2026, 12, 29))\n"
        "print('holidays' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
