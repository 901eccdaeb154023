"""Issue 13 from the command line: import → dump keeps every new field, a bad one is refused with
its JSON path, and ``export`` names a paper over its page budget on standard error."""

from __future__ import annotations

import json

import jsonschema

from tests.briefing.pdf.reading import outline
from tests.test_cli import ROOT, cli

LONG = "A long paragraph of background that goes on and on. " * 300


def _document() -> dict:
    return {
        "format": "briefbook", "version": 1,
        "issues": [{"slug": "steel", "title": "Steel <&> 鉄鋼"}, {"slug": "wto", "title": "WTO"}],
        "qa": [
            {"key": "q-steel", "issue": "steel", "kind": "defensive", "question": "Why 25%? 🙂",
             "answer": "Because **overcapacity**.", "status": "cleared"},
            {"key": "press-day", "issue": None, "kind": "press", "question": "The day",
             "answer": "A good day.", "status": "draft"},
        ],
        "meetings": [{
            "key": "m1", "previous": None, "title": "Round 1", "round": 1,
            "starts_at": "2022-02-07T09:00:00+09:00", "ends_at": "2022-02-07T17:00:00+09:00",
            "timezone": "Asia/Tokyo", "home_timezone": "America/New_York",
            "page_budget": {"full": 1, "short": None, "defensive": 1},
            "agenda": [{"title": "Opening", "minutes": 30, "issue": "steel", "speaker_ours": "Tai",
                        "speaker_theirs": "萩生田", "press": "open", "points": "- Welcome"}],
            "notes": [{"issue": "steel", "background": LONG, "qa": ["q-steel", "press-day"]},
                      {"issue": "wto", "tier": "defensive", "qa": ["press-day"]}],
        }],
    }


def test_import_then_dump_keeps_every_new_field_and_validates(tmp_path):
    db, source, dumped = tmp_path / "s.db", tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(_document(), ensure_ascii=False), encoding="utf-8")
    assert cli("import", str(source), db=db).returncode == 0
    run = cli("dump", "-o", str(dumped), db=db)
    assert run.returncode == 0, run.stderr
    out = json.loads(dumped.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "docs" / "briefbook.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(out, schema)
    doc = _document()
    assert out["qa"] == doc["qa"]
    meeting = out["meetings"][0]
    assert meeting["page_budget"] == {"full": 1, "short": None, "defensive": 1}
    assert {k: meeting["agenda"][0][k] for k in ("speaker_ours", "speaker_theirs", "press", "points")} \
        == {"speaker_ours": "Tai", "speaker_theirs": "萩生田", "press": "open", "points": "- Welcome"}
    assert meeting["notes"][0]["qa"] == ["q-steel", "press-day"] and "tier" not in meeting["notes"][0]
    assert meeting["notes"][1]["tier"] == "defensive" and meeting["notes"][1]["qa"] == ["press-day"]
    again = cli("import", str(dumped), db=db)  # entries matched by key: not added twice
    assert again.returncode == 0, again.stderr
    run = cli("dump", "-o", str(dumped), db=db)
    assert json.loads(dumped.read_text(encoding="utf-8"))["qa"] == doc["qa"]


def test_a_bad_new_field_is_refused_whole_naming_its_path(tmp_path):
    db = tmp_path / "s.db"
    cases = [
        (("meetings", 0, "notes", 1, "tier"), "summary", "$.meetings[0].notes[1].tier"),
        (("meetings", 0, "notes", 0, "qa"), ["nope"], "$.meetings[0].notes[0].qa[0]"),
        (("meetings", 0, "page_budget", "full"), 0, "$.meetings[0].page_budget.full"),
        (("meetings", 0, "page_budget", "short"), "2", "$.meetings[0].page_budget.short"),
        (("meetings", 0, "agenda", 0, "press"), "ajar", "$.meetings[0].agenda[0].press"),
        (("qa", 1, "kind"), "rumour", "$.qa[1].kind"),
        (("qa", 1, "question"), "  ", "$.qa[1].question"),
        (("qa", 1, "key"), "q-steel", "$.qa[1].key"),
    ]
    for path, value, where in cases:
        doc = _document()
        target = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        source = tmp_path / "bad.json"
        source.write_text(json.dumps(doc), encoding="utf-8")
        run = cli("import", str(source), db=db)
        assert run.returncode != 0 and where in run.stderr, (where, run.stderr)
        assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "Round 1" not in cli("meetings", db=db).stdout  # nothing half-imported


def test_export_names_a_paper_over_its_budget_on_stderr(tmp_path):
    db, source, pdf = tmp_path / "s.db", tmp_path / "in.json", tmp_path / "book.pdf"
    source.write_text(json.dumps(_document(), ensure_ascii=False), encoding="utf-8")
    assert cli("import", str(source), db=db).returncode == 0
    run = cli("export", "Round 1", "-o", str(pdf), "--sections", "papers,scenario,qa_annex", db=db)
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if "budget" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith("briefbook: warning: Issue paper “Steel <&> 鉄鋼”: ")
    assert "pages, over the full papers' budget of 1 page" in warnings[0]
    titles = [t for level, t, _ in outline(pdf.read_bytes()) if level == 0]
    assert titles == ["Scenario", "Issue papers", "Annex: questions and press lines"]


def test_export_help_lists_the_new_sections_and_refuses_a_misspelt_one(tmp_path):
    run = cli("export", "--help", db=tmp_path / "s.db")
    assert "scenario" in run.stdout and "qa_annex" in run.stdout
    bad = cli("export", "x", "-o", str(tmp_path / "b.pdf"), "--sections", "qa-annex", db=tmp_path / "s.db")
    assert bad.returncode != 0 and "unknown section 'qa-annex'" in bad.stderr and "qa_annex" in bad.stderr
