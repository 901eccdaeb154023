"""Where a query's words stand in a field's text, and a one-line excerpt with them marked.

Matching uses the same analysis as the index (``db.search.text``), so the words
marked are the words that made the row match: ``Tariffs`` for ``tariff*``,
``ＷＴＯ`` for ``wto``, ``萩生田`` inside ``萩生田光一``. Positions are offsets in
the original text (Python string indices), ready for a GUI to select them.
"""

from __future__ import annotations

from collections.abc import Sequence

from db.search.text import CJK, WORD, Query, Term, Token, analyze

Span = tuple[int, int]

#: How much text an excerpt shows around its first match, in characters.
SNIPPET_CHARS = 160
LEAD_CHARS = 50
ELLIPSIS = "…"


def _word_matches(tokens: Sequence[Token], term: Term) -> list[Span]:
    spans: list[Span] = []
    n = len(term.parts)
    *whole, last = term.parts
    texts = [t.text for t in tokens]
    if n == 1:
        starts = [i for i, text in enumerate(texts)
                  if text == last or (term.prefix and text.startswith(last))]
    else:  # a phrase: where its first word stands, then the rest checked
        starts = [i for i, text in enumerate(texts[:len(texts) - n + 1]) if text == whole[0]]
    for i in starts:
        window = tokens[i:i + n]
        if any(t.kind != WORD for t in window) or texts[i:i + n - 1] != whole:
            continue
        final = window[-1]
        if final.text == last or (term.prefix and final.text.startswith(last)):
            spans.append((window[0].start, final.end))
    return spans


def _cjk_matches(tokens: Sequence[Token], run: str) -> list[Span]:
    spans: list[Span] = []
    for token in tokens:
        if token.kind != CJK:
            continue
        at = token.text.find(run)
        while at >= 0:
            spans.append((token.offsets[at], token.end_of(at + len(run) - 1)))
            at = token.text.find(run, at + 1)
    return spans


def find_matches(text: str, query: Query) -> tuple[Span, ...]:
    """Every place in ``text`` where a wanted (not excluded) term occurs, merged and in order."""
    tokens = analyze(text)
    spans: list[Span] = []
    for term in query.positive:
        if term.kind == CJK:
            spans += _cjk_matches(tokens, term.parts[0])
        else:
            spans += _word_matches(tokens, term)
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _window(text: str, matches: Sequence[Span]) -> tuple[int, int]:
    """Where the excerpt starts and ends: the first match about LEAD_CHARS in, cut at spaces."""
    first_start, first_end = matches[0] if matches else (0, 0)
    start = max(0, first_start - LEAD_CHARS)
    end = min(len(text), start + SNIPPET_CHARS)
    start = max(0, min(start, end - SNIPPET_CHARS))
    # Cut at white space when there is some near the edge (Japanese has none: cut anywhere).
    if start > 0:
        space = text.find(" ", start, first_start)
        if 0 <= space - start < 20:
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", max(start, end - 20), end)
        if space >= first_end:
            end = space
    return start, end


def excerpt(text: str, matches: Sequence[Span]) -> tuple[str, tuple[Span, ...]]:
    """A one-line excerpt around the first match and the matches' spans within it.

    White space (new lines included) collapses to single spaces; ``…`` marks a cut.
    """
    start, end = _window(text, matches)
    out: list[str] = [ELLIPSIS] if start > 0 else []
    position = {}  # original index -> index in the excerpt
    length = len(out)
    previous_space = True  # leading white space is dropped
    for index in range(start, end):
        char = text[index]
        position[index] = length
        if char.isspace():
            if previous_space:
                continue
            char, previous_space = " ", True
        else:
            previous_space = False
        out.append(char)
        length += 1
    position[end] = length
    excerpt_text = "".join(out).rstrip()
    if end < len(text):
        excerpt_text += ELLIPSIS
    marks = tuple((position[a], position[b]) for a, b in matches if start <= a and b <= end)
    return excerpt_text, marks
