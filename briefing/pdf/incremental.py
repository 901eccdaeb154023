"""``BookSession``: a book laid out again after an edit, re-laying only the parts that changed.

The book's parts (cover, contents, agenda, each issue paper, participants,
actions, and any section added later: ``story.book_parts``) each start on a
new page, and their layout never depends on a page number: every number not
known while a part is laid out ("Page X of Y", a contents entry's page, an
agenda row's "p. 7") is drawn as a reference to a PDF form written after its
last page (``BookTemplate.defer``). So a session lays each part out alone, as
the parallel export lays out a run (``parallel.PartCanvas``: destinations by
name), and keeps the file it made, keyed by a hash of what the part reads from
the brief (``part_inputs``) and of what every page shows (``frame_key``).

After an edit only the parts whose inputs changed are laid out again, each
numbered with the pages the book is expected to have. The book is then joined
from the parts' files (``parallel.merge``) with a small *numbering* file made
last (``renumber.numbering_file``), which holds:

- the number forms of every part whose numbers are no longer the ones its file
  holds (a part before it grew a page): drawn again by the same code that drew
  them in the part (``BookTemplate._page_form``, the part's deferred fills),
  with the book's pages. So when a part's page count changes, no other part is
  laid out again: only its numbers are drawn again;
- the book's outline;
- every font subset, once: all parts of a session share one set of subset
  assignments per font (``SharedFonts``), so a character has the same code in
  every part's file and the numbering file's subsets hold every part's
  characters. The joined pages use those (``renumber.renumber``): the book embeds each
  subset once, as a full rebuild does, not once per part.

A preview does not join the book whole: ``session.preview`` keeps the last
book it made and appends to it an incremental update with only what changed
(``appended.py``), and joins it whole again when the updates have made it
large. The parts' keys are made on every build from what each part reads
(``part_keys.py``), remembered by content; the shared subsets are in
``shared_fonts.py``; a laid-out part's record in ``laid_out.py``.

The book reads page for page as a full rebuild (``tests/briefing/pdf/
test_incremental.py`` and ``test_appended.py`` prove it after random edits). A session is long-lived
and used by one thread at a time (it has a lock): the GUI's preview and its
export dialog share one (``ui/book``), so an export after an edit is as fast
as the preview. It relies on ReportLab internals (``parallel.RELIED_ON``, and
``shared_fonts.RELIED_ON`` for the shared subsets); ``render_pdf`` checks them
(``missing_internals``) and, when one is missing, says so and lays the whole
book out as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import lru_cache
from io import BytesIO

from reportlab.pdfbase import pdfmetrics, ttfonts

from briefing.brief.records import Brief
from briefing.brief.select import with_notes
from briefing.markings.ladder import Ladder
from briefing.pdf import parallel
from briefing.pdf.appended import MOST_REWRITTEN, AppendedBook, NotAppendable
from briefing.pdf.laid_out import LaidOutPart, SessionStats, copy_state
from briefing.pdf.options import BookOptions
from briefing.pdf.parallel import PartCanvas, merge
from briefing.pdf.part_keys import READS, frame_key, identity, part_inputs, part_keys, part_name
from briefing.pdf.renumber import place_parts, renumber
from briefing.pdf.shared_fonts import RELIED_ON, STATE_ATTRIBUTES, SharedFonts, free_block, subsets_in_block
from briefing.pdf.story import book_parts, build_story
from briefing.pdf.templates import BookTemplate, ExportCancelled, ExportProgress, book_template
from briefing.pdf.typeset import Typesetter

_log = logging.getLogger(__name__)

__all__ = ["READS", "RELIED_ON", "BookSession", "LaidOutPart", "PreviewSession", "SessionStats", "frame_key",
           "part_inputs", "part_name", "render_in"]


@lru_cache(maxsize=1)
def missing_internals() -> tuple[str, ...]:
    """The ReportLab internals a session relies on that this ReportLab lacks (none: fine).
    Asked once the book's fonts are registered (``register_fonts``)."""
    missing = list(parallel.missing_internals())
    face = next((pdfmetrics.getFont(name) for name in pdfmetrics.getRegisteredFontNames()
                 if isinstance(pdfmetrics.getFont(name), ttfonts.TTFont)), None)
    state_class = getattr(ttfonts.TTFont, "State", None)
    if state_class is None:
        missing.append("reportlab.pdfbase.ttfonts.TTFont.State")
    elif face is not None:
        if not hasattr(face, "_asciiReadable") or not hasattr(face, "state"):
            missing.append("reportlab.pdfbase.ttfonts.TTFont()._asciiReadable / .state")
        else:
            state = state_class(face._asciiReadable, face)
            missing += [f"reportlab.pdfbase.ttfonts.TTFont.State().{name}"
                        for name in STATE_ATTRIBUTES if not hasattr(state, name)]
    return tuple(missing)


