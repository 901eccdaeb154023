"""Reading a produced book back: text per page, outline, fonts, links (pypdf, pikepdf, pdftotext)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pikepdf
import pypdf

BASE_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def page_texts(data: bytes, password: str | None = None) -> list[str]:
    """The text of every page (pypdf), whitespace collapsed; pikepdf decrypts (pypdf would need
    the cryptography package for AES)."""
    if password is not None:
        with pikepdf.open(io.BytesIO(data), password=password) as pdf:
            plain = io.BytesIO()
            pdf.save(plain)
            data = plain.getvalue()
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def pdftotext(data: bytes, first: int | None = None, last: int | None = None) -> str:
    """The text as poppler's pdftotext reads it (it also puts right-to-left runs in logical order)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.pdf"
        path.write_bytes(data)
        args = ["pdftotext", "-enc", "UTF-8"]
        if first:
            args += ["-f", str(first)]
        if last:
            args += ["-l", str(last)]
        out = subprocess.run([*args, str(path), "-"], capture_output=True, check=True)
        return out.stdout.decode("utf-8")


def has_pdftotext() -> bool:
    return shutil.which("pdftotext") is not None


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """(level, title, 1-based page) of every outline entry, in order."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: list[tuple[int, str, int]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def fonts(data: bytes) -> dict[str, bool]:
    """Every font the file uses (pages and the forms they draw), and whether it is embedded."""
    found: dict[str, bool] = {}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        seen: set = set()

        def visit(resources):
            if resources is None or resources.objgen in seen and resources.objgen != (0, 0):
                return
            seen.add(resources.objgen)
            for font in (resources.get("/Font") or {}).values():
                name = str(font.get("/BaseFont", "?")).lstrip("/")
                descendants = font.get("/DescendantFonts")
                target = descendants[0] if descendants else font
                descriptor = target.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                found[name] = found.get(name, True) and embedded
            for xobject in (resources.get("/XObject") or {}).values():
                visit(xobject.get("/Resources"))

        for page in pdf.pages:
            visit(page.obj.get("/Resources"))
    return found


def link_targets(data: bytes, page: int) -> list[int]:
    """The 1-based pages the internal links on ``page`` (1-based) jump to, in order."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        numbers = {p.obj.objgen: n for n, p in enumerate(pdf.pages, 1)}
        targets = []
        for annot in pdf.pages[page - 1].obj.get("/Annots") or []:
            dest = annot.get("/Dest")
            if dest is None and "/A" in annot:
                dest = annot["/A"].get("/D")
            if isinstance(dest, pikepdf.Array):
                targets.append(numbers[dest[0].objgen])
        return targets


def check(data: bytes) -> list[str]:
    """qpdf's structural check of the file, through pikepdf: the problems it finds."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return list(pdf.check_pdf_syntax())


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def word_boxes(data: bytes, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) of every word on ``page`` as pdftotext -bbox reads it
    (points, from the top left corner)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.pdf"
        path.write_bytes(data)
        html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
    return [(word, float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def strokes(data: bytes, page: int = 1) -> list[tuple[float, float, float, float, tuple[float, ...]]]:
    """The straight lines stroked on ``page`` (1-based): (x1, y1, x2, y2, stroke colour), in points
    from the top left corner like ``word_boxes``. Follows ``cm``, ``q``/``Q`` and ``RG``."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pg = pdf.pages[page - 1]
        height = float(pg.mediabox[3])
        ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        colour: tuple[float, ...] = (0.0,)
        stack = []
        path: list[tuple[float, float]] = []
        found = []

        def apply(x, y):
            a, b, c, d, e, f = ctm
            return a * x + c * y + e, b * x + d * y + f

        for operands, op in pikepdf.parse_content_stream(pg):
            name = str(op)
            if name == "q":
                stack.append((ctm, colour))
            elif name == "Q" and stack:
                ctm, colour = stack.pop()
            elif name == "cm":
                a2, b2, c2, d2, e2, f2 = (float(v) for v in operands)
                a, b, c, d, e, f = ctm
                ctm = (a2 * a + b2 * c, a2 * b + b2 * d, c2 * a + d2 * c, c2 * b + d2 * d,
                       e2 * a + f2 * c + e, e2 * b + f2 * d + f)
            elif name == "RG":
                colour = tuple(round(float(v), 3) for v in operands)
            elif name == "m":
                path = [apply(float(operands[0]), float(operands[1]))]
            elif name == "l":
                path.append(apply(float(operands[0]), float(operands[1])))
            elif name == "S":
                for (x1, y1), (x2, y2) in zip(path, path[1:], strict=False):
                    found.append((x1, height - y1, x2, height - y2, colour))
                path = []
        return found


def watermarks(data: bytes) -> list[tuple[int, int, bytes]]:
    """Per page, what its watermark artifact draws: (filled shapes, text operators, the
    drawing's operators as bytes, to compare two watermarks)."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            depth, inside, shapes, texts = 0, [], 0, 0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "BDC" and not depth and "/Watermark" in str(operands[1]):
                    depth = 1
                    continue
                if depth:
                    depth += op in ("BDC", "BMC")
                    depth -= op == "EMC"
                    if not depth:
                        continue
                    inside.append((operands, operator))
                    shapes += op == "f"
                    texts += op in ("BT", "Tj", "TJ", "'", '"')
            found.append((shapes, texts, pikepdf.unparse_content_stream(inside)))
    return found
