"""The sample meeting a new user sees: the US–Japan partnership on trade (resources/sample)."""

from __future__ import annotations

import json
from importlib.resources import files

from sqlalchemy import select

from briefing.config import Config
from briefing.interchange import import_document
from db.engine import Database
from db.models import Issue, Meeting, Person

SAMPLE = ("sample", "us_japan.json")


def sample_document() -> dict:
    """The sample as an interchange document."""
    return json.loads(files("resources").joinpath(*SAMPLE).read_text(encoding="utf-8"))


def load_sample(db: Database, config: Config | None = None) -> bool:
    """Add the sample meetings unless they are there already; True when something was added."""
    doc = sample_document()
    keys = [m["key"] for m in doc["meetings"]]
    with db.read() as s:
        if s.scalar(select(Meeting.id).where(Meeting.key.in_(keys)).limit(1)) is not None:
            return False
    import_document(db, doc, config)
    return True


def is_empty(db: Database) -> bool:
    """True for a store with no meetings, issues or people at all (not even in the Trash)."""
    with db.read() as s:
        return all(s.scalar(select(model.id).limit(1)) is None for model in (Meeting, Issue, Person))
