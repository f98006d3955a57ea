#!/usr/bin/python3
"""Measure the corpus workflow on one machine: import throughput, database
size per MB of text, and the latency of every question of sql/examples.sql.

  /usr/bin/python3 tools/bench_corpus.py [FILE] [--db PATH] [--runs N]

FILE is one article per line (default ../shared/data/bench/ant-news-30mb.txt.xz,
30 MB of Arabic news); without it the script says so and exits 0. The
figures it prints are the ones quoted in docs/corpus.md (section Scale).
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


def example_queries():
    """(title, [statements]) for each '.print' section of sql/examples.sql."""
    return update_corpus_doc.sections(os.path.join(ROOT, "sql", "examples.sql"))


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
    if tmp:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db_path + suffix):
                os.remove(db_path + suffix)
        os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
