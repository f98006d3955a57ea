/** The path of arabic.so, for db.loadExtension(). */
export function getLoadablePath(): string;
/** The path of a corpus script: schema.sql, views.sql, import.sql, examples.sql. */
export function getSqlPath(name: string): string;
/** Load the extension into a connection with loadExtension() (better-sqlite3). */
export function load(db: { loadExtension(path: string): unknown }): void;
export const version: string;
