-- sql/views.sql: analysis views over the corpus schema (sql/schema.sql).
-- Safe to run again. The entity views read the corpus entities of
-- sql/linking.sql, which the importer and `sqlite-arabic refresh DB` build and
-- triggers keep in step; the others compute on demand.
--
--   entity_counts(canonical, type, articles, mentions)
--       how many articles mention each corpus entity (all its spellings),
--       and how often in all; boilerplate mentions are not counted
--   cooccurrence(a, b, articles, a_id, b_id, a_type, b_type)
--       pairs of entities (people, places, organizations: not dates)
--       named in the same articles, each pair once (a < b); a_id, b_id their
--       corpus_entities ids, a_type, b_type their types (materialized: entity_pairs)
--   entity_spellings(entity_id, canonical, type, spelling, articles, mentions)
--       the spellings of each corpus entity (without '#' and '_')
--   kwic(article_id, token, left_context, word, right_context, start, name_key)
--       name_key = arabic_name_key(token): every spelling of a name,
--         WHERE name_key = arabic_name_key('ترامب')
--           AND article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"~ترامب"')
--       keyword in context: every token of every article with up to 40
--       characters either side (whole words), newlines shown as spaces. Restrict it by
--       token (the index form, as arabic_tokens() gives it) and by the
--       articles an FTS query finds, so only those articles are tokenized:
--         SELECT left_context, word, right_context FROM kwic
--         WHERE token IN (SELECT token FROM arabic_tokens('كورسك'))
--           AND article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'كورسك');
--   spellings(name_key, spelling, articles, mentions)
--       every word of the index (as the index has it: folded, so without
--       harakat and with one alef) with its arabic_name_key(): the spellings
--       of a name in this corpus are those that share its key,
--         SELECT spelling, articles FROM spellings
--         WHERE name_key = arabic_name_key('ترامب') ORDER BY articles DESC;
--       It reads the index's vocabulary (articles_vocab, an fts5vocab table
--       over articles_fts): a pass over all its words (0.4 s for 30 MB of
--       news), or a slice of it, since a name key keeps the first letter:
--         ... AND spelling >= 'ت' AND spelling < 'ث'   (80 ms)
--   entity_weeks(week, canonical, type, articles, mentions)
--       entity_counts for each week of publication (week: its Monday,
--       YYYY-MM-DD); articles without a date are not counted
--   source_weeks(week, source, articles)
--       articles per source and week of publication

CREATE VIEW IF NOT EXISTS entity_counts(canonical, type, articles, mentions) AS
  SELECT canonical, type, articles, mentions FROM corpus_entities WHERE mentions > 0;

-- a < b as canonicals (then ids), so a pair reads the same whatever its ids.
CREATE VIEW IF NOT EXISTS cooccurrence(a, b, articles, a_id, b_id, a_type, b_type) AS
  SELECT CASE WHEN x.canonical <= y.canonical THEN x.canonical ELSE y.canonical END,
         CASE WHEN x.canonical <= y.canonical THEN y.canonical ELSE x.canonical END,
         p.articles,
         CASE WHEN x.canonical <= y.canonical THEN p.a ELSE p.b END,
         CASE WHEN x.canonical <= y.canonical THEN p.b ELSE p.a END,
         CASE WHEN x.canonical <= y.canonical THEN x.type ELSE y.type END,
         CASE WHEN x.canonical <= y.canonical THEN y.type ELSE x.type END
  FROM entity_pairs AS p                    -- CROSS JOIN: the pairs first, so that ORDER BY articles
  CROSS JOIN corpus_entities AS x ON x.id = p.a   -- DESC LIMIT n reads n pairs of entity_pairs_articles
  CROSS JOIN corpus_entities AS y ON y.id = p.b;

CREATE VIEW IF NOT EXISTS entity_spellings(entity_id, canonical, type, spelling, articles, mentions) AS
  SELECT e.id, e.canonical, e.type, s.spelling, s.articles, s.mentions
  FROM entity_aliases AS s JOIN corpus_entities AS e ON e.id = s.entity_id
  WHERE s.mentions > 0;

CREATE VIEW IF NOT EXISTS kwic(article_id, token, left_context, word, right_context, start, name_key) AS
  SELECT id, token,
         trim(CASE WHEN cut_left THEN ltrim(l, replace(l, ' ', '')) ELSE l END),  -- no partial first word
         word,
         trim(CASE WHEN cut_right THEN rtrim(r, replace(r, ' ', '')) ELSE r END), -- no partial last word
         start, arabic_name_key(token)
  FROM (SELECT a.id, t.token, t.start, substr(a.text, t.start, t.length) AS word,
               replace(substr(a.text, max(1, t.start - 40), t.start - max(1, t.start - 40)), char(10), ' ') AS l,
               t.start > 41 AS cut_left,
               replace(substr(a.text, t.start + t.length, 40), char(10), ' ') AS r,
               t.start + t.length + 40 <= length(a.text) AS cut_right
        FROM articles AS a, arabic_tokens(a.text) AS t);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_vocab USING fts5vocab(articles_fts, row);

-- Terms starting with '~' are the name keys 'variants 1' indexes, not words.
CREATE VIEW IF NOT EXISTS spellings(name_key, spelling, articles, mentions) AS
  SELECT arabic_name_key(term), term, doc, cnt FROM articles_vocab WHERE term NOT GLOB '~*';

-- A week is named by its Monday: back 6 days, then forward to a Monday.
CREATE VIEW IF NOT EXISTS entity_weeks(week, canonical, type, articles, mentions) AS
  SELECT date(a.published, '-6 days', 'weekday 1'), e.canonical, e.type, count(DISTINCT e.article_id), count(*)
  FROM entities AS e JOIN articles AS a ON a.id = e.article_id
  WHERE a.published IS NOT NULL AND e.boilerplate = 0
  GROUP BY 1, coalesce(e.entity_id, e.canonical), e.type;

CREATE VIEW IF NOT EXISTS source_weeks(week, source, articles) AS
  SELECT date(published, '-6 days', 'weekday 1'), source, count(*)
  FROM articles
  WHERE published IS NOT NULL
  GROUP BY 1, source;
