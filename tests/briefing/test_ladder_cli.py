"""The command line with a ministry's own ladder: import sets it, export bands each page with the
highest marking on it and the cover with the book's, dump writes the ladder back; a bad ladder in a
file is refused with its path. Run as a user runs it: a real process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf

ROOT = Path(__file__).parents[2]
UK = [{"code": "OFFICIAL", "name": "OFFICIAL"}, {"code": "OFFICIAL-SENSITIVE", "name": "OFFICIAL-SENSITIVE"},
      {"code": "SECRET", "name": "SECRET"}]


def cli(*args: str, db: Path, config: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "BRIEFBOOK_CONFIG_DIR": str(config)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=180, env=env)


def document(markings) -> dict:
    meeting = {"title": "UK–Japan EPA review", "starts_at": "2022-02-07T09:00:00+09:00",
               "timezone": "Asia/Tokyo", "sensitivity": "OFFICIAL-SENSITIVE",
               "objectives": ("Agree the review's scope.\n\n"
                              "(SECRET) Walk-away point: no change to rules of origin."),
               "classified_by": "A. Smith, Director of Trade Policy"}
    return {"format": "briefbook", "version": 1, "markings": markings, "meetings": [meeting]}


def test_a_files_ladder_is_imported_printed_and_dumped(tmp_path):
    db, config = tmp_path / "store.db", tmp_path / "config"
    source = tmp_path / "uk.json"
    source.write_text(json.dumps(document(UK), ensure_ascii=False), encoding="utf-8")
    imported = cli("import", str(source), db=db, config=config)
    assert imported.returncode == 0, imported.stderr
    book = tmp_path / "book.pdf"
    exported = cli("export", "UK–Japan EPA review", "-o", str(book), db=db, config=config)
    assert exported.returncode == 0, exported.stderr
    reader = pypdf.PdfReader(io.BytesIO(book.read_bytes()))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert pages[0].startswith("SECRET ") and "CLASSIFIED BY A. Smith, Director of Trade Policy" in pages[0]
    assert "REASON — DECLASSIFY ON —" in pages[0]
    assert reader.metadata["/Keywords"] == "SECRET"
    walk_away = [text for text in pages[1:] if "Walk-away point" in text]
    assert walk_away and all(text.startswith("SECRET ") for text in walk_away)
    others = [text for text in pages[1:] if "Walk-away point" not in text]
    assert others and all(text.startswith("OFFICIAL-SENSITIVE ") for text in others)
    out = tmp_path / "dump.json"
    dumped = cli("dump", "-o", str(out), db=db, config=config)
    assert dumped.returncode == 0, dumped.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["markings"] == UK
    assert doc["meetings"][0]["classified_by"] == "A. Smith, Director of Trade Policy"


def test_a_bad_ladder_is_refused_with_its_path_and_nothing_imported(tmp_path):
    db, config = tmp_path / "store.db", tmp_path / "config"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document([{"code": "TOP SECRET"}])), encoding="utf-8")
    refused = cli("import", str(source), db=db, config=config)
    assert refused.returncode != 0
    assert "$.markings[0].code" in refused.stderr and "spaces or parentheses" in refused.stderr
    assert "Traceback" not in refused.stderr
    listed = cli("meetings", db=db, config=config)
    assert "UK–Japan" not in listed.stdout
