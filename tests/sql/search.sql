-- arabic_tokens, arabic_stem, arabic_query (token format 1 pinned, then format 2, the default)
.mode list
.nullvalue NULL
SELECT 'tokens_01', token, start, length, position, colocated FROM arabic_tokens('وبوتين يلتقي', 'version 1');
SELECT 'tokens_02', token, substr('قال: مُحَمَّدٌ لـ3', start, length) FROM arabic_tokens('قال: مُحَمَّدٌ لـ3', 'version 1');
SELECT 'tokens_03', token, start, length FROM arabic_tokens('والمفاوضات', 'version 1 stem 0');
SELECT 'tokens_04', count(*) FROM arabic_tokens(NULL, 'version 1');
SELECT 'tokens_05', count(*) FROM arabic_tokens('', 'version 1');
SELECT 'tokens_06', token, start, length FROM arabic_tokens(CAST(x'D8A8FFD8AA80D8AB' AS TEXT), 'version 1');
SELECT 'tokens_07', count(*), max(position) FROM arabic_tokens(replace(printf('%.*c', 1000, 'x'), 'x', 'كلمة '), 'version 1');
SELECT 'tokens_08', token FROM arabic_tokens('في الحرب', 'version 1 stopwords 1');
SELECT 'tokens_09', t.token FROM (SELECT 'بموسكو' AS s) JOIN arabic_tokens(s, 'version 1') AS t;
SELECT 'tokens_10', token FROM arabic_tokens('بموسكو وبوتين', 'version 1') WHERE token LIKE 'م%' OR token LIKE 'ب%';
SELECT 'stem_01', arabic_stem('المفاوضات مفاوضات والمفاوضات محادثات محادثة', 'version 1');
SELECT 'stem_02', arabic_stem('بوتين ويتكوف الكرملين زيلينسكي لترامب', 'version 1');
SELECT 'stem_03', arabic_stem('الأوكرانية، «الروسي»!', 'version 1 hamza 0');
SELECT 'stem_04', arabic_stem('والمفاوضات', 'version 1 stem 0');
SELECT 'stem_05', arabic_stem(NULL, 'version 1');
SELECT 'stem_06', arabic_stem('', 'version 1');
SELECT 'v2_tokens_01', token, start, length, position, colocated FROM arabic_tokens('وبوتين يلتقي');
SELECT 'v2_tokens_02', token, position, colocated FROM arabic_tokens('الحديدة كتابه عاصمتها والمفاوضات');
SELECT 'v2_tokens_03', count(*), max(position) FROM arabic_tokens(replace(printf('%.*c', 1000, 'x'), 'x', 'كلمة '));
SELECT 'v2_tokens_04', token FROM arabic_tokens('ترامب ترمب', 'variants 1');
SELECT 'v2_stem_01', arabic_stem('المفاوضات مفاوضات والمفاوضات محادثات محادثة');
SELECT 'v2_stem_02', arabic_stem('بوتين ويتكوف الكرملين زيلينسكي لترامب');
SELECT 'v2_stem_03', arabic_stem('الحديدة الحديد الحكومه كتابه');
SELECT 'v2_stem_04', arabic_stem('والمفاوضات', 'version 2 stem 0');
SELECT 'query_01', arabic_query('بوتين ترامب');
SELECT 'query_02', arabic_query('بوتين "وقف إطلاق النار" كورس*');
SELECT 'query_03', arabic_query('كييف OR موسكو -واشنطن');
SELECT 'query_04', arabic_query('"unterminated ) AND NOT * : ^ NEAR(');
SELECT 'query_05', arabic_query('!!! ؟؟ ...');
SELECT 'query_06', arabic_query('بوتين ترامب', 'any 1');
SELECT 'query_07', arabic_query('اوكران', 'prefix 1');
SELECT 'query_08', arabic_query('he said "yes" and "no');
SELECT 'query_09', arabic_query(NULL);
-- whatever the user typed, the expression is valid
CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic');
INSERT INTO d VALUES ('وقف إطلاق النار في كورسك'), ('ترامب وبوتين');
SELECT 'query_10', count(*) FROM d WHERE d MATCH arabic_query('"unterminated ) AND NOT * : ^ NEAR(');
SELECT 'query_11', group_concat(rowid) FROM d WHERE d MATCH arabic_query('كورس* OR ترمب', 'any 1');
SELECT 'query_13', count(*) FROM d WHERE d MATCH arabic_query('!!! ؟؟');
SELECT 'query_12', group_concat(rowid) FROM d WHERE d MATCH arabic_query('بوتين ترامب');
