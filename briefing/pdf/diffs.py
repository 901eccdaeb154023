"""A word-level diff in print: the changed lines of a section, insertions underlined, deletions struck.

Both versions of a section are read as Markdown first, as the papers read them
(``rendered_lines``): a paragraph, list item, heading or table row becomes one
line of formatted text (a line break in it starts another), with its list
bullet or number apart and no Markdown marker left (``**``, ``~~``,
backticks, link syntax, table pipes). The two rendered texts are then compared by whole words
(``briefing.revisions.diff.word_diff(…, whole_words=True)``): "U.S." is
changed whole or not at all, and only the words that changed are marked. A
line in which something other than white space changed prints whole, as
context for its changes; a stretch of unchanged lines prints as one muted
"unchanged" line, so that one word changed in a long background costs a line,
not a page. Insertions and deletions differ by more than colour (underline,
strike-through), so the book reads the same in black and white; a deletion
directly followed by an insertion of a word gets a space between them.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token
from reportlab.platypus import Flowable

from briefing.pdf import styles
from briefing.pdf.markdown import MarkdownRenderer, _Block, _parser
from briefing.pdf.mdinline import Span
from briefing.revisions.diff import DELETE, EQUAL, INSERT, word_diff

#: The book's one-line explanation of the marks.
LEGEND = "Inserted text is underlined; deleted text is struck through."
_MARKS = {EQUAL: None, INSERT: "insert", DELETE: "delete"}
#: Between the cells of a table row printed as one line.
CELL_GAP = "  ·  "


@dataclass(frozen=True, slots=True)
class RenderedLine:
    """One block of a rendered Markdown text: its bullet or number (or None) and its spans."""

    bullet: str | None
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of one diff line: unchanged, inserted or deleted, with its formatting."""

    kind: str
    span: Span


Line = tuple[Piece, ...]


