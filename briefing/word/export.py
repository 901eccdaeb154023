"""The briefing book (or one issue note) as a Word .docx, from the same ``Brief`` as the PDF.

``build_docx(brief, options, ladder)`` lays out the chosen sections with Word's own heading
styles: the meeting's parts are Heading 1, an issue paper's title Heading 1 and its sections
Heading 2 (the headings ``briefing.word.sections`` reads back). ``write_docx`` writes it whole
(``briefing.output``). A file that holds exactly one issue note records where it came from
(``briefing.word.origin``) so that a reviewed copy can be read back into that note.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
from docx.shared import Pt

from briefing.brief.records import Brief
from briefing.brief.select import with_notes
from briefing.markings.ladder import Ladder
from briefing.notes.records import NoteRecord
from briefing.output import write_atomically
from briefing.pdf.options import BookOptions
from briefing.pdf.paper_section import TIER_SECTIONS
from briefing.pdf.positions_section import POSITIONS_TITLE, has_positions, since_text
from briefing.pdf.qa_section import KIND_HEADINGS, QA_ANNEX_TITLE, annex_entries, has_qa_annex
from briefing.pdf.scenario_section import SCENARIO_TITLE, has_scenario
from briefing.positions.records import STATE_TITLES
from briefing.revisions.diff import DELETE, INSERT
from briefing.times.names import day_clock, long_date
from briefing.vocabulary import NOTE_SECTIONS, TIER_TITLES
from briefing.word.markdown_docx import DocxMarkdown, Style, add_run, box, xml_safe
from briefing.word.origin import Origin, write_properties
from briefing.word.page import field, marking_lines, set_up

SOURCES_HEADING = "Sources"
WORD_SUFFIX = ".docx"


@dataclass(frozen=True, slots=True)
class DocxResult:
    """What was written: how many issue notes, how many portions withheld (a release copy)."""

    notes: int
    path: Path | None
    origin: Origin | None = None
    withheld: int | None = None


def released(brief: Brief, options: BookOptions, ladder: Ladder) -> tuple[Brief, int | None]:
    """A release copy's brief (``options.up_to``) and how many portions it withheld."""
    up_to = getattr(options, "up_to", None)
    if up_to is None:
        return brief, None
    from briefing.markings.release import release_brief

    return release_brief(brief, up_to, ladder)


def build_docx(brief: Brief, options: BookOptions, ladder: Ladder, *,
               origin: Origin | None = None, withheld: int | None = None):
    """The python-docx ``Document`` of the book; ``origin`` is recorded when given."""
    brief = with_notes(brief, options.notes)
    document = docx.Document()
    set_up(document, options.pagesize)
    m = brief.meeting
    marking = ladder.get(m.sensitivity)
    marking_lines(document, marking, xml_safe(m.title), xml_safe(options.watermark or ""))
    core = document.core_properties
    core.title = xml_safe(m.title if origin is None else f"{origin.issue_title} — {m.title}")
    core.subject = "Briefing book"
    core.author = xml_safe(m.prepared_by or "")
    writer = _BookWriter(document, brief, options, ladder, withheld)
    writer.write()
    if origin is not None:
        write_properties(document, origin.properties())
    else:  # a review of this file says it is a whole book, not a note
        write_properties(document, {"briefbook.kind": "book", "briefbook.meeting_key": m.key})
    return document


def write_docx(brief: Brief, options: BookOptions, out: Path | str | io.BufferedIOBase, *,
               ladder: Ladder, origin: Origin | None = None) -> DocxResult:
    """Write the book as a .docx to ``out`` (a path, written whole; or a binary stream)."""
    brief, withheld = released(brief, options, ladder)
    document = build_docx(brief, options, ladder, origin=origin, withheld=withheld)
    buffer = io.BytesIO()
    document.save(buffer)
    path = None
    if isinstance(out, str | Path):
        path = write_atomically(out, buffer.getvalue())
    else:
        out.write(buffer.getvalue())
    notes = len(with_notes(brief, options.notes).notes) if options.has("papers") else 0
    return DocxResult(notes=notes, path=path, origin=origin, withheld=withheld)


def one_note(brief: Brief, options: BookOptions) -> NoteRecord | None:
    """The note a file holds when it holds exactly one (papers chosen, one issue); else ``None``."""
    if not options.has("papers"):
        return None
    notes = with_notes(brief, options.notes).notes
    return notes[0] if len(notes) == 1 else None


