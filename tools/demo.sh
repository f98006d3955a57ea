#!/bin/sh
# make demo: build build/demo.db from the sample articles in sql/sample/ with
# python/sqlite_arabic/importer.py, then answer the questions of sql/examples.sql.
set -e
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/usr/bin/python3}
SQLITE3=${SQLITE3:-sqlite3}
mkdir -p build
rm -f build/demo.db build/demo.db-wal build/demo.db-shm
"$PYTHON" python/sqlite_arabic/importer.py sql/sample build/demo.db
"$SQLITE3" -batch -bail build/demo.db -cmd '.load dist/arabic' \
  -cmd '.headers on' -cmd '.mode box --wrap 60 --wordwrap on' '.read sql/examples.sql'
echo "The database is build/demo.db: sqlite3 build/demo.db -cmd '.load dist/arabic'"
