"""A long book laid out by several processes at once, then joined into one file.

ReportLab lays a story out in one thread, and its line breaking is most of
an export's time. The book's parts (cover, contents, agenda, each issue
paper, participants, actions) each start on a new page, so the parts can be
cut into a few runs of similar size and each run laid out by its own
process, forked from this one (the fonts, the brief and the modules are
already loaded). Only what crosses a run's edge has to be joined:

- **page numbers**: every page's "Page X of Y" and the contents' numbers are
  forms written after a run's last page (``BookTemplate``): when every run
  has laid its pages out, the first learns all runs' page counts and
  outline pages (``join``), tells each run how many pages come before it and
  how many there are, then each writes its forms and its file;
- **links and outline entries**: in a run every destination is written by
  name (``PartCanvas``); when the files are joined (pikepdf), each name is
  replaced by the page and place it was bound to, whichever run bound it;
- **fonts**: each run embeds its own subsets, tagged apart so that two
  subsets of one font never share a tag in the joined file.

Where fork is missing or the book is small, the caller lays the book out in
one process as before (``render`` returns ``None``). When anything goes wrong
here, or ReportLab lacks one of the internals this module overrides
(``RELIED_ON``: an upgrade may rename them), ``render`` raises
``ParallelFailed``: the caller then lays the book out in one process and
says so (a warning and a log line), so that a change shows as a message,
not as silent slowness. The GUI does not use this: forking a process that
runs Qt threads is not safe.
"""

from __future__ import annotations

import importlib
import os
import signal
import traceback
import warnings
from collections.abc import Callable
from functools import lru_cache
from io import BytesIO
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfgen.canvas import Canvas

from briefing.brief.records import Brief
from briefing.markings.ladder import Ladder
from briefing.pdf.marks import book_highest
from briefing.pdf.options import BookOptions
from briefing.pdf.story import Part, book_parts, build_story
from briefing.pdf.templates import BookTemplate, book_template
from briefing.pdf.typeset import Typesetter

if TYPE_CHECKING:
    import pikepdf

#: A book lighter than this (roughly, characters printed: about 30 pages) is laid out in one
#: process; forking and joining would cost more than they save.
MIN_WEIGHT = 100_000
#: The most processes a book is shared between.
MAX_JOBS = 8

#: (page in its run, fit, (left, top, bottom, right, zoom)): where a destination is bound.
Bound = tuple[int, str, tuple]

#: A destination's arguments in the PDF, after its page and fit (ISO 32000 12.3.2.2).
_FIT_ARGS = {"XYZ": (0, 1, 4), "Fit": (), "FitH": (1,), "FitV": (0,), "FitR": (0, 2, 3, 1),
             "FitB": (), "FitBH": (1,), "FitBV": (0,)}


#: ReportLab's private (or unlisted) names this module and ``BookTemplate`` override or call:
#: (module, dotted name). ``pyproject.toml`` bounds ReportLab to the versions checked with them.
RELIED_ON: tuple[tuple[str, str], ...] = (
    ("reportlab.pdfbase.pdfdoc", "Destination.format"),
    ("reportlab.pdfbase.pdfdoc", "pdfdocEnc"),
    ("reportlab.pdfbase.pdfdoc", "PDFName"),
    ("reportlab.pdfbase.ttfonts", "SUBSETN"),
    ("reportlab.pdfgen.canvas", "Canvas._bookmarkReference"),
    ("reportlab.pdfgen.canvas", "Canvas.bookmarkPage"),
    ("reportlab.pdfgen.canvas", "Canvas.getPageNumber"),
    ("reportlab.platypus.doctemplate", "BaseDocTemplate._endBuild"),
)


class ParallelFailed(Exception):
    """A run could not be laid out or joined; the book is then laid out in one process."""

    @property
    def reason(self) -> str:
        """The failure in one line (a run's traceback comes back as its last line)."""
        lines = [line.strip() for line in str(self).splitlines() if line.strip()]
        return lines[-1] if lines else type(self.__cause__ or self).__name__


