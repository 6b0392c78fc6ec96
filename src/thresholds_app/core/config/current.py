"""The settings in force on this computer for this user."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from thresholds_app.core.config.layers import PolicyData, Settings, default_values, resolve
from thresholds_app.core.config.policy import read_machine_policy
from thresholds_app.paths import is_source_checkout


def current_settings(
    user: Mapping[str, Any] | None = None, policy: PolicyData | None = None
) -> Settings:
    """Machine policy (read now unless given), then ``user``'s values, then the defaults."""
    return resolve(
        read_machine_policy() if policy is None else policy,
        user or {},
        default_values(source_checkout=is_source_checkout()),
    )
