"""Search, history and rounds cost nothing at start-up: their code loads when first used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
LAZY = ("ui.search", "ui.history", "ui.rounds", "ui.models.search_results", "ui.models.revisions_list",
        "ui.models.timeline_table", "ui.widgets.text_marks", "ui.widgets.diff_text")

PROBE = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui.app import build_window, make_application, open_services
app = make_application([])
window = build_window(open_services(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
QApplication.processEvents()
before = sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[3].split(","))))
window.window_actions.search.trigger()
QApplication.processEvents()
shown = window.search_popup is not None and window.search_popup.isVisible()
print(json.dumps({"before": before, "search": shown,
                  "after": sorted(m for m in sys.modules if m.startswith("ui.search"))}))
"""


def test_the_first_paint_loads_no_search_history_or_rounds_code_and_ctrl_k_does(sample, db_url, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, db_url, str(tmp_path / "s.ini"), ",".join(LAZY)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["before"] == []
    assert result["search"] is True
    assert "ui.search.popup" in result["after"]
