#!/usr/bin/python3
"""Build or update a sqlite-arabic corpus database from a folder of articles.

  make corpus CORPUS=FOLDER DB=news.db                   every *.txt under FOLDER, one article each
  make corpus CORPUS=FILE DB=news.db                     one article per line (FILE may be .xz/.gz/.bz2)
  PYTHONPATH=python /usr/bin/python3 -m sqlite_arabic.importer FOLDER DB    the same without make

Only the Python standard library is used; run it with an interpreter whose
sqlite3 module can load extensions (Debian's /usr/bin/python3).

The database gets the schema of sql/schema.sql and the views of sql/views.sql,
and every article goes through the view article_import, so the text-to-article
rules are the same as for sql/import.sql. Running it again changes nothing:
a file whose path and SHA3-256 are already in the database is skipped, a
changed file is re-indexed, and an article whose file is gone is removed with
its entities. An empty file or one that is not valid UTF-8 is reported by name
on stderr and skipped (treated as absent). Articles are written in batches,
one transaction each, in WAL mode: an interrupted import leaves the batches
already committed and nothing half-written; running it again completes it.

Progress (files done / total, MB, MB/s) goes to stderr once an import takes
more than a second; a summary line always ends the run.
"""
import argparse
import bz2
import gzip
import hashlib
import lzma
import os
import sqlite3
import sys
import time

if __package__:
    from . import linking, loadable_path, sql_path
else:  # run as a script: python/sqlite_arabic/importer.py
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from sqlite_arabic import linking, loadable_path, sql_path

WHITESPACE = " \t\n\v\f\r\ufeff"
OPENERS = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}


