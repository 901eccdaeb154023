"""The Word book's sections in print order: cover, summary, contents, positions, agenda,
scenario, changes since the last round, the papers, the Q&A annex, participants, actions.

``BookWriter`` writes them into one python-docx document with Word's own heading
styles (the meeting's parts Heading 1); an issue paper and its Q&A entries are
written by ``briefing.word.paper_sections``.
"""

from __future__ import annotations

from datetime import date

from docx.shared import Pt

from briefing.brief.records import Brief
from briefing.markings.ladder import Ladder
from briefing.pdf.options import BookOptions
from briefing.pdf.positions_section import POSITIONS_TITLE, has_positions
from briefing.pdf.qa_section import has_qa_annex
from briefing.pdf.scenario_section import SCENARIO_TITLE, has_scenario
from briefing.positions.records import STATE_TITLES
from briefing.revisions.diff import DELETE, INSERT
from briefing.times.names import day_clock, long_date
from briefing.word.markdown_docx import DocxMarkdown, Style, add_run
from briefing.word.page import field
from briefing.word.paper_sections import PaperSections, round_title


class BookWriter(PaperSections):
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
        """Write the sections the options choose, in print order."""
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
        add_run(para, f"{m.title} · {round_title(m.round_no)} · {long_date(_venue_day(m))}")
        para = self.d.add_paragraph()
        add_run(para, f"For clearance. Marking: {self.ladder.get(m.sensitivity).label}.")

    def _cover(self) -> None:
        from briefing.pdf.cover_section import time_span

        m = self.brief.meeting
        self._line(f"BRIEFING BOOK · {round_title(m.round_no).upper()}", bold=True)
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


def _venue_day(m) -> date:
    from briefing.times.zones import in_zone_or_utc

    return in_zone_or_utc(m.starts_at, m.timezone).date()
