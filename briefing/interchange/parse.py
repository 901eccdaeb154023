"""Read an interchange document into validated plain values, naming the JSON path of any problem.

Nothing here touches the store: a document is checked whole before anything is
written, so a bad file is refused without half-importing it. The reading of each
JSON object and value (a key given twice, a number too long for any field, the
wrong kind of value) is in ``briefing.interchange.json_objects``; the values it
reads into are in ``briefing.interchange.records``.
"""

from __future__ import annotations

from typing import Any

from briefing import validation as v
from briefing.interchange.json_objects import (
    LINE,
    MAX_DIGITS,
    REQUIRED_LINE,
    TEXT,
    InterchangeError,
    JsonObject,
    LongNumber,
    ObjectReader,
    day,
    flag,
    json_integer,
    kind,
    minutes,
    moment,
    one_of,
    optional_key,
    string_check,
)
from briefing.interchange.records import Document, IssueIn, MarkingIn, MeetingIn, NoteIn, PersonIn, QaIn
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

#: Names callers have long imported from here; they now live in ``json_objects`` and ``records``.
__all__ = ["FORMAT", "KNOWN_VERSIONS", "MAX_DIGITS", "MAX_ITEMS", "MEETING_KEYS", "NOTE_KEYS",
           "PERSON_KEYS", "QA_KEYS", "VERSION", "Document", "InterchangeError", "IssueIn", "JsonObject",
           "LongNumber", "MarkingIn", "MeetingIn", "NoteIn", "PersonIn", "QaIn", "json_integer",
           "parse_document"]

FORMAT = "briefbook"
VERSION = 1
#: The versions of the format this Briefbook reads.
KNOWN_VERSIONS = (1,)
#: The most items (meetings, agenda items, notes, sources, people…) one file imports: five times
#: a store of a thousand real meetings (some 50,000). Each item costs about 0.3 ms of processor
#: time and a few KB while the import's one transaction lasts: 100 MB of tiny items (millions)
#: would run for many minutes and take gigabytes before it failed or finished.
MAX_ITEMS = 250_000


