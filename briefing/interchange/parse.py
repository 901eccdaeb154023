"""Read an interchange document into validated plain values, naming the JSON path of any problem.

Nothing here touches the store: a document is checked whole before anything is
written, so a bad file is refused without half-importing it. ``read_json`` reads
objects as :class:`JsonObject` (which remembers a key given twice) and integers
too long for any field as :class:`LongNumber`, so both are refused here with
their path.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from briefing import validation as v
from briefing.errors import ValidationError
from briefing.positions.records import STATES as POSITION_STATES
from briefing.tiers.budget import page_budget
from briefing.vocabulary import (
    ACTION_STATUSES,
    AGENDA_STATUSES,
    CAPACITIES,
    DEFAULT_PRIORITY,
    MEETING_STATUSES,
    NAME_ORDERS,
    NOTE_FIELDS,
    NOTE_STATUSES,
    PRESS_MODES,
    PRIORITIES,
    QA_KINDS,
    QA_STATUSES,
    SIDES,
    TIERS,
)

FORMAT = "briefbook"
VERSION = 1
#: The versions of the format this Briefbook reads.
KNOWN_VERSIONS = (1,)
#: Integers with more digits than this are kept as ``LongNumber`` (no field takes one).
MAX_DIGITS = 30
#: The most items (meetings, agenda items, notes, sources, people…) one file imports: five times
#: a store of a thousand real meetings (some 50,000). Each item costs about 0.3 ms of processor
#: time and a few KB while the import's one transaction lasts: 100 MB of tiny items (millions)
#: would run for many minutes and take gigabytes before it failed or finished.
MAX_ITEMS = 250_000


class JsonObject(dict):
    """A JSON object as ``read_json`` reads it; ``repeated`` is a key it gives twice, if any."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.repeated: str | None = None
        if len(self) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.repeated = key
                    break
                seen.add(key)


class LongNumber:
    """An integer of more than ``MAX_DIGITS`` digits in a JSON file, kept unconverted."""

    __slots__ = ("digits",)

    def __init__(self, text: str) -> None:
        self.digits = len(text.lstrip("-"))


def json_integer(text: str) -> int | LongNumber:
    """An integer of a JSON file (``parse_int``): never converts thousands of digits."""
    return int(text) if len(text) <= MAX_DIGITS else LongNumber(text)


class InterchangeError(ValidationError):
    """A document that cannot be imported; ``field`` is the JSON path of the first problem."""


@dataclass
class IssueIn:
    slug: str
    title: str
    description: str


@dataclass
class PersonIn:
    key: str
    name: str
    fields: dict[str, str]


@dataclass
class NoteIn:
    issue: str
    path: str
    fields: dict[str, Any]
    sources: list[dict[str, str]]
    #: ``(path, key)`` of each Q&A bank entry the note uses, in order (issue 13).
    qa: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class QaIn:
    """A Q&A bank entry of the file (issue 13): matched on import by ``key``, like a person."""

    key: str
    issue: str | None
    path: str
    fields: dict[str, Any]


@dataclass
class MeetingIn:
    key: str | None
    previous: str | None
    path: str
    fields: dict[str, Any]
    agenda: list[tuple[str, str | None, dict[str, Any]]] = field(default_factory=list)
    notes: list[NoteIn] = field(default_factory=list)
    participants: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    actions: list[tuple[str, str | None, dict[str, Any]]] = field(default_factory=list)
    #: ``(path, issue slug, {ours, theirs, state})`` per position (issue 12).
    positions: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class Document:
    issues: list[IssueIn]
    people: list[PersonIn]
    meetings: list[MeetingIn]
    #: The file's marking ladder (``markings``, lowest first; issue 11), None when it gives none.
    markings: tuple[MarkingIn, ...] | None = None
    #: The Q&A bank entries of the file (``qa``; issue 13).
    qa: list[QaIn] = field(default_factory=list)


@dataclass(frozen=True)
class MarkingIn:
    """One step of a file's ladder: ``{code, name}``."""

    code: str
    name: str


