"""A paper written in Word → Markdown per note section.

Headings that name a section (``briefing.word.sections``: "Background", "Their Position",
"Defensive Q&A", "Red lines", "Sources", …) start that section; the document's title (its
``Title`` paragraph, else its first top-level heading that names no section) is the paper's
title. Bold, italic and struck runs, links, bulleted and numbered lists and tables become
Markdown; other headings become Markdown headings inside their section. Text before any
section heading goes to Background, with a warning; tracked changes are read as if accepted
(deleted text left out), with a warning.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from briefing.vocabulary import SECTION_TITLES
from briefing.word.records import ImportedPaper
from briefing.word.sections import section_of
from briefing.word.tracked import _heading_level

_ESCAPE = str.maketrans({"*": r"\*", "`": r"\`"})


def read_paper(path: Path | str) -> ImportedPaper:
    """The Markdown of each section a Word paper has, its sources, title and warnings."""
    document = docx.Document(str(path))
    reader = _PaperReader(document)
    reader.blocks(document.element.body)
    return reader.result()


class _PaperReader:
    def __init__(self, document) -> None:
        self.document = document
        self.section: str | None = None
        self.blocks_of: dict[str, list[str]] = {}
        self.sources: list[str] = []
        self.title = ""
        self.outside = 0
        self.tracked = False
        self.list_kind: str | None = None

    # -- blocks ------------------------------------------------------------------------------

    def blocks(self, parent) -> None:
        for child in parent:
            if child.tag == qn("w:p"):
                self.paragraph(child)
            elif child.tag == qn("w:tbl"):
                self.table(child)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.blocks(content)

    def paragraph(self, p) -> None:
        text = self.inline(p).strip()
        level = _heading_level(p)
        if level is not None:
            field = section_of(text)
            if field is not None:
                self.section = field
                return
            if not self.title and (level == 1 or _style(p) == "title"):
                self.title = text
                return
            if not text:
                return
            self.add(f"{'#' * min(level, 6)} {text}", joined=False)
            return
        if not text:
            self.list_kind = None
            return
        if self.section == "sources":
            self.sources.append(text.lstrip("0123456789.[] \t") or text)
            return
        kind, depth = self.list_of(p)
        if kind is not None:
            marker = "-" if kind == "bullet" else "1."
            self.add("   " * depth + f"{marker} {text}", joined=self.list_kind is not None)
            self.list_kind = kind
        else:
            self.list_kind = None
            self.add(text, joined=False)

    def table(self, tbl) -> None:
        rows = []
        for tr in tbl.iter(qn("w:tr")):
            cells = []
            for tc in tr.findall(qn("w:tc")):
                text = " ".join(self.inline(p).strip() for p in tc.iter(qn("w:p")))
                cells.append(text.replace("|", r"\|").replace("\n", " ").strip())
            if cells:
                rows.append(cells)
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        self.list_kind = None
        self.add("\n".join(lines), joined=False)

    def add(self, markdown: str, *, joined: bool) -> None:
        section = self.section if self.section not in (None, "sources") else "background"
        if self.section is None:
            self.outside += 1
        blocks = self.blocks_of.setdefault(section, [])
        if joined and blocks:
            blocks[-1] += "\n" + markdown
        else:
            blocks.append(markdown)

    # -- inline ------------------------------------------------------------------------------

    def inline(self, element) -> str:
        out: list[str] = []
        for child in element:
            tag = child.tag
            if tag == qn("w:r"):
                out.append(self.run(child))
            elif tag == qn("w:hyperlink"):
                text = self.inline(child)
                url = self.url(child.get(qn("r:id")))
                out.append(f"[{text}]({url})" if url and text.strip() else text)
            elif tag in (qn("w:del"), qn("w:moveFrom")):
                self.tracked = True
            elif tag in (qn("w:ins"), qn("w:moveTo")):
                self.tracked = True
                out.append(self.inline(child))
            elif tag in (qn("w:smartTag"), qn("w:customXml"), qn("w:fldSimple"), qn("w:sdt"),
                         qn("w:sdtContent")):
                out.append(self.inline(child))
        return _merge_marks("".join(out))

    def run(self, r) -> str:
        parts = []
        for child in r:
            if child.tag == qn("w:t"):
                parts.append((child.text or "").translate(_ESCAPE))
            elif child.tag == qn("w:tab"):
                parts.append(" ")
            elif child.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
        text = "".join(parts)
        core = text.strip()
        if not core:
            return text
        rpr = r.find(qn("w:rPr"))
        mark = ""
        if _on(rpr, "b"):
            mark += "**"
        if _on(rpr, "i"):
            mark += "*"
        strike = _on(rpr, "strike")
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        if strike:
            core = f"~~{core}~~"
        if mark:
            core = f"{mark}{core}{mark[::-1]}"
        return lead + core + trail

    def url(self, r_id: str | None) -> str:
        if not r_id:
            return ""
        rel = self.document.part.rels.get(r_id)
        return rel.target_ref if rel is not None and rel.is_external else ""

    def list_of(self, p) -> tuple[str | None, int]:
        """``("bullet"|"number", depth)`` of a list paragraph, else ``(None, 0)``."""
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = _style(p)
        if num_pr is None:
            if style.startswith("listbullet"):
                return "bullet", _depth(style)
            if style.startswith("listnumber"):
                return "number", _depth(style)
            return None, 0
        ilvl = num_pr.find(qn("w:ilvl"))
        num = num_pr.find(qn("w:numId"))
        level = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
        num_id = num.get(qn("w:val")) if num is not None else None
        if num_id in (None, "0"):
            return None, 0
        return self.format_of(num_id, level), level

    def format_of(self, num_id: str, level: int) -> str:
        try:
            numbering = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return "bullet"
        abstract = None
        for num in numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == num_id:
                found = num.find(qn("w:abstractNumId"))
                abstract = found.get(qn("w:val")) if found is not None else None
        for definition in numbering.findall(qn("w:abstractNum")):
            if definition.get(qn("w:abstractNumId")) == abstract:
                for lvl in definition.findall(qn("w:lvl")):
                    if lvl.get(qn("w:ilvl")) == str(level):
                        fmt = lvl.find(qn("w:numFmt"))
                        value = fmt.get(qn("w:val")) if fmt is not None else "bullet"
                        return "bullet" if value in ("bullet", "none") else "number"
        return "bullet"

    # -- result ------------------------------------------------------------------------------

    def result(self) -> ImportedPaper:
        sections = {k: "\n\n".join(v).strip() for k, v in self.blocks_of.items()}
        sections = {k: v for k, v in sections.items() if v}
        warnings = []
        if self.outside:
            warnings.append(f"{self.outside} paragraph(s) under no section heading (or under a "
                            "heading that names no section) went to Background")
        if self.tracked:
            warnings.append("the file has tracked changes: read as if they were all accepted")
        if not sections and not self.sources:
            warnings.append("the file has no text to import")
        known = ", ".join(SECTION_TITLES.values())
        if self.outside and not any(k != "background" for k in sections):
            warnings.append(f"no heading named a section ({known}, Sources)")
        return ImportedPaper(sections=sections, sources=tuple(self.sources),
                             warnings=tuple(warnings), title=self.title)


def _style(p) -> str:
    ppr = p.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return (style.get(qn("w:val")) or "").replace(" ", "").lower() if style is not None else ""


def _depth(style: str) -> int:
    tail = style.rstrip("0123456789")
    return max(0, int(style[len(tail):]) - 1) if style[len(tail):] else 0


def _on(rpr, tag: str) -> bool:
    if rpr is None:
        return False
    element = rpr.find(qn(f"w:{tag}"))
    return element is not None and element.get(qn("w:val"), "true") not in ("0", "false", "off")


def _merge_marks(text: str) -> str:
    """``**a****b**`` (two bold runs side by side) → ``**ab**``."""
    for mark in ("***", "**", "~~"):
        text = text.replace(mark + mark, "")
    return text
