"""How text is cut into searchable terms: one definition for the index, the queries and the highlighter.

The full-text index never sees raw text. SQL triggers call ``index_words`` and
``index_chars`` (registered on every SQLite connection by ``db.engine``), which
return an already normalised, space-separated token stream; FTS5's own
tokenizer then only splits on the spaces. Queries (``parse_query``) and the
highlighter (``analyze``) use the same functions, so what is indexed, what is
asked for and what is marked in a snippet can never disagree.

Normalisation: NFKC (full-width ``ＷＴＯ`` is ``wto``, half-width kana are
full-width), case folding, and accents removed from non-CJK letters (``é`` is
``e``; the voicing marks of kana are kept: ``が`` is not ``か``). A word is a run
of letters and digits; everything else separates words.

Japanese (and Chinese, Korean) is written without spaces, so "a word" does not
exist for a tokenizer. Each run of CJK characters is indexed twice:

* in the ``words`` stream as overlapping **bigrams** (``日米経済`` → ``日米 米経 経済``),
  at consecutive positions, so any CJK string of two or more characters is found
  as a phrase of its bigrams (``鉄鋼`` is one bigram; ``萩生田`` is the phrase
  ``萩生 生田``) — selective and fast even for common characters;
* in the ``chars`` stream as **unigrams**, so a one-character word or name
  (``林``) is found too, wherever it stands in a run.

A run of one character also goes into ``words`` as itself, keeping phrase
positions right for mixed text such as ``林 Yoshimasa``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Hiragana, katakana (and their extensions), CJK ideographs, Hangul, iteration marks.
CJK_RANGES = (
    "\u1100-\u11ff\u3005-\u3007\u303b\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f"
)
_CJK = re.compile(f"[{CJK_RANGES}]")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_RUNS = re.compile("w+|c+")
_QUOTES = '"\u201c\u201d\u201e\uff02'

#: A query is cut down to this many terms, and a phrase to this many words: a
#: 50-page paste into the search field must not become a 50-page query.
MAX_TERMS = 12
MAX_PHRASE = 16
#: The last word is matched as a prefix (as-you-type) from this many characters.
MIN_PREFIX = 2

WORD = "word"
CJK = "cjk"


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a CJK run: its normalised text and where it stands in the original text.

    ``offsets[i]`` is the index in the original text of the character that
    produced ``text[i]`` (one original character may give several, e.g. ``ﬁ``).
    """

    kind: str
    text: str
    offsets: tuple[int, ...]

    @property
    def start(self) -> int:
        return self.offsets[0]

    def end_of(self, index: int) -> int:
        """The original end (exclusive) of the normalised character at ``index``."""
        return self.offsets[index] + 1

    @property
    def end(self) -> int:
        return self.offsets[-1] + 1


@lru_cache(maxsize=65536)
def _fold(char: str) -> tuple[str, str]:
    """(normalised form of one character, its class per output character: w, c or space)."""
    folded = unicodedata.normalize("NFKC", char).casefold()
    out = []
    for ch in folded:
        if _CJK.match(ch):
            out.append((ch, "c"))
            continue
        stripped = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        for c in unicodedata.normalize("NFC", stripped):
            out.append((c, "w" if c.isalnum() else " "))
    return "".join(c for c, _ in out), "".join(k for _, k in out)


def analyze(text: str) -> list[Token]:
    """The words and CJK runs of ``text``, normalised, with their original positions."""
    if text.isascii():
        return [Token(WORD, m.group(), tuple(range(m.start(), m.end())))
                for m in _ASCII_WORD.finditer(text.lower())]
    if text.translate(_IRREGULAR):
        return analyze_char_by_char(text)
    # Every character folds to exactly one: a token's positions are its own (a 100-page
    # note is analysed in tens of milliseconds, not a second).
    return [Token(CJK if _CJK.match(m.group()) else WORD, m.group(), tuple(range(m.start(), m.end())))
            for m in _SPACED_RUN.finditer(spaced_fold(text))]


def analyze_char_by_char(text: str) -> list[Token]:
    """``analyze`` without its shortcuts for ASCII text and for text whose every character folds
    to one (which must give the same tokens)."""
    pieces = [_fold(char) for char in text]
    folded = "".join(f for f, _ in pieces)
    classes = "".join(c for _, c in pieces)
    offsets = [index for index, (f, _) in enumerate(pieces) for _ in f]
    return [Token(WORD if m.group()[0] == "w" else CJK, folded[m.start():m.end()],
                  tuple(offsets[m.start():m.end()]))
            for m in _RUNS.finditer(classes)]


def bigrams(run: str) -> list[str]:
    """Overlapping pairs of a CJK run; a run of one character is itself."""
    if len(run) < 2:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)]


class _SpacedFolds(dict):
    """``str.translate`` table: each character to its normalised form with every separator a space
    (filled in as characters are met)."""

    def __missing__(self, code: int) -> str:
        folded, classes = _fold(chr(code))
        spaced = self[code] = "".join(" " if k == " " else c for c, k in zip(folded, classes, strict=True))
        return spaced


