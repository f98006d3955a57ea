#!/usr/bin/python3
"""Rewrite the 'Questions and answers' part of docs/corpus.md from
sql/examples.sql: each question, its queries in a ```sql demo block, and the
rows they give on the sample articles as '-- =>' lines.

  /usr/bin/python3 tools/update_corpus_doc.py

Run it after changing sql/examples.sql, sql/sample/ or anything that changes
the answers; tests/python/test_corpus.py fails until the doc agrees.
"""
import os
import re
import shutil
import sqlite3
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
from sqlite_arabic import importer as import_corpus  # noqa: E402

DOC = os.path.join(ROOT, "docs", "corpus.md")
BEGIN, END = "<!-- examples:begin -->", "<!-- examples:end -->"


def sections(path):
    """(question, [statement, ...]) for each '.print' section of an examples script."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = []
    for part in re.split(r"^\.print '── ", text, flags=re.M)[1:]:
        question, _, body = part.partition("\n")
        stmts, cur = [], ""
        for line in body.splitlines(True):
            if not cur and (line.startswith("--") or not line.strip()):
                continue
            cur += line
            if sqlite3.complete_statement(cur):
                stmts.append(cur.strip())
                cur = ""
        out.append((question.rstrip("'"), stmts))
    return out


def cell(v):
    return "NULL" if v is None else str(v)


def main():
    tmp = tempfile.mkdtemp(prefix="corpus-doc-")
    try:
        db_path = os.path.join(tmp, "demo.db")
        import_corpus.import_corpus(os.path.join(ROOT, "sql", "sample"), db_path, quiet=True)
        db = sqlite3.connect(db_path)
        db.enable_load_extension(True)
        db.load_extension(os.path.join(ROOT, "dist", "arabic"))
        parts = []
        for question, stmts in sections(os.path.join(ROOT, "sql", "examples.sql")):
            lines = []
            for stmt in stmts:
                lines.append(stmt)
                rows = db.execute(stmt).fetchall()
                lines += ["-- => " + "|".join(cell(v) for v in r) for r in rows] or ["-- => (no rows)"]
            parts.append(f"**{question}**\n\n```sql demo\n" + "\n".join(lines) + "\n```\n")
        db.close()
    finally:
        shutil.rmtree(tmp)
    with open(DOC, encoding="utf-8") as f:
        doc = f.read()
    head, rest = doc.split(BEGIN)
    _, tail = rest.split(END)
    with open(DOC, "w", encoding="utf-8") as f:
        f.write(head + BEGIN + "\n" + "\n".join(parts) + END + tail)


if __name__ == "__main__":
    main()
