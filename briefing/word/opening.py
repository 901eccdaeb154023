"""Opening a .docx someone sends back: refused clearly when it is not one, damaged or locked.

A .docx is a ZIP package. A password-protected Word file is not: Office wraps it in an
OLE compound file (as it does the old binary .doc), which this module tells apart by its
``EncryptionInfo`` stream. Nothing here writes anything.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from briefing.errors import BriefbookError

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
DOCUMENT = "word/document.xml"
COMMENTS = "word/comments.xml"
CUSTOM = "docProps/custom.xml"
#: A returned file is a few megabytes at most; a bigger one is refused before it is read.
MAX_PART = 200 * 1024 * 1024


class WordFileError(BriefbookError):
    """A file that cannot be read as a Word document from this store; nothing was changed."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}; nothing was changed.")


@dataclass(frozen=True, slots=True)
class DocxParts:
    """The parts of a .docx that reading back needs, parsed."""

    path: Path
    document: etree._Element
    comments: etree._Element | None
    custom: bytes | None


def read_docx(path: Path | str) -> DocxParts:
    """The document, comments and custom properties of ``path``, or a ``WordFileError``."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except IsADirectoryError:
        raise WordFileError(path, "is a folder, not a Word file") from None
    except FileNotFoundError:
        raise WordFileError(path, "no such file") from None
    except OSError as exc:
        raise WordFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    if head == _OLE:
        data = path.read_bytes()
        if _ENCRYPTION_INFO in data:
            raise WordFileError(path, "is protected with a password; open it in Word, remove the "
                                      "password (File → Info → Protect Document) and save it again")
        raise WordFileError(path, "is an old Word 97–2003 .doc, not a .docx; save it as a Word "
                                  "document (.docx) first")
    if not zipfile.is_zipfile(path):
        raise WordFileError(path, "is not a Word .docx file")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if DOCUMENT not in names:
                raise WordFileError(path, "is a ZIP file but not a Word document (it has no "
                                          "word/document.xml)")
            for name in (DOCUMENT, COMMENTS, CUSTOM):
                if name in names and z.getinfo(name).file_size > MAX_PART:
                    raise WordFileError(path, f"is too large to read ({name})")
            document = _xml(path, z.read(DOCUMENT))
            comments = _xml(path, z.read(COMMENTS)) if COMMENTS in names else None
            custom = z.read(CUSTOM) if CUSTOM in names else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, KeyError) as exc:
        raise WordFileError(path, f"is damaged ({exc})") from None
    except RuntimeError as exc:  # an encrypted ZIP entry
        raise WordFileError(path, f"is damaged or encrypted ({exc})") from None
    return DocxParts(path=path, document=document, comments=comments, custom=custom)


def _xml(path: Path, data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise WordFileError(path, f"is damaged (its XML does not read: {exc.msg})") from None
