"""The importer's worker processes (python/sqlite_arabic/workers.py): a database
imported on all cores is the one the triggers make on one core, row for row;
the workers read the user's gazetteer; an edited article_entities view is
honoured (the triggers extract it); a changed article loses its old entities."""
import os
import shutil
import sqlite3
import subprocess
import sys
import unittest

from helpers import ROOT, ScratchCorpus, connect, import_quietly

SAMPLE = os.path.join(ROOT, "sql", "sample")
TABLES = {
    "articles": "SELECT id, path, title, body, related, source, published, hash, bytes, url, meta, charset, "
                "content_hash FROM articles ORDER BY id",
    "entities": "SELECT rowid, article_id, entity, type, start, length, canonical, entity_id, boilerplate "
                "FROM entities ORDER BY rowid",
    "corpus_entities": "SELECT * FROM corpus_entities ORDER BY id",
    "entity_aliases": "SELECT * FROM entity_aliases ORDER BY entity_id, spelling",
    "entity_pairs": "SELECT * FROM entity_pairs ORDER BY a, b",
    "occurrences": "SELECT * FROM occurrences ORDER BY path",
    "boilerplate_sentences": "SELECT * FROM boilerplate_sentences ORDER BY source, sentence",
    "index": "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'بوتين OR ترامب OR موسكو' ORDER BY rowid",
}


