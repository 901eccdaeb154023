"""``main.py backup [-o FILE] [--list]``: back the store up now, or list its backups."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.arguments import file_name

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "backup"
HELP = "back the store up now (into backups/ beside it, or to FILE); --list shows the backups"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    either = parser.add_mutually_exclusive_group()  # `--list -o FILE` would ignore one of them
    either.add_argument("-o", "--output", metavar="FILE", type=file_name,
                        help="write the backup to FILE instead of the backups folder")
    either.add_argument("--list", action="store_true",
                        help="list this store's backups, newest first: time (UTC), reason, size, file")
    parser.epilog = (
        "A backup is a complete, checked copy made through SQLite's online backup API, safe to take "
        "while the app is open. Backups are also taken automatically: daily at start-up, before a "
        "schema upgrade and before an import; the newest 10 are kept (backups_keep in briefbook.json)."
    )


def run(args: argparse.Namespace, services: Services) -> int:
    backups = services.backups
    if args.list:
        listed = backups.list()
        if not listed:
            print(f"No backups yet in {backups.folder}.")
        for b in listed:
            print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}\t{b.reason}\t{_size(b.size_bytes)}\t{b.path}")
        return 0
    if args.output is not None and str(args.output) == "-":
        from briefing.output import OutputError

        raise OutputError("a backup is a database file and cannot go to standard output; "
                          "name a file with -o FILE.")
    record = backups.save_as(args.output) if args.output else backups.create()
    print(f"Backed up {services.db.location} to {record.path} ({_size(record.size_bytes)}).")
    return 0


def _size(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"