def render_in(session: BookSession | PreviewSession, brief: Brief, options: BookOptions, ts: Typesetter,
              ladder: Ladder, progress: Callable[[ExportProgress], None] | None = None,
              cancelled: Callable[[], bool] | None = None
              ) -> tuple[tuple[bytes, int] | None, Typesetter]:
    """The book laid out by ``session`` (PDF bytes, pages), and the typesetter with its warnings;
    ``None`` when that is not possible (ReportLab lacks an internal, or it failed): the caller
    then lays the whole book out, and the warning (also logged) says why."""
    missing = missing_internals()
    if missing:
        import reportlab

        reason = f"ReportLab {reportlab.Version} has no {', '.join(missing)}"
    else:
        try:
            return session.render(brief, options, ts, ladder, progress=progress,
                                  cancelled=cancelled), ts
        except ExportCancelled:
            raise
        except Exception as error:  # a bug here: the whole layout still makes the book (or says
            _log.exception("laying the book out part by part failed")  # what is wrong with it)
            reason = f"{type(error).__name__}: {error}"
        ts = Typesetter(ts.chain)  # what the attempt noted is noted again by the whole layout
    _log.warning("laying the whole book out (only what changed could not be): %s", reason)
    ts.warn("", "the whole book was laid out again after the edit (slower, the same book): "
                f"laying out only what changed failed: {reason}")
    return None, ts


class PreviewSession:
    """A session's books for a preview (``render_pdf(..., session=session.preview)``): each book
    is the last preview with an incremental update appended, where that can be (in memory)."""

    def __init__(self, session: BookSession) -> None:
        self.session = session

    def render(self, *args, **kwargs) -> tuple[bytes, int]:
        """``BookSession.render`` with ``appended``."""
        return self.session.render(*args, appended=True, **kwargs)