def rendered_lines(md: MarkdownRenderer, text: str) -> list[RenderedLine]:
    """``text`` read as the papers read it, one line per paragraph, item, heading or table row."""
    if not text.strip():
        return []
    reader = _Block(md, "", styles.body, lambda n: None, text.splitlines())
    out: list[RenderedLine] = []
    lists: list[list] = []          # each open list: [ordered, next number]
    bullet: str | None = None
    heading = False
    row: list[list[Span]] | None = None
    header_cell = False
    for tok in _parser().parse(text.replace("\x00", "\u2400")):
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([kind == "ordered_list_open", int(tok.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            ordered, number = lists[-1]
            bullet = f"{number}." if ordered else "\u2022"
            lists[-1][1] += 1
        elif kind in ("heading_open", "heading_close"):
            heading = kind == "heading_open"
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            spans: list[Span] = []
            for cell in row:
                spans += ([Span(CELL_GAP)] if spans else []) + cell
            out.append(RenderedLine(None, tuple(spans)))
            row = None
        elif kind in ("th_open", "td_open"):
            header_cell = kind == "th_open"
        elif kind == "inline":
            bold = heading or (row is not None and header_cell)
            if row is not None:
                row.append([s._replace(text=" ") if s.kind != "text" else s
                            for s in _plain_spans(reader, tok, bold)])
                continue
            line: list[Span] = []
            for span in [*_plain_spans(reader, tok, bold), Span("", kind="hard")]:
                if span.kind == "text":
                    line.append(span)
                    continue
                out.append(RenderedLine(bullet, tuple(line)))   # a line break ends a line here too
                line, bullet = [], None
        elif kind in ("fence", "code_block"):
            for line in tok.content.rstrip("\n").split("\n"):
                out.append(RenderedLine(bullet, (Span(line, code=True),) if line else ()))
                bullet = None
    return [line for line in out if line.text.strip() or line.bullet]


def _plain_spans(reader: _Block, tok: Token, bold: bool) -> list[Span]:
    """An inline token's spans as printed text (no links), line breaks as spans of kind ``hard``."""
    out = []
    for span in reader.spans(tok):
        if span.kind in ("soft", "hard"):
            out.append(Span("", kind="hard"))
        elif span.text:
            out.append(span._replace(text=span.text.replace("\n", " "), kind="text", href=None,
                                     bold=span.bold or bold))
    return out


class _Version:
    """One side of the diff: its rendered lines as one text, and the span at each position."""

    def __init__(self, lines: list[RenderedLine]) -> None:
        self.lines = lines
        self.text = "\n".join(line.text for line in lines)
        self.starts: list[int] = []      # where each span starts in ``text``
        self.spans: list[Span] = []
        self.line_starts: list[int] = []
        at = 0
        for line in lines:
            self.line_starts.append(at)
            for span in line.spans:
                self.starts.append(at)
                self.spans.append(span)
                at += len(span.text)
            self.starts.append(at)
            self.spans.append(Span("\n"))
            at += 1

    def pieces(self, kind: str, start: int, end: int) -> list[Piece]:
        """``text[start:end]`` cut where its formatting changes."""
        out = []
        i = bisect_right(self.starts, start) - 1
        while start < end:
            stop = min(end, self.starts[i + 1] if i + 1 < len(self.starts) else end)
            if stop > start:
                out.append(Piece(kind, self.spans[i]._replace(text=self.text[start:stop])))
            start = stop
            i += 1
        return out

    def bullet_at(self, position: int) -> str | None:
        return self.lines[bisect_right(self.line_starts, position) - 1].bullet if self.lines else None


def diff_lines(md: MarkdownRenderer, old: str, new: str) -> list[tuple[str | None, Line]]:
    """The rendered versions compared by whole words, cut at line ends: (bullet, pieces) per line."""
    before, after = _Version(rendered_lines(md, old)), _Version(rendered_lines(md, new))
    lines: list[tuple[str | None, list[Piece]]] = []
    current: list[Piece] = []
    bullet: tuple[str, str | None] | None = None   # (side it came from, bullet)
    at_old = at_new = 0

    def end_line() -> None:
        nonlocal current, bullet
        lines.append((bullet[1] if bullet else None, current))
        current, bullet = [], None

    for run in word_diff(before.text, after.text, whole_words=True):
        side, at = (before, at_old) if run.kind == DELETE else (after, at_new)
        for n, part in enumerate(run.text.split("\n")):
            if n:
                end_line()
                at += 1
            if part.strip() and (bullet is None or bullet[0] == "old" and side is after):
                bullet = ("old" if side is before else "new", side.bullet_at(at))
            current += side.pieces(run.kind, at, at + len(part))
            at += len(part)
        if run.kind != INSERT:
            at_old += len(run.text)
        if run.kind != DELETE:
            at_new += len(run.text)
    end_line()
    return [(bullet, tuple(pieces)) for bullet, pieces in lines]


def is_changed(line: Line) -> bool:
    """Whether something other than white space was inserted or deleted in ``line``."""
    return any(piece.kind != EQUAL and piece.span.text.strip() for piece in line)


def is_blank(line: Line) -> bool:
    return not any(piece.span.text.strip() for piece in line)


def diff_flowables(md: MarkdownRenderer, old: str, new: str, where: str) -> list[Flowable]:
    """The changed lines between ``old`` and ``new`` as paragraphs, unchanged stretches as one
    muted line each."""
    out: list[Flowable] = []
    unchanged = 0

    def flush_unchanged() -> None:
        nonlocal unchanged
        if unchanged:
            plural = "s" if unchanged > 1 else ""
            out.extend(md.paragraphs([Span(f"… {unchanged} unchanged line{plural} …")],
                                     styles.diff_unchanged, ""))
            unchanged = 0

    for bullet, line in diff_lines(md, old, new):
        if is_blank(line) and not is_changed(line):
            continue
        if not is_changed(line):
            unchanged += 1
            continue
        flush_unchanged()
        style = styles.diff_line if bullet is None else styles.diff_item
        out += md.paragraphs(line_spans(line), style, where, bullet)
    if out:
        flush_unchanged()
    elif old != new:
        out += md.paragraphs([Span("Only spacing, line breaks or Markdown marks changed.")],
                             styles.diff_unchanged, "")
    return out


def line_spans(line: Sequence[Piece]) -> list[Span]:
    """The spans of one line, each marked as inserted or deleted; a space between a deleted word
    and the word inserted in its place."""
    spans: list[Span] = []
    for n, piece in enumerate(line):
        text = piece.span.text
        if (piece.kind == INSERT and n and line[n - 1].kind == DELETE
                and not line[n - 1].span.text[-1:].isspace() and not text[:1].isspace()
                and not unicodedata.category(text[:1] or " ").startswith("P")
                and unicodedata.east_asian_width(text[:1] or " ") not in ("W", "F")):
            spans.append(Span(" "))
        spans.append(piece.span._replace(mark=_MARKS[piece.kind]))
    return spans
