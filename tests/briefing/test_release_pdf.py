"""A release copy's PDF holds nothing withheld: not in its decompressed bytes, text, outline, named
destinations, links, metadata or font subsets. Each search is first run on the full book, where it
must find every word (so a build that only hid them would fail here)."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest

from tests.briefing import test_release as release_story
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import has_pdftotext, outline, page_texts, pdftotext
from tests.briefing.test_release import KEPT, WITHHELD, WITHHELD_COUNT, WITHHELD_KANJI, WITHHELD_MORE

release_services = release_story.release_services  # the fixtures: a store, Round 2's brief
brief = release_story.brief


def decompressed(data: bytes) -> bytes:
    """The file as qpdf --qdf --object-streams=disable writes it: every stream decoded."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(out, qdf=True, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                 stream_decode_level=pikepdf.StreamDecodeLevel.all)
    return out.getvalue()


def encodings(word: str) -> list[bytes]:
    """The ways a PDF can hold ``word``: UTF-8, UTF-16BE (with and without hex), PDFDocEncoding."""
    utf16 = word.encode("utf-16-be")
    forms = [word.encode("utf-8"), utf16, utf16.hex().encode(), utf16.hex().upper().encode()]
    try:
        forms.append(word.encode("latin-1"))
    except UnicodeEncodeError:
        pass
    return forms


def unicode_of_fonts(data: bytes) -> str:
    """Every character a font subset of the file maps (its ToUnicode CMaps, decoded)."""
    chars: set[str] = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
                cmap = obj.ToUnicode.read_bytes().decode("latin-1")
                for hexes in re.findall(r"<([0-9A-Fa-f]{4,})>\s*(?:\n|$)", cmap, re.M):
                    chars.add(bytes.fromhex(hexes).decode("utf-16-be", "replace"))
                for hexes in re.findall(r"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]{4,})>", cmap):
                    chars.add(bytes.fromhex(hexes).decode("utf-16-be", "replace"))
    return "".join(chars)


def names_and_meta(data: bytes) -> str:
    """Outline titles, named destinations, link targets and metadata, as text."""
    found: list[str] = [title for _, title, _ in outline(data)]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        found += [str(v) for v in pdf.docinfo.values()]
        names = pdf.Root.get("/Names")
        if names is not None and "/Dests" in names:
            found += [str(k) for k in pikepdf.NameTree(names.Dests).keys()]
        dests = pdf.Root.get("/Dests")
        if dests is not None:
            found += [str(k) for k in dests.keys()]
        for page in pdf.pages:
            for annot in page.obj.get("/Annots") or []:
                found.append(repr(annot.get("/A")) + repr(annot.get("/Dest")))
    return "\n".join(found)


def leaks(data: bytes) -> dict[str, list[str]]:
    """Where each withheld word (or kanji) turns up in ``data``, per search."""
    raw = decompressed(data)
    text = " ".join(page_texts(data)) + (pdftotext(data) if has_pdftotext() else "")
    glyphs = unicode_of_fonts(data)
    meta = names_and_meta(data)
    words = WITHHELD + WITHHELD_MORE
    return {
        "bytes": [w for w in words if any(form in raw for form in encodings(w))],
        "text": [w for w in words if w in text],
        "names": [w for w in words if w in meta],
        "glyphs": [c for c in WITHHELD_KANJI if c in glyphs],
    }


@pytest.fixture(scope="module")
def full_book(brief):
    return render(brief)[0]


@pytest.fixture(scope="module")
def release_book(brief):
    return render(brief, up_to="U")


def test_the_searches_find_every_withheld_word_in_the_full_book(full_book):
    found = leaks(full_book)
    latin = [w for w in WITHHELD if w.isascii()]
    # every word is in the text; outline and names have the dropped paper's title; the rare
    # kanji are in the font subsets (as they would be in a build that only hid them)
    assert set(WITHHELD) - {"LEGACYWORD"} <= set(found["text"]), found
    # the Q&A bank's and the position's words print too (a meeting's record does not)
    assert {"VELOCIRAPTORIX", "MONGOOSEPLEX", "QUAGMIREFOX"} <= set(found["text"]), found
    assert "XYLOPHAGOUS" in found["names"]  # the dropped paper's title in the outline
    assert set(found["glyphs"]) == set(WITHHELD_KANJI)
    assert set(latin) - {"LEGACYWORD"} <= set(found["bytes"]) | set(found["text"])


def test_a_release_copy_holds_no_withheld_word_anywhere(release_book):
    data, _ = release_book
    assert leaks(data) == {"bytes": [], "text": [], "names": [], "glyphs": []}


def test_a_release_copy_keeps_the_rest_and_says_how_many_were_withheld(release_book):
    data, result = release_book
    text = " ".join(page_texts(data))
    assert all(k in text for k in KEPT)
    assert f"RELEASE COPY {WITHHELD_COUNT} portions withheld" in page_texts(data)[0]
    assert "CONFIDENTIAL" not in text  # never at which marking: not in banners, cover or metadata
    assert "CONFIDENTIAL" not in names_and_meta(data) and "UNCLASSIFIED" in names_and_meta(data)
    titles = [t for _, t, _ in outline(data)]
    assert "Steel quotas" in titles and not any("XYLOPHAGOUS" in t for t in titles)
    assert result.pages == len(page_texts(data))


def test_a_release_copy_laid_out_by_several_processes_holds_nothing_withheld(brief):
    data, _ = render(brief, jobs=3, up_to="U")
    assert leaks(data) == {"bytes": [], "text": [], "names": [], "glyphs": []}


def test_an_encrypted_release_copy_holds_nothing_withheld(brief):
    data, _ = render(brief, up_to="U", password="pw")
    with pikepdf.open(io.BytesIO(data), password="pw") as pdf:
        plain = io.BytesIO()
        pdf.save(plain)
    assert leaks(plain.getvalue()) == {"bytes": [], "text": [], "names": [], "glyphs": []}
