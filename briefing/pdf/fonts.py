"""The shipped TrueType fonts: registration with ReportLab and the per-run fallback chain.

ReportLab has no glyph fallback (a character the font lacks silently
vanishes), so every run of user text is split by the first font of ``CHAIN``
that has each character; ``resources/fonts/README.md`` says why these fonts.
Registration happens once per process and is thread-safe, so a preview worker
and an export can share it. ReportLab parses a font file when it is registered
(the two Japanese faces take about 90 ms), so only the body family is
registered at once; a fallback family is registered the first time a
character is looked up that no family before it in the chain has. Each face
keeps the widths of the words it measured (``measured_font.py``).

Arabic letters join: a letter's form depends on its neighbours. ReportLab
draws a font's glyphs by character, so ``Family.join`` (for the families in
``JOINING``) shapes a run with HarfBuzz (``uharfbuzz``) and writes each joined
glyph back as the Unicode presentation form the font maps to it (U+FB50–U+FDFF,
U+FE70–U+FEFF, e.g. lam-alef as one ligature); a glyph the font maps to no
such character keeps the letter as typed. Presentation forms are right-to-left
letters too, so the bidirectional order (``bidi.py``) is unchanged.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from importlib.resources import as_file, files
from itertools import groupby

#: (family, regular file, bold file or None, italic file or None, bold-italic file or None).
#: The first family is the body font; the others are the fallback chain, in order.
CHAIN: tuple[tuple[str, str, str | None, str | None, str | None], ...] = (
    ("NotoSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
     "NotoSans-BoldItalic.ttf"),
    ("BIZUDPGothic", "BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf", None, None),
    ("NotoSansArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", None, None),
    ("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", None, None),
    # Korean: after the small right-to-left fonts, so Arabic or Hebrew never loads its 4.6 MB.
    ("NanumGothic", "NanumGothic.ttf", "NanumGothicBold.ttf", None, None),
    ("NotoSansSymbols2", "NotoSansSymbols2-Regular.ttf", None, None, None),
)
#: Families whose runs are shaped before layout (see the module docstring).
JOINING = frozenset({"NotoSansArabic"})
BODY = CHAIN[0][0]
BODY_BOLD = BODY + "-Bold"
BODY_ITALIC = BODY + "-Italic"

# C0/C1 control characters are never looked up in a font (see typeset.py).
_CONTROLS = frozenset(range(0x00, 0x20)) | frozenset(range(0x7F, 0xA0))


@dataclass(frozen=True, slots=True)
class Family:
    """A registered family: the ReportLab font names of its four faces, and what it covers."""

    name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    coverage: frozenset[int]
    join: Callable[[str], str] | None = None

    def face(self, bold: bool, italic: bool) -> str:
        """The font name for a bold and/or italic run (a family without italics uses upright)."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


class FontChain:
    """The body family and its fallbacks, with a fast test for text the body font covers.

    ``fallbacks`` register a family each, in chain order; they are called only
    when a character needs them (see the module docstring).
    """

    def __init__(self, body: Family, fallbacks: Sequence[Callable[[], Family]] = ()) -> None:
        self.body = body
        self._outside_body = re.compile(_negated_class(self.body.coverage))
        self._family_of: dict[str, Family | None] = {}
        self._pending = list(fallbacks)
        self._loaded: list[Family] = []
        self._lock = threading.Lock()

    @property
    def families(self) -> tuple[Family, ...]:
        """Every family of the chain, in order (registering the fallbacks not registered yet)."""
        while self._load_next():
            pass
        return (self.body, *self._loaded)

    @property
    def registered(self) -> tuple[Family, ...]:
        """The families registered so far, in chain order."""
        return (self.body, *self._loaded)

    def needs_fallback(self, text: str) -> bool:
        """Whether ``text`` has a character the body font lacks (or a control character)."""
        return self._outside_body.search(text) is not None

    def family_of(self, char: str) -> Family | None:
        """The first family that has a glyph for ``char``, or None."""
        try:
            return self._family_of[char]
        except KeyError:
            code = ord(char)
            found = None
            if code not in _CONTROLS:
                found = next((f for f in self.registered if code in f.coverage), None)
                while found is None and self._load_next():
                    found = next((f for f in self.registered if code in f.coverage), None)
            self._family_of[char] = found
            return found

    def _load_next(self) -> bool:
        """Register the next fallback family; False when every one is registered."""
        with self._lock:
            if not self._pending:
                return False
            self._loaded.append(self._pending.pop(0)())
            return True

    def runs(self, text: str) -> Iterator[tuple[Family | None, str]]:
        """``text`` cut into runs of one family each (None: no shipped font has the glyph)."""
        if not self.needs_fallback(text):
            yield self.body, text
            return
        body, covered = self.body, self.body.coverage
        for family, chars in groupby(text, lambda c: body if ord(c) in covered else self.family_of(c)):
            yield family, "".join(chars)