class _Irregular(dict):
    """``str.translate`` table that keeps only the characters not folding to exactly one character
    (``ß`` → ``ss``, a lone combining accent → nothing): an empty result means a one-to-one text."""

    def __missing__(self, code: int) -> str | None:
        kept = self[code] = None if len(_SPACED_FOLDS[code]) == 1 else chr(code)
        return kept


_SPACED_FOLDS = _SpacedFolds()
_IRREGULAR = _Irregular()
_CJK_RUN = re.compile(f"[{CJK_RANGES}]+")
#: In a spaced fold: a CJK run, or a run of other letters and digits.
_SPACED_RUN = re.compile(f"[{CJK_RANGES}]+|[^ {CJK_RANGES}]+")

#: The triggers call ``index_words`` then ``index_chars`` on the same text: a long text's
#: folded form is remembered for the second call.
_REMEMBER_FROM = 4096
_last_folded: tuple[str, str] | None = None


def spaced_fold(text: str) -> str:
    """``text`` normalised as ``analyze`` does it, every separator turned into a space.

    The index functions need the tokens, not where they stand, so they fold the
    whole text with one ``str.translate`` and split it with C string methods
    instead of a Python step per character: a 100-page paste is tokenized in
    tens of milliseconds. ``tests/db/test_search_text.py`` checks that both
    paths give the same tokens.
    """
    global _last_folded
    last = _last_folded  # read once: another thread may replace it meanwhile
    if last is not None and last[0] == text:
        return last[1]
    folded = text.translate(_SPACED_FOLDS)
    if len(text) >= _REMEMBER_FROM:
        _last_folded = (text, folded)
    return folded


def _spaced_bigrams(run: re.Match[str]) -> str:
    return f" {' '.join(bigrams(run.group()))} "


def index_words(text: str | None) -> str:
    """The ``words`` stream of a text: words, and CJK runs as bigrams (see the module docstring)."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(_ASCII_WORD.findall(text.lower()))
    return " ".join(_CJK_RUN.sub(_spaced_bigrams, spaced_fold(text)).split())


def index_chars(text: str | None) -> str:
    """The ``chars`` stream of a text: every CJK character on its own."""
    if not text or text.isascii():
        return ""
    return " ".join("".join(_CJK_RUN.findall(spaced_fold(text))))


# -- queries -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """One thing a query asks for.

    ``kind`` WORD: ``parts`` are consecutive words (a phrase of one or more);
    ``prefix`` makes the last one match as a prefix. ``kind`` CJK: ``parts`` is
    one CJK run, found anywhere inside the text's CJK runs.
    """

    kind: str
    parts: tuple[str, ...]
    negated: bool = False
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """What a user typed into a search field, as terms; every input gives a valid Query."""

    text: str
    terms: tuple[Term, ...]

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.negated)

    @property
    def negative(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.negated)

    @property
    def is_empty(self) -> bool:
        """Nothing to look for (no words, or only words to exclude)."""
        return not self.positive


def _chunks(text: str) -> list[tuple[str, bool]]:
    """(chunk, quoted) pieces: balanced double quotes make one chunk, white space splits the rest."""
    pieces: list[tuple[str, bool]] = []
    pattern = re.compile(f"[{_QUOTES}]([^{_QUOTES}]*)[{_QUOTES}]|[^\\s{_QUOTES}]+")
    for match in pattern.finditer(text):
        if match.group(1) is not None:
            pieces.append((match.group(1), True))
        else:
            pieces.append((match.group(), False))
    return pieces


def _terms_of(chunk: str, negated: bool) -> list[Term]:
    terms: list[Term] = []
    words: list[str] = []
    for token in analyze(chunk):
        if token.kind == WORD:
            words.append(token.text)
            continue
        if words:
            terms.append(Term(WORD, tuple(words[:MAX_PHRASE]), negated))
            words = []
        terms.append(Term(CJK, (token.text[:MAX_PHRASE],), negated))
    if words:
        terms.append(Term(WORD, tuple(words[:MAX_PHRASE]), negated))
    return terms


def parse_query(text: str) -> Query:
    """Turn anything typed into terms: never an error.

    Words are all required (AND); ``"two words"`` is a phrase, and so is a
    hyphenated or dotted chunk (``U.S.-Japan``); ``-word`` excludes; a lone or
    unbalanced quote is ignored; operators (``AND``, ``NEAR``, ``*``, brackets)
    are ordinary words or separators. The last word, when the text does not end
    in a space, also matches as a prefix, so results follow the typing.
    """
    text = text or ""
    terms: list[Term] = []
    cut = False
    for chunk, quoted in _chunks(text):
        negated = not quoted and chunk.startswith("-") and len(chunk) > 1
        for term in _terms_of(chunk[1:] if negated else chunk, negated):
            if term not in terms:
                terms.append(term)
        if len(terms) >= MAX_TERMS:
            terms, cut = terms[:MAX_TERMS], True
            break
    if terms and not cut and text[-1:].isalnum():
        last = terms[-1]
        if last.kind == WORD and not last.negated and len(last.parts[-1]) >= MIN_PREFIX:
            terms[-1] = Term(WORD, last.parts, False, prefix=True)
    return Query(text, tuple(terms))
