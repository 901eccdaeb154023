"""The sample meeting a new user sees: the US–Japan partnership on trade (resources/sample)."""

from __future__ import annotations

import json
from datetime import date
from importlib.resources import files

from sqlalchemy import select

from briefing.changelog.records import SAMPLE_LOADED
from briefing.changelog.service import log_meetings
from briefing.config import Config
from briefing.interchange.load import write_document
from briefing.interchange.parse import parse_document
from briefing.interchange.sample_dates import shifted_to
from db.engine import Database
from db.models import Issue, Meeting, Person

SAMPLE = ("sample", "us_japan.json")
#: The PostgreSQL advisory lock held while the sample is checked for and loaded ("BRFBSAMP").
SAMPLE_LOCK = 0x4252_4642_5341_4D50


def sample_document(as_of: date | None = None) -> dict:
    """The sample as an interchange document: with its historical dates, or, given ``as_of``
    (today), moved by whole weeks so that its latest round is at least a week ahead."""
    doc = json.loads(files("resources").joinpath(*SAMPLE).read_text(encoding="utf-8"))
    return doc if as_of is None else shifted_to(doc, as_of)


def load_sample(db: Database, config: Config | None = None, as_of: date | None = None) -> bool:
    """Add the sample meetings unless they are there already; True when something was added.

    Without ``as_of`` they keep their historical dates (February 2022); the app and
    ``main.py sample`` pass today's date (see ``sample_document``)."""
    doc = sample_document(as_of)
    keys = [m["key"] for m in doc["meetings"]]
    config = config or Config()
    parsed = parse_document(doc, config.ladder.codes, config.home_timezone)
    # The check and the import are one write transaction, so that two processes loading the
    # sample at once load it once: SQLite's write lock is taken at BEGIN (db.engine), and
    # PostgreSQL's transactions wait here for each other's commit.
    with db.write() as s:
        db.serialize(s, SAMPLE_LOCK)
        if s.scalar(select(Meeting.id).where(Meeting.key.in_(keys)).limit(1)) is not None:
            return False
        summary = write_document(s, parsed)
        log_meetings(s, SAMPLE_LOADED, summary.meeting_ids, config.user_name)
    return True


def is_empty(db: Database) -> bool:
    """True for a store with no meetings, issues or people at all (not even in the Trash)."""
    with db.read() as s:
        return all(s.scalar(select(model.id).limit(1)) is None for model in (Meeting, Issue, Person))
