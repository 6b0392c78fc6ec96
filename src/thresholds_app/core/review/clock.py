"""The RAG clock: by when the MASH should decide, from the time it received the referral.

A rating's clock is pack data (``review.yaml``). Clock hours run day and night (a red referral is
worked to completion out of hours). Working days count only the MASH's opening hours (from the
contact named by ``hours_from`` in ``contacts.yaml``) on working days in England: weekends and
bank holidays (:mod:`thresholds_app.core.base.calendar`) do not count. "N working days" means by
the same time of day on the Nth working day after the clock started; a clock that starts while
the MASH is closed starts when it next opens, and a deadline at an opening time is shown as the
close of the working day before (the same moment in working time).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from thresholds_app.core.base.calendar import is_working_day
from thresholds_app.core.pack.model import OpeningHours, Pack, RagRating
from thresholds_app.core.pack.review_defaults import review_guide

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FALLBACK_HOURS = (OpeningHours(DAY_NAMES[:5], "09:00", "17:00"),)  # a contact with no hours
MAX_DAYS_AHEAD = 400  # a calendar with no working days at all must not loop for ever


def area_zone() -> dt.tzinfo:
    """UK time (Europe/London), or UTC where the time-zone database is missing."""
    try:
        return ZoneInfo("Europe/London")
    except ZoneInfoNotFoundError:
        return dt.UTC


def mash_hours(pack: Pack) -> tuple[OpeningHours, ...]:
    """The opening hours the working-day clock counts."""
    contact = pack.contacts.get(review_guide(pack).hours_from)
    return contact.hours if contact is not None and contact.hours else FALLBACK_HOURS


def _time(hhmm: str) -> dt.time:
    hours, minutes = hhmm.split(":")
    return dt.time(int(hours), int(minutes))


def _slots(day: dt.date, hours: tuple[OpeningHours, ...]) -> list[tuple[dt.time, dt.time]]:
    if not is_working_day(day):
        return []
    name = DAY_NAMES[day.weekday()]
    return sorted((_time(h.open), _time(h.close)) for h in hours if name in h.days)


def _next_working(day: dt.date, hours: tuple[OpeningHours, ...]) -> dt.date:
    for _ in range(MAX_DAYS_AHEAD):
        day += dt.timedelta(days=1)
        if _slots(day, hours):
            return day
    raise ValueError("the MASH opening hours have no working day in the next year")


def _start(local: dt.datetime, hours: tuple[OpeningHours, ...]) -> dt.datetime:
    """The moment the working clock starts: now if open, else the next opening."""
    day, clock = local.date(), local.time().replace(tzinfo=None)
    for opens, closes in _slots(day, hours):
        if clock < closes:
            return (
                local
                if clock >= opens
                else local.replace(hour=opens.hour, minute=opens.minute, second=0, microsecond=0)
            )
    day = _next_working(day, hours)
    opens = _slots(day, hours)[0][0]
    return dt.datetime.combine(day, opens, local.tzinfo)


def deadline(received: dt.datetime, rating: RagRating, pack: Pack) -> dt.datetime:
    """By when the MASH should decide on a referral ``received`` (aware) at ``rating``."""
    if received.tzinfo is None:
        raise ValueError("the time received must carry its time zone")
    if rating.within_hours is not None:
        return (received.astimezone(dt.UTC) + dt.timedelta(hours=rating.within_hours)).astimezone(
            area_zone()
        )
    hours = mash_hours(pack)
    start = _start(received.astimezone(area_zone()), hours)
    day = start.date()
    for _ in range(rating.within_working_days or 0):
        day = _next_working(day, hours)
    slots = _slots(day, hours)
    wanted = start.time().replace(tzinfo=None)
    if wanted <= slots[0][0]:  # at opening: the same as the close of the working day before
        before = _previous_working(day, hours)
        return dt.datetime.combine(before, _slots(before, hours)[-1][1], start.tzinfo)
    wanted = min(wanted, slots[-1][1])
    return dt.datetime.combine(day, wanted, start.tzinfo)


def _previous_working(day: dt.date, hours: tuple[OpeningHours, ...]) -> dt.date:
    for _ in range(MAX_DAYS_AHEAD):
        day -= dt.timedelta(days=1)
        if _slots(day, hours):
            return day
    raise ValueError("the MASH opening hours have no working day in the last year")


def rating(pack: Pack, rating_id: str) -> RagRating | None:
    """The pack's RAG rating with ``rating_id``, if any."""
    return next((r for r in review_guide(pack).rag if r.id == rating_id), None)


def parse_time(text: str) -> dt.datetime | None:
    """An ISO 8601 time with its zone (``Z`` allowed), or None if empty or not one."""
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def time_left_words(due: dt.datetime, now: dt.datetime) -> str:
    """How long is left until ``due``, or how long overdue, in plain words."""
    seconds = int((due - now).total_seconds())
    words = _duration(abs(seconds))
    return f"{words} left" if seconds >= 0 else f"overdue by {words}"


def _duration(seconds: int) -> str:
    """A length of time in words, to the two largest units: "322 days 3 hours", "1 minute"."""
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return _count(days, "day") + (f" {_count(hours, 'hour')}" if hours else "")
    if hours:
        return _count(hours, "hour") + (f" {_count(minutes, 'minute')}" if minutes else "")
    return _count(minutes, "minute") if minutes else "less than a minute"


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def due_words(due: dt.datetime) -> str:
    """The deadline as read aloud: ``Tue 2 Dec 2025 17:20`` (the year: a late one may be old)."""
    local = due.astimezone(area_zone())
    return f"{local:%a} {local.day} {local:%b %Y %H:%M}"
