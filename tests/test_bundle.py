"""The installed app (``make bundle``): ``dist/briefbook/briefbook`` run as ministry staff run it.

These tests never build the bundle (PyInstaller takes minutes): ``.ci/run`` runs
``make bundle`` before ``make test``; where it was not built they are skipped.
Every run gets its own home, data and config folders, and the bundle's own
folder must come out of each test unchanged (the app writes only where the
store and the user's folders are).
"""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from tests.briefing.pdf.reading import fonts, page_texts

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "briefbook"
APP = BUNDLE / ("briefbook.exe" if sys.platform == "win32" else "briefbook")
ROUND_1 = "US–Japan Partnership on Trade — Round 1"
ROUND_2 = "US–Japan Partnership on Trade — Round 2"

#: What the bundle is built from (packaging/briefbook.spec).
SOURCES = ("main.py", "packaging", "cli", "briefing", "db", "ui", "resources")


def changed_since_the_build() -> Path | None:
    """A source file newer than the bundle (so the bundle is not this code), or None."""
    built = APP.stat().st_mtime
    for name in SOURCES:
        for path in [ROOT / name, *(ROOT / name).rglob("*")]:
            if path.is_file() and "__pycache__" not in path.parts and path.stat().st_mtime > built:
                return path.relative_to(ROOT)
    return None


pytestmark = [
    pytest.mark.skipif(
        not APP.exists(),
        reason=f"the bundle was not built ({APP.relative_to(ROOT)} is missing): `make bundle` builds "
        "it with PyInstaller, and .ci/run does so before the tests",
    ),
    pytest.mark.skipif(  # on a developer's tree only: CI builds the bundle just before the tests
        not os.environ.get("CI") and APP.exists() and changed_since_the_build() is not None,
        reason=f"the bundle is older than the code ({APP.exists() and changed_since_the_build()} "
        "changed since): run `make bundle` again",
    ),
]


def user_environment(home: Path) -> dict[str, str]:
    """This process's environment with a fresh home, data and config folder, and no store chosen."""
    env = {k: v for k, v in os.environ.items() if k not in ("BRIEFBOOK_DB", "QT_QPA_PLATFORM")}
    for name, folder in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_CACHE_HOME", "cache")):
        (home / folder).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / folder)
    return env


