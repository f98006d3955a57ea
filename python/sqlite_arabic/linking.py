"""Corpus-wide entity linking: one row per real-world entity (sql/linking.sql).

link(db, progress) is the last step of an import and the work of
`sqlite-arabic refresh DB`. It reads every mention of the entities table and
groups them into entities with generic rules (no rule names a person):

1. Spellings are compared by arabic_name_key() of the mention without '#'
   and '_' (hashtags): equal keys are one spelling, so arabic_normalize- and
   COLLATE arabic-equal spellings (الأهلي, الأهلى) and the variants of a
   name (ترمب, ترامب) join.
2. A spelling that arabic_entities() reads alone as a name of the gazetteer
   (built in or arabic_gazetteer) joins that name: ترمب -> دونالد ترامب.
3. A spelling whose mentions the extractor gave one canonical (an article's
   full name) in at least 80% of its mentions joins that canonical corpus-wide.
4. In an article, a one-word person mention (surname or given name) whose
   article canonical is a full name containing that word belongs to the
   entity of that full name: ترامب in an article about ميلانيا ترامب only.
5. A one-word person spelling still alone joins the full name whose first or
   last word it is when that name is unambiguous: it has at least 5 times
   the articles of the next full name with that word (كيم, دونالد).
6. Two groups of persons with full names are never joined when no given
   name (first word) of one is a given name of the other: Melania Trump and
   Donald Trump, Bill and Hillary Clinton stay apart; X and جنوب X differ in
   their words, so never share a key.
7. Full person names that differ in one letter of one word join when that
   word is a middle word or has 6 letters or more (كيم جونغ أون, كيم يونغ أون;
   أنغيلا ميركل, أنجيلا ميركل; غوتيريش, غوتيريس), never across different lengths.

The canonical is the gazetteer's name when the group has one, else its most
frequent full form (a spelling of several words), else its most frequent
spelling. Ids are stable: a new group takes the id of the old entity whose
aliases hold most of its mentions.

Boilerplate: a sentence (at least 30 characters) that one source repeats in at
least 20 articles is boilerplate (a footer, an app notice); its mentions are
entities.boilerplate = 1 and counted nowhere.
"""
import os
import re
import sys
import time
from collections import Counter, defaultdict

if __package__:
    from . import sql_path
else:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from sqlite_arabic import sql_path

ALIAS_SHARE = 0.8        # rule 3
DOMINANCE = 5            # rule 5
BOILERPLATE_ARTICLES = 20
BOILERPLATE_MIN_CHARS = 30
SENTENCE = re.compile(r"[^.!?؟*\n]+[.!?؟*]?")
NOT_LETTERS = re.compile(r"[\W_]+")
VIEWS_OF_ENTITIES = ("entity_counts", "cooccurrence", "entity_weeks", "entity_spellings", "kwic")


def clean(s):
    """A spelling without hashtag marks: '#شريف_منير' -> 'شريف منير'."""
    return " ".join(s.replace("#", " ").replace("_", " ").split())


class Progress:
    def __init__(self, out):
        self.out = out
        self.start = time.monotonic()

    def __call__(self, what):
        if self.out:
            self.out.write(f"link: {what} ({time.monotonic() - self.start:.1f} s)\n")
            self.out.flush()


def has_column(db, table, column):
    return any(r[1] == column for r in db.execute(f"PRAGMA table_info({table})"))


def upgrade(db):
    """Give a database made before corpus entities their columns, tables,
    triggers and views. Returns True when something was changed."""
    changed = upgrade_columns(db)
    for script in ("schema.sql", "linking.sql", "views.sql"):
        with open(sql_path(script), encoding="utf-8") as f:
            db.executescript(f.read())
    return changed


def upgrade_columns(db):
    """The columns of corpus entities on an older entities table, and the old
    triggers and views that do not know them dropped (the scripts make them
    again). Returns True when something was changed."""
    if not db.execute("SELECT 1 FROM pragma_table_info('entities')").fetchone():
        return False  # a new database: schema.sql makes the table as it is now
    changed = False
    if not has_column(db, "entities", "entity_id"):
        db.execute("ALTER TABLE entities ADD COLUMN entity_id INTEGER")
        changed = True
    if not has_column(db, "entities", "boilerplate"):
        db.execute("ALTER TABLE entities ADD COLUMN boilerplate INTEGER NOT NULL DEFAULT 0")
        changed = True
    if changed:
        # The triggers of the old schema insert SELECT * (6 columns); the
        # views of the old views.sql group by the raw canonical.
        for trigger in ("entities_insert", "entities_update"):
            db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for view in VIEWS_OF_ENTITIES:
            db.execute(f"DROP VIEW IF EXISTS {view}")
    return changed


