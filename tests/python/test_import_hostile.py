"""The importer against hostile inputs (hostile-inputs issue, items 4-8): two importers
on one database, file names that are not UTF-8, symbolic link loops and links out of
the corpus, unreadable files and folders, FIFOs, articles over the 10 MB limit, NULs,
a corpus that vanished, and sql/import.sql's unreadable files and failed transactions.
Each test fails on the importer before this round."""
import json
import os
import shutil
import subprocess
import sys
import time
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from helpers import EXT, ROOT, ScratchCorpus, connect, import_quietly  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "python"))
from sqlite_arabic import importer  # noqa: E402

IMPORTER = os.path.join(ROOT, "python", "sqlite_arabic", "importer.py")
SQLITE3 = os.environ.get("SQLITE3", "sqlite3")


def article(n):
    return f"عنوان الخبر رقم {n}\nنص الخبر رقم {n} عن زيارة الوزير إلى تونس.\n"


run = import_quietly


class Hostile(ScratchCorpus):
    def write(self, name, data):
        path = os.path.join(self.dir, name) if isinstance(name, str) else os.path.join(os.fsencode(self.dir), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    def paths(self):
        db = connect(self.db)
        try:
            return [r[0] for r in db.execute("SELECT path FROM articles ORDER BY path")]
        finally:
            db.close()

    def test_two_importers_on_one_database_both_finish(self):
        for part in ("p", "q"):
            for n in range(30):
                self.write(f"{part}/{n:02}.txt", article(f"{part}{n}"))
        # a third writer holds the database for 6 s (longer than Python's default 5 s busy timeout)
        subprocess.run(["/usr/bin/python3", IMPORTER, "-q", os.path.join(self.dir, "p"), self.db], check=True)
        holder = connect(self.db)
        holder.isolation_level = None
        holder.execute("BEGIN IMMEDIATE")
        procs = [subprocess.Popen(["/usr/bin/python3", IMPORTER, "--batch", "3", os.path.join(self.dir, part),
                                   self.db], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for part in ("p", "q")]
        time.sleep(6)
        holder.execute("DELETE FROM articles WHERE path LIKE '%/p/%'")
        holder.execute("COMMIT")
        holder.close()
        results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        for status, err in results:
            self.assertEqual(status, 0, err)
            self.assertIn("added 30, changed 0, unchanged 0, removed 0, skipped 0", err)
        self.assertEqual(len(self.paths()), 60)

    def test_file_name_not_utf8(self):
        self.write(b"caf\xe9.txt", article(1))
        p = subprocess.run(["/usr/bin/python3", IMPORTER, self.dir, self.db], capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn(b"Traceback", p.stderr)
        self.assertEqual(self.paths(), [f"{self.dir}/caf\ufffd.txt"])

    def test_symlink_loop_and_links_outside(self):
        self.write("a/1.txt", article(1))
        outside = os.path.join(self.tmp, "outside")
        os.mkdir(outside)
        with open(os.path.join(outside, "secret.txt"), "w", encoding="utf-8") as f:
            f.write(article(2))
        os.symlink(self.dir, os.path.join(self.dir, "a", "loop"))
        os.symlink(outside, os.path.join(self.dir, "out"))
        os.symlink(os.path.join(outside, "secret.txt"), os.path.join(self.dir, "s.txt"))
        os.symlink("1.txt", os.path.join(self.dir, "a", "same.txt"))  # inside: allowed
        os.symlink("nowhere.txt", os.path.join(self.dir, "dangling.txt"))
        counts, err = run(self.dir, self.db)
        self.assertEqual(err.splitlines(), [
            f"import_corpus: skipped {self.dir}/a/loop: folder already visited (a symbolic link loop)",
            f"import_corpus: skipped {self.dir}/dangling.txt: cannot stat (No such file or directory)",
            f"import_corpus: skipped {self.dir}/out: symbolic link to outside the corpus folder",
            f"import_corpus: skipped {self.dir}/s.txt: symbolic link to outside the corpus folder"])
        self.assertEqual(self.paths(), [f"{self.dir}/a/1.txt"])
        self.assertEqual(counts["duplicates"], 1)  # same.txt is 1.txt
        # the corpus folder itself may be a link
        link = os.path.join(self.tmp, "link")
        os.symlink(self.dir, link)
        counts, _ = run(link, os.path.join(self.tmp, "l.db"))
        self.assertEqual(counts["added"], 1)

    def test_fifo_is_not_opened(self):
        self.write("1.txt", article(1))
        os.mkfifo(os.path.join(self.dir, "pipe.txt"))
        p = subprocess.run(["/usr/bin/python3", IMPORTER, self.dir, self.db], capture_output=True, text=True,
                           timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"import_corpus: skipped {self.dir}/pipe.txt: not a regular file\n", p.stderr)
        self.assertEqual(self.paths(), [f"{self.dir}/1.txt"])

    def test_unreadable_file_keeps_its_article(self):
        path = self.write("1.txt", article(1))
        self.write("2.txt", article(2))
        run(self.dir, self.db)
        with open(path, "a", encoding="utf-8") as f:
            f.write("سطر جديد\n")  # changed, then unreadable: the old article stays
        real_open = open

        def deny(name, *a, **k):
            if name == path:
                raise PermissionError(13, "Permission denied", name)
            return real_open(name, *a, **k)
        with mock.patch.object(importer, "open", deny, create=True):
            counts, err = run(self.dir, self.db)
        self.assertIn(f"import_corpus: skipped {path}: cannot read (Permission denied)", err)
        self.assertEqual((counts["removed"], counts["skipped"], counts["unchanged"]), (0, 1, 1))
        self.assertEqual(len(self.paths()), 2)

    def test_damaged_compressed_file_keeps_the_records_before_the_damage(self):
        import gzip
        import lzma
        import random
        rnd = random.Random(7)
        words = "زيارة الوزير تونس الحكومة البرلمان الانتخابات الاقتصاد المدينة الرئيس المجلس".split()
        lines = "".join(json.dumps({"id": n, "text": article(n) + " ".join(rnd.choice(words) for _ in range(60))},
                                   ensure_ascii=False) + "\n" for n in range(3000)).encode("utf-8")
        packed = lzma.compress(lines)
        cut = packed[:len(packed) // 2]
        whole = lzma.LZMADecompressor().decompress(cut).count(b"\n")  # the complete records it holds
        self.assertGreater(whole, 100)
        path = self.write("news.jsonl.xz", cut)
        self.write("same.jsonl.gz", gzip.compress(lines[:lines.index(b"\n") + 1]))
        counts, err = run(self.dir, self.db)
        self.assertIn(f"import_corpus: skipped {path}: cannot read (Compressed file ended before the "
                      "end-of-stream marker was reached); its articles are kept", err)
        self.assertEqual((counts["added"], counts["skipped"]), (whole, 1))  # the gzip record is a duplicate

    def test_unreadable_folder_deletes_nothing_of_it(self):
        for n in range(20):
            self.write(f"{'ab'[n % 2]}/{n}.txt", article(n))
        run(self.dir, self.db)
        real_scandir = os.scandir
        locked = os.path.join(self.dir, "b")

        def deny(path):
            if path == locked:
                raise PermissionError(13, "Permission denied", path)
            return real_scandir(path)
        with mock.patch.object(importer.os, "scandir", deny):
            counts, err = run(self.dir, self.db, allow_removal=True)
        self.assertIn(f"import_corpus: skipped {locked}/: folder not readable (Permission denied); "
                      "nothing under it is removed", err)
        self.assertEqual((counts["removed"], counts["unchanged"]), (0, 10))
        self.assertEqual(len(self.paths()), 20)

    def test_huge_articles_are_skipped_without_reading(self):
        self.write("1.txt", article(1))
        big = os.path.join(self.dir, "big.txt")
        with open(big, "wb") as f:
            f.truncate(200 * 1000 * 1000)  # sparse: 200 MB of NULs that are never read
        line = json.dumps({"title": "كبير", "text": "ب" * 6_000_000}, ensure_ascii=False)
        self.write("x.jsonl", line + "\n" + json.dumps({"id": "k", "text": "نص صغير"}) + "\n")
        p = subprocess.run(["/usr/bin/time", "-f", "rss %M", "/usr/bin/python3", IMPORTER, self.dir, self.db],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"import_corpus: skipped {big}: 200000000 bytes, more than the 10 MB an article may have",
                      p.stderr)
        self.assertIn(f"import_corpus: skipped {self.dir}/x.jsonl line 1: more than the 10 MB a record may have",
                      p.stderr)
        self.assertEqual(self.paths(), [f"{self.dir}/1.txt", f"{self.dir}/x.jsonl#k"])
        rss_kb = int(p.stderr.rsplit("rss ", 1)[1])
        self.assertLess(rss_kb, 150_000)  # the 12 MB line was never held whole with its copies

    def test_vanished_corpus_removes_nothing(self):
        for n in range(10):
            self.write(f"{n}.txt", article(n))
        run(self.dir, self.db)
        for n in range(10):
            os.remove(os.path.join(self.dir, f"{n}.txt"))  # an unmounted or emptied folder
        counts, err = run(self.dir, self.db)
        self.assertEqual(counts["removed"], 0)
        self.assertIn("10 of the 10 articles of this corpus are gone (an empty or unmounted folder?); "
                      "nothing removed: run again with --allow-removal to remove them", err)
        self.assertEqual(len(self.paths()), 10)
        counts, _ = run(self.dir, self.db, allow_removal=True)
        self.assertEqual((counts["removed"], self.paths()), (10, []))

    def test_nul_in_text(self):
        self.write("1.txt", article(1).replace("الوزير", "الو\x00زير"))
        counts, err = run(self.dir, self.db)
        self.assertEqual(err, f"import_corpus: {self.dir}/1.txt: NUL characters replaced by U+FFFD\n")
        db = connect(self.db)
        self.assertEqual(db.execute("SELECT instr(body, char(65533)) > 0, instr(body, char(0)) FROM articles")
                         .fetchall(), [(1, 0)])
        db.close()

    def shell(self, *cmds, bail=False, as_nobody=False):
        args = (self.nobody() if as_nobody else []) + [SQLITE3, "-batch"] + (["-bail"] if bail else []) + [self.db, "-cmd", ".load " + EXT,
                                                                    "-cmd", ".parameter set $corpus " + self.dir]
        return subprocess.run(args + list(cmds), cwd=ROOT, capture_output=True, text=True)

    def test_import_sql_failed_transaction_does_not_report_success(self):
        self.write("1.txt", article(1))
        self.shell("SELECT 1")  # the database file
        db = connect(self.db)
        with open(os.path.join(ROOT, "sql", "schema.sql"), encoding="utf-8") as f:
            db.executescript(f.read())
        db.executescript("CREATE TRIGGER fail BEFORE INSERT ON articles BEGIN SELECT raise(ABORT, 'disk trouble'); END;")
        db.close()
        p = self.shell(".read sql/import.sql")  # without -bail
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("disk trouble", p.stderr)
        self.assertNotIn("import|", p.stdout)

    @unittest.skipUnless(os.geteuid() != 0 or shutil.which("setpriv"), "root without setpriv reads every file")
    def test_import_sql_unreadable_file_keeps_its_article(self):
        self.write("1.txt", article(1))
        path = self.write("2.txt", article(2))
        self.assertEqual(self.shell(".read sql/import.sql", bail=True).stdout.splitlines()[-1], "import|2|0|0|0|0")
        os.chmod(path, 0)
        p = self.shell(".read sql/import.sql", bail=True, as_nobody=True)
        self.assertEqual(p.stdout.splitlines()[-2:], [f"skipped|{path}|unreadable", "import|0|0|1|0|1"], p.stderr)
        self.assertEqual(len(self.paths()), 2)
        # and the Python importer on a file it really cannot read
        run(self.dir, self.db)
        q = subprocess.run(self.nobody() + ["/usr/bin/python3", IMPORTER, self.dir, self.db],
                           capture_output=True, text=True)
        self.assertEqual(q.returncode, 0, q.stderr)
        self.assertIn(f"import_corpus: skipped {path}: cannot read (Permission denied)", q.stderr)
        self.assertEqual(len(self.paths()), 2)

    def nobody(self):
        if os.geteuid() != 0:
            return []
        for root, dirs, files in os.walk(self.tmp):  # nobody may write the database and read the rest
            for name in dirs + files:
                p = os.path.join(root, name)
                if os.stat(p).st_mode & 0o777:
                    os.chmod(p, 0o777)
        os.chmod(self.tmp, 0o777)
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

if __name__ == "__main__":
    unittest.main()
