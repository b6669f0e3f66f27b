'use strict';
// Starts each emulator in this process and resolves with the port it listens on and a
// close function. Shared by launch.js (one emulator per process, under the .NET host or
// Aspire) and edge.js (all three behind one LocalStack-style edge port).

const fs = require('fs');
const os = require('os');
const path = require('path');
const { speedUpKinesalite } = require('./kinesisHotPath');
const { tuneKinesaliteStore } = require('./kinesisStore');
const { tuneDynaliteStore } = require('./dynamoStore');
const { cacheDynaliteTables } = require('./dynamoTables');

function ensureDirectory(directory) {
  fs.mkdirSync(directory, { recursive: true });
  return directory;
}

function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address().port));
  });
}

async function kinesis({ host, port, path: dataPath }) {
  speedUpKinesalite();
  tuneKinesaliteStore();
  const kinesalite = require('kinesalite');
  const options = { createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 50 };
  if (dataPath) options.path = ensureDirectory(dataPath);
  const server = kinesalite(options);
  return { port: await listen(server, host, port), close: done => server.close(done) };
}

async function dynamodb({ host, port, path: dataPath }) {
  tuneDynaliteStore();
  cacheDynaliteTables();
  const dynalite = require('dynalite');
  const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
  if (dataPath) options.path = ensureDirectory(dataPath);
  const server = dynalite(options);
  return { port: await listen(server, host, port), close: done => server.close(done) };
}

async function s3({ host, port, path: dataPath, accessKey, secretKey, silent }) {
  const S3rver = require('s3rver');
  // s3rver only knows its built-in S3RVER key pair; register ours on the same dummy account.
  if (accessKey && secretKey) {
    const account = require('s3rver/lib/models/account');
    account.DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey);
  }
  const temporary = dataPath ? null : fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  // A folder of our own making goes with us; a named one is the user's data.
  if (temporary) process.on('exit', () => fs.rmSync(temporary, { recursive: true, force: true }));
  const server = new S3rver({ address: host, port, directory: ensureDirectory(dataPath || temporary), silent, vhostBuckets: false });
  const address = await server.run();
  return { port: address.port, close: done => server.close().then(() => done(), done) };
}

module.exports = { kinesis, dynamodb, s3 };
