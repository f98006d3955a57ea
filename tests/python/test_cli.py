"""The sqlite-arabic command (python/sqlite_arabic/cli.py) on the sample
articles: each listing in each format, and the errors a newcomer meets (a
missing or foreign database, an unbuilt checkout, a Python that cannot load
extensions, a bad FTS5 expression, an index format from the future)."""
import contextlib
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
from unittest import mock

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))
import sqlite_arabic  # noqa: E402
from sqlite_arabic import cli  # noqa: E402

SAMPLE = os.path.join(ROOT, "sql", "sample")


def sqlite_arabic_cmd(*args):
    """(status, stdout, stderr) of main(args)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(args))
    return status, out.getvalue(), err.getvalue()


class Command(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cli-test-")
        cls.db = os.path.join(cls.tmp, "news.db")
        status, _, err = sqlite_arabic_cmd("import", SAMPLE, cls.db)
        assert status == 0, err
        cls.import_summary = err

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def ok(self, *args):
        status, out, err = sqlite_arabic_cmd(*args)
        self.assertEqual((status, err), (0, ""), args)
        return out

    def test_import_is_the_importer(self):
        self.assertIn("added 10, changed 0, unchanged 0, removed 0, skipped 0", self.import_summary)
        status, _, err = sqlite_arabic_cmd("import", SAMPLE, self.db)
        self.assertEqual(status, 0)
        self.assertIn("added 0, changed 0, unchanged 10, removed 0, skipped 0", err)

    def test_search_ranks_and_marks(self):
        rows = json.loads(self.ok("search", self.db, "بوتين AND كورسك", "--json", "--mark", "<", ">"))
        self.assertEqual([r["id"] for r in rows], [3, 10, 4])  # 4 has بكورسك
        self.assertEqual(rows[0]["title"], "بوتين يزور منطقة كورسك ويطالب بإخراج القوات الأوكرانية منها")
        self.assertIn("<بوتين>", rows[0]["snippet"])
        self.assertLess(rows[0]["rank"], rows[1]["rank"])
        # the same words typed as a search box types them, and as an FTS5 expression
        self.assertEqual(self.ok("search", self.db, "بوتين كورسك", "--csv"),
                         self.ok("search", self.db, '"بوتين" AND "كورسك"', "--fts", "--csv"))
        table = self.ok("search", self.db, "ويتكوف -كورسك", "--limit", "1").splitlines()
        self.assertEqual(table[0].split(), ["id", "published", "source", "title", "snippet", "rank"])
        self.assertEqual(len(table), 3)

    def test_top_by_type_period_and_week(self):
        rows = list(csv.reader(io.StringIO(self.ok("top", self.db, "--type", "PERSON", "--limit", "3", "--csv"))))
        self.assertEqual(rows, [["canonical", "type", "articles", "mentions"],
                                ["دونالد ترامب", "PERSON", "7", "10"], ["فلاديمير بوتين", "PERSON", "6", "12"],
                                ["فولوديمير زيلينسكي", "PERSON", "6", "10"]])
        rows = json.loads(self.ok("top", self.db, "--type", "PERSON", "--since", "2025-03-17", "--until",
                                  "2025-03-18", "--json", "--limit", "1"))
        db = sqlite3.connect(self.db)
        want = db.execute("SELECT e.canonical, count(DISTINCT a.id) FROM entities AS e JOIN articles AS a "
                          "ON a.id = e.article_id WHERE e.type = 'PERSON' AND a.published BETWEEN '2025-03-17' "
                          "AND '2025-03-18' GROUP BY 1 ORDER BY 2 DESC, count(*) DESC, 1 LIMIT 1").fetchone()
        db.close()
        self.assertEqual((rows[0]["canonical"], rows[0]["articles"]), want)
        weeks = json.loads(self.ok("top", self.db, "--per", "week", "--limit", "1", "--json"))
        self.assertEqual([w["week"] for w in weeks], ["2025-03-03", "2025-03-10", "2025-03-17"])

    def test_kwic_spellings_cooccur(self):
        rows = json.loads(self.ok("kwic", self.db, "كورسك", "--json"))
        self.assertEqual(len(rows), 6)
        self.assertEqual({r["word"] for r in rows}, {"كورسك", "بكورسك"})
        spellings = json.loads(self.ok("spellings", self.db, "دونالد ترمب", "--json"))
        self.assertEqual([(s["word"], s["spelling"]) for s in spellings],
                         [("دونالد", "دونالد"), ("ترمب", "ترامب"), ("ترمب", "ترمب")])
        # any spelling of a name finds its pairs
        a = self.ok("cooccur", self.db, "ترمب", "--csv")
        self.assertEqual(a, self.ok("cooccur", self.db, "دونالد ترامب", "--csv"))
        self.assertEqual(a.splitlines()[1].split(",")[0], "دونالد ترامب")
        self.assertEqual(self.ok("cooccur", self.db, "--limit", "1", "--csv").splitlines()[0], "a,b,articles")

    def test_export(self):
        lines = self.ok("export", self.db, "articles").splitlines()
        self.assertEqual(len(lines), 10)
        self.assertEqual(json.loads(lines[0])["path"], os.path.join(SAMPLE, "01_jeddah_talks.txt"))
        status, _, err = sqlite_arabic_cmd("export", self.db, "nothing")
        self.assertEqual(status, 1)
        self.assertTrue(err.startswith("sqlite-arabic: no table or view 'nothing'; there are: "), err)
        self.assertIn("entity_counts", err)

    def test_errors_are_one_line(self):
        cases = [
            (("top", os.path.join(self.tmp, "none.db")),
             f"sqlite-arabic: {self.tmp}/none.db: no such database; build one with "
             f"`sqlite-arabic import FOLDER {self.tmp}/none.db`\n"),
            (("search", self.db, "AND (", "--fts"), "sqlite-arabic: search: fts5: syntax error near \"AND\"\n"),
        ]
        other = os.path.join(self.tmp, "other.db")
        sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
        cases.append((("top", other), f"sqlite-arabic: {other} is not a sqlite-arabic corpus (no articles and "
                                      f"entities tables); build one with `sqlite-arabic import FOLDER {other}`\n"))
        for args, message in cases:
            with self.subTest(args=args):
                self.assertEqual(sqlite_arabic_cmd(*args), (1, "", message))

    def test_index_format_from_the_future(self):
        future = os.path.join(self.tmp, "future.db")
        shutil.copy(self.db, future)
        db = sqlite3.connect(future)
        with db:
            db.execute("UPDATE arabic_metadata SET value = '3' WHERE key = 'index_format'")
        db.close()
        status, _, err = sqlite_arabic_cmd("top", future)
        self.assertEqual(status, 1)
        self.assertEqual(err, f"sqlite-arabic: {future} has an index of format 3; this sqlite-arabic "
                              f"({sqlite_arabic.__version__}) reads format 2: use a newer version\n")

    def test_index_format_1_is_rebuilt_first(self):
        old = os.path.join(self.tmp, "format1.db")
        shutil.copy(self.db, old)
        db = sqlite3.connect(old)
        with db:
            db.execute("UPDATE arabic_metadata SET value = '1' WHERE key = 'index_format'")
        db.close()
        status, _, err = sqlite_arabic_cmd("top", old)
        self.assertEqual(status, 1)
        self.assertIn(f"{old} has an index of format 1, which this sqlite-arabic", err)
        # the command it gives makes the corpus readable
        cmd = err.split("rebuild it once with ", 1)[1].strip()
        sql = cmd.split('"', 1)[1].rsplit('"', 1)[0]
        lib = cmd.split(".load ", 1)[1].split("'", 1)[0]
        db = sqlite3.connect(old)
        db.enable_load_extension(True)
        db.load_extension(lib)
        db.executescript(sql)
        db.close()
        self.assertEqual(sqlite_arabic_cmd("top", old)[0], 0)


class FriendlyLoadErrors(unittest.TestCase):
    def test_python_without_extension_loading(self):
        class NoLoading:  # what pyenv's sqlite3.Connection looks like
            pass
        with mock.patch.object(sqlite_arabic.sqlite3, "Connection", NoLoading):
            with self.assertRaises(sqlite_arabic.LoadError) as cm:
                sqlite_arabic.loadable_path()
        self.assertIn("cannot load SQLite extensions", str(cm.exception))
        self.assertIn("Use /usr/bin/python3, or a virtual environment made from it: "
                      "/usr/bin/python3 -m venv --system-site-packages .venv", str(cm.exception))
        self.assertIsInstance(cm.exception, sqlite3.OperationalError)  # the importer reports it as such

    @unittest.skipUnless(shutil.which("python3") and subprocess.run(
        [shutil.which("python3") or "python3", "-c",
         "import sqlite3, sys; sys.exit(hasattr(sqlite3.Connection, 'enable_load_extension'))"]).returncode == 0,
        "no python3 on PATH that cannot load extensions (pyenv's)")
    def test_real_pyenv_python(self):
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
        for args in (["-m", "sqlite_arabic", "top", "x.db"],
                     [os.path.join(ROOT, "python", "sqlite_arabic", "importer.py"), SAMPLE, "x.db"]):
            with self.subTest(args=args):
                with tempfile.TemporaryDirectory() as tmp:
                    p = subprocess.run([shutil.which("python3")] + args, env=env, capture_output=True,
                                       text=True, cwd=tmp)
                self.assertEqual(p.returncode, 1)
                self.assertNotIn("Traceback", p.stderr)
                self.assertIn("cannot load SQLite extensions", p.stderr)
                self.assertIn("/usr/bin/python3 -m venv --system-site-packages .venv", p.stderr)

    def test_unbuilt_checkout_says_make(self):
        with tempfile.TemporaryDirectory() as clone:
            shutil.copytree(os.path.join(ROOT, "python"), os.path.join(clone, "python"),
                            ignore=shutil.ignore_patterns("__pycache__"))
            shutil.copytree(os.path.join(ROOT, "sql"), os.path.join(clone, "sql"))
            shutil.copy(os.path.join(ROOT, "Makefile"), clone)
            env = dict(os.environ, PYTHONPATH=os.path.join(clone, "python"))
            for args in (["-m", "sqlite_arabic", "import", SAMPLE, "x.db"], ["-m", "sqlite_arabic", "path"]):
                with self.subTest(args=args):
                    p = subprocess.run(["/usr/bin/python3"] + args, env=env, capture_output=True, text=True,
                                       cwd=clone)
                    self.assertEqual((p.returncode, p.stdout), (1, ""))
                    self.assertEqual(p.stderr.splitlines()[-1].split(": ", 1)[1],
                                     f"sqlite-arabic is not built: there is no {clone}/dist/arabic.so; "
                                     f"run `make` in {clone}")


if __name__ == "__main__":
    unittest.main()
