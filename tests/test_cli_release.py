"""``export --up-to`` and ``dump --up-to`` as a user runs them: real processes, files, messages."""

from __future__ import annotations

import json

import pytest

from tests.briefing.pdf.reading import page_texts
from tests.briefing.test_release import (
    KEPT,
    ROUND_2,
    WITHHELD,
    WITHHELD_COUNT,
    WITHHELD_MORE,
    release_doc,
)
from tests.briefing.test_release_pdf import leaks
from tests.test_cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("release-cli")
    source = tmp / "release.json"
    source.write_text(json.dumps(release_doc(), ensure_ascii=False), encoding="utf-8")
    path = tmp / "cli.db"
    run = cli("import", str(source), db=path)
    assert run.returncode == 0, run.stderr
    return path


def test_export_up_to_writes_a_release_copy_with_nothing_withheld(db, tmp_path):
    out = tmp_path / "release.pdf"
    run = cli("export", ROUND_2, "--up-to", "U", "-o", str(out), db=db)
    assert run.returncode == 0, run.stderr
    data = out.read_bytes()
    assert leaks(data) == {"bytes": [], "text": [], "names": [], "glyphs": []}
    text = " ".join(page_texts(data))
    assert all(k in text for k in KEPT) and f"{WITHHELD_COUNT} portions withheld" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.pdf"]  # no temp file left


def test_export_up_to_an_unknown_code_names_the_ladder_and_writes_nothing(db, tmp_path):
    out = tmp_path / "release.pdf"
    run = cli("export", ROUND_2, "--up-to", "SECRET", "-o", str(out), db=db)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "'SECRET'" in run.stderr and "U, SBU, C" in run.stderr
    assert not out.exists()


def test_dump_up_to_writes_the_same_release_as_json(db, tmp_path):
    out = tmp_path / "release.json"
    run = cli("dump", "--up-to", "U", "-o", str(out), db=db)
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert [w for w in WITHHELD + WITHHELD_MORE if w in text] == []
    assert all(k in text for k in KEPT)
    assert "Withheld 23 portion(s)." in run.stderr
    doc = json.loads(text)
    assert doc["version"] == 1 and [i["slug"] for i in doc["issues"]] == ["steel"]
    # another agency imports it
    again = cli("import", str(out), db=tmp_path / "other.db")
    assert again.returncode == 0, again.stderr


def test_dump_up_to_standard_output_is_only_the_json(db):
    run = cli("dump", "--up-to", "U", "-o", "-", db=db)
    assert run.returncode == 0, run.stderr
    assert [w for w in WITHHELD if w in run.stdout] == []
    json.loads(run.stdout)


def test_dump_up_to_an_unknown_code_is_one_line(db, tmp_path):
    run = cli("dump", "--up-to", "x", "-o", str(tmp_path / "r.json"), db=db)
    assert run.returncode == 1 and "Traceback" not in run.stderr and "U, SBU, C" in run.stderr
    assert not (tmp_path / "r.json").exists()
