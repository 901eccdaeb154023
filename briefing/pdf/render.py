"""``render_pdf(brief, options, out)``: lay the book out once, encrypt it if asked, write it safely.

No Qt: the GUI runs this in a worker with ``progress`` (called per page) and
``cancelled`` (checked per flowable: the export then stops cleanly and writes
nothing). Warnings come back as values in the ``ExportResult``. A file is
written atomically: into a temporary file beside the target, then renamed,
so a failed or cancelled export leaves an earlier file of that name as it was.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from briefing.brief.records import Brief
from briefing.markings.ladder import Ladder
from briefing.output import write_atomically
from briefing.pdf.encryption import encrypt
from briefing.pdf.fonts import register_fonts
from briefing.pdf.options import BookOptions
from briefing.pdf.story import build_story
from briefing.pdf.templates import ExportCancelled, ExportProgress, book_template
from briefing.pdf.typeset import ExportWarning, Typesetter

if TYPE_CHECKING:
    from briefing.pdf.incremental import BookSession

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export did: pages written, warnings for the user, whether it was cancelled."""

    pages: int
    warnings: tuple[ExportWarning, ...]
    cancelled: bool = False
    path: Path | None = None


def render_pdf(brief: Brief, options: BookOptions, out: str | os.PathLike | BinaryIO, *,
               progress: Callable[[ExportProgress], None] | None = None,
               cancelled: Callable[[], bool] | None = None,
               ladder: Ladder | None = None, jobs: int = 1,
               pause_collector: bool = False, session: BookSession | None = None) -> ExportResult:
    """Write the briefing book of ``brief`` to ``out`` (a path, or a binary file object).

    ``jobs`` > 1 lets a long book be laid out by that many processes at once
    (``parallel.py``; not with ``progress`` or ``cancelled``, which a GUI's
    threads use: forking them is not safe); when that fails, the book is laid
    out in one process and a warning says so. ``pause_collector`` switches
    Python's cycle collector off during layout (``collector_paused``): only for
    a process that does nothing else meanwhile (the command line), and only in
    its main thread; a GUI's renders never pause it. A ``session`` (``incremental.py``)
    lays out again only the parts of the book that changed since its last build.
    """
    ladder = ladder or Ladder()
    brief, options = released(brief, options, ladder)
    ts = Typesetter(register_fonts())
    if progress is not None:
        progress(ExportProgress(0, 0.0, "Preparing"))
    pause = pause_collector and threading.current_thread() is threading.main_thread()
    with collector_paused() if pause else nullcontext():
        laid_out = None
        if jobs > 1 and progress is None and cancelled is None:
            from briefing.pdf import parallel

            try:
                laid_out = parallel.render(brief, options, ts, ladder, jobs)
            except parallel.ParallelFailed as failure:
                ts = Typesetter(ts.chain)  # what a failed attempt noted is noted again below
                _log.warning("the parallel layout failed, laying the book out in one process: %s",
                             failure.reason)
                ts.warn("", f"the book was laid out by one process instead of {jobs} (slower, "
                            f"the same book): the parallel layout failed: {failure.reason}")
        if laid_out is None and session is not None:
            from briefing.pdf.incremental import render_in

            try:
                laid_out, ts = render_in(session, brief, options, ts, ladder, progress, cancelled)
            except ExportCancelled:
                return ExportResult(0, ts.warnings, cancelled=True)
        if laid_out is not None:
            data, pages = laid_out
        else:
            buffer = BytesIO()
            story = build_story(brief, options, ts, ladder)
            doc = book_template(buffer, brief, options, ts, ladder, progress, cancelled)
            try:
                doc.build(story)
            except ExportCancelled:
                return ExportResult(0, ts.warnings, cancelled=True)
            data, pages = buffer.getvalue(), doc.page_count
            if options.password:
                data = encrypt(data, options.password)  # the parallel layout encrypts as it joins
    if cancelled is not None and cancelled():
        return ExportResult(0, ts.warnings, cancelled=True)
    path = None
    if hasattr(out, "write"):
        out.write(data)  # type: ignore[union-attr]
    else:
        path = Path(out)
        write_atomically(path, data)
    if progress is not None:
        progress(ExportProgress(pages, 1.0, "Done"))
    return ExportResult(pages, ts.warnings, path=path)


def released(brief: Brief, options: BookOptions, ladder: Ladder) -> tuple[Brief, BookOptions]:
    """A release copy's brief (``options.up_to``: what is withheld is gone before layout) and the
    options with the count the cover prints; ``brief`` and ``options`` as they are otherwise."""
    if options.up_to is None:
        return brief, options
    from briefing.markings.release import release_brief

    brief, withheld = release_brief(brief, options.up_to, ladder)
    return brief, replace(options, withheld=withheld)


_paused = 0
_paused_lock = threading.Lock()
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a book is built, back on (as it was) after the last one.

    Laying a book out makes hundreds of thousands of short-lived objects (lines,
    fragments, PDF objects); the collector then keeps walking every flowable of
    the story, which is alive until the end: about 200 ms of a 300-page export,
    for no garbage (reference counting frees it). The pause is process-wide, so
    ``render_pdf`` pauses only when asked (``pause_collector``, which the command
    line sets) and in the main thread: never for a GUI's renders, whose other
    threads go on making garbage meanwhile. Nested pauses give the collector
    back when the last one ends.
    """
    global _paused, _was_enabled
    with _paused_lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
