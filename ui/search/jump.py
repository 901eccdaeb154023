"""Going to a search hit: open its meeting, bring up the tab that shows it, select the words.

The domain says where a hit is shown (``SearchService.place``: for a person or a
library issue, the meeting open now when it can show it); the workspace brings
the tab to the front and the panel selects the row and marks the matches
(``Panel.show_field``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.search.records import SearchHit

if TYPE_CHECKING:
    from ui.window_parts import WindowParts


def show_hit(window: WindowParts, hit: SearchHit) -> bool:
    """Show ``hit`` in ``window``; False (and a word in the status bar) when it cannot be shown."""
    if hit.entity == "qa":  # the Q&A bank belongs to no meeting: its window shows the entry
        return window.show_qa_bank().show_entry(hit.entity_id)  # type: ignore[attr-defined]
    current = window.meeting.id if window.meeting is not None else None
    place = window.ctx.services.search.place(hit, current)
    if place.meeting_id is None:
        what = "is in no meeting's delegation" if hit.entity == "person" else "has no note in any meeting"
        window.ctx.status.info(f"\u201c{hit.context}\u201d {what}, so there is nothing to open.")
        return False
    if place.meeting_id != current:
        window.open_meeting(place.meeting_id)
    workspace = window.workspace
    shown = True
    if place.note_id is not None:
        in_note = hit.entity == "note"
        shown = workspace.show_field("note", place.note_id, hit.field if in_note else "",
                                     hit.matches if in_note else ())
    if hit.entity not in ("note", "issue"):
        shown = shown and workspace.show_field(place.entity, place.entity_id, place.field, hit.matches)
    if not shown:
        window.ctx.status.info(f"\u201c{hit.context}\u201d is no longer where the search found it "
                               "(deleted or moved since); search again.")
    return shown