def parse_document(doc: Any, ladder_codes: tuple[str, ...], home_timezone: str) -> Document:
    """Validate a whole document; the first problem raises ``InterchangeError`` with its path."""
    top = ObjectReader(doc, "$", ("format", "version", "issues", "people", "meetings", "exported_at",
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
    issues = [_issue(ObjectReader(raw, path, ("slug", "title", "description")))
              for path, raw in top.items("issues")]
    people = [_person(ObjectReader(raw, path, PERSON_KEYS)) for path, raw in top.items("people")]
    meetings = [_meeting(path, raw, ladder_codes, home_timezone) for path, raw in top.items("meetings")]
    _no_repeats([(i.slug, f"$.issues[{n}].slug") for n, i in enumerate(issues)], "issue slug")
    _no_repeats([(p.key, f"$.people[{n}].key") for n, p in enumerate(people)], "person key")
    _no_repeats([(m.key, f"{m.path}.key") for m in meetings if m.key], "meeting key")
    qa = [_qa(ObjectReader(raw, path, QA_KEYS)) for path, raw in top.items("qa")]
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


def _qa(o: ObjectReader) -> QaIn:
    question = o.get("question", TEXT, required=True)
    if not question.strip():
        raise InterchangeError(o.at("question"), "must not be empty")
    return QaIn(key=o.get("key", REQUIRED_LINE, required=True), issue=o.get("issue", optional_key),
                path=o.path, fields={"kind": o.get("kind", one_of(QA_KINDS)), "question": question,
                                     "answer": o.get("answer", TEXT),
                                     "status": o.get("status", one_of(QA_STATUSES))})


def _page_budget(o: ObjectReader) -> dict[str, int | None]:
    """``page_budget`` ``{full, short, defensive}`` (issue 13) as the meeting's three columns."""
    raw = o.value.get("page_budget")
    if raw is None:
        return {}
    b = ObjectReader(raw, o.at("page_budget"), TIERS)
    return {f"page_budget_{tier}": b.get(tier, _pages) for tier in TIERS}


def _pages(path: str, value: Any) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise InterchangeError(path, f"must be a whole number of pages or null, not {kind(value)}")
    return page_budget(path, value)


def _markings(top: ObjectReader) -> tuple[MarkingIn, ...] | None:
    """The file's ladder, lowest first; None when it gives none (the store's ladder stays)."""
    if "markings" not in top.value or top.value["markings"] is None:
        return None
    items = top.items("markings")
    if not items:
        raise InterchangeError(top.at("markings"), "needs at least one marking (or leave it out)")
    result: list[MarkingIn] = []
    seen: set[str] = set()
    for path, raw in items:
        o = ObjectReader(raw, path, ("code", "name"))
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


def _issue(o: ObjectReader) -> IssueIn:
    return IssueIn(slug=o.get("slug", REQUIRED_LINE, required=True),
                   title=o.get("title", REQUIRED_LINE, required=True),
                   description=o.get("description", TEXT))


PERSON_KEYS = ("key", "name", "native_name", "title", "organization", "bio", "name_order")


def _person(o: ObjectReader) -> PersonIn:
    return PersonIn(
        key=o.get("key", REQUIRED_LINE, required=True),
        name=o.get("name", REQUIRED_LINE, required=True),
        fields={"native_name": o.get("native_name", LINE), "title": o.get("title", LINE),
                "organization": o.get("organization", LINE), "bio": o.get("bio", TEXT),
                "name_order": o.get("name_order", one_of(NAME_ORDERS))},
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
    o = ObjectReader(raw, path, MEETING_KEYS)
    fields: dict[str, Any] = {
        "title": o.get("title", REQUIRED_LINE, required=True),
        "round_no": o.get("round", _round),
        "counterpart": o.get("counterpart", LINE),
        "location": o.get("location", LINE),
        "starts_at": o.get("starts_at", moment(True), required=True),
        "ends_at": o.get("ends_at", moment(False)),
        "timezone": o.get("timezone", string_check(v.timezone)),
        "home_timezone": o.get("home_timezone", string_check(lambda p, x: v.timezone(p, x, home_tz))),
        "status": o.get("status", one_of(MEETING_STATUSES)),
        "sensitivity": o.get("sensitivity", one_of(ladder_codes)),
        "objectives": o.get("objectives", TEXT),
        "principal": o.get("principal", LINE),
        "prepared_by": o.get("prepared_by", LINE),
        "is_sample": o.get("sample", flag),
        **{name: o.get(name, LINE) for name in ("classified_by", "classification_reason", "declassify_on")},
        **_page_budget(o),
    }
    if fields["ends_at"] is not None and fields["ends_at"] < fields["starts_at"]:
        raise InterchangeError(o.at("ends_at"), "the meeting ends before it starts")
    meeting = MeetingIn(key=o.get("key", optional_key), previous=o.get("previous", optional_key),
                        path=path, fields=fields)
    for item_path, item in o.items("agenda"):
        a = ObjectReader(item, item_path, ("title", "minutes", "lead", "issue", "status", "outcome",
                                      *RECORD_KEYS, *SCENARIO_KEYS))
        meeting.agenda.append((item_path, a.get("issue", optional_key), {
            "title": a.get("title", LINE),
            "minutes": a.get("minutes", minutes), "lead": a.get("lead", LINE),
            "status": a.get("status", one_of(AGENDA_STATUSES)), "outcome": a.get("outcome", TEXT),
            **{name: a.get(name, TEXT) for name in RECORD_KEYS},
            "speaker_ours": a.get("speaker_ours", LINE), "speaker_theirs": a.get("speaker_theirs", LINE),
            "press": a.get("press", one_of(PRESS_MODES)), "points": a.get("points", TEXT),
        }))
    for note_path, item in o.items("notes"):
        meeting.notes.append(_note(ObjectReader(item, note_path, NOTE_KEYS)))
    for part_path, item in o.items("participants"):
        p = ObjectReader(item, part_path, ("person", "side", "role", "capacity"))
        meeting.participants.append((part_path, p.get("person", REQUIRED_LINE, required=True), {
            "side": p.get("side", one_of(SIDES)), "role": p.get("role", LINE),
            "capacity": p.get("capacity", one_of(CAPACITIES)),
        }))
    for act_path, item in o.items("actions"):
        a = ObjectReader(item, act_path, ("text", "owner", "due", "status", "issue"))
        meeting.actions.append((act_path, a.get("issue", optional_key), {
            "text": a.get("text", TEXT), "owner": a.get("owner", LINE), "due": a.get("due", day),
            "status": a.get("status", one_of(ACTION_STATUSES)),
        }))
    for pos_path, item in o.items("positions"):
        p = ObjectReader(item, pos_path, ("issue", "ours", "theirs", "state"))
        meeting.positions.append((pos_path, p.get("issue", REQUIRED_LINE, required=True), {
            "ours": p.get("ours", TEXT), "theirs": p.get("theirs", TEXT),
            "state": p.get("state", one_of(POSITION_STATES)),
        }))
    return meeting


def _round(path: str, value: Any) -> int:
    return 1 if value is None else v.round_number(path, value)


NOTE_KEYS = ("issue", *NOTE_FIELDS, "status", "priority", "owner", "sources", "tier", "qa")


def _priority(path: str, value: Any) -> str:
    return one_of(PRIORITIES)(path, value) if value not in (None, "") else DEFAULT_PRIORITY


def _note(o: ObjectReader) -> NoteIn:
    fields: dict[str, Any] = {name: o.get(name, TEXT) for name in NOTE_FIELDS}
    fields |= {"status": o.get("status", one_of(NOTE_STATUSES)),
               "priority": o.get("priority", _priority), "owner": o.get("owner", LINE),
               "tier": o.get("tier", one_of(TIERS))}
    sources = []
    for src_path, raw in o.items("sources"):
        s = ObjectReader(raw, src_path, ("title", "publisher", "date", "url"))
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
