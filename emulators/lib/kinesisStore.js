'use strict';
// The LevelDB store under the Kinesis emulator (kinesalite), tuned as the DynamoDB emulator's is (dynamoStore.js). kinesalite opens
// leveldown with the defaults, a 4 MiB write buffer and snappy compression: at 2,000 records/s on 2 cores (2026-11-29) the buffer
// filled every 10 s, and each time the emulator went from about 20 % of a core to 40 % for a second while it was written to disk,
// compressed. A test run's records are few and short-lived: a larger buffer and no compression trade disk for CPU.
const storeOptions = { writeBufferSize: 64 << 20, maxFileSize: 16 << 20, compression: false };

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
