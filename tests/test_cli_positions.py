"""``main.py positions``: where each issue stands, and one issue across the rounds, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def _meeting(key, previous, round_no, day, positions, agenda=()):
    return {"key": key, "previous": previous, "title": f"Talks — Round {round_no}", "round": round_no,
            "starts_at": f"2022-0{day}-07T09:00:00+09:00", "timezone": "Asia/Tokyo",
            "agenda": list(agenda), "positions": positions}


DOCUMENT = {
    "format": "briefbook", "version": 1,
    "issues": [{"slug": "steel", "title": "Steel & aluminium", "description": ""},
               {"slug": "digital", "title": "Digital trade", "description": ""}],
    "meetings": [
        _meeting("r1", None, 1, 1, [{"issue": "steel", "ours": "Lift <all> tariffs", "state": "open"}]),
        _meeting("r2", "r1", 2, 2, [{"issue": "steel", "state": "bracketed"},
                                    {"issue": "digital", "theirs": "データ", "state": "open"}]),
        _meeting("r3", "r2", 3, 3, [{"issue": "steel", "state": "bracketed"}],
                 agenda=[{"title": "Digital", "issue": "digital", "record": "Said", "agreed": "Done",
                          "open_points": "ACTION: follow up"}]),
    ],
}


def _store(tmp_path) -> Path:
    db = tmp_path / "p.db"
    source = tmp_path / "talks.json"
    source.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    done = cli("import", str(source), db=db)
    assert done.returncode == 0, done.stderr
    return db


def test_positions_prints_slug_state_and_since_one_line_per_issue(tmp_path):
    db = _store(tmp_path)
    out = cli("positions", "Talks — Round 3", db=db)
    assert out.returncode == 0, out.stderr
    # the agenda's issues first; digital has no position in round 3 yet: open, as in round 2;
    # steel kept its brackets since round 2
    assert out.stdout.splitlines() == ["digital\topen\t2", "steel\tbracketed\t2"]


def test_positions_of_one_issue_across_the_chain_oldest_first(tmp_path):
    db = _store(tmp_path)
    out = cli("positions", "Talks — Round 3", "--issue", "steel", db=db)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["r1\t1\topen\t1", "r2\t2\tbracketed\t2", "r3\t3\tbracketed\t2"]
    upto = cli("positions", "Talks — Round 2", "--issue", "digital", db=db)
    assert upto.stdout.splitlines() == ["r1\t1\t-\t-", "r2\t2\topen\t2"]


def test_an_unknown_issue_or_meeting_is_one_clear_line(tmp_path):
    db = _store(tmp_path)
    bad = cli("positions", "Talks — Round 3", "--issue", "rice", db=db)
    assert bad.returncode != 0 and "rice" in bad.stderr and "Traceback" not in bad.stderr
    gone = cli("positions", "No such talks", db=db)
    assert gone.returncode != 0 and "Traceback" not in gone.stderr


def test_a_dump_carries_positions_and_the_record_and_imports_again(tmp_path):
    db = _store(tmp_path)
    dumped = cli("dump", "-o", str(tmp_path / "out.json"), db=db)
    assert dumped.returncode == 0, dumped.stderr
    doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    r1, r2, r3 = doc["meetings"]
    assert r1["positions"] == [{"issue": "steel", "ours": "Lift <all> tariffs", "theirs": "",
                                "state": "open"}]
    assert r2["positions"][1] == {"issue": "digital", "ours": "", "theirs": "データ", "state": "open"}
    item = r3["agenda"][0]
    assert (item["record"], item["agreed"], item["open_points"]) == ("Said", "Done", "ACTION: follow up")
    again = cli("import", str(tmp_path / "out.json"), db=tmp_path / "second.db")
    assert again.returncode == 0, again.stderr
    assert cli("positions", "Talks — Round 3", db=tmp_path / "second.db").stdout.splitlines() == \
        ["digital\topen\t2", "steel\tbracketed\t2"]
