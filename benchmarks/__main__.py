"""Run the benchmarks: ``python -m benchmarks`` runs them all, ``python -m benchmarks NAME [ARGS]`` one.

Each benchmark is a module of this package with ``main(argv) -> int``; list it in ``BENCHMARKS``.
"""

from __future__ import annotations

import importlib
import sys

#: Benchmark modules, in the order ``make bench`` runs them.
BENCHMARKS: tuple[str, ...] = (
    "search",
    "search_gui",
    "startup",
    "note_paste",
    "export",
    "preview",
)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        print("Benchmarks:", ", ".join(BENCHMARKS))
        return 0
    if argv:
        name, rest = argv[0], argv[1:]
        if name not in BENCHMARKS:
            print(f"unknown benchmark {name!r}; choose one of {', '.join(BENCHMARKS)}", file=sys.stderr)
            return 2
        return importlib.import_module(f"benchmarks.{name}").main(rest)
    status = 0
    for name in BENCHMARKS:
        print(f"== {name} ==")
        status = max(status, importlib.import_module(f"benchmarks.{name}").main([]))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
