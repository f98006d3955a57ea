-- The 'arabic' FTS5 tokenizer: what a search finds, highlight, options, integrity.
-- First the token format of version 1 (pinned, so these lines never change), then version 2.
.mode list
.nullvalue NULL
CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'arabic version 1');
INSERT INTO docs(rowid, title, body) VALUES
 (1, 'بوتين يستقبل ويتكوف', 'استقبل الرئيس الروسي فلاديمير بوتــين المبعوث الأمريكي ستيف ويتكوف في الكرملين.'),
 (2, 'لقاء في موسكو', 'قال المتحدث إنّ وبوتين أبلغ لترامب بموسكو أن المفاوضات مستمرة.'),
 (3, 'كييف ترد', 'أعلن زيلينسكي لكييف أنّ والمفاوضات لم تبدأ، وأنّ المحادثة مع الأوكرانيين في كورسك صعبة.'),
 (4, 'محادثات', 'جرت محادثات بَنَّاءَةٌ حول لوقف لإطلاق النار مع مُحَمَّدٌ.'),
 (5, 'كيف يرى الخبراء', 'كيف ستنتهي الحرب؟ لا أحد يعرف. اطلاق سراح الأسرى.');
-- the same rows in the default format, for its section below
CREATE VIRTUAL TABLE docs2 USING fts5(title, body, tokenize = 'arabic');
INSERT INTO docs2(rowid, title, body) SELECT rowid, title, body FROM docs;
SELECT 'match_01', group_concat(rowid) FROM docs WHERE docs MATCH 'بوتين';
SELECT 'match_02', group_concat(rowid) FROM docs WHERE docs MATCH 'كييف';
SELECT 'match_03', group_concat(rowid) FROM docs WHERE docs MATCH 'موسكو';
SELECT 'match_04', group_concat(rowid) FROM docs WHERE docs MATCH 'المفاوضات';
SELECT 'match_05', group_concat(rowid) FROM docs WHERE docs MATCH 'مفاوضات';
SELECT 'match_06', group_concat(rowid) FROM docs WHERE docs MATCH 'والمفاوضات';
SELECT 'match_07', group_concat(rowid) FROM docs WHERE docs MATCH 'محادثات';
SELECT 'match_08', group_concat(rowid) FROM docs WHERE docs MATCH 'ويتكوف';
SELECT 'match_09', group_concat(rowid) FROM docs WHERE docs MATCH 'الكرملين';
SELECT 'match_10', group_concat(rowid) FROM docs WHERE docs MATCH 'زيلينسكي';
SELECT 'match_11', group_concat(rowid) FROM docs WHERE docs MATCH 'بناءة';
SELECT 'match_12', group_concat(rowid) FROM docs WHERE docs MATCH 'محمد';
SELECT 'match_13', group_concat(rowid) FROM docs WHERE docs MATCH 'إطلاق';
SELECT 'match_14', group_concat(rowid) FROM docs WHERE docs MATCH 'ترامب';
SELECT 'match_15', group_concat(rowid) FROM docs WHERE docs MATCH 'الأمريكي';
SELECT 'prefix_01', group_concat(rowid) FROM docs WHERE docs MATCH 'اوكران*';
SELECT 'prefix_02', group_concat(rowid) FROM docs WHERE docs MATCH 'كورس*';
SELECT 'prefix_03', group_concat(rowid) FROM docs WHERE docs MATCH 'المفاوض*';
SELECT 'phrase_01', group_concat(rowid) FROM docs WHERE docs MATCH '"وقف إطلاق النار"';
SELECT 'phrase_02', group_concat(rowid) FROM docs WHERE docs MATCH '"الرئيس الروسي"';
SELECT 'near_01', group_concat(rowid) FROM docs WHERE docs MATCH 'NEAR(بوتين ترامب, 3)';
SELECT 'bool_01', group_concat(rowid) FROM docs WHERE docs MATCH 'بوتين NOT ويتكوف';
SELECT 'bool_02', group_concat(rowid) FROM docs WHERE docs MATCH 'كييف OR ويتكوف';
SELECT 'column_01', group_concat(rowid) FROM docs WHERE docs MATCH 'title : موسكو';
SELECT 'highlight_01', highlight(docs, 1, '[', ']') FROM docs WHERE docs MATCH 'بوتين' AND rowid = 1;
SELECT 'highlight_02', highlight(docs, 1, '[', ']') FROM docs WHERE docs MATCH 'محمد بناءة';
SELECT 'highlight_03', highlight(docs, 1, '[', ']') FROM docs WHERE docs MATCH '"وقف إطلاق النار"';
SELECT 'snippet_01', snippet(docs, 1, '[', ']', '…', 4) FROM docs WHERE docs MATCH 'المفاوضات' ORDER BY rank;
SELECT 'rank_01', group_concat(rowid) FROM (SELECT rowid FROM docs WHERE docs MATCH 'بوتين OR ترامب' ORDER BY bm25(docs), rowid);
-- the index, as fts5vocab sees it
CREATE VIRTUAL TABLE v USING fts5vocab(docs, 'row');
SELECT 'vocab_01', group_concat(term, ' ') FROM (SELECT term FROM v WHERE term IN ('بوتين', 'وتين', 'وبوتين', 'مفاوض', 'محمد', 'كرملين', 'يتكوف', 'ويتكوف') ORDER BY term);
-- 'kayf' (how) and Kyiv stay apart
SELECT 'apart_01', group_concat(rowid) FROM docs WHERE docs MATCH 'كيف';
-- updates, deletes and the integrity check
UPDATE docs SET body = 'تحدث بوتين مع ترمب' WHERE rowid = 4;
DELETE FROM docs WHERE rowid = 5;
INSERT INTO docs(docs) VALUES('integrity-check');
SELECT 'update_01', group_concat(rowid) FROM docs WHERE docs MATCH 'بوتين';
SELECT 'update_02', count(*) FROM docs WHERE docs MATCH 'محادثات';
-- options
CREATE VIRTUAL TABLE plain USING fts5(body, tokenize = 'arabic version 1 stem 0');
INSERT INTO plain VALUES ('والمفاوضات'), ('المفاوضات');
SELECT 'stem0_01', count(*) FROM plain WHERE plain MATCH 'المفاوضات';
CREATE VIRTUAL TABLE hamza USING fts5(body, tokenize = 'arabic version 1 hamza 0 alef 0');
INSERT INTO hamza VALUES ('رئيس'), ('رييس'), ('أحمد'), ('احمد');
SELECT 'hamza0_01', count(*) FROM hamza WHERE hamza MATCH 'رئيس';
SELECT 'alef0_01', count(*) FROM hamza WHERE hamza MATCH 'أحمد';
CREATE VIRTUAL TABLE stops USING fts5(body, tokenize = 'arabic version 1 stopwords 1');
INSERT INTO stops VALUES ('الحرب في أوكرانيا'), ('ذهب إلى الحرب');
SELECT 'stop_01', count(*) FROM stops WHERE stops MATCH 'في';
SELECT 'stop_02', count(*) FROM stops WHERE stops MATCH '"الحرب في أوكرانيا"';
-- external content table kept in sync by triggers
CREATE TABLE articles(id INTEGER PRIMARY KEY, body TEXT);
CREATE VIRTUAL TABLE articles_fts USING fts5(body, content = 'articles', content_rowid = 'id', tokenize = 'arabic version 1');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO articles_fts(rowid, body) VALUES (new.id, new.body);
END;
INSERT INTO articles(body) VALUES ('وبوتين في موسكو'), ('لترامب رأي'), (CAST(x'D8A8FFD8AA' AS TEXT)), ('');
UPDATE articles SET body = 'زيلينسكي في كييف' WHERE id = 2;
DELETE FROM articles WHERE id = 1;
INSERT INTO articles_fts(articles_fts) VALUES('integrity-check');
SELECT 'ext_01', count(*) FROM articles;
SELECT 'ext_02', group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH 'كييف';
SELECT 'ext_03', count(*) FROM articles_fts WHERE articles_fts MATCH 'بوتين';
-- variants 1: "~name" finds every spelling of a name
CREATE VIRTUAL TABLE names USING fts5(body, tokenize = 'arabic version 1 variants 1');
INSERT INTO names(rowid, body) VALUES (1, 'ترمب'), (2, 'لترامب'), (3, 'دونالد ترامب'), (4, 'زيلنيسكي'),
  (5, 'كيف'), (6, 'كييف'), (7, 'الأميركية'), (8, 'الأمريكي'), (9, 'دميتري بيسكوف'), (10, 'ديميتري');
