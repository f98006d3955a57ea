"""Re-entrancy: every function of the extension called from views, triggers, CHECK constraints, generated
columns, a gazetteer that is a view, and table-valued functions over themselves; and a gazetteer that reads
itself (issue 15, item 1: it overflowed the stack).

The functions come from pragma_function_list and pragma_module_list, so a new one is covered without an
edit. Each call through a schema object must give exactly what the same call gives at the top level.
"""
import sqlite3
import unittest

from helpers import connect

TEXT = "12 مارس 2025: قال الرئيس الروسي فلاديمير بوتين في موسكو إن ترامب سيزور الكرملين يوم الأربعاء."
RECURSION = ("arabic_entities: arabic_gazetteer reads itself (through arabic_entities or arabic_gazetteer_check): "
             "a gazetteer cannot depend on entity extraction")
RECURSION_CHECK = RECURSION.replace("arabic_entities: ", "arabic_gazetteer_check: ", 1)

# The ways a gazetteer can read arabic_entities or arabic_gazetteer_check.
SELF_READING = {
    "direct": "SELECT entity, type, canonical FROM arabic_entities('قال بوتين')",
    "subquery": "SELECT (SELECT entity FROM arabic_entities('قال بوتين')), 'PERSON', NULL",
    "join": "SELECT e.entity, e.type, e.canonical FROM (SELECT 'قال بوتين' AS t) AS a, arabic_entities(a.t) AS e",
    "IN": "SELECT 'x', 'PERSON', NULL WHERE 'بوتين' IN (SELECT entity FROM arabic_entities('قال بوتين'))",
    "check": "SELECT name, type, NULL FROM arabic_gazetteer_check",
    "another view": "SELECT * FROM inner_names",
    "a CTE": "WITH e AS (SELECT * FROM arabic_entities('قال بوتين')) SELECT entity, type, canonical FROM e",
}


def functions(db):
    """(name, number of arguments) of every scalar function of the extension."""
    return db.execute("SELECT DISTINCT name, narg FROM pragma_function_list WHERE name LIKE 'arabic%' "
                      "ORDER BY name, narg").fetchall()


def modules(db):
    return [r[0] for r in db.execute("SELECT name FROM pragma_module_list WHERE name LIKE 'arabic%' ORDER BY 1")]


SECOND = {"arabic_translit": "'buckwalter'", "arabic_decode": "'UTF-8'", "arabic_untranslit": "'buckwalter'", "arabic_query": "'any 1'"}


def call(name, narg, text="?1"):
    """A call of the function with a sample text (and its sample second argument)."""
    if name == "arabic_date":  # a text that starts with a date, so the result is not NULL
        text = f"'12 مارس 2025 ' || {text}"
    args = [text, SECOND.get(name, "'alef 1'")][:narg]
    return f"{name}({', '.join(args)})"


