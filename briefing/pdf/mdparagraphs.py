"""Spans → the paragraph flowables that print them; a long paragraph cut into pieces first.

Every span's text goes through ``Typesetter.markup`` (escaping, font fallback):
no user text is concatenated into markup. ReportLab splits one huge paragraph
across pages in quadratic time, so a paragraph longer than ``CHUNK`` characters
is cut into pieces before layout; the pieces print as one paragraph
(``ChunkedParagraph``).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from briefing.pdf import styles
from briefing.pdf.flowables import BookParagraph, ChunkedParagraph
from briefing.pdf.fonts import BODY_BOLD
from briefing.pdf.mdinline import Span
from briefing.pdf.typeset import Typesetter, escape

#: Paragraphs longer than this (in characters) are cut into several before layout.
CHUNK = 1500
_SENTENCE_ENDS = "。．！？"


def paragraph_flowables(ts: Typesetter, spans: Sequence[Span], style: ParagraphStyle, where: str,
                        bullet: str | None = None) -> list[Flowable]:
    """The paragraph of ``spans`` (a long one as a ``ChunkedParagraph``, see ``CHUNK``)."""
    bold = style.fontName == BODY_BOLD
    out: list[Flowable] = []
    pieces = chunks(spans)
    if len(pieces) > 1:
        marked = [("".join(span_markup(ts, s, where, bold) for s in chunk), space, ends_line)
                  for chunk, space, ends_line in pieces]
        marked[0] = (marked[0][0].lstrip(), *marked[0][1:])
        marked[-1] = (marked[-1][0].rstrip(), *marked[-1][1:])
        return [ChunkedParagraph(marked, style, bulletText=bullet)]
    for chunk, _, _ in pieces:
        markup = "".join(span_markup(ts, s, where, bold) for s in chunk).strip()
        if not markup and not out:
            continue
        out.append(BookParagraph(markup, style, bulletText=bullet if not out else None))
    return out


def span_markup(ts: Typesetter, span: Span, where: str, bold: bool) -> str:
    """One span as ReportLab paragraph markup (its text escaped by ``ts``)."""
    if span.kind == "hard":
        return "<br/>"
    text = ts.markup(span.text, where, bold=bold or span.bold, italic=span.italic)
    if span.kind == "ref":
        return f'<super><a href="#{escape(span.href or "")}" color="{styles.LINK_HEX}">{text}</a></super>'
    if span.code:
        text = f'<span backColor="{styles.CODE_FILL_HEX}">{text}</span>'
    if span.strike:
        text = f"<strike>{text}</strike>"
    if span.italic:
        text = f"<i>{text}</i>"
    if span.bold:
        text = f"<b>{text}</b>"
    if span.href:
        text = f'<a href="{escape(span.href)}" color="{styles.LINK_HEX}"><u>{text}</u></a>'
    if span.mark == "insert":
        text = f'<u><font color="{styles.INSERTED_HEX}">{text}</font></u>'
    elif span.mark == "delete":
        text = f'<strike><font color="{styles.DELETED_HEX}">{text}</font></strike>'
    return text


def chunks(spans: Sequence[Span]) -> list[tuple[list[Span], bool, bool]]:
    """Spans cut into pieces of at most about ``CHUNK`` characters: (spans, whether the cut is
    at a space, whether the piece ends with a line break typed). A piece ends at a line break
    once it is half full, else at the last space or sentence end (。．！？) that fits, so a word
    is never cut unless a run of that many characters has neither."""
    pieces: list[tuple[list[Span], bool, bool]] = []
    current: list[Span] = []
    size = 0
    for span in spans:
        if span.kind in ("soft", "hard") and size >= CHUNK // 2:
            pieces.append((current, span.kind == "soft", span.kind == "hard"))
            current, size = [], 0
            continue
        text = span.text
        while size + len(text) > CHUNK:
            room = CHUNK - size
            space = max(text.rfind(" ", 0, room), text.rfind("\n", 0, room))
            stop = max(text.rfind(mark, 0, room) for mark in _SENTENCE_ENDS) + 1
            cut = max(space, stop)
            if cut <= 0:
                cut = room if size == 0 else 0
            if cut:
                current.append(span._replace(text=text[:cut]))
            at_space = cut == space and cut > 0 or (cut == 0 and bool(current) and
                                                     current[-1].text[-1:].isspace())
            text = text[cut + 1:] if cut == space and cut > 0 else text[cut:]
            pieces.append((current, at_space, False))
            current, size = [], 0
        if text:
            current.append(span._replace(text=text) if text is not span.text else span)
            size += len(text)
    if current:
        pieces.append((current, False, False))
    return [piece for piece in pieces if piece[0]]