SELECT 'variants_01', group_concat(rowid) FROM names WHERE names MATCH '"~ترامب"';
SELECT 'variants_02', group_concat(rowid) FROM names WHERE names MATCH 'ترامب';
SELECT 'variants_03', group_concat(rowid) FROM names WHERE names MATCH '"~زيلينسكي"';
SELECT 'variants_04', group_concat(rowid) FROM names WHERE names MATCH '"~كييف"';
SELECT 'variants_05', group_concat(rowid) FROM names WHERE names MATCH '"~أمريكي"';
SELECT 'variants_06', group_concat(rowid) FROM names WHERE names MATCH '"~ديمتري"';
SELECT 'variants_07', highlight(names, 0, '[', ']') FROM names WHERE names MATCH '"~ترامب"' AND rowid = 3;
SELECT 'variants_08', group_concat(rowid) FROM names WHERE names MATCH '"~دونالد ~ترمب"';
INSERT INTO names(names) VALUES('integrity-check');
-- version 2, the default: the same searches on the same rows, and what changed
INSERT INTO docs2(rowid, title, body) VALUES
 (10, 'الحديدة', 'معارك في الحديدة ومحيطها.'), (11, 'الحديد', 'ارتفعت أسعار الحديد والصلب.'),
 (12, 'مدارس', 'زار المدرسة ومدرسته، وقال إن الحكومه تدعم الانتخابات.'), (13, 'تعليم', 'قال المدرس.'), (14, 'رياضة', 'أخبار الرياضة في الرياض.'), (15, 'كرة', 'نتائج الرياضة.');
