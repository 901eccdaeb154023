"""A store as slow as a test wants, without timing anything: ``WriteGate`` holds chosen writes
until released; ``Ticks`` counts turns of the event loop; ``written`` waits for a window's writes."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from sqlalchemy import event

from ui.undo.background_write import pending_writes

GATE_TIMEOUT_S = 20  # a stuck gate lets the write go on rather than hang the suite
WRITE_VERBS = ("UPDATE", "INSERT INTO", "DELETE FROM")


class WriteGate:
    """Holds every UPDATE (and, with ``verbs``, every INSERT or DELETE) of ``table`` on ``engine``
    until ``release()``. Notes which threads the held writes ran in."""

    def __init__(self, engine, table: str, verbs: tuple[str, ...] = ("UPDATE",)) -> None:
        self.engine, self.table = engine, table
        self.prefixes = tuple(f"{verb} {table.upper()}" for verb in verbs)
        self.started = threading.Event()
        self.released = threading.Event()
        self.threads: list[int] = []
        self.expired = False  # a held write gave up waiting: someone waited for it all that time
        event.listen(engine, "before_cursor_execute", self._hook)

    def _hook(self, _conn, _cursor, statement, *_args) -> None:
        text = " ".join(statement.split()).upper()
        held = any(text.startswith(prefix) for prefix in self.prefixes)
        if held and not self.released.is_set():
            self.threads.append(threading.get_ident())
            self.started.set()
            if not self.released.wait(GATE_TIMEOUT_S):
                self.expired = True

    @property
    def held_off_the_gui_thread(self) -> bool:
        """Every held write ran in a worker and was still held when asked (nobody sat it out)."""
        return threading.main_thread().ident not in self.threads and not self.expired

    def release(self) -> None:
        self.released.set()  # (the listener stays: removing it while a worker runs it is an error)


class Ticks:
    """Counts turns of the event loop (a 0 ms timer's timeouts)."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1

    def turned(self, qtbot, times: int = 3) -> None:
        """Wait until the loop has turned ``times`` more (fails when the GUI thread is blocked)."""
        start = self.count
        qtbot.waitUntil(lambda: self.count >= start + times, timeout=5_000)


def written(qtbot, window, timeout: int = 10_000) -> None:
    """Wait until every write the window started has been stored and its outcome shown."""
    qtbot.waitUntil(lambda: pending_writes(window.ctx) == 0, timeout=timeout)
