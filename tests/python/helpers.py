"""Shared helpers of the Python tests: paths, a connection with the extension, and
a scratch corpus folder for the importer's tests."""
import contextlib
import io
import os
import shutil
import sqlite3
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXT = os.path.join(ROOT, "dist", "arabic")
SHARED = os.path.join(ROOT, "..", "shared")


def connect(path=":memory:"):
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(EXT)
    db.enable_load_extension(False)
    return db


def import_quietly(folder, db, **kw):
    """python/sqlite_arabic/importer.import_corpus(folder, db, **kw): (counts, its stderr)."""
    sys.path.insert(0, os.path.join(ROOT, "python"))
    from sqlite_arabic import importer
    kw.setdefault("quiet", True)  # the summary line only where a test reads it
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        counts = importer.import_corpus(folder, db, **kw)
    return counts, err.getvalue()


class ScratchCorpus(unittest.TestCase):
    """A test with an empty corpus folder self.dir and a database path self.db, in a
    temporary folder self.tmp removed afterwards."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="import-")
        self.dir = os.path.join(self.tmp, "c")
        os.mkdir(self.dir)
        self.db = os.path.join(self.tmp, "t.db")

    def tearDown(self):
        shutil.rmtree(self.tmp)


def column(db, sql, *args):
    return [r[0] for r in db.execute(sql, args)]


def with_test_cflags(command):
    """A documented `cc ...` command with $ARABIC_TEST_CFLAGS added: make
    test-asan sets the sanitizer flags, so that a snippet links the
    instrumented static library."""
    extra = os.environ.get("ARABIC_TEST_CFLAGS", "")
    return command.replace("cc ", "cc " + extra + " ", 1) if extra and command.startswith("cc ") else command
