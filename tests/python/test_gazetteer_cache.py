"""The gazetteer cache of arabic_entities (functions/gazetteer_sql.c): a change of arabic_gazetteer is seen
by the next statement, a rolled-back row is never seen, and nothing else makes it read the table again.

Each test names what it covers: rollback, ROLLBACK TO, a failed statement, rolled-back DDL, other
connections (rollback journal and WAL), ATTACH, views and virtual tables as gazetteers, read-only and
query_only connections, statements prepared or running before the cache's TEMP triggers existed, every kind
of write (UPDATE, DELETE, REPLACE, UPSERT, foreign-key cascades), the triggers dropped by hand, and
sqlite3_deserialize. Reads of the table are counted with the connection's trace callback, which sees the
statements the extension runs.
"""
import os
import sqlite3
import tempfile
import unittest

from helpers import ROOT, connect

TEXT = "زرنا نهر الذهب ثم وادي السلام وقابلنا سامر الخطيب."
GAZ_SQL = "SELECT name, type, canonical FROM main.arabic_gazetteer"


def found(db, text=TEXT):
    """(entity, canonical) of each entity whose canonical is not its own text: the gazetteer's doing."""
    rows = db.execute("SELECT entity, canonical FROM arabic_entities(?)", (text,)).fetchall()
    return {(e, c) for e, c in rows if e != c}


def open_db(path=":memory:"):
    db = connect(path)
    db.isolation_level = None  # explicit BEGIN / COMMIT
    return db


def make_gazetteer(db):
    db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
    db.execute("INSERT INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', 'النهر الذهبي')")


class Reads:
    """Counts the reads of arabic_gazetteer on a connection."""

    def __init__(self, db):
        self.n = 0
        db.set_trace_callback(self.trace)

    def trace(self, sql):
        if GAZ_SQL in sql:
            self.n += 1


VALLEY_SQL = "INSERT INTO arabic_gazetteer VALUES ('وادي السلام', 'LOCATION', 'الوادي')"


def add_valley(db):
    db.execute(VALLEY_SQL)


RIVER = ("نهر الذهب", "النهر الذهبي")
VALLEY = ("وادي السلام", "الوادي")


class Steps(unittest.TestCase):
    def steps(self, db, *steps):
        """Each step is SQL to run or the set found() must give then."""
        for i, step in enumerate(steps):
            if isinstance(step, str):
                db.execute(step)
            else:
                self.assertEqual(found(db), step, f"after step {i}")


class Rollback(Steps):
    def test_rolled_back_row_is_never_seen(self):
        db = open_db()
        make_gazetteer(db)
        self.steps(db, {RIVER}, "BEGIN", VALLEY_SQL, {RIVER, VALLEY}, "ROLLBACK", {RIVER})

    def test_rollback_to_savepoint(self):
        db = open_db()
        make_gazetteer(db)
        self.steps(db, "BEGIN", "SAVEPOINT a", "DELETE FROM arabic_gazetteer", set(), "SAVEPOINT b", VALLEY_SQL,
                   {VALLEY}, "ROLLBACK TO b", set(), "ROLLBACK TO a", {RIVER}, "RELEASE a", "COMMIT", {RIVER})

    def test_rollback_then_same_number_of_writes(self):
        # The version of the table is a random stamp, not a count: the same number of writes after a
        # rollback is another version.
        db = open_db()
        make_gazetteer(db)
        self.steps(db, "BEGIN", "UPDATE arabic_gazetteer SET canonical = 'أ'", {("نهر الذهب", "أ")}, "ROLLBACK",
                   "BEGIN", "UPDATE arabic_gazetteer SET canonical = 'ب'", {("نهر الذهب", "ب")}, "COMMIT")

    def test_failed_statement_takes_its_rows_back(self):
        # A trigger of the gazetteer reads arabic_entities between the first row and the failing second
        # one; the statement fails and its first row is gone.
        db = open_db()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT UNIQUE, type TEXT, canonical TEXT)")
        db.execute("CREATE TABLE seen(n)")
        db.execute("CREATE TRIGGER peek AFTER INSERT ON arabic_gazetteer BEGIN "
                   "INSERT INTO seen SELECT count(*) FROM arabic_entities(NEW.name); END")
        self.assertEqual(found(db), set())
        with self.assertRaises(sqlite3.IntegrityError):
            db.execute("INSERT INTO arabic_gazetteer VALUES ('وادي السلام', 'LOCATION', 'الوادي'), "
                       "('وادي السلام', 'LOCATION', 'الوادي')")
        self.assertEqual(db.execute("SELECT count(*) FROM arabic_gazetteer").fetchone()[0], 0)
        self.assertEqual(found(db), set())

    def test_rolled_back_table(self):
        db = open_db()
        db.execute("BEGIN")
        make_gazetteer(db)
        self.assertEqual(found(db), {RIVER})
        db.execute("ROLLBACK")
        self.assertEqual(found(db), set())
        # As many schema changes again as were rolled back: the schema cookies are back where they were
        # before the rollback, the table is not.
        db.execute("BEGIN")
        db.execute("CREATE TABLE other(x)")
        db.execute("CREATE TEMP TABLE other2(x)")
        self.assertEqual(found(db), set())
        db.execute("COMMIT")

    def test_rolled_back_drop(self):
        db = open_db()
        make_gazetteer(db)
        db.execute("BEGIN")
        db.execute("DROP TABLE arabic_gazetteer")
        self.assertEqual(found(db), set())
        db.execute("ROLLBACK")
        self.assertEqual(found(db), {RIVER})
        add_valley(db)
        self.assertEqual(found(db), {RIVER, VALLEY})


