"""Reading a returned .docx: its tracked insertions and deletions and its comments, by note section.

Word marks an insertion with ``w:ins`` (runs inside it, ``w:t``) and a deletion with
``w:del`` (``w:delText``), each with ``w:author`` and ``w:date``; a paragraph added or
joined has its paragraph mark marked the same way (``w:pPr/w:rPr/w:ins|w:del``); a move
is ``w:moveFrom``/``w:moveTo``. Comments live in ``word/comments.xml``, anchored in the
text by ``w:commentRangeStart``/``End``. Formatting-only changes (``w:rPrChange``) carry no
text and are not listed.

The body is read as one stream of text per note section (a heading that names a section
starts it, as ``briefing.word.sections`` reads headings), paragraphs joined by a blank
line. Consecutive insertions (or deletions) by one author are one change.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.vocabulary import SECTION_TITLES
from briefing.word.opening import DocxParts
from briefing.word.origin import Origin, read_properties
from briefing.word.records import DELETION, INSERTION, ReturnedFile, TrackedChange, WordComment
from briefing.word.sections import section_of

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Characters of context kept on each side of a change, to find its place in the note again.
CONTEXT = 48
PARAGRAPH_BREAK = "\n\n"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_INS = {_w("ins"): INSERTION, _w("moveTo"): INSERTION}
_DEL = {_w("del"): DELETION, _w("moveFrom"): DELETION}
_SKIP = {_w("pPr"), _w("rPr"), _w("instrText"), _w("delInstrText"), _w("rPrChange"),
         _w("pPrChange"), _w("sectPr"), _w("tblPr"), _w("trPr"), _w("tcPr"), _w("tblGrid")}


@dataclass
class _Piece:
    text: str
    state: str  # "", INSERTION or DELETION
    author: str = ""
    date: str = ""
    bold: bool = False
    italic: bool = False


class _Stream:
    """The pieces of one part of the body (a section, or what lies outside the sections)."""

    def __init__(self, section: str | None, where: str) -> None:
        self.section = section
        self.where = where
        self.pieces: list[_Piece] = []
        self.started = False
        self.mark: _Piece | None = None  # the previous paragraph's mark

    def base_length(self) -> int:
        return sum(len(p.text) for p in self.pieces if p.state != INSERTION)


def read_returned(parts: DocxParts) -> ReturnedFile:
    """The changes and comments of a returned file, with the origin it records."""
    props = read_properties(parts.custom)
    origin = Origin.from_properties(props)
    kind = props.get("briefbook.kind", "note" if origin else "")
    reader = _Reader()
    body = parts.document.find(_w("body"))
    if body is not None:
        reader.blocks(body)
    comments = _comments(parts.comments, reader)
    changes, sent = reader.changes()
    return ReturnedFile(origin=origin, kind=kind, changes=changes, comments=comments, sent_text=sent)


class _Reader:
    def __init__(self) -> None:
        self.streams: list[_Stream] = [_Stream(None, "before the note's sections")]
        self.comment_places: dict[str, tuple[_Stream, int, int | None]] = {}

    @property
    def stream(self) -> _Stream:
        return self.streams[-1]

    # -- blocks ------------------------------------------------------------------------------

    def blocks(self, parent) -> None:
        for child in parent:
            if child.tag == _w("p"):
                self.paragraph(child)
            elif child.tag == _w("tbl"):
                for row in child.iter(_w("tr")):
                    for cell in row.findall(_w("tc")):
                        self.blocks(cell)
            elif child.tag in (_w("sdt"),):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.blocks(content)
            elif child.tag in _INS or child.tag in _DEL or child.tag == _w("customXml"):
                self.blocks(child)

    def paragraph(self, p) -> None:
        level = _heading_level(p)
        text = "".join(t for t, state in _texts(p) if state != DELETION)
        if level is not None:
            field = section_of(text)
            if field is not None or level <= 2:
                note_field = field if field != "sources" else None
                if note_field is not None:
                    where = SECTION_TITLES[note_field]
                else:
                    where = "Sources" if field == "sources" else f"under the heading {text.strip()!r}"
                self.streams.append(_Stream(note_field, where))
                heading = _Stream(None, f"the heading {text.strip()!r}")
                self._paragraph_into(heading, p)
                if any(piece.state for piece in heading.pieces):
                    self.streams.insert(len(self.streams) - 1, heading)
                return
        self._paragraph_into(self.stream, p)

    def _paragraph_into(self, stream: _Stream, p) -> None:
        if stream.started:
            mark = stream.mark or _Piece(PARAGRAPH_BREAK, "")
            stream.pieces.append(_Piece(PARAGRAPH_BREAK, mark.state, mark.author, mark.date))
        stream.started = True
        self._inline(stream, p, "", "", "", False, False)
        stream.mark = _paragraph_mark(p)

    def _inline(self, stream: _Stream, element, state: str, author: str, date: str,
                bold: bool, italic: bool) -> None:
        for child in element:
            tag = child.tag
            if tag in _INS or tag in _DEL:
                kind = _INS.get(tag) or _DEL[tag]
                self._inline(stream, child, kind, child.get(_w("author"), ""),
                             child.get(_w("date"), ""), bold, italic)
            elif tag == _w("r"):
                rpr = child.find(_w("rPr"))
                b = _on(rpr, "b")
                i = _on(rpr, "i")
                for text in _run_texts(child):
                    stream.pieces.append(_Piece(text, state, author, date, b, i))
            elif tag == _w("commentRangeStart"):
                self.comment_places[child.get(_w("id"), "")] = (stream, stream.base_length(), None)
            elif tag == _w("commentRangeEnd"):
                cid = child.get(_w("id"), "")
                if cid in self.comment_places:
                    s, start, _ = self.comment_places[cid]
                    self.comment_places[cid] = (s, start, stream.base_length() if s is stream else None)
            elif tag not in _SKIP and len(child):
                self._inline(stream, child, state, author, date, bold, italic)

    # -- changes -----------------------------------------------------------------------------

    def changes(self) -> tuple[tuple[TrackedChange, ...], dict[str, str]]:
        out: list[TrackedChange] = []
        sent: dict[str, str] = {}
        for stream in self.streams:
            base = "".join(p.text for p in stream.pieces if p.state != INSERTION)
            if stream.section is not None:
                sent[stream.section] = base
            offset = 0
            group: list[_Piece] = []
            for piece in stream.pieces:
                if group and (piece.state != group[0].state or piece.author != group[0].author):
                    out.append(_change(len(out) + 1, group, offset, stream, base))
                    group = []
                if piece.state:
                    group.append(piece)
                if piece.state != INSERTION:
                    offset += len(piece.text)
            if group:
                out.append(_change(len(out) + 1, group, offset, stream, base))
        return tuple(out), sent


def _change(number: int, group: list[_Piece], at: int, stream: _Stream, base: str) -> TrackedChange:
    """Consecutive pieces of one kind by one author, ending at ``at`` in the sent text."""
    text = "".join(p.text for p in group)
    kind = group[0].state
    start = at - (len(text) if kind == DELETION else 0)
    worded = [p for p in group if p.text.strip()]
    return TrackedChange(
        number=number, kind=kind, author=group[0].author or "Unknown", date=group[0].date,
        text=text, section=stream.section, before=base[max(0, start - CONTEXT):start],
        after=base[at:at + CONTEXT], bold=bool(worded) and all(p.bold for p in worded),
        italic=bool(worded) and all(p.italic for p in worded), where=stream.where)


def _comments(root, reader: _Reader) -> tuple[WordComment, ...]:
    if root is None:
        return ()
    out = []
    for number, comment in enumerate(root.findall(_w("comment")), start=1):
        cid = comment.get(_w("id"), "")
        paragraphs = ["".join(t for t, state in _texts(p) if state != DELETION)
                      for p in comment.iter(_w("p"))]
        anchor, section = "", None
        place = reader.comment_places.get(cid)
        if place is not None:
            stream, start, end = place
            base = "".join(p.text for p in stream.pieces if p.state != INSERTION)
            anchor = base[start:end if end is not None else start + CONTEXT]
            section = stream.section
        out.append(WordComment(label=f"c{number}", author=comment.get(_w("author"), "") or "Unknown",
                               date=comment.get(_w("date"), ""), text="\n".join(paragraphs).strip(),
                               anchor=anchor.strip(), section=section))
    return tuple(out)


def _heading_level(p) -> int | None:
    """1–9 for a paragraph in a Heading style (or with an outline level), else ``None``."""
    ppr = p.find(_w("pPr"))
    if ppr is None:
        return None
    style = ppr.find(_w("pStyle"))
    if style is not None:
        name = (style.get(_w("val")) or "").replace(" ", "").lower()
        if name.startswith("heading") and name[7:].isdecimal():
            return int(name[7:])
        if name == "title":
            return 1
    outline = ppr.find(_w("outlineLvl"))
    if outline is not None and (outline.get(_w("val")) or "").isdecimal():
        return int(outline.get(_w("val"))) + 1
    return None


def _paragraph_mark(p) -> _Piece:
    """The state of a paragraph's mark: inserted (a paragraph added) or deleted (joined)."""
    ppr = p.find(_w("pPr"))
    rpr = ppr.find(_w("rPr")) if ppr is not None else None
    if rpr is not None:
        for tag, kind in (*_INS.items(), *_DEL.items()):
            mark = rpr.find(tag)
            if mark is not None:
                return _Piece(PARAGRAPH_BREAK, kind, mark.get(_w("author"), ""), mark.get(_w("date"), ""))
    return _Piece(PARAGRAPH_BREAK, "")


def _run_texts(r) -> list[str]:
    out = []
    for child in r:
        tag = child.tag
        if tag in (_w("t"), _w("delText")):
            out.append(child.text or "")
        elif tag == _w("tab"):
            out.append("\t")
        elif tag in (_w("br"), _w("cr")):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("-")
    return out


def _texts(element, state: str = ""):
    """(text, state) of every run below ``element``, in order."""
    for child in element:
        tag = child.tag
        if tag in _INS or tag in _DEL:
            yield from _texts(child, _INS.get(tag) or _DEL[tag])
        elif tag == _w("r"):
            for text in _run_texts(child):
                yield text, state
        elif tag not in _SKIP and len(child):
            yield from _texts(child, state)


def _on(rpr, tag: str) -> bool:
    if rpr is None:
        return False
    element = rpr.find(_w(tag))
    if element is None:
        return False
    return element.get(_w("val"), "true") not in ("0", "false", "off")

