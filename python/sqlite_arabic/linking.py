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
   So does a one-word organization whose article canonical starts or ends
   with it, with or without ال: الريال, يونايتد in an article that names
   ريال مدريد, مانشستر يونايتد (elsewhere الريال may be the currency).
5. A one-word person spelling still alone joins the full name whose first or
   last word it is when that name is unambiguous: it has at least 5 times
   the articles of the next full name with that word (كيم, دونالد). So do
   two given names without the family name (رجب طيب, كيم جونغ) with the
   full name they begin, unless they are one given name (عبد الله) or hold
   a particle (بن سلمان); and, before them, a given name and a family name
   (خوان بيتزي) with the one fuller name that begins and ends with them
   (خوان أنطونيو بيتزي) and is named in 2 articles or more.
6. Two groups of persons with full names are never joined when no given
   name (first word) of one is a given name of the other: Melania Trump and
   Donald Trump, Bill and Hillary Clinton stay apart; X and جنوب X differ in
   their words, so never share a key.
7. Full person names that differ in one letter of one word join when that
   word is a middle word or has 6 letters or more (كيم جونغ أون, كيم يونغ أون;
   أنغيلا ميركل, أنجيلا ميركل; غوتيريش, غوتيريس), never across different
   lengths; or in a long vowel of one word of 4 consonants or more
   (مارك زوكربيرغ, مارك زوكربرغ; إرنستو, إرنيستو فالفيردي), or in the ج or
   غ that writes the g of a foreign name (سيرجي, سيرغي سكريبال), or the ج or خ
   of a Spanish g or j (سيرجيو, سيرخيو راموس).
8. Spellings that differ only in their spaces join (بنقردان, بن قردان), and a
   person of two words or more spelled with the conjunction و on its first
   word joins the person spelled without it (وكيليان مبابي, كيليان مبابي).
9. A person's alias that is the last words of the gazetteer's name is its
   surname (قايد السبسي, بن علي): its first word is no given name for rule 6.
   A surname of several words still alone, starting with a particle (بن يوسف),
   joins the one full name it ends, with rule 5's dominance; the father's
   name after بن (محمد بن سلمان بن عبد العزيز) is no surname.
10. An organization named short joins the one full name of the corpus that
   holds its words in order, the others being adjectives with ال or a noun
   inside (مجلس الشعب: مجلس نواب الشعب; البنك المركزي: البنك المركزي
   التونسي), never a phrase of ل (الاتحاد الأفريقي is not الاتحاد الأفريقي
   لكرة القدم), when that full name has at least half its articles and 5
   times the articles of any other such name; a ministry may be named
   without its word (الخارجية الأمريكية: وزارة الخارجية الأمريكية).
11. A one-word organization with and without ال is one when an article
   names both (الفيفا, فيفا; not الفتح the club and فتح the movement).
12. A name the corpus reads as an organization in at least 3 articles and
   twice as many as it reads it as a person's is an organization in every
   article (entities.type is rewritten): كامبريدج أناليتيكا, فيفا, a club
   the tagger read as a person once. Never the other way: a person's name
   is often a company's or a foundation's too.

The canonical is the gazetteer's name when the group has one, else its most
frequent full form (a spelling of several words), else its most frequent
spelling. Ids are stable: a new group takes the id of the old entity whose
aliases hold most of its mentions.

Boilerplate: a sentence (at least 30 characters) that one source repeats in at
least 20 articles is boilerplate (a footer, an app notice); its mentions are
entities.boilerplate = 1 and counted nowhere. So are, in a source's own
articles, the organizations named as the source is (Jawhara FM: الجوهرة أف أم,
جوهرة, الجوهرة in its signatures and attributions), compared by the consonants
of their transliteration (own_names).

