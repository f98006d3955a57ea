"""The importer on the files people have: .TXT in any case, CSV, TSV, JSONL, <DOC> files,
mixed charsets, byte order marks, binary and empty files, duplicate texts, keys by id
or content hash, dates from metadata (python/sqlite_arabic/importer.py)."""
import contextlib
import hashlib
import io
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from helpers import ROOT, ScratchCorpus, connect, import_quietly  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "python"))
from sqlite_arabic import importer  # noqa: E402

TITLE = "وزير الخارجية يزور تونس"
BODY = "وصل وزير الخارجية إلى تونس صباح اليوم في زيارة رسمية."


run = import_quietly


class Files(ScratchCorpus):
    def write(self, name, data):
        with open(os.path.join(self.dir, name), "wb") as f:
            f.write(data)

    def rows(self, sql, *args):
        db = connect(self.db)
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    def test_txt_any_case_csv_tsv_jsonl(self):
        self.write("A.TXT", ("\ufeff" + TITLE + "\r\nالمصدر: وكالة\r\nالتاريخ: 2024-03-05\r\n" + BODY + "\r\n")
                   .encode("utf-8"))
        self.write("b.csv", ("headline,content,date,site,lang\n"
                             f'خبر قصير,"{BODY}, وأكثر",2023-01-02,موقع,ar\n').encode("utf-8"))
        self.write("c.TSV", f"عنوان\tنص\tتاريخ\tمصدر\n{TITLE}\tنص ثالث\t2021-07-08\tجريدة\n".encode("utf-8"))
        self.write("d.jsonl", "\n".join(json.dumps(o, ensure_ascii=False) for o in [
            {"docno": "X-1", "title": "عنوان رابع", "body": "نص رابع", "time": "2022-02-03T23:30:00+04:00",
             "src": "site", "url": "http://example.org/4", "cat": "politic"},
        ]).encode("utf-8") + b"\n")
        counts, err = run(self.dir, self.db)
        self.assertEqual(err, "")
        self.assertEqual(counts, {"added": 4, "changed": 0, "unchanged": 0, "removed": 0, "skipped": 0,
                                  "duplicates": 0})
        csv_key = hashlib.sha3_256(f"خبر قصير\n{BODY}, وأكثر".encode()).hexdigest()[:16]
        tsv_key = hashlib.sha3_256(f"{TITLE}\nنص ثالث".encode()).hexdigest()[:16]
        self.assertEqual(self.rows("SELECT path, title, body, source, published, url, meta, charset "
                                   "FROM articles ORDER BY path"), [
            (f"{self.dir}/A.TXT", TITLE, BODY, "وكالة", "2024-03-05", None, None, "UTF-8"),
            (f"{self.dir}/b.csv#h{csv_key}", "خبر قصير", BODY + ", وأكثر", "موقع", "2023-01-02", None,
             '{"lang": "ar"}', "UTF-8"),
            (f"{self.dir}/c.TSV#h{tsv_key}", TITLE, "نص ثالث", "جريدة", "2021-07-08", None, None, "UTF-8"),
            (f"{self.dir}/d.jsonl#X-1", "عنوان رابع", "نص رابع", "site", "2022-02-03",  # local date kept
             "http://example.org/4", '{"cat": "politic"}', "UTF-8")])
        again, _ = run(self.dir, self.db)
        self.assertEqual(again["unchanged"], 4)

    def test_long_csv_field(self):
        body = "كلمة " * 60000  # 300,000 characters: over the csv module's default field limit
        self.write("long.csv", f'title,text\nعنوان,"{body}"\nثان,نص ثان\n'.encode("utf-8"))
        counts, err = run(self.dir, self.db)
        self.assertEqual((counts["added"], err), (2, ""))
        self.assertEqual(self.rows("SELECT length(body) FROM articles ORDER BY length(body)"),
                         [(len("نص ثان"),), (len(body.strip()),)])

    def test_database_of_the_old_schema(self):
        # the articles table of the schema before this round, and the old view and trigger
        db = connect(self.db)
        db.executescript("""
          CREATE TABLE articles(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, title TEXT, body TEXT,
            related TEXT, source TEXT, published TEXT, hash TEXT, bytes INTEGER,
            text TEXT GENERATED ALWAYS AS (coalesce(title || char(10), '') || coalesce(body, '')) VIRTUAL);
          CREATE VIEW article_import(path, content, hash, format) AS SELECT path, text, hash, NULL FROM articles;
          INSERT INTO articles(path, title, body, hash) VALUES ('old.txt', 'قديم', 'نص قديم', 'h');""")
        db.close()
        self.write("a.txt", (TITLE + "\n" + BODY).encode("utf-8"))
        counts, err = run(self.dir, self.db)
        self.assertEqual((counts["added"], err), (1, ""))
        self.assertEqual(self.rows("SELECT path, charset, content_hash IS NOT NULL FROM articles ORDER BY id"),
                         [("old.txt", None, 0), (f"{self.dir}/a.txt", "UTF-8", 1)])

    def test_help(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), self.assertRaises(SystemExit) as cm:
            importer.main(["--help"])
        self.assertEqual(cm.exception.code, 0)
        words = " ".join(out.getvalue().split())
        self.assertIn("--allow-removal remove articles even when more than 10% of the corpus is gone", words)
        self.assertIn("--columns", out.getvalue())

    def test_columns_option(self):
        self.write("x.csv", "h,t,w\nعنوان,نص,2020-01-01\n".encode("utf-8"))
        counts, err = run(self.dir, self.db)
        self.assertEqual(counts["skipped"], 1)
        self.assertIn(f"skipped {self.dir}/x.csv: no text column (columns: h, t, w); "
                      "name it with --columns text=NAME", err)
        counts, err = run(self.dir, self.db, columns="title=h,text=t,date=w")
        self.assertEqual((counts["added"], err), (1, ""))
        self.assertEqual(self.rows("SELECT title, body, published, meta FROM articles"),
                         [("عنوان", "نص", "2020-01-01", None)])

    def test_binary_and_empty_files_reported_by_name(self):
        self.write("ok.txt", (TITLE + "\n" + BODY).encode("utf-8"))
        self.write("image.txt", bytes(range(256)) * 4)
        self.write("empty.txt", b"")
        self.write("blank.csv", b"  \n")
        counts, err = run(self.dir, self.db)
        self.assertEqual(err.splitlines(), [
            f"import_corpus: skipped {self.dir}/blank.csv: empty",
            f"import_corpus: skipped {self.dir}/empty.txt: empty",
            f"import_corpus: skipped {self.dir}/image.txt: binary (control bytes), not text"])
        self.assertEqual((counts["added"], counts["skipped"]), (1, 3))

    def test_duplicates_stored_once(self):
        text = (TITLE + "\n" + BODY + "\n").encode("utf-8")
        self.write("a.txt", text)
        self.write("b.txt", text.replace(b"\n", b"\r\n"))  # the same text, other line ends
        self.write("c.jsonl", json.dumps({"id": "7", "title": TITLE, "text": BODY, "source": "other",
                                          "url": "http://x/7"}, ensure_ascii=False).encode("utf-8") + b"\n")
        counts, err = run(self.dir, self.db, quiet=False)
        self.assertEqual((counts["added"], counts["duplicates"]), (1, 2))
        self.assertIn("; duplicates 2, articles without a readable date 1; charsets: UTF-8 1", err)
        self.assertEqual(self.rows("SELECT a.path, o.path, o.source, o.url FROM occurrences AS o "
                                   "JOIN articles AS a ON a.id = o.article_id ORDER BY o.path"), [
            (f"{self.dir}/a.txt", f"{self.dir}/b.txt", None, None),
            (f"{self.dir}/a.txt", f"{self.dir}/c.jsonl#7", "other", "http://x/7")])
        # one article, so its entities are counted once
        self.assertEqual(self.rows("SELECT count(DISTINCT article_id) FROM entities"), [(1,)])
        again, _ = run(self.dir, self.db)
        self.assertEqual((again["unchanged"], again["duplicates"], again["added"]), (3, 2, 0))
        # the first copy removed: a remaining copy becomes the article (same id, its entities kept)
        os.remove(os.path.join(self.dir, "a.txt"))
        again, _ = run(self.dir, self.db, allow_removal=True)  # 1 of 1 article: more than 10%
        self.assertEqual((again["removed"], again["duplicates"]), (1, 1))
        self.assertEqual(self.rows("SELECT id, path FROM articles"), [(1, f"{self.dir}/b.txt")])
        self.assertEqual(self.rows("SELECT path FROM occurrences"), [(f"{self.dir}/c.jsonl#7",)])
        again, _ = run(self.dir, self.db)
        self.assertEqual((again["unchanged"], again["duplicates"], again["removed"]), (2, 1, 0))

    def test_repeated_lines_of_a_line_file(self):
        lines = "".join(f"{BODY} {i}\n" for i in range(3)) + f"{BODY} 0\n"  # the first line again
        path = os.path.join(self.tmp, "news.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(lines)
        counts, err = run(path, self.db)
        self.assertEqual((err, counts["added"], counts["duplicates"], counts["skipped"]), ("", 3, 1, 0))
        again, err = run(path, self.db)  # a second import says the same of the repeated line
        self.assertEqual((err, again["unchanged"], again["duplicates"], again["skipped"]), ("", 3, 1, 0))

    def test_doc_files(self):
        self.write("JA-1.txt", ("<DOC>\n<DOCNO>JA-politic-1</DOCNO>\n<URL>http://j/1</URL> \n<SRC>Jawhara FM</SRC>\n"
                                f"<CAT>politic</CAT>\n<TITLE>{TITLE}</TITLE>\n<TIME>2017-01-26T00:31:00+01:00</TIME>\n"
                                f"<AUTHOR></AUTHOR>\n<TEXT>\n{BODY}\n</TEXT>\n</DOC>\n").encode("utf-8"))
        counts, err = run(self.dir, self.db)
        self.assertEqual((counts["added"], err), (1, ""))
        self.assertEqual(self.rows("SELECT path, title, body, source, published, url, meta FROM articles"), [
            (f"{self.dir}/JA-1.txt#JA-politic-1", TITLE, BODY, "Jawhara FM", "2017-01-26", "http://j/1",
             '{"author": "", "cat": "politic"}')])

    def test_doc_file_larger_than_an_article(self):
        def doc(n, body):
            return (f"<DOC>\n<DOCNO>JA-{n}</DOCNO>\n<TITLE>{TITLE} {n}</TITLE>\n<TIME>2017-01-2{n}</TIME>\n"
                    f"<TEXT>\n{body}\n</TEXT>\n</DOC>\n")
        data = doc(1, BODY) + doc(2, "\n".join([BODY] * 9)) + doc(3, BODY)
        for name, raw in (("big.txt", data.encode("utf-8")), ("big16.txt", b"\xff\xfe" + data.encode("utf-16-le"))):
            with self.subTest(name):
                self.write(name, raw)
                limit = importer.RECORD_LIMIT
                importer.RECORD_LIMIT = 400  # bytes: the file, not each <DOC> but the second, is larger
                try:
                    counts, err = run(self.dir, self.db + name)
                finally:
                    importer.RECORD_LIMIT = limit
                os.remove(os.path.join(self.dir, name))
                self.assertEqual(err, f"import_corpus: skipped {self.dir}/{name} <DOC> 2: "
                                      "more than the 0 MB a record may have\n")
                self.assertEqual((counts["added"], counts["skipped"]), (2, 1))
                db = connect(self.db + name)
                self.assertEqual(db.execute("SELECT path, title, body, published FROM articles ORDER BY path")
                                 .fetchall(), [
                    (f"{self.dir}/{name}#JA-1", f"{TITLE} 1", BODY, "2017-01-21"),
                    (f"{self.dir}/{name}#JA-3", f"{TITLE} 3", BODY, "2017-01-23")])
                db.close()

    def test_dates_through_arabic_date(self):
        self.write("a.txt", f"{TITLE}\nالتاريخ: 05/03/2024\n{BODY}\n".encode("utf-8"))
        self.write("b.jsonl", json.dumps({"id": "1", "title": "عنوان", "text": "نص",
                                          "time": "Sun, 18 Feb 2018 21:35:43 +0400"}).encode("utf-8") + b"\n"
                   + json.dumps({"id": "2", "title": "عنوان آخر", "text": "نص آخر", "date": "غير معروف"},
                                ensure_ascii=False).encode("utf-8") + b"\n")
        counts, err = run(self.dir, self.db, quiet=False)
        self.assertIn("articles without a readable date 1;", err)
        self.assertEqual(self.rows("SELECT path, published FROM articles ORDER BY path"), [
            (f"{self.dir}/a.txt", "2024-03-05"), (f"{self.dir}/b.jsonl#1", "2018-02-18"),
            (f"{self.dir}/b.jsonl#2", None)])

    def test_mixed_charsets(self):
        def text(place):
            return (f"{TITLE.replace('تونس', place)}\nالمصدر: وكالة {place}\nالتاريخ: 2024-03-05\n"
                    f"{BODY.replace('تونس', place)}\n")
        iso = "القاهرة"  # ISO-8859-6 has no hamza forms on alef: a text without them
        self.write("cp1256.txt", text("تونس").encode("cp1256"))
        self.write("iso.txt", text(iso).replace("أ", "ا").replace("إ", "ا").encode("iso-8859-6"))
        self.write("u16.txt", b"\xff\xfe" + text("صفاقس").encode("utf-16-le"))
        self.write("u8bom.TXT", b"\xef\xbb\xbf" + text("سوسة").encode("utf-8"))
        self.write("d.csv", ("title,text,date,source\n" + "عنوان بيزرت,نص بيزرت,2023-01-02,موقع\n").encode("cp1256"))
        self.write("e.jsonl", b"\xef\xbb\xbf" + json.dumps({"id": "9", "title": "عنوان قابس", "text": "نص قابس",
                                                            "date": "2022-02-03", "source": "جريدة"},
                                                           ensure_ascii=False).encode("utf-8") + b"\n")
        counts, err = run(self.dir, self.db)
        self.assertEqual(err, "")
        self.assertEqual((counts["added"], counts["skipped"], counts["duplicates"]), (6, 0, 0))

        def row(name, place, charset):
            t = text(place).replace("أ", "ا").replace("إ", "ا") if charset == "ISO-8859-6" else text(place)
            title, source, _, body = t.rstrip("\n").split("\n")
            return (f"{self.dir}/{name}", charset, title, body, source[len("المصدر: "):], "2024-03-05")
        csv_key = hashlib.sha3_256("عنوان بيزرت\nنص بيزرت".encode()).hexdigest()[:16]
        self.assertEqual(self.rows("SELECT path, charset, title, body, source, published FROM articles "
                                   "ORDER BY path"), [
            row("cp1256.txt", "تونس", "windows-1256"),
            (f"{self.dir}/d.csv#h{csv_key}", "windows-1256", "عنوان بيزرت", "نص بيزرت", "موقع", "2023-01-02"),
            (f"{self.dir}/e.jsonl#9", "UTF-8", "عنوان قابس", "نص قابس", "جريدة", "2022-02-03"),
            row("iso.txt", iso, "ISO-8859-6"),
            row("u16.txt", "صفاقس", "UTF-16LE"),
            row("u8bom.TXT", "سوسة", "UTF-8")])

    def test_utf16_records(self):
        # Excel's "Unicode text" is UTF-16LE with a BOM; a line ends at the code unit of LF
        self.write("excel.csv", b"\xff\xfe" + ("title,text,date\r\nعنوان بيزرت,\"نص، بيزرت\",12 مارس 2025\r\n"
                                              "عنوان قابس,نص قابس\u010a,2025/03/13\r\n").encode("utf-16-le"))
        self.write("feed.jsonl", b"\xfe\xff" + (json.dumps({"id": "1", "title": "عنوان سوسة", "text": "نص سوسة"},
                                                         ensure_ascii=False) + "\n").encode("utf-16-be"))
        self.write("nobom.tsv", "title\ttext\nعنوان صفاقس\tقال الرئيس في صفاقس إن الحوار مستمر\n".encode("utf-16-le"))
        counts, err = run(self.dir, self.db)
        self.assertEqual(err, "")
        self.assertEqual((counts["added"], counts["skipped"]), (4, 0))
        self.assertEqual(self.rows("SELECT title, body, published, charset FROM articles ORDER BY title"), [
            ("عنوان بيزرت", "نص، بيزرت", "2025-03-12", "UTF-16LE"),
            ("عنوان سوسة", "نص سوسة", None, "UTF-16BE"),
            ("عنوان صفاقس", "قال الرئيس في صفاقس إن الحوار مستمر", None, "UTF-16LE"),
            ("عنوان قابس", "نص قابس\u010a", "2025-03-13", "UTF-16LE")])

    def test_progress_says_the_time_left(self):
        progress = importer.Progress(1, "files", False, total_bytes=4000)
        progress.start -= 10
        progress.last -= 10
        progress.reading = lambda: 1000  # a quarter of the file read in 10 s
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            progress.tty = False
            progress.step(2_000_000, 0)
        self.assertEqual(err.getvalue(), "import_corpus: 0/1 files, 2.0 MB, 0.2 MB/s, about 30 s left\n")


if __name__ == "__main__":
    unittest.main()
