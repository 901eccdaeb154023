"""Headless sub-commands of ``main.py``: one module per command.

Each module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args, services) -> int``; heavy imports stay inside ``run`` so that
building the parser (also done when the GUI starts) stays cheap. A command
prints results to stdout; user mistakes raise ``BriefbookError`` (main.py
prints the message to stderr and exits non-zero, never with a traceback).
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: Sub-command modules in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "meetings",
    "sample",
    "import_",
    "dump",
    "search",
    "backup",
    "restore",
    "export",
)


def load_commands() -> list[ModuleType]:
    """The sub-command modules, imported."""
    return [importlib.import_module(f"cli.{name}") for name in COMMAND_MODULES]
