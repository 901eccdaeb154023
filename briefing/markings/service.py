"""The store's marking ladder: read it, replace it (refusing to orphan marks in use), adopt an old one.

The ladder lives in the store (``markings``, migration 0007) so that everyone
working on a shared store marks with the same codes. An empty table reads as the
default ladder. A ladder that would leave a code in use behind — a portion's
``(CODE)`` in any text field, or a meeting's sensitivity — is refused with a
``ValidationError`` that says how many portions (and meetings) use it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import column, delete, func, insert, or_, select, table
from sqlalchemy.orm import Session

from briefing.config import check_ladder
from briefing.editing import writing
from briefing.errors import ValidationError
from briefing.markings.ladder import DEFAULT_LADDER, Ladder, Marking
from db.core_tables import meetings
from db.engine import Database

# The portions and the searchable fields are imported where they are used: the ladder, which
# the window's start-up reads, needs neither (each module makes its own frozen dataclass).

_steps = table("markings", column("position"), column("code"), column("name"), column("colour"))


def _same(a: Sequence[Marking], b: Sequence[Marking]) -> bool:
    return [(m.code, m.label) for m in a] == [(m.code, m.label) for m in b]


def read_ladder(session: Session) -> Ladder:
    """The store's ladder as ``session`` sees it (the default when the store holds none)."""
    rows = session.execute(select(_steps.c.code, _steps.c.name, _steps.c.colour)
                           .order_by(_steps.c.position)).all()
    if not rows:
        return Ladder(DEFAULT_LADDER)
    return Ladder(tuple(Marking(code, name, colour) for code, name, colour in rows))


def count_portions(session: Session, code: str) -> int:
    """How many portions of every text field in the store (the Trash's too) begin with ``(code)``."""
    from briefing.markings.portions import portions
    from db.search.searchable import SEARCHABLE

    probe = Ladder((Marking(code, code, "#555555"),))
    count = 0
    for kind in SEARCHABLE:
        fields = [column(name) for name in kind.fields]
        rows = session.execute(select(*fields).select_from(table(kind.table, *fields))
                               .where(or_(*(f.contains(f"({code})", autoescape=True)
                                            for f in fields)))).all()
        for row in rows:
            for text in row:
                if text and f"({code})" in text:
                    count += sum(1 for p in portions(text, probe) if p.code == code)
    return count


def count_meetings(session: Session, code: str) -> int:
    """How many meetings (the Trash's too) carry ``code`` as their sensitivity."""
    return session.scalar(select(func.count()).select_from(meetings)
                          .where(meetings.c.sensitivity == code)) or 0


def check_removal(session: Session, old: Ladder, markings: Sequence[Marking]) -> None:
    """Refuse (``ValidationError`` on ``ladder``) a ladder that drops a code still in use."""
    kept = {m.code for m in markings}
    for code in old.codes:
        if code in kept:
            continue
        used, marked = count_portions(session, code), count_meetings(session, code)
        if used or marked:
            raise ValidationError("ladder", orphans_refused(code, used, marked))


def write_ladder(session: Session, markings: Sequence[Marking]) -> None:
    """Replace the store's ladder inside ``session``'s transaction (checked by the caller)."""
    session.execute(delete(_steps))
    session.execute(insert(_steps), [{"position": i, "code": m.code, "name": m.label,
                                      "colour": m.colour} for i, m in enumerate(markings)])


