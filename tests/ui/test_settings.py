"""Preferences: remembered, checked, reset with a warning when damaged, never personal data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from thresholds_app.ui.settings import AppSettings


def test_defaults(tmp_path: Path) -> None:
    s = AppSettings(tmp_path / "s.ini")
    assert s.idle_minutes == 5
    assert s.draft_retention_days == 30
    assert s.text_scale == 1.0
    assert s.high_contrast == "auto"
    assert s.last_folder == ""
    assert s.warnings == []


def test_values_round_trip_and_are_clamped(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = AppSettings(path)
    s.idle_minutes = 60
    s.draft_retention_days = 7
    s.text_scale = 1.25
    s.high_contrast = "on"
    s.sync()
    again = AppSettings(path)
    assert again.idle_minutes == 15  # never more than 15 minutes
    assert again.draft_retention_days == 7
    assert again.text_scale == 1.25
    assert again.high_contrast == "on"
    again.idle_minutes = 0
    assert again.idle_minutes == 1


def test_only_folders_are_remembered(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    case = folder / "Jane-Doe-referral.json"
    case.write_text("{}")
    path = tmp_path / "s.ini"
    s = AppSettings(path)
    s.remember_folder(case)
    s.sync()
    assert s.last_folder == str(folder)
    assert "Jane-Doe" not in path.read_text()


def test_damaged_file_resets_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_bytes(b"[privacy]\nidle_minutes=3\n[[[\n\xff\xfe = = broken\n")
    messages: list[str] = []
    s = AppSettings(path, warn=messages.append)
    assert messages
    assert "damaged" in messages[0]
    assert s.idle_minutes == 5
    s.idle_minutes = 4
    s.sync()
    assert AppSettings(path).idle_minutes == 4


def test_random_bytes_reset_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_bytes(bytes(range(256)) * 4)
    s = AppSettings(path)
    assert s.warnings
    assert s.text_scale == 1.0


def test_wrong_kind_of_value_resets_that_key(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[privacy]\nidle_minutes=soon\n[appearance]\nhigh_contrast=purple\n")
    s = AppSettings(path)
    assert s.idle_minutes == 5
    assert s.high_contrast == "auto"
    assert len(s.warnings) == 2


def test_unknown_keys_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[recent]\nfiles=/home/x/child-name.json\n[privacy]\nidle_minutes=7\n")
    s = AppSettings(path)
    s.sync()
    assert "child-name" not in path.read_text()
    assert s.idle_minutes == 7


def test_window_geometry_is_remembered(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(700, 500)
    AppSettings(path).save_window(window)
    other = QMainWindow()
    qtbot.addWidget(other)
    assert AppSettings(path).restore_window(other)
    assert other.size().width() == 700
    assert other.size().height() == 500


def test_bad_geometry_is_ignored(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[window]\ngeometry=@ByteArray(nonsense)\n")
    window = QMainWindow()
    qtbot.addWidget(window)
    s = AppSettings(path)
    assert not s.restore_window(window)
    assert s.warnings