def tables(path):
    db = connect(path)
    try:
        db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        return {name: db.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        db.close()


class Workers(ScratchCorpus):
    def setUp(self):
        super().setUp()
        for name in sorted(os.listdir(SAMPLE)):
            if name.endswith(".txt"):
                shutil.copy(os.path.join(SAMPLE, name), self.dir)
        with open(os.path.join(self.dir, "more.jsonl"), "w", encoding="utf-8") as f:
            f.write('{"id": "a", "title": "زيلينسكي في لندن", "text": "التقى فولوديمير زيلينسكي '
                    'كير ستارمر في لندن. وقال زيلينسكي إن أوكرانيا تريد السلام.", "date": "2025-03-02"}\n')
            f.write('{"id": "b", "title": "لافروف", "text": "قال سيرغي لافروف في موسكو إن روسيا '
                    'مستعدة للحوار مع الولايات المتحدة.", "date": "2025-03-03"}\n')

    def test_all_cores_make_the_database_of_one_core(self):
        one, many = os.path.join(self.tmp, "one.db"), os.path.join(self.tmp, "many.db")
        counts1, _ = import_quietly(self.dir, one, jobs=1, batch_articles=4)
        counts2, _ = import_quietly(self.dir, many, jobs=2, batch_articles=4)
        self.assertEqual(counts1, counts2)
        self.assertEqual(counts2["added"], 11)
        first = tables(one)
        self.assertGreater(len(first["entities"]), 100)
        self.assertEqual(first, tables(many))
        # a changed article, a new one and a removed one, imported again each way
        with open(os.path.join(self.dir, "03_putin_kursk.txt"), "a", encoding="utf-8") as f:
            f.write("\nوقال دميتري بيسكوف إن الكرملين ينتظر الرد.\n")
        with open(os.path.join(self.dir, "new.txt"), "w", encoding="utf-8") as f:
            f.write("ماكرون في باريس\nاستقبل إيمانويل ماكرون في باريس رئيس الوزراء البريطاني.\n")
        os.remove(os.path.join(self.dir, "05_phone_call.txt"))
        counts1, _ = import_quietly(self.dir, one, jobs=1, batch_articles=4)
        counts2, _ = import_quietly(self.dir, many, jobs=2, batch_articles=4)
        self.assertEqual(counts1, counts2)
        self.assertEqual((counts2["added"], counts2["changed"], counts2["removed"]), (1, 1, 1))
        second = tables(many)
        self.assertEqual(tables(one), second)
        self.assertNotEqual(first["entities"], second["entities"])
        db = connect(many)
        self.assertEqual(db.execute("SELECT count(*) FROM entities AS e JOIN articles AS a ON a.id = e.article_id "
                                    "WHERE a.path LIKE '%03_putin_kursk.txt' AND e.entity = 'دميتري بيسكوف' "
                                    "AND e.start > length(a.text) - 50").fetchone()[0], 1)
        self.assertEqual(db.execute("SELECT count(*) FROM entities_paused").fetchone()[0], 0)
        db.close()

    def test_boilerplate_found_by_a_worker_is_the_writers(self):
        footer = "حمل تطبيق الموقع على هاتفك لتصلك أخبار فلاديمير بوتين ودونالد ترامب أولا بأول."
        site = os.path.join(self.tmp, "site")
        os.mkdir(site)
        for n in range(24):
            with open(os.path.join(site, f"f{n:02}.txt"), "w", encoding="utf-8") as f:
                f.write(f"خبر {n}\nالمصدر: موقع\nقال سيرغي لافروف في موسكو إن الجولة {n} انتهت. {footer}\n")
        one, many = os.path.join(self.tmp, "one.db"), os.path.join(self.tmp, "many.db")
        import_quietly(site, one, jobs=1)
        import_quietly(site, many, jobs=2)
        self.assertEqual(tables(one), tables(many))
        db = connect(many)
        self.assertEqual(db.execute("SELECT source, articles FROM boilerplate_sentences").fetchall(), [("موقع", 24)])
        self.assertEqual(db.execute("SELECT entity, boilerplate, count(*) FROM entities GROUP BY 1, 2 ORDER BY 1")
                         .fetchall(), [("دونالد ترامب", 1, 24), ("سيرغي لافروف", 0, 24), ("فلاديمير بوتين", 1, 24),
                                       ("موسكو", 0, 24)])
        self.assertEqual(db.execute("SELECT canonical, articles FROM corpus_entities WHERE type = 'PERSON' "
                                    "ORDER BY 1").fetchall(),
                         [("دونالد ترامب", 0), ("سيرغي لافروف", 24), ("فلاديمير بوتين", 0)])  # the footer counts nowhere
        db.close()

    def test_workers_read_the_users_gazetteer(self):
        db = sqlite3.connect(self.db)
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.execute("INSERT INTO arabic_gazetteer VALUES ('الكرملين', 'ORGANIZATION', 'الرئاسة الروسية')")
        db.commit()
        db.close()
        import_quietly(self.dir, self.db, jobs=2)
        db = connect(self.db)
        self.assertEqual(db.execute("SELECT DISTINCT type, canonical FROM entities WHERE entity = 'الكرملين'")
                         .fetchall(), [("ORGANIZATION", "الرئاسة الروسية")])
        db.close()

    def test_an_edited_view_is_extracted_by_the_triggers(self):
        import_quietly(self.dir, self.db, jobs=1)
        db = connect(self.db)
        db.execute("DROP VIEW article_entities")
        db.execute("CREATE VIEW article_entities(article_id, entity, type, start, length, canonical) AS "
                   "SELECT a.id, e.entity, e.type, e.start, e.length, e.canonical "
                   "FROM articles AS a, arabic_entities(a.text) AS e WHERE e.type = 'PERSON'")
        db.commit()
        db.close()
        with open(os.path.join(self.dir, "new.txt"), "w", encoding="utf-8") as f:
            f.write("ماكرون في باريس\nاستقبل إيمانويل ماكرون في باريس رئيس الوزراء البريطاني.\n")
        counts, err = import_quietly(self.dir, self.db, jobs=2)
        self.assertEqual(counts["added"], 1)
        self.assertIn("article_entities is not the view of schema.sql: its triggers extract, on one core", err)
        db = connect(self.db)
        self.assertEqual(db.execute("SELECT e.entity, e.type FROM entities AS e JOIN articles AS a "
                                    "ON a.id = e.article_id WHERE a.path LIKE '%new.txt' ORDER BY e.start").fetchall(),
                         [("ماكرون", "PERSON"), ("إيمانويل ماكرون", "PERSON")])  # not باريس
        db.close()

    def test_refresh_on_all_cores_is_refresh_on_one(self):
        sys.path.insert(0, os.path.join(ROOT, "python"))
        from sqlite_arabic import linking
        import_quietly(self.dir, self.db, jobs=1)
        copy = os.path.join(self.tmp, "copy.db")
        shutil.copy(self.db, copy)
        for path, jobs in ((self.db, 1), (copy, 2)):
            db = connect(path)
            db.isolation_level = None
            db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
            db.execute("INSERT INTO arabic_gazetteer VALUES ('الكرملين', 'ORGANIZATION', 'الرئاسة الروسية')")
            linking.refresh(db, jobs=jobs)
            db.close()
        one = tables(self.db)
        self.assertEqual(one, tables(copy))
        self.assertIn("الرئاسة الروسية", {row[6] for row in one["entities"]})

    def test_jobs_must_be_positive(self):
        run = subprocess.run(["/usr/bin/python3", "-m", "sqlite_arabic.importer", self.dir, self.db, "--jobs", "0"],
                             env=dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python")),
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 2)
        self.assertIn("--jobs: give 1 or more worker processes", run.stderr)
        self.assertFalse(os.path.exists(self.db))


if __name__ == "__main__":
    unittest.main()
