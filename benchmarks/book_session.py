"""After one edit to a ~300-page book: the preview's and the export's time, beside a full rebuild.

On the export benchmark's generated meeting (``bookgen``, 95 papers, about
340 pages), in one process, as the window builds (``BookSession``, one
layout process, ``ui/book/job``):

- **full rebuild**: the book laid out whole in one process (``render_pdf``
  without a session: what the preview did before, and the session's first
  build);
- **preview after one edit**: a word typed at the end of one paper's talking
  points (its page count unchanged), then the book rebuilt in memory through
  the warm session; ``EDITS`` edits to different papers, median and worst.
  Also the brief read from the store (the preview reads it before each build);
- **preview after an edit that adds pages**: a long paste into one paper (every
  later page's "Page X of Y" and the contents' numbers change);
- **export after one edit**: the same, written to a file (``render_pdf`` with the
  session, as the export dialog does after the preview).

    python -m benchmarks book_session
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAPERS = 95
EDITS = 5
PREVIEW_GOAL_S = 0.25
EXPORT_GOAL_S = 1.0
PASTE = "The quota review covers steel and aluminum, line by line, against the schedule. " * 120


def _edit(brief, index: int, **changes):
    notes = list(brief.notes)
    notes[index] = replace(notes[index], **changes)
    return replace(brief, notes=tuple(notes))


def _timed(function, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from benchmarks.bookgen import populate
    from briefing.config import Config
    from briefing.markings.ladder import Ladder
    from briefing.pdf import BookOptions, render_pdf
    from briefing.pdf.incremental import BookSession
    from briefing.services import Services

    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(f"sqlite:///{Path(folder) / 'book.db'}", Config())
        try:
            meeting_id = populate(services, PAPERS)
            load, brief = _timed(services.briefs.load, meeting_id)
        finally:
            services.close()
        options = BookOptions(paper="a4", prepared_on=date(2022, 2, 1))
        ladder = Ladder()

        def build(b, session=None, out=None):
            return render_pdf(b, options, out if out is not None else io.BytesIO(), ladder=ladder,
                              session=session)

        build(brief)  # fonts registered, modules loaded
        full, result = _timed(build, brief)
        pages = result.pages
        session = BookSession()
        cold, _ = _timed(build, brief, session)
        print(f"book: {pages} pages, {len(brief.notes)} papers; brief read from the store in {load:.2f} s")
        print(f"full rebuild (one process):            {full:.2f} s")
        print(f"session's first build (every part):    {cold:.2f} s")

        typed = []
        for n in range(EDITS):
            index = (n * 37 + 11) % len(brief.notes)
            note = brief.notes[index]
            brief = _edit(brief, index, talking_points=note.talking_points + f" word{n}")
            seconds, result = _timed(build, brief, session)
            assert result.pages == pages and session.stats.parts.count("paper") == 1
            typed.append(seconds)
        stats = session.stats
        print(f"preview after one edit (a word typed): median {statistics.median(typed):.3f} s, "
              f"worst {max(typed):.3f} s over {EDITS} edits (goal {PREVIEW_GOAL_S} s; "
              f"{stats.laid_out} parts laid out, {stats.reused} reused, {stats.renumbered} renumbered)")

        grown = []
        for n in range(2):
            index = (n * 41 + 5) % len(brief.notes)
            note = brief.notes[index]
            brief = _edit(brief, index, background=note.background + "\n\n" + PASTE)
            seconds, result = _timed(build, brief, session)
            grown.append(seconds)
        stats = session.stats
        print(f"preview after an edit adding pages:    median {statistics.median(grown):.3f} s, "
              f"worst {max(grown):.3f} s ({result.pages} pages; {stats.laid_out} parts laid out, "
              f"{stats.renumbered} renumbered)")

        exported = []
        target = Path(folder) / "book.pdf"
        for n in range(EDITS):
            index = (n * 29 + 3) % len(brief.notes)
            note = brief.notes[index]
            brief = _edit(brief, index, talking_points=note.talking_points + f" export{n}")
            seconds, result = _timed(build, brief, session, target)
            exported.append(seconds)
        size = target.stat().st_size
        whole = Path(folder) / "whole.pdf"
        build(brief, None, whole)
        print(f"export after one edit (to a file):     median {statistics.median(exported):.3f} s, "
              f"worst {max(exported):.3f} s (goal {EXPORT_GOAL_S} s; {size / 1e6:.2f} MB, a full "
              f"rebuild's file {whole.stat().st_size / 1e6:.2f} MB)")
        print(f"({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at the end)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
