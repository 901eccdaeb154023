"""``main.py restore FILE``: replace the store with a backup, after backing up what it replaces."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "restore"
HELP = "replace the store with the backup FILE (what it held is backed up first)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="the backup to restore")
    parser.epilog = (
        "FILE must be a sound Briefbook store from this or an older version (an older one is "
        "upgraded). The store's current content is backed up into its backups folder first; "
        "`backup --list` shows that folder."
    )


def run(args: argparse.Namespace, services: Services) -> int:
    safety = services.backups.restore(args.file)
    print(f"Restored {services.db.location} from {args.file}.")
    print(f"What it held before is kept in {safety.path}.")
    return 0
