"""sqlite-arabic for Python: find and load the extension, and the corpus scripts.

    import sqlite3, sqlite_arabic
    db = sqlite3.connect("news.db")
    sqlite_arabic.load(db)

Installed, the package carries arabic.so and the sql/ scripts; run from a
checkout, it uses dist/arabic.so and sql/ of that checkout.
"""
import os

_HERE = os.path.dirname(os.path.abspath(__file__))
_CHECKOUT = os.path.dirname(os.path.dirname(_HERE))


def _first_existing(*candidates):
    for path in candidates:
        if os.path.exists(path):
            return path
    return candidates[-1]


def loadable_path():
    """The path to give load_extension() (without the .so suffix, as SQLite adds it)."""
    so = _first_existing(os.path.join(_HERE, "arabic.so"), os.path.join(_CHECKOUT, "dist", "arabic.so"))
    return so[:-len(".so")]


def sql_path(name):
    """The path of one of the corpus scripts (schema.sql, views.sql, import.sql, examples.sql)."""
    return _first_existing(os.path.join(_HERE, "sql", name), os.path.join(_CHECKOUT, "sql", name))


def load(conn):
    """Load the extension into a sqlite3 connection."""
    conn.enable_load_extension(True)
    try:
        conn.load_extension(loadable_path())
    finally:
        conn.enable_load_extension(False)
