"""The referral rationale as plain data, and as plain text for pasting into a referral form.

:func:`build_rationale` gathers everything the PDF and the text export show, from the pack, the
case and the engine's assessment. It decides *what* is said; :mod:`thresholds_app.pdf` only lays
it out. There are no numeric scores anywhere (hazard H20): only levels, reasons and sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.sections import (
    NOT_RECORDED,
    Block,
    Entry,
    Field,
    Items,
    Note,
    Section,
    Table,
    build_sections,
)
from thresholds_app.core.rules.assessment import Assessment

__all__ = [
    "NOT_RECORDED",
    "Block",
    "Entry",
    "Field",
    "Items",
    "Note",
    "Rationale",
    "Section",
    "Summary",
    "Table",
]

MARKING = "OFFICIAL-SENSITIVE"
# Added to the marking (printed at the top and foot of every page) when the pack was not verified.
AUTHORING_MARKING = "AUTHORING MODE: GUIDANCE NOT VERIFIED, NOT FOR A REAL REFERRAL"
TITLE = "Referral rationale"
INTENDED_USE = (
    "This guidance supports professional judgement and does not replace it. The level shown as "
    "'the guidance indicates' comes from the answers given, matched against the partnership's "
    "threshold guidance. It is not a prediction, and the decision is the practitioner's."
)

# The summary box lists at most this many contacts; the app shows them all.
MAX_CONTACTS = 3


@dataclass(frozen=True)
class ContactLine:
    """A contact to use now."""

    name: str
    phone: str
    why: str
    open_now: bool | None


@dataclass(frozen=True)
class Summary:
    """The box at the top: guidance and decision side by side, emergency, route."""

    guidance_level: str
    decision_level: str
    differs: bool
    differs_reason: str
    emergency: bool
    emergency_text: str
    route: str
    contacts: tuple[ContactLine, ...]
    consent: str


@dataclass(frozen=True)
class Rationale:
    """Everything a referral rationale says, ready to lay out."""

    title: str
    marking: str
    child_reference: str
    produced_at: str
    app_version: str
    pack_id: str
    pack_title: str
    pack_version: str
    pack_short_hash: str
    summary: Summary
    sections: tuple[Section, ...]
    provenance_note: str
    intended_use: str
    draft_blockers: tuple[str, ...] = field(default=())
    authoring_note: str = ""  # set when the pack was used in authoring mode (not verified)

    def section(self, title: str) -> Section:
        """Return the section with this title (KeyError if absent)."""
        for section in self.sections:
            if section.title == title:
                return section
        raise KeyError(title)


def level_words(pack: Pack, level: int | None) -> str:
    """Return "Level 3 (Targeted)" style wording, or the insufficient-information wording."""
    if level is None:
        return "Insufficient information to indicate a level"
    found = pack.levels.get(level)
    return f"Level {level} ({found.name})" if found else f"Level {level}"


def build_rationale(
    pack: Pack,
    case: CaseRecord,
    assessment: Assessment,
    produced_at: str,
    app_version: str,
    draft_blockers: tuple[str, ...] = (),
) -> Rationale:
    """Gather the rationale for ``case``; ``produced_at`` is the only varying input."""
    trust = pack.trust
    authoring = trust is not None and not trust.verified
    return Rationale(
        title=TITLE,
        marking=f"{MARKING} · {AUTHORING_MARKING}" if authoring else MARKING,
        child_reference=case.child.reference.strip() or "No reference",
        produced_at=produced_at,
        app_version=app_version,
        pack_id=pack.manifest.id,
        pack_title=pack.manifest.title,
        pack_version=pack.manifest.version,
        pack_short_hash=pack.short_hash or "unhashed",
        summary=_summary(pack, case, assessment),
        sections=build_sections(pack, case, assessment),
        provenance_note=pack.manifest.provenance_note,
        intended_use=INTENDED_USE,
        draft_blockers=tuple(draft_blockers),
        authoring_note=trust.note if trust is not None and authoring else "",
    )


def _summary(pack: Pack, case: CaseRecord, assessment: Assessment) -> Summary:
    indicated = assessment.indicated_level
    decided = case.decision.level
    differs = decided is not None and decided != indicated
    contacts = _contacts(pack, assessment, decided if differs else None)
    if assessment.emergency:
        route = "Call 999 now if the child is in immediate danger, then phone the MASH."
    elif contacts:
        route = f"Contact {contacts[0].name} ({contacts[0].phone})."
        if differs:
            route += f" This follows the practitioner's decision (Level {decided})."
    else:
        route = "No contact suggested by the guidance."
    level_for_consent = decided if decided is not None else indicated
    consent_level = pack.consent.levels.get(level_for_consent) if level_for_consent else None
    return Summary(
        guidance_level=level_words(pack, indicated),
        decision_level=(
            level_words(pack, decided) if decided is not None else "No decision recorded"
        ),
        differs=differs,
        differs_reason=case.decision.differs_reason.strip(),
        emergency=assessment.emergency,
        emergency_text=(
            "Yes: emergency action indicated (999)." if assessment.emergency else "No."
        ),
        route=route,
        contacts=contacts,
        consent=consent_level.consent_needed if consent_level else "",
    )


def _contacts(pack: Pack, assessment: Assessment, decided: int | None) -> tuple[ContactLine, ...]:
    """Contacts for the route: the decision's level when it differs, else the guidance's."""
    if decided is None or decided not in pack.levels:
        lines = [ContactLine(c.name, c.phone, c.why, c.open_now) for c in assessment.contacts]
    else:
        lines = []
        for contact_id in pack.levels[decided].contacts:
            contact = pack.contacts.get(contact_id)
            if contact is None or (contact.phone.strip() == "999" and not assessment.emergency):
                continue  # 999 leads the route only when the guidance indicates an emergency
            lines.append(ContactLine(contact.name, contact.phone, contact.use_for, None))
            backup = pack.contacts.get(contact.out_of_hours or "")
            if backup is not None:
                lines.append(ContactLine(backup.name, backup.phone, "Out of hours", None))
    unique: dict[tuple[str, str], ContactLine] = {}
    for line in lines:
        unique.setdefault((line.name, line.phone), line)
    return tuple(unique.values())[:MAX_CONTACTS]


def rationale_to_text(r: Rationale) -> str:
    """Return the rationale as plain text for pasting into a referral form or case system."""
    out: list[str] = [r.marking, f"{r.title}: {r.child_reference}", ""]
    if r.authoring_note:
        out += [r.authoring_note, ""]
    if r.draft_blockers:
        out += ["DRAFT: not ready to send. Still to do:"]
        out += [f"  - {b}" for b in r.draft_blockers] + [""]
    s = r.summary
    out += [
        "SUMMARY",
        f"The guidance indicates: {s.guidance_level}",
        f"Practitioner's decision: {s.decision_level}",
    ]
    if s.differs:
        out.append(f"Why the decision differs: {s.differs_reason or NOT_RECORDED}")
    out += [f"Emergency: {s.emergency_text}", f"Route: {s.route}"]
    out += [f"Contact: {c.name}, {c.phone}: {c.why}" for c in s.contacts]
    out.append("")
    for section in r.sections:
        out += [section.title.upper()]
        for block in section.blocks:
            out += _block_text(block)
        out.append("")
    out += [
        "ABOUT THIS GUIDANCE",
        r.provenance_note,
        r.intended_use,
        "",
        f"Pack {r.pack_id} {r.pack_version} ({r.pack_short_hash}); app {r.app_version}; "
        f"produced {r.produced_at}.",
        r.marking,
    ]
    return "\n".join(out) + "\n"


def _no_stop(text: str) -> str:
    """Drop one closing full stop (not an ellipsis) so "; " can follow."""
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _block_text(block: Block) -> list[str]:
    if isinstance(block, Field):
        return [f"{block.label}: {block.text.strip() or NOT_RECORDED}"]
    if isinstance(block, Note):
        return [block.text]
    if isinstance(block, Entry):
        lines = [block.title] + [f"  - {line}" for line in block.lines]
        return lines + ([f"  ({block.note})"] if block.note else [])
    if isinstance(block, Items):
        head = [f"{block.label}:"] if block.label else []
        return head + [f"  - {item}" for item in block.items]
    head = [f"{block.label}:"] if block.label else []
    lines = [
        "  - "
        + "; ".join(f"{h}: {_no_stop(v)}" for h, v in zip(block.header, row, strict=False) if v)
        for row in block.rows
    ]
    return head + lines


def format_produced_at(moment: datetime) -> str:
    """Return the production time as printed in the rationale, e.g. "2026-01-12 11:30 UTC"."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
