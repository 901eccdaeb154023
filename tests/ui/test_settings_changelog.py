"""A user name typed in Settings signs the next changes at once: note history and the change log."""

from __future__ import annotations

from tests.ui.test_settings_window import open_settings, save
from tests.ui.typing import type_into


def test_a_new_user_name_signs_the_next_note_save_action_and_trash_entry(qtbot, window, config_dir):
    services = window.ctx.services
    services.actions, services.notes  # made with the old name before the change  # noqa: B018
    dialog = open_settings(qtbot, window)
    dialog.user_name.selectAll()
    type_into(qtbot, dialog.user_name, "林 Aiko")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    services = window.ctx.services
    meeting_id = window.meeting.id
    item = services.actions.add(meeting_id, "Call Tokyo")
    services.actions.delete(item.id)
    note = services.notes.list_full(meeting_id)[0]
    services.notes.update(note.id, note.version, background="changed")
    changes = services.changelog.changes(meeting_id=meeting_id)[-3:]
    assert [(c.user_name, c.what) for c in changes] == [
        ("林 Aiko", "action added"), ("林 Aiko", "moved to trash"), ("林 Aiko", "note edited")]
    assert services.history.revisions(note.id)[0].author == "林 Aiko"
