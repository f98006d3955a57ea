# The corpus schema through SQLite's own Tcl interface (Debian's libsqlite3-tcl):
#   tclsh tests/tcl/corpus.tcl        (from the repository root; run by tests/python/test_corpus.py)
# Prints 'ok - NAME' or 'not ok - NAME' per check.
package require sqlite3

set failed 0
proc check {name got want} {
    global failed
    if {$got eq $want} {
        puts "ok - $name"
    } else {
        puts "not ok - $name"
        puts "#   expected: $want"
        puts "#   got:      $got"
        incr failed
    }
}

sqlite3 db :memory:
db enable_load_extension 1
db eval {SELECT load_extension('dist/arabic')}
check version_loaded [db onecolumn {SELECT arabic_version() GLOB '[0-9]*.[0-9]*.[0-9]*'}] 1

foreach script {sql/schema.sql sql/views.sql} {
    set f [open $script]
    fconfigure $f -encoding utf-8
    db eval [read $f]
    close $f
}
set text "ترمب يلتقي بوتين\nالتاريخ: 2025-03-18\nقال الرئيس الأمريكي دونالد ترامب إنه تحدث مع فلاديمير بوتين بموسكو.\nالمصدر: إذاعة الصباح"
db eval {INSERT INTO article_import(path, content, hash) VALUES ('tcl/1.txt', $text, 'h1')}
db eval {SELECT title, body, source, published FROM articles WHERE path = 'tcl/1.txt'} break
check title $title "ترمب يلتقي بوتين"
check body $body "قال الرئيس الأمريكي دونالد ترامب إنه تحدث مع فلاديمير بوتين بموسكو."
check source $source "إذاعة الصباح"
check published $published 2025-03-18
check clitic_search [db onecolumn {SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'موسكو'}] 1
check variant_search [db onecolumn {SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"~ترامب" AND title:"~ترامب"'}] 1
check entities_found [db onecolumn {SELECT count(*) > 0 FROM entities}] 1
check entity_offsets [db onecolumn {
    SELECT count(*) FROM entities JOIN articles ON id = article_id WHERE substr(text, start, length) <> entity}] 0
db eval {INSERT INTO article_import(path, content, hash) VALUES ('tcl/1.txt', $text, 'h1')}
check reimport_is_noop [db onecolumn {SELECT count(*) FROM articles}] 1
db eval {DELETE FROM articles}
check delete_clears_entities [db onecolumn {SELECT count(*) FROM entities}] 0
db close
exit [expr {$failed ? 1 : 0}]
