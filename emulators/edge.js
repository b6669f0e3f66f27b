#!/usr/bin/env node
// Testbed's LocalStack-compatible edge: kinesalite, dynalite and s3rver in this process,
// behind one port (4566 in the image) that routes each request to its service the way
// LocalStack's edge does: by X-Amz-Target, else by the SigV4 credential scope's service,
// else to S3. GET /_localstack/health answers in LocalStack's shape.
//   node edge.js [--host 0.0.0.0] [--port 4566] [--path /var/lib/testbed]
// With --path, or PERSISTENCE=1 and a volume on /var/lib/localstack, the data survives
// restarts. Ends on SIGTERM/SIGINT.
'use strict';

const http = require('http');
const path = require('path');
const servers = require('./lib/servers');

const ACCESS_KEY = process.env.TESTBED_ACCESS_KEY || 'test';
const SECRET_KEY = process.env.TESTBED_SECRET_KEY || 'test';

function parseArgs(argv) {
  // PERSISTENCE=1 keeps data where LocalStack keeps it, so the same volume mount works for both images.
  const args = { host: '0.0.0.0', port: 4566, path: process.env.PERSISTENCE === '1' ? '/var/lib/localstack' : '' };
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  args.port = Number(args.port);
  return args;
}

function serviceOf(request, ports) {
  const target = request.headers['x-amz-target'] || '';
  if (target.startsWith('Kinesis_')) return 'kinesis';
  if (target.startsWith('DynamoDB_')) return 'dynamodb';
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(request.headers.authorization || '');
  if (scope && ports[scope[1]]) return scope[1];
  return 's3';
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const data = name => (args.path ? path.join(args.path, name) : '');
  const started = {
    kinesis: await servers.kinesis({ host: '127.0.0.1', port: 0, path: data('kinesis') }),
    dynamodb: await servers.dynamodb({ host: '127.0.0.1', port: 0, path: data('dynamodb') }),
    // LocalStack's default keys (test/test) and ours both sign S3 requests here.
    s3: await servers.s3({ host: '127.0.0.1', port: 0, path: data('s3'), accessKey: ACCESS_KEY, secretKey: SECRET_KEY, silent: true }),
  };
  const ports = Object.fromEntries(Object.entries(started).map(([name, server]) => [name, server.port]));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  const edge = http.createServer((request, response) => {
    if (request.url.startsWith('/_localstack/health')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({
        services: { kinesis: 'running', dynamodb: 'running', s3: 'running' },
        edition: 'community',
        version: 'testbed',
      }));
      return;
    }
    // Headers go on unchanged: the Host header is part of each request's signature.
    const upstream = http.request(
      { host: '127.0.0.1', port: ports[serviceOf(request, ports)], method: request.method, path: request.url, headers: request.headers, agent },
      answer => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      });
    upstream.on('error', error => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`testbed edge: ${error.message}`);
    });
    request.pipe(upstream);
  });
  edge.keepAliveTimeout = 65000;
  await new Promise((resolve, reject) => {
    edge.once('error', reject);
    edge.listen(args.port, args.host, resolve);
  });
  process.stdout.write(`testbed-edge ready ${args.host}:${edge.address().port} kinesis=${ports.kinesis} dynamodb=${ports.dynamodb} s3=${ports.s3}\n`);

  // As PID 1 in a container, node only stops on a signal it handles itself.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 3000).unref();
    edge.close();
    let left = 3;
    for (const server of Object.values(started)) server.close(() => { if (--left === 0) process.exit(0); });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(error => {
  process.stderr.write(`testbed-edge failed: ${error.stack || error}\n`);
  process.exit(1);
});
