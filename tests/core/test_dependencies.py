"""Known-unsafe dependency versions are refused where each library is first used (H19)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from thresholds_app.core.base.dependencies import UnsafeDependencyError, release, require_safe

SRC = Path(__file__).resolve().parents[2] / "src" / "thresholds_app"


@pytest.mark.parametrize(
    ("name", "version"),
    [
        ("reportlab", "3.6.12"),
        ("reportlab", "3.5"),
        ("PyYAML", "5.3.1"),
        ("cryptography", "41.0.7"),
    ],
)
def test_a_known_bad_version_is_refused_in_plain_words(name: str, version: str) -> None:
    with pytest.raises(UnsafeDependencyError, match=f"{name} {version} is installed"):
        require_safe(name, version)


@pytest.mark.parametrize(
    ("name", "version"), [("reportlab", "3.6.13"), ("reportlab", "5.1.0"), ("PyYAML", "6.0.2")]
)
def test_safe_versions_pass(name: str, version: str) -> None:
    require_safe(name, version)


def test_version_strings() -> None:
    assert release("3.6.13rc1") == (3, 6, 13)
    assert release("v42.0.1") == (42, 0, 1)
    assert release("garbage") == ()
    with pytest.raises(UnsafeDependencyError):
        require_safe("reportlab", "garbage")


def test_the_pdf_layer_refuses_an_old_reportlab_before_rendering() -> None:
    code = (
        "import reportlab; reportlab.Version = '3.6.12'\n"
        "try:\n    import thresholds_app.pdf.rationale_pdf\n"
        "except Exception as exc:\n    print(type(exc).__name__, exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("UnsafeDependencyError reportlab 3.6.12 is installed")


def test_yaml_is_only_ever_parsed_safely() -> None:
    """Only the hardened reader parses YAML, through parser events: never yaml.load and kin."""
    unsafe = {"load", "full_load", "unsafe_load", "load_all", "full_load_all", "unsafe_load_all"}
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "yaml"
                and (node.attr in unsafe or node.attr in {"Loader", "FullLoader", "UnsafeLoader"})
            ):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: yaml.{node.attr}")
    assert found == []