Memory: the rules work on groups of mentions (one per type, spelling and
article canonical), numbered in TEMP tables; everything that grows with the
number of mentions or sentences (the groups' articles, the boilerplate
counts, every count written) is computed in SQL, which spills to a temporary
file. Python holds each distinct spelling with its key and a few integers
(about 0.7 KB each at the peak), and the TEMP tables a page cache of 16 MB
(TEMP_CACHE_KIB): importing the 30 MB of news (35,800 spellings) peaks at about
106 MB of RSS, 40 MB of two corpora (48,900 spellings) at 128 MB. Memory grows
with the number of distinct spellings, not with the text.
"""
import contextlib
from array import array
import hashlib
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict

if __package__:
    from . import CORPUS_SCRIPTS, loadable_path, run_scripts, sql_path, workers
else:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from sqlite_arabic import CORPUS_SCRIPTS, loadable_path, run_scripts, sql_path, workers

ALIAS_SHARE = 0.8        # rule 3
DOMINANCE = 5            # rule 5
REBUILD_SHARE = 4        # a link that sets more than 1/4 of the mentions for the first time rebuilds their indexes
# The indexes of entities in sql/schema.sql and sql/linking.sql: a first import and a refresh,
# which write every mention, make them once at their end.
# the marks a name key leaves for the long vowels (ي, و) it drops inside a word (core/namekey.h)
VOWEL_MARKS = "\u0649\u0624"
G_LETTERS = "\u062c\u063a\u062e"  # ج غ خ: the g of a foreign name, and the Spanish j (rule 7)
PARTICLES = ("بن", "ابن", "أبو", "آل", "ولد", "بو", "بنت")  # of a family name (rules 5 and 9)
ENTITY_INDEXES = ("entities_article", "entities_canonical", "entities_entity")
# The TEMP tables' page cache during a link (SQLite's default is 2 MB): the mentions are looked up
# in their groups at random, which read the temporary file again and again once it is larger
# (30 MB of news: 22 MB of TEMP tables; 16 MB of cache, CPU 7.6 -> 6.0 s). A bound: memory does
# not grow with the corpus.
TEMP_CACHE_KIB = 16000
BOILERPLATE_ARTICLES = 20
BOILERPLATE_MIN_CHARS = 30
SENTENCE = re.compile(r"[^.!?؟*\n]+[.!?؟*]?")
WORD = re.compile(r"[^\W_]+")  # letters and digits
VIEWS_OF_ENTITIES = ("entity_counts", "cooccurrence", "entity_weeks", "entity_spellings", "kwic")
# TEMP tables of one link: what grows with the corpus stays in SQL, not in Python.
LINK_TABLES = (
    "link_strings(raw TEXT PRIMARY KEY, s TEXT, key TEXT) WITHOUT ROWID",  # every spelling, cleaned and keyed
    "link_nodes(id INTEGER PRIMARY KEY, type TEXT, key TEXT, root INTEGER, UNIQUE(type, key))",
    "link_frames(frame TEXT, node INTEGER)",  # rule 7: a full name with one letter left out
    # the mentions by (type, spelling, article canonical): every mention of one group goes to
    # one entity, so the rules work on groups, not on mentions; s is the clean spelling, n and
    # cn the nodes of the spelling and of the canonical (a canonical of marks only stands for
    # the spelling)
    "link_groups(id INTEGER PRIMARY KEY, type TEXT, entity TEXT, canonical TEXT, s TEXT, sk TEXT, ck TEXT, "
    "mentions INTEGER, n INTEGER, cn INTEGER, root INTEGER, alias INTEGER, UNIQUE(type, entity, canonical))",
    # each mention (id: the rowid of entities) and its group: the writes and counts below join
    # integers, not the mention's three strings again
    "link_mentions(id INTEGER PRIMARY KEY, group_id INTEGER, article_id INTEGER, start INTEGER, "
    "boilerplate INTEGER NOT NULL DEFAULT 0)",
    "link_group_articles(group_id INTEGER, article_id INTEGER, PRIMARY KEY(group_id, article_id)) WITHOUT ROWID",
    "link_aliases(id INTEGER PRIMARY KEY, entity_id INTEGER, type TEXT, spelling TEXT, key TEXT)",
    # the mentions that count (not boilerplate) by alias and article: every count is read here
    "link_alias_articles(alias INTEGER, article_id INTEGER, mentions INTEGER, PRIMARY KEY(alias, article_id)) "
    "WITHOUT ROWID",
    "link_article_entities(article_id INTEGER, entity_id INTEGER, PRIMARY KEY(article_id, entity_id)) WITHOUT ROWID",
    "link_roots(root INTEGER PRIMARY KEY, entity_id INTEGER, canonical TEXT)",
    # appended in the order of the articles, then sorted once by the GROUP BY: a B-tree in the
    # order of h would be written at random, a page read from the temporary file at each row
    # once it outgrows the cache
    "link_sentences(source TEXT, h INTEGER, article_id INTEGER)",
    "link_hot(source TEXT, h INTEGER, n INTEGER, PRIMARY KEY(source, h)) WITHOUT ROWID",
    "link_boilerplate(article_id INTEGER, b INTEGER, e INTEGER)",
    "link_own(source TEXT, root INTEGER, PRIMARY KEY(source, root)) WITHOUT ROWID",  # a source's own name
)
LINK_INDEXES = ("link_strings_s ON link_strings(s)", "link_boilerplate_article ON link_boilerplate(article_id, b)")
MENTION_GROUPS = (
    "INSERT INTO link_groups(type, entity, canonical, s, sk, ck, mentions) "
    "SELECT e.type, e.entity, e.canonical, coalesce(nullif(ls.s, ''), e.entity), ls.key, "
    "       CASE WHEN lc.s <> '' THEN lc.key ELSE ls.key END, e.m "
    "FROM (SELECT type, entity, canonical, count(*) AS m FROM entities GROUP BY type, entity, canonical) AS e "
    "JOIN link_strings AS ls ON ls.raw = e.entity JOIN link_strings AS lc ON lc.raw = e.canonical "
    "ORDER BY e.type, e.entity, e.canonical")
# rule 12: a name (the key of the article canonical, without the ال of one word) the corpus reads as
# an organization in at least 3 articles and twice as many as it reads it as a person's is an
# organization in every article (كامبريدج أناليتيكا, فيفا)
# (the names first, then the UPDATE of their canonicals: one scan of entities when there are some)
RULE_12_KEY = ("WITH k AS (SELECT raw, CASE WHEN key LIKE 'ال%' AND instr(key, ' ') = 0 AND length(key) >= 5 "
               "                       THEN substr(key, 3) ELSE key END AS k FROM link_strings) ")
RULE_12_NAMES = RULE_12_KEY + (
    "SELECT k.k FROM entities AS e JOIN k ON k.raw = e.canonical "
    "WHERE e.type IN ('PERSON', 'ORGANIZATION') GROUP BY k.k "
    "HAVING count(DISTINCT CASE WHEN e.type = 'ORGANIZATION' THEN e.article_id END) >= 3 "
    "   AND count(DISTINCT CASE WHEN e.type = 'ORGANIZATION' THEN e.article_id END) >= "
    "       2 * count(DISTINCT CASE WHEN e.type = 'PERSON' THEN e.article_id END) "
    "   AND count(CASE WHEN e.type = 'PERSON' THEN 1 END) > 0")
RULE_12 = RULE_12_KEY + (
    "UPDATE entities SET type = 'ORGANIZATION' WHERE type = 'PERSON' AND canonical IN ("
    "  SELECT raw FROM k WHERE k IN (SELECT value FROM json_each(?)))")
# The articles of each group, once; then of each node (rule 3) or group of nodes (rule 5).
GROUP_MENTIONS = (
    "INSERT INTO link_mentions(id, group_id, article_id, start) SELECT e.rowid, g.id, e.article_id, e.start "
    "FROM entities AS e JOIN link_groups AS g "
    "ON g.type = e.type AND g.entity = e.entity AND g.canonical = e.canonical")
GROUP_ARTICLES = ("INSERT INTO link_group_articles SELECT DISTINCT group_id, article_id FROM link_mentions "
                  "ORDER BY 1, 2")  # in the order of the key: appended, not written at random
NODE_ARTICLES = (
    "SELECT g.{0}, count(DISTINCT a.article_id) FROM link_group_articles AS a JOIN link_groups AS g "
    "ON g.id = a.group_id GROUP BY g.{0}")
# A mention is boilerplate: inside a repeated sentence, or a source's own name (each test only
# for the mentions of the articles or groups it can hold).
MENTION_BOILERPLATE = (
    "UPDATE link_mentions SET boilerplate = 1 "
    "WHERE article_id IN (SELECT article_id FROM link_boilerplate) "
    "  AND EXISTS (SELECT 1 FROM link_boilerplate AS b WHERE b.article_id = link_mentions.article_id "
    "              AND b.b <= link_mentions.start AND link_mentions.start < b.e)",
    "UPDATE link_mentions SET boilerplate = 1 "
    "WHERE group_id IN (SELECT l.id FROM link_own AS o JOIN link_groups AS l ON l.root = o.root) "
    "  AND EXISTS (SELECT 1 FROM link_groups AS l, link_own AS o, articles AS a "
    "              WHERE l.id = link_mentions.group_id AND o.root = l.root "
    "              AND a.id = link_mentions.article_id AND o.source = coalesce(a.source, ''))")
# rule 3: per spelling node, its most frequent canonical node, and that canonical's share of its mentions
RULE_3 = (
    "SELECT n, cn FROM (SELECT n, cn, m, sum(m) OVER (PARTITION BY n) AS total, "
    "                          row_number() OVER (PARTITION BY n ORDER BY m DESC) AS rk "
    "                   FROM (SELECT n, cn, sum(mentions) AS m FROM link_groups GROUP BY n, cn)) "
    "WHERE rk = 1 AND cn <> n AND m >= ? * total")


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
    triggers and views, in one transaction. Returns True when something was changed."""
    own = not db.in_transaction
    if own:
        db.execute("BEGIN IMMEDIATE")
    try:
        changed = upgrade_columns(db)
        run_scripts(db, CORPUS_SCRIPTS)
    except BaseException:
        if own:
            db.execute("ROLLBACK")
        raise
    if own:
        db.execute("COMMIT")
    return changed


