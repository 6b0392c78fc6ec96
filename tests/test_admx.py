"""The Group Policy templates shipped in packaging/windows/policy/ match the settings schema."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from thresholds_app.core.config.admx import templates
from thresholds_app.core.config.schema import POLICY_KEY, SETTINGS

POLICY_DIR = Path(__file__).resolve().parents[1] / "packaging" / "windows" / "policy"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}


def test_the_shipped_templates_are_the_generated_ones() -> None:
    for name, text in templates().items():
        shipped = (POLICY_DIR / name).read_text(encoding="utf-8")
        assert shipped == text, f"{name} is out of date: run python tools/gen_admx.py"


def test_every_setting_is_a_policy_and_every_reference_resolves() -> None:
    admx_text = (POLICY_DIR / "thresholds-app.admx").read_text(encoding="utf-8")
    adml_text = (POLICY_DIR / "en-GB" / "thresholds-app.adml").read_text(encoding="utf-8")
    admx, adml = ET.fromstring(admx_text), ET.fromstring(adml_text)
    policies = {p.get("name"): p for p in admx.iterfind(".//p:policy", NS)}
    for setting in SETTINGS:
        policy = policies[setting.registry_name]
        assert policy.get("key") == POLICY_KEY
        assert policy.get("class") == "Machine"
        if setting.user:
            assert (
                policies[setting.registry_name + "_Recommended"]
                .get("key")
                .endswith(r"\Recommended")
            )
    strings = {s.get("id") for s in adml.iterfind(".//p:string", NS)}
    assert set(re.findall(r"\$\(string\.(\w+)\)", admx_text)) <= strings
    presentations = {p.get("id"): p for p in adml.iterfind(".//p:presentation", NS)}
    for name in re.findall(r"\$\(presentation\.(\w+)\)", admx_text):
        element_ids = {e.get("id") for e in policies[name].iterfind("p:elements/*", NS)}
        ref_ids = {e.get("refId") for e in presentations[name]}
        assert element_ids == ref_ids == {name}
