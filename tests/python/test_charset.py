"""arabic_detect_charset / arabic_decode: texts the tests write themselves,
encoded by Python's codecs (test side only), detected and decoded back
exactly; one-word texts; binary blobs; the error messages; and, when
../shared holds the news corpus, detection on 200 articles cut to 50, 200
and 1000 bytes in each charset."""
import itertools
import json
import lzma
import os
import sqlite3
import unittest

from helpers import SHARED, connect

NEWS = os.path.join(SHARED, "data", "raw", "ant-news-30mb.jsonl.xz")

TEXTS = [
    "قال الرئيس إن الاتفاق وقع في القاهرة، وغادر الوفد إلى بيروت صباح الأربعاء.",
    "ارتفعت أسعار النفط 3% يوم الاثنين بعد قرار منظمة أوبك خفض الإنتاج.",
    "«المجلس» يناقش مشروع القانون؟ نعم؛ في جلسة ١٢ مارس ٢٠٢٥.",
    "سجّل اللاعب هدفين في مباراة الفريق أمام النادي الأهلي (2-1).",
]
WORDS = ["القاهرة", "الحكومة", "فلسطين", "الرئيس", "انتخابات"]
# (name arabic_detect_charset gives, Python codec, whether a BOM is written)
CHARSETS = [
    ("windows-1256", "cp1256"),
    ("ISO-8859-6", "iso8859_6"),
    ("UTF-16LE", "utf-16-le"),
    ("UTF-16BE", "utf-16-be"),
    ("UTF-8", "utf-8"),
]


class Charsets(unittest.TestCase):
    def setUp(self):
        self.db = connect()

    def one(self, sql, *args):
        return self.db.execute(sql, args).fetchone()[0]

    def test_round_trip(self):
        for name, codec in CHARSETS:
            tried = 0
            for text in TEXTS + WORDS:
                try:
                    b = text.encode(codec)
                except UnicodeEncodeError:  # «» and ١٢ are not in ISO-8859-6 nor windows-1256
                    continue
                tried += 1
                with self.subTest(charset=name, text=text):
                    self.assertEqual(self.one("SELECT arabic_detect_charset(?)", b), name)
                    self.assertEqual(self.one("SELECT arabic_decode(?)", b), text)
                    self.assertEqual(self.one("SELECT arabic_decode(?, ?)", b, name), text)
            self.assertGreaterEqual(tried, len(TEXTS + WORDS) - 1, name)

    def test_byte_order_marks(self):
        text = TEXTS[0]
        for codec, name in (("utf-8-sig", "UTF-8"), ("utf-16", "UTF-16LE"),
                            ("utf-16-be", "UTF-16BE")):
            b = text.encode(codec)
            if codec == "utf-16-be":
                b = b"\xfe\xff" + b
            with self.subTest(codec=codec):
                self.assertEqual(self.one("SELECT arabic_detect_charset(?)", b), name)
                self.assertEqual(self.one("SELECT arabic_decode(?)", b), text)
                self.assertEqual(self.one("SELECT arabic_decode(?, ?)", b, name), text)

    def test_binary(self):
        png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")
        noise = bytes([0, 0, 0, 0, 255, 0, 1, 0, 0, 0, 7, 0])
        for b in (png, noise):
            self.assertIsNone(self.one("SELECT arabic_detect_charset(?)", b))
            with self.assertRaises(sqlite3.OperationalError) as cm:
                self.one("SELECT arabic_decode(?)", b)
            self.assertEqual(str(cm.exception), "arabic_decode: no charset explains these bytes")

    def test_errors(self):
        with self.assertRaises(sqlite3.OperationalError) as cm:
            self.one("SELECT arabic_decode(X'C7E1FF', 'ISO-8859-6')")
        self.assertEqual(str(cm.exception), "arabic_decode: invalid bytes for ISO-8859-6 at offset 2")
        with self.assertRaises(sqlite3.OperationalError) as cm:
            self.one("SELECT arabic_decode(X'C7E1', 'klingon-9')")
        self.assertEqual(str(cm.exception), "arabic_decode: unknown charset 'klingon-9'")
        with self.assertRaises(sqlite3.OperationalError) as cm:
            self.one("SELECT arabic_decode(X'D8A7D8', 'UTF-8')")
        self.assertEqual(str(cm.exception), "arabic_decode: invalid bytes for UTF-8 at offset 2")

    def test_nul_and_null(self):
        self.assertEqual(self.one("SELECT hex(arabic_decode(X'C700E1', 'windows-1256'))"), "D8A7EFBFBDD984")
        self.assertIsNone(self.one("SELECT arabic_decode(NULL)"))
        self.assertIsNone(self.one("SELECT arabic_detect_charset(NULL)"))
        self.assertEqual(self.one("SELECT arabic_decode(X'')"), "")

    def test_length_limit(self):
        self.db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 100)
        with self.assertRaises(sqlite3.DataError):
            self.one("SELECT arabic_decode(?, 'windows-1256')", b"\xc7" * 60)


@unittest.skipUnless(os.path.exists(NEWS), "no ../shared news corpus")
class NewsAccuracy(unittest.TestCase):
    def test_news(self):
        db = connect()
        with lzma.open(NEWS, "rt", encoding="utf-8") as f:
            articles = [json.loads(line)["text"] for line in itertools.islice(f, 200)]
        for cut in (50, 200, 1000):
            for name, codec in CHARSETS:
                right = total = 0
                for a in articles:
                    # Characters the charset lacks are dropped; the cut falls on a character.
                    t = a.encode(codec, errors="ignore")[:cut].decode(codec, errors="ignore")
                    if not t.strip():
                        continue
                    b = t.encode(codec)
                    total += 1
                    if db.execute("SELECT arabic_detect_charset(?)", (b,)).fetchone()[0] == name:
                        right += 1
                        self.assertEqual(db.execute("SELECT arabic_decode(?)", (b,)).fetchone()[0], t)
                with self.subTest(cut=cut, charset=name):
                    self.assertGreaterEqual(right / total, 0.99, f"{right}/{total}")


if __name__ == "__main__":
    unittest.main()
