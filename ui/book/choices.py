"""The user's last export choices (sections, paper, watermark), remembered in QSettings.

The preview pane shows the book as the next export would write it, so both
read the choices from here. A password is never remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from briefing.errors import ValidationError
from briefing.pdf.options import SECTION_IDS, BookOptions, default_paper

SECTIONS_KEY = "export/sections"
PAPER_KEY = "export/paper"
WATERMARK_KEY = "export/watermark"
FOLDER_KEY = "export/folder"


def load_choices(settings: QSettings) -> BookOptions:
    """The remembered choices (every section and the locale's paper when none are)."""
    stored = settings.value(SECTIONS_KEY)
    sections = frozenset(SECTION_IDS)
    if isinstance(stored, str) and stored:
        sections = frozenset(s for s in stored.split(",") if s in SECTION_IDS) or sections
    paper = str(settings.value(PAPER_KEY, "") or "") or default_paper()
    watermark = str(settings.value(WATERMARK_KEY, "") or "")
    try:
        return BookOptions(sections=sections, paper=paper, watermark=watermark)
    except ValidationError:  # a settings file edited by hand
        return BookOptions()


def save_choices(settings: QSettings, options: BookOptions) -> None:
    """Remember ``options`` (not its password) for the next export and the preview."""
    settings.setValue(SECTIONS_KEY, ",".join(s for s in SECTION_IDS if s in options.sections))
    settings.setValue(PAPER_KEY, options.paper)
    settings.setValue(WATERMARK_KEY, options.watermark)
