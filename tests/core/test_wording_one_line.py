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


# -- identifier_text: one-line identifiers (case reference, names) as the editor takes them ---


def test_an_identifier_loses_every_bidi_control_and_keeps_its_letters() -> None:
    from thresholds_app.core.base.wording import BIDI_CONTROLS, identifier_text

    # QA #7: a reference with U+202E showed reversed in the editor only.
    assert identifier_text("QA-\u202e1234") == "QA-1234"
    controls = "".join(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
    controls += "\u200e\u200f\u061c"
    assert set(controls) == BIDI_CONTROLS
    assert identifier_text(f"A{controls}B") == "AB"
    assert identifier_text("שרה כהן") == "שרה כהן"  # Hebrew names stay as written
    assert identifier_text("\u200fمرجع 12") == "مرجع 12"
    assert identifier_text("Zoë\u200cx") == "Zoë\u200cx"  # a zero-width non-joiner is a letter's
    assert identifier_text("REF-1") == "REF-1"


@given(st.text())
def test_an_identifier_holds_no_bidi_control_and_cleaning_twice_changes_nothing(
    text: str,
) -> None:
    from thresholds_app.core.base.wording import BIDI_CONTROLS, identifier_text

    clean = identifier_text(text)
    assert not BIDI_CONTROLS.intersection(clean)
    assert identifier_text(clean) == clean
    assert clean == "".join(c for c in text if c not in BIDI_CONTROLS)
