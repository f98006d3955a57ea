#!/bin/sh
# make corpus: import a folder (or a one-article-per-line file) into a
# database with the importer. Make passes every name single-quoted, so a
# name is data, never shell or make code; relative names are read from the
# directory make was started in (`make -C repo corpus CORPUS=articles`).
#   sh tools/corpus.sh CALLER_DIR CORPUS DB PYTHON
set -eu
caller=$1 corpus=$2 db=$3 python=$4
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "$corpus" ] || [ -z "$db" ]; then
  echo "usage: make corpus CORPUS=<folder or file> DB=<database>"
  exit 2
fi
cd -- "$caller"
# '--': a name that starts with '-' is a name, not an option
exec "$python" "$root/python/sqlite_arabic/importer.py" -- "$corpus" "$db"
