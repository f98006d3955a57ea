"""arabic_entities() and arabic_name_key() from Python: the user gazetteer seen by the next statement,
errors, offsets, and hard inputs (1 MB, 100,000 names in a row, malformed UTF-8)."""
import os
import sqlite3
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def connect(path=":memory:"):
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(os.path.join(ROOT, "dist", "arabic"))
    return db


def entities(db, text):
    return db.execute("SELECT entity, type, start, length, canonical FROM arabic_entities(?)", (text,)).fetchall()


class Gazetteer(unittest.TestCase):
    def test_edit_seen_by_next_statement(self):
        db = connect()
        text = "قال خالد الزعبي إن مجموعة الوادي الأخضر ستفتح فرعا."
        before = {(e, t) for e, t, *_ in entities(db, text)}
        self.assertNotIn(("مجموعة الوادي الأخضر", "ORGANIZATION"), before)
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.execute("INSERT INTO arabic_gazetteer VALUES ('مجموعة الوادي الأخضر', 'ORGANIZATION', 'الوادي الأخضر')")
        rows = entities(db, text)
        self.assertIn(("مجموعة الوادي الأخضر", "ORGANIZATION", 20, 20, "الوادي الأخضر"), rows)
        db.execute("UPDATE arabic_gazetteer SET type = 'LOCATION'")
        self.assertIn(("مجموعة الوادي الأخضر", "LOCATION"), {(r[0], r[1]) for r in entities(db, text)})
        db.execute("DELETE FROM arabic_gazetteer")
        self.assertNotIn(("مجموعة الوادي الأخضر", "LOCATION"), {(r[0], r[1]) for r in entities(db, text)})
        db.execute("DROP TABLE arabic_gazetteer")
        self.assertEqual(entities(db, text), [r for r in entities(db, text)])

    def test_user_names_with_clitics_and_variants(self):
        db = connect()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.execute("INSERT INTO arabic_gazetteer VALUES ('كوستيانتين ميلنيك', 'PERSON', NULL)")
        rows = entities(db, "والتقى الوزير بكوستيانتين ميلنيك ثم بكوستنتين ميلنيك.")
        people = [(e, c) for e, t, s, n, c in rows if t == "PERSON"]
        self.assertEqual(people, [("كوستيانتين ميلنيك", "كوستيانتين ميلنيك"), ("كوستنتين ميلنيك", "كوستيانتين ميلنيك")])

    def test_invalid_rows_skipped_and_reported(self):
        db = connect()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.executemany("INSERT INTO arabic_gazetteer VALUES (?, ?, ?)", [
            (None, "PERSON", None), ("", "PERSON", None), ("نهر الذهب", "RIVER", None),
            ("نهر الذهب", None, None), ("، ؛", "LOCATION", None), ("أ ب ج د ه و ز", "LOCATION", None),
            (b"\xff\xfe", "PERSON", None), ("وادي السلام", "location", None)])
        entities(db, "وادي السلام ونهر الذهب")
        report = db.execute("SELECT row, problem, name, type FROM arabic_gazetteer_check").fetchall()
        self.assertEqual([r[0] for r in report], [1, 2, 3, 4, 5, 6, 7])
        self.assertEqual(report[0], (1, "empty name", None, "PERSON"))
        self.assertEqual(report[2], (3, "unknown type", "نهر الذهب", "RIVER"))
        self.assertEqual(report[6], (7, "no word, or more than 6 words", "\ufffd\ufffd", "PERSON"))
        self.assertIn(("وادي السلام", "LOCATION"), {(r[0], r[1]) for r in entities(db, "زرنا وادي السلام.")})

    def test_gazetteer_in_attached_file_database(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "g.db")
            w = connect(path)
            w.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
            w.commit()
            r = connect(path)
            self.assertEqual([x[1] for x in entities(r, "وصل زكريا الحمدان")].count("PERSON") >= 0, True)
            w.execute("INSERT INTO arabic_gazetteer VALUES ('مرفأ الريح', 'LOCATION', NULL)")
            w.commit()
            self.assertIn(("مرفأ الريح", "LOCATION"), {(x[0], x[1]) for x in entities(r, "وصلنا إلى مرفأ الريح")})