class MarkingService:
    """The ladder of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def ladder(self) -> Ladder:
        """The store's ladder, lowest first (the default when the store holds none)."""
        with self.db.read() as s:
            return read_ladder(s)

    def portions_marked(self, code: str) -> int:
        """How many portions of every text field in the store (the Trash's too) begin with ``(code)``."""
        with self.db.read() as s:
            return count_portions(s, code)

    def meetings_marked(self, code: str) -> int:
        """How many meetings (the Trash's too) carry ``code`` as their sensitivity."""
        with self.db.read() as s:
            return count_meetings(s, code)

    def check_removal(self, old: Ladder, markings: Sequence[Marking]) -> None:
        """Refuse (``ValidationError`` on ``ladder``) a ladder that drops a code still in use."""
        with self.db.read() as s:
            check_removal(s, old, markings)

    def set_ladder(self, markings: Sequence[Marking]) -> Ladder:
        """Replace the store's ladder with ``markings`` (lowest first), checked; returns it."""
        checked = check_ladder(markings)
        with writing(self.db, "The marking ladder") as s:
            check_removal(s, read_ladder(s), checked)
            write_ladder(s, checked)
        return Ladder(checked)

    def meeting_highest(self, meeting_id: int) -> str | None:
        """The highest marking in a meeting: its own sensitivity (unmarked text carries it) or a
        portion marked above it in any of its texts (objectives, agenda, notes, actions,
        positions, its participants' bios); None when there is no such meeting."""
        with self.db.read() as s:
            default = s.scalar(select(meetings.c.sensitivity).where(meetings.c.id == meeting_id))
            if default is None:
                return None
            ladder = read_ladder(s)
            from briefing.markings.portions import texts_highest

            return texts_highest(_meeting_texts(s, meeting_id, default, ladder), default, ladder)

    def adopt(self, markings: Sequence[Marking]) -> bool:
        """Take a ladder kept outside the store (the old settings file) when the store still has
        the default one and nothing would be orphaned; True when it was taken."""
        if not _same(self.ladder().markings, DEFAULT_LADDER) or _same(markings, DEFAULT_LADDER):
            return False
        try:
            self.set_ladder(markings)
        except ValidationError:
            return False
        return True


def _meeting_texts(session: Session, meeting_id: int, default: str, ladder: Ladder) -> list[str]:
    """The texts of a meeting that may hold a portion marked above ``default``."""
    from briefing.markings.portions import rank
    from db.search.searchable import SEARCHABLE

    above = [code for code in ladder.codes if rank(code, ladder) > rank(default, ladder)]
    if not above:
        return []
    found: list[str] = []
    for kind in SEARCHABLE:
        if kind.entity == "meeting":
            owner = "id"
        elif kind.parent == "meeting":
            owner = "meeting_id"
        else:
            continue  # people: below, through the meeting's participants; the library: no meeting's
        fields = [column(name) for name in kind.fields]
        t = table(kind.table, column(owner), *fields, *([column("deleted_at")] if kind.trashable else []))
        query = select(*(t.c[name] for name in kind.fields)).where(
            t.c[owner] == meeting_id,
            or_(*(t.c[name].contains(f"({code})", autoescape=True)
                  for name in kind.fields for code in above)))
        if kind.trashable:
            query = query.where(t.c.deleted_at.is_(None))
        found += [text for row in session.execute(query) for text in row if text]
    people = table("people", column("id"), column("bio"))
    participants = table("participants", column("meeting_id"), column("person_id"))
    found += [bio for bio in session.scalars(
        select(people.c.bio).join(participants, participants.c.person_id == people.c.id)
        .where(participants.c.meeting_id == meeting_id,
               or_(*(people.c.bio.contains(f"({code})", autoescape=True) for code in above)))) if bio]
    return found


def orphans_refused(code: str, portions_count: int, meetings_count: int) -> str:
    """Why ``code`` cannot leave the ladder: how many portions (and meetings) use it."""
    parts = []
    if portions_count:
        parts.append("1 portion" if portions_count == 1 else f"{portions_count} portions")
    if meetings_count:
        parts.append("1 meeting" if meetings_count == 1 else f"{meetings_count} meetings")
    verb = "is" if len(parts) == 1 and (portions_count or meetings_count) == 1 else "are"
    return (f"“{code}” cannot be removed: {' and '.join(parts)} {verb} marked with it. "
            "Change their marking first.")
