#!/usr/bin/env node
// reload.mjs — the live reload of `gongkai serve` in a real browser.
//
//   node tests/browser/reload.mjs GONGKAI_BIN SITE_DIR [options]
//
// SITE_DIR is a site this test may modify (run.sh passes a fresh copy of the repository's
// content/ and site.toml); the edited file is put back as it was once the server is stopped.
//
// (1) starts `GONGKAI_BIN --root SITE_DIR serve --port 0` without LANG/LC_* (so it speaks its default
//     language, Chinese), reads the address from the line
//     "正在预览 …（按 Ctrl-C 停止）：http://127.0.0.1:PORT/" on its stderr (printed once the first
//     build is checked: its pages are served as they are written), prints the time to it, waits
//     for the first build's "已生成，用时 …" line (the edits are timed on a preview that is idle) and
//     opens the page in Debian's headless Chromium;
// (2) edits the report (the whole file is written, as an editor saves) --edits times (default 10):
//     the procurement count `central: [N, …]` becomes N+1, N+2, N+1, … (a 2021-form report
//     without procurement: its `permit: N` line). The edited page must be swapped in place (its
//     <main> replaced, no reload: the reload client's `gongkai:updated` event), and the time from
//     the write to the browser's next frame after the swap is measured (the wait is armed before
//     the write; a page that reloads instead fails, with its `load` timed). Then the page must
//     show the new figure in its table cell (found by its headers' texts, 采购项目数量 × 政府集中采购
//     or 本年处理决定数量 × 行政许可, not by ids) and carry a newer build generation. The figures are
//     printed as "edited page shown (write → swapped in): min X ms, median Y ms, max Z ms over N
//     edits", with the medians of where the time went: detect (write → gongkai's "检测到修改：" line),
//     rebuild (→ the page's event stream receives `fresh` or `reload`, seen through CDP), swap
//     (→ shown); and "write → reload event (every listing correct)", when every other open page
//     reloads;
// (2b) changes the report's `title:` line (when it has one): the window's title changes, so the
//     page must reload rather than be swapped, and show the new title;
//     Before the next edit the test waits until gongkai is idle, so that edits do not overlap;
//     a write that gongkai rebuilt twice (a save split by its 25 ms debounce) is printed as a
//     note, not a failure;
// (3) breaks the report (the `new:` row of the applications table, first and last column + 1, so
//     the sums fail): the overlay #gongkai-overlay must appear within 5 s (--overlay-timeout-ms),
//     name the check code (T3-KJ) and the file under the heading "检查未通过：N 个错误", the page
//     under it must be the report's last good version (same figure, no reload), and the terminal
//     must say "检查未通过：N 个错误（用时 … 毫秒）。有错误的年报显示其上一次通过检查的版本…",
//     never "已重新生成".
//     Fixing the file must show the page again (swapped in) without the overlay;
// (4) stops the server with SIGINT: it must exit 0 within 5 s and remove its preview folder.
// The last line is exactly "N passed, M failed"; exit 0 if M is 0, 1 if not, 2 if the test could
// not run at all (no browser, no server).
//
// Options (defaults: the example site's 百步镇 2020 report):
//   --page PATH            page to open, relative to the server root (reports/baibu/2020/index.html)
//   --edit-file FILE       report to edit, relative to SITE_DIR (content/reports/baibu/2020.md)
//   --from STR --to STR    the edit, instead of detecting the procurement/permit line: odd edits
//                          replace STR by STR', even edits put STR back
//   --cell SELECTOR        with --from/--to: the element whose text to check, with
//   --expect-from TEXT     its text while the file holds --from, and
//   --expect-to TEXT       while it holds --to (without them only the reload is checked)
//   --break-from STR --break-to STR   the breaking edit (default: the `new:` row, as above)
//   --break-code CODE      check code the overlay must name (T3-KJ)
//   --edits N              number of edits (10)
//   --timeout-ms MS        longest wait for one reload (10000; a large site needs more)
//   --overlay-timeout-ms MS  longest wait for the overlay after the breaking edit (5000)
//   --start-timeout-ms MS  longest wait for the first build and the address (120000)
//   --verbose              echo the server's stderr
//
// Dependencies: playwright-core, looked up like check.mjs does ($GONGKAI_BROWSER_DEPS/node_modules,
// default ~/.cache/gongkai-browser-tests, then tests/browser/node_modules). Browser: $CHROMIUM or
// /usr/bin/chromium; nothing is ever downloaded.
import { CHROMIUM_ARGS, DEPS, INSTALL_HINT, depsRequire } from './common.mjs';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

let passed = 0;
let failed = 0;
let server = null; // the gongkai child process
const serverLog = [];
const serverLogAt = []; // performance.now() when each line arrived

// ---------------------------------------------------------------- results

