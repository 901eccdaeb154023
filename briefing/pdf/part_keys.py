"""What each part of a book is laid out from: the keys a ``BookSession`` keeps its parts by.

A part's key is a digest of what it reads of the brief (``part_inputs``, by
the builder: ``READS``) and of what every page shows (``frame_key``). Typing
a word changes one paper's inputs: the other parts keep their keys. The keys
are made on every build, so a digest is remembered by content (``remembered``:
an input equal to one digested lately, field by field as the frozen records
compare, gets its digest back without being pickled again), and so is the
book's highest marking, which reads every text of the brief.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections.abc import Callable
from dataclasses import fields, replace
from io import BytesIO
from typing import Any

from briefing.brief.records import Brief
from briefing.markings.ladder import Ladder
from briefing.pdf import story, templates
from briefing.pdf.options import BookOptions
from briefing.pdf.story import Part


def part_name(part: Part) -> str:
    """The builder's name (``paper``, ``agenda``…): for statistics and progress."""
    build = part[1]
    return getattr(getattr(build, "func", build), "__name__", "part")


def identity(part: Part) -> str:
    """The part across edits: its builder, and the note of a paper."""
    note = (getattr(part[1], "keywords", None) or {}).get("note")
    return part_name(part) + (f"-{note.id}" if note is not None else "")


#: What each known builder reads of the brief, besides ``frame_key``: the ``Brief`` fields it
#: may read, and, when it reads only a slice of them, that slice (else the fields' values).
#: A builder not listed (a new section) is laid out again whenever anything in the brief changes;
#: ``test_incremental`` checks that a listed builder reads no other field.
READS: dict[str, tuple[frozenset[str], Callable[[Brief, dict, Ladder], object] | None]] = {
    "cover": (frozenset({"meeting"}), None),
    # the summary quotes the first sentence of each paper's objectives and red lines
    "summary": (frozenset({"meeting", "notes", "participants"}),
                lambda b, kw, ladder: (b.meeting, b.participants, tuple(
                    (n.id, n.issue_title, _first_sentence(n.objectives), _first_sentence(n.red_lines))
                    for n in b.notes))),
    # the contents list the entries, with each paper's status and highest marking
    "contents": (frozenset({"meeting", "notes", "positions", "qa", "round_changes", "schedule"}),
                 lambda b, kw, ladder: (tuple(_contents_entries(b, kw["options"])), b.meeting.sensitivity,
                                        tuple((n.id, n.status, _highest(n, b, ladder)) for n in b.notes))),
    # the positions matrix links each issue to its paper
    "positions_matrix": (frozenset({"notes", "positions"}),
                         lambda b, kw, ladder: (b.positions, tuple((n.issue_id, n.id) for n in b.notes))),
    "agenda": (frozenset({"meeting", "schedule", "notes"}),
               lambda b, kw, ladder: (b.meeting, b.schedule, tuple((n.issue_id, n.id) for n in b.notes))),
    # a paper's outline entries depend on where it stands among the papers (the first, the
    # first of its tier), so on their order and tiers; its own note and Q&A entries otherwise
    "paper": (frozenset({"meeting", "notes", "qa", "positions"}),
              lambda b, kw, ladder: (kw["note"], b.qa.get(kw["note"].id, ()), _papers_context(b))),
    "participants": (frozenset({"participants"}), None),
    "actions": (frozenset({"actions"}), None),
}


_context: list = [None, b""]  # (brief, digest): the last brief's papers' context


def _papers_context(brief: Brief) -> bytes:
    """What every paper reads besides its note and Q&A, digested once per brief (and kept by
    content: the next brief read from the store is equal but new): the meeting as a paper reads
    it (round, marking, page budgets; not its objectives nor its version: typing the objectives
    lays no paper out again), the papers' order and tiers, the positions."""
    if _context[0] is not brief:
        _context[:] = [brief, remembered(("papers", replace(brief.meeting, objectives="", version=0),
                                          tuple((n.id, n.tier) for n in brief.notes),
                                          brief.positions))]
    return _context[1]


def _first_sentence(text: str) -> str:
    from briefing.pdf.summary_section import first_sentence

    return first_sentence(text)


def _contents_entries(brief: Brief, options: BookOptions) -> list:
    from briefing.pdf.story import contents_entries

    return contents_entries(brief, options)


_highest_seen: dict[tuple, str] = {}  # (note, its content, marking, ladder) → its highest marking


