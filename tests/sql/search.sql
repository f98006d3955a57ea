-- arabic_tokens, arabic_stem, arabic_query
.mode list
.nullvalue NULL
SELECT 'tokens_01', token, start, length, position, colocated FROM arabic_tokens('وبوتين يلتقي');
SELECT 'tokens_02', token, substr('قال: مُحَمَّدٌ لـ3', start, length) FROM arabic_tokens('قال: مُحَمَّدٌ لـ3');
SELECT 'tokens_03', token, start, length FROM arabic_tokens('والمفاوضات', 'stem 0');
SELECT 'tokens_04', count(*) FROM arabic_tokens(NULL);
SELECT 'tokens_05', count(*) FROM arabic_tokens('');
SELECT 'tokens_06', token, start, length FROM arabic_tokens(CAST(x'D8A8FFD8AA80D8AB' AS TEXT));
SELECT 'tokens_07', count(*), max(position) FROM arabic_tokens(replace(printf('%.*c', 1000, 'x'), 'x', 'كلمة '));
SELECT 'tokens_08', token FROM arabic_tokens('في الحرب', 'stopwords 1');
SELECT 'tokens_09', t.token FROM (SELECT 'بموسكو' AS s) JOIN arabic_tokens(s) AS t;
SELECT 'tokens_10', token FROM arabic_tokens('بموسكو وبوتين') WHERE token LIKE 'م%' OR token LIKE 'ب%';
SELECT 'stem_01', arabic_stem('المفاوضات مفاوضات والمفاوضات محادثات محادثة');
SELECT 'stem_02', arabic_stem('بوتين ويتكوف الكرملين زيلينسكي لترامب');
SELECT 'stem_03', arabic_stem('الأوكرانية، «الروسي»!', 'hamza 0');
SELECT 'stem_04', arabic_stem('والمفاوضات', 'stem 0');
SELECT 'stem_05', arabic_stem(NULL);
SELECT 'stem_06', arabic_stem('');
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
-- FTS5 syntax is kept as typed; what MATCH would reject is repaired
SELECT 'query_14', arabic_query('ترامب AND بوتين');
SELECT 'query_15', arabic_query('NOT ترامب بوتين');
SELECT 'query_16', arabic_query('AND ترامب OR');
SELECT 'query_17', arabic_query('NEAR(ترامب بوتين, 05) OR "وقف إطلاق"*');
SELECT 'query_18', arabic_query('title:ترامب body:(موسكو OR كييف) -كورسك');
SELECT 'query_19', arabic_query('ترامب (NOT بوتين) () ((كييف');
SELECT 'query_20', arabic_query('ترامب AND NOT بوتين');
SELECT 'query_21', arabic_query('a -b c');
SELECT 'query_22', arabic_query('(a b', 'prefix 1');
SELECT 'query_23', arabic_query('"قال ""نعم"""');
SELECT 'query_24', arabic_query('AND:x NEAR:y');
SELECT 'query_25', arabic_query('http: a:)');
SELECT 'query_26', arabic_query(arabic_query('title:(a OR b) -c NEAR(d e, 3)'));
CREATE VIRTUAL TABLE n USING fts5(title, body, tokenize = 'arabic');
INSERT INTO n VALUES ('ترامب وبوتين', 'لقاء في موسكو'), ('بوتين', 'كييف وكورسك'), ('ترمب', 'واشنطن');
SELECT 'query_27', group_concat(rowid) FROM n WHERE n MATCH arabic_query('ترامب AND بوتين');
SELECT 'query_28', group_concat(rowid) FROM n WHERE n MATCH arabic_query('NOT ترامب بوتين');
SELECT 'query_29', group_concat(rowid) FROM n WHERE n MATCH arabic_query('body:(موسكو OR كييف) -كورسك');
SELECT 'query_30', group_concat(rowid) FROM n WHERE n MATCH arabic_query('NEAR(ترامب بوتين, 2) OR ترمب');
SELECT 'query_31', group_concat(rowid) FROM n WHERE n MATCH arabic_query('title:بوتين -body:كييف');
