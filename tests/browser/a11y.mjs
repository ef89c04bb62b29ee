#!/usr/bin/env node
// a11y.mjs — accessibility checks that axe and vnu cannot make, in Debian's headless Chromium.
//
//   node tests/browser/a11y.mjs http://127.0.0.1:PORT/portal/zfxxgk/ [--only zoom,spacing,keyboard,sr,large]
//
// (zoom)     At 320 CSS px (1280 px at 400 % zoom, WCAG 1.4.10) no page scrolls sideways, in the
//            normal and the 「大字号 高对比」 mode. Every table wider than that scrolls inside its own
//            region: role=region, a name (aria-labelledby), tabindex=0; scrolled to its right end,
//            each row's label (its last th) is still in view (sticky), and its last data cell is
//            wholly in view beside it.
// (spacing)  WCAG 1.4.12: with line-height 1.5, paragraph spacing 2em, letter-spacing 0.12em and
//            word-spacing 0.16em forced on every element, no element with overflow hidden/clip
//            cuts off its text (scrollWidth/scrollHeight > clientWidth/clientHeight), at 1280 and
//            320 px; at 320 px the page still does not scroll sideways.
// (keyboard) Only Tab, Shift+Tab and Enter, from the home page: the skip link, the 适老化 switch,
//            the agencies list, an agency page, a report page, both data downloads (report.json,
//            report.csv: Enter starts the download), the year page (Shift+Tab back to it), a plain
//            page, the 404 page's way home (no page links to 404.html: it is opened directly), the
//            catalogue (its listing from the main navigation, the next page, the only-in-force
//            link, a document and its 解读) and the search, if the home page has one. At every stop the focus is visible (an outline
//            of 2 px or more, or a box-shadow, that the element does not have unfocused) and not
//            covered (WCAG 2.4.11: elementFromPoint at the centre of its visible part is the
//            element or inside it).
// (sr)       What a screen reader reads, from Chromium's accessibility tree (CDP
//            Accessibility.getFullAXTree) and the `headers` of each cell as assistive technology
//            uses them: every data cell of a form table has its column path and (where the table
//            has row labels) its row path; table 三's cell 1.属于国家秘密 × 商业企业 reads
//            「三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密」 and 「申请人情况 › 法人或其他组织 ›
//            商业企业」, its headers being rowheader/columnheader nodes of the table named by its
//            caption; every page has one level-1 heading and no skipped level; each report page's
//            level-2 headings hold the six sections 一…六 in order; each chart (svg role=img) has a
//            name and description giving every year's figures of the table beside it; every page
//            is lang=zh-CN and any English phrase (three or more Latin words in a row) is inside an
//            element with lang=en. Single tokens (JSON, CSV, Atom, gongkai) are not marked: screen
//            readers spell or read them correctly inside Chinese text.
// (large)    The 「大字号 高对比」 switch. Without JavaScript it works on the page (CSS :has) and is
//            not kept (a static site has nowhere to keep it). With JavaScript the choice is kept
//            across pages (localStorage "gk-large"), is already on when <body> starts (so no flash
//            of small text), and switching it off is kept too; Enter toggles it as well as Space.
//            The switch and the main navigation links are at least 24×24 px (WCAG 2.5.8). No page
//            has a floating (fixed) element, pop-up, iframe, auto-refresh, endless animation or
//            autoplaying media (the 适老化 rules forbid adverts and pop-ups, and time limits).
//            No request of any of these tests leaves the site (no external font, script, counter).
// The last line is exactly "N passed, M failed"; exit 0 if M is 0, 1 if not, 2 if the checks could
// not run at all (no browser, server down).
//
// Dependencies: playwright-core, looked up like check.mjs does. Browser: $CHROMIUM or
// /usr/bin/chromium; nothing is ever downloaded.
import { DEPS, INSTALL_HINT, depsRequire, launchChromium } from './common.mjs';

let passed = 0;
let failed = 0;

const argv = process.argv.slice(2);
let base = null;
let only = new Set(['zoom', 'spacing', 'keyboard', 'sr', 'large']);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--only') only = new Set(argv[++i].split(','));
  else if (a === '-h' || a === '--help') {
    console.log('usage: node a11y.mjs BASE_URL [--only zoom,spacing,keyboard,sr,large]');
    process.exit(0);
  } else if (a.startsWith('-')) fatal(`unknown option ${a}`);
  else base = a;
}
if (!base) fatal('no base URL given (e.g. http://127.0.0.1:8080/portal/zfxxgk/)');
if (!base.endsWith('/')) base += '/';
const BASE = new URL(base);
const url = (p) => new URL(p, BASE).href;
const rel = (u) => (u.startsWith(BASE.href) ? u.slice(BASE.href.length) || './' : u);

// Every page of the example site, one or more of each type.
const PAGES = [
  'index.html',
  'agencies/index.html',
  'agencies/baibu/index.html',
  'agencies/huaian/index.html',
  'years/index.html',
  'years/2020/index.html',
  'years/2024/index.html',
  'reports/baibu/2020/index.html',
  'reports/huaian/2024/index.html',
  'reports/qingshui/2023/index.html', // fixtures/as-published (run.sh adds it to the example)
  'pages/guide/index.html',
  'pages/rules/index.html',
  // The catalogue (fixtures/documents and the notices run.sh generates): a 废止 document with an
  // attachment, a 解读, a listing's second page, the only-in-force variant, the overview.
  'documents/qingshui/2024-1/index.html',
  'documents/qingshui/2024-2-jd/index.html',
  'documents/index.html',
  'documents/page/2/index.html',
  'documents/valid/index.html',
  'documents/overview/index.html',
  '404.html',
];
const REPORTS = PAGES.filter((p) => p.startsWith('reports/'));
const AGENCIES = ['agencies/baibu/index.html', 'agencies/huaian/index.html'];
const SECTIONS = ['总体情况', '主动公开', '收到和处理', '行政复议', '存在的主要问题', '其他需要报告'];
const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const LARGE_LABEL = '大字号 高对比';

