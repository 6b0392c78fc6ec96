"""``thresholds assess CASE_FILE [--pack DIR] [--format text|json] [--now ISO]``.

Shows what the guidance indicates for a saved case file: the level, emergency, every reason,
missing answers, gaps, warnings, consent, next steps and contacts. The clock decides whether the
MASH or the out-of-hours team is given; pass ``--now`` for a fixed time. The practitioner's own
decision is never shown as the engine's. Exit codes: 0 shown, 1 the case file cannot be used,
2 usage error or a pack that does not load.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thresholds_app.core.pack.model import Pack
    from thresholds_app.core.rules.assessment import Assessment


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument("case_file", type=Path, help="a saved case file (.json)")
    from thresholds_app.cli.packarg import add_trust_arguments

    add_trust_arguments(parser)
    parser.add_argument("--pack", type=Path, help="pack folder (default: bundled pack)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output")
    parser.add_argument(
        "--now", help="local date and time for contacts, e.g. 2026-11-23T10:00 (default: now)"
    )


def run(args: argparse.Namespace) -> int:
    """Assess the case and print the result."""
    from thresholds_app.cli.casearg import read_case_for, report_unknown_answers
    from thresholds_app.cli.packarg import load_pack_for
    from thresholds_app.core.pack.renames import carry_forward
    from thresholds_app.core.rules.assessment import Context
    from thresholds_app.core.rules.engine import PackRulesError, assess

    try:
        now = datetime.fromisoformat(args.now) if args.now else datetime.now(UTC)
    except ValueError:
        print(f"thresholds assess: --now {args.now!r} is not a date and time", file=sys.stderr)
        return 2
    pack = load_pack_for("assess", args.pack, args)
    if isinstance(pack, int):
        return pack
    read = read_case_for("assess", args.case_file)
    if isinstance(read, int):
        return read
    case = read.case
    report_unknown_answers("assess", read, pack)
    answers, renamed = carry_forward(pack, case.answers)
    for note in renamed:
        print(f"thresholds assess: {note}", file=sys.stderr)
    try:
        result = assess(pack, answers, Context(age_band=case.child.age_band, now=now))
    except (ValueError, PackRulesError) as error:
        print(f"thresholds assess: {error}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(to_json(result, pack), indent=2, ensure_ascii=False))
    else:
        print(to_text(result, pack))
    return 0


def to_json(result: Assessment, pack: Pack | None = None) -> dict[str, Any]:
    """The assessment as JSON-ready data, with ``rules_fired`` and a ``pack`` block.

    The block says whether the pack was verified; in authoring mode ``pack_notice`` says so too
    (a tool reading only the notice must not miss it).
    """
    from thresholds_app.cli.packarg import authoring_line, trust_json
    from thresholds_app.core.case.codec import assessment_to_dict

    data = assessment_to_dict(result)
    data["rules_fired"] = list(result.rules_fired)
    data["pack"] = {"id": result.pack_id, "version": result.pack_version, "hash": result.pack_hash}
    if pack is not None:
        data["pack"].update(trust_json(pack))
        if line := authoring_line(pack):
            data["pack_notice"] = "\n".join(x for x in (line, data.get("pack_notice")) if x)
    return data


def to_text(result: Assessment, pack: Pack) -> str:
    """A plain-text summary a practitioner can read in a terminal."""
    from thresholds_app.cli.packarg import authoring_line
    from thresholds_app.core.base.wording import answer_words, level_label
    from thresholds_app.core.report.rationale import guidance_headline
    from thresholds_app.core.report.sections import reasons_to_show
    from thresholds_app.core.rules.changes import change_effect
    from thresholds_app.core.rules.engine import DANGER_NOT_KNOWN_STEP

    out: list[str] = [line] if (line := authoring_line(pack)) else []
    if result.pack_notice:
        out.append(result.pack_notice)
    # The same headline as the screen and the rationale (withheld, not enough answered, level).
    out.append(f"The guidance indicates: {guidance_headline(pack, result)}.")
    out.append("This supports your professional judgement; it does not replace it.")
    if result.emergency:
        out.append("EMERGENCY: the child may be in immediate danger. Call 999 now.")
    elif result.danger_not_known:
        out.append(f"POSSIBLE DANGER: {DANGER_NOT_KNOWN_STEP}")

    def section(title: str, lines: list[str]) -> None:
        if lines:
            out.append("")
            out.append(f"{title}:")
            # A line starting with a tab continues the item above it.
            out.extend(f"      {ln[1:]}" if ln.startswith("\t") else f"  - {ln}" for ln in lines)

    reasons: list[str] = []
    for reason in reasons_to_show(pack, result):
        level = f"{level_label(reason.level)}: " if reason.level else ""
        reasons.append(f"{level}{reason.label} [{reason.rule_id}; source {reason.source}]")
        reasons.extend(f"\t{a.id} = {answer_words(a.answer)}: {a.text}" for a in reason.answers)
    section("Why", reasons)
    section("Missing (must be answered)", [f"{m.id}: {m.text}" for m in result.missing])
    section("Still to answer before relying on a level", list(result.to_answer_next))
    section("Not known", [f"{g.id}: {g.gap_words()}" for g in result.gaps])
    section("Warnings", list(result.warnings))
    section(
        "What would change this",
        [
            f"{c.id} answered {answer_words(c.answer)} would {change_effect(pack, c)}"
            for c in result.what_would_change
        ],
    )
    section("Strengths", [s.text for s in result.strengths])
    consent = result.consent
    consent_lines = [x for x in (consent.consent_needed, consent.tell_parents) if x]
    if consent.consent_refused:
        consent_lines.append(f"Consent refused: {consent.if_refused}".strip())
    if consent.consider_step_up and consent.step_up_to is not None:
        consent_lines.append(
            f"Consider stepping up to {level_label(consent.step_up_to)} "
            f"(consent refused at {level_label(consent.level)})."
        )
    section("Consent and information sharing", consent_lines)
    section("Next steps", list(result.next_steps))
    section(
        "Contacts",
        [
            f"{c.name}: {c.phone_text}"
            + ("" if c.open_now is None else (" (open now)" if c.open_now else " (closed now)"))
            + f" - {c.why}"
            + (f" ({c.time_rule})" if c.time_rule and not c.open_now else "")
            for c in result.contacts
        ],
    )
    out.append("")
    verified = "" if not authoring_line(pack) else " - AUTHORING MODE: NOT VERIFIED"
    out.append(f"Pack {result.pack_id} {result.pack_version} ({result.pack_hash[:12]}){verified}")
    return "\n".join(out)
