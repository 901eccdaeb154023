"""Fixtures for the book: the sample round's ``Brief`` (loaded once) and a ``render`` helper."""

from __future__ import annotations

import io
from datetime import date

import pytest


@pytest.fixture(scope="session")
def sample_brief(tmp_path_factory):
    """The brief of the sample's Round 1 (US–Japan, Tokyo, 7 February 2022)."""
    from briefing.config import Config
    from briefing.interchange.sample import load_sample
    from briefing.services import Services

    url = f"sqlite:///{tmp_path_factory.mktemp('pdf') / 'sample.db'}"
    services = Services.open(url, Config())
    try:
        load_sample(services.db, services.config)
        meeting = services.meetings.resolve("US–Japan Partnership on Trade — Round 1")
        return services.briefs.load(meeting.id)
    finally:
        services.close()


def render(brief, jobs: int = 1, **options):
    """Render ``brief`` into memory (reproducibly): (pdf bytes, ExportResult)."""
    from briefing.pdf import BookOptions, render_pdf

    options.setdefault("paper", "a4")
    options.setdefault("prepared_on", date(2022, 2, 1))
    out = io.BytesIO()
    result = render_pdf(brief, BookOptions(invariant=True, **options), out, jobs=jobs)
    return out.getvalue(), result


@pytest.fixture(scope="session")
def sample_book(sample_brief):
    """The whole sample book, every section, A4: (pdf bytes, ExportResult)."""
    return render(sample_brief)