function pass(name, note = '') {
  passed++;
  console.log(`ok   ${name}${note ? `  ${note}` : ''}`);
}
function fail(name, lines = []) {
  failed++;
  console.log(`FAIL ${name}`);
  for (const l of lines.slice(0, 12)) console.log(`       ${l}`);
  if (lines.length > 12) console.log(`       … and ${lines.length - 12} more`);
}
function fatal(msg) {
  console.error(`a11y.mjs: ${msg}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(2);
}
const msg = (e) => String(e.message || e).split('\n')[0];
// Runs one named check; an exception is a failure of that check, not of the run.
async function check(name, fn) {
  try {
    const r = await fn();
    if (!r || r.ok) pass(name, r?.note || '');
    else fail(name, r.lines || []);
  } catch (e) {
    fail(name, [msg(e)]);
  }
}

// ---------------------------------------------------------------- browser

const requests = []; // every request of every context: none may leave the site
async function newContext(browser, opts = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    ...opts,
  });
  context.setDefaultTimeout(30_000);
  context.on('request', (r) => requests.push(r.url()));
  return context;
}

async function open(page, p) {
  const res = await page.goto(url(p), { waitUntil: 'load' });
  if (!res) throw new Error(`no response for ${p}`);
  if (res.status() !== 200) throw new Error(`HTTP ${res.status()} for ${p}`);
}

// The WCAG 1.4.12 text spacing bookmarklet, as a style sheet.
const TEXT_SPACING = `*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

// Switches the large-text mode on (a choice kept from an earlier page may have done so already).
async function largeOn(page) {
  if (!(await page.evaluate(() => document.querySelector('#a11y-large').checked)))
    await page.getByText(LARGE_LABEL, { exact: true }).click();
  const fs = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  if (!(fs > 16)) throw new Error(`large-text mode has no effect: html font-size ${fs}px`);
}

// In the page: how wide the document is, and what sticks out (outside any scroller).
function sidewaysInPage() {
  const de = document.documentElement;
  const cw = de.clientWidth;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right <= cw + 0.5 || r.width === 0) continue;
    let inScroller = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') inScroller = true;
    }
    if (inScroller) continue;
    if (el.parentElement && el.parentElement.getBoundingClientRect().right > cw + 0.5) continue;
    culprits.push(`<${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}> right edge ${Math.round(r.right)}px`);
  }
  return { sw: de.scrollWidth, cw, culprits: culprits.slice(0, 6) };
}

// ---------------------------------------------------------------- (zoom) reflow at 320 px

