"""A member whose PostgreSQL role may only read gets a read-only window with a bar saying so,
not an error per keystroke; what others save still shows in it (live)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy.engine import make_url

from briefing.config import Config
from briefing.interchange.sample import load_sample
from briefing.services import Services
from tests.ui.test_issue_notes import notes_tab, section
from tests.ui.typing import type_into
from ui.store_bars import READ_ONLY_TITLE
from ui.widgets.message_bar import MessageBar

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


@pytest.fixture
def reader_url(db_url, postgres_server):
    """The store's URL as a role that may only SELECT (what an administrator grants a reader)."""
    database = make_url(db_url).database
    role = f"reader_{database}"[:60]
    with postgres_server.engine.connect() as connection:
        connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        connection.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
    owner = Services.open(db_url, Config())
    load_sample(owner.db, owner.config)
    with owner.db.engine.begin() as connection:
        connection.exec_driver_sql(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        connection.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    yield make_url(db_url).set(username=role).render_as_string(hide_password=False)
    with owner.db.engine.begin() as connection:
        connection.exec_driver_sql(f'DROP OWNED BY "{role}"')  # its grants, in this database
    owner.close()
    with postgres_server.engine.connect() as connection:
        connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


def test_a_role_that_may_only_read_opens_a_store_read_only(reader_url):
    services = Services.open(reader_url, Config())
    try:
        assert services.read_only
        assert "may read this store but not change it" in services.db.read_only_reason
        meeting = services.meetings.get(services.meetings.list()[0].id)
        with pytest.raises(Exception, match="Ask the store's administrator for write access"):
            services.meetings.update(meeting.id, meeting.version, title="Nope")
    finally:
        services.close()


def test_a_reader_gets_a_read_only_window_with_a_bar_and_no_error_per_keystroke(
        qtbot, reader_url, settings_file, store):
    from ui.app import build_window

    services = Services.open(reader_url, Config(home_timezone="America/New_York"))
    window = build_window(services, QSettings(settings_file, QSettings.Format.IniFormat), autosave_ms=50)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "ask_on_close", False))
    try:
        window.show()
        qtbot.waitExposed(window)
        bars = [b for b in window.bars.findChildren(MessageBar) if b.isVisible()]
        assert [b.title.text() for b in bars] == [READ_ONLY_TITLE]
        assert "may read this store but not change it" in bars[0].text.text()
        assert "ask the store's administrator for write access" in bars[0].text.text()
        panel = notes_tab(qtbot, window)
        editor = section(panel)
        before = editor.toPlainText()
        assert editor.isReadOnly()
        type_into(qtbot, editor, "typed by a reader")
        qtbot.wait(200)  # the autosave pause (50 ms) has passed: nothing to write, nothing refused
        assert editor.toPlainText() == before
        assert not window.status.state.text().startswith(("Offline", "Not saved"))
        assert not window.window_actions.new_meeting.isEnabled()
        assert not window.window_actions.import_file.isEnabled()  # (exporting everything still may)
        assert window.window_actions.export_everything.isEnabled()
        # What a writer saves still shows to the reader.
        note = store.notes.get(panel.editor.note.id)
        store.notes.update(note.id, note.version, background="Saved by a writer <&> 書き手")
        qtbot.waitUntil(lambda: editor.toPlainText() == "Saved by a writer <&> 書き手", timeout=10_000)
    finally:
        window.ask_on_close = False
        window.close()
        services.close()
