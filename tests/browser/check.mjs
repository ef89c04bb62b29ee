#!/usr/bin/env node
// check.mjs — real-browser checks of a built gongkai site served under a sub-path.
//
//   node tests/browser/check.mjs http://127.0.0.1:PORT/portal/zfxxgk/ [--dir BUILT_DIR] [--only axe,layout,links]
//
// (a) axe-core in Debian's headless Chromium on every page type, tags wcag2a, wcag2aa, wcag21a,
//     wcag21aa plus the experimental table rules td-has-header and table-fake-caption (a run by tag
//     never runs experimental rules), at 1280 px and at 390 px; the report pages again with the
//     「大字号 高对比」 mode switched on. Any violation fails, printed with id, impact, target, summary.
// (b) no sideways scrolling at 360 px on the report, agency and year pages
//     (document.documentElement.scrollWidth <= clientWidth), and on the report pages in the
//     large-text mode too.
// (c) a breadth-first crawl from the home page of every href/src of a, link, img and script:
//     every internal URL must answer 200 and stay inside the sub-path; a #fragment must name an
//     id on its target page. With --dir, every built HTML page (but 404.html) must be reached.
// (d) the last line is exactly "N passed, M failed"; exit 0 if M is 0, 1 if not, 2 if the checks
//     could not run at all (no browser, server down).
//
// Dependencies (package.json beside this file) are looked up in $GONGKAI_BROWSER_DEPS/node_modules
// (default ~/.cache/gongkai-browser-tests, where run.sh and .ci/run install them with `npm ci
// --prefix`), then in tests/browser/node_modules. The browser is Debian's /usr/bin/chromium
// ($CHROMIUM to override); nothing is ever downloaded.
import { DEPS, INSTALL_HINT, depsRequire, launchChromium } from './common.mjs';
import fs from 'node:fs';
import path from 'node:path';

let passed = 0;
let failed = 0;

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
let base = null;
let builtDir = null;
let only = new Set(['axe', 'layout', 'links']);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--dir') builtDir = argv[++i];
  else if (a === '--only') only = new Set(argv[++i].split(','));
  else if (a === '-h' || a === '--help') {
    console.log('usage: node check.mjs BASE_URL [--dir BUILT_DIR] [--only axe,layout,links]');
    process.exit(0);
  } else if (a.startsWith('-')) fatal(`unknown option ${a}`);
  else base = a;
}
if (!base) fatal('no base URL given (e.g. http://127.0.0.1:8080/portal/zfxxgk/)');
if (!base.endsWith('/')) base += '/';
const BASE = new URL(base);

