"""Shared helpers of the Python tests: paths and a connection with the extension."""
import os
import sqlite3

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXT = os.path.join(ROOT, "dist", "arabic")
SHARED = os.path.join(ROOT, "..", "shared")


def connect(path=":memory:"):
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(EXT)
    db.enable_load_extension(False)
    return db


def column(db, sql, *args):
    return [r[0] for r in db.execute(sql, args)]


def with_test_cflags(command):
    """A documented `cc ...` command with $ARABIC_TEST_CFLAGS added: make
    test-asan sets the sanitizer flags, so that a snippet links the
    instrumented static library."""
    extra = os.environ.get("ARABIC_TEST_CFLAGS", "")
    return command.replace("cc ", "cc " + extra + " ", 1) if extra and command.startswith("cc ") else command
