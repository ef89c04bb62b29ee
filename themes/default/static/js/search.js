/* gongkai site search: reads the index written with the site (search/s/<n>.js shards,
   search/e/<n>.js entries), written for this project, no framework, no request outside the site.
   The normalisation and the terms mirror src/render/search/text.rs; the shard hash mirrors
   index.rs (FNV-1a, 32 bits, of the term's UTF-8 bytes). Files are loaded with <script>
   relative to the search page, so the search works under any sub-path and from file://. */
(function () {
  'use strict';
  var form = document.getElementById('gk-search');
  if (!form) return;
  var SHARDS = Math.max(1, parseInt(form.getAttribute('data-shards'), 10) || 1);
  var ENTRIES = parseInt(form.getAttribute('data-entries'), 10) || 0;
  var ROOT = form.getAttribute('data-root') || '../';
  var PER_PAGE = 10;
  var status = document.getElementById('gk-status');
  var list = document.getElementById('gk-results');
  var pager = document.getElementById('gk-pager');
  var KINDS = { r: '年报', d: '文件', p: '页面' };
  var VALIDITY = { valid: '有效', expired: '失效', repealed: '废止' };
  var FILTERS = { agency: '@a:', year: '@y:', kind: '@k:', validity: '@v:' };

  // ---------------------------------------------------------------- terms (text.rs)
  var OPEN = '[(〔【〖﹝［', CLOSE = '])〕】〗﹞］';
  function fold(c) {
    var u = c.charCodeAt(0);
    if (c.length === 1 && u >= 0xff01 && u <= 0xff5e) c = String.fromCharCode(u - 0xfee0);
    else if (u === 0x3000) c = ' ';
    if (OPEN.indexOf(c) >= 0) return '〔';
    if (CLOSE.indexOf(c) >= 0) return '〕';
    return c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  }
  function isHan(c) {
    var u = c.codePointAt(0);
    return (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff) ||
      (u >= 0x20000 && u <= 0x3134f) || u === 0x3007;
  }
  function runs(text) {
    var out = [], cur = null;
    for (var ch of text) {
      var c = fold(ch), cls = isHan(c) ? 'h' : /^[0-9a-z]$/.test(c) ? 'w' : null;
      if (cls && cur && cur.cls === cls) cur.chars.push(c);
      else {
        if (cur) out.push(cur);
        cur = cls ? { cls: cls, chars: [c] } : null;
      }
    }
    if (cur) out.push(cur);
    return out;
  }
  function queryTerms(q) {
    var out = [];
    function push(t) { if (out.indexOf(t) < 0) out.push(t); }
    runs(q).forEach(function (r) {
      if (r.cls === 'h' && r.chars.length > 1) {
        for (var i = 0; i + 1 < r.chars.length; i++) push(r.chars[i] + r.chars[i + 1]);
      } else push(r.chars.slice(0, 40).join(''));
    });
    return out;
  }
  function exactKey(q) {
    var k = Array.from(q).map(fold).filter(function (c) { return !/\s/.test(c); }).slice(0, 120).join('');
    return k ? '#' + k : null;
  }
  var encoder = new TextEncoder();
  function shardOf(term) {
    var bytes = encoder.encode(term), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h % SHARDS;
  }

  // ---------------------------------------------------------------- loading (index.rs, mod.rs)
  var waiting = {}, loaded = {};
  function settle(key, value) {
    var w = waiting[key];
    if (w) { delete waiting[key]; w(value); }
  }
  window.gkSearchShard = function (n, text) { settle('s' + n, text); };
  window.gkSearchEntry = function (n, entry) { settle('e' + n, entry); };
  function load(dir, n) {
    var key = dir + n;
    if (!loaded[key]) {
      loaded[key] = new Promise(function (resolve, reject) {
        waiting[key] = resolve;
        var s = document.createElement('script');
        s.src = dir + '/' + n + '.js';
        s.onload = s.onerror = function () {
          s.remove();
          if (waiting[key]) { delete waiting[key]; reject(new Error(s.src)); }
        };
        document.head.appendChild(s);
      });
    }
    return loaded[key];
  }
  var shards = {};
  function shard(n) {
    return shards[n] || (shards[n] = load('s', n).then(function (text) {
      var terms = new Map();
      text.split('\n').forEach(function (line) {
        var tab = line.indexOf('\t');
        if (tab > 0) terms.set(line.slice(0, tab), line.slice(tab + 1));
      });
      return terms;
    }));
  }
  function postings(text) { // entry -> weight
    var out = new Map(), id = 0;
    if (text) text.split(',').forEach(function (p) {
      var m = /^([0-9a-z]+)([A-Z]?)$/.exec(p);
      if (!m) return;
      id += parseInt(m[1], 36);
      out.set(id, m[2] ? m[2].charCodeAt(0) - 64 : 1);
    });
    return out;
  }
  function lookup(terms) {
    var ns = [];
    terms.forEach(function (t) { var n = shardOf(t); if (ns.indexOf(n) < 0) ns.push(n); });
    return Promise.all(ns.map(shard)).then(function () {
      return Promise.all(terms.map(function (t) {
        return shards[shardOf(t)].then(function (m) { return m.has(t) ? postings(m.get(t)) : null; });
      }));
    });
  }

  // ---------------------------------------------------------------- ranking
  // All terms must match; each adds its weight (occurrences up to 10, +16 in the title, agency,
  // 文号 or 索引号) times its rarity. An exact title, agency name, 文号 or 索引号 comes first.
  function rank(q, filters) {
    var terms = queryTerms(q).slice(0, 24), key = exactKey(q);
    var all = terms.concat(key ? [key] : [], filters);
    return lookup(all).then(function (lists) {
      var own = lists.slice(0, terms.length), keyed = key ? lists[terms.length] : null;
      var scores = new Map();
      if (terms.length && own.every(Boolean)) {
        var order = own.map(function (l, i) { return i; }).sort(function (a, b) { return own[a].size - own[b].size; });
        var idf = own.map(function (l) { return Math.log(1 + ENTRIES / l.size); });
        own[order[0]].forEach(function (_, id) {
          var s = 0;
          for (var k = 0; k < order.length; k++) {
            var w = own[order[k]].get(id);
            if (w === undefined) return;
            s += w * idf[order[k]];
          }
          scores.set(id, s);
        });
      }
      if (keyed) keyed.forEach(function (_, id) { scores.set(id, (scores.get(id) || 0) + 1e6); });
      lists.slice(all.length - filters.length).forEach(function (f) {
        scores.forEach(function (_, id) { if (!f || !f.has(id)) scores.delete(id); });
      });
      return Array.from(scores).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
        .map(function (p) { return p[0]; });
    });
  }

  // ---------------------------------------------------------------- snippet with <mark>
  function foldText(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) out += fold(text[i]);
    return out;
  }
  function needles(q) {
    var parts = foldText(q).split(/\s+/);
    runs(q).forEach(function (r) { parts.push(r.chars.join('')); });
    var single = Array.from(q.trim()).length === 1;
    return parts.filter(function (p, i) {
      return p && (single || Array.from(p).length > 1) && parts.indexOf(p) === i;
    }).sort(function (a, b) { return b.length - a.length; });
  }
  function snippet(el, text, q) {
    var folded = foldText(text), ns = needles(q), at = -1;
    for (var k = 0; k < ns.length && at < 0; k++) at = folded.indexOf(ns[k]);
    var start = Math.max(0, at - 30), end = Math.min(text.length, start + 120), plain = start;
    if (start > 0) el.appendChild(document.createTextNode('…'));
    for (var i = start; i < end;) {
      var hit = ns.find(function (n) { return folded.startsWith(n, i); });
      if (!hit) { i++; continue; }
      el.appendChild(document.createTextNode(text.slice(plain, i)));
      var m = document.createElement('mark');
      m.textContent = text.slice(i, i + hit.length);
      el.appendChild(m);
      i += hit.length;
      plain = i;
    }
    el.appendChild(document.createTextNode(text.slice(plain, Math.max(plain, end)) + (end < text.length ? '…' : '')));
  }

  // ---------------------------------------------------------------- showing
  function add(parent, tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    parent.appendChild(e);
    return e;
  }
  function show(entry, q) {
    var li = add(list, 'li', 'search-result');
    var a = add(add(li, 'h2', 'result-title'), 'a', null, entry.t);
    a.href = ROOT + entry.u;
    var meta = [KINDS[entry.k]];
    if (entry.a) meta.push(entry.a);
    if (entry.y) meta.push(entry.y + '年');
    if (entry.n) meta.push(entry.n);
    if (entry.v) meta.push(VALIDITY[entry.v]);
    add(li, 'p', 'result-meta', meta.join(' · '));
    if (entry.x) snippet(add(li, 'p', 'result-snippet'), entry.x, q);
  }
  function pageLink(params, page, label) {
    var a = add(pager, 'a', null, label);
    params.set('page', String(page));
    a.href = '?' + params.toString();
  }
  function run() {
    var params = new URLSearchParams(location.search);
    var q = (params.get('q') || '').trim().slice(0, 100);
    var filters = [];
    Object.keys(FILTERS).forEach(function (name) {
      var v = params.get(name) || '', field = form.elements[name];
      if (field && v && Array.from(field.options).some(function (o) { return o.value === v; })) {
        field.value = v;
        filters.push(FILTERS[name] + v);
      }
    });
    form.elements.q.value = q;
    if (!q) { status.textContent = '请输入检索词。'; return; }
    status.textContent = '正在检索“' + q + '”…';
    rank(q, filters).then(function (ids) {
      var pages = Math.max(1, Math.ceil(ids.length / PER_PAGE));
      var page = Math.min(pages, Math.max(1, parseInt(params.get('page'), 10) || 1));
      var shown = ids.slice((page - 1) * PER_PAGE, page * PER_PAGE);
      return Promise.all(shown.map(function (id) { return load('e', id); })).then(function (entries) {
        list.textContent = '';
        pager.textContent = '';
        if (!ids.length) {
          list.hidden = pager.hidden = true;
          status.textContent = '没有找到与“' + q + '”相关的内容。' + (filters.length ? '可以取消筛选条件再试，' : '') +
            '也可以减少检索词，或通过下方的列表浏览。';
          return;
        }
        entries.forEach(function (e) { show(e, q); });
        list.start = (page - 1) * PER_PAGE + 1;
        list.hidden = false;
        status.textContent = '找到 ' + ids.length + ' 条与“' + q + '”相关的结果' +
          (pages > 1 ? '，第 ' + page + ' 页，共 ' + pages + ' 页' : '') + '。';
        if (pages > 1) {
          if (page > 1) pageLink(params, page - 1, '上一页');
          if (page < pages) pageLink(params, page + 1, '下一页');
          pager.hidden = false;
        }
      });
    }).catch(function () {
      status.textContent = '检索索引未能加载，请稍后再试，或通过下方的列表浏览。';
    });
  }
  run();
})();
