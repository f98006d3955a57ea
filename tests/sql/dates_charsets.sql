-- arabic_date, the value column of arabic_entities, arabic_detect_charset and arabic_decode.
SELECT arabic_date('2025-03-12'), arabic_date('٢٠٢٥-٠٣-١٢'), arabic_date('12/03/2025'), arabic_date('2025/3/2');
SELECT arabic_date('الأربعاء 12 مارس 2025'), arabic_date('التاريخ: 3 كانون الثاني 2022'), arabic_date('نشر في 5 تشرين الأول 2023');
SELECT arabic_date('Sun, 18 Feb 2018 21:35:43 +0400'), arabic_date('2018-02-18T23:35:43-05:00');
SELECT quote(arabic_date('2025-13-01')), quote(arabic_date('2025-02-30')), quote(arabic_date('1700-01-01')), quote(arabic_date('مارس 2025')), quote(arabic_date(NULL));
SELECT entity, quote(value) FROM arabic_entities('وفي 12 مارس 2025 التقى بوتين في موسكو، وفي آذار الماضي') ORDER BY start;
SELECT arabic_detect_charset(X'C7E1DEC7E5D1C9'), arabic_detect_charset(X'C7E4E2C7E7D1C9'), arabic_detect_charset(X'450635063106'), arabic_detect_charset(X'064506350631');
SELECT quote(arabic_detect_charset(X'0000000000FF0001')), arabic_decode(X'064506350631'), arabic_decode(X'FEFF064506350631'), hex(arabic_decode(X'EFBBBFD985'));