_chain: FontChain | None = None
_lock = threading.Lock()


def register_fonts() -> FontChain:
    """Register the shipped fonts with ReportLab (once per process) and return the chain."""
    global _chain
    with _lock:
        if _chain is None:
            _chain = FontChain(_register_family(*CHAIN[0]),
                               [partial(_register_family, *entry) for entry in CHAIN[1:]])
        return _chain


def _register_family(name: str, regular: str, bold: str | None, italic: str | None,
                     bold_italic: str | None) -> Family:
    from reportlab.pdfbase import pdfmetrics

    from briefing.pdf.measured_font import MeasuredFont

    def register(filename: str | None, fallback: str, font_name: str = "") -> str:
        if filename is None:
            return fallback
        font_name = font_name or filename.removesuffix(".ttf")
        with as_file(files("resources.fonts") / filename) as path:
            # Not shaped by ReportLab: the book puts right-to-left runs in visual order itself
            # (bidi.py) and joins Arabic before layout (Joiner); ReportLab's shaping of each word
            # (on whenever uharfbuzz is installed, as it is now) would undo the visual order.
            pdfmetrics.registerFont(MeasuredFont(font_name, str(path), shapable=False))
        return font_name

    regular_name = register(regular, "", name)  # the family name is the regular face
    bold_name = register(bold, regular_name)
    italic_name = register(italic, regular_name)
    bold_italic_name = register(bold_italic, bold_name)
    pdfmetrics.registerFontFamily(name, normal=regular_name, bold=bold_name,
                                  italic=italic_name, boldItalic=bold_italic_name)
    # Only the Basic Multilingual Plane: ReportLab writes the ToUnicode entry of a character
    # above U+FFFF as five hex digits, which is invalid (pdftotext and qpdf complain and the
    # text would not copy out right), so such characters print as the replacement mark.
    cmap = pdfmetrics.getFont(regular_name).face.charToGlyph
    coverage = frozenset(code for code in cmap if code <= 0xFFFF) - _CONTROLS
    join = Joiner((files("resources.fonts") / regular).read_bytes(), cmap) if name in JOINING else None
    return Family(name, regular_name, bold_name, italic_name, bold_italic_name, coverage, join)


_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


class Joiner:
    """Text of one font's script with its letters in their joined forms (see the module doc)."""

    def __init__(self, data: bytes, cmap: dict[int, int]) -> None:
        import uharfbuzz

        self._hb = uharfbuzz
        self._font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(data)))
        self._forms: dict[int, str] = {}
        for code, glyph in sorted(cmap.items()):
            if any(low <= code <= high for low, high in _PRESENTATION_FORMS):
                self._forms.setdefault(glyph, chr(code))
        self._lock = threading.Lock()   # a HarfBuzz font is not to be shared by threads at once

    def __call__(self, text: str) -> str:
        hb = self._hb
        buf = hb.Buffer()
        buf.add_codepoints([ord(c) for c in text])
        buf.guess_segment_properties()
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS  # a mark is its own cluster
        with self._lock:
            hb.shape(self._font, buf, {})
        glyphs: dict[int, list[int]] = {}
        for info in buf.glyph_infos:
            glyphs.setdefault(info.cluster, []).append(info.codepoint)
        starts = sorted(glyphs)
        out = [text[:starts[0]]] if starts else [text]
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(text)
            shaped = glyphs[start]
            form = self._forms.get(shaped[0]) if len(shaped) == 1 else None
            out.append(form if form is not None else text[start:end])
        return "".join(out)


def _negated_class(codes: frozenset[int]) -> str:
    """A regex class matching every character *not* in ``codes`` (as ranges: compiles fast)."""
    ranges: list[str] = []
    ordered = sorted(codes)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        low, high = ordered[i], ordered[j]
        ranges.append(_escape(low) if low == high else f"{_escape(low)}-{_escape(high)}")
        i = j + 1
    return "[^" + "".join(ranges) + "]"


def _escape(code: int) -> str:
    return f"\\U{code:08x}"
