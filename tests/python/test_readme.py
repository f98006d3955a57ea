"""The README's shell, C and Python examples run as written (its ```sql
blocks are checked by the docs suite of tests/run.py).

Output a block promises is written after it as comment lines: `# text`
after a shell command, `# => text` in Python, `=> text` in the C comment.
"""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from helpers import ROOT, with_test_cflags

README = os.path.join(ROOT, "README.md")


def blocks(lang):
    with open(README, encoding="utf-8") as f:
        return re.findall(r"^```" + re.escape(lang) + r"\n(.*?)^```", f.read(), re.S | re.M)


def shell_commands(block):
    """(command, expected output lines or None) for each command of a ```sh block.
    A trailing '# ...' on a command line is a remark; '# ...' lines after it are its output."""
    out = []
    for line in block.splitlines():
        if line.startswith("# "):
            if out[-1][1] is None:
                out[-1][1] = []
            out[-1][1].append(line[2:])
        elif line.strip():
            out.append([re.sub(r"\s+#\s.*$", "", line).strip(), None])
    return out


class ReadmeExamples(unittest.TestCase):
    def setUp(self):
        # A scratch directory that looks like the repository to the examples:
        # they name dist/, sql/ and tools/ relative to it.
        self.tmp = tempfile.mkdtemp(prefix="readme-test-")
        for name in ("dist", "sql", "tools", "ext"):
            os.symlink(os.path.join(ROOT, name), os.path.join(self.tmp, name))
        os.symlink(os.path.join(ROOT, "sql", "sample"), os.path.join(self.tmp, "articles"))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_shell(self, cmd):
        return subprocess.run(cmd, shell=True, cwd=self.tmp, capture_output=True, text=True, timeout=300)

    def test_shell_commands(self):
        commands = [c for block in blocks("sh") for c in shell_commands(block)]
        self.assertGreater(len(commands), 5)
        for cmd, expected in commands:
            with self.subTest(cmd=cmd):
                if cmd.startswith("make"):
                    # Running `make test` from a test would recurse; a dry run proves
                    # the target and its arguments exist (test_corpus runs make demo).
                    p = subprocess.run(["make", "-n", "-C", ROOT] + cmd.split()[1:],
                                       capture_output=True, text=True)
                    self.assertEqual(p.returncode, 0, p.stderr)
                    continue
                p = self.run_shell(cmd)
                self.assertEqual(p.returncode, 0, p.stderr)
                if expected is not None:
                    self.assertEqual(p.stdout.splitlines(), expected)

    def test_shell_import_fills_the_database(self):
        (cmd,) = [c for block in blocks("sh") for c, _ in shell_commands(block) if "import.sql" in c]
        p = self.run_shell(cmd)
        self.assertEqual(p.returncode, 0, p.stderr)
        p = self.run_shell("sqlite3 news.db 'SELECT count(*) > 0 FROM articles'")
        self.assertEqual(p.stdout.strip(), "1")

    def test_c_example(self):
        cc = shutil.which(os.environ.get("CC", "cc"))
        if not cc:
            self.skipTest("no C compiler")
        (block,) = blocks("c")
        with open(os.path.join(self.tmp, "app.c"), "w", encoding="utf-8") as f:
            f.write(block)
        build = with_test_cflags(re.search(r"/\*\s*(cc .*)$", block, re.M).group(1))
        expected = re.findall(r"^\s*=> (.*)\*/$", block, re.M)
        p = self.run_shell(build)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines(), [e.strip() for e in expected])

    def test_python_example(self):
        (block,) = blocks("python")
        p = subprocess.run(["/usr/bin/python3", "-c", block], cwd=self.tmp, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines(), re.findall(r"^# => (.*)$", block, re.M))


if __name__ == "__main__":
    unittest.main()
