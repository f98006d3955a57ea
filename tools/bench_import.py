#!/usr/bin/python3
"""Import throughput and memory of the importer, one core against all cores.

  /usr/bin/python3 tools/bench_import.py [FILE.jsonl.xz] [--scale K] [--jobs N]

FILE (default ../shared/data/raw/ant-news-30mb.jsonl.xz, 30 MB of news with
title, source and date) is imported into a new database twice, each run a
fresh process: with --jobs 1 (the triggers extract the entities in the
importer's process) and with --jobs N (default: one worker process per
core). Each line gives the wall time, MB/s of text, and the peak resident
memory of the largest process of the run (the importer or a worker); the two
databases must hold the same articles and entities, or the script fails.

--scale K then imports a file K times as large made from FILE by varying its
records (each copy gets its own ids and a numbered line, so that duplicate
removal does not collapse it) with --jobs N: the memory figure of a corpus
that does not fit the importer's memory. Without FILE the script says so and
exits 0.
"""
import argparse
import json
import lzma
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "..", "shared", "data", "raw", "ant-news-30mb.jsonl.xz")
# What the two runs must agree on (entity ids and canonicals too: linking is deterministic).
SAME = ("SELECT path, title, body, source, published, content_hash FROM articles ORDER BY path",
        "SELECT a.path, e.entity, e.type, e.start, e.length, e.canonical, e.boilerplate "
        "FROM entities AS e JOIN articles AS a ON a.id = e.article_id ORDER BY a.path, e.start, e.type, e.entity")

MEASURE = """
import resource, subprocess, sys, time
t = time.monotonic()
rc = subprocess.call(sys.argv[1:])
secs = time.monotonic() - t
print(rc, secs, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run(source, db_path, jobs):
    """(seconds, peak RSS in MB of the largest process) of one import in fresh processes."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    cmd = [sys.executable, "-c", MEASURE, sys.executable, "-m", "sqlite_arabic.importer", "-q",
           "--jobs", str(jobs), source, db_path]
    out = subprocess.run(cmd, env=dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python")),
                         capture_output=True, text=True, check=True)
    rc, secs, rss_kb = out.stdout.split()
    if rc != "0":
        sys.exit(f"bench_import: the import of {source} failed: {out.stderr}")
    return float(secs), int(rss_kb) / 1024


def text_mb(db_path):
    db = sqlite3.connect(db_path)
    try:
        return db.execute("SELECT sum(bytes) FROM articles").fetchone()[0] / 1e6
    finally:
        db.close()


def rows(db_path):
    db = sqlite3.connect(db_path)
    try:
        return [db.execute(sql).fetchall() for sql in SAME]
    finally:
        db.close()


def scaled(source, target, k):
    """FILE K times, each copy's records with their own id and a numbered last line."""
    with lzma.open(source, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with open(target, "w", encoding="utf-8") as out:
        for copy in range(k):
            for r in records:
                r2 = dict(r, docno=f"{r.get('docno', '')}-{copy}")
                r2["text"] = f"{r.get('text', '')}\nنسخة رقم {copy + 1} من الأرشيف."
                out.write(json.dumps(r2, ensure_ascii=False) + "\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", default=DEFAULT)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--scale", type=int, default=0, help="also import a file this many times as large")
    args = ap.parse_args(argv)
    if not os.path.exists(args.file):
        print(f"bench_import: {args.file} is not here: nothing to measure")
        return 0
    tmp = tempfile.mkdtemp(prefix="bench-import-")
    try:
        one, many = os.path.join(tmp, "one.db"), os.path.join(tmp, "many.db")
        s1, m1 = run(args.file, one, 1)
        mb = text_mb(one)
        print(f"import --jobs 1: {mb:.1f} MB of text in {s1:.1f} s: {mb / s1:.2f} MB/s, peak RSS {m1:.0f} MB")
        sn, mn = run(args.file, many, args.jobs)
        print(f"import --jobs {args.jobs}: {mb:.1f} MB of text in {sn:.1f} s: {mb / sn:.2f} MB/s, "
              f"peak RSS {mn:.0f} MB: {s1 / sn:.2f}x the one-core speed")
        if rows(one) != rows(many):
            sys.exit(f"bench_import: --jobs {args.jobs} and --jobs 1 made different databases")
        print(f"import: --jobs {args.jobs} and --jobs 1 hold the same articles and entities")
        if args.scale > 1:
            big = os.path.join(tmp, f"x{args.scale}.jsonl")
            scaled(args.file, big, args.scale)
            os.remove(one)
            sk, mk = run(big, many, args.jobs)
            mbk = text_mb(many)
            print(f"import --jobs {args.jobs} of {args.scale}x: {mbk:.1f} MB of text in {sk:.1f} s: "
                  f"{mbk / sk:.2f} MB/s, peak RSS {mk:.0f} MB")
    finally:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