def upgrade_columns(db):
    """The columns of corpus entities on an older entities table, and the old
    triggers and views that do not know them dropped (the scripts make them
    again). Returns True when something was changed."""
    # The index trigger of a schema before articles_fts_paused indexes in every writer:
    # with the importer's own indexing, twice.
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_fts_insert' "
                  "AND sql NOT LIKE '%articles_fts_paused%'").fetchone():
        db.execute("DROP TRIGGER articles_fts_insert")
    if not db.execute("SELECT 1 FROM pragma_table_info('entities')").fetchone():
        return False  # a new database: schema.sql makes the table as it is now
    changed = False
    if not has_column(db, "entities", "entity_id"):
        db.execute("ALTER TABLE entities ADD COLUMN entity_id INTEGER")
        changed = True
    if not has_column(db, "entities", "boilerplate"):
        db.execute("ALTER TABLE entities ADD COLUMN boilerplate INTEGER NOT NULL DEFAULT 0")
        changed = True
    # The extraction triggers of a schema before entities_paused (0.2.0) extract in every writer.
    unpausable = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'entities_insert' "
                            "AND sql NOT LIKE '%entities_paused%'").fetchone()
    if changed or unpausable:
        # The triggers of the old schema insert SELECT * (6 columns); the
        # views of the old views.sql group by the raw canonical.
        for trigger in ("entities_insert", "entities_update"):
            db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    if changed:
        for view in VIEWS_OF_ENTITIES:
            db.execute(f"DROP VIEW IF EXISTS {view}")
    return changed


def boilerplate(db):
    """Flag the sentences a source repeats: fills the TEMP table link_boilerplate(article_id, b, e)
    (1-based, e exclusive) and returns {(source, sentence): articles}. Two passes over the
    articles, the counting in SQL: memory does not grow with the corpus."""

    def sentences(text):
        for m in SENTENCE.finditer(text or ""):
            if m.end() - m.start() < BOILERPLATE_MIN_CHARS:
                continue  # its words are shorter still
            s = " ".join(WORD.findall(m.group()))  # '----- يمكنكم' = 'يمكنكم'
            if len(s) >= BOILERPLATE_MIN_CHARS:
                yield s, m.start() + 1, m.end() + 1

    def digest(s):
        return int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big", signed=True)

    # source '' stands for NULL (the importers never store an empty source)
    db.executemany("INSERT INTO link_sentences VALUES (?, ?, ?)",
                   ((source or "", digest(s), aid)
                    for aid, source, text in db.execute("SELECT id, source, text FROM articles")
                    for s, b, e in sentences(text)))
    db.execute("INSERT INTO link_hot SELECT source, h, count(DISTINCT article_id) FROM link_sentences "
               "GROUP BY source, h HAVING count(DISTINCT article_id) >= ?", (BOILERPLATE_ARTICLES,))
    hot = {(src, h): n for src, h, n in db.execute("SELECT source, h, n FROM link_hot")}
    repeated = {}

    def spans():
        for aid, source, text in db.execute(
                "SELECT id, source, text FROM articles WHERE id IN (SELECT s.article_id FROM link_sentences AS s "
                "CROSS JOIN link_hot AS k ON k.source = s.source AND k.h = s.h)"):  # one scan of s
            for s, b, e in sentences(text):
                n = hot.get((source or "", digest(s)))
                if n:
                    repeated[(source, s)] = n
                    yield aid, b, e
    db.executemany("INSERT INTO link_boilerplate VALUES (?, ?, ?)", spans())
    return repeated


MEDIA_WORDS = {"اف", "أف", "إف", "ام", "أم", "إم", "fm", "برس", "نيوز", "تي", "في", "tv", "إذاعة", "اذاعة",
               "راديو", "قناة", "موقع", "صحيفة", "جريدة", "شبكة", "تلفزيون", "نت"}
SOURCE_WORDS = {"fm", "am", "tv", "news", "net", "com", "www", "online", "radio", "arabic", "the", "ar", "org"}


def consonants(latin):
    """The consonants of Latin letters, as a skeleton to compare names across scripts
    (Jawhara and الجوهرة: jhr): vowels and w, y (Arabic writes them or not) left out, c as s (BBC: بي بي سي)."""
    plain = unicodedata.normalize("NFKD", latin.lower())
    return re.sub(r"[aeiouwy]", "", re.sub(r"[^a-z]", "", plain)).replace("c", "s")


def source_skeleton(source):
    words = [w for w in re.findall(r"[a-z]+", (source or "").lower()) if w not in SOURCE_WORDS]
    words = [w[2:] if w.startswith(("al", "el")) and len(w) > 4 else w for w in words]
    return consonants("".join(words))


