"""``main.py meetings``: one line per meeting, by start: id, date, title, status."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "meetings"
HELP = "list the meetings, one per line: id, date, title, status"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "List every meeting ordered by start time, one per line with tab-separated "
        "columns: id, date (venue's local date, YYYY-MM-DD), title, status. A stored start "
        "that cannot be shown in the venue's zone is given as UTC with a note saying so."
    )


def run(args: argparse.Namespace, services: Services) -> int:
    from briefing.times.zones import in_zone, unshowable
    from cli.columns import row

    for m in services.meetings.list():
        local = in_zone(m.starts_at, m.timezone)
        day = unshowable(m.starts_at, m.timezone) if local is None else f"{local:%Y-%m-%d}"
        print(row(m.id, day, m.title, m.status))
    return 0
