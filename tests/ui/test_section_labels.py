"""Every section of the book reads as words in the export dialog, never as its command-line id."""

from __future__ import annotations

from briefing.pdf.options import SECTION_IDS
from ui.book.options_form import SECTION_LABELS, BookOptionsForm


def test_every_section_has_a_label_in_the_dialog(qtbot):
    from briefing.pdf.options import BookOptions

    assert set(SECTION_LABELS) == set(SECTION_IDS)
    form = BookOptionsForm(BookOptions(paper="a4"))
    qtbot.addWidget(form)
    shown = {name: box.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
             for name, box in form.sections.items()}
    assert shown["positions"] == "Positions (where each issue stands)"
    assert all(text != name for name, text in shown.items())
