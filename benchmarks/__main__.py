"""Run the benchmarks: ``python -m benchmarks`` the default set, ``python -m benchmarks NAME [ARGS]`` one.

Each benchmark is a module of this package with ``main(argv) -> int``; list it in ``BENCHMARKS``
(the default set, which ``make bench`` runs) or, when it is too long for that, in ``BY_NAME``.

``kill_sweep`` (``python -m benchmarks kill_sweep [--scale S] [--only races]``) is run by name
only: it kills hundreds of child processes, races restores against other writers and grows
a store by 250 imports: 18 min 27 s on the shared 2-core machine (load average 4–8, December
2026), longer than all the others together. ``--scale 0.2`` runs a fifth of it.
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
    "copies",
    "preview",
)

#: Benchmarks run only when named (``python -m benchmarks NAME``): too long for ``make bench``.
BY_NAME: tuple[str, ...] = (
    "kill_sweep",
    "load",  # needs a PostgreSQL server: python -m benchmarks load --url postgresql://…
)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        print("Benchmarks:", ", ".join(BENCHMARKS))
        print("Run by name only:", ", ".join(BY_NAME))
        return 0
    if argv:
        name, rest = argv[0], argv[1:]
        if name not in BENCHMARKS + BY_NAME:
            print(f"unknown benchmark {name!r}; choose one of {', '.join(BENCHMARKS + BY_NAME)}",
                  file=sys.stderr)
            return 2
        status = importlib.import_module(f"benchmarks.{name}").main(rest)
        return 0 if status is None else status  # kill_sweep's main returns nothing: it raises on failure
    status = 0
    for name in BENCHMARKS:
        print(f"== {name} ==")
        status = max(status, importlib.import_module(f"benchmarks.{name}").main([]))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
