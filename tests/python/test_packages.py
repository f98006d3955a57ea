"""The packages of docs/install.md, installed and used as a newcomer would:

- pip: a virtual environment of /usr/bin/python3 (Debian's venv, pip,
  setuptools, wheel; offline), `pip install --no-build-isolation .`, then the
  package and the command from another folder;
- npm: `make npm`, `npm install` of the tarball into a new project, and
  better-sqlite3 12 (make node-deps) loading getLoadablePath();
- make install into a staging DESTDIR and into a PREFIX: the files, the
  command, `.load` through pkg-config, a C program built with pkg-config,
  and make uninstall leaving nothing behind;
- make corpus: folder and database names are data (issue 15 item 9), and
  relative names are the caller's (`make -C repo corpus CORPUS=articles`).
"""
import glob
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sql", "sample")
BETTER_SQLITE3 = os.path.join(ROOT, "build", "node", "node_modules")
with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as _f:
    VERSION = _f.read().strip()


def run(args, **kw):
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    p = subprocess.run(args, **kw)
    if p.returncode != 0:
        raise AssertionError(f"{args!r} exited {p.returncode}:\n{p.stdout[-2000:]}\n{p.stderr[-3000:]}")
    return p


def make(*targets, **kw):
    return run(["make", "-s", "--no-print-directory", "-C", ROOT, *targets], **kw)


@unittest.skipUnless(os.path.exists("/usr/lib/python3/dist-packages/pip") or
                     subprocess.run(["/usr/bin/python3", "-c", "import ensurepip"], capture_output=True).returncode == 0,
                     "Debian's python3-venv and python3-pip")
class PipInstall(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="pip-test-")
        cls.venv = os.path.join(cls.tmp, "venv")
        run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", cls.venv])
        # --no-index: nothing may come from a registry
        run([os.path.join(cls.venv, "bin", "pip"), "install", "--no-build-isolation", "--no-index",
             "--disable-pip-version-check", "--quiet", ROOT])
        cls.work = os.path.join(cls.tmp, "work")
        os.mkdir(cls.work)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def venv_run(self, *args):
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        return run(list(args), cwd=self.work, env=env)

    def test_package_carries_library_and_scripts(self):
        code = ("import sqlite3, sqlite_arabic\n"
                "db = sqlite3.connect(':memory:')\n"
                "sqlite_arabic.load(db)\n"
                "print(db.execute(\"SELECT arabic_normalize('بُوتِــين')\").fetchone()[0])\n"
                "print(sqlite_arabic.library_path())\n"
                "print(sqlite_arabic.sql_path('schema.sql'))\n"
                "print(sqlite_arabic.__version__)\n")
        out = self.venv_run(os.path.join(self.venv, "bin", "python"), "-c", code).stdout.splitlines()
        self.assertEqual(out[0], "بوتين")
        site = glob.glob(os.path.join(self.venv, "lib", "python3*", "site-packages", "sqlite_arabic"))[0]
        self.assertEqual(out[1:], [os.path.join(site, "arabic.so"), os.path.join(site, "sql", "schema.sql"), VERSION])
        self.assertEqual(sorted(os.listdir(os.path.join(site, "sql"))),
                         sorted(os.path.basename(p) for p in glob.glob(os.path.join(ROOT, "sql", "*.sql"))))
        meta = glob.glob(os.path.join(site + "-*.dist-info", "METADATA"))[0]
        with open(meta, encoding="utf-8") as f:
            self.assertIn("License: MIT AND CC-BY-SA-4.0\n", f.read())
        wheel = glob.glob(os.path.join(site + "-*.dist-info", "WHEEL"))[0]
        with open(wheel, encoding="utf-8") as f:
            self.assertIn("Root-Is-Purelib: false", f.read())

    def test_command_import_top_report(self):
        cmd = os.path.join(self.venv, "bin", "sqlite-arabic")
        db = os.path.join(self.work, "news.db")
        p = self.venv_run(cmd, "import", SAMPLE, db)
        self.assertIn("added 10, changed 0, unchanged 0, removed 0, skipped 0", p.stderr)
        top = json.loads(self.venv_run(cmd, "top", db, "--type", "PERSON", "--json", "--limit", "2").stdout)
        self.assertEqual([(r["canonical"], r["type"]) for r in top],
                         [("دونالد ترامب", "PERSON"), ("فلاديمير بوتين", "PERSON")])
        self.venv_run(cmd, "report", db, "-o", os.path.join(self.work, "report.html"))
        with open(os.path.join(self.work, "report.html"), encoding="utf-8") as f:
            self.assertEqual(f.read().count('<svg class="chart"'), 3)
        self.assertEqual(self.venv_run(cmd, "--version").stdout, f"sqlite-arabic {VERSION}\n")


