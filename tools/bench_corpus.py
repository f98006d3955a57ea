#!/usr/bin/python3
"""Measure the corpus workflow on one machine: import throughput, database
size per MB of text, and the latency of every question of sql/examples.sql.

  /usr/bin/python3 tools/bench_corpus.py [FILE] [--db PATH] [--runs N]

FILE is one article per line (default ../shared/data/bench/ant-news-30mb.txt.xz,
30 MB of Arabic news); without it the script says so and exits 0. The
figures it prints are the ones quoted in docs/corpus.md (section Scale).

Then the growth curve of the analyst's questions: the first 5, 10, 20 and 30
MB of FILE imported into one database in turn (each step adds the next
articles and links the corpus again), and after each step the time of the
questions that read the corpus entities (GROWTH_QUERIES).
"""
import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
from sqlite_arabic import importer as import_corpus  # noqa: E402
import update_corpus_doc  # noqa: E402

DEFAULT = os.path.join(ROOT, "..", "shared", "data", "bench", "ant-news-30mb.txt.xz")
GROWTH_MB = (5, 10, 20, 30)
TOP_PERSON = "(SELECT canonical FROM entity_counts WHERE type = 'PERSON' ORDER BY articles DESC LIMIT 1)"
GROWTH_QUERIES = (
    ("top 20 persons", "SELECT canonical, articles FROM entity_counts WHERE type = 'PERSON' "
                       "ORDER BY articles DESC LIMIT 20"),
    ("top 20 pairs", "SELECT a, b, articles FROM cooccurrence ORDER BY articles DESC LIMIT 20"),
    ("partners of the top person", f"SELECT CASE WHEN a = {TOP_PERSON} THEN b ELSE a END, articles "
                                   f"FROM cooccurrence WHERE a = {TOP_PERSON} OR b = {TOP_PERSON} "
                                   "ORDER BY articles DESC LIMIT 20"),
    ("spellings of the top person", f"SELECT spelling, articles FROM entity_spellings WHERE canonical = {TOP_PERSON}"),
)


def example_queries():
    """(title, [statements]) for each '.print' section of sql/examples.sql."""
    return update_corpus_doc.sections(os.path.join(ROOT, "sql", "examples.sql"))


def median_ms(db, sql, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        db.execute(sql).fetchall()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def growth(path, tmp, runs):
    """The analyst's questions on the first 5, 10, 20, 30 MB of path, one database grown in turn."""
    opener = import_corpus.OPENERS.get(os.path.splitext(path)[1].lower(), open)
    with opener(path, "rt", encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    prefix, db_path = os.path.join(tmp, "news.txt"), os.path.join(tmp, "growth.db")
    print("growth: MB of text | articles | step s | " + " | ".join(f"{t} ms" for t, _ in GROWTH_QUERIES))
    used, n = 0, 0
    for mb in GROWTH_MB:
        while n < len(lines) and used < mb * 1e6:
            used += len(lines[n].encode("utf-8"))
            n += 1
        with open(prefix, "w", encoding="utf-8") as out:
            out.writelines(lines[:n])
        t0 = time.monotonic()
        import_corpus.import_corpus(prefix, db_path, quiet=True)
        step = time.monotonic() - t0
        db = sqlite3.connect(db_path, isolation_level=None)
        db.enable_load_extension(True)
        db.load_extension(os.path.join(ROOT, "dist", "arabic"))
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        ms = [median_ms(db, sql, runs) for _, sql in GROWTH_QUERIES]
        db.close()
        print(f"growth: {used / 1e6:.1f} | {articles} | {step:.1f} | " + " | ".join(f"{m:.2f}" for m in ms))
        if n == len(lines):
            break
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    os.remove(prefix)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", default=DEFAULT)
    ap.add_argument("--db", help="database path (default: a temporary file)")
    ap.add_argument("--runs", type=int, default=5, help="runs per query; the median is shown")
    args = ap.parse_args(argv)
    if not os.path.exists(args.file):
        print(f"bench_corpus: {args.file} is not here: nothing to measure")
        return 0
    tmp = None
    db_path = args.db
    if not db_path:
        tmp = tempfile.mkdtemp(prefix="bench-corpus-")
        db_path = os.path.join(tmp, "bench.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)

    start = time.monotonic()
    counts = import_corpus.import_corpus(args.file, db_path, quiet=True)
    secs = time.monotonic() - start
    db = sqlite3.connect(db_path, isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(os.path.join(ROOT, "dist", "arabic"))
    text_mb = db.execute("SELECT sum(bytes) FROM articles").fetchone()[0] / 1e6
    n_entities = db.execute("SELECT count(*) FROM entities").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_mb = os.path.getsize(db_path) / 1e6
    print(f"import: {counts['added']} articles, {text_mb:.1f} MB of text in {secs:.1f} s: "
          f"{text_mb / secs:.1f} MB/s, {counts['added'] / secs:.0f} articles/s, {n_entities} entities")
    print(f"database: {size_mb:.1f} MB, {size_mb / text_mb:.2f} MB per MB of text")
    start = time.monotonic()
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    db.execute("VACUUM")
    size_mb = os.path.getsize(db_path) / 1e6
    print(f"after FTS optimize + VACUUM ({time.monotonic() - start:.1f} s): {size_mb:.1f} MB, "
          f"{size_mb / text_mb:.2f} MB per MB of text")

    for title, stmts in example_queries():
        times, rows = [], 0
        for _ in range(args.runs):
            t0 = time.perf_counter()
            rows = sum(len(db.execute(s).fetchall()) for s in stmts)
            times.append(time.perf_counter() - t0)
        print(f"{statistics.median(times) * 1000:9.1f} ms {rows:6d} rows  {title}")
    db.close()
    growth_tmp = tempfile.mkdtemp(prefix="bench-growth-")
    growth(args.file, growth_tmp, args.runs)
    os.rmdir(growth_tmp)
    if tmp:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db_path + suffix):
                os.remove(db_path + suffix)
        os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
