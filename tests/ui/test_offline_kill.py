"""A kill while offline loses nothing: edits waiting for a server that is away are in the crash
journal, and the next start offers them back (the store never had them)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from briefing.config import Config
from briefing.interchange.sample import load_sample
from briefing.services import Services
from tests.ui.test_offline import cut, reconnect

pytestmark = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TYPED = " Typed offline, then killed: <b>鉄鋼</b> & 50% 🙂"


def test_a_kill_while_offline_keeps_the_waiting_edits_for_the_next_start(
        db_url, postgres_server, settings_file, tmp_path, monkeypatch):
    with Services.open(db_url, Config()) as services:
        load_sample(services.db, services.config)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}  # the server store's journal
    log = tmp_path / "child.log"  # a file, not a pipe: what it prints while offline never blocks it
    kill_offline([sys.executable, "-m", "tests.ui.offline_window", db_url, settings_file, TYPED],
                 postgres_server, db_url, env, log, said="offline ")
    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])
    services = Services.open(db_url, Config(), crash_journal=True)  # the next start
    try:
        assert services.recovery is not None and services.recovery.unclean
        kept = services.recovery.pending
        assert [(e.entity, e.field) for e in kept] == [("note", "background")]
        assert kept[0].value.endswith(TYPED)
        assert not services.notes.get(kept[0].entity_id).background.endswith(TYPED)  # never stored
    finally:
        services.journal.end_session()
        services.close()


def kill_offline(command: list[str], postgres_server, db_url: str, env: dict, log, said: str) -> None:
    """Start the window ``command`` runs, cut the server once it is ready, let it act ("go"), and
    SIGKILL it as soon as it says ``said…`` (offline, its changes waiting); the server comes back."""
    with log.open("w") as errors:  # a file, not a pipe: what it prints while offline never blocks it
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=errors, text=True)
    try:
        assert child.stdout.readline().strip() == "ready", log.read_text()[-3000:]
        cut(postgres_server, db_url)
        child.stdin.write("go\n")
        child.stdin.flush()
        line = child.stdout.readline().strip()
        assert line.startswith(said), (line, log.read_text()[-3000:])
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        reconnect(postgres_server, db_url)
    assert child.returncode == -signal.SIGKILL
