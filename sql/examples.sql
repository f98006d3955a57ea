-- sql/examples.sql: questions a news analyst asks, one query each, on a
-- database built by python/sqlite_arabic/importer.py or sql/import.sql.
--   sqlite3 build/demo.db -cmd '.load dist/arabic' -cmd '.mode box' '.read sql/examples.sql'
-- (make demo does exactly this on the sample articles of sql/sample/).

.print '── 1. Ranked search: which articles are about Kursk (كورسك)? Best first, with the passage.'
SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 8) AS passage
FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH 'كورسك'
ORDER BY rank, a.id;

.print '── 2. Boolean search: which articles mention both Putin (بوتين) and Kursk?'
SELECT a.id, a.title
FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH 'بوتين AND كورسك'
ORDER BY a.id;

.print '── 3. Phrase search: where is "وقف إطلاق النار" (ceasefire), and in how many articles of each source?'
SELECT coalesce(a.source, '(no source)') AS source, count(*) AS articles
FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH '"وقف إطلاق النار"'
GROUP BY 1 ORDER BY articles DESC, source;

.print '── 4. Either/or and exclusion: talks in Riyadh or Jeddah (الرياض OR جدة), without the Black Sea (البحر الأسود).'
SELECT a.id, a.title
FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH '(الرياض OR جدة) NOT "البحر الأسود"'
ORDER BY a.id;

.print '── 5. Spelling variants: articles naming Trump, written ترامب or ترمب (and with clitics: بترمب).'
SELECT a.id, a.title,
       a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ترامب') AS "as ترامب"
FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH '"~ترامب"'
ORDER BY a.id;

.print '── 6. A search box: free text turned into a safe query by arabic_query(), title matches highlighted.'
SELECT arabic_query('زيلينسكي "البيت الأبيض"') AS query;
SELECT a.id, highlight(articles_fts, 0, '[', ']') AS title
FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH arabic_query('زيلينسكي "البيت الأبيض"')
ORDER BY rank, a.id;

.print '── 7. Who is mentioned most? People by the number of articles naming them.'
SELECT canonical AS person, articles, mentions
FROM entity_counts WHERE type = 'PERSON'
ORDER BY articles DESC, mentions DESC, canonical LIMIT 8;

.print '── 8. Which places and organizations come up most?'
SELECT type, canonical, articles, mentions
FROM entity_counts WHERE type IN ('LOCATION', 'ORGANIZATION')
ORDER BY articles DESC, mentions DESC, canonical LIMIT 8;

.print '── 9. Who appears with whom? Pairs of people named in the same articles.'
SELECT c.a, c.b, c.articles
FROM cooccurrence AS c
WHERE c.a_type = 'PERSON' AND c.b_type = 'PERSON'
ORDER BY c.articles DESC, c.a, c.b LIMIT 8;

.print '── 10. Top people per week of publication (weeks from Monday; articles with a التاريخ: line).'
SELECT week, person, articles FROM (
  SELECT date(a.published, '-6 days', 'weekday 1') AS week, e.canonical AS person,
         count(DISTINCT a.id) AS articles,
         rank() OVER (PARTITION BY date(a.published, '-6 days', 'weekday 1')
                      ORDER BY count(DISTINCT a.id) DESC) AS place
  FROM entities AS e JOIN articles AS a ON a.id = e.article_id
  WHERE e.type = 'PERSON' AND a.published IS NOT NULL
  GROUP BY week, person)
WHERE place = 1
ORDER BY week, person;

.print '── 11. Sources: how many articles each, over which dates, and how much text.'
SELECT coalesce(source, '(no source)') AS source, count(*) AS articles,
       min(published) AS first, max(published) AS last, sum(bytes) AS bytes
FROM articles GROUP BY 1 ORDER BY articles DESC, source;

.print '── 12. Keyword in context: every occurrence of Kursk, in any form (كورسك، بكورسك، وكورسك).'
SELECT DISTINCT k.article_id AS id, k.left_context, k.word, k.right_context
FROM kwic AS k
WHERE k.token = arabic_stem('كورسك')
  AND k.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'كورسك')
ORDER BY k.article_id, k.start;

.print '── 13. Which articles name both Putin and Kursk as entities, and how often?'
SELECT a.id, a.title, count(*) AS mentions
FROM entities AS e JOIN articles AS a ON a.id = e.article_id
WHERE e.entity_id IN (SELECT entity_id FROM entity_aliases WHERE key IN (arabic_name_key('بوتين'), arabic_name_key('كورسك')))
GROUP BY a.id
HAVING count(DISTINCT e.entity_id) = 2
ORDER BY mentions DESC, a.id;