async function checkZoom(browser) {
  const context = await newContext(browser, { viewport: { width: 320, height: 700 } });
  const page = await context.newPage();
  const runs = PAGES.map((p) => ({ p, large: false }));
  for (const p of [...REPORTS, ...AGENCIES, 'years/2024/index.html']) runs.push({ p, large: true });
  for (const { p, large } of runs) {
    const mode = large ? `「${LARGE_LABEL}」 ` : '';
    await check(`reflow: no sideways scroll at 320px (400% zoom) ${mode}${p}`, async () => {
      await open(page, p);
      if (large) await largeOn(page);
      const m = await page.evaluate(sidewaysInPage);
      if (m.sw <= m.cw) return { ok: true, note: `scrollWidth ${m.sw} <= ${m.cw}` };
      return { ok: false, lines: [`scrollWidth ${m.sw} > clientWidth ${m.cw}`, ...m.culprits.map((c) => `sticks out: ${c}`)] };
    });
    // Wide tables: their own labelled, focusable scroller, row labels in view at the right end.
    await check(`reflow: wide tables scroll in a labelled focusable region, row labels stay in view at 320px ${mode}${p}`, async () => {
      const r = await page.evaluate(() => {
        const problems = [];
        let wide = 0;
        let rowsChecked = 0;
        const scrollers = new Set();
        for (const t of document.querySelectorAll('main table')) {
          // The element that scrolls it: the table itself (Markdown tables) or an ancestor.
          let s = t;
          while (s && s !== document.body && !['auto', 'scroll'].includes(getComputedStyle(s).overflowX)) s = s.parentElement;
          if (!s || s === document.body) {
            if (t.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              problems.push(`table "${t.caption?.textContent.trim().slice(0, 30) || '?'}" sticks out and is not in a scroller`);
            continue;
          }
          if (s.scrollWidth <= s.clientWidth + 1) continue;
          wide++;
          scrollers.add(s);
          const cap = t.caption?.textContent.trim().slice(0, 30) || t.id || '(table)';
          const role = s.getAttribute('role');
          const labelIds = (s.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
          const name = (s.getAttribute('aria-label') || labelIds.map((id) => document.getElementById(id)?.textContent || '').join(' ')).trim();
          if (role !== 'region') problems.push(`${cap}: its scroller has role=${role}, not region`);
          if (!name) problems.push(`${cap}: its scroller has no name (aria-labelledby / aria-label)`);
          if (s.tabIndex !== 0 || s.getAttribute('tabindex') !== '0') problems.push(`${cap}: its scroller is not keyboard-focusable (tabindex=0)`);
          // Scrolled to the right end: each row's label is still in the region, visible, narrow enough.
          s.scrollLeft = s.scrollWidth;
          const sr = s.getBoundingClientRect();
          for (const tr of t.tBodies.length ? [...t.tBodies].flatMap((b) => [...b.rows]) : []) {
            const tds = [...tr.cells].filter((c) => c.tagName === 'TD');
            const ths = [...tr.cells].filter((c) => c.tagName === 'TH');
            if (!tds.length || !ths.length) continue;
            const label = ths[ths.length - 1];
            window.scrollTo({ left: 0, top: window.scrollY + tr.getBoundingClientRect().top - 200, behavior: 'instant' });
            const lr = label.getBoundingClientRect();
            const x = Math.max(lr.left, sr.left) + 4;
            const y = lr.top + Math.min(lr.height / 2, 12);
            const hit = document.elementFromPoint(x, y);
            rowsChecked++;
            if (lr.left < sr.left - 1 || !hit || !(hit === label || label.contains(hit)))
              problems.push(`${cap}: row label 「${label.textContent.trim().slice(0, 20)}」 is out of view when scrolled right (under ${hit ? hit.tagName.toLowerCase() + ' ' + (hit.textContent || '').trim().slice(0, 12) : 'nothing'})`);
            // Beside the label, the row's last cell is wholly in view: the label leaves room for data.
            const last = tds[tds.length - 1].getBoundingClientRect();
            const lastHit = document.elementFromPoint(last.left + last.width / 2, last.top + last.height / 2);
            if (last.left < lr.right - 1 || last.right > sr.left + s.clientWidth + 1 || !lastHit || !(lastHit === tds[tds.length - 1] || tds[tds.length - 1].contains(lastHit)))
              problems.push(`${cap}: row 「${label.textContent.trim().slice(0, 20)}」: its label (${Math.round(lr.right - sr.left)}px of ${s.clientWidth}px) leaves no room for its last cell (${Math.round(last.left - sr.left)}–${Math.round(last.right - sr.left)}px)`);
          }
          s.scrollLeft = 0;
        }
        return { problems, wide, rowsChecked };
      });
      if (/^reports\//.test(p) && r.wide === 0) return { ok: false, lines: ['no table is wider than 320px on a report page: the test checks nothing (did the page change?)'] };
      if (r.problems.length) return { ok: false, lines: r.problems };
      return { ok: true, note: `${r.wide} wide table(s), ${r.rowsChecked} row label(s) in view` };
    });
  }
  await context.close();
}

// ---------------------------------------------------------------- (spacing) WCAG 1.4.12

function clippedInPage() {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    const clipX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
    const clipY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
    if (!clipX && !clipY) continue;
    if (!el.textContent.trim() || el.getClientRects().length === 0) continue;
    const x = clipX && el.scrollWidth > el.clientWidth + 1;
    const y = clipY && el.scrollHeight > el.clientHeight + 1;
    if (x || y) {
      const id = el.id ? `#${el.id}` : el.className ? `.${String(el.className).split(' ').join('.')}` : '';
      out.push(`<${el.tagName.toLowerCase()}${id}> 「${el.textContent.trim().slice(0, 20)}」 clipped: ` +
        `${x ? `scrollWidth ${el.scrollWidth} > ${el.clientWidth} ` : ''}${y ? `scrollHeight ${el.scrollHeight} > ${el.clientHeight}` : ''}`);
    }
  }
  return out;
}

async function checkSpacing(browser) {
  for (const width of [1280, 320]) {
    const context = await newContext(browser, { viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const p of PAGES) {
      await check(`text spacing (WCAG 1.4.12) clips no text at ${width}px ${p}`, async () => {
        await open(page, p);
        await page.addStyleTag({ content: TEXT_SPACING });
        const lh = await page.evaluate(() => getComputedStyle(document.querySelector('main p, main li, main td') || document.body).letterSpacing);
        if (lh === 'normal' || lh === '0px') throw new Error('the text spacing style was not applied');
        const clipped = await page.evaluate(clippedInPage);
        const lines = [...clipped];
        if (width === 320) {
          const m = await page.evaluate(sidewaysInPage);
          if (m.sw > m.cw) lines.push(`scrolls sideways: scrollWidth ${m.sw} > ${m.cw}`, ...m.culprits);
        }
        return lines.length ? { ok: false, lines } : { ok: true };
      });
    }
    await context.close();
  }
}

// ---------------------------------------------------------------- (keyboard)

// Runs in every page before its scripts: remembers each focusable element's look unfocused,
// and gives the test the focused element's state.
const FOCUS_PROBE = () => {
  const look = (el) => {
    const cs = getComputedStyle(el);
    return { os: cs.outlineStyle, ow: parseFloat(cs.outlineWidth) || 0, oc: cs.outlineColor, bs: cs.boxShadow };
  };
  const unfocused = new WeakMap();
  const snapshot = () => {
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]'))
      if (el !== document.activeElement && !unfocused.has(el)) unfocused.set(el, look(el));
  };
  document.addEventListener('DOMContentLoaded', snapshot);
  window.__gkFocus = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const before = unfocused.get(el) || { os: 'none', ow: 0, oc: '', bs: 'none' };
    const now = look(el);
    const transparent = (c) => /rgba\(.*,\s*0\)$/.test(c) || c === 'transparent';
    const outline = now.os !== 'none' && now.ow >= 2 && !transparent(now.oc) &&
      (before.os === 'none' || before.ow < 2 || before.oc !== now.oc || before.ow !== now.ow);
    const shadow = now.bs !== 'none' && now.bs !== before.bs;
    // The visible part of each of its boxes (a link wrapped over lines has several), and what is
    // on top at its centre: at least one box must show the element itself.
    const r = el.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    let covered = `not in the viewport (${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)})`;
    for (const b of el.getClientRects()) {
      const left = Math.max(b.left, 0), right = Math.min(b.right, vw), top = Math.max(b.top, 0), bottom = Math.min(b.bottom, vh);
      if (right - left < 1 || bottom - top < 1) continue;
      const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      if (hit && (hit === el || el.contains(hit))) {
        covered = null;
        break;
      }
      covered = `covered by <${hit ? hit.tagName.toLowerCase() + (hit.className ? '.' + String(hit.className).split(' ').join('.') : '') : 'nothing'}>`;
    }
    const text = (el.getAttribute('aria-label') || el.textContent || el.id || '').trim().replace(/\s+/g, ' ').slice(0, 30);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      type: el.type || '',
      href: el.getAttribute('href') || '',
      text,
      inMain: !!el.closest('main'),
      visible: outline || shadow,
      look: now,
      covered,
    };
  };
};

