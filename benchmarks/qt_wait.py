"""Running a Qt event loop until something holds: shared by the window benchmarks."""

from __future__ import annotations

import time


def wait_until(app, condition, seconds: float = 30.0) -> float:
    """Run the event loop until ``condition()``; the time it took."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > seconds:
            raise TimeoutError("the preview did not refresh")
        app.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - started
