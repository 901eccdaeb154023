"""A word-level diff in print: the changed lines of a section, insertions underlined, deletions struck.

The diff is of the Markdown as typed (``briefing.revisions.diff.word_diff``), shown line
by line: a line in which something other than white space changed prints
whole, as context for its changes; a stretch of unchanged lines prints as one
muted "unchanged" line, so that one word changed in a long background costs a
line, not a page. Two pieces of Markdown are read so that the lines read as
text: a list marker the line keeps (``- ``, ``1. ``) becomes the paragraph's
bullet, and ``**`` pairs the line keeps become bold. Everything else prints as
typed. Insertions and deletions differ by more than colour (underline,
strike-through), so the book reads the same in black and white; a deletion
directly followed by an insertion gets a space between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.platypus import Flowable

from briefing.pdf import styles
from briefing.pdf.markdown import MarkdownRenderer, Span
from briefing.revisions.diff import DELETE, EQUAL, INSERT, DiffRun

Line = tuple[DiffRun, ...]

#: The book's one-line explanation of the marks.
LEGEND = "Inserted text is underlined; deleted text is struck through."
_LIST_MARK = re.compile(r"\s*(?:([-*+])|(\d{1,9}[.)]))\s+")
_MARKS = {EQUAL: None, INSERT: "insert", DELETE: "delete"}


def diff_lines(runs: Sequence[DiffRun]) -> list[Line]:
    """The runs cut at line ends: one tuple of runs per line of either version."""
    lines: list[list[DiffRun]] = [[]]
    for run in runs:
        parts = run.text.split("\n")
        for n, part in enumerate(parts):
            if n:
                lines.append([])
            if part:
                lines[-1].append(DiffRun(run.kind, part))
    return [tuple(line) for line in lines]


def is_changed(line: Line) -> bool:
    """Whether something other than white space was inserted or deleted in ``line``."""
    return any(run.kind != EQUAL and run.text.strip() for run in line)


def is_blank(line: Line) -> bool:
    return not any(run.text.strip() for run in line)


def diff_flowables(md: MarkdownRenderer, runs: Sequence[DiffRun], where: str) -> list[Flowable]:
    """The changed lines of ``runs`` as paragraphs, unchanged stretches as one muted line each."""
    out: list[Flowable] = []
    unchanged = 0

    def flush_unchanged() -> None:
        nonlocal unchanged
        if unchanged:
            plural = "s" if unchanged > 1 else ""
            out.extend(md.paragraphs([Span(f"… {unchanged} unchanged line{plural} …")],
                                     styles.diff_unchanged, ""))
            unchanged = 0

    for line in diff_lines(runs):
        if is_blank(line) and not is_changed(line):
            continue
        if not is_changed(line):
            unchanged += 1
            continue
        flush_unchanged()
        bullet, line = _list_mark(line)
        style = styles.diff_line if bullet is None else styles.diff_item
        out += md.paragraphs(line_spans(line), style, where, bullet)
    if out:
        flush_unchanged()
    elif runs:
        out += md.paragraphs([Span("Only spacing or line breaks changed.")], styles.diff_unchanged, "")
    return out


def _list_mark(line: Line) -> tuple[str | None, Line]:
    """A list marker at the start of the line → (bullet, the line without it)."""
    match = _LIST_MARK.match(line[0].text) if line else None
    if match is None:
        return None, line
    bullet = "\u2022" if match.group(1) else match.group(2)
    rest = line[0].text[match.end():]
    return bullet, ((DiffRun(line[0].kind, rest),) if rest else ()) + line[1:]


def line_spans(line: Line) -> list[Span]:
    """The spans of one line: marked runs, ``**`` pairs as bold (when both versions of the line
    pair them up), a space between a deletion and the insertion that replaces it."""
    new_pairs = sum(r.text.count("**") for r in line if r.kind != DELETE) % 2 == 0
    old_pairs = sum(r.text.count("**") for r in line if r.kind != INSERT) % 2 == 0
    strong = new_pairs and old_pairs
    bold = {INSERT: False, DELETE: False}     # in the new version, and in the old
    spans: list[Span] = []
    for n, run in enumerate(line):
        if run.kind == INSERT and n and line[n - 1].kind == DELETE and not line[n - 1].text[-1:].isspace():
            spans.append(Span(" "))
        parts = run.text.split("**") if strong else [run.text]
        for k, part in enumerate(parts):
            if k:  # a marker: it switches bold in the versions that have it
                for version in (INSERT, DELETE):
                    if run.kind in (EQUAL, version):
                        bold[version] = not bold[version]
            if part:
                spans.append(Span(part, bold=bold[DELETE if run.kind == DELETE else INSERT],
                                  mark=_MARKS[run.kind]))
    return spans
