"""Whom to call, chosen by the clock the caller passes in (the engine never reads the clock).

The rule (from the pack's contacts): in an emergency, 999 first. Then the MASH if it is open at
``now`` by its hours, otherwise the contact named in its ``out_of_hours`` (the Emergency Duty Team).
When the time is not known, both the MASH and the out-of-hours contact are given, each marked
"open now: not known", so the practitioner is never sent to a closed line without an alternative.

``now`` is the local wall-clock time in the partnership's area; an aware datetime is first
converted to UK time (Europe/London) when the time-zone data is available. Bank holidays are not in
the pack format, so a bank-holiday weekday counts as open; the out-of-hours contact is always listed
when the time is not known.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from thresholds_app.core.pack.model import Contact, Pack
from thresholds_app.core.rules.assessment import ContactAdvice

EMERGENCY_ID = "emergency-999"
FRONT_DOOR_ID = "mash"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
AREA_TIME_ZONE = "Europe/London"


def _local(now: datetime) -> datetime:
    """Naive times are already local; aware ones are converted to UK time where possible."""
    if now.tzinfo is None:
        return now
    try:
        return now.astimezone(ZoneInfo(AREA_TIME_ZONE))
    except ZoneInfoNotFoundError:  # no tz database (e.g. Windows without tzdata)
        return now


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def is_open(contact: Contact, now: datetime) -> bool:
    """Whether ``contact`` is open at ``now`` by its hours (no hours: always open)."""
    if not contact.hours:
        return True
    now = _local(now)
    day = DAY_NAMES[now.weekday()]
    minute = now.hour * 60 + now.minute
    return any(
        day in slot.days and _minutes(slot.open) <= minute < _minutes(slot.close)
        for slot in contact.hours
    )


def _advice(contact: Contact, now: datetime | None, why: str) -> ContactAdvice:
    open_now = None if now is None else is_open(contact, now)
    return ContactAdvice(contact.id, contact.name, contact.phone, open_now, why)


def route(pack: Pack, contact_id: str, now: datetime | None, why: str) -> list[ContactAdvice]:
    """Advice for one contact, swapped for (or joined by) its out-of-hours contact when needed.

    Open now: the contact. Closed now: its ``out_of_hours`` contact instead. Time unknown: both.
    A contact that is not in the pack gives nothing.
    """
    contact = pack.contacts.get(contact_id)
    if contact is None:
        return []
    fallback = pack.contacts.get(contact.out_of_hours) if contact.out_of_hours else None
    if fallback is None:
        return [_advice(contact, now, why)]
    if now is None:
        return [
            _advice(contact, now, f"{why} (in office hours)"),
            _advice(fallback, now, f"Out of hours, instead of {contact.name}"),
        ]
    if is_open(contact, now):
        return [_advice(contact, now, why)]
    return [_advice(fallback, now, f"{contact.name} is closed now; call this instead")]


def who_to_call(pack: Pack, now: datetime | None, emergency: bool) -> tuple[ContactAdvice, ...]:
    """Whom to call about a child at the statutory threshold or in immediate danger.

    Args:
        pack: The guidance pack (its contacts and their hours).
        now: Local time at the partnership, or ``None`` when not known.
        emergency: The child may be in immediate danger.

    Returns:
        999 first when ``emergency``; then the MASH, or its out-of-hours contact when it is closed;
        both when ``now`` is ``None``.
    """
    result: list[ContactAdvice] = []
    if emergency:
        result += route(
            pack, EMERGENCY_ID, now, "The child may be in immediate danger: call 999 now"
        )
    result += route(pack, FRONT_DOOR_ID, now, "Refer the child to the front door")
    return tuple(result)


def contacts_for(
    pack: Pack, contact_ids: Iterable[str], now: datetime | None, why: str
) -> list[ContactAdvice]:
    """Advice for several contacts in order, each routed by the clock."""
    result: list[ContactAdvice] = []
    for contact_id in contact_ids:
        result += route(pack, contact_id, now, why)
    return result


def dedupe(advice: Iterable[ContactAdvice]) -> tuple[ContactAdvice, ...]:
    """Keep the first advice for each contact id."""
    seen: set[str] = set()
    result: list[ContactAdvice] = []
    for item in advice:
        if item.id not in seen:
            seen.add(item.id)
            result.append(item)
    return tuple(result)
