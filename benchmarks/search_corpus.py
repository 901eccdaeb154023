"""A generated store for the search benchmark: 100,000 issue notes, about 30 million words.

Deterministic (seeded): 1,000 negotiations of 10 rounds (10,000 meetings linked
by ``previous_id``), each meeting with notes on 10 of 300 library issues, each
note with six sections of 30–70 words. Words follow a Zipf law (s = 1) over a
vocabulary of ``VOCABULARY_SIZE`` words: 300 real English and trade words
first (the most frequent), then made-up words for the long tail, as in real
prose where a few words are everywhere and most are rare. One note in ten has a
Japanese sentence in "their position", built from ``JAPANESE`` (two-character
words, names of one to three characters).

Rows go in with bulk inserts through SQLAlchemy Core, with the index's
triggers dropped, so that the index can then be built (and timed) in one go.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import event, insert

from db.engine import Database
from db.migrate import ensure_schema
from db.models import Issue, IssueNote, Meeting
from db.search import fts

NOTES = 100_000
ROUNDS = 10
NOTES_PER_MEETING = 10
ISSUES = 300
VOCABULARY_SIZE = 50_000
SECTION_WORDS = (30, 70)
JAPANESE_SHARE = 0.1
SEED = 20220207
SECTIONS = ("background", "objectives", "their_position", "talking_points", "defensives", "red_lines")

COMMON = """the of and to in a is that for on with as by we be are this it at from or an our their
will not which have has they would should but all more its any also must can trade tariff tariffs
steel aluminum market access agreement partner partners united states japan japanese government
ministry negotiation negotiations round rounds issue issues position positions talks review
economic economy digital data services goods rules standards framework regional multilateral wto
reform dispute settlement subsidies subsidy excess capacity supply chain chains security export
controls investment labor environment climate energy agriculture rice beef dairy autos parts
semiconductors critical minerals customs procedures quota quotas duty duties relief section
national treatment most favoured nation safeguard safeguards remedy remedies anti dumping
countervailing origin compliance implementation timeline deadline ministerial meeting summit
statement joint working group consultation consultations proposal proposals offer offers request
requests concession concessions red line lines talking points defensive background objective
objectives outcome outcomes text draft bracket brackets chapter annex article paragraph clause
schedule commitments commitment transparency notification notifications state owned enterprises
forced technology transfer intellectual property enforcement cooperation coordination ally allies
china korea european union canada mexico australia india indo pacific asean cptpp rcep ipef
economic coercion resilience diversification stockpile shortage shortages prices price inflation
growth jobs workers industry industries manufacturing producers consumers exporters importers
small medium enterprises sme smes women inclusive sustainable green transition carbon emissions
border adjustment mechanism methodology verification audit monitoring benchmark baseline
principle principles approach approaches concern concerns priority priorities interest interests
support oppose welcome note recall recognise recognize affirm reaffirm seek secure ensure avoid
""".split()

JAPANESE = ("日米 鉄鋼 関税 協定 経済 貿易 交渉 半導体 供給網 農産物 自動車 輸出管理 補助金 過剰生産 "
            "市場 投資 労働 環境 気候 電力 米国 日本 中国 政府 大臣 会談 合意 提案 要求 懸念 "
            "林 萩生田 岸田 茂木 梶山 経済産業省 外務省 通商代表部 第232条 世界貿易機関").split()
PARTICLES = ("の", "は", "を", "が", "と", "で", "に", "について", "および")

_SYLLABLES = ("ka ke ki ko ku ra re ri ro ru ta te ti to tu na ne ni no nu ma me mi mo mu sa se si so "
              "su va ve vi vo la le li lo lu da de di do du ba be bi bo bu").split()


def vocabulary(rng: random.Random) -> list[str]:
    """The generator's words, most frequent first: real words, then made-up ones."""
    words = list(dict.fromkeys(COMMON))
    seen = set(words)
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def zipf_weights(n: int) -> list[float]:
    """Cumulative Zipf weights (s = 1) for ranks 1..n."""
    total, out = 0.0, []
    for rank in range(1, n + 1):
        total += 1.0 / rank
        out.append(total)
    return out


def japanese_sentence(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(3, 6)):
        parts += [rng.choice(JAPANESE), rng.choice(PARTICLES)]
    return "".join(parts[:-1]) + "。"


def _section(rng: random.Random, words: list[str], weights: list[float]) -> str:
    chosen = rng.choices(words, cum_weights=weights, k=rng.randint(*SECTION_WORDS))
    sentences = [" ".join(chosen[i:i + 12]) for i in range(0, len(chosen), 12)]
    return " ".join(s[:1].upper() + s[1:] + "." for s in sentences)


def generate(path: Path, notes: int = NOTES, *, progress=print) -> None:
    """Write the benchmark store to ``path`` (without the full-text index)."""
    rng = random.Random(SEED)
    words = vocabulary(rng)
    weights = zipf_weights(len(words))
    path.unlink(missing_ok=True)
    db = Database(f"sqlite:///{path}")
    # A generated file need not survive a power cut: no fsync per transaction.
    event.listen(db.engine, "connect", lambda dbapi, _: dbapi.execute("PRAGMA synchronous = OFF"))
    ensure_schema(db)
    start = datetime(2015, 1, 5, tzinfo=UTC)
    meetings = notes // NOTES_PER_MEETING
    with db.engine.begin() as c:
        fts.uninstall(c)
        c.execute(insert(Issue.__table__), [
            {"id": i, "slug": f"issue-{i}", "title": " ".join(rng.choices(words[:300], k=3)).title(),
             "description": "", "version": 1} for i in range(1, ISSUES + 1)])
        c.execute(insert(Meeting.__table__), [
            {"id": m, "key": f"m-{m}", "round_no": (m - 1) % ROUNDS + 1,
             "title": f"Negotiation {(m - 1) // ROUNDS + 1} — Round {(m - 1) % ROUNDS + 1}",
             "counterpart": "", "location": "",
             "starts_at": start + timedelta(days=(m - 1) % ROUNDS * 60 + (m - 1) // ROUNDS),
             "ends_at": None, "timezone": "UTC", "home_timezone": "UTC", "status": "planned",
             "sensitivity": "U", "objectives": "", "principal": "", "prepared_by": "",
             "previous_id": m - 1 if (m - 1) % ROUNDS else None,
             "created_at": start, "updated_at": start, "version": 1, "deleted_at": None}
            for m in range(1, meetings + 1)])
    # A negotiation keeps its issues from round to round; each note continues the last round's.
    agendas = [rng.sample(range(1, ISSUES + 1), NOTES_PER_MEETING) for _ in range(meetings // ROUNDS + 1)]
    note_id = 0
    for first in range(1, meetings + 1, 500):
        batch = []
        for m in range(first, min(first + 500, meetings + 1)):
            for position, issue in enumerate(agendas[(m - 1) // ROUNDS]):
                note_id += 1
                row = {name: _section(rng, words, weights) for name in SECTIONS}
                if rng.random() < JAPANESE_SHARE:
                    row["their_position"] += " " + japanese_sentence(rng)
                batch.append({
                    "id": note_id, "meeting_id": m, "issue_id": issue, "position": position, **row,
                    "status": "draft", "priority": "medium", "owner": "",
                    "previous_id": note_id - NOTES_PER_MEETING if (m - 1) % ROUNDS else None,
                    "updated_at": start, "version": 1, "deleted_at": None,
                })
        with db.engine.begin() as c:
            c.execute(insert(IssueNote.__table__), batch)
        if note_id % 20_000 == 0 or note_id == notes:
            progress(f"  generated {note_id:,} notes")
    with db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
