"""Briefbook's store: SQLAlchemy models, engine and session set-up, migrations.

Nothing outside this package writes SQL. The domain layer (`briefing/`) uses the
models and the session factory; the GUI (`ui/`) never imports this package.
"""
