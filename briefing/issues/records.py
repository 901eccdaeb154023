"""Frozen records of the issue library."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IssueRecord:
    """A topic of the issue library."""

    id: int
    slug: str
    title: str
    description: str
    version: int