class _Object:
    """One JSON object being read, with its path for messages."""

    def __init__(self, value: Any, path: str, known: tuple[str, ...]) -> None:
        if not isinstance(value, dict):
            raise InterchangeError(path, f"must be an object, not {_kind(value)}")
        repeated = getattr(value, "repeated", None)
        if repeated is not None:
            raise InterchangeError(_member(path, repeated), "is given twice in this object")
        unknown = [k for k in value if k not in known]
        if unknown:
            raise InterchangeError(_member(path, unknown[0]), "is not a field of this object")
        self.value = value
        self.path = path

    def at(self, name: str) -> str:
        return f"{self.path}.{name}"

    def get(self, name: str, check: Callable[[str, Any], Any], *, required: bool = False) -> Any:
        if name not in self.value or self.value[name] is None:
            if required:
                raise InterchangeError(self.at(name), "is required")
            return check(self.at(name), None)
        raw = self.value[name]
        if isinstance(raw, LongNumber):
            raise InterchangeError(self.at(name), f"is a number of {raw.digits:,} digits, too large "
                                                  "for any field")
        try:
            return check(self.at(name), raw)
        except InterchangeError:
            raise
        except ValidationError as error:
            raise InterchangeError(self.at(name), error.message) from None

    def items(self, name: str) -> list[tuple[str, Any]]:
        raw = self.value.get(name)
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise InterchangeError(self.at(name), f"must be a list, not {_kind(raw)}")
        return [(f"{self.at(name)}[{i}]", item) for i, item in enumerate(raw)]