// Documents of fixtures/documents/ (run.sh adds them, and 21 notices, to the example).
const DOC_REPEALED = 'documents/qingshui/2024-1/index.html';
const DOC_INTERPRETED = 'documents/qingshui/2024-2/index.html';
const DOC_INTERPRETATION = 'documents/qingshui/2024-2-jd/index.html';
// The pages, one or more of each type. 404.html is loaded directly (it is a file of the site).
const PAGES = [
  ['home', 'index.html'],
  ['report', 'reports/baibu/2020/index.html'],
  ['report', 'reports/huaian/2024/index.html'],
  // fixtures/as-published: kept as published, with a 数据核对提示 box and empty cells.
  ['report', 'reports/qingshui/2023/index.html'],
  // A draft (run.sh builds with --drafts): its 草稿 banner; its agency and year list it marked.
  ['report', 'reports/baibu/2022/index.html'],
  ['agency', 'agencies/baibu/index.html'],
  // fixtures/hierarchy: a county whose page lists the town under it (下级机构).
  ['agency', 'agencies/shuixiang/index.html'],
  ['agencies', 'agencies/index.html'],
  ['year', 'years/2024/index.html'],
  // With fixtures/hierarchy: 各上级机构汇总 (水乡县 over 西塘镇), a 不详 cell in the 汇总.
  ['year', 'years/2020/index.html'],
  ['year', 'years/2022/index.html'],
  ['years', 'years/index.html'],
  ['page', 'pages/guide/index.html'],
  ['page', 'pages/rules/index.html'],
  // The catalogue (政府信息公开目录): a repealed document with attachments and the document that
  // replaced it, which lists its 解读; a 解读; listings paginated, the only-in-force variant, the overview.
  ['document', DOC_REPEALED],
  ['document', DOC_INTERPRETED],
  ['document', DOC_INTERPRETATION],
  ['documents', 'documents/index.html'],
  ['documents', 'documents/page/2/index.html'],
  ['documents', 'documents/valid/index.html'],
  ['documents', 'documents/agencies/qingshui/page/2/index.html'],
  ['documents', 'documents/items/11/valid/index.html'],
  ['documents-overview', 'documents/overview/index.html'],
  ['404', '404.html'],
];
const NO_SIDEWAYS = [
  'reports/baibu/2020/index.html',
  'reports/huaian/2024/index.html',
  'reports/qingshui/2023/index.html',
  'reports/baibu/2022/index.html',
  'agencies/baibu/index.html',
  'agencies/huaian/index.html',
  'agencies/shuixiang/index.html',
  'years/2024/index.html',
  'years/2020/index.html',
  DOC_REPEALED,
  'documents/index.html',
  'documents/page/2/index.html',
  'documents/overview/index.html',
];
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Experimental, so never run by a tag run: switched on by name.
  rules: { 'td-has-header': { enabled: true }, 'table-fake-caption': { enabled: true } },
  resultTypes: ['violations'],
};
const LARGE_LABEL = '大字号 高对比';

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
function fatal(msg) {
  console.error(`check.mjs: ${msg}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(2);
}
const rel = (u) => (u.startsWith(BASE.href) ? u.slice(BASE.href.length) || './' : u);

// ---------------------------------------------------------------- modules

function loadDeps() {
  const req = depsRequire();
  if (!req) fatal(`playwright-core / axe-core not found in ${DEPS}/node_modules nor tests/browser/node_modules.\n${INSTALL_HINT}`);
  const axeSource = fs.readFileSync(req.resolve('axe-core/axe.min.js'), 'utf8');
  return { playwright: req('playwright-core'), axeSource, axeVersion: req('axe-core/package.json').version };
}

// ---------------------------------------------------------------- browser


async function newPage(browser, width, height = 900) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  return { context, page };
}

async function open(page, url) {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res) throw new Error(`no response for ${url}`);
  if (res.status() !== 200) throw new Error(`HTTP ${res.status()} for ${url}`);
  return res;
}

// Runs axe in the page and returns the violations (null and a message if axe could not run).
async function axe(page, axeSource) {
  // Injected through CDP: a page's CSP cannot block it.
  await page.evaluate(axeSource);
  return page.evaluate(async (options) => {
    const r = await window.axe.run(document, options);
    return { violations: r.violations, version: r.testEngine.version };
  }, AXE_OPTIONS);
}

function describeViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`${v.id} [${v.impact}] ${v.help} (${v.nodes.length} node(s))  ${v.helpUrl}`);
    for (const n of v.nodes) {
      lines.push(`  target: ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', ')}`);
      lines.push(`  html:   ${n.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      for (const s of (n.failureSummary || '').split('\n')) if (s.trim()) lines.push(`  ${s.trim()}`);
    }
  }
  return lines;
}

async function switchLargeText(page) {
  // With JavaScript the choice is kept across pages: it may be on already.
  if (!(await page.evaluate(() => document.querySelector('#a11y-large')?.checked)))
    await page.getByText(LARGE_LABEL, { exact: true }).click();
  const state = await page.evaluate(() => ({
    checked: document.querySelector('#a11y-large')?.checked ?? null,
    fontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
  }));
  if (state.checked !== true) throw new Error(`#a11y-large is not checked after clicking 「${LARGE_LABEL}」`);
  if (!(state.fontSize > 16)) throw new Error(`large-text mode has no effect: html font-size ${state.fontSize}px`);
  return state;
}

// ---------------------------------------------------------------- (a) axe

