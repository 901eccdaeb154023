"""Shared fixtures: a fresh store per test (an SQLite file in tmp_path), with or without the sample."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never read the user's own settings or database.
os.environ.setdefault("BRIEFBOOK_HOME_TZ", "America/New_York")


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'briefbook.db'}"


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
    from briefing.sample import load_sample

    load_sample(services.db, services.config)
    return services
