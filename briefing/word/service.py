"""Word in and out for one open store: export with the file's origin, review a returned file into
its note, import a paper written in Word.

Every write goes through ``NoteService`` (its checks, its version, its history); a review's
save is signed "review by AUTHOR (from Word)", so the note's history says whose change it
was. A file that is not a .docx, is damaged or locked, or came from another store is refused
(``WordFileError``) before anything is written.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import NotFoundError, ValidationError
from briefing.notes.records import NoteRecord
from briefing.pdf.options import BookOptions
from briefing.vocabulary import NOTE_FIELDS, SECTION_TITLES
from briefing.word.export import DocxResult, one_note, write_docx
from briefing.word.opening import WordFileError, read_docx
from briefing.word.origin import Origin
from briefing.word.placing import apply, overlapping, place
from briefing.word.records import ImportedPaper, Review, ReviewItem
from briefing.word.tracked import read_returned

if TYPE_CHECKING:
    from briefing.services import Services


def review_author(authors: Iterable[str]) -> str:
    """``review by Ana Legal, Bo Director (from Word)``: the revision's author of a review."""
    names = list(dict.fromkeys(a for a in authors if a)) or ["Unknown"]
    return f"review by {', '.join(names)} (from Word)"


class WordService:
    """Export to Word, review a returned file, import a paper, against one store."""

    def __init__(self, services: Services) -> None:
        self.services = services

    # -- out ---------------------------------------------------------------------------------

    def origin(self, note: NoteRecord) -> Origin:
        """Where a file holding only ``note`` comes from: store, meeting, note, revision."""
        from briefing.services import describe_store

        meeting = self.services.meetings.get(note.meeting_id)
        revisions = self.services.history.revisions(note.id)
        return Origin(store=describe_store(self.services.db.url), meeting_key=meeting.key,
                      meeting_id=meeting.id, meeting_title=meeting.title, note_id=note.id,
                      issue_slug=note.issue_slug, issue_title=note.issue_title,
                      note_version=note.version, note_updated=note.updated_at.isoformat(),
                      revision=revisions[0].id if revisions else None)

    def export(self, meeting_id: int, options: BookOptions,
               out: Path | str | io.BufferedIOBase) -> DocxResult:
        """The meeting's book (or its one chosen note) as a .docx; a one-note file records its origin."""
        return self.write(self.services.briefs.load(meeting_id), options, out)

    def write(self, brief, options: BookOptions, out: Path | str | io.BufferedIOBase) -> DocxResult:
        """``export`` of a brief already loaded."""
        from briefing.brief.select import check_notes

        check_notes(brief, options.notes)
        note = one_note(brief, options)
        origin = self.origin(note) if note is not None else None
        return write_docx(brief, options, out, ladder=self.services.config.ladder, origin=origin)

    # -- review ------------------------------------------------------------------------------

    def review(self, path: Path | str) -> Review:
        """The tracked changes of a returned one-note file, placed in its note as it is now."""
        parts = read_docx(path)
        returned = read_returned(parts)
        origin = returned.origin
        if origin is None:
            if returned.kind == "book":
                raise WordFileError(path, "holds a whole briefing book; review takes a file "
                                          "exported for one issue note (export MEETING --notes "
                                          "SLUG --sections papers -o FILE.docx)")
            raise WordFileError(path, "was not exported from Briefbook for one issue note (it "
                                      "records no note); to bring a paper written in Word in, "
                                      "use import-docx")
        note = self._note_of(path, origin)
        return self.place(str(path), origin, note, returned.changes, returned.comments)

    @staticmethod
    def place(path: str, origin: Origin, note: NoteRecord, changes, comments) -> Review:
        """``changes`` placed in ``note`` as it is now (conflicts where they do not apply)."""
        items: list[ReviewItem] = []
        for change in changes:
            if change.section is None:
                items.append(ReviewItem(change, None, None,
                                        f"{change.where}: not in a text section of the note; "
                                        "make this change by hand"))
            else:
                items.append(place(note.section(change.section), change))
        clash = overlapping(items)
        items = [ReviewItem(i.change, None, None, "overlaps an earlier change; make it by hand")
                 if i.change.number in clash else i for i in items]
        return Review(path=path, origin=origin, note=note, items=tuple(items),
                      comments=tuple(comments))

    def _note_of(self, path: Path | str, origin: Origin) -> NoteRecord:
        other = (f"came from another store ({origin.store}, meeting {origin.meeting_title!r}, "
                 f"issue {origin.issue_slug!r})")
        try:
            meeting = self.services.meetings.get(origin.meeting_id)
        except NotFoundError:
            raise WordFileError(path, other) from None
        if meeting.key != origin.meeting_key:
            raise WordFileError(path, other)
        try:
            note = self.services.notes.get(origin.note_id)
        except NotFoundError:
            raise WordFileError(path, f"is for the issue note {origin.issue_title!r} of "
                                      f"{origin.meeting_title!r}, which is no longer in this "
                                      "store (it may be in the Trash)") from None
        if note.meeting_id != meeting.id or note.issue_slug != origin.issue_slug:
            raise WordFileError(path, other)
        # the same sample loaded into two stores has the same keys and ids; but the state the
        # file was written from (version, time of its last change) is this store's own
        if note.version < origin.note_version or (
                note.version == origin.note_version
                and note.updated_at.isoformat() != origin.note_updated):
            raise WordFileError(path, other)
        return note

    def proposed(self, review: Review, accepted: Collection[int]) -> dict[str, str]:
        """The note's sections with the ``accepted`` changes applied (only the changed ones)."""
        self._check_accepted(review, accepted)
        out = {}
        for field in NOTE_FIELDS:
            chosen = [i for i in review.items
                      if i.change.number in accepted and i.change.section == field]
            if chosen:
                text = apply(review.note.section(field), chosen)
                if text != review.note.section(field):
                    out[field] = text
        return out

    def accept(self, review: Review, accepted: Collection[int]) -> NoteRecord | None:
        """Apply the ``accepted`` changes to the note in one save (``None`` when none change it).

        Checked against the note's version as the review read it: an edit since is a
        ``ConflictError`` and nothing is written.
        """
        changes = self.proposed(review, accepted)
        if not changes:
            return None
        authors = [i.change.author for i in review.items if i.change.number in accepted]
        return self.save_as(review_author(authors), review.note.id, review.note.version, changes)

    def save_as(self, author: str, note_id: int, version: int | None,
                changes: dict[str, str]) -> NoteRecord:
        """A note save signed ``author`` (a review's, an import's) instead of the user's."""
        notes = copy.copy(self.services.notes)
        notes.author = author
        return notes.save(note_id, version, changes)

    @staticmethod
    def _check_accepted(review: Review, accepted: Collection[int]) -> None:
        numbers = {i.change.number: i for i in review.items}
        for number in accepted:
            if number not in numbers:
                last = max(numbers) if numbers else 0
                raise ValidationError("accept", f"there is no change {number}; the file has "
                                      + (f"changes 1 to {last}" if last else "no tracked changes"))
            item = numbers[number]
            if item.conflict:
                where = SECTION_TITLES.get(item.change.section or "", item.change.where)
                raise ValidationError("accept", f"change {number} ({where}) cannot be applied: "
                                                f"{item.reason}")

    # -- in ----------------------------------------------------------------------------------

    def read_paper(self, path: Path | str) -> ImportedPaper:
        """A paper written in Word as Markdown per note section (nothing is written)."""
        from briefing.word.import_docx import read_paper

        read_docx(path)  # the same refusals as a review: not a .docx, damaged, locked
        return read_paper(path)

    def import_paper(self, path: Path | str, meeting_ref: str, slug: str
                     ) -> tuple[NoteRecord, ImportedPaper, bool]:
        """Bring a Word paper into the note of issue ``slug`` in meeting ``meeting_ref``.

        Creates the note (and the library issue, titled as the paper, when there is none) if the
        meeting has no note on it; otherwise one save of the sections the paper has, with a
        revision signed "USER (import from Word: FILE)".
        Returns the note, what was read, and whether the note was created.
        """
        paper = self.read_paper(path)
        meeting = self.services.meetings.resolve(meeting_ref)
        slug = slug.strip().lower()
        if not slug:
            raise ValidationError("issue", "name the issue (its slug, as `dump` shows it)")
        existing = [n for n in self.services.notes.list_full(meeting.id) if n.issue_slug == slug]
        author = f"{self.services.notes.author} (import from Word: {Path(path).name})"
        if existing:
            note = existing[0]
            changes = {k: v for k, v in paper.sections.items() if v != note.section(k)}
            if changes:
                note = self.save_as(author, note.id, note.version, changes)
            created = False
        else:
            issue = self._issue(slug)
            if issue is None:  # a new issue: its title from the paper
                title = paper.title or slug.replace("-", " ").capitalize()
                issue = self.services.issues.create(title[:200], slug=slug)
            note = self.services.notes.add(meeting.id, issue.id, **paper.sections)
            created = True
        known = {s.title.casefold() for s in note.sources}
        added = [s for s in dict.fromkeys(paper.sources) if s[:500].casefold() not in known]
        for source in added:
            self.services.notes.add_source(note.id, source[:500])
        if added:
            note = self.services.notes.get(note.id)
        return note, paper, created

    def _issue(self, slug: str):
        for issue in self.services.issues.list():
            if issue.slug == slug:
                return issue
        return None
