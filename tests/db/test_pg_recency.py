"""The newest part of the PostgreSQL index is named by a few recency lexemes: every rowid from the
threshold's bucket up, and nothing older (``db/search/pg_recency.py``; no server needed)."""

from __future__ import annotations

import random

from db.search import pg_recency


def _covered(lexemes: list[str], rowid: int) -> bool:
    return bool(set(lexemes) & set(pg_recency.lexemes(rowid)))


def test_a_window_holds_every_newer_rowid_and_no_older_one():
    rng = random.Random(14)
    finest = 1 << pg_recency.LEVELS[0]
    for _ in range(300):
        high = rng.randrange(1, 1 << rng.choice((10, 16, 24, 31)))
        threshold = rng.randrange(0, high + 1)
        window = pg_recency.since(threshold, high)
        start = threshold - threshold % finest
        probes = {start, high, threshold, max(0, start - 1), *(rng.randrange(0, high + 1) for _ in range(40))}
        for rowid in probes:
            assert _covered(window, rowid) == (rowid >= start), (threshold, high, rowid)


def test_a_window_is_a_short_query_even_over_a_large_index():
    # A hundred million index rows: the newest half is still a handful of lexemes.
    high = 100_000_000 * 128
    for share in (1 / 1000, 1 / 32, 1 / 4, 1 / 2):
        assert len(pg_recency.since(high - int(high * share), high)) <= 7 * len(pg_recency.LEVELS)


def test_the_sql_of_the_lexemes_names_the_same_buckets():
    assert pg_recency.sql_lexemes("rowid").count("#r") == len(pg_recency.LEVELS)
    assert pg_recency.lexemes(781 << 14)[0] == "#r14.781"