class Writes(Steps):
    def test_every_kind_of_write(self):
        db = open_db()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT PRIMARY KEY, type TEXT, canonical TEXT)")
        self.steps(db, set(),
                   "INSERT INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', 'أ')", {("نهر الذهب", "أ")},
                   "UPDATE arabic_gazetteer SET canonical = 'ب'", {("نهر الذهب", "ب")},
                   "REPLACE INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', 'ج')", {("نهر الذهب", "ج")},
                   "INSERT INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', 'د') "
                   "ON CONFLICT(name) DO UPDATE SET canonical = excluded.canonical", {("نهر الذهب", "د")},
                   "DELETE FROM arabic_gazetteer", set())

    def test_conflict_clauses_of_the_writer(self):
        # The stamp cannot conflict: no conflict clause of the statement that fires it makes it fail.
        db = open_db()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT PRIMARY KEY, type TEXT, canonical TEXT)")
        found(db)
        for verb in ("INSERT OR ROLLBACK", "INSERT OR ABORT", "INSERT OR FAIL", "INSERT OR IGNORE", "REPLACE"):
            db.execute("DELETE FROM arabic_gazetteer")
            db.execute(f"{verb} INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', ?)", (verb,))
            self.assertEqual(found(db), {("نهر الذهب", verb)})
            db.execute("UPDATE OR ROLLBACK arabic_gazetteer SET canonical = 'أ'")
            self.assertEqual(found(db), {("نهر الذهب", "أ")})

    def test_changes_count_untouched(self):
        db = open_db()
        db.execute("CREATE TABLE notes(x)")
        make_gazetteer(db)
        db.execute("INSERT INTO notes VALUES (1), (2), (3)")
        found(db)  # makes the TEMP triggers
        self.assertEqual(db.execute("SELECT changes()").fetchone()[0], 3)
        add_valley(db)
        self.assertEqual(db.execute("SELECT changes()").fetchone()[0], 1)

    def test_foreign_key_cascade(self):
        db = open_db()
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("CREATE TABLE lists(id INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT, "
                   "list INTEGER REFERENCES lists(id) ON DELETE CASCADE ON UPDATE CASCADE)")
        db.execute("INSERT INTO lists VALUES (1)")
        db.execute("INSERT INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', 'النهر الذهبي', 1)")
        self.assertEqual(found(db), {RIVER})
        db.execute("DELETE FROM lists")
        self.assertEqual(found(db), set())

    def test_alter_rename_drop_recreate(self):
        db = open_db()
        make_gazetteer(db)
        self.assertEqual(found(db), {RIVER})
        db.execute("ALTER TABLE arabic_gazetteer RENAME TO kept")
        self.assertEqual(found(db), set())
        db.execute("ALTER TABLE kept RENAME TO arabic_gazetteer")
        add_valley(db)
        self.assertEqual(found(db), {RIVER, VALLEY})
        db.execute("DROP TABLE arabic_gazetteer")
        self.assertEqual(found(db), set())
        db.execute("CREATE TABLE Arabic_Gazetteer(name TEXT, type TEXT, canonical TEXT)")
        add_valley(db)
        self.assertEqual(found(db), {VALLEY})

    def test_triggers_dropped_by_hand(self):
        db = open_db()
        make_gazetteer(db)
        self.assertEqual(found(db), {RIVER})
        for name in ("arabic_gazetteer_version_insert", "arabic_gazetteer_version_update",
                     "arabic_gazetteer_version_delete"):
            db.execute(f"DROP TRIGGER temp.{name}")
        db.execute("DROP TABLE temp.arabic_gazetteer_version")
        # A table of the user with the version table's name is never written.
        db.execute("CREATE TABLE main.arabic_gazetteer_version(v)")
        add_valley(db)
        self.assertEqual(found(db), {RIVER, VALLEY})
        db.execute("DELETE FROM arabic_gazetteer WHERE name = 'نهر الذهب'")
        self.assertEqual(found(db), {VALLEY})
        db.execute("DROP TABLE temp.arabic_gazetteer_version")
        db.execute("UPDATE arabic_gazetteer SET canonical = 'أ'")
        self.assertEqual(found(db), {("وادي السلام", "أ")})
        self.assertEqual(db.execute("SELECT count(*) FROM main.arabic_gazetteer_version").fetchone()[0], 0)

    def test_what_the_cache_adds_to_temp(self):
        db = open_db()
        self.assertEqual(found(db), set())
        self.assertEqual(db.execute("SELECT count(*) FROM temp.sqlite_schema").fetchone()[0], 0)
        make_gazetteer(db)
        found(db)
        self.assertEqual(db.execute("SELECT type, name, tbl_name FROM temp.sqlite_schema ORDER BY name").fetchall(), [
            ("table", "arabic_gazetteer_version", "arabic_gazetteer_version"),
            ("trigger", "arabic_gazetteer_version_delete", "arabic_gazetteer"),
            ("trigger", "arabic_gazetteer_version_insert", "arabic_gazetteer"),
            ("trigger", "arabic_gazetteer_version_update", "arabic_gazetteer")])


