"""Work off the GUI thread goes one way: ``ui.background`` — one pool, writes in order, newest read wins."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from ui.background import WRITES, BackgroundTask, LatestLane, SerialLane

UI = Path(__file__).resolve().parents[2] / "ui"
WAIT_S = 10  # generous: the machine is shared
THREAD_MAKERS = re.compile(r"\b(QThreadPool|QRunnable|QThread|threading\.Thread|ThreadPoolExecutor|"
                           r"concurrent\.futures)\b")


def thread_makers(root: Path) -> list[str]:
    """Lines under ``root`` that make threads or pools of their own (``ui/background/`` aside)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if "background" in path.relative_to(root).parts[:1]:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if THREAD_MAKERS.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def started(qtbot, work, lane=None) -> tuple[BackgroundTask, list, list]:
    """Start ``work`` as a task; what it reports lands in the two lists (on the GUI thread)."""
    finished, failed = [], []
    task = BackgroundTask(work, lane)
    task.signals.sig_finished.connect(finished.append)
    task.signals.sig_failed.connect(failed.append)
    return task.start(), finished, failed


def test_no_part_of_the_ui_makes_a_thread_or_a_pool_of_its_own():
    assert thread_makers(UI) == []


def test_the_scan_finds_a_pool_made_outside_the_background_package(tmp_path):
    (tmp_path / "background").mkdir()
    (tmp_path / "background" / "pool.py").write_text("pool = QThreadPool()\n")
    (tmp_path / "panel.py").write_text("import threading\nthreading.Thread(target=print).start()\n")
    assert thread_makers(tmp_path) == ["panel.py:2: threading.Thread(target=print).start()"]


def test_a_task_reports_its_progress_and_result_on_the_gui_thread(qtbot):
    gui_thread = threading.get_ident()
    worker, shares, seen_on = [], [], []

    def work(progress):
        worker.append(threading.get_ident())
        progress(0.5)
        return 42

    def on_progress(share):
        shares.append(share)
        seen_on.append(threading.get_ident())

    task = BackgroundTask(work)
    task.signals.sig_progress.connect(on_progress)
    with qtbot.waitSignal(task.signals.sig_finished, timeout=WAIT_S * 1000) as done:
        task.start()
    assert done.args == [42] and shares == [0.5]
    assert worker != [gui_thread] and seen_on == [gui_thread]


def test_a_failure_is_reported_with_its_exception_never_lost_in_the_thread(qtbot):
    def work(_progress):
        raise OSError("disk full")

    task = BackgroundTask(work)
    with qtbot.waitSignal(task.signals.sig_failed, timeout=WAIT_S * 1000) as failed:
        task.start()
    [error] = failed.args
    assert isinstance(error, OSError) and str(error) == "disk full"


def test_writes_run_one_at_a_time_in_the_order_they_were_started(qtbot):
    assert isinstance(WRITES, SerialLane)  # the app's one lane for writes
    lane = SerialLane()
    gate = threading.Event()
    order, overlaps, running = [], [], []

    def write(number):
        def work(_progress):
            running.append(number)
            overlaps.append(len(running))
            if number == 0:
                gate.wait(WAIT_S)  # the first write is slow: the others must wait for it, not overtake
            order.append(number)
            running.remove(number)
            return number
        return work

    tasks = [started(qtbot, write(n), lane) for n in range(6)]
    assert lane.busy
    gate.set()
    qtbot.waitUntil(lambda: all(finished for _task, finished, _failed in tasks), timeout=WAIT_S * 1000)
    assert order == [0, 1, 2, 3, 4, 5]
    assert overlaps == [1] * 6
    assert [finished for _task, finished, _failed in tasks] == [[n] for n in range(6)]
    assert lane.wait(WAIT_S * 1000) and not lane.busy


def test_a_read_runs_beside_a_write_still_going(qtbot):
    lane = SerialLane()
    gate = threading.Event()
    write, written, _ = started(qtbot, lambda _progress: gate.wait(WAIT_S), lane)
    _read, read, _ = started(qtbot, lambda _progress: "results")
    qtbot.waitUntil(lambda: read == ["results"], timeout=WAIT_S * 1000)
    assert not write.done and written == []
    gate.set()
    qtbot.waitUntil(lambda: written == [True], timeout=WAIT_S * 1000)


def test_a_newer_read_supersedes_the_running_one_and_drops_the_waiting_one(qtbot):
    lane = LatestLane()
    first_running, gate = threading.Event(), threading.Event()
    ran = []

    def first(progress):
        ran.append("first")
        first_running.set()
        gate.wait(WAIT_S)
        return "first cancelled" if progress.cancelled() else "first finished"

    def read(name):
        return lambda progress: ran.append(name) or name

    task1, finished1, _ = started(qtbot, first, lane)
    assert first_running.wait(WAIT_S)
    task2, finished2, failed2 = started(qtbot, read("second"), lane)
    task3, finished3, _ = started(qtbot, read("third"), lane)
    assert task1.is_cancelled and task2.done  # asked to stop; dropped without running
    gate.set()
    qtbot.waitUntil(lambda: finished3 == ["third"], timeout=WAIT_S * 1000)
    assert finished1 == ["first cancelled"]
    assert ran == ["first", "third"] and finished2 == [] and failed2 == []
    assert lane.wait(WAIT_S * 1000) and task3.done


def test_clearing_a_latest_lane_cancels_what_runs_and_what_waits(qtbot):
    lane = LatestLane()
    running, gate = threading.Event(), threading.Event()

    def slow(progress):
        running.set()
        gate.wait(WAIT_S)
        return progress.cancelled()

    task1, finished1, _ = started(qtbot, slow, lane)
    assert running.wait(WAIT_S)
    task2, finished2, _ = started(qtbot, lambda _p: "never", lane)
    lane.clear()
    gate.set()
    assert lane.wait(WAIT_S * 1000)
    qtbot.waitUntil(lambda: finished1 == [True], timeout=WAIT_S * 1000)
    assert task2.done and finished2 == []


def test_waiting_for_a_task_gives_up_after_the_time_asked(qtbot):
    gate = threading.Event()
    task, finished, _ = started(qtbot, lambda _p: gate.wait(WAIT_S))
    assert task.wait(50) is False
    gate.set()
    assert task.wait(WAIT_S * 1000)
    qtbot.waitUntil(lambda: finished == [True], timeout=WAIT_S * 1000)
