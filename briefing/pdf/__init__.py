"""The briefing-book PDF builder (ReportLab), headless: ``render_pdf(brief, options, out)``.

Modules, after ReportLab's docco tool: ``styles`` (fonts, sizes, colours),
``fonts`` (the shipped fonts and the fallback chain), ``typeset`` (user text
→ markup, escaped in one place), ``markdown`` (note sections → flowables),
``mdtables``, ``bidi`` (right-to-left lines in visual order), ``flowables``, ``templates`` (pages,
furniture, outline), ``book`` and ``story`` (the sections; ``changes_section``), ``options``,
``render`` and ``parallel`` (a long book laid out by several processes). Importing this package is cheap; the
names below load ReportLab on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["BookOptions", "ExportProgress", "ExportResult", "ExportWarning", "SECTIONS", "render_pdf"]

_WHERE = {
    "BookOptions": "briefing.pdf.options",
    "SECTIONS": "briefing.pdf.options",
    "ExportProgress": "briefing.pdf.templates",
    "ExportResult": "briefing.pdf.render",
    "ExportWarning": "briefing.pdf.typeset",
    "render_pdf": "briefing.pdf.render",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(name)
