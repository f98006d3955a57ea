#!/usr/bin/python3
"""Run every test suite of sqlite-arabic and end with 'N passed, N failed'.

Suites:
  c       tests/c/test_*.c binaries (built by make): lines 'ok - NAME' / 'not ok - NAME'
  sql     tests/sql/NAME.sql through the sqlite3 shell, stdout compared with NAME.expected
  python  tests/python/test_*.py (stdlib unittest) in this interpreter
  docs    every ```sql block of README.md and docs/*.md, checked against its '-- =>' lines
  scripts every sql/*.sql script is run by at least one golden test
  layout  the include graph: core/ knows no SQLite (but core/alloc.c) and no face

Run from the repository root: /usr/bin/python3 tests/run.py [--only SUITE] [-v]
"""
import difflib
import glob
import os
import re
import sqlite3
import subprocess
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXT = os.path.join(ROOT, "dist", "arabic")
SQLITE3 = os.environ.get("SQLITE3", "sqlite3")


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def ok(self, name, verbose):
        self.passed += 1
        if verbose:
            print(f"ok - {name}")

    def fail(self, name, detail=""):
        self.failed += 1
        print(f"FAIL - {name}")
        if detail:
            print("    " + detail.rstrip().replace("\n", "\n    "))


def run_c(t, verbose):
    for exe in sorted(glob.glob(os.path.join(ROOT, "build", "tests", "test_*"))):
        name = os.path.basename(exe)
        p = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, errors="replace")
        seen = 0
        for line in p.stdout.splitlines():
            if line.startswith("ok - "):
                seen += 1
                t.ok(f"{name}: {line[5:]}", verbose)
            elif line.startswith("not ok - "):
                seen += 1
                t.fail(f"{name}: {line[9:]}")
            elif line.startswith("# ") and verbose:
                print(line)
        if p.returncode != 0 and (seen == 0 or p.returncode < 0):
            t.fail(f"{name}: exit status {p.returncode}", p.stderr[-2000:])
        elif p.returncode != 0 and verbose:
            print(p.stderr[-2000:])


def shell(sql_path):
    with open(sql_path, "rb") as f:
        return subprocess.run(
            [SQLITE3, "-batch", "-bail", ":memory:", "-cmd", ".load " + EXT],
            stdin=f, cwd=ROOT, capture_output=True)


def run_sql(t, verbose):
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "sql", "*.sql"))):
        name = "sql/" + os.path.basename(path)
        expected_path = path[:-4] + ".expected"
        if not os.path.exists(expected_path):
            t.fail(name, "no .expected file")
            continue
        p = shell(path)
        got = p.stdout.decode("utf-8", "replace")
        want = open(expected_path, encoding="utf-8").read()
        if p.returncode != 0 or got != want:
            diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                "expected", "got", n=1))
            t.fail(name, diff[:4000] + p.stderr.decode("utf-8", "replace")[-1000:])
        else:
            t.ok(name, verbose)


def run_python(t, verbose):
    sys.path.insert(0, os.path.join(ROOT, "tests", "python"))
    suite = unittest.defaultTestLoader.discover(os.path.join(ROOT, "tests", "python"),
                                                top_level_dir=os.path.join(ROOT, "tests", "python"))
    stream = sys.stdout if verbose else open(os.devnull, "w")
    result = unittest.TextTestRunner(stream=stream, verbosity=2 if verbose else 0).run(suite)
    bad = {}
    for test, tb in result.failures + result.errors:
        bad[str(test)] = tb
    for name, tb in bad.items():
        t.fail("python: " + name, tb[-3000:])
    t.passed += result.testsRun - len(bad) - len(result.skipped)
    t.skipped += len(result.skipped)
    for test, why in result.skipped:
        print(f"skip - python: {test}: {why}")


DOC_BLOCK = re.compile(r"```sql\n(.*?)```", re.S)


def cell(v):
    return "NULL" if v is None else str(v)


def run_docs(t, verbose):
    docs = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True))
    for path in docs:
        if not os.path.exists(path):
            continue
        text = open(path, encoding="utf-8").read()
        db = sqlite3.connect(":memory:")
        db.enable_load_extension(True)
        db.load_extension(EXT)
        rel = os.path.relpath(path, ROOT)
        for block in DOC_BLOCK.findall(text):
            for stmt, expect in parse_block(block):
                name = f"{rel}: {stmt.splitlines()[0][:70]}"
                try:
                    rows = db.execute(stmt).fetchall()
                    got = ["|".join(cell(v) for v in r) for r in rows]
                except sqlite3.Error as e:
                    got = [f"error: {e}"]
                    if not expect or not expect[0].startswith("error:"):
                        t.fail(name, f"error: {e}")
                        continue
                if expect is None or got == expect:
                    t.ok(name, verbose)
                else:
                    t.fail(name, f"expected {expect!r}\ngot      {got!r}")
        db.close()


