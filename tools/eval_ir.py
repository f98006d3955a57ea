#!/usr/bin/python3
"""Retrieval quality on ARCD paragraphs (../shared/data/ir), in one run:
unicode61, trigram and the 'arabic' tokenizer with its variants.

Each paragraph is indexed as (title, body); each question becomes an OR of
its quoted words and is ranked by bm25(). Prints MAP and MRR@10 per
tokenizer. Skips cleanly when ../shared is absent.

    /usr/bin/python3 tools/eval_ir.py [TOKENIZER ...]
"""
import os
import sqlite3
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "ir")
EXT = os.path.join(ROOT, "dist", "arabic")

DEFAULT_TOKENIZERS = [
    "unicode61",
    "unicode61 remove_diacritics 2",
    "trigram",
    "arabic stem 0",
    "arabic",
    "arabic hamza 0",
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


def or_of_quoted_words(text):
    words = [w.replace('"', '""') for w in text.split()]
    return " OR ".join(f'"{w}"' for w in words)


def evaluate(db, tokenizer, docs, queries, qrels):
    db.execute("DROP TABLE IF EXISTS ir")
    db.execute(f"CREATE VIRTUAL TABLE ir USING fts5(docid UNINDEXED, title, body, tokenize = '{tokenizer}')")
    db.executemany("INSERT INTO ir(docid, title, body) VALUES (?, ?, ?)", docs)
    ap_sum = rr_sum = 0.0
    for qid, text in queries:
        relevant = qrels.get(qid, set())
        try:
            ranked = [r[0] for r in db.execute(
                "SELECT docid FROM ir WHERE ir MATCH ? ORDER BY bm25(ir)", (or_of_quoted_words(text),))]
        except sqlite3.OperationalError:
            ranked = []
        hits, ap = 0, 0.0
        for rank, docid in enumerate(ranked, 1):
            if docid in relevant:
                hits += 1
                ap += hits / rank
                if hits == 1 and rank <= 10:
                    rr_sum += 1.0 / rank
        ap_sum += ap / max(len(relevant), 1)
    n = len(queries)
    return ap_sum / n, rr_sum / n


def main():
    if not os.path.isdir(DATA):
        print(f"eval_ir: {DATA} not found, skipped")
        return 0
    docs, queries, qrels = load()
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(EXT)
    tokenizers = sys.argv[1:] or DEFAULT_TOKENIZERS
    print(f"ARCD paragraphs: {len(docs)} documents, {len(queries)} questions")
    print(f"{'tokenizer':40} {'MAP':>6} {'MRR@10':>7}")
    for tok in tokenizers:
        m, r = evaluate(db, tok, docs, queries, qrels)
        print(f"{tok:40} {m:6.3f} {r:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