def _member(path: str, key: str) -> str:
    """``$.meetings[0].title``; a key that is not a plain name is quoted (``$["a\\nb"]``), so a
    message naming it stays one line."""
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    return {list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number",
            LongNumber: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _string(check: Callable[..., Any], **kw: Any) -> Callable[[str, Any], Any]:
    def read(path: str, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise InterchangeError(path, f"must be text, not {_kind(value)}")
        return check(path, value, **kw)
    return read


TEXT = _string(v.text)
LINE = _string(v.line)
REQUIRED_LINE = _string(v.line, required=True)


def _one_of(allowed: tuple[str, ...]) -> Callable[[str, Any], str]:
    return _string(lambda p, x: v.choice(p, x, allowed))


def _minutes(path: str, value: Any) -> int:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise InterchangeError(path, f"must be a whole number of minutes, not {_kind(value)}")
    return v.minutes(path, value)


def _moment(required: bool) -> Callable[[str, Any], datetime | None]:
    return _string(lambda p, x: v.moment(p, x, required=required))


def _day(path: str, value: Any) -> date | None:
    return _string(v.day)(path, value)


def _optional_key(path: str, value: Any) -> str | None:
    return LINE(path, value) or None


def parse_document(doc: Any, ladder_codes: tuple[str, ...], home_timezone: str) -> Document:
    """Validate a whole document; the first problem raises ``InterchangeError`` with its path."""
    top = _Object(doc, "$", ("format", "version", "issues", "people", "meetings", "exported_at",
                             "markings", "qa"))
    if top.value.get("format") != FORMAT:
        raise InterchangeError("$.format", f'must be "{FORMAT}"')
    version = top.value.get("version")
    # type() and not ==: true == 1 and 1.0 == 1 in Python, and neither is a version.
    if type(version) is not int or version not in KNOWN_VERSIONS:
        raise InterchangeError("$.version", f"must be {VERSION} (this Briefbook reads version {VERSION})")
    _not_too_many_items(top.value)
    markings = _markings(top)
    if markings is not None:
        ladder_codes = tuple(m.code for m in markings)  # the file's meetings are marked on its ladder
    issues = [_issue(_Object(raw, path, ("slug", "title", "description")))
              for path, raw in top.items("issues")]
    people = [_person(_Object(raw, path, PERSON_KEYS)) for path, raw in top.items("people")]
    meetings = [_meeting(path, raw, ladder_codes, home_timezone) for path, raw in top.items("meetings")]
    _no_repeats([(i.slug, f"$.issues[{n}].slug") for n, i in enumerate(issues)], "issue slug")
    _no_repeats([(p.key, f"$.people[{n}].key") for n, p in enumerate(people)], "person key")
    _no_repeats([(m.key, f"{m.path}.key") for m in meetings if m.key], "meeting key")
    qa = [_qa(_Object(raw, path, QA_KEYS)) for path, raw in top.items("qa")]
    _no_repeats([(q.key, f"{q.path}.key") for q in qa], "Q&A entry key")
    _no_loops(meetings)
    return Document(issues=issues, people=people, meetings=meetings, markings=markings, qa=qa)


QA_KEYS = ("key", "issue", "kind", "question", "answer", "status")
#: The lists of items at each level of a document, counted by ``_not_too_many_items``.
_TOP_LISTS = ("markings", "issues", "people", "qa", "meetings")
_MEETING_LISTS = ("agenda", "notes", "participants", "actions", "positions")
_NOTE_LISTS = ("sources", "qa")


def _not_too_many_items(doc: dict) -> None:
    """Refuse a document of more than ``MAX_ITEMS`` items, at the item past the limit, before
    any is read (lists of the wrong type are left for the checks that follow)."""
    count = 0

    def add(items: Any, path: str) -> list:
        nonlocal count
        if not isinstance(items, list):
            return []
        if count + len(items) > MAX_ITEMS:
            raise InterchangeError(f"{path}[{MAX_ITEMS - count}]",
                                   f"the file holds more than {MAX_ITEMS:,} items (meetings, agenda "
                                   "items, notes, people…), the most one import takes; split it "
                                   "into several files")
        count += len(items)
        return items

    for name in _TOP_LISTS:
        for n, item in enumerate(add(doc.get(name), f"$.{name}")):
            if name != "meetings" or not isinstance(item, dict):
                continue
            meeting = item
            for part in _MEETING_LISTS:
                for k, note in enumerate(add(meeting.get(part), f"$.meetings[{n}].{part}")):
                    if part == "notes" and isinstance(note, dict):
                        for sub in _NOTE_LISTS:
                            add(note.get(sub), f"$.meetings[{n}].notes[{k}].{sub}")


def _qa(o: _Object) -> QaIn:
    question = o.get("question", TEXT, required=True)
    if not question.strip():
        raise InterchangeError(o.at("question"), "must not be empty")
    return QaIn(key=o.get("key", REQUIRED_LINE, required=True), issue=o.get("issue", _optional_key),
                path=o.path, fields={"kind": o.get("kind", _one_of(QA_KINDS)), "question": question,
                                     "answer": o.get("answer", TEXT),
                                     "status": o.get("status", _one_of(QA_STATUSES))})


def _page_budget(o: _Object) -> dict[str, int | None]:
    """``page_budget`` ``{full, short, defensive}`` (issue 13) as the meeting's three columns."""
    raw = o.value.get("page_budget")
    if raw is None:
        return {}
    b = _Object(raw, o.at("page_budget"), TIERS)
    return {f"page_budget_{tier}": b.get(tier, _pages) for tier in TIERS}


def _pages(path: str, value: Any) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise InterchangeError(path, f"must be a whole number of pages or null, not {_kind(value)}")
    return page_budget(path, value)


def _markings(top: _Object) -> tuple[MarkingIn, ...] | None:
    """The file's ladder, lowest first; None when it gives none (the store's ladder stays)."""
    if "markings" not in top.value or top.value["markings"] is None:
        return None
    items = top.items("markings")
    if not items:
        raise InterchangeError(top.at("markings"), "needs at least one marking (or leave it out)")
    result: list[MarkingIn] = []
    seen: set[str] = set()
    for path, raw in items:
        o = _Object(raw, path, ("code", "name"))
        code = o.get("code", REQUIRED_LINE, required=True)
        if any(c.isspace() or c in "()" for c in code):
            raise InterchangeError(o.at("code"), f"“{code}” must not contain spaces or parentheses")
        if len(code) > 24:
            raise InterchangeError(o.at("code"), "is longer than 24 characters")
        if code in seen:
            raise InterchangeError(o.at("code"), f"“{code}” is on the ladder twice")
        seen.add(code)
        result.append(MarkingIn(code, o.get("name", LINE) or code.upper()))
    return tuple(result)


def _no_repeats(values: list[tuple[str, str]], what: str) -> None:
    seen: set[str] = set()
    for value, path in values:
        if value in seen:
            raise InterchangeError(path, f"{what} {value!r} appears twice in this file")
        seen.add(value)


def _no_loops(meetings: list[MeetingIn]) -> None:
    """No meeting is its own previous round, nor are two or more each other's."""
    by_key = {m.key: m for m in meetings if m.key}
    order = {id(m): n for n, m in enumerate(meetings)}
    done: set[str] = set()
    for m in meetings:
        chain: list[MeetingIn] = []
        on_chain: dict[int, int] = {}  # id() of a meeting → its place in the chain
        at: MeetingIn | None = m
        while at is not None and at.key and at.key not in done:
            if id(at) in on_chain:
                _loop_found(chain[on_chain[id(at)]:], order)
            on_chain[id(at)] = len(chain)
            chain.append(at)
            at = by_key.get(at.previous) if at.previous else None
        done.update(x.key for x in chain if x.key)


def _loop_found(loop: list[MeetingIn], order: dict[int, int]) -> None:
    first = min(loop, key=lambda x: order[id(x)])  # named at the loop's first meeting in the file
    if len(loop) == 1:
        raise InterchangeError(f"{first.path}.previous",
                               "names the meeting itself; a meeting cannot be its own previous round")
    start = next(i for i, x in enumerate(loop) if x is first)
    names = " → ".join(repr(x.key) for x in [*loop[start:], *loop[:start], first])
    raise InterchangeError(f"{first.path}.previous", f"makes a loop of previous rounds: {names}")


def _issue(o: _Object) -> IssueIn:
    return IssueIn(slug=o.get("slug", REQUIRED_LINE, required=True),
                   title=o.get("title", REQUIRED_LINE, required=True),
                   description=o.get("description", TEXT))


PERSON_KEYS = ("key", "name", "native_name", "title", "organization", "bio", "name_order")


def _person(o: _Object) -> PersonIn:
    return PersonIn(
        key=o.get("key", REQUIRED_LINE, required=True),
        name=o.get("name", REQUIRED_LINE, required=True),
        fields={"native_name": o.get("native_name", LINE), "title": o.get("title", LINE),
                "organization": o.get("organization", LINE), "bio": o.get("bio", TEXT),
                "name_order": o.get("name_order", _one_of(NAME_ORDERS))},
    )


MEETING_KEYS = ("key", "previous", "sample", "title", "round", "counterpart", "location", "starts_at",
                "ends_at", "timezone", "home_timezone", "status", "sensitivity", "objectives",
                "principal", "prepared_by", "agenda", "notes", "participants", "actions", "positions",
                *("classified_by", "classification_reason", "declassify_on"), "page_budget")
#: The meeting record of an agenda item (issue 12): optional, Markdown.
RECORD_KEYS = ("record", "agreed", "open_points")
#: The scenario of an agenda item (issue 13): optional.
SCENARIO_KEYS = ("speaker_ours", "speaker_theirs", "press", "points")


def _meeting(path: str, raw: Any, ladder_codes: tuple[str, ...], home_tz: str) -> MeetingIn:
    o = _Object(raw, path, MEETING_KEYS)
    fields: dict[str, Any] = {
        "title": o.get("title", REQUIRED_LINE, required=True),
        "round_no": o.get("round", _round),
        "counterpart": o.get("counterpart", LINE),
        "location": o.get("location", LINE),
        "starts_at": o.get("starts_at", _moment(True), required=True),
        "ends_at": o.get("ends_at", _moment(False)),
        "timezone": o.get("timezone", _string(v.timezone)),
        "home_timezone": o.get("home_timezone", _string(lambda p, x: v.timezone(p, x, home_tz))),
        "status": o.get("status", _one_of(MEETING_STATUSES)),
        "sensitivity": o.get("sensitivity", _one_of(ladder_codes)),
        "objectives": o.get("objectives", TEXT),
        "principal": o.get("principal", LINE),
        "prepared_by": o.get("prepared_by", LINE),
        "is_sample": o.get("sample", _flag),
        **{name: o.get(name, LINE) for name in ("classified_by", "classification_reason", "declassify_on")},
        **_page_budget(o),
    }
    if fields["ends_at"] is not None and fields["ends_at"] < fields["starts_at"]:
        raise InterchangeError(o.at("ends_at"), "the meeting ends before it starts")
    meeting = MeetingIn(key=o.get("key", _optional_key), previous=o.get("previous", _optional_key),
                        path=path, fields=fields)
    for item_path, item in o.items("agenda"):
        a = _Object(item, item_path, ("title", "minutes", "lead", "issue", "status", "outcome",
                                      *RECORD_KEYS, *SCENARIO_KEYS))
        meeting.agenda.append((item_path, a.get("issue", _optional_key), {
            "title": a.get("title", LINE),
            "minutes": a.get("minutes", _minutes), "lead": a.get("lead", LINE),
            "status": a.get("status", _one_of(AGENDA_STATUSES)), "outcome": a.get("outcome", TEXT),
            **{name: a.get(name, TEXT) for name in RECORD_KEYS},
            "speaker_ours": a.get("speaker_ours", LINE), "speaker_theirs": a.get("speaker_theirs", LINE),
            "press": a.get("press", _one_of(PRESS_MODES)), "points": a.get("points", TEXT),
        }))
    for note_path, item in o.items("notes"):
        meeting.notes.append(_note(_Object(item, note_path, NOTE_KEYS)))
    for part_path, item in o.items("participants"):
        p = _Object(item, part_path, ("person", "side", "role", "capacity"))
        meeting.participants.append((part_path, p.get("person", REQUIRED_LINE, required=True), {
            "side": p.get("side", _one_of(SIDES)), "role": p.get("role", LINE),
            "capacity": p.get("capacity", _one_of(CAPACITIES)),
        }))
    for act_path, item in o.items("actions"):
        a = _Object(item, act_path, ("text", "owner", "due", "status", "issue"))
        meeting.actions.append((act_path, a.get("issue", _optional_key), {
            "text": a.get("text", TEXT), "owner": a.get("owner", LINE), "due": a.get("due", _day),
            "status": a.get("status", _one_of(ACTION_STATUSES)),
        }))
    for pos_path, item in o.items("positions"):
        p = _Object(item, pos_path, ("issue", "ours", "theirs", "state"))
        meeting.positions.append((pos_path, p.get("issue", REQUIRED_LINE, required=True), {
            "ours": p.get("ours", TEXT), "theirs": p.get("theirs", TEXT),
            "state": p.get("state", _one_of(POSITION_STATES)),
        }))
    return meeting


def _flag(path: str, value: Any) -> bool:
    if value is not None and not isinstance(value, bool):
        raise InterchangeError(path, f"must be true or false, not {_kind(value)}")
    return bool(value)


def _round(path: str, value: Any) -> int:
    return 1 if value is None else v.round_number(path, value)


NOTE_KEYS = ("issue", *NOTE_FIELDS, "status", "priority", "owner", "sources", "tier", "qa")


def _priority(path: str, value: Any) -> str:
    return _one_of(PRIORITIES)(path, value) if value not in (None, "") else DEFAULT_PRIORITY


def _note(o: _Object) -> NoteIn:
    fields: dict[str, Any] = {name: o.get(name, TEXT) for name in NOTE_FIELDS}
    fields |= {"status": o.get("status", _one_of(NOTE_STATUSES)),
               "priority": o.get("priority", _priority), "owner": o.get("owner", LINE),
               "tier": o.get("tier", _one_of(TIERS))}
    sources = []
    for src_path, raw in o.items("sources"):
        s = _Object(raw, src_path, ("title", "publisher", "date", "url"))
        sources.append({"title": s.get("title", LINE),
                        "publisher": s.get("publisher", LINE), "date": s.get("date", LINE),
                        "url": s.get("url", LINE)})
    qa: list[tuple[str, str]] = []
    for qa_path, raw in o.items("qa"):
        key = REQUIRED_LINE(qa_path, raw)
        if any(key == k for _, k in qa):
            raise InterchangeError(qa_path, f"Q&A entry {key!r} appears twice in this note")
        qa.append((qa_path, key))
    return NoteIn(issue=o.get("issue", REQUIRED_LINE, required=True), path=o.path,
                  fields=fields, sources=sources, qa=qa)
