"""``SettingsDialog``: Edit → Settings…, what ``briefbook.json`` holds, and the store's ladder.

User name, home time zone, default paper and backups kept (the settings file),
and the marking ladder (the store's, ``briefing.markings.service``). Save checks
everything (``briefing.config.check_settings``; a code that portions or meetings
carry cannot leave the ladder: the message says how many), writes a changed
ladder into the store off the GUI thread, then the file atomically keeping keys
it does not know, and applies what it can to the running window
(``ui.settings.apply``); the rest is said to apply at the next start.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.config import Config, check_settings, config_path, save_settings
from briefing.errors import StoreError, ValidationError
from briefing.markings.ladder import Ladder
from briefing.markings.service import orphans_refused
from briefing.pdf.options import default_paper
from ui.background import WRITES, BackgroundTask, failure_message
from ui.context import AppContext
from ui.settings.apply import apply_settings
from ui.settings.ladder_model import LadderTableModel
from ui.widgets.char_width import char_width
from ui.widgets.field_error import FieldError, with_error
from ui.widgets.zone_combo import ZoneComboBox

MAX_BACKUPS = 9999


class SettingsDialog(QDialog):
    """The settings of ``briefbook.json``; Save writes and applies them, Cancel forgets them."""

    def __init__(self, ctx: AppContext, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = config_path() if path is None else path
        self.setWindowTitle("Settings")
        config = ctx.services.config
        self.user_name = QLineEdit(config.user_name, self)
        self.user_name.setAccessibleName("User name")
        self.user_name.setToolTip("Signs every change you make: note history, main.py log")
        self.home_zone = ZoneComboBox(self)
        self.home_zone.setAccessibleName("Home time zone")
        self.home_zone.set_zone(config.home_timezone)
        self.paper = QComboBox(self)
        self.paper.setAccessibleName("Default paper")
        locale_paper = "Letter" if default_paper() == "letter" else "A4"
        for text, value in ((f"The locale's ({locale_paper})", "locale"), ("A4", "a4"), ("Letter", "letter")):
            self.paper.addItem(text, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(config.paper)))
        self.backups = QSpinBox(self)
        self.backups.setAccessibleName("Backups kept")
        self.backups.setRange(1, MAX_BACKUPS)
        self.backups.setValue(min(config.backups_keep, MAX_BACKUPS))
        self.backups.setToolTip("How many automatic backups are kept beside the store (the newest)")
        self.errors = {name: FieldError(self) for name in
                       ("user_name", "home_timezone", "paper", "backups_keep", "ladder", "file")}
        self.home_zone.sig_problem.connect(self.errors["home_timezone"].show_message)
        self.ladder = LadderTableModel(config.ladder.markings, self)
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("&User name", with_error(self.user_name, self.errors["user_name"], self))
        form.addRow("&Home time zone", with_error(self.home_zone, self.errors["home_timezone"], self))
        form.addRow("Default &paper", with_error(self.paper, self.errors["paper"], self))
        form.addRow("&Backups kept", with_error(self.backups, self.errors["backups_keep"], self))
        self.table = QTableView(self)
        self.table.setModel(self.ladder)
        self.table.setAccessibleName("Marking ladder")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setCurrentIndex(self.ladder.index(0, 0))
        buttons = QVBoxLayout()
        self.add_button = self._button("&Add", "Add a marking below the selected one", self.add, buttons)
        self.remove_button = self._button("&Remove", "Take the selected marking off the ladder",
                                          self.remove, buttons)
        self.up_button = self._button("Move u&p", "One step lower on the ladder", lambda: self.move(-1),
                                      buttons)
        self.down_button = self._button("Move do&wn", "One step higher on the ladder", lambda: self.move(1),
                                        buttons)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        note = QLabel("Lowest first. A code is printed in the book's banner; it may not contain spaces "
                      "or parentheses. The ladder is the store's: everyone using this store marks "
                      "with it.", self)
        note.setWordWrap(True)
        group = QGroupBox("&Marking ladder", self)
        column = QVBoxLayout(group)
        column.addLayout(row)
        column.addWidget(self.errors["ladder"])
        column.addWidget(note)
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                    | QDialogButtonBox.StandardButton.Cancel, self)
        self.box.accepted.connect(self.save)
        self.box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group, 1)
        layout.addWidget(self.errors["file"])
        layout.addWidget(self.box)
        self.resize(self.sizeHint().width() + char_width(self.fontMetrics()) * 20,
                    self.sizeHint().height() + self.table.verticalHeader().defaultSectionSize() * 2)

    def _button(self, text: str, tip: str, slot, layout: QVBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    @classmethod
    def open_for(cls, ctx: AppContext, window: QWidget) -> SettingsDialog:
        """Show the settings (the one already open, if any)."""
        dialog = next((d for d in window.findChildren(cls) if d.isVisible()), None)
        if dialog is None:
            dialog = cls(ctx, parent=window)
            dialog.open()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # -- the ladder ----------------------------------------------------------------

    def _row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else self.ladder.rowCount() - 1

    def add(self) -> None:
        row = self.ladder.add(self._row() + 1)
        self.errors["ladder"].show_message(None)
        self.table.setFocus()
        self.table.setCurrentIndex(self.ladder.index(row, 0))
        self.table.edit(self.ladder.index(row, 0))

    def remove(self) -> None:
        """Remove the selected marking, unless meetings carry it or it is the last one."""
        row = self._row()
        if row < 0:
            return
        code = self.ladder.code(row)
        markings = self.ctx.services.markings
        used = markings.portions_marked(code) if code else 0
        marked = markings.meetings_marked(code) if code else 0
        if used or marked:
            self.errors["ladder"].show_message(orphans_refused(code, used, marked))
            return
        if self.ladder.rowCount() == 1:
            self.errors["ladder"].show_message("The ladder needs at least one marking.")
            return
        self.errors["ladder"].show_message(None)
        self.ladder.remove(row)
        self.table.setCurrentIndex(self.ladder.index(min(row, self.ladder.rowCount() - 1), 0))

    def move(self, step: int) -> None:
        column = max(0, self.table.currentIndex().column())
        row = self.ladder.move(self._row(), step)
        self.table.setCurrentIndex(self.ladder.index(row, column))

    # -- saving --------------------------------------------------------------------

    def values(self) -> Config:
        """What the window shows now, not checked."""
        return replace(self.ctx.services.config, user_name=self.user_name.text(),
                       home_timezone=self.home_zone.zone(), paper=self.paper.currentData(),
                       backups_keep=self.backups.value(), ladder=Ladder(self.ladder.markings()))

    def save(self) -> None:
        """Check, write ``briefbook.json``, apply; a refusal is shown next to its field."""
        for error in self.errors.values():
            error.show_message(None)
        old = self.ctx.services.config
        try:
            config = check_settings(self.values())
            if config.ladder.markings != old.ladder.markings:
                self.ctx.services.markings.check_removal(old.ladder, config.ladder.markings)
        except ValidationError as error:
            self.errors.get(error.field, self.errors["file"]).show_message(error.message)
            return
        if config.ladder.markings == old.ladder.markings:
            self._save_file(config)
            return
        markings = self.ctx.services.markings
        self.box.setEnabled(False)
        self.task = BackgroundTask(lambda _progress: markings.set_ladder(config.ladder.markings), WRITES)
        self.task.signals.sig_finished.connect(lambda ladder: self._save_file(replace(config, ladder=ladder)))
        self.task.signals.sig_failed.connect(self._ladder_refused)
        self.task.start()

    def _ladder_refused(self, error: BaseException) -> None:
        self.box.setEnabled(True)
        if isinstance(error, ValidationError):
            self.errors.get(error.field, self.errors["ladder"]).show_message(error.message)
        else:
            self.errors["ladder"].show_message(failure_message(error, "saving the marking ladder"))

    def _save_file(self, config: Config) -> None:
        """Write the settings file and apply (the store's ladder, if changed, is written already)."""
        self.box.setEnabled(True)
        try:
            save_settings(config, self.path)
        except StoreError as error:
            self.errors["file"].show_message(str(error))
            return
        later = apply_settings(self.ctx, config)
        self.ctx.status.info("Settings saved." + (f" {later}" if later else ""))
        self.accept()