SELECT 'v2_match_01', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'بوتين';
SELECT 'v2_match_02', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'المفاوضات';
SELECT 'v2_match_03', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'محادثات';
SELECT 'v2_match_04', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'ويتكوف';
SELECT 'v2_match_05', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'الكرملين';
SELECT 'v2_match_06', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'محمد';
SELECT 'v2_match_07', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'الحديدة';
SELECT 'v2_match_08', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'الحديد';
SELECT 'v2_match_09', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'مدرسة';
SELECT 'v2_match_13', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'المدرس';
SELECT 'v2_match_14', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'الرياض';
SELECT 'v2_match_10', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'الحكومة';
SELECT 'v2_match_12', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'الحكومه';
SELECT 'v2_match_11', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'انتخابات';
SELECT 'v2_prefix_01', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'اوكران*';
SELECT 'v2_prefix_02', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'المفاوض*';
SELECT 'v2_prefix_03', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'الحدي*';
SELECT 'v2_phrase_01', group_concat(rowid) FROM docs2 WHERE docs2 MATCH '"وقف إطلاق النار"';
SELECT 'v2_near_01', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'NEAR(بوتين ترامب, 3)';
SELECT 'v2_highlight_01', highlight(docs2, 1, '[', ']') FROM docs2 WHERE docs2 MATCH 'الحديدة';
SELECT 'v2_snippet_01', snippet(docs2, 1, '[', ']', '…', 4) FROM docs2 WHERE docs2 MATCH 'المفاوضات' ORDER BY rank;
CREATE VIRTUAL TABLE v2 USING fts5vocab(docs2, 'row');
SELECT 'v2_vocab_01', group_concat(term, ' ') FROM (SELECT term FROM v2 WHERE term IN ('بوتين', 'وبوتين', 'مفاوضه', 'المفاوضات', 'كرملين', 'الكرملين', 'حديده', 'حديد') ORDER BY term);
UPDATE docs2 SET body = 'تحدث بوتين مع ترمب' WHERE rowid = 4;
DELETE FROM docs2 WHERE rowid = 5;
INSERT INTO docs2(docs2) VALUES('integrity-check');
SELECT 'v2_update_01', group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'بوتين';
-- a table of each version reads its own index: the options are in its schema
SELECT 'v2_version_01', (SELECT group_concat(rowid) FROM docs WHERE docs MATCH 'المفاوضات'),
  (SELECT group_concat(rowid) FROM docs2 WHERE docs2 MATCH 'المفاوضات');
CREATE VIRTUAL TABLE names2 USING fts5(body, tokenize = 'arabic variants 1');
INSERT INTO names2(rowid, body) SELECT rowid, body FROM names;
INSERT INTO names2(rowid, body) VALUES (11, 'غوتيريس'), (12, 'غوتيريش'), (13, 'كيم يونغ أون'), (14, 'كيم جونغ أون'),
  (15, 'بوتن'), (16, 'بوتين'), (17, 'خامنئي'), (18, 'الخميني'), (19, 'بوتان');
SELECT 'v2_variants_01', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~ترامب"';
SELECT 'v2_variants_02', group_concat(rowid) FROM names2 WHERE names2 MATCH 'ترامب';
SELECT 'v2_variants_03', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~كييف"';
SELECT 'v2_variants_04', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~ديمتري"';
SELECT 'v2_variants_05', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~غوتيريش"';
SELECT 'v2_variants_06', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~كيم ~جونغ ~أون"';
SELECT 'v2_variants_07', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~بوتين"';
SELECT 'v2_variants_08', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~خامنئي"';
SELECT 'v2_variants_09', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~الخميني"';
SELECT 'v2_variants_11', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~بوتان"';
SELECT 'v2_variants_12', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~أمريكي"';
SELECT 'v2_variants_13', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~أمريكية"';
SELECT 'v2_variants_10', group_concat(rowid) FROM names2 WHERE names2 MATCH '"~ترمب"';
INSERT INTO names2(names2) VALUES('integrity-check');
