"""One word segmenter under every reader of text: the index (arabic_tokens), the entity engine
(arabic_entities) and arabic_name_key see the same words, on hashtags, underscores, glued
Latin/Arabic, digits, harakat and malformed input, and on the sample articles."""
import glob
import os
import unittest

from helpers import ROOT, connect

TRICKY = [
    "التقى بوتينPutin مع ترامب2025 في موسكو",
    "قال الرئيس #دونالد_ترمب إن المفاوضات مستمرة",
    "قال الرئيس #دونالد_ترمب",
    "وغرد @زيلينسكي_الرسمي على تويتر بعد لقاء ترامب_ماكرون في باريس",
    "أعلن الكرملين أن #بوتين سيلتقي #ترامب في #الرياض",
    "وصل فلاديمير_بوتين إلى موسكو وقال إن #السلام_الآن ممكن",
    "قال زيلينسكيZelensky إن كييفKyiv لن تتنازل",
    "قالت وزارة الخارجيةالأمريكية إن بلينكن_",
    "التقى الرئيسُ بوتــين بالرئيس ترامب في قمة_ألاسكا",
    "قال أحمد\u0654 بن سلمان إن السعودية",
    "ذكرت وكالة رويترز\x00 أن ترامب",
]

PROCLITICS = set("وفبكل")


def sample_texts():
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "sql", "sample", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    return texts


class OneSegmenter(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = connect()

    def words(self, text):
        """The tokenizer's words: (start, end) in characters, 0-based, end exclusive."""
        return [(s - 1, s - 1 + n) for s, n in self.db.execute(
            "SELECT start, length FROM arabic_tokens(?, 'stem 0')", (text,))]

    def check_entities_follow_words(self, text):
        words = self.words(text)
        starts = {s for s, _ in words}
        ends = {e for _, e in words}
        for entity, etype, start, length in self.db.execute(
                "SELECT entity, type, start, length FROM arabic_entities(?)", (text,)):
            s, e = start - 1, start - 1 + length
            with self.subTest(text=text, entity=entity):
                self.assertNotRegex(entity, "[#_@]")
                self.assertIn(e, ends, f"{entity!r} does not end where a word ends")
                if s not in starts:
                    word_start = max(w for w in starts if w < s)
                    self.assertLessEqual(s - word_start, 3)
                    self.assertTrue(set(text[word_start:s]) <= PROCLITICS | {"ا"},
                                    f"{entity!r} starts inside a word after {text[word_start:s]!r}")

    def test_entities_end_where_words_end(self):
        for text in TRICKY + sample_texts():
            self.check_entities_follow_words(text)

    def test_hashtags_give_their_words(self):
        rows = self.db.execute("SELECT entity, type FROM arabic_entities(?)",
                               ("أعلن الكرملين أن #بوتين سيلتقي #ترامب في #الرياض",)).fetchall()
        self.assertIn(("بوتين", "PERSON"), rows)
        self.assertIn(("ترامب", "PERSON"), rows)
        self.assertIn(("الرياض", "LOCATION"), rows)

    def test_glued_latin_is_its_own_word(self):
        rows = self.db.execute("SELECT entity FROM arabic_entities(?)", (TRICKY[0],)).fetchall()
        self.assertIn(("بوتين",), rows)
        self.assertNotIn("بوتينPutin", [r[0] for r in rows])

    def test_name_key_has_one_key_per_word(self):
        for text in TRICKY + sample_texts()[:3]:
            with self.subTest(text=text[:40]):
                key = self.db.execute("SELECT arabic_name_key(?)", (text,)).fetchone()[0]
                self.assertEqual(len(key.split()), len(self.words(text)))

    def test_name_key_of_glued_words(self):
        one = self.db.execute("SELECT arabic_name_key('بوتينPutin'), arabic_name_key('بوتين Putin'), "
                              "arabic_name_key('#دونالد_ترمب'), arabic_name_key('دونالد ترمب')").fetchone()
        self.assertEqual(one, ("بوتين putin", "بوتين putin", "دنلدؤ ترمب", "دنلدؤ ترمب"))


if __name__ == "__main__":
    unittest.main()