class SelfReadingGazetteer(unittest.TestCase):
    def test_every_way_gives_an_error(self):
        for how, body in SELF_READING.items():
            with self.subTest(how=how):
                db = connect()
                db.execute("CREATE VIEW inner_names(name, type, canonical) AS "
                           "SELECT entity, type, canonical FROM arabic_entities('قال بوتين')")
                db.execute(f"CREATE VIEW arabic_gazetteer(name, type, canonical) AS {body}")
                for sql, message in (("SELECT * FROM arabic_entities('قال بوتين')", RECURSION),
                                     ("SELECT * FROM arabic_gazetteer_check", RECURSION_CHECK),
                                     ("SELECT * FROM arabic_gazetteer", None)):
                    with self.assertRaises(sqlite3.OperationalError) as cm:
                        db.execute(sql).fetchall()
                    if message:
                        self.assertEqual(str(cm.exception), message)
                    else:
                        self.assertIn("arabic_gazetteer reads itself", str(cm.exception))
                # The connection is fine afterwards: without the view, the same call works.
                db.execute("DROP VIEW arabic_gazetteer")
                self.assertEqual(db.execute("SELECT entity FROM arabic_entities('قال بوتين')").fetchall(),
                                 [("بوتين",)])

    def test_through_a_trigger_of_the_gazetteer(self):
        # Not a recursion: the trigger runs on a write, not on a read.
        db = connect()
        db.execute("CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)")
        db.execute("CREATE TABLE log(entity)")
        db.execute("CREATE TRIGGER g AFTER INSERT ON arabic_gazetteer BEGIN "
                   "INSERT INTO log SELECT entity FROM arabic_entities('زار ' || NEW.name || ' بوتين'); END")
        db.execute("INSERT INTO arabic_gazetteer VALUES ('نهر الذهب', 'LOCATION', 'النهر')")
        self.assertEqual(db.execute("SELECT entity FROM log").fetchall(), [("نهر الذهب",), ("بوتين",)])

    def test_deep_nesting_of_views(self):
        db = connect()
        db.execute("CREATE VIEW v0(name, type, canonical) AS SELECT entity, type, canonical "
                   "FROM arabic_entities('قال بوتين')")
        for i in range(1, 50):
            db.execute(f"CREATE VIEW v{i} AS SELECT * FROM v{i - 1}")
        db.execute("CREATE VIEW arabic_gazetteer AS SELECT * FROM v49")
        with self.assertRaises(sqlite3.OperationalError) as cm:
            db.execute("SELECT * FROM arabic_entities('قال بوتين')").fetchall()
        self.assertEqual(str(cm.exception), RECURSION)


