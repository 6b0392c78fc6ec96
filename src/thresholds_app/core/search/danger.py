"""The reminder beside a search that looks like danger: "in immediate danger? call 999 now".

A practitioner who types "4 year old left alone overnight" may have a child at risk right now,
and reading indicators is not what they should be doing first. When the search's best result is
a concern that the pack places at its statutory level on the child-protection route (the pack's
own "may mean significant harm", ``roles.statutory_level`` and the indicator's ``route``), the
search says so and gives the pack's emergency number. No list of words decides it: the pack's
levels and routes do, so another partnership's pack gets the same care from its own data.

Only the best result counts. Search ranks the more serious first among equal matches, so a Level
4 concern that is the best match means the words typed are about it; a Level 4 concern further
down (a single common word such as "tired") is not a reason to interrupt.
"""

from __future__ import annotations

from collections.abc import Sequence

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.search.find import Hit

CHILD_PROTECTION = "child-protection"  # the route a Level 4 concern has when the pack names none


@record
class DangerPrompt:
    """What to show beside the results: the concern found and the number to call."""

    indicator_id: str
    level: int
    words: str  # the reminder, in full, for any screen or terminal
    contact_id: str  # the pack's emergency contact (roles.emergency_contact)
    phone: str


def danger_prompt(pack: Pack, hits: Sequence[Hit]) -> DangerPrompt | None:
    """The reminder to call for help now, when the best of ``hits`` suggests significant harm."""
    if not hits:
        return None
    best = hits[0]
    entry = best.entry
    if not best.complete or entry.kind != "indicator" or entry.strength:
        return None
    indicator = pack.indicators.get(entry.id)
    statutory = pack.roles.statutory_level
    if indicator is None or indicator.level < statutory:
        return None
    if (indicator.route or CHILD_PROTECTION) != CHILD_PROTECTION:
        return None  # a child-in-need need (private fostering) is serious, not an emergency
    contact = pack.contacts.get(pack.roles.emergency_contact)
    phone = contact.phone_text if contact else "999"
    words = (
        f"The closest match in the guidance is a Level {indicator.level} concern, which may mean "
        f"significant harm. If the child is in immediate danger, call {phone} now."
    )
    return DangerPrompt(indicator.id, indicator.level, words, pack.roles.emergency_contact, phone)
