"""The index's SQL functions are on every connection, and load the tokenizer only when a write needs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from db.search import fts
from db.sqlite_setup import INDEX_FUNCTIONS

ROOT = Path(__file__).parents[2]


def test_the_stand_ins_are_the_functions_db_fts_registers():
    registered = []

    class Connection:
        def create_function(self, name, narg, function, **options):
            registered.append((name, narg))

    fts.register_functions(Connection())
    assert sorted(registered) == sorted(INDEX_FUNCTIONS)


def test_reading_a_store_does_not_load_the_tokenizer_and_a_write_still_indexes(sample, db_url):
    sample.close()
    code = (
        "import sys\n"
        "from briefing.services import Services\n"
        f"services = Services.open({db_url!r}, automatic_backups=False)\n"
        "meeting = services.meetings.list()[0]\n"
        "print('db.search.fts' in sys.modules, 'db.search.text' in sys.modules)\n"
        "services.meetings.update(meeting.id, None, title='Plenary on quokkas')\n"
        "hits = services.search.search('quokkas').hits\n"
        "print([h.entity_id for h in hits] == [meeting.id])\n"
        "services.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False", "True"]
