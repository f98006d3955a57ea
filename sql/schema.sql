-- sql/schema.sql: the corpus database of sqlite-arabic.
--
-- Run it once per database, after loading the extension; running it again
-- changes nothing. Every importer (sql/import.sql, python/sqlite_arabic/importer.py,
-- a program of your own) writes through the view article_import, so the
-- way a text file becomes an article is defined here, once.
--
--   articles        one row per article: title, body, source, date, ...
--   articles_fts    FTS5 index of title and body (tokenizer 'arabic variants 1 version 2'),
--                   external content on articles, kept in sync by triggers
--   entities        the people, places, organizations and dates of each
--                   article, filled by arabic_entities() through triggers
--   article_import  INSERT INTO article_import(path, content, hash) adds a
--                   file, re-indexes it when its hash changed, and does
--                   nothing when it did not
--   arabic_metadata what a reader of the file needs: the extension, the
--                   version that made the database, the index format

-- A database handed to someone says what it needs: without the extension
-- loaded, articles_fts cannot be read (DB Browser for SQLite shows it empty).
-- index_format is the tokenizer's 'version' option of articles_fts; a build
-- that reads it has arabic_version() >= created_with.
CREATE TABLE IF NOT EXISTS arabic_metadata(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO arabic_metadata(key, value) VALUES
  ('extension', 'sqlite-arabic: load arabic.so (entry point sqlite3_arabic_init) before reading articles_fts'),
  ('created_with', arabic_version()),
  ('index_format', '2'),
  ('tokenizer', 'arabic variants 1 version 2');

CREATE TABLE IF NOT EXISTS articles(
  id        INTEGER PRIMARY KEY,
  path      TEXT UNIQUE NOT NULL,  -- file name as given to the importer; 'FILE#LINE' for one article per line
  title     TEXT,                  -- the first non-empty line; NULL for one article per line
  body      TEXT,                  -- the rest, without the source and date lines and the related headlines
  related   TEXT,                  -- a trailing list of related headlines ('اقرأ أيضا', 'مقالات مشابهة', ...)
  source    TEXT,                  -- from a line 'المصدر: ...'
  published TEXT,                  -- YYYY-MM-DD by arabic_date() of a line 'التاريخ: ...' or of a record's date field
  hash      TEXT,                  -- SHA3-256 (hex) of the file's bytes: an unchanged file is skipped
  bytes     INTEGER,               -- size of the imported text in bytes
  url       TEXT,                  -- the record's url/link field (<URL> of a <DOC>); NULL for a text file
  meta      TEXT,                  -- JSON object of the record's other fields (columns no name above reads); NULL if none
  charset   TEXT,                  -- how the bytes were decoded: 'UTF-8', 'UTF-16LE', 'windows-1256', ... (NULL: unknown)
  content_hash TEXT,               -- SHA3-256 (hex) of title, newline, body as decoded: equal texts are one article
  -- The text entity offsets refer to: substr(text, start, length) is the mention.
  text      TEXT GENERATED ALWAYS AS (coalesce(title || char(10), '') || coalesce(body, '')) VIRTUAL
);

CREATE INDEX IF NOT EXISTS articles_published ON articles(published) WHERE published IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash) WHERE content_hash IS NOT NULL;

-- Every other place an article was found: a record or file whose title and
-- body are those of an article already stored (same content_hash) is not a
-- second article (entities and counts see it once) but a row here.
CREATE TABLE IF NOT EXISTS occurrences(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  path       TEXT UNIQUE NOT NULL,  -- the duplicate's own key ('FILE', 'FILE#ID' or 'FILE#h<16 hex>')
  source     TEXT,                  -- its source field, which may differ from the article's
  url        TEXT,                  -- its url field
  published  TEXT,                  -- its date, YYYY-MM-DD
  hash       TEXT                   -- SHA3-256 of its bytes or fields: an unchanged duplicate is skipped
);
CREATE INDEX IF NOT EXISTS occurrences_article ON occurrences(article_id);
CREATE TRIGGER IF NOT EXISTS occurrences_delete AFTER DELETE ON articles BEGIN
  DELETE FROM occurrences WHERE article_id = OLD.id;
END;

-- content="articles" is written so, in double quotes and without spaces: that is
-- the text sqlite-utils and Datasette look for to find the index of a table.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, body, content="articles", content_rowid = 'id', tokenize = 'arabic variants 1 version 2');
-- ORDER BY rank ranks a title match 5 times a body match: bm25(articles_fts, 5.0, 1.0),
-- computed by FTS5 while it sorts (an ORDER BY bm25(...) makes SQLite sort, after
-- computing the columns of every match).
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');

CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO articles_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;