async function checkKeyboard(browser) {
  // Reduced motion: the theme scrolls smoothly otherwise, and a focused element would be checked
  // while it is still on its way into view.
  const context = await newContext(browser, { acceptDownloads: true, reducedMotion: 'reduce' });
  await context.addInitScript(FOCUS_PROBE);
  const page = await context.newPage();
  const focusProblems = new Map(); // page -> Set of problems
  const stops = new Map(); // page -> count
  const describe = (f) => `<${f.tag}${f.id ? '#' + f.id : ''}> 「${f.text}」${f.href ? ' ' + f.href : ''}`;

  // Presses `key` until the focused element matches, checking every stop on the way.
  async function tabTo(what, match, { key = 'Tab', max = 150 } = {}) {
    const where = rel(page.url());
    for (let i = 1; i <= max; i++) {
      await page.keyboard.press(key);
      const f = await page.evaluate(() => window.__gkFocus());
      if (!f) continue;
      stops.set(where, (stops.get(where) || 0) + 1);
      const probs = focusProblems.get(where) || new Set();
      if (!f.visible) probs.add(`no visible focus indicator on ${describe(f)} (outline ${f.look.os} ${f.look.ow}px ${f.look.oc}, box-shadow ${f.look.bs})`);
      if (f.covered) probs.add(`focused ${describe(f)} is ${f.covered}`);
      focusProblems.set(where, probs);
      if (match(f)) return { f, presses: i };
    }
    throw new Error(`${what}: not reached in ${max} × ${key} on ${where}`);
  }
  async function enterAndWait(expect) {
    const want = typeof expect === 'function' ? expect : (u) => u.href.includes(expect);
    await Promise.all([page.waitForURL(want, { waitUntil: 'load' }), page.keyboard.press('Enter')]);
  }
  const hrefHas = (s) => (f) => f.tag === 'a' && f.href.includes(s);

  // 1. home: skip link first, then the 适老化 switch, then the agencies list.
  await check('keyboard: the first Tab on the home page is the skip link, Enter moves into <main>', async () => {
    await open(page, 'index.html');
    const { f } = await tabTo('skip link', () => true, { max: 1 });
    if (!(f.tag === 'a' && f.href === '#main')) return { ok: false, lines: [`first stop is ${describe(f)}`] };
    await page.keyboard.press('Enter');
    const next = await tabTo('first link in main', () => true, { max: 1 });
    if (!next.f.inMain) return { ok: false, lines: [`after the skip link, Tab goes to ${describe(next.f)}, outside <main>`] };
    return { ok: true, note: `then ${describe(next.f)}` };
  });
  await check('keyboard: the 适老化 switch is reached by Tab and switched by Enter', async () => {
    await open(page, 'index.html');
    const { presses } = await tabTo('the switch', (f) => f.id === 'a11y-large');
    await page.keyboard.press('Enter');
    const on = await page.evaluate(() => [document.querySelector('#a11y-large').checked, getComputedStyle(document.documentElement).fontSize]);
    await page.keyboard.press('Enter');
    const off = await page.evaluate(() => [document.querySelector('#a11y-large').checked, getComputedStyle(document.documentElement).fontSize]);
    if (!on[0] || on[1] === '16px' || off[0] || off[1] !== '16px')
      return { ok: false, lines: [`after Enter: checked ${on[0]}, ${on[1]}; after a second Enter: checked ${off[0]}, ${off[1]}`] };
    return { ok: true, note: `${presses} Tab(s); on: ${on[1]}, off again: ${off[1]}` };
  });
  const journey = [
    ['home → agencies list (main navigation)', 'index.html', hrefHas('agencies/index.html'), 'agencies/index.html'],
    ['agencies list → agency page', null, hrefHas('agencies/huaian/'), 'agencies/huaian/'],
    ['agency page → report page', null, hrefHas('reports/huaian/2024/'), 'reports/huaian/2024/'],
  ];
  for (const [what, start, match, expect] of journey) {
    await check(`keyboard: ${what}`, async () => {
      if (start) await open(page, start);
      const { f, presses } = await tabTo(what, match);
      await enterAndWait(expect);
      return { ok: true, note: `${presses} Tab(s) to ${describe(f)}` };
    });
  }
  for (const ext of ['report.json', 'report.csv']) {
    await check(`keyboard: report page → download ${ext} with Enter`, async () => {
      if (!/reports\/huaian\/2024\/(index\.html)?$/.test(new URL(page.url()).pathname)) await open(page, 'reports/huaian/2024/index.html');
      const { presses } = await tabTo(ext, (f) => f.tag === 'a' && f.href.endsWith(ext));
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.keyboard.press('Enter')]);
      const name = dl.suggestedFilename();
      await dl.cancel().catch(() => {});
      if (!name.endsWith(ext.split('.')[1])) return { ok: false, lines: [`downloaded ${name}`] };
      return { ok: true, note: `${presses} Tab(s), downloads ${name}` };
    });
  }
  await check('keyboard: report page → year page, back with Shift+Tab', async () => {
    if (!/reports\/huaian\/2024\/(index\.html)?$/.test(new URL(page.url()).pathname)) await open(page, 'reports/huaian/2024/index.html');
    // From the downloads, the year link (发布机关 / 报告年度) is behind: go back to it.
    const { f, presses } = await tabTo('year link', hrefHas('years/2024/'), { key: 'Shift+Tab' });
    await enterAndWait('years/2024/');
    return { ok: true, note: `${presses} Shift+Tab(s) to ${describe(f)}` };
  });
  await check('keyboard: year page → plain page (main navigation)', async () => {
    const { f, presses } = await tabTo('plain page', hrefHas('pages/'));
    await enterAndWait('pages/');
    return { ok: true, note: `${presses} Tab(s) to ${describe(f)}` };
  });
  await check('keyboard: plain page → home (site title)', async () => {
    const { presses } = await tabTo('home', (f) => f.tag === 'a' && /(^|\/)index\.html$|^\.\.?\/?$/.test(f.href) && !f.inMain);
    await enterAndWait((u) => u.href === BASE.href || u.href === url('index.html'));
    if (!/\/(index\.html)?$/.test(new URL(page.url()).pathname)) return { ok: false, lines: [`landed on ${rel(page.url())}`] };
    return { ok: true, note: `${presses} Tab(s)` };
  });
  // 404: reached by a link if a page has one; no page of the example site does.
  await check('keyboard: 404 page → home', async () => {
    await open(page, 'index.html');
    const has404 = await page.evaluate(() => !!document.querySelector('a[href$="404.html"]'));
    if (has404) {
      await tabTo('404 link', hrefHas('404.html'));
      await enterAndWait('404.html');
    } else await open(page, '404.html');
    const { f, presses } = await tabTo('返回首页', (f) => f.inMain && f.text === '返回首页');
    // 404.html links are root-absolute under base_url's path (it is served at any address), so
    // under the test's sub-path they lead elsewhere: what counts is that Enter follows the link.
    const target = new URL(f.href, page.url()).href;
    await enterAndWait((u) => u.href === target);
    return { ok: true, note: `${has404 ? 'linked' : 'opened directly (no page links to 404.html)'}; ${presses} Tab(s), Enter → ${f.href}` };
  });
  // The catalogue: the main navigation, the pagination, the only-in-force link, a document, its 解读.
  const catalogue = [
    ['home → catalogue (main navigation)', 'index.html', (f) => hrefHas('documents/index.html')(f) && !f.inMain, 'documents/index.html'],
    ['catalogue → its second page (pagination)', null, hrefHas('documents/page/2/'), 'documents/page/2/'],
    ['second page → only documents in force (a plain link)', null, hrefHas('documents/valid/'), 'documents/valid/'],
    ['listing → a document', 'documents/agencies/qingshui/page/2/index.html', hrefHas('documents/qingshui/2024-2/'), 'documents/qingshui/2024-2/'],
    ['document → its 解读', null, hrefHas('documents/qingshui/2024-2-jd/'), 'documents/qingshui/2024-2-jd/'],
  ];
  for (const [what, start, match, expect] of catalogue) {
    await check(`keyboard: ${what}`, async () => {
      if (start) await open(page, start);
      const { f, presses } = await tabTo(what, match);
      await enterAndWait(expect);
      return { ok: true, note: `${presses} Tab(s) to ${describe(f)}` };
    });
  }
  // Search: not built yet. Found by role=search, a search field or a link named 搜索/检索.
  await open(page, 'index.html');
  const search = await page.evaluate(() => {
    const field = document.querySelector('[role="search"] input, input[type="search"], form[role="search"]');
    if (field) return { kind: 'field' };
    // The site's own search: a link off the site (the footer's 公安 registry query, `…/webSearch?code=…`) is none.
    const own = (a) => new URL(a.href, location.href).origin === location.origin;
    const link = [...document.querySelectorAll('a[href]')].find((a) => own(a) && (/搜索|检索/.test(a.textContent) || /search/i.test(a.getAttribute('href'))));
    return link ? { kind: 'link', href: link.getAttribute('href') } : null;
  });
  if (!search) console.log('--   keyboard: the home page has no search (no role=search, search field or 搜索 link): nothing to reach yet');
  else
    await check(`keyboard: home → search (${search.kind})`, async () => {
      if (search.kind === 'field') {
        const { presses } = await tabTo('search field', (f) => f.tag === 'input' && (f.type === 'search' || f.type === 'text'));
        return { ok: true, note: `${presses} Tab(s)` };
      }
      const { presses } = await tabTo('search link', (f) => f.href === search.href);
      await page.keyboard.press('Enter');
      await page.waitForLoadState('load');
      return { ok: true, note: `${presses} Tab(s)` };
    });
  // Every stop on the way: focus visible and not covered. Plus a full Tab walk of the two pages with
  // the most (and scrolled) stops: the report and the year page, normal and large text.
  // At 320 px the links inside wide tables scroll beside the sticky row labels: never under them.
  const walks = [
    ['reports/huaian/2024/index.html', false, 1280],
    ['years/2024/index.html', false, 1280],
    ['reports/huaian/2024/index.html', true, 1280],
    ['years/2024/index.html', false, 320],
    ['agencies/huaian/index.html', true, 320],
  ];
  for (const [p, large, width] of walks) {
    const key = `${p}${large ? ' 「大字号」' : ''} at ${width}px`;
    try {
      await page.setViewportSize({ width, height: width === 320 ? 700 : 900 });
      await open(page, p);
      if (large) await largeOn(page);
    } catch (e) {
      fail(`keyboard: focus visible and not covered (WCAG 2.4.7, 2.4.11) on ${key} (whole page)`, [msg(e)]);
      continue;
    }
    const before = { s: stops.get(rel(page.url())), p: focusProblems.get(rel(page.url())) };
    stops.delete(rel(page.url()));
    focusProblems.delete(rel(page.url()));
    try {
      await tabTo('the end of the page', (f) => f.text.startsWith('订阅更新'), { max: 300 });
    } catch (e) {
      focusProblems.set(rel(page.url()), new Set([...(focusProblems.get(rel(page.url())) || []), msg(e)]));
    }
    const s = stops.get(rel(page.url())) || 0;
    const probs = focusProblems.get(rel(page.url())) || new Set();
    stops.delete(rel(page.url()));
    focusProblems.delete(rel(page.url()));
    if (before.s) stops.set(rel(page.url()), before.s);
    if (before.p) focusProblems.set(rel(page.url()), before.p);
    stops.set(key + ' (whole page)', s);
    focusProblems.set(key + ' (whole page)', probs);
    if (large) await page.getByText(LARGE_LABEL, { exact: true }).click().catch(() => {}); // back off
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const [where, probs] of focusProblems) {
    const name = `keyboard: focus visible and not covered (WCAG 2.4.7, 2.4.11) on ${where}`;
    if (probs.size === 0) pass(name, `${stops.get(where)} stop(s)`);
    else fail(name, [...probs]);
  }
  await context.close();
}

