"""Write the Windows version resource PyInstaller puts in thresholds-app.exe.

    python packaging/windows/version_file.py build/version.txt
    set THRESHOLDS_VERSION_FILE=build\\version.txt   (the spec reads it)

Explorer's Details tab, application control rules and inventory tools read the product name,
company and version from it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from thresholds_app import __version__

TEMPLATE = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080904B0', [
      StringStruct('CompanyName', 'thresholds_app team'),
      StringStruct('FileDescription', 'Right Help, Right Time threshold assistant'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'thresholds-app'),
      StringStruct('OriginalFilename', 'thresholds-app.exe'),
      StringStruct('ProductName', 'Right Help, Right Time'),
      StringStruct('ProductVersion', '{version}'),
      StringStruct('LegalCopyright', 'MIT licence')])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])
  ]
)
"""


def render(version: str = __version__) -> str:
    parts = [int(p) for p in version.split(".")[:3]]
    numbers = tuple([*parts, 0][:4])
    return TEMPLATE.format(numbers=numbers, version=version)


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(render(), encoding="utf-8")