@lru_cache(maxsize=1)
def missing_internals() -> tuple[str, ...]:
    """The names of ``RELIED_ON`` (and a canvas's ``_destinations``) this ReportLab lacks."""
    from reportlab.pdfgen.canvas import Canvas

    missing = []
    for module, dotted in RELIED_ON:
        target = importlib.import_module(module)
        for name in dotted.split("."):
            target = getattr(target, name, None)
        if target is None:
            missing.append(f"{module}.{dotted}")
    if not isinstance(getattr(Canvas(BytesIO()), "_destinations", None), dict):
        missing.append("reportlab.pdfgen.canvas.Canvas()._destinations")
    return tuple(missing)


def default_jobs() -> int:
    """As many processes as the machine has processors (at most ``MAX_JOBS``); 1 without fork."""
    if not hasattr(os, "fork"):
        return 1
    return max(1, min(MAX_JOBS, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else os.cpu_count() or 1))


def split(parts: list[Part], jobs: int) -> list[list[Part]]:
    """``parts`` cut into at most ``jobs`` runs of consecutive parts, of weights as equal as they go."""
    jobs = max(1, min(jobs, len(parts)))
    runs: list[list[Part]] = []
    remaining = sum(weight for weight, _ in parts)
    index = 0
    for number in range(jobs):
        later = jobs - number - 1                  # runs still to come, each needs a part
        share = remaining / (later + 1)
        run: list[Part] = []
        weight = 0
        while len(parts) - index > later:
            part_weight = parts[index][0]
            # stop where taking the part would overshoot the share more than leaving it falls short
            if run and later and weight + part_weight - share > share - weight:
                break
            run.append(parts[index])
            weight += part_weight
            index += 1
        remaining -= weight
        runs.append(run)
    return runs


def render(brief: Brief, options: BookOptions, ts: Typesetter, ladder: Ladder,
           jobs: int) -> tuple[bytes, int] | None:
    """The book as PDF bytes and its page count, laid out by up to ``jobs`` processes.

    ``None`` when it is not worth it or not possible (no fork, a short book);
    ``ParallelFailed`` when a run failed or ReportLab lacks what this relies on.
    Either way the caller lays the book out in one process (which reports any
    real error).
    """
    parts = book_parts(brief, options)
    if jobs < 2 or not hasattr(os, "fork") or sum(w for w, _ in parts) < MIN_WEIGHT:
        return None
    missing = missing_internals()
    if missing:
        import reportlab

        raise ParallelFailed(f"ReportLab {reportlab.Version} has no {', '.join(missing)}")
    runs = split(parts, jobs)
    if len(runs) < 2:
        return None
    # read once here rather than once in every run: each run's template puts it on the cover
    # and in the file's metadata
    book_highest(brief, ladder)
    children: list[tuple[int, Connection]] = []
    try:
        for number, run in enumerate(runs[1:], 1):
            mine, theirs = Pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's coverage is not collected
                mine.close()
                _child(number, theirs, brief, options, ts, ladder, run)
            theirs.close()
            children.append((pid, mine))
        return _parent(brief, options, ts, ladder, runs[0], children)
    except ParallelFailed:
        raise
    except Exception as error:  # a run's failure or a joining bug: the caller lays the book out
        raise ParallelFailed(f"{type(error).__name__}: {error}") from error  # in one process
    finally:
        for pid, conn in children:
            conn.close()
            _reap(pid)


