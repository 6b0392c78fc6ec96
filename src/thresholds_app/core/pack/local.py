"""The pack as this organisation uses it: the partnership's name and its own numbers.

An IT team may set the partnership's name (``partnership.name``) and replace telephone numbers
by contact id (``partnership.contacts``) without re-signing the pack: a signed pack stays
exactly as signed, and the replacement is applied to the loaded copy after verification, in
memory only. The rules here keep that safe:

- a replaced number is marked (:attr:`Contact.set_by_organisation`), so every screen and every
  rationale that shows it says "number set by your organisation";
- the immediate-danger line (the pack's ``emergency_contact`` role, 999) can never be replaced;
- an id that is not a contact in the pack, or a number that is not a telephone number
  (:mod:`thresholds_app.core.config.partnership`), is left out with a plain message naming the
  setting, and the pack's own number stays: nothing is ever blanked.

The content hash, the cache and the signature check all see the pack's own files, unchanged.
"""

from __future__ import annotations

from thresholds_app.core.base.records import fields
from thresholds_app.core.base.records import replace as replace_record
from thresholds_app.core.config.partnership import CONTACTS_KEY, Partnership
from thresholds_app.core.config.schema import BY_KEY
from thresholds_app.core.pack.model import Contact, Pack

_SETTING = f"Your organisation's setting {CONTACTS_KEY} ({BY_KEY[CONTACTS_KEY].title})"


def localise(pack: Pack, partnership: Partnership) -> tuple[Pack, tuple[str, ...]]:
    """``pack`` with the partnership's name and numbers, and a message for each left out."""
    messages = list(partnership.messages)
    if not partnership.name and not partnership.numbers:
        return pack, tuple(messages)
    contacts: dict[str, Contact] = dict(pack.contacts)
    emergency = pack.roles.emergency_contact
    for contact_id, number in partnership.numbers.items():
        contact = contacts.get(contact_id)
        if contact is None:
            known = ", ".join(c for c in contacts if c != emergency)
            messages.append(
                f"{_SETTING} names {contact_id!r}, which is not a contact in "
                f"{pack.manifest.title}; it was ignored. The contacts that can be given a local "
                f"number are: {known}."
            )
            continue
        if contact_id == emergency:
            messages.append(
                f"{_SETTING} tries to change the immediate-danger number, "
                f"{contact.phone}; that number can never be changed, so the line was ignored."
            )
            continue
        contacts[contact_id] = replace_record(contact, phone=number, set_by_organisation=True)
    values = {name: getattr(pack, name) for name in fields(pack)}  # not memos such as the engine
    values["contacts"] = contacts
    values["partnership_name"] = partnership.name
    return type(pack)(**values), tuple(messages)


def guidance_name(pack: Pack) -> str:
    """The pack's title, with the partnership's name when the organisation set one."""
    title = pack.manifest.title
    return f"{title} – {pack.partnership_name}" if pack.partnership_name else title
