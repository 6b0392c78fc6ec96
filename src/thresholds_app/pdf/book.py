"""The guidance book: the whole pack as a readable handout for trainers and practitioners.

Levels, the indicator matrix (domain, area, level), the special pathways, consent and the golden
rules, stepping up and down, contacts and provenance, with the pack id and version on every
page. Pack text is trusted content but still goes through the same escaping as user text.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from thresholds_app.core.base.wording import DAY_SHORT_NAMES, level_label
from thresholds_app.core.pack.model import Contact, Domain, Indicator, Pack, SteppingProcedure
from thresholds_app.pdf.book_routes import (
    consent_item,
    consent_routes,
    id_history,
    level_4_routes,
    questions_and_counting,
)
from thresholds_app.pdf.fonts import BODY
from thresholds_app.pdf.layout import (
    ACCENT,
    MARGIN,
    RULE,
    SHADE,
    PageFurniture,
    Styles,
    build_pdf,
    contents,
    make_styles,
)
from thresholds_app.pdf.safe import markup

FRAME_WIDTH = 210 * mm - 2 * MARGIN
INTENDED_USE = (
    "This book sets out the partnership's threshold guidance so that practitioners can talk about "
    "a child's needs in a shared language. It supports professional judgement and does not "
    "replace it. If a child is in immediate danger, call 999."
)


def render_book_pdf(pack: Pack, produced_at: str, app_version: str) -> bytes:
    """Return the guidance book for ``pack`` as PDF bytes."""
    st = make_styles()
    m = pack.manifest
    story: list[Flowable] = _cover(pack, st)
    story += _levels(pack, st)
    for domain in pack.domains:
        story += _matrix(pack, domain, st)
    story += questions_and_counting(pack, st)
    story += _pathways(pack, st)
    story += _consent(pack, st)
    story += _stepping("Stepping up", pack.step_up, st)
    story += _stepping("Stepping down", pack.step_down, st)
    story += _contacts(pack, st)
    story += _provenance(pack, st)
    story += id_history(pack, st)
    furniture = PageFurniture(
        marking="",
        header_left=f"{m.title}: guidance book",
        header_right=f"Version {m.version}  ·  printed {produced_at}",
        footer_left=f"Guidance pack {m.id} {m.version} ({pack.short_hash or 'unhashed'})  ·  "
        f"thresholds_app {app_version}",
        footer_right="Supports, and does not replace, professional judgement.",
    )
    return build_pdf(story, furniture, title=f"{m.title}: guidance book", subject=m.area)


def _p(text: str, style: object) -> Paragraph:
    return Paragraph(markup(text), style)


def _bullets(items: tuple[str, ...] | list[str], st: Styles) -> list[Flowable]:
    return [Paragraph(markup(i), st.bullet, bulletText="•") for i in items]


def _labelled(label: str, text: str, st: Styles) -> list[Flowable]:
    return [_p(label, st.label), _p(text, st.body)] if text.strip() else []


def _grid(
    rows: list[list[Flowable | list[Flowable]]], widths: list[float], head: bool = True
) -> Table:
    total = sum(widths)
    table = Table(
        rows,
        colWidths=[FRAME_WIDTH * w / total for w in widths],
        repeatRows=1 if head else 0,
        hAlign="LEFT",
        splitInRow=1,
    )
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), BODY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if head:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ]
    table.setStyle(TableStyle(commands))
    return table


def _cover(pack: Pack, st: Styles) -> list[Flowable]:
    m = pack.manifest
    out: list[Flowable] = [
        Spacer(1, 20 * mm),
        _p(m.title, st.title),
        _p("Guidance book: levels of need, indicators, pathways, consent and contacts", st.h2),
        Spacer(1, 6 * mm),
        _p(f"Area: {m.area}", st.body),
        _p(f"Published by: {m.publisher}", st.body),
        _p(
            f"Version {m.version}, in effect from {m.effective_from}; review by {m.review_by}"
            + (f"; expires {m.expires}" if m.expires else "")
            + ".",
            st.body,
        ),
        Spacer(1, 6 * mm),
        _p(m.provenance_note, st.alert),
        _p(INTENDED_USE, st.body),
        Spacer(1, 6 * mm),
        _p("How far each part has been checked", st.h2),
    ]
    rows: list[list[Flowable | list[Flowable]]] = [
        [_p("Part", st.cell_head), _p("Status", st.cell_head), _p("Note", st.cell_head)]
    ]
    for name, part in pack.manifest.parts.items():
        rows.append(
            [
                _p(name.capitalize(), st.cell),
                _p(part.status.replace("-", " "), st.cell),
                _p(part.note, st.cell),
            ]
        )
    out += [_grid(rows, [1.3, 1.4, 5]), PageBreak()]
    out += [_p("Contents", st.h2), contents(st), PageBreak()]
    return out


def _levels(pack: Pack, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [_p("The four levels of need", st.h1)]  # the schema asks for four
    for number in sorted(pack.levels):
        level = pack.levels[number]
        out += [
            CondPageBreak(60 * mm),
            _p(pack.level_title(number), st.h2),
            _p(level.summary, st.body),
        ]
        out += _labelled("Who responds", ", ".join(level.who_responds), st)
        out += _labelled("How to get help", level.how_to_get_help, st)
        out += _labelled("Consent", level.consent, st)
        if level.timescales:
            out.append(_p("Timescales", st.label))
            out += _bullets([f"{t.what}: {t.when}" for t in level.timescales], st)
        if level.next_steps:
            out.append(_p("Next steps", st.label))
            out += _bullets(level.next_steps, st)
        names = [pack.contacts[c].name for c in level.contacts if c in pack.contacts]
        out += _labelled("Contacts", ", ".join(names), st)
    out += level_4_routes(pack, st)
    out.append(PageBreak())
    return out


def _indicator_cell(indicators: list[Indicator], st: Styles) -> list[Flowable]:
    bullet = ParagraphStyle("cell_bullet", parent=st.cell, leftIndent=8, bulletIndent=0)
    ages = ParagraphStyle("cell_ages", parent=st.small, leftIndent=8, spaceAfter=3)
    cell: list[Flowable] = []
    for ind in indicators:
        prefix = "Strength: " if ind.kind == "strength" else ""
        cell.append(Paragraph(markup(prefix + ind.text), bullet, bulletText="•"))
        if ind.route == "child-in-need":
            cell.append(_p("Child in need (section 17), not harm", ages))
        if ind.ages:
            cell.append(_p("Ages: " + ", ".join(ind.ages), ages))
    return cell or [_p("—", st.small)]


def _matrix(pack: Pack, domain: Domain, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [_p(f"Indicators: {domain.title}", st.h1)]
    numbers = sorted(pack.levels)  # a column per level of the pack, however many
    head = [_p(pack.level_title(n), st.cell_head) for n in numbers]
    for area in domain.areas:
        in_area = [
            i for i in pack.indicators.values() if i.domain == domain.id and i.area == area.id
        ]
        if not in_area:
            continue
        by_level = [[i for i in in_area if i.level == n] for n in numbers]
        cells: list[Flowable | list[Flowable]] = [_indicator_cell(ind, st) for ind in by_level]
        out += [CondPageBreak(40 * mm), _p(area.title, st.h2)]
        if area.description:
            out.append(_p(area.description, st.small))
        out.append(_grid([list(head), cells], [1] * len(numbers)))
        out.append(Spacer(1, 2 * mm))
    out.append(PageBreak())
    return out


def _pathways(pack: Pack, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [_p("Special pathways", st.h1)]
    for topic in pack.topics.values():
        out += [CondPageBreak(50 * mm), _p(topic.title, st.h2), _p(topic.summary, st.body)]
        if topic.applies_when:
            out.append(_p("When it applies", st.label))
            out += _bullets(topic.applies_when, st)
        if topic.what_to_do:
            out.append(_p("What to do", st.label))
            out += _bullets(topic.what_to_do, st)
        if topic.stages:
            out.append(_p("From less to more serious", st.label))
            rows: list[list[Flowable | list[Flowable]]] = [
                [
                    _p("Level", st.cell_head),
                    _p("Stage", st.cell_head),
                    _p("What it looks like", st.cell_head),
                ]
            ]
            for stage in topic.stages:
                rows.append(
                    [
                        _p(level_label(stage.level), st.cell),
                        _p(stage.label, st.cell),
                        [
                            _p(stage.description, st.cell),
                            *[_p(e, st.small) for e in stage.examples],
                        ],
                    ]
                )
            out.append(_grid(rows, [1, 2, 6]))
        if topic.tools:
            out.append(_p("Tools", st.label))
            out += _bullets([f"{t.name}: {t.use}" for t in topic.tools], st)
        names = [pack.contacts[c].name for c in topic.contacts if c in pack.contacts]
        out += _labelled("Contacts", ", ".join(names), st)
    out.append(PageBreak())
    return out


def _consent(pack: Pack, st: Styles) -> list[Flowable]:
    guide = pack.consent
    out: list[Flowable] = [_p("Consent and information sharing", st.h1)]
    for number in sorted(guide.levels):
        c = guide.levels[number]
        out += [CondPageBreak(40 * mm), _p(level_label(number), st.h2)]
        out += consent_item(c, st)
    out += consent_routes(pack, st)
    if guide.golden_rules:
        out += [CondPageBreak(50 * mm), _p("The golden rules of information sharing", st.h2)]
        for number, rule in enumerate(guide.golden_rules, start=1):
            out += [_p(f"{number}. {rule.title}", st.label), _p(rule.text, st.body)]
    if guide.meanings_of_consent:
        out += [CondPageBreak(40 * mm), _p("What consent means", st.h2)]
        for item in guide.meanings_of_consent:
            out += [_p(item.title, st.label), _p(item.text, st.body)]
    out.append(PageBreak())
    return out


def _stepping(title: str, proc: SteppingProcedure, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(80 * mm), _p(title, st.h1), _p(proc.summary, st.body)]
    if proc.criteria:
        out.append(_p("When to consider it", st.label))
        out += _bullets([c.text for c in proc.criteria], st)
    out += _labelled("Who decides", proc.who_decides, st)
    if proc.steps:
        out.append(_p("Steps", st.label))
        out += [
            Paragraph(markup(s), st.bullet, bulletText=f"{n}.") for n, s in enumerate(proc.steps, 1)
        ]
    if proc.handover_checklist:
        out.append(_p("Handover checklist", st.label))
        out += _bullets(proc.handover_checklist, st)
    if proc.timescales:
        out.append(_p("Timescales", st.label))
        out += _bullets([f"{t.what}: {t.when}" for t in proc.timescales], st)
    return out


def _days(days: tuple[str, ...]) -> str:
    first, last = DAY_SHORT_NAMES.get(days[0], days[0]), DAY_SHORT_NAMES.get(days[-1], days[-1])
    return first if len(days) == 1 else f"{first}–{last}"


def _hours(contact: Contact) -> str:
    if not contact.hours:
        return "Always open"
    return "; ".join(f"{_days(h.days)} {h.open}–{h.close}" for h in contact.hours)


def _contacts(pack: Pack, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), _p("Contacts", st.h1)]
    if pack.contacts_note:
        out.append(_p(pack.contacts_note, st.small))
    rows: list[list[Flowable | list[Flowable]]] = [
        [_p(h, st.cell_head) for h in ("Service", "Phone", "Open", "Use for")]
    ]
    for contact in pack.contacts.values():
        use = [_p(contact.use_for, st.cell)]
        backup = pack.contacts.get(contact.out_of_hours or "")
        if backup is not None:
            use.append(_p(f"When closed: {backup.name} ({backup.phone_text})", st.small))
        rows.append(
            [
                _p(contact.name, st.cell),
                _p(contact.phone_text, st.cell),
                _p(_hours(contact), st.cell),
                use,
            ]
        )
    out.append(_grid(rows, [2.6, 1.6, 1.8, 4.5]))
    return out


def _provenance(pack: Pack, st: Styles) -> list[Flowable]:
    m = pack.manifest
    out: list[Flowable] = [
        CondPageBreak(60 * mm),
        _p("Where this guidance comes from", st.h1),
        _p(m.provenance_note, st.body),
    ]
    rows: list[list[Flowable | list[Flowable]]] = [
        [_p(h, st.cell_head) for h in ("Source", "Status", "Address")]
    ]
    for source in m.sources.values():
        rows.append(
            [
                _p(source.title, st.cell),
                _p(source.status.replace("-", " "), st.cell),
                _p(source.url, st.small),
            ]
        )
    out.append(_grid(rows, [4, 1.5, 4]))
    return out
