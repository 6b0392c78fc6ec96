"""The body sections of a referral rationale, built from the pack, the case and the assessment.

Kept apart from :mod:`thresholds_app.core.report.rationale` so each module has one job: this one
decides what each section says, in what order.
"""

from __future__ import annotations

from thresholds_app.core.base.wording import NOT_ANSWERED, answer_words, level_label
from thresholds_app.core.case.gaps import referral_gaps
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.case.reviews import outcome_words, stage_words
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.report.blocks import Block, Entry, Field, Items, Note, Section, Table
from thresholds_app.core.report.steps import follows_decision, steps_blocks
from thresholds_app.core.rules.assessment import AnswerRef, Assessment, Reason
from thresholds_app.core.rules.changes import change_effect
from thresholds_app.core.rules.consent import consent_advice

NOT_RECORDED = "Not recorded."
# Beyond this many, "what would change it" lists only a count (each is the same kind of answer).
MAX_CHANGES = 6


def reasons_to_show(pack: Pack, assessment: Assessment) -> tuple[Reason, ...]:
    """The reasons a screen or rationale shows.

    All of them, except that the lowest level's rules (which only say "nothing of concern
    found") are left out until enough is answered.
    """
    lowest = min(pack.levels, default=None)
    if assessment.enough_answered or assessment.indicated_level != lowest:
        return assessment.reasons
    return tuple(r for r in assessment.reasons if r.level is None)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Yes" if value else "No")


def _source_title(pack: Pack, source_id: str) -> str:
    source = pack.manifest.sources.get(source_id)
    return source.title if source else source_id


def build_sections(pack: Pack, case: CaseRecord, assessment: Assessment) -> tuple[Section, ...]:
    """Return the rationale's body sections in reading order (empty optional ones left out)."""
    sections = [
        _about(case),
        _worry(case),
        _reasons(pack, assessment),
        _indicators(pack, case),
        _going_well(pack, case, assessment),
        _changes_and_gaps(pack, assessment),
        _voice(case),
        _household(pack, case),
        _consent(pack, case, assessment),
        _pathways(pack, assessment),
        _stepping(pack, case),
        _next_steps(pack, case, assessment),
        _decision(pack, case),
        _reviews(pack, case),
    ]
    return tuple(s for s in sections if s is not None)


def _about(case: CaseRecord) -> Section:
    child = case.child
    rows = [
        Field("Case reference", child.reference),
        Field("Age band", child.age_band or ""),
    ]
    optional = [
        ("Name", child.name),
        ("Date of birth (or due date)", child.date_of_birth),
        ("First language", child.first_language),
        ("Interpreter needed", _yes_no(child.interpreter_needed)),
        ("Communication needs or disability", child.communication_needs),
        ("School, nursery or college", child.setting),
    ]
    rows += [Field(label, value) for label, value in optional if value.strip()]
    rows.append(Field("Where the child is now and immediate safety", child.current_safety))
    ref = case.referrer
    rows.append(
        Field(
            "Referrer",
            ", ".join(p for p in (ref.name, ref.role, ref.agency, ref.contact) if p.strip()),
        )
    )
    return Section("About the child and the referrer", tuple(rows))


def _worry(case: CaseRecord) -> Section:
    text = case.free_text
    return Section(
        "What the worry is",
        (
            Field("What we are worried about", text.worry),
            Field("Impact on the child's daily life", text.impact_on_daily_life),
            Field("What has been tried so far", text.tried_so_far),
        ),
    )


def _answer_line(ref: AnswerRef) -> str:
    level = f" ({level_label(ref.level)})" if ref.level else ""
    return f"{ref.text.rstrip('.')}{level}: {answer_words(ref.answer)}"


def _reasons(pack: Pack, assessment: Assessment) -> Section:
    blocks: list[Block] = [
        Entry(
            r.label + (f" ({level_label(r.level)})" if r.level else ""),
            tuple(_answer_line(a) for a in r.answers),
            f"Source: {_source_title(pack, r.source)}",
        )
        for r in reasons_to_show(pack, assessment)
    ]
    if assessment.level_withheld:
        blocks.insert(0, Note(assessment.pack_notice))
    elif not blocks:
        blocks.append(Note("No rule in the guidance matched the answers given."))
    if not assessment.enough_answered:
        blocks.append(Items(assessment.to_answer_next, "Not enough answered yet: still to answer"))
    if assessment.warnings:
        blocks.append(Items(tuple(assessment.warnings), "Warnings from the guidance"))
    return Section("Why the guidance indicates this level", tuple(blocks))