def own_names(db, org_spellings):
    """(source, root) of the organizations whose name is the source's own (Jawhara FM: الجوهرة أف أم,
    جوهرة, الجوهرة): in that source's articles they are its signature and attributions
    (لـ"الجوهرة أف أم"), not news about it. A name is compared with the source's Latin name
    by the consonants of its readable transliteration, without its article and the words of
    media (أف أم, إذاعة); skeletons of 3 consonants or more only (alarabia's rb would
    take الأوروبي and العروبة too)."""
    sources = {}
    for (src,) in db.execute("SELECT DISTINCT source FROM articles"):
        k = source_skeleton(src)
        if len(k) >= 3:  # two (alarabia: rb) would take الأوروبي and العروبة too
            sources.setdefault(k, []).append(src or "")
    if not sources:
        return []
    names = []  # (root, the name without its article and media words)
    for r, s in org_spellings:
        words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in s.split() if w.lower() not in MEDIA_WORDS]
        if words:
            names.append((r, " ".join(words)))
    latins = db.execute("SELECT arabic_translit(value, 'readable') FROM json_each(?) ORDER BY key",
                        (json.dumps([n for r, n in names], ensure_ascii=False),)).fetchall()
    out = []
    for (r, name), (latin,) in zip(names, latins):
        for src in sources.get(consonants(latin or ""), ()):
            out.append((src, r))
    return sorted(set(out))


def link(db, progress=None, upgraded=False, extractors=None):
    """Group the mentions of entities into corpus entities; rewrite
    entities.entity_id, entities.canonical and entities.boilerplate; rebuild
    corpus_entities, entity_aliases and entity_pairs. progress: a file
    (sys.stderr) for one line per step, or None; upgraded: the caller ran the
    corpus scripts on db (the importer), which upgrade() would run again;
    extractors: the importer's workers, one of which finds the boilerplate
    of the committed articles meanwhile."""
    say = Progress(progress)
    if not upgraded:
        upgrade(db)
    in_tx = db.in_transaction
    if not in_tx:
        # IMMEDIATE: a read transaction that writes later fails at once ("database is locked", no
        # busy timeout) when another importer holds the write lock then
        db.execute("BEGIN IMMEDIATE")
    try:
        with temp_cache(db):
            _link(db, say, extractors)
    except BaseException:
        if not in_tx:
            db.execute("ROLLBACK")
        raise
    if not in_tx:
        db.execute("COMMIT")


@contextlib.contextmanager
def temp_cache(db):
    """The TEMP tables' page cache at TEMP_CACHE_KIB while they are used, then as it was."""
    was = db.execute("PRAGMA temp.cache_size").fetchone()[0]
    db.execute(f"PRAGMA temp.cache_size = {-TEMP_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA temp.cache_size = {was}")


def link_tables(db, names=None):
    """The TEMP tables of a link (those named, or all), made empty."""
    for table in LINK_TABLES:
        name = table.split("(")[0]
        if names is None or name in names:
            db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table}")
            db.execute(f"DELETE FROM {name}")
    for index in LINK_INDEXES:
        if names is None or index.split(" ON ")[1].split("(")[0] in names:
            db.execute(f"CREATE INDEX IF NOT EXISTS temp.{index}")


BOILERPLATE_TABLES = ("link_sentences", "link_hot", "link_boilerplate")


def repeated_sentences(db):
    """boilerplate() on a connection of its own (a worker's: read-only, but for its TEMP
    tables): the repeated sentences and their spans [(article_id, b, e)], for the writer.
    In one transaction: one snapshot of the articles, and the TEMP rows are not each a
    transaction of their own (1.2 million sentences: 28 s instead of 1 s)."""
    with temp_cache(db):
        db.execute("BEGIN")
        try:
            link_tables(db, BOILERPLATE_TABLES)
            repeated = boilerplate(db)
            spans = db.execute("SELECT article_id, b, e FROM link_boilerplate").fetchall()
            link_tables(db, BOILERPLATE_TABLES)
        finally:
            db.execute("ROLLBACK")  # nothing to keep: the TEMP tables are emptied
    return repeated, spans


def gazetteer_readings(db):
    """[(spelling, type, name)] of each clean spelling of entities (a mention or a canonical)
    that arabic_entities() reads alone as a whole name, in the order of the spellings."""
    spellings = sorted({clean(raw) for (raw,) in db.execute(
        "SELECT entity FROM entities UNION SELECT canonical FROM entities")} - {""})
    return db.execute("SELECT j.value, e.type, e.canonical FROM json_each(?) AS j, arabic_entities(j.value) AS e "
                      "WHERE e.start = 1 AND e.length = length(j.value) ORDER BY j.key, e.start",
                      (json.dumps(spellings, ensure_ascii=False),)).fetchall()


