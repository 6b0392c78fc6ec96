"""List the program files in a build folder that carry no Authenticode signature.

    python packaging/windows/unsigned_files.py BUILD_FOLDER [--verify]

Application control (WDAC, AppLocker) on council and NHS PCs checks every DLL, not just the
.exe. PyInstaller signs nothing; Qt's DLLs come signed by The Qt Company, most compiled Python
modules (.pyd) and PyInstaller's own bootloader do not. This lists every .exe, .dll and .pyd
whose PE header has no embedded signature (its security directory is empty), so a release build
can stop before an unsigned file ships. It reads the headers itself, so it runs on any computer;
``--verify`` also asks Windows' ``signtool verify /pa`` whether each signature is valid.
Exit 0 when everything is signed, 1 when something is not, 2 usage.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
from pathlib import Path

PROGRAM_SUFFIXES = (".exe", ".dll", ".pyd")
SECURITY_DIRECTORY = 4  # IMAGE_DIRECTORY_ENTRY_SECURITY


def has_embedded_signature(path: Path) -> bool:
    """True when the PE file's security directory points at a signature."""
    with path.open("rb") as handle:
        header = handle.read(4096)
    if len(header) < 0x40 or header[:2] != b"MZ":
        return False
    (pe_offset,) = struct.unpack_from("<I", header, 0x3C)
    if header[pe_offset : pe_offset + 4] != b"PE\0\0":
        return False
    optional = pe_offset + 4 + 20
    (magic,) = struct.unpack_from("<H", header, optional)
    directories = optional + (112 if magic == 0x20B else 96)  # PE32+ or PE32
    entry = directories + 8 * SECURITY_DIRECTORY
    if entry + 8 > len(header):
        return False
    address, size = struct.unpack_from("<II", header, entry)
    return address != 0 and size != 0


def unsigned_files(folder: Path) -> list[Path]:
    """Every program file under ``folder`` without an embedded signature, sorted."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in PROGRAM_SUFFIXES and path.is_file()
        and not has_embedded_signature(path)
    )  # fmt: skip


def signtool_refuses(path: Path) -> bool:
    """True when ``signtool verify /pa`` does not accept the file's signature."""
    done = subprocess.run(["signtool", "verify", "/pa", "/q", str(path)], capture_output=True)
    return done.returncode != 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--verify", action="store_true", help="also check with signtool")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder} is not a folder", file=sys.stderr)
        return 2
    missing = unsigned_files(args.folder)
    if args.verify:
        if shutil.which("signtool") is None:
            print("signtool is not on PATH (Windows SDK)", file=sys.stderr)
            return 2
        signed = [p for p in args.folder.rglob("*") if p.suffix.lower() in PROGRAM_SUFFIXES]
        missing += [p for p in signed if p not in missing and signtool_refuses(p)]
    for path in missing:
        print(path.relative_to(args.folder))
    total = sum(1 for p in args.folder.rglob("*") if p.suffix.lower() in PROGRAM_SUFFIXES)
    print(f"{len(missing)} of {total} program files are not signed", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
