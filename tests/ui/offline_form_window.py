"""A real Briefbook window in a child process that changes a number on the Overview while its server
is away, until killed.

    python -m tests.ui.offline_form_window URL SETTINGS.ini

It opens the window as the app does (offscreen), prints ``ready``, and waits for a line on its
standard input: the caller has cut the store off by then. It sets the meeting's round to
``ROUND_GIVEN`` (a number, not text), waits until the window says "Offline — 1 change waiting" and
the crash-recovery journal holds it (or 5 s more have passed), prints ``offline STATUS KEPT`` (the
journal's entries as ``entity.field=value``), and goes on retrying until the caller SIGKILLs it.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUND_GIVEN = 7


def main(url: str, settings_path: str) -> None:
    from tests.ui.offline_child import open_window, retry_until_killed, until

    app, window = open_window(url, settings_path)
    overview = window.workspace.panel("Overview")
    until(app, lambda: overview.round.isEnabled() and window.status.summary.text().startswith("Agenda"))
    print("ready", flush=True)
    sys.stdin.readline()  # the store is cut off now
    overview.round.setFocus()
    overview.round.setValue(ROUND_GIVEN)
    journal = window.ctx.journal

    def kept() -> list[str]:
        return [f"{e.entity}.{e.field}={e.written!r}" for e in journal.pending()]

    until(app, lambda: window.status.state.text().startswith("Offline — 1 change waiting"))
    until(app, lambda: kept() != [], 5)  # it waits: the journal has it by now, or soon
    print(f"offline {window.status.state.text()!r} {kept()}", flush=True)
    retry_until_killed(app)


if __name__ == "__main__":
    main(*sys.argv[1:3])
