"""Where a one-note .docx came from, kept invisibly in its custom document properties.

Word, LibreOffice and Google Docs keep custom properties (``docProps/custom.xml``)
through an edit-and-save, and readers do not see them on the page. A file that
holds exactly one note records the store, meeting, note and revision it was written
from; a note never edited since it was created or imported has no revision yet, and
its file records the note's version and the time of its last change instead (its text
as exported is the file's own text without the reviewers' insertions).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from briefing.word.markdown_docx import xml_safe

CUSTOM_PART = "/docProps/custom.xml"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id Office gives every user-defined property.
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
PREFIX = "briefbook."


@dataclass(frozen=True, slots=True)
class Origin:
    """The store, meeting, note and revision a one-note file was written from.

    ``revision`` is the id of the note's latest revision, or ``None`` when the note has
    none yet (then ``note_version`` and ``note_updated`` say which state it was).
    """

    store: str
    meeting_key: str
    meeting_id: int
    meeting_title: str
    note_id: int
    issue_slug: str
    issue_title: str
    note_version: int
    note_updated: str
    revision: int | None = None

    def properties(self) -> dict[str, str]:
        """The properties as written: ``briefbook.note`` → ``"12"``, …"""
        out = {PREFIX + "kind": "note"}
        for f in fields(self):
            value = getattr(self, f.name)
            out[PREFIX + f.name] = "" if value is None else str(value)
        return out

    @classmethod
    def from_properties(cls, props: dict[str, str]) -> Origin | None:
        """The origin recorded in ``props``; ``None`` when the file records none (or a broken one)."""
        try:
            values = {f.name: props[PREFIX + f.name] for f in fields(cls)}
            for name in ("meeting_id", "note_id", "note_version"):
                values[name] = int(values[name])
            values["revision"] = int(values["revision"]) if values["revision"] else None
        except (KeyError, ValueError):
            return None
        return cls(**values)


def write_properties(document, props: dict[str, str]) -> None:
    """Add ``props`` to ``document`` (python-docx) as custom document properties (text values)."""
    root = etree.Element(f"{{{_NS}}}Properties", nsmap={None: _NS, "vt": _VT})
    for pid, (name, value) in enumerate(props.items(), start=2):  # pid 2 and up, as Office does
        prop = etree.SubElement(root, f"{{{_NS}}}property", fmtid=_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = xml_safe(value)  # a title's controls
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    part = Part(PackURI(CUSTOM_PART), CUSTOM_CT, blob, package)
    package.relate_to(part, CUSTOM_RT)


def read_properties(xml: bytes | None) -> dict[str, str]:
    """The custom properties in ``docProps/custom.xml`` (any value type, as text)."""
    if not xml:
        return {}
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return {}
    out = {}
    for prop in root.findall(f"{{{_NS}}}property"):
        name = prop.get("name")
        if name and len(prop):
            out[name] = prop[0].text or ""
    return out
