"""``Conflict``: a write refused because the row changed elsewhere, with both sides of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ui.undo.kinds import RowKind


@dataclass(frozen=True)
class Conflict:
    """``mine`` (the values this window tried to write, based on ``base``) against ``current``,
    the row as the store holds it now (None when the store did not say; it is read again)."""

    kind: RowKind
    row_id: int
    mine: dict[str, Any]
    base: dict[str, Any]
    current: Any = None
    journal_token: str | None = None
    """A row command's change kept in the crash journal (it had waited offline): let go only once
    the user has chosen, so that a kill while the dialog asks loses nothing."""

    def theirs(self, record: Any) -> dict[str, Any]:
        """The values of the fields in conflict as ``record`` holds them."""
        return {name: getattr(record, name) for name in self.mine}

    @property
    def text_field(self) -> str | None:
        """The one text field in conflict (which can be merged by editing), or None."""
        if len(self.mine) == 1:
            name, value = next(iter(self.mine.items()))
            return name if isinstance(value, str) else None
        return None

    def describe(self, values: dict[str, Any]) -> str:
        """Values as text to compare: the text itself for one text field, else ``Label: value`` lines."""
        if self.text_field is not None:
            return str(values[self.text_field] or "")
        return "\n".join(f"{self.kind.label(n)}: {'' if v is None else v}" for n, v in values.items())
