"""The extension as a whole, from Python's stdlib sqlite3: the API surface,
function flags, NULL/number/blob handling, exact error messages, and a
check that every registered function is tested."""
import glob
import os
import sqlite3
import unittest

from helpers import ROOT, connect

DETERMINISTIC = 0x800
INNOCUOUS = 0x200000


def registered(db):
    funcs = {r[0] for r in db.execute("SELECT name FROM pragma_function_list WHERE name LIKE 'arabic%'")}
    modules = {r[0] for r in db.execute("SELECT name FROM pragma_module_list WHERE name LIKE 'arabic%'")}
    return funcs, modules


class Surface(unittest.TestCase):
    def setUp(self):
        self.db = connect()

    def test_every_registered_function_has_a_golden_test(self):
        funcs, modules = registered(self.db)
        golden = "".join(open(p, encoding="utf-8").read() for p in glob.glob(os.path.join(ROOT, "tests", "sql", "*.sql")))
        missing = sorted(n for n in funcs | modules if n + "(" not in golden)
        self.assertEqual(missing, [], "registered but never called in tests/sql")

    def test_every_registered_function_is_documented(self):
        funcs, modules = registered(self.db)
        docs = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
        docs += "".join(open(p, encoding="utf-8").read() for p in glob.glob(os.path.join(ROOT, "docs", "*.md")))
        missing = sorted(n for n in funcs | modules if f"### {n}" not in docs)
        self.assertEqual(missing, [], "registered but without a '### name' section in README.md or docs/")

    def test_pure_functions_are_deterministic_and_innocuous(self):
        for name, flags in self.db.execute(
                "SELECT name, flags FROM pragma_function_list WHERE name LIKE 'arabic%'"):
            with self.subTest(name=name):
                self.assertEqual(flags & (DETERMINISTIC | INNOCUOUS), DETERMINISTIC | INNOCUOUS)

    def test_core_surface(self):
        funcs, modules = registered(self.db)
        for name in ("arabic_version", "arabic_debug", "arabic_normalize", "arabic_strip_diacritics",
                     "arabic_stem", "arabic_query"):
            self.assertIn(name, funcs)
        self.assertIn("arabic_tokens", modules)

    def test_debug_reports_the_build(self):
        (text,) = self.db.execute("SELECT arabic_debug()").fetchone()
        keys = [line.split(":")[0] for line in text.splitlines()]
        self.assertEqual(keys, ["version", "commit", "sqlite compiled", "sqlite runtime", "icu",
                                "utf8proc", "unicode", "fts5", "build"])
        self.assertIn("fts5: available (fts5_api version 2)", text)