def _parent(brief: Brief, options: BookOptions, ts: Typesetter, ladder: Ladder, run: list[Part],
            children: list[tuple[int, Connection]]) -> tuple[bytes, int]:
    joined: dict = {}

    def join(doc: BookTemplate, laid_out: int) -> tuple[int, int]:
        runs = [(laid_out, doc.outline, doc.canv.bound)]
        for _, conn in children:
            message = _receive(conn)
            if message[0] != "laid out":
                raise ParallelFailed(message[1])
            runs.append(message[1:])
        before = [0]
        for pages, _, _ in runs:
            before.append(before[-1] + pages)
        total = before[-1]
        entries = list(doc.outline)
        for (_, outline, _), first in zip(runs[1:], before[1:-1], strict=True):
            entries += [(key, title, level, first + page) for key, title, level, page in outline]
        for key, title, level, page in entries:
            doc.pages.setdefault(key, page)
            doc.add_outline_entry(key, title, level)
        # every run learns where the book's keys are: its "p. 7" references may name another run's
        for (_, conn), first in zip(children, before[1:-1], strict=True):
            conn.send((first, total, doc.pages))
        joined.update(before=before, bound=[bound for _, _, bound in runs])
        return 0, total

    first, _ = _lay_out(brief, options, ts, ladder, run, join)
    _ready_to_merge()  # while a run that is not done yet writes its file
    files = [first]
    for _, conn in children:
        message = _receive(conn)
        if message[0] != "written":
            raise ParallelFailed(message[1])
        files.append(message[1])
        ts.absorb(message[2])
    data = merge(files, joined["bound"], joined["before"], invariant=options.invariant,
                 password=options.password, recompress=False)
    return data, joined["before"][-1]


def _ready_to_merge() -> None:
    """Import what ``merge`` uses (pikepdf: about 0.06 s) before waiting for the runs' files,
    so that a wait for a slower run covers it, rather than the join's time adding it."""
    import pikepdf  # noqa: F401

    import briefing.pdf.encryption  # noqa: F401
    import briefing.pdf.page_fonts  # noqa: F401


def _child(number: int, conn: Connection, brief: Brief, options: BookOptions, ts: Typesetter,
           ladder: Ladder, run: list[Part]) -> None:  # pragma: no cover - runs in the forked child
    """Lay ``run`` out, trade page counts with the first run, send the file; never returns."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _tag_subsets_apart(number)

        def join(doc: BookTemplate, laid_out: int) -> tuple[int, int]:
            conn.send(("laid out", laid_out, doc.outline, doc.canv.bound))
            first, total, pages = conn.recv()
            doc.pages.clear()
            doc.pages.update(pages)
            return first, total

        data, _ = _lay_out(brief, options, ts, ladder, run, join)
        conn.send(("written", data, ts.state()))
    except BaseException:  # noqa: BLE001 - everything goes back to the parent, which lays out alone
        status = 1
        try:
            conn.send(("failed", traceback.format_exc(limit=8)))
        except BaseException:  # noqa: BLE001
            pass
    finally:
        os._exit(status)


def _lay_out(brief: Brief, options: BookOptions, ts: Typesetter, ladder: Ladder, run: list[Part],
             join) -> tuple[bytes, BookTemplate]:

    buffer = BytesIO()
    story = build_story(brief, options, ts, ladder, run)
    doc = book_template(buffer, brief, options, ts, ladder, None, None)
    doc.join = join
    doc.build(story, canvasmaker=PartCanvas)
    return buffer.getvalue(), doc


def _receive(conn: Connection) -> tuple:
    try:
        return conn.recv()
    except (EOFError, OSError) as error:
        raise ParallelFailed(f"a layout process ended early ({error!r})") from None


def _reap(pid: int) -> None:
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):
        pass


def _tag_subsets_apart(number: int) -> None:  # pragma: no cover - runs in the forked child
    """Font subsets of run ``number`` tagged ``BAAAAA+``… rather than ``AAAAAA+``… (this process only)."""
    subset_tag = ttfonts.SUBSETN
    ttfonts.SUBSETN = lambda n: subset_tag(n + 100_000 * number)


class _NamedDestination(pdfdoc.Destination):
    """A destination written as its name; ``merge`` puts the page in."""

    def format(self, document) -> bytes:
        return pdfdoc.pdfdocEnc(pdfdoc.PDFName(self.name))


class PartCanvas(Canvas):
    """A run's canvas: destinations are written by name, and where each is bound is kept."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bound: dict[str, Bound] = {}

    def _bookmarkReference(self, name: str):
        destinations = self._destinations
        if name not in destinations:
            destinations[name] = _NamedDestination(name)
        return destinations[name]

    def bookmarkPage(self, key, fit="Fit", left=None, top=None, bottom=None, right=None, zoom=None):
        self.bound[key] = (self.getPageNumber(), fit, (left, top, bottom, right, zoom))
        return super().bookmarkPage(key, fit, left, top, bottom, right, zoom)


