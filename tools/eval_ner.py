#!/usr/bin/python3
"""Evaluate arabic_entities().

1. ANERcorp held-out F1 (CoNLL, entity level, exact span and type, PERS/LOC/ORG): the last sixth of
   ../shared/data/ner/anercorp-train.conll, tagged by dist/holdout/arabic (built by `make eval` with a
   model trained on the first five sixths only). Each sentence's tokens are joined with spaces; every
   token that a predicted entity overlaps gets its type (B on the first, I on the others).
2. AQMAR dev (../shared/data/ner/aqmar-dev.conll, Wikipedia), scored the same way with the shipped model.
3. The seed articles (../shared/corpus/seeds/*.txt), with the shipped model (dist/arabic): the people,
   places and organizations each article mentions, listed by hand in tests/data/seed_entities.txt, against
   the distinct canonicals the extension gives: document-level precision and recall, and whether each
   person listed comes out with exactly one canonical.

With --seeds S1 S2 ... (make eval-seeds): for each training seed S, the held-out score of
dist/seeds/hS/arabic (trained on the first five sixths) and the AQMAR dev score of dist/seeds/fS/arabic
(trained on all), then the mean over the seeds: one training moves F1 by about half a point, so a change
of the model is measured on the mean.

With --context N (make eval-seeds NER_CONTEXT=N) each N sentences in a row are one text, a line each, as
an article is one text at run time (the document-level rules then see the other mentions of a name).

Skips cleanly (exit 0) when ../shared is absent. Usage: /usr/bin/python3 tools/eval_ner.py [--verbose] [--context N]
"""
import glob
import os
import sqlite3
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
CONLL = os.path.join(SHARED, "data", "ner", "anercorp-train.conll")
AQMAR = os.path.join(SHARED, "data", "ner", "aqmar-dev.conll")
SEEDS = os.path.join(SHARED, "corpus", "seeds")
HAND = os.path.join(ROOT, "tests", "data", "seed_entities.txt")
TYPES = {"PERSON": "PERS", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
VERBOSE = "--verbose" in sys.argv
CONTEXT = int(sys.argv[sys.argv.index("--context") + 1]) if "--context" in sys.argv else 1


def connect(name):
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(os.path.join(ROOT, "dist", name))
    return db


def read_conll(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n\r")
            if not line or " " not in line or len(cur) == 1024:
                if cur:
                    sents.append(cur)
                cur = []
                if not line or " " not in line:
                    continue
            word, tag = line.rsplit(" ", 1)
            cur.append((word, tag))
    if cur:
        sents.append(cur)
    return sents


def spans(tags):
    out, i = set(), 0
    while i < len(tags):
        t = tags[i]
        if t == "O" or t[2:] not in ("PERS", "PER", "LOC", "ORG"):
            i += 1
            continue
        typ = "PERS" if t[2:] in ("PERS", "PER") else t[2:]
        j = i + 1
        while j < len(tags) and tags[j][:2] == "I-" and tags[j][2:] in (typ, "PER" if typ == "PERS" else typ):
            j += 1
        out.add((i, j, typ))
        i = j
    return out


def tag(db, sents):
    """The labels arabic_entities gives the tokens of sentences given as one text, a line each."""
    words = [w for sent in sents for w, _ in sent]
    starts, pos, text = [], 0, []
    for sent in sents:
        for w, _ in sent:
            starts.append(pos)
            pos += len(w) + 1
        text.append(" ".join(w for w, _ in sent))
    pred = ["O"] * len(words)
    for typ, start, length in db.execute("SELECT type, start, length FROM arabic_entities(?)", ("\n".join(text),)):
        if typ not in TYPES:
            continue
        a, b = start - 1, start - 1 + length
        covered = [k for k, s in enumerate(starts) if s < b and s + len(words[k]) > a]
        for n, k in enumerate(covered):
            pred[k] = ("B-" if n == 0 else "I-") + TYPES[typ]
    out, k = [], 0
    for sent in sents:
        out.append(pred[k:k + len(sent)])
        k += len(sent)
    return out


def score(db, sents):
    """CoNLL entity-level counts of arabic_entities over sentences: {type: (tp, predicted, gold)}. Each
    sentence is a text of its own, or with --context N (NER_CONTEXT) each N sentences in a row are one
    text, a line each: ANERcorp and AQMAR keep the sentences of an article in order, so a text of N
    sentences is most of an article, as arabic_entities sees it at run time."""
    tp, npred, ngold = {}, {}, {}
    preds = []
    for c in range(0, len(sents), CONTEXT):
        preds += tag(db, sents[c:c + CONTEXT])
    for sent, pred in zip(sents, preds):
        gold = spans([t for _, t in sent])
        got = spans(pred)
        for typ in ("PERS", "LOC", "ORG"):
            g = {s for s in gold if s[2] == typ}
            p = {s for s in got if s[2] == typ}
            tp[typ] = tp.get(typ, 0) + len(g & p)
            npred[typ] = npred.get(typ, 0) + len(p)
            ngold[typ] = ngold.get(typ, 0) + len(g)
    return {t: (tp[t], npred[t], ngold[t]) for t in tp}


def f1_of(counts):
    """F1 of overall, PERS, LOC, ORG."""
    out = []
    for typ in ("overall", "PERS", "LOC", "ORG"):
        t, p_, g = [sum(c[k] for c in counts.values()) for k in range(3)] if typ == "overall" else counts[typ]
        prec, rec = (t / p_ if p_ else 0), (t / g if g else 0)
        out.append(2 * prec * rec / (prec + rec) if prec + rec else 0)
    return out


def seed_means(seeds):
    """make eval-seeds: held-out and AQMAR dev F1 of the models of each training seed, and their mean."""
    if not os.path.exists(CONLL) or not os.path.exists(AQMAR):
        print("skipped the seeds: ../shared/data/ner not found")
        return
    sents = read_conll(CONLL)
    held = sents[len(sents) - len(sents) // 6:]
    dev = read_conll(AQMAR)
    rows = []
    print("seed | held out: overall PERS LOC ORG | AQMAR dev: overall PERS LOC ORG")
    for s in seeds:
        row = f1_of(score(connect(os.path.join("seeds", "h" + s, "arabic")), held))
        row += f1_of(score(connect(os.path.join("seeds", "f" + s, "arabic")), dev))
        rows.append(row)
        print(f"{s:>4} | " + " ".join(f"{x:.3f}" for x in row[:4]) + " | " + " ".join(f"{x:.3f}" for x in row[4:]))
    mean = [sum(r[k] for r in rows) / len(rows) for k in range(8)]
    print("mean | " + " ".join(f"{x:.3f}" for x in mean[:4]) + " | " + " ".join(f"{x:.3f}" for x in mean[4:]))


def report(title, counts):
    print(title)
    for typ in ("PERS", "LOC", "ORG", "overall"):
        t, p_, g = [sum(c[k] for c in counts.values()) for k in range(3)] if typ == "overall" else counts[typ]
        prec, rec = (t / p_ if p_ else 0), (t / g if g else 0)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0
        print(f"  {typ:8s} precision {prec:.3f} recall {rec:.3f} F1 {f1:.3f}  ({g} gold, {p_} predicted)")


def anercorp():
    if not os.path.exists(CONLL):
        print(f"skipped ANERcorp: {CONLL} not found")
        return
    if not os.path.exists(os.path.join(ROOT, "dist", "holdout", "arabic.so")):
        print("skipped ANERcorp: dist/holdout/arabic.so missing (run make eval)")
        return
    sents = read_conll(CONLL)
    held = sents[len(sents) - len(sents) // 6:]
    report(f"ANERcorp held out: last sixth of anercorp-train.conll ({len(held)} sentences), model trained on the rest",
           score(connect(os.path.join("holdout", "arabic")), held))


def aqmar():
    """AQMAR dev (Wikipedia, another source and style), with the shipped model (trained on ANERcorp only)."""
    if not os.path.exists(AQMAR):
        print(f"skipped AQMAR: {AQMAR} not found")
        return
    sents = read_conll(AQMAR)
    report(f"AQMAR dev ({len(sents)} sentences), shipped model", score(connect("arabic"), sents))


def read_hand():
    """tests/data/seed_entities.txt: '# FILE' lines, then 'TYPE<TAB>canonical<TAB>spelling|spelling...'."""
    docs, cur = {}, None
    with open(HAND, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("## "):
                continue
            if line.startswith("# "):
                cur = docs.setdefault(line[2:].strip(), [])
            elif line.strip() and cur is not None:
                typ, name, forms = line.split("\t")
                cur.append((typ, name, forms.split("|")))
    return docs


def seeds():
    if not os.path.isdir(SEEDS):
        print(f"skipped seeds: {SEEDS} not found")
        return
    db = connect("arabic")
    key = lambda s: db.execute("SELECT arabic_name_key(?)", (s,)).fetchone()[0]
    docs = read_hand()
    T = dict(tp=0, pred=0, gold=0, persons=0, persons_one=0)
    for path in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        name = os.path.basename(path)
        text = open(path, encoding="utf-8").read()
        rows = db.execute("SELECT entity, type, canonical FROM arabic_entities(?) WHERE type != 'DATE'", (text,)).fetchall()
        hand = docs.get(name, [])
        # A hand entry is found when some predicted canonical of its type matches one of its spellings.
        forms = {(t, key(f)): i for i, (t, _, fs) in enumerate(hand) for f in fs}
        found, wrong = {}, set()
        for ent, typ, canon in rows:
            i = forms.get((typ, key(canon)))
            if i is None:
                i = forms.get((typ, key(ent)))
            if i is None:
                wrong.add((typ, canon))
            else:
                found.setdefault(i, set()).add(canon)
        preds = len({(t, c) for _, t, c in rows})
        correct = preds - len(wrong)
        T["tp"] += len(found)
        T["pred"] += len(found) + len(wrong)
        T["gold"] += len(hand)
        for i, (typ, nm, _) in enumerate(hand):
            if typ == "PERSON":
                T["persons"] += 1
                if len(found.get(i, ())) == 1:
                    T["persons_one"] += 1
                elif VERBOSE:
                    print(f"  {name}: person {nm}: canonicals {sorted(found.get(i, ()))}")
        if VERBOSE:
            for i, (typ, nm, _) in enumerate(hand):
                if i not in found:
                    print(f"  {name}: missed {typ} {nm}")
            for typ, canon in sorted(wrong):
                print(f"  {name}: spurious {typ} {canon}")
        del correct
    p = T["tp"] / T["pred"] if T["pred"] else 0
    r = T["tp"] / T["gold"] if T["gold"] else 0
    print(f"Seed articles ({len(docs)} hand-listed): document-level precision {p:.3f} recall {r:.3f}"
          f" ({T['tp']} of {T['gold']} entities found, {T['pred'] - T['tp']} spurious)")
    print(f"  persons with exactly one canonical: {T['persons_one']} of {T['persons']}")


if __name__ == "__main__":
    if "--seeds" in sys.argv:
        args = sys.argv[sys.argv.index("--seeds") + 1:]
        seed_means(args[:args.index("--context")] if "--context" in args else args)
        sys.exit(0)
    anercorp()
    aqmar()
    seeds()
