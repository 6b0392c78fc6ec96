"""The step-up / step-down advice as the review page shows it (words only, no rule)."""

from __future__ import annotations

from html import escape

from thresholds_app.core.rules.stepping import SteppingAdvice

ANSWER_WORDS = {"yes": "yes", "no": "no", "not-known": "not known", None: "not answered"}
DIRECTION_WORDS = {
    "step-up": "Consider stepping up",
    "step-down": "Consider stepping down",
    "stay": "Stay at the current level",
}


def advice_html(advice: SteppingAdvice) -> str:
    """The engine's stepping advice as HTML (every pack and user text escaped)."""
    indicated = advice.indicated_level
    level_words = f"Level {indicated}" if indicated else "not yet clear (more answers needed)"
    verdict = DIRECTION_WORDS[advice.direction]
    if advice.direction != "stay" and not advice.advised:
        verdict += " (not advised yet)"
    parts = [
        f"<h2>{escape(verdict)}</h2>",
        f"<p>Supported at Level {advice.current_level}; the guidance now indicates "
        f"<b>{escape(level_words)}</b>.</p>",
    ]

    def listed(title: str, items: list[str], tag: str = "ul") -> None:
        if items:
            parts.append(f"<h3>{escape(title)}</h3><{tag}>")
            parts.extend(f"<li>{escape(item)}</li>" for item in items)
            parts.append(f"</{tag}>")

    listed("New concerns since the last review", [r.text for r in advice.new_concerns])
    listed("Why not yet", list(advice.blockers))
    listed("Level 4 concerns not resolved", [r.text for r in advice.unresolved])
    if advice.direction != "stay":
        parts.append(f"<p>{escape(advice.summary)}</p>")
        parts.append(f"<p><b>Who decides:</b> {escape(advice.who_decides)}</p>")
        listed("Steps", list(advice.steps), "ol")
        listed("Timescales", [f"{t.what}: {t.when}" for t in advice.timescales])
    return "".join(parts)