// ---------------------------------------------------------------- (sr) what a screen reader reads

async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const root = nodes.find((n) => !n.parentId) || nodes[0];
  const order = []; // document order
  const walk = (n, depth) => {
    order.push(n);
    for (const c of n.childIds || []) if (byId.has(c)) walk(byId.get(c), depth + 1);
  };
  walk(root, 0);
  const v = (n, k) => n[k]?.value ?? '';
  const prop = (n, k) => (n.properties || []).find((p) => p.name === k)?.value?.value;
  const within = (n) => {
    const out = [];
    const w = (m) => {
      out.push(m);
      for (const c of m.childIds || []) if (byId.has(c)) w(byId.get(c));
    };
    w(n);
    return out;
  };
  return { order, role: (n) => v(n, 'role'), name: (n) => v(n, 'name'), desc: (n) => v(n, 'description'), prop, within, ignored: (n) => !!n.ignored };
}

async function checkScreenReader(browser) {
  const context = await newContext(browser);
  const page = await context.newPage();
  for (const p of PAGES) {
    await open(page, p);
    const ax = await axTree(page);
    const headings = ax.order.filter((n) => !ax.ignored(n) && ax.role(n) === 'heading').map((n) => ({ level: ax.prop(n, 'level'), name: ax.name(n) }));
    await check(`screen reader: one level-1 heading, then no skipped level, ${p}`, async () => {
      const lines = [];
      const h1 = headings.filter((h) => h.level === 1);
      if (h1.length !== 1) lines.push(`${h1.length} level-1 headings`);
      if (headings[0]?.level !== 1) lines.push(`the first heading is level ${headings[0]?.level}: 「${headings[0]?.name}」`);
      for (let i = 1; i < headings.length; i++)
        if (headings[i].level > headings[i - 1].level + 1) lines.push(`「${headings[i - 1].name}」 (h${headings[i - 1].level}) → 「${headings[i].name}」 (h${headings[i].level})`);
      return lines.length ? { ok: false, lines } : { ok: true, note: `${headings.length} heading(s), h1 「${h1[0]?.name.slice(0, 24)}」` };
    });
    if (REPORTS.includes(p)) {
      await check(`screen reader: the report's level-2 headings are its six sections 一…六 in order, ${p}`, async () => {
        const h2 = headings.filter((h) => h.level === 2).map((h) => h.name);
        const at = SECTIONS.map((k) => h2.findIndex((n) => n.includes(k)));
        const lines = [];
        SECTIONS.forEach((k, i) => {
          if (at[i] < 0) lines.push(`no level-2 heading for section ${NUMERALS[i]} (…${k}…)`);
          else {
            const m = h2[at[i]].match(/^([一二三四五六七八九十]+)、/);
            if (m && m[1] !== NUMERALS[i]) lines.push(`「${h2[at[i]]}」 is numbered ${m[1]}, expected ${NUMERALS[i]}`);
          }
          if (i > 0 && at[i] >= 0 && at[i - 1] >= 0 && at[i] < at[i - 1]) lines.push(`section ${NUMERALS[i]} comes before ${NUMERALS[i - 1]}`);
        });
        const sectionHeads = h2.filter((n) => SECTIONS.some((k) => n.includes(k)));
        if (sectionHeads.length !== 6) lines.push(`${sectionHeads.length} level-2 section headings, not 6: ${sectionHeads.join(' / ')}`);
        return lines.length ? { ok: false, lines: [...lines, `level-2 headings: ${h2.join(' / ')}`] } : { ok: true, note: sectionHeads.map((n) => n.slice(0, 6)).join(' / ') };
      });
      // Each data cell's headers, as assistive technology reads them: the form
      // tables give them by scope and span (no `headers` lists), so they are
      // found as the HTML table algorithm finds them, scanning the grid of
      // slots up (scope="col") and left (scope="row") from the cell.
      await page.evaluate(() => {
        window.gkHeadersOf = (td) => {
          const t = td.closest('table');
          const grid = [];
          let at = null;
          [...t.rows].forEach((tr, y) => {
            let x = 0;
            for (const cell of tr.cells) {
              grid[y] = grid[y] || [];
              while (grid[y][x]) x++;
              if (cell === td) at = [y, x];
              for (let dy = 0; dy < cell.rowSpan; dy++)
                for (let dx = 0; dx < cell.colSpan; dx++) (grid[y + dy] = grid[y + dy] || [])[x + dx] = cell;
              x += cell.colSpan;
            }
          });
          if (!at) return [];
          const [py, px] = at;
          const scan = (scope, dy, dx) => {
            const found = [];
            for (let y = py + dy, x = px + dx; y >= 0 && x >= 0; y += dy, x += dx) {
              const c = grid[y] && grid[y][x];
              if (c && c.tagName === 'TH' && c.getAttribute('scope') === scope && !found.includes(c)) found.push(c);
            }
            return found.reverse();
          };
          return [...scan('col', -1, 0), ...scan('row', 0, -1)];
        };
      });
      await check(`screen reader: every data cell of the form tables has its row and column path, ${p}`, async () => {
        const r = await page.evaluate(() => {
          const problems = [];
          let cells = 0;
          for (const t of document.querySelectorAll('table.form-table')) {
            const hasRowHeads = !!t.querySelector('tbody th');
            for (const td of t.querySelectorAll('tbody td')) {
              cells++;
              if (td.hasAttribute('headers')) problems.push(`${t.id}: a cell lists headers="${td.getAttribute('headers')}"; the tables give them by scope`);
              const ths = window.gkHeadersOf(td);
              const where = `${t.id} row ${td.parentElement.rowIndex} cell ${td.cellIndex}`;
              const col = ths.filter((th) => /^col/.test(th.getAttribute('scope') || '')).map((th) => th.textContent.trim());
              const row = ths.filter((th) => /^row/.test(th.getAttribute('scope') || '')).map((th) => th.textContent.trim());
              if (!col.length) problems.push(`${where}: no column header`);
              if (hasRowHeads && !row.length) problems.push(`${where}: no row header`);
            }
          }
          return { problems, cells };
        });
        if (r.cells === 0) return { ok: false, lines: ['no form-table data cell on a report page'] };
        return r.problems.length ? { ok: false, lines: r.problems } : { ok: true, note: `${r.cells} cell(s)` };
      });
      if (p === 'reports/huaian/2024/index.html') {
        await check('screen reader: table 三 cell 1.属于国家秘密 × 商业企业 reads its row path and column path', async () => {
          const want = { row: '三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密', col: '申请人情况 › 法人或其他组织 › 商业企业' };
          const r = await page.evaluate(() => {
            for (const t of document.querySelectorAll('table.form-table')) {
              for (const td of t.querySelectorAll('tbody td')) {
                const ths = window.gkHeadersOf(td);
                const path = (s) => ths.filter((th) => (th.getAttribute('scope') || '').startsWith(s)).map((th) => th.textContent.trim()).join(' › ');
                const row = path('row');
                const col = path('col');
                if (row.endsWith('1.属于国家秘密') && col.endsWith('商业企业'))
                  return { row, col, value: td.textContent.trim(), caption: t.caption?.firstChild?.textContent.trim(), names: ths.map((th) => th.textContent.trim()) };
              }
            }
            return null;
          });
          if (!r) return { ok: false, lines: ['no data cell has header paths ending in 1.属于国家秘密 and 商业企业'] };
          const lines = [];
          if (r.row !== want.row) lines.push(`row path 「${r.row}」, expected 「${want.row}」`);
          if (r.col !== want.col) lines.push(`column path 「${r.col}」, expected 「${want.col}」`);
          // The same header cells as Chromium exposes them to screen readers.
          const table = ax.order.find((n) => ax.role(n) === 'table' && ax.name(n).startsWith(r.caption));
          if (!table) lines.push(`no table named 「${r.caption}」 in the accessibility tree`);
          else {
            const inside = ax.within(table);
            for (const name of r.names) {
              if (!inside.some((n) => ['rowheader', 'columnheader'].includes(ax.role(n)) && ax.name(n) === name))
                lines.push(`「${name}」 is not a rowheader/columnheader of that table in the accessibility tree`);
            }
          }
          return lines.length ? { ok: false, lines } : { ok: true, note: `「${r.row}」, 「${r.col}」: ${r.value}` };
        });
      }
    }
    if (p === 'reports/qingshui/2023/index.html') {
      // A report kept as published: its 数据核对提示 box, the tables it concerns, its empty cells.
      await check('screen reader: the 数据核对提示 box is a region named by its heading, each table it concerns is described by a note linking to it, and an empty cell reads 空', async () => {
        const lines = [];
        const region = ax.order.find((n) => ax.role(n) === 'region' && ax.name(n) === '数据核对提示');
        if (!region) lines.push('no region named 「数据核对提示」 in the accessibility tree');
        const items = region ? ax.within(region).filter((n) => ax.role(n) === 'listitem').length : 0;
        if (items !== 3) lines.push(`${items} item(s) in the box, expected 3 (two of table 三, one of table 四)`);
        for (const caption of ['收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况']) {
          const table = ax.order.find((n) => ax.role(n) === 'table' && ax.name(n).startsWith(caption));
          if (!table) lines.push(`no table named 「${caption}」`);
          else if (!ax.desc(table).includes('数据核对提示')) lines.push(`table 「${caption}」 is described as 「${ax.desc(table)}」, not by its note`);
        }
        const note = await page.evaluate(() => document.querySelector('#t-applications-notice a')?.getAttribute('href'));
        if (note !== '#gk-notices') lines.push(`the note of table 三 links to ${note}, not #gk-notices`);
        const empty = await page.evaluate(() => [...document.querySelectorAll('td.empty')].map((td) => td.textContent));
        if (empty.length !== 2) lines.push(`${empty.length} empty cell(s), expected 2 (行政许可, 诉讼 总计)`);
        for (const text of empty) if (text !== '') lines.push(`an empty cell shows 「${text}」: it must show nothing, as printed`);
        const cells = ax.order.filter((n) => ax.role(n) === 'cell' && ax.name(n) === '空').length;
        if (cells !== 2) lines.push(`${cells} cell(s) named 空 in the accessibility tree, expected 2`);
        return lines.length ? { ok: false, lines } : { ok: true, note: `${items} notices, 2 empty cells` };
      });
    }
    if (AGENCIES.includes(p)) {
      await check(`screen reader: the chart has a text equivalent with every year's figures, ${p}`, async () => {
        const imgs = ax.order.filter((n) => ['image', 'img', 'graphics-document'].includes(ax.role(n)) && !ax.ignored(n));
        const rows = await page.evaluate(() => {
          const cap = [...document.querySelectorAll('caption')].find((c) => c.textContent.includes('历年收到和办结申请数'));
          return cap ? [...cap.closest('table').tBodies[0].rows].map((tr) => [...tr.cells].map((c) => c.textContent.trim())) : [];
        });
        const svgs = await page.evaluate(() => document.querySelectorAll('svg').length);
        if (svgs === 0) return { ok: false, lines: ['no chart (svg) on the agency page'] };
        const text = imgs.map((n) => `${ax.name(n)} ${ax.desc(n)}`).join(' | ');
        if (!imgs.length || !text.trim()) return { ok: false, lines: [`the chart has no name in the accessibility tree (${imgs.length} image node(s))`] };
        const missing = rows.filter(([year, a, b]) => !(text.includes(year) && text.includes(a) && text.includes(b)));
        if (!rows.length) return { ok: false, lines: ['no table 历年收到和办结申请数 beside the chart'] };
        return missing.length ? { ok: false, lines: [`the chart's text 「${text}」 lacks ${missing.map((r) => r.join(' ')).join('; ')}`] } : { ok: true, note: `「${text.slice(0, 60)}」` };
      });
    }
    await check(`screen reader: lang zh-CN, English phrases marked lang=en, ${p}`, async () => {
      const r = await page.evaluate(() => {
        const lang = document.documentElement.getAttribute('lang');
        const unmarked = [];
        const tokens = new Set();
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = w.nextNode(); n; n = w.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest('script, style, code, pre, kbd, samp, [aria-hidden="true"]')) continue;
          const text = n.textContent.replace(/https?:\/\/\S+|\S+@\S+/g, ' ');
          for (const m of text.matchAll(/[A-Za-z][A-Za-z'’-]*(?:[\s,.;:]+[A-Za-z][A-Za-z'’-]*){2,}/g)) {
            const elLang = el.closest('[lang]')?.getAttribute('lang') || '';
            if (!/^en\b/i.test(elLang)) unmarked.push(`「${m[0].slice(0, 40)}」 in <${el.tagName.toLowerCase()}> (lang ${elLang})`);
          }
          for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9.-]*/g)) tokens.add(m[0]);
        }
        return { lang, unmarked, tokens: [...tokens].slice(0, 8) };
      });
      const lines = [];
      if (r.lang !== 'zh-CN') lines.push(`<html lang="${r.lang}">, expected zh-CN`);
      lines.push(...r.unmarked);
      return lines.length ? { ok: false, lines } : { ok: true, note: r.tokens.length ? `unmarked tokens: ${r.tokens.join(' ')}` : '' };
    });
  }
  await context.close();
}

