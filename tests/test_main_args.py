"""``main.py`` with no sub-command opens the desktop app without building every sub-command's parser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import main

ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize(("argv", "db"), [
    ([], None),
    (["--db", "talks.db"], "talks.db"),
    (["--db=sqlite:///talks.db"], "sqlite:///talks.db"),
])
def test_the_desktop_app_takes_only_the_database(argv, db):
    assert vars(main.gui_arguments(argv)) == {"db": db, "command": None}


@pytest.mark.parametrize("argv", [
    ["meetings"], ["--db", "talks.db", "meetings"], ["--help"], ["-h"], ["--db"], ["--db="],
    ["--db", "--help"], ["--database", "talks.db"],
])
def test_anything_else_goes_through_the_full_parser(argv):
    assert main.gui_arguments(argv) is None


def test_starting_the_app_does_not_load_the_sub_commands(tmp_path):
    code = (
        "import sys, main\n"
        "main.run_gui = lambda args: print(args.db, 'cli' in sys.modules)\n"
        f"main.main(['--db', {str(tmp_path / 'a.db')!r}])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == [str(tmp_path / "a.db"), "False"]


def test_help_still_lists_every_sub_command(capsys):
    with pytest.raises(SystemExit):
        main.main(["--help"])
    listed = capsys.readouterr().out
    for name in ("meetings", "sample", "import", "dump", "search", "backup", "restore", "export"):
        assert name in listed
