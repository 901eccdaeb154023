"""The book's story: ``build_story(brief, options)`` → flowables, one function per section.

Pure: it reads the frozen ``Brief`` and the options and returns flowables;
nothing here touches the store, a file or the network. Every piece of user
text goes through the ``Typesetter`` (``Book.text``) or the Markdown renderer. ``Book``
(what the builders share) is in ``book.py``; the cover in ``cover_section.py``, the changes
section in ``changes_section.py``, the summary in ``summary_section.py``, an issue paper in
``paper_section.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from briefing.agenda.records import AgendaSlot
from briefing.agenda.schedule import format_minutes
from briefing.brief.records import Brief
from briefing.brief.select import with_notes
from briefing.markings.ladder import Ladder
from briefing.pdf import styles
from briefing.pdf.book import Book, paper_key, under_heading
from briefing.pdf.cover_section import clock, cover, long_datetime
from briefing.pdf.flowables import BookParagraph, ContentsEntry, RowKeepingTable
from briefing.pdf.fonts import register_fonts
from briefing.pdf.keeping import PageReference
from briefing.pdf.marks import note_highest
from briefing.pdf.options import BookOptions
from briefing.pdf.paper_section import draft_tag, paper, paper_entries
from briefing.pdf.positions_section import POSITIONS_TITLE, has_positions, positions_matrix
from briefing.pdf.qa_section import QA_ANNEX_TITLE, has_qa_annex, qa_annex
from briefing.pdf.scenario_section import SCENARIO_TITLE, has_scenario, scenario
from briefing.pdf.summary_section import SUMMARY_TITLE, has_summary, summary
from briefing.pdf.templates import OutlineEntry, with_outline
from briefing.pdf.typeset import Typesetter
from briefing.people.records import ParticipantRecord
from briefing.times.zones import in_zone_or_utc
from briefing.vocabulary import NOTE_SECTIONS

SIDE_HEADINGS = (("ours", "Our delegation"), ("theirs", "Their delegation"))


#: One part of the book: its weight (about the characters of a paper's Markdown it takes as
#: long to lay out as) and its builder. Each part starts on a new page. The weights were
#: measured (processor time per part of the benchmark's book, ``benchmarks/export.py``): an
#: agenda row costs about as much as 600 characters of a paper, a person about 500 besides the
#: bio, an action item about 150 besides its text. ``parallel.split`` shares them out.
Part = tuple[int, Callable[[Book], list[Flowable]]]


def book_parts(brief: Brief, options: BookOptions) -> list[Part]:
    """The parts of the book, in print order, for the sections (and notes) ``options`` chooses."""
    brief = with_notes(brief, options.notes)
    parts: list[Part] = []
    if options.has("cover"):
        parts.append((2_500, cover))
    if has_summary(brief, options):
        parts.append((1_000 + 300 * len(brief.notes), summary))
    if options.has("contents"):
        parts.append((200 * (len(brief.notes) + 5), contents))
    if has_positions(brief, options):
        parts.append((1_000 + 300 * len(brief.positions), positions_matrix))
    if options.has("agenda"):
        parts.append((1_000 + sum(600 + 2 * len(s.item.outcome) for s in brief.schedule.slots), agenda))
    if has_scenario(brief, options):
        parts.append((1_000 + sum(400 + len(s.item.points) for s in brief.schedule.slots), scenario))
    if has_changes(brief, options):
        from briefing.pdf.changes_section import changes  # with its diffs: only a later round's

        parts.append((10_000, changes))
    if options.has("papers"):
        parts += [(1_000 + sum(len(note.section(field)) for field, _ in NOTE_SECTIONS)
                   + 200 * len(note.sources), partial(paper, note=note)) for note in brief.notes]
    if has_qa_annex(brief, options):
        parts.append((1_000 + sum(300 + len(e.question) + len(e.answer)
                                  for entries in brief.qa.values() for e in entries), qa_annex))
    if options.has("participants"):
        parts.append((1_000 + sum(500 + len(p.person.bio) for p in brief.participants), participants))
    if options.has("actions"):
        parts.append((1_000 + sum(150 + len(a.text) for a in brief.actions), actions))
    return parts


def build_story(brief: Brief, options: BookOptions, ts: Typesetter | None = None,
                ladder: Ladder | None = None, parts: list[Part] | None = None) -> list[Flowable]:
    """Every flowable of the book (or of ``parts`` of it), in print order."""
    ts = ts or Typesetter(register_fonts())
    brief = with_notes(brief, options.notes)
    width = options.pagesize[0] - 2 * styles.MARGIN
    book = Book(brief, options, ts, width, ladder or Ladder())
    story: list[Flowable] = []
    for _, build in book_parts(brief, options) if parts is None else parts:
        if story:
            story.append(PageBreak())
        story += build(book)
    return story


def contents_entries(brief: Brief, options: BookOptions) -> list[OutlineEntry]:
    """The contents (and outline) entries of the book: (key, title, level)."""
    entries: list[OutlineEntry] = []
    if has_summary(brief, options):
        entries.append(("summary", SUMMARY_TITLE, 0))
    if has_positions(brief, options):
        entries.append(("positions", POSITIONS_TITLE, 0))
    if options.has("agenda"):
        entries.append(("agenda", "Agenda", 0))
    if has_scenario(brief, options):
        entries.append(("scenario", SCENARIO_TITLE, 0))
    if has_changes(brief, options):
        from briefing.pdf.changes_section import CHANGES_TITLE

        entries.append(("changes", CHANGES_TITLE, 0))
    if options.has("papers") and brief.notes:
        for note in brief.notes:
            entries += paper_entries(brief.notes, note)
    if has_qa_annex(brief, options):
        entries.append(("qa_annex", QA_ANNEX_TITLE, 0))
    if options.has("participants"):
        entries.append(("participants", "Participants", 0))
    if options.has("actions"):
        entries.append(("actions", "Action items", 0))
    return entries


def has_changes(brief: Brief, options: BookOptions) -> bool:
    """Whether the book has the changes section: chosen, and the meeting has a previous round."""
    return options.has("changes") and brief.round_changes is not None


# -- contents ------------------------------------------------------------------------


def contents(book: Book) -> list[Flowable]:
    """Every entry with dotted leaders to its page number, each a link."""
    out: list[Flowable] = [book.label("Contents", styles.section)]
    drafts = {paper_key(n) for n in book.brief.notes if n.status == "draft"}
    marked = {paper_key(n): note_highest(n, book.brief.meeting.sensitivity, book.ladder)
              for n in book.brief.notes}
    for key, title, level in contents_entries(book.brief, book.options):
        style = styles.toc[min(level, len(styles.toc) - 1)]
        markup = book.ts.markup(title, "Contents", bold=level == 0)
        if key in marked:  # each paper's highest marking, in front of its title
            markup = book.ts.markup(f"({marked[key]}) ", "Contents", bold=level == 0) + markup
        if key in drafts:
            markup += "  " + draft_tag(book)
        out.append(ContentsEntry(markup, key, style))
    return out


# -- agenda --------------------------------------------------------------------------


def agenda(book: Book) -> list[Flowable]:
    """The meeting's objectives and its agenda table with start times in both zones."""
    m, schedule = book.brief.meeting, book.brief.schedule
    where = "Agenda"
    out: list[Flowable] = [book.section("agenda", "Agenda")]
    venue_start = in_zone_or_utc(m.starts_at, m.timezone)
    line = f"{long_datetime(venue_start)} {venue_start.tzname()}"
    if m.location:
        line = f"{m.location} · {line}"
    out.append(book.text(line, where, styles.muted))
    if m.objectives.strip():
        out += book.heading("Objectives of the meeting")
        out += under_heading(book.md.render(m.objectives, "Agenda › Objectives"))
    out.append(Spacer(1, 8))
    if not schedule.slots:
        return [*out, book.label("No agenda items yet.", styles.muted)]
    out.append(_agenda_table(book, schedule.slots))
    total = f"Total {format_minutes(schedule.total_minutes)}"
    if schedule.length_minutes is not None:
        total += f" of {format_minutes(schedule.length_minutes)} planned"
        if schedule.overrun_minutes:
            total += f" — overruns by {format_minutes(schedule.overrun_minutes)}"
    out.append(Spacer(1, 4))
    out.append(book.label(total, styles.muted))
    return out


