-- sql/import.sql: import every .txt file (any case) under a folder with the sqlite3
-- shell alone (its fsdir() and sha3() functions), no Python.
--
--   sqlite3 news.db -cmd '.load dist/arabic' -cmd '.parameter set $corpus path/to/folder' \
--           '.read sql/import.sql'
--
-- Run it from the repository root (it reads sql/schema.sql and sql/views.sql).
-- Like python/sqlite_arabic/importer.py it is idempotent: an unchanged file (same path,
-- same SHA3-256) is left alone, a changed one re-indexed, a file no longer in
-- the folder removed with its entities, and an empty file or one no charset
-- explains reported by name and skipped (treated as absent). Each file's charset
-- is arabic_detect_charset()'s (UTF-8, UTF-16 with or without a byte order mark,
-- windows-1256, ISO-8859-6), its text arabic_decode()'s, as in the Python
-- importer, and the charset is stored with the article. A file that
-- cannot be read is reported ('unreadable') and its article kept. It prints one
-- line per skipped file, then 'import|added|changed|unchanged|removed|skipped';
-- an error stops the script (.bail on) before that line, with a non-zero exit
-- status: a failed transaction never reports success. Each file is read once,
-- by fsdir(): what is hashed is what is imported.
--
-- Limits (use python/sqlite_arabic/importer.py for big folders, CSV, JSONL and
-- <DOC> files): one transaction for the whole folder, no progress display, no
-- duplicate detection; paths are stored as fsdir() gives them, folder as typed
-- + '/' + relative name.

.bail on
.read sql/schema.sql
.read sql/linking.sql
.read sql/views.sql
PRAGMA journal_mode = WAL;

DROP TABLE IF EXISTS temp.import_raw;
DROP TABLE IF EXISTS temp.import_files;
-- One pass over the folder: hash every file and name its charset.
CREATE TEMP TABLE import_raw AS
  SELECT path, hash, data, arabic_detect_charset(data) AS charset
  -- fsdir() of 'folder/.' also enters a folder that is a symbolic link; the
  -- '/.' is taken out of the stored paths.
  FROM (SELECT rtrim($corpus, '/') || substr(name, length(rtrim($corpus, '/')) + 3) AS path,
               lower(hex(sha3(data, 256))) AS hash, data
        FROM fsdir(rtrim($corpus, '/') || '/.')
        WHERE name LIKE '%.txt' AND mode & 61440 = 32768);  -- any case; regular files only (S_IFREG)
-- Then its text. An invalid byte is the only way arabic_strip_diacritics() can
-- produce U+FFFD from a text that has none.
CREATE TEMP TABLE import_files AS
  SELECT path, hash, charset, content,
         CASE WHEN data IS NULL THEN 'unreadable'
              WHEN trim(CAST(data AS TEXT), ' ' || char(9, 10, 11, 12, 13, 65279)) = ''
                OR trim(content, ' ' || char(9, 10, 11, 12, 13, 65279)) = '' THEN 'empty'
              WHEN charset IS NOT NULL THEN 'ok'
              WHEN instr(CAST(data AS TEXT), char(65533)) = 0
               AND instr(arabic_strip_diacritics(CAST(data AS TEXT)), char(65533)) > 0 THEN 'not valid UTF-8'
              ELSE 'no charset explains it' END AS status
  FROM (SELECT path, hash, data, charset, CASE WHEN charset IS NOT NULL THEN arabic_decode(data, charset) END AS content
        FROM import_raw);
DROP TABLE temp.import_raw;

DROP TABLE IF EXISTS temp.import_counts;
CREATE TEMP TABLE import_counts AS
  SELECT (SELECT count(*) FROM import_files AS f
          WHERE status = 'ok' AND NOT EXISTS (SELECT 1 FROM articles AS a WHERE a.path = f.path)) AS added,
         (SELECT count(*) FROM import_files AS f JOIN articles AS a USING (path)
          WHERE status = 'ok' AND a.hash IS NOT f.hash) AS changed,
         (SELECT count(*) FROM import_files AS f JOIN articles AS a USING (path)
          WHERE status = 'ok' AND a.hash = f.hash) AS unchanged,
         (SELECT count(*) FROM articles
          WHERE substr(path, 1, length(rtrim($corpus, '/')) + 1) = rtrim($corpus, '/') || '/'
            AND path NOT IN (SELECT path FROM import_files WHERE status IN ('ok', 'unreadable'))) AS removed,
         (SELECT count(*) FROM import_files WHERE status <> 'ok') AS skipped;

SELECT 'skipped', path, status FROM import_files WHERE status <> 'ok' ORDER BY path;

BEGIN;
DELETE FROM articles
WHERE substr(path, 1, length(rtrim($corpus, '/')) + 1) = rtrim($corpus, '/') || '/'
  AND path NOT IN (SELECT path FROM import_files WHERE status IN ('ok', 'unreadable'));
INSERT INTO article_import(path, content, hash, charset)
  SELECT path, content, hash, charset
  FROM import_files AS f
  WHERE status = 'ok' AND NOT EXISTS (SELECT 1 FROM articles AS a WHERE a.path = f.path AND a.hash = f.hash)
  ORDER BY path;
COMMIT;
ANALYZE;

SELECT 'import', added, changed, unchanged, removed, skipped FROM import_counts;
DROP TABLE temp.import_files;
DROP TABLE temp.import_counts;
