"""Readable HTML for the guidance browser's text sections, built from the pack.

Every piece of pack text is escaped (the pack is data, never markup). The HTML is simple
(headings, paragraphs, lists) so a screen reader can move through it by heading and the palette's
colours apply; no colours or font sizes are fixed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QCoreApplication

from thresholds_app.core.base.wording import day_list, level_label
from thresholds_app.core.pack.model import Contact, Indicator, Pack, SteppingProcedure, Topic


def _tr(text: str) -> str:
    return QCoreApplication.translate("GuidanceText", text)


def _h(level: int, text: str) -> str:
    return f"<h{level}>{escape(_tr(text))}</h{level}>"


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


def _list(items: Iterable[str], ordered: bool = False) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + f"</{tag}>"


def _source(pack: Pack, source_id: str) -> str:
    source = pack.manifest.sources.get(source_id)
    title = source.title if source else source_id
    return f"<p><i>{escape(_tr('Source:'))} {escape(title)}</i></p>"


def levels_html(pack: Pack) -> str:
    """The four levels of need, each with who responds, consent, next steps and timescales."""
    out = [_h(1, "Levels of need")]
    for number in sorted(pack.levels):
        level = pack.levels[number]
        out.append(f"<h2>{escape(pack.level_title(number))}</h2>")
        out.append(_p(level.summary))
        if level.who_responds:
            out.append(_h(3, "Who responds") + _list(level.who_responds))
        out.append(_h(3, "How to get help") + _p(level.how_to_get_help))
        out.append(_h(3, "Consent") + _p(level.consent))
        if level.next_steps:
            out.append(_h(3, "Next steps") + _list(level.next_steps))
        if level.timescales:
            out.append(_h(3, "Timescales") + _list(f"{t.what}: {t.when}" for t in level.timescales))
        out.append(_source(pack, level.source))
    return "".join(out)


def indicator_html(pack: Pack, indicator: Indicator) -> str:
    """One indicator: its text, examples, ages, pathways and its neighbours at other levels."""
    kind = "Strength" if indicator.kind == "strength" else "Concern"
    level_name = pack.level_title(indicator.level)
    out = [f"<h2>{escape(indicator.text)}</h2>", f"<p><b>{escape(level_name)}</b> · {kind}</p>"]
    if indicator.examples:
        out.append(_h(3, "For example") + _list(indicator.examples))
    ages = ", ".join(indicator.ages) if indicator.ages else "all ages"
    out.append(f"<p><b>{_tr('Applies to:')}</b> {escape(ages)}</p>")
    topics = [pack.topics[t].title for t in indicator.topics if t in pack.topics]
    if topics:
        out.append(_h(3, "Special pathways") + _list(topics))
    neighbours = sorted(
        (
            other
            for other in pack.indicators.values()
            if indicator.theme and other.theme == indicator.theme and other.id != indicator.id
        ),
        key=lambda i: i.level,
    )
    if neighbours:
        out.append(_h(3, "The same worry at other levels"))
        out.append(_list(f"{level_label(n.level)}: {n.text}" for n in neighbours))
    out.append(_source(pack, indicator.source))
    return "".join(out)


def topic_html(pack: Pack, topic: Topic) -> str:
    """A special pathway: when it applies, what to do, tools, stages and contacts."""
    out = [f"<h2>{escape(topic.title)}</h2>", _p(topic.summary)]
    if topic.applies_when:
        out.append(_h(3, "When this applies") + _list(topic.applies_when))
    if topic.what_to_do:
        out.append(_h(3, "What to do") + _list(topic.what_to_do, ordered=True))
    if topic.stages:
        out.append(_h(3, "From lower to higher need"))
        out.append(
            _list(f"{level_label(s.level)}, {s.label}: {s.description}" for s in topic.stages)
        )
    if topic.tools:
        out.append(_h(3, "Tools") + _list(f"{t.name}: {t.use}" for t in topic.tools))
    contacts = [pack.contacts[c] for c in topic.contacts if c in pack.contacts]
    if contacts:
        out.append(_h(3, "Who to contact") + _list(f"{c.name}: {c.phone_text}" for c in contacts))
    out.append(_source(pack, topic.source))
    return "".join(out)


def consent_html(pack: Pack) -> str:
    """Consent and information sharing per level, the golden rules and what consent means."""
    guide = pack.consent
    out = [_h(1, "Consent and information sharing")]
    if guide.golden_rules:
        out.append("<h2>The golden rules</h2><ol>")
        out.extend(
            f"<li><b>{escape(r.title)}</b>. {escape(r.text)}</li>" for r in guide.golden_rules
        )
        out.append("</ol>")
    for number in sorted(guide.levels):
        c = guide.levels[number]
        out.append(f"<h2>{escape(pack.level_title(number))}</h2>")
        out.append(f"<p><b>{_tr('Consent needed:')}</b> {escape(c.consent_needed)}</p>")
        out.append(f"<p><b>{_tr('From whom:')}</b> {escape(c.from_whom)}</p>")
        out.append(f"<p><b>{_tr('If consent is refused:')}</b> {escape(c.if_refused)}</p>")
        out.append(f"<p><b>{_tr('Telling parents:')}</b> {escape(c.tell_parents)}</p>")
        if c.lawful_basis:
            out.append(_h(3, "Lawful basis") + _list(c.lawful_basis))
        if c.record:
            out.append(_h(3, "What to record") + _list(c.record))
        out.append(_source(pack, c.source))
    if guide.meanings_of_consent:
        out.append(_h(2, "What consent means"))
        out.extend(
            f"<p><b>{escape(m.title)}</b>. {escape(m.text)}</p>" for m in guide.meanings_of_consent
        )
    return "".join(out)


def _procedure(pack: Pack, title: str, procedure: SteppingProcedure) -> str:
    out = [f"<h2>{escape(title)}</h2>", _p(procedure.summary)]
    if procedure.criteria:
        out.append(_h(3, "When") + _list(c.text for c in procedure.criteria))
    out.append(f"<p><b>{_tr('Who decides:')}</b> {escape(procedure.who_decides)}</p>")
    if procedure.steps:
        out.append(_h(3, "Steps") + _list(procedure.steps, ordered=True))
    if procedure.handover_checklist:
        out.append(_h(3, "Handover checklist") + _list(procedure.handover_checklist))
    if procedure.timescales:
        out.append(_h(3, "Timescales") + _list(f"{t.what}: {t.when}" for t in procedure.timescales))
    out.append(_source(pack, procedure.source))
    return "".join(out)


def stepping_html(pack: Pack) -> str:
    """Step-up and step-down procedures."""
    return (
        _h(1, "Stepping up and stepping down")
        + _procedure(pack, "Stepping up", pack.step_up)
        + _procedure(pack, "Stepping down", pack.step_down)
    )


def _hours(contact: Contact) -> str:
    if not contact.hours:
        return "Always open"
    return "; ".join(f"{day_list(h.days)} {h.open}–{h.close}" for h in contact.hours)


def contacts_html(pack: Pack) -> str:
    """Every contact with number, opening hours and what to use it for."""
    out = [_h(1, "Contacts"), _p(pack.contacts_note)]
    for contact in pack.contacts.values():
        out.append(f"<h2>{escape(contact.name)}</h2>")
        out.append(f"<p><b>{_tr('Telephone:')}</b> {escape(contact.phone_text)}</p>")
        out.append(f"<p><b>{_tr('Open:')}</b> {escape(_hours(contact))}</p>")
        out.append(_p(contact.use_for))
        if contact.out_of_hours and contact.out_of_hours in pack.contacts:
            other = pack.contacts[contact.out_of_hours]
            closed = f"{escape(other.name)}, {escape(other.phone_text)}"
            out.append(f"<p><b>{_tr('When closed:')}</b> {closed}</p>")
    return "".join(out)
