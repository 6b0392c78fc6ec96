"""Managed settings: the schema, the machine policy (file and registry) and the layers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from thresholds_app.core.config.layers import NO_POLICY, PolicyData, default_values, resolve
from thresholds_app.core.config.policy import (
    policy_file_path,
    read_machine_policy,
    read_policy_file,
    read_windows_policy,
)
from thresholds_app.core.config.schema import POLICY_KEY, SETTINGS, check_value


def write_policy(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_every_setting_has_a_default_of_its_own_kind_and_a_unique_registry_name() -> None:
    names = [s.registry_name.lower() for s in SETTINGS]
    assert len(set(names)) == len(names)
    assert len({s.key for s in SETTINGS}) == len(SETTINGS)
    for setting in SETTINGS:
        assert check_value(setting, setting.default) == setting.default
        assert setting.explain.endswith(".")


def test_defaults_are_strict_except_in_a_source_checkout() -> None:
    installed = resolve(NO_POLICY, {})
    assert installed["packs.authoring_mode"] == "off"
    assert installed["packs.trusted_keys"] == ()
    assert installed.values["privacy.idle_minutes"].source == "default"
    checkout = resolve(NO_POLICY, {}, default_values(source_checkout=True))
    assert checkout["packs.authoring_mode"] == "always"


def test_a_locked_setting_cannot_be_overridden_by_the_user(tmp_path: Path) -> None:
    policy = read_policy_file(write_policy(tmp_path, {"locked": {"privacy.idle_minutes": 3}}))
    settings = resolve(policy, {"privacy.idle_minutes": 12})
    assert settings["privacy.idle_minutes"] == 3
    assert settings.locked("privacy.idle_minutes")
    assert settings.values["privacy.idle_minutes"].source == "organisation"


def test_a_recommended_setting_is_the_default_the_user_may_change(tmp_path: Path) -> None:
    path = write_policy(tmp_path, {"recommended": {"privacy.draft_retention_days": 7}})
    policy = read_policy_file(path)
    assert resolve(policy, {})["privacy.draft_retention_days"] == 7
    chosen = resolve(policy, {"privacy.draft_retention_days": 20})
    assert chosen["privacy.draft_retention_days"] == 20
    assert not chosen.locked("privacy.draft_retention_days")


def test_a_user_can_never_set_what_only_the_organisation_may() -> None:
    sneaky = {
        "packs.trusted_keys": ["RWQ..."],
        "packs.authoring_mode": "always",
        "packs.location": "/tmp/my-pack",
        "drafts.allowed": False,
    }
    settings = resolve(NO_POLICY, sneaky)
    assert settings["packs.trusted_keys"] == ()
    assert settings["packs.authoring_mode"] == "off"
    assert settings["packs.location"] == ""
    assert settings["drafts.allowed"] is True


def test_a_bad_user_value_is_skipped_with_a_message() -> None:
    settings = resolve(NO_POLICY, {"privacy.idle_minutes": 99})
    assert settings["privacy.idle_minutes"] == 5
    assert "must be from 1 to 15" in settings.messages[0]


def test_the_policy_file_sets_keys_location_and_authoring(tmp_path: Path) -> None:
    document = {
        "locked": {
            "packs.trusted_keys": ["RWQkey1", "RWQkey2"],
            "packs.location": r"\\council\share\guidance\solihull-rhrt",
            "packs.authoring_mode": "on-request",
            "drafts.allowed": False,
        }
    }
    settings = resolve(read_policy_file(write_policy(tmp_path, document)), {})
    assert settings["packs.trusted_keys"] == ("RWQkey1", "RWQkey2")
    assert settings["packs.authoring_mode"] == "on-request"
    assert settings["drafts.allowed"] is False
    assert not settings.messages


DAMAGED = {
    "not json": b'{"locked": {"privacy.idle_minutes": 3,}',
    "not text": b"\xff\xfe\x00\x01\x02",
    "a list": b"[1, 2, 3]",
    "an unknown part": b'{"lockd": {}}',
    "empty": b"",
    "huge": b'{"locked": {}, "x": "' + b"a" * 300_000 + b'"}',
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_policy_file_gives_a_plain_message_and_safe_settings(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "policy.json"
    path.write_bytes(content)
    policy = read_policy_file(path)
    assert policy.locked == {}
    assert policy.recommended == {}
    assert len(policy.messages) == 1
    assert str(path) in policy.messages[0]
    assert "safe settings" in policy.messages[0]
    settings = resolve(policy, {"privacy.idle_minutes": 9})
    assert settings["packs.authoring_mode"] == "off"
    assert settings["privacy.idle_minutes"] == 9
    assert settings.messages == policy.messages


def test_a_damaged_policy_says_truly_what_authoring_mode_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from thresholds_app.core.config import current

    path = tmp_path / "policy.json"
    path.write_bytes(DAMAGED["not json"])
    damaged = read_policy_file(path)
    assert damaged.unreadable
    assert current.is_source_checkout()  # the tests run from the repository
    in_checkout = current.current_settings(policy=damaged)
    assert in_checkout["packs.authoring_mode"] == "always"  # development: the pack is unsigned
    assert in_checkout.messages == (*damaged.messages, current.DEVELOPMENT_NOTE)
    assert not current.current_settings(policy=NO_POLICY).messages
    monkeypatch.setattr(current, "is_source_checkout", lambda: False)  # an installed app
    installed = current.current_settings(policy=damaged)
    assert installed["packs.authoring_mode"] == "off"
    assert installed.messages == damaged.messages  # "its own safe settings": true here


def test_a_policy_file_that_is_a_folder_gives_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "policy.json"
    folder.mkdir()
    told = read_policy_file(folder)  # not a file: its own safe settings, and the admin is told
    assert told.unreadable
    assert "it is a folder, not a file" in told.messages[0]
    assert read_policy_file(tmp_path / "absent.json") == NO_POLICY


def test_bad_values_in_a_policy_are_skipped_one_by_one(tmp_path: Path) -> None:
    document = {
        "locked": {
            "privacy.idle_minutes": "five",
            "packs.authoring_mode": "sometimes",
            "privacy.idle_minute": 4,
            "privacy.draft_retention_days": 14,
        },
        "recommended": [],
    }
    policy = read_policy_file(write_policy(tmp_path, document))
    assert policy.locked == {"privacy.draft_retention_days": 14}
    text = "\n".join(policy.messages)
    assert "'privacy.idle_minutes' must be a whole number" in text
    assert "must be one of off, on-request, always" in text
    assert "did you mean 'privacy.idle_minutes'?" in text
    assert "'recommended' must be a set of settings" in text


def test_the_policy_file_lives_where_only_an_administrator_writes() -> None:
    assert policy_file_path("linux") == Path("/etc/thresholds-app/policy.json")
    assert policy_file_path("darwin").parts[:3] == ("/", "Library", "Application Support")


class FakeKey:
    def __init__(self, values: dict[str, tuple[Any, int]]) -> None:
        self.values = list(values.items())

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class FakeWinreg:
    """The few parts of ``winreg`` the reader uses, over a dict of key -> values."""

    HKEY_LOCAL_MACHINE = "HKLM"

    def __init__(self, keys: dict[str, dict[str, tuple[Any, int]]], denied: bool = False) -> None:
        self.keys = keys
        self.denied = denied

    def OpenKey(self, root: str, subkey: str) -> FakeKey:
        assert root == "HKLM"
        if self.denied:
            raise PermissionError(13, "Access is denied")
        if subkey not in self.keys:
            raise FileNotFoundError(subkey)
        return FakeKey(self.keys[subkey])

    def EnumValue(self, key: FakeKey, index: int) -> tuple[str, Any, int]:
        if index >= len(key.values):
            raise OSError("no more data")
        name, (data, kind) = key.values[index]
        return name, data, kind


REG_SZ, REG_DWORD, REG_MULTI_SZ = 1, 4, 7


def test_registry_values_map_onto_the_schema() -> None:
    registry = FakeWinreg(
        {
            POLICY_KEY: {
                "IdleMinutes": (3, REG_DWORD),
                "draftsallowed": (0, REG_DWORD),  # value names ignore case
                "TrustedKeys": (["RWQone", "RWQtwo"], REG_MULTI_SZ),
                "PackLocation": (r"\\share\guidance", REG_SZ),
                "SomethingElse": ("ignored", REG_SZ),
            },
            POLICY_KEY + r"\Recommended": {"DraftRetentionDays": (10, REG_DWORD)},
        }
    )
    policy = read_windows_policy(registry)
    assert policy.locked == {
        "privacy.idle_minutes": 3,
        "drafts.allowed": False,
        "packs.trusted_keys": ("RWQone", "RWQtwo"),
        "packs.location": r"\\share\guidance",
    }
    assert policy.recommended == {"privacy.draft_retention_days": 10}
    settings = resolve(policy, {"privacy.idle_minutes": 10})
    assert settings["privacy.idle_minutes"] == 3
    assert settings.locked("privacy.idle_minutes")


def test_a_list_in_one_registry_string_is_one_item_a_line() -> None:
    registry = FakeWinreg({POLICY_KEY: {"TrustedKeys": ("RWQone\r\nRWQtwo\r\n", REG_SZ)}})
    assert read_windows_policy(registry).locked["packs.trusted_keys"] == ("RWQone", "RWQtwo")


def test_no_policy_key_is_no_policy_and_a_bad_value_a_message() -> None:
    assert read_windows_policy(FakeWinreg({})) == NO_POLICY
    bad = read_windows_policy(FakeWinreg({POLICY_KEY: {"IdleMinutes": (60, REG_DWORD)}}))
    assert bad.locked == {}
    assert "must be from 1 to 15" in bad.messages[0]


def test_a_registry_that_refuses_access_gives_a_message_not_a_crash() -> None:
    policy = read_windows_policy(FakeWinreg({}, denied=True))
    assert isinstance(policy, PolicyData)
    assert "could not be read" in policy.messages[0]


def test_the_machine_policy_never_crashes_even_without_a_registry() -> None:
    policy = read_machine_policy("win32")  # no winreg on this computer
    assert policy.locked == {}
    assert "could not be read" in policy.messages[0]
