"""Start the desktop app in two phases: load the guidance, then build the windows.

Phase one loads the pack with the core loader before any window exists. A broken pack is never
used: every problem is shown in one dialog and the app exits (house style 9). Phase two builds
the main window. reportlab, jsonschema, QtPdf and printing are not imported here; the screens
import them when the user first exports or prints.

The remembered text size and colours are applied before the main window is built (so it is
styled once); the window then gets the settings, the appearance and the drafts store it keeps
work in.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from thresholds_app import __version__
from thresholds_app.core.base.problems import Problem
from thresholds_app.core.pack.load import LoadResult

EXIT_OK = 0
EXIT_BAD_PACK = 1
EXIT_USAGE = 2
EXIT_UNSAFE_LIBRARY = 3


def build_parser() -> argparse.ArgumentParser:
    """The app's own command-line options (Qt's options pass through)."""
    parser = argparse.ArgumentParser(
        prog="thresholds-app",
        description="Right Help, Right Time threshold assistant (desktop app).",
    )
    parser.add_argument("--pack", metavar="DIR", help="use the guidance pack in DIR")
    parser.add_argument(
        "--authoring",
        action="store_true",
        help="allow an unsigned or changed pack, if your organisation allows authoring mode",
    )
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="exit with 0 once the first window is shown and usable (benchmarks, smoke tests)",
    )
    parser.add_argument(
        "--review",
        metavar="PATH",
        help="open a case file (or a folder of them) in the MASH review mode",
    )
    parser.add_argument(
        "--smoke-test",
        metavar="OUT_DIR",
        help="check this installation works (pack, validation, PDF, printing) and exit",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def parse_options(args: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """The app's options and Qt's (left for QApplication).

    The usual launches (none, ``--pack DIR``, ``--review PATH``, ``--quit-when-ready``) are read
    directly: building an ArgumentParser costs start-up several milliseconds (its messages go
    through gettext).
    Anything else, including ``--help`` and mistakes, goes to argparse for its messages.
    """
    rest = list(args)
    options = argparse.Namespace(
        pack=None, quit_when_ready=False, review=None, authoring=False, smoke_test=None
    )
    while rest:
        if rest[0] in ("--quit-when-ready", "--authoring"):
            setattr(options, rest[0][2:].replace("-", "_"), True)
            del rest[0]
        elif rest[0] in ("--pack", "--review") and len(rest) > 1:
            setattr(options, rest[0][2:], rest[1])
            del rest[:2]
        else:
            parsed, qt_args = build_parser().parse_known_args(list(args))
            return parsed, qt_args
    return options, []


def problems_text(problems: Sequence[object]) -> str:
    """Every problem on its own line (``file:line:col: message``)."""
    return "\n".join(str(p) for p in problems)


def run_app(argv: Sequence[str]) -> int:
    """Run the app; return the process exit code."""
    gc.disable()  # until the window is up: see _keep_start_up_objects
    try:
        return _run(argv)
    finally:
        gc.enable()


def unsafe_qt() -> str | None:
    """Why the installed PySide6 must not run the app (hazard H19), or None when it may."""
    import PySide6

    from thresholds_app.core.base.dependencies import UnsafeDependencyError, require_safe

    try:
        require_safe("PySide6", PySide6.__version__)
    except UnsafeDependencyError as error:
        return str(error)
    return None


def _keep_start_up_objects() -> None:
    """Put everything made at start-up in the garbage collector's permanent generation.

    Start-up makes about 23,000 objects that live as long as the app (modules, PySide6's types
    and enums, the pack, the window); hardly any are garbage (under 500 on the Solihull pack).
    Collecting them as they are made, in every later full collection and once more at exit
    costs 30 to 60 ms of a 300 ms start on the machines we measure (issue 6). Objects made
    after this are collected as usual.
    """
    gc.freeze()
    gc.enable()


def _run(argv: Sequence[str]) -> int:
    args, qt_args = parse_options(argv[1:])
    if args.smoke_test:
        from thresholds_app.ui.selftest import run_smoke_test

        return run_smoke_test(Path(args.smoke_test))

    # PySide6 first, so that every module after it gets the quicker import check
    import PySide6.QtCore  # noqa: F401

    from thresholds_app.ui.pyside_import_check import use_quicker_import_check

    use_quicker_import_check()

    # Phase one: the guidance, before any window (no Qt objects yet), checked against the
    # signing keys the organisation trusts (core/pack/opening.py).
    from thresholds_app.core.config.current import current_settings
    from thresholds_app.core.pack.cache import default_cache_dir
    from thresholds_app.core.pack.opening import Opened, open_pack
    from thresholds_app.core.pack.trust_setup import TrustSetupError, pack_candidates, trust_policy

    settings = current_settings()
    candidates = pack_candidates(settings, Path(args.pack) if args.pack else None)
    pack_dir = candidates[0]
    start_messages: list[str] = []  # the settings' own messages: AppSettings reports them
    try:
        policy, key_messages = trust_policy(settings, authoring_requested=args.authoring)
        start_messages += key_messages
        opened = open_pack(candidates, policy, cache_dir=default_cache_dir())
    except TrustSetupError as error:
        opened = Opened(LoadResult(None, [Problem("", None, None, "", str(error))]), pack_dir)
    result = opened.result

    # Phase two: the windows.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([argv[0], *qt_args])
    app.setApplicationName("Thresholds")
    app.setApplicationDisplayName("Right Help, Right Time")
    app.setOrganizationName("thresholds_app")
    app.setApplicationVersion(__version__)
    if (unsafe := unsafe_qt()) is not None:
        sys.stderr.write(f"{unsafe}\n")
        if not args.quit_when_ready:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "The app cannot start safely", unsafe)
        return EXIT_UNSAFE_LIBRARY

    if result.pack is None or result.problems:
        text = problems_text(result.problems) or f"No guidance pack was found in {pack_dir}."
        sys.stderr.write(f"The guidance pack cannot be used:\n{text}\n")
        gc.enable()
        if not args.quit_when_ready:
            from thresholds_app.ui.pack_problems import problems_dialog  # 999 and F9 too

            problems_dialog(str(pack_dir), text).exec()
        return EXIT_BAD_PACK

    from thresholds_app.ui.appearance import Appearance
    from thresholds_app.ui.main_window import MainWindow
    from thresholds_app.ui.settings import AppSettings
    from thresholds_app.ui.shell.drafts import default_store_factory

    app_settings = AppSettings(managed=settings)  # the policy read once, its messages told once
    appearance = Appearance(app, app_settings)
    appearance.apply()  # text size and colours first: widgets are styled once
    window = MainWindow(
        result.pack,
        settings=app_settings,
        appearance=appearance,
        drafts=default_store_factory(
            app_settings.draft_retention_days, allowed=app_settings.drafts_allowed
        ),
    )
    appearance.setParent(window)
    from thresholds_app.ui.pack_trust import show_trust

    show_trust(window, opened, start_messages, quiet=args.quit_when_ready)
    window.show()
    if args.review:  # a double-clicked case file, or a folder, opened for the MASH
        window.open_review_path(Path(args.review))
    _keep_start_up_objects()
    if args.quit_when_ready:
        # The event loop's first turn: the window is shown and input is being handled (the
        # moment benchmarks/baseline.py quits too; the first paint follows in the next turn).
        QTimer.singleShot(0, lambda: app.exit(EXIT_OK))
    code = int(app.exec())
    _forget_copied_rationale(app)
    return code


def _forget_copied_rationale(app: object) -> None:
    """Take a rationale this app copied off the clipboard when it quits.

    Child details must not outlive the session on a shared workstation (H16), and a QMimeData
    left on the clipboard after QApplication goes away crashes PySide6 at exit.
    """
    preview = sys.modules.get("thresholds_app.ui.assessment.preview_step")
    if preview is None:  # nothing was ever copied
        return
    clipboard = app.clipboard()  # type: ignore[attr-defined]
    mime = clipboard.mimeData()
    if mime is not None and any(mime.hasFormat(f) for f in preview.CLIPBOARD_EXCLUSIONS):
        clipboard.clear()