def briefbook(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The bundled ``briefbook`` with ``args``, started from the home folder."""
    return subprocess.run([str(APP), *args], capture_output=True, text=True, input=stdin,
                          cwd=home, env=user_environment(home), timeout=300)


def bundle_state() -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(BUNDLE)): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in BUNDLE.rglob("*")}


@pytest.fixture(autouse=True)
def the_bundle_folder_is_left_as_built():
    before = bundle_state()
    yield
    assert bundle_state() == before, "the app wrote into its own folder"


@pytest.fixture
def home(tmp_path) -> Path:
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def test_on_a_fresh_store_the_sample_loads_and_its_round_exports_as_a_book(home, tmp_path):
    store = tmp_path / "store" / "briefbook.db"
    store.parent.mkdir()
    loaded = briefbook("--db", str(store), "sample", home=home)
    assert loaded.returncode == 0, loaded.stderr
    assert "Loaded the sample" in loaded.stdout
    listed = briefbook("--db", str(store), "meetings", home=home)
    assert listed.returncode == 0, listed.stderr
    assert [line.split("\t")[2] for line in listed.stdout.splitlines()] == [
        "US–Japan trade talks, Tokyo", ROUND_1, ROUND_2]

    out = tmp_path / "round1.pdf"
    export = briefbook("--db", str(store), "export", ROUND_1, "-o", str(out), home=home)
    assert export.returncode == 0, export.stderr
    data = out.read_bytes()
    pages = page_texts(data)
    assert export.stdout.strip() == f"Wrote {len(pages)} page(s) to {out}."
    text = " ".join(pages)
    assert ROUND_1 in pages[0] and "Steel and aluminum excess capacity" in text
    assert "萩生田" in text  # a Japanese name, from the shipped Japanese font
    families = {name.split("+")[-1].split("-")[0] for name in fonts(data)}
    assert {"NotoSans", "BIZUDPGothic"} <= families and all(fonts(data).values())  # embedded
    assert not (home / "data" / "Briefbook").exists()  # --db chose the store


def test_a_mistake_is_one_line_on_stderr_not_a_traceback(home, tmp_path):
    run = briefbook("--db", str(tmp_path / "s.db"), "export", "no such meeting", "-o",
                    str(tmp_path / "x.pdf"), home=home)
    assert run.returncode != 0
    assert run.stderr.startswith("briefbook: ") and "Traceback" not in run.stderr


def test_a_store_of_the_first_release_is_upgraded_by_the_shipped_migrations(home, tmp_path):
    from db import revisions
    from db.engine import Database
    from db.migrate import current_revision, upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    database = Database(url)
    upgrade(database, "0001")
    database.dispose()
    run = briefbook("--db", str(tmp_path / "old.db"), "meetings", home=home)
    assert run.returncode == 0, run.stderr
    database = Database(url)
    with database.engine.connect() as connection:
        assert current_revision(connection) == revisions.HEAD
    database.dispose()
    assert len(list((tmp_path / "backups").glob("old-*-before-upgrade-0001-*.db"))) == 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="laying a book out in parallel needs fork")
def test_a_long_book_is_laid_out_by_two_processes_and_encrypted(home, tmp_path):
    from benchmarks.bookgen import populate
    from briefing.config import Config
    from briefing.services import Services

    store = tmp_path / "long.db"
    services = Services.open(f"sqlite:///{store}", Config())
    try:
        meeting = populate(services, papers=16)
    finally:
        services.close()
    out = tmp_path / "long.pdf"
    run = briefbook("--db", str(store), "export", str(meeting), "-o", str(out), "--jobs", "2",
                    "--password-stdin", home=home, stdin="s3cret\n")
    assert run.returncode == 0, run.stderr
    assert "one process instead" not in run.stderr  # the parallel layout did not fall back
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    with pikepdf.open(out, password="s3cret") as pdf:
        assert pdf.encryption.R == 6
        plain = io.BytesIO()
        pdf.save(plain)
    # each run's font subsets are tagged apart: AAAAAA+, AAAAAB+… by the first, BAAAAA+… by the second
    assert {name[0] for name in fonts(plain.getvalue())} == {"A", "B"}
    assert len(page_texts(plain.getvalue())) > 30


#: Under Xvfb: start the app, wait for its window, screenshot it, close it with Ctrl+Q.
WINDOW_SCRIPT = r"""
"$1" & app=$!
for _ in $(seq 1 600); do
    window=$(xdotool search --onlyvisible --name '^Briefbook' 2>/dev/null | head -n 1)
    [ -n "$window" ] && break
    kill -0 "$app" 2>/dev/null || { wait "$app"; echo "ended before its window: $?"; exit 90; }
    sleep 0.1
done
[ -n "$window" ] || { kill "$app"; echo "no window after 60 s"; exit 91; }
echo "title: $(xdotool getwindowname "$window")"
sleep 1
if command -v import >/dev/null; then import -window root "$2"; fi
xdotool windowfocus --sync "$window" key ctrl+q
for _ in $(seq 1 300); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app" 2>/dev/null && { kill "$app"; echo "still running 30 s after Ctrl+Q"; exit 92; }
wait "$app"
"""


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("xdotool")),
                    reason="the window test needs xvfb-run and xdotool (apt: xvfb xauth xdotool)")
def test_without_arguments_the_window_opens_on_a_new_store_with_the_sample(home, tmp_path):
    shot = tmp_path / "window.png"
    run = subprocess.run(
        # -a takes the first free display from -n on: a random start keeps clear of other servers
        ["xvfb-run", "-a", "-n", str(random.randint(100, 30_000)), "-s", "-screen 0 1600x1000x24",
         "bash", "-c", WINDOW_SCRIPT, "window",
         str(APP), str(shot)],
        capture_output=True, text=True, cwd=home,
        env=user_environment(home), timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"title: Briefbook — {ROUND_2}" in run.stdout  # the sample's latest round, first
    assert (home / "data" / "Briefbook" / "briefbook.db").is_file()  # the user's data folder
    if shutil.which("import"):
        assert shot.stat().st_size > 10_000
