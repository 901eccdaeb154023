"""The window's actions and menus: File, Edit, Meeting, View, Help, with the platform's shortcuts.

Actions that later features fill in (export, book preview, search, Trash) exist
now, disabled, so that the menus keep their final shape; a feature enables its
action and connects it (``window.actions.export``). An action's tooltip names its
shortcut ("Next round (Ctrl+Shift+N)"), as its menu entry does; Help → Keyboard
shortcuts lists them all (``ui.help``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolButton, QWidget

Key = QKeySequence.StandardKey


@dataclass
class WindowActions:
    """Every menu action of the main window, by name."""

    export: QAction
    export_record: QAction
    review_word: QAction
    back_up: QAction
    restore_backup: QAction
    import_file: QAction
    export_everything: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    search: QAction
    trash: QAction
    qa_bank: QAction
    settings: QAction
    new_meeting: QAction
    next_round: QAction
    round_changes: QAction
    delete_meeting: QAction
    book_preview: QAction
    next_tab: QAction
    previous_tab: QAction
    meetings_list: QAction
    note_list: QAction
    shortcuts: QAction
    remove_sample: QAction
    about: QAction
    about_qt: QAction


def _action(parent: QWidget, text: str, *keys: QKeySequence | Key | str, tip: str = "",
            enabled: bool = True) -> QAction:
    action = QAction(text, parent)
    shortcuts: list[QKeySequence] = []
    for key in keys:
        for sequence in QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]:
            if sequence not in shortcuts:  # a key twice would be an ambiguous shortcut
                shortcuts.append(sequence)
    action.setShortcuts(shortcuts)
    action.setStatusTip(tip)
    name = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")  # "Q&&A" is Q&A
    if shortcuts:
        action.setToolTip(f"{name} ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})")
    else:
        action.setToolTip(tip or name)
    action.setEnabled(enabled)
    return action


def build_actions(window: QWidget) -> WindowActions:
    """The actions, with texts, shortcuts and tips (not yet connected)."""
    return WindowActions(
        # Ctrl+P as well: a line edit on Linux takes Ctrl+E for "end of line"
        export=_action(window, "&Export briefing book…", "Ctrl+E", Key.Print,
                       tip="Write the meeting's briefing book as a PDF", enabled=False),
        export_record=_action(window, "Export meeting &record…",
                              tip="Write what was said, agreed and left open, the actions and the "
                                  "positions that moved as a PDF", enabled=False),
        review_word=_action(window, "Re&view a returned Word file…",
                            tip="A note sent out as a Word file and marked up with tracked changes: "
                                "accept or reject each change into the note"),
        back_up=_action(window, "&Back up now", tip="Copy the database into its backups folder now"),
        restore_backup=_action(window, "&Restore from backup…",
                               tip="Replace the database with one of its backups (it is backed up first)"),
        import_file=_action(window, "&Import a Briefbook file…",
                            tip="Add the meetings, issues, people and Q&A entries of a Briefbook JSON "
                                "file (all or nothing; the database is backed up first)"),
        export_everything=_action(window, "Export e&verything to a Briefbook file…",
                                  tip="Write every meeting, issue, person and Q&A entry to one JSON file"),
        quit=_action(window, "&Quit", Key.Quit, "Ctrl+Q", tip="Close Briefbook (everything is saved)"),
        undo=_action(window, "&Undo", Key.Undo, tip="Undo the last change"),
        redo=_action(window, "&Redo", Key.Redo, "Ctrl+Shift+Z", tip="Redo the change just undone"),
        search=_action(window, "&Search everything…", "Ctrl+K",
                       tip="Find text in every meeting, note and person"),
        trash=_action(window, "&Trash…", tip="See and restore deleted items", enabled=False),
        qa_bank=_action(window, "&Q&&A bank…", "Ctrl+Shift+Q",
                        tip="Defensive questions and press lines shared by every meeting: filter, "
                            "add, edit, retire"),
        settings=_settings_action(window),
        new_meeting=_action(window, "&New meeting", Key.New, tip="Create a meeting to prepare"),
        next_round=_action(window, "Ne&xt round", "Ctrl+Shift+N",
                           tip="Start the next round: agenda, notes, people and open actions "
                               "carried forward"),
        round_changes=_action(window, "&What changed since the last round…",
                              tip="Per issue, the sections that changed since the previous round, "
                                  "and the issues new or dropped", enabled=False),
        delete_meeting=_action(window, "&Delete meeting", tip="Move the open meeting to the Trash"),
        book_preview=_action(window, "&Book preview", "Ctrl+Shift+B",
                             tip="Show the briefing book beside the workspace", enabled=False),
        next_tab=_action(window, "Ne&xt tab", "Ctrl+Tab", Key.NextChild,
                         tip="Show the open meeting's next tab"),
        previous_tab=_action(window, "Pre&vious tab", "Ctrl+Shift+Tab", Key.PreviousChild,
                             tip="Show the open meeting's previous tab"),
        meetings_list=_action(window, "&Meetings list", "Ctrl+L",
                              tip="Go to the list of meetings (arrow keys pick one)"),
        note_list=_action(window, "Issue &note list", "Ctrl+Shift+L",
                          tip="Go to the open meeting's list of issue notes"),
        shortcuts=_action(window, "&Keyboard shortcuts", Key.HelpContents, "F1",
                          tip="Every shortcut of the window's commands"),
        remove_sample=_action(window, "&Remove the sample…",
                              tip="Move the sample meetings, and the people only they name, to the Trash",
                              enabled=False),
        about=_action(window, "&About Briefbook", tip="Version and licence"),
        about_qt=_action(window, "About &Qt"),
    )


def _settings_action(window: QWidget) -> QAction:
    """Edit → Settings…: the platform's Preferences keys where it has them, else Ctrl+,."""
    keys = Key.Preferences if QKeySequence.keyBindings(Key.Preferences) else "Ctrl+,"
    action = _action(window, "Se&ttings…", keys,
                     tip="User name, home time zone, paper, backups kept and the marking ladder")
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    return action


