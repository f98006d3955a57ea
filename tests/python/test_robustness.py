"""Robustness: nothing lost under bulk loads with malformed rows, deletes and
updates; every misuse of the SQL surface gives a clear error.

- Bulk load: rows with malformed UTF-8 mixed in never make an INSERT fail;
  afterwards every row is present, findable by its own marker word, and
  FTS5's integrity-check passes.
- External-content table kept in sync by triggers: after deletes and updates
  (some of them to malformed text) the index holds exactly the live rows.
- Misuse: wrong argument counts (for every arabic* function registered, so a
  new one is covered), unknown options, options that are not key/value pairs,
  and an 'arabic' FTS5 table opened on a connection without the extension.

The FTS5 tests run with unicode61 (which checks the test itself) and with
'arabic' when the extension registers it.
"""
import os
import sqlite3
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXT = os.path.join(ROOT, "dist", "arabic")

BAD_BYTES = [b"\xd8\xff", b"\xff\xfe", b"\xd8", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
             b"\xc0\xaf", b"\x00", b"\xd9\x8e\xd9\x8e"]
SENTENCE = "قال الرئيس الروسي فلاديمير بوتين إنَّ الكرملين يرحب بالمحادثات"


def connect(path=":memory:"):
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(EXT)
    return db


def has_arabic_tokenizer():
    db = connect()
    try:
        db.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x, tokenize = 'arabic')")
        return True
    except sqlite3.Error:
        return False
    finally:
        db.close()


TOKENIZERS = ["unicode61"] + (["arabic"] if has_arabic_tokenizer() else [])


def marker(i):
    """A word of its own for row i, the same under every tokenizer."""
    return f"row{i}x"


def row_bytes(i):
    """Row i as bytes: every 5th row carries malformed UTF-8."""
    text = f"{SENTENCE} {marker(i)} وبوتين".encode()
    if i % 5 == 0:
        bad = BAD_BYTES[i % len(BAD_BYTES)]
        text = bad + text[:20] + bad + text[20:] + bad
    return text


class BulkLoad(unittest.TestCase):
    N = 1500

    def load(self, db, table):
        # CAST(? AS TEXT) stores the bytes as they are: text that is not UTF-8.
        with db:
            db.executemany(f"INSERT INTO {table}(rowid, body) VALUES (?, CAST(? AS TEXT))",
                           ((i, row_bytes(i)) for i in range(1, self.N + 1)))

    def check_all_found(self, db, table, rowids):
        for i in rowids:
            got = db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (marker(i),)).fetchall()
            self.assertEqual(got, [(i,)], marker(i))

    def test_bulk_load_with_malformed_rows(self):
        for tok in TOKENIZERS:
            with self.subTest(tokenizer=tok):
                db = connect()
                db.execute(f"CREATE VIRTUAL TABLE d USING fts5(body, tokenize = '{tok}')")
                self.load(db, "d")
                self.assertEqual(db.execute("SELECT count(*), min(rowid), max(rowid) FROM d").fetchone(),
                                 (self.N, 1, self.N))
                self.check_all_found(db, "d", range(1, self.N + 1))
                self.assertEqual(db.execute("SELECT count(*) FROM d WHERE d MATCH 'الكرملين'").fetchone(),
                                 (self.N,))
                db.execute("INSERT INTO d(d) VALUES ('integrity-check')")
                # The stored text is the bytes as given, malformed or not.
                for i in (1, 5, 10, 15, 777):
                    got = db.execute("SELECT CAST(body AS BLOB) FROM d WHERE rowid = ?", (i,)).fetchone()[0]
                    self.assertEqual(got, row_bytes(i))
                # highlight() and snippet() over malformed rows.
                got = db.execute("SELECT rowid, CAST(highlight(d, 0, '[', ']') AS BLOB) FROM d "
                                 "WHERE d MATCH 'row5x OR row10x' ORDER BY rowid").fetchall()
                self.assertEqual([(i, row_bytes(i).replace(marker(i).encode(), f"[{marker(i)}]".encode()))
                                  for i in (5, 10)], got)
                db.close()

    def test_external_content_deletes_and_updates(self):
        for tok in TOKENIZERS:
            with self.subTest(tokenizer=tok):
                db = connect()
                db.executescript(f"""
                    CREATE TABLE src(id INTEGER PRIMARY KEY, body TEXT);
                    CREATE VIRTUAL TABLE d USING fts5(body, content = 'src', content_rowid = 'id',
                                                      tokenize = '{tok}');
                    CREATE TRIGGER src_ai AFTER INSERT ON src BEGIN
                      INSERT INTO d(rowid, body) VALUES (new.id, new.body);
                    END;
                    CREATE TRIGGER src_ad AFTER DELETE ON src BEGIN
                      INSERT INTO d(d, rowid, body) VALUES ('delete', old.id, old.body);
                    END;
                    CREATE TRIGGER src_au AFTER UPDATE ON src BEGIN
                      INSERT INTO d(d, rowid, body) VALUES ('delete', old.id, old.body);
                      INSERT INTO d(rowid, body) VALUES (new.id, new.body);
                    END;
                """)
                with db:
                    db.executemany("INSERT INTO src(id, body) VALUES (?, CAST(? AS TEXT))",
                                   ((i, row_bytes(i)) for i in range(1, self.N + 1)))
                with db:
                    db.execute("DELETE FROM src WHERE id % 3 = 0")
                    # Updated rows take the marker of row id + 100000, malformed every 5th.
                    for i in range(1, self.N + 1):
                        if i % 3 == 1:
                            db.execute("UPDATE src SET body = CAST(? AS TEXT) WHERE id = ?",
                                       (row_bytes(i + 100000), i))
                db.execute("INSERT INTO d(d) VALUES ('integrity-check')")
                live = [i for i in range(1, self.N + 1) if i % 3 != 0]
                self.assertEqual(db.execute("SELECT count(*) FROM src").fetchone(), (len(live),))
                for i in live:
                    want = marker(i + 100000) if i % 3 == 1 else marker(i)
                    got = db.execute("SELECT rowid FROM d WHERE d MATCH ?", (want,)).fetchall()
                    self.assertEqual(got, [(i,)], want)
                for i in range(3, self.N + 1, 3):
                    self.assertEqual(db.execute("SELECT rowid FROM d WHERE d MATCH ?", (marker(i),)).fetchall(), [])
                for i in range(1, self.N + 1, 3):  # the old text of updated rows is gone from the index
                    self.assertEqual(db.execute("SELECT rowid FROM d WHERE d MATCH ?", (marker(i),)).fetchall(), [])
                self.assertEqual(db.execute("SELECT count(*) FROM d WHERE d MATCH 'الكرملين'").fetchone(),
                                 (len(live),))
                db.execute("INSERT INTO d(d) VALUES ('rebuild')")
                db.execute("INSERT INTO d(d) VALUES ('integrity-check')")
                db.close()


