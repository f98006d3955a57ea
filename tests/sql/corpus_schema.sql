-- sql/schema.sql and sql/views.sql: how a text becomes an article, re-imports, sync of FTS and entities.
.mode list
.nullvalue NULL
.read sql/schema.sql
.read sql/linking.sql
.read sql/views.sql
-- a second run changes nothing
.read sql/schema.sql
.read sql/linking.sql
.read sql/views.sql
CREATE TEMP TABLE writes(n INTEGER);
INSERT INTO writes VALUES (0);
CREATE TEMP TRIGGER count_inserts AFTER INSERT ON main.articles BEGIN UPDATE writes SET n = n + 1; END;
CREATE TEMP TRIGGER count_updates AFTER UPDATE ON main.articles BEGIN UPDATE writes SET n = n + 1; END;

-- A byte order mark, CRLF, blank lines before the title, date and source lines, related headlines.
INSERT INTO article_import(path, content, hash) VALUES ('news/a.txt',
  char(65279) || char(13, 10, 13, 10) || '  بوتين يستقبل ويتكوف في الكرملين  ' || char(13, 10)
  || 'التاريخ: 2025-03-13' || char(13, 10) || 'المصدر: وكالة الأنباء المحلية' || char(13, 10, 13, 10)
  || 'استقبل الرئيس الروسي فلاديمير بوتين المبعوث الأمريكي ستيف ويتكوف في موسكو.' || char(13, 10)
  || 'وقال الكرملين إن اللقاء كان بنّاءً.' || char(13, 10, 13, 10)
  || 'اقرأ أيضاً' || char(13, 10) || '- زيلينسكي يصل إلى لندن' || char(13, 10), 'h1');
SELECT 'parse_01', id, path, title, replace(body, char(10), '⏎'), replace(related, char(10), '⏎'),
       source, published, bytes, length(text) = length(title) + 1 + length(body)
FROM articles WHERE path = 'news/a.txt';
-- A single line: the title, an empty body. An unreadable date is NULL, its line still leaves the body.
INSERT INTO article_import(path, content, hash) VALUES ('news/b.txt', 'ترمب يتحدث إلى زيلينسكي', 'h2');
INSERT INTO article_import(path, content, hash) VALUES ('news/c.txt',
  'عنوان' || char(10) || 'التاريخ: أمس' || char(10) || 'نص بلا تاريخ' || char(10) || 'المصدر: صحيفة المساء', 'h3');
SELECT 'parse_02', path, title, replace(body, char(10), '⏎'), source, published FROM articles
WHERE path IN ('news/b.txt', 'news/c.txt') ORDER BY path;
-- One article per line: no title, the line is the body.
INSERT INTO article_import(path, content, hash, format) VALUES ('big.txt#7', '  موسكو ترحب بالمقترح  ', 'h4', 'line');
SELECT 'parse_03', path, title, body, related, source, published, text = body FROM articles WHERE path = 'big.txt#7';
SELECT 'writes_01', n FROM writes;

-- The same path and hash again: nothing is written.
INSERT INTO article_import(path, content, hash) VALUES ('news/a.txt', 'لن يُقرأ', 'h1');
SELECT 'reimport_01', n, (SELECT title FROM articles WHERE path = 'news/a.txt') FROM writes;
-- A new hash: the same id, the new text, in the index too.
INSERT INTO article_import(path, content, hash) VALUES ('news/b.txt', 'ترمب يتحدث إلى ستارمر' || char(10) || 'نص جديد', 'h2b');
SELECT 'reimport_02', n, id, title, body FROM writes, articles WHERE path = 'news/b.txt';
SELECT 'reimport_03', group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH 'ستارمر';
SELECT 'reimport_04', count(*) FROM articles_fts WHERE articles_fts MATCH 'زيلينسكي';
-- A NULL hash re-imports every time.
INSERT INTO article_import(path, content) VALUES ('news/d.txt', 'عنوان' || char(10) || 'نص');
INSERT INTO article_import(path, content) VALUES ('news/d.txt', 'عنوان' || char(10) || 'نص');
SELECT 'reimport_05', n, (SELECT count(*) FROM articles) FROM writes;

-- The index: clitics, harakat and tatweel fold; title and body columns.
SELECT 'fts_01', group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH 'title: ويتكوف';
SELECT 'fts_02', group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH 'بنّاءً';
SELECT 'fts_03', group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH 'موسكو';
SELECT 'fts_04', snippet(articles_fts, 1, '[', ']', '…', 4) FROM articles_fts WHERE articles_fts MATCH 'الكرملين';

-- Entities: offsets into articles.text; re-imported with the text; counted by the views.
SELECT 'entities_01', entity, type, start, length, canonical FROM entities WHERE article_id = 1 ORDER BY start;
SELECT 'entities_02', count(*) FROM entities JOIN articles ON id = article_id WHERE substr(text, start, length) <> entity;
SELECT 'entities_03', entity, canonical FROM entities WHERE article_id = 2 ORDER BY start;
SELECT 'entity_counts_01', canonical, type, articles, mentions FROM entity_counts
ORDER BY articles DESC, mentions DESC, canonical LIMIT 4;
SELECT 'cooccurrence_01', a, b, articles FROM cooccurrence ORDER BY articles DESC, a, b LIMIT 4;
-- Corpus entities (sql/linking.sql): the triggers link each mention; entities.canonical follows.
SELECT 'linking_01', canonical, type, spelling, articles, mentions FROM entity_spellings
WHERE type = 'PERSON' ORDER BY canonical, spelling;
SELECT 'linking_02', count(*) FROM entities AS e JOIN corpus_entities AS c ON c.id = e.entity_id
WHERE e.canonical <> c.canonical OR e.type <> c.type;
SELECT 'linking_03', a, b, a_type, b_type, articles FROM cooccurrence
WHERE a_type = 'PERSON' AND b_type = 'PERSON' ORDER BY a, b;

-- Removal: the index and the entities follow.
DELETE FROM articles WHERE path = 'news/d.txt';
SELECT 'delete_01', count(*) FROM articles_fts WHERE articles_fts MATCH 'نص';
SELECT 'delete_02', count(*), (SELECT count(*) FROM entities) > 0 FROM entities WHERE article_id NOT IN (SELECT id FROM articles);
INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check');

-- Keyword in context.
SELECT 'kwic_01', article_id, left_context, word, right_context FROM kwic
WHERE token = arabic_stem('الكرملين') ORDER BY article_id, start;
-- What the database needs, in the database; the text sqlite-utils and Datasette look for.
SELECT 'meta_01', key, CASE key WHEN 'created_with' THEN value = arabic_version() ELSE value END
FROM arabic_metadata ORDER BY key;
SELECT 'meta_02', instr(sql, 'content="articles"') > 0 FROM sqlite_master WHERE name = 'articles_fts';
-- The spellings of a name in the corpus: the words of the index that share its name key.
INSERT INTO article_import(path, content, hash) VALUES ('news/e.txt', 'لقاء' || char(10) || 'قال ترامب وبوتين', 'h5');
SELECT 'spell_01', spelling, articles, mentions FROM spellings
WHERE name_key = arabic_name_key('ترامب') ORDER BY spelling;
SELECT 'spell_02', count(*) FROM spellings WHERE spelling GLOB '~*';
