"""Opens a case file in the real main window and shows its print preview (not a test file).

Usage: ``python preview_driver.py CASE.json``. Prints ``PAGES n`` once the preview has painted
the rationale and exits 0; a printer freed under the preview crashes the process instead (the
symptom is the exit code, so this runs in a subprocess).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from thresholds_app.core.pack.load import load_pack
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui.main_window import MainWindow

WATCHDOG_SECONDS = 60


def main(case_path: Path) -> int:
    app = QApplication([sys.argv[0]])
    result = load_pack(default_pack_dir())
    assert result.pack is not None, result.problems
    window = MainWindow(result.pack)
    window.show()
    opening = window.open_case_path(case_path)  # read off the GUI thread
    while not opening.done:
        app.processEvents()
        time.sleep(0.01)
    assert opening.opened, opening.error
    page = window.page("assessment")
    assert page is not None
    page.go_to_step("preview")
    blockers = page.preview.blockers()
    assert not blockers, blockers
    dialog = page.print_preview()
    assert dialog is not None
    del dialog  # only Qt holds the preview now, as in the app

    def repaint_later() -> None:
        gc.collect()  # frees anything only a Python local held
        preview = next(w for w in QApplication.allWidgets() if isinstance(w, QPrintPreviewWidget))
        preview.updatePreview()  # paints again on the dialog's printer
        QTimer.singleShot(200, lambda: finish(preview))

    def finish(preview: QPrintPreviewWidget) -> None:
        print(f"PAGES {preview.pageCount()}", flush=True)
        preview.window().close()
        app.quit()

    QTimer.singleShot(300, repaint_later)
    return int(app.exec())


if __name__ == "__main__":
    watchdog = threading.Timer(WATCHDOG_SECONDS, lambda: os._exit(3))
    watchdog.daemon = True
    watchdog.start()
    sys.exit(main(Path(sys.argv[1])))
