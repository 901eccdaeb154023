"""What the commands' arguments may be: named files and stores (argparse ``type`` functions)."""

from __future__ import annotations

import argparse
from pathlib import Path


def file_name(text: str) -> Path:
    """A file named on the command line (an argparse ``type``): an empty name (``-o "$UNSET"``)
    is refused, not taken as the current folder."""
    if not text:
        raise argparse.ArgumentTypeError("the file name is empty")
    return Path(text)


def store_name(text: str) -> str:
    """A store named on the command line (``copy --from``/``--to``): an empty one is refused,
    not taken as the default store."""
    if not text:
        raise argparse.ArgumentTypeError("the store's URL or path is empty")
    return text
