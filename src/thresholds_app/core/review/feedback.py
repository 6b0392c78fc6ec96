"""Feedback to the referrer: the outcome, the level, what happens next and whom to contact.

Partnerships' commonest complaint is that referrers never hear back. The slip tells the referrer
only what they already knew (their reference, their agency, the gaps in their own form) plus the
MASH's decision; never the reviewer's reasons, other agencies' information, the RAG rating or
anything else from the MASH's own checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from thresholds_app.core.case.gaps import Gap, referral_gaps
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.case.reviews import Review
from thresholds_app.core.pack.model import Contact, OpeningHours, Pack
from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.review.clock import area_zone, parse_time

MARKING = "OFFICIAL-SENSITIVE"
TITLE = "Feedback from the MASH on your referral"
DAY_WORDS = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri"}
DAY_WORDS |= {"sat": "Sat", "sun": "Sun"}


@dataclass(frozen=True)
class FeedbackSlip:
    """A one-page slip for the referrer (plain data: text and PDF lay out the same)."""

    marking: str
    title: str
    reference: str
    referrer: str
    referred_on: str
    decided_on: str
    outcome: str
    level: str
    what_happens_next: str
    contact: str
    decided_by: str
    please_tell_us: tuple[str, ...]
    emergency: str
    pack_line: str


def _date(iso: str, *, with_time: bool = False) -> str:
    when = parse_time(iso)
    if when is None:
        return "not recorded"
    local = when.astimezone(area_zone())
    day = f"{local.day} {local:%B %Y}"
    return f"{day}, {local:%H:%M}" if with_time else day


def _days(days: tuple[str, ...]) -> str:
    order = list(DAY_WORDS)
    index = sorted(order.index(d) for d in days)
    if len(index) > 2 and index == list(range(index[0], index[-1] + 1)):
        return f"{DAY_WORDS[order[index[0]]]}-{DAY_WORDS[order[index[-1]]]}"
    return ", ".join(DAY_WORDS[order[i]] for i in index)


def hours_words(hours: tuple[OpeningHours, ...]) -> str:
    """Opening hours as read aloud: ``Mon-Thu 08:45-17:20; Fri 08:45-16:30``."""
    return "; ".join(f"{_days(h.days)} {h.open}-{h.close}" for h in hours)


def _contact_words(contact: Contact | None) -> str:
    if contact is None:
        return "the MASH"
    words = f"{contact.name}, {contact.phone}"
    return words + (f" ({hours_words(contact.hours)})" if contact.hours else "")


def build_feedback(pack: Pack, case: CaseRecord, review: Review) -> FeedbackSlip:
    """The feedback slip for ``review`` of ``case``."""
    guide = review_guide(pack)
    outcome = next((o for o in guide.outcomes if o.id == review.outcome), None)
    outcome_words = outcome.label if outcome else "not recorded"
    if outcome is not None and outcome.needs_words and review.outcome_words.strip():
        outcome_words = f"{outcome.label}: {review.outcome_words.strip()}"
    level = "not recorded"
    if review.level is not None:
        name = pack.levels[review.level].name if review.level in pack.levels else ""
        level = f"Level {review.level}" + (f" ({name})" if name else "")
    referrer = ", ".join(p for p in (case.referrer.name, case.referrer.agency) if p.strip())
    gaps: tuple[Gap, ...] = referral_gaps(pack, case)
    asked = set(review.gaps)
    emergency = pack.contacts.get("emergency-999")
    return FeedbackSlip(
        marking=MARKING,
        title=TITLE,
        reference=case.child.reference or "not recorded",
        referrer=referrer or "not recorded",
        referred_on=_date(case.updated or case.created),
        decided_on=_date(review.reviewed_at, with_time=True),
        outcome=outcome_words,
        level=level,
        what_happens_next=outcome.what_happens_next if outcome else "",
        contact=_contact_words(pack.contacts.get(guide.hours_from)),
        decided_by=", ".join(p for p in (review.reviewer, review.role) if p.strip()),
        please_tell_us=tuple(g.words for g in gaps if g.id in asked),
        emergency="If a child is in immediate danger, call "
        + (emergency.phone if emergency else "999")
        + " first.",
        pack_line=f"Guidance: {review.pack_id} version {review.pack_version} "
        f"({review.pack_hash[:12]})",
    )


def feedback_to_text(slip: FeedbackSlip) -> str:
    """The slip as plain text, for an email or a case system."""
    lines = [
        slip.marking,
        slip.title,
        "",
        f"Your reference: {slip.reference}",
        f"Referred by: {slip.referrer}",
        f"Referred on: {slip.referred_on}",
        f"Decided on: {slip.decided_on}",
        "",
        f"Outcome: {slip.outcome}",
        f"Level of need: {slip.level}",
        "",
        "What happens next",
        slip.what_happens_next or "The MASH will tell you.",
        "",
        "Who to contact",
        slip.contact,
    ]
    if slip.decided_by:
        lines.append(f"Decided by: {slip.decided_by}")
    if slip.please_tell_us:
        lines += ["", "Please tell us more about"]
        lines += [f"- {item}" for item in slip.please_tell_us]
    lines += ["", slip.emergency, slip.pack_line, slip.marking]
    return "\n".join(lines) + "\n"