class Misuse(unittest.TestCase):
    def setUp(self):
        self.db = connect()

    def tearDown(self):
        self.db.close()

    def error(self, sql, args=()):
        with self.assertRaises(sqlite3.Error) as cm:
            self.db.execute(sql, args).fetchall()
        return str(cm.exception)

    def test_wrong_argument_count_for_every_function(self):
        names = [n for (n,) in self.db.execute(
            "SELECT DISTINCT name FROM pragma_function_list WHERE name LIKE 'arabic%' ORDER BY 1")]
        self.assertIn("arabic_normalize", names)
        for name in names:
            with self.subTest(function=name):
                self.assertEqual(self.error(f"SELECT {name}(1, 2, 3, 4, 5, 6, 7)"),
                                 f"wrong number of arguments to function {name}()")
        self.assertEqual(self.error("SELECT arabic_normalize()"),
                         "wrong number of arguments to function arabic_normalize()")
        self.assertEqual(self.error("SELECT arabic_strip_diacritics('a', 'b')"),
                         "wrong number of arguments to function arabic_strip_diacritics()")

    def test_argument_types(self):
        row = self.db.execute("SELECT arabic_normalize(42), arabic_normalize(1.5), arabic_normalize(NULL), "
                              "arabic_normalize('أحمد', NULL), arabic_normalize(CAST('أحمد' AS BLOB)), "
                              "arabic_strip_diacritics(x'D8FF41')").fetchone()
        self.assertEqual(row, ("42", "1.5", None, None, "احمد", "\ufffd\ufffdA"))
        # Options given as a number are read as their text.
        self.assertEqual(self.error("SELECT arabic_normalize('x', 42)"),
                         "arabic_normalize: option '42' has no value (options are key value pairs)")

    def test_bad_options(self):
        cases = {
            "alef": "arabic_normalize: option 'alef' has no value (options are key value pairs)",
            "alef 0 yeh": "arabic_normalize: option 'yeh' has no value (options are key value pairs)",
            "bogus 1": "arabic_normalize: unknown option 'bogus'",
            "alef 2": "arabic_normalize: option 'alef' expects 0 or 1, got '2'",
            "alef yes": "arabic_normalize: option 'alef' expects 0 or 1, got 'yes'",
        }
        for options, message in cases.items():
            with self.subTest(options=options):
                self.assertEqual(self.error("SELECT arabic_normalize('x', ?)", (options,)), message)

    @unittest.skipUnless("arabic" in TOKENIZERS, "this build has no 'arabic' tokenizer")
    def test_table_valued_misuse(self):
        cases = {
            "SELECT * FROM arabic_tokens('x', 'alef')":
                "arabic_tokens: option 'alef' has no value (options are key value pairs)",
            "SELECT * FROM arabic_tokens('x', 'bogus 1')": "arabic_tokens: unknown option 'bogus'",
            "SELECT * FROM arabic_tokens()": "arabic_tokens: the text argument is required",
            "SELECT * FROM arabic_tokens('a', 'b', 'c')": "too many arguments on arabic_tokens() - max 2",
        }
        for sql, message in cases.items():
            with self.subTest(sql=sql):
                self.assertEqual(self.error(sql), message)
        self.assertEqual(self.db.execute("SELECT * FROM arabic_tokens(NULL)").fetchall(), [])

    @unittest.skipUnless("arabic" in TOKENIZERS, "this build has no 'arabic' tokenizer")
    def test_bad_tokenizer_options(self):
        for options in ("alef", "alef 0 yeh", "bogus 1", "alef 2", "stem"):
            with self.subTest(options=options):
                message = self.error(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'arabic {options}')")
                # FTS5 (API v1) has no way to pass the tokenizer's message on.
                self.assertEqual(message, "error in tokenizer constructor")
        self.assertEqual(self.db.execute("SELECT count(*) FROM sqlite_schema").fetchone(), (0,))

    @unittest.skipUnless("arabic" in TOKENIZERS, "this build has no 'arabic' tokenizer")
    def test_table_opened_without_the_extension(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "t.db")
            db = connect(path)
            db.execute("CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic')")
            db.execute("INSERT INTO d VALUES (?)", (SENTENCE,))
            db.commit()
            db.close()
            plain = sqlite3.connect(path)
            for sql in ("SELECT * FROM d", "SELECT * FROM d WHERE d MATCH 'بوتين'",
                        "INSERT INTO d VALUES ('x')"):
                with self.subTest(sql=sql):
                    with self.assertRaises(sqlite3.Error) as cm:
                        plain.execute(sql).fetchall()
                    self.assertEqual(str(cm.exception), "no such tokenizer: arabic")
            plain.close()
            # Loading the extension makes it readable again, nothing lost.
            db = connect(path)
            self.assertEqual(db.execute("SELECT count(*) FROM d WHERE d MATCH 'بوتين'").fetchone(), (1,))
            db.execute("INSERT INTO d(d) VALUES ('integrity-check')")
            db.close()


