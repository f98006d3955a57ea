#!/usr/bin/python3
"""Build or update a sqlite-arabic corpus database from a folder of articles.

  make corpus CORPUS=FOLDER DB=news.db      every .txt/.csv/.tsv/.jsonl under FOLDER (any case, .xz/.gz/.bz2)
  make corpus CORPUS=FILE.jsonl DB=news.db  one article per JSON line (.csv/.tsv: per row)
  make corpus CORPUS=FILE DB=news.db        any other file: one article per line (FILE may be .xz/.gz/.bz2)
  PYTHONPATH=python /usr/bin/python3 -m sqlite_arabic.importer SOURCE DB    the same without make

Only the Python standard library is used; run it with an interpreter whose
sqlite3 module can load extensions (Debian's /usr/bin/python3).

The database gets the schema of sql/schema.sql and the views of sql/views.sql,
and every article goes through the view article_import, so the text-to-article
rules are the same as for sql/import.sql. A .txt file is one article (or, when
it starts with <DOC>, one per <DOC>); a CSV/TSV row or a JSON line is one
record, its fields found by name (FIELDS, or --columns). Records are keyed
FILE#ID, or FILE#h + 16 hex of the SHA3-256 of their text. Dates and charsets
are read by the extension's arabic_date, arabic_detect_charset and
arabic_decode, all called from class Sql. A text already stored (same title
and body) is not stored again: it becomes a row of occurrences.

Running it again changes nothing: a key whose hash is already in the database
is skipped, a changed one re-indexed, and an article whose file or record is
gone is removed with its entities -- but not the articles of a file or folder
that cannot be read, and nothing when more than 10% of the corpus would go
(--allow-removal). Everything skipped is reported on stderr with its file and
record: empty, binary, no charset explains it, over 10 MB (RECORD_LIMIT), not
a regular file, a link out of the folder or in a loop. Articles are written in
batches, one BEGIN IMMEDIATE transaction each, in WAL mode, with a busy timeout
(two importers on one database both finish): an interrupted import leaves the
batches already committed and nothing half-written; running it again completes it.

Progress (files done / total, MB, MB/s) goes to stderr once an import takes
more than a second; a summary line always ends the run.
"""
import argparse
import bz2
import contextlib
import csv
import gzip
import hashlib
import json
import lzma
import os
import re
import sqlite3
import stat
import sys
import time

if __package__:
    from . import CORPUS_SCRIPTS, linking, loadable_path, readahead, run_scripts, sql_path, workers
else:  # run as a script: python/sqlite_arabic/importer.py
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from sqlite_arabic import CORPUS_SCRIPTS, linking, loadable_path, readahead, run_scripts, sql_path, workers

