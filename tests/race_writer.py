"""Another writer as a real process, for the restore races (tests/race_checks.py).

    python -m tests.race_writer MODE STORE RUN

MODE ``autosave`` is a second window's autosave: agenda items titled
``race RUN I`` added to the store's last meeting, one write after another.
MODE ``import`` imports small documents one after another through the services
(each backed up first, as every import is), their meetings titled ``… [RUN-I n]``.
It prints ``ready`` once set up, ``done I`` after unit I has committed, or
``refused I <message>`` when the store refused it (a message, not a success),
and runs until it is terminated.
"""

from __future__ import annotations

import itertools
import sys
import time

#: Between two autosave writes: a burst far faster than a window's (one a second), yet leaving
#: other writers a turn at the store's lock, as a window does.
AUTOSAVE_PAUSE = 0.02


def tagged_document(tag: str, copies: int = 1) -> dict:
    """The sample's meetings ``copies`` times over, each title ending ``[TAG n]``."""
    from briefing.interchange.sample import sample_document

    doc = sample_document()
    meetings = []
    for n in range(copies):
        for m in doc["meetings"]:
            copy = {**m, "key": f"{m['key']}-{tag}-{n}", "title": f"{m['title']} [{tag} {n}]"}
            if m.get("previous"):
                copy["previous"] = f"{m['previous']}-{tag}-{n}"
            meetings.append(copy)
    return {**doc, "meetings": meetings}


def written(mode: str, run: str, i: int) -> tuple[str, set[str]]:
    """What unit ``i`` of ``run`` writes: the table and the titles a check looks for."""
    if mode == "autosave":
        return "agenda_items", {f"race {run} {i}"}
    return "meetings", {m["title"] for m in tagged_document(f"{run}-{i}")["meetings"]}


def main(mode: str, store: str, run: str) -> None:
    from briefing.errors import BriefbookError
    from briefing.services import Services

    services = Services.open(f"sqlite:///{store}", automatic_backups=False)
    services.backups.keep = 10_000  # the check reads every backup a restore took
    meeting_id = services.meetings.list()[-1].id
    print("ready", flush=True)
    for i in itertools.count():
        try:
            if mode == "autosave":
                [title] = written(mode, run, i)[1]
                services.agenda.add(meeting_id, title, minutes=5)
                time.sleep(AUTOSAVE_PAUSE)
            else:
                services.interchange.import_document(tagged_document(f"{run}-{i}"))
        except BriefbookError as error:
            print(f"refused {i} {error}".replace("\n", " "), flush=True)
            continue
        print(f"done {i}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
