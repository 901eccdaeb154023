"""A store that cannot be reached, or a source that is not there, is one line on stderr, never a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.test_cli import cli


def _closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("where", ["a folder where no file can be made", "a server nobody runs"])
def test_a_store_that_cannot_be_opened_is_named_without_a_traceback(where):
    if where.startswith("a folder") and not Path("/proc/self").is_dir():
        pytest.skip("needs Linux's /proc: a folder that exists and where no file can be created")
    url = ("/proc/store.db" if where.startswith("a folder")
           else f"postgresql+psycopg://nobody:secret@127.0.0.1:{_closed_port()}/briefbook")
    run = cli("meetings", db=url)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert run.stderr.startswith("briefbook: cannot open the store ") and "secret" not in run.stderr


def test_copy_to_a_store_that_cannot_be_opened_is_refused(tmp_path):
    source = tmp_path / "source.db"
    assert cli("sample", db=source).returncode == 0
    run = cli("copy", "--from", str(source), "--to", str(tmp_path / "file.txt" / "x.db"), db=source)
    (tmp_path / "file.txt").write_text("")
    again = cli("copy", "--from", str(source), "--to", str(tmp_path / "file.txt" / "x.db"), db=source)
    for result in (run, again):
        assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith("briefbook:")


def test_copy_from_a_store_that_is_not_there_creates_nothing(tmp_path):
    missing, target = tmp_path / "missing.db", tmp_path / "target.db"
    run = cli("copy", "--from", str(missing), "--to", str(target), db=missing)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert run.stderr.strip() == f"briefbook: there is no store at {missing}; nothing was copied."
    assert not missing.exists() and not target.exists()


def test_the_meeting_record_is_refused_as_a_word_file(tmp_path):
    db = tmp_path / "s.db"
    assert cli("sample", db=db).returncode == 0
    run = cli("export", "1", "--record", "-o", str(tmp_path / "record.docx"), db=db)
    assert run.returncode == 1 and not (tmp_path / "record.docx").exists()
    assert run.stderr.strip() == "briefbook: output: the meeting record is written as a PDF: name a .pdf file"
