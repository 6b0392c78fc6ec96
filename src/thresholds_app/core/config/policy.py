r"""Reading the organisation's machine policy: a JSON file, or the Windows policy registry key.

Linux: ``/etc/thresholds-app/policy.json``. macOS:
``/Library/Application Support/thresholds-app/policy.json``. Both are writable only by an
administrator. The file looks like this (every key is optional)::

    {
      "locked": {"packs.trusted_keys": ["RW..."], "packs.authoring_mode": "off"},
      "recommended": {"privacy.idle_minutes": 5}
    }

Windows: the values under ``HKLM\\SOFTWARE\\Policies\\ThresholdsApp`` are locked; those under its
``Recommended`` subkey are defaults the user may change. Group Policy or Intune set them from the
ADMX template in ``packaging/windows/policy/``. The names are the schema's ``registry_name``
(DWORD for numbers and true/false, REG_SZ for text, REG_MULTI_SZ or one line per item for lists).

A policy that cannot be read never stops the app: it gives a plain message and the app's own
safe settings (authoring mode off, no extra trusted keys), never a crash. The one exception is
a source checkout (development), whose own settings keep authoring mode on: its message says so
(:func:`thresholds_app.core.config.current.current_settings`). There is deliberately
no environment variable or user file that can stand in for the machine policy.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from thresholds_app.core.base.plain_file import UnreadableFile, read_plain_file
from thresholds_app.core.config.layers import NO_POLICY, PolicyData, checked_part
from thresholds_app.core.config.schema import POLICY_KEY, RECOMMENDED_SUBKEY, SETTINGS

MAX_POLICY_BYTES = 256 * 1024
PARTS = ("locked", "recommended")


def policy_file_path(platform: str = sys.platform) -> Path:
    """Where the machine policy file lives on Linux and macOS."""
    if platform == "darwin":
        return Path("/Library/Application Support/thresholds-app/policy.json")
    return Path("/etc/thresholds-app/policy.json")


def _unreadable(origin: str, why: str) -> PolicyData:
    message = (
        f"The organisation's settings in {origin} could not be read ({why}), so the app is "
        "using its own safe settings. Tell whoever looks after this computer."
    )
    return PolicyData({}, {}, (message,), origin, unreadable=True)


def read_policy_file(path: Path) -> PolicyData:
    """Read a policy file; a missing file is no policy, a damaged one a message."""
    origin = str(path)
    if not os.path.lexists(path):
        return NO_POLICY
    try:
        data = read_plain_file(path, MAX_POLICY_BYTES)
    except UnreadableFile as why:
        return _unreadable(origin, str(why))
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _unreadable(origin, "it is not text")
    except json.JSONDecodeError as error:
        return _unreadable(origin, f"line {error.lineno}, column {error.colno}: {error.msg}")
    if not isinstance(document, dict) or not set(document) <= set(PARTS):
        return _unreadable(origin, 'it must hold only "locked" and "recommended"')
    messages: list[str] = []
    parts: dict[str, dict[str, Any]] = {}
    for part in PARTS:
        raw = document.get(part, {})
        if not isinstance(raw, dict):
            messages.append(f"{origin}: {part!r} must be a set of settings; ignored.")
            raw = {}
        parts[part] = checked_part(raw, part, origin, messages)
    return PolicyData(parts["locked"], parts["recommended"], tuple(messages), origin)


def registry_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Registry value names and data -> setting keys and values, for the known names only."""
    by_name = {s.registry_name.lower(): s for s in SETTINGS}
    mapped: dict[str, Any] = {}
    for name, data in values.items():
        setting = by_name.get(name.lower())  # the registry ignores case in value names
        if setting is not None:
            mapped[setting.key] = data
    return mapped


def read_windows_policy(registry: Any = None) -> PolicyData:
    r"""Read ``HKLM\\SOFTWARE\\Policies\\ThresholdsApp`` (``registry``: winreg, or a fake)."""
    if registry is None:
        import winreg as registry  # type: ignore[import-not-found,no-redef,unused-ignore]
    origin = "HKLM\\" + POLICY_KEY
    messages: list[str] = []
    parts: dict[str, dict[str, Any]] = {}
    for part, subkey in (
        ("locked", POLICY_KEY),
        ("recommended", rf"{POLICY_KEY}\{RECOMMENDED_SUBKEY}"),
    ):
        try:
            raw = _key_values(registry, subkey)
        except OSError as error:
            return _unreadable(origin, getattr(error, "strerror", None) or "access was refused")
        parts[part] = checked_part(registry_values(raw), part, origin, messages)
    if not parts["locked"] and not parts["recommended"] and not messages:
        return NO_POLICY
    return PolicyData(parts["locked"], parts["recommended"], tuple(messages), origin)


def _key_values(registry: Any, subkey: str) -> dict[str, Any]:
    r"""Every value under ``HKLM\\subkey`` (none if the key does not exist)."""
    try:
        handle = registry.OpenKey(registry.HKEY_LOCAL_MACHINE, subkey)
    except FileNotFoundError:
        return {}
    values: dict[str, Any] = {}
    with handle:
        index = 0
        while True:
            try:
                name, data, _kind = registry.EnumValue(handle, index)
            except OSError:  # no more values
                return values
            values[str(name)] = data
            index += 1


def read_machine_policy(platform: str = sys.platform) -> PolicyData:
    """This computer's policy, from the registry on Windows or the policy file elsewhere."""
    if platform == "win32":
        try:
            return read_windows_policy()
        except Exception as error:
            return _unreadable("the Windows registry", type(error).__name__)
    return read_policy_file(policy_file_path(platform))
