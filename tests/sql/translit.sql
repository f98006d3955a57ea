.mode list
.nullvalue NULL
-- arabic_translit / arabic_untranslit: every scheme, both ways, escapes, NULLs.
SELECT 'bw_01', arabic_translit('مُحَمَّدٌ رسولٌ');
SELECT 'bw_02', arabic_translit('أحمد إبراهيم آمال مؤتمر رئيس سماء');
SELECT 'bw_03', arabic_translit('ذهب شمس ظل ٱلْعَٰلَمِينَ', 'buckwalter');
SELECT 'bw_04', arabic_translit('مدرسة على كتــاب');
SELECT 'bw_05', arabic_translit('قال، «نعم»؛ ٢٠٢٢ - 2022');
SELECT 'bw_06', arabic_translit('شبكة FOXNEWS');
SELECT 'bw_07', arabic_untranslit('muHama~dN rasuwlN');
SELECT 'bw_08', arabic_untranslit('>Hmd <brAhym |mAl m&tmr r}ys smA''');
SELECT 'bw_09', arabic_untranslit('$bkp \FOX\N\EW\S');
SELECT 'bw_10', arabic_untranslit('already Arabic: كتاب');
SELECT 'safe_01', arabic_translit('أحمد إبراهيم آمال مؤتمر رئيس سماء', 'safe-buckwalter');
SELECT 'safe_02', arabic_translit('ذهب شمس ظل ٱلْعَٰلَمِينَ', 'safe-buckwalter');
SELECT 'safe_03', arabic_translit('شمال-غرب FOX 2022 - 2024', 'safe-buckwalter');
SELECT 'safe_04', arabic_untranslit('OHmd IbrAhym MmAl mWtmr rQys smAC', 'safe-buckwalter');
SELECT 'safe_05', arabic_untranslit('cmAl--grb -F-OX 2022 - 2024', 'safe-buckwalter');
SELECT 'read_01', arabic_translit('الولايات المتحدة تواصل مباحثاتها مع الجانب الروسي', 'readable');
SELECT 'read_02', arabic_translit('ترامب بوتين كييف ويتكوف زيلينسكي أوكرانيا موسكو', 'readable');
SELECT 'read_03', arabic_translit('مُحَمَّدٌ كِتَابٌ الشَّمْس مَدْرَسَة', 'readable');
SELECT 'read_04', arabic_translit('تقريباً إسلام آمال مسؤول على', 'readable');
SELECT 'read_05', arabic_translit('قال، ٢٠٢٢؟ FOXNEWS', 'readable');
SELECT 'trip_01', arabic_untranslit(arabic_translit(x)) = x,
                  arabic_untranslit(arabic_translit(x, 'safe-buckwalter'), 'safe-buckwalter') = x
  FROM (SELECT 'وقال ترامب لشبكة FOXNEWS: "نريد السلام" \ - ~ _ 100%' AS x);
SELECT 'null_01', arabic_translit(NULL), arabic_translit('كتاب', NULL), arabic_untranslit(NULL, 'buckwalter');
SELECT 'num_01', arabic_translit(42), arabic_untranslit(3.5);
SELECT 'empty_01', '[' || arabic_translit('') || ']', '[' || arabic_untranslit('') || ']';
SELECT 'bad_utf8', hex(arabic_translit(x'61FFD8')), hex(arabic_untranslit(x'C0AF62'));
