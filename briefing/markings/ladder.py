"""Sensitivity markings: a ladder of codes, lowest first, each with its label and band colour."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Marking:
    """One rung of the ladder: ``code`` is stored, ``label`` printed, ``colour`` the banner band."""

    code: str
    label: str
    colour: str  # "#rrggbb", after the familiar cover-sheet colours


DEFAULT_LADDER: tuple[Marking, ...] = (
    Marking("U", "UNCLASSIFIED", "#2e7d32"),
    Marking("SBU", "SENSITIVE BUT UNCLASSIFIED", "#6a5a8c"),
    Marking("C", "CONFIDENTIAL", "#1f4e9c"),
)


class Ladder:
    """The markings in use, lowest first (a custom ladder brings its own colours)."""

    def __init__(self, markings: tuple[Marking, ...] = DEFAULT_LADDER) -> None:
        if not markings:
            raise ValueError("a sensitivity ladder needs at least one marking")
        self.markings = markings
        self._by_code = {m.code: m for m in markings}

    @property
    def lowest(self) -> Marking:
        return self.markings[0]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.markings)

    def get(self, code: str) -> Marking:
        """The marking for ``code``; an unknown code (from another ladder) prints as itself."""
        return self._by_code.get(code) or Marking(code, code.upper(), "#555555")

    def __contains__(self, code: object) -> bool:
        return code in self._by_code
