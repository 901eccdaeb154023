"""Where a store lives: its SQLAlchemy URL, the default file, and which URLs Briefbook opens.

A store is a SQLAlchemy URL; a plain file path is taken as an SQLite file. The
default store is an SQLite file in the user's data directory (platformdirs).
SQLite URI filenames (``sqlite:///file:…?mode=ro&uri=true``) are refused with a
message (``check_url``): Briefbook decides itself how to open a file (read-only
when it cannot be written), and a URI would let SQLite open or create a file the
probe (``db.probe``) never saw.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from db.errors import StoreError

APP_NAME = "Briefbook"
DB_FILENAME = "briefbook.db"


def default_data_dir() -> Path:
    """The user's data directory for Briefbook (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    """The default store: an SQLite file in the user's data directory."""
    return f"sqlite:///{default_data_dir() / DB_FILENAME}"


def normalize_url(url_or_path: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as an SQLite file)."""
    if "://" in url_or_path:
        return url_or_path
    return f"sqlite:///{Path(url_or_path).expanduser().resolve()}"


#: The SQLAlchemy backends a store can live in.
SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def check_url(url: str) -> None:
    """Refuse a store URL Briefbook cannot open safely, with a message (``StoreError``).

    SQLite URI filenames (``sqlite:///file:…``, ``?uri=true``, ``?mode=…``) are
    refused rather than half-supported: Briefbook probes the file and chooses how to
    open it (read-only by itself when the file cannot be written), and never lets a
    URI create a file it did not probe. A URL SQLAlchemy cannot read is refused too.
    """
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except Exception as error:  # noqa: BLE001 - SQLAlchemy's several parse errors: all mean "not a URL"
        raise StoreError(f"{url!r} is not a database URL or file path ({error}).") from None
    if backend not in SUPPORTED_BACKENDS:
        raise StoreError(
            f"{parsed.render_as_string(hide_password=True)} is a {backend} database, which Briefbook "
            "does not store in. Give an SQLite file (a path, or sqlite:///path.db) or a PostgreSQL "
            "URL (postgresql://user@host/name)."
        )
    if backend != "sqlite":
        return
    database = parsed.database or ""
    if database.startswith("file:") or {"uri", "mode", "immutable", "vfs"} & set(parsed.query):
        raise StoreError(
            f"{url} is an SQLite URI filename, which Briefbook "
            "does not take. Give the file's path instead (--db /path/to/store.db); a file you cannot "
            "write opens read-only by itself."
        )


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other backends and in-memory stores."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if in_memory(url) or database.startswith("file:"):
        return None
    return Path(database)


def in_memory(url_or_path: str) -> bool:
    """An SQLite store in memory (``sqlite://``, ``:memory:``): it keeps nothing once closed."""
    if url_or_path == ":memory:":
        return True
    try:
        parsed = make_url(url_or_path)
        return parsed.get_backend_name() == "sqlite" and (parsed.database or "") in ("", ":memory:")
    except Exception:  # noqa: BLE001 - not a URL at all (a file path): not in memory
        return False
