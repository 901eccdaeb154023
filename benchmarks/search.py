"""Search benchmark: the first page of ranked results on 100,000 notes, against a plain LIKE scan.

    python -m benchmarks search [--notes N] [--rebuild] [--queries N] [--like-queries N]
                                [--url URL [--compare]]

``--url`` runs the same queries on a PostgreSQL database (``db/search/pg.py``): an
empty one is first filled with a copy of the generated store (``db/copy.py``; the
copy's commit builds the server's index, and is timed), one already holding it is
reused. The query mix is chosen from the SQLite store, so both runs ask the same;
``--compare`` then asks each query of the SQLite store too and counts the first pages
that are the same hits in the same order.

The store (``benchmarks/search_corpus.py``) is generated once and cached under
``benchmarks/out/`` (git-ignored): a copy without the index, and one with it,
whose build was timed. ``--rebuild`` starts again.

**The query mix**, drawn from the store's own vocabulary (the generator's
Zipf-ranked word list), classified by how many indexed fields hold the word
(``df``, out of ~600,000 note sections; ``BANDS`` scales with the store):

* ``rare``: one word with 5 ≤ df ≤ 100 (Zipf rank 20,000–50,000);
* ``middling``: one word with 1,000 ≤ df ≤ 10,000 (rank 300–5,000);
* ``common``: one word with df ≥ 100,000 (the top 300: "the", "trade", "of"…);
* ``rare+common``, ``middling×2``, ``common×2``: two words, all required;
* ``japanese``: the generator's Japanese words: one-character names (林),
  two-character words (日米, 鉄鋼), longer ones (萩生田, 経済産業省);
* ``as-you-type``: the first three letters of a middling or common word, as
  typed (prefix match).

Each query is the full service call a GUI makes (``SearchService.search``: the
index query, loading the 20 rows, excerpts and marks), timed ``REPEAT`` times
after one warm-up run; p50/p95 are over all timings of a class. The LIKE
baseline is a single scan of the notes' six sections with SQLAlchemy Core
(``col LIKE '%word%'`` for every word, newest first, ``LIMIT 20``: unranked,
and over notes only, so it does less work than the search), timed once per
query for the first ``--like-queries`` queries of each class; so is the same scan
counting every match (what ranking with LIKE would need before a first page).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import time
from pathlib import Path

from sqlalchemy import and_, func, or_, select

from benchmarks import search_corpus as corpus
from briefing.services import Services
from db.engine import Database
from db.models import IssueNote
from db.search import fts

OUT = Path(__file__).with_name("out")
REPEAT = 3
#: df bands as shares of the index rows (100,000 notes: ~600,000 rows → 5–100, 1,000–10,000, ≥ 100,000).
BANDS = {"rare": (0.0, 1 / 6000), "middling": (1 / 600, 1 / 60), "common": (1 / 6, 1.0)}
RANKS = {"rare": (20_000, 50_000), "middling": (300, 5_000), "common": (0, 300)}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def file_size(db: Database) -> int:
    with db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()
        return pages * c.exec_driver_sql("PRAGMA page_size").scalar()


def build(notes: int, rebuild: bool) -> tuple[Path, dict]:
    """The indexed store and the figures of its build (cached)."""
    OUT.mkdir(exist_ok=True)
    base, indexed = OUT / f"search-{notes}-base.db", OUT / f"search-{notes}.db"
    meta_path = indexed.with_suffix(".json")
    if rebuild or not base.exists():
        print(f"Generating {notes:,} notes into {base} …")
        started = time.perf_counter()
        corpus.generate(base, notes)
        print(f"  {time.perf_counter() - started:.0f} s")
    if rebuild or not indexed.exists() or not meta_path.exists():
        shutil.copyfile(base, indexed)
        db = Database(f"sqlite:///{indexed}")
        before = file_size(db)
        with db.engine.connect() as c:
            words = c.execute(select(func.sum(func.length(IssueNote.background) + func.length(
                IssueNote.objectives) + func.length(IssueNote.their_position) + func.length(
                IssueNote.talking_points) + func.length(IssueNote.defensives) + func.length(
                IssueNote.red_lines)))).scalar()
        print("Building the full-text index …")
        started = time.perf_counter()
        with db.engine.begin() as c:
            fts.install(c)
        seconds = time.perf_counter() - started
        after = file_size(db)
        with db.engine.connect() as c:
            parts = dict(c.exec_driver_sql(
                "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'fts_index%' GROUP BY name").all())
            rows = c.exec_driver_sql(f"SELECT count(*) FROM {fts.TABLE}").scalar()
        db.dispose()
        meta = {"notes": notes, "build_seconds": seconds, "size_before": before, "size_after": after,
                "section_chars": words, "index_rows": rows, "parts": parts}
        meta_path.write_text(json.dumps(meta, indent=2))
    return indexed, json.loads(meta_path.read_text())


def choose_queries(db: Database, per_class: int) -> dict[str, list[str]]:
    """The query mix (see the module docstring), deterministic for a given store."""
    rng = random.Random(corpus.SEED)
    words = corpus.vocabulary(random.Random(corpus.SEED))
    picked: dict[str, list[str]] = {}
    with db.engine.connect() as c:
        rows = c.exec_driver_sql(f"SELECT count(*) FROM {fts.TABLE}").scalar()
        for band, (low, high) in BANDS.items():
            first, last = RANKS[band]
            candidates = rng.sample(words[first:last], min(last - first, per_class * 4))
            counts = fts.document_counts(c, candidates)
            picked[band] = [w for w in candidates
                            if max(5, low * rows) <= counts[w] <= high * rows][:per_class]
    rare, middling, common = picked["rare"], picked["middling"], picked["common"]
    by_length = sorted(corpus.JAPANESE, key=lambda w: (min(len(w), 3), corpus.JAPANESE.index(w)))
    japanese = [w for w in by_length if len(w) != 2] + [w for w in by_length if len(w) == 2][:8]
    return {
        "rare": [f"{w} " for w in rare],
        "middling": [f"{w} " for w in middling],
        "common": [f"{w} " for w in common],
        "rare+common": [f"{r} {rng.choice(common)} " for r in rare],
        "middling×2": [f"{a} {rng.choice(middling)} " for a in middling],
        "common×2": [f"{a} {rng.choice([c for c in common if c != a])} " for a in common],
        "japanese": [f"{w} " for w in japanese][:per_class],
        "as-you-type": [w[:3] for w in (middling + common) if len(w) > 3][:per_class],
    }


def _like(query: str):
    columns = [getattr(IssueNote, name) for name in corpus.SECTIONS]
    condition = and_(*(or_(*(col.like(f"%{word}%") for col in columns)) for word in query.split()))
    return and_(IssueNote.deleted_at.is_(None), condition)


def like_first_page(services: Services, query: str) -> list[int]:
    """The baseline: a plain LIKE scan of the notes' sections, newest first, first 20."""
    with services.db.read() as s:
        return list(s.scalars(select(IssueNote.id).where(_like(query))
                              .order_by(IssueNote.id.desc()).limit(20)))


