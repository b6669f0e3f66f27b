'use strict';
// The LevelDB store under the DynamoDB emulator (dynalite), tuned for a test run's many small writes. dynalite opens its store
// through the level package's Level class; tuneDynaliteStore puts a subclass in its place before dynalite is loaded.

// dynalite opens its LevelDB with the defaults; the tuned store opens it with levelOptions.js's instead.
const { storeOptions } = require('./levelOptions');

function tunedLevel(Level) {
  return class TunedLevel extends Level {
    #queued = [];
    #sync = false;

    constructor(location, options) {
      super(location, { ...storeOptions, ...options });
    }

    // dynalite reads before each write (the table's description, then the item's old value): LevelDB answers such a read from
    // memory in microseconds, far less than the hand-off to libuv's thread pool and back that an asynchronous read costs.
    async _get(key, options) {
      return this._getSync(key, options);
    }

    // dynalite writes each item and each index entry on its own, and each write is a trip through libuv's thread pool and a write to
    // LevelDB's log. The writes of one turn of the event loop (a BatchWriteItem's items run side by side) go as one write batch
    // instead, in the order they were issued; each resolves once the batch is written, as it would have alone.
    _put(key, value, options) {
      return this.#enqueue([{ type: 'put', key, value }], options);
    }

    _del(key, options) {
      return this.#enqueue([{ type: 'del', key }], options);
    }

    _batch(operations, options) {
      return this.#enqueue(operations, options);
    }

    async _close() {
      await this.#write();
      return super._close();
    }

    #enqueue(operations, options) {
      return new Promise((resolve, reject) => {
        if (this.#queued.length === 0) setImmediate(() => this.#write());
        this.#queued.push({ operations, resolve, reject });
        this.#sync ||= Boolean(options && options.sync);
      });
    }

    async #write() {
      const queued = this.#queued, sync = this.#sync;
      if (queued.length === 0) return;
      this.#queued = [];
      this.#sync = false;
      try {
        await super._batch(queued.length === 1 ? queued[0].operations : queued.flatMap(q => q.operations), { sync });
      } catch (error) {
        for (const q of queued) q.reject(error);
        return;
      }
      for (const q of queued) q.resolve();
    }
  };
}

// Replaces the level package's Level with the tuned one; once per process.
function tuneDynaliteStore() {
  const level = require('level');
  if (level.Level.testbedTuned) return;
  const TunedLevel = tunedLevel(level.Level);
  TunedLevel.testbedTuned = true;
  level.Level = TunedLevel;
}

module.exports = { tuneDynaliteStore };
