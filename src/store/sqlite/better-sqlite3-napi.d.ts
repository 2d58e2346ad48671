// better-sqlite3 13 under its npm alias (package.json): the same JavaScript API as 12, which
// @types/better-sqlite3 describes, so one type serves both (sqlite-driver.ts).
declare module 'better-sqlite3-napi' {
  import Database = require('better-sqlite3');
  export = Database;
}