async function checkAxe(browser, axeSource) {
  const runs = [];
  for (const width of [1280, 390]) {
    for (const [kind, p] of PAGES) runs.push({ width, kind, p, large: false });
  }
  for (const width of [1280, 390]) {
    for (const [kind, p] of PAGES) if (kind === 'report') runs.push({ width, kind, p, large: true });
  }
  const contexts = new Map();
  for (const run of runs) {
    if (!contexts.has(run.width)) contexts.set(run.width, await newPage(browser, run.width));
    const { page } = contexts.get(run.width);
    const name = `axe ${run.width}px ${run.large ? `「${LARGE_LABEL}」 ` : ''}${run.p}`;
    try {
      await open(page, new URL(run.p, BASE).href);
      let note = '';
      if (run.large) {
        const s = await switchLargeText(page);
        note = `html font-size ${s.fontSize}px; `;
      }
      const { violations } = await axe(page, axeSource);
      if (violations.length === 0) pass(name, `${note}0 violations`);
      else fail(name, describeViolations(violations));
      if (run.width === 1280 && !run.large) await checkShown(page, run.p);
    } catch (e) {
      fail(name, [String(e.message || e).split('\n')[0]]);
    }
  }
  // The experimental rules must really have run (a tag run alone would skip them).
  const { page } = contexts.get(1280);
  try {
    await open(page, new URL('reports/huaian/2024/index.html', BASE).href);
    await page.evaluate(axeSource);
    const ran = await page.evaluate(async (options) => {
      const r = await window.axe.run(document, { ...options, resultTypes: undefined });
      const ids = new Set();
      for (const k of ['violations', 'passes', 'incomplete', 'inapplicable']) for (const x of r[k]) ids.add(x.id);
      return ['td-has-header', 'table-fake-caption'].filter((id) => ids.has(id));
    }, AXE_OPTIONS);
    if (ran.length === 2) pass('axe ran the experimental rules td-has-header and table-fake-caption');
    else fail('axe ran the experimental rules td-has-header and table-fake-caption', [`only ran: ${ran.join(', ') || 'none'}`]);
  } catch (e) {
    fail('axe ran the experimental rules', [String(e.message || e).split('\n')[0]]);
  }
  for (const { context } of contexts.values()) await context.close();
}

// What axe checked is there: the site's identity in the footer of every page type (404 included),
// and the example report's attachment list, so that their 0 violations are not vacuous.
async function checkShown(page, p) {
  const shown = await page.evaluate(() => ({
    icp: !!document.querySelector('footer .site-records a[href="https://beian.miit.gov.cn/"]'),
    police: !!document.querySelector('footer .site-records a[href^="https://beian.mps.gov.cn/"]'),
    sponsor: /主办单位：/.test(document.querySelector('footer')?.textContent || ''),
    attachments: document.querySelectorAll('.attachments li a').length,
    parentTotals: document.querySelectorAll('[aria-labelledby="gk-parent-totals"] table').length,
    unknown: document.querySelectorAll('td.unknown').length,
    children: document.querySelectorAll('[aria-labelledby="gk-children"] a').length,
  }));
  const name = `the footer of ${p} shows the site's identity`;
  if (shown.icp && shown.police && shown.sponsor) pass(name);
  else fail(name, [JSON.stringify(shown)]);
  if (p === 'reports/huaian/2024/index.html') {
    const list = `${p} lists its attachment`;
    if (shown.attachments >= 1) pass(list, `${shown.attachments} attachment(s)`);
    else fail(list, ['no .attachments li a']);
  }
  // fixtures/hierarchy: what axe checked of the hierarchy is there.
  if (p === 'years/2020/index.html') {
    const name = `${p} shows 各上级机构汇总 with a 不详 cell`;
    if (shown.parentTotals >= 1 && shown.unknown >= 1) pass(name, `${shown.parentTotals} table(s), ${shown.unknown} 不详`);
    else fail(name, [JSON.stringify(shown)]);
  }
  if (p === 'agencies/shuixiang/index.html') {
    const name = `${p} lists its 下级机构`;
    if (shown.children >= 1) pass(name, `${shown.children} link(s)`);
    else fail(name, [JSON.stringify(shown)]);
  }
}

// ---------------------------------------------------------------- (b) no sideways scrolling

async function checkLayout(browser) {
  const { context, page } = await newPage(browser, 360, 800);
  const runs = NO_SIDEWAYS.map((p) => ({ p, large: false }));
  for (const [kind, p] of PAGES) if (kind === 'report') runs.push({ p, large: true });
  for (const { p, large } of runs) {
    const name = `no sideways scroll at 360px ${large ? `「${LARGE_LABEL}」 ` : ''}${p}`;
    try {
      await open(page, new URL(p, BASE).href);
      if (large) await switchLargeText(page);
      const m = await page.evaluate(() => {
        const de = document.documentElement;
        const cw = de.clientWidth;
        // Which elements stick out (outside any scrolling container)? For the message only.
        const culprits = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right <= cw + 0.5 || r.width === 0) continue;
          let clipped = false;
          for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            const ox = getComputedStyle(a).overflowX;
            if (ox !== 'visible') {
              clipped = true;
              break;
            }
          }
          if (clipped) continue;
          const parentOut = el.parentElement && el.parentElement.getBoundingClientRect().right > cw + 0.5;
          if (!parentOut) {
            const id = el.id ? `#${el.id}` : '';
            const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
            culprits.push(`<${el.tagName.toLowerCase()}${id}${cls}> right edge ${Math.round(r.right)}px`);
          }
        }
        return { sw: de.scrollWidth, cw, culprits: culprits.slice(0, 8) };
      });
      if (m.sw <= m.cw) pass(name, `scrollWidth ${m.sw} <= clientWidth ${m.cw}`);
      else fail(name, [`scrollWidth ${m.sw} > clientWidth ${m.cw}`, ...m.culprits.map((c) => `sticks out: ${c}`)]);
    } catch (e) {
      fail(name, [String(e.message || e).split('\n')[0]]);
    }
  }
  await context.close();
}