CREATE TABLE IF NOT EXISTS entities(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity     TEXT NOT NULL,     -- the mention as written, without a proclitic (و ب ل ...) that is not part of the name
  type       TEXT NOT NULL,     -- PERSON, LOCATION, ORGANIZATION, DATE
  start      INTEGER NOT NULL,  -- 1-based character offset into articles.text
  length     INTEGER NOT NULL,  -- in characters
  canonical  TEXT NOT NULL,     -- one name for all spellings of the entity: the corpus-wide canonical of
                                -- entity_id once linked (python/sqlite_arabic/linking.py), else the article's
  entity_id  INTEGER,           -- the corpus entity (corpus_entities.id, sql/linking.sql); NULL until linked
  boilerplate INTEGER NOT NULL DEFAULT 0  -- 1: inside a sentence its source repeats in many articles (not counted)
);
-- Covering indexes: per article (deletes, co-occurrence) and per entity (counts, look-ups).
CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id, type, canonical);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical, type, article_id);

-- The one place where entities are extracted: every trigger below reads
-- this view. Edit it (or the user table arabic_gazetteer) to change what
-- is recognized; then refresh with
--   sqlite-arabic refresh DB     (re-extracts and links again, with progress), or in SQL
--   DELETE FROM entities; INSERT INTO entities(article_id, entity, type, start, length, canonical)
--     SELECT * FROM article_entities;     and then the linking step (sqlite-arabic refresh DB --link-only)
CREATE VIEW IF NOT EXISTS article_entities(article_id, entity, type, start, length, canonical) AS
  SELECT a.id, e.entity, e.type, e.start, e.length, e.canonical
  FROM articles AS a, arabic_entities(a.text) AS e;

-- A writer that extracts the entities itself (the importer's worker processes,
-- which read arabic_entities(articles.text) on other cores) pauses the extraction
-- below with a row in entities_paused, deleted before its commit, as linking_paused
-- does for the linking triggers; the old entities of a changed article still go.
CREATE TABLE IF NOT EXISTS entities_paused(writer TEXT);

CREATE TRIGGER IF NOT EXISTS entities_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM entities_paused) BEGIN
  INSERT INTO entities(article_id, entity, type, start, length, canonical)
    SELECT * FROM article_entities WHERE article_id = NEW.id;
END;
-- A writer that indexes its new articles itself (the importer) pauses the insert
-- trigger with a row in articles_fts_paused, deleted before its commit. Once FTS5 is
-- written in a transaction, every later statement that fires a trigger opens a
-- savepoint, at which FTS5 writes its pending terms out as a segment: a segment per
-- article, merged again, is a third of the time of the index. The importer indexes
-- a batch in one statement. Made after entities_insert: SQLite fires the triggers of
-- one event last made first, and this one must read articles_fts_paused before the
-- first arabic_entities() of a connection makes its gazetteer watch (TEMP triggers),
-- after which the running statement can open no other table ("abort due to ROLLBACK").
CREATE TABLE IF NOT EXISTS articles_fts_paused(writer TEXT);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_paused) BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER IF NOT EXISTS entities_delete AFTER DELETE ON articles BEGIN
  DELETE FROM entities WHERE article_id = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS entities_update AFTER UPDATE OF title, body ON articles BEGIN
  DELETE FROM entities WHERE article_id = OLD.id;
  INSERT INTO entities(article_id, entity, type, start, length, canonical)
    SELECT * FROM article_entities WHERE article_id = NEW.id AND NOT EXISTS (SELECT 1 FROM entities_paused);
END;

-- The import interface. content is the file's text; hash any string that
-- changes when the file changes (the importers use SHA3-256 of the bytes;
-- NULL re-indexes every time); format 'line' takes content as the body of
-- an article without a title (one article per line of a big file); format
-- 'record' takes content as the body and title, source, published (YYYY-MM-DD),
-- url and meta (JSON) as given (a CSV row, a JSON line, a <DOC>). charset and
-- content_hash (any format) are stored as given.
-- The view is dropped and made again (with its triggers below) so that a
-- database made by an older schema gets its new columns.
DROP VIEW IF EXISTS article_import;
CREATE VIEW article_import(path, content, hash, format, title, source, published, url, meta,
                           charset, content_hash) AS
  SELECT path, text, hash, NULL, title, source, published, url, meta, charset, content_hash FROM articles;

-- A text file: title = first non-empty line; a line 'المصدر: X' gives
-- source, a line 'التاريخ: DATE' gives published through arabic_date() (both lines leave
-- the body); a line starting a list of related headlines ends the body.
-- CRLF, CR and a byte order mark are accepted. Each step is a subquery that
-- OFFSET 0 keeps from being flattened into the next, so each value is
-- computed once per file, not once per use (5 times faster on 30 MB).
CREATE TRIGGER IF NOT EXISTS article_import_text INSTEAD OF INSERT ON article_import
WHEN NEW.format IS NOT 'line' AND NEW.format IS NOT 'record'
 AND NOT EXISTS (SELECT 1 FROM articles WHERE path = NEW.path AND hash = NEW.hash)
