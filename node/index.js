'use strict';
// sqlite-arabic for Node: where the extension and the corpus scripts are.
//
//   const Database = require('better-sqlite3');
//   const arabic = require('sqlite-arabic');
//   const db = new Database('news.db');
//   arabic.load(db);                      // or db.loadExtension(arabic.getLoadablePath())
//
// arabic.so is a Linux x86-64 build that links the system's ICU and utf8proc
// (Debian 12: libicu72, libutf8proc2); elsewhere, build it from the sources.
const fs = require('fs');
const path = require('path');

const LIBRARY = path.join(__dirname, 'arabic.so');

function getLoadablePath() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`sqlite-arabic: this package holds a Linux x86-64 build, not one for ${process.platform} ${process.arch}; build the extension from its sources (make)`);
  }
  if (!fs.existsSync(LIBRARY)) {
    throw new Error(`sqlite-arabic: ${LIBRARY} is missing; reinstall the package`);
  }
  return LIBRARY;
}

// The path of a corpus script: schema.sql, views.sql, import.sql, examples.sql.
function getSqlPath(name) {
  return path.join(__dirname, 'sql', name);
}

// Load the extension into a connection that has loadExtension() (better-sqlite3).
function load(db) {
  db.loadExtension(getLoadablePath());
}

module.exports = { getLoadablePath, getSqlPath, load, version: require('./package.json').version };
