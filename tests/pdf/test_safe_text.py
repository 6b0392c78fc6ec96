"""Any text a practitioner types gives a valid PDF and reads back (hazard H13)."""

from __future__ import annotations

import socket
import unicodedata
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfcheck import flat, page_texts, qpdf_problems

from thresholds_app.core.case.record import CaseRecord, FreeText
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import build_rationale
from thresholds_app.core.rules.engine import assess
from thresholds_app.pdf.rationale_pdf import render_rationale_pdf
from thresholds_app.pdf.safe import clean_text, uncovered_characters

FREE_TEXT_FIELDS = [
    f for f in FreeText.__dataclass_fields__ if f != "child_voice_not_obtained_reason"
]
NASTY = [
    '<img src="http://example.invalid/x.png"/>',
    '<font color="[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[">x</font>',
    "<para><b>bold?</b></para> & &amp; &#0; &bogus; <br/> </para>",
    "<a href='file:///etc/passwd'>link</a> <link href='http://example.invalid'>x</link>",
    "Siôn Ŵyn Łódź ŷ ő Ştefan Țară İstanbul ğ",
    "محمد علي",  # Arabic: shaped (joined, right to left)
    "😀👨‍👩‍👧 \ud800 \udfff",  # emoji, a family ZWJ sequence, lone surrogates
    "\x00\x01\x07\x1b[31m\x7f tab\there\r\nnew line\u2028next",
    "e\u0301 a\u0308 combining",
]


def render(pack: Pack, case: CaseRecord) -> bytes:
    assessment = assess(pack, case.answers, case.context())
    return render_rationale_pdf(build_rationale(pack, case, assessment, "t", "v"))


def with_text(case: CaseRecord, field: str, text: str) -> CaseRecord:
    return replace(case, free_text=replace(case.free_text, **{field: text}))


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args)[:80])
        raise OSError("network access is not allowed while rendering")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_renders_and_no_network(
    pack: Pack, case: CaseRecord, text: str, no_network: list[str]
) -> None:
    pdf = render(pack, with_text(case, "worry", text))
    assert qpdf_problems(pdf) == []
    assert no_network == []
    extracted = flat(" ".join(page_texts(pdf)))
    if any(unicodedata.bidirectional(c) == "AL" for c in text):
        # Arabic is drawn joined, in contextual forms: each letter comes back under NFKC.
        joined = unicodedata.normalize("NFKC", extracted)
        assert all(c in joined for c in flat(clean_text(text)))
    else:
        assert flat(clean_text(text)) in extracted


def test_markup_is_printed_literally(pack: Pack, case: CaseRecord) -> None:
    pdf = render(pack, with_text(case, "going_well", "<b>not bold</b> & <i>x</i>"))
    assert "<b>not bold</b> & <i>x</i>" in " ".join(page_texts(pdf))


def test_undrawable_characters_are_spelled_out(pack: Pack, case: CaseRecord) -> None:
    pdf = render(pack, with_text(case, "child_voice", "happy 😀 \ud800 ☺ \u0e01 end"))
    text = " ".join(page_texts(pdf))
    assert "happy [U+1F600] [U+D800] ☺ [U+0E01] end" in text
    assert uncovered_characters("a😀b\ud800😀\u200d") == ["😀", "\ud800"]
    assert uncovered_characters("Łódź ŵ") == []


def test_control_characters_are_dropped() -> None:
    assert clean_text("a\x00b\x1bc\x7fd\ufeffe\tf\r\ng") == "abcde f \ng"
    assert clean_text("x\u202eevil\u202c \u200dy\u00ad") == "xevil y"


@pytest.mark.parametrize("field", ["worry", "child_voice", "family_views", "tried_so_far"])
def test_huge_paragraph_pages_without_breaking(pack: Pack, case: CaseRecord, field: str) -> None:
    words = " ".join(f"word{i}" for i in range(15000))  # about 130,000 characters
    pdf = render(pack, with_text(case, field, words))
    pages = page_texts(pdf)
    assert len(pages) > 10
    assert qpdf_problems(pdf) == []
    assert "word14999" in " ".join(pages)


def test_huge_word_without_spaces_wraps(pack: Pack, case: CaseRecord) -> None:
    blob = "x" * 100_000
    pdf = render(pack, with_text(case, "worry", blob))
    assert flat(" ".join(page_texts(pdf))).count("x") >= 100_000


def test_huge_table_cell_becomes_text(pack: Pack, case: CaseRecord) -> None:
    case.household[0].outcome = "long outcome " * 8000
    pdf = render(pack, case)
    assert qpdf_problems(pdf) == []
    assert ("long outcome " * 3).strip() in " ".join(page_texts(pdf))


def test_huge_reference_is_cut_in_the_header(pack: Pack, case: CaseRecord) -> None:
    case.child.reference = "R" * 5000
    pages = page_texts(render(pack, case))
    assert all(len(line) < 200 for p in pages for line in p.splitlines() if "RRRR" in line[:80])


