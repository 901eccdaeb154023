"""What applying a meeting record will change, shown before it is applied (one undo step after)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from briefing.positions.records import STATE_TITLES, ProposedAction, RecordProposal
from ui.timefmt import short_date
from ui.widgets.char_width import char_width


def proposal_lines(proposal: RecordProposal) -> list[str]:
    """One line per change: "Section 232 …: Open → Bracketed", "New action: … (owner, due)"."""
    lines = [f"{m.issue_title}: {STATE_TITLES.get(m.old_state, m.old_state)} → "
             f"{STATE_TITLES.get(m.new_state, m.new_state)}" for m in proposal.moves]
    return lines + [f"New action item: {_action(a)}" for a in proposal.actions]


def _action(a: ProposedAction) -> str:
    extra = [x for x in (a.owner, f"due {short_date(a.due)}" if a.due else "") if x]
    return a.text + (f" ({', '.join(extra)})" if extra else "")


class ApplyRecordDialog(QDialog):
    """Lists the proposed changes; Apply accepts (the caller pushes the command)."""

    def __init__(self, proposal: RecordProposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Apply the meeting record")
        self.proposal = proposal
        self.model = QStringListModel(proposal_lines(proposal), self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName("Changes to apply")
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton("&Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.apply_button.setEnabled(not proposal.is_empty)
        intro = ("The record calls for these changes. Applying them is one step: Edit → Undo takes "
                 "them all back." if not proposal.is_empty else
                 "The record calls for no change: its agreed points and its “ACTION:” lines are "
                 "already in the positions and the action items.")
        label = QLabel(intro, self)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(char_width(self.fontMetrics()) * 90, self.fontMetrics().height() * 20)
