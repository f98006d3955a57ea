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


# with tokenize = 'arabic variants 1': any spelling of a name
EXPECTED_VARIANTS = {
    '"~ترامب"': "000 001 002 003 004",  # 002 and 003 write ترمب
    "ترامب": "000 001 004",  # a plain term is unchanged
    '"~ديمتري"': "000 001 002",  # 000 writes دميتري
    '"~أوشاكوف"': "002 003 004",
    '"~الأمريكي"': "000 001 002 003 004",  # 002 and 003 write الأميركي
}


@unittest.skipUnless(os.path.isdir(SEEDS), "../shared/corpus/seeds is absent")
class SeedSearch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = connect()
        for table, options in (("seeds", ""), ("seeds_variants", " variants 1")):
            cls.db.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(name UNINDEXED, body, tokenize = 'arabic{options}')")
            for path in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
                with open(path, encoding="utf-8") as f:
                    cls.db.execute(f"INSERT INTO {table} VALUES (?, ?)", (os.path.basename(path)[:3], f.read()))

    def check(self, table, expected):
        for query, want in expected.items():
            with self.subTest(query=query):
                got = " ".join(r[0] for r in self.db.execute(
                    f"SELECT name FROM {table} WHERE {table} MATCH ? ORDER BY name", (query,)))
                self.assertEqual(got, want)

    def test_queries(self):
        self.check("seeds", EXPECTED)

    def test_variant_queries(self):
        self.check("seeds_variants", EXPECTED_VARIANTS)

    def test_highlight_marks_the_original(self):
        (text,) = self.db.execute(
            "SELECT highlight(seeds, 1, '[', ']') FROM seeds WHERE seeds MATCH 'لترامب' AND name = '001'").fetchone()
        self.assertIn("[لترامب]", text)


if __name__ == "__main__":
    unittest.main()
