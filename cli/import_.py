"""``main.py import FILE.json``: add a Briefbook JSON document to the store, all or nothing."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.arguments import file_name

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "import"
HELP = "import a Briefbook JSON file (see docs/data-format.md); all or nothing"
#: How messages name standard input (``import -``).
STDIN = "standard input"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=file_name,
                        help="the JSON file to import ('-' for standard input)")
    parser.epilog = (
        "Meetings are added as new meetings; issues are matched by slug and people by key "
        "(and updated). A bad file is refused whole with the line and the JSON path of the first "
        "problem. "
        "The store is backed up first (see the backup command)."
    )


def run(args: argparse.Namespace, services: Services) -> int:
    import sys

    from briefing.interchange import InterchangeError, read_json, read_json_stream
    from briefing.interchange.places import located

    from_stdin = str(args.file) == "-"  # `dump -o - | import -`
    doc = read_json_stream(sys.stdin.buffer, STDIN) if from_stdin else read_json(args.file)
    try:
        summary = services.interchange.import_document(doc)
    except InterchangeError as error:  # said with the file, and the line to look at in an editor
        if from_stdin:
            raise InterchangeError(f"{STDIN}: {error.field}", error.message) from None
        raise located(error, args.file) from None
    print(
        f"Imported {summary.meetings_added} meeting(s); issues: {summary.issues_added} added, "
        f"{summary.issues_updated} updated; people: {summary.people_added} added, "
        f"{summary.people_updated} updated."
    )
    for old, new in summary.renamed_keys.items():
        print(f"Meeting key {old!r} was taken; the imported meeting is {new!r}.")
    return 0
