"""``main.py review FILE.docx``: a returned Word file's tracked changes and comments, applied to
the note it came from as the note is now."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.arguments import file_name

if TYPE_CHECKING:
    from briefing.services import Services
    from briefing.word.records import Review

NAME = "review"
HELP = "list a returned Word file's tracked changes and comments; accept or reject them"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Read FILE.docx — a note exported with `export MEETING --notes SLUG -o FILE.docx` and\n"
        "marked up in Word — and list, per section of the note, each tracked insertion and\n"
        "deletion and each comment, with its author, date and text, one per line. A change\n"
        "is placed in the note as it is now; one whose text has moved on since the file was\n"
        "sent out is listed as a conflict, to make by hand. With --accept-all, --reject-all\n"
        "or --accept N,M… the changes are applied in one save, recorded in the note's history\n"
        "as \"review by AUTHOR (from Word)\". Comments are listed, never applied."
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("file", metavar="FILE.docx", type=file_name, help="the returned Word file")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--accept-all", action="store_true",
                        help="apply every change that applies cleanly (conflicts are listed, "
                             "not applied)")
    choice.add_argument("--reject-all", action="store_true",
                        help="apply none: the note stays as it is")
    choice.add_argument("--accept", metavar="N,M", default=None,
                        help="apply these changes (numbers as listed); the others are rejected")


def run(args: argparse.Namespace, services: Services) -> int:
    from briefing.word.service import WordService

    word = WordService(services)
    review = word.review(args.file)
    accepted: list[int] | None = None
    if args.accept is not None:
        accepted = _numbers(args.accept)
        word.proposed(review, accepted)  # an unknown or conflicting number: refused before listing
    print_review(review)
    if args.reject_all:
        count = len(review.items)
        print(f"Rejected {count} change{'' if count == 1 else 's'}; the note is unchanged.")
        return 0
    if args.accept_all:
        accepted = [i.change.number for i in review.items if not i.conflict]
    if accepted is None:
        return 0
    note = word.accept(review, accepted)
    conflicts = [i.change.number for i in review.items if i.conflict]
    if note is None:
        print("No change to apply; the note is unchanged.")
    else:
        print(f"Applied {len(accepted)} change{'' if len(accepted) == 1 else 's'} to "
              f"{note.issue_title!r} ({review.origin.meeting_title}).")
    if args.accept_all and conflicts:
        import sys

        listed = ", ".join(str(n) for n in conflicts)
        print(f"briefbook: warning: not applied (conflicts, make them by hand): {listed}",
              file=sys.stderr)
    return 0


def print_review(review: Review) -> None:
    """The changes and comments, grouped by the note's sections, one per line."""
    from briefing.vocabulary import NOTE_FIELDS, SECTION_TITLES

    o = review.origin
    print(f"{o.issue_title} — {o.meeting_title} (note {o.note_id}, sent at version "
          f"{o.note_version}; now version {review.note.version})")
    groups: list[tuple[str, list[str]]] = []
    for field in (*NOTE_FIELDS, None):
        lines = []
        for item in review.items:
            if item.change.section == field:
                c = item.change
                state = f"  CONFLICT: {item.reason}" if item.conflict else ""
                where = f" ({c.where})" if field is None else ""
                lines.append(f"  {c.number:<3} {c.kind:<10} {c.author}  {_when(c.date)}  "
                             f"{_quoted(c.text)}{where}{state}")
        for comment in review.comments:
            if comment.section == field:
                on = f" on {_quoted(comment.anchor)}" if comment.anchor else ""
                lines.append(f"  {comment.label:<3} {'comment':<10} {comment.author}  "
                             f"{_when(comment.date)} {on}: {_one_line(comment.text)}")
        if lines:
            groups.append((SECTION_TITLES.get(field, "Outside the note's text sections")
                           if field else "Outside the note's text sections", lines))
    if not groups:
        print("No tracked changes or comments.")
    for title, lines in groups:
        print(title)
        for line in lines:
            print(line)


def _numbers(text: str) -> list[int]:
    from briefing.errors import ValidationError

    out = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdecimal():
            raise ValidationError("accept", f"{part!r} is not a change number (as listed: 1, 2, …)")
        if int(part) not in out:
            out.append(int(part))
    if not out:
        raise ValidationError("accept", "name at least one change number, e.g. --accept 1,3")
    return out


def _when(date: str) -> str:
    """``2026-11-30T10:15:00Z`` → ``2026-11-30 10:15 UTC``; no date → ``(no date)``."""
    if not date:
        return "(no date)"
    text = date.replace("T", " ")
    if text.endswith("Z"):
        text = text[:-1].rsplit(":", 1)[0] + " UTC" if text.count(":") == 2 else text[:-1] + " UTC"
    return text


def _one_line(text: str) -> str:
    return " ¶ ".join(part for part in text.replace("\r", "").split("\n\n")).replace("\n", " ⏎ ")


def _quoted(text: str) -> str:
    return "“" + _one_line(text) + "”"
