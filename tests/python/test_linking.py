"""Corpus entities (python/sqlite_arabic/linking.py, sql/linking.sql): one row
per real-world entity, stable ids, boilerplate, the triggers between links,
the upgrade of an old database."""
import os
import re
import sqlite3
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))
from sqlite_arabic import linking, load, sql_path  # noqa: E402

ARTICLES = [
    "قال الرئيس الأمريكي دونالد ترامب إن المحادثات مستمرة. وأضاف ترامب أن الاتفاق قريب.",
    "التقى ترمب بالصحفيين في البيت الأبيض.",
    "ظهرت ميلانيا ترامب في الحفل، وقالت ميلانيا إنها سعيدة.",
    "وصل #دونالد_ترامب إلى لندن.",
    "فاز الأهلي على الزمالك في القاهرة.",
    "خسر الأهلى أمام الزمالك في الإسكندرية.",
    "زار بيل كلينتون نيويورك، والتقت هيلاري كلينتون بالناخبين.",
    "أعلنت حكومة جنوب السودان عن اتفاق مع السودان.",
]


def corpus(articles=ARTICLES, source=None):
    db = sqlite3.connect(":memory:", isolation_level=None)
    load(db)
    for script in ("schema.sql", "views.sql"):
        with open(sql_path(script), encoding="utf-8") as f:
            db.executescript(f.read())
    for i, text in enumerate(articles):
        db.execute("INSERT INTO article_import(path, content, hash, format) VALUES (?, ?, ?, 'line')",
                   (f"a#{i}", text, str(i)))
    if source:
        db.execute("UPDATE articles SET source = ?", (source,))
    return db