class NoNeedlessReads(unittest.TestCase):
    """A write to another table, or a statement that changes nothing, does not read the table again:
    a gazetteer of 100,000 rows costs an import what it costs to look names up (make bench)."""

    def import_articles(self, db, n, start=0):
        for i in range(start, start + n):
            db.execute("INSERT INTO article_import(path, content, hash) VALUES (?, ?, NULL)",
                       (f"a{i}.txt", f"عنوان {i}\nقال سامر الخطيب إن نهر الذهب جف."))

    def corpus(self):
        db = open_db()
        db.executescript(open(os.path.join(ROOT, "sql", "schema.sql"), encoding="utf-8").read())
        make_gazetteer(db)
        return db

    def test_import_reads_the_gazetteer_once(self):
        db = self.corpus()
        found(db)
        reads = Reads(db)
        db.execute("BEGIN")
        self.import_articles(db, 20)
        db.execute("COMMIT")
        self.import_articles(db, 5, 20)
        self.assertEqual(reads.n, 0)
        self.assertEqual(db.execute("SELECT count(*) FROM entities WHERE canonical = 'النهر الذهبي'").fetchone()[0], 25)

    def test_first_read_during_an_import(self):
        # The triggers are made inside the first article's INSERT, which was prepared without them: its
        # writes are not stamped, so the next statement reads the table once more, then never.
        db = self.corpus()
        reads = Reads(db)
        db.execute("BEGIN")
        self.import_articles(db, 20)
        db.execute("COMMIT")
        self.assertEqual(reads.n, 2)
        db.execute("INSERT INTO arabic_gazetteer VALUES ('سامر الخطيب', 'PERSON', 'الخطيب')")
        self.import_articles(db, 3, 20)
        self.assertEqual(reads.n, 3)
        self.assertEqual(db.execute("SELECT count(*) FROM entities WHERE canonical = 'الخطيب'").fetchone()[0], 3)

    def test_statement_running_when_the_triggers_are_made(self):
        # This INSERT reads arabic_entities (which makes the triggers) and then writes the gazetteer
        # with a program compiled before them: the next statement must still see its row.
        db = open_db()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.execute("INSERT INTO arabic_gazetteer SELECT 'نهر الذهب', 'LOCATION', 'النهر الذهبي' "
                   "FROM arabic_entities('قال سامر الخطيب') LIMIT 1")
        self.assertEqual(db.execute("SELECT count(*) FROM arabic_gazetteer").fetchone()[0], 1)
        self.assertEqual(found(db), {RIVER})

    def test_statement_prepared_before_the_triggers(self):
        db = open_db()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        insert = "INSERT INTO arabic_gazetteer VALUES (?, 'LOCATION', ?)"
        db.execute(insert, RIVER)  # prepared now, kept in the statement cache
        self.assertEqual(found(db), {RIVER})
        db.execute(insert, VALLEY)  # the same statement, run again after the triggers were made
        self.assertEqual(found(db), {RIVER, VALLEY})

    def test_other_writes(self):
        db = open_db()
        make_gazetteer(db)
        db.execute("CREATE TABLE notes(x)")
        found(db)
        reads = Reads(db)
        for i in range(10):
            db.execute("INSERT INTO notes VALUES (?)", (i,))
            self.assertEqual(found(db), {RIVER})
        db.execute("UPDATE arabic_gazetteer SET name = name WHERE 0")
        found(db)
        self.assertEqual(reads.n, 0)


