"""Case files: round trips, atomic saves, plain messages for bad files, re-assessment."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sample_packs import sample_case, sample_pack
from thresholds_app.core.base.records import replace as replace_record
from thresholds_app.core.base.wording import identifier_text
from thresholds_app.core.case.record import (
    CASE_FORMAT_VERSION,
    CaseFileError,
    CaseRecord,
    ConsentRecord,
    PackRef,
    SteppingRecord,
    case_from_json,
    case_to_json,
    load_case,
    new_case,
    reassess_if_pack_changed,
    save_case,
)
from thresholds_app.core.rules.engine import assess
from thresholds_app.paths import examples_dir


@pytest.fixture
def case() -> CaseRecord:
    pack = sample_pack()
    record = sample_case(pack)
    record.assessment = assess(pack, record.answers, record.context())
    record.stepping = SteppingRecord("up", ["step-up-needs"], "Needs growing.")
    return record


def test_round_trip_keeps_everything(tmp_path: Path, case: CaseRecord) -> None:
    path = tmp_path / "case.json"
    save_case(case, path, touch=False)
    assert load_case(path) == case


def test_saved_document_has_the_documented_shape(tmp_path: Path, case: CaseRecord) -> None:
    data = json.loads(case_to_json(case))
    assert data["format"] == "thresholds-case"
    assert data["format_version"] == CASE_FORMAT_VERSION
    assert list(data) == [
        "format",
        "format_version",
        "case_id",
        "created",
        "updated",
        "pack",
        "started_with",
        "child",
        "answers",
        "household",
        "free_text",
        "assessment",
        "decision",
        "consent",
        "referrer",
        "next_steps",
        "stepping",
        "reviews",
    ]
    assert data["pack"] == {"id": "sample-pack", "version": "9.9.9", "hash": case.pack.hash}
    assert data["assessment"]["indicated_level"] == 3


def test_new_case_has_empty_decision_and_no_name() -> None:
    pack = sample_pack()
    case = new_case(pack)
    assert case.decision.level is None
    assert case.decision.reasons == ""
    assert case.child.name == ""
    assert case.pack == PackRef.of(pack)
    assert new_case().case_id != case.case_id


def test_save_updates_the_time(tmp_path: Path, case: CaseRecord) -> None:
    case.updated = "2000-01-01T00:00:00Z"
    save_case(case, tmp_path / "c.json")
    assert case.updated != "2000-01-01T00:00:00Z"
    assert load_case(tmp_path / "c.json").updated == case.updated


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "1: it is not a case file (it is not UTF-8 text).",
        ),
        (b"{not json", "Line 1, column 2: it is not valid JSON: a field name in quotes"),
        (b'{"format": "thresholds-case", "format_ver', "it is not valid JSON"),
        (b"[1, 2, 3]", "bad.json: it is not a thresholds case file."),
        (b'{"format": "something-else"}', "it is not a thresholds case file."),
        (b'{"format": "thresholds-case"}', "format version is missing or not a whole number."),
        (b'{"format": "thresholds-case", "format_version": 99}', "saved by a newer version"),
        (b"[" * 100000, "it is nested too deeply to be a case file."),
        (b"", "the file is empty"),
    ],
)
def test_bad_files_give_plain_messages(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith("bad.json")
    assert "Traceback" not in str(caught.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("case_id"), "the top level is missing the field 'case_id'."),
        (lambda d: d["answers"].update({"x-l2": "maybe"}), "answers.x-l2 should be one of"),
        (lambda d: d["decision"].update({"level": 7}), "decision.level should be at most 4."),
        (
            lambda d: d["child"].update({"surname": "Smith"}),
            "child has a field this app does not know",
        ),
        (
            lambda d: d["household"][0].update({"assessed": "yes"}),
            "household[0].assessed should be",
        ),
    ],
)
def test_damaged_fields_are_named(
    tmp_path: Path, case: CaseRecord, change: object, message: str
) -> None:
    data = case.to_dict()
    change(data)  # type: ignore[operator]
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert message in str(caught.value)
    assert len(caught.value.problems) == 1


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="could not be found"):
        load_case(tmp_path / "nope.json")
    with pytest.raises(CaseFileError, match="is a folder"):
        load_case(tmp_path)


def test_same_pack_needs_no_reassessment(case: CaseRecord) -> None:
    pack = sample_pack()
    assert reassess_if_pack_changed(case, pack, assess) == []


def test_other_pack_version_is_reassessed_and_changes_listed(case: CaseRecord) -> None:
    old_pack = sample_pack()
    new_manifest = replace_record(old_pack.manifest, version="10.0.0")
    new_pack = replace_record(old_pack, manifest=new_manifest, content_hash="f" * 64)
    case.answers["dn-injury-unexplained-l4"] = "yes"
    case.answers["gone-indicator-l2"] = "yes"
    decision_before = replace(case.decision)
    messages = reassess_if_pack_changed(case, new_pack, assess)
    assert messages == [
        f"This case was made with guidance pack sample-pack 9.9.9 ({old_pack.short_hash}); it was "
        "re-assessed with sample-pack 10.0.0 (ffffffffffff).",
        "The level the guidance indicates changed from Level 3 to Level 4.",
        "New reason: A Level 4 concern is present.",
        "These answers are not in this pack and were not used: gone-indicator-l2.",
    ]
    assert case.pack.version == "10.0.0"
    assert case.assessment is not None
    assert case.assessment.indicated_level == 4
    assert case.decision == decision_before  # the practitioner must look again themselves


def test_other_pack_with_same_outcome_says_unchanged(case: CaseRecord) -> None:
    pack = replace_record(sample_pack(), content_hash="0" * 64)
    messages = reassess_if_pack_changed(case, pack, assess)
    assert messages[-1] == "The level the guidance indicates is unchanged."


def test_examples_load_and_are_export_ready() -> None:
    from thresholds_app.core.case.readiness import find_blockers
    from thresholds_app.core.pack.load import load_pack
    from thresholds_app.paths import default_pack_dir

    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    files = sorted(examples_dir().glob("*.json"))
    assert len(files) >= 3
    for path in files:
        case = load_case(path)
        assert case.child.name == "", path.name
        assert find_blockers(pack, case, case.assessment) == (), path.name


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(assessment=JSON, extra=JSON)
def test_any_json_gives_a_case_or_a_plain_error(assessment: object, extra: object) -> None:
    pack = sample_pack()
    data = sample_case(pack).to_dict()
    data["assessment"] = assessment
    data["decision"] = extra
    message = "The file opened."
    try:
        case_from_json(json.dumps(data))
    except CaseFileError as exc:
        message = str(exc)
    assert message.startswith("The file")


@settings(max_examples=100, deadline=None)
@given(document=JSON)
def test_any_json_document_gives_a_plain_error(document: object) -> None:
    with pytest.raises(CaseFileError):
        case_from_json(json.dumps(document))


@settings(max_examples=50, deadline=None)
@given(text=st.text())
def test_any_text_survives_a_save(text: str) -> None:
    import tempfile

    case = sample_case(sample_pack())
    case.free_text.worry = text
    case.child.reference = text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.json"
        save_case(case, path, touch=False)
        loaded = load_case(path)
    assert loaded.free_text.worry == text  # free text exactly as written
    assert loaded.child.reference == identifier_text(text)  # an identifier: no bidi controls


def test_identifiers_are_read_without_bidi_controls_and_free_text_keeps_them(
    tmp_path: Path,
) -> None:
    # QA #7: U+202E in a reference showed "1234-AQ" in the editor; the list and PDF stripped it.
    case = sample_case(sample_pack())
    case.child.reference = "QA-\u202e1234"
    case.child.household_reference = "\u2067HH-9\u2069"
    case.child.name = "\u200fשרה כהן"
    case.household[0].label = "Sibling \u202dA"
    case.household[0].relationship = "brother\u200e"
    case.referrer.name = "A. Teacher\u061c"
    case.free_text.child_voice = "\u200fאני רעב כל בוקר"
    save_case(case, tmp_path / "c.json")
    loaded = load_case(tmp_path / "c.json")
    assert loaded.child.reference == "QA-1234"
    assert loaded.child.household_reference == "HH-9"
    assert loaded.child.name == "שרה כהן"
    assert (loaded.household[0].label, loaded.household[0].relationship) == ("Sibling A", "brother")
    assert loaded.referrer.name == "A. Teacher"
    assert loaded.free_text.child_voice == "\u200fאני רעב כל בוקר"  # right-to-left text kept


def test_lone_surrogate_is_saved_as_a_replacement_character(tmp_path: Path) -> None:
    case = sample_case(sample_pack())
    case.free_text.child_voice = "half an emoji \ud83d here"
    save_case(case, tmp_path / "c.json")
    (tmp_path / "c.json").read_text(encoding="utf-8")  # plain UTF-8, no escapes needed
    assert load_case(tmp_path / "c.json").free_text.child_voice == "half an emoji \ufffd here"


def test_a_case_file_with_only_the_required_fields_opens_as_an_empty_case() -> None:
    """The schema requires only these five fields; every other part has a safe default.

    Found by mutation testing (docs/safety/mutation.md): no test opened such a file, so a
    missing default (which would call the file damaged) went unnoticed.
    """
    document = {
        "format": "thresholds-case",
        "format_version": CASE_FORMAT_VERSION,
        "case_id": "00000000-0000-4000-8000-000000000009",
        "created": "2026-01-05T09:30:00Z",
        "pack": {"id": "solihull-rhrt", "version": "0.2.1", "hash": ""},
    }
    expected = CaseRecord(
        case_id=document["case_id"],
        created=document["created"],
        pack=PackRef("solihull-rhrt", "0.2.1", ""),
    )
    assert case_from_json(json.dumps(document)) == expected
    with_consent = case_from_json(json.dumps(document | {"consent": {"sought": True}}))
    assert with_consent.consent == ConsentRecord(sought=True)  # nothing shared


def test_text_read_without_a_name_is_called_the_file() -> None:
    from thresholds_app.core.case.record import read_case_text

    with pytest.raises(CaseFileError, match=r"^The file: it is not a thresholds case file"):
        read_case_text("[]")


def test_the_case_gives_the_engine_the_child_s_age_band_and_the_clock() -> None:
    """A baby's explained bruise is Level 4 only because the case's age band reaches the engine;
    the moment given (the export's) decides whether the guidance is in force."""
    from datetime import datetime

    from thresholds_app.core.pack.load import load_pack
    from thresholds_app.core.rules.assessment import Context
    from thresholds_app.paths import default_pack_dir

    real = load_pack(default_pack_dir()).pack
    assert real is not None
    case = new_case(real)
    case.child.age_band = "under-1"
    case.answers = {"immediate-danger": "no", "dn-bruise-explained-l1": "yes"}
    moment = datetime(2026, 1, 12, 11, 30)
    assert case.context(moment) == Context(age_band="under-1", now=moment)
    assert case.context() == Context(age_band="under-1", now=None)
    assert assess(real, case.answers, case.context()).indicated_level == 4
    case.child.age_band = "11-15"
    assert assess(real, case.answers, case.context()).indicated_level == 1
    expired = assess(real, case.answers, case.context(datetime(2028, 6, 15, 12, 0)))
    assert expired.level_withheld


def test_a_new_case_is_last_updated_when_it_was_created() -> None:
    case = new_case(sample_pack())
    assert case.updated == case.created
    assert case.updated.endswith("Z")