def recount(db):
    """corpus_entities and entity_pairs computed again from entities."""
    counts = db.execute("SELECT entity_id, count(DISTINCT article_id), count(*) FROM entities "
                        "WHERE boilerplate = 0 GROUP BY entity_id ORDER BY entity_id").fetchall()
    pairs = db.execute("SELECT x.entity_id, y.entity_id, count(*) FROM "
                       "(SELECT DISTINCT article_id, entity_id FROM entities WHERE type <> 'DATE' AND boilerplate = 0) x "
                       "JOIN (SELECT DISTINCT article_id, entity_id FROM entities WHERE type <> 'DATE' AND boilerplate = 0) y "
                       "ON x.article_id = y.article_id AND y.entity_id > x.entity_id "
                       "GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
    return counts, pairs


def stored(db):
    counts = db.execute("SELECT id, articles, mentions FROM corpus_entities WHERE mentions > 0 "
                        "ORDER BY id").fetchall()
    pairs = db.execute("SELECT a, b, articles FROM entity_pairs ORDER BY a, b").fetchall()
    return counts, pairs


class Linking(unittest.TestCase):
    def setUp(self):
        self.db = corpus()
        linking.link(self.db)

    def test_entities(self):
        self.assertEqual(self.db.execute(
            "SELECT id, type, canonical, articles, mentions FROM corpus_entities ORDER BY id").fetchall(), [
            (1, "PERSON", "دونالد ترامب", 3, 4),
            (2, "ORGANIZATION", "الأهلى", 2, 2),
            (3, "ORGANIZATION", "الزمالك", 2, 2),
            (4, "PERSON", "ميلانيا ترامب", 1, 2),
            (5, "LOCATION", "الإسكندرية", 1, 1),
            (6, "LOCATION", "السودان", 1, 1),
            (7, "LOCATION", "القاهرة", 1, 1),
            (8, "LOCATION", "جنوب السودان", 1, 1),
            (9, "LOCATION", "لندن", 1, 1),
            (10, "LOCATION", "نيويورك", 1, 1),
            (11, "ORGANIZATION", "البيت الأبيض", 1, 1),
            (12, "PERSON", "بيل كلينتون", 1, 1),
            (13, "PERSON", "هيلاري كلينتون", 1, 1)])

    def test_spellings(self):
        rows = self.db.execute("SELECT canonical, spelling, articles, mentions FROM entity_spellings "
                               "WHERE type = 'PERSON' ORDER BY entity_id, spelling").fetchall()
        self.assertEqual(rows, [
            ("دونالد ترامب", "ترامب", 1, 1), ("دونالد ترامب", "ترمب", 1, 1),
            ("دونالد ترامب", "دونالد ترامب", 2, 2),
            ("ميلانيا ترامب", "ميلانيا", 1, 1), ("ميلانيا ترامب", "ميلانيا ترامب", 1, 1),
            ("بيل كلينتون", "بيل كلينتون", 1, 1), ("هيلاري كلينتون", "هيلاري كلينتون", 1, 1)])

    def test_entities_rewritten(self):
        # entities.canonical is the corpus canonical of entities.entity_id, everywhere
        self.assertEqual(self.db.execute(
            "SELECT count(*) FROM entities AS e JOIN corpus_entities AS c ON c.id = e.entity_id "
            "WHERE e.canonical = c.canonical").fetchone()[0],
            self.db.execute("SELECT count(*) FROM entities").fetchone()[0])
        self.assertEqual(self.db.execute("SELECT count(*) FROM corpus_entities "
                                         "WHERE canonical GLOB '*[#_]*'").fetchone()[0], 0)

    def test_views(self):
        self.assertEqual(self.db.execute(
            "SELECT * FROM entity_counts WHERE type = 'PERSON' ORDER BY articles DESC, canonical").fetchall(), [
            ("دونالد ترامب", "PERSON", 3, 4), ("بيل كلينتون", "PERSON", 1, 1),
            ("ميلانيا ترامب", "PERSON", 1, 2), ("هيلاري كلينتون", "PERSON", 1, 1)])
        self.assertEqual(self.db.execute(
            "SELECT a, b, articles, a_type, b_type FROM cooccurrence WHERE a_type = 'PERSON' AND b_type = 'PERSON'"
        ).fetchall(), [("بيل كلينتون", "هيلاري كلينتون", 1, "PERSON", "PERSON")])
        self.assertEqual(stored(self.db), recount(self.db))

    def test_stable_ids(self):
        # A new article makes ميلانيا ترامب the bigger entity: the ids stay.
        before = dict(self.db.execute("SELECT canonical, id FROM corpus_entities"))
        for i in range(3):
            self.db.execute("INSERT INTO article_import(path, content, hash, format) VALUES (?, ?, ?, 'line')",
                            (f"b#{i}", "قالت ميلانيا ترامب إنها ستزور المدارس.", f"b{i}"))
        linking.link(self.db)
        after = dict(self.db.execute("SELECT canonical, id FROM corpus_entities"))
        self.assertEqual({k: after[k] for k in before}, before)
        self.assertEqual(self.db.execute("SELECT articles FROM corpus_entities WHERE id = 4").fetchone()[0], 4)
        self.assertEqual(stored(self.db), recount(self.db))

    def test_triggers_between_links(self):
        # Inserted, updated and deleted articles: the counts and pairs follow without a link.
        self.db.execute("INSERT INTO article_import(path, content, hash, format) VALUES "
                        "('c#1', 'استقبل ترامب زعيم كوريا الشمالية في سنغافورة.', 'c1', 'line')")
        self.assertEqual(self.db.execute(
            "SELECT canonical, articles, mentions FROM corpus_entities WHERE id = 1").fetchone(),
            ("دونالد ترامب", 4, 5))
        self.assertEqual(stored(self.db), recount(self.db))
        self.db.execute("UPDATE articles SET body = 'زار ترمب لندن.' WHERE path = 'c#1'")
        self.assertEqual(stored(self.db), recount(self.db))
        self.db.execute("DELETE FROM articles WHERE path IN ('c#1', 'a#0')")
        self.assertEqual(self.db.execute(
            "SELECT articles, mentions FROM corpus_entities WHERE id = 1").fetchone(), (2, 2))
        self.assertEqual(stored(self.db), recount(self.db))

    def test_kwic_name_key(self):
        rows = self.db.execute(
            "SELECT article_id, word FROM kwic WHERE name_key = arabic_name_key('ترامب') "
            "AND article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"~ترامب\"') "
            "GROUP BY article_id, start ORDER BY article_id, start").fetchall()
        self.assertEqual(rows, [(1, "ترامب"), (1, "ترامب"), (2, "ترمب"), (3, "ترامب"), (4, "ترامب")])

    def test_refresh_after_a_gazetteer_edit(self):
        before = dict(self.db.execute("SELECT canonical, id FROM corpus_entities"))
        self.db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        self.db.execute("INSERT INTO arabic_gazetteer VALUES ('الأهلي', 'ORGANIZATION', 'النادي الأهلي')")
        linking.refresh(self.db)
        after = dict(self.db.execute("SELECT canonical, id FROM corpus_entities"))
        self.assertEqual(after["النادي الأهلي"], before["الأهلى"])
        self.assertEqual(self.db.execute("SELECT spelling FROM entity_spellings WHERE canonical = 'النادي الأهلي' "
                                         "ORDER BY spelling").fetchall(), [("الأهلى",), ("الأهلي",)])
        self.assertEqual(stored(self.db), recount(self.db))


class Boilerplate(unittest.TestCase):
    def test_repeated_sentence(self):
        footer = " يمكنكم استلام إشعارات بأهم الموضوعات من تطبيق بي بي سي عربي على هاتفكم."
        texts = [f"وصل الوزير إلى المغرب يوم {i} من الشهر." + footer for i in range(25)]
        db = corpus(texts, source="BBC")
        linking.link(db)
        self.assertEqual(db.execute("SELECT source, sentence, articles FROM boilerplate_sentences").fetchall(),
                         [("BBC", "يمكنكم استلام إشعارات بأهم الموضوعات من تطبيق بي بي سي عربي على هاتفكم", 25)])
        self.assertEqual(db.execute("SELECT DISTINCT entity, boilerplate FROM entities ORDER BY entity").fetchall(),
                         [("المغرب", 0), ("بي بي سي عربي", 1)])
        self.assertEqual(db.execute("SELECT canonical, articles FROM entity_counts").fetchall(),
                         [("المغرب", 25)])
        # 19 articles: not boilerplate
        db = corpus(texts[:19], source="BBC")
        linking.link(db)
        self.assertEqual(db.execute("SELECT count(*) FROM entities WHERE boilerplate = 1").fetchone()[0], 0)


class Upgrade(unittest.TestCase):
    def test_old_database(self):
        # A database of the previous schema: entities without entity_id, triggers inserting SELECT *.
        db = sqlite3.connect(":memory:", isolation_level=None)
        load(db)
        with open(sql_path("schema.sql"), encoding="utf-8") as f:
            old = re.sub(r"canonical  TEXT NOT NULL,.*?\n\);", "canonical TEXT NOT NULL);", f.read(),
                         flags=re.S).replace(
                "INSERT INTO entities(article_id, entity, type, start, length, canonical)\n    SELECT *",
                "INSERT INTO entities SELECT *")
        db.executescript(old)
        db.execute("CREATE VIEW entity_counts(canonical, type, articles, mentions) AS SELECT canonical, type, "
                   "count(DISTINCT article_id), count(*) FROM entities GROUP BY canonical, type")
        db.execute("INSERT INTO article_import(path, content, hash, format) VALUES "
                   "('x#1', 'قال دونالد ترامب إن ترمب سيزور لندن.', 'x', 'line')")
        self.assertTrue(linking.upgrade(db))
        self.assertFalse(linking.upgrade(db))
        linking.link(db)
        self.assertEqual(db.execute("SELECT * FROM entity_counts ORDER BY canonical").fetchall(),
                         [("دونالد ترامب", "PERSON", 1, 2), ("لندن", "LOCATION", 1, 1)])
        db.execute("INSERT INTO article_import(path, content, hash, format) VALUES "
                   "('x#2', 'وصل ترامب إلى لندن.', 'y', 'line')")
        self.assertEqual(db.execute("SELECT * FROM entity_counts ORDER BY canonical").fetchall(),
                         [("دونالد ترامب", "PERSON", 2, 3), ("لندن", "LOCATION", 2, 2)])


class Command(unittest.TestCase):
    def test_refresh_upgrades_what_the_listings_refuse(self):
        import contextlib
        import io
        import tempfile
        from sqlite_arabic import cli
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "old.db")
            db = sqlite3.connect(path, isolation_level=None)
            load(db)
            with open(sql_path("schema.sql"), encoding="utf-8") as f:
                db.executescript(re.sub(r"canonical  TEXT NOT NULL,.*?\n\);", "canonical TEXT NOT NULL);",
                                        f.read(), flags=re.S).replace(
                    "INSERT INTO entities(article_id, entity, type, start, length, canonical)\n    SELECT *",
                    "INSERT INTO entities SELECT *"))
            db.execute("INSERT INTO article_import(path, content, hash, format) VALUES "
                       "('x#1', 'قال دونالد ترامب إن ترمب سيزور لندن.', 'x', 'line')")
            db.close()
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                self.assertEqual(cli.main(["top", path]), 1)
            self.assertEqual(err.getvalue(), f"sqlite-arabic: {path} was made before corpus entities (no "
                             "corpus_entities table or entities.entity_id): upgrade it once with "
                             f"`sqlite-arabic refresh {path} --link-only`\n")
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                self.assertEqual(cli.main(["refresh", path]), 0)
            lines = err.getvalue().splitlines()
            self.assertEqual([re.sub(r" \(.*", "", x) for x in lines if x.startswith("link: extracted")],
                             ["link: extracted 1/1 articles"])
            self.assertEqual(lines[-1], f"sqlite-arabic: {path}: 2 entities, 3 mentions")
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                self.assertEqual(cli.main(["top", path, "--csv"]), 0)
            self.assertEqual(out.getvalue().splitlines(), [
                "canonical,type,articles,mentions", "دونالد ترامب,PERSON,1,2", "لندن,LOCATION,1,1"])


if __name__ == "__main__":
    unittest.main()
