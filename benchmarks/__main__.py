"""Run every benchmark in turn: ``python -m benchmarks`` (``make bench``).

Each module in ``MODULES`` has a ``main() -> None`` that prints its figures.
Run one alone with ``python -m benchmarks.<name>``.
"""

from __future__ import annotations

import importlib
import sys

MODULES = [
    "benchmarks.startup",
]


def main() -> int:
    for name in MODULES:
        print(f"== {name}", flush=True)
        importlib.import_module(name).main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