function pass(name, note = '') {
  passed++;
  console.log(`ok   ${name}${note ? `  ${note}` : ''}`);
}
function fail(name, lines = []) {
  failed++;
  console.log(`FAIL ${name}`);
  for (const l of lines) console.log(`       ${l}`);
}
function fatal(msg, lines = []) {
  console.error(`reload.mjs: ${msg}`);
  for (const l of lines) console.error(`  ${l}`);
  stopServerHard();
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(2);
}
const firstLine = (e) => String(e?.message || e).split('\n')[0];
const serverTail = (n = 15) => serverLog.slice(-n).map((l) => `server: ${l}`);

function stopServerHard() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
}
process.on('exit', stopServerHard);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopServerHard();
    process.exit(130);
  });
}

// ---------------------------------------------------------------- options

function usage() {
  console.log(
    'usage: node reload.mjs GONGKAI_BIN SITE_DIR [--page PATH] [--edit-file FILE] [--from STR --to STR]\n' +
      '         [--cell SELECTOR --expect-from TEXT --expect-to TEXT] [--break-from STR --break-to STR]\n' +
      '         [--break-code CODE] [--edits N] [--timeout-ms MS] [--overlay-timeout-ms MS]\n' +
      '         [--start-timeout-ms MS] [--verbose]',
  );
}
const argv = process.argv.slice(2);
const opt = {
  page: 'reports/baibu/2020/index.html',
  editFile: 'content/reports/baibu/2020.md',
  from: null,
  to: null,
  cell: null,
  expectFrom: null,
  expectTo: null,
  breakFrom: null,
  breakTo: null,
  breakCode: 'T3-KJ',
  edits: 10,
  timeoutMs: 10_000,
  overlayTimeoutMs: 5_000,
  startTimeoutMs: 120_000,
  verbose: false,
};
const positional = [];
const takes = {
  '--page': 'page',
  '--edit-file': 'editFile',
  '--from': 'from',
  '--to': 'to',
  '--cell': 'cell',
  '--expect-from': 'expectFrom',
  '--expect-to': 'expectTo',
  '--break-from': 'breakFrom',
  '--break-to': 'breakTo',
  '--break-code': 'breakCode',
  '--edits': 'edits',
  '--timeout-ms': 'timeoutMs',
  '--overlay-timeout-ms': 'overlayTimeoutMs',
  '--start-timeout-ms': 'startTimeoutMs',
};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '-h' || a === '--help') {
    usage();
    process.exit(0);
  } else if (a === '--verbose') opt.verbose = true;
  else if (a in takes) {
    if (i + 1 >= argv.length) fatal(`${a} needs a value`);
    opt[takes[a]] = argv[++i];
  } else if (a.startsWith('--')) fatal(`unknown option ${a} (see --help)`);
  else positional.push(a);
}
for (const k of ['edits', 'timeoutMs', 'overlayTimeoutMs', 'startTimeoutMs']) {
  opt[k] = Number(opt[k]);
  if (!Number.isInteger(opt[k]) || opt[k] < 1) fatal(`bad value for ${k}`);
}
if (positional.length !== 2) {
  usage();
  fatal('give the gongkai binary and the site folder');
}
if ((opt.from === null) !== (opt.to === null)) fatal('--from and --to go together');
if ((opt.breakFrom === null) !== (opt.breakTo === null)) fatal('--break-from and --break-to go together');
const bin = path.resolve(positional[0]);
const site = path.resolve(positional[1]);
if (!fs.existsSync(bin)) fatal(`no gongkai binary at ${bin}`);
if (!fs.existsSync(path.join(site, 'site.toml'))) fatal(`${site} holds no site.toml`);
const editPath = path.resolve(site, opt.editFile);
const editRel = path.relative(site, editPath).split(path.sep).join('/');
let original;
try {
  original = fs.readFileSync(editPath, 'utf8');
} catch (e) {
  fatal(`cannot read ${editPath}: ${firstLine(e)}`);
}

// ---------------------------------------------------------------- the edits

