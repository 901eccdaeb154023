"""A new entry of the Q&A bank saved while the server is away is not written: the dialog says so,
keeps what was typed, and saves it once the server is back. Against a real PostgreSQL server."""

from __future__ import annotations

import pytest

from tests.ui.test_offline import BACK_WITHIN_MS, cut, data_dir, reconnect  # noqa: F401 - fixture
from tests.ui.test_qa_window import click
from tests.ui.typing import type_into
from tests.ui.write_gate import written

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


def test_a_new_entry_saved_offline_stays_in_its_dialog_and_is_saved_when_back(
        qtbot, open_window, store, db_url, postgres_server):
    window = open_window(sample=True)
    qtbot.waitUntil(lambda: window.status.summary.text().startswith("Agenda"))
    bank = window.show_qa_bank()
    click(qtbot, bank.new_button)
    dialog = bank.dialog
    type_into(qtbot, dialog.question, "Will the quota cover 鉄鋼 <&> too?")
    before = len(store.qa.list())
    cut(postgres_server, db_url)
    try:
        click(qtbot, dialog.buttons.buttons()[0])
        qtbot.waitUntil(lambda: dialog.error.message != "", timeout=BACK_WITHIN_MS)
        written(qtbot, window)
        assert "cannot be reached" in dialog.error.message and "nothing was written" in dialog.error.message
        assert dialog.isVisible() and dialog.question.toPlainText() == "Will the quota cover 鉄鋼 <&> too?"
        assert dialog.buttons.isEnabled()
    finally:
        reconnect(postgres_server, db_url)
    store.db.dispose()
    click(qtbot, dialog.buttons.buttons()[0])  # tried again by the user: the server is back
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=BACK_WITHIN_MS)
    assert len(store.qa.list()) == before + 1
    assert "Will the quota cover 鉄鋼 <&> too?" in [e.question for e in store.qa.list()]
