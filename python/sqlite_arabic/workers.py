"""Entity extraction on every core for the importer.

The importer is the one writer of its database: it stores each article and
its FTS5 index itself, while worker processes (spawned, one per core) read
arabic_entities() of the article's text, which is most of the cost of an
import. Each worker opens the database read-only, so the user's
arabic_gazetteer is the one it reads, and returns the rows the trigger
entities_insert would have written; the writer inserts them in the order the
trigger would have, inside the batch's transaction (an interrupted batch
leaves neither its articles nor their entities). A database imported with
--jobs 1 (the triggers) and with all cores is the same, row for row
(tests/python/test_import_workers.py).

The workers are used only while article_entities is the view of
sql/schema.sql: an edited view (the documented place to change what is
extracted) is read by the triggers, on one core.
"""
import collections
import multiprocessing
import os
import signal
import sqlite3
import urllib.parse

# What the view article_entities reads for one article, in the order the trigger inserts it.
EXTRACT = "SELECT entity, type, start, length, canonical FROM arabic_entities(?)"
CHUNK_BYTES = 64 * 1024  # text sent to a worker at a time: enough to pay for the pipe, little to wait for
BACKLOG = 8               # chunks per worker the writer may be ahead by
# Rows are written ROWS_PER_INSERT to a statement (700 values: under every SQLite's limit of 999):
# one statement a row would run the per-row trigger of linking.sql with a new frame for each.
INSERT_ROWS = "INSERT INTO entities(article_id, entity, type, start, length, canonical, entity_id) VALUES "
ROWS_PER_INSERT = 100

_db = None  # the worker's read-only connection


def _start(db_path, extension):
    global _db
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the importer's: it rolls back and stops us
    uri = "file:" + urllib.parse.quote(os.path.abspath(db_path)) + "?mode=ro"
    _db = sqlite3.connect(uri, uri=True, isolation_level=None)
    _db.enable_load_extension(True)
    _db.load_extension(extension)
    _db.enable_load_extension(False)


def _extract(chunk):
    return [(aid, _db.execute(EXTRACT, (text,)).fetchall()) for aid, text in chunk]


def _boilerplate():
    from . import linking  # linking imports this module: at call time
    return linking.repeated_sentences(_db)


def _readings():
    from . import linking
    return linking.gazetteer_readings(_db)


def stock_view(db, schema_path):
    """True when the database's article_entities is the view schema.sql makes."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'article_entities'").fetchone()
    with open(schema_path, encoding="utf-8") as f:
        schema = f.read()
    return bool(row) and row[0].replace("CREATE VIEW ", "CREATE VIEW IF NOT EXISTS ", 1) in schema


class Extractors:
    """A pool of worker processes computing the entities of articles; the
    writer submits (article id, text) and writes their rows, in that order,
    as they come (write) and all of them before it commits (write(db, everything=True))."""

    def __init__(self, db_path, extension, jobs, entity_id=None):
        self.pool = multiprocessing.get_context("spawn").Pool(jobs, _start, (db_path, extension))
        self.jobs = jobs
        self.entity_id = entity_id  # of the rows written: NULL, not linked yet
        self.chunk, self.chunk_bytes = [], 0
        self.waiting = collections.deque()

    def submit(self, db, aid, text):
        """Send the text to a worker; write the rows that have come (the writer keeps
        working meanwhile, and waits when BACKLOG chunks a worker are not done)."""
        self.chunk.append((aid, text))
        self.chunk_bytes += len(text)
        if self.chunk_bytes >= CHUNK_BYTES:
            self.waiting.append(self.pool.apply_async(_extract, (self.chunk,)))
            self.chunk, self.chunk_bytes = [], 0
            self.write(db)

    def write(self, db, everything=False):
        """Insert into entities the rows of the chunks done, and of the oldest ones while
        too many wait (everything: of every article submitted), in the order of submission."""
        if everything and self.chunk:
            self.waiting.append(self.pool.apply_async(_extract, (self.chunk,)))
            self.chunk, self.chunk_bytes = [], 0
        done = []
        while self.waiting and (everything or self.waiting[0].ready()
                                or len(self.waiting) > BACKLOG * self.jobs):
            done.append(self.waiting.popleft().get())
        rows = [(aid,) + row + (self.entity_id,) for result in done for aid, found in result for row in found]
        for i in range(0, len(rows), ROWS_PER_INSERT):
            group = rows[i:i + ROWS_PER_INSERT]
            db.execute(INSERT_ROWS + ", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * len(group)),
                       [value for row in group for value in row])

    def boilerplate(self):
        """linking.repeated_sentences() of the committed articles, found by a worker: an
        AsyncResult whose get() is ({(source, sentence): articles}, spans)."""
        return self.pool.apply_async(_boilerplate)

    def readings(self):
        """linking.gazetteer_readings() of the committed entities, read by a worker: an
        AsyncResult."""
        return self.pool.apply_async(_readings)

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.pool.close()  # every result was taken: the workers end
        else:
            self.pool.terminate()
        self.pool.join()
