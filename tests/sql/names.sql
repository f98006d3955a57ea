.mode list
.nullvalue NULL
SELECT 'key_01', arabic_name_key('ترامب'), arabic_name_key('ترمب');
SELECT 'key_02', arabic_name_key('زيلينسكي') = arabic_name_key('زيلنيسكي');
SELECT 'key_03', arabic_name_key('ديمتري') = arabic_name_key('دميتري'), arabic_name_key('دميتري') = arabic_name_key('ديميتري');
SELECT 'key_04', arabic_name_key('أمريكي') = arabic_name_key('أميركي');
SELECT 'key_05', arabic_name_key('نتنياهو') = arabic_name_key('نتانياهو');
SELECT 'key_06', arabic_name_key('كييف') = arabic_name_key('كيف'), arabic_name_key('علي') = arabic_name_key('على'), arabic_name_key('بوتين') = arabic_name_key('بوتان');
SELECT 'key_07', arabic_name_key('دونالد  ترامب،'), arabic_name_key('فلاديمير بوتين');
SELECT 'key_08', arabic_name_key('تْرَامـــب') = arabic_name_key('ترمب');
SELECT 'key_09', arabic_name_key(NULL), quote(arabic_name_key('')), quote(arabic_name_key(' ، '));
SELECT 'key_10', arabic_name_key(2022), arabic_name_key('Trump');
SELECT 'key_11', arabic_name_key('على'), arabic_name_key('علي'), arabic_name_key('مستوى') = arabic_name_key('مستوي');
SELECT 'key_12', length(arabic_name_key(CAST(x'd8aad8b1ff41d985d8a8' AS TEXT)));
