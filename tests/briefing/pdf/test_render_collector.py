"""Building a book pauses Python's cycle collector and always gives it back as it was."""

from __future__ import annotations

import gc
import threading

import pytest

from briefing.pdf.render import collector_paused
from tests.briefing.pdf.conftest import render


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_while_the_book_is_laid_out_and_on_again_after(sample_brief, collector_on,
                                                                             monkeypatch):
    import briefing.pdf.render as render_module

    seen = []
    build_story = render_module.build_story

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return build_story(*args, **kwargs)

    monkeypatch.setattr(render_module, "build_story", spy)
    pdf, result = render(sample_brief)
    assert seen == [False]
    assert gc.isenabled()
    assert result.pages > 5 and pdf.startswith(b"%PDF")


def test_a_cancelled_or_failed_export_gives_the_collector_back(sample_brief, collector_on, monkeypatch):
    import briefing.pdf.render as render_module

    def broken(*args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(render_module, "build_story", broken)
    with pytest.raises(RuntimeError):
        render(sample_brief)
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
