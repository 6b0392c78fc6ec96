"""The hardened YAML reader: safe, strict, precise, and it never raises."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thresholds_app.core.pack.yamlsafe import load_yaml


def messages(raw: bytes) -> list[str]:
    return [str(p) for p in load_yaml(raw, "f.yaml").problems]


def test_plain_values_are_typed_and_quoted_values_stay_text() -> None:
    doc = load_yaml(b'a: 1\nb: 1.5\nc: true\nd: ~\ne: "yes"\nf: "17:20"\ng: text\n', "f.yaml")
    assert doc.data == {
        "a": 1,
        "b": 1.5,
        "c": True,
        "d": None,
        "e": "yes",
        "f": "17:20",
        "g": "text",
    }
    assert doc.problems == []


def test_positions_of_values_and_keys_are_recorded() -> None:
    doc = load_yaml(b"top:\n  list:\n    - first\n    - second\n", "f.yaml")
    assert doc.where(("top", "list", 1)) == (4, 7)
    assert doc.where(("top", "list"), key=True) == (2, 3)
    assert doc.where(("top", "missing", 3)) == (2, 3)


def test_yaml_1_1_booleans_are_flagged_with_a_hint_to_quote() -> None:
    assert messages(b"answer: yes\nother: Off\n") == [
        'f.yaml:1:9: unquoted yes is read as true/false by YAML; write "yes" in quotes if you '
        "mean the word",
        'f.yaml:2:8: unquoted Off is read as true/false by YAML; write "Off" in quotes if you '
        "mean the word",
    ]


def test_dates_times_and_octal_numbers_are_flagged() -> None:
    assert messages(b"d: 2026-11-25\nt: 17:20\no: 0123\n") == [
        'f.yaml:1:4: 2026-11-25 is read as a date by YAML; write "2026-11-25" in quotes',
        'f.yaml:2:4: 17:20 would be read as a number in an unexpected way; write "17:20" in quotes',
        'f.yaml:3:4: 0123 would be read as a number in an unexpected way; write "0123" in quotes',
    ]


def test_python_tags_are_refused_and_never_executed() -> None:
    doc = load_yaml(b'x: !!python/object/apply:os.system ["touch /tmp/pwned"]\n', "f.yaml")
    assert doc.fatal
    assert "tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed" in str(
        doc.problems[0]
    )


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, 30):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    start = time.perf_counter()
    doc = load_yaml("\n".join(lines).encode(), "f.yaml")
    assert time.perf_counter() - start < 2
    assert doc.fatal
    assert any("aliases (*a0) are not allowed" in str(p) for p in doc.problems)


def test_several_documents_are_refused() -> None:
    assert messages(b"a: 1\n---\nb: 2\n") == [
        "f.yaml:2:1: a pack file must hold one YAML document, not several"
    ]


def test_byte_order_mark_is_accepted() -> None:
    doc = load_yaml("\ufeffa: café\n".encode(), "f.yaml")
    assert doc.data == {"a": "café"}
    assert doc.problems == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_only_ever_give_problems(raw: bytes) -> None:
    doc = load_yaml(raw, "f.yaml")
    assert isinstance(doc.problems, list)


YAML_ALPHABET = st.sampled_from(
    [*"abc:-[]{},'\"&*!|>#%@` \n\t?~0123456789.", "yes", "no", "<<", "---", "\u2028", "é"]
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(YAML_ALPHABET, max_size=200).map("".join))
def test_yaml_like_text_only_ever_gives_problems_in_bounded_time(text: str) -> None:
    start = time.perf_counter()
    doc = load_yaml(text.encode("utf-8"), "f.yaml")
    assert time.perf_counter() - start < 2
    for problem in doc.problems:
        assert problem.file == "f.yaml"
        assert problem.message
