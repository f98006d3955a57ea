"""The pages of docs/use/ (one per environment) and docs/cli.md, run as a
reader would run them.

Each page runs in a fresh folder holding news.db (sql/sample imported),
articles/ (sql/sample), and links to dist/ and sql/ of the checkout. In page
order: a code block whose first line names a file in a comment (`# app.py`,
`// main.go`, `/* app.c */`) is written to that file; an ```sh block is run by
bash (set -eo pipefail), and its stdout must be exactly its '# =>' lines.
```sh untested blocks are not run; a page with no sh block either has
```sql blocks (the docs suite of tests/run.py runs them) or says
"**Untested here**" and why. `sqlite-arabic` is the checkout's command
(PYTHONPATH=python), `import sqlite_arabic` the checkout's package,
`require('sqlite-arabic')` the npm package made by `make npm`, with
better-sqlite3 from `make node-deps`.

A page whose tool is not installed is skipped, with the reason; on Debian
`make test` installs them all (tools/install-deps.sh, make node-deps).
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))
from sqlite_arabic import cli  # noqa: E402

PAGES = sorted(p for p in glob.glob(os.path.join(ROOT, "docs", "use", "*.md")) if not p.endswith("README.md")) \
    + [os.path.join(ROOT, "docs", "cli.md")]
UNTESTED = "**Untested here**"  # how a page says its tool cannot be installed on this system
BLOCK = re.compile(r"^```([^\n]*)\n(.*?)^```", re.S | re.M)
FILE_COMMENT = re.compile(r"^(?:#|//|/\*)\s*([\w.-]+\.(?:py|js|go|tcl|c))\b")
BETTER_SQLITE3 = os.path.join(ROOT, "build", "node", "node_modules")
GO_SQLITE3 = "/usr/share/gocode/src/github.com/mattn/go-sqlite3"

# What each page needs beyond the build: (a check, the reason to skip without it)
NEEDS = {
    "node.md": (lambda: shutil.which("node") and os.path.isdir(os.path.join(BETTER_SQLITE3, "better-sqlite3"))
                and shutil.which("npm"), "node, npm and better-sqlite3 (make node-deps)"),
    "go.md": (lambda: shutil.which("go") and os.path.isdir(GO_SQLITE3),
              "go and Debian's golang-github-mattn-go-sqlite3-dev"),
    "tcl.md": (lambda: shutil.which("tclsh") and os.path.exists("/usr/lib/tcltk/sqlite3/pkgIndex.tcl"),
               "tclsh and Debian's libsqlite3-tcl"),
    "sqlite-utils.md": (lambda: shutil.which("sqlite-utils"), "Debian's sqlite-utils"),
    "c.md": (lambda: shutil.which("cc") and shutil.which("pkg-config"), "cc and pkg-config"),
}


def page_blocks(path):
    with open(path, encoding="utf-8") as f:
        return BLOCK.findall(f.read())


def expected_output(block):
    return [line[5:] if line.startswith("# => ") else "" for line in block.splitlines()
            if line.startswith("# => ") or line == "# =>"]


class Workspace:
    """A folder as the pages assume it, and the environment to run them in."""

    def __init__(self, template_db):
        self.dir = tempfile.mkdtemp(prefix="doc-page-")
        for name, target in (("dist", "dist"), ("sql", "sql"), ("articles", "sql/sample")):
            os.symlink(os.path.join(ROOT, target), os.path.join(self.dir, name))
        shutil.copy(template_db, os.path.join(self.dir, "news.db"))
        bindir = os.path.join(self.dir, ".bin")
        os.mkdir(bindir)
        with open(os.path.join(bindir, "sqlite-arabic"), "w") as f:
            f.write(f'#!/bin/sh\nPYTHONPATH="{ROOT}/python" exec /usr/bin/python3 -m sqlite_arabic "$@"\n')
        os.chmod(os.path.join(bindir, "sqlite-arabic"), 0o755)
        if os.environ.get("ARABIC_TEST_CFLAGS"):  # make test-asan: link the instrumented static library
            with open(os.path.join(bindir, "cc"), "w") as f:
                f.write('#!/bin/sh\nexec /usr/bin/cc $ARABIC_TEST_CFLAGS "$@"\n')
            os.chmod(os.path.join(bindir, "cc"), 0o755)
        self.env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""),
                        PYTHONPATH=os.path.join(ROOT, "python"),
                        NODE_PATH=os.path.join(self.dir, "node_modules") + os.pathsep + BETTER_SQLITE3,
                        GO111MODULE="off", GOPATH="/usr/share/gocode", GOFLAGS="", LC_ALL="C.UTF-8")

    def add_npm_package(self, tgz):
        with tarfile.open(tgz) as t:
            t.extractall(os.path.join(self.dir, "node_modules", "tmp"))
        os.rename(os.path.join(self.dir, "node_modules", "tmp", "package"),
                  os.path.join(self.dir, "node_modules", "sqlite-arabic"))

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class DocPages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="doc-pages-")
        cls.db = os.path.join(cls.tmp, "news.db")
        cwd = os.getcwd()
        os.chdir(cls.tmp)  # the articles are stored as articles/NAME.txt, as the pages import them
        try:
            os.symlink(os.path.join(ROOT, "sql", "sample"), "articles")
            assert cli.main(["import", "articles", cls.db, "--quiet"]) == 0
        finally:
            os.chdir(cwd)
        cls.npm_tgz = None

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def npm_package(self):
        if DocPages.npm_tgz is None:
            subprocess.run(["make", "-s", "--no-print-directory", "npm"], cwd=ROOT, check=True,
                           capture_output=True)
            DocPages.npm_tgz = glob.glob(os.path.join(ROOT, "dist", "sqlite-arabic-*.tgz"))[0]
        return DocPages.npm_tgz

    def run_page(self, path):
        name = os.path.basename(path)
        need = NEEDS.get(name)
        if need and not need[0]():
            self.skipTest(f"{name} needs {need[1]}")
        ws = Workspace(self.db)
        try:
            if name == "node.md":
                ws.add_npm_package(self.npm_package())
            ran = 0
            for info, block in page_blocks(path):
                lang = info.strip()
                first = block.splitlines()[0] if block.strip() else ""
                m = FILE_COMMENT.match(first)
                if m and lang in ("python", "js", "go", "tcl", "c"):
                    with open(os.path.join(ws.dir, m.group(1)), "w", encoding="utf-8") as f:
                        f.write(block)
                elif lang == "sh":
                    ran += 1
                    p = subprocess.run(["bash", "-c", "set -eo pipefail\n" + block], cwd=ws.dir, env=ws.env,
                                       capture_output=True, text=True, timeout=600)
                    with self.subTest(page=name, block=first):
                        self.assertEqual(p.returncode, 0, f"{first}\n{p.stderr[-3000:]}")
                        self.assertEqual(p.stdout.splitlines(), expected_output(block), f"{first}\n{p.stderr[-2000:]}")
            if ran == 0:
                # a page of SQL only (run by the docs suite of tests/run.py), or of a tool that
                # cannot be installed here, which must say so
                sql_blocks = [b for info, b in page_blocks(path) if info.strip() == "sql"]
                with open(path, encoding="utf-8") as f:
                    self.assertTrue(sql_blocks or UNTESTED in f.read(),
                                    f"{name} has no sh or sql block to run and does not say why")
        finally:
            ws.remove()


def make_test(path):
    return lambda self: self.run_page(path)


for _page in PAGES:
    setattr(DocPages, "test_" + re.sub(r"\W", "_", os.path.basename(_page)[:-3]), make_test(_page))


if __name__ == "__main__":
    unittest.main()
