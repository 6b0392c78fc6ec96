"""The trainer's session sheet as plain data and text: what was shown, the answers, the room.

The PDF (:mod:`thresholds_app.pdf.training_sheet`) lays out this same data, so the text and the
PDF cannot disagree. No personal data: scenarios are invented, votes are counts.
"""

from __future__ import annotations

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Pack, Scenario
from thresholds_app.core.training.agreement import describe_kappa
from thresholds_app.core.training.session import RoomSession

INTENDED_USE = (
    "Training material: invented families, and the level the partnership's guidance indicates "
    "for each. Levels support professional judgement and are not scores."
)


@record
class SheetScenario:
    """One scenario on the sheet."""

    title: str
    expected: str
    key_indicators: tuple[str, ...]
    discussion_points: tuple[str, ...]
    votes: str  # "" when the room's answers were not recorded
    agreement: str
    why: tuple[str, ...] = ()  # the reasons the guidance gives for the expected level


@record
class SessionSheet:
    """Everything the session sheet says, in order."""

    title: str
    pack_identity: str
    intended_use: str
    produced_at: str
    scenarios: tuple[SheetScenario, ...]
    overall: tuple[str, ...]
    marking: str = ""  # on every page when the guidance was not verified (authoring mode)


def level_words(pack: Pack, level: int | None) -> str:
    """'Level 3: Targeted early help', or what stands for no level."""
    if level is None:
        return "not enough information to indicate a level"
    found = pack.levels.get(level)
    return f"Level {level}: {found.name}" if found else f"Level {level}"


def authoring_marking(pack: Pack) -> str:
    """The marking every page of training material made in authoring mode carries, or ""."""
    from thresholds_app.core.report.rationale import AUTHORING_MARKING

    trust = pack.trust
    return AUTHORING_MARKING if trust is not None and not trust.verified else ""


def why_expected(pack: Pack, scenario: Scenario) -> tuple[str, ...]:
    """The reasons the guidance gives for the scenario's level, from its answers.

    The key indicators alone can understate it: a Level 4 reached because early help has not
    changed things shows Level 3 indicators, and the reason is what explains the Level 4.
    """
    from thresholds_app.core.rules.assessment import Context
    from thresholds_app.core.rules.engine import assess

    found = assess(pack, scenario.answers(), Context(age_band=scenario.age_band))
    level = found.indicated_level
    return tuple(r.label for r in found.reasons if level is not None and r.level == level)


def _indicator_words(pack: Pack, scenario: Scenario) -> tuple[str, ...]:
    return tuple(
        f"{pack.indicators[i].text} (Level {pack.indicators[i].level})"
        for i in scenario.key_indicators
        if i in pack.indicators
    )


def _votes_line(pack: Pack, votes: dict[int, int] | None) -> str:
    if not votes or not sum(votes.values()):
        return ""
    parts = [f"Level {level}: {votes.get(level, 0)}" for level in sorted(pack.levels)]
    return "Room's votes: " + ", ".join(parts) + f" ({sum(votes.values())} in all)"


def _percent(value: float | None) -> str:
    return "not recorded" if value is None else f"{value:.0f}%"


def _agreement_line(percent: float | None) -> str:
    return f"Agreement with the expected level: {_percent(percent)}"


def build_session_sheet(session: RoomSession, produced_at: str) -> SessionSheet:
    """Build the sheet for a trainer's session (votes optional)."""
    pack = session.pack
    m = pack.manifest
    items = []
    for item in session.scenarios:
        votes = dict(item.votes)
        recorded = bool(sum(votes.values()))
        items.append(
            SheetScenario(
                title=item.scenario.title,
                expected=level_words(pack, item.scenario.expected_level)
                + ("; an emergency: 999 first" if item.scenario.expected_emergency else ""),
                key_indicators=_indicator_words(pack, item.scenario),
                discussion_points=item.scenario.discussion_points,
                votes=_votes_line(pack, votes),
                agreement=_agreement_line(item.percent_with_expected) if recorded else "",
                why=why_expected(pack, item.scenario),
            )
        )
    agreement = session.agreement()
    overall: tuple[str, ...] = ()
    if agreement.votes:
        kappa = "not defined" if agreement.kappa is None else f"{agreement.kappa:.2f}"
        overall = (
            f"Scenarios with votes: {agreement.scenarios}; votes in all: {agreement.votes}.",
            _agreement_line(agreement.percent_with_expected) + ".",
            f"Fleiss' kappa: {kappa} ({describe_kappa(agreement.kappa)}). {agreement.kappa_note}",
        )
    return SessionSheet(
        title=f"Training session: {len(items)} scenario{'s' if len(items) != 1 else ''}",
        pack_identity=f"{m.title}, version {m.version} ({m.id}, {pack.short_hash or 'unhashed'})",
        intended_use=INTENDED_USE,
        produced_at=produced_at,
        scenarios=tuple(items),
        overall=overall,
        marking=authoring_marking(pack),
    )


def sheet_to_text(sheet: SessionSheet) -> str:
    """The session sheet as plain text (also the golden-tested form)."""
    lines = [sheet.marking] if sheet.marking else []
    lines += [sheet.title, f"Guidance: {sheet.pack_identity}", f"Produced {sheet.produced_at}"]
    lines += [sheet.intended_use, ""]
    for number, item in enumerate(sheet.scenarios, start=1):
        lines.append(f"{number}. {item.title}")
        lines.append(f"   Expected: {item.expected}")
        lines += [f"   Why: {reason}" for reason in item.why]
        lines += [f"   Key indicator: {text}" for text in item.key_indicators]
        lines += [f"   Discuss: {point}" for point in item.discussion_points]
        if item.votes:
            lines += [f"   {item.votes}", f"   {item.agreement}"]
        lines.append("")
    if sheet.overall:
        lines.append("The room across the session")
        lines += [f"   {line}" for line in sheet.overall]
    return "\n".join(lines).rstrip() + "\n"
