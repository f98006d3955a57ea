"""Hostile schemas and inputs (issue 15, items 10 and 11): what reads user tables is not innocuous, messages
are valid UTF-8, option text after a NUL is refused, a malformed canonical is reported and not used, and
the limits give clear errors (the limits at full size: make test-limits).
"""
import os
import sqlite3
import tempfile
import unittest

from helpers import ROOT, connect

UNSAFE = 'unsafe use of virtual table "{}"'


class TrustedSchemaOff(unittest.TestCase):
    """A trigger or a view of an attached, untrusted file must not read the main database's gazetteer."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        path = os.path.join(self.dir.name, "untrusted.db")
        u = sqlite3.connect(path)
        u.executescript("""
            CREATE TABLE inbox(x);
            CREATE TABLE loot(entity, canonical);
            CREATE TRIGGER steal AFTER INSERT ON inbox BEGIN
              INSERT INTO loot SELECT entity, canonical FROM arabic_entities(NEW.x);
            END;
            CREATE TRIGGER steal_check AFTER DELETE ON inbox BEGIN
              INSERT INTO loot SELECT name, problem FROM arabic_gazetteer_check;
            END;
            CREATE VIEW peek AS SELECT entity, canonical FROM arabic_entities('زرنا نهر الذهب');
            CREATE VIEW peek_check AS SELECT name, type FROM arabic_gazetteer_check;
        """)
        u.commit()
        u.close()
        self.db = connect()
        self.db.isolation_level = None
        self.db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        self.db.execute("INSERT INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', 'سر'), ('سر آخر', 'SECRET', NULL)")
        self.db.execute("PRAGMA trusted_schema = OFF")
        self.db.execute("ATTACH ? AS u", (path,))

    def tearDown(self):
        self.db.close()
        self.dir.cleanup()

    def assert_unsafe(self, sql, module):
        with self.assertRaises(sqlite3.OperationalError) as cm:
            self.db.execute(sql).fetchall()
        self.assertEqual(str(cm.exception), UNSAFE.format(module))

    def test_trigger_of_an_attached_file(self):
        self.assert_unsafe("INSERT INTO u.inbox VALUES ('زرنا نهر الذهب')", "arabic_entities")
        self.db.execute("PRAGMA trusted_schema = ON")
        self.db.execute("INSERT INTO u.inbox VALUES ('x')")
        self.db.execute("PRAGMA trusted_schema = OFF")
        self.assert_unsafe("DELETE FROM u.inbox", "arabic_gazetteer_check")
        self.assertEqual(self.db.execute("SELECT count(*) FROM u.loot").fetchone()[0], 0)

    def test_view_of_an_attached_file(self):
        self.assert_unsafe("SELECT * FROM u.peek", "arabic_entities")
        self.assert_unsafe("SELECT * FROM u.peek_check", "arabic_gazetteer_check")

    def test_top_level_sql_still_works(self):
        self.assertEqual(self.db.execute("SELECT entity, canonical FROM arabic_entities('زرنا نهر الذهب')").fetchall(),
                         [("نهر الذهب", "سر")])
        self.assertEqual(self.db.execute("SELECT row, problem FROM arabic_gazetteer_check").fetchall(),
                         [(2, "unknown type")])

    def test_the_corpus_schema(self):
        # sql/schema.sql keeps articles_fts and entities up to date with triggers: under trusted_schema=OFF
        # both fail (FTS5 is not innocuous either) and the statement writes nothing. The default (ON) works.
        db = connect()
        db.isolation_level = None
        db.executescript(open(os.path.join(ROOT, "sql", "schema.sql"), encoding="utf-8").read())
        db.execute("PRAGMA trusted_schema = OFF")
        with self.assertRaises(sqlite3.OperationalError) as cm:
            db.execute("INSERT INTO article_import(path, content, hash) VALUES ('a.txt', 'عنوان\nقال بوتين', NULL)")
        self.assertEqual(str(cm.exception), UNSAFE.format("arabic_entities"))
        with self.assertRaises(sqlite3.OperationalError) as cm:
            db.execute("SELECT * FROM article_entities").fetchall()
        self.assertEqual(str(cm.exception), UNSAFE.format("arabic_entities"))
        db.execute("DROP TRIGGER entities_insert")
        db.execute("DROP TRIGGER entities_update")
        with self.assertRaises(sqlite3.OperationalError) as cm:
            db.execute("INSERT INTO article_import(path, content, hash) VALUES ('a.txt', 'عنوان\nقال بوتين', NULL)")
        self.assertEqual(str(cm.exception), UNSAFE.format("articles_fts"))
        self.assertEqual(db.execute("SELECT count(*) FROM articles").fetchone()[0], 0)
        db.execute("PRAGMA trusted_schema = ON")
        db.execute("INSERT INTO article_import(path, content, hash) VALUES ('a.txt', 'عنوان\nقال بوتين', NULL)")
        self.assertEqual(db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'بوتين'").fetchone()[0], 1)


class Messages(unittest.TestCase):
    """Every message is valid UTF-8: Python raises sqlite3.Error, not UnicodeDecodeError."""

    def error(self, sql, *args):
        db = connect()
        with self.assertRaises(sqlite3.Error) as cm:
            db.execute(sql, args).fetchall()
        return str(cm.exception)

    def test_long_key_is_cut_at_a_character(self):
        key = "ب" * 30  # 60 bytes: '%.40s' cut the 21st character in half
        self.assertEqual(self.error("SELECT arabic_normalize('x', ?)", key + " 1"),
                         f"arabic_normalize: unknown option '{'ب' * 20}...'")
        self.assertEqual(self.error("SELECT arabic_normalize('x', ?)", "alef " + "ـ" * 25),
                         f"arabic_normalize: option 'alef' expects 0 or 1, got '{'ـ' * 20}...'")
        self.assertEqual(self.error("SELECT * FROM arabic_tokens('x', ?)", "a" + "ي" * 30),
                         f"arabic_tokens: option 'a{'ي' * 19}...' has no value (options are key value pairs)")

    def test_malformed_bytes_in_options_and_schemes(self):
        self.assertEqual(self.error("SELECT arabic_stem('x', CAST(? AS TEXT))", b"\xff\xd8 1"),
                         "arabic_stem: unknown option '\ufffd\ufffd'")
        self.assertEqual(self.error("SELECT arabic_translit('x', CAST(? AS TEXT))", b"buck\xe0walter"),
                         "arabic_translit: unknown scheme 'buck\ufffdwalter' (schemes: buckwalter, safe-buckwalter, "
                         "readable)")
        self.assertEqual(self.error("SELECT arabic_translit('x', ?)", "ش" * 100),
                         f"arabic_translit: unknown scheme '{'ش' * 20}...' (schemes: buckwalter, safe-buckwalter, "
                         "readable)")

    def test_message_quoting_the_schema(self):
        db = connect()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT)")  # no column canonical
        with self.assertRaises(sqlite3.OperationalError) as cm:
            db.execute("SELECT * FROM arabic_entities('x')").fetchall()
        self.assertEqual(str(cm.exception), "arabic_entities: cannot read arabic_gazetteer: no such column: canonical")


class NulInOptions(unittest.TestCase):
    def test_refused(self):
        db = connect()
        for sql, message in (
                ("SELECT arabic_normalize('x', ?)", "arabic_normalize: the options hold a NUL character"),
                ("SELECT arabic_stem('x', ?)", "arabic_stem: the options hold a NUL character"),
                ("SELECT arabic_query('x', ?)", "arabic_query: the options hold a NUL character"),
                ("SELECT * FROM arabic_tokens('x', ?)", "arabic_tokens: the options hold a NUL character")):
            with self.subTest(sql=sql), self.assertRaises(sqlite3.OperationalError) as cm:
                db.execute(sql, ("alef 0\x00 stem 9",)).fetchall()
            self.assertEqual(str(cm.exception), message)
        for func in ("arabic_translit", "arabic_untranslit"):
            with self.assertRaises(sqlite3.OperationalError) as cm:
                db.execute(f"SELECT {func}('x', ?)", ("buckwalter\x00readable",)).fetchall()
            self.assertEqual(str(cm.exception), f"{func}: the scheme name holds a NUL character")
        # Without the NUL the same text is fine.
        self.assertEqual(db.execute("SELECT arabic_normalize('أ', 'alef 0')").fetchone()[0], "أ")


class MalformedCanonical(unittest.TestCase):
    def test_reported_and_not_used(self):
        db = connect()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical)")
        db.executemany("INSERT INTO arabic_gazetteer VALUES (?, ?, ?)", [
            ("نهر الذهب", "LOCATION", b"\xff\xfe"),
            ("وادي السلام", "LOCATION", "الوادي\x00المخفي"),
            ("سامر الخطيب", "PERSON", "الخطيب"),
            ("بحيرة الفضة", "LOCATION", "")])
        db.execute("UPDATE arabic_gazetteer SET canonical = CAST(canonical AS TEXT) WHERE rowid = 1")
        self.assertEqual(db.execute("SELECT row, problem, name, type FROM arabic_gazetteer_check").fetchall(), [
            (1, "canonical is not valid UTF-8", "نهر الذهب", "LOCATION"),
            (2, "canonical holds a NUL character", "وادي السلام", "LOCATION")])
        rows = db.execute("SELECT entity, canonical FROM arabic_entities(?)",
                          ("زرنا نهر الذهب ووادي السلام مع سامر الخطيب قرب بحيرة الفضة",)).fetchall()
        for entity, canonical in rows:
            self.assertNotIn("\ufffd", canonical)
            self.assertNotIn("\x00", canonical)
        self.assertIn(("سامر الخطيب", "الخطيب"), rows)
        self.assertIn(("بحيرة الفضة", "بحيرة الفضة"), rows)  # an empty canonical is the name itself

    def test_schema_type_in_another_case(self):
        # a file whose sqlite_schema says 'Table' (found by fuzz_schema): SQLite reads the table
        # from its sql, and so does the gazetteer
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "g.db")
            raw = sqlite3.connect(path)
            raw.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
            raw.execute("INSERT INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', NULL)")
            raw.execute("PRAGMA writable_schema = ON")
            raw.execute("UPDATE sqlite_schema SET type = 'Table' WHERE name = 'arabic_gazetteer'")
            raw.commit()
            raw.close()
            db = connect(path)
            self.assertEqual(db.execute("SELECT entity, type FROM arabic_entities('زرنا نهر الذهب مع الوفد')").fetchall(),
                             [("نهر الذهب", "LOCATION")])
            db.close()

    def test_view_gazetteer_has_no_row_number(self):
        db = connect()
        db.execute("CREATE VIEW arabic_gazetteer(name, type, canonical) AS VALUES ('نهر', 'RIVER', NULL)")
        self.assertEqual(db.execute("SELECT * FROM arabic_gazetteer_check").fetchall(),
                         [(None, "unknown type", "نهر", "RIVER")])


class Limits(unittest.TestCase):
    def test_entities_text_too_long(self):
        db = connect()
        n = 16 * 1024 * 1024 + 1
        with self.assertRaises(sqlite3.DataError) as cm:
            db.execute("SELECT count(*) FROM arabic_entities(?)", ("ب" * (n // 2) + "x",)).fetchall()
        self.assertEqual(str(cm.exception), f"arabic_entities: text too long ({n} bytes, the most is 16777216): split it")

    def test_query_words(self):
        db = connect()
        self.assertEqual(db.execute("SELECT length(arabic_query(?))", (" ".join(["كلمة"] * 256),)).fetchone()[0],
                         256 * 7 - 1)
        for text in (" ".join(["كلمة"] * 257), '"' + " ".join(["كلمة"] * 300) + '"', "كلمة1 " * 129,
                     "بوتين " * 1_000_000):
            with self.assertRaises(sqlite3.OperationalError) as cm:
                db.execute("SELECT arabic_query(?)", (text,)).fetchone()
            self.assertEqual(str(cm.exception), "arabic_query: more than 256 words: shorten the query")


if __name__ == "__main__":
    unittest.main()
