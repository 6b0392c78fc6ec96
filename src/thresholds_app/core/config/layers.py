"""The settings in force: the organisation's policy, then the user's own, then the defaults.

For each setting in :data:`~.schema.SETTINGS`, the first of these that has a usable value wins:

1. a value the organisation **locked** (the policy file's ``locked`` part, or the registry
   values directly under the policy key): the user cannot change it;
2. the user's own value, for a setting a user may set;
3. a value the organisation **recommended** (``recommended``, or the ``Recommended`` subkey);
4. the app's default (a source checkout's defaults differ for authoring mode: see
   :func:`default_values`).

A value of the wrong kind is skipped with a plain message, never a crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from thresholds_app.core.base.records import record
from thresholds_app.core.config.schema import BY_KEY, SETTINGS, check_value

Source = Literal["organisation", "user", "default"]


@record
class PolicyData:
    """What the organisation set: locked and recommended values, and any problems reading it."""

    locked: Mapping[str, Any]
    recommended: Mapping[str, Any]
    messages: tuple[str, ...] = ()
    origin: str = ""  # the file or registry key it came from, for messages
    unreadable: bool = False  # it exists but could not be read: the safe defaults apply


NO_POLICY = PolicyData({}, {})


@record
class Value:
    """One setting's value, where it came from and whether the user may change it."""

    value: Any
    source: Source
    locked: bool


@record
class Settings:
    """Every setting's value in force, and the messages from working them out."""

    values: Mapping[str, Value]
    messages: tuple[str, ...] = ()

    def __getitem__(self, key: str) -> Any:
        return self.values[key].value

    def locked(self, key: str) -> bool:
        """True when the organisation set ``key`` and the user cannot change it."""
        return self.values[key].locked


def default_values(*, source_checkout: bool) -> dict[str, Any]:
    """The defaults: the schema's, except that a source checkout uses authoring mode.

    A developer or content author working from the repository has no signing key set up, and
    the pack there is edited all the time; everything made in authoring mode says so.
    """
    values = {s.key: s.default for s in SETTINGS}
    if source_checkout:
        values["packs.authoring_mode"] = "always"
    return values


def resolve(
    policy: PolicyData, user: Mapping[str, Any], defaults: Mapping[str, Any] | None = None
) -> Settings:
    """Work out every setting's value in force (see the module docstring)."""
    base = dict(defaults or default_values(source_checkout=False))
    messages = list(policy.messages)
    values: dict[str, Value] = {}
    for setting in SETTINGS:
        key = setting.key
        if key in policy.locked:
            values[key] = Value(policy.locked[key], "organisation", True)
            continue
        if setting.user and key in user:
            try:
                values[key] = Value(check_value(setting, user[key]), "user", False)
                continue
            except ValueError as error:
                messages.append(f"Your setting {setting.title!r} {error}, so it was not used.")
        if key in policy.recommended:
            values[key] = Value(policy.recommended[key], "organisation", False)
            continue
        values[key] = Value(base[key], "default", False)
    return Settings(values, tuple(messages))


def checked_part(
    raw: Mapping[str, Any], part: str, origin: str, messages: list[str]
) -> dict[str, Any]:
    """The usable values of one part of a policy (``locked`` or ``recommended``)."""
    from thresholds_app.core.base.problems import did_you_mean

    usable: dict[str, Any] = {}
    for key, value in raw.items():
        setting = BY_KEY.get(key)
        if setting is None:
            hint = did_you_mean(key, BY_KEY)
            messages.append(f"{origin}: {part} setting {key!r} is not a setting{hint}; ignored.")
            continue
        try:
            usable[key] = check_value(setting, value)
        except ValueError as error:
            messages.append(f"{origin}: {part} setting {key!r} {error}; ignored.")
    return usable