@unittest.skipUnless("arabic" in TOKENIZERS, "this build has no 'arabic' tokenizer")
class QueryFromAnyText(unittest.TestCase):
    """arabic_query() of any text is valid UTF-8 that MATCH accepts (found by fuzz_fts5:
    a NUL byte used to cut the expression into an unterminated string)."""

    def test_nul_and_malformed_bytes(self):
        db = connect()
        db.execute("CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic')")
        db.execute("INSERT INTO d VALUES ('كتاب جديد')")
        for raw in ["كتاب\x00جديد".encode(), "\"كتاب\x00\" جديد".encode(), b"\xd8\xff\"\x00",
                    "كتاب".encode() + b"\xd8 \xff" + "جديد".encode()]:
            with self.subTest(raw=raw):
                q = db.execute("SELECT CAST(arabic_query(CAST(? AS TEXT)) AS BLOB)", (raw,)).fetchone()[0]
                q.decode("utf-8")  # valid UTF-8
                self.assertNotIn(b"\x00", q)
                db.execute("SELECT count(*) FROM d WHERE d MATCH arabic_query(CAST(? AS TEXT))", (raw,)).fetchone()
        self.assertEqual(db.execute("SELECT arabic_query(?)", ("كتاب\x00جديد",)).fetchone(), ('"كتاب\ufffdجديد"',))
        db.close()


class EntitiesOfAnyText(unittest.TestCase):
    """arabic_entities() of malformed UTF-8 gives valid text, with each bad byte as
    U+FFFD, at the character offsets of the input (found by fuzz_functions: an entity
    span ended inside a malformed sequence)."""

    def test_malformed_bytes_inside_an_entity(self):
        db = connect()
        raw = "قال أحمد ".encode() + b"\xd9~ \xff" + " وزار موسكو".encode()
        rows = db.execute("SELECT CAST(entity AS BLOB), CAST(canonical AS BLOB), start, length "
                          "FROM arabic_entities(CAST(? AS TEXT))", (raw,)).fetchall()
        self.assertTrue(rows)
        for entity, canonical, start, length in rows:
            self.assertEqual(len(entity.decode("utf-8")), length)
            canonical.decode("utf-8")
        self.assertIn(("موسكو".encode(), 20, 5), [(e, s, n) for e, _, s, n in rows])
        db.close()


if __name__ == "__main__":
    unittest.main()
