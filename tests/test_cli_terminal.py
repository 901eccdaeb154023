"""What the command line prints to a terminal shows a pasted escape sequence, carriage return or
bidi override as its code instead of obeying it (cli/terminal.py); to a pipe the text goes out as
stored. Run as a user runs it: a real process, its output a pseudo-terminal or a pipe."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

import pytest

from briefing.config import Config
from briefing.services import Services
from tests.test_cli import ROOT, cli

pytestmark = pytest.mark.sqlite_only(reason="the command line's output, on an SQLite file")

HOSTILE = "Steel\x1b[2J\x1b]0;pwned\x07 talks \u202eevil\u202c end"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    with Services.open(f"sqlite:///{path}", Config()) as services:
        services.meetings.create(title=HOSTILE, starts_at="2026-12-07T09:00:00+09:00",
                                 timezone="Asia/Tokyo")
    return path


def on_a_terminal(*args: str) -> tuple[int, str]:
    """Run ``main.py`` with a pseudo-terminal as its standard output and error: (status, what it showed)."""
    main, child = pty.openpty()
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], stdin=subprocess.DEVNULL,
                               stdout=child, stderr=child, cwd=ROOT, close_fds=True)
    os.close(child)
    shown = b""
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal (Linux says EIO)
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    return process.wait(timeout=60), shown.decode()


def test_a_title_holding_terminal_instructions_is_shown_as_codes_on_a_terminal(db):
    status, shown = on_a_terminal("--db", str(db), "meetings")
    assert status == 0, shown
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "Steel\\x1b[2J\\x1b]0;pwned\\x07 talks" in shown
    assert "\\u202eevil\\u202c end" in shown


def test_an_error_quoting_what_was_typed_is_shown_as_codes_on_a_terminal(db):
    folder = db.parent / "no such folder \x1b[2J"
    status, shown = on_a_terminal("--db", str(db), "export", "Round", "-o", str(folder / "b.pdf"))
    assert status != 0
    assert "\x1b" not in shown and "no such folder \\x1b[2J" in shown


def test_to_a_pipe_the_text_goes_out_as_stored(db):
    listed = cli("meetings", db=db)
    assert listed.returncode == 0, listed.stderr
    assert HOSTILE in listed.stdout
