"""A PDF incremental update's bytes (ISO 32000-2 7.5.6): changed objects, then a cross-reference stream.

``incremental_update`` writes each object it is given and every object they
reach that the file does not hold yet, then a cross-reference stream whose
``/Prev`` points at the file's last one; appended to the file, the objects
written replace the ones of the same numbers. ``briefing.pdf.appended`` decides
what changed; this module only writes it.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pikepdf

_REFERENCE = re.compile(rb"(\d+) (\d+) R")


class Update(NamedTuple):
    """An update to append to a file: its bytes, where its cross-reference stream starts (in the
    file with the update appended), the file's new ``/Size``, and the object numbers it wrote."""

    data: bytes
    xref: int
    size: int
    numbers: list[int]


def incremental_update(pdf: pikepdf.Pdf, data: bytes, dirty: list, *, prev_xref: int, size: int,
                       is_written: Callable[[int], bool], file_id: bytes) -> Update:
    """The update that writes ``dirty`` (objects of ``pdf``, the file ``data`` opened) and every
    object they reach that ``is_written`` says the file lacks, to be appended to ``data`` after a
    line break when it does not end with one. ``prev_xref`` is the offset of the file's last
    cross-reference, ``size`` its ``/Size``, ``file_id`` the first half of its ``/ID`` (or empty)."""
    import pikepdf

    start = len(data) + (0 if data.endswith(b"\n") else 1)
    out = bytearray()
    offsets: dict[int, tuple[int, int]] = {}
    queue = list(reversed(dirty))
    while queue:
        obj = queue.pop()
        number, generation = obj.objgen
        if number in offsets:
            continue
        offsets[number] = (start + len(out), generation)
        if isinstance(obj, pikepdf.Stream):
            raw = obj.read_raw_bytes()
            head = pikepdf.Dictionary({key: value for key, value in obj.stream_dict.items()
                                       if key != "/Length"})
            head.Length = len(raw)
            text = head.unparse(resolved=True)
            body = text + b"\nstream\n" + raw + b"\nendstream"
        else:
            text = body = obj.unparse(resolved=True)
        out += b"%d %d obj\n" % (number, generation) + body + b"\nendobj\n"
        for found in _REFERENCE.finditer(text):
            referred = int(found.group(1))
            if referred not in offsets and not is_written(referred):
                target = pdf.get_object((referred, int(found.group(2))))
                if target is not None:  # else the pattern was inside a string
                    queue.append(target)
    xref = pdf.make_indirect(pikepdf.Dictionary()).objgen[0]  # a number of its own
    at = start + len(out)
    offsets[xref] = (at, 0)
    numbers = sorted(offsets)
    size = max(size, numbers[-1] + 1)
    index: list[int] = []
    for number in numbers:
        if index and index[-2] + index[-1] == number:
            index[-1] += 1
        else:
            index += [number, 1]
    rows = zlib.compress(b"".join(struct.pack(">BIH", 1, *offsets[n]) for n in numbers))
    trailer = pdf.trailer
    update_id = hashlib.md5(bytes(out) + struct.pack(">Q", at)).hexdigest().encode()
    fields = [b"/Type /XRef", b"/Size %d" % size, b"/W [ 1 4 2 ]",
              b"/Index [ " + b" ".join(b"%d" % n for n in index) + b" ]",
              b"/Prev %d" % prev_xref, b"/Root %d %d R" % pdf.Root.objgen,
              b"/Filter /FlateDecode", b"/Length %d" % len(rows)]
    info = trailer.get("/Info")
    if info is not None and info.is_indirect:
        fields.append(b"/Info %d %d R" % info.objgen)
    if file_id:
        fields.append(b"/ID [ <" + file_id.hex().encode() + b"> <" + update_id + b"> ]")
    out += (b"%d 0 obj\n<< " % xref + b" ".join(fields) + b" >>\nstream\n" + rows
            + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % at)
    return Update(bytes(out), at, size, numbers)