def _indicators(pack: Pack, case: CaseRecord) -> Section:
    blocks: list[Block] = []
    for domain in pack.domains:
        areas = {a.id: a.title for a in domain.areas}
        rows = []
        for indicator in pack.indicators.values():
            if indicator.domain != domain.id or indicator.kind != "concern":
                continue
            if case.answers.get(indicator.id) != "yes":
                continue
            rows.append(
                (
                    areas.get(indicator.area, indicator.area),
                    indicator.text,
                    level_label(indicator.level),
                )
            )
        if rows:
            rows.sort(key=lambda row: (-int(row[2].split()[-1]), row[0], row[1]))
            blocks.append(
                Table(("Area", "Indicator", "Level"), tuple(rows), (2, 6, 1.2), domain.title)
            )
    if not blocks:
        blocks.append(Note("No indicators of need were selected."))
    return Section("Indicators selected", tuple(blocks))


def _going_well(pack: Pack, case: CaseRecord, assessment: Assessment) -> Section:
    blocks: list[Block] = [Field("What is going well", case.free_text.going_well)]
    if assessment.strengths:
        blocks.append(Items(tuple(s.text for s in assessment.strengths), "Strengths recorded"))
    return Section("What is going well", tuple(blocks))


def _changes_and_gaps(pack: Pack, assessment: Assessment) -> Section:
    blocks: list[Block] = []
    changes = tuple(
        f"Answering {answer_words(c.answer)} to “{c.text.rstrip('.')}” would "
        f"{change_effect(pack, c)}."
        for c in assessment.what_would_change
    )
    if len(changes) > MAX_CHANGES + 1:  # never "and 1 other": show it instead
        extra = len(changes) - MAX_CHANGES
        changes = (*changes[:MAX_CHANGES], f"… and {extra} other answers (the app lists them all).")
    blocks.append(
        Items(changes, "What would change the level")
        if changes
        else Note("No single answer would change the level the guidance indicates.")
    )
    gaps = tuple(g.gap_words() for g in assessment.gaps) + tuple(
        f"{m.text} ({NOT_ANSWERED})" for m in assessment.missing
    )
    blocks.append(
        Items(gaps, "Gaps: answers that are not known")
        if gaps
        else Note("No important answers are recorded as not known.")
    )
    return Section("What would change it, and gaps", tuple(blocks))


def _voice(case: CaseRecord) -> Section:
    text = case.free_text
    if text.child_voice.strip():
        voice = Field("The child's views, in their own words", text.child_voice)
    else:
        voice = Field(
            "The child's views could not be obtained because", text.child_voice_not_obtained_reason
        )
    return Section(
        "The child's voice and the family's views",
        (
            voice,
            Field("The family's views", text.family_views),
            Field("Concerns raised by relatives", text.relatives_concerns or "None recorded."),
        ),
    )


def _household(pack: Pack, case: CaseRecord) -> Section:
    rows = tuple(
        (
            m.label,
            m.relationship,
            m.age_band or "",
            "Yes" if m.assessed else "No",
            m.outcome if m.assessed else m.reason_not_assessed,
        )
        for m in case.household
    )
    if not rows:
        return Section(
            "Other children in the household or in contact",
            (Note("No other children are recorded in the household or in contact."),),
        )
    return Section(
        "Other children in the household or in contact",
        (
            Table(
                ("Child", "Relationship", "Age band", "Assessed", "Outcome, or why not assessed"),
                rows,
                (2, 2, 1.3, 1.2, 4.5),
            ),
        ),
    )


def _consent(pack: Pack, case: CaseRecord, assessment: Assessment) -> Section:
    c = case.consent
    outcome = {
        "given": "Given",
        "refused": "Refused",
        "not-asked": "Not asked",
        "not-needed": "Not needed",
    }.get(c.outcome, c.outcome)
    blocks: list[Block] = [Field("Consent sought", _yes_no(c.sought))]
    if c.sought is False:
        blocks.append(Field("Why consent was not sought", c.not_sought_reason))
    blocks.append(Field("Outcome", outcome))
    if c.sought is not False or c.by_whom.strip():
        blocks.append(Field("Given or refused by", c.by_whom))
    blocks.append(Field("Lawful basis for sharing", c.lawful_basis))
    if c.manager_advice.strip():
        blocks.append(Field("Advice from manager or safeguarding lead", c.manager_advice))
    if c.shared:
        blocks.append(
            Table(
                ("What was shared", "With whom", "When", "Why"),
                tuple((s.what, s.with_whom, s.when, s.why) for s in c.shared),
                (3, 2, 1.5, 3),
                "Information shared",
            )
        )
    advice = assessment.consent
    heading = "What the guidance says about consent"
    decided = case.decision.level
    if follows_decision(assessment, decided):
        # the route and the next steps follow a decision above the guidance: so does consent
        advice = consent_advice(pack, decided, case.answers)
        heading += f" at {level_label(decided)} (the decided level)"
    elif advice.level is not None:
        heading += f" at {level_label(advice.level)}"
    if advice.consent_needed:
        blocks.append(Field(heading, advice.consent_needed))
    if advice.consent_refused and advice.if_refused:
        blocks.append(Field("If consent is refused", advice.if_refused))
    if advice.do_not_tell_parents:
        blocks.append(Field("Telling the parents", advice.tell_parents))
    return Section("Consent and information sharing", tuple(blocks))


