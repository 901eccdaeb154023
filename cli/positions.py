"""``main.py positions MEETING [--issue SLUG]``: where each issue stands, or one issue across rounds."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "positions"
HELP = "list where each issue of a meeting stands: slug, state, since round"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print one line per issue of MEETING with tab-separated columns: the issue's slug, its\n"
        "state (open, bracketed, agreed, dropped) and the round since which it holds.\n"
        "With --issue SLUG, print that issue's state in every meeting of the chain of rounds up\n"
        "to MEETING, oldest first, one line per meeting: the meeting's key, its round, the\n"
        "state and the round since which it holds ('-' for both in a round that kept none).\n"
        "No header lines."
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("meeting", metavar="MEETING", help="the meeting: its id or its title")
    parser.add_argument("--issue", metavar="SLUG", default=None,
                        help="follow one issue (its slug, as `dump` shows it) across the rounds")


def run(args: argparse.Namespace, services: Services) -> int:
    from cli.columns import row

    meeting = services.meetings.resolve(args.meeting)
    if args.issue is None:
        for p in services.positions.list(meeting.id):
            print(row(p.issue_slug, p.state, p.since_round))
        return 0
    issue_id = services.positions.issue_id(args.issue)
    for step in services.positions.history(meeting.id, issue_id):
        state = step.state or "-"
        since = "-" if step.since_round is None else step.since_round
        print(row(step.meeting_key, step.round_no, state, since))
    return 0
