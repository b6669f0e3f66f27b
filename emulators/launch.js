#!/usr/bin/env node
// Starts one emulator on a loopback address and reports, on one line of stdout,
// the port it listens on. The .NET emulator host parses that line:
//   testbed-emulator ready <service> <port>
//   testbed-emulator failed <service> <code> <message>
// The process ends when its standard input closes, so an emulator never outlives
// the process that started it, even when that process is killed; with --parent none
// (under the Aspire orchestrator) it ends on SIGTERM or SIGINT instead.
'use strict';

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

const servers = require('./lib/servers');

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

const args = parseArgs(process.argv.slice(2));
const start = servers[args.service];
if (!start) {
  report('failed', args.service || 'none', 'USAGE', 'usage: launch.js kinesis|dynamodb|s3 [--host H] [--port N] [--path DIR] [--parent none]');
  process.exit(2);
}
process.on('uncaughtException', error => fail(args.service, error));
start({
  host: args.host,
  port: args.port,
  path: args.path,
  accessKey: args['access-key'],
  secretKey: args['secret-key'],
  silent: args.silent === 'true',
}).then(
  server => {
    report('ready', args.service, server.port);
    watchParent(server.close);
  },
  error => fail(args.service, error));
