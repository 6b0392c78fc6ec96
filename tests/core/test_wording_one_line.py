"""``one_line``: free text shown on one line reads the same everywhere it is shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from thresholds_app.core.base.wording import one_line


def test_bidi_overrides_isolates_zero_width_and_controls_are_dropped() -> None:
    assert one_line("REF\u202e1234") == "REF1234"
    assert one_line("\u2067abc\u2069 \u200d\ufeffx") == "abc x"
    assert one_line("a\x1b[2Jb\x00c") == "a[2Jbc"
    assert one_line("  two\nlines\u2028and\ttabs ") == "two lines and tabs"
    assert one_line("Zoë O'Brien-Ng") == "Zoë O'Brien-Ng"
    assert one_line("مرجع 12") == "مرجع 12"  # right-to-left letters stay: only overrides go


@given(st.text())
def test_the_result_never_holds_a_control_format_or_line_break(text: str) -> None:
    import unicodedata

    shown = one_line(text)
    assert "\n" not in shown
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp", "Cs") for c in shown)
    assert one_line(shown) == shown
