"""The referral rationale as plain data, and as plain text for pasting into a referral form.

:func:`build_rationale` gathers everything the PDF and the text export show, from the pack, the
case and the engine's assessment. It decides *what* is said; :mod:`thresholds_app.pdf` only lays
it out. There are no numeric scores anywhere (hazard H20): only levels, reasons and sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from thresholds_app.core.base.calendar import aware_area_time
from thresholds_app.core.base.jsonread import without_lone_surrogates
from thresholds_app.core.base.wording import level_label
from thresholds_app.core.case.answers import pack_switch_notice, unknown_answers_notice
from thresholds_app.core.case.decision import below_guidance, below_guidance_notice
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.local import guidance_name
from thresholds_app.core.pack.model import Pack, phone_text
from thresholds_app.core.report.blocks import Block, Entry, Field, Items, Note, Section, Table
from thresholds_app.core.report.sections import NOT_RECORDED, build_sections
from thresholds_app.core.report.steps import follows_decision
from thresholds_app.core.rules.assessment import Assessment, level_shown

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
    time_rule: str = ""  # why this line at this time (closed on bank holidays, ...)
    set_by_organisation: bool = False  # the organisation replaced the pack's number

    @property
    def phone_text(self) -> str:
        """The number as printed, marked when the organisation set it."""
        return phone_text(self.phone, self.set_by_organisation)


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
    #: Things the reader must not miss, shown in the box (e.g. answers the pack does not know).
    notices: tuple[str, ...] = ()
    #: Immediate danger answered not known: printed as a warning, like an emergency.
    danger_not_known: bool = False


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
    # The pack's date banner (due for review, expired): printed at the top when not empty.
    pack_notice: str = ""
    partnership_name: str = ""  # set by the organisation (partnership.name); "" when not set

    def section(self, title: str) -> Section:
        """Return the section with this title (KeyError if absent)."""
        for section in self.sections:
            if section.title == title:
                return section
        raise KeyError(title)


def level_words(pack: Pack, level: int | None) -> str:
    """Return "Level 3: Targeted" style wording, or the insufficient-information wording."""
    if level is None:
        return "Insufficient information to indicate a level"
    return pack.level_title(level)


def guidance_headline(pack: Pack, assessment: Assessment) -> str:
    """What the guidance indicates, in a few words: the same on screen and on paper.

    Withheld when the pack is not in force. Until enough is answered: "Not enough answered yet",
    or "At least Level 3: ..." when a concern already supports a level above the lowest (more
    answers can only add to it); the lowest level, which means nothing of concern found, is
    never stated before enough is answered (issue 11: "Level 1: Universal, No gaps").
    """
    level = assessment.indicated_level
    if assessment.level_withheld:
        return "Not shown: this guidance is not in force"
    if not assessment.enough_answered:
        shown = level_shown(level, False, min(pack.levels, default=None))
        if shown is not None:
            return f"At least {pack.level_title(shown)} (not enough answered yet)"
        return "Not enough answered yet"
    return level_words(pack, level)


def guidance_words(pack: Pack, assessment: Assessment) -> str:
    """The headline as a rationale prints it, with the reason when the level is withheld."""
    headline = guidance_headline(pack, assessment)
    if assessment.level_withheld:
        return f"{headline}. {assessment.pack_notice}"
    if not assessment.enough_answered and assessment.to_answer_next:
        return f"{headline}. Still to answer: {assessment.to_answer_next[0]}"
    return headline


def statutory_not_known_words(pack: Pack, assessment: Assessment) -> str:
    """Level 4 concerns marked not known while the guidance indicates less, in words ("").

    On screen under the level and printed in the summary, so it is not missed in the gaps.
    """
    count = len(assessment.statutory_not_known)
    if not count:
        return ""
    level = level_label(pack.roles.statutory_level)
    concerns = f"{count} {level} concerns are" if count > 1 else f"A {level} concern is"
    return (
        f"{concerns} not known: if so, the child needs {level} help. Find out as soon as you can "
        "(see Gaps)."
    )


def emergency_words(pack: Pack, case: CaseRecord, assessment: Assessment) -> str:
    """The emergency line: an unanswered danger question prints as not answered, never "No"."""
    if assessment.emergency:
        return "Yes: emergency action indicated (999)."
    if case.answers.get(pack.roles.immediate_danger) == "not-known":
        return "Not known: treat it as a possible danger until you have checked (999 if so)."
    if case.answers.get(pack.roles.immediate_danger) not in ("yes", "no"):
        return "Not answered: whether the child is in immediate danger has not been recorded."
    return "No."


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
        pack_title=guidance_name(pack),
        pack_version=pack.manifest.version,
        pack_short_hash=pack.short_hash or "unhashed",
        summary=_summary(pack, case, assessment),
        sections=build_sections(pack, case, assessment),
        provenance_note=pack.manifest.provenance_note,
        intended_use=INTENDED_USE,
        draft_blockers=tuple(draft_blockers),
        authoring_note=trust.note if trust is not None and authoring else "",
        pack_notice=assessment.pack_notice,
        partnership_name=pack.partnership_name,
    )


def _summary(pack: Pack, case: CaseRecord, assessment: Assessment) -> Summary:
    indicated = assessment.settled_level
    decided = case.decision.level
    differs = decided is not None and decided != indicated
    # A decision below the guidance never replaces the guidance's route, contacts or consent
    # advice (a Level 2 decision on an FGM disclosure must not read "the family must agree").
    below = below_guidance(assessment, decided) is not None
    follows = follows_decision(assessment, decided)
    contacts = _contacts(pack, assessment, decided if follows else None)
    if assessment.emergency:
        route = "Call 999 now if the child is in immediate danger, then phone the MASH."
    elif contacts:
        first = contacts[0]
        number = f"on {first.phone_text}" if first.set_by_organisation else f"({first.phone})"
        route = f"Contact {first.name} {number}."
        if follows:
            route += f" This follows the practitioner's decision ({level_label(decided)})."
        elif below:
            route = (
                f"The guidance's route: {route} The practitioner's decision "
                f"({level_label(decided)}) is below what the guidance indicates."
            )
    else:
        route = "No contact suggested by the guidance."
    if below:
        consent = assessment.consent.consent_needed  # the guidance's level, and its route
    else:
        level_for_consent = decided if decided is not None else indicated
        consent_level = pack.consent.levels.get(level_for_consent) if level_for_consent else None
        consent = consent_level.consent_needed if consent_level else ""
    return Summary(
        guidance_level=guidance_words(pack, assessment),
        decision_level=(
            level_words(pack, decided) if decided is not None else "No decision recorded"
        ),
        differs=differs,
        differs_reason=case.decision.differs_reason.strip(),
        emergency=assessment.emergency,
        emergency_text=emergency_words(pack, case, assessment),
        danger_not_known=assessment.danger_not_known,
        route=route,
        contacts=contacts,
        consent=consent,
        notices=tuple(
            n
            for n in (
                below_guidance_notice(pack, case, assessment),
                statutory_not_known_words(pack, assessment),
                pack_switch_notice(case, pack),
                unknown_answers_notice(case, pack),
            )
            if n
        ),
    )


def _contacts(pack: Pack, assessment: Assessment, decided: int | None) -> tuple[ContactLine, ...]:
    """Contacts for the route: the decision's level when it differs, else the guidance's."""
    if decided is None or decided not in pack.levels:
        lines = [
            ContactLine(
                c.name,
                c.phone,
                c.why,
                c.open_now,
                c.time_rule if not c.open_now else "",
                c.set_by_organisation,
            )
            for c in assessment.contacts
        ]
    else:
        lines = []
        for contact_id in pack.levels[decided].contacts:
            contact = pack.contacts.get(contact_id)
            emergency_line = contact_id == pack.roles.emergency_contact
            if contact is None or (emergency_line and not assessment.emergency):
                continue  # 999 leads the route only when the guidance indicates an emergency
            lines.append(
                ContactLine(
                    contact.name,
                    contact.phone,
                    contact.use_for,
                    None,
                    set_by_organisation=contact.set_by_organisation,
                )
            )
            backup = pack.contacts.get(contact.out_of_hours or "")
            if backup is not None:
                lines.append(
                    ContactLine(
                        backup.name,
                        backup.phone,
                        "Out of hours",
                        None,
                        set_by_organisation=backup.set_by_organisation,
                    )
                )
    unique: dict[tuple[str, str], ContactLine] = {}
    for line in lines:
        unique.setdefault((line.name, line.phone), line)
    return tuple(unique.values())[:MAX_CONTACTS]


def rationale_to_text(r: Rationale) -> str:
    """Return the rationale as plain text for pasting into a referral form or case system."""
    out: list[str] = [r.marking, f"{r.title}: {r.child_reference}", ""]
    if r.authoring_note:
        out += [r.authoring_note, ""]
    if r.pack_notice:
        out += [r.pack_notice, ""]
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
    out += [f"NOTICE: {n}" for n in s.notices]
    out += [f"Emergency: {s.emergency_text}", f"Route: {s.route}"]
    out += [
        f"Contact: {c.name}, {c.phone_text}: {c.why}" + (f" ({c.time_rule})" if c.time_rule else "")
        for c in s.contacts
    ]
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
        *([partnership_words(r.partnership_name)] if r.partnership_name else []),
        "",
        f"Pack {r.pack_id} {r.pack_version} ({r.pack_short_hash}); app {r.app_version}; "
        f"produced {r.produced_at}.",
        r.marking,
    ]
    return without_lone_surrogates("\n".join(out)) + "\n"  # always writable as UTF-8


def partnership_words(name: str) -> str:
    """The line that names the partnership the organisation set, on paper and in text."""
    return f"Partnership: {name} (as set by your organisation)."


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
    """The production time as printed, in UK time with its zone: "2026-01-12 11:30 GMT".

    A naive ``moment`` is taken as UK local time.
    """
    return aware_area_time(moment).strftime("%Y-%m-%d %H:%M %Z")