def _link(db, say, extractors=None):
    link_tables(db)
    # in the workers, while this goes on
    found = extractors.boilerplate() if extractors else None
    read = extractors.readings() if extractors else None
    db.executemany("INSERT INTO link_strings(raw, s) VALUES (?, ?)",
                   ((raw, clean(raw)) for (raw,) in db.execute(
                       "SELECT entity FROM entities UNION SELECT canonical FROM entities")))
    db.execute("UPDATE link_strings SET key = coalesce(nullif(arabic_name_key(s), ''), nullif(s, ''), raw)")
    names = [k for (k,) in db.execute(RULE_12_NAMES)]
    if names:
        db.execute(RULE_12, (json.dumps(names, ensure_ascii=False),))
    gazetteer = {}  # (type, spelling) -> the gazetteer's name of the spelling read alone
    for s, typ, canon in read.get() if read else gazetteer_readings(db):
        g = clean(canon)
        if g and g != s:
            gazetteer[(typ, s)] = g

    def key_of(s):
        row = db.execute("SELECT key FROM link_strings WHERE s = ? LIMIT 1", (s,)).fetchone()
        return row[0] if row else s
    gazetteer = {(typ, s): (g, key_of(s), key_of(g)) for (typ, s), g in gazetteer.items()}

    # Nodes: the (type, key) of each spelling, article canonical and gazetteer name.
    db.execute(MENTION_GROUPS)
    db.execute(GROUP_MENTIONS)
    db.execute("INSERT OR IGNORE INTO link_nodes(type, key) SELECT type, sk FROM link_groups "
               "UNION SELECT type, ck FROM link_groups")
    db.executemany("INSERT OR IGNORE INTO link_nodes(type, key) VALUES (?, ?)",
                   ((typ, gk) for (typ, s), (g, sk, gk) in gazetteer.items()))
    keys, types = [None], [None]
    for nid, typ, k in db.execute("SELECT id, type, key FROM link_nodes ORDER BY id"):
        types.append(typ)
        keys.append(k)
        assert nid == len(keys) - 1
    db.execute("UPDATE link_groups SET n = (SELECT id FROM link_nodes AS a WHERE a.type = link_groups.type "
               "AND a.key = link_groups.sk), cn = (SELECT id FROM link_nodes AS a "
               "WHERE a.type = link_groups.type AND a.key = link_groups.ck)")
    say(f"{len(keys) - 1} spellings keyed, {len(gazetteer)} read by the gazetteer")

    def node(typ, k):
        row = db.execute("SELECT id FROM link_nodes WHERE type = ? AND key = ?", (typ, k)).fetchone()
        return row[0] if row else None
    # the nodes of each gazetteer spelling and of its name
    gazetteer = {ts: (g, sk, gk, node(ts[0], sk), node(ts[0], gk)) for ts, (g, sk, gk) in gazetteer.items()}

    roots = array("q", [0]) * (db.execute("SELECT coalesce(max(id), 0) + 1 FROM link_groups").fetchone()[0])

    def write_roots(rows):
        """link_groups.root of the groups whose root changed; rows: (root, group id) of every group."""
        changed = [(r, gid) for r, gid in rows if roots[gid] != r]
        for r, gid in changed:
            roots[gid] = r
        db.executemany("UPDATE link_groups SET root = ? WHERE id = ?", changed)

    parent = list(range(len(keys)))
    size = [1] * len(keys)
    # the given names (first words) of the full person names of each group (rule 6)
    given = {i: {k.split()[0]} for i, (t, k) in enumerate(zip(types, keys)) if t == "PERSON" and len(k.split()) > 1}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b, check=True):
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        ga, gb = given.get(ra), given.get(rb)
        if check and ga and gb and not (ga & gb):
            return  # rule 6
        if size[ra] < size[rb]:
            ra, rb, ga, gb = rb, ra, gb, ga
        parent[rb] = ra
        size[ra] += size[rb]
        if gb:
            given[ra] = ga | gb if ga else gb
            del given[rb]

    def surname(a, b):
        """Join the group of a, a surname of several words (قايد السبسي, بن علي), to b's: its
        first word is no given name, so it does not stand for one in rule 6."""
        ra = find(a)
        if given.get(ra) == {keys[a].split()[0]}:
            del given[ra]
        union(a, b)

    # rule 2: the gazetteer (checked too: a gazetteer alias of two given names stays apart;
    # an alias that is the last words of the name is its surname: قايد السبسي, بن علي)
    for (typ, s), (g, sk, gk, a, b) in gazetteer.items():
        if a:
            if typ == "PERSON" and len(sk.split()) > 1 and gk.endswith(" " + sk):
                surname(a, b)
            else:
                union(a, b)
    # rule 8: spellings that differ only in their spaces (بنقردان, بن قردان; أبوظبي, أبو ظبي)
    # (the key of the spelling written without its spaces: a key drops the long vowels of a
    # long word only, شي جين بينغ and شي جينبينغ)
    glued = {}
    for nid, typ, g in db.execute(
            "SELECT n, type, arabic_name_key(replace(s, ' ', '')) FROM link_groups WHERE instr(s, ' ') "
            "UNION SELECT id, type, replace(key, ' ', '') FROM link_nodes ORDER BY 1"):
        if (typ, g) in glued:
            union(glued[(typ, g)], nid, check=False)  # عبدالله, عبد الله: one given name
        else:
            glued[(typ, g)] = nid
    del glued
    # rule 8, too: a person of two words or more spelled with the conjunction و on its first word
    # (وكيليان مبابي, وروميلو لوكاكو) is the person spelled without it, when the corpus has him
    persons = {keys[n]: n for n in range(1, len(keys)) if types[n] == "PERSON" and " " in keys[n]}
    for nid, k in db.execute(
            "SELECT n, arabic_name_key(substr(s, 2)) FROM link_groups WHERE type = 'PERSON' "
            "AND s LIKE 'و%' AND instr(s, ' ') > 4 ORDER BY 1").fetchall():
        if k in persons and persons[k] != nid:
            union(nid, persons[k], check=False)  # وكيليان, كيليان: one given name
    del persons
    # rule 3: a spelling the extractor links to one canonical almost always
    db.execute(GROUP_ARTICLES)
    articles = dict(db.execute(NODE_ARTICLES.format("n")).fetchall())
    for n, cn in db.execute(RULE_3, (ALIAS_SHARE,)).fetchall():
        if articles[n] >= 3 or len(keys[n].split()) > 1:
            union(n, cn)
    del articles
    # rule 11: a one-word organization with and without ال, named together (as a spelling or an
    # article's canonical) in an article at least (الفيفا, فيفا; not الفتح the club and فتح the movement)
    org_words = {keys[n]: n for n in range(1, len(keys)) if types[n] == "ORGANIZATION" and " " not in keys[n]}
    pairs = [(n, org_words[k[2:]]) for k, n in org_words.items()
             if k.startswith("ال") and len(k) >= 5 and k[2:] in org_words]
    arts_of = defaultdict(set)
    wanted = json.dumps(sorted({x for p in pairs for x in p}))
    for n, a in db.execute("SELECT g.n, a.article_id FROM link_groups AS g JOIN link_group_articles AS a "
                           "ON a.group_id = g.id WHERE g.n IN (SELECT value FROM json_each(?)) "
                           "UNION ALL SELECT g.cn, a.article_id FROM link_groups AS g JOIN link_group_articles AS a "
                           "ON a.group_id = g.id WHERE g.cn IN (SELECT value FROM json_each(?))", (wanted, wanted)):
        arts_of[n].add(a)
    for a, b in pairs:
        if arts_of[a] & arts_of[b]:
            union(a, b, check=False)
    del org_words, pairs, wanted, arts_of

    # rule 7: full names that differ in one letter of one word, a middle word or one of 6 letters
    # or more (كيم جونغ أون, كيم يونغ أون; أنغيلا ميركل, أنجيلا ميركل)
    def frames():
        for nid in range(1, len(keys)):
            w = keys[nid].split() if types[nid] == "PERSON" else ()
            if len(w) >= 2:
                for i in range(len(w)):
                    if len(w[i]) >= (3 if 0 < i < len(w) - 1 else 6):
                        for j in range(len(w[i])):
                            hole = f"\x1f{len(w[i])}\x1f{w[i][:j]}\x1f{w[i][j + 1:]}"
                            yield " ".join(w[:i] + [hole] + w[i + 1:]), nid
                    # a word with a long vowel more or less: its key without the marks of
                    # the vowels it dropped (زوكربيرغ, زوكربرغ)
                    bare = w[i].rstrip(VOWEL_MARKS)
                    if len(bare) >= 4:
                        yield " ".join(w[:i] + ["\x1e" + bare] + w[i + 1:]), nid
                    # the g of a foreign name written ج or غ (سيرجي, سيرغي سكريبال; غاريث, جاريث بيل),
                    # and a Spanish g or j written ج or خ (سيرجيو, سيرخيو راموس)
                    if any(g in w[i] for g in G_LETTERS):
                        one = w[i].replace(G_LETTERS[1], G_LETTERS[0]).replace(G_LETTERS[2], G_LETTERS[0])
                        yield " ".join(w[:i] + ["\x1d" + one] + w[i + 1:]), nid
    db.executemany("INSERT INTO link_frames VALUES (?, ?)", frames())
    first = (None, None)
    for frame, nid in db.execute("SELECT frame, node FROM link_frames ORDER BY frame, rowid").fetchall():
        if frame == first[0]:
            union(first[1], nid, check=False)  # one letter apart: not two given names
        else:
            first = (frame, nid)
    db.execute("DELETE FROM link_frames")
    say("spellings joined")

    # rule 5: lone one-word persons, by the articles of each group (counted in SQL)
    write_roots([(find(n), gid) for gid, n in db.execute("SELECT id, n FROM link_groups")])
    arts = Counter(dict(db.execute(NODE_ARTICLES.format("root")).fetchall()))
    # ... first: a given name and a family name (خوان بيتزي) join the one fuller name that begins and
    # ends with them (خوان أنطونيو بيتزي), in 2 articles or more, with rule 5's dominance; then the
    # family name alone has one full name to join
    def name_keys(words):
        return {db.execute("SELECT arabic_name_key(?)", (w,)).fetchone()[0] for w in words}
    particles = name_keys(PARTICLES)
    not_given = particles | name_keys(["عبد"])
    by_ends = defaultdict(set)
    for nid in range(1, len(keys)):
        words = keys[nid].split()
        if types[nid] == "PERSON" and len(words) > 2 and not not_given & set(words):
            by_ends[(words[0], words[-1])].add(find(nid))
    for nid in range(1, len(keys)):
        words = keys[nid].split()
        if types[nid] != "PERSON" or len(words) != 2 or not_given & set(words) or tuple(words) not in by_ends:
            continue
        r = find(nid)
        cands = sorted(((arts[c], c) for c in by_ends[tuple(words)] if c != r and arts[c] >= 2), reverse=True)
        if cands and (len(cands) == 1 or cands[0][0] >= DOMINANCE * cands[1][0]):
            union(nid, cands[0][1])
            arts[find(nid)] = arts[cands[0][1]] + arts[r]
    del by_ends
    by_word = defaultdict(set)  # first or last word -> groups of full person names
    for nid in range(1, len(keys)):
        words = keys[nid].split()
        if types[nid] == "PERSON" and len(words) > 1:
            by_word[words[0]].add(find(nid))
            by_word[words[-1]].add(find(nid))
    for nid in range(1, len(keys)):
        k = keys[nid]
        if types[nid] != "PERSON" or len(k.split()) != 1 or len(k) < 3:
            continue
        r = find(nid)
        if r in given:
            continue  # the group has a full name already
        cands = sorted(((arts[c], c) for c in by_word.get(k, ()) if c != r), reverse=True)
        if cands and (len(cands) == 1 or cands[0][0] >= DOMINANCE * cands[1][0]):
            union(nid, cands[0][1], check=False)
    # ... and two given names still without the family name (رجب طيب, كيم جونغ) join the one
    # full name they begin; a name of two words that is one given name (عبد الله) or holds a
    # particle (بن سلمان) stays
    by_start, longer = defaultdict(set), set()
    for nid in range(1, len(keys)):
        words = keys[nid].split()
        if types[nid] == "PERSON" and len(words) > 2:
            by_start[" ".join(words[:2])].add(find(nid))
            longer.add(find(nid))
    for nid in range(1, len(keys)):
        words = keys[nid].split()
        if types[nid] != "PERSON" or len(words) != 2 or not_given & set(words) or keys[nid] not in by_start:
            continue
        r = find(nid)
        if r in longer:
            continue
        cands = sorted(((arts[c], c) for c in by_start[keys[nid]] if c != r), reverse=True)
        if cands and (len(cands) == 1 or cands[0][0] >= DOMINANCE * cands[1][0]):
            union(nid, cands[0][1])
    del by_start, longer, not_given
    # rule 9: a surname of several words still alone (بن يوسف) joins the one full name it ends,
    # as rule 5 does for one word
    write_roots([(find(n), gid) for gid, n in db.execute("SELECT id, n FROM link_groups")])
    arts = Counter(dict(db.execute(NODE_ARTICLES.format("root")).fetchall()))
    # A surname of several words starts with a particle (بن يوسف, أبو زيد); سلمان بن عبد العزيز
    # is a full name, and the father's name in محمد بن سلمان بن عبد العزيز (after بن) is no surname.
    by_suffix = defaultdict(set)
    for nid in range(1, len(keys)):
        words = keys[nid].split()
        if types[nid] == "PERSON" and len(words) > 2:
            for i in range(1, len(words) - 1):
                if words[i] in particles and words[i - 1] not in particles:
                    by_suffix[" ".join(words[i:])].add(find(nid))
    for nid in range(1, len(keys)):
        k = keys[nid]
        if types[nid] != "PERSON" or len(k.split()) < 2 or k.split()[0] not in particles or k not in by_suffix:
            continue
        r = find(nid)
        if given.get(r, set()) - {k.split()[0]}:
            continue  # the group has a given name of its own
        cands = sorted(((arts[c], c) for c in by_suffix[k] if c != r), reverse=True)
        if cands and (len(cands) == 1 or cands[0][0] >= DOMINANCE * cands[1][0]):
            surname(nid, cands[0][1])
    # rule 10: an organization named short (مجلس الشعب, البنك المركزي) joins the one full name
    # of the corpus that holds its words in order, the others being adjectives with ال or a noun
    # inside (مجلس نواب الشعب, البنك المركزي التونسي; never a phrase of ل: الاتحاد الأفريقي is
    # not الاتحاد الأفريقي لكرة القدم), when that full name is named in at least half as many
    # articles and 5 times as many as any other
    shorter = defaultdict(set)
    ministry = name_keys(["وزارة"])
    for nid in range(1, len(keys)):
        words = keys[nid].split()
        if types[nid] != "ORGANIZATION" or not 3 <= len(words) <= 6:
            continue
        # a ministry named without its word of kind (الخارجية الأمريكية) is one too
        optional = [i for i in range(1 if words[0] not in ministry else 0, len(words))
                    if i == 0 or words[i].startswith("ال") or (i < len(words) - 1 and not words[i].startswith("ل"))]
        for mask in range(1, 1 << len(optional)):
            drop = {optional[j] for j in range(len(optional)) if mask >> j & 1}
            kept = [w for i, w in enumerate(words) if i not in drop]
            if len(kept) >= 2:
                shorter[" ".join(kept)].add(find(nid))
    for nid in range(1, len(keys)):
        if types[nid] != "ORGANIZATION" or keys[nid] not in shorter:
            continue
        r = find(nid)
        cands = sorted(((arts[c], c) for c in shorter[keys[nid]] if c != r), reverse=True)
        if cands and 2 * cands[0][0] >= arts[r] and (len(cands) == 1 or cands[0][0] >= DOMINANCE * cands[1][0]):
            union(nid, cands[0][1])
    del by_word, by_suffix, shorter, arts
    say("one-word names joined where unambiguous")

    # Each group's entity: rule 4 (a one-word person or organization inside the article's full
    # name), else its spelling's.
    spellings = {}  # (root, spelling) -> [mentions, key, alias id]
    gaz_names = Counter()  # (root, gazetteer name) -> mentions
    aliases = []  # (alias id, group id)

    def assigned():
        for gid, typ, s, m, n, cn in db.execute("SELECT id, type, s, mentions, n, cn FROM link_groups"):
            r = find(n)
            words = keys[cn].split()
            k = keys[n]
            if len(k.split()) == 1 and len(words) > 1 and (
                    (typ == "PERSON" and k in words) or
                    (typ == "ORGANIZATION" and {k, k[2:] if k.startswith("ال") else k} & {words[0], words[-1]})):
                r = find(cn)
            sp = spellings.setdefault((r, s), [0, k, len(spellings) + 1])  # k: the spelling's key
            sp[0] += m
            aliases.append((sp[2], gid))
            g = gazetteer.get((typ, s))
            if g:
                gaz_names[(find(g[4]), g[0])] += m
            yield r, gid
    write_roots(assigned())
    db.executemany("UPDATE link_groups SET alias = ? WHERE id = ?", aliases)
    # the words of the spellings and the union-find are done with: memory for what follows
    del aliases, keys, given, parent, size

    # Canonicals: the gazetteer's name, else the most frequent full form, else the most frequent spelling.
    best = {}
    for (r, g), m in gaz_names.items():
        if r not in best or (-m, g) < best[r]:
            best[r] = (-m, g)
    canonical = {r: g for r, (m, g) in best.items()}
    mentions = Counter()
    best = {}
    # a spelling with the conjunction و that the group also has without it is no canonical (rule 8)
    group_keys = {(r, sk) for (r, s), (m, sk, a) in spellings.items()}

    def with_conj(r, s):
        return s.startswith("و") and " " in s and (
            r, db.execute("SELECT arabic_name_key(?)", (s[1:],)).fetchone()[0]) in group_keys
    for (r, s), (m, sk, a) in spellings.items():
        mentions[r] += m
        rank = (len(s.split()) == 1, with_conj(r, s), -m, s)
        if r not in best or rank < best[r]:
            best[r] = rank
    for r, (single, conj, m, s) in best.items():
        canonical.setdefault(r, s)
    del best, group_keys

    # Stable ids: the old entity whose aliases hold most of the group's mentions.
    old = defaultdict(list)
    for eid, typ, k, m in db.execute("SELECT entity_id, type, key, mentions FROM entity_aliases"):
        old[(typ, k)].append((eid, m or 1))
    votes = Counter()
    for (r, s), (m, sk, a) in spellings.items():
        for eid, om in old.get((types[r], sk), ()):
            votes[(r, eid)] += min(m, om)
    del old
    ids, taken = {}, set()
    for (r, eid), c in sorted(votes.items(), key=lambda x: (-x[1], x[0][1], x[0][0])):
        if r not in ids and eid not in taken:
            ids[r] = eid
            taken.add(eid)
    del votes
    seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'corpus_entities'").fetchone()
    next_id = max([seq[0] if seq else 0] + list(taken) + [db.execute(
        "SELECT coalesce(max(id), 0) FROM corpus_entities").fetchone()[0]]) + 1
    for r in sorted(mentions, key=lambda r: (-mentions[r], r)):
        if r not in ids:
            ids[r] = next_id
            next_id += 1
    say(f"{len(mentions)} entities, {len(taken)} kept their id")

    if found:
        repeated, spans = found.get()
        db.executemany("INSERT INTO link_boilerplate VALUES (?, ?, ?)", spans)
    else:
        repeated = boilerplate(db)
    say(f"{len(repeated)} boilerplate sentences")
    own = own_names(db, {(r, s) for (r, s) in spellings if types[r] == "ORGANIZATION"})
    db.executemany("INSERT OR IGNORE INTO link_own VALUES (?, ?)", own)
    say(f"{len(own)} names of a source in its own articles")

    # Write: the mentions by their rowid, then every count in SQL over them.
    db.executemany("INSERT INTO link_roots VALUES (?, ?, ?)", ((r, ids[r], canonical[r]) for r in mentions))
    for sql in MENTION_BOILERPLATE:
        db.execute(sql)
    # Most rows new (an import into an empty corpus): the indexes of entities, which all hold
    # canonical or entity_id, are made again after the update rather than updated row by row.
    fresh, total = db.execute("SELECT count(*) - count(entity_id), count(*) FROM entities").fetchone()
    indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entities' "
                         "AND sql IS NOT NULL").fetchall() if fresh * REBUILD_SHARE > total else []
    for name, sql in indexes:
        db.execute(f'DROP INDEX "{name}"')
    # The counts and pairs of the rows set here are written below: entities_linked waits.
    paused = db.execute("INSERT INTO linking_paused(writer) VALUES ('link')").lastrowid
    db.execute("UPDATE entities SET entity_id = r.entity_id, canonical = r.canonical, boilerplate = m.boilerplate "
               "FROM link_mentions AS m JOIN link_groups AS l ON l.id = m.group_id JOIN link_roots AS r ON r.root = l.root "
               "WHERE entities.rowid = m.id AND (entities.entity_id IS NOT r.entity_id "
               "OR entities.canonical IS NOT r.canonical OR entities.boilerplate IS NOT m.boilerplate)")
    db.execute("DELETE FROM linking_paused WHERE rowid = ?", (paused,))
    for name, sql in indexes:
        db.execute(sql)
    # Every row of the tables below is written again: their indexes are made once, after.
    rebuilt = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                         "AND tbl_name IN ('corpus_entities', 'entity_aliases', 'entity_pairs')").fetchall()
    for name, sql in rebuilt:
        db.execute(f'DROP INDEX "{name}"')
    db.execute("DELETE FROM entity_pairs")
    db.execute("DELETE FROM entity_aliases")
    db.execute("DELETE FROM corpus_entities")
    db.executemany("INSERT INTO link_aliases VALUES (?, ?, ?, ?, ?)",
                   ((a, ids[r], types[r], s, sk) for (r, s), (m, sk, a) in spellings.items()))
    db.execute("INSERT INTO link_alias_articles SELECT l.alias, m.article_id, count(*) "
               "FROM link_mentions AS m JOIN link_groups AS l ON l.id = m.group_id "
               "WHERE m.boilerplate = 0 GROUP BY l.alias, m.article_id ORDER BY 1, 2")
    db.execute("INSERT INTO corpus_entities(id, type, canonical, articles, mentions) "
               "SELECT r.entity_id, n.type, r.canonical, coalesce(c.articles, 0), coalesce(c.mentions, 0) "
               "FROM link_roots AS r JOIN link_nodes AS n ON n.id = r.root "
               "LEFT JOIN (SELECT a.entity_id, count(DISTINCT x.article_id) AS articles, sum(x.mentions) AS mentions "
               "           FROM link_alias_articles AS x JOIN link_aliases AS a ON a.id = x.alias "
               "           GROUP BY a.entity_id) AS c ON c.entity_id = r.entity_id")
    db.execute("INSERT INTO entity_aliases(entity_id, type, spelling, key, articles, mentions) "
               "SELECT a.entity_id, a.type, a.spelling, a.key, coalesce(c.articles, 0), coalesce(c.mentions, 0) "
               "FROM link_aliases AS a LEFT JOIN (SELECT alias, count(*) AS articles, sum(mentions) AS mentions "
               "                                  FROM link_alias_articles GROUP BY alias) AS c ON c.alias = a.id")
    db.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'corpus_entities'", (next_id - 1,))
    db.execute("INSERT OR IGNORE INTO link_article_entities SELECT x.article_id, a.entity_id "
               "FROM link_alias_articles AS x JOIN link_aliases AS a ON a.id = x.alias WHERE a.type <> 'DATE'")
    for table in LINK_TABLES:
        if not table.startswith("link_article_entities"):
            db.execute(f"DELETE FROM {table.split('(')[0]}")
    db.execute("INSERT INTO entity_pairs(a, b, articles) SELECT x.entity_id, y.entity_id, count(*) "
               "FROM link_article_entities AS x JOIN link_article_entities AS y "
               "  ON y.article_id = x.article_id AND y.entity_id > x.entity_id "
               "GROUP BY x.entity_id, y.entity_id")
    db.execute("DELETE FROM link_article_entities")
    for name, sql in rebuilt:
        db.execute(sql)
    db.execute("DELETE FROM boilerplate_sentences")
    db.executemany("INSERT INTO boilerplate_sentences VALUES (?, ?, ?)",
                   ((src, s, n) for (src, s), n in sorted(repeated.items(), key=lambda x: (str(x[0][0]), -x[1]))))
    say("written")


