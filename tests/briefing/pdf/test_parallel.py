"""A book laid out by several processes reads exactly like the one laid out by one.

The sample book is small, so ``MIN_WEIGHT`` is lowered for these tests; each
run is then a few of its parts. Compared with the one-process book: every
page's text (so "Page X of Y" and the contents' numbers), the outline with
its pages, every internal link's target page, the fonts (embedded, subsets
tagged apart), the file's structure.
"""

from __future__ import annotations

import io
import logging
import os
from dataclasses import replace

import pikepdf
import pytest
import reportlab

from briefing.pdf import parallel
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import check, fonts, link_targets, outline, page_texts

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="laying out in parallel needs fork")


@pytest.fixture(autouse=True)
def any_book_is_long_enough(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 0)


@pytest.fixture(scope="module")
def one_process(sample_brief):
    return render(sample_brief)


def links(data: bytes) -> list[list[int]]:
    return [link_targets(data, page) for page in range(1, len(page_texts(data)) + 1)]


def subset_tags(data: bytes) -> set[str]:
    """The runs that embedded font subsets: each run's tags start with its own letter (``A…``,
    ``B…``), and within a run every subset has a tag of its own (``AAAAAA+``, ``AAAAAB+``…)."""
    tags = [name.split("+")[0] for name in fonts(data)]
    assert len(set(tags)) == len(tags), tags  # no two subsets share a tag
    return {tag[0] for tag in tags}


@pytest.mark.parametrize("jobs", [2, 3, 5])
def test_the_book_is_the_same_page_for_page(sample_brief, one_process, jobs):
    serial, _ = one_process
    data, result = render(sample_brief, jobs=jobs)
    assert len(parallel.split(parallel.book_parts(sample_brief, _options()), jobs)) == jobs
    assert result.pages == len(page_texts(serial))
    assert page_texts(data) == page_texts(serial)
    assert outline(data) == outline(serial)
    assert links(data) == links(serial)
    assert sum(map(len, links(data))) > 10  # contents, agenda and [n] links, some across runs
    assert all(fonts(data).values())
    assert len(subset_tags(data)) == jobs  # each run's subsets tagged apart (AAAAAA+, BAAAAA+, …)
    assert check(data) == []


def stream_filters(data: bytes) -> set[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {str(o.get("/Filter")) for o in pdf.objects if isinstance(o, pikepdf.Stream)}


def test_the_runs_streams_are_joined_as_reportlab_wrote_them(sample_brief, one_process):
    """Encoded as a one-process book's: the join copies them, it does not decode them and compress
    them again (that took 40 % of the join's time)."""
    data, _ = render(sample_brief, jobs=2)
    assert len(subset_tags(data)) == 2  # laid out by two runs
    assert stream_filters(data) == stream_filters(one_process[0])


def test_a_password_still_protects_the_book(sample_brief, one_process):
    data, _ = render(sample_brief, jobs=2, password="s3cret")
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(data))
    with pikepdf.open(io.BytesIO(data), password="s3cret") as pdf:
        assert pdf.encryption.R == 6 and pdf.encryption.bits == 256
        assert pdf.encryption.stream_method.name == "aesv3"
        plain = io.BytesIO()
        pdf.save(plain)
    assert subset_tags(plain.getvalue()) == {"A", "B"}  # laid out by two runs, then encrypted
    assert page_texts(data, password="s3cret") == page_texts(one_process[0])


def test_warnings_of_every_run_come_back_once(sample_brief):
    last = sample_brief.notes[-1]  # a full paper: a short or defensive one prints no background
    notes = (*sample_brief.notes[:-1], replace(last, background=last.background + " 😀 and 😀",
                                               tier="full"))
    brief = replace(sample_brief, notes=notes)
    serial_data, serial = render(brief)
    data, result = render(brief, jobs=3)
    assert len(subset_tags(data)) == 3  # laid out by three runs, not by the fallback
    assert [str(w) for w in result.warnings] == [str(w) for w in serial.warnings]
    assert any("U+1F600" in str(w) for w in result.warnings)
    assert page_texts(data) == page_texts(serial_data)


@pytest.mark.parametrize(("how", "reason"), [
    ("raises", "RuntimeError: a run failed"),
    ("dies", "a layout process ended early"),
    ("cannot join", "RuntimeError: a run failed"),
])
def test_when_a_run_fails_the_book_is_laid_out_in_one_process_and_the_export_says_so(
        sample_brief, one_process, monkeypatch, caplog, how, reason):
    def broken(*args, **kwargs):
        if how == "dies":
            os._exit(3)
        raise RuntimeError("a run failed")

    if how == "cannot join":
        monkeypatch.setattr(parallel, "merge", broken)
    else:
        monkeypatch.setattr(parallel, "_tag_subsets_apart", broken)  # runs in the forked child only
    with caplog.at_level(logging.WARNING, logger="briefing.pdf.render"):
        data, result = render(sample_brief, jobs=2)
    assert page_texts(data) == page_texts(one_process[0])
    assert subset_tags(data) == {"A"}  # one process's subsets: the fallback ran
    assert result.pages == one_process[1].pages
    said = [str(w) for w in result.warnings]
    assert len(said) == 1 and said[0].startswith("the book was laid out by one process instead of 2")
    assert reason in said[0]
    assert any("parallel layout failed" in r.getMessage() and reason in r.getMessage()
               for r in caplog.records)


def test_a_reportlab_without_them_falls_back_with_a_message(sample_brief, one_process, monkeypatch):
    monkeypatch.setattr(parallel, "RELIED_ON", (*parallel.RELIED_ON,
                                                ("reportlab.pdfgen.canvas", "Canvas._renamed")))
    parallel.missing_internals.cache_clear()
    try:
        data, result = render(sample_brief, jobs=2)
    finally:
        parallel.missing_internals.cache_clear()
    assert subset_tags(data) == {"A"}
    assert page_texts(data) == page_texts(one_process[0])
    assert [str(w) for w in result.warnings] == [
        "the book was laid out by one process instead of 2 (slower, the same book): the parallel "
        f"layout failed: ReportLab {reportlab.Version} has no reportlab.pdfgen.canvas.Canvas._renamed"]


def test_a_book_too_short_to_share_is_laid_out_in_one_process_without_a_warning(sample_brief, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 10**9)
    _, result = render(sample_brief, jobs=4)
    assert result.warnings == ()


def test_a_small_book_is_laid_out_in_one_process(sample_brief, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 10**9)
    data, _ = render(sample_brief, jobs=4)
    assert subset_tags(data) == {"A"}


@pytest.mark.parametrize(("weights", "jobs", "cut"), [
    ([1, 1, 1, 1], 2, [2, 2]),
    ([10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 2, [1, 10]),
    ([1, 1, 1], 5, [1, 1, 1]),
    ([5, 5, 5, 5, 5, 5], 3, [2, 2, 2]),
    ([1, 1, 1, 1, 1, 1, 30], 2, [6, 1]),
    ([30, 1, 1, 1, 1, 1, 1], 3, [1, 3, 3]),
])
def test_parts_are_cut_into_consecutive_runs_of_similar_weight(weights, jobs, cut):
    parts = [(w, n) for n, w in enumerate(weights)]
    runs = parallel.split(parts, jobs)
    assert [len(run) for run in runs] == cut
    assert [p for run in runs for p in run] == parts


def _options():
    from briefing.pdf import BookOptions

    return BookOptions(paper="a4")
