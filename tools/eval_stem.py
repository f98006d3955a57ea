#!/usr/bin/python3
"""Stemming agreement on ../shared/data/stemming/golden_word_stem_root.tsv.

For every pair of words with the same gold stem: how often does a search
for one find the other (agreement); for every pair with different gold
stems: how often would it (collision). Three index designs, in one run:
  folded   the normalized word only (what 'arabic stem 0' indexes)
  search   the search forms are equal (arabic_stem(a) = arabic_stem(b))
  match    the tokenizer's real rule: the search form of one is among the
           indexed readings of the other (arabic_tokens), in either direction
A word whose search looks up two forms (arabic_stem joins them with '/')
agrees when either does. Skips cleanly when ../shared is absent.

    /usr/bin/python3 tools/eval_stem.py ['TOKENIZER OPTIONS', e.g. 'version 1']
"""
import itertools
import os
import sqlite3
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "stemming", "golden_word_stem_root.tsv")
EXT = os.path.join(ROOT, "dist", "arabic")


def main():
    if not os.path.exists(DATA):
        print(f"eval_stem: {DATA} not found, skipped")
        return 0
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(EXT)
    options = sys.argv[1] if len(sys.argv) > 1 else ""
    rows = []
    with open(DATA, encoding="utf-8") as f:
        next(f)
        for line in f:
            word, stem, _root = line.rstrip("\n").split("\t")
            rows.append((word, stem))
    info = {}
    for word, _ in rows:
        folded = db.execute("SELECT arabic_normalize(?)", (word,)).fetchone()[0]
        search = db.execute("SELECT arabic_stem(?, ?)", (word, options)).fetchone()[0]
        readings = {r[0] for r in db.execute("SELECT token FROM arabic_tokens(?, ?)", (word, options))}
        info[word] = (folded, search, readings)
    gold = defaultdict(list)
    for word, stem in rows:
        gold[stem].append(word)
    same = [(a, b) for ws in gold.values() for a, b in itertools.combinations(ws, 2)]
    words = [w for w, _ in rows]
    stem_of = dict(rows)
    diff_total = 0
    collide = {"folded": 0, "search": 0, "match": 0}
    by_key = {k: defaultdict(list) for k in ("folded", "search")}
    for w in words:
        by_key["folded"][info[w][0]].append(w)
        by_key["search"][info[w][1].split("/")[0]].append(w)
    n = len(words)
    diff_total = n * (n - 1) // 2 - len(same)
    for k in ("folded", "search"):
        for ws in by_key[k].values():
            for a, b in itertools.combinations(ws, 2):
                if stem_of[a] != stem_of[b]:
                    collide[k] += 1
    # match: search form of one among readings of the other
    readers = defaultdict(set)
    for w in words:
        for r in info[w][2]:
            readers[r].add(w)
    pairs = set()
    for a in words:
        for form in info[a][1].split("/"):
            for b in readers.get(form, ()):
                if a != b:
                    pairs.add(tuple(sorted((a, b))))
    collide["match"] = sum(1 for a, b in pairs if stem_of[a] != stem_of[b])

    def agree(a, b, k):
        if k == "folded":
            return info[a][0] == info[b][0]
        if k == "search":
            return bool(set(info[a][1].split("/")) & set(info[b][1].split("/")))
        return any(f in info[b][2] for f in info[a][1].split("/")) or \
            any(f in info[a][2] for f in info[b][1].split("/"))

    print(f"{len(rows)} words, {len(gold)} gold stems, {len(same)} same-stem pairs, {diff_total} other pairs")
    print(f"{'design':8} {'agreement':>10} {'collision':>10}")
    for k in ("folded", "search", "match"):
        ag = sum(1 for a, b in same if agree(a, b, k)) / max(len(same), 1)
        print(f"{k:8} {ag:10.3f} {collide[k] / diff_total:10.6f}  ({collide[k]} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
