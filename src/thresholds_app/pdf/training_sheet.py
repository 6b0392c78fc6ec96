"""The trainer's session sheet and a learner's certificate, laid out with reportlab.

Both come from core's plain data (:mod:`thresholds_app.core.training.sheet` and
:mod:`thresholds_app.core.training.session`), so the printed words are the tested words.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.training.session import SetResult
from thresholds_app.core.training.sheet import (
    INTENDED_USE,
    SessionSheet,
    authoring_marking,
    level_words,
)
from thresholds_app.pdf.layout import PageFurniture, Styles, build_pdf, make_styles
from thresholds_app.pdf.safe import markup, safe_para


def _p(text: str, style: object) -> Paragraph:
    return Paragraph(markup(text), style)


def _bullets(items: tuple[str, ...], st: Styles) -> list[Flowable]:
    return [Paragraph(markup(item), st.bullet, bulletText="•") for item in items]


def _furniture(
    identity: str, produced_at: str, what: str, app_version: str, marking: str = ""
) -> PageFurniture:
    return PageFurniture(
        marking=marking,  # authoring mode: on every page
        header_left=what,
        header_right=f"Produced {produced_at}",
        footer_left=f"Guidance: {identity}  ·  thresholds_app {app_version}",
        footer_right="Training material. Supports, and does not replace, professional judgement.",
    )


def render_session_sheet_pdf(sheet: SessionSheet, app_version: str) -> bytes:
    """Return the session sheet as PDF bytes."""
    st = make_styles()
    story: list[Flowable] = [
        _p(sheet.title, st.title),
        _p(f"Guidance: {sheet.pack_identity}", st.small),
        _p(sheet.intended_use, st.note),
    ]
    for number, item in enumerate(sheet.scenarios, start=1):
        story += [_p(f"{number}. {item.title}", st.h1), _p(f"Expected: {item.expected}", st.body)]
        if item.why:
            story += [_p("Why the guidance indicates this", st.label), *_bullets(item.why, st)]
        if item.key_indicators:
            story += [_p("Key indicators", st.label), *_bullets(item.key_indicators, st)]
        if item.discussion_points:
            story += [_p("Discussion points", st.label), *_bullets(item.discussion_points, st)]
        if item.votes:
            story += [
                _p("The room", st.label),
                _p(item.votes, st.body),
                _p(item.agreement, st.body),
            ]
    if sheet.overall:
        story += [_p("The room across the session", st.h1), *_bullets(sheet.overall, st)]
    furniture = _furniture(
        sheet.pack_identity, sheet.produced_at, "Training session sheet", app_version, sheet.marking
    )
    return build_pdf(story, furniture, title=sheet.title, subject="Training session sheet")


def render_certificate_pdf(
    pack: Pack, result: SetResult, learner_name: str, produced_at: str, app_version: str
) -> bytes:
    """Return a certificate-style record of a practice set (only the name the learner typed)."""
    st = make_styles()
    m = pack.manifest
    identity = f"{m.title}, version {m.version} ({m.id}, {pack.short_hash or 'unhashed'})"
    verdict = "passed" if result.passed else "did not reach the pass mark"
    story: list[Flowable] = [
        Spacer(1, 30 * mm),
        _p("Threshold practice", st.title),
        _p(m.title, st.h2),
        Spacer(1, 10 * mm),
        safe_para(learner_name.strip() or "(no name given)", st.title),
        _p(
            f"placed {result.correct} of {len(result.results)} practice scenarios at the level "
            f"the guidance expects ({result.percent:.0f}%; pass mark {result.pass_mark}%) and "
            f"{verdict}.",
            st.body,
        ),
        Spacer(1, 6 * mm),
        _p("Scenarios", st.label),
    ]
    for item in result.results:
        mark = "✓" if item.correct else "✗"
        chosen = level_words(pack, item.learner_level) if item.learner_level else "no level"
        story.append(
            _p(
                f"{mark} {item.title}: chose {chosen}; expected "
                f"{level_words(pack, item.expected_level)}",
                st.bullet,
            )
        )
    story += [Spacer(1, 8 * mm), _p(INTENDED_USE, st.note)]
    marking = authoring_marking(pack)
    furniture = _furniture(identity, produced_at, "Practice certificate", app_version, marking)
    return build_pdf(story, furniture, title="Threshold practice certificate", subject=m.area)
