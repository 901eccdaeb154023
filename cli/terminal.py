"""What the command line prints to a terminal is the text that was typed, never instructions to the terminal.

A title, a name or a search excerpt may hold anything a user pasted: an escape sequence
(``ESC [ 2 J`` clears the screen, others retitle the window or move the cursor), a carriage
return that writes over the start of the line, or a bidi override (U+202E turns the rest of
the line around). Written to a terminal, each is shown as its code (``\\x1b``, ``\\u202e``),
so what is on screen is what is in the store. Written to a pipe or a file the text goes out
as it is: a program reading it gets the data exactly.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

#: C0 controls but tab and line feed, DEL, C1 controls, bidi embeddings, overrides and isolates.
_INSTRUCTIONS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _code(match: re.Match[str]) -> str:
    point = ord(match.group())
    return f"\\x{point:02x}" if point <= 0xFF else f"\\u{point:04x}"


def shown(text: str) -> str:
    """``text`` with every character a terminal would obey written as its code."""
    return _INSTRUCTIONS.sub(_code, text)


class TerminalStream:
    """A terminal's text stream that shows instructions as codes (``shown``); the rest is the stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(shown(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def for_terminal(stream: TextIO) -> TextIO:
    """``stream`` itself, or, when it is a terminal, the same stream showing instructions as codes."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError, OSError):  # closed, or not a real stream
        return stream
    return TerminalStream(stream) if terminal else stream  # type: ignore[return-value]
