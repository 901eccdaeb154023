"""Run the benchmarks: ``python -m benchmarks [NAME ...]`` (all of ``BENCHMARKS`` by default).

Each benchmark is a module of this package with a ``main(argv) -> int``.
"""

from __future__ import annotations

import importlib
import sys

#: Benchmark modules in the order they run.
BENCHMARKS: tuple[str, ...] = (
    "export",
)


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    status = 0
    for name in names:
        print(f"== {name}", flush=True)
        status |= importlib.import_module(f"benchmarks.{name}").main([])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
