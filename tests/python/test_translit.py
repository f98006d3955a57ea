"""arabic_translit / arabic_untranslit from Python: the round trip on every
seed article (../shared, when present), exact outputs on strings the project
writes itself, and the error messages."""
import glob
import os
import sqlite3
import unittest

from helpers import SHARED, connect

SEEDS = os.path.join(SHARED, "corpus", "seeds")


class RoundTrip(unittest.TestCase):
    def setUp(self):
        self.db = connect()

    def roundtrip(self, text, scheme):
        (latin,) = self.db.execute("SELECT arabic_translit(?, ?)", (text, scheme)).fetchone()
        (back,) = self.db.execute("SELECT arabic_untranslit(?, ?)", (latin, scheme)).fetchone()
        return latin, back

    @unittest.skipUnless(os.path.isdir(SEEDS), "../shared/corpus/seeds is absent: no seed articles to round-trip")
    def test_every_seed_round_trips(self):
        paths = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))
        self.assertTrue(paths, "the seeds folder holds no .txt file")
        for path in paths:
            text = open(path, encoding="utf-8").read()
            for scheme in ("buckwalter", "safe-buckwalter"):
                with self.subTest(seed=os.path.basename(path), scheme=scheme):
                    latin, back = self.roundtrip(text, scheme)
                    self.assertEqual(back, text)
                    # Every Arabic letter and haraka became ASCII.
                    self.assertFalse([c for c in latin if "\u0621" <= c <= "\u0652"])

    def test_project_strings_round_trip(self):
        text = 'قال المتحدث إنّ "الاتفاقَ" قريبٌ، وأكّد لشبكة FOXNEWS أن ٣٠ يوماً تكفي — a\\b a-b ~_'
        for scheme in ("buckwalter", "safe-buckwalter"):
            with self.subTest(scheme=scheme):
                self.assertEqual(self.roundtrip(text, scheme)[1], text)

    def test_exact_outputs(self):
        cases = [
            ("مُحَمَّدٌ رسولٌ", "buckwalter", "muHama~dN rswlN"),
            ("أحمد إبراهيم آمال مؤتمر رئيس سماء", "buckwalter", ">Hmd <brAhym |mAl m&tmr r}ys smA'"),
            ("أحمد إبراهيم آمال مؤتمر رئيس سماء", "safe-buckwalter", "OHmd IbrAhym MmAl mWtmr rQys smAC"),
            ("شبكة FOXNEWS", "buckwalter", "$bkp \\FOX\\N\\EW\\S"),
            ("شمال-غرب FOX", "safe-buckwalter", "cmAl--grb -F-OX"),
            ("الولايات المتحدة وروسيا", "readable", "al-wlāyāt al-mtḥda wrūsyā"),
            ("مُحَمَّدٌ كِتَابٌ الشَّمْس", "readable", "muḥammadun kitābun al-shams"),
        ]
        for text, scheme, want in cases:
            with self.subTest(text=text, scheme=scheme):
                (got,) = self.db.execute("SELECT arabic_translit(?, ?)", (text, scheme)).fetchone()
                self.assertEqual(got, want)
        (got,) = self.db.execute("SELECT arabic_translit('كتاب')").fetchone()
        self.assertEqual(got, "ktAb")

    def test_errors(self):
        with self.assertRaisesRegex(sqlite3.OperationalError,
                                    r"^arabic_translit: unknown scheme 'bw' \(schemes: buckwalter, safe-buckwalter, readable\)$"):
            self.db.execute("SELECT arabic_translit('كتاب', 'bw')").fetchone()
        with self.assertRaisesRegex(sqlite3.OperationalError,
                                    r"^arabic_untranslit: scheme 'readable' is one way and cannot be reversed$"):
            self.db.execute("SELECT arabic_untranslit('kitab', 'readable')").fetchone()
        with self.assertRaisesRegex(sqlite3.OperationalError, "wrong number of arguments to function arabic_translit"):
            self.db.execute("SELECT arabic_translit('a', 'buckwalter', 1)").fetchone()

    def test_null_and_malformed(self):
        row = self.db.execute("SELECT arabic_translit(NULL), arabic_untranslit('x', NULL)").fetchone()
        self.assertEqual(row, (None, None))
        (got,) = self.db.execute("SELECT hex(arabic_translit(x'D8A8FF'))").fetchone()
        self.assertEqual(got, "62EFBFBD")


if __name__ == "__main__":
    unittest.main()
