"""Alembic environment: runs on the connection db/migrate.py hands over."""

from alembic import context

from db.models import Base

target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    # Full-text index tables are created by migrations with raw DDL and have no model.
    return not (type_ == "table" and name is not None and name.startswith("fts_"))


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
