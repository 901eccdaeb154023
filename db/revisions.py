"""The schema revisions this Briefbook knows, oldest first; the last is the head.

Apart from ``db.migrate`` so that the store's probe and its errors can name them
without importing the engine.
"""

from __future__ import annotations

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")
HEAD = REVISIONS[-1]
