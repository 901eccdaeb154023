"""Alembic migrations, shipped inside the package (see db/migrate.py)."""