// Returns [{text, expect}] for edits 1..n and the cell to check (or null).
function planEdits(text, n) {
  const plan = [];
  if (opt.from !== null) {
    if (!text.includes(opt.from)) fatal(`${editRel} does not contain --from ${JSON.stringify(opt.from)}`);
    const changed = text.replace(opt.from, opt.to);
    const check = opt.cell !== null && opt.expectFrom !== null && opt.expectTo !== null;
    for (let i = 1; i <= n; i++) {
      if (i % 2) plan.push({ text: changed, expect: check ? opt.expectTo : null });
      else plan.push({ text, expect: check ? opt.expectFrom : null });
    }
    const what = `${JSON.stringify(opt.from)} ⇄ ${JSON.stringify(opt.to)}`;
    return { plan, cell: check ? cssCell(opt.cell) : null, what };
  }
  // 2019 form: `central: [N, amount]` (政府集中采购, 采购项目数量); 2021 form: `permit: N` (行政许可).
  const detectors = [
    {
      re: /^(\s*central:\s*\[\s*)(\d+)(\s*,.*)$/m,
      cell: () => labelCell('采购项目数量', '政府集中采购'),
      label: 'procurement',
    },
    {
      re: /^(\s*permit:\s*)(\d+)(\s*(?:#.*)?)$/m,
      cell: () => labelCell('本年处理决定数量', '行政许可'),
      label: 'permit',
    },
  ];
  for (const d of detectors) {
    const m = text.match(d.re);
    if (!m) continue;
    const base = Number(m[2]);
    for (let i = 1; i <= n; i++) {
      const value = String(base + (i % 2 ? 1 : 2));
      plan.push({ text: text.replace(d.re, (_, a, _n, c) => `${a}${value}${c}`), expect: value });
    }
    return { plan, cell: d.cell(), what: `${d.label} ${base} → ${base + 1}/${base + 2}: ${m[0].trim()}` };
  }
  fatal(`no \`central: [N, …]\` nor \`permit: N\` line in ${editRel}: give --from and --to`);
}

// The breaking edit of `text` (the last good file).
function planBreak(text) {
  if (opt.breakFrom !== null) {
    if (!text.includes(opt.breakFrom)) return null;
    return { text: text.replace(opt.breakFrom, opt.breakTo), what: `${opt.breakFrom} → ${opt.breakTo}` };
  }
  const re = /^(\s*new:\s*\[)([^\]]*)(\].*)$/m;
  const m = text.match(re);
  if (!m) return null;
  const cells = m[2].split(',');
  const bump = (c) => c.replace(/\d+/, (d) => String(Number(d) + 1));
  if (!cells.every((c) => /^\s*\d+\s*$/.test(c))) return null;
  cells[0] = bump(cells[0]);
  cells[cells.length - 1] = bump(cells[cells.length - 1]);
  const broken = `${m[1]}${cells.join(',')}${m[3]}`;
  const bare = (line) => line.trim().replace(/\s*#.*$/, '');
  return { text: text.replace(re, () => broken), what: `${bare(m[0])} → ${bare(broken)}` };
}

// ---------------------------------------------------------------- modules

function loadPlaywright() {
  const req = depsRequire();
  if (!req) fatal(`playwright-core not found in ${DEPS}/node_modules nor tests/browser/node_modules.\n${INSTALL_HINT}`);
  return req('playwright-core');
}

// ---------------------------------------------------------------- server

// gongkai's lines on its stderr, in Chinese (its default language: the server is started without
// LANG and LC_*, whatever the environment of the test).
const SERVING = /^正在预览 .*（按 Ctrl-C 停止）：(http:\/\/127\.0\.0\.1:\d+\/)$/;
const BUILT = /^已生成，用时 (\d+) 毫秒$/;
const CHANGED = '检测到修改：';
const REBUILT = /^已重新生成，用时 (\d+) 毫秒$/;
// Any failed build: what failed, the time, and what the preview shows meanwhile.
const FAILED =
  /（用时 \d+ 毫秒）。(预览仍显示上一次成功生成的版本，|尚无成功生成的版本可供预览，|有错误的年报显示其上一次通过检查的版本（新年报暂不显示），其余修改已生效；)修正后页面会自动刷新$/;
// A failed check of a report: it shows its last good version, the rest of the site every edit.
const CHECK_FAILED =
  /^检查未通过：(\d+) 个错误（用时 \d+ 毫秒）。有错误的年报显示其上一次通过检查的版本（新年报暂不显示），其余修改已生效；修正后页面会自动刷新$/;

// Waits until `pred(line)` holds for a line of the server's stderr written after `from`
// (an index into serverLog); resolves with the line, or null after `ms`.
const lineWaiters = new Set();
const findLine = (pred, from = 0) => {
  for (let i = from; i < serverLog.length; i++) if (pred(serverLog[i])) return i;
  return -1;
};
function waitLine(pred, ms, from = 0) {
  for (let i = from; i < serverLog.length; i++) if (pred(serverLog[i])) return Promise.resolve(serverLog[i]);
  return new Promise((resolve) => {
    const w = { pred, resolve };
    w.timer = setTimeout(() => {
      lineWaiters.delete(w);
      resolve(null);
    }, ms);
    lineWaiters.add(w);
  });
}

function startServer() {
  const env = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) delete env[k];
  const child = spawn(bin, ['--root', site, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let partial = '';
  const onData = (chunk) => {
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop();
    for (const line of lines) {
      serverLog.push(line);
      serverLogAt.push(performance.now());
      if (opt.verbose) console.error(`server: ${line}`);
      for (const w of [...lineWaiters]) {
        if (w.pred(line)) {
          clearTimeout(w.timer);
          lineWaiters.delete(w);
          w.resolve(line);
        }
      }
    }
  };
  child.stderr.setEncoding('utf8').on('data', onData);
  child.stdout.setEncoding('utf8').on('data', onData);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('error', (e) => serverLog.push(`(spawn error: ${e.message})`));
  return child;
}

// ---------------------------------------------------------------- page helpers

// State of the open page: the figure in the cell, the build generation of its reload script,
// whether the overlay is shown (and its text).
// The cell is a CSS selector or, by default, found by its headers' labels (the td below a
// column header and right of a row header with these texts, by the table's grid of slots).
async function pageState(page, cell) {
  const spec = cell ? { css: cell.css ?? null, col: cell.col ?? null, row: cell.row ?? null } : null;
  return page.evaluate((spec) => {
    let el = null;
    if (spec?.css) el = document.querySelector(spec.css);
    else if (spec) {
      // The tables give headers by scope and span: lay each out as a grid of
      // slots and take the td under a th with the column's text and right of
      // a th with the row's text.
      const text = (c) => c.textContent.replace(/\s+/g, '');
      for (const t of document.querySelectorAll('table')) {
        const grid = [];
        [...t.rows].forEach((tr, y) => {
          let x = 0;
          for (const c of tr.cells) {
            grid[y] = grid[y] || [];
            while (grid[y][x]) x++;
            for (let dy = 0; dy < c.rowSpan; dy++)
              for (let dx = 0; dx < c.colSpan; dx++) (grid[y + dy] = grid[y + dy] || [])[x + dx] = c;
            x += c.colSpan;
          }
        });
        grid.forEach((row, y) => row.forEach((c, x) => {
          if (el || c.tagName !== 'TD' || row[x - 1] === c || (grid[y - 1] && grid[y - 1][x] === c)) return;
          const up = grid.slice(0, y).some((r) => r[x] && r[x].tagName === 'TH' && text(r[x]) === spec.col);
          const left = row.slice(0, x).some((h) => h && h.tagName === 'TH' && text(h) === spec.row);
          if (up && left) el = c;
        }));
        if (el) break;
      }
    }
    const script = document.querySelector('script[src^="/__gongkai/reload.js"]');
    const overlay = document.getElementById('gongkai-overlay');
    return {
      value: el ? el.textContent.trim() : null,
      // A page swapped in place says its build in data-generation; a loaded one in its script's URL.
      generation: script
        ? Number(script.getAttribute('data-generation') ?? new URL(script.src).searchParams.get('g'))
        : null,
      overlay: overlay ? overlay.innerText : null,
    };
  }, spec);
}
const cssCell = (css) => ({ css, toString: () => css });
const labelCell = (col, row) => ({ col, row, toString: () => `the cell ${col} × ${row}` });

// Promise of the next response of the page's event stream (the page is then live).
function nextEventStream(page, ms) {
  return page
    .waitForResponse((r) => new URL(r.url()).pathname === '/__gongkai/events', { timeout: ms })
    .then((r) => r.status(), () => null);
}

// Waits until gongkai has ended a build (a "已重新生成" line, or a failed one) for every "检测到修改："
// line since `from` (it is idle), then until the page is loaded (a late second reload included).
async function settle(page, from) {
  const count = (re) => serverLog.slice(from).filter((l) => re.test(l)).length;
  const deadline = performance.now() + opt.timeoutMs;
  const ended = () => count(REBUILT) + count(FAILED);
  while (ended() < count(new RegExp(`^${CHANGED}`)) && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await page.waitForTimeout(200);
  await page.waitForLoadState('load', { timeout: opt.timeoutMs }).catch(() => {});
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;

// ---------------------------------------------------------------- main

const playwright = loadPlaywright();
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(executablePath)) fatal(`no browser at ${executablePath}: apt-get install -y chromium`);
const { plan, cell, what } = planEdits(original, opt.edits);

// (1) the server
const t0 = performance.now();
server = startServer();
const serving = await Promise.race([
  waitLine((l) => SERVING.test(l), opt.startTimeoutMs),
  server.exited.then(() => null),
]);
if (!serving) {
  fatal(
    server.exitCode !== null || server.signalCode !== null
      ? `gongkai serve exited (${server.exitCode ?? server.signalCode}) before serving`
      : `no "正在预览 …：http://127.0.0.1:PORT/" line within ${opt.startTimeoutMs} ms`,
    serverTail(30),
  );
}
const base = serving.match(SERVING)[1];
const pageUrl = new URL(opt.page, base).href;
const toAddress = performance.now() - t0;
// The address comes once the first build is checked; its pages are served as they are written.
// The edits are timed on a preview whose first build is written whole: wait for its line.
const built = await waitLine((l) => BUILT.test(l) || FAILED.test(l), opt.startTimeoutMs);
pass(
  `gongkai serve --port 0 on ${site}`,
  `${base} after ${ms(toAddress)}; ${built || 'no first build line'} (${ms(performance.now() - t0)} after the start)`,
);

let browser;
try {
  browser = await playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
} catch (e) {
  fatal(`cannot start ${executablePath}: ${firstLine(e)}`);
}
console.log(`     ${executablePath} ${browser.version()}; ${editRel}: ${what}; reload timeout ${opt.timeoutMs} ms`);

const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
context.setDefaultTimeout(30_000);
const page = await context.newPage();
let loads = 0;
page.on('load', () => loads++);
// Each in-place update of the page (the reload client's `gongkai:updated` event), timed at the
// browser's next frame, the one that shows it.
const updates = []; // {at: performance.now(), generation}
const updateWaiters = new Set();
await page.exposeBinding('__gkTestUpdated', (_source, generation) => {
  const u = { at: performance.now(), generation };
  updates.push(u);
  for (const w of [...updateWaiters]) w(u);
});
await page.addInitScript(() => {
  document.addEventListener('gongkai:updated', (e) => {
    requestAnimationFrame(() => window.__gkTestUpdated(e.detail.generation));
  });
});
// The next way the page shows a new build after now: swapped in place ({how: 'swap'}) or
// reloaded ({how: 'load'}); an Error after `ms`.
function nextShown(ms) {
  return new Promise((resolve) => {
    let done = false;
    const finish = (v) => {
      if (done) return;
      done = true;
      updateWaiters.delete(onUpdate);
      clearTimeout(timer);
      resolve(v);
    };
    const onUpdate = (u) => finish({ how: 'swap', at: u.at });
    updateWaiters.add(onUpdate);
    page.waitForEvent('load', { timeout: ms }).then(
      () => finish({ how: 'load', at: performance.now() }),
      () => {},
    );
    const timer = setTimeout(() => finish(new Error(`neither swapped in nor reloaded within ${ms} ms`)), ms);
  });
}
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(firstLine(e)));
// The messages of the page's event stream, as the browser receives them (through CDP).
const sse = []; // {at: performance.now(), event, data}
try {
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.eventSourceMessageReceived', (e) =>
    sse.push({ at: performance.now(), event: e.eventName, data: e.data }),
  );
  await cdp.send('Network.enable');
} catch (e) {
  console.log(`     (no CDP session, the reload events are not timed: ${firstLine(e)})`);
}

let state = null;
try {
  const live = nextEventStream(page, opt.timeoutMs);
  const res = await page.goto(pageUrl, { waitUntil: 'load', timeout: opt.timeoutMs });
  if (!res || res.status() !== 200) throw new Error(`HTTP ${res ? res.status() : 'no response'} for ${pageUrl}`);
  const stream = await live;
  state = await pageState(page, cell);
  const problems = [];
  if (state.generation === null) problems.push('no /__gongkai/reload.js script in the page');
  if (stream !== 200) problems.push(`the event stream /__gongkai/events did not answer 200 (${stream})`);
  if (cell && state.value === null) problems.push(`no element ${cell}`);
  if (state.overlay !== null) problems.push(`overlay shown: ${state.overlay.slice(0, 200)}`);
  if (problems.length) fail(`open ${opt.page}`, problems);
  else {
    const shows = cell ? `, ${cell} = ${state.value}` : '';
    pass(`open ${opt.page}`, `generation ${state.generation}${shows}, event stream open`);
  }
} catch (e) {
  fail(`open ${opt.page}`, [firstLine(e), ...serverTail()]);
}

// (2) and (3), in the browser; whatever goes wrong there, the server is still stopped (4).
try {
  // (2) edits: write → load
  const latencies = [];
  const notes = []; // gongkai behaviour worth knowing that fails nothing
  const breakdown = []; // {detect, build, load} per edit
  const listings = []; // write → the `reload` event (every listing correct), per edit
  const changedLines = []; // index in serverLog of each edit's "检测到修改：" line
  let current = original; // last good content written
  let lastValue = state?.value ?? null;
  if (state)
    for (let i = 0; i < plan.length; i++) {
      const { text, expect } = plan[i];
      const name = `edit ${i + 1}/${plan.length}: ${cell ? `${lastValue} → ${expect}` : `write ${editRel}`}`;
      const before = await pageState(page, cell).catch(() => state);
      const logFrom = serverLog.length;
      const sseFrom = sse.length;
      const shown = nextShown(opt.timeoutMs);
      const t = performance.now();
      fs.writeFileSync(editPath, text);
      current = text;
      const seen = await shown;
      if (seen instanceof Error) {
        fail(name, [`${firstLine(seen)} of the write`, ...serverTail()]);
        continue;
      }
      const at = seen.at;
      const latency = at - t;
      // Where the time went: write → "检测到修改：…" on gongkai's stderr (the debounced burst ended and
      // the rebuild starts, once any earlier rebuild is done) → the page's event stream receives
      // `fresh` (the edited page is served, before the listings) or `reload` (the whole update) → the
      // frame showing the page swapped in.
      const changedIdx = findLine((l) => l.startsWith(CHANGED), logFrom);
      const event = sse.find((e, k) => k >= sseFrom && (e.event === 'fresh' || e.event === 'reload'));
      let split = event
        ? `write → event ${ms(event.at - t)}, event → shown ${ms(at - event.at)}`
        : 'no reload event seen';
      if (event && changedIdx >= 0) {
        const phases = {
          detect: serverLogAt[changedIdx] - t,
          build: event.at - serverLogAt[changedIdx],
          load: at - event.at,
        };
        breakdown.push(phases);
        split = `detect ${ms(phases.detect)}, rebuild ${ms(phases.build)}, event → shown ${ms(phases.load)}`;
      }
      const after = await pageState(page, cell);
      const problems = [];
      if (seen.how !== 'swap')
        problems.push('the page reloaded instead of being swapped in place: something besides its <main> differed');
      if (cell && after.value !== expect) problems.push(`${cell} shows ${JSON.stringify(after.value)}, not ${expect}`);
      if (!(after.generation > before.generation))
        problems.push(`build generation ${after.generation}, was ${before.generation}`);
      if (after.overlay !== null) problems.push(`overlay shown: ${after.overlay.slice(0, 200)}`);
      latencies.push(latency);
      if (changedIdx >= 0) changedLines.push(changedIdx);
      const note = `write → shown ${ms(latency)} (${split}), generation ${after.generation}`;
      if (problems.length) fail(name, [note, ...problems, ...serverTail(8)]);
      else pass(name, note);
      if (cell) lastValue = after.value;
      state = after;
      // Before the next edit, let this one finish: gongkai idle (it prints "已重新生成" once it has
      // also deleted the previous build) and any second reload done, so that its tail is not
      // measured as the next edit's latency.
      await settle(page, logFrom);
      // Every listing is correct (agency and year pages, indexes) when the `reload` event comes:
      // every other open page reloads then.
      const listed = sse.find((e, k) => k >= sseFrom && e.event === 'reload');
      if (listed) listings.push(listed.at - t);
      const bursts = serverLog.slice(logFrom).filter((l) => l.startsWith(CHANGED)).length;
      const failedEvents = sse.slice(sseFrom).filter((e) => e.event === 'failed').length;
      if (bursts > 1 || failedEvents) {
        notes.push(
          `edit ${i + 1}: ${bursts} rebuilds${failedEvents ? ` (${failedEvents} failed)` : ''} for one write: ` +
            "its truncation and its writing fell into separate bursts of gongkai's debounce",
        );
      }
    }
  if (latencies.length) {
    console.log(
      `edited page shown (write → swapped in): min ${ms(Math.min(...latencies))}, median ${ms(median(latencies))}, ` +
        `max ${ms(Math.max(...latencies))} over ${latencies.length} edits`,
    );
    console.log(`     all: ${latencies.map((x) => Math.round(x)).join(', ')} ms`);
  }
  for (const n of notes) console.log(`     note: ${n}`);
  if (listings.length) {
    console.log(
      `     write → reload event (every listing correct): min ${ms(Math.min(...listings))}, ` +
        `median ${ms(median(listings))}, max ${ms(Math.max(...listings))}`,
    );
  }
  if (breakdown.length) {
    const med = (k) => ms(median(breakdown.map((b) => b[k])));
    console.log(`     medians: detect ${med('detect')}, rebuild ${med('build')}, event → shown ${med('load')}`);
  }
  if (changedLines.length) {
    // Each edit's "已重新生成" (the first after its "检测到修改："), once the last one has arrived. It can
    // come after the page has reloaded: gongkai prints it once it has also deleted the previous build.
    await waitLine((l) => REBUILT.test(l), opt.timeoutMs, changedLines.at(-1));
    const rebuilds = changedLines
      .map((from) => serverLog[findLine((l) => REBUILT.test(l), from)])
      .filter(Boolean)
      .map((l) => Number(l.match(REBUILT)[1]));
    if (rebuilds.length) {
      console.log(
        `     gongkai's own "已重新生成" lines: min ${Math.min(...rebuilds)} ms, ` +
          `median ${median(rebuilds)} ms, max ${Math.max(...rebuilds)} ms`,
      );
    }
  }

  // (2b) a change outside <main>: the window's title. The page must reload, not be swapped.
  {
    const name = "an edit of the report's title reloads the page (not swapped) and shows the new title";
    const titleRe = /^(title:[ \t]*)([^"'\s].*?)[ \t]*$/m;
    const m = state ? current.match(titleRe) : null;
    if (!m) console.log(`     (no unquoted \`title:\` line in ${editRel}: the title step is not run)`);
    else {
      const retitled = current.replace(titleRe, (_, a, title) => `${a}${title}（修订）`);
      const problems = [];
      for (const [text, marked] of [
        [retitled, true],
        [current, false],
      ]) {
        const logFrom = serverLog.length;
        const updatesBefore = updates.length;
        const shown = nextShown(opt.timeoutMs);
        fs.writeFileSync(editPath, text);
        const seen = await shown;
        await settle(page, logFrom);
        const title = await page.title();
        const step = marked ? 'retitled' : 'title put back';
        if (seen instanceof Error) problems.push(`${step}: ${firstLine(seen)}`);
        else if (seen.how !== 'load') problems.push(`${step}: swapped in place although the window's title changed`);
        if (updates.length !== updatesBefore) problems.push(`${step}: swapped in place as well`);
        if (title.includes('（修订）') !== marked) problems.push(`${step}: the window's title is ${JSON.stringify(title)}`);
      }
      if (problems.length) fail(name, [...problems, ...serverTail(8)]);
      else pass(name, `${m[2]} → …（修订） and back`);
    }
  }

  // (3) a failed rebuild shows the overlay over the last good page; the fix shows it again.
  const broken = planBreak(current);
  const overlayName =
    `a failed rebuild shows #gongkai-overlay within ${opt.overlayTimeoutMs / 1000} s, ` +
    `naming ${opt.breakCode} and ${path.basename(editPath)}`;
  if (!state) {
    fail(overlayName, ['the page could not be opened']);
  } else if (!broken) {
    fail(overlayName, [
      opt.breakFrom !== null
        ? `${editRel} (as last written) does not contain --break-from ${JSON.stringify(opt.breakFrom)}`
        : `no \`new: [...]\` row to break in ${editRel} (give --break-from and --break-to)`,
    ]);
  } else {
    console.log(`     breaking ${editRel}: ${broken.what}`);
    const loadsBefore = loads;
    const updatesBefore = updates.length;
    const before = await pageState(page, cell);
    const sseFrom = sse.length;
    const breakFrom = serverLog.length;
    const t = performance.now();
    fs.writeFileSync(editPath, broken.text);
    let shown = false;
    try {
      await page.waitForSelector('#gongkai-overlay', { state: 'attached', timeout: opt.overlayTimeoutMs });
      shown = true;
    } catch (e) {
      fail(overlayName, [`no overlay within ${opt.overlayTimeoutMs} ms (${firstLine(e)})`, ...serverTail()]);
    }
    if (shown) {
      const dt = performance.now() - t;
      const after = await pageState(page, cell);
      const problems = [];
      if (!after.overlay.includes(opt.breakCode)) problems.push(`the overlay does not name ${opt.breakCode}`);
      const file = path.basename(editPath);
      if (!after.overlay.includes(file)) problems.push(`the overlay does not name ${file}`);
      const visible = await page.locator('#gongkai-overlay').isVisible();
      if (!visible) problems.push('the overlay is not visible');
      // Its words are gongkai's, in the language of the run (Chinese here).
      const heading = after.overlay.split('\n')[0];
      if (!/^检查未通过：\d+ 个错误$/.test(heading)) problems.push(`the overlay's heading is ${JSON.stringify(heading)}`);
      if (!after.overlay.includes('有错误的年报，下方显示的是它上一次通过检查的版本（新年报暂不显示）；'))
        problems.push("the overlay does not say that the page under it is the report's last good version");
      if (problems.length) fail(overlayName, [...problems, `overlay text: ${after.overlay.slice(0, 600)}`]);
      else {
        const failedEvent = sse.find((e, k) => k >= sseFrom && e.event === 'failed');
        const when = failedEvent ? `failed event after ${ms(failedEvent.at - t)}, ` : '';
        pass(overlayName, `${when}overlay after ${ms(dt)}: ${after.overlay.split('\n')[0]}`);
      }

      const good = cell ? `${cell} = ${lastValue}` : `generation ${before.generation}`;
      const under = `under the overlay, the last good page (${good}, no reload)`;
      // Give a wrong reload the time to happen before judging.
      await page.waitForTimeout(300);
      const now = await pageState(page, cell);
      const p2 = [];
      if (loads !== loadsBefore) p2.push(`the page reloaded ${loads - loadsBefore} time(s) after the failed rebuild`);
      if (updates.length !== updatesBefore) p2.push('the page was swapped in place after the failed rebuild');
      if (cell && now.value !== lastValue) p2.push(`${cell} shows ${JSON.stringify(now.value)}, not ${lastValue}`);
      if (now.generation !== before.generation) p2.push(`generation ${now.generation}, was ${before.generation}`);
      if (now.overlay === null) p2.push('the overlay went away by itself');
      if (p2.length) fail(under, p2);
      else pass(under);

      // The terminal tells the truth too: the check failed, how many errors, the good build is still
      // served; never "已重新生成" for a failed check.
      const said = "the terminal says the check failed, its error count, and that the report's last good version is shown";
      const ends = (l) => REBUILT.test(l) || FAILED.test(l);
      const ending = await waitLine(ends, opt.timeoutMs, breakFrom);
      const outcomes = serverLog.slice(breakFrom).filter(ends);
      const p3 = [];
      if (!ending) p3.push(`no line ending the build within ${opt.timeoutMs} ms`);
      else {
        const rebuilt = outcomes.filter((l) => REBUILT.test(l));
        if (rebuilt.length) p3.push(`"${rebuilt[0]}" printed for the failed check`);
        const m = outcomes.at(-1).match(CHECK_FAILED);
        if (!m) p3.push(`not a failed check: ${outcomes.at(-1)}`);
        else if (after.overlay.split('\n')[0] !== `检查未通过：${m[1]} 个错误`)
          p3.push(`the overlay's heading does not give the terminal's ${m[1]} errors`);
      }
      if (p3.length) fail(said, [...p3, ...serverTail(8)]);
      else pass(said, outcomes.at(-1));
    }

    // The fix: back to the last good file.
    const fixName = 'fixing the file shows the page again without the overlay';
    const fixShown = nextShown(opt.timeoutMs);
    const fixFrom = serverLog.length;
    const tf = performance.now();
    fs.writeFileSync(editPath, current);
    const seen = await fixShown;
    if (seen instanceof Error) {
      fail(fixName, [`${firstLine(seen)} of the fix`, ...serverTail()]);
    } else {
      // A wrong overlay would come with the next events of the page's stream.
      await page.waitForTimeout(300);
      const after = await pageState(page, cell);
      const problems = [];
      if (after.overlay !== null) problems.push(`overlay still shown: ${after.overlay.slice(0, 300)}`);
      if (cell && after.value !== lastValue)
        problems.push(`${cell} shows ${JSON.stringify(after.value)}, not ${lastValue}`);
      if (!(after.generation > before.generation))
        problems.push(`generation ${after.generation}, was ${before.generation}`);
      if (problems.length) fail(fixName, [...problems, ...serverTail(8)]);
      else pass(fixName, `write → ${seen.how === 'swap' ? 'swapped in' : 'load'} ${ms(seen.at - tf)}, generation ${after.generation}`);
    }
    await settle(page, fixFrom); // so that SIGINT finds gongkai idle
  }
  if (pageErrors.length) fail('no JavaScript error in the page', pageErrors.slice(0, 10));
  else pass('no JavaScript error in the page');
} catch (e) {
  fail('browser checks stopped', [String(e.stack || e), ...serverTail()]);
}

// (4) Ctrl-C
{
  const name = 'SIGINT stops gongkai serve with exit code 0 within 5 s';
  // The folder is gongkai-serve-<pid>-<random>: found by its prefix.
  const prefix = `gongkai-serve-${server.pid}-`;
  const found = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(prefix));
  const work = path.join(os.tmpdir(), found[0] ?? `${prefix}*`);
  const existed = found.length === 1 && fs.existsSync(work);
  const t = performance.now();
  server.kill('SIGINT');
  const within = (limit) => Promise.race([server.exited, new Promise((r) => setTimeout(() => r(null), limit))]);
  let exit = await within(5_000);
  if (!exit) {
    // Too slow: still give it time to finish (and clean up) to say how long it takes.
    exit = await within(120_000);
    const took = exit ? `exited after ${ms(performance.now() - t)} (code ${exit.code})` : 'still running after 125 s';
    fail(name, [`still running 5 s after SIGINT; ${took}`, ...serverTail(5)]);
  } else if (exit.code !== 0) fail(name, [`exit code ${exit.code}, signal ${exit.signal}`, ...serverTail()]);
  else pass(name, `after ${ms(performance.now() - t)}`);
  const gone = `the preview folder ${work} is removed`;
  if (!existed) fail(gone, ['it did not exist while serving (is the temporary folder elsewhere?)']);
  else if (!exit) fail(gone, ['the server did not stop']);
  else if (fs.existsSync(work)) fail(gone, ['still there after the exit']);
  else pass(gone);
}
await browser.close().catch(() => {});

// Leave the site as it was.
fs.writeFileSync(editPath, original);
console.log(`     took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