class BookSession:
    """Laid-out parts of the books built in this process, reused while their inputs are unchanged."""

    def __init__(self) -> None:
        self._parts: dict[bytes, LaidOutPart] = {}
        self._fonts = SharedFonts()
        self._counts: dict[str, int] = {}       # part (by name) → pages, in the last book
        self._pages: dict[str, int] = {}        # outline key → page, in the last book
        self._recent: list[set[bytes]] = []     # the parts of the last two books
        self._book: AppendedBook | None = None  # the last preview, which takes appended updates
        self._lock = threading.Lock()
        self.stats = SessionStats()
        self.preview = PreviewSession(self)

    def clear(self) -> None:
        """Forget every laid-out part (the next build lays the whole book out)."""
        with self._lock:
            self._parts.clear()
            self._recent.clear()
            self._book = None

    def render(self, brief: Brief, options: BookOptions, ts: Typesetter, ladder: Ladder, *,
               progress: Callable[[ExportProgress], None] | None = None,
               cancelled: Callable[[], bool] | None = None, appended: bool = False) -> tuple[bytes, int]:
        """The book as PDF bytes and its page count, re-laying only what changed since the last.

        The warnings of every part (reused or not) are added to ``ts``. ``ExportCancelled``
        when ``cancelled()`` says so (checked between parts and between flowables).
        ``appended``: the book may be the last one ``appended`` made with an incremental update
        appended (``appended.py``: quicker; for a preview, not an export).
        """
        with self._lock:
            try:
                return self._render(brief, options, ts, ladder, progress, cancelled, appended)
            except ExportCancelled:
                raise  # the parts laid out so far are kept: the next build (the newer) uses them
            except BaseException:
                self._book = None
                self._parts.clear()  # something is wrong with a part: start afresh next time
                raise

    def _render(self, brief, options, ts, ladder, progress, cancelled, appended) -> tuple[bytes, int]:
        brief = with_notes(brief, options.notes)
        parts = book_parts(brief, options)
        keys = part_keys(brief, options, ladder, parts)
        kept = {key: self._parts[key] for key in keys if key in self._parts}
        if not self._parts:
            self._fonts.reset()  # no file drawn with the old codes is kept
        names = [identity(part) for part in parts]
        counts = [kept[key].pages if key in kept else self._counts.get(name, 1)
                  for key, name in zip(keys, names, strict=True)]
        blocks = {part.block for part in self._parts.values()}
        total_weight = sum(weight for weight, _ in parts) or 1
        done_weight = 0
        stats = SessionStats()
        laid: list[LaidOutPart] = []
        for index, (part, key) in enumerate(zip(parts, keys, strict=True)):
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            found = kept.get(key)
            if found is None:
                block = free_block(blocks)
                blocks.add(block)

                def expected(local: dict[str, int], index=index) -> dict[str, int]:
                    return self._expected_pages(parts, keys, kept, counts, index, local)

                found = self._lay_out(brief, options, ts.chain, ladder, part, block, cancelled,
                                      counts, index, expected)
                kept[key] = self._parts[key] = found
                stats.laid_out += 1
                stats.parts.append(part_name(part))
            else:
                stats.reused += 1
            counts[index] = found.pages
            laid.append(found)
            ts.absorb(found.warnings)
            done_weight += part[0]
            if progress is not None:
                progress(ExportProgress(sum(counts[:index + 1]), 0.9 * done_weight / total_weight,
                                        part_name(part)))
        # the parts of this book and of the one before are kept (the export dialog's book and the
        # pane's take turns); older ones are let go
        self._recent = [self._recent[-1], set(keys)] if self._recent else [set(keys)]
        self._parts = {key: part for key, part in self._parts.items()
                       if any(key in recent for recent in self._recent)}
        data, pages = self._join(laid, options, stats, appended)
        self._counts = dict(zip(names, counts, strict=True))
        self._pages = pages
        self.stats = stats
        return data, sum(counts)

    def _expected_pages(self, parts, keys, kept, counts, index, local) -> dict[str, int]:
        """Where the book's outline keys are expected to be, with part ``index`` laid out
        (``local``: its own keys); the last book's pages for parts not laid out yet."""
        pages: dict[str, int] = {}
        first = 0
        for number, key in enumerate(keys):
            own = local if number == index else (kept[key].local_pages if key in kept else {})
            for name, page in own.items():
                pages.setdefault(name, first + page)
            first += counts[number]
        for name, page in self._pages.items():
            pages.setdefault(name, page)
        return pages

    def _lay_out(self, brief, options, chain, ladder, part, block, cancelled, counts, index,
                 expected) -> LaidOutPart:
        ts = Typesetter(chain)
        buffer = BytesIO()
        flowables = build_story(brief, options, ts, ladder, [part])
        doc = book_template(buffer, brief, options, ts, ladder, None, cancelled)
        numbers: list = []
        local: dict[str, int] = {}

        def numbered(doc: BookTemplate, laid_out: int) -> tuple[int, int]:
            # the part's numbers as the book is expected to have them: right unless a part
            # laid out after this one changes its page count (then drawn again when joining)
            local.update(doc.pages)
            counts[index] = laid_out
            first, total = sum(counts[:index]), sum(counts)
            doc.pages.clear()
            doc.pages.update(expected(local))
            numbers[:] = [first, total, dict(doc.pages)]
            return first, total

        doc.join = numbered
        fonts = self._fonts

        class Canvas(PartCanvas):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, **kwargs)
                fonts.bind(self._doc)

        with subsets_in_block(block):
            doc.build(flowables, canvasmaker=Canvas)
        fonts.note_used()
        bound = doc.canv.bound
        del doc.canv  # the file is written: let the canvas (every page's content) go
        doc.pages = local
        return LaidOutPart(buffer.getvalue(), doc.page_count, list(doc.outline), bound, local, doc,
                           list(doc.deferred), copy_state(ts), block, tuple(numbers))

    def _join(self, parts: list[LaidOutPart], options: BookOptions, stats: SessionStats,
              appended: bool) -> tuple[bytes, dict[str, int]]:
        """The parts' files as one book, numbered, encrypted if asked; where its keys are.
        ``appended``: as an update appended to the last book (``appended.py``) where it can be."""
        appended = appended and not options.password and bool(parts)
        book = self._book if appended else None
        if book is not None and (book.generation != self._fonts.generation or book.worth_compacting()):
            book = self._book = None
        before, pages, placement, numbering = place_parts(parts, options, stats, book, self._fonts)
        if book is not None and book.rewrites(parts, placement) <= MOST_REWRITTEN * before[-1]:
            try:
                return book.update(parts, placement, numbering, self._fonts.sizes()), pages
            except NotAppendable as reason:
                _log.info("joining the whole book (an appended update would not do): %s", reason)
            except Exception:  # a bug in the update: the whole join still makes the book
                _log.exception("appending the update to the preview failed; joining the whole book")
        if appended:
            self._book = None  # the next preview appends to the book joined now
        if numbering is None:
            before, pages, placement, numbering = place_parts(parts, options, stats, None, self._fonts)
        sources = placement.sources
        files = [parts[0].data, *(part.opened() for part in parts[1:])] if parts else []
        data = merge(files, [part.bound for part in parts], before,
                     invariant=options.invariant, password=options.password, object_streams=True,
                     edit=lambda pdf: renumber(pdf, parts, sources, numbering))
        if appended:
            try:
                self._book = AppendedBook(data, parts, placement, self._fonts.sizes(),
                                          self._fonts.generation)
            except NotAppendable as reason:
                _log.info("the book cannot take appended updates: %s", reason)
        return data, pages
