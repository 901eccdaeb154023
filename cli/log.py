"""``main.py log [--meeting M] [--since DATE]``: who changed what and when, one line per change."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "log"
HELP = "who changed what and when: one line per change, oldest first"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meeting", metavar="MEETING", help="only this meeting (id, key or title)")
    parser.add_argument("--since", metavar="DATE",
                        help="only changes from DATE on (YYYY-MM-DD, or YYYY-MM-DDTHH:MM; UTC)")
    parser.epilog = (
        "Each line has five tab-separated columns, no header: the time (UTC, ISO 8601), the user, "
        "the meeting (empty when the change is not in one, or the meeting was deleted for good), "
        "what was done and the field it changed (empty when none). Nothing logged is not an error."
    )


def parse_since(text: str) -> datetime:
    """``--since`` as a moment in UTC, or a ValidationError saying what it should look like."""
    from briefing.errors import ValidationError

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("--since", f"{text!r} is not a date (write it as YYYY-MM-DD, "
                                         "or YYYY-MM-DDTHH:MM in UTC)") from None
    try:
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is in the year 0 in UTC
        raise ValidationError("--since", f"{text!r} is before the year 1 or after the year 9999 "
                                         "in UTC") from None


def _cell(text: str) -> str:
    return " ".join(text.split())  # a tab or line break in a name must not split the line


def run(args: argparse.Namespace, services: Services) -> int:
    since = parse_since(args.since) if args.since is not None else None
    meeting_id = services.meetings.resolve(args.meeting).id if args.meeting is not None else None
    for change in services.changelog.changes(meeting_id=meeting_id, since=since):
        at = change.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        print("\t".join((at, _cell(change.user_name), _cell(change.meeting_title),
                         change.what, change.field)))
    return 0
