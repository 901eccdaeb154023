"""Returned Word files built the way Word writes them: ``w:ins``/``w:del`` with author and date,
paragraph marks inserted, ``word/comments.xml`` with its relationship and content type.

``mark_up(src, out, edits)`` takes a .docx Briefbook exported and writes the reviewer's copy;
the other Word tests use it. The tests here check the copy itself reads as Word's does.
"""

from __future__ import annotations

import itertools
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DATE = "2026-11-30T10:15:00Z"
_ids = itertools.count(900)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Insert:
    """Insert ``text`` right after ``after`` (text within one run)."""

    after: str
    text: str
    author: str = "Ana Legal"
    bold: bool = False


@dataclass(frozen=True)
class Delete:
    """Delete ``text`` (within one run)."""

    text: str
    author: str = "Ana Legal"


@dataclass(frozen=True)
class NewParagraph:
    """A paragraph ``text`` added after the paragraph holding ``after``."""

    after: str
    text: str
    author: str = "Bo Director"


@dataclass(frozen=True)
class Comment:
    """A comment ``text`` on ``on`` (text within one run)."""

    on: str
    text: str
    author: str = "Bo Director"


def _t(text: str, tag: str = "t"):
    t = etree.Element(w(tag))
    t.text = text
    t.set(XML_SPACE, "preserve")
    return t


def _run_like(run, text: str, tag: str = "t"):
    new = etree.Element(w("r"))
    rpr = run.find(w("rPr"))
    if rpr is not None:
        new.append(etree.fromstring(etree.tostring(rpr)))
    new.append(_t(text, tag))
    return new


def _mark(kind: str, author: str):
    element = etree.Element(w(kind))
    element.set(w("id"), str(next(_ids)))
    element.set(w("author"), author)
    element.set(w("date"), DATE)
    return element


def _find_run(body, text: str):
    for t in body.iter(w("t")):
        if t.text and text in t.text:
            return t.getparent(), t
    raise AssertionError(f"no run holds {text!r}")


def _split(run, t, start: int, end: int):
    """Split ``run`` round ``t.text[start:end]``: (the middle run)."""
    text = t.text
    before, middle, after = text[:start], text[start:end], text[end:]
    parent = run.getparent()
    index = parent.index(run)
    pieces = []
    if before:
        pieces.append(_run_like(run, before))
    mid = _run_like(run, middle)
    pieces.append(mid)
    if after:
        pieces.append(_run_like(run, after))
    parent.remove(run)
    for offset, piece in enumerate(pieces):
        parent.insert(index + offset, piece)
    return mid