class Errors(unittest.TestCase):
    def test_missing_argument(self):
        db = connect()
        with self.assertRaises(sqlite3.OperationalError) as cm:
            db.execute("SELECT * FROM arabic_entities").fetchall()
        self.assertIn("arabic_entities: missing argument", str(cm.exception))

    def test_too_many_arguments(self):
        db = connect()
        with self.assertRaises(sqlite3.OperationalError):
            db.execute("SELECT * FROM arabic_entities('a', 'b')").fetchall()

    def test_name_key_argument_count(self):
        db = connect()
        with self.assertRaises(sqlite3.OperationalError) as cm:
            db.execute("SELECT arabic_name_key('a', 'b')").fetchall()
        self.assertIn("arabic_name_key", str(cm.exception))

    def test_numbers_and_blobs(self):
        db = connect()
        self.assertEqual(db.execute("SELECT count(*) FROM arabic_entities(2022)").fetchone()[0], 0)
        self.assertEqual(db.execute("SELECT arabic_name_key(x'd8aad8b1d8a7d985d8a8')").fetchone()[0], "ترمب")


class HardInputs(unittest.TestCase):
    def check_offsets(self, db, text):
        rows = db.execute(
            "SELECT count(*), sum(substr(?1, start, length) = entity) FROM arabic_entities(?1)", (text,)).fetchone()
        self.assertEqual(rows[0], rows[1] or 0)
        return rows[0]

    def test_offsets_are_exact(self):
        db = connect()
        text = "«قال» الرئيسُ الفرنسي إيمانويل ماكرون 😀 لبوتين في باريس، الأحد 3 آذار: وواشنطن والكرملين."
        self.assertGreater(self.check_offsets(db, text), 4)

    def test_one_megabyte(self):
        db = connect()
        sentence = "قال الرئيس الروسي فلاديمير بوتين في موسكو يوم الأربعاء إن ترامب سيزور الكرملين. "
        text = sentence * (1_000_000 // len(sentence.encode()))
        t0 = time.perf_counter()
        n = db.execute("SELECT count(*) FROM arabic_entities(?)", (text,)).fetchone()[0]
        self.assertLess(time.perf_counter() - t0, 20)
        self.assertEqual(n, 5 * (1_000_000 // len(sentence.encode())))

    def test_linear_time(self):
        db = connect()
        names = "فلاديمير بوتين دونالد ترامب "
        small, big = names * 2000, names * 20000
        t0 = time.perf_counter()
        db.execute("SELECT count(*) FROM arabic_entities(?)", (small,)).fetchone()
        t1 = time.perf_counter()
        n = db.execute("SELECT count(*) FROM arabic_entities(?)", (big,)).fetchone()[0]
        t2 = time.perf_counter()
        self.assertGreater(n, 0)
        self.assertLess(t2 - t1, 30 * (t1 - t0) + 1.0)

    def test_hundred_thousand_names(self):
        db = connect()
        text = " ".join(["بوتين"] * 100_000)
        rows = db.execute("SELECT count(*), count(DISTINCT canonical) FROM arabic_entities(?)", (text,)).fetchone()
        self.assertEqual(rows[1], 1)
        self.assertGreater(rows[0], 0)

    def test_malformed_utf8(self):
        db = connect()
        for blob in (b"\xff\xfe\xfd", b"\xd8", "بوتين".encode() + b"\xc3\x28" + " في موسكو".encode(),
                     b"\xf4\x90\x80\x80" * 1000, b"\xd8\xa8" * 5000 + b"\xed\xa0\x80", bytes(range(256)) * 50):
            n = db.execute("SELECT count(*) FROM arabic_entities(CAST(? AS TEXT))", (blob,)).fetchone()[0]
            self.assertGreaterEqual(n, 0)
            key = db.execute("SELECT arabic_name_key(CAST(? AS TEXT))", (blob,)).fetchone()[0]
            self.assertIsInstance(key, (str, bytes))

    def test_name_key_long_input(self):
        db = connect()
        text = "زيلينسكي " * 100_000
        key = db.execute("SELECT arabic_name_key(?)", (text,)).fetchone()[0]
        self.assertEqual(key, " ".join(["زلنسكيى"] * 100_000))


if __name__ == "__main__":
    unittest.main()
