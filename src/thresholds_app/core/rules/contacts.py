"""Whom to call, chosen by the clock the caller passes in (the engine never reads the clock).

The rule (from the pack's contacts and roles): in an emergency, 999 first. Then the front door
(the MASH) if it is open at ``now`` by its hours and the day is a working day, otherwise the
contact named in its ``out_of_hours`` (the Emergency Duty Team). Bank holidays in England come
from :mod:`thresholds_app.core.base.calendar`: on Christmas Day the MASH is closed whatever its
weekday hours say. The out-of-hours line is always listed, with the time rule that chose it
("Christmas Day: the MASH is closed on bank holidays"), so nobody is left with only a closed
number. When the time is not known, both lines are given, each marked "open now: not known".

The out-of-hours team is for urgent protection only. When the worry is not urgent (no emergency,
below the pack's statutory level, e.g. early help at Level 3) a closed office is reported as
closed, with when it opens, and the out-of-hours line is listed as "only if the child needs
protecting before then", never as the number to call.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from thresholds_app.core.base.calendar import area_time, bank_holiday
from thresholds_app.core.base.wording import DAY_KEYS, DAY_NAMES
from thresholds_app.core.pack.model import Contact, Pack
from thresholds_app.core.rules.assessment import ContactAdvice


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _open_by_hours(contact: Contact, moment: datetime) -> bool:
    day = DAY_KEYS[moment.weekday()]
    minute = moment.hour * 60 + moment.minute
    return any(
        day in slot.days and _minutes(slot.open) <= minute < _minutes(slot.close)
        for slot in contact.hours
    )


def is_open(contact: Contact, now: datetime) -> bool:
    """Whether ``contact`` is open at ``now`` (no hours: always open; closed on bank holidays)."""
    return not closed_because(contact, now)


def closed_because(contact: Contact, now: datetime) -> str:
    """The time rule that closes ``contact`` at ``now`` in plain words ("" when it is open).

    A contact with opening hours keeps them on working days only: bank holidays in England
    close it all day.
    """
    if not contact.hours:
        return ""
    local = area_time(now)
    holiday = bank_holiday(local.date())
    if holiday:
        return f"{holiday}: the {contact.name} is closed on bank holidays"
    if _open_by_hours(contact, local):
        return ""
    day = DAY_NAMES[DAY_KEYS[local.weekday()]]
    slots = [s for s in contact.hours if DAY_KEYS[local.weekday()] in s.days]
    if not slots:
        when = "at weekends" if local.weekday() >= 5 else f"on {day}s"
        return f"{day}: the {contact.name} is closed {when}"
    minute = local.hour * 60 + local.minute
    first = min(slots, key=lambda s: _minutes(s.open))
    if minute < _minutes(first.open):
        return f"{day} {local:%H:%M}: the {contact.name} opens at {first.open}"
    last = max(slots, key=lambda s: _minutes(s.close))
    return f"{day} {local:%H:%M}: the {contact.name} closes at {last.close} on {day}s"


def opens_next(contact: Contact, now: datetime) -> str:
    """When ``contact`` next opens, e.g. "Tuesday 27 December at 08:45" ("" if it never does)."""
    local = area_time(now)
    for ahead in range(0, 15):
        day = (local + timedelta(days=ahead)).date()
        if bank_holiday(day):
            continue
        key = DAY_KEYS[day.weekday()]
        for slot in sorted(contact.hours, key=lambda s: _minutes(s.open)):
            starts = _minutes(slot.open)
            if key in slot.days and (ahead or starts > local.hour * 60 + local.minute):
                return f"{DAY_NAMES[key]} {day.day} {day:%B} at {slot.open}"
    return ""


def _advice(
    contact: Contact,
    now: datetime | None,
    why: str,
    time_rule: str = "",
    *,
    call_now: bool = True,
    for_later: bool = False,
) -> ContactAdvice:
    # ``for_later``: the out-of-hours team while the office is open takes only the calls the
    # office cannot, so it is not "open now" to this caller (the pack gives it no hours).
    open_now = None if now is None else (not for_later and is_open(contact, now))
    return ContactAdvice(
        contact.id,
        contact.name,
        contact.phone,
        open_now,
        why,
        time_rule,
        call_now,
        contact.set_by_organisation,
    )


def route(
    pack: Pack, contact_id: str, now: datetime | None, why: str, *, urgent: bool = True
) -> list[ContactAdvice]:
    """Advice for one contact, with its out-of-hours contact always listed after or instead.

    Open now: the contact, then its out-of-hours line for later. Closed now and ``urgent``: the
    out-of-hours line instead, with the time rule that closed the contact. Closed and not
    urgent: the contact marked closed with when it opens, then the out-of-hours line for urgent
    protection only. Time unknown: both. A contact that is not in the pack gives nothing.
    """
    contact = pack.contacts.get(contact_id)
    if contact is None:
        return []
    fallback = pack.contacts.get(contact.out_of_hours) if contact.out_of_hours else None
    if fallback is None:
        return [_advice(contact, now, why, closed_because(contact, now) if now else "")]
    if now is None:
        return [
            _advice(contact, now, f"{why} (in office hours)"),
            _advice(fallback, now, f"Out of hours, instead of {contact.name}"),
        ]
    reason = closed_because(contact, now)
    if not reason:
        return [
            _advice(contact, now, why, "Open now"),
            _advice(
                fallback,
                now,
                f"Out of hours (evenings, weekends and bank holidays), instead of {contact.name}"
                + ("" if urgent else "; for urgent protection only"),
                f"The {contact.name} is open now",
                call_now=False,
                for_later=True,
            ),
        ]
    if urgent:
        return [_advice(fallback, now, f"{contact.name} is closed now; call this instead", reason)]
    opens = opens_next(contact, now)
    return [
        _advice(
            contact,
            now,
            f"{why}; closed now" + (f": call when it opens, {opens}" if opens else ""),
            reason,
            call_now=False,
        ),
        _advice(
            fallback,
            now,
            "Only if the child needs protecting before then: this team is for urgent protection, "
            "not early help",
            reason,
            call_now=False,
        ),
    ]


def who_to_call(pack: Pack, now: datetime | None, emergency: bool) -> tuple[ContactAdvice, ...]:
    """Whom to call about a child at the statutory threshold or in immediate danger.

    Args:
        pack: The guidance pack (its contacts, their hours and its roles).
        now: The time now (naive: UK local time), or ``None`` when not known.
        emergency: The child may be in immediate danger.

    Returns:
        999 first when ``emergency``; then the front door, or its out-of-hours contact when it is
        closed (always listed, with the rule that chose it); both when ``now`` is ``None``.
    """
    roles = pack.roles
    result: list[ContactAdvice] = []
    if emergency:
        result += route(
            pack, roles.emergency_contact, now, "The child may be in immediate danger: call 999 now"
        )
    result += route(pack, roles.front_door, now, "Refer the child to the front door")
    return tuple(result)


def contacts_for(
    pack: Pack, contact_ids: Iterable[str], now: datetime | None, why: str, *, urgent: bool
) -> list[ContactAdvice]:
    """Advice for several contacts in order, each routed by the clock."""
    result: list[ContactAdvice] = []
    for contact_id in contact_ids:
        result += route(pack, contact_id, now, why, urgent=urgent)
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
