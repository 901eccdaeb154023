"""The book's cover, one page: title, counterpart, venue, times in both zones, for/by/on, marking.

Also the times as the book prints them (``time_span``, ``long_datetime``, ``clock``), which the
agenda, the meeting record and the Word export share.
"""

from __future__ import annotations

from datetime import date, datetime

from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table, TableStyle

from briefing.markings.portions import rank
from briefing.pdf import styles
from briefing.pdf.book import Book, cut
from briefing.pdf.marks import PortionMark, book_highest
from briefing.times.names import day_clock, long_date
from briefing.times.zones import in_zone_or_utc

#: The cover is one page however long its fields: a title longer than this many characters (a
#: field, ``COVER_FIELD_MAX``) is cut with an ellipsis, and what still does not fit is shrunk.
COVER_TITLE_MAX = 160
COVER_FIELD_MAX = 160


def cover(book: Book) -> list[Flowable]:
    """Title, counterpart, venue, times in both zones, for/by/on, and the marking, large: one page."""
    m = book.brief.meeting
    where = "Cover"
    round_name = "Launch" if m.round_no == 0 else f"Round {m.round_no}"
    out: list[Flowable] = [Spacer(1, 36), book.label(f"BRIEFING BOOK · {round_name.upper()}",
                                                      styles.cover_kicker),
                           book.text(cut(m.title, COVER_TITLE_MAX), where, styles.cover_title)]
    rows = [
        ("Counterpart", m.counterpart),
        ("Venue", m.location),
        ("Date and time (venue)", time_span(m.starts_at, m.ends_at, m.timezone)),
        ("Date and time (home)", time_span(m.starts_at, m.ends_at, m.home_timezone)),
        ("Prepared for", m.principal),
        ("Prepared by", m.prepared_by),
        ("Prepared on", long_date(book.options.prepared_on or date.today())),
    ]
    for label, value in rows:
        if value:
            out.append(book.label(label.upper(), styles.cover_label))
            out.append(book.text(cut(value, COVER_FIELD_MAX), where, styles.cover_value))
    if book.options.withheld is not None:  # a release copy: how many, never what nor how marked
        out.append(book.label("RELEASE COPY", styles.cover_label))
        out.append(book.label(withheld_line(book.options.withheld), styles.cover_value))
    top = book_highest(book.brief, book.ladder)  # the highest marking in the book, computed
    marking = book.ladder.get(top)
    if rank(top, book.ladder) > 1:  # above the ladder's second step: who classified it, why, until when
        out += authority_block(book)
    band = Table([[book.text(cut(marking.label, COVER_FIELD_MAX), where, styles.cover_marking)]],
                 colWidths=[book.width])
    band.setStyle(TableStyle([*styles.TABLE_BASE, ("BACKGROUND", (0, 0), (-1, -1), marking.colour),
                              ("TOPPADDING", (0, 0), (-1, -1), 10),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 12)]))
    # shrunk (never split) when the cut fields are still too tall for the page
    return [PortionMark(top), PortionMark(None),  # the cover's banner: the book's highest marking
            KeepInFrame(book.width, book.frame_height, [*out, Spacer(1, 28), band], mode="shrink")]


def authority_block(book: Book) -> list[Flowable]:
    """The classification authority on the cover; a field not given prints as "—"."""
    m = book.brief.meeting
    out: list[Flowable] = []
    for label, value in (("Classified by", m.classified_by), ("Reason", m.classification_reason),
                         ("Declassify on", m.declassify_on)):
        out.append(book.label(label.upper(), styles.cover_label))
        out.append(book.text(cut(value, COVER_FIELD_MAX), "Cover", styles.cover_value) if value.strip()
                   else book.label("—", styles.cover_value))
    return out


def withheld_line(count: int) -> str:
    """The cover's line of a release copy: ``3 portions withheld``."""
    return f"{count} portion{'' if count == 1 else 's'} withheld"


def time_span(start: datetime, end: datetime | None, zone: str) -> str:
    """``Sunday 6 February 2022, 19:00–Mon 03:00 EST``: the end's day shown when it is another."""
    local_start = in_zone_or_utc(start, zone)
    text = long_datetime(local_start)
    if end is not None:
        local_end = in_zone_or_utc(end, zone)
        text += "–" + clock(local_end, local_start.date())
    return f"{text} {local_start.tzname()}"


def long_datetime(moment: datetime) -> str:
    return f"{long_date(moment.date())}, {moment:%H:%M}"


def clock(moment: datetime, day: date | None) -> str:
    """``09:30`` on ``day`` (the meeting's first day), else ``Sun 19:00`` (always with ``None``)."""
    return f"{moment:%H:%M}" if moment.date() == day else day_clock(moment)
