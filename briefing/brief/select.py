"""Choosing the issue papers of a book: a ``Brief`` cut down to the notes of some issues."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from briefing.brief.records import Brief
from briefing.errors import ValidationError


def parse_notes(text: str) -> tuple[str, ...]:
    """``"steel, digital-trade"`` → the issue slugs named, in order, each once."""
    slugs: list[str] = []
    for part in text.split(","):
        slug = part.strip().lower()
        if slug and slug not in slugs:
            slugs.append(slug)
    if not slugs:
        raise ValidationError("notes", "name at least one issue (its slug, as `dump` shows it)")
    return tuple(slugs)


def check_notes(brief: Brief, slugs: Collection[str] | None) -> None:
    """A ``ValidationError`` naming the first of ``slugs`` that is not an issue of the meeting."""
    if slugs is None:
        return
    known = [note.issue_slug for note in brief.notes]
    for slug in slugs:
        if slug not in known:
            choices = ", ".join(known) or "none: the meeting has no issue notes"
            raise ValidationError("notes", f"no issue {slug!r} in this meeting; its issues: {choices}")


def with_notes(brief: Brief, slugs: Collection[str] | None) -> Brief:
    """``brief`` with only the notes of the issues ``slugs`` (all when ``None``), in print order:
    its papers, the previous round's notes and what changed since then are all cut down."""
    if slugs is None:
        return brief
    chosen = set(slugs)
    notes = tuple(n for n in brief.notes if n.issue_slug in chosen)
    if len(notes) == len(brief.notes):
        return brief
    kept = {n.id for n in notes}
    changes = brief.round_changes
    if changes is not None:
        changes = replace(changes, issues=tuple(i for i in changes.issues if i.issue_slug in chosen))
    return replace(brief, notes=notes, round_changes=changes,
                   previous_notes={k: v for k, v in brief.previous_notes.items() if k in kept},
                   qa={k: v for k, v in brief.qa.items() if k in kept})
