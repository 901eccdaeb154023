"""JSON interchange: dump the whole store to one document and import such documents.

The format is documented in ``docs/data-format.md``, with a JSON Schema in
``docs/briefbook.schema.json``. Importing then dumping gives the same document.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from briefing.changelog.records import IMPORTED
from briefing.changelog.service import log_meetings
from briefing.config import Config
from briefing.interchange.dump import dump_document
from briefing.interchange.json_objects import InterchangeError, JsonObject, json_integer
from briefing.interchange.load import ImportSummary, write_document
from briefing.interchange.parse import FORMAT, VERSION, parse_document
from db.engine import Database

__all__ = ["FORMAT", "MAX_FILE_BYTES", "VERSION", "ImportSummary", "InterchangeError", "dump_store",
           "import_document", "read_json", "read_json_stream", "write_json"]

#: The largest file ``read_json`` reads: 100 MB, far above a store of real meetings.
MAX_FILE_BYTES = 100 * 1024 * 1024


def dump_store(db: Database, problems: list[str] | None = None) -> dict[str, Any]:
    """Everything in the store (not the Trash) as one document; times that cannot be
    shown in their zone are written in UTC and listed in ``problems``."""
    with db.read() as session:
        return dump_document(session, problems)


def import_document(db: Database, doc: Any, config: Config | None = None,
                    before_write: Callable[[], object] | None = None) -> ImportSummary:
    """Check ``doc`` whole, then add it to the store in one transaction (nothing half-imported).

    ``before_write`` runs once the document has passed its checks, just before the
    store is touched (the backup taken before every import).
    """
    config = config or Config()
    parsed = parse_document(doc, config.ladder.codes, config.home_timezone)
    if before_write is not None:
        before_write()
    with db.write() as session:
        summary = write_document(session, parsed)
        log_meetings(session, IMPORTED, summary.meeting_ids, config.user_name)
        return summary


def read_json(path: Path) -> Any:
    """A JSON file's content; a file that is not JSON is an ``InterchangeError`` saying where.

    A file over ``MAX_FILE_BYTES`` is refused before it is read (see ``read_json_stream``).
    """
    try:
        with path.open("rb") as f:
            return read_json_stream(f, str(path))
    except OSError as error:
        raise InterchangeError("$", f"cannot read {path}: {error.strerror or error}") from None


def read_json_stream(stream: BinaryIO, name: str) -> Any:
    """The JSON document read from ``stream`` (a file, or standard input), named ``name`` in
    messages; one that is not JSON is an ``InterchangeError`` saying where.

    A file over ``MAX_FILE_BYTES`` is refused before it is read; the bytes are let go
    once decoded, so the file is held once as text while it is parsed. Objects come
    back as ``JsonObject`` and integers too long for any field as ``LongNumber``, for
    ``parse_document`` to refuse with their path.
    """
    too_large = f"{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, the most Briefbook imports"
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, ValueError):  # a stream without a file behind it: its size is counted below
        size = 0
    if size > MAX_FILE_BYTES:
        raise InterchangeError("$", too_large)
    raw = bytearray()
    # In pieces, not read(cap): that would set aside the whole cap at once; and a pipe
    # or a growing file has no size to trust.
    while chunk := stream.read(1 << 20):
        raw += chunk
        if len(raw) > MAX_FILE_BYTES:
            raise InterchangeError("$", too_large)
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark (Windows Notepad writes one) is no content
    except UnicodeDecodeError as error:
        raise InterchangeError("$", f"{name} is not UTF-8 text (byte {error.start + 1})") from None
    del raw
    try:
        return json.loads(text, object_pairs_hook=JsonObject, parse_int=json_integer)
    except json.JSONDecodeError as error:
        raise InterchangeError(
            "$", f"{name} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise InterchangeError(
            "$", f"{name} nests lists or objects too deeply (a Briefbook file is a few levels deep)"
        ) from None


def write_json(doc: Any, path: Path) -> Path:
    """Write a document to the file the user named, whole or not at all (``briefing.output``)."""
    from briefing.output import write_atomically

    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return write_atomically(path, text.encode("utf-8"))