# Characters DejaVu Sans draws and pypdf reads back one for one (no shaping, no reordering).
COVERED = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Nd", "Po", "Ps", "Pe", "Pd", "Sm", "Sc", "Zs"),
    max_codepoint=0x04FF,
    exclude_characters="\u00ad",  # a soft hyphen is invisible unless the line breaks there
)


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(FREE_TEXT_FIELDS), text=st.text(COVERED, min_size=1, max_size=400))
def test_covered_text_round_trips(pack: Pack, case: CaseRecord, field: str, text: str) -> None:
    pdf = render(pack, with_text(case, field, text))
    expected = flat(unicodedata.normalize("NFC", text))
    assert expected in flat(unicodedata.normalize("NFC", " ".join(page_texts(pdf))))


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(FREE_TEXT_FIELDS), text=st.text(max_size=2000))
def test_any_unicode_gives_a_valid_pdf(pack: Pack, case: CaseRecord, field: str, text: str) -> None:
    pdf = render(pack, with_text(case, field, text))
    assert pdf.startswith(b"%PDF-")
    assert qpdf_problems(pdf) == []
    assert len(page_texts(pdf)) >= 1


def _set(path: str) -> Callable[[CaseRecord, str], None]:
    """Return a setter for a dotted path such as ``household.0.label``."""

    def setter(case: CaseRecord, text: str) -> None:
        target: object = case
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else getattr(target, part)  # type: ignore[index]
        setattr(target, last, text)

    return setter


OTHER_FIELDS = {
    path: _set(path)
    for path in (
        "child.reference",
        "child.current_safety",
        "household.0.label",
        "household.1.reason_not_assessed",
        "decision.reasons",
        "decision.differs_reason",
        "next_steps.0.action",
        "referrer.name",
        "consent.shared.0.with_whom",
        "consent.by_whom",
    )
}


@pytest.mark.slow
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(sorted(OTHER_FIELDS)), text=st.text(COVERED, min_size=1, max_size=300))
def test_covered_text_in_other_fields_round_trips(
    pack: Pack, case: CaseRecord, field: str, text: str
) -> None:
    edited = deepcopy(case)
    edited.decision.level = 4  # so the difference reason is printed
    OTHER_FIELDS[field](edited, text)
    pdf = render(pack, edited)
    assert qpdf_problems(pdf) == []
    expected = flat(unicodedata.normalize("NFC", text))
    assert expected in flat(unicodedata.normalize("NFC", " ".join(page_texts(pdf))))


def test_many_short_lines_never_make_a_row_taller_than_a_page(pack: Pack, case: CaseRecord) -> None:
    edited = deepcopy(case)
    edited.free_text.worry = "\n".join("x" for _ in range(300))
    edited.household[0].outcome = "\n".join("y" for _ in range(300))
    edited.consent.shared[0].when = "w" * 700  # a narrow column, as long as a cell may be
    edited.decision.level = 4
    edited.decision.differs_reason = "\n".join("z" for _ in range(100))
    pdf = render(pack, edited)
    assert qpdf_problems(pdf) == []
    assert flat(" ".join(page_texts(pdf))).count("w") >= 700  # the row may split over pages


def test_right_to_left_text_is_detected() -> None:
    from thresholds_app.pdf.safe import has_right_to_left

    assert has_right_to_left("Name: محمد")
    assert has_right_to_left("שלום")
    assert not has_right_to_left("Siôn Łódź İstanbul 123")


_OPENED: list[str] = []
_WATCHING: list[bool] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _WATCHING and event == "open" and args and isinstance(args[0], str):
        _OPENED.append(args[0])


@pytest.fixture
def opened_files() -> Iterator[list[str]]:
    """Every file path opened while the test renders (an audit hook: cannot be bypassed)."""
    if not getattr(_audit, "installed", False):
        import sys

        sys.addaudithook(_audit)
        _audit.installed = True  # type: ignore[attr-defined]
    _OPENED.clear()
    _WATCHING.append(True)
    yield _OPENED
    _WATCHING.clear()


@pytest.mark.parametrize("field", ["worry", "child_voice"])
def test_markup_in_long_text_is_printed_not_obeyed(
    pack: Pack, case: CaseRecord, field: str, opened_files: list[str], no_network: list[str]
) -> None:
    """Long text takes another path (split into pieces); removing its escaping once let an
    image tag make reportlab open /etc/hostname, and no test noticed."""
    trap = '<img src="/etc/hostname" width="9" height="9"/> <font color="red">red?</font> '
    text = ("filler " * 300) + trap + ("more " * 300)
    assert len(text) > 2 * 1500  # well past one piece
    pdf = render(pack, with_text(case, field, text))
    assert not [p for p in opened_files if p.startswith("/etc")], opened_files
    assert no_network == []
    extracted = flat(" ".join(page_texts(pdf)))
    assert flat('<img src="/etc/hostname" width="9" height="9"/>') in extracted
    assert flat('<font color="red">red?</font>') in extracted