def _agenda_table(book: Book, slots: tuple[AgendaSlot, ...]) -> Table:
    first = slots[0]
    venue_zone, home_zone = first.venue_start.tzname(), first.home_start.tzname()
    # the builder's own short values are plain strings (cheaper than paragraphs); user text is not
    head = ["#", f"Venue {venue_zone}", f"Home {home_zone}", "Min", "Item", "Lead", "Issue"]
    rows: list[list] = [head]
    papers = {n.issue_id: n for n in book.brief.notes} if book.options.has("papers") else {}
    day = first.venue_start.date()
    # home times that are not all on the venue's day each show their day ("Mon 00:15")
    home_days = any(slot.home_start.date() != day for slot in slots)
    for number, slot in enumerate(slots, 1):
        item = slot.item
        where = f"Agenda item {number}"
        title: list[Flowable] = [book.text(item.title, where, styles.cell)]
        if item.outcome.strip():
            title += book.md.render(item.outcome, f"{where} › Outcome", style=styles.cell_muted,
                                    in_cell=True)
        issue: Flowable | list = []
        if item.issue_title:
            markup = book.ts.markup(item.issue_title, where)
            note = papers.get(item.issue_id)
            if note is not None:
                markup = f'<a href="#{paper_key(note)}" color="{styles.LINK_HEX}">{markup}</a>'
                issue = [BookParagraph(markup, styles.cell),
                         PageReference(paper_key(note), styles.cell_link)]
            else:
                issue = BookParagraph(markup, styles.cell)
        home = clock(slot.home_start, None if home_days else day)
        rows.append([
            str(number), clock(slot.venue_start, day), home, str(item.minutes),
            title,
            book.text(item.lead, where, styles.cell),
            issue,
        ])
    fixed = [18, 58, 58, 30, 78, 96]
    widths = [*fixed[:4], book.width - sum(fixed), *fixed[4:]]
    table = RowKeepingTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([*_grid_style(), ("ALIGN", (3, 0), (3, -1), "RIGHT")]))
    return table