def _highest(note, brief: Brief, ladder: Ladder) -> object:
    """A paper's highest marking as the contents show it (``story.note_highest``; it reads every
    section, so it is kept per content of the note); the whole note where the story has none."""
    highest = getattr(story, "note_highest", None)
    if highest is None:
        return note
    try:
        content = hash(note)  # every field: an edit outside the store keeps the version
    except TypeError:
        return highest(note, brief.meeting.sensitivity, ladder)
    key = (note.id, note.version, content, brief.meeting.sensitivity, tuple(ladder.codes))
    if key not in _highest_seen:
        if len(_highest_seen) > 10_000:
            _highest_seen.clear()
        _highest_seen[key] = highest(note, brief.meeting.sensitivity, ladder)
    return _highest_seen[key]


def part_inputs(brief: Brief, part: Part, options: BookOptions, ladder: Ladder) -> tuple:
    """What part ``part`` shows depends on, besides ``frame_key``: the same inputs, the same
    part. The last item is ``brief`` itself for a builder that may read any of it."""
    build = part[1]
    func = getattr(build, "func", build)
    keywords = dict(getattr(build, "keywords", None) or {})
    name = f"{func.__module__}.{func.__qualname__}"
    known = READS.get(func.__name__) if func.__module__.startswith("briefing.pdf.") else None
    if known is None:
        return name, keywords, brief
    fields, reads = known
    if reads is not None:
        return name, reads(brief, {**keywords, "options": options}, ladder)
    return name, tuple(keywords.items()), tuple(getattr(brief, f) for f in sorted(fields))


def frame_key(brief: Brief, options: BookOptions, ladder: Ladder) -> object:
    """What every page of the book shows or is laid out with: the options (but the password,
    applied when the parts are joined), the marking, the meeting's title, people and round."""
    m = brief.meeting
    marking = ladder.get(m.sensitivity)
    top = _book_highest(brief, ladder)
    # the options by value, sets in order (two equal sets may list their items in other orders)
    chosen = tuple((f.name, tuple(sorted(value)) if isinstance(value, (set, frozenset)) else value)
                   for f in fields(options) if f.name != "password"
                   for value in (getattr(options, f.name),))
    return (chosen, marking.label, marking.colour, m.title, m.sensitivity,
            m.prepared_by, m.counterpart, m.round_no, top)


def _book_highest(brief: Brief, ladder: Ladder) -> object:
    """The book's highest marking (the cover's and the metadata's), where the template has one;
    kept by the brief's content (it reads every text of it)."""
    highest = getattr(templates, "book_highest", None)
    if highest is None:
        return None
    content = ("highest", tuple(ladder.codes), *(_hashable(getattr(brief, f.name)) for f in fields(brief)))
    return remembered(content, lambda: highest(brief, ladder))


def _hashable(value: object) -> object:
    return tuple(value.items()) if isinstance(value, dict) else value


def part_keys(brief: Brief, options: BookOptions, ladder: Ladder, parts: list[Part]) -> list[bytes]:
    """Each part's key: the digest of its inputs and of the frame (``frame_key``)."""
    frame = remembered(("frame", frame_key(brief, options, ladder)))
    whole: list[bytes] = []  # the whole brief's digest, made once if a part needs it
    keys = []
    for part in parts:
        inputs = part_inputs(brief, part, options, ladder)
        if inputs[-1] is brief:
            whole[:] = whole or [digest(brief)]
            inputs = (*inputs[:-1], whole[0])
        keys.append(remembered((frame, inputs)))
    _memo.turn()
    return keys


def digest(value: Any) -> bytes:
    """A digest of ``value``'s contents. Pickled without its memo, so that two equal values
    digest the same however their parts are shared (a string used twice, or two equal ones)."""
    buffer = BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: the records hold no cycles
    pickler.dump(value)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=20).digest()


class _Memo:
    """Answers by content for the last two builds (the pane's and the export dialog's books take
    turns): found by hash, then compared with ``==`` (equal records compare field by field)."""

    def __init__(self) -> None:
        self.now: dict = {}
        self.before: dict = {}
        self.lock = threading.Lock()

    def get(self, key: Any, make: Callable[[], Any]) -> Any:
        try:
            with self.lock:
                found = self.now.get(key, _MISSING)
                if found is _MISSING:
                    found = self.before.get(key, _MISSING)
        except TypeError:  # a list or a dict inside: nothing to find it by
            return make()
        if found is _MISSING:
            found = make()
        with self.lock:
            self.now[key] = found
        return found

    def turn(self) -> None:
        """A build's keys are made: keep its answers and the last build's, let older ones go."""
        with self.lock:
            self.before, self.now = self.now, {}


_MISSING = object()
_memo = _Memo()


def remembered(value: Any, make: Callable[[], Any] | None = None) -> Any:
    """``make()`` (by default ``value``'s digest), or what it gave for a value equal to ``value``
    lately: the type of each item is part of the key (``1``, ``1.0`` and ``True`` are equal)."""
    return _memo.get(_typed(value), make or (lambda: digest(value)))


def _typed(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_typed(item) for item in value)
    return type(value), value
