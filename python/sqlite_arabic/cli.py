"""sqlite-arabic: build a database from Arabic articles and ask it questions.

  sqlite-arabic import SOURCE DB            a folder of *.txt articles (or one article per line) -> DB
  sqlite-arabic search DB QUERY             articles ranked by bm25, with a snippet
  sqlite-arabic top DB [--type PERSON]      the entities most articles mention (--since, --until, --per week)
  sqlite-arabic kwic DB WORD                every use of a word, with the words around it
  sqlite-arabic spellings DB NAME           how this corpus spells a name (ترامب, ترمب)
  sqlite-arabic cooccur DB [NAME]           who appears with whom
  sqlite-arabic export DB TABLE             a table or view as JSON lines (--json, --csv)
  sqlite-arabic refresh DB                  entities again after a gazetteer edit, then linked (--link-only)
  sqlite-arabic report DB -o report.html    one HTML page with charts and tables, readable offline
  sqlite-arabic path                        the path of arabic.so, for `.load` in other programs

Every listing prints a table, or JSON (--json) or CSV (--csv). The SQL is
that of sql/views.sql (entity_counts, cooccurrence, kwic, spellings,
entity_weeks, source_weeks), so a question asked here can be asked in SQL.
Only the Python standard library is used.
"""
import argparse
import csv
import json
import os
import sqlite3
import sys
import unicodedata

from . import LoadError, __version__, check_python, library_path, load, run_scripts

PROG = "sqlite-arabic"
ENTITY_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "DATE")
INDEX_FORMAT = "2"  # the index format this build reads (arabic_metadata.index_format)
# A corpus of format 1 was made when articles_fts named no token format, so this
# build reads its index as format 2: it must be rebuilt first.
REBUILD = ("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild'); "
           "UPDATE arabic_metadata SET value = '2' WHERE key = 'index_format'")


class UsageError(Exception):
    """A problem the user can fix: printed without a traceback."""


def open_corpus(path):
    """A connection to an existing corpus database, the extension loaded and
    the views of sql/views.sql present."""
    check_python()  # first: a Python that cannot load the extension can do nothing here
    if not os.path.exists(path):
        raise UsageError(f"{path}: no such database; build one with `{PROG} import FOLDER {path}`")
    db = sqlite3.connect(path)
    load(db)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    if "articles" not in names or "entities" not in names:
        raise UsageError(f"{path} is not a sqlite-arabic corpus (no articles and entities tables); "
                         f"build one with `{PROG} import FOLDER {path}`")
    if "arabic_metadata" in names:
        fmt = db.execute("SELECT value FROM arabic_metadata WHERE key = 'index_format'").fetchone()
        if fmt and fmt[0] == "1":
            raise UsageError(f"{path} has an index of format 1, which this sqlite-arabic ({__version__}) reads as "
                             f"format {INDEX_FORMAT}: rebuild it once with sqlite3 {path} -cmd '.load "
                             f"{library_path()}' \"{REBUILD}\"")
        if fmt and fmt[0] != INDEX_FORMAT:
            raise UsageError(f"{path} has an index of format {fmt[0]}; this sqlite-arabic ({__version__}) "
                             f"reads format {INDEX_FORMAT}: use a newer version")
    if "corpus_entities" not in names or not any(
            r[1] == "entity_id" for r in db.execute("PRAGMA table_info(entities)")):
        raise UsageError(f"{path} was made before corpus entities (no corpus_entities table or entities.entity_id): "
                         f"upgrade it once with `{PROG} refresh {path} --link-only`")
    if not {"entity_weeks", "source_weeks", "spellings", "entity_spellings"} <= names:
        try:
            run_scripts(db, ("views.sql",))
        except sqlite3.OperationalError as e:
            raise UsageError(f"{path} lacks the views of this version and cannot get them: {e}") from e
    return db


# ---- output -----------------------------------------------------------------

