"""How ``main.py export`` ends: once the book is on disk the process ends at once (no interpreter
shutdown), with its file whole, its line printed and exit code 0; a failure is still one line on
stderr and a non-zero exit; a call in a process that goes on (a test's, a benchmark's) returns."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from tests.briefing.pdf.reading import page_texts
from tests.test_cli import ROOT, cli

#: Runs Briefbook as its console script does (``main()`` reads the process's own arguments), with
#: an exit handler that tells whether Python's shutdown ran.
AS_INSTALLED = """
import atexit, sys
import main
atexit.register(print, "the interpreter shut down", flush=True)
sys.argv = ["briefbook", *sys.argv[1:]]
sys.exit(main.main())
"""

#: The same command called in a process that goes on afterwards.
IN_PROCESS = """
import atexit, sys
import main
atexit.register(print, "the interpreter shut down", flush=True)
status = main.main(sys.argv[1:])
print(f"main returned {status}", flush=True)
"""


def briefbook(script: str, *args: str, db: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", script, "--db", str(db), *args], cwd=ROOT,
                          text=True, timeout=120, **{"capture_output": True, **kwargs})


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("exit") / "cli.db"
    assert cli("sample", db=path).returncode == 0
    return path


def test_an_export_ends_its_process_once_the_whole_book_is_written(db, tmp_path):
    out = tmp_path / "brief.pdf"
    run = briefbook(AS_INSTALLED, "export", "2", "-o", str(out), db=db)
    assert run.returncode == 0, run.stderr
    assert "the interpreter shut down" not in run.stdout  # it ended without Python's shutdown
    pages = len(page_texts(out.read_bytes()))
    assert run.stdout == f"Wrote {pages} page(s) to {out}.\n" and run.stderr == ""
    assert pages > 10 and out.read_bytes().rstrip().endswith(b"%%EOF")
    with pikepdf.open(out) as pdf:
        assert pdf.check_pdf_syntax() == [] and len(pdf.pages) == pages


def test_an_export_to_standard_output_is_flushed_before_the_process_ends(db, tmp_path):
    run = subprocess.run([sys.executable, "-c", AS_INSTALLED, "--db", str(db), "export", "2", "-o", "-"],
                         cwd=ROOT, capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert b"the interpreter shut down" not in run.stdout
    pages = len(page_texts(run.stdout))
    assert run.stdout.rstrip().endswith(b"%%EOF") and pages > 10
    assert run.stderr.decode() == f"Wrote {pages} page(s) to standard output.\n"


def test_other_commands_and_calls_in_a_process_that_goes_on_end_as_before(db, tmp_path):
    listed = briefbook(AS_INSTALLED, "meetings", db=db)
    assert listed.returncode == 0 and listed.stdout.endswith("the interpreter shut down\n")
    out = tmp_path / "brief.pdf"
    called = briefbook(IN_PROCESS, "export", "2", "-o", str(out), db=db)
    assert called.returncode == 0, called.stderr
    assert called.stdout.endswith("main returned 0\nthe interpreter shut down\n")
    assert len(page_texts(out.read_bytes())) > 10


def test_a_failed_export_still_prints_one_line_and_exits_non_zero(db, tmp_path):
    out = tmp_path / "brief.pdf"
    run = briefbook(AS_INSTALLED, "export", "no such meeting", "-o", str(out), db=db)
    assert run.returncode == 1 and not out.exists()
    assert len(run.stderr.splitlines()) == 1 and run.stderr.startswith("briefbook: ")
    assert "Traceback" not in run.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a full disk)")
def test_a_line_that_cannot_be_printed_at_the_end_is_one_error_not_a_silent_success(db, tmp_path):
    out = tmp_path / "brief.pdf"
    with open("/dev/full", "w") as full:  # standard output on a full disk: the last flush fails
        run = briefbook(AS_INSTALLED, "export", "2", "-o", str(out), db=db, stdout=full,
                        stderr=subprocess.PIPE, capture_output=False)
    assert run.returncode == 1
    assert run.stderr == "briefbook: cannot write to standard output: No space left on device\n"
    assert len(page_texts(out.read_bytes())) > 10  # the book itself was written whole
