"""The issue library: negotiating topics reused from meeting to meeting."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing import mapping
from briefing import validation as v
from briefing.editing import apply_changes, check_version, fetch, writing
from briefing.errors import NotFoundError, ValidationError
from briefing.issues.records import IssueRecord
from db.engine import Database
from db.models import Issue

_FIELDS = {
    "slug": lambda f, x: v.line(f, x, required=True),
    "title": lambda f, x: v.line(f, x, required=True),
    "description": v.text,
}


def unique_slug(session: Session, wanted: str) -> str:
    """``wanted`` if free, else ``wanted-2``, ``wanted-3``…"""
    slug, n = wanted, 1
    while session.scalar(select(Issue.id).where(Issue.slug == slug)) is not None:
        n += 1
        slug = f"{wanted}-{n}"
    return slug


class IssueLibrary:
    """Create, find and edit issues of the library."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[IssueRecord]:
        """Every issue, by title."""
        with self.db.read() as s:
            return [mapping.issue(i) for i in s.scalars(select(Issue).order_by(Issue.title, Issue.id))]

    def get(self, issue_id: int) -> IssueRecord:
        with self.db.read() as s:
            return mapping.issue(fetch(s, Issue, issue_id, f"Issue {issue_id}"))

    def by_slug(self, slug: str) -> IssueRecord:
        with self.db.read() as s:
            issue = s.scalar(select(Issue).where(Issue.slug == slug))
            if issue is None:
                raise NotFoundError(f"Issue {slug!r}")
            return mapping.issue(issue)

    def create(self, title: str, slug: str | None = None, description: str = "") -> IssueRecord:
        """A new issue; without a slug one is made from the title (and kept unique)."""
        with writing(self.db, "The issue") as s:
            issue = Issue()
            apply_changes(issue, {"title": title, "description": description}, _FIELDS)
            if slug is None:
                issue.slug = unique_slug(s, v.slugify(issue.title))
            else:
                issue.slug = v.line("slug", slug, required=True)
                if s.scalar(select(Issue.id).where(Issue.slug == issue.slug)) is not None:
                    raise ValidationError("slug", f"an issue with slug {issue.slug!r} exists already")
            s.add(issue)
            s.flush()
            return mapping.issue(issue)

    def update(self, issue_id: int, version: int | None, **changes: Any) -> IssueRecord:
        """Change an issue's slug, title or description."""
        with writing(self.db, "The issue") as s:
            issue = fetch(s, Issue, issue_id, f"Issue {issue_id}")
            check_version(issue, version, "The issue", lambda: mapping.issue(issue))
            apply_changes(issue, changes, _FIELDS)
            if "slug" in changes and s.scalar(
                select(Issue.id).where(Issue.slug == issue.slug, Issue.id != issue.id)
            ):
                raise ValidationError("slug", f"an issue with slug {issue.slug!r} exists already")
            s.flush()
            return mapping.issue(issue)
