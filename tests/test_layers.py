"""The layers stay one-way: core imports no Qt or reportlab; pdf never imports ui or cli."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "thresholds_app"


def module_names(layer: str) -> list[str]:
    return sorted(
        "thresholds_app."
        + ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for p in (PACKAGE / layer).rglob("*.py")
    )


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_importing_all_of_core_loads_no_qt_and_no_reportlab() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {module_names('core')!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', "
        "'reportlab') or m.startswith(('thresholds_app.ui', 'thresholds_app.pdf', "
        "'thresholds_app.cli')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_no_lower_layer_imports_a_higher_one() -> None:
    higher = {
        "core": (
            "PySide6",
            "reportlab",
            "thresholds_app.pdf",
            "thresholds_app.ui",
            "thresholds_app.cli",
        ),
        "pdf": ("PySide6", "thresholds_app.ui", "thresholds_app.cli"),
        "cli": ("PySide6", "thresholds_app.ui"),
    }
    offenders = []
    for layer, banned in higher.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in imported_modules(path):
                if name.startswith(banned):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []
