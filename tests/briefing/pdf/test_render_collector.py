"""The command line pauses Python's cycle collector while it lays a book out, gives it back as it
was, and a GUI's render (any thread, default options) never pauses it: the pause is process-wide."""

from __future__ import annotations

import argparse
import gc
import io
import threading
from datetime import date

import pytest

from briefing.pdf.render import collector_paused
from tests.briefing.pdf.conftest import render

AGENDA = frozenset({"cover", "agenda"})


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.fixture
def collector_during_layout(monkeypatch):
    """Whether the collector was on, each time a story was built."""
    import briefing.pdf.render as render_module

    seen: list[bool] = []
    build_story = render_module.build_story

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return build_story(*args, **kwargs)

    monkeypatch.setattr(render_module, "build_story", spy)
    return seen


def render_asking_for_a_pause(brief):
    from briefing.pdf import BookOptions, render_pdf

    options = BookOptions(invariant=True, paper="a4", prepared_on=date(2022, 2, 1))
    out = io.BytesIO()
    return out.getvalue(), render_pdf(brief, options, out, pause_collector=True)


def test_asked_to_the_collector_is_off_while_the_book_is_laid_out_and_on_again_after(
        sample_brief, collector_on, collector_during_layout):
    _, result = render_asking_for_a_pause(sample_brief)
    assert collector_during_layout == [False]
    assert gc.isenabled()
    assert result.pages > 5


def test_a_render_with_the_default_options_leaves_the_collector_on(sample_brief, collector_on,
                                                                   collector_during_layout):
    pdf, result = render(sample_brief, sections=AGENDA)
    assert collector_during_layout == [True]
    assert result.pages >= 2 and pdf.startswith(b"%PDF")


def test_a_preview_rendered_in_a_worker_thread_never_pauses_the_collector(sample_brief, collector_on,
                                                                          collector_during_layout):
    results = []
    worker = threading.Thread(target=lambda: results.append(render_asking_for_a_pause(sample_brief)))
    worker.start()
    worker.join(120)
    assert collector_during_layout == [True] and results[0][1].pages > 5


def test_the_command_line_export_asks_for_the_pause(tmp_path, monkeypatch):
    import briefing.pdf.render as render_module
    from briefing.config import Config
    from briefing.interchange.sample import load_sample
    from briefing.services import Services
    from cli import export

    asked = []

    def spy(*args, **kwargs):
        asked.append(kwargs.get("pause_collector"))
        return render_module.ExportResult(1, ())

    monkeypatch.setattr(render_module, "render_pdf", spy)
    services = Services.open(f"sqlite:///{tmp_path / 'cli.db'}", Config())
    try:
        load_sample(services.db, services.config)
        args = argparse.Namespace(meeting="2", output=tmp_path / "b.pdf", sections="cover",
                                  paper="a4", watermark="", password_stdin=False, jobs=1)
        assert export.run(args, services) == 0
    finally:
        services.close()
    assert asked == [True]


def test_a_cancelled_or_failed_export_gives_the_collector_back(sample_brief, collector_on, monkeypatch):
    import briefing.pdf.render as render_module

    def broken(*args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(render_module, "build_story", broken)
    with pytest.raises(RuntimeError):
        render_asking_for_a_pause(sample_brief)
    assert gc.isenabled()


def test_a_collector_the_app_had_switched_off_stays_off(collector_on):
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_two_renders_at_once_the_collector_comes_back_after_the_last(collector_on):
    first_in, first_may_leave = threading.Event(), threading.Event()
    states = []

    def first():
        with collector_paused():
            first_in.set()
            first_may_leave.wait(5)
        states.append(("first left", gc.isenabled()))

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with collector_paused():
        pass
    states.append(("second left", gc.isenabled()))  # the first is still building
    first_may_leave.set()
    thread.join(5)
    assert states == [("second left", False), ("first left", True)]
