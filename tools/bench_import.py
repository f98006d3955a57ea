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

--baseline REV (default 8f8a0cc, the importer of 2026-11-23 that issue 14
measured: one core, UTF-8 text only, no corpus linking) then imports the same
30 MB as one article per line (LINES, ../shared/data/bench/ant-news-30mb.txt.xz,
the one format it reads) with that importer and with this one on all cores,
in the same run: the speed-up over the importer of that day.

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
LINES = os.path.join(ROOT, "..", "shared", "data", "bench", "ant-news-30mb.txt.xz")
BASELINE = "8f8a0cc"
# What the two runs must agree on (entity ids and canonicals too: linking is deterministic).
SAME = ("SELECT path, title, body, source, published, content_hash FROM articles ORDER BY path",
        "SELECT a.path, e.entity, e.type, e.start, e.length, e.canonical, e.boilerplate "
        "FROM entities AS e JOIN articles AS a ON a.id = e.article_id ORDER BY a.path, e.start, e.type, e.entity")

MEASURE = """
import re, resource, subprocess, sys, time
t = time.monotonic()
p = subprocess.run(sys.argv[1:], stderr=subprocess.PIPE, text=True)
secs = time.monotonic() - t
use = resource.getrusage(resource.RUSAGE_CHILDREN)
link = re.findall(r"corpus linked in ([0-9.]+) s", p.stderr)
print(p.returncode, secs, use.ru_maxrss, use.ru_utime + use.ru_stime, link[-1] if link else 0)
sys.stderr.write(p.stderr if p.returncode else "")
"""


class Run:
    """One import in fresh processes: wall seconds, CPU seconds of all its processes, the
    seconds of its linking step, peak RSS in MB of the largest process."""

    def __init__(self, secs, rss_kb, cpu, link):
        self.secs, self.rss, self.cpu, self.link = float(secs), int(rss_kb) / 1024, float(cpu), float(link)

    def __str__(self):
        linked = f" (of which linking {self.link:.1f} s)" if self.link else ""
        return f"{self.secs:.1f} s{linked}, CPU {self.cpu:.1f} s, peak RSS {self.rss:.0f} MB"


def run(source, db_path, jobs, importer=None):
    """The Run of one import (importer: the command of another importer)."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    cmd = [sys.executable, "-c", MEASURE] + (importer + ["-q"] if importer else [
        sys.executable, "-m", "sqlite_arabic.importer", "--jobs", str(jobs)]) + [source, db_path]
    out = subprocess.run(cmd, env=dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python")),
                         capture_output=True, text=True, check=True)
    rc, secs, rss_kb, cpu, link = out.stdout.split()
    if rc != "0":
        sys.exit(f"bench_import: the import of {source} failed: {out.stderr}")
    return Run(secs, rss_kb, cpu, link)


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


def old_importer(rev, tmp):
    """The command of the importer of git revision rev (with its schema), or None."""
    folder = os.path.join(tmp, "baseline")
    files = ("tools/import_corpus.py", "sql/schema.sql", "sql/views.sql")
    for name in files:
        got = subprocess.run(["git", "-C", ROOT, "show", f"{rev}:{name}"], capture_output=True)
        if got.returncode != 0:
            return None
        os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
        with open(os.path.join(folder, name), "wb") as f:
            f.write(got.stdout)
    return [sys.executable, os.path.join(folder, files[0]), "--extension", os.path.join(ROOT, "dist", "arabic")]


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
    ap.add_argument("--baseline", default=BASELINE, help="the git revision of the importer to compare with")
    args = ap.parse_args(argv)
    if not os.path.exists(args.file):
        print(f"bench_import: {args.file} is not here: nothing to measure")
        return 0
    tmp = tempfile.mkdtemp(prefix="bench-import-")
    try:
        one, many = os.path.join(tmp, "one.db"), os.path.join(tmp, "many.db")
        r1 = run(args.file, one, 1)
        mb = text_mb(one)
        print(f"import --jobs 1: {mb:.1f} MB of text in {r1}: {mb / r1.secs:.2f} MB/s")
        rn = run(args.file, many, args.jobs)
        print(f"import --jobs {args.jobs}: {mb:.1f} MB of text in {rn}: {mb / rn.secs:.2f} MB/s, "
              f"{r1.secs / rn.secs:.2f}x the one-core speed; without the linking step "
              f"{(r1.secs - r1.link) / (rn.secs - rn.link):.2f}x")
        if rows(one) != rows(many):
            sys.exit(f"bench_import: --jobs {args.jobs} and --jobs 1 made different databases")
        print(f"import: --jobs {args.jobs} and --jobs 1 hold the same articles and entities")
        old = old_importer(args.baseline, tmp) if os.path.exists(LINES) else None
        if old:
            ro = run(LINES, one, 1, importer=old)
            mb = text_mb(one)
            print(f"import of {os.path.basename(LINES)} by the importer of {args.baseline} (no corpus linking): "
                  f"{mb:.1f} MB of text in {ro}: {mb / ro.secs:.2f} MB/s")
            rn = run(LINES, many, args.jobs)
            print(f"import of {os.path.basename(LINES)} --jobs {args.jobs}: {mb:.1f} MB of text in {rn}: "
                  f"{mb / rn.secs:.2f} MB/s: {ro.secs / rn.secs:.2f}x the importer of {args.baseline}; "
                  f"without the linking step {ro.secs / (rn.secs - rn.link):.2f}x")
        else:
            print(f"bench_import: no importer of {args.baseline} (not a git checkout?) or no {LINES}: "
                  "no comparison with it")
        if args.scale > 1:
            big = os.path.join(tmp, f"x{args.scale}.jsonl")
            scaled(args.file, big, args.scale)
            os.remove(one)
            rk = run(big, many, args.jobs)
            mbk = text_mb(many)
            print(f"import --jobs {args.jobs} of {args.scale}x: {mbk:.1f} MB of text in {rk}: {mbk / rk.secs:.2f} MB/s")
    finally:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