def mark_up(src: Path, out: Path, edits) -> Path:
    """Write ``out``: ``src`` with ``edits`` made as Word's Track Changes makes them."""
    with zipfile.ZipFile(src) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    doc = etree.fromstring(parts["word/document.xml"])
    body = doc.find(w("body"))
    comments = []
    for edit in edits:
        if isinstance(edit, Insert):
            run, t = _find_run(body, edit.after)
            end = t.text.index(edit.after) + len(edit.after)
            mid = _split(run, t, 0, end) if end < len(t.text) else run
            ins = _mark("ins", edit.author)
            new = etree.SubElement(ins, w("r"))
            if edit.bold:
                etree.SubElement(etree.SubElement(new, w("rPr")), w("b"))
            new.append(_t(edit.text))
            mid.addnext(ins)
        elif isinstance(edit, Delete):
            run, t = _find_run(body, edit.text)
            start = t.text.index(edit.text)
            mid = _split(run, t, start, start + len(edit.text))
            mid.find(w("t")).tag = w("delText")
            deletion = _mark("del", edit.author)
            mid.addprevious(deletion)
            deletion.append(mid)
        elif isinstance(edit, NewParagraph):
            run, _ = _find_run(body, edit.after)
            p = run
            while p.tag != w("p"):
                p = p.getparent()
            new_p = etree.fromstring(etree.tostring(p))
            for child in list(new_p):
                if child.tag != w("pPr"):
                    new_p.remove(child)
            ppr = new_p.find(w("pPr"))
            if ppr is None:
                ppr = etree.SubElement(new_p, w("pPr"))
            rpr = ppr.find(w("rPr"))
            if rpr is None:
                rpr = etree.SubElement(ppr, w("rPr"))
            rpr.append(_mark("ins", edit.author))  # the new paragraph's mark is an insertion
            ins = _mark("ins", edit.author)
            r = etree.SubElement(ins, w("r"))
            r.append(_t(edit.text))
            new_p.append(ins)
            # Word marks the mark of the paragraph *before* the new one as inserted: the break
            # that now separates them is what was added
            old_ppr = p.find(w("pPr"))
            if old_ppr is None:
                old_ppr = etree.Element(w("pPr"))
                p.insert(0, old_ppr)
            old_rpr = old_ppr.find(w("rPr"))
            if old_rpr is None:
                old_rpr = etree.SubElement(old_ppr, w("rPr"))
            old_rpr.append(_mark("ins", edit.author))
            rpr.remove(rpr[-1])
            p.addnext(new_p)
        elif isinstance(edit, Comment):
            run, t = _find_run(body, edit.on)
            start = t.text.index(edit.on)
            mid = _split(run, t, start, start + len(edit.on))
            cid = str(len(comments))
            begin = etree.Element(w("commentRangeStart"))
            begin.set(w("id"), cid)
            end = etree.Element(w("commentRangeEnd"))
            end.set(w("id"), cid)
            mid.addprevious(begin)
            mid.addnext(end)
            ref_run = etree.Element(w("r"))
            ref = etree.SubElement(ref_run, w("commentReference"))
            ref.set(w("id"), cid)
            end.addnext(ref_run)
            comments.append((cid, edit))
    parts["word/document.xml"] = etree.tostring(doc, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    if comments:
        root = etree.Element(w("comments"), nsmap={"w": W})
        for cid, edit in comments:
            c = etree.SubElement(root, w("comment"))
            c.set(w("id"), cid)
            c.set(w("author"), edit.author)
            c.set(w("date"), DATE)
            c.set(w("initials"), "".join(x[0] for x in edit.author.split()))
            p = etree.SubElement(c, w("p"))
            r = etree.SubElement(p, w("r"))
            r.append(_t(edit.text))
        parts["word/comments.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                    standalone=True)
        types = parts["[Content_Types].xml"].decode()
        types = types.replace("</Types>", '<Override PartName="/word/comments.xml" ContentType='
                              '"application/vnd.openxmlformats-officedocument.wordprocessingml.'
                              'comments+xml"/></Types>')
        parts["[Content_Types].xml"] = types.encode()
        rels = parts["word/_rels/document.xml.rels"].decode()
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdC1" Type="http://schemas.'
                            'openxmlformats.org/officeDocument/2006/relationships/comments" '
                            'Target="comments.xml"/></Relationships>')
        parts["word/_rels/document.xml.rels"] = rels.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out


# -- the copy reads as Word's does -------------------------------------------------------------


def _plain_docx(tmp_path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Background", level=2)
    d.add_paragraph("The duties stay in place until the review ends.")
    path = tmp_path / "plain.docx"
    d.save(path)
    return path


def test_a_marked_up_copy_opens_in_python_docx_with_word_s_markup(tmp_path):
    import docx

    src = _plain_docx(tmp_path)
    out = mark_up(src, tmp_path / "back.docx", [
        Delete("stay in place"), Insert("The duties ", "are lifted ", author="Bo Director"),
        Comment("review", "Which review?")])
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert '<w:del w:id=' in xml and 'w:author="Ana Legal"' in xml and "<w:delText" in xml
    assert '<w:ins w:id=' in xml and 'w:author="Bo Director"' in xml
    assert 'w:date="2026-11-30T10:15:00Z"' in xml
    assert "commentRangeStart" in xml
    comments = zipfile.ZipFile(out).read("word/comments.xml").decode()
    assert 'w:author="Bo Director"' in comments and "Which review?" in comments
    docx.Document(str(out))  # the package is whole: content types and relationships hold