def connect(db_path, extension):
    db = sqlite3.connect(db_path, isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(extension)
    db.enable_load_extension(False)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    for script in ("schema.sql", "views.sql"):
        with open(sql_path(script), encoding="utf-8") as f:
            db.executescript(f.read())
    return db


def check_text(raw):
    """(text, None) for a usable article, (None, reason) otherwise."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})"
    if not text.strip(WHITESPACE):
        return None, "empty"
    return text, None


class Progress:
    """Counts and timing of one import; prints progress at most twice a second."""

    def __init__(self, total, unit, quiet):
        self.total = total
        self.unit = unit
        self.quiet = quiet
        self.done = 0
        self.bytes = 0
        self.counts = {"added": 0, "changed": 0, "unchanged": 0, "removed": 0, "skipped": 0}
        self.start = time.monotonic()
        self.last = self.start
        self.shown = False
        self.tty = sys.stderr.isatty()

    def step(self, nbytes):
        self.done += 1
        self.bytes += nbytes
        now = time.monotonic()
        if self.quiet or now - self.last < 0.5 or now - self.start < 1.0:
            return
        self.last = now
        self.shown = True
        mb = self.bytes / 1e6
        line = (f"import_corpus: {self.done}/{self.total} {self.unit}, {mb:.1f} MB, "
                f"{mb / (now - self.start):.1f} MB/s")
        sys.stderr.write(("\r" + line) if self.tty else (line + "\n"))
        sys.stderr.flush()

    def summary(self, db_path):
        secs = max(time.monotonic() - self.start, 1e-6)
        if self.shown and self.tty:
            sys.stderr.write("\n")
        written = self.counts["added"] + self.counts["changed"]
        c = self.counts
        return (f"import_corpus: {db_path}: added {c['added']}, changed {c['changed']}, "
                f"unchanged {c['unchanged']}, removed {c['removed']}, skipped {c['skipped']}; "
                f"{self.bytes / 1e6:.1f} MB read in {secs:.2f} s "
                f"({self.bytes / 1e6 / secs:.1f} MB/s, {written / secs:.0f} articles/s)")


def folder_items(folder):
    """(path, raw bytes) for every *.txt under folder, sorted; path = folder/relative."""
    names = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        names.extend(os.path.join(dirpath, n) for n in filenames if n.endswith(".txt"))
    names.sort()

    def items():
        for name in names:
            with open(name, "rb") as f:
                yield name, f.read()
    return len(names), items()


def line_items(path):
    """(path#LINE, raw bytes) for every non-blank line of a one-article-per-line file."""
    opener = OPENERS.get(os.path.splitext(path)[1], open)
    with opener(path, "rb") as f:
        lines = f.read().split(b"\n")
    numbered = [(f"{path}#{i}", line) for i, line in enumerate(lines, 1) if line.strip()]
    return len(numbered), iter(numbered)


def load(db, items, prefix, fmt, progress, batch_articles, batch_bytes):
    """Write the changed items in batches, then remove the articles whose item is gone."""
    known = dict(db.execute("SELECT path, hash FROM articles WHERE substr(path, 1, ?) = ?",
                            (len(prefix), prefix)))
    seen = set()
    pending = pending_bytes = 0
    db.execute("BEGIN")
    for path, raw in items:
        progress.step(len(raw))
        digest = hashlib.sha3_256(raw).hexdigest()
        if known.get(path) == digest:
            seen.add(path)
            progress.counts["unchanged"] += 1
            continue
        text, problem = check_text(raw)
        if problem:
            progress.counts["skipped"] += 1
            print(f"import_corpus: skipped {path}: {problem}", file=sys.stderr)
            continue
        seen.add(path)
        progress.counts["changed" if path in known else "added"] += 1
        db.execute("INSERT INTO article_import(path, content, hash, format) VALUES (?, ?, ?, ?)",
                   (path, text, digest, fmt))
        pending += 1
        pending_bytes += len(raw)
        if pending >= batch_articles or pending_bytes >= batch_bytes:
            db.execute("COMMIT")
            db.execute("BEGIN")
            pending = pending_bytes = 0
    gone = [(p,) for p in known if p not in seen]
    db.executemany("DELETE FROM articles WHERE path = ?", gone)
    progress.counts["removed"] = len(gone)
    db.execute("COMMIT")
    linking.link(db, sys.stderr if progress.shown else None)  # corpus entities (sql/linking.sql)
    if any(progress.counts[k] for k in ("added", "changed", "removed")):
        db.execute("ANALYZE")  # statistics for the planner: a fraction of a second on 30 MB
    return progress


def import_corpus(source, db_path, extension=None,
                  batch_articles=500, batch_bytes=8_000_000, lines=None, quiet=False):
    """Import source (a folder, or a one-article-per-line file) into db_path.
    Returns the counts: added, changed, unchanged, removed, skipped."""
    source = os.path.normpath(source)
    extension = extension or loadable_path()
    if lines is None:
        lines = not os.path.isdir(source)
    total, items = line_items(source) if lines else folder_items(source)
    prefix = source + ("#" if lines else os.sep)
    fmt = "line" if lines else None

    db = connect(db_path, extension)
    try:
        progress = load(db, items, prefix, fmt, Progress(total, "lines" if lines else "files", quiet),
                        batch_articles, batch_bytes)
    finally:
        db.close()  # without COMMIT: an unfinished batch is rolled back
    if not quiet:
        print(progress.summary(db_path), file=sys.stderr)
    return progress.counts


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", help="a folder of *.txt articles, or a file with one article per line")
    ap.add_argument("db", help="the database file to create or update")
    ap.add_argument("--lines", action="store_true", help="take source as one article per line")
    ap.add_argument("--extension", default=None,
                    help="path of the sqlite-arabic extension (default: the one next to this package)")
    ap.add_argument("--batch", type=int, default=500, help="articles per transaction (default 500)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    args = ap.parse_args(argv)
    if not os.path.exists(args.source):
        ap.error(f"{args.source}: no such file or folder")
    try:
        import_corpus(args.source, args.db, extension=args.extension, batch_articles=args.batch,
                      lines=True if args.lines else None, quiet=args.quiet)
    except sqlite3.Error as e:
        print(f"import_corpus: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nimport_corpus: interrupted; committed batches are kept, run again to finish",
              file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