def _pathways(pack: Pack, assessment: Assessment) -> Section | None:
    blocks: list[Block] = []
    for topic_id in assessment.topics:
        topic = pack.topics.get(topic_id)
        if topic is not None:
            blocks.append(Items(topic.what_to_do, topic.title))
    return Section("Special pathways that apply", tuple(blocks)) if blocks else None


def _stepping(pack: Pack, case: CaseRecord) -> Section | None:
    record = case.stepping
    if record is None or record.direction not in ("up", "down"):
        return None
    procedure = pack.step_up if record.direction == "up" else pack.step_down
    texts = {c.id: c.text for c in procedure.criteria}
    criteria = tuple(
        texts.get(c) or f"A criterion that is not in this guidance ({c}): check it by hand"
        for c in record.criteria
    )
    blocks: list[Block] = [Note(procedure.summary)]
    if criteria:
        blocks.append(Items(criteria, "Criteria that apply"))
    blocks.append(Field("Who decides", procedure.who_decides))
    if record.notes.strip():
        blocks.append(Field("Notes", record.notes))
    title = "Stepping up" if record.direction == "up" else "Stepping down"
    return Section(title, tuple(blocks))


def _next_steps(pack: Pack, case: CaseRecord, assessment: Assessment) -> Section:
    blocks: list[Block] = []
    if case.next_steps:
        rows = tuple((s.action, s.who, s.by_when) for s in case.next_steps)
        blocks.append(Table(("Action", "Who", "By when"), rows, (5, 2.2, 1.8)))
    else:
        blocks.append(Note("No next steps recorded."))
    blocks.extend(steps_blocks(pack, case, assessment))
    return Section("Next steps", tuple(blocks))


def _decision(pack: Pack, case: CaseRecord) -> Section:
    d = case.decision
    level = pack.level_title(d.level) if d.level else ""
    blocks: list[Block] = [
        Field("Level decided by the practitioner", level),
        Field("Reasons", d.reasons),
    ]
    if d.differs_reason.strip():
        blocks.append(Field("Why this differs from the guidance", d.differs_reason))
    return Section("The practitioner's decision", tuple(blocks))


def _reviews(pack: Pack, case: CaseRecord) -> Section | None:
    """The MASH review sheet: each review in order, beside (never over) the referral."""
    if not case.reviews:
        return None
    guide = review_guide(pack)
    rag = {r.id: r.label for r in guide.rag}
    blocks: list[Block] = [
        Note(
            "Recorded by the MASH after the referral was made. The referrer's answers, decision "
            "and reasons above are as the referrer left them."
        )
    ]
    for number, r in enumerate(case.reviews, start=1):
        if r.agrees:
            view = f"Agrees with the referrer: {_level_name(pack, r.level)}"
        else:
            view = f"A different level: {_level_name(pack, r.level)}"
        outcome = outcome_words(guide, r)
        lines = (
            f"Reviewed by {r.reviewer or 'not recorded'}"
            + (f", {r.role}" if r.role else "")
            + f", {_when(r.reviewed_at)}",
            f"Received by the MASH: {_when(r.received_at)}",
            f"Guidance in force when reviewed: {r.pack_id or 'not recorded'} {r.pack_version} "
            f"({r.pack_hash[:12]}); it indicated {_level_name(pack, r.indicated_now)}",
            view,
            f"RAG rating: {rag.get(r.rag, r.rag) or 'not recorded'}",
            f"Outcome: {outcome or 'not recorded'}",
            *([f"Reason for the delay: {r.delay_reason}"] if r.delay_reason.strip() else []),
        )
        blocks.append(Entry(f"Review {number}: {stage_words(r.stage)}", lines))
        blocks.append(Field("Reviewer's reasons", r.reasons))
        if r.gaps:  # in words, never the stored ids ("siblings", "ask-parental-alcohol")
            said = {g.id: g.words for g in referral_gaps(pack, case)}
            words = tuple(said.get(g, f"A gap this guidance no longer names ({g})") for g in r.gaps)
            blocks.append(Items(words, "To go back to the referrer about", part=True))
    return Section("MASH review sheet", tuple(blocks), new_page=True)


def _when(iso: str) -> str:
    """An ISO time as UK local time in words (the text as recorded if it is not one)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = moment.astimezone(ZoneInfo("Europe/London"))
    except (ValueError, ZoneInfoNotFoundError):
        return iso or "not recorded"
    return f"{moment.day} {moment:%B %Y, %H:%M}"


def _level_name(pack: Pack, level: int | None) -> str:
    if level is None:
        return "insufficient information"
    name = pack.levels[level].name if level in pack.levels else ""
    return f"Level {level}" + (f" ({name})" if name else "")
