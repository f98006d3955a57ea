#!/usr/bin/python3
"""Measure arabic_name_key on both sides.

Merge rate: the share of spelling-variant pairs (written by the project, below) that get one key.
Collision rate: over the vocabulary of a news file (words seen at least MIN_COUNT times, 4 letters or
more), the share of words whose key is shared with another word of that vocabulary, and how many keys
merge several words. Real variants are part of that figure; --show prints the largest groups so a person
can judge them.

Usage: /usr/bin/python3 tools/namekey_stats.py [NEWS.txt.xz] [--show N]
Skips cleanly (exit 0) when the news file is absent.
"""
import collections
import lzma
import os
import re
import sqlite3
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWS = os.path.join(ROOT, "..", "shared", "data", "bench", "ant-news-30mb.txt.xz")
MIN_COUNT = 3

# Spelling variants of names in Arabic news (facts about how names are written).
VARIANTS = [
    ("ترامب", "ترمب"), ("زيلينسكي", "زيلنيسكي"), ("زيلينسكي", "زيلينسكى"), ("ديمتري", "دميتري"),
    ("ديمتري", "ديميتري"), ("أمريكي", "أميركي"), ("الأمريكية", "الأميركية"), ("نتنياهو", "نتانياهو"),
    ("إسرائيل", "اسرائيل"), ("غوتيريش", "غوتيرش"), ("ويتكوف", "ويتكووف"), ("بيسكوف", "بيسكوڤ"),
    ("أوكرانيا", "اوكرانيا"), ("فولوديمير", "فلوديمير"), ("فلاديمير", "فلادمير"), ("لافروف", "لافروڤ"),
    ("أوشاكوف", "اوشاكوف"), ("كيريل", "كيرل"), ("ماكرون", "ماكرن"), ("ميركل", "ميركيل"),
    ("بولتون", "بولتن"), ("بومبيو", "بومبو"), ("كوشنر", "كوشنير"), ("أردوغان", "اردوجان"),
    ("دونالد", "دونلد"), ("سيرغي", "سيرجي"), ("ستولتنبرغ", "ستولتنبيرغ"), ("ألكسندر", "الكساندر"),
    ("بريطانيا", "بريطانيه"), ("جونسون", "جونسن"),
]
APART = [("كييف", "كيف"), ("علي", "على"), ("بوتين", "بوتان"), ("أمريكا", "أمريكي"), ("كاتب", "كتب"),
         ("روسيا", "روسي"), ("مصر", "مصري"), ("ترامب", "ترام")]


def main():
    args = sys.argv[1:]
    show = 0
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    path = args[0] if args else NEWS
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(os.path.join(ROOT, "dist", "arabic"))
    key = lambda w: db.execute("SELECT arabic_name_key(?)", (w,)).fetchone()[0]

    merged = [(a, b) for a, b in VARIANTS if key(a) == key(b)]
    print(f"merge rate on variant pairs: {len(merged)}/{len(VARIANTS)} = {len(merged) / len(VARIANTS):.3f}")
    for a, b in VARIANTS:
        if key(a) != key(b):
            print(f"  not merged: {a} ({key(a)}) / {b} ({key(b)})")
    apart = [(a, b) for a, b in APART if key(a) != key(b)]
    print(f"kept apart: {len(apart)}/{len(APART)}")

    if not os.path.exists(path):
        print(f"skipped: {path} not found")
        return
    counts = collections.Counter()
    with lzma.open(path, "rt", encoding="utf-8", errors="replace") as f:
        for line in f:
            counts.update(db.execute("SELECT arabic_normalize(?)", (line,)).fetchone()[0].split())
    words = [w for w, c in counts.items() if c >= MIN_COUNT and re.fullmatch(r"[\u0621-\u064A]{4,}", w)]
    groups = collections.defaultdict(list)
    for w in words:
        groups[key(w)].append(w)
    shared = sum(len(g) for g in groups.values() if len(g) > 1)
    multi = sum(1 for g in groups.values() if len(g) > 1)
    tokens = sum(counts[w] for w in words)
    shared_tokens = sum(counts[w] for g in groups.values() if len(g) > 1 for w in g)
    print(f"vocabulary (>= {MIN_COUNT} occurrences, >= 4 Arabic letters): {len(words)} words, {len(groups)} keys")
    print(f"words sharing their key with another word: {shared} = {shared / len(words):.3f} of the vocabulary"
          f" ({shared_tokens / tokens:.3f} of its running words); keys merging several words: {multi}")
    for g in sorted(groups.values(), key=lambda g: -sum(counts[w] for w in g))[:show]:
        if len(g) > 1:
            print("  " + " ".join(f"{w}:{counts[w]}" for w in sorted(g, key=lambda w: -counts[w])))


if __name__ == "__main__":
    main()
