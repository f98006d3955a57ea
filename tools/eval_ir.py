#!/usr/bin/python3
"""Retrieval quality on ARCD paragraphs (../shared/data/ir), in one run:
unicode61, trigram and the 'arabic' tokenizer with its options.

Each paragraph is indexed as (title, body); each question becomes an OR of
its quoted words, ranked by `ORDER BY rank` with the table's rank option set to
bm25 with the title weighted 5 (the weights sql/schema.sql gives the corpus).

The questions are split in two halves, by the article their paragraph comes
from (the first byte of the SHA-1 of its title, even: tuning, odd: measuring),
so that no article has questions in both: the stemming rules were chosen on
the tuning half only. Prints MAP (each question has one relevant paragraph, so
it is also the MRR) on each half and on all questions, MRR@10, and MAP when a
paragraph that is a near-duplicate of the relevant one (ARCD holds 37 pairs in
which one paragraph is the beginning of the other, same article) counts as
relevant too, which no ranking can tell apart. Skips cleanly when ../shared is
absent.

    /usr/bin/python3 tools/eval_ir.py [TOKENIZER ...]
"""
import hashlib
import os
import sqlite3
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "ir")
EXT = os.path.join(ROOT, "dist", "arabic")
RANK = "bm25(1.0, 5.0, 1.0)"  # docid (unindexed), title, body

DEFAULT_TOKENIZERS = [
    "unicode61",
    "unicode61 remove_diacritics 2",
    "trigram",
    "arabic stem 0",
    "arabic version 1",
    "arabic",
    "arabic variants 1",
    "arabic stopwords 1",
]


def load():
    docs = []
    with open(os.path.join(DATA, "arcd-train.docs.tsv"), encoding="utf-8") as f:
        for line in f:
            docid, title, body = line.rstrip("\n").split("\t", 2)
            docs.append((docid, title, body))
    queries = []
    with open(os.path.join(DATA, "arcd-train.queries.tsv"), encoding="utf-8") as f:
        for line in f:
            qid, text = line.rstrip("\n").split("\t", 1)
            queries.append((qid, text))
    qrels = {}
    with open(os.path.join(DATA, "arcd-train.qrels"), encoding="utf-8") as f:
        for line in f:
            qid, _, docid, rel = line.split()
            if int(rel) > 0:
                qrels.setdefault(qid, set()).add(docid)
    return docs, queries, qrels


def measuring_half(title):
    """True for the articles of the measuring half."""
    return hashlib.sha1(title.encode("utf-8")).digest()[0] % 2 == 1


def near_duplicates(docs):
    """docid -> the paragraphs of the same article that begin like it or that it begins."""
    dup = {}
    for a in docs:
        for b in docs:
            if a is not b and a[1] == b[1] and len(a[2]) < len(b[2]) and b[2].startswith(a[2][:len(a[2]) - 5]):
                dup.setdefault(a[0], set()).add(b[0])
                dup.setdefault(b[0], set()).add(a[0])
    return dup


def or_of_quoted_words(text):
    words = [w.replace('"', '""') for w in text.split()]
    return " OR ".join(f'"{w}"' for w in words)


def average_precision(ranked, relevant):
    hits, ap = 0, 0.0
    for rank, docid in enumerate(ranked, 1):
        if docid in relevant:
            hits += 1
            ap += hits / rank
    return ap / max(len(relevant), 1)


def evaluate(db, tokenizer, docs, queries, qrels):
    """(MAP tuning, MAP measuring, MAP all, MRR@10 all, MAP all with near-duplicates)."""
    title = {d[0]: d[1] for d in docs}
    dup = near_duplicates(docs)
    db.execute("DROP TABLE IF EXISTS ir")
    db.execute(f"CREATE VIRTUAL TABLE ir USING fts5(docid UNINDEXED, title, body, tokenize = '{tokenizer}')")
    db.execute("INSERT INTO ir(ir, rank) VALUES ('rank', ?)", (RANK,))
    db.executemany("INSERT INTO ir(docid, title, body) VALUES (?, ?, ?)", docs)
    ap = {False: [], True: []}
    rr_sum = dup_sum = 0.0
    for qid, text in queries:
        relevant = qrels.get(qid, set())
        try:
            ranked = [r[0] for r in db.execute("SELECT docid FROM ir WHERE ir MATCH ? ORDER BY rank",
                                               (or_of_quoted_words(text),))]
        except sqlite3.OperationalError:
            ranked = []
        half = measuring_half(title[next(iter(relevant))]) if relevant else False
        ap[half].append(average_precision(ranked, relevant))
        first = next((i for i, d in enumerate(ranked[:10], 1) if d in relevant), None)
        rr_sum += 1.0 / first if first else 0.0
        either = set(relevant).union(*(dup.get(d, set()) for d in relevant))
        first = next((i for i, d in enumerate(ranked, 1) if d in either), None)
        dup_sum += 1.0 / first if first else 0.0
    n = len(queries)
    mean = lambda a: sum(a) / max(len(a), 1)
    return (mean(ap[False]), mean(ap[True]), mean(ap[False] + ap[True]), rr_sum / n, dup_sum / n,
            len(ap[False]), len(ap[True]))


def main():
    if not os.path.isdir(DATA):
        print(f"eval_ir: {DATA} not found, skipped")
        return 0
    docs, queries, qrels = load()
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(EXT)
    tokenizers = sys.argv[1:] or DEFAULT_TOKENIZERS
    print(f"ARCD paragraphs: {len(docs)} documents, {len(queries)} questions; rank = {RANK}")
    print(f"{'tokenizer':32} {'MAP tuning':>10} {'MAP measuring':>13} {'MAP all':>8} {'MRR@10':>7} "
          f"{'MAP, near-duplicates as one':>27}")
    for tok in tokenizers:
        tune, measure, all_, mrr, dup, n0, n1 = evaluate(db, tok, docs, queries, qrels)
        print(f"{tok:32} {tune:10.3f} {measure:13.3f} {all_:8.3f} {mrr:7.3f} {dup:27.3f}")
    print(f"({n0} tuning and {n1} measuring questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
