"""The corpus workflow: python/sqlite_arabic/importer.py, sql/import.sql (sqlite3 shell),
make corpus, tools/demo.sh, and the Python, Tcl and C snippets and the
`sql demo` examples of docs/corpus.md."""
import contextlib
import glob
import hashlib
import io
import lzma
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from sqlite_arabic import importer as import_corpus  # noqa: E402
from helpers import with_test_cflags  # noqa: E402

EXT = os.path.join(ROOT, "dist", "arabic")
SAMPLE = os.path.join(ROOT, "sql", "sample")
DOC = os.path.join(ROOT, "docs", "corpus.md")
SQLITE3 = os.environ.get("SQLITE3", "sqlite3")
TCL_PACKAGE = "/usr/lib/tcltk/sqlite3/pkgIndex.tcl"  # Debian's libsqlite3-tcl


def open_db(path):
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(EXT)
    return db


def snapshot(db):
    """Everything an import writes, in a comparable form."""
    return (db.execute("SELECT id, path, title, body, related, source, published, hash, bytes "
                       "FROM articles ORDER BY id").fetchall(),
            db.execute("SELECT article_id, entity, type, start, length, canonical, boilerplate FROM entities "
                       "ORDER BY article_id, start, entity").fetchall(),
            db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'بوتين' "
                       "ORDER BY rowid").fetchall())


def doc_blocks(lang):
    """The fenced blocks of docs/corpus.md whose info string is exactly lang."""
    with open(DOC, encoding="utf-8") as f:
        return re.findall(r"^```" + re.escape(lang) + r"\n(.*?)^```", f.read(), re.S | re.M)


def quiet_import(folder, db):
    """Import without progress, summary or skip reports (tests check those on the command line)."""
    with contextlib.redirect_stderr(io.StringIO()):
        return import_corpus.import_corpus(folder, db, quiet=True)


class CorpusTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="corpus-test-")
        self.corpus = os.path.join(self.tmp, "corpus")
        shutil.copytree(SAMPLE, self.corpus)
        self.db_path = os.path.join(self.tmp, "news.db")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def article(self, db, name):
        return db.execute("SELECT id, title, body FROM articles WHERE path = ?",
                          (os.path.join(self.corpus, name),)).fetchone()

    def test_import_twice_changes_nothing(self):
        counts = quiet_import(self.corpus, self.db_path)
        self.assertEqual(counts, {"added": 10, "changed": 0, "unchanged": 0, "removed": 0, "skipped": 0, "duplicates": 0})
        db = open_db(self.db_path)
        before = snapshot(db)
        self.assertEqual(len(before[0]), 10)
        self.assertGreater(len(before[1]), 0, "entities were extracted")
        db.close()
        counts = quiet_import(self.corpus, self.db_path)
        self.assertEqual(counts, {"added": 0, "changed": 0, "unchanged": 10, "removed": 0, "skipped": 0, "duplicates": 0})
        db = open_db(self.db_path)
        self.assertEqual(snapshot(db), before)
        self.assertEqual(db.execute("PRAGMA journal_mode").fetchone(), ("wal",))
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        db.close()

    def test_changed_file_is_reindexed(self):
        quiet_import(self.corpus, self.db_path)
        name = "03_putin_kursk.txt"
        path = os.path.join(self.corpus, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("كورسك", "بيلغورود"))
        counts = quiet_import(self.corpus, self.db_path)
        self.assertEqual(counts, {"added": 0, "changed": 1, "unchanged": 9, "removed": 0, "skipped": 0, "duplicates": 0})
        db = open_db(self.db_path)
        art_id, title, body = self.article(db, name)
        self.assertEqual(title, "بوتين يزور منطقة بيلغورود ويطالب بإخراج القوات الأوكرانية منها")
        found = [r[0] for r in db.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'بيلغورود'")]
        self.assertEqual(found, [art_id])
        self.assertNotIn(art_id, [r[0] for r in db.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'كورسك'")])
        # The entities are those of the new text, at offsets into it.
        self.assertEqual(
            db.execute("SELECT article_id, entity, type, start, length FROM entities WHERE article_id = ? "
                       "ORDER BY start, entity", (art_id,)).fetchall(),
            db.execute("SELECT article_id, entity, type, start, length FROM article_entities WHERE article_id = ? "
                       "ORDER BY start, entity",
                       (art_id,)).fetchall())
        self.assertEqual(db.execute(
            "SELECT count(*) FROM entities JOIN articles ON id = article_id "
            "WHERE article_id = ? AND substr(text, start, length) <> entity", (art_id,)).fetchone(), (0,))
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        db.close()

    def test_each_article_is_indexed_once(self):
        """The importer indexes its new articles itself, a batch in one statement (the trigger
        paused): a text file that repeats another is indexed and taken out again, a database
        with the index trigger of an older schema gets the pausable one, and the index holds
        every article once (integrity-check against the articles' text)."""
        shutil.copy(os.path.join(self.corpus, "07_riyadh_talks.txt"), os.path.join(self.corpus, "07_copy.txt"))
        counts = quiet_import(self.corpus, self.db_path)
        self.assertEqual((counts["added"], counts["duplicates"]), (10, 1))
        db = open_db(self.db_path)
        db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        self.assertEqual(db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'كاراسين'").fetchone(),
                         (1,))
        self.assertEqual(db.execute("SELECT count(*) FROM articles_fts_paused").fetchone(), (0,))
        with db:  # the trigger of a database made before articles_fts_paused
            db.execute("DROP TRIGGER articles_fts_insert")
            db.execute("CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
                       "INSERT INTO articles_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body); END")
        db.close()
        with open(os.path.join(self.corpus, "new.txt"), "w", encoding="utf-8") as f:
            f.write("ماكرون في باريس\nاستقبل إيمانويل ماكرون في باريس رئيس الوزراء البريطاني.\n")
        self.assertEqual(quiet_import(self.corpus, self.db_path)["added"], 1)
        db = open_db(self.db_path)
        db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        self.assertEqual(db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ماكرون'").fetchone(),
                         (1,))
        self.assertIn("articles_fts_paused", db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'articles_fts_insert'").fetchone()[0])
        db.close()

    def test_removed_file_is_removed_with_its_entities(self):
        quiet_import(self.corpus, self.db_path)
        db = open_db(self.db_path)
        art_id = self.article(db, "07_riyadh_talks.txt")[0]
        self.assertGreater(db.execute("SELECT count(*) FROM entities WHERE article_id = ?",
                                      (art_id,)).fetchone()[0], 0)
        db.close()
        os.remove(os.path.join(self.corpus, "07_riyadh_talks.txt"))
        counts = quiet_import(self.corpus, self.db_path)
        self.assertEqual(counts, {"added": 0, "changed": 0, "unchanged": 9, "removed": 1, "skipped": 0, "duplicates": 0})
        db = open_db(self.db_path)
        self.assertEqual(db.execute("SELECT count(*) FROM articles WHERE id = ?", (art_id,)).fetchone(), (0,))
        self.assertEqual(db.execute("SELECT count(*) FROM entities WHERE article_id = ?", (art_id,)).fetchone(),
                         (0,))
        self.assertEqual(db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'كاراسين'")
                         .fetchone(), (0,))
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        db.close()

    def add_bad_files(self):
        with open(os.path.join(self.corpus, "latin1.txt"), "wb") as f:
            f.write("café au lait\n".encode("latin-1"))
        with open(os.path.join(self.corpus, "analysis", "blank.txt"), "wb") as f:
            f.write(b" \n\r\n\t\n")
        with open(os.path.join(self.corpus, "zero.txt"), "wb"):
            pass

    def test_bad_files_are_reported_and_skipped(self):
        self.add_bad_files()
        p = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "python", "sqlite_arabic", "importer.py"),
                            self.corpus, self.db_path], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stderr.splitlines()
        self.assertEqual(lines[:3], [
            f"import_corpus: skipped {self.corpus}/analysis/blank.txt: empty",
            f"import_corpus: skipped {self.corpus}/latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3)",
            f"import_corpus: skipped {self.corpus}/zero.txt: empty"])
        self.assertTrue(lines[3].startswith(
            f"import_corpus: {self.db_path}: added 10, changed 0, unchanged 0, removed 0, skipped 3; "),
            lines[3])
        db = open_db(self.db_path)
        self.assertEqual(db.execute("SELECT count(*) FROM articles").fetchone(), (10,))
        db.close()

    def test_shell_import_reads_legacy_charsets(self):
        folder = os.path.join(self.tmp, "legacy")
        os.mkdir(folder)
        text = "وزير الخارجية في {0}\nالتاريخ: 2024-03-05\nوصل الوزير إلى {0} صباح اليوم.\n"
        for name, data in (("a.TXT", text.format("تونس").encode("cp1256")),
                           ("b.txt", b"\xff\xfe" + text.format("صفاقس").encode("utf-16-le")),
                           ("c.txt", text.format("سوسة").encode("utf-16-be")),
                           ("d.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")):
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
        db_path = os.path.join(self.tmp, "legacy.db")
        p = subprocess.run([SQLITE3, "-batch", "-bail", db_path, "-cmd", ".load " + EXT,
                            "-cmd", ".parameter set $corpus " + folder, ".read sql/import.sql"],
                           cwd=ROOT, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines()[1:], [f"skipped|{folder}/d.txt|not valid UTF-8",
                                                     "import|3|0|0|0|1"])
        db = open_db(db_path)
        self.assertEqual(db.execute("SELECT substr(path, length(?) + 2), charset, title, published, body "
                                    "FROM articles ORDER BY path", (folder,)).fetchall(), [
            ("a.TXT", "windows-1256", "وزير الخارجية في تونس", "2024-03-05", "وصل الوزير إلى تونس صباح اليوم."),
            ("b.txt", "UTF-16LE", "وزير الخارجية في صفاقس", "2024-03-05", "وصل الوزير إلى صفاقس صباح اليوم."),
            ("c.txt", "UTF-16BE", "وزير الخارجية في سوسة", "2024-03-05", "وصل الوزير إلى سوسة صباح اليوم.")])
        db.close()

    def test_shell_import_matches_python_import(self):
        self.add_bad_files()

        def shell_import(db_path):
            return subprocess.run(
                [SQLITE3, "-batch", "-bail", db_path, "-cmd", ".load " + EXT,
                 "-cmd", ".parameter set $corpus " + self.corpus, ".read sql/import.sql"],
                cwd=ROOT, capture_output=True, text=True)

        shell_db = os.path.join(self.tmp, "shell.db")
        p = shell_import(shell_db)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines(), [
            "wal",
            f"skipped|{self.corpus}/analysis/blank.txt|empty",
            f"skipped|{self.corpus}/latin1.txt|not valid UTF-8",
            f"skipped|{self.corpus}/zero.txt|empty",
            "import|10|0|0|0|3"])
        quiet_import(self.corpus, self.db_path)
        a, b = open_db(shell_db), open_db(self.db_path)
        # The shell links each mention as it comes (the triggers of sql/linking.sql);
        # one link (sqlite-arabic refresh --link-only) makes it the Python import's.
        from sqlite_arabic import linking
        a.isolation_level = None
        linking.link(a)
        self.assertEqual(snapshot(a), snapshot(b))
        a.close()
        b.close()
        # Again: nothing changes; then one change and one removal.
        self.assertEqual(shell_import(shell_db).stdout.splitlines()[-1], "import|0|0|10|0|3")
        os.remove(os.path.join(self.corpus, "latin1.txt"))
        os.remove(os.path.join(self.corpus, "08_eu_sanctions.txt"))
        with open(os.path.join(self.corpus, "06_london_summit.txt"), "a", encoding="utf-8") as f:
            f.write("وقال ستارمر إن الاجتماع المقبل سيعقد في باريس.\n")
        self.assertEqual(shell_import(shell_db).stdout.splitlines()[-1], "import|0|1|8|1|2")
        quiet_import(self.corpus, self.db_path)
        a, b = open_db(shell_db), open_db(self.db_path)
        # The shell links each mention as it comes (the triggers of sql/linking.sql);
        # one link (sqlite-arabic refresh --link-only) makes it the Python import's.
        from sqlite_arabic import linking
        a.isolation_level = None
        linking.link(a)
        self.assertEqual(snapshot(a), snapshot(b))
        a.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        a.close()
        b.close()

    def test_one_article_per_line_file(self):
        lines_path = os.path.join(self.tmp, "news.txt.xz")
        articles = ["موسكو ترحب بمقترح الهدنة وتطلب ضمانات",
                    "",
                    "واشنطن تعلن جولة جديدة من المحادثات في الرياض",
                    "كييف تنتظر رد الكرملين على المقترح الأمريكي"]
        with lzma.open(lines_path, "wb") as f:
            f.write("\n".join(articles).encode("utf-8") + b"\n")
        counts = quiet_import(lines_path, self.db_path)
        self.assertEqual(counts, {"added": 3, "changed": 0, "unchanged": 0, "removed": 0, "skipped": 0, "duplicates": 0})
        db = open_db(self.db_path)
        self.assertEqual(db.execute("SELECT path, title, body FROM articles ORDER BY id").fetchall(), [
            # keyed by content: FILE#h + 16 hex of SHA3-256 of a newline and the text
            (lines_path + "#h" + hashlib.sha3_256(("\n" + a).encode()).hexdigest()[:16], None, a)
            for a in (articles[0], articles[2], articles[3])])
        self.assertEqual(db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'الرياض'")
                         .fetchall(), [(2,)])
        db.close()
        self.assertEqual(quiet_import(lines_path, self.db_path)["unchanged"], 3)
        with lzma.open(lines_path, "wb") as f:
            f.write(articles[0].encode("utf-8") + b"\n")
        # 2 of 3 articles gone is more than 10%: kept unless --allow-removal
        self.assertEqual(quiet_import(lines_path, self.db_path)["removed"], 0)
        with contextlib.redirect_stderr(io.StringIO()):
            counts = import_corpus.import_corpus(lines_path, self.db_path, quiet=True, allow_removal=True)
        self.assertEqual(counts["removed"], 2)

    def test_interrupted_import_keeps_committed_batches(self):
        # A failing statement in the third batch: the first two stay committed,
        # nothing of the third is written, and the next run completes the import.
        db = open_db(self.db_path)
        db.executescript(open(os.path.join(ROOT, "sql", "schema.sql"), encoding="utf-8").read())
        db.executescript("""CREATE TRIGGER fail_once BEFORE INSERT ON articles
                            WHEN NEW.path LIKE '%05_phone_call.txt'
                            BEGIN SELECT raise(ABORT, 'disk trouble'); END;""")
        db.close()
        with self.assertRaises(sqlite3.Error):
            import_corpus.import_corpus(self.corpus, self.db_path, batch_articles=2, quiet=True)
        db = open_db(self.db_path)
        self.assertEqual(db.execute("SELECT count(*) FROM articles").fetchone(), (4,))
        db.execute("DROP TRIGGER fail_once")
        db.commit()
        db.close()
        counts = quiet_import(self.corpus, self.db_path)
        self.assertEqual((counts["added"], counts["unchanged"]), (6, 4))

    def test_make_corpus(self):
        p = subprocess.run(["make", "-s", "corpus", "CORPUS=" + self.corpus, "DB=" + self.db_path],
                           cwd=ROOT, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("added 10, changed 0, unchanged 0, removed 0, skipped 0", p.stderr)
        p = subprocess.run(["make", "-s", "corpus"], cwd=ROOT, capture_output=True, text=True)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("usage: make corpus CORPUS=<folder or file> DB=<database>", p.stdout)


class SnippetTest(unittest.TestCase):
    """The snippets of docs/corpus.md run in a scratch folder that sees the
    checkout's dist/ and sql/, as a user's project would."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="corpus-snippet-")
        for name in ("dist", "sql", "ext"):
            os.symlink(os.path.join(ROOT, name), os.path.join(self.tmp, name))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def expected_output(self, block):
        """The '# => ' / '// => ' lines of a snippet: what it must print."""
        return [m.group(1) for m in re.finditer(r"^\s*(?:#|//) => ?(.*)$", block, re.M)]

    def test_python_snippet(self):
        (block,) = doc_blocks("python")
        p = subprocess.run(["/usr/bin/python3", "-c", block], cwd=self.tmp, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines(), self.expected_output(block))

    def test_tcl_snippet(self):
        tclsh = shutil.which("tclsh")
        if not tclsh or not os.path.exists(TCL_PACKAGE):
            self.skipTest("tclsh or Debian's libsqlite3-tcl is not installed (apt-get install tcl libsqlite3-tcl)")
        (block,) = doc_blocks("tcl")
        script = os.path.join(self.tmp, "snippet.tcl")
        with open(script, "w", encoding="utf-8") as f:
            f.write(block)
        p = subprocess.run([tclsh, script], cwd=self.tmp, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines(), self.expected_output(block))

    def test_tcl_suite(self):
        """tests/tcl/*.tcl: every check prints 'ok - NAME'."""
        tclsh = shutil.which("tclsh")
        if not tclsh or not os.path.exists(TCL_PACKAGE):
            self.skipTest("tclsh or Debian's libsqlite3-tcl is not installed (apt-get install tcl libsqlite3-tcl)")
        for script in sorted(glob.glob(os.path.join(ROOT, "tests", "tcl", "*.tcl"))):
            p = subprocess.run([tclsh, script], cwd=ROOT, capture_output=True, text=True)
            bad = [l for l in p.stdout.splitlines() if l.startswith("not ok")]
            self.assertEqual((p.returncode, bad), (0, []), p.stdout + p.stderr)
            self.assertIn("ok - ", p.stdout)

    def test_c_static_link_snippet(self):
        cc = shutil.which(os.environ.get("CC", "cc"))
        if not cc:
            self.skipTest("no C compiler")
        (block,) = doc_blocks("c")
        src = os.path.join(self.tmp, "search.c")
        with open(src, "w", encoding="utf-8") as f:
            f.write(block)
        build = re.search(r"^\s*(?:\*|//)\s*build: (.*)$", block, re.M).group(1)
        build = with_test_cflags(build)
        p = subprocess.run(build, shell=True, cwd=self.tmp, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        demo_db = os.path.join(self.tmp, "news.db")
        quiet_import(SAMPLE, demo_db)
        run = re.search(r"^\s*(?:\*|//)\s*run: (.*)$", block, re.M).group(1)
        p = subprocess.run(run, shell=True, cwd=self.tmp, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines(), self.expected_output(block))


def demo_pairs(block):
    """(statement, expected rows) of a ```sql demo block; '(no rows)' is no row."""
    pairs, cur = [], ""
    for line in block.splitlines(True):
        if line.startswith("-- =>"):
            row = line[5:].strip()
            if row != "(no rows)":
                pairs[-1][1].append(row)
            continue
        cur += line
        if sqlite3.complete_statement(cur):
            pairs.append((cur.strip(), []))
            cur = ""
    return pairs


def rows_of(db, stmt, params=()):
    return ["|".join("NULL" if v is None else str(v) for v in r) for r in db.execute(stmt, params)]


class DemoTest(unittest.TestCase):
    def test_examples_in_the_doc(self):
        """Every ```sql demo block of docs/corpus.md, run on the sample corpus
        (imported by python/sqlite_arabic/importer.py), gives its '-- =>' rows, and the
        blocks hold exactly the queries of sql/examples.sql."""
        import update_corpus_doc
        tmp = tempfile.mkdtemp(prefix="corpus-doc-")
        try:
            db_path = os.path.join(tmp, "demo.db")
            quiet_import(SAMPLE, db_path)
            db = open_db(db_path)
            pairs = [p for block in doc_blocks("sql demo") for p in demo_pairs(block)]
            examples = [s for _, stmts in update_corpus_doc.sections(
                os.path.join(ROOT, "sql", "examples.sql")) for s in stmts]
            self.assertEqual([s for s, _ in pairs], examples,
                             "docs/corpus.md is behind sql/examples.sql: run tools/update_corpus_doc.py")
            for stmt, want in pairs:
                self.assertEqual(rows_of(db, stmt), want, stmt)
            db.close()
        finally:
            shutil.rmtree(tmp)

    def test_sharded_search_in_the_doc(self):
        """The ATTACH block of 'When the corpus outgrows one file' on two
        shards of the sample finds what one database finds."""
        (block,) = doc_blocks("sql shards")
        tmp = tempfile.mkdtemp(prefix="corpus-shards-")
        try:
            names = sorted(os.path.relpath(p, SAMPLE) for p in glob.glob(os.path.join(SAMPLE, "**", "*.txt"),
                                                                           recursive=True))
            for shard, part in (("news-2025-02.db", names[:5]), ("news-2025-03.db", names[5:])):
                folder = os.path.join(tmp, shard[:-3])
                for name in part:
                    os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
                    shutil.copy(os.path.join(SAMPLE, name), os.path.join(folder, name))
                quiet_import(folder, os.path.join(tmp, shard))
            db = open_db(":memory:")
            stmts = [s for s, _ in demo_pairs(block)]
            cwd = os.getcwd()
            os.chdir(tmp)
            try:
                for stmt in stmts[:-1]:
                    db.execute(stmt)
                merged = db.execute(stmts[-1], {"q": "بوتين"}).fetchall()
            finally:
                os.chdir(cwd)
            whole = os.path.join(tmp, "whole.db")
            quiet_import(SAMPLE, whole)
            one = open_db(whole)
            self.assertEqual(len(merged), one.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'بوتين'").fetchone()[0])
            self.assertEqual([r[2] for r in merged], sorted(r[2] for r in merged))
            one.close()
            db.close()
        finally:
            shutil.rmtree(tmp)

    def test_make_demo(self):
        p = subprocess.run(["sh", "tools/demo.sh"], cwd=ROOT, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("added 10, changed 0", p.stderr)
        self.assertIn("┌", p.stdout)
        self.assertEqual(p.stdout.count("── "), len(re.findall(r"^\.print '── ", open(
            os.path.join(ROOT, "sql", "examples.sql"), encoding="utf-8").read(), re.M)))


if __name__ == "__main__":
    unittest.main()
