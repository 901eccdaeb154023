"""Numbered copies: one book laid out once, then stamped "Copy n of N — Name" for each recipient.

``write_copies(brief, options, out, recipients)`` writes ``book-01.pdf``,
``book-02.pdf``, … beside ``out`` (``book.pdf``) and a register
``book.register.csv`` (copy, recipient, file, SHA-256). The book is laid out
once, unencrypted, in memory (``render_pdf``: a release copy's ``up_to`` applies
as for one book); each copy is that file with a stamp drawn over every page — a
one-page ReportLab form with the copy's line as real text, so ``pdftotext``
reads it (the watermark is outlines, which it does not) — the recipient in the
document's metadata, and then, with a password, encrypted as one book is
(``encryption.py``). Stamping costs a fraction of a layout, so twenty copies take
little more than one (``benchmarks/copies.py``).

Each file is written atomically (``briefing.output``); the register last, so a
register always describes files that were written whole.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.brief.records import Brief
from briefing.errors import BriefbookError, ValidationError
from briefing.markings.ladder import Ladder
from briefing.output import check_target, write_atomically
from briefing.pdf.options import BookOptions
from briefing.pdf.templates import ExportProgress
from briefing.pdf.typeset import ExportWarning

#: The most copies one export writes (the register's and the files' numbers stay readable).
MAX_COPIES = 999
#: The stamp's size and where it sits: centred just above the bottom band, below the body.
STAMP_SIZE = 8


@dataclass(frozen=True, slots=True)
class CopyRecord:
    """One numbered copy as the register lists it."""

    number: int
    recipient: str
    path: Path
    sha256: str


@dataclass(frozen=True, slots=True)
class CopiesResult:
    """What ``write_copies`` wrote: the copies, the register, the pages of each, warnings."""

    copies: tuple[CopyRecord, ...]
    register: Path
    pages: int
    warnings: tuple[ExportWarning, ...]


def read_recipients(path: Path) -> tuple[str, ...]:
    """The names in a recipients file: one a line, as typed (spaces at either end dropped),
    empty lines ignored. A file that cannot be read, is not UTF-8 or names no one is an error
    naming the file (and the line)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise BriefbookError(f"cannot read the recipients file {path}: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise ValidationError("recipients", f"{path} is not UTF-8 text (line {line})") from None
    names = tuple(name for line in text.splitlines() if (name := line.strip()))
    if not names:
        raise ValidationError("recipients", f"{path} names no one (one name a line)")
    if len(names) > MAX_COPIES:
        raise ValidationError("recipients", f"{path} names {len(names)} people; at most {MAX_COPIES}")
    return names


def check_copies(count: int) -> int:
    """``count`` when it is a number of copies one export can write, else a ``ValidationError``."""
    if not 1 <= count <= MAX_COPIES:
        raise ValidationError("copies", f"must be from 1 to {MAX_COPIES}, not {count}")
    return count


def copy_label(number: int, total: int, recipient: str = "") -> str:
    """``Copy 3 of 20 — Ann Example`` (without a name: ``Copy 3 of 20``)."""
    label = f"Copy {number} of {total}"
    return f"{label} — {recipient}" if recipient else label


def copy_paths(out: Path, total: int) -> list[Path]:
    """``book.pdf`` → ``book-01.pdf`` … (three digits from 100 copies), beside ``out``."""
    digits = max(2, len(str(total)))
    stem, suffix = out.stem, out.suffix or ".pdf"
    return [out.with_name(f"{stem}-{n:0{digits}d}{suffix}") for n in range(1, total + 1)]


def register_path(out: Path) -> Path:
    """``book.pdf`` → ``book.register.csv``, beside it."""
    return out.with_name(f"{out.stem}.register.csv")


def write_copies(brief: Brief, options: BookOptions, out: str | os.PathLike,
                 recipients: Sequence[str] | int, *, ladder: Ladder | None = None, jobs: int = 1,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 layout_progress: Callable[[ExportProgress], None] | None = None) -> CopiesResult | None:
    """Lay the book out once and write one stamped copy per recipient (or ``recipients`` copies
    without names) beside ``out``, then the register. ``layout_progress`` as ``render_pdf``'s
    while the book is laid out, then ``progress(done, total)`` after each copy; None when
    ``cancelled()`` said so (copies written by then stay, the register is not written)."""
    from briefing.pdf.render import render_pdf

    out = Path(out)
    names = [""] * check_copies(recipients) if isinstance(recipients, int) else list(recipients)
    if not names:
        raise ValidationError("recipients", "name at least one recipient")
    check_copies(len(names))
    paths = copy_paths(out, len(names))
    register = register_path(out)
    for path in (*paths, register):
        check_target(path)  # every name refused before the book is laid out, not after
    buffer = io.BytesIO()
    result = render_pdf(brief, replace(options, password=None), buffer, ladder=ladder, jobs=jobs,
                        progress=layout_progress, cancelled=cancelled,
                        pause_collector=progress is None and cancelled is None)
    if result.cancelled:
        return None
    base = buffer.getvalue()
    warnings = list(result.warnings)
    records: list[CopyRecord] = []
    with Stamper(base) as stamper:
        for number, (name, path) in enumerate(zip(names, paths, strict=True), 1):
            if cancelled is not None and cancelled():
                return None
            data, stamp_warnings = stamper.copy(number, len(names), name, password=options.password,
                                                invariant=options.invariant)
            warnings += [w for w in stamp_warnings if w not in warnings]
            write_atomically(path, data)
            records.append(CopyRecord(number, name, path, hashlib.sha256(data).hexdigest()))
            if progress is not None:
                progress(number, len(names))
    write_atomically(register, register_csv(records))
    return CopiesResult(tuple(records), register, result.pages, tuple(warnings))


#: What a spreadsheet takes as the start of a formula when a cell begins with it.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def register_cell(text: str) -> str:
    """A recipient's name as a register cell: one that a spreadsheet would run as a formula
    (``=HYPERLINK(…)``, ``+1…``, ``@SUM…``) is kept as text by a leading apostrophe, as OWASP
    advises for CSV files; every other name stays as typed."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def register_csv(records: Sequence[CopyRecord]) -> bytes:
    """The register: a header, then copy, recipient, file (its name) and SHA-256 per copy.

    UTF-8 with a byte-order mark, so that a spreadsheet opening it reads Japanese names right."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["copy", "recipient", "file", "sha256"])
    for r in records:
        writer.writerow([r.number, register_cell(r.recipient), r.path.name, r.sha256])
    return text.getvalue().encode("utf-8-sig")


def stamp_copy(data: bytes, number: int, total: int, recipient: str = "", *,
               password: str | None = None, invariant: bool = False
               ) -> tuple[bytes, tuple[ExportWarning, ...]]:
    """The book ``data`` with "Copy n of N — Name" over every page and in its metadata
    (encrypted with ``password`` when given), and the stamp's warnings (a name's characters
    no shipped font has)."""
    with Stamper(data) as stamper:
        return stamper.copy(number, total, recipient, password=password, invariant=invariant)


class Stamper:
    """One book opened once for many copies: every page draws one shared form over its content,
    and each copy only changes what that form draws (and the metadata), then saves."""

    def __init__(self, data: bytes) -> None:
        import pikepdf

        self._pikepdf = pikepdf
        self.pdf = pikepdf.open(io.BytesIO(data))
        box = self.pdf.pages[0].mediabox
        self.size = (float(box[2]) - float(box[0]), float(box[3]) - float(box[1]))
        self.subject = str(self.pdf.docinfo.get("/Subject", ""))
        # the form every page draws: empty until a copy fills it in
        self.form = self.pdf.make_indirect(pikepdf.Stream(self.pdf, b"", {
            "/Type": pikepdf.Name.XObject, "/Subtype": pikepdf.Name.Form,
            "/BBox": pikepdf.Array([0, 0, *self.size]), "/Resources": pikepdf.Dictionary()}))
        # each page: "q", its content as it is (still compressed), then "Q q /BbCopy Do Q": two
        # small streams all pages share (pikepdf's add_overlay would decode every page's content)
        before = self.pdf.make_indirect(pikepdf.Stream(self.pdf, b"q\n"))
        after = self.pdf.make_indirect(pikepdf.Stream(self.pdf, b"\nQ q /BbCopy Do Q\n"))
        for page in self.pdf.pages:
            contents = page.obj.get("/Contents")
            old = list(contents) if isinstance(contents, pikepdf.Array) else \
                [] if contents is None else [contents]
            page.obj.Contents = pikepdf.Array([before, *old, after])
            resources = page.obj.get("/Resources")
            if resources is None:
                resources = page.obj.Resources = pikepdf.Dictionary()
            if "/XObject" not in resources:
                resources.XObject = pikepdf.Dictionary()
            resources.XObject.BbCopy = self.form

    def __enter__(self) -> Stamper:
        return self

    def __exit__(self, *_exc) -> None:
        self.pdf.close()

    def copy(self, number: int, total: int, recipient: str = "", *, password: str | None = None,
             invariant: bool = False) -> tuple[bytes, tuple[ExportWarning, ...]]:
        """Copy ``number`` of ``total`` for ``recipient``: its bytes, and the stamp's warnings."""
        pikepdf = self._pikepdf
        from briefing.pdf.encryption import aes256, check_opens

        label = copy_label(number, total, recipient)
        stamp_data, warnings = _stamp_page(label, self.size, invariant)
        with pikepdf.open(io.BytesIO(stamp_data)) as stamp:
            drawn = self.pdf.copy_foreign(stamp.pages[0].as_form_xobject())
        self.form.write(drawn.read_raw_bytes(), filter=drawn.get("/Filter"))
        self.form.Resources = drawn.Resources
        info = self.pdf.docinfo
        info["/Subject"] = f"{self.subject} — {label}" if self.subject else label
        info["/Copy"] = f"{number} of {total}"
        if recipient:
            info["/Recipient"] = recipient
        elif "/Recipient" in info:
            del info["/Recipient"]
        out = io.BytesIO()
        # an encrypted file cannot have a deterministic ID (qpdf): only a plain one is reproducible
        # the book's streams are written as they are: decoding or compressing them again would
        # cost more than the stamping (encrypting them cannot be avoided)
        kwargs = {"encryption": aes256(password)} if password else {
            "deterministic_id": invariant, "stream_decode_level": pikepdf.StreamDecodeLevel.none}
        self.pdf.save(out, compress_streams=False, **kwargs)
        result = out.getvalue()
        if password:
            check_opens(result, password)
        return result, warnings


def _stamp_page(label: str, size: tuple[float, float], invariant: bool
                ) -> tuple[bytes, tuple[ExportWarning, ...]]:
    """A one-page PDF of ``size`` with ``label`` centred just above the bottom band, as text."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas

    from briefing.pdf import styles
    from briefing.pdf.book import cut
    from briefing.pdf.flowables import BookParagraph
    from briefing.pdf.fonts import register_fonts
    from briefing.pdf.typeset import Typesetter

    ts = Typesetter(register_fonts())
    style = ParagraphStyle("copy_stamp", parent=styles.running, fontSize=STAMP_SIZE,
                           leading=STAMP_SIZE + 2, alignment=TA_CENTER, textColor=styles.MUTED)
    width = size[0] - 2 * styles.MARGIN
    text = cut(label, 300)  # a pasted page of "name" is cut at once, not line by line
    while True:  # one line: a long name is cut with an ellipsis (the register keeps it whole)
        para = BookParagraph(ts.markup(text, "Copy number"), style)
        para.wrap(width, 100)
        lines = getattr(para.blPara, "lines", [])
        if len(lines) <= 1 or len(text) <= 20:
            break
        text = cut(text, int(len(text) * 0.9))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1 if invariant else 0)
    baseline = styles.RUNNING_BASELINE + styles.RUNNING_GAP + styles.BANNER_HEIGHT + 1.2 * 2.835
    para.drawOn(canvas, styles.MARGIN, baseline - (para.height - STAMP_SIZE))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), ts.warnings