def like_every_match(services: Services, query: str) -> int:
    """What ranking with LIKE would need first: every matching note (here only counted)."""
    with services.db.read() as s:
        return s.scalar(select(func.count(IssueNote.id)).where(_like(query)))


def time_it(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def server_pids(services: Services) -> list[int]:
    """The server processes of this store's connections, when the server runs on this machine."""
    if services.db.engine.dialect.name != "postgresql":
        return []
    with services.db.engine.connect() as c:
        pids = c.exec_driver_sql(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()").scalars().all()
    return [pid for pid in pids if Path(f"/proc/{pid}/stat").exists()]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes ``pids`` have used so far (Linux ``/proc``)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def run_queries(services: Services, queries: dict[str, list[str]], like_queries: int) -> list[dict]:
    """Time each class's queries: wall p50/p95, and CPU per query in this process and, for a server
    on this machine, in its processes (CPU time does not grow when other programs load the machine)."""
    rows = []
    for name, texts in queries.items():
        if not texts:
            print(f"  {name}: no word of this store falls in the class; skipped")
            continue
        timings, like_timings, like_all, hits = [], [], [], []
        client = server = 0.0
        pids: list[int] | None = None
        for text in texts:
            services.search.search(text)  # warm-up
            pids = server_pids(services) if pids is None else pids
            for _ in range(REPEAT):
                cpu, on_server = time.process_time(), cpu_seconds(pids)
                ms, results = time_it(lambda t=text: services.search.search(t))
                client += time.process_time() - cpu
                server += cpu_seconds(pids) - on_server
                timings.append(ms)
            hits.append(len(results.hits))
        for text in texts[:like_queries]:
            like_timings.append(time_it(lambda t=text: like_first_page(services, t))[0])
            like_all.append(time_it(lambda t=text: like_every_match(services, t))[0])
        rows.append({
            "class": name, "queries": len(texts), "p50": statistics.median(timings),
            "p95": percentile(timings, 0.95), "like_p50": statistics.median(like_timings),
            "like_p95": percentile(like_timings, 0.95), "like_all_p50": statistics.median(like_all),
            "hits": statistics.mean(hits), "client_cpu": 1000 * client / len(timings),
            "server_cpu": 1000 * server / len(timings),
            "examples": texts[:4],
        })
        print(f"  {name}: p50 {rows[-1]['p50']:.1f} ms, p95 {rows[-1]['p95']:.1f} ms; "
              f"CPU per query {rows[-1]['client_cpu']:.1f} ms here + {rows[-1]['server_cpu']:.1f} ms "
              f"in the server; LIKE p50 {rows[-1]['like_p50']:.0f} ms")
    return rows


def time_saves(services: Services, count: int = 30) -> list[float]:
    """How long saving a note takes with the index kept in step (the triggers' cost)."""
    timings = []
    for note_id in range(1, count + 1):
        note = services.notes.get(note_id)
        ms, _ = time_it(lambda n=note: services.notes.update(
            n.id, n.version, talking_points=n.talking_points + " Added in the benchmark."))
        timings.append(ms)
    return timings


def report(meta: dict, rows: list[dict], saves: list[float]) -> None:
    mb = 1024 * 1024
    print()
    print(f"Store: {meta['notes']:,} notes; {meta['section_chars'] / mb:.0f} MB of section text; "
          f"{meta['index_rows']:,} index rows")
    print(f"Index build (backfill + optimize): {meta['build_seconds']:.0f} s")
    overhead = meta["size_after"] - meta["size_before"]
    print(f"Size: {meta['size_before'] / mb:.0f} MB without the index, {meta['size_after'] / mb:.0f} MB "
          f"with it (+{overhead / mb:.0f} MB, +{100 * overhead / meta['size_before']:.0f}%)")
    for name, size in sorted(meta["parts"].items(), key=lambda kv: -kv[1]):
        print(f"    {name}: {size / mb:.0f} MB")
    print(f"Saving a note (index kept in step by triggers): p50 {statistics.median(saves):.1f} ms, "
          f"max {max(saves):.1f} ms over {len(saves)} saves")
    print()
    print("| class | queries | search p50 ms | search p95 ms | LIKE first 20 p50 / p95 ms | LIKE ÷ search "
          "(p50) | LIKE every match p50 ms | LIKE every ÷ search | hits | e.g. |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        examples = ", ".join(f"`{e.strip()}`" for e in r["examples"])
        print(f"| {r['class']} | {r['queries']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['like_p50']:.0f} / "
              f"{r['like_p95']:.0f} | {r['like_p50'] / r['p50']:.2g}× | {r['like_all_p50']:.0f} | "
              f"{r['like_all_p50'] / r['p50']:.2g}× | {r['hits']:.0f} | {examples} |")


def fill_server(url: str, base: Path) -> dict:
    """The generated store copied into the PostgreSQL database ``url`` (reused when already there)."""
    from db.copy import copy_store, row_counts
    from db.search import pg

    services = Services.open(url, automatic_backups=False)
    try:
        with services.db.engine.connect() as c:
            held = row_counts(c)["issue_notes"]
        if held == 0:
            print(f"Copying {base.name} into {url} (the server's index is built at the commit) …")
            started = time.perf_counter()
            source = Database(f"sqlite:///{base}")
            copy_store(source, services.db)
            source.dispose()
            seconds = time.perf_counter() - started
            with services.db.engine.begin() as c:
                c.exec_driver_sql(f"ANALYZE {pg.TABLE}")
                c.exec_driver_sql(f"COMMENT ON TABLE {pg.TABLE} IS '{seconds:.1f}'")
        with services.db.engine.connect() as c:
            seconds = float(c.exec_driver_sql(
                f"SELECT obj_description('{pg.TABLE}'::regclass)").scalar() or "nan")
            sizes = {name: c.exec_driver_sql(f"SELECT pg_total_relation_size('{name}')").scalar()
                     for name in (pg.TABLE, "issue_notes")}
            rows = c.exec_driver_sql(f"SELECT count(*) FROM {pg.TABLE}").scalar()
            notes = c.exec_driver_sql("SELECT count(*) FROM issue_notes").scalar()
        return {"notes": notes, "copy_seconds": seconds, "index_rows": rows, "sizes": sizes}
    finally:
        services.close()


def report_server(meta: dict, rows: list[dict], saves: list[float]) -> None:
    mb = 1024 * 1024
    print()
    print(f"PostgreSQL store: {meta['notes']:,} notes; {meta['index_rows']:,} index rows; copy with the "
          f"index built at its commit: {meta['copy_seconds']:.0f} s")
    print("Sizes: " + ", ".join(f"{name} {size / mb:.0f} MB" for name, size in meta["sizes"].items()))
    print(f"Saving a note (index kept in step at commit): p50 {statistics.median(saves):.1f} ms, "
          f"max {max(saves):.1f} ms over {len(saves)} saves")
    print()
    print(f"Load average: {' / '.join(f'{x:.1f}' for x in os.getloadavg())} (1 / 5 / 15 min) at the end")
    print()
    print("| class | queries | search p50 ms | search p95 ms | CPU ms per query (client + server) | "
          "LIKE first 20 p50 ms | hits | e.g. |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        examples = ", ".join(f"`{e.strip()}`" for e in r["examples"])
        print(f"| {r['class']} | {r['queries']} | {r['p50']:.1f} | {r['p95']:.1f} | "
              f"{r['client_cpu']:.1f} + {r['server_cpu']:.1f} | {r['like_p50']:.0f} | {r['hits']:.0f} | "
              f"{examples} |")


def first_pages(services: Services, queries: dict[str, list[str]]) -> dict[str, list[list[tuple]]]:
    """Each query's first page, as (entity, id, field) in order."""
    return {name: [[(h.entity, h.entity_id, h.field) for h in services.search.search(t).hits] for t in texts]
            for name, texts in queries.items()}


def agreement(path: Path, server: dict[str, list[list[tuple]]], queries: dict[str, list[str]]) -> None:
    """How many first pages on PostgreSQL are the same hits in the same order as on SQLite."""
    work = path.with_name(path.stem + "-agree.db")
    shutil.copyfile(path, work)  # opening it stamps the schema revision: keep the cached store pristine
    try:
        with Services.open(f"sqlite:///{work}", automatic_backups=False) as lite:
            on_sqlite = first_pages(lite, queries)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
    print()
    print("First pages the same on both stores (hits and order):")
    for name, pages in server.items():
        same = sum(a == b for a, b in zip(pages, on_sqlite[name], strict=True))
        top = sum(a[:5] == b[:5] for a, b in zip(pages, on_sqlite[name], strict=True))
        print(f"  {name}: {same} of {len(pages)} (first five: {top})")


def main_server(args: argparse.Namespace) -> int:
    """The benchmark on PostgreSQL (``--url``)."""
    path, _meta = build(args.notes, args.rebuild)
    meta = fill_server(args.url, path.with_name(f"search-{args.notes}-base.db"))
    lite = Database(f"sqlite:///{path}")
    queries = choose_queries(lite, args.queries)
    lite.dispose()
    services = Services.open(args.url, automatic_backups=False)
    try:
        print("Queries on PostgreSQL:")
        rows = run_queries(services, queries, args.like_queries)
        pages = first_pages(services, queries) if args.compare else None
        saves = time_saves(services)
    finally:
        services.close()
    report_server(meta, rows, saves)
    if pages is not None:
        agreement(path, pages, queries)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks search", description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=corpus.NOTES)
    parser.add_argument("--rebuild", action="store_true", help="generate the store and index again")
    parser.add_argument("--queries", type=int, default=30, help="queries per class")
    parser.add_argument("--like-queries", type=int, default=8, help="queries per class timed with LIKE")
    parser.add_argument("--url", help="run on this PostgreSQL database (filled with the store when empty)")
    parser.add_argument("--compare", action="store_true",
                        help="with --url: say how many first pages are the same as on SQLite")
    args = parser.parse_args(argv)
    if args.url:
        return main_server(args)
    path, meta = build(args.notes, args.rebuild)
    work = path.with_name(path.stem + "-run.db")
    shutil.copyfile(path, work)  # the save timings write; keep the cached store pristine
    services = Services.open(f"sqlite:///{work}")
    try:
        print("Queries:")
        rows = run_queries(services, choose_queries(services.db, args.queries), args.like_queries)
        saves = time_saves(services)
    finally:
        services.close()
        work.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
    report(meta, rows, saves)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
