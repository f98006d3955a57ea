-- arabic_normalize, arabic_strip_diacritics, arabic_version, arabic_debug
.mode list
.nullvalue NULL
SELECT 'norm_01', arabic_normalize('أَعْلَنَ الرَّئِيسُ ٢٠٢٢');
SELECT 'norm_02', arabic_normalize('كتــــاب مُحَمَّدٌ');
SELECT 'norm_03', arabic_normalize('أحمد إبراهيم آمال ٱلله على مدرسة');
SELECT 'norm_04', arabic_normalize('ﻻ ﷲ ﻷ');
SELECT 'norm_05', arabic_normalize('قال، «نعم»؛ لا؟');
SELECT 'norm_06', arabic_normalize('Élan ΣΟΦΙΑ');
SELECT 'norm_07', arabic_normalize('رئيس مؤتمر', 'hamza 0');
SELECT 'norm_08', arabic_normalize('أحمد مدرسة على', 'alef 0 teh_marbuta 0 yeh 0');
SELECT 'norm_09', arabic_normalize('مُحَمَّد', 'diacritics 0');
SELECT 'norm_10', arabic_normalize(NULL);
SELECT 'norm_11', arabic_normalize('x', NULL);
SELECT 'norm_12', arabic_normalize(2022);
SELECT 'norm_13', arabic_normalize(2.5);
SELECT 'norm_14', arabic_normalize('');
SELECT 'norm_15', hex(arabic_normalize(x'41FF42'));
SELECT 'norm_16', length(arabic_normalize(x'D8A7D9')), hex(arabic_normalize(x'D8A7D9'));
SELECT 'norm_17', length(arabic_normalize(replace(printf('%.*c', 1000000, 'x'), 'x', 'ب')));
SELECT 'norm_18', arabic_normalize('ب' || replace(printf('%.*c', 10000, 'x'), 'x', 'َ'));
SELECT 'norm_20', hex(arabic_normalize(CAST(x'D8A300D8A3' AS TEXT)));
SELECT 'norm_19', arabic_normalize('کتاب ی', 'persian 0');
SELECT 'strip_01', arabic_strip_diacritics('أَعْلَنَ الرَّئِيسُ كتــــاب');
SELECT 'strip_02', arabic_strip_diacritics('مدرسة على إبراهيم رئيس');
SELECT 'strip_03', arabic_strip_diacritics('ٱلْعَٰلَمِينَ');
SELECT 'strip_04', arabic_strip_diacritics(NULL);
SELECT 'strip_05', arabic_strip_diacritics(12);
SELECT 'version_01', arabic_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
SELECT 'debug_01', arabic_debug() LIKE '%unicode: %' AND arabic_debug() LIKE '%fts5: available%';
-- deterministic: usable in an index on an expression
CREATE TABLE names(n TEXT);
CREATE INDEX names_norm ON names(arabic_normalize(n));
INSERT INTO names VALUES ('أحمد'), ('احمد'), ('أَحْمَد'), ('محمود');
SELECT 'index_01', count(*) FROM names WHERE arabic_normalize(n) = arabic_normalize('أحمد');
