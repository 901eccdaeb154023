"""Release copies of an interchange document: ``main.py dump --up-to``.

``release_document`` does to a JSON document what ``briefing.markings.release``
does to a brief: every portion marked above the marking is gone. Each meeting's
fields take that meeting's sensitivity as the default; bios and issue
descriptions, which belong to no one meeting, take the highest sensitivity of the
meetings that use them (the top of the ladder when none does). A note, agenda
item, action, Q&A entry or position that lost every portion is dropped; an item
about a dropped note's issue no longer names it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefing.markings.ladder import Ladder
from briefing.markings.portions import highest
from briefing.markings.withholding import (
    AGENDA_TEXT,
    POSITION_TEXT,
    QA_TEXT,
    WITHHELD_SOURCE,
    Withholding,
    capped,
    check_up_to,
    withheld_sources,
)
from briefing.vocabulary import NOTE_FIELDS


def release_document(doc: dict[str, Any], up_to: str, ladder: Ladder) -> tuple[dict[str, Any], int]:
    """An interchange document (``dump_document``'s) released up to ``up_to``, and how many
    portions were withheld (see the module docstring for the defaults of shared text)."""
    check_up_to(up_to, ladder)
    top = ladder.codes[-1]
    withheld = 0

    def keep(text: str, default: str) -> tuple[str, bool]:
        nonlocal withheld
        if not isinstance(text, str):
            return text, False
        counter = Withholding(up_to, default, ladder)
        kept, lost = counter.keep(text)
        withheld += counter.withheld
        return kept, lost

    uses_person: dict[str, list[str]] = {}
    uses_issue: dict[str, list[str]] = {}
    uses_entry: dict[str, list[str]] = {}
    for m in doc.get("meetings", []):
        marking = m.get("sensitivity", top)
        for p in m.get("participants", []):
            uses_person.setdefault(p.get("person"), []).append(marking)
        for n in m.get("notes", []):
            uses_issue.setdefault(n.get("issue"), []).append(marking)
            for key in n.get("qa") or []:
                uses_entry.setdefault(key, []).append(marking)

    meetings = []
    kept_issues: set[str] = set()
    dropped_issues: set[str] = set()
    for m in doc.get("meetings", []):
        default = m.get("sensitivity", top)
        meeting = dict(m)
        meeting["objectives"], _ = keep(m.get("objectives", ""), default)
        notes = []
        for n in m.get("notes", []):
            note, lost = _released_item(n, NOTE_FIELDS, default, keep)
            if lost:
                dropped_issues.add(n.get("issue"))
                continue
            kept_issues.add(n.get("issue"))
            gone = withheld_sources([n.get(f, "") for f in NOTE_FIELDS],
                                    [note.get(f, "") for f in NOTE_FIELDS])
            if gone and isinstance(n.get("sources"), list):
                note["sources"] = [{**src, **WITHHELD_SOURCE} if i in gone else src
                                   for i, src in enumerate(n["sources"], 1)]
            notes.append(note)
        meeting["notes"] = notes
        gone = {n.get("issue") for n in m.get("notes", [])} - {n.get("issue") for n in notes}
        meeting["agenda"] = _kept_items(m.get("agenda", []), AGENDA_TEXT, gone, default, keep)
        meeting["actions"] = _kept_items(m.get("actions", []), ("text",), gone, default, keep)
        if "positions" in m:
            meeting["positions"] = [p for p in _kept_items(m["positions"], POSITION_TEXT, set(),
                                                           default, keep) if p.get("issue") not in gone]
            if not meeting["positions"]:  # as a dump leaves an empty list out
                del meeting["positions"]
        meeting["sensitivity"] = capped(default, up_to, ladder)
        meetings.append(meeting)
    referenced = {x.get("issue") for m in meetings
                  for x in (*m["agenda"], *m["actions"], *m.get("positions", []))}
    withdrawn = dropped_issues - kept_issues - referenced

    out = {**doc, "meetings": meetings}
    if "qa" in doc:
        entries = []
        for entry in doc["qa"]:
            if entry.get("issue") in withdrawn:
                continue
            default = highest(uses_entry.get(entry.get("key"), [top]), ladder)
            released_entry, lost = _released_item(entry, QA_TEXT, default, keep)
            if not lost:
                entries.append(released_entry)
        out["qa"] = entries
        if not entries:  # as a dump leaves an empty bank out
            del out["qa"]
        kept_keys = {e.get("key") for e in entries}
        for meeting in meetings:
            for note in meeting["notes"]:
                if "qa" in note:
                    note["qa"] = [k for k in note["qa"] if k in kept_keys]
                    if not note["qa"]:
                        del note["qa"]
    issues = []
    for issue in doc.get("issues", []):
        if issue.get("slug") in withdrawn:
            continue
        default = highest(uses_issue.get(issue.get("slug"), [top]), ladder)
        issues.append({**issue, "description": keep(issue.get("description", ""), default)[0]})
    people = []
    for person in doc.get("people", []):
        default = highest(uses_person.get(person.get("key"), [top]), ladder)
        people.append({**person, "bio": keep(person.get("bio", ""), default)[0]})
    out["issues"], out["people"] = issues, people
    return out, withheld


def _released_item(item: dict[str, Any], fields: Iterable[str], default: str,
                   keep) -> tuple[dict[str, Any], bool]:
    """``item`` with its Markdown ``fields`` released, and whether it lost everything."""
    released = dict(item)
    lost_any = False
    for name in fields:
        if name in item:
            released[name], lost = keep(item[name], default)
            lost_any = lost_any or lost
    emptied = not any(isinstance(released.get(n), str) and released[n].strip() for n in fields)
    return released, lost_any and emptied


def _kept_items(items: list[dict[str, Any]], fields: tuple[str, ...], gone: set[str], default: str,
                keep) -> list[dict[str, Any]]:
    """Agenda items, actions or positions with ``fields`` released: one that lost all of them is
    dropped, and one about an issue whose note was withheld no longer names it."""
    out = []
    for item in items:
        released, lost = _released_item(item, fields, default, keep)
        if lost:
            continue
        if released.get("issue") in gone:
            released["issue"] = None
        out.append(released)
    return out
