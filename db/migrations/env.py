"""Alembic environment: runs on the connection db/migrate.py hands over."""

from alembic import context

from db.models import Base
from db.search.fts import include_in_autogenerate

target_metadata = Base.metadata
# Full-text index tables are created by migrations with raw DDL and have no model.
include_object = include_in_autogenerate


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("db/migrate.py passes the connection to migrate")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
