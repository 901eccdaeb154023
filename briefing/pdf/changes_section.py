"""The book's "Changes since the last round" section: new, dropped, unchanged and changed issues."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from briefing.markings.portions import texts_highest
from briefing.pdf import styles
from briefing.pdf.book import Book, paper_key
from briefing.pdf.diffs import LEGEND, diff_flowables
from briefing.pdf.flowables import BookParagraph
from briefing.pdf.marks import PortionMark
from briefing.rounds.records import IssueChange

CHANGES_TITLE = "Changes since the last round"


def changes(book: Book) -> list[Flowable]:
    """What changed in the notes since the last round: new, dropped and unchanged issues, then
    each changed issue's changed sections with their word-level diff (red lines only when the
    book has them)."""
    rc = book.brief.round_changes
    assert rc is not None
    where = CHANGES_TITLE
    out: list[Flowable] = [
        book.section("changes", CHANGES_TITLE),
        book.text(f"Compared with the previous round, “{rc.previous_meeting_title}”. {LEGEND}",
                  where, styles.muted),
    ]
    order = {note.id: n for n, note in enumerate(book.brief.notes)}
    issues = sorted(rc.issues, key=lambda i: order.get(i.note_id or -1, len(order)))
    shown = {i.issue_id: _shown_sections(book, i) for i in issues}
    changed = [i for i in issues if i.kind == "changed" and (shown[i.issue_id] or i.values)]
    unchanged = [i for i in issues if i.kind == "unchanged"]
    if not changed and not any(i.kind in ("new", "dropped") for i in issues):
        out.append(book.label("Nothing in the issue notes changed since the last round.", styles.body))
    for kind, heading in (("new", "New this round"), ("dropped", "No longer on the table")):
        group = [i for i in issues if i.kind == kind]
        if group:
            out += book.heading(heading)
            out += [BookParagraph(_issue_link(book, i, where), styles.list_item, bulletText="\u2022")
                    for i in group]
    if unchanged:
        out += book.heading("Unchanged")
        out.append(book.text(", ".join(i.issue_title for i in unchanged) + ".", where))
    for issue in changed:
        out += _issue_changes(book, issue, shown[issue.issue_id])
    return out


def _shown_sections(book: Book, issue: IssueChange) -> list:
    """The issue's changed sections that this book prints (red lines only when it has them)."""
    with_red_lines = "red_lines" in book.options.sections
    return [c for c in issue.sections if c.field != "red_lines" or with_red_lines]


def _issue_link(book: Book, issue: IssueChange, where: str) -> str:
    markup = book.ts.markup(issue.issue_title, where)
    note = next((n for n in book.brief.notes if n.id == issue.note_id), None)
    if note is not None and book.options.has("papers"):
        return f'<a href="#{paper_key(note)}" color="{styles.LINK_HEX}">{markup}</a>'
    return markup


def _issue_changes(book: Book, issue: IssueChange, sections: list) -> list[Flowable]:
    where = f"{CHANGES_TITLE} › {issue.issue_title}"
    out: list[Flowable] = [CondPageBreak(styles.KEEP_WITH_NEXT * 1.5),
                           BookParagraph(_issue_link(book, issue, where), styles.group)]
    if issue.values:
        text = " · ".join(f"{v.field.capitalize()}: {v.old or '—'} → {v.new or '—'}" for v in issue.values)
        out.append(book.text(text, where, styles.change_tag))
    for change in sections:
        tag = {"added": " (new this round)", "removed": " (removed this round)"}.get(change.kind, "")
        out += book.heading(change.heading + tag)
        marking = texts_highest((change.old, change.new), book.brief.meeting.sensitivity, book.ladder)
        out += [PortionMark(marking),  # the page banner: the highest of either round's text
                *diff_flowables(book.md, change.old, change.new, f"{where} › {change.heading}"),
                PortionMark(None)]
    return out