// ---------------------------------------------------------------- (large) the 适老化 switch

const BODY_START_PROBE = () => {
  // When <body> is inserted, what state is the page in? (Set by then, the first paint is large.)
  new MutationObserver((_, obs) => {
    if (document.body) {
      window.__gkAtBody = document.documentElement.classList.contains('gk-large');
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function checkLarge(browser) {
  const state = (page) =>
    page.evaluate(() => ({
      checked: document.querySelector('#a11y-large')?.checked,
      fontSize: getComputedStyle(document.documentElement).fontSize,
      atBody: window.__gkAtBody,
      stored: (() => {
        try {
          return localStorage.getItem('gk-large');
        } catch {
          return 'n/a';
        }
      })(),
    }));
  const show = (s) => `checked ${s.checked}, html font-size ${s.fontSize}, large at <body> ${s.atBody}, stored ${s.stored}`;
  {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await check('适老化 switch without JavaScript: works on the page (CSS only), not kept on the next page', async () => {
      await open(page, 'reports/baibu/2020/index.html');
      await page.getByText(LARGE_LABEL, { exact: true }).click();
      const on = await state(page);
      await open(page, 'agencies/baibu/index.html');
      const next = await state(page);
      if (!on.checked || on.fontSize !== '24px') return { ok: false, lines: [`after clicking: ${show(on)}`] };
      if (next.fontSize !== '16px') return { ok: false, lines: [`next page: ${show(next)}`] };
      return { ok: true, note: `on: ${on.fontSize}; next page ${next.fontSize}` };
    });
    await context.close();
  }
  {
    const context = await newContext(browser);
    await context.addInitScript(BODY_START_PROBE);
    const page = await context.newPage();
    await check('适老化 switch with JavaScript: the choice is kept across pages, on before <body> (no flash)', async () => {
      await open(page, 'reports/baibu/2020/index.html');
      const start = await state(page);
      if (start.checked || start.fontSize !== '16px') return { ok: false, lines: [`fresh profile starts large: ${show(start)}`] };
      await page.getByText(LARGE_LABEL, { exact: true }).click();
      const lines = [];
      for (const p of ['agencies/baibu/index.html', 'years/2020/index.html', '404.html', 'index.html']) {
        await open(page, p);
        const s = await state(page);
        if (!(s.checked && s.fontSize === '24px' && s.atBody === true)) lines.push(`${p}: ${show(s)}`);
      }
      return lines.length ? { ok: false, lines } : { ok: true, note: '4 pages large, each from <body> on' };
    });
    await check('适老化 switch with JavaScript: switching off is kept too, and Back shows the kept state', async () => {
      await page.getByText(LARGE_LABEL, { exact: true }).click(); // off, on index.html
      await open(page, 'pages/guide/index.html');
      const s = await state(page);
      await page.goBack({ waitUntil: 'load' });
      const back = await state(page);
      const lines = [];
      if (s.checked || s.fontSize !== '16px' || s.atBody !== false) lines.push(`next page: ${show(s)}`);
      if (back.checked || back.fontSize !== '16px') lines.push(`after Back: ${show(back)}`);
      return lines.length ? { ok: false, lines } : { ok: true };
    });
    await check('no floating window, pop-up, advert, auto-refresh, moving or autoplaying content on any page (适老化)', async () => {
      const lines = [];
      for (const p of PAGES) {
        await open(page, p);
        const found = await page.evaluate(() => {
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            const pos = getComputedStyle(el).position;
            if (pos === 'fixed') out.push(`<${el.tagName.toLowerCase()}> is position: fixed (floats over the page)`);
            if (pos === 'sticky' && !el.closest('table')) out.push(`<${el.tagName.toLowerCase()}> is position: sticky outside a table`);
          }
          for (const el of document.querySelectorAll('meta[http-equiv="refresh" i], marquee, blink, video[autoplay], audio[autoplay], iframe, dialog[open], [role="dialog"], [role="alertdialog"]'))
            out.push(`<${el.tagName.toLowerCase()}> ${el.getAttribute('http-equiv') || el.getAttribute('role') || ''}`);
          for (const el of document.querySelectorAll('body *')) {
            const cs = getComputedStyle(el);
            if (cs.animationName !== 'none' && cs.animationIterationCount === 'infinite') out.push(`<${el.tagName.toLowerCase()}> animates forever`);
          }
          return out;
        });
        lines.push(...found.map((f) => `${p}: ${f}`));
      }
      return lines.length ? { ok: false, lines } : { ok: true, note: `${PAGES.length} pages` };
    });
    await check('pointer targets: the 适老化 switch and the main navigation links are at least 24×24 px (WCAG 2.5.8)', async () => {
      await open(page, 'index.html');
      const small = await page.evaluate(() => {
        const out = [];
        const label = document.querySelector('label[for="a11y-large"]');
        const box = document.querySelector('#a11y-large');
        const r = (e) => e.getBoundingClientRect();
        // The label and the box are one target: clicking either toggles it.
        const u = { w: Math.max(r(label).right, r(box).right) - Math.min(r(label).left, r(box).left), h: Math.max(r(label).height, r(box).height) };
        if (u.w < 24 || u.h < 24) out.push(`switch ${Math.round(u.w)}×${Math.round(u.h)}`);
        for (const a of document.querySelectorAll('.site-nav a, .skip-link')) {
          const b = r(a);
          if (b.height && (b.width < 24 || b.height < 24)) out.push(`「${a.textContent.trim()}」 ${Math.round(b.width)}×${Math.round(b.height)}`);
        }
        return out;
      });
      return small.length ? { ok: false, lines: small } : { ok: true };
    });
    await context.close();
  }
}

// ---------------------------------------------------------------- main

const req = depsRequire();
if (!req) fatal(`playwright-core not found in ${DEPS}/node_modules nor tests/browser/node_modules.\n${INSTALL_HINT}`);
const playwright = req('playwright-core');
const [browser, executablePath] = await launchChromium(playwright, BASE, fatal);
console.log(`accessibility checks of ${BASE.href} with ${executablePath} ${browser.version()}`);
const t0 = Date.now();
try {
  if (only.has('zoom')) await checkZoom(browser);
  if (only.has('spacing')) await checkSpacing(browser);
  if (only.has('keyboard')) await checkKeyboard(browser);
  if (only.has('sr')) await checkScreenReader(browser);
  if (only.has('large')) await checkLarge(browser);
  const outside = [...new Set(requests.filter((u) => /^https?:/.test(u) && new URL(u).origin !== BASE.origin))];
  const name = `no request leaves the site (${requests.length} request(s) made by these tests)`;
  if (outside.length) fail(name, outside.map((u) => `requested ${u}`));
  else pass(name);
} catch (e) {
  fail('accessibility checks stopped', [String(e.stack || e)]);
} finally {
  await browser.close();
}
console.log(`     accessibility checks took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
