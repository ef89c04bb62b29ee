#!/usr/bin/env node
// serve.mjs — serves a built gongkai site UNDER A SUB-PATH, on loopback only, for the browser tests.
//
//   node tests/browser/serve.mjs DIR [--prefix /portal/zfxxgk/] [--port 0] [--log]
//
// Prints one line on stdout once it listens:   serving DIR at http://127.0.0.1:PORT/portal/zfxxgk/
// (--port 0, the default, picks a free port; read the URL from that line.)
//
// Behaviour, which the tests rely on:
//   PREFIX + path      → the file DIR/path (200), a folder's index.html (200),
//                        a folder without its trailing slash → 301 to the slash form;
//   PREFIX without "/" → 301 to PREFIX;
//   anything else      → 404 with the body of DIR/404.html (so a link that escapes the
//                        sub-path, like a root-absolute "/css/site.css", fails);
//   methods other than GET and HEAD → 405.
// No dependencies: Node's standard library only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

function usage(msg) {
  if (msg) console.error(`serve.mjs: ${msg}`);
  console.error('usage: node serve.mjs DIR [--prefix /portal/zfxxgk/] [--port 0] [--log]');
  process.exit(2);
}

const args = process.argv.slice(2);
let dir = null;
let prefix = '/portal/zfxxgk/';
let port = 0;
let log = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--prefix') prefix = args[++i];
  else if (a === '--port') port = Number(args[++i]);
  else if (a === '--log') log = true;
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else if (dir === null) dir = a;
  else usage(`unexpected argument ${a}`);
}
if (!dir) usage('no folder given');
if (!prefix || !prefix.startsWith('/')) usage('--prefix must start with /');
if (!prefix.endsWith('/')) prefix += '/';
if (!Number.isInteger(port) || port < 0 || port > 65535) usage('bad --port');
const root = fs.realpathSync(path.resolve(dir));
if (!fs.statSync(root).isDirectory()) usage(`${dir} is not a folder`);

function notFoundBody() {
  try {
    return fs.readFileSync(path.join(root, '404.html'));
  } catch {
    return Buffer.from('<!DOCTYPE html><html lang="en"><title>404</title><h1>404 Not Found</h1></html>\n');
  }
}

function send(req, res, status, body, type, extra = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  if (log) console.error(`${status} ${req.method} ${req.url}`);
}

const notFound = (req, res) => send(req, res, 404, notFoundBody(), TYPES['.html']);

function redirect(req, res, location) {
  send(req, res, 301, Buffer.from(`<a href="${location}">${location}</a>\n`), TYPES['.html'], { Location: location });
}

// Maps the URL path below the prefix to a file inside root, or null (never escapes root).
function resolveFile(rel) {
  let decoded;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const file = path.join(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, 405, Buffer.from('method not allowed\n'), TYPES['.txt'], { Allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(req.url, 'http://127.0.0.1');
  const p = url.pathname;
  if (p === prefix.slice(0, -1)) return redirect(req, res, prefix + url.search);
  if (!p.startsWith(prefix)) return notFound(req, res);

  let file = resolveFile(p.slice(prefix.length));
  if (file === null) return notFound(req, res);
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return notFound(req, res);
  }
  if (stat.isDirectory()) {
    if (!p.endsWith('/')) return redirect(req, res, p + '/' + url.search);
    file = path.join(file, 'index.html');
    try {
      stat = fs.statSync(file);
    } catch {
      return notFound(req, res);
    }
  }
  if (!stat.isFile()) return notFound(req, res);
  // A symlink pointing out of the folder is not served.
  const real = fs.realpathSync(file);
  if (!real.startsWith(root + path.sep)) return notFound(req, res);
  const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
  send(req, res, 200, fs.readFileSync(real), type);
});

server.on('error', (e) => {
  console.error(`serve.mjs: ${e.message}`);
  process.exit(2);
});
server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address();
  console.log(`serving ${root} at http://127.0.0.1:${actual}${prefix}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    process.exit(0);
  });
}
