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
        text = "قال خالد الزعبي إن سنابل الوادي ستفتح فرعا."
        before = {(e, t) for e, t, *_ in entities(db, text)}
        self.assertNotIn(("سنابل الوادي", "ORGANIZATION"), before)
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.execute("INSERT INTO arabic_gazetteer VALUES ('سنابل الوادي', 'ORGANIZATION', 'سنابل')")
        rows = entities(db, text)
        self.assertIn(("سنابل الوادي", "ORGANIZATION", 20, 12, "سنابل"), rows)
        db.execute("UPDATE arabic_gazetteer SET type = 'LOCATION'")
        self.assertIn(("سنابل الوادي", "LOCATION"), {(r[0], r[1]) for r in entities(db, text)})
        db.execute("DELETE FROM arabic_gazetteer")
        self.assertNotIn(("سنابل الوادي", "LOCATION"), {(r[0], r[1]) for r in entities(db, text)})
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


def names(db, text):
    return db.execute("SELECT entity, type, canonical FROM arabic_entities(?)", (text,)).fetchall()


class Rules(unittest.TestCase):
    """The rules over the tagger (docs/entities.md, "How it works"), on sentences written for the tests."""

    def test_names_found_again_in_one_text(self):
        # a surname with and without its article and proclitics, a first name only one person has
        self.assertEqual(names(connect(), "قالت سلوى الدباغ إن الوضع تحسن. وأكدت الدباغ أن سلوى ستعود. ثم قالت للدباغ ابنتها."), [
            ("سلوى الدباغ", "PERSON", "سلوى الدباغ"), ("الدباغ", "PERSON", "سلوى الدباغ"),
            ("سلوى", "PERSON", "سلوى الدباغ"), ("دباغ", "PERSON", "سلوى الدباغ")])
        # a common given name alone is not linked: كمال could be anyone (or a word)
        self.assertEqual(names(connect(), "التقى كمال بن عيسى بالسفير. وقال بن عيسى إن اللقاء مثمر، ثم غادر كمال القاعة."), [
            ("كمال بن عيسى", "PERSON", "كمال بن عيسى"), ("بن عيسى", "PERSON", "كمال بن عيسى")])

    def test_family_members_kept_apart(self):
        self.assertEqual(names(connect(), "صرح فيكتور أوربان بأن زوجته أنيكو أوربان ستزور فيينا، وقال أوربان إن الزيارة خاصة."), [
            ("فيكتور أوربان", "PERSON", "فيكتور أوربان"), ("أنيكو أوربان", "PERSON", "أنيكو أوربان"),
            ("فيينا", "LOCATION", "فيينا"), ("أوربان", "PERSON", "فيكتور أوربان")])

    def test_organizations_from_trigger_words(self):
        # a country's adjective closes the name; a definite trigger needs a nisba (not الحزب الحاكم);
        # the name of a newspaper follows its trigger
        self.assertEqual(names(connect(), "أعلنت وزارة الصحة الفرنسية أن الحزب الديمقراطي والحزب الحاكم تحدثا إلى صحيفة لوموند."), [
            ("وزارة الصحة الفرنسية", "ORGANIZATION", "وزارة الصحة الفرنسية"),
            ("الحزب الديمقراطي", "ORGANIZATION", "الحزب الديمقراطي"), ("لوموند", "ORGANIZATION", "لوموند")])
        self.assertEqual(names(connect(), "انتقد الاتحاد العام التونسي للشغل قرار مجلس نواب الشعب."), [
            ("الاتحاد العام التونسي للشغل", "ORGANIZATION", "الاتحاد العام التونسي للشغل"),
            ("مجلس نواب الشعب", "ORGANIZATION", "مجلس نواب الشعب")])

    def test_guards(self):
        # no span from a headline into the text; an adjective before a name is not part of it
        self.assertEqual(names(connect(), "الأخبار العاجلة\nقال رامي الصفدي إن الاجتماع انتهى."), [("رامي الصفدي", "PERSON", "رامي الصفدي")])
        self.assertEqual(names(connect(), "قال المخضرم هيكتور بيليرين إن على الفريق أن يفوز."), [("هيكتور بيليرين", "PERSON", "هيكتور بيليرين")])
        # a whole country, a capital, and a month that is never an organization
        self.assertEqual(names(connect(), "وصل الوفد إلى جنوب السودان ثم إلى مابوتو في نيسان الماضي."), [
            ("جنوب السودان", "LOCATION", "جنوب السودان"), ("مابوتو", "LOCATION", "مابوتو"), ("نيسان الماضي", "DATE", "نيسان الماضي")])

    def test_dates(self):
        self.assertEqual([e for e, t, c in names(connect(), "وصلوا في مارس/آذار 2019، وعادوا في 3 نوفمبر/تشرين الثاني 2020، ومنذ 1999 لم يتغير شيء، وفي 12 جويلية 2016 وفي فيفري الماضي.") if t == "DATE"],
                         ["مارس/آذار 2019", "3 نوفمبر/تشرين الثاني 2020", "1999", "12 جويلية 2016", "فيفري الماضي"])
        # a bare number is a year only after في, منذ, حتى ...
        self.assertEqual(names(connect(), "باع 2019 نسخة."), [])


if __name__ == "__main__":
    unittest.main()
