"""The GUI's reliability figures of docs/reliability.md: crashes while typing, and two windows.

    python -m benchmarks.gui_sweep [--kills 20] [--rounds 40]

Crashes: a real window in a child process (``tests/ui/crashing_window.py``) types
into a note without a pause and is SIGKILLed at a random moment; a window then
opens on the store (offscreen, in this process), its unclean-exit bar must offer
at least the text the child last reported journalled, and Keep must save it.

Two windows: windows A and B on one store take turns appending a token to the
same note section without reloading, so every write after the first is based on
a stale version; each conflict is resolved by merging (theirs plus my token) in
the conflict dialog, and in the end every token must be in the store.
Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).parents[1]
TYPED = "Typed before the crash: "


def _window(app, store: Path, settings: Path):
    from PySide6.QtCore import QSettings

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window

    services = Services.open(f"sqlite:///{store}", Config(home_timezone="America/New_York"),
                             automatic_backups=False)
    window = build_window(services, QSettings(str(settings), QSettings.Format.IniFormat), autosave_ms=60_000)
    window.show()
    app.processEvents()
    return window, services


def crash_once(app, sample: Path, tmp: Path, delay: float) -> dict:
    """One kill: what the child reported journalled, what the next window offered and kept."""
    from ui.recovery.bar import RecoveryBar

    folder = tmp / f"crash-{time.monotonic_ns()}"
    folder.mkdir()
    store = folder / "briefbook.db"
    shutil.copy(sample, store)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crashing_window", str(store), str(folder / "child.ini"), TYPED,
         "--keep-typing"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        first = child.stdout.readline().split()
        if first[:1] != ["journalled"]:
            raise RuntimeError(f"the child did not start typing: {first}")
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        lines = [first, *(line.split() for line in child.stdout.read().splitlines())]
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    reported = max(int(words[1]) for words in lines if words[:1] == ["journalled"])
    typing = [(int(words[1]), float(words[2])) for words in lines if words[:1] == ["typed"]]
    typed = max([n for n, _ in typing] or [reported])
    rate = ((typing[-1][0] - typing[0][0]) / (typing[-1][1] - typing[0][1])) if len(typing) > 2 else 0.0
    window, services = _window(app, store, folder / "next.ini")
    try:
        bar = next((b for b in window.bars.bars() if isinstance(b, RecoveryBar)), None)
        kept = bar.rows[0].recovered.edit.value if bar is not None and bar.rows else ""
        ok = bar is not None and bar.unclean and kept.startswith(TYPED) and len(kept) >= reported
        if ok:
            bar.keep(bar.rows[0])
            ok = services.notes.list_full(window.meeting.id)[0].background == kept
        window.close()
    finally:
        services.close()
    return {"ok": ok, "reported": reported, "kept": len(kept), "typed": typed, "rate": rate}


def crash_sweep(app, tmp: Path, kills: int) -> None:
    from tests.store_files import store_with_sample

    sample = store_with_sample(tmp / "sample.db")
    rng = random.Random(2024)
    started = time.perf_counter()
    results = [crash_once(app, sample, tmp, rng.uniform(0.1, 2.0)) for _ in range(kills)]
    seconds = time.perf_counter() - started
    held = sum(r["ok"] for r in results)
    lost = sorted(max(0, r["typed"] - r["kept"]) for r in results)
    rates = sorted(r["rate"] for r in results if r["rate"])
    rate = rates[len(rates) // 2] if rates else 0.0
    print("| kills while typing | next start said “did not close properly” and offered at least the "
          "text last journalled | kept and saved | characters typed after the last journal record "
          "(median / most) | typing speed (median) | seconds |")
    print("|---|---|---|---|---|---|")
    print(f"| {kills} | {held} | {held} | {lost[len(lost) // 2]} / {lost[-1]} | {rate:.0f} characters/s "
          f"| {seconds:.0f} |")


def conflict_sweep(app, tmp: Path, rounds: int) -> None:
    from tests.store_files import store_with_sample

    store = store_with_sample(tmp / "two.db")
    a, services_a = _window(app, store, tmp / "a.ini")
    b, services_b = _window(app, store, tmp / "b.ini")
    panels = []
    for window in (a, b):
        tabs = window.workspace.tabs
        tabs.setCurrentIndex(2)
        app.processEvents()
        panels.append(window.workspace.panel("Issue notes"))
    note_id = panels[0].editor.note.id
    conflicts = 0
    tokens = []
    started = time.perf_counter()
    for turn in range(2 * rounds):
        window, panel = (a, panels[0]) if turn % 2 == 0 else (b, panels[1])
        token = f"[{'AB'[turn % 2]}{turn // 2}]"
        tokens.append(token)
        editor = panel.editor.sections["objectives"].editor
        editor.setPlainText(editor.toPlainText() + token)
        panel.flush()
        app.processEvents()
        dialog = window.conflicts.dialog
        if dialog is not None and dialog.isVisible():
            conflicts += 1
            theirs = dialog.comparison.texts()[0]
            dialog.tabs.setCurrentIndex(dialog.merge_tab)
            dialog.merge_editor.setPlainText(theirs + token)
            dialog.merged_button.click()
            app.processEvents()
    seconds = time.perf_counter() - started
    final = services_a.notes.get(note_id).objectives
    lost = sum(token not in final for token in tokens)
    for window in (a, b):
        window.close()
    services_a.close()
    services_b.close()
    print("| windows | writes | stale writes refused, dialog shown | merged in the dialog | tokens lost "
          "| seconds |")
    print("|---|---|---|---|---|---|")
    print(f"| 2 | {2 * rounds} | {conflicts} | {conflicts} | {lost} | {seconds:.1f} |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.gui_sweep", description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args(argv)
    from ui.app import make_application

    app = make_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        crash_sweep(app, Path(tmp), args.kills)
        print()
        conflict_sweep(app, Path(tmp), args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
