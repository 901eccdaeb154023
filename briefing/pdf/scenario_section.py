"""The scenario (run of show, issue 13): per agenda item its start in the venue's and the home
zone, who speaks first for each side, press open or closed, and the points to use. Pure."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from briefing.agenda.records import AgendaSlot
from briefing.agenda.schedule import format_minutes
from briefing.brief.records import Brief
from briefing.pdf import styles
from briefing.pdf.book import Book, paper_key, under_heading
from briefing.pdf.flowables import BookParagraph
from briefing.pdf.keeping import PageReference
from briefing.pdf.options import BookOptions
from briefing.times.names import day_clock

SCENARIO_TITLE = "Scenario"


def has_scenario(brief: Brief, options: BookOptions) -> bool:
    """Whether the book has the scenario: chosen, and some agenda item says who speaks, is open to
    the press or has points."""
    return options.has("scenario") and any(
        s.item.speaker_ours or s.item.speaker_theirs or s.item.points.strip() or s.item.press == "open"
        for s in brief.schedule.slots)


def scenario(book: Book) -> list[Flowable]:
    """Each agenda item in order: times in both zones, speakers, press, points."""
    out: list[Flowable] = [book.section("scenario", SCENARIO_TITLE)]
    m = book.brief.meeting
    out.append(book.label(f"Times in the venue's zone ({m.timezone}) and at home ({m.home_timezone}).",
                          styles.muted))
    papers = {n.issue_id: n for n in book.brief.notes} if book.options.has("papers") else {}
    for number, slot in enumerate(book.brief.schedule.slots, 1):
        out += _item(book, number, slot, papers)
    return out


def _item(book: Book, number: int, slot: AgendaSlot, papers: dict) -> list[Flowable]:
    item = slot.item
    where = f"Scenario › item {number}"
    venue = f"{day_clock(slot.venue_start)} {slot.venue_start.tzname()}"
    home = f"{day_clock(slot.home_start)} {slot.home_start.tzname()}"
    head = book.ts.markup(f"{number}. ", "", bold=True) + book.ts.markup(item.title, where, bold=True)
    out: list[Flowable] = [CondPageBreak(styles.KEEP_WITH_NEXT), BookParagraph(head, styles.group)]
    rows = [("Time", f"{venue} · home {home} · {format_minutes(item.minutes)}"),
            ("Press", "Open to the press" if item.press == "open" else "Closed")]
    lines = [book.ts.markup(f"{label}: ", "", bold=True) + book.ts.markup(value, where)
             for label, value in rows]
    for label, value in (("We speak first", item.speaker_ours), ("They speak first", item.speaker_theirs)):
        if value:
            lines.append(book.ts.markup(f"{label}: ", "", bold=True) + book.ts.markup(value, where))
    out += [BookParagraph(line, styles.body) for line in lines]
    if item.points.strip():
        out += book.heading("Points")
        out += under_heading(book.md.render(item.points, f"{where} › Points", numbered=True))
    else:
        note = papers.get(item.issue_id)
        if note is not None and note.talking_points.strip() and note.tier != "defensive":
            markup = book.ts.markup(f"Points: the talking points of the paper “{note.issue_title}”",
                                    where)
            out += [BookParagraph(f'<a href="#{paper_key(note)}" color="{styles.LINK_HEX}">{markup}</a>',
                                  styles.body), PageReference(paper_key(note), styles.cell_link)]
    return out
