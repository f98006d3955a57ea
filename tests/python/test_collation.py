"""COLLATE arabic: a consistent total order on a large random sample of real
words (the seed articles when ../shared is present, else text the project
writes itself), equality exactly when arabic_normalize() agrees, indexes,
GROUP BY, DISTINCT, and exact orders."""
import glob
import os
import random
import re
import sqlite3
import unittest

from helpers import SHARED, connect

SEEDS = os.path.join(SHARED, "corpus", "seeds")

# Text the project wrote itself, for machines without ../shared.
OWN_TEXT = """
أعلنت وزارة الخارجية اليوم أن الوفد سيصل إلى العاصمة صباح الأربعاء لإجراء محادثات حول اتفاق
التجارة والطاقة، وقال المتحدث باسم الوزارة إن الجانبين يأملان في تحقيق تقدم ملموس خلال ثلاثة أيام.
وأضاف أن المفاوضات ستتناول أسعار النفط والغاز وإعادة فتح الموانئ أمام السفن التجارية، مؤكداً أن
الحكومة مستعدة لتقديم ضمانات. وفي سياق متصل، عقد رئيس البرلمان اجتماعاً مع ممثلي النقابات
والجمعيات الأهلية لمناقشة مشروع قانون الضرائب الجديد الذي أثار جدلاً واسعاً في الشارع. وأشار
مسؤولون إلى أن ٢٥ مدينة شهدت احتجاجات سلمية، بينما دعت منظمات حقوقية إلى الحوار. كما ذكرت
صحيفة محلية أن المستشفيات استقبلت عدداً كبيراً من المرضى بسبب موجة البرد، وأن المدارس ستغلق
أبوابها يومين. ويتوقع خبراء الاقتصاد أن يرتفع معدل النمو إلى 3 بالمئة في العام المقبل إذا استقرت
الأسواق وتحسنت الصادرات الزراعية والصناعية وعادت السياحة إلى مستوياتها السابقة.
"""

HARAKAT = "\u064E\u064F\u0650\u0651\u0652\u064B\u064C\u064D"
WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0670-\u06D3]+|[A-Za-z]+|[0-9]+")


def source_words():
    paths = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))
    if paths:
        text = "".join(open(p, encoding="utf-8").read() for p in paths)
        return "seeds", sorted(set(WORD.findall(text)))
    return "project text", sorted(set(WORD.findall(OWN_TEXT)))


def variant(rng, w):
    """Another way of writing w: harakat, tatweel, ZWNJ, hamza forms, teh
    marbuta / alef maksura, Arabic-Indic digits."""
    out = []
    for i, c in enumerate(w):
        if c == "ا" and i == 0 and rng.random() < 0.5:
            c = rng.choice("أإآ")
        elif c == "ه" and i == len(w) - 1 and rng.random() < 0.5:
            c = "ة"
        elif c.isdigit() and c < "\u0080" and rng.random() < 0.7:
            c = chr(0x0660 + int(c))
        out.append(c)
        if "\u0621" <= c <= "\u064A":
            r = rng.random()
            if r < 0.3:
                out.append(rng.choice(HARAKAT))
            elif r < 0.35 and i < len(w) - 1:
                out.append("\u0640")
            elif r < 0.38 and i < len(w) - 1:
                out.append("\u200c")
    return "".join(out)


def sign(x):
    return (x > 0) - (x < 0)


