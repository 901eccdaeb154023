"""``main.py restore FILE``: replace the store with a backup, after backing up what it replaces.

Unlike every other command, restore opens the store without the page scan
(``STORE_OPENING``, read by ``main.py``) and scans it itself: a damaged store,
which the others refuse, can still be replaced. Its damaged file is then kept as
it is (``damaged-before-restore`` in the backups folder) instead of a checked backup.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from cli.arguments import file_name

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "restore"
HELP = "replace the store with the backup FILE (what it held is backed up first)"

#: How ``main.py`` opens the store for a restore: the page scan deferred to ``run`` (so that a
#: damaged store opens), and no daily backup (the restore takes its own of what it replaces).
STORE_OPENING: dict[str, Any] = {"check_integrity": False, "automatic_backups": False}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=file_name, help="the backup to restore")
    parser.set_defaults(store_opening=STORE_OPENING)
    parser.epilog = (
        "FILE must be a sound Briefbook store from this or an older version (an older one is "
        "upgraded). The store's current content is backed up into its backups folder first; "
        "`backup --list` shows that folder. A damaged store can be restored too: its file is "
        "kept there as it is, named …-damaged-before-restore.db."
    )


def run(args: argparse.Namespace, services: Services) -> int:
    damage = services.check_integrity()  # the scan main.py left out: damage is no refusal here
    if damage:
        print(f"briefbook: {services.db.location} is damaged ({'; '.join(damage)}); "
              "replacing it with the backup.", file=sys.stderr)
    safety = services.backups.restore(args.file)
    print(f"Restored {services.db.location} from {args.file}.")
    if damage:
        print(f"The damaged store is kept as it was, unchecked, in {safety.path}.")
    else:
        print(f"What it held before is kept in {safety.path}.")
    return 0
