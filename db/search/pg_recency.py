"""Recency lexemes: how the PostgreSQL index finds a word's newest matches without reading the others.

Results are ranked within the most recent matches (highest rowid first, as on
SQLite). GIN returns every match of a word, in no order, and the server must
then read each matching row to learn its rowid: for a word found in 5,000 fields
that is 5,000 heap pages for a first page that ranks 500. Restricting the rowid
with a B-tree (``rowid >= t``) makes the server build a bitmap of every row in
the range, which costs as much.

So each index row also carries lexemes naming where its rowid lies, at several
granularities: ``#r14.781`` says "rowid >> 14 is 781", ``#r17.97`` "rowid >> 17 is
97", and so on (``LEVELS``). The newest part of the index — every rowid from a
threshold up — is then a short OR of such lexemes (``since``: the finest buckets
up to the next coarser boundary, then coarser ones), and ``word & (since …)`` is
answered inside the GIN index by intersecting posting lists: the server reads
only the matching rows of that part. No word can be a ``#`` lexeme (words are
letters and digits), nor can a scope token (``#m12``, ``#fbackground``…), so these
never match anything a user types.
"""

from __future__ import annotations

#: Bucket sizes, as shifts of the rowid (a rowid packs ``id * 128``: 2**14 is 128 ids of a kind).
#: Each is 8 times the one before, so a window is at most 7 buckets of each size.
LEVELS = (14, 17, 20, 23, 26, 29)


def lexemes(rowid: int) -> list[str]:
    """The recency lexemes of one index row (``#r<shift>.<rowid >> shift>`` for every level)."""
    return [f"#r{shift}.{rowid >> shift}" for shift in LEVELS]


def sql_lexemes(column: str) -> str:
    """SQL building the same lexemes as ``lexemes`` for a rowid column, as a ``tsvector``."""
    parts = ", ".join(f"'#r{shift}.' || ({column} >> {shift})" for shift in LEVELS)
    return f"array_to_tsvector(ARRAY[{parts}])"


def since(threshold: int, high: int) -> list[str]:
    """Lexemes whose union holds every rowid from ``threshold``'s finest bucket up to ``high``.

    The window starts at the beginning of the finest bucket holding
    ``threshold`` (a little earlier than asked: still a newest part of the index).
    """
    out: list[str] = []
    bucket = threshold >> LEVELS[0]
    for number, shift in enumerate(LEVELS):
        last = high >> shift
        if number + 1 == len(LEVELS):
            out += [f"#r{shift}.{b}" for b in range(bucket, last + 1)]
            break
        ratio = 1 << (LEVELS[number + 1] - shift)
        while bucket % ratio and bucket <= last:
            out.append(f"#r{shift}.{bucket}")
            bucket += 1
        if bucket > last:
            break
        bucket //= ratio
    return out
