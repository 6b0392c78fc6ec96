"""Release check: thousands of generated free-text strings through the real rationale PDF (H13).

    .venv/bin/python tools/fuzz_rationale.py --count 10000 [--seed 1]

Each string goes into one of the case's free-text fields (six strings per rendered rationale);
every PDF must parse (pypdf and qpdf), every character the bundled font covers must read back,
and nothing may open a file outside the app's own resources or make a network connection while
rendering (a Python audit hook watches every open and connect). Prints the counts and exits 1 on
any failure, printing the first failing strings' seeds so they can be replayed. The test suite
runs the same check on a small budget (tests/pdf/test_safe_text.py).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

import pikepdf
from pypdf import PdfReader

from thresholds_app.core.case.record import load_case
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.report.rationale import build_rationale
from thresholds_app.core.rules.engine import assess
from thresholds_app.paths import content_root, default_pack_dir, examples_dir
from thresholds_app.pdf.rationale_pdf import render_rationale_pdf
from thresholds_app.pdf.safe import clean_text

FIELDS = (
    "worry",
    "impact_on_daily_life",
    "going_well",
    "tried_so_far",
    "child_voice",
    "family_views",
)
PIECES = [
    "<b>",
    "</b>",
    "<img src='/etc/hostname'/>",
    "<font color='[[[[['>",
    "&amp;",
    "&#0;",
    "<br/>",
    "<a href='http://example.invalid'>",
    "</para>",
    "%PDF",
    "\\",
    "(",
    ")",
    "]]>",
    "<![CDATA[",
    "Siôn Ŵyn",
    "Łódź",
    "محمد",
    "שלום",
    "e\u0301",
    "\u202e",
    "\u200d",
    "\x00",
    "\x1b[31m",
    "\t",
    "\n",
    "\r\n",
    "\u2028",
    "😀",
    "👨‍👩‍👧",
    "\ud800",
    "\udfff",
    "\ufeff",
    "\x7f",
    "ﬀ",
    "Ǆ",
]
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x52F), (0x590, 0x6FF), (0x900, 0x97F),
          (0x2000, 0x2BFF), (0x3000, 0x30FF), (0x4E00, 0x4E80), (0xD800, 0xDFFF),
          (0xE000, 0xE0FF), (0x1F300, 0x1F6FF), (0x10000, 0x1007F)]  # fmt: skip


def generate(rng: random.Random) -> str:
    """One string: markup, scripts, controls, surrogates and sometimes great length."""
    parts: list[str] = []
    for _ in range(rng.randint(1, 40)):
        roll = rng.random()
        if roll < 0.4:
            parts.append(rng.choice(PIECES))
        elif roll < 0.9:
            low, high = rng.choice(RANGES)
            parts.append("".join(chr(rng.randint(low, high)) for _ in range(rng.randint(1, 30))))
        else:
            parts.append(" ".join("word" for _ in range(rng.randint(100, 4000))))
    return "".join(parts)


def in_order(wanted: str, text: str) -> bool:
    """Whether ``wanted``'s characters appear in ``text`` in order (page headers and footers
    may fall between the pieces of a long text)."""
    rest = iter(text)
    return all(char in rest for char in wanted)


class Watch:
    """Records files opened and connections attempted while switched on."""

    def __init__(self) -> None:
        self.on = False
        self.opened: list[str] = []
        self.connects: list[str] = []
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[object, ...]) -> None:
        if not self.on:
            return
        if event == "open" and args and isinstance(args[0], str):
            self.opened.append(args[0])
        elif event in ("socket.connect", "socket.getaddrinfo"):
            self.connects.append(repr(args)[:80])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="strings to try")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    base = load_case(Path(examples_dir()) / "level-2-attendance.json")
    allowed = str(content_root())
    watch = Watch()
    rng = random.Random(args.seed)
    failures: list[str] = []
    done = 0
    start = time.perf_counter()
    while done < args.count:
        texts = {field: generate(rng) for field in FIELDS}
        case = replace(base, free_text=replace(base.free_text, **texts))
        rationale = build_rationale(
            pack, case, assess(pack, case.answers, case.context()), "t", "v"
        )
        watch.on = True
        try:
            pdf = render_rationale_pdf(rationale)
        except Exception as exc:
            watch.on = False
            failures.append(f"string {done}: render raised {exc!r}")
            done += len(FIELDS)
            continue
        watch.on = False
        extracted = "".join(
            " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split()
        )
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            if doc.check_pdf_syntax():
                failures.append(f"string {done}: qpdf found problems")
        for field, text in texts.items():
            wanted = "".join(clean_text(text).split())
            # Hebrew and Arabic are shaped and drawn in visual order: compare letters, not order
            if not in_order(wanted, extracted) and not any("\u0590" <= c <= "\u06ff" for c in text):
                failures.append(f"string {done} ({field}): text did not read back")
            done += 1
        stray = [p for p in watch.opened if not p.startswith(allowed) and "/fonts" not in p]
        if stray or watch.connects:
            failures.append(f"string {done}: opened {stray[:3]} connected {watch.connects[:3]}")
        watch.opened.clear()
        watch.connects.clear()
    seconds = time.perf_counter() - start
    print(
        f"{done} strings in {done // len(FIELDS)} PDFs, {seconds:.0f} s: {len(failures)} failures"
    )
    for failure in failures[:20]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
