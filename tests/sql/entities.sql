.mode list
.nullvalue NULL
SELECT 'ent_01', entity, type, start, length, canonical FROM arabic_entities('أعلن البيت الأبيض أن المبعوث ستيف ويتكوف سيصل إلى موسكو، وقال المتحدث باسم الكرملين دميتري بيسكوف إن بوتين سيستقبله.');
SELECT 'ent_02', entity, type, canonical FROM arabic_entities('التقى وزير الخارجية الأمريكي ماركو روبيو نظيره الروسي سيرغي لافروف في الرياض، ثم اتصل روبيو بزيلينسكي.');
SELECT 'ent_03', entity, type FROM arabic_entities('اجتمع القادة يوم الخميس 13 شباط 2025 ثم في 8 أغسطس، وفي العام 2022 وفي الأسبوع الماضي، وفي ١٥ مارس ٢٠٢٤.');
SELECT 'ent_04', count(*) FROM arabic_entities('لا شيء هنا سوى كلمات عادية.');
SELECT 'ent_05', count(*) FROM arabic_entities(NULL);
SELECT 'ent_06', count(*) FROM arabic_entities('');
SELECT 'ent_07', count(*) = sum(substr(t, start, length) = entity) FROM (SELECT 'ورحّب الرئيسُ الأوكرانيُّ فولوديمير زيلينسكي بموقفِ الاتحاد الأوروبي وحلف شمال الأطلسي في بروكسل.' AS t), arabic_entities(t);
SELECT 'ent_08', json_group_array(json_object('entity', entity, 'type', type)) FROM arabic_entities('زار ترامب باريس.');
SELECT 'ent_09', canonical, count(*) FROM arabic_entities('قال دونالد ترامب إن ترمب لن يتراجع، وأكد ترامب ذلك لاحقا.') GROUP BY canonical;
CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT);
INSERT INTO arabic_gazetteer VALUES ('شركة النور للتقنية', 'ORGANIZATION', NULL), ('سامر الخطيب', 'PERSON', 'سامر الخطيب'), ('', 'PERSON', NULL), ('بلدة', 'CITY', NULL);
SELECT 'ent_10', entity, type, canonical FROM arabic_entities('أعلنت شركة النور للتقنية أن سامر الخطيب سيقودها.');
SELECT 'ent_11', * FROM arabic_gazetteer_check();
DELETE FROM arabic_gazetteer WHERE type NOT IN ('PERSON', 'ORGANIZATION') OR name = '';
SELECT 'ent_12', count(*) FROM arabic_gazetteer_check();
DROP TABLE arabic_gazetteer;
SELECT 'ent_13', count(*) FROM arabic_gazetteer_check();
SELECT 'ent_14', entity, type, canonical FROM arabic_entities('التقى وزير الدفاع الفرنسي سيباستيان لوكورنو نظيره في باريس، وقال لوكورنو إن الاجتماع مثمر.');
SELECT 'ent_15', entity, type FROM arabic_entities('وقع ذلك في 8/8/2022 وأمس، ويوم الأحد المقبل، وفي كانون الثاني 2024.');
SELECT 'ent_16', entity, canonical FROM arabic_entities('اتصل ترمب ببوتين من واشنطن') WHERE type = 'LOCATION' OR canonical LIKE '%ترامب';
SELECT 'ent_17', entity, start, length FROM arabic_entities('اتفقت واشنطن وكييف وبغداد ولندن على ذلك');
SELECT 'ent_18', entity, value FROM arabic_entities('وقع ذلك في 8/8/2022 وأمس، وفي كانون الثاني 2024 ومنذ 2012.') WHERE type = 'DATE';
SELECT 'ent_19', count(*) FROM arabic_entities('قال بوتين في موسكو') WHERE value IS NOT NULL;
SELECT 'date_01', arabic_date('12 مارس 2025'), arabic_date('٢٠٢٥/٠٣/١٢'), arabic_date('Sun, 18 Feb 2018 21:35:43 +0400');
SELECT 'date_02', arabic_date('التاريخ: 1 كانون الثاني 2020'), arabic_date('14 جانفي 2019'), arabic_date('25 جويلية 2019');
SELECT 'date_03', quote(arabic_date('مارس 2025')), quote(arabic_date(NULL)), quote(arabic_date('')), quote(arabic_date(X'ffff')), quote(arabic_date(20250312));
