"""Searches a reader of the US-Russia-Ukraine news would type, over the five
real articles in ../shared/corpus/seeds, each with the exact set of articles
it must return (checked by reading the articles). Skipped when ../shared is
absent: the articles are not part of the repository."""
import glob
import os
import unittest

from helpers import SHARED, connect

SEEDS = os.path.join(SHARED, "corpus", "seeds")

# query -> articles (file name prefixes) that must be returned, no more, no less
EXPECTED = {
    "بوتين": "000 001 002 003 004",
    "ويتكوف": "000 001 002 003",
    "كورسك": "000 004",
    "الكرملين": "000 001 002 003",
    '"وقف إطلاق النار"': "000 001 003 004",  # 003 writes لوقف لإطلاق النار
    "روبيو لافروف": "004",
    "كوشنر": "002",
    "بيسكوف": "000 001 002",
    "موسكو": "000 001 003 004",
    "ترامب": "000 001 004",
    "ترمب": "002 003",
    "اوشاكوف": "002 003 004",  # typed without hamza
    "ديمتري": "001 002",
    "السعودية": "000 001 004",
    "عقوبات": "003",
    "المحادثات": "000 001 002 003 004",  # 004 writes محادثة
    "زيلينسكي": "001 002 003 004",
    "كييف": "000 001 003 004",
    "NEAR(بوتين ويتكوف, 5)": "001 003",
    "اوكران*": "000 001 002 003 004",
    "الناتو": "001 002 003",  # 002 writes ناتو
    '"البيت الأبيض"': "000 001 003 004",
}


@unittest.skipUnless(os.path.isdir(SEEDS), "../shared/corpus/seeds is absent")
class SeedSearch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = connect()
        cls.db.execute("CREATE VIRTUAL TABLE seeds USING fts5(name UNINDEXED, body, tokenize = 'arabic')")
        for path in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
            with open(path, encoding="utf-8") as f:
                cls.db.execute("INSERT INTO seeds VALUES (?, ?)", (os.path.basename(path)[:3], f.read()))

    def test_queries(self):
        for query, want in EXPECTED.items():
            with self.subTest(query=query):
                got = " ".join(r[0] for r in self.db.execute(
                    "SELECT name FROM seeds WHERE seeds MATCH ? ORDER BY name", (query,)))
                self.assertEqual(got, want)

    def test_highlight_marks_the_original(self):
        (text,) = self.db.execute(
            "SELECT highlight(seeds, 1, '[', ']') FROM seeds WHERE seeds MATCH 'لترامب' AND name = '001'").fetchone()
        self.assertIn("[لترامب]", text)


if __name__ == "__main__":
    unittest.main()
