"""``BudgetFields``: the Overview's page budget per tier — full, short, defensive papers — each a
number of pages or "No budget" (issue 13). After a layout, a paper over its budget is listed in
the export's warnings and marked on its note."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from briefing.tiers.budget import MAX_PAGES
from briefing.vocabulary import TIERS
from ui.forms import CustomBinding
from ui.widgets.field_error import FieldError
from ui.widgets.flow_layout import FlowLayout, labelled

NO_BUDGET = "No budget"


def _suffix(pages: int) -> str:
    """" page" after 1, " pages" after any other number."""
    return " page" if pages == 1 else " pages"


class BudgetFields(QWidget):
    """Three spin boxes in a row: Full ▢ Short ▢ Defensive ▢ (pages; 0 shows "No budget")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[str, QSpinBox] = {}
        self.error = FieldError(self)
        row = FlowLayout(self)  # the three wrap in a narrow pane rather than widen it
        for tier in TIERS:
            spin = QSpinBox(self)
            spin.setRange(0, MAX_PAGES)
            spin.setSpecialValueText(NO_BUDGET)
            spin.setSuffix(_suffix(0))
            spin.valueChanged.connect(lambda value, spin=spin: spin.setSuffix(_suffix(value)))
            spin.setAccessibleName(f"Page budget of {tier} papers")
            spin.setToolTip(f"The most pages a {tier} paper should take in the book")
            label = QLabel(tier.capitalize(), self)
            label.setBuddy(spin)
            row.addWidget(labelled(label, spin, self))
            self.spins[tier] = spin

    def read(self) -> dict[str, Any]:
        return {f"page_budget_{tier}": spin.value() or None for tier, spin in self.spins.items()}

    def write(self, record: Any) -> None:
        for tier, spin in self.spins.items():
            spin.setValue(getattr(record, f"page_budget_{tier}", None) or 0)

    def binding(self) -> CustomBinding:
        """The form binding: each change is written when the user leaves the box (or after a pause)."""
        fields = tuple(f"page_budget_{tier}" for tier in TIERS)
        binding = CustomBinding(fields, tuple(self.spins.values()), self.read, self.write, self.error)
        for spin in self.spins.values():
            spin.valueChanged.connect(binding.edited)
            spin.editingFinished.connect(binding.committed)
        return binding
