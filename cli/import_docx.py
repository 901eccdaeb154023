"""``main.py import-docx FILE.docx --meeting M --issue SLUG``: a paper written in Word into an
issue note."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from cli.arguments import file_name

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "import-docx"
HELP = "bring a paper written in Word into an issue note of a meeting"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Read FILE.docx and put its text into the note of issue SLUG in meeting M (created when\n"
        "the meeting has none; an existing note is changed in one save, kept in its history).\n"
        "Headings that name a section (Background, Objectives, Their position, Talking points,\n"
        "Defensive Q&A / Anticipated asks, Red lines, Sources; any case) choose where the text\n"
        "after them goes; bold, italic, lists, tables and links become Markdown. Text under no\n"
        "such heading goes to Background, with a warning."
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("file", metavar="FILE.docx", type=file_name, help="the Word file")
    parser.add_argument("--meeting", metavar="M", required=True,
                        help="the meeting: its id or its title")
    parser.add_argument("--issue", metavar="SLUG", required=True,
                        help="the issue (its slug, as `dump` shows it; a new slug makes a new "
                             "library issue titled as the paper)")


def run(args: argparse.Namespace, services: Services) -> int:
    from briefing.vocabulary import SECTION_TITLES
    from briefing.word.service import WordService

    note, paper, created = WordService(services).import_paper(args.file, args.meeting, args.issue)
    for warning in paper.warnings:
        print(f"briefbook: warning: {args.file.name}: {warning}", file=sys.stderr)
    sections = ", ".join(SECTION_TITLES[k] for k in SECTION_TITLES if k in paper.sections) or "none"
    verb = "Created" if created else "Updated"
    print(f"{verb} the note {note.issue_title!r} (issue {note.issue_slug}) from {args.file.name}: "
          f"{sections}" + (f"; {len(paper.sources)} source(s)" if paper.sources else "") + ".")
    return 0
