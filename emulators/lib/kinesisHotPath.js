'use strict';
// kinesalite does the 128-bit hash key and sequence number arithmetic of every record it writes and reads with bignumber.js, in JavaScript.
// Measured at 2,000 records/s on 2 cores (2026-11-28): that arithmetic was about a third of the Kinesis emulator's CPU, on the path
// every ingestion request waits for. Node's BigInt does the same arithmetic natively. Each replacement below gives what kinesalite's
// own function gives (the emulator tests compare them input by input) and hands anything it does not expect to the original.

const crypto = require('crypto');

const digits = /^\d+$/;
const hexDigits = /^[0-9a-f]+$/;

// A map that forgets everything once full: the keys that repeat (a stream's hash key range bounds) are few.
function boundedCache(limit) {
  const entries = new Map();
  return {
    get: key => entries.get(key),
    set(key, value) {
      if (entries.size >= limit) entries.clear();
      entries.set(key, value);
    },
  };
}

// A partition key's MD5 as a number, compared natively with the decimal hash key range bounds the stream stores.
function hashKeys(original) {
  const bounds = boundedCache(1024);

  function toBigInt(value) {
    if (typeof value === 'string' && digits.test(value)) {
      let known = bounds.get(value);
      if (known === undefined) {
        known = BigInt(value);
        bounds.set(value, known);
      }
      return known;
    }
    return Number.isSafeInteger(value) ? BigInt(value) : null;
  }

  class HashKey {
    constructor(partitionKey, value) {
      this.partitionKey = partitionKey;
      this.value = value;
    }

    comparedTo(other) {
      const bound = toBigInt(other);
      if (bound === null) return original(this.partitionKey).comparedTo(other);
      return this.value < bound ? -1 : this.value > bound ? 1 : 0;
    }
  }

  return function partitionKeyToHashKey(partitionKey) {
    const hex = crypto.createHash('md5').update(partitionKey, 'utf8').digest('hex');
    return new HashKey(partitionKey, BigInt('0x' + hex));
  };
}

// Every record read (GetRecords) has its sequence number parsed, and every record written its shard's first one. Format 2, the only
// one kinesalite makes, is sliced out of the number's hexadecimal form, as kinesalite does; any other goes to kinesalite.
function parsedSequences(original) {
  const smallest = 1n << 124n;
  const format2Above = 1n << 185n;
  const format2Below = 3n << 184n;
  return function parseSequence(sequence) {
    if (typeof sequence !== 'string' || !digits.test(sequence)) return original(sequence);
    let number = BigInt(sequence);
    if (number < smallest) number += smallest;
    const hex = number.toString(16);
    if (!(number > format2Above && number < format2Below && hex[hex.length - 1] === '2')) return original(sequence);
    const seqIxHex = hex.slice(11, 27);
    let shardIxHex = hex.slice(38, 46);
    if (parseInt(seqIxHex[0], 16) > 7) throw new Error('Sequence index too high');
    if (parseInt(shardIxHex[0], 16) > 7) shardIxHex = '-' + shardIxHex;
    const shardCreateSecs = parseInt(hex.slice(1, 10), 16);
    if (shardCreateSecs >= 16025175000) throw new Error('Date too large: ' + shardCreateSecs);
    return {
      shardCreateTime: shardCreateSecs * 1000,
      seqIx: BigInt('0x' + seqIxHex).toString(),
      byte1: hex.slice(27, 29),
      seqTime: parseInt(hex.slice(29, 38), 16) * 1000,
      shardIx: parseInt(shardIxHex, 16),
      version: 2,
    };
  };
}

// A new record's sequence number (format 2): the same hexadecimal layout as kinesalite's, converted to decimal by BigInt.
function sequenceStrings(original) {
  const wholeNumber = value => (Number.isSafeInteger(value) && value >= 0) || (typeof value === 'string' && digits.test(value));
  const hex = (value, width) => value.toString(16).padStart(width, '0').slice(-width);
  return function stringifySequence(sequence) {
    const { version, shardCreateTime, seqTime, shardIx = 0, seqIx = 0, byte1 = '00' } = sequence;
    if ((version != null && version != 2) || !Number.isSafeInteger(shardIx) || shardIx < 0 || !wholeNumber(seqIx) ||
        !Number.isFinite(shardCreateTime) || shardCreateTime < 0 || (seqTime != null && !(seqTime >= 0))) {
      return original(sequence);
    }
    const layout = '2' +
      hex(Math.floor(shardCreateTime / 1000), 9) +
      hex(shardIx, 1) +
      hex(BigInt(seqIx || 0), 16) +
      (byte1 || '00') +
      hex(Math.floor((seqTime || shardCreateTime) / 1000), 9) +
      hex(shardIx, 8) +
      '2';
    return hexDigits.test(layout) ? BigInt('0x' + layout).toString() : original(sequence);
  };
}

// Replaces the three functions on kinesalite's db module, which its actions call through; once per process.
function speedUpKinesalite() {
  const db = require('kinesalite/db');
  if (db.testbedOriginals) return db.testbedOriginals;
  const originals = {
    parseSequence: db.parseSequence,
    stringifySequence: db.stringifySequence,
    partitionKeyToHashKey: db.partitionKeyToHashKey,
  };
  db.parseSequence = parsedSequences(originals.parseSequence);
  db.stringifySequence = sequenceStrings(originals.stringifySequence);
  db.partitionKeyToHashKey = hashKeys(originals.partitionKeyToHashKey);
  db.testbedOriginals = originals;
  return originals;
}

module.exports = { speedUpKinesalite };