def refresh(db, progress=None, extract=True, jobs=1):
    """After a gazetteer edit: extract the entities of every article again
    (extract=True; by jobs worker processes when jobs > 1 and article_entities is
    the view of schema.sql), then link."""
    say = Progress(progress)
    upgrade(db)
    if not extract:
        link(db, progress, upgraded=True)
        return
    # arabic_entities makes its gazetteer watch (TEMP triggers) on its first read after the
    # table appears: a read of its own first, so that it is not made inside the INSERT below
    # (a schema change under a running statement aborts it: "abort due to ROLLBACK").
    db.execute("SELECT count(*) FROM arabic_entities('سيرغي لافروف')").fetchone()
    db_path = db.execute("SELECT file FROM pragma_database_list WHERE name = 'main'").fetchone()[0]
    parallel = jobs > 1 and db_path and workers.stock_view(db, sql_path("schema.sql"))
    with workers.Extractors(db_path, loadable_path(), jobs) if parallel else contextlib.nullcontext() as pool:
        db.execute("BEGIN")
        # Every mention is new: no per-row (un)linking, link() below does it for all at once; the
        # indexes of entities are made again once, after it (as after a first import).
        db.execute("INSERT INTO linking_paused(writer) VALUES ('refresh')")
        for index in ENTITY_INDEXES:
            db.execute(f"DROP INDEX IF EXISTS {index}")
        db.execute("DELETE FROM entities")
        total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
        step = max(1, total // 10)
        for i in range(0, len(ids), step):
            first, last = ids[i], ids[min(i + step, len(ids)) - 1]
            if pool:
                for aid, text in db.execute("SELECT id, text FROM articles WHERE id BETWEEN ? AND ? "
                                            "ORDER BY id", (first, last)):
                    pool.submit(db, aid, text)
                pool.write(db, everything=True)
            else:
                db.execute("INSERT INTO entities(article_id, entity, type, start, length, canonical) "
                           "SELECT * FROM article_entities WHERE article_id BETWEEN ? AND ?", (first, last))
            say(f"extracted {min(i + step, len(ids))}/{total} articles")
        db.execute("DELETE FROM linking_paused")
        db.execute("COMMIT")
        link(db, progress, upgraded=True, extractors=pool)
    upgrade(db)  # the indexes of entities
