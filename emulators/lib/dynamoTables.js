'use strict';
// dynalite reads a table's description from its store and parses it for every item call, and once more for each item of a
// BatchWriteItem. Measured with the processors' write mix on 2 cores (2026-11-29): about an eighth of the emulator's CPU. A description
// changes only when a table call writes it (CreateTable, UpdateTable, DeleteTable), so until then the item calls share one parsed copy.

// Who may share it: dynalite's item calls (GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan and the two batches) ask for a table as
// getTable(name, callback) and only read what they get. Its table calls ask as getTable(name, false, callback), and UpdateTable and
// DeleteTable change the object they are given before writing it back: they keep reading the store, each its own copy.
function cachedTables(store) {
  const read = store.getTable;
  const tableDb = store.tableDb;
  const tables = new Map();
  let generation = 0;

  // A write drops every copy when it is issued and again when it is done: a read that overlapped it may have seen either side.
  const forget = () => {
    generation++;
    tables.clear();
  };
  for (const method of ['put', 'del', 'batch']) {
    const write = tableDb[method];
    tableDb[method] = function (...args) {
      forget();
      const done = typeof args[args.length - 1] === 'function' ? args.pop() : () => {};
      return write.call(this, ...args, (...results) => {
        forget();
        done(...results);
      });
    };
  }

  // A store dynalite re-creates after an error gets its own getTable back, uncached.
  store.getTable = function getTable(name, checkStatus, callback) {
    if (typeof checkStatus !== 'function') return read(name, checkStatus, callback);
    const answer = checkStatus;
    const known = tables.get(name);
    if (known) {
      setImmediate(answer, null, known);
      return;
    }
    const asked = generation;
    read(name, (error, table) => {
      // Only a table the item calls may use is kept: dynalite refuses them a table being created or deleted.
      if (!error && asked === generation) tables.set(name, table);
      answer(error, table);
    });
  };
  return store;
}

// Makes every store dynalite creates share its tables' descriptions among the item calls; once per process.
function cacheDynaliteTables() {
  const db = require('dynalite/db');
  if (db.testbedCreate) return;
  db.testbedCreate = db.create;
  db.create = options => cachedTables(db.testbedCreate(options));
}

module.exports = { cacheDynaliteTables };