def _find(parent, x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def boilerplate_spans(db):
    """{article_id: [(start, end)]} (1-based, end exclusive) of the sentences a source repeats."""
    per_source = defaultdict(Counter)
    spans = {}
    for aid, source, text in db.execute("SELECT id, source, text FROM articles"):
        found = []
        for m in SENTENCE.finditer(text or ""):
            s = " ".join(NOT_LETTERS.sub(" ", m.group()).split())  # '----- يمكنكم' = 'يمكنكم'
            if len(s) >= BOILERPLATE_MIN_CHARS:
                found.append((s, m.start() + 1, m.end() + 1))
        spans[aid] = (source, found)
        for s in {f[0] for f in found}:
            per_source[source][s] += 1
    repeated = {(src, s): n for src, c in per_source.items() for s, n in c.items() if n >= BOILERPLATE_ARTICLES}
    out = {}
    for aid, (source, found) in spans.items():
        hit = [(b, e) for s, b, e in found if (source, s) in repeated]
        if hit:
            out[aid] = hit
    return out, repeated


def link(db, progress=None):
    """Group the mentions of entities into corpus entities; rewrite
    entities.entity_id, entities.canonical and entities.boilerplate; rebuild
    corpus_entities, entity_aliases and entity_pairs. progress: a file
    (sys.stderr) for one line per step, or None."""
    say = Progress(progress)
    upgrade(db)
    in_tx = db.in_transaction
    if not in_tx:
        db.execute("BEGIN")
    try:
        _link(db, say)
    except BaseException:
        if not in_tx:
            db.execute("ROLLBACK")
        raise
    if not in_tx:
        db.execute("COMMIT")


def _link(db, say):
    rows = db.execute("SELECT rowid, article_id, entity, type, canonical, start FROM entities").fetchall()
    say(f"{len(rows)} mentions read")

    # Keys of every spelling and canonical, and the gazetteer's reading of each spelling alone.
    strings = {clean(r[2]) for r in rows} | {clean(r[4]) for r in rows}
    strings.discard("")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS link_strings(s TEXT PRIMARY KEY)")
    db.execute("DELETE FROM link_strings")
    db.executemany("INSERT INTO link_strings VALUES (?)", ((s,) for s in strings))
    key = {s: (k or s) for s, k in db.execute("SELECT s, arabic_name_key(s) FROM link_strings")}
    gazetteer = {}
    for s, typ, canon in db.execute(
            "SELECT s.s, e.type, e.canonical FROM link_strings AS s, arabic_entities(s.s) AS e "
            "WHERE e.start = 1 AND e.length = length(s.s)"):
        c = clean(canon)
        if c and c != s:
            gazetteer[(typ, s)] = c
    db.execute("DELETE FROM link_strings")
    say(f"{len(strings)} spellings keyed, {len(gazetteer)} read by the gazetteer")

    def node(typ, s):
        return (typ, key.get(s, s))

    parent = {}
    mentions_of = Counter()
    gaz_names = defaultdict(Counter)   # node -> gazetteer name -> mentions
    full_forms = defaultdict(Counter)  # node -> spelling -> mentions
    article_canon = defaultdict(Counter)  # spelling node -> canonical node -> mentions
    node_articles = defaultdict(set)

    def add(n):
        if n not in parent:
            parent[n] = n

    mention_nodes = []
    for rowid, aid, ent, typ, canon, start in rows:
        s, c = clean(ent) or ent, clean(canon) or clean(ent) or ent
        n, cn = node(typ, s), node(typ, c)
        add(n)
        add(cn)
        mentions_of[n] += 1
        full_forms[n][s] += 1
        node_articles[n].add(aid)
        article_canon[n][cn] += 1
        g = gazetteer.get((typ, s))
        if g:
            gn = node(typ, g) if g in key else (typ, g)
            add(gn)
            gaz_names[gn][g] += 1
        mention_nodes.append((rowid, aid, typ, n, cn, s, start))

    def given_names(root_members):
        return {n[1].split()[0] for n in root_members if n[0] == "PERSON" and len(n[1].split()) > 1}

    members = {n: {n} for n in parent}

    def union(a, b, check=True):
        ra, rb = _find(parent, a), _find(parent, b)
        if ra == rb:
            return
        if check and a[0] == "PERSON":
            ga, gb = given_names(members[ra]), given_names(members[rb])
            if ga and gb and not (ga & gb):
                return  # rule 6
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra] |= members.pop(rb)

    # rule 2: the gazetteer (checked too: a gazetteer alias of two given names stays apart)
    for (typ, s), g in gazetteer.items():
        if (typ, key.get(s, s)) in parent:
            union(node(typ, s), node(typ, g) if g in key else (typ, g))
    # rule 3: a spelling the extractor links to one canonical almost always
    for n, cc in article_canon.items():
        cn, k = cc.most_common(1)[0]
        if cn != n and k >= ALIAS_SHARE * mentions_of[n] and (len(node_articles[n]) >= 3 or len(n[1].split()) > 1):
            union(n, cn)
    # rule 7: full names that differ in one letter of one word, a middle word or one of 6 letters
    # or more (كيم جونغ أون, كيم يونغ أون; أنغيلا ميركل, أنجيلا ميركل)
    frame = defaultdict(list)
    for n in parent:
        w = n[1].split()
        if n[0] == "PERSON" and len(w) >= 2:
            for i in range(len(w)):
                if len(w[i]) >= (3 if 0 < i < len(w) - 1 else 6):
                    for j in range(len(w[i])):
                        frame[(tuple(w[:i]), tuple(w[i + 1:]), len(w[i]), w[i][:j] + "?" + w[i][j + 1:])].append(n)
    for ns in frame.values():
        for other in ns[1:]:
            union(ns[0], other, check=False)  # one letter apart: not two given names
    say("spellings joined")

    # rule 4 is per mention (below); rule 5: lone one-word persons
    def root_articles():
        arts = defaultdict(set)
        for n, a in node_articles.items():
            arts[_find(parent, n)] |= a
        return arts

    arts = root_articles()
    by_word = defaultdict(set)  # (first or last word key) -> roots of full person names
    for n in parent:
        words = n[1].split()
        if n[0] == "PERSON" and len(words) > 1:
            r = _find(parent, n)
            by_word[words[0]].add(r)
            by_word[words[-1]].add(r)
    for n in list(parent):
        if n[0] != "PERSON" or len(n[1].split()) != 1 or len(n[1]) < 3:
            continue
        r = _find(parent, n)
        if any(len(m[1].split()) > 1 for m in members[r]):
            continue
        cands = sorted(((len(arts[c]), c) for c in by_word.get(n[1], ()) if c != r), reverse=True)
        if cands and (len(cands) == 1 or cands[0][0] >= DOMINANCE * cands[1][0]):
            union(n, cands[0][1], check=False)
    say("one-word names joined where unambiguous")

    # Per mention: rule 4, else the group of its spelling.
    bp_spans, repeated = boilerplate_spans(db)
    say(f"{len(repeated)} boilerplate sentences")
    assigned = []
    for rowid, aid, typ, n, cn, s, start in mention_nodes:
        r = _find(parent, n)
        if typ == "PERSON" and len(n[1].split()) == 1 and len(cn[1].split()) > 1 and n[1] in cn[1].split():
            r = _find(parent, cn)
        bp = any(b <= start < e for b, e in bp_spans.get(aid, ()))
        assigned.append((rowid, aid, typ, r, s, bp))

    # Canonicals.
    group_spellings = defaultdict(Counter)
    for rowid, aid, typ, r, s, bp in assigned:
        group_spellings[r][s] += 1
    canonical = {}
    for r, sp in group_spellings.items():
        gz = Counter()
        for m in members.get(r, {r}):
            gz.update(gaz_names.get(m, {}))
        if gz:
            canonical[r] = min(gz, key=lambda g: (-gz[g], g))
            continue
        full = {s: c for s, c in sp.items() if len(s.split()) > 1}
        pool = full or sp
        canonical[r] = min(pool, key=lambda s: (-pool[s], s))

    # Stable ids: the old entity whose aliases hold most of the group's mentions.
    old = defaultdict(Counter)
    for eid, typ, k, m in db.execute("SELECT entity_id, type, key, mentions FROM entity_aliases"):
        old[(typ, k)][eid] += m or 1
    votes = []
    for r, sp in group_spellings.items():
        v = Counter()
        for s, c in sp.items():
            for eid, m in old.get((r[0], key.get(s, s)), {}).items():
                v[eid] += min(c, m)
        for eid, c in v.items():
            votes.append((c, r, eid))
    votes.sort(key=lambda x: (-x[0], x[2], x[1]))
    ids, taken = {}, set()
    for c, r, eid in votes:
        if r not in ids and eid not in taken:
            ids[r] = eid
            taken.add(eid)
    seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'corpus_entities'").fetchone()
    next_id = max([seq[0] if seq else 0] + list(taken) + [db.execute(
        "SELECT coalesce(max(id), 0) FROM corpus_entities").fetchone()[0]]) + 1
    for r in sorted(group_spellings, key=lambda r: (-sum(group_spellings[r].values()), r)):
        if r not in ids:
            ids[r] = next_id
            next_id += 1
    say(f"{len(group_spellings)} entities, {len(taken)} kept their id")

    # Write.
    ent_articles, ent_mentions = defaultdict(set), Counter()
    al_articles, al_mentions = defaultdict(set), Counter()
    for rowid, aid, typ, r, s, bp in assigned:
        if bp:
            continue
        ent_articles[r].add(aid)
        ent_mentions[r] += 1
        al_articles[(r, s)].add(aid)
        al_mentions[(r, s)] += 1
    db.execute("DELETE FROM entity_pairs")
    db.execute("DELETE FROM entity_aliases")
    db.execute("DELETE FROM corpus_entities")
    db.executemany("INSERT INTO corpus_entities(id, type, canonical, articles, mentions) VALUES (?, ?, ?, ?, ?)",
                   ((ids[r], r[0], canonical[r], len(ent_articles[r]), ent_mentions[r]) for r in group_spellings))
    db.executemany("INSERT INTO entity_aliases(entity_id, type, spelling, key, articles, mentions) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   ((ids[r], r[0], s, key.get(s, s), len(al_articles[(r, s)]), al_mentions[(r, s)])
                    for r, sp in group_spellings.items() for s in sp))
    db.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'corpus_entities'", (next_id - 1,))
    db.execute("CREATE TEMP TABLE IF NOT EXISTS link_rows(rid INTEGER PRIMARY KEY, entity_id, canonical, bp)")
    db.execute("DELETE FROM link_rows")
    db.executemany("INSERT INTO link_rows VALUES (?, ?, ?, ?)",
                   ((rowid, ids[r], canonical[r], int(bp)) for rowid, aid, typ, r, s, bp in assigned))
    # entities_linked fires only from NULL to an id > 0: the rows are set here (through 0),
    # the counts are written above.
    db.execute("UPDATE entities SET entity_id = 0 WHERE entity_id IS NULL")
    db.execute("UPDATE entities SET entity_id = l.entity_id, canonical = l.canonical, boilerplate = l.bp "
               "FROM link_rows AS l WHERE l.rid = entities.rowid "
               "AND (entities.entity_id IS NOT l.entity_id OR entities.canonical IS NOT l.canonical "
               "OR entities.boilerplate IS NOT l.bp)")
    db.execute("DELETE FROM link_rows")
    db.execute("INSERT INTO entity_pairs(a, b, articles) "
               "SELECT x.entity_id, y.entity_id, count(*) "
               "FROM (SELECT DISTINCT article_id, entity_id FROM entities "
               "      WHERE type <> 'DATE' AND boilerplate = 0) AS x "
               "JOIN (SELECT DISTINCT article_id, entity_id FROM entities "
               "      WHERE type <> 'DATE' AND boilerplate = 0) AS y "
               "  ON y.article_id = x.article_id AND y.entity_id > x.entity_id "
               "GROUP BY x.entity_id, y.entity_id")
    db.execute("DELETE FROM boilerplate_sentences")
    db.executemany("INSERT INTO boilerplate_sentences VALUES (?, ?, ?)",
                   ((src, s, n) for (src, s), n in sorted(repeated.items(), key=lambda x: (str(x[0][0]), -x[1]))))
    say("written")


