#!/usr/bin/python3
"""What a user gazetteer costs per imported article (docs/reliability.md).

  /usr/bin/python3 tools/bench_gazetteer.py [FILE] [--articles N] [--sizes 0,10000,100000] [--runs R]

Imports N articles (default 300) of FILE (one article per line, default
../shared/data/bench/ant-news-30mb.txt.xz; the sample corpus sql/sample
otherwise) into a new in-memory corpus database (sql/schema.sql), through
article_import, one statement per article inside one transaction, as the
importers do, once with no arabic_gazetteer and once per size with a
gazetteer of that many made-up names. Prints the CPU milliseconds per article,
the median of R interleaved runs, and the ratio to no gazetteer.
"""
import argparse
import glob
import lzma
import os
import sqlite3
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "..", "shared", "data", "bench", "ant-news-30mb.txt.xz")
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def made_up_names(n):
    """n distinct names of two words of 4 to 6 letters (not from any data)."""
    out, i = [], 0
    while len(out) < n:
        a, b, word = i, i * 7919 + 13, []
        for x in (a, b):
            w = ""
            for k in range(4 + x % 3):
                w += LETTERS[(x // (len(LETTERS) ** k) + k) % len(LETTERS)]
            word.append(w)
        out.append(" ".join(word))
        i += 1
    return out


def articles(path, n):
    if os.path.exists(path):
        with lzma.open(path, "rt", encoding="utf-8", errors="replace") as f:
            lines = [line for _, line in zip(range(n), f)]
        return [line.strip() for line in lines]
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(ROOT, "sql", "sample", "*.txt")))]
    return [texts[i % len(texts)] + f"\n{i}" for i in range(n)]


def run(texts, names):
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(os.path.join(ROOT, "dist", "arabic"))
    db.executescript(open(os.path.join(ROOT, "sql", "schema.sql"), encoding="utf-8").read())
    if names:
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.executemany("INSERT INTO arabic_gazetteer VALUES (?, 'PERSON', NULL)", ((x,) for x in names))
        db.execute("SELECT count(*) FROM arabic_entities('قال بوتين')").fetchall()  # the first load
    db.execute("BEGIN")
    c0 = time.process_time()
    for i, text in enumerate(texts):
        db.execute("INSERT INTO article_import(path, content, hash) VALUES (?, ?, NULL)", (f"a{i}.txt", text))
    dc = time.process_time() - c0
    db.execute("COMMIT")
    db.close()
    return dc * 1000 / len(texts)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", default=DEFAULT)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--sizes", default="0,10000,100000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    texts = articles(args.file, args.articles)
    sizes = [int(s) for s in args.sizes.split(",")]
    if 0 not in sizes:
        sizes.insert(0, 0)
    names = {n: made_up_names(n) for n in sizes}
    times = {n: [] for n in sizes}
    for _ in range(args.runs):
        for n in sizes:
            times[n].append(run(texts, names[n]))
    base = statistics.median(times[0])
    print(f"{len(texts)} articles, {sum(len(t.encode()) for t in texts) / 1e6:.1f} MB, median of {args.runs} runs")
    for n in sizes:
        ms = statistics.median(times[n])
        print(f"gazetteer {n:>9,} rows: {ms:8.2f} ms per article ({ms / base:.2f}x no gazetteer)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