class Arguments(unittest.TestCase):
    def setUp(self):
        self.db = connect()

    def one(self, sql, *args):
        return self.db.execute(sql, args).fetchone()[0]

    def error(self, sql, *args):
        with self.assertRaises(sqlite3.Error) as cm:
            self.db.execute(sql, args).fetchall()
        return str(cm.exception)

    def test_null_gives_null(self):
        for sql in ("SELECT arabic_normalize(NULL)", "SELECT arabic_normalize('x', NULL)",
                    "SELECT arabic_strip_diacritics(NULL)", "SELECT arabic_stem(NULL)",
                    "SELECT arabic_query(NULL)", "SELECT arabic_stem('x', NULL)"):
            self.assertIsNone(self.one(sql), sql)

    def test_numbers_and_blobs_are_read_as_text(self):
        self.assertEqual(self.one("SELECT arabic_normalize(?)", 2022), "2022")
        self.assertEqual(self.one("SELECT arabic_normalize(?)", 1.5), "1.5")
        self.assertEqual(self.one("SELECT arabic_normalize(?)", "٣".encode()), "3")
        self.assertEqual(self.one("SELECT arabic_stem(?)", b"\xff\xfe"), "")

    def test_unknown_option_names_function_and_option(self):
        self.assertEqual(self.error("SELECT arabic_normalize('x', 'bogus 1')"),
                         "arabic_normalize: unknown option 'bogus'")
        self.assertEqual(self.error("SELECT arabic_normalize('x', 'alef 2')"),
                         "arabic_normalize: option 'alef' expects 0 or 1, got '2'")
        self.assertEqual(self.error("SELECT arabic_normalize('x', 'alef')"),
                         "arabic_normalize: option 'alef' has no value (options are key value pairs)")
        self.assertEqual(self.error("SELECT arabic_normalize('x', 'stem 1')"),
                         "arabic_normalize: unknown option 'stem'")
        self.assertEqual(self.error("SELECT arabic_stem('x', 'stopwords 1')"),
                         "arabic_stem: unknown option 'stopwords'")
        self.assertEqual(self.error("SELECT arabic_query('x', 'alef 0')"),
                         "arabic_query: unknown option 'alef'")
        self.assertEqual(self.error("SELECT * FROM arabic_tokens('x', 'stem 3')"),
                         "arabic_tokens: option 'stem' expects 0 or 1, got '3'")
        self.assertEqual(self.error("SELECT * FROM arabic_tokens"),
                         "arabic_tokens: the text argument is required")

    def test_wrong_argument_count(self):
        for sql in ("SELECT arabic_normalize()", "SELECT arabic_normalize('a', 'b', 'c')",
                    "SELECT arabic_strip_diacritics('a', 'b')", "SELECT arabic_version(1)",
                    "SELECT arabic_stem()", "SELECT arabic_query('a', 'b', 'c')"):
            self.assertIn("wrong number of arguments to function arabic_", self.error(sql))

    def test_bad_tokenizer_options_fail_create(self):
        for args in ("bogus 1", "stem", "stem 2", "version 3"):
            with self.subTest(args=args):
                self.assertIn("error in tokenizer constructor",
                              self.error(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'arabic {args}')"))

    def test_table_opened_without_the_extension(self):
        path = os.path.join(ROOT, "build", "no-extension.db")
        if os.path.exists(path):
            os.remove(path)
        db = connect(path)
        db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'arabic')")
        db.execute("INSERT INTO t VALUES ('بوتين')")
        db.commit()
        db.close()
        plain = sqlite3.connect(path)
        with self.assertRaises(sqlite3.Error) as cm:
            plain.execute("SELECT * FROM t WHERE t MATCH 'بوتين'").fetchall()
        self.assertIn("no such tokenizer: arabic", str(cm.exception))
        plain.close()
        os.remove(path)


class Search(unittest.TestCase):
    def test_highlight_keeps_harakat_and_tatweel(self):
        db = connect()
        db.execute("CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic')")
        db.execute("INSERT INTO d VALUES ('قال الرئيسُ بوتــين لِمُحَمَّدٍ')")
        got = db.execute("SELECT highlight(d, 0, '<', '>') FROM d WHERE d MATCH 'بوتين OR محمد'").fetchone()[0]
        self.assertEqual(got, "قال الرئيسُ <بوتــين> <لِمُحَمَّدٍ>")

    def test_malformed_utf8_never_fails_an_insert(self):
        db = connect()
        db.execute("CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic')")
        rows = [b"\xff\xfe", b"\xd8", b"\xc0\xaf\xed\xa0\x80", b"\xd8\xa8\x00\xd8\xaa", b"", "بوتين".encode()]
        for r in rows:
            db.execute("INSERT INTO d VALUES (CAST(? AS TEXT))", (r,))
        db.execute("INSERT INTO d(d) VALUES ('integrity-check')")
        self.assertEqual(db.execute("SELECT count(*) FROM d").fetchone()[0], len(rows))
        self.assertEqual(db.execute("SELECT count(*) FROM d WHERE d MATCH 'بوتين'").fetchone()[0], 1)

    def test_generated_column(self):
        db = connect()
        db.execute("CREATE TABLE n(name TEXT, key TEXT GENERATED ALWAYS AS (arabic_normalize(name)) STORED)")
        db.executemany("INSERT INTO n(name) VALUES (?)", [("أحمد",), ("احمد",), ("أَحْمَد",)])
        self.assertEqual(db.execute("SELECT count(DISTINCT key) FROM n").fetchone()[0], 1)


if __name__ == "__main__":
    unittest.main()
