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
        "columns: id, date (venue's local date, YYYY-MM-DD), title, status."
    )


def run(args: argparse.Namespace, services: Services) -> int:
    from zoneinfo import ZoneInfo

    for m in services.meetings.list():
        local = m.starts_at.astimezone(ZoneInfo(m.timezone))
        print(f"{m.id}\t{local:%Y-%m-%d}\t{m.title}\t{m.status}")
    return 0
