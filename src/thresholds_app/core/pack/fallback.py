"""Whom to call when no guidance pack can be used at all, so the app cannot start.

A child in immediate danger still needs a number (F9 works on every screen and dialog). 999 is
always first. After it, the front door and its out-of-hours team come from the newest copy of a
pack this computer accepted before (each copy was verified when it was accepted), and otherwise
from the numbers built into this release of the app, marked as such because they may be out of
date.
"""

from __future__ import annotations

from pathlib import Path

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Contact, OpeningHours, Pack
from thresholds_app.core.pack.trust import KeptPacks, version_key


@record
class FallbackContact:
    """One number to call, and when."""

    name: str
    phone: str
    use_for: str


@record
class FallbackContacts:
    """The numbers to show, and where they came from (one plain sentence)."""

    contacts: tuple[FallbackContact, ...]
    source: str
    built_in: bool


EMERGENCY = FallbackContact(
    "Emergency services (police, ambulance)",
    "999",
    "A child in immediate danger or needing urgent medical help: call first.",
)

# Solihull's numbers as published by the council when this release was made (the bundled pack's
# contacts.yaml); used only when no pack this computer accepted can be read.
BUILT_IN = (
    EMERGENCY,
    FallbackContact(
        "Solihull MASH (Integrated Front Door)",
        "0121 788 4300",
        "Monday to Thursday 08:45 to 17:20, Friday 08:45 to 16:30.",
    ),
    FallbackContact(
        "Solihull Emergency Duty Team (children's social care out of hours)",
        "0121 605 6060",
        "Evenings, weekends and bank holidays, when the MASH is closed.",
    ),
)

BUILT_IN_SOURCE = (
    "These numbers are built into the app and may be out of date: check them against your "
    "organisation's safeguarding procedures."
)


def fallback_contacts(kept: KeptPacks | None) -> FallbackContacts:
    """999, then the front door and out-of-hours team of the last accepted pack, or built-in."""
    if kept is not None:
        for copy in _newest_copies(kept):
            from thresholds_app.core.pack.load import load_pack

            result = load_pack(copy)
            if result.pack is not None and not result.problems:
                found = _from_pack(result.pack)
                if found:
                    manifest = result.pack.manifest
                    source = (
                        f"From {manifest.title} version {manifest.version}, the last guidance "
                        "this computer trusted."
                    )
                    return FallbackContacts((EMERGENCY, *found), source, False)
    return FallbackContacts(BUILT_IN, BUILT_IN_SOURCE, True)


def _newest_copies(kept: KeptPacks) -> list[Path]:
    """Every kept copy, the newest version first (the pack id folders are usually just one)."""
    if not kept.folder.is_dir():
        return []
    copies = [c for pack in sorted(kept.folder.iterdir()) for c in kept.versions(pack.name)]
    return sorted(copies, key=lambda p: version_key(p.name), reverse=True)


def _from_pack(pack: Pack) -> tuple[FallbackContact, ...]:
    front = pack.contacts.get(pack.roles.front_door)
    if front is None:
        return ()
    later = pack.contacts.get(front.out_of_hours) if front.out_of_hours else None
    return tuple(_contact(c) for c in (front, later) if c is not None)


def _contact(contact: Contact) -> FallbackContact:
    hours = "; ".join(_hours_words(h) for h in contact.hours)
    use = f"{hours}. {contact.use_for}" if hours else contact.use_for
    return FallbackContact(contact.name, contact.phone, use)


def _hours_words(hours: OpeningHours) -> str:
    days = ", ".join(d.capitalize() for d in hours.days)
    return f"Open {days} {hours.open} to {hours.close}"
