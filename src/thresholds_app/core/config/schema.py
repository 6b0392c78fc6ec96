r"""Every setting an IT team can manage, described once.

This list is the single description of the app's managed settings. It drives:

- reading the machine policy (:mod:`.policy`: a JSON file on Linux and macOS, the registry
  under ``HKLM\\SOFTWARE\\Policies\\ThresholdsApp`` on Windows) and checking its values;
- the layered result (:mod:`.layers`: policy, then the user's own settings, then defaults);
- the ADMX/ADML templates for Group Policy and Intune (:mod:`.admx`, shipped in
  ``packaging/windows/policy/``; a test keeps them equal to this list);
- the settings screen, which shows a setting the organisation locked as set by it.

A setting marked ``user=False`` can only come from the organisation (or the default): a user
can never trust a signing key, turn on authoring mode or point the app at another pack.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from thresholds_app.core.base.records import record

Kind = Literal["bool", "int", "text", "choice", "list"]

POLICY_KEY = r"SOFTWARE\Policies\ThresholdsApp"
RECOMMENDED_SUBKEY = "Recommended"  # values here are defaults the user may change


@record
class Setting:
    """One managed setting."""

    key: str  # dotted, as in the policy file: "privacy.idle_minutes"
    registry_name: str  # the value's name under the policy key: "IdleMinutes"
    kind: Kind
    default: Any
    title: str  # short, for the settings screen and the Group Policy editor
    explain: str  # what it does, for the Group Policy editor and packaging/README.md
    user: bool = True  # may the user set it (when the organisation has not locked it)?
    low: int = 0
    high: int = 0
    choices: tuple[str, ...] = ()
    category: str = "General"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "packs.location",
        "PackLocation",
        "text",
        "",
        "Guidance pack folder",
        "The folder holding the partnership's signed guidance pack, for example a read-only "
        "network share. Empty: the pack installed with the app. If the pack there cannot be "
        "trusted, the app uses the newest pack it can trust and says so.",
        user=False,
        category="Guidance packs",
    ),
    Setting(
        "packs.trusted_keys",
        "TrustedKeys",
        "list",
        (),
        "Trusted pack signing keys",
        "The minisign public keys (one per line, the line starting RW...) whose signatures "
        "this computer accepts on guidance packs. Keys installed with the app are trusted too.",
        user=False,
        category="Guidance packs",
    ),
    Setting(
        "packs.authoring_mode",
        "AuthoringMode",
        "choice",
        "off",
        "Authoring mode",
        "Whether a pack that is not signed, or that changed since it was signed, may be used. "
        "off: never (for practitioners). on-request: only when started with --authoring (for "
        "the content team). always: the app uses any valid pack, marked as authoring mode on "
        "screen and on every page of a rationale. A source checkout defaults to always.",
        user=False,
        choices=("off", "on-request", "always"),
        category="Guidance packs",
    ),
    Setting(
        "partnership.name",
        "PartnershipName",
        "text",
        "",
        "Partnership name",
        "The safeguarding partnership's name, shown in the window title, on the start screen "
        "and in every rationale beside the guidance's own title. Empty: the guidance's title "
        "alone.",
        user=False,
        category="Partnership",
    ),
    Setting(
        "partnership.contacts",
        "ContactsOverride",
        "list",
        (),
        "Contact numbers override",
        "Local telephone numbers that replace the pack's, one per line as contact-id=number "
        "(for example mash=0121 788 4300). Each replaced number is marked as set by your "
        "organisation on screen and in every rationale. The immediate-danger number (999) can "
        "never be replaced; a line naming an unknown contact or holding something that is not "
        "a telephone number is ignored with a message, and the pack's number is used.",
        user=False,
        category="Partnership",
    ),
    Setting(
        "privacy.idle_minutes",
        "IdleMinutes",
        "int",
        5,
        "Hide details after (minutes)",
        "Minutes without use before the screen hides the child's details (1 to 15).",
        low=1,
        high=15,
        category="Privacy",
    ),
    Setting(
        "drafts.allowed",
        "DraftsAllowed",
        "bool",
        True,
        "Keep encrypted drafts",
        "Whether unfinished work is saved, encrypted, on this computer as it is typed. When "
        "off, unfinished work is kept in memory only and lost if the app is closed.",
        user=False,
        category="Privacy",
    ),
    Setting(
        "privacy.draft_retention_days",
        "DraftRetentionDays",
        "int",
        30,
        "Keep unfinished drafts for (days)",
        "Days an unfinished, unexported draft is kept before it is deleted (1 to 90).",
        low=1,
        high=90,
        category="Privacy",
    ),
)

BY_KEY: Mapping[str, Setting] = {s.key: s for s in SETTINGS}


def check_value(setting: Setting, value: Any) -> Any:
    """Return ``value`` in the setting's own type, or raise ValueError with a plain reason."""
    kind = setting.kind
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):  # a registry DWORD
            return bool(value)
        raise ValueError("must be true or false")
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("must be a whole number")
        if not setting.low <= value <= setting.high:
            raise ValueError(f"must be from {setting.low} to {setting.high}")
        return value
    if kind == "list":
        if isinstance(value, str):  # one line per item is how a registry string holds a list
            value = value.splitlines()
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ValueError("must be a list of text lines")
        return tuple(v.strip() for v in value if v.strip())
    if not isinstance(value, str):
        raise ValueError("must be text")
    if kind == "choice" and value not in setting.choices:
        raise ValueError("must be one of " + ", ".join(setting.choices))
    return value
