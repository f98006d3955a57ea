"""sqlite-arabic for Python: find and load the extension, and the corpus scripts.

    import sqlite3, sqlite_arabic
    db = sqlite3.connect("news.db")
    sqlite_arabic.load(db)

Installed, the package carries arabic.so and the sql/ scripts; run from a
checkout, it uses dist/arabic.so and sql/ of that checkout. When the
extension cannot be loaded (not built, or a Python whose sqlite3 module
cannot load extensions), LoadError says why and what to do.
"""
import os
import sqlite3
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
_CHECKOUT = os.path.dirname(os.path.dirname(_HERE))


def _version():
    for path in (os.path.join(_HERE, "VERSION"), os.path.join(_CHECKOUT, "VERSION")):
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return f.read().strip()
    return "unknown"


__version__ = _version()


class LoadError(sqlite3.OperationalError):
    """The extension cannot be loaded here; the message says what to do."""


def _first_existing(*candidates):
    for path in candidates:
        if os.path.exists(path):
            return path
    return None


def library_path():
    """The path of arabic.so, for any program that loads it (the sqlite3
    shell, sqlite-utils); LoadError if it is not built."""
    so = _first_existing(os.path.join(_HERE, "arabic.so"), os.path.join(_CHECKOUT, "dist", "arabic.so"))
    if so:
        return os.path.realpath(so)
    if os.path.exists(os.path.join(_CHECKOUT, "Makefile")):
        raise LoadError(f"sqlite-arabic is not built: there is no {os.path.join(_CHECKOUT, 'dist', 'arabic.so')}; "
                        f"run `make` in {_CHECKOUT}")
    raise LoadError(f"sqlite-arabic: arabic.so is missing from {_HERE}; reinstall the package")


def check_python():
    """LoadError unless this Python's sqlite3 module can load extensions."""
    if not hasattr(sqlite3.Connection, "enable_load_extension"):
        raise LoadError(
            f"this Python ({os.path.realpath(sys.executable)}) cannot load SQLite extensions: its sqlite3 "
            "module was built without them (pyenv builds are, unless PYTHON_CONFIGURE_OPTS="
            "--enable-loadable-sqlite-extensions). Use /usr/bin/python3, or a virtual environment made from "
            "it: /usr/bin/python3 -m venv --system-site-packages .venv")


def loadable_path():
    """The path to give this Python's load_extension() (without the .so
    suffix, as SQLite adds it); LoadError if it cannot be loaded here."""
    check_python()
    return library_path()[:-len(".so")]


def sql_path(name):
    """The path of one of the corpus scripts (schema.sql, linking.sql, views.sql, import.sql, examples.sql)."""
    return _first_existing(os.path.join(_HERE, "sql", name),
                           os.path.join(_CHECKOUT, "sql", name)) or os.path.join(_HERE, "sql", name)


CORPUS_SCRIPTS = ("schema.sql", "linking.sql", "views.sql")  # what a corpus database is made of, in order


def run_scripts(db, names):
    """Run corpus scripts (schema.sql, linking.sql, views.sql) statement by statement in the
    open transaction (executescript would COMMIT it, and commit between statements, where
    a second importer can change the schema under it)."""
    for name in names:
        with open(sql_path(name), encoding="utf-8") as f:
            script = f.read()
        statement = ""
        for line in script.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                db.execute(statement)
                statement = ""
        if "\n".join(l for l in statement.splitlines() if not l.strip().startswith("--")).strip():
            raise sqlite3.ProgrammingError(f"{name}: an incomplete statement at its end: {statement[:60]}")


def load(conn):
    """Load the extension into a sqlite3 connection."""
    path = loadable_path()
    conn.enable_load_extension(True)
    try:
        conn.load_extension(path)
    except sqlite3.OperationalError as e:
        # The library is there but the system lacks what it links (ICU, utf8proc).
        raise LoadError(f"cannot load {path}.so: {e}. It links the system's ICU and utf8proc: install them "
                        "(Debian: libicu72 libutf8proc2) or build it on this system with `make`") from e
    finally:
        conn.enable_load_extension(False)
