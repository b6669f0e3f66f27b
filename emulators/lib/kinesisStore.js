'use strict';
// The LevelDB store under the Kinesis emulator (kinesalite), tuned as the DynamoDB emulator's is: kinesalite opens leveldown with the
// defaults, and every store opened in this process gets levelOptions.js's instead.
const { storeOptions } = require('./levelOptions');

// Makes every leveldown store opened in this process use the options above unless the caller gives its own; once per process.
function tuneKinesaliteStore() {
  const LevelDOWN = require('leveldown');
  if (LevelDOWN.testbedOpen) return;
  LevelDOWN.testbedOpen = LevelDOWN.prototype._open;
  LevelDOWN.prototype._open = function (options, callback) {
    return LevelDOWN.testbedOpen.call(this, { ...storeOptions, ...options }, callback);
  };
}

module.exports = { tuneKinesaliteStore };
