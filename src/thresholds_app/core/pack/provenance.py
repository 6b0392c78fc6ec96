"""How far each part of a pack is confirmed against the partnership's own publication.

One place says it in words, for the start screen, the About box and the guidance browser: a
part is confirmed, partly confirmed (the rest follows the regional pattern), following the
regional pattern (not yet validated locally), or invented (training material).
"""

from __future__ import annotations

from thresholds_app.core.pack.model import Manifest, PartStatus

# The pack's parts (``parts:`` in pack.yaml) as the guidance browser names them.
PART_WORDS = {
    "levels": "Levels of need",
    "indicators": "Indicators",
    "topics": "Special pathways",
    "rules": "Rules that suggest a level",
    "consent": "Consent and golden rules",
    "stepping": "Stepping up and down",
    "contacts": "Contacts",
    "scenarios": "Training scenarios",
}
STATUS_WORDS = {
    "confirmed": "Confirmed against the partnership's own publication",
    "partly-confirmed": "Partly confirmed against the partnership's own publication; the rest "
    "follows the regional pattern",
    "regional-pattern": "Follows the regional pattern; not yet validated locally",
    "invented": "Invented for training",
}
_ORDER = ("confirmed", "partly-confirmed", "regional-pattern", "invented")


def part_words(name: str) -> str:
    """A part's name in words (its key, capitalised, for a part this module does not know)."""
    return PART_WORDS.get(name, name.replace("-", " ").capitalize())


def status_words(status: str) -> str:
    """A part's status in words."""
    return STATUS_WORDS.get(status, status.replace("-", " ").capitalize())


def part_line(part: PartStatus) -> str:
    """One part's status and its note: "Partly confirmed …: <note>"."""
    words = status_words(part.status)
    return f"{words}. {part.note}" if part.note.strip() else f"{words}."


def provenance_summary(manifest: Manifest) -> str:
    """Which guidance parts are confirmed, partly confirmed or follow the regional pattern.

    The training scenarios are left out: they are invented by design, not guidance.
    """
    parts = {n: p for n, p in manifest.parts.items() if n != "scenarios"}
    if parts and all(p.status == "confirmed" for p in parts.values()):
        return "Every part is confirmed against the partnership's published guidance."
    groups: list[str] = []
    known = [s for s in _ORDER if any(p.status == s for p in parts.values())]
    others = sorted({p.status for p in parts.values()} - set(_ORDER))
    for status in [*known, *others]:
        names = [part_words(n).lower() for n, p in parts.items() if p.status == status]
        groups.append(f"{status_words(status)}: {', '.join(names)}.")
    return " ".join(groups)