def parse_block(block):
    """(statement, expected) pairs of a ```sql block; expected is None when the
    statement has no '-- =>' lines (it must then only succeed)."""
    pairs, stmt = [], []
    for line in block.splitlines():
        if line.startswith("-- =>"):
            if stmt:
                pairs.append(["\n".join(stmt), []])
                stmt = []
            if not pairs:
                raise ValueError("'-- =>' without a statement: " + line)
            if pairs[-1][1] is None:
                pairs[-1][1] = []
            pairs[-1][1].append(line[5:].strip())
            continue
        if not stmt and (line.startswith(".") or line.startswith("--") or not line.strip()):
            continue
        stmt.append(line)
        if sqlite3.complete_statement("\n".join(stmt)):
            pairs.append(["\n".join(stmt), None])
            stmt = []
    if stmt:
        pairs.append(["\n".join(stmt), None])
    return [(s, e) for s, e in pairs]


def run_scripts(t, verbose):
    golden = "".join(open(p, encoding="utf-8").read()
                     for p in glob.glob(os.path.join(ROOT, "tests", "sql", "*.sql")))
    py = "".join(open(p, encoding="utf-8").read()
                 for p in glob.glob(os.path.join(ROOT, "tests", "python", "*.py")))
    for path in sorted(glob.glob(os.path.join(ROOT, "sql", "*.sql"))):
        rel = os.path.relpath(path, ROOT)
        if rel in golden or rel in py:
            t.ok(f"scripts: {rel} is run by a test", verbose)
        else:
            t.fail(f"scripts: {rel} is run by a test", "no tests/sql/*.sql or tests/python/*.py names it")


INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
SQLITE_HEADERS = {"sqlite3.h", "sqlite3ext.h"}
# Who may include whom: core/ is the engine and includes only itself (and
# core/alloc.c SQLite's headers, the one port); the faces functions/ and
# tokenizer/ include core/ and ext/ but never each other; ext/ includes
# itself and core/.
MAY_INCLUDE = {"core": {"core"}, "ext": {"ext", "core"},
               "functions": {"functions", "core", "ext"}, "tokenizer": {"tokenizer", "core", "ext"}}


def include_problems(path):
    rel = os.path.relpath(path, ROOT)
    top = rel.split(os.sep)[0]
    problems = []
    for kind, name in INCLUDE.findall(open(path, encoding="utf-8").read()):
        if kind == "<":
            if name in SQLITE_HEADERS and top == "core" and rel != os.path.join("core", "alloc.c"):
                problems.append(f"{rel} includes <{name}>: only core/alloc.c may know SQLite")
            continue
        target = os.path.relpath(os.path.normpath(os.path.join(os.path.dirname(path), name)), ROOT)
        if not os.path.exists(os.path.join(ROOT, target)):
            problems.append(f"{rel} includes {name}, which does not exist")
            continue
        if os.path.basename(target) in SQLITE_HEADERS or target.split(os.sep)[0] == "ext" and \
                os.path.basename(target) == "sqlite_api.h":
            if top == "core":
                problems.append(f"{rel} includes {name}: only core/alloc.c may know SQLite")
        if target.split(os.sep)[0] not in MAY_INCLUDE[top]:
            problems.append(f"{rel} includes {target}: {top}/ may include only "
                            + ", ".join(sorted(d + "/" for d in MAY_INCLUDE[top])))
    return problems


def run_layout(t, verbose):
    for top in MAY_INCLUDE:
        for path in sorted(glob.glob(os.path.join(ROOT, top, "**", "*.[ch]"), recursive=True)):
            problems = include_problems(path)
            name = f"layout: {os.path.relpath(path, ROOT)} includes only what its folder may"
            if problems:
                t.fail(name, "\n".join(problems))
            else:
                t.ok(name, verbose)


SUITES = {"c": run_c, "sql": run_sql, "python": run_python, "docs": run_docs, "scripts": run_scripts,
          "layout": run_layout}


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    only = args[args.index("--only") + 1] if "--only" in args else None
    os.chdir(ROOT)
    if not os.path.exists(EXT + ".so"):
        print("dist/arabic.so is missing: run make first")
        print("0 passed, 1 failed")
        return 1
    t = Tally()
    for name, fn in SUITES.items():
        if only and name != only:
            continue
        before = (t.passed, t.failed)
        fn(t, verbose)
        print(f"# {name}: {t.passed - before[0]} passed, {t.failed - before[1]} failed")
    line = f"{t.passed} passed, {t.failed} failed"
    if t.skipped:
        line += f", {t.skipped} skipped"
    print(line)
    return 1 if t.failed else 0


if __name__ == "__main__":
    sys.exit(main())
