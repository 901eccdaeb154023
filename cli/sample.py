"""``main.py sample``: load the sample US–Japan meetings (a second time changes nothing).

The sample's dates are moved by whole weeks so that its latest round is at least
a week after today (``--as-of`` another day; a day before February 2022 keeps the
historical dates).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "sample"
HELP = "load the sample US–Japan meetings (loading it twice changes nothing)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", type=_day, default=None, metavar="YYYY-MM-DD",
                        help="move the sample's dates so that its latest round is at least a week "
                             "after this day, from 1900 to 2199 (default: today)")


def _day(text: str) -> date:
    from briefing.times.zones import EARLIEST_YEAR, LATEST_YEAR

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    # The sample's meetings and due dates land around the day: they must stay in the years
    # a store keeps (its last year is left for the due dates after the latest round).
    if not EARLIEST_YEAR <= day.year < LATEST_YEAR:
        raise argparse.ArgumentTypeError(f"{text!r} is outside the years the sample can be moved to "
                                         f"({EARLIEST_YEAR} to {LATEST_YEAR - 1})")
    return day


def run(args: argparse.Namespace, services: Services) -> int:
    from briefing.interchange.sample import load_sample

    if load_sample(services.db, services.config, as_of=args.as_of or date.today()):
        print("Loaded the sample US–Japan meetings.")
    else:
        print("The sample meetings are already in this database; nothing changed.")
    return 0
