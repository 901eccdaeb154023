"""``main.py search QUERY``: search everything, one result per line: meeting, field, excerpt."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "search"
HELP = "search everything written (notes, agendas, people, actions…): one result per line"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from db.search.searchable import FIELDS

    parser.words_may_start_with_a_dash = True  # `search -steel`: a word to exclude, not an option
    parser.add_argument("query", metavar="QUERY", nargs="+",
                        help="words to find (all of them); \"a phrase\" in quotes; -word to exclude")
    parser.add_argument("--meeting", metavar="MEETING", help="only this meeting (id, key or title)")
    parser.add_argument("--issue", metavar="ISSUE", help="only this library issue (slug or id)")
    parser.add_argument("--section", choices=FIELDS, metavar="SECTION",
                        help=f"only this field: {', '.join(FIELDS)}")
    parser.add_argument("--limit", type=_limit, default=20, metavar="N",
                        help="at most N results (default 20)")
    parser.epilog = (
        "Each line has three tab-separated columns: the meeting (or People, Issue library), "
        "where the match is (issue › section), and an excerpt with the matches marked «like this» "
        "(in bold on a terminal). Results are grouped by meeting, newest round first, best first "
        "within a meeting. The last word also matches as a prefix. Nothing found is not an error "
        "(exit 0). A word that starts with one dash is a query word (-word excludes it), "
        "wherever it stands: search -tariff steel."
    )


#: A larger ``--limit`` means "all": it is read as this many (a store holds far fewer results, and
#: the database cannot take a number of any size).
MOST_RESULTS = 1_000_000_000


def _limit(text: str) -> int:
    """``--limit N``: a whole number (checked by the search service to be at least 1)."""
    return min(int(text), MOST_RESULTS)


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def run(args: argparse.Namespace, services: Services) -> int:
    from cli.columns import row

    text = " ".join(args.query)
    # An empty --meeting "$M" names no meeting: refused, not read as "every meeting".
    meeting_id = services.meetings.resolve(args.meeting).id if args.meeting is not None else None
    issue_id = _issue_id(services, args.issue) if args.issue is not None else None
    results = services.search.search(text, meeting_id=meeting_id, issue_id=issue_id,
                                     section=args.section, limit=args.limit)
    if not results.hits:
        what = "No results for" if _has_words(text) else "Nothing to search for in"
        print(f"{what} {_printable(text)!r}.")
        return 0
    bold = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    marks = ("\033[1m", "\033[0m") if bold else ("«", "»")
    try:
        for group in results.groups:
            for hit in group.hits:
                print(row(group.title, f"{hit.context} › {hit.field_label}",
                          hit.snippet_with_marks(*marks)))
        sys.stdout.flush()
    except BrokenPipeError:  # `search … | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if results.more:
        print(f"(showing the first {args.limit}; narrow the search or raise --limit)", file=sys.stderr)
    return 0


def _issue_id(services: Services, ref: str) -> int:
    """``--issue``: a library issue's id, else its slug (a slug may be all digits too)."""
    from briefing.errors import NotFoundError

    ref = ref.strip()
    if ref.isascii() and ref.isdigit() and len(ref) < 19:  # 19 digits may not fit the database
        try:
            return services.issues.get(int(ref)).id
        except NotFoundError:
            pass
    return services.issues.by_slug(ref).id


def _has_words(text: str) -> bool:
    from db.search.text import parse_query

    return not parse_query(text).is_empty