@unittest.skipUnless(shutil.which("npm") and shutil.which("node")
                     and os.path.isdir(os.path.join(BETTER_SQLITE3, "better-sqlite3")),
                     "node, npm and better-sqlite3 12 (make node-deps)")
class NpmPackage(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="npm-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_pack_install_load(self):
        make("npm")
        tgz = os.path.join(ROOT, "dist", f"sqlite-arabic-{VERSION}.tgz")
        with tarfile.open(tgz) as t:
            self.assertEqual(sorted(t.getnames()), sorted(
                ["package/" + n for n in ("LICENSE", "README.md", "arabic.so", "index.d.ts", "index.js",
                                          "package.json")]
                + ["package/sql/" + os.path.basename(p) for p in glob.glob(os.path.join(ROOT, "sql", "*.sql"))]))
            manifest = json.load(t.extractfile("package/package.json"))
        self.assertEqual((manifest["version"], manifest["license"], manifest["os"], manifest["cpu"]),
                         (VERSION, "MIT AND CC-BY-SA-4.0", ["linux"], ["x64"]))
        project = os.path.join(self.tmp, "app")
        os.mkdir(project)
        with open(os.path.join(project, "package.json"), "w") as f:
            f.write('{"private": true}\n')
        run(["npm", "install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tgz], cwd=project)
        script = """
const Database = require('better-sqlite3');
const fs = require('fs');
const arabic = require('sqlite-arabic');
const db = new Database(':memory:');
db.loadExtension(arabic.getLoadablePath());
console.log(db.prepare("SELECT arabic_normalize('بُوتِــين') AS v").get().v);
db.exec(fs.readFileSync(arabic.getSqlPath('schema.sql'), 'utf8'));
db.prepare('INSERT INTO article_import(path, content, hash) VALUES (?, ?, ?)').run('a.txt', 'لقاء\\nقال ترمب', 'h');
console.log(db.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH arabic_query('ترمب')").get().n);
console.log(arabic.getLoadablePath().startsWith(__dirname + '/node_modules/sqlite-arabic/'), arabic.version);
"""
        with open(os.path.join(project, "check.js"), "w", encoding="utf-8") as f:
            f.write(script)
        env = dict(os.environ, NODE_PATH=BETTER_SQLITE3)
        out = run(["node", "check.js"], cwd=project, env=env).stdout
        self.assertEqual(out, f"بوتين\n1\ntrue {VERSION}\n")


class MakeInstall(unittest.TestCase):
    EXPECTED = ["bin/sqlite-arabic", "include/sqlite_arabic.h", "lib/libsqlite_arabic.a",
                "lib/pkgconfig/sqlite-arabic.pc", "lib/sqlite-arabic/arabic.so", "share/sqlite-arabic/LICENSE"] \
        + ["share/sqlite-arabic/python/sqlite_arabic/" + n for n in
           sorted(["VERSION", "arabic.so", "sql"] + [os.path.basename(p) for p in
                                                     glob.glob(os.path.join(ROOT, "python", "sqlite_arabic", "*.py"))])] \
        + ["share/sqlite-arabic/sql/" + os.path.basename(p) for p in sorted(glob.glob(os.path.join(ROOT, "sql", "*.sql")))]

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="install-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def files(self, top):
        found = []
        for dirpath, dirnames, filenames in os.walk(top):
            for n in dirnames + filenames:
                path = os.path.join(dirpath, n)
                if os.path.islink(path) or not os.path.isdir(path):
                    found.append(os.path.relpath(path, top))
        return sorted(found)

    def test_destdir_staging_and_uninstall(self):
        stage = os.path.join(self.tmp, "stage")
        make("install", f"DESTDIR={stage}", "PREFIX=/usr/local")
        self.assertEqual(self.files(os.path.join(stage, "usr", "local")), sorted(self.EXPECTED))
        with open(os.path.join(stage, "usr/local/lib/pkgconfig/sqlite-arabic.pc"), encoding="utf-8") as f:
            pc = f.read()
        self.assertIn("prefix=/usr/local\n", pc)
        self.assertIn(f"Version: {VERSION}\n", pc)
        with open(os.path.join(stage, "usr/local/bin/sqlite-arabic"), encoding="utf-8") as f:
            self.assertEqual(f.readline(), "#!/usr/bin/python3\n")
        make("uninstall", f"DESTDIR={stage}", "PREFIX=/usr/local")
        self.assertEqual(self.files(stage), [])

    def test_prefix_is_usable(self):
        prefix = os.path.join(self.tmp, "prefix")
        make("install", f"PREFIX={prefix}")
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(prefix, "lib", "pkgconfig"))
        env.pop("PYTHONPATH", None)
        loadable = run(["pkg-config", "--variable=loadable", "sqlite-arabic"], env=env).stdout.strip()
        self.assertEqual(loadable, os.path.join(prefix, "lib", "sqlite-arabic", "arabic"))
        out = run(["sqlite3", ":memory:", "-cmd", ".load " + loadable, "SELECT arabic_stem('والمفاوضات')"]).stdout
        self.assertEqual(out, "مفاوضه\n")
        # a C program built with the flags pkg-config gives
        src = os.path.join(self.tmp, "app.c")
        with open(src, "w", encoding="utf-8") as f:
            f.write('#include <stdio.h>\n#include <sqlite3.h>\n#include "sqlite_arabic.h"\n'
                    "int main(void) { sqlite3 *db; sqlite3_stmt *s;\n"
                    "  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);\n"
                    "  sqlite3_open(\":memory:\", &db);\n"
                    "  sqlite3_prepare_v2(db, \"SELECT arabic_query('NOT a b')\", -1, &s, 0);\n"
                    "  if (sqlite3_step(s) == SQLITE_ROW) printf(\"%s\\n\", sqlite3_column_text(s, 0));\n"
                    "  sqlite3_finalize(s); return sqlite3_close(db); }\n")
        flags = run(["pkg-config", "--cflags", "--libs", "sqlite-arabic"], env=env).stdout.split()
        exe = os.path.join(self.tmp, "app")
        # make test-asan: the installed static library is instrumented
        run(["cc"] + os.environ.get("ARABIC_TEST_CFLAGS", "").split() + ["-o", exe, src] + flags)
        self.assertEqual(run([exe]).stdout, '"b" NOT "a"\n')
        # the installed command, from elsewhere, with the installed scripts
        work = os.path.join(self.tmp, "work")
        os.mkdir(work)
        cmd = os.path.join(prefix, "bin", "sqlite-arabic")
        self.assertEqual(run([cmd, "path"], cwd=work, env=env).stdout,
                         os.path.join(prefix, "lib", "sqlite-arabic", "arabic.so") + "\n")
        run([cmd, "import", SAMPLE, "news.db", "--quiet"], cwd=work, env=env)
        out = run([cmd, "cooccur", "news.db", "ويتكوف", "--csv", "--limit", "1"], cwd=work, env=env).stdout
        self.assertEqual(out.splitlines()[0], "name,with,articles")
        self.assertEqual(out.splitlines()[1].split(",")[0], "ستيف ويتكوف")
        make("uninstall", f"PREFIX={prefix}")
        self.assertEqual([f for f in self.files(prefix)], [])


class MakeCorpus(unittest.TestCase):
    """Issue 15 item 9: names from the command line are data, never commands."""
    HOSTILE = "ev`touch pw1`$(touch pw2)$HOME $(shell touch pw3)'q\"x $$y ${z} \\ end"

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="corpus-make-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def articles(self, db):
        import sqlite3
        conn = sqlite3.connect(db)
        try:
            return [r[0] for r in conn.execute("SELECT path FROM articles ORDER BY path")]
        finally:
            conn.close()

    def test_hostile_folder_and_database_names(self):
        folder = os.path.join(self.tmp, self.HOSTILE)
        os.mkdir(folder)
        shutil.copy(os.path.join(SAMPLE, "01_jeddah_talks.txt"), folder)
        db = os.path.join(self.tmp, "n$(shell touch pw4)`touch pw5`'$$x.db")
        make("corpus", f"CORPUS={folder}", f"DB={db}", cwd=self.tmp)
        self.assertEqual(sorted(os.listdir(self.tmp)), sorted([self.HOSTILE, os.path.basename(db)]))
        self.assertEqual(self.articles(db), [os.path.join(folder, "01_jeddah_talks.txt")])

    def test_relative_names_are_the_callers(self):
        os.mkdir(os.path.join(self.tmp, "articles"))
        shutil.copy(os.path.join(SAMPLE, "02_witkoff_moscow.txt"), os.path.join(self.tmp, "articles"))
        # make -C runs in the repository; the names are read from where make was started
        make("corpus", "CORPUS=articles", "DB=news.db", cwd=self.tmp, env=dict(os.environ, PWD=self.tmp))
        self.assertEqual(self.articles(os.path.join(self.tmp, "news.db")), ["articles/02_witkoff_moscow.txt"])
        self.assertFalse(os.path.exists(os.path.join(ROOT, "news.db")))

    def test_missing_names(self):
        p = subprocess.run(["make", "-s", "-C", ROOT, "corpus", "DB=x.db"], cwd=self.tmp, capture_output=True, text=True)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("usage: make corpus CORPUS=<folder or file> DB=<database>", p.stdout)


if __name__ == "__main__":
    unittest.main()