def display_width(text):
    """Columns a terminal gives text: marks take none, wide characters two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value).replace("\n", " ")


def write_rows(columns, rows, fmt, out):
    """rows (an iterable of tuples) as an aligned table, JSON or CSV."""
    if fmt == "json":
        json.dump([dict(zip(columns, r)) for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(dict(zip(columns, r)), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
    else:
        table = [list(columns)] + [[cell_text(v) for v in r] for r in rows]
        widths = [max(display_width(row[i]) for row in table) for i in range(len(columns))]
        for n, row in enumerate(table):
            out.write("  ".join(v + " " * (widths[i] - display_width(v)) for i, v in enumerate(row)).rstrip()
                      + "\n")
            if n == 0:
                out.write("  ".join("-" * w for w in widths) + "\n")


# ---- commands ---------------------------------------------------------------

def canonical_names(db, name):
    """The canonical names a name typed by the user stands for: its own
    canonical (arabic_entities knows ترمب is دونالد ترامب) and those of the
    mentions written exactly so."""
    names = [r[0] for r in db.execute(
        "SELECT canonical FROM arabic_entities(?1) WHERE start = 1 AND length = length(?1) "
        "UNION SELECT canonical FROM entities WHERE canonical = ?1 "
        "UNION SELECT DISTINCT canonical FROM entities WHERE entity = ?1 "
        "UNION SELECT e.canonical FROM entity_aliases AS s JOIN corpus_entities AS e ON e.id = s.entity_id "
        "WHERE s.key = arabic_name_key(?1)", (name,))]
    return names or [name]


def cmd_search(db, a):
    match = "?" if a.fts else "arabic_query(?)"
    sql = ("SELECT a.id, a.published, a.source, a.title, "
           "snippet(articles_fts, -1, ?, ?, '…', ?) AS snippet, round(articles_fts.rank, 3) AS rank "
           "FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid "
           f"WHERE articles_fts MATCH {match} ORDER BY articles_fts.rank LIMIT ?")
    return ("id", "published", "source", "title", "snippet", "rank"), \
        db.execute(sql, (a.mark[0], a.mark[1], a.words, a.query, a.limit))


def period_expr(per):
    return {"week": "date(a.published, '-6 days', 'weekday 1')", "month": "substr(a.published, 1, 7)",
            "year": "substr(a.published, 1, 4)"}[per]


def cmd_top(db, a):
    where, args = [], []
    if a.type:
        where.append("e.type = ?")
        args.append(a.type)
    if a.since:
        where.append("a.published >= ?")
        args.append(a.since)
    if a.until:
        where.append("a.published <= ?")
        args.append(a.until)
    if not (a.since or a.until or a.per):
        # no period: the view itself
        sql = ("SELECT canonical, type, articles, mentions FROM entity_counts"
               + (" WHERE type = ?" if a.type else "") + " ORDER BY articles DESC, mentions DESC, canonical LIMIT ?")
        return ("canonical", "type", "articles", "mentions"), db.execute(sql, args + [a.limit])
    cond = " AND ".join(where) or "1"
    if not a.per:
        sql = ("SELECT e.canonical, e.type, count(DISTINCT e.article_id) AS articles, count(*) AS mentions "
               f"FROM entities AS e JOIN articles AS a ON a.id = e.article_id WHERE {cond} "
               "GROUP BY e.canonical, e.type ORDER BY articles DESC, mentions DESC, e.canonical LIMIT ?")
        return ("canonical", "type", "articles", "mentions"), db.execute(sql, args + [a.limit])
    sql = ("SELECT period, canonical, type, articles, mentions FROM ("
           " SELECT *, row_number() OVER (PARTITION BY period"
           "  ORDER BY articles DESC, mentions DESC, canonical) AS n FROM ("
           f"  SELECT {period_expr(a.per)} AS period, e.canonical, e.type,"
           "   count(DISTINCT e.article_id) AS articles, count(*) AS mentions"
           f"  FROM entities AS e JOIN articles AS a ON a.id = e.article_id WHERE {cond} AND a.published IS NOT NULL"
           "  GROUP BY period, e.canonical, e.type))"
           " WHERE n <= ? ORDER BY period, articles DESC, mentions DESC, canonical")
    return (a.per, "canonical", "type", "articles", "mentions"), db.execute(sql, args + [a.limit])


def cmd_kwic(db, a):
    if len(a.word.split()) != 1:
        raise UsageError("kwic: give one word (for a phrase, use search)")
    # The kwic view asked by the word's search form (what MATCH looks up), in
    # the articles the index finds, so only those are tokenized; a word
    # indexed twice at one place (as written and stripped) is shown once.
    sql = ("SELECT article_id, left_context, word, right_context FROM kwic "
           "WHERE token = arabic_stem(?1) "
           "AND article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH arabic_query(?1)) "
           "GROUP BY article_id, start ORDER BY article_id, start LIMIT ?2")
    return ("article_id", "left", "word", "right"), db.execute(sql, (a.word, a.limit))


# The words of a name (the subquery gives a column word) and the index
# words that share their name key. A
# spelling starts with the word's first letter (name keys keep it), so each
# word reads one slice of the vocabulary; CROSS JOIN keeps the words outside.
SPELLINGS_SQL = (
    "SELECT w.*, s.spelling, s.articles, s.mentions "
    "FROM (SELECT %s) AS w CROSS JOIN spellings AS s "
    "WHERE s.spelling >= substr(w.word, 1, 1) AND s.spelling < char(unicode(w.word) + 1) "
    "AND s.name_key = arabic_name_key(w.word) ORDER BY %s, s.articles DESC, s.spelling")


def cmd_spellings(db, a):
    sql = SPELLINGS_SQL % ("position, token AS word FROM arabic_tokens(?, 'stem 0')", "w.position")
    rows = db.execute(sql, (a.name,))
    return ("word", "spelling", "articles", "mentions"), (r[1:] for r in rows)


def cmd_cooccur(db, a):
    if not a.name:
        sql = "SELECT a, b, articles FROM cooccurrence ORDER BY articles DESC, a, b LIMIT ?"
        return ("a", "b", "articles"), db.execute(sql, (a.limit,))
    names = canonical_names(db, a.name)
    marks = ",".join("?" * len(names))
    sql = (f"SELECT a AS name, b AS other, articles FROM cooccurrence WHERE a IN ({marks}) UNION ALL "
           f"SELECT b, a, articles FROM cooccurrence WHERE b IN ({marks}) "
           "ORDER BY articles DESC, other LIMIT ?")
    return ("name", "with", "articles"), db.execute(sql, names + names + [a.limit])


def cmd_export(db, a):
    kinds = dict(db.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"))
    if a.table not in kinds or a.table.startswith(("sqlite_", "articles_fts_")):
        raise UsageError(f"no table or view {a.table!r}; there are: "
                         + ", ".join(sorted(n for n in kinds if not n.startswith(("sqlite_", "articles_fts_")))))
    cur = db.execute('SELECT * FROM "%s"' % a.table.replace('"', '""'))
    return tuple(d[0] for d in cur.description), cur


def cmd_refresh(a):
    from . import importer, linking
    check_python()
    if not os.path.exists(a.db):
        raise UsageError(f"{a.db}: no such database; build one with `{PROG} import FOLDER {a.db}`")
    db = sqlite3.connect(a.db, isolation_level=None)
    load(db)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    if "articles" not in names or "entities" not in names:
        raise UsageError(f"{a.db} is not a sqlite-arabic corpus (no articles and entities tables)")
    jobs = a.jobs
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs: give 1 or more worker processes")
    if jobs is None:  # as the importer: one worker per core for 2 MB of text or more
        text_bytes = db.execute("SELECT coalesce(sum(bytes), 0) FROM articles").fetchone()[0]
        jobs = (os.cpu_count() or 1) if text_bytes >= importer.PARALLEL_BYTES else 1
    linking.refresh(db, sys.stderr, extract=not a.link_only, jobs=jobs)
    n = db.execute("SELECT count(*), coalesce(sum(mentions), 0) FROM corpus_entities").fetchone()
    print(f"{PROG}: {a.db}: {n[0]} entities, {n[1]} mentions", file=sys.stderr)
    return 0


LISTINGS = {"search": cmd_search, "top": cmd_top, "kwic": cmd_kwic, "spellings": cmd_spellings,
            "cooccur": cmd_cooccur, "export": cmd_export}


def parser():
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.split("\n")[2:11]))
    ap.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("import", add_help=False, help="build or update a database (the importer's options)")

    def listing(name, help_text):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("db", help="the corpus database")
        fmt = p.add_mutually_exclusive_group()
        fmt.add_argument("--json", dest="format", action="store_const", const="json", help="a JSON array")
        fmt.add_argument("--csv", dest="format", action="store_const", const="csv", help="CSV with a header")
        if name == "export":
            fmt.add_argument("--jsonl", dest="format", action="store_const", const="jsonl",
                             help="one JSON object a line (the default)")
        else:
            p.add_argument("--limit", type=int, default=20, help="at most this many rows (default 20)")
        return p

    p = listing("search", "articles ranked by bm25, best first, with a snippet")
    p.add_argument("query", help="words, \"phrases\", AND/OR/NOT, NEAR(...), prefix*, title:word")
    p.add_argument("--fts", action="store_true", help="QUERY is an FTS5 expression, used as it is")
    p.add_argument("--words", type=int, default=16, help="words in a snippet (default 16)")
    p.add_argument("--mark", nargs=2, default=("[", "]"), metavar=("BEFORE", "AFTER"),
                   help="what surrounds a match in the snippet (default [ ])")
    p = listing("top", "the entities the most articles mention")
    p.add_argument("--type", choices=ENTITY_TYPES, help="only this type")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only articles published that day or later")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only articles published that day or earlier")
    p.add_argument("--per", choices=("week", "month", "year"), help="the top of each period (weeks start on Monday)")
    p = listing("kwic", "keyword in context: each use of a word with the words around it")
    p.add_argument("word")
    p = listing("spellings", "the spellings of a name in this corpus (the index words with its name key)")
    p.add_argument("name")
    p = listing("cooccur", "pairs of entities named in the same articles")
    p.add_argument("name", nargs="?", help="only the pairs of this entity (any spelling)")
    p = listing("export", "a table or view, every row")
    p.add_argument("table", help="articles, entities, entity_counts, cooccurrence, spellings, ...")
    p = sub.add_parser("report", help="one self-contained HTML page: charts and tables")
    p.add_argument("db", help="the corpus database")
    p.add_argument("-o", "--output", default="report.html", help="the HTML file to write (default report.html)")
    p.add_argument("--top", type=int, default=8, help="entities in the weekly chart (default 8)")
    p.add_argument("--title", help="the page title (default: the database's name)")
    p = sub.add_parser("refresh", help="extract the entities again (after a gazetteer edit) and link them")
    p.add_argument("db", help="the corpus database")
    p.add_argument("-j", "--jobs", type=int, default=None,
                   help="worker processes that extract the entities (default: one per core for 2 MB "
                        "of text or more; 1: in this process)")
    p.add_argument("--link-only", action="store_true",
                   help="only link the entities already extracted (upgrades a database of an older version)")
    sub.add_parser("path", help="the path of arabic.so, for `.load` in the sqlite3 shell and other programs")
    return ap


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "import":
        from . import importer  # the importer takes every input; this command is its front door
        try:
            return importer.main(argv[1:])
        except LoadError as e:
            print(f"{PROG}: {e}", file=sys.stderr)
            return 1
    ap = parser()
    a = ap.parse_args(argv)
    if not a.command:
        ap.print_help()
        return 2
    try:
        if a.command == "path":
            print(library_path())
            return 0
        if a.command == "refresh":
            return cmd_refresh(a)
        db = open_corpus(a.db)
        if a.command == "report":
            from . import report
            report.write_report(db, a.output, title=a.title or os.path.basename(a.db), top=a.top)
            print(f"{PROG}: wrote {a.output}", file=sys.stderr)
            return 0
        columns, rows = LISTINGS[a.command](db, a)
        write_rows(columns, rows, a.format or ("jsonl" if a.command == "export" else "table"), sys.stdout)
        return 0
    except (UsageError, LoadError) as e:
        print(f"{PROG}: {e}", file=sys.stderr)
        return 1
    except sqlite3.Error as e:
        print(f"{PROG}: {a.command}: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `sqlite-arabic export ... | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
