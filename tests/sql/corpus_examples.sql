-- sql/import.sql on the sample articles, then every question of sql/examples.sql.
.mode list
.nullvalue NULL
.parameter set $corpus sql/sample
.read sql/import.sql
-- a second import changes nothing
.read sql/import.sql
SELECT 'articles', count(*), count(source), count(published), count(related) FROM articles;
SELECT 'titles', id, path, title FROM articles ORDER BY id;
INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check');
SELECT 'entity_offsets', count(*) FROM entities JOIN articles ON id = article_id
WHERE substr(text, start, length) <> entity;
.read sql/examples.sql
