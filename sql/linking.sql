-- sql/linking.sql: one row per real-world entity across the corpus.
--
-- Run by python/sqlite_arabic/linking.py (the last step of every import, and
-- `sqlite-arabic refresh DB`), after sql/schema.sql; running it again changes
-- nothing. The linking itself (which spellings are one entity) is computed by
-- linking.link(); the triggers below keep the tables in step between two
-- links when articles or entities are inserted, deleted or updated in SQL.
--
--   corpus_entities(id, type, canonical, articles, mentions)
--       one row per entity of the corpus; id is stable across imports and
--       refreshes (a new grouping takes the id of the old entity that shares
--       most of its mentions' spellings), even when the canonical changes
--   entity_aliases(entity_id, type, spelling, key, articles, mentions)
--       every spelling of an entity (without '#' and '_'), key = arabic_name_key(spelling)
--   entity_pairs(a, b, articles)
--       entities (not dates) named in the same articles, a < b (ids)
--   boilerplate_sentences(source, sentence, articles)
--       sentences a source repeats in at least 20 of its articles (footers,
--       "download our app" lines): the mentions inside them are entities.boilerplate = 1
--       and are counted nowhere (corpus_entities, entity_pairs, the views)

CREATE TABLE IF NOT EXISTS corpus_entities(
  id        INTEGER PRIMARY KEY AUTOINCREMENT,   -- AUTOINCREMENT: the id of a removed entity is not reused
  type      TEXT NOT NULL,
  canonical TEXT NOT NULL,   -- the gazetteer's name if a spelling has one, else the most frequent full form
  articles  INTEGER NOT NULL DEFAULT 0,
  mentions  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS corpus_entities_articles ON corpus_entities(type, articles DESC, mentions DESC);
CREATE INDEX IF NOT EXISTS corpus_entities_canonical ON corpus_entities(canonical, type);

CREATE TABLE IF NOT EXISTS entity_aliases(
  entity_id INTEGER NOT NULL REFERENCES corpus_entities(id) ON DELETE CASCADE,
  type      TEXT NOT NULL,
  spelling  TEXT NOT NULL,
  key       TEXT NOT NULL,
  articles  INTEGER NOT NULL DEFAULT 0,
  mentions  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(entity_id, spelling)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_aliases_key ON entity_aliases(key, type, mentions DESC);

CREATE TABLE IF NOT EXISTS entity_pairs(
  a        INTEGER NOT NULL,
  b        INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY(a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_pairs_articles ON entity_pairs(articles DESC);
CREATE INDEX IF NOT EXISTS entity_pairs_b ON entity_pairs(b);

CREATE TABLE IF NOT EXISTS boilerplate_sentences(
  source   TEXT,
  sentence TEXT NOT NULL,
  articles INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS entities_entity ON entities(entity_id, article_id);

-- A writer that links everything when it is done (the importer) pauses the
-- triggers below inside each of its transactions with a row in
-- linking_paused, deleted before the commit: a committed database never has
-- one, and an interrupted batch takes its row with it.
CREATE TABLE IF NOT EXISTS linking_paused(writer TEXT);

-- Between two links: a new mention joins the entity that has the article's
-- canonical of the mention among its spellings (ترامب in an article about
-- ميلانيا ترامب: her), else the entity that has its spelling (the one with
-- the most mentions of it), else a new entity, with both as spellings; the
-- counts and the pairs follow. The next link may regroup it.
CREATE TRIGGER IF NOT EXISTS entities_link AFTER INSERT ON entities
WHEN NEW.entity_id IS NULL AND NOT EXISTS (SELECT 1 FROM linking_paused) BEGIN
  INSERT INTO corpus_entities(type, canonical)
  SELECT NEW.type, trim(replace(replace(NEW.canonical, '#', ' '), '_', ' '))
  WHERE NOT EXISTS (SELECT 1 FROM entity_aliases
                    WHERE key IN (arabic_name_key(trim(replace(replace(NEW.entity, '#', ' '), '_', ' '))),
                                  arabic_name_key(trim(replace(replace(NEW.canonical, '#', ' '), '_', ' '))))
                      AND type = NEW.type);
  INSERT OR IGNORE INTO entity_aliases(entity_id, type, spelling, key)
  SELECT (SELECT max(id) FROM corpus_entities), NEW.type, s, arabic_name_key(s)
  FROM (SELECT trim(replace(replace(NEW.entity, '#', ' '), '_', ' ')) AS s
        UNION SELECT trim(replace(replace(NEW.canonical, '#', ' '), '_', ' ')))
  WHERE NOT EXISTS (SELECT 1 FROM entity_aliases
                    WHERE key IN (arabic_name_key(trim(replace(replace(NEW.entity, '#', ' '), '_', ' '))),
                                  arabic_name_key(trim(replace(replace(NEW.canonical, '#', ' '), '_', ' '))))
                      AND type = NEW.type);
  UPDATE entities SET
    entity_id = coalesce(
      (SELECT entity_id FROM entity_aliases
       WHERE key = arabic_name_key(trim(replace(replace(NEW.canonical, '#', ' '), '_', ' ')))
         AND type = NEW.type ORDER BY mentions DESC, entity_id LIMIT 1),
      (SELECT entity_id FROM entity_aliases
       WHERE key = arabic_name_key(trim(replace(replace(NEW.entity, '#', ' '), '_', ' ')))
         AND type = NEW.type ORDER BY mentions DESC, entity_id LIMIT 1))
  WHERE rowid = NEW.rowid;
END;

-- entity_id set (by the trigger above or by an INSERT that names it): canonical and counts follow.
CREATE TRIGGER IF NOT EXISTS entities_linked AFTER UPDATE OF entity_id ON entities
WHEN OLD.entity_id IS NULL AND NEW.entity_id > 0 AND NOT EXISTS (SELECT 1 FROM linking_paused) BEGIN
  UPDATE entities SET canonical = (SELECT canonical FROM corpus_entities WHERE id = NEW.entity_id)
  WHERE rowid = NEW.rowid;
  INSERT INTO entity_pairs(a, b, articles)
  SELECT min(NEW.entity_id, o.entity_id), max(NEW.entity_id, o.entity_id), 1
  FROM (SELECT DISTINCT entity_id FROM entities
        WHERE article_id = NEW.article_id AND entity_id IS NOT NULL AND entity_id <> NEW.entity_id
          AND type <> 'DATE' AND boilerplate = 0) AS o
  WHERE NEW.type <> 'DATE' AND NEW.boilerplate = 0
    AND NOT EXISTS (SELECT 1 FROM entities WHERE article_id = NEW.article_id AND entity_id = NEW.entity_id
                    AND rowid <> NEW.rowid AND boilerplate = 0)
  ON CONFLICT(a, b) DO UPDATE SET articles = articles + 1;
  UPDATE corpus_entities SET mentions = mentions + 1,
         articles = articles + NOT EXISTS (SELECT 1 FROM entities WHERE article_id = NEW.article_id
                                           AND entity_id = NEW.entity_id AND rowid <> NEW.rowid AND boilerplate = 0)
  WHERE id = NEW.entity_id AND NEW.boilerplate = 0;
  UPDATE entity_aliases SET mentions = mentions + 1,
         articles = articles + NOT EXISTS (SELECT 1 FROM entities WHERE article_id = NEW.article_id
                                           AND entity_id = NEW.entity_id AND entity = NEW.entity
                                           AND rowid <> NEW.rowid AND boilerplate = 0)
  WHERE entity_id = NEW.entity_id AND NEW.boilerplate = 0
    AND spelling = trim(replace(replace(NEW.entity, '#', ' '), '_', ' '));
END;

CREATE TRIGGER IF NOT EXISTS entities_unlink AFTER DELETE ON entities
WHEN OLD.entity_id > 0 AND OLD.boilerplate = 0 AND NOT EXISTS (SELECT 1 FROM linking_paused) BEGIN
  UPDATE entity_pairs SET articles = articles - 1
  WHERE OLD.type <> 'DATE'
    AND NOT EXISTS (SELECT 1 FROM entities WHERE article_id = OLD.article_id AND entity_id = OLD.entity_id
                    AND boilerplate = 0)
    AND (a, b) IN (SELECT min(OLD.entity_id, entity_id), max(OLD.entity_id, entity_id)
                   FROM entities WHERE article_id = OLD.article_id AND entity_id IS NOT NULL
                     AND entity_id <> OLD.entity_id AND type <> 'DATE' AND boilerplate = 0);
  DELETE FROM entity_pairs WHERE articles <= 0 AND (a = OLD.entity_id OR b = OLD.entity_id);
  UPDATE corpus_entities SET mentions = mentions - 1,
         articles = articles - NOT EXISTS (SELECT 1 FROM entities WHERE article_id = OLD.article_id
                                           AND entity_id = OLD.entity_id AND boilerplate = 0)
  WHERE id = OLD.entity_id;
  UPDATE entity_aliases SET mentions = mentions - 1,
         articles = articles - NOT EXISTS (SELECT 1 FROM entities WHERE article_id = OLD.article_id
                                           AND entity_id = OLD.entity_id AND entity = OLD.entity
                                           AND boilerplate = 0)
  WHERE entity_id = OLD.entity_id AND spelling = trim(replace(replace(OLD.entity, '#', ' '), '_', ' '));
END;