class TotalOrder(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        rng = random.Random(20261123)
        cls.source, words = source_words()
        base = rng.sample(words, min(len(words), 1000))
        sample = base + [variant(rng, rng.choice(base)) for _ in range(1500 - len(base))]
        sample += ["Omar", "omar", "OMAR", "zebra", "10", "9", "٩", "", " ", "a b", "ab"]
        cls.words = sample
        cls.db = connect()
        cls.db.execute("CREATE TABLE w(id INTEGER PRIMARY KEY, t TEXT)")
        cls.db.executemany("INSERT INTO w(id, t) VALUES (?, ?)", list(enumerate(sample)))
        n = len(sample)
        cls.cmp = [[0] * n for _ in range(n)]
        for i, j, c in cls.db.execute(
                "SELECT a.id, b.id, (a.t > b.t COLLATE arabic) - (a.t < b.t COLLATE arabic) FROM w a, w b"):
            cls.cmp[i][j] = c

    def test_sample_is_large(self):
        self.assertGreaterEqual(len(self.words), 1500, f"only {len(self.words)} words from the {self.source}")

    def test_reflexive_and_antisymmetric(self):
        n = len(self.words)
        for i in range(n):
            self.assertEqual(self.cmp[i][i], 0, self.words[i])
            for j in range(i + 1, n):
                if self.cmp[i][j] != -self.cmp[j][i]:
                    self.fail(f"{self.words[i]!r} vs {self.words[j]!r}: {self.cmp[i][j]} and {self.cmp[j][i]}")

    def test_transitive_on_random_triples(self):
        rng = random.Random(7)
        n, cmp = len(self.words), self.cmp
        for _ in range(300000):
            a, b, c = rng.randrange(n), rng.randrange(n), rng.randrange(n)
            if cmp[a][b] <= 0 and cmp[b][c] <= 0:
                want = min(cmp[a][b], cmp[b][c])  # < if either step is <, else =
                if cmp[a][c] != want:
                    self.fail(f"{self.words[a]!r} {self.words[b]!r} {self.words[c]!r}: "
                              f"{cmp[a][b]}, {cmp[b][c]} but {cmp[a][c]}")

    def test_order_by_agrees_with_every_pair(self):
        order = [i for (i,) in self.db.execute("SELECT id FROM w ORDER BY t COLLATE arabic, t")]
        cmp = self.cmp
        for x in range(len(order)):
            for y in range(x + 1, len(order)):
                if cmp[order[x]][order[y]] > 0:
                    self.fail(f"{self.words[order[x]]!r} sorted before {self.words[order[y]]!r}")

    def test_equal_exactly_when_normalized_equal(self):
        norm = [k for (k,) in self.db.execute("SELECT arabic_normalize(t) FROM w ORDER BY id")]
        n = len(self.words)
        for i in range(n):
            for j in range(n):
                if (self.cmp[i][j] == 0) != (norm[i] == norm[j]):
                    self.fail(f"{self.words[i]!r} vs {self.words[j]!r}: cmp {self.cmp[i][j]}, "
                              f"normalized {norm[i]!r} / {norm[j]!r}")

    def test_group_by_distinct_and_index(self):
        db = self.db
        (classes,) = db.execute("SELECT count(DISTINCT arabic_normalize(t)) FROM w").fetchone()
        (groups,) = db.execute("SELECT count(*) FROM (SELECT 1 FROM w GROUP BY t COLLATE arabic)").fetchone()
        (distinct,) = db.execute("SELECT count(*) FROM (SELECT DISTINCT t COLLATE arabic FROM w)").fetchone()
        self.assertEqual((groups, distinct), (classes, classes))
        scan = {t: sorted(i for (i,) in db.execute("SELECT id FROM w WHERE t = ? COLLATE arabic", (t,)))
                for t in self.words[:200]}
        db.execute("CREATE INDEX w_t ON w(t COLLATE arabic)")
        try:
            plan = " ".join(r[-1] for r in db.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM w WHERE t = ? COLLATE arabic", ("x",)))
            self.assertIn("INDEX w_t", plan)
            for t, ids in scan.items():
                got = sorted(i for (i,) in db.execute("SELECT id FROM w WHERE t = ? COLLATE arabic", (t,)))
                self.assertEqual(got, ids, t)
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone(), ("ok",))
        finally:
            db.execute("DROP INDEX w_t")


class ExactOrder(unittest.TestCase):
    def test_names(self):
        db = connect()
        names = ["يوسف", "أحمد", "ثامر", "إبراهيم", "زينب", "احمد", "پرويز", "بسمة", "أَحْمَد", "تامر",
                 "گلنار", "كريم", "ليلى", "عمـــر", "عمر", "Omar", "٣ أيام", "3 ايام", "هدى", "وليد"]
        db.execute("CREATE TABLE p(name TEXT)")
        db.executemany("INSERT INTO p VALUES (?)", [(n,) for n in names])
        got = [n for (n,) in db.execute("SELECT name FROM p ORDER BY name COLLATE arabic, name")]
        self.assertEqual(got, ["3 ايام", "٣ أيام", "Omar", "إبراهيم", "أحمد", "أَحْمَد", "احمد", "بسمة",
                               "پرويز", "تامر", "ثامر", "زينب", "عمر", "عمـــر", "كريم", "گلنار", "ليلى",
                               "هدى", "وليد", "يوسف"])
        groups = db.execute("SELECT count(*) FROM p GROUP BY name COLLATE arabic HAVING count(*) > 1 "
                            "ORDER BY name COLLATE arabic").fetchall()
        self.assertEqual(groups, [(2,), (3,), (2,)])


if __name__ == "__main__":
    unittest.main()
