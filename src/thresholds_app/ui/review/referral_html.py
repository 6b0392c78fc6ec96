"""The referrer's part of a case as read-only HTML: answers, decision, household, voice, consent.

Shown in a QTextBrowser, so nothing of the referral can be edited from the review mode. Every
piece of user text is escaped.
"""

from __future__ import annotations

from html import escape

from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack

ANSWER_WORDS = {"yes": "Yes", "no": "No", "not-known": "Not known"}


def _p(label: str, text: str) -> str:
    body = escape(text.strip()) if text.strip() else "<i>Not recorded.</i>"
    return f"<p><b>{escape(label)}:</b> {body.replace(chr(10), '<br>')}</p>"


def _level(pack: Pack, level: int | None) -> str:
    if level is None:
        return "Not recorded"
    name = pack.levels[level].name if level in pack.levels else ""
    return f"Level {level}" + (f" ({name})" if name else "")


def _answers(pack: Pack, case: CaseRecord) -> str:
    rows = []
    for answer_id, answer in sorted(case.answers.items()):
        if answer_id in pack.indicators:
            item = pack.indicators[answer_id]
            text, where = item.text, f"Level {item.level}"
        elif answer_id in pack.questions:
            text, where = pack.questions[answer_id].text, "Question"
        else:
            text, where = answer_id, "Not in the guidance in force now"
        rows.append(
            f"<tr><td>{escape(ANSWER_WORDS.get(answer, answer))}</td><td>{escape(where)}</td>"
            f"<td>{escape(text)}</td></tr>"
        )
    if not rows:
        return "<p><i>No answers recorded.</i></p>"
    head = (
        "<tr><th align='left'>Answer</th><th align='left'>Where</th><th align='left'>What</th></tr>"
    )
    return f"<table cellpadding='3'>{head}{''.join(rows)}</table>"


def referral_html(pack: Pack, case: CaseRecord) -> str:
    """The whole referrer's part, in the order a reviewer reads it."""
    c, t, d, k = case.child, case.free_text, case.decision, case.consent
    parts = [
        "<h3>The referral</h3>",
        _p("Case reference", c.reference),
        _p("Household reference", c.household_reference),
        _p("Age band", c.age_band or ""),
        _p(
            "Referrer",
            ", ".join(
                x
                for x in (case.referrer.name, case.referrer.role, case.referrer.agency)
                if x.strip()
            ),
        ),
        _p("Contact", case.referrer.contact),
        _p("Where the child is now", c.current_safety),
        "<h3>The referrer's decision</h3>",
        f"<p><b>Level decided:</b> {escape(_level(pack, d.level))}</p>",
        _p("Reasons", d.reasons),
    ]
    if d.differs_reason.strip():
        parts.append(_p("Why this differs from the guidance", d.differs_reason))
    parts += [
        "<h3>The worry</h3>",
        _p("What the worry is", t.worry),
        _p("Impact on daily life", t.impact_on_daily_life),
        _p("What is going well", t.going_well),
        _p("Tried so far", t.tried_so_far),
        "<h3>The child's voice</h3>",
        _p("In the child's words", t.child_voice),
    ]
    if t.child_voice_not_obtained_reason.strip():
        parts.append(_p("Why it could not be obtained", t.child_voice_not_obtained_reason))
    parts += [_p("The family's views", t.family_views), "<h3>The household</h3>"]
    if not case.household:
        parts.append("<p><i>No other children listed.</i></p>")
    for m in case.household:
        state = f"assessed: {m.outcome}" if m.assessed else f"not assessed: {m.reason_not_assessed}"
        parts.append(
            f"<p>{escape(m.label or 'A child')} ({escape(m.relationship)}, "
            f"{escape(m.age_band or 'age not known')}): {escape(state)}</p>"
        )
    sought = {True: "Yes", False: "No", None: "Not recorded"}[k.sought]
    parts += [
        "<h3>Consent</h3>",
        f"<p><b>Consent sought:</b> {sought}</p>",
        _p("Why not", k.not_sought_reason) if k.sought is False else "",
        _p("Outcome", k.outcome.replace("-", " ")),
        _p("By whom", k.by_whom),
        _p("Lawful basis for sharing", k.lawful_basis),
        "<h3>Answers</h3>",
        _answers(pack, case),
    ]
    return "".join(parts)
