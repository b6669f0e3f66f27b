#!/usr/bin/env node
// Starts one emulator on a loopback address and reports, on one line of stdout,
// the port it listens on. The .NET emulator host parses that line:
//   testbed-emulator ready <service> <port>
//   testbed-emulator failed <service> <code> <message>
// The process ends when its standard input closes, so an emulator never outlives
// the process that started it, even when that process is killed; with --parent none
// (under the Aspire orchestrator) it ends on SIGTERM or SIGINT instead.
'use strict';

const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const args = { service: argv[0], host: '127.0.0.1', port: 0, path: '' };
  for (let i = 1; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    args[name] = argv[i + 1];
  }
  args.port = Number(args.port);
  return args;
}

function report(...words) {
  process.stdout.write(['testbed-emulator', ...words].join(' ') + '\n');
}

function fail(service, error) {
  report('failed', service, error.code || 'ERROR', String(error.message || error).replace(/\s+/g, ' '));
  process.exit(1);
}

function listen(server, args, stop) {
  server.on('error', error => fail(args.service, error));
  server.listen(args.port, args.host, () => {
    report('ready', args.service, server.address().port);
    watchParent(stop);
  });
}

function startKinesis(args) {
  const kinesalite = require('kinesalite');
  const options = { createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 50 };
  if (args.path) options.path = ensureDirectory(args.path);
  const server = kinesalite(options);
  listen(server, args, done => server.close(done));
}

function startDynamoDb(args) {
  const dynalite = require('dynalite');
  const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
  if (args.path) options.path = ensureDirectory(args.path);
  const server = dynalite(options);
  listen(server, args, done => server.close(done));
}

function startS3(args) {
  const S3rver = require('s3rver');
  // s3rver only knows its built-in S3RVER key pair; register ours on the same dummy account.
  if (args['access-key'] && args['secret-key']) {
    const account = require('s3rver/lib/models/account');
    account.DUMMY_ACCOUNT.createKeyPair(args['access-key'], args['secret-key']);
  }
  const temporary = args.path ? null : fs.mkdtempSync(path.join(require('os').tmpdir(), 's3rver-'));
  const directory = ensureDirectory(args.path || temporary);
  // A folder of our own making goes with us; a named one is the user's data.
  if (temporary) process.on('exit', () => fs.rmSync(temporary, { recursive: true, force: true }));
  const server = new S3rver({
    address: args.host,
    port: args.port,
    directory,
    silent: args.silent === 'true',
    vhostBuckets: false,
  });
  server.run().then(
    address => {
      report('ready', args.service, address.port);
      watchParent(done => server.close().then(() => done(), done));
    },
    error => fail(args.service, error));
}

function ensureDirectory(directory) {
  fs.mkdirSync(directory, { recursive: true });
  return directory;
}

let stopping = false;

function watchParent(stop) {
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // A stuck close must not keep the process alive.
    setTimeout(() => process.exit(0), 3000).unref();
    stop(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  // Under an orchestrator (--parent none) stdin is not ours to watch: the orchestrator stops us with a signal.
  if (args.parent === 'none') {
    process.on('SIGINT', shutdown);
    return;
  }
  process.stdin.on('end', shutdown);
  process.stdin.on('close', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
  // Under a parent (stdin is a pipe), Ctrl+C reaches the whole process group: the parent stops its
  // services first and then closes our stdin, so we must not go away before them.
  process.on('SIGINT', process.stdin.isTTY ? shutdown : () => {});
}

const starters = { kinesis: startKinesis, dynamodb: startDynamoDb, s3: startS3 };
const args = parseArgs(process.argv.slice(2));
const start = starters[args.service];
if (!start) {
  report('failed', args.service || 'none', 'USAGE', 'usage: launch.js kinesis|dynamodb|s3 [--host H] [--port N] [--path DIR]');
  process.exit(2);
}
process.on('uncaughtException', error => fail(args.service, error));
start(args);
