"""Where a problem of an interchange file is: the line and column of a JSON path in the file's text.

``parse_document`` names a problem by its JSON path (``$.meetings[1].notes[2].owner``);
a person fixing the file in an editor needs its line too. Only a refused file is looked
into, so the text is read again then, and walked with the ``json`` module's own scanner:
the values before the one named are skipped whole, at the C scanner's speed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefing.interchange.parse import InterchangeError

#: One step of a JSON path as ``parse_document`` writes it: ``.name``, ``["quoted"]`` or ``[3]``.
_STEP = re.compile(r'\.([^.\[]+)|\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\]')
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def path_steps(path: str) -> list[str | int] | None:
    """``$.meetings[1]["a b"]`` → ``["meetings", 1, "a b"]``; None for what is not such a path."""
    if not path.startswith("$"):
        return None
    steps: list[str | int] = []
    at = 1
    while at < len(path):
        step = _STEP.match(path, at)
        if step is None:
            return None
        name, quoted, index = step.groups()
        steps.append(name if name is not None else json.loads(quoted) if quoted else int(index))
        at = step.end()
    return steps


def offset_of(text: str, steps: list[str | int]) -> int:
    """Where the deepest step of ``steps`` that the text holds starts: a member's key, an item's
    value (a key given twice: its last time, the one that counts). 0 for the document itself."""
    at = _skip_space(text, 0)
    found = at
    for step in steps:
        member = _member_at(text, at, step)
        if member is None:
            break
        found, at = member
    return found


def located(error: InterchangeError, file: Path) -> InterchangeError:
    """``error`` with the file and the line and column of its path in front of the path, when the
    file is a regular file that can be read again and holds the path (else with the file alone)."""
    place = str(file)
    steps = path_steps(error.field)
    # Only a regular file reads the same again: a pipe is used up, and opening a named pipe
    # (FIFO) again would wait for a writer that never comes.
    if steps is not None and file.is_file():
        try:
            text = file.read_text(encoding="utf-8-sig")
            offset = offset_of(text, steps)
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            pass
        else:
            line = text.count("\n", 0, offset) + 1
            column = offset - text.rfind("\n", 0, offset)
            place = f"{file}, line {line}, column {column}"
    return InterchangeError(f"{place}: {error.field}", error.message)


def _member_at(text: str, at: int, step: str | int) -> tuple[int, int] | None:
    """``(where the member starts, where its value starts)`` in the object or list at ``at``."""
    opening = text[at:at + 1]
    if isinstance(step, int) and opening == "[":
        return _item_at(text, at, step)
    if isinstance(step, str) and opening == "{":
        return _key_at(text, at, step)
    return None


def _item_at(text: str, at: int, index: int) -> tuple[int, int] | None:
    at = _skip_space(text, at + 1)
    if text.startswith("]", at):
        return None
    for _ in range(index):
        at = _skip_space(text, _DECODER.raw_decode(text, at)[1])
        if not text.startswith(",", at):
            return None
        at = _skip_space(text, at + 1)
    return at, at


def _key_at(text: str, at: int, name: str) -> tuple[int, int] | None:
    found: tuple[int, int] | None = None
    at = _skip_space(text, at + 1)
    while text.startswith('"', at):
        key, end = _DECODER.raw_decode(text, at)
        value = _skip_space(text, _skip_space(text, end) + 1)  # past the colon
        if key == name:
            found = (at, value)
        at = _skip_space(text, _DECODER.raw_decode(text, value)[1])
        if not text.startswith(",", at):
            break
        at = _skip_space(text, at + 1)
    return found


def _skip_space(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()
