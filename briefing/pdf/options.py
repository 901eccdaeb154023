"""What the user chooses for one export: sections, paper, watermark, password.

The paper defaults to the system locale's: Letter where the territory of the
locale uses it (the United States, Canada, Mexico, the Philippines and a few
more), A4 everywhere else. The locale is read without Qt, as POSIX programs
do: the first of ``LC_ALL``, ``LC_PAPER`` and ``LANG`` that is set (e.g.
``en_US.UTF-8`` → US → Letter), else Python's ``locale.getlocale()``, which on
Windows and macOS reports the user's regional setting (``English_United
States`` or ``en_US``).
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from briefing.errors import ValidationError

#: The parts of the book, in print order: (id, what it is). ``red_lines`` is a part
#: of every issue paper that can be left out (a version for a wider audience).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("cover", "cover page"),
    ("summary", "one page for the principal: objectives, our ask per issue (and red line), "
                "their key people (when the meeting has notes)"),
    ("contents", "table of contents"),
    ("positions", "one page: where each issue stands (state, since which round, ours, theirs)"),
    ("agenda", "agenda with start times"),
    ("scenario", "run of show: per agenda item its times in both zones, speakers, press, points "
                 "(when an item has them)"),
    ("changes", "what changed in the notes since the last round (when there is one)"),
    ("papers", "one issue paper per issue"),
    ("red_lines", "the red-lines panel of each issue paper"),
    ("qa_annex", "every Q&A bank entry the papers use, grouped by issue (when they use any)"),
    ("participants", "our delegation and theirs, with bios"),
    ("actions", "action items"),
)
SECTION_IDS: tuple[str, ...] = tuple(name for name, _ in SECTIONS)

#: Width and height in points (1/72 inch); kept free of ReportLab so ``--help`` stays cheap.
PAPER_SIZES: dict[str, tuple[float, float]] = {
    "a4": (210 * 72 / 25.4, 297 * 72 / 25.4),
    "letter": (8.5 * 72, 11 * 72),
}

#: Territories whose paper is Letter (ISO 3166 codes, and the English names Windows uses).
LETTER_TERRITORIES = frozenset({
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "PR", "SV", "NI", "DO", "BZ",
    "United States", "Canada", "Mexico", "Philippines", "Chile", "Colombia", "Venezuela",
    "Costa Rica", "Guatemala", "Panama", "Puerto Rico", "El Salvador", "Nicaragua",
    "Dominican Republic", "Belize",
})


_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
#: The longest password (in UTF-8 bytes) an AES-256 book can have: PDF 2.0 uses the first 127
#: bytes, and readers cut a longer one at different places (qpdf and pikepdf at byte 127, even
#: inside a character), so a longer password would make a file its owner cannot open.
PASSWORD_MAX_BYTES = 127
#: File names stay well under the 255 bytes most file systems allow (UTF-8, with ".pdf").
FILENAME_MAX = 80


def book_filename(title: str) -> str:
    """A file name for a meeting's book: its title without what file systems refuse, ``.pdf``."""
    name = " ".join(_UNSAFE_IN_NAMES.sub(" ", title).split()).strip(" .")
    if len(name) > FILENAME_MAX:
        name = name[:FILENAME_MAX].rstrip(" .")
    return f"{name or 'Briefing book'}.pdf"


def check_password(password: str) -> None:
    """A ``ValidationError`` when ``password`` is longer than a PDF reader reliably reads."""
    size = len(password.encode("utf-8", "surrogatepass"))
    if size > PASSWORD_MAX_BYTES:
        raise ValidationError(
            "password", f"is {size} bytes long in UTF-8; a PDF password can be at most "
                        f"{PASSWORD_MAX_BYTES} bytes (127 letters of English, 42 of Japanese)")


def parse_sections(text: str) -> frozenset[str]:
    """``"cover,agenda"`` → the chosen section ids; an unknown one is a ``ValidationError``."""
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not chosen:
        raise ValidationError("sections", "choose at least one of " + ", ".join(SECTION_IDS))
    unknown = [name for name in chosen if name not in SECTION_IDS]
    if unknown:
        raise ValidationError(
            "sections", f"unknown section {unknown[0]!r}; choose from " + ", ".join(SECTION_IDS)
        )
    return frozenset(chosen)


def paper_of_locale(name: str | None) -> str:
    """``"en_US.UTF-8"`` → ``"letter"``; ``"ja_JP"``, ``"C"``, ``None`` → ``"a4"``."""
    if not name:
        return "a4"
    base = name.split(".")[0].split("@")[0]
    territory = base.split("_", 1)[1] if "_" in base else ""
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def default_paper(environ: Mapping[str, str] | None = None) -> str:
    """The system locale's paper: ``"letter"`` or ``"a4"`` (see the module docstring)."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        if env.get(variable):
            return paper_of_locale(env[variable])
    try:
        return paper_of_locale(locale.getlocale()[0])
    except ValueError:
        return "a4"


#: The longest watermark: a few words across the page ("DRAFT — NOT FOR DISTRIBUTION").
WATERMARK_CHARS = 80


@dataclass(frozen=True, slots=True)
class BookOptions:
    """One export's choices. ``invariant`` makes the file reproducible (tests)."""

    sections: frozenset[str] = frozenset(SECTION_IDS)
    paper: str = field(default_factory=default_paper)
    watermark: str = ""
    password: str | None = None
    prepared_on: date | None = None
    invariant: bool = False
    #: The issues (slugs) whose notes go into the book — papers, changes, summary; None: all.
    notes: frozenset[str] | None = None
    #: A release copy: every portion marked above this code is left out (``markings.release``).
    up_to: str | None = None
    #: How many portions the release withheld (``render_pdf`` sets it; the cover says it).
    withheld: int | None = None

    def __post_init__(self) -> None:
        if self.paper not in PAPER_SIZES:
            raise ValidationError("paper", f"must be one of {', '.join(PAPER_SIZES)}, not {self.paper!r}")
        unknown = set(self.sections) - set(SECTION_IDS)
        if unknown:
            raise ValidationError("sections", f"unknown section {sorted(unknown)[0]!r}")
        if len(self.watermark) > WATERMARK_CHARS:  # it is set across the page, large
            raise ValidationError("watermark", f"at most {WATERMARK_CHARS} characters, not "
                                               f"{len(self.watermark):,} (e.g. DRAFT)")
        if self.password == "":
            raise ValidationError("password", "must not be empty (leave it out for no password)")
        if self.password is not None:
            check_password(self.password)
        if self.notes is not None and not isinstance(self.notes, frozenset):
            object.__setattr__(self, "notes", frozenset(self.notes))

    def has(self, section: str) -> bool:
        """Whether the book includes ``section`` (``red_lines`` only inside papers or the summary)."""
        if section == "red_lines" and not {"papers", "summary"} & self.sections:
            return False
        return section in self.sections

    @property
    def pagesize(self) -> tuple[float, float]:
        """Width and height of the paper in points."""
        return PAPER_SIZES[self.paper]
