"""The panel contract: what every tab of the workspace is and does.

A panel is a ``QWidget`` built as ``Panel(ctx, parent)`` with an ``AppContext``.
The window calls:

- ``set_meeting(meeting_id)`` to show a meeting (``None``: no meeting; show an
  empty state that says what to do). The workspace calls it on the visible tab
  when the user opens a meeting and on the other tabs when they are next shown,
  so load what the tab shows here, and ignore events about other meetings.
- ``flush()`` before switching meeting, before undo/redo, and when the window
  closes: write any typed text that is still waiting for the autosave pause.
  After ``flush()`` returns nothing the user typed may be pending.
- ``show_field(entity, entity_id, field, spans)`` to go to one field of one
  row of the meeting shown (a search hit): select the row (``entity`` is a
  ``SearchHit.entity``: ``"note"``, ``"agenda_item"``…), put the cursor in the
  field's editor and select ``spans`` there (Python offsets into the stored
  text: ``ui.widgets.text_marks.show_matches`` converts and marks them). Return
  False when the tab does not show that row; the window then says so.

A panel writes only by pushing undo commands on ``ctx.undo_stack`` (see
``ui.undo``); it learns about changes from ``ctx.events`` and reloads what it
shows. Tabs are listed in ``ui.workspace.tabs`` (a tab's panel is built when the
tab is first shown).

The pieces a panel is made of, as the Overview and Agenda use them:

- typing into a record's fields: ``ui.forms.EditorForm(ctx, kind)`` with one
  binding per editor (``LineBinding``, ``TextBinding``, ``ChoiceBinding``,
  ``SpinBinding``, ``CustomBinding``); ``form.load(record)`` shows a record (and,
  for the row already shown, keeps what is still being typed); the panel's
  ``flush()`` calls ``form.flush(end_burst=True)``. Reload with ``form.load`` on
  the kind's event (``sig_notes_changed`` for ``kinds.NOTE``…); remember a row
  read from the store with ``ctx.writer.remember(kind, record)`` so that its
  version is the one the next write is checked against;
- kinds of rows: ``ui.undo.kinds`` (``MEETING``, ``AGENDA_ITEM``, ``NOTE``,
  ``ISSUE``, ``PERSON``, ``PARTICIPANT``, ``ACTION``, ``source_kind(meeting_id)``);
- one-shot edits (a table cell, a pick): push ``ui.undo.edit.EditCommand(ctx,
  kind, id, old, new)``; structure (add, delete, move): a ``ServiceCommand``
  subclass like ``ui.agenda.commands`` that emits the kind's event and returns
  its meeting from ``meeting_to_show()``. Keep a reference to
  ``command.outcome`` before ``push()`` to learn whether the write was refused;
- widgets: ``ui.widgets`` (``MarkdownEditor`` with its preview toggle,
  ``FieldError`` next to a field, ``EmptyState``, ``ZoneComboBox``); item models
  go in ``ui.models`` and are checked with ``qtmodeltester``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget


@runtime_checkable
class Panel(Protocol):
    """A tab of the meeting workspace."""

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show this meeting (None: no meeting is open)."""

    def flush(self) -> None:
        """Write any typed text that is still pending, now."""

    def show_field(self, entity: str, entity_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        """Go to ``field`` of row ``entity_id`` and select ``spans`` in it; False: not shown here."""


def is_panel(widget: QWidget) -> bool:
    """True when ``widget`` keeps the panel contract."""
    return isinstance(widget, Panel)
