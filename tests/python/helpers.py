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
