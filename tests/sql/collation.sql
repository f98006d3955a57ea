.mode list
.nullvalue NULL
-- COLLATE arabic: equality across spellings, dictionary order, indexes,
-- GROUP BY and DISTINCT.
SELECT 'eq_01', 'أحمد' = 'احمد' COLLATE arabic, 'أَحْمَد' = 'احمد' COLLATE arabic,
                'إبراهيم' = 'ابراهيم' COLLATE arabic, 'آمال' = 'امال' COLLATE arabic;
SELECT 'eq_02', 'كتــاب' = 'كتاب' COLLATE arabic, 'مدرسة' = 'مدرسه' COLLATE arabic,
                'على' = 'علي' COLLATE arabic, 'مسؤول' = 'مسوول' COLLATE arabic;
SELECT 'eq_03', '٢٠٢٤' = '2024' COLLATE arabic, '۲۰۲۴' = '2024' COLLATE arabic,
                'Ahmed' = 'AHMED' COLLATE arabic;
SELECT 'ne_01', 'احمد' = 'محمد' COLLATE arabic, 'عبد الله' = 'عبدالله' COLLATE arabic,
                'أحمد' = 'احمد' COLLATE BINARY;
SELECT 'lt_01', 'ء' < 'ا' COLLATE arabic, 'ب' < 'پ' COLLATE arabic, 'پ' < 'ت' COLLATE arabic,
                'ك' < 'گ' COLLATE arabic, 'ه' < 'و' COLLATE arabic, 'و' < 'ي' COLLATE arabic;
SELECT 'lt_02', '9' < 'ا' COLLATE arabic, 'zebra' < 'ا' COLLATE arabic, 'احمد' < 'احمدي' COLLATE arabic;
CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO people(name) VALUES
  ('يوسف'), ('أحمد'), ('ثامر'), ('إبراهيم'), ('زينب'), ('احمد'), ('بسمة'), ('أَحْمَد'),
  ('تامر'), ('خالد'), ('حسن'), ('جميل'), ('عمر'), ('غادة'), ('فاطمة'), ('قاسم'), ('كريم'),
  ('ليلى'), ('مريم'), ('نور'), ('هدى'), ('وليد'), ('آمنة'), ('ابراهيم'), ('سلمى'), ('شادي'),
  ('صالح'), ('ضياء'), ('طارق'), ('ظافر'), ('دينا'), ('ذكرى'), ('رامي'), ('عمـــر'), ('Omar'), ('٣ أيام'), ('3 ايام');
SELECT 'order', group_concat(name, ' ') FROM (SELECT name FROM people ORDER BY name COLLATE arabic, name);
SELECT 'order_desc', group_concat(name, ' ') FROM (SELECT name FROM people ORDER BY name COLLATE arabic DESC, name);
SELECT 'group', count(*), group_concat(name, ' ') FROM (SELECT name FROM people ORDER BY id)
  GROUP BY name COLLATE arabic HAVING count(*) > 1 ORDER BY name COLLATE arabic;
SELECT 'distinct', count(*) FROM (SELECT DISTINCT name COLLATE arabic FROM people);
SELECT 'distinct_binary', count(*) FROM (SELECT DISTINCT name FROM people);
CREATE INDEX people_name ON people(name COLLATE arabic);
SELECT 'index_eq', group_concat(id, ' ') FROM (SELECT id FROM people WHERE name = 'احمد' COLLATE arabic ORDER BY id);
SELECT 'index_range', group_concat(name, ' ') FROM (SELECT name FROM people
  WHERE name >= 'ث' COLLATE arabic AND name < 'د' COLLATE arabic ORDER BY name COLLATE arabic, name);
SELECT 'integrity', integrity_check FROM pragma_integrity_check;
CREATE TABLE uniq(name TEXT UNIQUE COLLATE arabic);
INSERT INTO uniq VALUES ('أحمد');
INSERT OR IGNORE INTO uniq VALUES ('أَحْمَد'), ('احمد'), ('محمد');
SELECT 'unique', group_concat(name, ' ') FROM uniq;