WHITESPACE = " \t\n\v\f\r\ufeff"
OPENERS = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}
RECORD_LIMIT = 10 * 1000 * 1000   # bytes of one article (a file, a line, a row): more is reported and skipped
REMOVAL_LIMIT = 0.10              # share of a corpus's articles one run may remove without --allow-removal
BUSY_TIMEOUT_MS = 120_000         # how long a writer waits for another importer's batch
PARALLEL_BYTES = 2_000_000        # files smaller in all import faster on one core than with worker processes
FILE_KINDS = {".txt": "text", ".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
# Field names a record's columns (CSV/TSV header, JSON keys, <DOC> tags) are read by, lower case.
FIELDS = {
    "title": ("title", "headline", "عنوان", "العنوان"),
    "text": ("text", "body", "content", "نص", "النص", "المحتوى"),
    "date": ("date", "time", "published", "تاريخ", "التاريخ"),
    "source": ("source", "src", "site", "مصدر", "المصدر"),
    "url": ("url", "link"),
    "id": ("id", "docno", "guid"),
}
NEW_COLUMNS = ("url", "meta", "charset", "content_hash")


class Skip(Exception):
    """A file or record that is reported on stderr and not imported."""


def shown(path):
    """A path as stored and printed: bytes that are not UTF-8 become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def report(what, problem):
    print(f"import_corpus: skipped {shown(what)}: {problem}", file=sys.stderr)


def warn(what, problem):
    print(f"import_corpus: {shown(what)}: {problem}", file=sys.stderr)


def connect(db_path, extension):
    db = sqlite3.connect(db_path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    db.enable_load_extension(True)
    db.load_extension(extension)
    db.enable_load_extension(False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("BEGIN IMMEDIATE")  # two importers starting together: one makes the schema, the other waits
    try:
        have = [r[1] for r in db.execute("PRAGMA table_info(articles)")]
        for column in NEW_COLUMNS:  # a database made by an older schema.sql
            if have and column not in have:
                db.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT")
        linking.upgrade_columns(db)
        run_scripts(db, CORPUS_SCRIPTS)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return db


# The per-mention triggers of sql/linking.sql wait while this import writes:
# linking.link() links every new mention at the end, at a fraction of the cost.
PAUSE_LINKING = "INSERT INTO linking_paused(writer) VALUES ('import_corpus')"
RESUME_LINKING = "DELETE FROM linking_paused"
# The same for the extraction triggers of sql/schema.sql while worker processes extract (workers.py).
PAUSE_EXTRACTION = "INSERT INTO entities_paused(writer) VALUES ('import_corpus')"
RESUME_EXTRACTION = "DELETE FROM entities_paused"
# The same for the FTS5 index of new articles (sql/schema.sql): indexed in one statement per batch.
PAUSE_INDEXING = "INSERT INTO articles_fts_paused(writer) VALUES ('import_corpus')"
RESUME_INDEXING = "DELETE FROM articles_fts_paused"
INDEX_NEW = ("INSERT INTO articles_fts(rowid, title, body) SELECT id, title, body FROM articles "
             "WHERE id IN (SELECT value FROM json_each(?))")


class Sql:
    """The one place where dates and charsets are read: the extension's arabic_date(),
    arabic_detect_charset() and arabic_decode(), so every language reads them alike."""

    def __init__(self, db):
        self.db = db

    def date(self, value):
        if value is None or not str(value).strip():
            return None
        return self.db.execute("SELECT arabic_date(?)", (str(value),)).fetchone()[0]

    def detect(self, raw):
        """The charset name of raw, or None when none explains it."""
        return self.db.execute("SELECT arabic_detect_charset(?)", (raw,)).fetchone()[0]

    def decode(self, raw, charset):
        """raw as text in charset; Skip with the reason when it is not."""
        try:
            return self.db.execute("SELECT arabic_decode(?, ?)", (raw, charset)).fetchone()[0]
        except sqlite3.OperationalError as e:
            raise Skip(str(e))


CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def looks_binary(raw):
    """More than 5% control bytes (NUL included) in the first 8 KiB: not a text in any charset
    but UTF-16, whose NULs arabic_detect_charset recognizes. A stray NUL in a text is kept."""
    sample = raw[:8192]
    return len(sample) - len(sample.translate(None, CONTROL)) > len(sample) * 0.05


def undecodable_reason(raw):
    if looks_binary(raw) and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary (control bytes), not text"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})"
    return "no charset explains it"


class Progress:
    """Counts and timing of one import; prints progress at most twice a second, with the
    time left estimated from the bytes of the files read so far."""

    def __init__(self, total, unit, quiet, total_bytes=0):
        self.total = total
        self.unit = unit
        self.quiet = quiet
        self.done = 0
        self.bytes = 0
        self.total_bytes = total_bytes  # of the files, as stored (compressed or not)
        self.finished_bytes = 0         # of the files read to their end
        self.reading = None             # the position in the file being read line by line
        self.counts = {"added": 0, "changed": 0, "unchanged": 0, "removed": 0, "skipped": 0,
                       "duplicates": 0}
        self.undated = 0
        self.link_seconds = 0.0
        self.charsets = {}
        self.start = time.monotonic()
        self.last = self.start
        self.shown = False
        self.tty = sys.stderr.isatty()

    def step(self, nbytes, files=1):
        self.done += files
        self.bytes += nbytes
        now = time.monotonic()
        if self.quiet or now - self.last < 0.5 or now - self.start < 1.0:
            return
        self.last = now
        self.shown = True
        mb = self.bytes / 1e6
        line = (f"import_corpus: {self.done}/{self.total} {self.unit}, {mb:.1f} MB, "
                f"{mb / (now - self.start):.1f} MB/s")
        read = self.finished_bytes + (self.reading() if self.reading else 0)
        if self.total_bytes and read:
            left = (now - self.start) * max(self.total_bytes - read, 0) / read
            line += f", about {left:.0f} s left" if left < 120 else f", about {left / 60:.0f} min left"
        sys.stderr.write(("\r" + line) if self.tty else (line + "\n"))
        sys.stderr.flush()

    def finished(self, size):
        self.finished_bytes += size
        self.reading = None

    def summary(self, db_path):
        secs = max(time.monotonic() - self.start, 1e-6)
        if self.shown and self.tty:
            sys.stderr.write("\n")
        written = self.counts["added"] + self.counts["changed"]
        c = self.counts
        charsets = ", ".join(f"{k} {v}" for k, v in sorted(self.charsets.items())) or "none"
        return (f"import_corpus: {db_path}: added {c['added']}, changed {c['changed']}, "
                f"unchanged {c['unchanged']}, removed {c['removed']}, skipped {c['skipped']}; "
                f"{self.bytes / 1e6:.1f} MB read in {secs:.2f} s "
                f"({self.bytes / 1e6 / secs:.1f} MB/s, {written / secs:.0f} articles/s); "
                f"duplicates {c['duplicates']}, articles without a readable date {self.undated}; "
                f"charsets: {charsets}; corpus linked in {self.link_seconds:.1f} s")


def file_kind(name):
    """'text', 'csv', 'tsv', 'jsonl' or None, from the name (any case, .xz/.gz/.bz2 taken off)."""
    base, ext = os.path.splitext(name.lower())
    if ext in OPENERS:
        base, ext = os.path.splitext(base)
    return FILE_KINDS.get(ext)


class Walk:
    """The importable files under a folder, sorted. Unreadable folders are reported
    and kept in `protected` (nothing under them is removed); symbolic links may not
    lead outside the folder; anything not a regular file is reported, never opened."""

    def __init__(self, folder):
        self.folder = folder
        self.root = os.path.realpath(folder)
        self.files = []
        self.protected = []
        self.unreadable = set()
        self.visited = set()
        try:
            st = os.stat(folder)
            self.visited.add((st.st_dev, st.st_ino))
        except OSError:
            pass
        self.walk(folder)

    def inside(self, path):
        real = os.path.realpath(path)
        return real == self.root or real.startswith(self.root.rstrip(os.sep) + os.sep)

    def walk(self, folder):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            report(folder + os.sep, f"folder not readable ({e.strerror}); nothing under it is removed")
            self.protected.append(shown(folder) + os.sep)
            return
        for entry in entries:
            path = entry.path
            try:
                is_link = entry.is_symlink()
                if is_link and not self.inside(path):
                    if entry.is_dir() or file_kind(entry.name):
                        report(path, "symbolic link to outside the corpus folder")
                    continue
                st = os.stat(path)
            except OSError as e:
                if file_kind(entry.name) or not is_link:
                    report(path, f"cannot stat ({e.strerror})")
                    self.unreadable.add(shown(path))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in self.visited:
                    report(path, "folder already visited (a symbolic link loop)")
                    continue
                self.visited.add(key)
                self.walk(path)
            elif file_kind(entry.name):
                if stat.S_ISREG(st.st_mode):
                    self.files.append((path, st.st_size))
                else:
                    report(path, "not a regular file")
        self.files.sort()


class TooLong(Skip):
    """A file larger than an article may be."""


DOC_STARTS = tuple(bom + "<DOC>".encode(codec) for bom, codec in (
    (b"", "ascii"), (b"\xef\xbb\xbf", "ascii"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")))


def starts_with_doc(path):
    """The file (decompressed) begins with <DOC>, after blanks, in UTF-8, UTF-16 or an
    ASCII-compatible charset."""
    opener = OPENERS.get(os.path.splitext(path)[1].lower(), open)
    with opener(path, "rb") as f:
        head = f.read(4096)
    return head.lstrip(b" \t\r\n").startswith(DOC_STARTS)


class Utf16Lines:
    """readline() for a UTF-16 stream: a line ends after the code unit of LF (0A 00 in
    little endian, 00 0A in big endian) at an even offset of the stream."""

    def __init__(self, f, charset):
        self.f = f
        self.lf = b"\x00\n" if charset.upper().replace("-", "").endswith("BE") else b"\n\x00"
        self.buf = b""
        self.eof = False

    def readline(self, limit):
        start = 0
        while True:
            i = self.buf.find(self.lf, start)
            while i >= 0 and i % 2:
                i = self.buf.find(self.lf, i + 1)
            if i >= 0 and i + 2 <= limit:
                line, self.buf = self.buf[:i + 2], self.buf[i + 2:]
                return line
            if len(self.buf) >= limit or self.eof:
                cut = min(len(self.buf), limit - limit % 2)
                line, self.buf = self.buf[:cut], self.buf[cut:]
                return line
            start = max(0, len(self.buf) - 1)
            start -= start % 2
            chunk = self.f.read(1 << 20)
            if chunk:
                self.buf += chunk
            else:
                self.eof = True


def read_limited(path, size):
    """The bytes of path (decompressed); Skip when more than RECORD_LIMIT."""
    opener = OPENERS.get(os.path.splitext(path)[1].lower())
    if opener is None and size > RECORD_LIMIT:
        raise TooLong(f"{size} bytes, more than the {RECORD_LIMIT // 1000000} MB an article may have")
    try:
        with (opener or open)(path, "rb") as f:
            raw = f.read(RECORD_LIMIT + 1)
    except (OSError, EOFError, lzma.LZMAError) as e:
        raise Skip(f"cannot read ({getattr(e, 'strerror', None) or e})")
    if len(raw) > RECORD_LIMIT:
        raise TooLong(f"more than the {RECORD_LIMIT // 1000000} MB an article may have")
    return raw


def sha3(data):
    return hashlib.sha3_256(data).hexdigest()


def clean_nul(text, where):
    if "\x00" in text:
        warn(where, "NUL characters replaced by U+FFFD")
        return text.replace("\x00", "\ufffd")
    return text


def content_hash(title, body):
    return sha3(((title or "") + "\n" + (body or "")).encode("utf-8", "surrogatepass"))


class Item:
    """One article to write: key (path), hash (changes when it changes), format and fields."""
    __slots__ = ("path", "hash", "format", "content", "title", "source", "date", "url", "meta",
                 "charset", "content_hash", "nbytes")

    def __init__(self, path, hsh, fmt, content, charset, nbytes, title=None, source=None, date=None,
                 url=None, meta=None):
        self.path, self.hash, self.format, self.content = path, hsh, fmt, content
        self.title, self.source, self.date, self.url, self.meta = title, source, date, url, meta
        self.charset, self.nbytes = charset, nbytes
        if fmt == "record":
            self.content_hash = content_hash(title.strip(WHITESPACE) if title else None,
                                             content.strip(WHITESPACE))
        else:  # a text file: known once the schema's trigger has split title and body
            self.content_hash = None


DATE_LINE = re.compile(r"^[ \t\ufeff]*التاريخ:(.*)$", re.M)
DOC_TAG = re.compile(r"<([A-Za-z]+)>(.*?)</\1>", re.S)


class Reader:
    """Turns files into Items; reports (and counts as skipped) what it cannot read."""

    def __init__(self, sql, encoding, columns, progress):
        self.sql = sql
        self.encoding = encoding
        self.columns = columns or {}
        self.progress = progress

    def skip(self, what, problem):
        report(what, problem)
        self.progress.counts["skipped"] += 1

    def decode(self, raw, where):
        if self.encoding:
            charset = self.encoding
        else:
            charset = self.sql.detect(raw)
            if charset is None and b"\x00" in raw and not looks_binary(raw):
                # a stray NUL in a text: read the text around it, the NUL becomes U+FFFD
                charset = self.sql.detect(raw.replace(b"\x00", b""))
                if charset and not charset.upper().startswith("UTF-16"):
                    warn(where, "NUL characters replaced by U+FFFD")
                    return "\ufffd".join(self.sql.decode(part, charset) if part else ""
                                          for part in raw.split(b"\x00")).lstrip("\ufeff"), charset
            if charset is None:
                raise Skip(undecodable_reason(raw))
            if not charset.upper().startswith("UTF-16") and looks_binary(raw):
                raise Skip("binary (control bytes), not text")
        text = self.sql.decode(raw, charset)
        if text is None:
            raise Skip(f"not {charset}")
        if text.startswith("\ufeff"):
            text = text[1:]
        return clean_nul(text, where), charset

    # -- one article per file ------------------------------------------------------------
    def text_file(self, path, size):
        key = shown(path)
        try:
            raw = read_limited(path, size)
        except TooLong as e:
            self.progress.step(0)
            if starts_with_doc(path):
                yield from self.doc_stream(path)  # a big TREC-like file: its <DOC>s one by one
            else:
                self.skip(path, str(e))
            return
        except Skip as e:
            self.progress.step(0)
            if str(e).startswith("cannot read"):
                self.unreadable.add(key)
            self.skip(path, str(e))
            return
        self.progress.step(len(raw))
        if not raw.strip(b" \t\n\v\f\r"):
            self.skip(path, "empty")
            return
        try:
            text, charset = self.decode(raw, path)
        except Skip as e:
            self.skip(path, str(e))
            return
        if not text.strip(WHITESPACE):
            self.skip(path, "empty")
            return
        if text.lstrip(WHITESPACE).startswith("<DOC>"):
            yield from self.docs(path, text, charset, len(raw))
            return
        yield Item(key, sha3(raw), None, text, charset, len(raw))

    def docs(self, path, text, charset, nbytes):
        """The <DOC> ... </DOC> records of a TREC-like file (JawharaFM)."""
        for n, doc in enumerate(re.findall(r"<DOC>(.*?)</DOC>", text, re.S), 1):
            item = self.doc(path, n, doc, charset, nbytes)
            if item:
                yield item

    def doc(self, path, n, doc, charset, nbytes):
        fields = {}
        for tag, value in DOC_TAG.findall(doc):
            fields.setdefault(tag.lower(), value.strip(WHITESPACE))
        return self.record(path, f"<DOC> {n}", fields, charset, nbytes)

    def doc_stream(self, path):
        """The <DOC>s of a file larger than RECORD_LIMIT, read line by line: the same
        records as docs(), each at most RECORD_LIMIT."""
        charset = self.stream_charset(path)
        n, parts, size, inside = 0, [], 0, False
        for _, line in self.decoded_lines(path, charset):
            rest = line
            while rest:
                if not inside:
                    i = rest.find("<DOC>")
                    if i < 0:
                        break
                    inside, parts, size, rest = True, [], 0, rest[i + len("<DOC>"):]
                    continue
                j = rest.find("</DOC>")
                part = rest if j < 0 else rest[:j]
                size += len(part)
                if size <= RECORD_LIMIT:
                    parts.append(part)
                else:
                    parts = []
                if j < 0:
                    break
                n += 1
                inside, rest = False, rest[j + len("</DOC>"):]
                if size > RECORD_LIMIT:
                    self.skip(f"{path} <DOC> {n}", f"more than the {RECORD_LIMIT // 1000000} MB a record may have")
                    continue
                item = self.doc(path, n, "".join(parts), charset, size)
                if item:
                    yield item

    # -- one article per record -----------------------------------------------------------
    def mapping(self, names):
        """field -> column name, for the fields FIELDS (or --columns) names."""
        found = {}
        lower = {n.lower().strip(): n for n in names if isinstance(n, str)}
        for field, aliases in FIELDS.items():
            if field in self.columns:
                if self.columns[field] in names:
                    found[field] = self.columns[field]
                continue
            for alias in aliases:
                if alias in lower:
                    found[field] = lower[alias]
                    break
        return found

    def record(self, path, where, fields, charset, nbytes, mapping=None):
        mapping = mapping if mapping is not None else self.mapping(list(fields))
        get = lambda f: fields.get(mapping[f]) if f in mapping else None  # noqa: E731
        text = get("text")
        if text is None or not str(text).strip(WHITESPACE):
            self.skip(f"{path} {where}", "no text" if "text" in mapping else
                      f"no text field (fields: {', '.join(map(str, fields))}); name it with --columns text=NAME")
            return None
        used = set(mapping.values())
        meta = {k: v for k, v in fields.items() if k not in used}
        as_text = lambda v: None if v is None else (v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))  # noqa: E731
        title, body = as_text(get("title")), as_text(text)
        rid = as_text(get("id"))
        date_value = as_text(get("date"))
        published = self.sql.date(date_value)
        if published is None and date_value is None:
            m = DATE_LINE.search(body)  # the text's own date line
            if m:
                published = self.sql.date(m.group(1))
        meta_json = json.dumps(meta, ensure_ascii=False, sort_keys=True) if meta else None
        fields_hash = sha3(json.dumps([title, body, as_text(get("source")), published, as_text(get("url")),
                                       meta_json, charset], ensure_ascii=False).encode("utf-8", "surrogatepass"))
        item = Item(None, fields_hash, "record", clean_nul(body, f"{path} {where}"), charset, nbytes,
                    title=title, source=as_text(get("source")), date=published, url=as_text(get("url")),
                    meta=meta_json)
        key = f"{shown(path)}#{rid.strip()}" if rid and rid.strip() else f"{shown(path)}#h{item.content_hash[:16]}"
        item.path = key
        return item

    def lines(self, path, charset=None):
        """The lines of a (compressed) file as bytes, each at most RECORD_LIMIT; longer ones reported.
        In UTF-16 a line ends at the code unit of LF, at an even offset."""
        opener = OPENERS.get(os.path.splitext(path)[1].lower())
        wide = (charset or "").upper().replace("-", "") in ("UTF16LE", "UTF16BE", "UTF16")
        with open(path, "rb") as raw, (opener(raw, "rb") if opener else raw) as unpacked, \
                (readahead.read_ahead(unpacked) if opener else contextlib.nullcontext(raw)) as f:
            self.progress.reading = raw.tell
            read = Utf16Lines(f, charset).readline if wide else f.readline
            n = 0
            while True:
                line = read(RECORD_LIMIT + 1)
                if not line:
                    return
                n += 1
                if len(line) > RECORD_LIMIT and not line.endswith((b"\n", b"\n\x00", b"\x00\n")):
                    while line and not line.endswith((b"\n", b"\n\x00", b"\x00\n")):
                        line = read(1 << 20)
                    self.skip(f"{path} line {n}", f"more than the {RECORD_LIMIT // 1000000} MB a record may have")
                    continue
                self.progress.step(len(line), 0)
                yield n, line

    def stream_charset(self, path):
        if self.encoding:
            return self.encoding
        opener = OPENERS.get(os.path.splitext(path)[1].lower(), open)
        with opener(path, "rb") as f:
            head = f.read(65536)
        if not head.strip():
            raise Skip("empty")
        if head.startswith(b"\xff\xfe"):
            return "UTF-16LE"
        if head.startswith(b"\xfe\xff"):
            return "UTF-16BE"
        if len(head) == 65536:  # the first 64 KiB, cut at a line end or before a broken character
            cut = head.rfind(b"\n") + 1
            samples = [head[:cut]] if cut else [head[:len(head) - k] for k in range(4)]
        else:
            samples = [head]
        charset = None
        for sample in samples:
            charset = self.sql.detect(sample)
            if charset:
                break
        if charset is None:
            raise Skip(undecodable_reason(head))
        return charset

    def decoded_lines(self, path, charset):
        for n, line in self.lines(path, charset):
            try:
                text = self.sql.decode(line, charset)
            except Skip as e:
                self.skip(f"{path} line {n}", str(e))
                continue
            yield n, text[1:] if n == 1 and text.startswith("\ufeff") else text

    def jsonl(self, path):
        charset = self.stream_charset(path)
        for n, line in self.decoded_lines(path, charset):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                self.skip(f"{path} line {n}", f"not JSON ({e})")
                continue
            if not isinstance(obj, dict):
                self.skip(f"{path} line {n}", "not a JSON object")
                continue
            item = self.record(path, f"line {n}", obj, charset, len(line))
            if item:
                yield item

    def table(self, path, delimiter):
        charset = self.stream_charset(path)
        numbered = self.decoded_lines(path, charset)
        where = [0]

        def texts():
            for n, line in numbered:
                where[0] = n
                yield line
        csv.field_size_limit(RECORD_LIMIT)  # the default, 131072 characters, is shorter than long articles
        rows = csv.reader(texts(), delimiter=delimiter)
        try:
            header = next(rows)
        except StopIteration:
            raise Skip("empty")
        mapping = self.mapping(header)
        if "text" not in mapping:
            raise Skip(f"no text column (columns: {', '.join(header)}); name it with --columns text=NAME")
        try:
            for row in rows:
                if not any(c.strip() for c in row):
                    continue
                if len(row) != len(header):
                    self.skip(f"{path} line {where[0]}", f"{len(row)} fields, the header has {len(header)}")
                    continue
                item = self.record(path, f"line {where[0]}", dict(zip(header, row)), charset,
                                   sum(map(len, row)), mapping)
                if item:
                    yield item
        except csv.Error as e:
            self.skip(f"{path} line {where[0]}", f"CSV error ({e}); the rest of the file is not read")

    def one_per_line(self, path):
        """A file with one article per line: the old 'line' format, keyed by content hash."""
        charset = self.stream_charset(path)
        for n, line in self.decoded_lines(path, charset):
            if not line.strip(WHITESPACE):
                continue
            body = clean_nul(line.strip(WHITESPACE), f"{path} line {n}")
            item = Item(None, None, "line", body, charset, len(line))
            item.content_hash = content_hash(None, body.strip(WHITESPACE))
            item.hash = sha3(line.encode("utf-8", "surrogatepass"))
            item.path = f"{shown(path)}#h{item.content_hash[:16]}"
            yield item

    def items(self, files, lines):
        for path, size in files:
            yield from self.file_items(path, size, lines)
            self.progress.finished(size)

    def file_items(self, path, size, lines):
        kind = "lines" if lines else file_kind(path)
        try:
            if kind == "text":
                yield from self.text_file(path, size)
                return
            self.progress.step(0)
            if kind == "jsonl":
                yield from self.jsonl(path)
            elif kind in ("csv", "tsv"):
                yield from self.table(path, "," if kind == "csv" else "\t")
            else:
                yield from self.one_per_line(path)
        except Skip as e:
            self.skip(path, str(e))
        except (OSError, EOFError, lzma.LZMAError) as e:
            self.unreadable.add(shown(path))
            self.skip(path, f"cannot read ({getattr(e, 'strerror', None) or e}); its articles are kept")


def load(db, sql, reader, files, lines, prefixes, protected, progress, batch_articles, batch_bytes,
         allow_removal, extractors=None):
    """Write the changed items in batches, then remove the articles whose item is gone.
    extractors: the worker processes that compute the entities (None: the triggers do)."""
    known, occ_known = {}, {}
    for prefix in prefixes:
        known.update(db.execute("SELECT path, hash FROM articles WHERE substr(path, 1, ?) = ?",
                                (len(prefix), prefix)))
        occ_known.update(db.execute("SELECT path, hash FROM occurrences WHERE substr(path, 1, ?) = ?",
                                    (len(prefix), prefix)))
    seen = set()
    pending = pending_bytes = 0
    c = progress.counts
    # The first import into a corpus: the indexes of entities, which every mention would
    # update, are made once after the linking (sql/schema.sql, sql/linking.sql; an interrupted
    # import leaves them to the next run, which makes them when it opens the database).
    first_import = not db.execute("SELECT 1 FROM entities LIMIT 1").fetchone()
    if first_import:
        db.execute("BEGIN IMMEDIATE")
        for index in linking.ENTITY_INDEXES:
            db.execute(f"DROP INDEX IF EXISTS {index}")
        db.execute("COMMIT")

    unindexed = set()  # the batch's new articles, for INDEX_NEW

    def index(ids):
        db.execute(INDEX_NEW, (json.dumps(sorted(ids)),))
        unindexed.difference_update(ids)

    def begin():
        db.execute("BEGIN IMMEDIATE")
        db.execute(PAUSE_LINKING)
        db.execute(PAUSE_INDEXING)
        if extractors:
            db.execute(PAUSE_EXTRACTION)

    def commit():
        if extractors:
            extractors.write(db, everything=True)
            db.execute(RESUME_EXTRACTION)
        index(list(unindexed))
        db.execute(RESUME_INDEXING)
        db.execute(RESUME_LINKING)
        db.execute("COMMIT")
    begin()
    for item in reader.items(files, lines):
        if item.path in seen:
            if not item.path.rsplit("#", 1)[-1].startswith("h"):
                report(item.path, "a second record with this id")
                c["skipped"] += 1
                continue
            c["duplicates"] += 1  # the same text twice in one file: one key, nothing more to store
            continue
        seen.add(item.path)
        if known.get(item.path) == item.hash or occ_known.get(item.path) == item.hash:
            c["unchanged"] += 1
            if item.path in occ_known:
                c["duplicates"] += 1
            continue
        first = item.content_hash and db.execute(
            "SELECT id, path FROM articles WHERE content_hash = ? AND path <> ? LIMIT 1",
            (item.content_hash, item.path)).fetchone()
        if first:
            c["duplicates"] += 1
            if item.path in known:
                db.execute("DELETE FROM articles WHERE path = ?", (item.path,))
            db.execute("INSERT INTO occurrences(article_id, path, source, url, published, hash) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET article_id = excluded.article_id, "
                       "source = excluded.source, url = excluded.url, published = excluded.published, "
                       "hash = excluded.hash",
                       (first[0], item.path, item.source, item.url, item.date, item.hash))
            continue
        if item.path in occ_known:
            db.execute("DELETE FROM occurrences WHERE path = ?", (item.path,))
        c["changed" if item.path in known else "added"] += 1
        progress.charsets[item.charset] = progress.charsets.get(item.charset, 0) + 1
        # a changed article is indexed again by the update trigger, a new one by INDEX_NEW
        new = not db.execute("SELECT 1 FROM articles WHERE path = ?", (item.path,)).fetchone()
        db.execute("INSERT INTO article_import(path, content, hash, format, title, source, published, url, "
                   "meta, charset, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (item.path, item.content, item.hash, item.format, item.title, item.source, item.date,
                    item.url, item.meta, item.charset, item.content_hash))
        aid, title, body, text = db.execute("SELECT id, title, body, text FROM articles WHERE path = ?",
                                            (item.path,)).fetchone()
        if new:
            unindexed.add(aid)
        if item.format is None:
            # a text file: its title and body are known once the trigger has split it
            h = content_hash(title, body)
            first = db.execute("SELECT id FROM articles WHERE content_hash = ? AND id <> ? LIMIT 1",
                               (h, aid)).fetchone()
            if first:
                c["changed" if item.path in known else "added"] -= 1
                progress.charsets[item.charset] -= 1
                c["duplicates"] += 1
                src, date = db.execute("SELECT source, published FROM articles WHERE id = ?", (aid,)).fetchone()
                if aid in unindexed:
                    index([aid])  # the delete trigger takes it out of the index
                db.execute("DELETE FROM articles WHERE id = ?", (aid,))
                db.execute("INSERT INTO occurrences(article_id, path, source, url, published, hash) "
                           "VALUES (?, ?, ?, NULL, ?, ?)", (first[0], item.path, src, date, item.hash))
                continue
            db.execute("UPDATE articles SET content_hash = ? WHERE id = ?", (h, aid))
        if extractors:
            extractors.submit(db, aid, text)
        pending += 1
        pending_bytes += item.nbytes
        if pending >= batch_articles or pending_bytes >= batch_bytes:
            commit()
            begin()
            pending = pending_bytes = 0
    keep = reader.unreadable

    def kept(p):
        base = p.split("#", 1)[0] if "#" in p[len(os.sep):] else p
        return p in keep or base in keep or any(p.startswith(d) for d in protected)
    gone = [p for p in known if p not in seen and not kept(p)]
    occ_gone = [p for p in occ_known if p not in seen and not kept(p)]
    if known and len(gone) > REMOVAL_LIMIT * len(known) and not allow_removal:
        print(f"import_corpus: {len(gone)} of the {len(known)} articles of this corpus are gone "
              f"(an empty or unmounted folder?); nothing removed: run again with --allow-removal "
              f"to remove them", file=sys.stderr)
        gone, occ_gone = [], []
    for p in gone:
        # an article whose first copy is gone lives on in another copy, which takes its place
        for occ in db.execute("SELECT o.path, o.source, o.url, o.published, o.hash FROM occurrences AS o "
                              "JOIN articles AS a ON a.id = o.article_id WHERE a.path = ? ORDER BY o.path",
                              (p,)).fetchall():
            if occ[0] in seen:
                db.execute("DELETE FROM occurrences WHERE path = ?", (occ[0],))
                db.execute("UPDATE articles SET path = ?, source = ?, url = ?, published = ?, hash = ? "
                           "WHERE path = ?", occ + (p,))
                c["duplicates"] -= 1
                break
        else:
            db.execute("DELETE FROM articles WHERE path = ?", (p,))
    db.executemany("DELETE FROM occurrences WHERE path = ?", [(p,) for p in occ_gone])
    c["removed"] = len(gone)
    commit()
    start = time.monotonic()
    linking.link(db, sys.stderr if progress.shown else None, upgraded=True,  # corpus entities (sql/linking.sql)
                 extractors=extractors)
    if first_import:
        linking.upgrade(db)  # the indexes of entities, made once
    progress.link_seconds = time.monotonic() - start
    progress.undated = sum(db.execute("SELECT count(*) FROM articles WHERE substr(path, 1, ?) = ? "
                                      "AND published IS NULL", (len(p), p)).fetchone()[0] for p in prefixes)
    if any(c[k] for k in ("added", "changed", "removed")):
        db.execute("ANALYZE")  # statistics for the planner: a fraction of a second on 30 MB
    return progress


def parse_columns(spec):
    """'title=headline,text=body' -> {'title': 'headline', 'text': 'body'}."""
    columns = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field, sep, name = part.partition("=")
        field = field.strip().lower()
        if not sep or field not in FIELDS or not name.strip():
            raise ValueError(f"--columns: '{part}' is not FIELD=NAME with FIELD one of {', '.join(FIELDS)}")
        columns[field] = name.strip()
    return columns


def import_corpus(source, db_path, extension=None, batch_articles=2000, batch_bytes=8_000_000,
                  lines=None, quiet=False, encoding=None, columns=None, allow_removal=False, jobs=None):
    """Import source (a folder, or a file: .csv/.tsv/.jsonl records, else one article per line)
    into db_path, the entities computed by jobs worker processes (default: one per core when
    the files hold PARALLEL_BYTES or more; 1: by the triggers, in this process). Returns the
    counts: added, changed, unchanged, removed, skipped, duplicates."""
    source = os.path.normpath(source)
    extension = extension or loadable_path()
    if isinstance(columns, str):
        columns = parse_columns(columns)
    if os.path.isdir(source):
        walk = Walk(source)
        files, protected = walk.files, walk.protected
        prefixes = [shown(source) + os.sep]
        lines = False
        unit = "files"
    else:
        st = os.stat(source)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"{source}: not a regular file")
        files, protected = [(source, st.st_size)], []
        if lines is None:
            lines = file_kind(source) in (None, "text")
        prefixes = [shown(source) + "#"]
        unit = "files"
    progress = Progress(len(files), unit, quiet, sum(size for path, size in files))
    db = connect(db_path, extension)
    if jobs is None:
        jobs = (os.cpu_count() or 1) if sum(size for path, size in files) >= PARALLEL_BYTES else 1
    try:
        if jobs > 1 and not workers.stock_view(db, sql_path("schema.sql")):
            warn(db_path, "article_entities is not the view of schema.sql: its triggers extract, on one core")
            jobs = 1
        sql = Sql(db)
        reader = Reader(sql, encoding, columns, progress)
        reader.unreadable = set(walk.unreadable) if os.path.isdir(source) else set()
        with workers.Extractors(db_path, extension, jobs) if jobs > 1 else contextlib.nullcontext() as extractors:
            load(db, sql, reader, files, lines, prefixes, protected, progress, batch_articles, batch_bytes,
                 allow_removal, extractors)
    finally:
        db.close()  # without COMMIT: an unfinished batch is rolled back
    if not quiet:
        print(progress.summary(db_path), file=sys.stderr)
    return progress.counts


def main(argv):
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", help="a folder (*.txt, *.csv, *.tsv, *.jsonl, any case, may be .xz/.gz/.bz2), "
                                   "a .csv/.tsv/.jsonl file, or a file with one article per line")
    ap.add_argument("db", help="the database file to create or update")
    ap.add_argument("--lines", action="store_true", help="take source as one article per line")
    ap.add_argument("--encoding", default=None,
                    help="the charset of every file (default: detected per file by arabic_detect_charset)")
    ap.add_argument("--columns", default=None,
                    help="field names of the records: title=NAME,text=NAME,date=,source=,url=,id=")
    ap.add_argument("--allow-removal", action="store_true",
                    help=f"remove articles even when more than {REMOVAL_LIMIT * 100:.0f}%% of the corpus is gone")
    ap.add_argument("--extension", default=None,
                    help="path of the sqlite-arabic extension (default: the one next to this package)")
    ap.add_argument("--batch", type=int, default=2000, help="articles per transaction (default 2000)")
    ap.add_argument("-j", "--jobs", type=int, default=None,
                    help="worker processes that extract the entities (default: one per core, for "
                         f"{PARALLEL_BYTES // 1000000} MB of files or more; 1: the triggers, in the importer's process)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    args = ap.parse_args(argv)
    if not os.path.exists(args.source):
        ap.error(f"{args.source}: no such file or folder")
    if args.jobs is not None and args.jobs < 1:
        ap.error("--jobs: give 1 or more worker processes")
    try:
        columns = parse_columns(args.columns)
    except ValueError as e:
        ap.error(str(e))
    try:
        import_corpus(args.source, args.db, extension=args.extension, batch_articles=args.batch,
                      lines=True if args.lines else None, quiet=args.quiet, encoding=args.encoding,
                      columns=columns, allow_removal=args.allow_removal, jobs=args.jobs)
    except (sqlite3.Error, OSError) as e:
        print(f"import_corpus: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nimport_corpus: interrupted; committed batches are kept, run again to finish",
              file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
