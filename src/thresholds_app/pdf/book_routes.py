"""Guidance book pages for the Level 4 routes, the questions that change a route, and id history.

Kept apart from :mod:`thresholds_app.pdf.book` so each module stays small: the three statutory
routes at Level 4 (already open, possible significant harm, child in need) with their own steps
and consent advice, the questions about the child, current involvement and what has been tried,
the needs counted once, and the ids this pack has renamed or retired.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from thresholds_app.core.pack.model import ConsentLevel, Pack
from thresholds_app.pdf.layout import Styles
from thresholds_app.pdf.safe import markup

QUESTION_GROUPS = (
    ("child", "About the child"),
    ("involvement", "Who is already involved"),
    ("history", "What has been tried already"),
)


def _p(text: str, style: object) -> Paragraph:
    return Paragraph(markup(text), style)


def _bullets(items: tuple[str, ...] | list[str], st: Styles) -> list[Flowable]:
    return [Paragraph(markup(i), st.bullet, bulletText="•") for i in items]


def _labelled(label: str, text: str, st: Styles) -> list[Flowable]:
    return [_p(label, st.label), _p(text, st.body)] if text.strip() else []


def level_4_routes(pack: Pack, st: Styles) -> list[Flowable]:
    """The routes within Level 4, most pressing first, each with its own next steps."""
    level = pack.levels.get(4)
    if level is None or not level.routes:
        return []
    out: list[Flowable] = [
        CondPageBreak(50 * mm),
        _p("Level 4: three different routes", st.h2),
        _p(
            "Level 4 covers different situations. The guidance shows the route that applies, "
            "most pressing first, and its own next steps replace the general ones above.",
            st.body,
        ),
    ]
    for route in level.routes:
        out += [CondPageBreak(35 * mm), _p(route.title, st.label), _p(route.summary, st.body)]
        out += _bullets(route.next_steps, st)
    return out


def consent_item(c: ConsentLevel, st: Styles) -> list[Flowable]:
    """One block of consent advice (a level, or a Level 4 route)."""
    out = _labelled("Consent needed", c.consent_needed, st)
    out += _labelled("From whom", c.from_whom, st)
    out += _labelled("If consent is refused", c.if_refused, st)
    out += _labelled("Telling parents", c.tell_parents, st)
    if c.lawful_basis:
        out.append(_p("Lawful basis", st.label))
        out += _bullets(c.lawful_basis, st)
    if c.record:
        out.append(_p("What to record", st.label))
        out += _bullets(c.record, st)
    return out


def consent_routes(pack: Pack, st: Styles) -> list[Flowable]:
    """Level 4 consent, route by route."""
    titles = {r.id: r.title for r in pack.levels[4].routes} if 4 in pack.levels else {}
    out: list[Flowable] = []
    for route, advice in pack.consent.routes.items():
        out += [CondPageBreak(40 * mm), _p(f"Level 4: {titles.get(route, route)}", st.h2)]
        out += consent_item(advice, st)
    return out


def questions_and_counting(pack: Pack, st: Styles) -> list[Flowable]:
    """The questions that change the level or route, and the needs that are counted once."""
    out: list[Flowable] = []
    for group, title in QUESTION_GROUPS:
        questions = [q for q in pack.questions.values() if q.group == group]
        if not questions:
            continue
        if not out:
            out += [CondPageBreak(60 * mm), _p("Questions that change the route", st.h1)]
        out += [CondPageBreak(30 * mm), _p(title, st.h2)]
        for question in questions:
            out += [_p(question.text, st.label)]
            if question.help:
                out.append(_p(question.help, st.body))
    if pack.overlaps:
        out += [
            CondPageBreak(40 * mm),
            _p("Needs counted once", st.h2),
            _p(
                "Some indicators describe the same event from two sides. When needs are added "
                "up, each of these pairs counts once, so one event does not raise the level on "
                "its own.",
                st.body,
            ),
        ]
        for overlap in pack.overlaps:
            texts = [pack.indicators[i].text for i in overlap.indicators if i in pack.indicators]
            out += [_p(overlap.label, st.label), *_bullets(texts, st)]
    return out


def id_history(pack: Pack, st: Styles) -> list[Flowable]:
    """Ids renamed, split or retired, so an older case file can be read against this pack."""
    if not pack.replaced_by:
        return []
    out: list[Flowable] = [
        CondPageBreak(40 * mm),
        _p("Renamed and retired items", st.h2),
        _p(
            "Case files made with an earlier version of this pack may use these older names. "
            "The app shows what each now corresponds to when it re-assesses such a case.",
            st.body,
        ),
    ]
    names = {r.id: r.label for r in pack.rules}
    names.update((i.id, i.text) for i in pack.indicators.values())
    names.update((q.id, q.text) for q in pack.questions.values())
    names.update((t.id, t.title) for t in pack.topics.values())

    def named(item: str) -> str:
        return f"{names[item]} ({item})" if item in names else item

    lines = [
        f"{old}: now {'; '.join(named(n) for n in new)}"
        if new
        else f"{old}: retired, with no replacement"
        for old, new in sorted(pack.replaced_by.items())
    ]
    return out + _bullets(lines, st)