def merge(files: list[bytes | pikepdf.Pdf], bound: list[dict[str, Bound]], before: list[int], *,
          invariant: bool, password: str | None = None,
          edit: Callable[[pikepdf.Pdf], None] | None = None, object_streams: bool = False,
          recompress: bool = True) -> bytes:
    """The runs' files as one: pages in order, every named destination pointed at its page,
    encrypted (as ``render.encrypt`` does) when there is a ``password``. ``edit`` changes the
    joined file before its destinations are resolved (``incremental``: numbers, outline). The
    first file is bytes (it becomes the book); a later one may come open (``incremental`` keeps
    its parts open; they stay open). ``object_streams`` packs the small objects (smaller, and
    quicker to write). Without ``recompress`` the streams are copied as ReportLab wrote them
    (as a book laid out in one process has them) instead of decoded and compressed again by
    qpdf: about 40 % of the join's time. Each page and form names only the fonts it selects
    (``page_fonts``; an ``edit`` that renumbers does that as it walks the pages); when every
    file names only a few fonts (``names_few_fonts``) there is nothing to trim."""
    import pikepdf

    from briefing.pdf.encryption import aes256, check_opens
    from briefing.pdf.page_fonts import names_few_fonts, trim_fonts

    pdf = pikepdf.open(BytesIO(files[0]))  # type: ignore[arg-type]  # bytes: it is changed
    others = [pikepdf.open(BytesIO(data)) if isinstance(data, bytes) else data for data in files[1:]]
    opened = [other for other, data in zip(others, files[1:], strict=True) if other is not data]
    try:
        # each run's one font table small (a book in one script): no page or form to trim
        trimmed = edit is None and not all(names_few_fonts(run) for run in (pdf, *others))
        with warnings.catch_warnings():
            # pikepdf warns that named destinations do not survive the copy: there are none,
            # the names are resolved right below
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            for other in others:
                pdf.pages.extend(other.pages)
        if edit is not None:
            edit(pdf)
        pages = [page.obj for page in pdf.pages]
        if trimmed:  # (an ``edit`` that renumbers trims the pages as it walks them)
            trim_fonts(pdf, pages)  # each page names only its own fonts: a viewer walks them by page
        where = {name: (first + page - 1, fit, args)
                 for table, first in zip(bound, before[:len(bound)], strict=True)
                 for name, (page, fit, args) in table.items()}

        def resolve(item) -> None:
            dest = item.get("/Dest")
            if not isinstance(dest, pikepdf.Name):
                return
            name = str(dest)[1:]
            if name not in where:
                raise ParallelFailed(f"no destination named {name!r} in any run")
            index, fit, args = where[name]
            item.Dest = pikepdf.Array([pages[index], pikepdf.Name("/" + fit),
                                       *(args[i] for i in _FIT_ARGS[fit])])

        for page in pages:
            for annot in page.get("/Annots") or ():
                resolve(annot)
        outlines = pdf.Root.get("/Outlines")
        stack = [outlines.get("/First")] if outlines is not None else []
        while stack:
            item = stack.pop()
            if item is None:
                continue
            resolve(item)
            stack += [item.get("/Next"), item.get("/First")]
        out = BytesIO()
        if password:  # qpdf makes no deterministic /ID for an encrypted file (nor does ``encrypt``)
            pdf.save(out, encryption=aes256(password))
            check_opens(out.getvalue(), password)
        else:
            pdf.save(out, deterministic_id=invariant, compress_streams=recompress, object_stream_mode=(
                pikepdf.ObjectStreamMode.generate if object_streams else pikepdf.ObjectStreamMode.preserve))
        return out.getvalue()
    finally:
        for other in opened:
            other.close()
        pdf.close()
