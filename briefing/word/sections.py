"""Which note section a Word heading names: "Background", "Our objectives", "Talking Points",
"Defensive Q&A", "Anticipated asks", "Red Lines", "Sources" — case and wording variants."""

from __future__ import annotations

import re

#: Words (lower case, after the heading is cut down to letters) that name each section.
_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("background", ("background", "context", "history", "overview")),
    ("objectives", ("our objectives", "objectives", "objective", "our objective", "our goals",
                    "goals", "aims", "our aims", "our ask", "our asks")),
    ("their_position", ("their position", "their positions", "counterpart position",
                        "counterparts position", "their view", "their views", "their side",
                        "position of the other side", "other side")),
    ("talking_points", ("talking points", "talking point", "key messages", "points to make",
                        "speaking points", "messages")),
    ("defensives", ("anticipated asks defensive q a", "defensive q a", "defensives", "defensive",
                    "anticipated asks", "anticipated questions", "q a", "questions and answers",
                    "defensive questions and answers", "anticipated asks and defensive q a",
                    "defensive q a anticipated asks", "defensive q and a", "q and a")),
    ("red_lines", ("red lines", "red line", "redlines", "bottom lines", "bottom line")),
    ("sources", ("sources", "source", "references", "citations")),
)
_LOOKUP = {name: field for field, names in _NAMES for name in names}
_NOT_LETTERS = re.compile(r"[^\w]+|_")


def normalise(heading: str) -> str:
    """``"Defensive Q&A:"`` → ``"defensive q a"``: lower case, words only."""
    return " ".join(_NOT_LETTERS.sub(" ", heading.casefold()).split())


def section_of(heading: str) -> str | None:
    """The note field (or ``"sources"``) a heading names, or ``None``."""
    key = normalise(heading)
    if key in _LOOKUP:
        return _LOOKUP[key]
    key = re.sub(r"^\d+ ", "", key)  # "2. Objectives"
    return _LOOKUP.get(key)
