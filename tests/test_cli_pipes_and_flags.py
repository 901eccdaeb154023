"""The command line under a hostile tester: a reader that quits, a full disk, abbreviated flags,
and a search for a word that starts with a dash."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from tests.store_files import store_with_sample
from tests.test_cli import ROOT, cli

READS_ONLY = [("meetings",), ("dump", "-o", "-"), ("search", "steel")]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    return store_with_sample(tmp_path_factory.mktemp("cli") / "sample.db")


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_into(stdout: int, *args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)


def no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


@pytest.mark.parametrize("command", READS_ONLY, ids=" ".join)
def test_a_reader_that_quit_ends_the_command_quietly(command, sample_store):
    """`briefbook meetings | head -1`: once the reader has gone, the command stops without a word."""
    before = fingerprint(sample_store)
    read, write = os.pipe()
    os.close(read)  # the reader quit before the first line: every write finds the pipe closed
    try:
        out = run_into(write, *command, db=sample_store)
    finally:
        os.close(write)
    no_traceback(out.stderr)
    assert out.stderr == ""
    assert out.returncode in (0, main.READER_GONE)
    assert fingerprint(sample_store) == before


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full (a Linux device) here")
@pytest.mark.parametrize("command", READS_ONLY, ids=" ".join)
def test_standard_output_on_a_full_disk_fails_with_the_system_reason_on_one_line(command, sample_store):
    before = fingerprint(sample_store)
    with open("/dev/full", "w") as full:
        out = run_into(full.fileno(), *command, db=sample_store)
    no_traceback(out.stderr)
    assert out.returncode != 0
    assert out.stderr == "briefbook: cannot write to standard output: No space left on device\n"
    assert fingerprint(sample_store) == before


@pytest.mark.parametrize("argv, flag", [
    (["--d", "{db}", "meetings"], "--d"),
    (["meetings", "--he"], "--he"),
    (["export", "1", "-o", "{out}", "--note", "tariffs"], "--note"),
    (["export", "1", "-o", "{out}", "--pass"], "--pass"),
    (["export", "1", "-o", "{out}", "--out", "{out}"], "--out"),
    (["dump", "-o", "{out}", "--out", "{out}"], "--out"),
    (["backup", "--lis"], "--lis"),
    (["search", "--lim", "3", "steel"], "--lim"),
    (["search", "--meet", "1", "steel"], "--meet"),
    (["import", "{out}", "--he"], "--he"),
])
def test_a_flag_is_never_taken_from_its_first_letters(argv, flag, tmp_path, capsys):
    """`--note` does not silently mean `--notes`: it is refused before the store is opened."""
    db = tmp_path / "never-created.db"
    argv = [a.format(db=db, out=tmp_path / "out") for a in argv]
    if argv[0] != "--d":
        argv = ["--db", str(db), *argv]
    with pytest.raises(SystemExit) as exit_:
        main.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"unrecognized arguments: {flag}" in err or f"invalid choice: '{db}'" in err, err
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "cli.db"
    assert cli("sample", db=path).returncode == 0
    return path


def test_a_query_that_starts_with_a_dash_is_searched_as_it_is(db):
    """`search -aluminum steel` finds steel without aluminum, as `search -- -aluminum steel` does."""
    out = cli("search", "-aluminum", "steel", db=db)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    assert out.stdout == cli("search", "--", "-aluminum", "steel", db=db).stdout
    assert out.stdout != cli("search", "steel", db=db).stdout
    assert "luminum" not in out.stdout and "«steel»" in out.stdout.lower()
    alone = cli("search", "-steel", db=db)
    assert alone.returncode == 0 and alone.stdout == "Nothing to search for in '-steel'.\n", alone.stderr


def test_searchs_own_flags_still_work_beside_words_that_start_with_a_dash(db):
    everything = cli("search", "steel", db=db).stdout.splitlines()
    assert len(everything) > 2
    limited = cli("search", "--limit", "1", "-aluminum", "steel", db=db)
    assert limited.returncode == 0 and len(limited.stdout.splitlines()) == 1
    section = cli("search", "-aluminum", "--section=their_position", "japan", "--limit", "50", db=db)
    assert section.returncode == 0, section.stderr
    lines = section.stdout.splitlines()
    assert lines and all("› Their position" in line for line in lines)
    mistyped = cli("search", "--limt", "1", "steel", db=db)
    assert mistyped.returncode == 2 and "unrecognized arguments: --limt" in mistyped.stderr
    assert cli("search", "-h", db=db).stdout.startswith("usage: briefbook search")


@pytest.mark.parametrize("args, says", [
    (["export", "Round 1"], "briefbook export: error: the following arguments are required: -o/--output"
                            " (see briefbook export --help)"),
    (["frob"], "briefbook: error: argument SUB-COMMAND: invalid choice: 'frob'"),
    (["search", "--limit", "many", "steel"], "briefbook search: error: argument --limit:"),
])
def test_a_mistake_on_the_command_line_is_said_in_one_line_naming_help(db, args, says):
    """As every other error: one line on stderr (argparse's own printed the whole usage first)."""
    out = cli(*args, db=db)
    assert out.returncode == 2 and out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert line.startswith(says) and line.endswith("--help)")
