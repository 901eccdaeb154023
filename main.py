"""Briefbook's entry point: the one place that wires paths, store, services and the GUI or a sub-command.

    main.py [--db URL] [SUB-COMMAND ...]

With no sub-command the desktop app opens on the database; sub-commands run
headless (``main.py --help`` lists them).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

ENV_DB = "BRIEFBOOK_DB"


def build_parser() -> argparse.ArgumentParser:
    """The command line: global options and one sub-parser per command module."""
    from cli import CommandParser, load_commands

    parser = CommandParser(
        prog="briefbook",
        description="Briefbook: briefing books for trade negotiations. "
        "Without a sub-command, opens the desktop app.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"the database: a SQLAlchemy URL (sqlite:///path.db, postgresql://…) or a file path; "
        f"default ${ENV_DB}, else briefbook.db in your data directory",
    )
    sub = parser.add_subparsers(dest="command", metavar="SUB-COMMAND", parser_class=CommandParser)
    for module in load_commands():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def database_url(option: str | None) -> str:
    """``--db``, else ``$BRIEFBOOK_DB`` (empty: not set), else the default file in the user's data
    directory. A blank ``--db`` and an in-memory SQLite store (it would keep nothing) are refused."""
    from briefing.errors import StoreError
    from db.store_url import default_url, in_memory, normalize_url

    if option is not None and not option.strip():
        raise StoreError("--db: the store's name is empty; give a file path or a database URL.")
    chosen = option or os.environ.get(ENV_DB)
    url = normalize_url(chosen) if chosen else default_url()
    if chosen is not None and (in_memory(chosen) or in_memory(url)):
        raise StoreError(f"{chosen}: an SQLite store in memory keeps nothing once the command ends; "
                         "give a file path (--db round1.db).")
    return url


def refuse_missing_source(url: str) -> None:
    """A store named to be read (``copy --from``) must be there: opening would create it empty."""
    from briefing.errors import StoreError
    from db.store_url import sqlite_path

    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise StoreError(f"there is no store at {path}; nothing was copied.")


def prepare_location(url: str) -> None:
    """Create the folder of a default SQLite store (never of one the user named)."""
    from db.store_url import default_data_dir, sqlite_path

    path = sqlite_path(url)
    if path is not None and path.parent == default_data_dir():
        path.parent.mkdir(parents=True, exist_ok=True)


def run_command(args: argparse.Namespace) -> int:
    """Open the store and run one sub-command; user errors go to stderr, not a traceback."""
    from briefing.config import Config
    from briefing.errors import BriefbookError
    from briefing.services import Services

    try:
        store = getattr(args, "store", None)
        url = database_url(store if store is not None else args.db)  # copy --from names its own
        if store:
            refuse_missing_source(url)
        prepare_location(url)
        # Restore opens a damaged store the others refuse (cli/restore.py STORE_OPENING).
        services = Services.open(url, Config.load(), **getattr(args, "store_opening", {}))
    except BriefbookError as error:
        print(f"briefbook: {error}", file=sys.stderr)
        return 2
    for notice in services.notices:
        print(f"briefbook: {notice}", file=sys.stderr)
    try:
        status = args.run(args, services)
        sys.stdout.flush()  # a closed pipe or a full disk shows here, not at the interpreter's exit
        return status
    except BriefbookError as error:
        print(f"briefbook: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefbook: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `meetings | head -1`: the reader has seen enough
        discard_standard_output()
        return READER_GONE
    except OSError as error:
        print(f"briefbook: {output_problem(error)}", file=sys.stderr)
        return 1
    finally:
        services.close()


#: The exit status when the reader of standard output went away: a shell's for a command that
#: SIGPIPE ended (128 + 13), without the traceback Python would print.
READER_GONE = 141


def output_problem(error: OSError) -> str:
    """One line for an OSError no command turned into a message.

    Commands name the files they open and write themselves (``briefing/output.py``), and
    an error opening a file carries its name: one without a name is standard output's (a
    full disk, a device error), whose unwritten rest is then dropped.
    """
    reason = error.strerror or str(error)
    if error.filename:
        return f"{reason}: {error.filename}"
    discard_standard_output()
    return f"cannot write to standard output: {reason}"


def discard_standard_output() -> None:
    """Point standard output at the null device, so that what is still buffered goes nowhere at
    exit (instead of Python's "Exception ignored … BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file behind standard output (a test's capture)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """The ``briefbook`` console script: a sub-command, or the GUI when none is given."""
    own_process = argv is None  # this process's own command line: a command may end it (export)
    argv = sys.argv[1:] if argv is None else list(argv)
    gui = gui_arguments(argv)
    if gui is not None:  # the desktop app starts without building every sub-command's parser
        return run_gui(gui)
    if own_process:  # a title that holds an escape sequence must not clear the user's terminal
        from cli.terminal import for_terminal

        sys.stdout, sys.stderr = for_terminal(sys.stdout), for_terminal(sys.stderr)
    args = build_parser().parse_args(argv)
    args.own_process = own_process
    if args.command is None:
        return run_gui(args)
    return run_command(args)


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The GUI's arguments when ``argv`` is only ``[--db URL]``; None when it needs the full parser."""
    if not argv:
        return argparse.Namespace(db=None, command=None)
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return argparse.Namespace(db=argv[1], command=None)
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return argparse.Namespace(db=argv[0].removeprefix("--db="), command=None)
    return None


def run_gui(args: argparse.Namespace) -> int:
    """Open the desktop app on the chosen database."""
    from briefing.errors import StoreError
    from ui.app import run  # imports PySide6
    from ui.pyside_tweaks import skip_source_scan

    skip_source_scan()  # now, before the store's and the window's modules are imported
    try:
        url = database_url(args.db)
    except StoreError as error:
        print(f"briefbook: {error}", file=sys.stderr)
        return 2
    prepare_location(url)
    return run(url, sys.argv[:1])


def gui_main() -> int:
    """The ``briefbook-gui`` script (no console window on Windows)."""
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
