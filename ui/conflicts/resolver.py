"""``ConflictResolver``: turns a refused stale write into a choice, and writes what the user chose.

It listens for ``sig_conflict`` (``EditCommand`` sends it), shows the dialog (one
conflict at a time, built when first needed), and then: keep mine or a merged
text is a new undoable edit based on their version, written in the ``WRITES`` lane
after every write queued before it (never on the GUI thread: the window goes on
while the store works); keep theirs shows theirs and forgets mine. Either way,
once the store has the choice, forms showing the row are told to show the store's
values (``sig_conflict_resolved``) and the journal is settled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from briefing.errors import NotFoundError
from ui.conflicts.conflict import Conflict
from ui.context import AppContext
from ui.undo.command import Outcome
from ui.undo.edit import EditCommand


class ConflictResolver(QObject):
    """One per window: the conflict dialog and what follows from the user's choice."""

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog = None
        self.shown: Conflict | None = None
        self.theirs: Any = None
        self.waiting: list[Conflict] = []
        self.writing: dict[tuple[str, int], int | None] = {}
        """Rows whose chosen text is on its way to the store, with the version of theirs it is based on."""
        ctx.events.sig_conflict.connect(self.on_conflict)

    def on_conflict(self, conflict: Conflict) -> None:
        """Ask the user about ``conflict`` (after the one shown, if any). A view re-reading the row
        while the user's choice is being written asks nothing again: the choice answered it."""
        if not conflict.mine:
            return  # nothing of this window's is refused (a view re-read the row just written)
        based = self.writing.get((conflict.kind.name, conflict.row_id), -1)
        version = getattr(conflict.current, "version", None)
        if based != -1 and version is not None and based is not None and version <= based:
            return
        if self.shown is not None:
            same = (conflict.kind.name, conflict.row_id) == (self.shown.kind.name, self.shown.row_id)
            if not same:
                self.waiting.append(conflict)
                return
        self._show(conflict)

    def _show(self, conflict: Conflict) -> None:
        current = conflict.current if conflict.current is not None else self._read(conflict)
        if current is None:
            self.ctx.status.failed(f"{conflict.kind.what.capitalize()} was deleted elsewhere; your text "
                                   "was not written and is kept in the editor.")
            self._next()
            return
        from ui.conflicts.dialog import ConflictDialog

        if self.dialog is None:
            self.dialog = ConflictDialog(self.window)
            self.dialog.sig_chosen.connect(self._chosen)
            self.dialog.finished.connect(self._closed)
        self.shown, self.theirs = conflict, current
        label = ", ".join(conflict.kind.label(name) for name in conflict.mine)
        title = f"Changed elsewhere — {label}"
        what = conflict.kind.what.capitalize()
        name = _name_of(current)
        message = (f"{what}{f' “{name}”' if name else ''} ({label}) was changed in another window or "
                   "by someone else after you began. Nothing was written over it: choose what to keep.")
        self.dialog.show_conflict(title, message, conflict.describe(conflict.theirs(current)),
                                  conflict.describe(conflict.mine), conflict.text_field is not None)
        self.dialog.open()

    def _read(self, conflict: Conflict) -> Any:
        read = conflict.kind.read
        try:
            return read(self.ctx.services)(conflict.row_id) if read is not None else None
        except NotFoundError:
            return None

    def _chosen(self, choice: str, merged: str) -> None:
        conflict, theirs = self.shown, self.theirs
        if conflict is None:
            return
        kind = conflict.kind
        labels = ", ".join(kind.label(name).lower() for name in conflict.mine)
        self.ctx.writer.remember(kind, theirs)  # the next write is based on their version
        if choice == "theirs":
            kind.announce(self.ctx.events, theirs)
            self._settle(conflict, self.ctx.journal.discard if self.ctx.journal else None)
            if conflict.journal_token is not None and self.ctx.journal is not None:
                self.ctx.journal.discard_row(conflict.journal_token)
            self.ctx.status.info(f"Kept the {labels} saved elsewhere; yours was dropped, as you chose.")
            return
        values = dict(conflict.mine)
        if choice == "merged" and conflict.text_field is not None:
            values = {conflict.text_field: merged}
        command = EditCommand(self.ctx, kind, conflict.row_id, conflict.theirs(theirs), values,
                              text=f"Keep {'merged' if choice == 'merged' else 'my'} {labels}",
                              background=True, on_done=lambda outcome: self._written(conflict, outcome))
        command.waits_offline = True  # the server away: written once it is back, not dropped
        self.shown = None  # a new conflict on this write is a new question
        self.writing[(kind.name, conflict.row_id)] = getattr(theirs, "version", None)
        self.ctx.undo_stack.push(command)  # written in the lane, after every write queued before it

    def _written(self, conflict: Conflict, outcome: Outcome) -> None:
        """The chosen text is stored: the journal lets it go and the forms show it. (Refused, it
        stays in the editor and the journal; a new conflict asks again.)"""
        self.writing.pop((conflict.kind.name, conflict.row_id), None)
        if outcome.ok:
            self._settle(conflict, self.ctx.journal.committed if self.ctx.journal else None)
        if conflict.journal_token is not None and self.ctx.journal is not None:
            # (refused again, the values are in the new question: this window still holds them)
            self.ctx.journal.row_written(conflict.journal_token)

    def _settle(self, conflict: Conflict, settle) -> None:
        if settle is not None:
            for name in conflict.mine:  # a text typed, or a cell's value that waited offline
                settle(conflict.kind.name, conflict.row_id, name)
        self.ctx.events.sig_conflict_resolved.emit(conflict.kind.name, conflict.row_id)

    def _closed(self, _result: int) -> None:
        self.shown = None
        self._next()

    def _next(self) -> None:
        if self.waiting:
            self._show(self.waiting.pop(0))


def _name_of(record: Any) -> str:
    """What the user calls a row: its title, its issue's title, its name, or its person's name."""
    for attribute in ("issue_title", "title", "name", "text"):
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value.strip():
            line = value.strip().splitlines()[0]
            return line if len(line) <= 80 else line[:79] + "…"
    person = getattr(record, "person", None)
    return person.name if person is not None else ""
