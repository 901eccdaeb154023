"""``main.py export MEETING -o brief.pdf``: write a meeting's briefing book as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.pdf.options import SECTION_IDS, SECTIONS

if TYPE_CHECKING:
    from briefing.services import Services

NAME = "export"
HELP = "write a meeting's briefing book as a PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write the briefing book of MEETING (its id or title, as `meetings` lists them) to a PDF.\n"
        "The file is written only when complete; warnings (e.g. characters no shipped font\n"
        "has) go to standard error."
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = "sections:\n" + "\n".join(f"  {name:<14}{what}" for name, what in SECTIONS)
    parser.add_argument("meeting", metavar="MEETING", help="the meeting: its id or its title")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, required=True,
                        help="where to write the PDF (FILE.docx: a Word file; the format "
                        "follows the suffix)")
    parser.add_argument("--sections", metavar="LIST", default=",".join(SECTION_IDS),
                        help="comma-separated sections to include (default: all; listed below; "
                        "the summary prints when the meeting has issue notes)")
    parser.add_argument("--notes", metavar="SLUGS", default=None,
                        help="comma-separated issues (slugs, as `dump` shows them) whose notes go "
                        "into the book: papers, changes and summary (default: every issue)")
    parser.add_argument("--paper", choices=("a4", "letter"), default=None,
                        help="paper size (default: the system locale's, Letter in the US, else A4)")
    parser.add_argument("--watermark", metavar="TEXT", default="",
                        help="a diagonal watermark on every page, e.g. DRAFT")
    parser.add_argument("--password-stdin", action="store_true",
                        help="protect the file (AES-256) with a password read from the first line "
                        "of standard input")
    parser.add_argument("--up-to", metavar="CODE", default=None,
                        help="a release copy: leave out every portion marked above CODE (a code "
                        "of the marking ladder, e.g. U); the cover says how many were withheld")
    copies = parser.add_mutually_exclusive_group()
    copies.add_argument("--recipients", metavar="FILE", type=Path, default=None,
                        help="numbered copies: one book per name in FILE (one a line), written "
                        "beside -o as NAME-01.pdf, NAME-02.pdf, … each page saying 'Copy n of N — "
                        "Name', with a register NAME.register.csv (copy, recipient, file, SHA-256)")
    copies.add_argument("--copies", metavar="N", type=int, default=None,
                        help="numbered copies as --recipients, without names")
    parser.add_argument("--record", action="store_true",
                        help="write the meeting record instead of the book: date, place, people, per "
                        "agenda item what was said, agreed and left open, the actions, the positions "
                        "that moved")
    parser.add_argument("--jobs", metavar="N", type=_jobs, default=None,
                        help="processes that lay a long book out at once (default: one per "
                        "processor; 1: this process alone)")


def run(args: argparse.Namespace, services: Services) -> int:
    import sys

    from briefing.brief.select import check_notes, parse_notes
    from briefing.errors import ValidationError
    from briefing.output import check_target
    from briefing.pdf.options import BookOptions, default_paper, parse_sections
    from briefing.pdf.render import render_pdf

    to_stdout = str(args.output) == "-"
    if not to_stdout:
        check_target(args.output)  # refused before the book is laid out, not after
    password = None
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line.removesuffix("\n").removesuffix("\r")
        if not password:
            raise ValidationError("password", "the first line of standard input is empty")
    options = BookOptions(sections=parse_sections(args.sections),
                          paper=args.paper or default_paper(), watermark=args.watermark,
                          password=password,
                          notes=None if getattr(args, "notes", None) is None else parse_notes(args.notes),
                          up_to=getattr(args, "up_to", None))
    if options.up_to is not None:
        from briefing.markings.release import check_up_to

        check_up_to(options.up_to, services.config.ladder)  # before the meeting is read
    meeting = services.meetings.resolve(args.meeting)
    brief = services.briefs.load(meeting.id)
    if getattr(args, "record", False):
        if not to_stdout and args.output.suffix.lower() == ".docx":
            raise ValidationError("output", "the meeting record is written as a PDF: name a .pdf file")
        return _record(args, services, brief, options, to_stdout)
    check_notes(brief, options.notes)  # an unknown issue: one line, before any layout
    numbered = getattr(args, "recipients", None) is not None or getattr(args, "copies", None) is not None
    if numbered and args.output.suffix.lower() == ".docx":
        raise ValidationError("output", "numbered copies are PDFs: name a .pdf file")
    if not to_stdout and args.output.suffix.lower() == ".docx":  # the format follows the suffix
        from briefing.word.service import WordService

        if password is not None:
            raise ValidationError("password-stdin", "Word files are written without a password")
        result = WordService(services).write(brief, options, args.output)
        what = "one note, for clearance" if result.origin else f"{result.notes} issue note(s)"
        print(f"Wrote a Word file ({what}) to {args.output}.")
        return 0
    if args.jobs is None:
        from briefing.pdf.parallel import default_jobs

        args.jobs = default_jobs()
    if numbered:
        return _numbered_copies(args, services, brief, options)
    # the collector paused during layout: this process does nothing else meanwhile
    result = render_pdf(brief, options,
                        sys.stdout.buffer if to_stdout else args.output,
                        ladder=services.config.ladder, jobs=args.jobs, pause_collector=True)
    for warning in result.warnings:
        print(f"briefbook: warning: {warning}", file=sys.stderr)
    if to_stdout:
        sys.stdout.flush()
        print(f"Wrote {result.pages} page(s) to standard output.", file=sys.stderr)
    else:
        print(f"Wrote {result.pages} page(s) to {args.output}.")
    if getattr(args, "own_process", False):
        exit_at_once(services)
    return 0


def exit_at_once(services: Services) -> None:
    """End this process now that the book is on disk: output flushed, the store closed, then
    ``os._exit(0)``, without the interpreter's shutdown.

    That shutdown frees, module by module and cycle by cycle, everything a long export made (the
    fonts, ReportLab's and SQLAlchemy's modules): about 0.2 s after the file is written, for
    nothing the user sees. Only for a command line's own process (``args.own_process``, which
    ``main.main`` sets when it reads the process's own arguments), never for a call in a process
    that goes on (tests, benchmarks). A flush that fails (a reader gone, a full disk) raises here,
    before anything ends, and is reported as any other command's.
    """
    import logging
    import os
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    services.close()
    logging.shutdown()
    os._exit(0)


def _numbered_copies(args: argparse.Namespace, services: Services, brief, options) -> int:
    """``--recipients FILE`` / ``--copies N``: the book laid out once, one stamped copy each."""
    import sys

    from briefing.errors import ValidationError
    from briefing.pdf.copies import check_copies, read_recipients, write_copies

    if str(args.output) == "-":
        raise ValidationError("output", "numbered copies are files beside -o: name one, not '-'")
    who = read_recipients(args.recipients) if args.recipients is not None else check_copies(args.copies)
    result = write_copies(brief, options, args.output, who, ladder=services.config.ladder, jobs=args.jobs)
    assert result is not None  # nothing cancels a command-line export
    for warning in result.warnings:
        print(f"briefbook: warning: {warning}", file=sys.stderr)
    first, last = result.copies[0].path, result.copies[-1].path
    print(f"Wrote {len(result.copies)} numbered copies of {result.pages} page(s): {first.name} to "
          f"{last.name} in {first.parent}, and the register {result.register}.")
    return 0


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes (1 or more): {text!r}")
    return value


def _record(args: argparse.Namespace, services: Services, brief, options, to_stdout: bool) -> int:
    """``export MEETING --record``: the meeting record, in the book's house style."""
    import sys

    from briefing.pdf.record import render_record

    result = render_record(brief, options, sys.stdout.buffer if to_stdout else args.output,
                           ladder=services.config.ladder)
    for warning in result.warnings:
        print(f"briefbook: warning: {warning}", file=sys.stderr)
    if to_stdout:
        sys.stdout.flush()
        print(f"Wrote {result.pages} page(s) to standard output.", file=sys.stderr)
    else:
        print(f"Wrote the record, {result.pages} page(s), to {args.output}.")
    return 0
