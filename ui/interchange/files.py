"""``InterchangeFiles``: a Briefbook JSON file brought into the store, or the whole store written to one.

File → Import a Briefbook file… adds a colleague's meetings, issues, people and Q&A entries,
as ``main.py import`` does: all or nothing, the store backed up first
(``briefing.interchange``). File → Export everything to a Briefbook file… writes what
``main.py dump`` writes, whole or not at all. Both run in the window's write lane, after
every write given before (what was typed is in the file), and the window never waits;
a file that cannot be imported is refused in a message naming the file, its line and
the JSON path of the first problem.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing.errors import BriefbookError
from ui.undo.lane_job import run_in_lane

if TYPE_CHECKING:
    from briefing.interchange.load import ImportSummary
    from ui.context import AppContext

#: What the file dialogs show.
JSON_FILES = "Briefbook files (*.json);;All files (*)"


def said(summary: ImportSummary) -> str:
    """What an import did, in one sentence for the status bar."""
    meetings = summary.meetings_added
    text = (f"Imported {meetings} meeting{'' if meetings == 1 else 's'}; issues: {summary.issues_added} "
            f"added, {summary.issues_updated} updated; people: {summary.people_added} added, "
            f"{summary.people_updated} updated; Q&A entries: {summary.qa_added} added, "
            f"{summary.qa_updated} updated.")
    for old, new in summary.renamed_keys.items():
        text += f" Meeting key “{old}” was taken: the imported meeting is “{new}”."
    return text


class InterchangeFiles(QObject):
    """The window's import and export of Briefbook files (built when first asked for)."""

    def __init__(self, ctx: AppContext, window: QWidget, flush: Callable[[], object],
                 open_meeting: Callable[[int], object]) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self._flush, self._open_meeting = flush, open_meeting
        self.busy = False

    def import_file(self, path: str | None = None) -> None:
        """Ask for a file (unless given) and import it in the lane."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Import a Briefbook file", "", JSON_FILES)
        if not path or self.busy:
            return
        self._start_writing_typed()
        interchange = self.ctx.services.interchange
        self.busy = True
        self.ctx.status.info(f"Importing {Path(path).name}…")

        def work() -> ImportSummary:  # in the worker, after every write given before
            from briefing.interchange import InterchangeError, read_json
            from briefing.interchange.places import located

            try:
                return interchange.import_document(read_json(Path(path)))
            except InterchangeError as error:  # said with the file, and the line to look at
                raise located(error, Path(path)) from None

        run_in_lane(self.ctx, work, self._imported, lambda error: self._refused(
            "Import refused", f"{error}\n\nNothing was imported: the database is as it was."))

    def _start_writing_typed(self) -> None:
        """What was typed starts its write now, ahead in the lane: the import or export runs after
        it, and the window does not wait for either."""
        from ui.forms.background import writes_in_background

        with writes_in_background():
            self._flush()

    def _imported(self, summary: ImportSummary) -> None:
        self.busy = False
        events = self.ctx.events
        events.sig_meetings_changed.emit()
        events.sig_issues_changed.emit()
        events.sig_people_changed.emit(0)
        events.sig_qa_changed.emit()
        self.ctx.status.info(said(summary))
        if summary.meeting_ids:
            self._open_meeting(summary.meeting_ids[0])

    def export_everything(self, path: str | None = None) -> None:
        """Ask for a file name (unless given) and write every meeting, issue and person to it."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, "Export everything to a Briefbook file",
                                                  "briefbook.json", JSON_FILES)
        if not path or self.busy:
            return
        self._start_writing_typed()
        db = self.ctx.services.db
        self.busy = True

        def work() -> tuple[int, Path, list[str]]:  # in the worker: what every write before it left
            from briefing.interchange import dump_store, write_json
            from briefing.output import check_target

            target = check_target(path)
            problems: list[str] = []
            doc = dump_store(db, problems)
            return len(doc["meetings"]), write_json(doc, target), problems

        run_in_lane(self.ctx, work, self._exported, lambda error: self._refused("Export refused", error))

    def _exported(self, result: tuple[int, Path, list[str]]) -> None:
        self.busy = False
        count, path, problems = result
        text = f"Wrote {count} meeting{'' if count == 1 else 's'} to {path}."
        if problems:
            text += f" {len(problems)} time(s) written in UTC: {problems[0]}."
        self.ctx.status.info(text)

    def _refused(self, title: str, error: BriefbookError | str | Any) -> None:
        self.busy = False
        QMessageBox.warning(self.window, title, str(error))
