#!/usr/bin/python3
"""Entity extraction throughput: arabic_entities() over every article of a news file, MB/s.

Usage: /usr/bin/python3 tools/bench_entities.py [NEWS.txt.xz]   (default ../shared/data/bench/ant-news-30mb.txt.xz)
Skips cleanly when the file is absent.
"""
import lzma
import os
import sqlite3
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "bench", "ant-news-30mb.txt.xz")
if not os.path.exists(path):
    print(f"skipped: {path} not found")
    sys.exit(0)
with lzma.open(path, "rt", encoding="utf-8", errors="replace") as f:
    lines = f.read().splitlines()
db = sqlite3.connect(":memory:")
db.enable_load_extension(True)
db.load_extension(os.path.join(ROOT, "dist", "arabic"))
db.execute("CREATE TABLE news(body TEXT)")
db.executemany("INSERT INTO news VALUES (?)", ((l,) for l in lines))
nbytes = db.execute("SELECT sum(length(CAST(body AS BLOB))) FROM news").fetchone()[0]
t0, c0 = time.perf_counter(), time.process_time()
counts = db.execute("SELECT type, count(*) FROM news, arabic_entities(news.body) GROUP BY type ORDER BY type").fetchall()
dt, dc = time.perf_counter() - t0, time.process_time() - c0
print(f"{nbytes / 1e6:.1f} MB, {len(lines)} articles: {dc:.2f} s of CPU, {nbytes / 1e6 / dc:.1f} MB/s"
      f" ({dt:.2f} s, {nbytes / 1e6 / dt:.1f} MB/s wall clock)")
print("  " + ", ".join(f"{t} {n}" for t, n in counts))