class _BookWriter:
    """One book's sections, in print order, into one document."""

    def __init__(self, document, brief: Brief, options: BookOptions, ladder: Ladder,
                 withheld: int | None) -> None:
        self.d = document
        self.brief = brief
        self.options = options
        self.ladder = ladder
        self.withheld = withheld
        self.md = DocxMarkdown(document)
        self.first = True

    def write(self) -> None:
        o = self.options
        papers_only = o.has("papers") and len(self.brief.notes) == 1 and not (
            {"cover", "summary", "contents", "positions", "agenda", "scenario", "qa_annex",
             "participants", "actions"} & o.sections)
        if papers_only:  # one note for clearance: its title and meeting, then the paper
            self._note_title()
        if o.has("cover"):
            self._cover()
        if o.has("summary") and self.brief.notes:
            self._summary()
        if o.has("contents"):
            self._contents()
        if has_positions(self.brief, o):
            self._positions()
        if o.has("agenda"):
            self._agenda()
        if has_scenario(self.brief, o):
            self._scenario()
        if o.has("changes") and self.brief.round_changes is not None and self.brief.round_changes.changed:
            self._changes()
        if o.has("papers"):
            for note in self.brief.notes:
                self._paper(note)
        if has_qa_annex(self.brief, o):
            self._qa_annex()
        if o.has("participants"):
            self._participants()
        if o.has("actions"):
            self._actions()

    # -- helpers -----------------------------------------------------------------------------

    def _heading(self, text: str, level: int, *, new_page: bool = False):
        para = self.d.add_heading(level=level)
        add_run(para, text)
        if new_page and not self.first:
            para.paragraph_format.page_break_before = True
        self.first = False
        return para

    def _line(self, text: str, *, bold: bool = False, style: str | None = None, size=None):
        para = self.d.add_paragraph(style=style)
        run_text = text
        add_run(para, run_text, Style(bold=bold))
        if size is not None:
            for run in para.runs:
                run.font.size = size
        self.first = False
        return para

    # -- sections ----------------------------------------------------------------------------

    def _note_title(self) -> None:
        m = self.brief.meeting
        para = self.d.add_paragraph(style="Subtitle")
        add_run(para, f"{m.title} · {_round(m.round_no)} · {long_date(_venue_day(m))}")
        para = self.d.add_paragraph()
        add_run(para, f"For clearance. Marking: {self.ladder.get(m.sensitivity).label}.")

    def _cover(self) -> None:
        from briefing.pdf.story import time_span

        m = self.brief.meeting
        self._line(f"BRIEFING BOOK · {_round(m.round_no).upper()}", bold=True)
        para = self.d.add_paragraph(style="Title")
        add_run(para, m.title)
        rows = [("Counterpart", m.counterpart), ("Venue", m.location),
                ("Date and time (venue)", time_span(m.starts_at, m.ends_at, m.timezone)),
                ("Date and time (home)", time_span(m.starts_at, m.ends_at, m.home_timezone)),
                ("Prepared for", m.principal), ("Prepared by", m.prepared_by),
                ("Prepared on", long_date(self.options.prepared_on or date.today()))]
        for label, value in rows:
            if value:
                para = self.d.add_paragraph()
                add_run(para, f"{label}: ", Style(bold=True))
                add_run(para, value)
        if self.withheld is not None:
            self._line(f"RELEASE COPY: {self.withheld} portion{'' if self.withheld == 1 else 's'} "
                       "withheld", bold=True)
        self._line(self.ladder.get(m.sensitivity).label.upper(), bold=True, size=Pt(20))

    def _summary(self) -> None:
        from briefing.pdf.summary_section import SUMMARY_TITLE, first_sentence

        self._heading(SUMMARY_TITLE, 1, new_page=True)
        m = self.brief.meeting
        if m.objectives.strip():
            self._heading("Objectives", 2)
            self.md.write(self.d, m.objectives)
        self._heading("Our ask, issue by issue", 2)
        rows = [(n.issue_title, first_sentence(n.objectives),
                 first_sentence(n.red_lines) if self.options.has("red_lines") else "")
                for n in self.brief.notes]
        header = ["Issue", "Our ask"] + (["Red line"] if self.options.has("red_lines") else [])
        self._table(header, [r[:len(header)] for r in rows])

    def _contents(self) -> None:
        para = self.d.add_paragraph(style="TOC Heading")
        add_run(para, "Contents")
        if not self.first:
            para.paragraph_format.page_break_before = True
        self.first = False
        toc = self.d.add_paragraph()
        field(toc, 'TOC \\o "1-2" \\h \\z \\u',
              "Word fills the contents in when it opens the file (or: right-click → Update Field).")

    def _agenda(self) -> None:
        from briefing.agenda.schedule import format_minutes

        self._heading("Agenda", 1, new_page=True)
        rows = []
        for slot in self.brief.schedule.slots:
            item = slot.item
            rows.append([day_clock(slot.venue_start), day_clock(slot.home_start),
                         format_minutes(item.minutes), item.title, item.lead,
                         item.issue_title or ""])
        if rows:
            self._table(["Start (venue)", "Start (home)", "Length", "Item", "Lead", "Issue"], rows)
        else:
            self._line("No agenda items yet.")

    def _changes(self) -> None:
        from briefing.vocabulary import SECTION_TITLES

        changes = self.brief.round_changes
        self._heading("Changes since the last round", 1, new_page=True)
        if changes.previous_meeting_title:
            self._line(f"Since {changes.previous_meeting_title}.")
        for issue in changes.changed:
            self._heading(f"{issue.issue_title} ({issue.kind})", 2)
            for section in issue.sections:
                para = self.d.add_paragraph()
                add_run(para, SECTION_TITLES.get(section.field, section.heading) + ": ",
                        Style(bold=True))
                for run in section.runs:  # inserted underlined, deleted struck through
                    r = para.add_run(run.text)
                    if run.kind == INSERT:
                        r.font.underline = True
                    elif run.kind == DELETE:
                        r.font.strike = True

    def _paper(self, note: NoteRecord) -> None:
        title = note.issue_title + ("  [DRAFT]" if note.status == "draft" else "")
        self._heading(title, 1, new_page=True)
        m = self.brief.meeting
        meta = [f"Status: {note.status.capitalize()}", f"Priority: {note.priority.capitalize()}",
                _round(m.round_no)]
        if note.tier in TIER_TITLES and note.tier != "full":
            meta.append(f"{note.tier.capitalize()} paper")
        meta += [f"Owner: {note.owner}"] if note.owner else []
        self._line(" · ".join(meta), style="Subtitle")
        position = next((p for p in self.brief.positions if p.issue_id == note.issue_id), None)
        if position is not None:  # the paper opens with where the issue stands, as in the PDF
            para = self.d.add_paragraph()
            add_run(para, "Position: ")
            add_run(para, STATE_TITLES.get(position.state, position.state), Style(bold=True))
            add_run(para, " " + since_text(self.brief, position))
        printed = TIER_SECTIONS.get(note.tier, TIER_SECTIONS["full"])
        for name, heading in NOTE_SECTIONS:
            if name not in printed:
                continue
            text = note.section(name)
            if name == "red_lines" and not self.options.has("red_lines"):
                continue
            if name == "defensives":
                if text.strip():
                    self._heading(heading, 2)
                    self.md.write(self.d, text)
                self._qa(self.brief.qa.get(note.id, ()), 2)
                continue
            if not text.strip():
                continue
            self._heading(heading, 2)
            if name == "red_lines":
                boxed = DocxMarkdown(self.d, on_paragraph=lambda p: p is not None and box(p))
                boxed.write(self.d, text)
            else:
                self.md.write(self.d, text, numbered=name == "talking_points")
        if note.sources and note.tier != "defensive":
            self._heading(SOURCES_HEADING, 2)
            for number, src in enumerate(note.sources, 1):
                parts = [src.title, src.publisher, src.date]
                line = f"[{number}] " + ", ".join(p for p in parts if p)
                para = self.d.add_paragraph()
                add_run(para, line)
                if src.url:
                    add_run(para, " ")
                    add_run(para, src.url, Style(href=src.url if src.url.startswith(
                        ("http://", "https://", "mailto:")) else None))

    def _positions(self) -> None:
        from briefing.pdf.positions_section import first_line

        self._heading(POSITIONS_TITLE, 1, new_page=True)
        rows = [[p.issue_title, STATE_TITLES.get(p.state, p.state),
                 "launch" if p.since_round == 0 else f"round {p.since_round}",
                 first_line(p.ours.strip()), first_line(p.theirs.strip())]
                for p in self.brief.positions]
        self._table(["Issue", "State", "Since", "Ours", "Theirs"], rows)

    def _scenario(self) -> None:
        from briefing.agenda.schedule import format_minutes

        self._heading(SCENARIO_TITLE, 1, new_page=True)
        m = self.brief.meeting
        self._line(f"Times in the venue's zone ({m.timezone}) and at home ({m.home_timezone}).")
        papers = {n.issue_id: n for n in self.brief.notes} if self.options.has("papers") else {}
        for number, slot in enumerate(self.brief.schedule.slots, 1):
            item = slot.item
            self._heading(f"{number}. {item.title}", 2)
            venue = f"{day_clock(slot.venue_start)} {slot.venue_start.tzname()}"
            home = f"{day_clock(slot.home_start)} {slot.home_start.tzname()}"
            rows = [("Time", f"{venue} · home {home} · {format_minutes(item.minutes)}"),
                    ("Press", "Open to the press" if item.press == "open" else "Closed"),
                    ("We speak first", item.speaker_ours), ("They speak first", item.speaker_theirs)]
            for label, value in rows:
                if value:
                    para = self.d.add_paragraph()
                    add_run(para, f"{label}: ", Style(bold=True))
                    add_run(para, value)
            if item.points.strip():
                self._heading("Points", 3)
                self.md.write(self.d, item.points, numbered=True)
            else:
                note = papers.get(item.issue_id)
                if note is not None and note.talking_points.strip() and note.tier != "defensive":
                    self._line(f"Points: the talking points of the paper “{note.issue_title}”")

    def _qa(self, entries, level: int) -> None:
        """Bank entries under "Anticipated questions" and "Press lines": question bold, answer below."""
        for kind, heading in KIND_HEADINGS:
            chosen = [e for e in entries if e.kind == kind]
            if not chosen:
                continue
            self._heading(heading, level)
            for e in chosen:
                made: list = []  # the question's paragraphs, bold once written
                DocxMarkdown(self.d, on_paragraph=made.append).write(self.d, e.question)
                for paragraph in made:
                    _bold(paragraph)
                if e.answer.strip():
                    self.md.write(self.d, e.answer)

    def _qa_annex(self) -> None:
        self._heading(QA_ANNEX_TITLE, 1, new_page=True)
        for title, entries in annex_entries(self.brief):
            self._heading(title, 2)
            self._qa(entries, 3)

    def _participants(self) -> None:
        self._heading("Participants", 1, new_page=True)
        for side, title in (("ours", "Our delegation"), ("theirs", "Their delegation")):
            people = [p for p in self.brief.participants if p.side == side]
            if not people:
                continue
            self._heading(title, 2)
            for p in people:
                name = p.person.name + (f" ({p.person.native_name})" if p.person.native_name else "")
                self._heading(name, 3)
                line = " · ".join(x for x in (p.role, p.person.title, p.person.organization) if x)
                if line:
                    self._line(line)
                self.md.write(self.d, p.person.bio)

    def _actions(self) -> None:
        self._heading("Action items", 1, new_page=True)
        rows = [[a.text, a.owner, a.due.isoformat() if a.due else "", a.status, a.issue_title or ""]
                for a in self.brief.actions]
        if rows:
            self._table(["Action", "Owner", "Due", "Status", "Issue"], rows)
        else:
            self._line("No action items.")

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        table = self.d.add_table(rows=1 + len(rows), cols=len(header))
        table.style = self.d.styles["Table Grid"]
        for c, text in enumerate(header):
            add_run(table.cell(0, c).paragraphs[0], text, Style(bold=True))
        for r, row in enumerate(rows, 1):
            for c, text in enumerate(row):
                add_run(table.cell(r, c).paragraphs[0], text)
        self.first = False


def _bold(paragraph) -> None:
    """A question's paragraph: every run bold."""
    if paragraph is not None:
        for run in paragraph.runs:
            run.font.bold = True


def _round(number: int) -> str:
    return "Launch" if number == 0 else f"Round {number}"


def _venue_day(m) -> date:
    from briefing.times.zones import in_zone_or_utc

    return in_zone_or_utc(m.starts_at, m.timezone).date()
