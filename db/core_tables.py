"""Light SQLAlchemy Core views of tables that start-up reads before the ORM models exist.

Declaring the nine mapped classes of ``db.models`` and configuring their
mappers takes tens of milliseconds. The first screen reads only the meetings
table (the list, the meeting to open, its fields), so those reads go through
this ``table()`` clause with the same columns and types, and ``db.models`` is
imported when something first needs the ORM (a write, another tab) or when the
app prepares it after the first paint (``Services.prepare_models``).

``tests/db/test_core_tables.py`` checks these columns against the models, so the
two cannot drift apart.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text, column, table

from db.types import UTCDateTime

meetings = table(
    "meetings",
    column("id", Integer),
    column("key", String),
    column("title", String),
    column("round_no", Integer),
    column("counterpart", String),
    column("location", String),
    column("starts_at", UTCDateTime),
    column("ends_at", UTCDateTime),
    column("timezone", String),
    column("home_timezone", String),
    column("status", String),
    column("sensitivity", String),
    column("objectives", Text),
    column("principal", String),
    column("prepared_by", String),
    column("previous_id", Integer),
    column("is_sample", Boolean),
    column("page_budget_full", Integer),
    column("page_budget_short", Integer),
    column("page_budget_defensive", Integer),
    column("classified_by", String),
    column("classification_reason", String),
    column("declassify_on", String),
    column("created_at", UTCDateTime),
    column("updated_at", UTCDateTime),
    column("version", Integer),
    column("deleted_at", UTCDateTime),
)