// ---------------------------------------------------------------- (c) link crawl

async function checkLinks(browser) {
  const { context, page } = await newPage(browser, 1280);
  const request = context.request;
  const start = BASE.href;
  const queue = [start];
  const seen = new Set([start]);
  const results = new Map(); // url -> {status, type}
  const referrers = new Map(); // url (no fragment) -> Set of pages linking to it
  const idsOf = new Map(); // html page url -> Set of ids/names
  const fragments = new Map(); // url#frag -> Set of referring pages
  const escapes = []; // {from, tag, raw, url}
  const external = new Set();
  let productionBase = null; // from the home page's <link rel=canonical>

  const addRef = (map, key, from) => {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key).add(from);
  };

  while (queue.length) {
    const url = queue.shift();
    let res;
    try {
      res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 });
    } catch (e) {
      results.set(url, { status: 0, error: String(e.message || e).split('\n')[0] });
      continue;
    }
    const type = (res.headers()['content-type'] || '').split(';')[0].trim();
    results.set(url, { status: res.status(), type });
    if (res.status() !== 200 || type !== 'text/html') continue;

    // An HTML page: load it in the browser and read its links.
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const found = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('a[href], area[href], link[href], img[src], script[src]')) {
        const attr = el.hasAttribute('href') ? 'href' : 'src';
        out.push({
          tag: el.tagName.toLowerCase(),
          rel: (el.getAttribute('rel') || '').toLowerCase(),
          raw: el.getAttribute(attr),
          abs: new URL(el.getAttribute(attr), document.baseURI).href,
        });
      }
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const names = [...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name'));
      return { links: out, ids: [...ids, ...names] };
    });
    idsOf.set(url, new Set(found.ids));
    if (url === start) {
      const canon = found.links.find((l) => l.tag === 'link' && l.rel.split(/\s+/).includes('canonical'));
      if (canon && /^https?:/.test(canon.abs)) productionBase = canon.abs.replace(/[^/]*$/, '');
    }
    for (const l of found.links) {
      const u = new URL(l.abs);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue; // data:, mailto:, tel:
      const isCanonical = l.tag === 'link' && l.rel.split(/\s+/).includes('canonical');
      if (u.origin !== BASE.origin) {
        // The canonical link is meant to be absolute; any other link to the production site
        // would not follow the site to another address.
        if (productionBase && !isCanonical && u.href.startsWith(productionBase)) {
          escapes.push({ from: url, tag: l.tag, raw: l.raw, url: u.href, why: 'absolute link to the production site' });
        } else if (!isCanonical) external.add(u.href);
        continue;
      }
      if (!u.pathname.startsWith(BASE.pathname)) {
        escapes.push({ from: url, tag: l.tag, raw: l.raw, url: u.href, why: `leaves ${BASE.pathname}` });
        continue;
      }
      const frag = u.hash;
      u.hash = '';
      const target = u.href;
      addRef(referrers, target, url);
      if (frag && frag !== '#') addRef(fragments, `${target}${frag}`, url);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }

  // Every fetched URL: 200, nothing else (a redirect is a link to fix, too).
  for (const [url, r] of results) {
    const name = `link ${rel(url)}`;
    const from = [...(referrers.get(url) || [])].map(rel);
    if (r.status === 200) pass(name, `200 ${r.type}`);
    else
      fail(name, [
        r.status ? `HTTP ${r.status}` : `no response: ${r.error}`,
        ...(from.length ? [`linked from: ${from.slice(0, 5).join(', ')}`] : []),
      ]);
  }
  for (const e of escapes) {
    fail(`link escapes the sub-path: <${e.tag}> "${e.raw}" on ${rel(e.from)}`, [`resolves to ${e.url} (${e.why})`]);
  }
  // Fragments: #id must exist on the target page.
  for (const [key, from] of fragments) {
    const [target, frag] = [key.slice(0, key.indexOf('#')), key.slice(key.indexOf('#') + 1)];
    const ids = idsOf.get(target);
    if (!ids) continue; // target not HTML or not 200: already failed above
    let id = frag;
    try {
      id = decodeURIComponent(frag);
    } catch {
      /* keep raw */
    }
    const name = `fragment ${rel(target)}#${id}`;
    if (ids.has(id)) pass(name);
    else fail(name, [`no element with id "${id}"`, `linked from: ${[...from].map(rel).slice(0, 5).join(', ')}`]);
  }
  // Every built page reached?
  if (builtDir) {
    const name = `every built page is reached from the home page (${builtDir})`;
    const missing = [];
    const walk = (d) => {
      for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
        const f = path.join(d, ent.name);
        if (ent.isDirectory()) walk(f);
        else if (ent.name.endsWith('.html')) {
          const r = path.relative(builtDir, f).split(path.sep).join('/');
          if (r === '404.html') continue;
          const asUrl = new URL(r, BASE).href;
          const asDir = r.endsWith('index.html') ? new URL(r.slice(0, -'index.html'.length), BASE).href : null;
          if (!results.has(asUrl) && !(asDir && results.has(asDir))) missing.push(r);
        }
      }
    };
    walk(builtDir);
    if (missing.length === 0) pass(name);
    else fail(name, missing.map((m) => `not linked: ${m}`));
  }
  // 404.html is served at any address, so its links cannot be relative: they are root-absolute
  // under the path of base_url (site.toml). Each must stay under that path and, moved to the
  // test's sub-path, name an existing page.
  if (productionBase) {
    const prodPath = new URL(productionBase).pathname;
    const name = `404.html links stay under base_url's path ${prodPath} and reach existing pages`;
    const problems = [];
    await page.goto(new URL('404.html', BASE).href, { waitUntil: 'domcontentloaded' });
    const raws = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], link[href], img[src], script[src]')].map((e) =>
        e.getAttribute(e.hasAttribute('href') ? 'href' : 'src'),
      ),
    );
    for (const raw of raws) {
      if (/^(data:|mailto:|tel:|#)/.test(raw)) continue;
      const u = new URL(raw, productionBase);
      if (u.origin !== new URL(productionBase).origin) continue;
      if (!u.pathname.startsWith(prodPath)) {
        problems.push(`"${raw}" leaves ${prodPath}`);
        continue;
      }
      const moved = new URL(u.pathname.slice(prodPath.length), BASE).href;
      const r = await request.get(moved, { maxRedirects: 0, failOnStatusCode: false });
      if (r.status() !== 200) problems.push(`"${raw}" → ${rel(moved)}: HTTP ${r.status()}`);
    }
    if (problems.length === 0) pass(name, `${raws.length} link(s)`);
    else fail(name, problems);
  }
  // The server's own 404: a missing page and a path outside the sub-path.
  for (const u of [new URL('no-such-page/', BASE).href, new URL('/', BASE).href]) {
    const name = `HTTP 404 with the site's 404 page for ${u}`;
    const r = await request.get(u, { maxRedirects: 0, failOnStatusCode: false });
    const body = await r.text();
    if (r.status() === 404 && body.includes('页面未找到')) pass(name);
    else fail(name, [`HTTP ${r.status()}, ${body.includes('页面未找到') ? '' : 'not '}the site's 404 body`]);
  }
  const htmlCount = [...results.values()].filter((r) => r.type === 'text/html').length;
  console.log(
    `     crawl: ${results.size} URL(s) fetched (${htmlCount} HTML), ${escapes.length} escaping, ` +
      `${fragments.size} fragment link(s), ${external.size} external link(s) not fetched` +
      (external.size ? `: ${[...external].slice(0, 5).join(' ')}` : ''),
  );
  await context.close();
}

// ---------------------------------------------------------------- main

const { playwright, axeSource, axeVersion } = loadDeps();
const [browser, executablePath] = await launchChromium(playwright, BASE, fatal);
console.log(`checking ${BASE.href} with ${executablePath} ${browser.version()}, axe-core ${axeVersion}`);
const t0 = Date.now();
try {
  if (only.has('axe')) await checkAxe(browser, axeSource);
  if (only.has('layout')) await checkLayout(browser);
  if (only.has('links')) await checkLinks(browser);
} catch (e) {
  fail('browser checks stopped', [String(e.stack || e)]);
} finally {
  await browser.close();
}
console.log(`     browser checks took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
