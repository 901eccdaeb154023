"""Headless sub-commands of ``main.py``: one module per command.

Each module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args, services) -> int``; heavy imports stay inside ``run`` so that
building the parser (also done when the GUI starts) stays cheap. Every parser is
a ``CommandParser`` (no abbreviated flags). A command
prints results to stdout; user mistakes raise ``BriefbookError`` (main.py
prints the message to stderr and exits non-zero, never with a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Sequence
from types import ModuleType
from typing import Any

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
    "review",
    "import_docx",
    "positions",
    "log",
    "copy",
)


def load_commands() -> list[ModuleType]:
    """The sub-command modules, imported."""
    return [importlib.import_module(f"cli.{name}") for name in COMMAND_MODULES]


#: argparse's own test for a negative number, which it already takes as a positional argument.
_NEGATIVE_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$")
#: Stands before a word that starts with a dash while argparse reads it (argv never holds NUL).
_MARK = "\0"


class CommandParser(argparse.ArgumentParser):
    """A parser of Briefbook's command line: a flag is never abbreviated (``--note`` is not
    ``--notes``), and a command may take words that start with one dash (``search -steel``).

    A command whose ``add_arguments`` sets ``words_may_start_with_a_dash`` takes every
    ``-word`` that is not one of its own options as a positional word, where it stands (before
    any ``--``), and its words may stand between its options; its ``--options`` keep their
    meaning, and a mistyped ``--option`` is still an error.
    """

    words_may_start_with_a_dash = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.own_options: set[str] = set()
        self._reading_marked = False
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        self.own_options.update(action.option_strings)
        return action

    def parse_known_args(self, args: Sequence[str] | None = None,
                         namespace: argparse.Namespace | None = None):
        if not self.words_may_start_with_a_dash or args is None or self._reading_marked:
            return super().parse_known_args(args, namespace)
        args = list(args)
        end = args.index("--") if "--" in args else len(args)
        marked = [_MARK + w if self._is_dash_word(w) else w for w in args[:end]]
        marked += [_MARK + w for w in args[end + 1:]]  # after `--`, all are words (as argparse has it)
        self._reading_marked = True  # the intermixed parse calls this method again, twice
        try:  # words may stand before, between and after options: `-steel --limit 5 tariff`
            parsed, extras = self.parse_known_intermixed_args(marked, namespace)
        finally:
            self._reading_marked = False
        for name, value in vars(parsed).items():
            if isinstance(value, str):
                setattr(parsed, name, _unmarked(value))
            elif isinstance(value, list):
                setattr(parsed, name, [_unmarked(v) for v in value])
        return parsed, [_unmarked(e) for e in extras]

    def error(self, message: str):  # type: ignore[override]
        """A mistake on the command line, in one line on stderr, as every other error is said
        (argparse's own prints the whole usage first); ``--help`` is named for the rest."""
        self.exit(2, f"{self.prog}: error: {_unmarked(message)} (see {self.prog} --help)\n")

    def _is_dash_word(self, word: str) -> bool:
        return (word.startswith("-") and not word.startswith("--") and len(word) > 1
                and not _NEGATIVE_NUMBER.match(word) and word not in self.own_options)


def _unmarked(value: object) -> object:
    return value.removeprefix(_MARK) if isinstance(value, str) else value
