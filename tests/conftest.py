"""Shared fixtures: a fresh store per test, with or without the sample.

The domain and interchange tests (``tests/briefing/``, but not the PDF's) run
twice: on an SQLite file in tmp_path (``[sqlite]``) and on a fresh database of a
PostgreSQL server (``[postgresql]``), which is skipped unless
``BRIEFBOOK_TEST_PG_URL`` names one (``tests/postgres_server.py``). A test there
that is about SQLite itself (the file, its backups, FTS5 ranking) is marked
``sqlite_only``; a test elsewhere that should run on both is marked
``both_backends``. Every other test uses SQLite.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never read the user's own settings or database.
os.environ.setdefault("BRIEFBOOK_HOME_TZ", "America/New_York")

BACKENDS = ("sqlite", "postgresql")
_BOTH_BY_DEFAULT = Path(__file__).parent / "briefing"
_SQLITE_ONLY_BELOW = (Path(__file__).parent / "briefing" / "pdf",)


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about SQLite itself (its file, backups, FTS5); "
        "not run on PostgreSQL")
    config.addinivalue_line(
        "markers", "both_backends: run on SQLite and on PostgreSQL (when BRIEFBOOK_TEST_PG_URL is set)")


def pytest_report_header(config) -> str:
    from tests.postgres_server import SKIP_REASON, configured_url

    url = configured_url()
    return f"PostgreSQL variants: on {url}" if url else f"PostgreSQL variants: skipped ({SKIP_REASON})"


def runs_on_both(definition) -> bool:
    """Whether a test runs on both backends (see the module docstring)."""
    if definition.get_closest_marker("sqlite_only"):
        return False
    if definition.get_closest_marker("both_backends"):
        return True
    path = Path(definition.path)
    return path.is_relative_to(_BOTH_BY_DEFAULT) and not any(
        path.is_relative_to(folder) for folder in _SQLITE_ONLY_BELOW)


def pytest_generate_tests(metafunc) -> None:
    if "store_backend" in metafunc.fixturenames and runs_on_both(metafunc.definition):
        metafunc.parametrize("store_backend", BACKENDS, indirect=True)


def pytest_collection_modifyitems(config, items) -> None:
    from tests.postgres_server import SKIP_REASON, configured_url

    if configured_url() is None:
        skip = pytest.mark.skip(reason=SKIP_REASON)  # a mark: the summary folds them per file
        for item in items:
            if getattr(item, "callspec", None) and item.callspec.params.get("store_backend") == "postgresql":
                item.add_marker(skip)


@pytest.fixture
def store_backend(request) -> str:
    """"sqlite" or "postgresql": the backend of this test's stores."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres_server():
    from tests.postgres_server import configured_url, connect

    server = connect(configured_url())
    yield server
    server.dispose()


class StoreUrls:
    """Hands out URLs of new databases on one backend; ``release(url)`` (or the test's end) takes them back.

    ``with_schema``: a PostgreSQL database already holds this build's empty
    schema (``PostgresServer.create_store``); an SQLite URL always names a file
    that does not exist yet.
    """

    def __init__(self, backend: str, folder: Path, server=None, *, with_schema: bool) -> None:
        self.backend, self.folder, self.server, self.with_schema = backend, folder, server, with_schema
        self._numbers = itertools.count(1)
        self._out: list[str] = []

    def __call__(self) -> str:
        if self.backend == "sqlite":
            number = next(self._numbers)
            return f"sqlite:///{self.folder / ('briefbook.db' if number == 1 else f'briefbook-{number}.db')}"
        url = self.server.create_store() if self.with_schema else self.server.create_database()
        self._out.append(url)
        return url

    def release(self, url: str) -> None:
        """Done with this store (its connections are closed by force on PostgreSQL)."""
        if url in self._out:
            self._out.remove(url)
            self.server.release(url)

    def release_all(self) -> None:
        for url in list(self._out):
            self.release(url)


def _store_urls(store_backend, tmp_path, request, *, with_schema: bool):
    server = request.getfixturevalue("postgres_server") if store_backend == "postgresql" else None
    urls = StoreUrls(store_backend, tmp_path, server, with_schema=with_schema)
    yield urls
    urls.release_all()


@pytest.fixture
def new_store_url(store_backend, tmp_path, request):
    """URLs of new stores on this test's backend, empty of data (the first is ``db_url``): a ``StoreUrls``."""
    yield from _store_urls(store_backend, tmp_path, request, with_schema=True)


@pytest.fixture
def new_database_url(store_backend, tmp_path, request):
    """URLs of new, entirely empty databases (no schema) on this test's backend: a ``StoreUrls``."""
    yield from _store_urls(store_backend, tmp_path, request, with_schema=False)


@pytest.fixture
def db_url(new_store_url) -> str:
    return new_store_url()


@pytest.fixture
def services(db_url):
    from briefing.config import Config
    from briefing.services import Services

    s = Services.open(db_url, Config())
    yield s
    s.close()


@pytest.fixture
def sample(services):
    """A store holding the sample US–Japan meetings."""
    from briefing.interchange.sample import load_sample

    load_sample(services.db, services.config)
    return services
