"""Generate the large store the benchmarks use: 1,000 meetings and 20,000 issue notes.

Built as one interchange document and imported through the domain (one
transaction), then cached in ``benchmarks/out/``. Two past meetings of 50 notes
each (keys ``bench-50-a`` and ``bench-50-b``) are there for the switching
benchmark; the other 998 meetings share the remaining 19,900 notes and spread
from 2015 to 2034, so that some are upcoming.
"""

from __future__ import annotations

import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks import OUT
from briefing.config import Config
from briefing.interchange import import_document
from briefing.interchange.sample import load_sample
from briefing.services import Services
from db.revisions import HEAD

MEETINGS = 1000
NOTES = 20_000
ISSUES = 60
SWITCH_KEYS = ("bench-50-a", "bench-50-b")
# Named after the schema revision, so that a newer schema gets fresh stores (not upgraded copies).
BIG = OUT / f"big-1000-meetings-{HEAD}.db"
SAMPLE = OUT / f"sample-{HEAD}.db"

WORDS = ("tariff quota steel aluminum capacity subsidy market access rules origin digital data "
         "labour environment procurement dispute settlement reform ministerial safeguard "
         "standards services investment agriculture semiconductors supply chain").split()


def _text(rng: random.Random, sentences: int) -> str:
    return " ".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."
        for _ in range(sentences)
    )


def _note(rng: random.Random, slug: str) -> dict[str, Any]:
    return {
        "issue": slug,
        "background": _text(rng, 4),
        "objectives": "\n".join(f"- {_text(rng, 1)}" for _ in range(3)),
        "their_position": _text(rng, 3),
        "talking_points": "\n".join(f"{i}. {_text(rng, 1)}" for i in range(1, 5)),
        "defensives": f"**Q.** {_text(rng, 1)}\n\n**A.** {_text(rng, 2)}",
        "red_lines": f"- {_text(rng, 1)}",
        "status": rng.choice(("draft", "cleared")),
        "priority": rng.choice(("high", "medium", "low")),
        "owner": rng.choice(("Trade Remedies", "Asia-Pacific", "Digital Trade", "Legal")),
    }


def _meeting(rng: random.Random, n: int, start: datetime, notes: int, key: str | None) -> dict[str, Any]:
    return {
        "key": key or f"bench-{n:04d}",
        "title": f"Benchmark talks {n:04d} — Round {n % 12 + 1}",
        "round": n % 12 + 1,
        "counterpart": "Counterpart delegation",
        "location": rng.choice(("Tokyo", "Washington", "Brussels", "Geneva", "Singapore")),
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=8)).isoformat(),
        "timezone": "Asia/Tokyo",
        "home_timezone": "America/New_York",
        "status": "planned",
        "objectives": _text(rng, 3),
        "agenda": [{"title": f"Item {i + 1}: {_text(rng, 1)[:60]}", "minutes": 45,
                    "issue": f"issue-{i:02d}"} for i in range(8)],
        "notes": [_note(rng, f"issue-{i:02d}") for i in range(notes)],
        "actions": [{"text": _text(rng, 1), "owner": "Legal", "due": "2030-01-01"} for _ in range(3)],
    }


def big_document(seed: int = 7) -> dict[str, Any]:
    """The interchange document of the large store."""
    rng = random.Random(seed)
    first = datetime.fromisoformat("2015-01-05T09:00:00+09:00")
    others = MEETINGS - len(SWITCH_KEYS)
    spread = NOTES - 50 * len(SWITCH_KEYS)
    counts = [spread // others + (1 if i < spread % others else 0) for i in range(others)]
    meetings = [_meeting(rng, i, first + timedelta(days=7 * i), counts[i], None) for i in range(others)]
    meetings += [_meeting(rng, others + i, first + timedelta(days=3 + i), 50, key)
                 for i, key in enumerate(SWITCH_KEYS)]
    return {
        "format": "briefbook", "version": 1,
        "issues": [{"slug": f"issue-{i:02d}", "title": f"Issue {i:02d}: {_text(rng, 1)[:50]}",
                    "description": _text(rng, 2)} for i in range(ISSUES)],
        "people": [],
        "meetings": meetings,
    }


def _build(path: Path, fill) -> Path:
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    scratch = path.with_suffix(".tmp")
    scratch.unlink(missing_ok=True)
    services = Services.open(f"sqlite:///{scratch}", Config())
    try:
        fill(services)
    finally:
        services.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    shutil.move(scratch, path)
    return path


def big_store() -> Path:
    """The large store (generated once, ~1 minute)."""
    return _build(BIG, lambda s: import_document(s.db, big_document(), s.config))


def sample_store() -> Path:
    """A store holding just the sample meetings."""
    return _build(SAMPLE, lambda s: load_sample(s.db, s.config))


if __name__ == "__main__":
    for made in (sample_store(), big_store()):
        print(made)