BEGIN
  INSERT INTO articles(path, title, body, related, source, published, hash, bytes, charset, content_hash)
  SELECT NEW.path, title,
         trim(replace(replace(main, source_line, ''), date_line, ''), ws),
         related,
         nullif(trim(substr(source_line, length('المصدر:') + 2), ws), ''),
         arabic_date(trim(substr(date_line, length('التاريخ:') + 2), ws)),
         NEW.hash, length(CAST(NEW.content AS BLOB)), NEW.charset, NEW.content_hash
  FROM (
    SELECT title, main, related, ws,
           CASE WHEN sp > 0 THEN substr(main, sp, instr(substr(main, sp + 1), char(10))) ELSE '' END AS source_line,
           CASE WHEN dp > 0 THEN substr(main, dp, instr(substr(main, dp + 1), char(10))) ELSE '' END AS date_line
    FROM (
      SELECT title, main, related, ws,
             instr(main, char(10) || 'المصدر:') AS sp,
             instr(main, char(10) || 'التاريخ:') AS dp
      FROM (
        SELECT title, ws,
               CASE WHEN rp IS NULL THEN rest ELSE substr(rest, 1, rp) END AS main,
               CASE WHEN rp IS NOT NULL THEN trim(substr(rest, rp + 1), ws) END AS related
        FROM (
          SELECT title, rest, ws,
                 (SELECT min(p) FROM (SELECT instr(rest, char(10) || column1) AS p
                                      FROM (VALUES ('اقرأ أيضا'), ('اقرأ ايضا'), ('إقرأ أيضا'), ('مقالات مشابهة'),
                                                   ('مقالات ذات صلة'), ('أخبار ذات صلة'), ('مواضيع ذات صلة')))
                  WHERE p > 0) AS rp
          FROM (
            SELECT trim(substr(doc, 1, instr(doc, char(10)) - 1), ws) AS title,
                   substr(doc, instr(doc, char(10))) AS rest, ws
            FROM (
              SELECT ltrim(replace(replace(replace(CAST(NEW.content AS TEXT),
                       char(13) || char(10), char(10)), char(13), char(10)), char(65279), ''), ws)
                       || char(10) AS doc, ws
              FROM (SELECT ' ' || char(9, 10, 11, 12, 13) AS ws)
            LIMIT -1 OFFSET 0) LIMIT -1 OFFSET 0) LIMIT -1 OFFSET 0) LIMIT -1 OFFSET 0) LIMIT -1 OFFSET 0)
       LIMIT -1 OFFSET 0)
  WHERE true
  ON CONFLICT(path) DO UPDATE SET
    title = excluded.title, body = excluded.body, related = excluded.related, source = excluded.source,
    published = excluded.published, hash = excluded.hash, bytes = excluded.bytes,
    url = NULL, meta = NULL, charset = excluded.charset, content_hash = excluded.content_hash;
END;

CREATE TRIGGER IF NOT EXISTS article_import_line INSTEAD OF INSERT ON article_import
WHEN NEW.format IS 'line'
 AND NOT EXISTS (SELECT 1 FROM articles WHERE path = NEW.path AND hash = NEW.hash)
BEGIN
  INSERT INTO articles(path, title, body, hash, bytes, charset, content_hash)
  VALUES (NEW.path, NULL, trim(CAST(NEW.content AS TEXT)), NEW.hash, length(CAST(NEW.content AS BLOB)),
          NEW.charset, NEW.content_hash)
  ON CONFLICT(path) DO UPDATE SET
    title = NULL, body = excluded.body, related = NULL, source = NULL, published = NULL,
    hash = excluded.hash, bytes = excluded.bytes, url = NULL, meta = NULL,
    charset = excluded.charset, content_hash = excluded.content_hash;
END;

CREATE TRIGGER IF NOT EXISTS article_import_record INSTEAD OF INSERT ON article_import
WHEN NEW.format IS 'record'
 AND NOT EXISTS (SELECT 1 FROM articles WHERE path = NEW.path AND hash = NEW.hash)
BEGIN
  INSERT INTO articles(path, title, body, source, published, hash, bytes, url, meta, charset, content_hash)
  VALUES (NEW.path, nullif(trim(NEW.title, ' ' || char(9, 10, 11, 12, 13)), ''),
          trim(CAST(NEW.content AS TEXT), ' ' || char(9, 10, 11, 12, 13)),
          nullif(trim(NEW.source), ''), NEW.published, NEW.hash, length(CAST(NEW.content AS BLOB)),
          nullif(trim(NEW.url), ''), NEW.meta, NEW.charset, NEW.content_hash)
  ON CONFLICT(path) DO UPDATE SET
    title = excluded.title, body = excluded.body, related = NULL, source = excluded.source,
    published = excluded.published, hash = excluded.hash, bytes = excluded.bytes, url = excluded.url,
    meta = excluded.meta, charset = excluded.charset, content_hash = excluded.content_hash;
END;
