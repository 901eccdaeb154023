"""Inline Markdown → ``Span`` values: the text of a paragraph, a heading or a cell with its formatting.

markdown-it-py's inline tokens become spans (bold, italic, struck, code, a link);
no user text is turned into markup here (``briefing.pdf.mdparagraphs`` does
that, escaping every span). A link prints its address after its text unless the
text already shows it; only ``http``, ``https`` and ``mailto`` links are live. A
Markdown image prints as its source text and is never fetched. In-text source
references ``[n]`` become links to the note's sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from markdown_it.token import Token

LINK_SCHEMES = ("http://", "https://", "mailto:")
_REF = re.compile(r"\[(\d{1,3})\]")


class Span(NamedTuple):
    """A piece of inline text with its formatting; ``kind`` is text, soft, hard or ref.

    ``mark`` is a diff's mark (``briefing.pdf.diffs``): ``insert`` (underlined) or
    ``delete`` (struck through), each also in its own colour.
    """

    text: str
    kind: str = "text"
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    href: str | None = None
    mark: str | None = None


def inline_spans(tok: Token, sources: Callable[[int], str | None]) -> list[Span]:
    """The inline children of ``tok`` as spans; ``sources`` maps a note's ``[n]`` to an anchor name."""
    out: list[Span] = []
    fmt = Span("")
    hrefs: list[str | None] = []
    for child in tok.children or ():
        t = child.type
        if t == "text":
            out += _text(child.content, fmt, sources)
        elif t == "softbreak":
            # a line break typed prints as one (GitHub's "breaks"): staff type Q:/A: lines
            # and addresses, not prose wrapped by hand
            out.append(Span("\n", kind="hard"))
        elif t == "hardbreak":
            out.append(Span("\n", kind="hard"))  # not empty: ``mdparagraphs.chunks`` keeps only text
        elif t == "code_inline":
            out.append(fmt._replace(text=child.content, code=True))
        elif t in ("strong_open", "strong_close"):
            fmt = fmt._replace(bold=t == "strong_open")
        elif t in ("em_open", "em_close"):
            fmt = fmt._replace(italic=t == "em_open")
        elif t in ("s_open", "s_close"):
            fmt = fmt._replace(strike=t == "s_open")
        elif t == "link_open":
            href = str(child.attrs.get("href", ""))
            safe = href if href.startswith(LINK_SCHEMES) else None
            hrefs.append(href)
            fmt = fmt._replace(href=safe)
        elif t == "link_close":
            href = hrefs.pop() if hrefs else None
            fmt = fmt._replace(href=None)
            if href and not _same_link(out, href):
                out.append(fmt._replace(text=f" ({href})"))
        elif t == "image":
            # printed as typed: the book never loads an image named in a note
            alt = "".join(c.content for c in child.children or ())
            out.append(fmt._replace(text=f"![{alt}]({child.attrs.get('src', '')})"))
        else:
            out.append(fmt._replace(text=child.content))
    return out


def _text(text: str, fmt: Span, sources: Callable[[int], str | None]) -> list[Span]:
    """Plain text, with in-text source references ``[n]`` turned into links."""
    if "[" not in text:
        return [fmt._replace(text=text)]
    out: list[Span] = []
    at = 0
    for match in _REF.finditer(text):
        anchor = sources(int(match.group(1)))
        if anchor is None:
            continue
        if match.start() > at:
            out.append(fmt._replace(text=text[at:match.start()]))
        out.append(fmt._replace(text=match.group(), kind="ref", href=anchor))
        at = match.end()
    if at < len(text):
        out.append(fmt._replace(text=text[at:]))
    return out


def _same_link(spans: list[Span], href: str) -> bool:
    """Whether the link's text already shows its address (an autolink)."""
    tail = "".join(s.text for s in spans[-3:])
    return tail.endswith(href) or tail.endswith(href.removeprefix("mailto:"))
