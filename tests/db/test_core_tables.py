"""The light Core tables that start-up reads match the ORM models column for column."""

from __future__ import annotations

from db.core_tables import meetings
from db.models import Meeting


def test_the_meetings_core_table_has_the_models_columns_and_types():
    model = Meeting.__table__.columns
    assert [c.name for c in meetings.columns] == [c.name for c in model]
    for light in meetings.columns:
        assert type(light.type) is type(model[light.name].type), light.name
