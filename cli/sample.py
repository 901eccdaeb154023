"""``main.py sample``: load the sample US–Japan meetings (a second time changes nothing)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "sample"
HELP = "load the sample US–Japan meetings (loading it twice changes nothing)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace, services: Services) -> int:
    from briefing.interchange.sample import load_sample

    if load_sample(services.db, services.config):
        print("Loaded the sample US–Japan meetings.")
    else:
        print("The sample meetings are already in this database; nothing changed.")
    return 0
