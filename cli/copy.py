"""``main.py copy --from URL --to URL [--replace]``: copy a whole store into another.

SQLite to PostgreSQL, PostgreSQL to SQLite, or either to its own kind: meetings,
history, the Trash, the change log, everything the schema holds
(``db/copy.py``). The source is opened as any store is (upgraded first when an
older Briefbook wrote it); the target is created when it does not exist yet and
refused when it holds anything, unless ``--replace``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.arguments import store_name

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "copy"
HELP = "copy a whole store (history, Trash and all) into another: SQLite or PostgreSQL, either way"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # The store a command works on (main.py opens it): here the source, not --db.
    parser.add_argument("--from", dest="store", metavar="URL", type=store_name, required=True,
                        help="the store to copy: a SQLAlchemy URL (sqlite:///path.db, "
                             "postgresql://…) or a file path")
    parser.add_argument("--to", dest="target", metavar="URL", type=store_name, required=True,
                        help="where to copy it (created when it does not exist; must be empty)")
    parser.add_argument("--replace", action="store_true",
                        help="overwrite a target that holds a store already (everything in it is lost)")
    parser.epilog = ("The copy is one transaction: a failure leaves the target as it was. "
                     "Afterwards `dump` of either store writes the same file.")


def run(args: argparse.Namespace, services: Services) -> int:
    from briefing.errors import BriefbookError
    from briefing.services import Services, describe_store
    from db.copy import copy_store
    from db.store_url import normalize_url

    target_url = normalize_url(args.target)
    if target_url == services.db.url:
        raise BriefbookError("--from and --to name the same store; nothing was copied.")
    with Services.open(target_url, services.config, automatic_backups=False) as target:
        copied = copy_store(services.db, target.db, replace=args.replace)
    print(f"Copied {sum(copied.values())} rows in {sum(1 for n in copied.values() if n)} tables "
          f"from {describe_store(services.db.url)} to {describe_store(target_url)}.")
    return 0
