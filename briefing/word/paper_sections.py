"""An issue paper in the Word book: its sections, sources, Q&A entries, and the Q&A annex.

``PaperSections`` is the part of ``briefing.word.book_writer.BookWriter`` that
writes one issue note's paper (the sections its tier prints, the red lines boxed,
the talking points numbered, the sources with live links) and the Q&A bank's
entries (question bold, answer below), under the paper or in the annex. It
writes through the book writer's document, Markdown writer and headings.
"""

from __future__ import annotations

from briefing.notes.records import NoteRecord
from briefing.pdf.paper_section import TIER_SECTIONS
from briefing.pdf.positions_section import since_text
from briefing.pdf.qa_section import KIND_HEADINGS, QA_ANNEX_TITLE, annex_entries
from briefing.positions.records import STATE_TITLES
from briefing.vocabulary import NOTE_SECTIONS, TIER_TITLES
from briefing.word.markdown_docx import DocxMarkdown, Style, add_run, box

SOURCES_HEADING = "Sources"


class PaperSections:
    """An issue paper and Q&A entries, written by a ``BookWriter`` (its ``d``, ``md``, ``brief``,
    ``options``, ``_heading`` and ``_line``)."""

    def _paper(self, note: NoteRecord) -> None:
        title = note.issue_title + ("  [DRAFT]" if note.status == "draft" else "")
        self._heading(title, 1, new_page=True)
        m = self.brief.meeting
        meta = [f"Status: {note.status.capitalize()}", f"Priority: {note.priority.capitalize()}",
                round_title(m.round_no)]
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


def _bold(paragraph) -> None:
    """A question's paragraph: every run bold."""
    if paragraph is not None:
        for run in paragraph.runs:
            run.font.bold = True


def round_title(number: int) -> str:
    """A meeting's round as a book names it: "Launch" for round 0."""
    return "Launch" if number == 0 else f"Round {number}"
