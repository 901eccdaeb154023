"""The fixed lists of the domain: statuses, priorities, sides and note sections.

The first value of each status list is its default.
"""

from __future__ import annotations

MEETING_STATUSES = ("planned", "held", "cancelled")
AGENDA_STATUSES = ("pending", "covered", "deferred")
NOTE_STATUSES = ("draft", "cleared")
ACTION_STATUSES = ("open", "done", "dropped")
SIDES = ("ours", "theirs")
#: What a participant is there as; delegates are listed first in the book, then the others by kind.
CAPACITIES = ("delegate", "interpreter", "observer", "note-taker")
#: How a person's name is written: given name first ("Katherine Tai"), or family name first
#: ("Hagiuda Koichi", shown "HAGIUDA Koichi").
NAME_ORDERS = ("given_first", "family_first")
#: Highest first: issue papers are ordered by agenda position, then by priority.
PRIORITIES = ("high", "medium", "low")
DEFAULT_PRIORITY = "medium"

#: Issue-note sections in the order a paper presents them: (field, heading).
NOTE_SECTIONS: tuple[tuple[str, str], ...] = (
    ("background", "Background"),
    ("objectives", "Our objectives"),
    ("their_position", "Their position"),
    ("talking_points", "Talking points"),
    ("defensives", "Anticipated asks / defensive Q&A"),
    ("red_lines", "Red lines"),
)
NOTE_FIELDS = tuple(field for field, _ in NOTE_SECTIONS)
SECTION_TITLES = dict(NOTE_SECTIONS)

#: How deep a note's paper prints in the book (issue 13): the whole paper; objectives, talking
#: points and its Q&A; its Q&A only (raised only if they raise it). The first is the default.
TIERS = ("full", "short", "defensive")
TIER_TITLES = {"full": "Full papers", "short": "Short papers", "defensive": "Defensive papers"}
#: Whether an agenda item is open to the press; the first is the default.
PRESS_MODES = ("closed", "open")
#: A Q&A bank entry: a defensive question and its answer, or a press line.
QA_KINDS = ("defensive", "press")
QA_STATUSES = ("draft", "cleared")
