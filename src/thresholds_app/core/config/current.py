"""The settings in force on this computer for this user."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from thresholds_app.core.base.records import replace
from thresholds_app.core.config.layers import PolicyData, Settings, default_values, resolve
from thresholds_app.core.config.policy import read_machine_policy
from thresholds_app.paths import is_source_checkout

DEVELOPMENT_NOTE = (
    "This copy of the app runs from its source code, so its own settings keep authoring mode on "
    "for development (marked on screen); an installed app has authoring mode off."
)


def current_settings(
    user: Mapping[str, Any] | None = None, policy: PolicyData | None = None
) -> Settings:
    """Machine policy (read now unless given), then ``user``'s values, then the defaults.

    A policy that exists but cannot be read leaves the app's own defaults. In a source checkout
    those keep authoring mode on (the development path: its pack is not signed, so with authoring
    off the app could not start at all), and the message says so rather than promising it off.
    """
    policy = read_machine_policy() if policy is None else policy
    checkout = is_source_checkout()
    if checkout and policy.unreadable:
        policy = replace(policy, messages=(*policy.messages, DEVELOPMENT_NOTE))
    return resolve(policy, user or {}, default_values(source_checkout=checkout))