def build_menus(menubar: QMenuBar, a: WindowActions) -> None:
    """File / Edit / Meeting / View / Help."""
    file = menubar.addMenu("&File")
    file.addAction(a.export)
    file.addAction(a.export_record)
    file.addAction(a.review_word)
    file.addSeparator()
    file.addActions([a.import_file, a.export_everything])
    file.addSeparator()
    file.addActions([a.back_up, a.restore_backup])
    file.addSeparator()
    file.addAction(a.quit)
    edit = menubar.addMenu("&Edit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.search, a.trash, a.qa_bank])
    edit.addSeparator()
    edit.addAction(a.settings)
    meeting = menubar.addMenu("&Meeting")
    meeting.addActions([a.new_meeting, a.next_round, a.round_changes])
    meeting.addSeparator()
    meeting.addAction(a.delete_meeting)
    view = menubar.addMenu("&View")
    a.book_preview.setCheckable(True)
    view.addAction(a.book_preview)
    view.addSeparator()
    view.addActions([a.next_tab, a.previous_tab, a.meetings_list, a.note_list])
    help_ = menubar.addMenu("&Help")
    help_.addAction(a.shortcuts)
    help_.addSeparator()
    help_.addAction(a.remove_sample)
    help_.addSeparator()
    help_.addActions([a.about, a.about_qt])
    menubar.setCornerWidget(_search_button(menubar, a.search))


def _search_button(parent: QWidget, search: QAction) -> QToolButton:
    """The search field's stand-in at the right of the menu bar: a click (or Ctrl+K) opens search."""
    button = QToolButton(parent)
    button.setDefaultAction(search)
    button.setText("Search everything  " + search.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAutoRaise(True)
    return button


