'use strict';
// Compares the Kinesis emulator's native replacements (emulators/lib/kinesisHotPath.js) with kinesalite's own functions, input
// by input, and prints one JSON line: how many inputs were checked and the first mismatches.
// usage: node kinesis-hot-path.check.js <emulators folder>
const path = require('path');

const emulators = process.argv[2];
const db = require(path.join(emulators, 'node_modules', 'kinesalite', 'db'));
const { speedUpKinesalite } = require(path.join(emulators, 'lib', 'kinesisHotPath'));
const original = speedUpKinesalite();
const mismatches = [];
let checked = 0;

function outcome(f) {
  try {
    return JSON.stringify(f());
  } catch (error) {
    return 'throws ' + error.message;
  }
}

function same(name, input, expected, actual) {
  checked++;
  const want = outcome(expected), got = outcome(actual);
  if (want !== got && mismatches.length < 10) mismatches.push({ name, input: JSON.stringify(input), want, got });
}

const created = Date.UTC(2026, 10, 28, 12, 0, 0);
const bounds = ['0', '1', '85070591730234615865843651857942052863', '170141183460469231731687303715884105727',
  '170141183460469231731687303715884105728', '340282366920938463463374607431768211455', 0, 7, 'abc', '1e5', -3, 1.5];

for (let i = 0; i < 5000; i++) {
  const sequence = {
    shardCreateTime: created + (i % 17) * 1000 + (i % 3),
    shardIx: i % 61,
    seqIx: i % 4 === 0 ? String(i * 104729) : i % 4 === 1 ? i : i % 4 === 2 ? undefined : 2 ** 53 - 1 - i,
    seqTime: i % 5 === 0 ? undefined : created + i * 997,
    byte1: i % 7 === 0 ? 'ff' : undefined,
    version: i % 9 === 0 ? 2 : undefined,
  };
  same('stringifySequence', sequence, () => original.stringifySequence(sequence), () => db.stringifySequence(sequence));
  const number = original.stringifySequence(sequence);
  same('parseSequence', number, () => original.parseSequence(number), () => db.parseSequence(number));

  const key = `event-${i * 31}${i % 5 === 0 ? '-é' : ''}`;
  for (const bound of bounds) {
    same('partitionKeyToHashKey.comparedTo', [key, bound],
      () => original.partitionKeyToHashKey(key).comparedTo(bound), () => db.partitionKeyToHashKey(key).comparedTo(bound));
  }
  const own = original.partitionKeyToHashKey(key).toFixed();
  same('partitionKeyToHashKey.comparedTo itself', key,
    () => original.partitionKeyToHashKey(key).comparedTo(own), () => db.partitionKeyToHashKey(key).comparedTo(own));
}

// What kinesalite is handed that it does not make itself: the replacements must fail, or answer, alike.
const odd = [
  { version: 1, shardCreateTime: created, shardIx: 3, seqIx: 5, seqTime: created, seqRand: 'abc' },
  { version: 0, shardCreateTime: created, shardIx: 3 },
  { shardCreateTime: created, shardIx: -2, seqIx: 1 },
  { shardCreateTime: created, shardIx: 1, seqIx: 1.5 },
  { shardCreateTime: created, shardIx: 1, seqIx: '' },
  { shardCreateTime: undefined, shardIx: 1 },
  { shardCreateTime: created, shardIx: 1, seqTime: NaN },
  { version: 7, shardCreateTime: created },
];
for (const sequence of odd) {
  same('stringifySequence (odd)', sequence, () => original.stringifySequence(sequence), () => db.stringifySequence(sequence));
}
// Format 2 numbers kinesalite refuses (a sequence index or a date too large) or reads as a negative shard; formats 0 and 1.
const format2 = (created, seqIx, shardIx) => BigInt('0x2' + created + '0' + seqIx + '00' + created + shardIx + '2').toString();
const unusual = [
  format2('069290c40', '8000000000000000', '00000001'),
  format2('3bb3c9c58', '0000000000000001', '00000001'),
  format2('069290c40', '0000000000000001', '80000001'),
  original.stringifySequence(odd[0]),
  original.stringifySequence(odd[1]),
];
for (const number of [...unusual, 'abc', '1e5', '', ' 12', '-5', '12.5', '0', '49590338271490256608559692538361571095921575989136588898', 42, null]) {
  same('parseSequence (odd)', number, () => original.parseSequence(number), () => db.parseSequence(number));
}

process.stdout.write(JSON.stringify({ checked, mismatches }) + '\n');