def refresh(db, progress=None, extract=True):
    """After a gazetteer edit: extract the entities of every article again
    (extract=True), then link."""
    say = Progress(progress)
    upgrade(db)
    if extract:
        # arabic_entities makes its gazetteer watch (TEMP triggers) on its first read after the
        # table appears: a read of its own first, so that it is not made inside the INSERT below
        # (a schema change under a running statement aborts it: "abort due to ROLLBACK").
        db.execute("SELECT count(*) FROM arabic_entities('سيرغي لافروف')").fetchone()
        db.execute("BEGIN")
        db.execute("UPDATE entities SET entity_id = 0")  # no per-row unlinking: link() rewrites all
        db.execute("DELETE FROM entities")
        total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
        step = max(1, total // 10)
        for i in range(0, len(ids), step):
            # Inserted with entity_id NULL: entities_link would link each row; link() below
            # does it for all at once, so the rows are given entity_id 0 first and reset.
            db.execute("INSERT INTO entities(article_id, entity, type, start, length, canonical, entity_id) "
                       "SELECT article_id, entity, type, start, length, canonical, 0 FROM article_entities "
                       "WHERE article_id BETWEEN ? AND ?", (ids[i], ids[min(i + step, len(ids)) - 1]))
            say(f"extracted {min(i + step, len(ids))}/{total} articles")
        db.execute("COMMIT")
    link(db, progress)
