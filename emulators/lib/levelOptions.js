'use strict';
// The LevelDB options both emulators' stores open with. LevelDB's defaults (a 4 MiB write buffer, snappy compression) make a steady
// stream of small writes flush and merge small files over and over. Measured on 2 cores: at 2,000 items/s (2026-11-28) the DynamoDB
// emulator's merges took a sixth of its CPU and the pipeline fell 6 s behind within half a minute; at 2,000 records/s (2026-11-29) the
// Kinesis emulator's buffer filled every 10 s, and each time the emulator went from about 20 % of a core to 40 % for a second while it
// was written to disk, compressed. A test run's data is small and short-lived: a larger write buffer and no compression trade disk for CPU.
const storeOptions = Object.freeze({ writeBufferSize: 64 << 20, maxFileSize: 16 << 20, compression: false });

module.exports = { storeOptions };