# -- issue papers --------------------------------------------------------------------


# -- participants and actions ----------------------------------------------------------


def participants(book: Book) -> list[Flowable]:
    """Our delegation, then theirs: name (and native-script name), role, title, bio."""
    out: list[Flowable] = [book.section("participants", "Participants")]
    people = book.brief.participants
    if not people:
        return [*out, book.label("No participants listed.", styles.muted)]
    for side, heading in SIDE_HEADINGS:
        group = [p for p in people if p.side == side]
        if group:
            out += book.heading(heading, styles.group)
            for p in group:
                out += under_heading(_person(book, p)) if p is group[0] else _person(book, p)
    return out


def _person(book: Book, p: ParticipantRecord) -> list[Flowable]:
    person = p.person
    where = f"Participants › {person.name}"
    name = book.ts.markup(person.name, where, bold=True)
    if person.native_name:
        name += "  " + book.ts.markup(person.native_name, where, bold=True)
    out: list[Flowable] = [CondPageBreak(styles.KEEP_WITH_NEXT), BookParagraph(name, styles.person_name)]
    role = " · ".join(x for x in (p.role, person.title, person.organization) if x)
    if role:
        out.append(book.text(role, where, styles.person_role))
    out += book.md.render(person.bio, f"{where} › Bio", style=styles.small)
    return out


def actions(book: Book) -> list[Flowable]:
    """The action items: what, owner, due date, status, issue."""
    items = book.brief.actions
    if not items:
        return [book.section("actions", "Action items"), book.label("No action items.", styles.muted)]
    # the heading is the table's first row, so that it moves with the first item when that is
    # too tall for the rest of the page: it is never left alone above it
    heading = book.label("Action items", styles.section)
    today = book.options.prepared_on or date.today()
    rows: list[list] = [[heading, "", "", "", "", ""], ["#", "Action", "Owner", "Due", "Status", "Issue"]]
    for number, a in enumerate(items, 1):
        where = f"Action item {number}"
        status = a.status.capitalize() + (" — overdue" if a.is_overdue(today) else "")
        rows.append([
            str(number),
            book.md.render(a.text, where, style=styles.cell, in_cell=True),
            book.text(a.owner, where, styles.cell),
            a.due.isoformat() if a.due else "—",
            BookParagraph(status, styles.cell),
            book.text(a.issue_title or "", where, styles.cell),
        ])
    fixed = [18, 90, 62, 62, 100]
    widths = [fixed[0], book.width - sum(fixed), *fixed[1:]]
    table = HeadedTable(rows, colWidths=widths, repeatRows=(1,), hAlign="LEFT")
    table.setStyle(TableStyle([*_grid_style(first=1), ("SPAN", (0, 0), (-1, 0)),
                               ("LEFTPADDING", (0, 0), (-1, 0), 0), ("TOPPADDING", (0, 0), (-1, 0), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, 0), styles.section.spaceAfter)]))
    return [with_outline(table, ("actions", "Action items", 0))]


class HeadedTable(RowKeepingTable):
    """A table whose first row is its section's heading: the outline entry goes with the piece
    that holds that row when the table is split across pages."""

    def split(self, availWidth: float, availHeight: float):
        parts = super().split(availWidth, availHeight)
        if parts and getattr(self, "outline", None):
            parts[0].outline = self.outline  # type: ignore[attr-defined]
        return parts


# -- small helpers -------------------------------------------------------------------


def _grid_style(first: int = 0) -> list[tuple]:
    """The grid of a table whose column heads are row ``first`` (a heading row above it)."""
    return [
        *styles.TABLE_BASE,
        ("FONTNAME", (0, first), (-1, first), styles.BODY_BOLD),
        ("FONTSIZE", (0, first), (-1, first), 8.5),
        ("TEXTCOLOR", (0, first), (-1, first), styles.ACCENT),
        ("TEXTCOLOR", (0, first + 1), (0, -1), styles.MUTED),
        ("BACKGROUND", (0, first), (-1, first), styles.HEADER_FILL),
        ("ROWBACKGROUNDS", (0, first + 1), (-1, -1), [None, styles.ZEBRA]),
        ("LINEBELOW", (0, first), (-1, first), 0.8, styles.ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, styles.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