class OtherConnections(unittest.TestCase):
    def run_with(self, journal_mode):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "g.db")
            a, b = open_db(path), open_db(path)
            a.execute(f"PRAGMA journal_mode = {journal_mode}")
            make_gazetteer(a)
            self.assertEqual(found(b), {RIVER})
            a.execute("BEGIN")
            add_valley(a)
            self.assertEqual(found(a), {RIVER, VALLEY})
            if journal_mode == "wal":
                self.assertEqual(found(b), {RIVER})  # not committed: not seen
            a.execute("ROLLBACK")
            self.assertEqual(found(b), {RIVER})
            add_valley(a)
            self.assertEqual(found(b), {RIVER, VALLEY})
            a.execute("UPDATE arabic_gazetteer SET canonical = 'أ' WHERE name = 'نهر الذهب'")
            self.assertEqual(found(b), {("نهر الذهب", "أ"), VALLEY})
            a.execute("DROP TABLE arabic_gazetteer")
            self.assertEqual(found(b), set())
            a.close()
            b.close()

    def test_rollback_journal(self):
        self.run_with("delete")

    def test_wal(self):
        self.run_with("wal")

    def test_read_only_and_query_only(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "g.db")
            a = open_db(path)
            make_gazetteer(a)
            ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
            ro.enable_load_extension(True)
            ro.load_extension(os.path.join(ROOT, "dist", "arabic"))
            q = open_db(path)
            q.execute("PRAGMA query_only = 1")
            for db in (ro, q):
                self.assertEqual(found(db), {RIVER})
            # query_only forbids the TEMP triggers: that connection reads the table after any write.
            self.assertEqual(q.execute("SELECT count(*) FROM temp.sqlite_schema").fetchone()[0], 0)
            self.assertEqual(ro.execute("SELECT count(*) FROM temp.sqlite_schema").fetchone()[0], 4)
            add_valley(a)
            for db in (ro, q):
                self.assertEqual(found(db), {RIVER, VALLEY})
            for db in (a, ro, q):
                db.close()


class Attached(unittest.TestCase):
    def test_only_main_is_read(self):
        db = open_db()
        db.execute("ATTACH ':memory:' AS aux")
        db.execute("CREATE TABLE aux.arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.execute("INSERT INTO aux.arabic_gazetteer VALUES ('وادي السلام', 'LOCATION', 'الوادي')")
        db.execute("CREATE TEMP TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.execute("INSERT INTO temp.arabic_gazetteer VALUES ('وادي السلام', 'LOCATION', 'الوادي')")
        self.assertEqual(found(db), set())
        db.execute("CREATE TABLE main.arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.execute("INSERT INTO main.arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', 'النهر الذهبي'), "
                   "('سامر الخطيب', 'PERSON', 'الخطيب')")
        self.assertEqual(found(db), {RIVER, ("سامر الخطيب", "الخطيب")})
        db.execute("DELETE FROM aux.arabic_gazetteer")
        db.execute("DETACH aux")
        self.assertEqual(found(db), {RIVER, ("سامر الخطيب", "الخطيب")})

    def test_attach_detach_between_statements(self):
        db = open_db()
        make_gazetteer(db)
        self.assertEqual(found(db), {RIVER})
        db.execute("ATTACH ':memory:' AS aux")
        self.assertEqual(found(db), {RIVER})
        add_valley(db)
        db.execute("DETACH aux")
        self.assertEqual(found(db), {RIVER, VALLEY})


class Views(unittest.TestCase):
    def test_view_over_a_table(self):
        # No trigger on a view: the table is read after any write, and after a transaction it was read in.
        db = open_db()
        db.execute("CREATE TABLE names(n TEXT, t TEXT, c TEXT)")
        db.execute("CREATE VIEW arabic_gazetteer(name, type, canonical) AS SELECT n, t, c FROM names")
        db.execute("INSERT INTO names VALUES ('نهر الذهب', 'LOCATION', 'النهر الذهبي')")
        self.assertEqual(found(db), {RIVER})
        db.execute("BEGIN")
        db.execute("INSERT INTO names VALUES ('وادي السلام', 'LOCATION', 'الوادي')")
        self.assertEqual(found(db), {RIVER, VALLEY})
        db.execute("ROLLBACK")
        self.assertEqual(found(db), {RIVER})
        db.execute("DELETE FROM names")
        self.assertEqual(found(db), set())

    def test_virtual_table(self):
        db = open_db()
        db.execute("CREATE VIRTUAL TABLE arabic_gazetteer USING fts5(name, type, canonical)")
        db.execute("INSERT INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', 'النهر الذهبي')")
        self.assertEqual(found(db), {RIVER})
        db.execute("BEGIN")
        add_valley(db)
        self.assertEqual(found(db), {RIVER, VALLEY})
        db.execute("ROLLBACK")
        self.assertEqual(found(db), {RIVER})


if __name__ == "__main__":
    unittest.main()