class EveryFunctionFromSchemaObjects(unittest.TestCase):
    def setUp(self):
        self.db = connect()

    def direct(self, sql, *args):
        return self.db.execute(sql, args).fetchall()

    def test_scalar_functions_in_views_triggers_checks_and_generated_columns(self):
        db = self.db
        db.execute("CREATE TABLE src(id INTEGER PRIMARY KEY, t TEXT)")
        db.execute("INSERT INTO src(t) VALUES (?)", (TEXT,))
        for name, narg in functions(db):
            with self.subTest(function=name, narg=narg):
                expr = call(name, narg, "t")
                want = db.execute(f"SELECT {expr} FROM src").fetchall()
                db.execute(f"CREATE VIEW v AS SELECT {expr} AS r FROM src")
                self.assertEqual(db.execute("SELECT r FROM v").fetchall(), want)
                db.execute("CREATE TABLE out(r)")
                db.execute(f"CREATE TRIGGER tr AFTER INSERT ON src BEGIN INSERT INTO out SELECT {call(name, narg, 'NEW.t')}; END")
                db.execute("INSERT INTO src(t) VALUES (?)", (TEXT,))
                self.assertEqual(db.execute("SELECT r FROM out").fetchall(), want)
                db.execute(f"CREATE TABLE chk(t TEXT CHECK ({expr} IS NOT NULL OR t IS NULL), "
                           f"g GENERATED ALWAYS AS ({expr}))")
                db.execute("INSERT INTO chk(t) VALUES (?)", (TEXT,))
                self.assertEqual(db.execute("SELECT g FROM chk").fetchall(), want)
                for stmt in ("DROP VIEW v", "DROP TRIGGER tr", "DROP TABLE out", "DROP TABLE chk",
                             "DELETE FROM src WHERE id > 1"):
                    db.execute(stmt)

    def test_table_valued_functions_in_views_and_triggers(self):
        db = self.db
        sql = {"arabic_entities": "SELECT entity, type, start, length, canonical FROM arabic_entities({})",
               "arabic_tokens": "SELECT token, start, length, position, colocated FROM arabic_tokens({})",
               "arabic_gazetteer_check": "SELECT * FROM arabic_gazetteer_check"}
        self.assertEqual(sorted(sql), modules(db))
        db.execute("CREATE TABLE src(t TEXT)")
        for name in modules(db):
            with self.subTest(module=name):
                want = db.execute(sql[name].format("?"), (TEXT,)).fetchall() if "{}" in sql[name] else \
                    db.execute(sql[name]).fetchall()
                db.execute(f"CREATE VIEW v AS {sql[name].format(repr(TEXT))}")
                self.assertEqual(db.execute("SELECT * FROM v").fetchall(), want)
                db.execute(f"CREATE TABLE out AS SELECT * FROM v WHERE 0")
                db.execute(f"CREATE TRIGGER tr AFTER INSERT ON src BEGIN "
                           f"INSERT INTO out {sql[name].format('NEW.t')}; END")
                db.execute("INSERT INTO src VALUES (?)", (TEXT,))
                self.assertEqual(db.execute("SELECT * FROM out").fetchall(), want)
                for stmt in ("DROP VIEW v", "DROP TRIGGER tr", "DROP TABLE out", "DELETE FROM src"):
                    db.execute(stmt)

    def test_table_valued_functions_over_themselves(self):
        db = self.db
        entities = db.execute("SELECT entity FROM arabic_entities(?)", (TEXT,)).fetchall()
        # entities of every entity, tokens of every entity, entities of every token, three levels deep
        got = db.execute("SELECT e.entity, f.entity FROM arabic_entities(?1) AS e, arabic_entities(e.entity) AS f",
                         (TEXT,)).fetchall()
        want = [(e, f) for (e,) in entities for (f,) in db.execute("SELECT entity FROM arabic_entities(?)", (e,))]
        self.assertEqual(got, want)
        got = db.execute("SELECT e.entity, t.token FROM arabic_entities(?1) AS e, arabic_tokens(e.entity) AS t",
                         (TEXT,)).fetchall()
        want = [(e, t) for (e,) in entities for (t,) in db.execute("SELECT token FROM arabic_tokens(?)", (e,))]
        self.assertEqual(got, want)
        got = db.execute("SELECT count(*) FROM arabic_tokens(?1) AS t, arabic_entities(t.token) AS e, "
                         "arabic_tokens(e.entity) AS u", (TEXT,)).fetchone()[0]
        want = sum(db.execute("SELECT count(*) FROM arabic_entities(?) AS e, arabic_tokens(e.entity)", (t,)).fetchone()[0]
                   for (t,) in db.execute("SELECT token FROM arabic_tokens(?)", (TEXT,)).fetchall())
        self.assertEqual(got, want)

    def test_gazetteer_view_of_every_function_equals_its_table(self):
        # A gazetteer that is a view computing its names with a function of the extension reads the
        # same as a table holding the view's rows.
        db = self.db
        db.execute("CREATE TABLE src(t TEXT)")
        db.execute("INSERT INTO src VALUES ('سامر الخطيب'), ('نهر الذهب')")
        text = "قال سامر الخطيب إن نهر الذهب جف، وسمر الخطيب وافق."
        for name, narg in functions(db):
            with self.subTest(function=name, narg=narg):
                expr = call(name, narg, "t")
                db.execute(f"CREATE VIEW arabic_gazetteer(name, type, canonical) AS "
                           f"SELECT t, 'PERSON', {expr} FROM src")
                from_view = db.execute("SELECT * FROM arabic_entities(?)", (text,)).fetchall()
                checked_view = db.execute("SELECT * FROM arabic_gazetteer_check").fetchall()
                db.execute("CREATE TABLE g AS SELECT * FROM arabic_gazetteer")
                db.execute("DROP VIEW arabic_gazetteer")
                db.execute("ALTER TABLE g RENAME TO arabic_gazetteer")
                self.assertEqual(db.execute("SELECT * FROM arabic_entities(?)", (text,)).fetchall(), from_view)
                self.assertEqual([r[1:] for r in db.execute("SELECT * FROM arabic_gazetteer_check")],
                                 [r[1:] for r in checked_view])
                db.execute("DROP TABLE arabic_gazetteer")


if __name__ == "__main__":
    unittest.main()
