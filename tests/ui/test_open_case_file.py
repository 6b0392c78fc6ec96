"""Opening a case file in the app: every problem listed with its line, and notices shown."""

from __future__ import annotations

import json

from assessment_kit import make_window, opened

from thresholds_app.core.case.record import case_to_json, new_case
from thresholds_app.ui.main_window import PAGE_ASSESSMENT


def _capture(window, monkeypatch):  # type: ignore[no-untyped-def]
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "inform", lambda title, text: messages.append((title, text)))
    return messages


def test_a_damaged_file_lists_every_problem_with_its_line(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    data = json.loads(case_to_json(new_case(window.pack)))
    data["decision"]["levle"] = 3
    data["child"]["reference"] = 7
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    messages = _capture(window, monkeypatch)
    assert opened(qtbot, window.open_case_path(bad)) is False
    ((title, text),) = messages
    assert title == "Cannot open the case file"
    lines = text.splitlines()
    assert lines[0] == "bad.json cannot be opened (2 problems):"
    assert lines[1].startswith("  Line ")
    assert "child.reference should be text, not a whole number." in lines[1]
    assert "'levle' (did you mean 'level'?)" in lines[2]
    assert window.current_page_key() == "start"


def test_unknown_answers_and_broken_characters_are_shown_on_opening(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    case = new_case(window.pack)
    case.answers["immediate-dangerr"] = "yes"
    case.free_text.worry = "@@"
    path = tmp_path / "case.json"
    path.write_text(case_to_json(case).replace("@@", "\\ud83d"), encoding="utf-8")
    messages = _capture(window, monkeypatch)
    assert opened(qtbot, window.open_case_path(path)) is True
    assert window.current_page_key() == PAGE_ASSESSMENT
    title, text = messages[0]
    assert title == "Please check this case file"
    assert "'immediate-dangerr' was not used" in text
    assert "(did you mean 'immediate-danger'?)" in text
    assert "broken character" in text
    assert all(line.startswith("Line ") for line in text.splitlines())
    page = window.page(PAGE_ASSESSMENT)
    assert page.state.case.free_text.worry == "\ufffd"


def test_autosave_keeps_working_with_half_a_character(qtbot, small_pack, tmp_path):  # type: ignore[no-untyped-def]
    from cryptography.fernet import Fernet

    from thresholds_app.core.drafts.store import DraftStore
    from thresholds_app.ui.autosave import Autosave, case_from_draft
    from thresholds_app.ui.case_state import CaseState

    class Keys:
        available = True
        reason = ""
        _key = Fernet.generate_key()

        def key(self) -> bytes:
            return self._key

    store = DraftStore(tmp_path / "drafts", Keys())
    state = CaseState(small_pack)
    saver = Autosave(state, store, idle_ms=20, max_ms=1_000)
    with qtbot.waitSignal(saver.saved, timeout=2000):
        state.case.free_text.worry = "pasted \ud83d half an emoji"  # as a damaged paste leaves it
        state.touch()
    assert case_from_draft(store.load(saver.draft.id)).free_text.worry == (
        "pasted \ufffd half an emoji"
    )
