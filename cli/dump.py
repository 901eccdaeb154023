"""``main.py dump -o FILE.json``: write everything in the store as one JSON document."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.arguments import file_name

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "dump"
HELP = "write everything (meetings, issues, people) to a Briefbook JSON file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", type=file_name, required=True,
                        help="where to write the JSON ('-' for standard output)")
    parser.add_argument("--up-to", metavar="CODE", default=None,
                        help="a release for another agency: leave out every portion marked above "
                        "CODE (a code of the marking ladder, e.g. U)")


def run(args: argparse.Namespace, services: Services) -> int:
    import json
    import sys

    from briefing.interchange import dump_store, write_json
    from briefing.output import check_target

    up_to = getattr(args, "up_to", None)
    if up_to is not None:
        from briefing.markings.release import check_up_to, release_document

        check_up_to(up_to, services.config.ladder)
    if str(args.output) != "-":
        check_target(args.output)  # refused before the store is read, not after
    problems: list[str] = []
    doc = dump_store(services.db, problems)
    for problem in problems:
        print(f"warning: {problem}; written in UTC", file=sys.stderr)
    if up_to is not None:
        doc, withheld = release_document(doc, up_to, services.config.ladder)
        print(f"Withheld {withheld} portion(s).", file=sys.stderr)
    if str(args.output) == "-":
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    write_json(doc, args.output)
    print(f"Wrote {len(doc['meetings'])} meeting(s) to {args.output}.")
    return 0
