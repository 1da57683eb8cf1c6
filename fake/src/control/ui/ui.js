// The fakeaws page: reads and drives the control API (/_fakeaws/...) only.
// Every piece of data reaches the DOM as text (textContent, text nodes,
// setAttribute): keys, bodies and messages may hold markup.
'use strict';
(function () {
  const API = '/_fakeaws';
  const JOURNAL_PAGE = 100;       // rows per journal page
  const OBJECT_BYTES = 1 << 20;   // what the S3 view reads of an object
  const CSV_ROWS = 2000;          // rows of a CSV shown as a table
  const POLL_MS = 1000;

  // ---- DOM, text only ----
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    setProps(el, props);
    add(el, children);
    return el;
  }
  function svg(tag, attrs, ...children) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    setProps(el, attrs);
    add(el, children);
    return el;
  }
  function setProps(el, props) {
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.setAttribute('class', v);
      else if (k === 'text') el.textContent = String(v);
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'href') el.setAttribute('href', route(v));
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  function add(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  // replaceChildren with h()'s rules for children: nested lists flattened,
  // null and false left out (the DOM's own would print them as text).
  function fill(el, ...children) {
    el.replaceChildren();
    add(el, children);
  }
  // Links stay inside the page: only "#view?..." routes.
  function route(href) {
    if (typeof href !== 'string' || href[0] !== '#') throw new Error('not a page route: ' + href);
    return href;
  }
  const $ = (id) => document.getElementById(id);
  function show(el, on) { el.hidden = !on; }

  // ---- the control API ----
  function query(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && v !== '' && v !== false) u.set(k, String(v));
    }
    const s = u.toString();
    return s ? '?' + s : '';
  }
  async function api(method, path, body) {
    const init = { method, headers: {} };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
    const r = await fetch(API + path, init);
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (!r.ok) {
      const err = new Error(data && data.message ? data.message : r.status + ' ' + r.statusText);
      err.type = data && data.error;
      throw err;
    }
    return data;
  }
  const get = (path, params) => api('GET', path + query(params || {}));
  // Answers can arrive out of order (a filter changed, another route opened
  // while a request was out): only the newest request of a kind may draw.
  const tickets = {};
  function ticket(kind) {
    const mine = (tickets[kind] = (tickets[kind] || 0) + 1);
    return () => tickets[kind] === mine;
  }

  function status(text, bad) {
    const line = $('status-line');
    line.textContent = text || '';
    line.classList.toggle('bad', !!bad);
  }
  function failed(where) {
    return (e) => status(where + ': ' + e.message, true);
  }

  // ---- formatting ----
  function fakeTime(iso) { return String(iso).replace('T', ' ').replace('Z', ''); }
  function bytes(n) {
    if (n < 1024) return n + ' B';
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let v = n, u = -1;
    do { v /= 1024; ++u; } while (v >= 1024 && u < units.length - 1);
    return v.toFixed(v < 10 ? 1 : 0) + ' ' + units[u];
  }
  function typeLabel(t) {
    const q = Number(t);
    return Number.isFinite(q) && t !== '' ? 'p' + Math.round(q * 100) : t;
  }
  function parseS3Url(url) {
    const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url || '');
    return m ? { bucket: m[1], key: m[2] } : null;
  }
  function s3Route(params) { return '#s3' + query(params); }

  // ---- routing: "#view?param=value" ----
  const views = {};
  let current = null;
  function parseHash() {
    const hash = location.hash.slice(1);
    const at = hash.indexOf('?');
    const name = at < 0 ? hash : hash.slice(0, at);
    const params = Object.fromEntries(new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)));
    return { name: views[name] ? name : 'journal', params };
  }
  function navigate() {
    const { name, params } = parseHash();
    for (const a of document.querySelectorAll('#tabs a')) a.classList.toggle('active', a.dataset.view === name);
    for (const v of Object.keys(views)) show($('view-' + v), v === name);
    current = name;
    status('');
    views[name].open(params);
  }

  // ---- header: who and when ----
  let clockState = null;
  async function refreshClock() {
    clockState = await get('/clock');
    $('clock-badge').textContent = fakeTime(clockState.now) + ' (' + clockState.mode + ')';
    if (current === 'faults') renderClock();
  }

  // ---- Journal ----
  const journal = {
    before: null,        // null: the newest page, polled while live
    rows: [],
    selected: null,
    operations: new Set(),
    signature: '',
    open() { this.load().catch(failed('journal')); },
    filters() {
      return { operation: $('journal-operation').value.trim(), failed: $('journal-failed').checked ? 'true' : '' };
    },
    async load() {
      const current = ticket('journal');
      const page = await get('/journal', Object.assign(this.filters(), {
        order: 'newest', view: 'summary', limit: JOURNAL_PAGE, before: this.before,
      }));
      if (!current()) return;
      const signature = JSON.stringify([page.size, page.dropped, page.entries.map((e) => e.sequence)]);
      if (signature !== this.signature) {
        this.signature = signature;
        this.rows = page.entries;
        this.render(page);
      }
    },
    render(page) {
      const body = $('journal-table').tBodies[0];
      const rows = this.rows.map((e) => {
        if (!this.operations.has(e.operation)) {
          this.operations.add(e.operation);
          $('operations').append(h('option', { value: e.operation }));
        }
        const failedRow = e.connection_dropped || e.status >= 400 || e.error_type !== '';
        const tr = h('tr', { class: failedRow ? 'failed' : null, 'data-sequence': e.sequence },
          h('td', { class: 'num' }, e.sequence),
          h('td', null, fakeTime(e.time)),
          h('td', null, e.operation, e.service === 's3' && e.bucket ? h('div', { class: 'muted' }, e.bucket + (e.key ? '/' + e.key : '')) : null),
          h('td', { class: 'status' }, e.connection_dropped ? 'dropped' : e.status),
          h('td', { title: e.error_message }, e.error_type),
          h('td', { class: 'fault' }, e.fault));
        if (e.sequence === this.selected) tr.classList.add('selected');
        tr.addEventListener('click', () => this.openEntry(e.sequence));
        return tr;
      });
      body.replaceChildren(...rows);
      show($('journal-empty'), rows.length === 0);
      const first = this.rows.length ? this.rows[this.rows.length - 1].sequence : null;
      const last = this.rows.length ? this.rows[0].sequence : null;
      $('journal-count').textContent = (rows.length ? 'showing #' + first + '–#' + last + '; ' : '') +
        page.size + ' of ' + page.capacity + ' kept' + (page.dropped ? ', ' + page.dropped + ' dropped' : '');
      $('journal-older').disabled = rows.length < JOURNAL_PAGE;
      $('journal-newest').disabled = this.before === null;
      // When the rows last changed, on the page's clock: what the load-time measurement reads.
      document.body.dataset.journalRendered = String(Math.round(performance.now()));
    },
    async openEntry(sequence) {
      this.selected = sequence;
      for (const tr of $('journal-table').tBodies[0].rows) {
        tr.classList.toggle('selected', Number(tr.dataset.sequence) === sequence);
      }
      const pane = $('journal-detail');
      let e;
      try {
        e = await api('GET', '/journal/' + encodeURIComponent(sequence));
      } catch (err) {
        pane.replaceChildren(h('p', { class: 'error' }, err.message));
        show(pane, true);
        return;
      }
      fill(pane,
        h('h2', null, '#' + e.sequence + ' ' + e.operation),
        h('dl', null,
          h('dt', null, 'Time'), h('dd', null, fakeTime(e.time) + ' (fake clock)'),
          h('dt', null, 'Status'), h('dd', null, e.connection_dropped ? 'connection dropped (' + e.status + ')' : e.status),
          e.error_type ? [h('dt', null, 'AWS error'), h('dd', null, e.error_type + ': ' + e.error_message)] : null,
          e.fault ? [h('dt', null, 'Fault'), h('dd', { class: 'fault' }, e.fault)] : null,
          e.bucket !== undefined ? [h('dt', null, 'Bucket / key'), h('dd', null, e.bucket + ' / ' + e.key)] : null),
        h('h3', null, 'Request'),
        h('code', { class: 'line' }, e.request.method + ' ' + e.request.target),
        headerTable(e.request.headers),
        bodyBlock(e.request, e.body_limit),
        h('h3', null, 'Response'),
        e.connection_dropped
          ? h('p', { class: 'cut' }, 'The client got no answer: a fault closed the connection.')
          : [h('code', { class: 'line' }, 'HTTP ' + e.response.status), headerTable(e.response.headers),
             bodyBlock(e.response, e.body_limit)]);
      show(pane, true);
    },
  };
  function headerTable(headers) {
    return h('table', { class: 'headers' }, h('tbody', null,
      headers.map(([name, value]) => h('tr', null, h('td', null, name), h('td', null, value)))));
  }
  function bodyBlock(part, limit) {
    const out = [];
    if (part.body !== undefined) {
      out.push(part.body === '' ? h('p', { class: 'muted' }, 'no body') : h('pre', { class: 'body' }, part.body));
    } else if (part.body_base64 !== undefined) {
      out.push(h('p', { class: 'muted' }, 'binary body, ' + bytes(part.body_bytes) + ', as base64:'),
        h('pre', { class: 'body' }, part.body_base64));
    }
    if (part.body_truncated) {
      out.push(h('p', { class: 'cut' }, 'cut at ' + (limit || part.body_bytes) + ' bytes: the journal keeps no more of a body'));
    }
    return out;
  }
  views.journal = journal;
  $('journal-operation').addEventListener('change', () => { journal.before = null; journal.load().catch(failed('journal')); });
  $('journal-failed').addEventListener('change', () => { journal.before = null; journal.load().catch(failed('journal')); });
  $('journal-older').addEventListener('click', () => {
    if (!journal.rows.length) return;
    journal.before = journal.rows[journal.rows.length - 1].sequence;
    journal.load().catch(failed('journal'));
  });
  $('journal-newest').addEventListener('click', () => { journal.before = null; journal.load().catch(failed('journal')); });

  // ---- Forecast resources ----
  const TYPE_ORDER = ['dataset-group', 'dataset', 'dataset-import-job', 'predictor', 'forecast', 'forecast-export-job',
    'predictor-backtest-export-job', 'explainability', 'explainability-export', 'monitor', 'what-if-analysis',
    'what-if-forecast', 'what-if-forecast-export'];
  const resources = {
    signature: '',
    open() { this.load().catch(failed('resources')); },
    async load() {
      const current = ticket('resources');
      const answer = await get('/resources');
      if (!current()) return;
      const signature = JSON.stringify(answer);
      if (signature === this.signature) return;
      this.signature = signature;
      const byType = new Map();
      for (const r of answer.resources) {
        if (!byType.has(r.type)) byType.set(r.type, []);
        byType.get(r.type).push(r);
      }
      const types = [...byType.keys()].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
      $('resources-count').textContent = answer.resources.length + ' resources';
      fill($('resources-list'),
        answer.resources.length ? null : h('p', { class: 'muted' }, 'No Forecast resource yet.'),
        types.map((type) => [
          h('h3', null, type + ' (' + byType.get(type).length + ')'),
          h('table', { class: 'grid', 'data-type': type },
            h('thead', null, h('tr', null, ['Name', 'Status', 'ARN', 'Created', 'Modified', ''].map((c) => h('th', null, c)))),
            h('tbody', null, byType.get(type).map((r) => h('tr', null,
              h('td', null, r.name),
              h('td', { class: 'status-' + r.status, title: r.message }, r.status, r.message ? h('div', { class: 'muted' }, r.message) : null),
              h('td', null, r.arn),
              h('td', null, fakeTime(r.creation_time)),
              h('td', null, fakeTime(r.last_modification_time)),
              h('td', null, resourceLinks(r)))))),
        ]));
    },
  };
  function resourceLinks(r) {
    const out = [];
    if (r.type === 'forecast' && r.status === 'ACTIVE') out.push(h('a', { href: '#plot' + query({ arn: r.arn }) }, 'plot'));
    const dest = parseS3Url(r.destination_path);
    if (dest) out.push(h('div', null, 'to ', h('a', { href: s3Route({ bucket: dest.bucket, prefix: dest.key }) }, r.destination_path)));
    if (r.exported_objects.length) {
      out.push(h('ul', { class: 'files' }, r.exported_objects.map((url) => {
        const o = parseS3Url(url);
        return h('li', null, o ? h('a', { href: s3Route({ bucket: o.bucket, key: o.key, prefix: o.key.replace(/[^/]*$/, '') }) }, o.key) : url);
      })));
    }
    return out;
  }
  views.resources = resources;
  $('resources-refresh').addEventListener('click', () => { resources.signature = ''; resources.open(); });

  // ---- S3 ----
  const s3 = {
    bucket: '',
    prefix: '',
    key: '',
    startAfter: [],   // the start_after of each page shown so far
    open(params) {
      this.bucket = params.bucket || this.bucket;
      if (params.prefix !== undefined) this.prefix = params.prefix;
      $('s3-prefix').value = this.prefix;
      this.key = params.key || '';
      this.startAfter = [''];
      this.loadBuckets().then(() => this.loadKeys()).catch(failed('S3'));
      if (this.key) this.openObject(this.key); else show($('s3-object'), false);
    },
    async loadBuckets() {
      const answer = await get('/buckets');
      if (!this.bucket && answer.buckets.length) this.bucket = answer.buckets[0].name;
      $('bucket-list').replaceChildren(...answer.buckets.map((b) => h('li', null,
        h('button', { type: 'button', class: b.name === this.bucket ? 'active' : null, title: 'created ' + fakeTime(b.creation_date),
          onclick: () => { location.hash = s3Route({ bucket: b.name }); } }, b.name))));
      if (!answer.buckets.length) $('bucket-list').append(h('li', { class: 'muted' }, 'No bucket yet.'));
      $('s3-bucket-name').textContent = this.bucket;
    },
    async loadKeys() {
      const body = $('s3-table').tBodies[0];
      if (!this.bucket) { body.replaceChildren(); return; }
      const current = ticket('s3-keys');
      const page = await get('/objects', {
        bucket: this.bucket, prefix: this.prefix, delimiter: $('s3-folders').checked ? '/' : '',
        start_after: this.startAfter[this.startAfter.length - 1], max_keys: 1000,
      });
      if (!current()) return;
      const rows = [];
      for (const p of page.common_prefixes) {
        rows.push(h('tr', { class: 'prefix' }, h('td', { colspan: 4 },
          h('a', { href: s3Route({ bucket: this.bucket, prefix: p }) }, p.slice(this.prefix.length) || p))));
      }
      for (const o of page.objects) {
        rows.push(h('tr', { 'data-key': o.key, class: o.key === this.key ? 'selected' : null },
          h('td', null, h('a', { href: s3Route({ bucket: this.bucket, prefix: this.prefix, key: o.key }) }, o.key.slice(this.prefix.length) || o.key)),
          h('td', { class: 'num', title: o.size + ' bytes' }, bytes(o.size)),
          h('td', null, o.etag),
          h('td', null, fakeTime(o.last_modified))));
      }
      body.replaceChildren(...rows);
      if (!rows.length) body.append(h('tr', null, h('td', { colspan: 4, class: 'muted' }, 'No key under this prefix.')));
      $('s3-count').textContent = page.objects.length + ' keys' + (page.common_prefixes.length ? ', ' + page.common_prefixes.length + ' folders' : '') +
        (this.startAfter.length > 1 ? ' (page ' + this.startAfter.length + ')' : '');
      const more = $('s3-more');
      show(more, page.truncated);
      more.onclick = () => { this.startAfter.push(page.next_start_after); this.loadKeys().catch(failed('S3')); };
    },
    async openObject(key) {
      const pane = $('s3-object');
      show(pane, true);
      pane.replaceChildren(h('p', { class: 'muted' }, 'reading ' + key + '…'));
      const current = ticket('s3-object');
      let o;
      try {
        o = await get('/object', { bucket: this.bucket, key, max_bytes: OBJECT_BYTES });
      } catch (err) {
        if (current()) pane.replaceChildren(h('p', { class: 'error' }, err.message));
        return;
      }
      if (!current()) return;
      const isCsv = /\.csv$/i.test(o.key) || /csv/i.test(o.content_type);
      fill(pane,
        h('h2', null, o.key),
        h('dl', null,
          h('dt', null, 'Size'), h('dd', null, o.size + ' bytes'),
          h('dt', null, 'ETag'), h('dd', null, o.etag),
          h('dt', null, 'Content-Type'), h('dd', null, o.content_type),
          h('dt', null, 'Last modified'), h('dd', null, fakeTime(o.last_modified))),
        o.body_truncated ? h('p', { class: 'cut' }, 'showing the first ' + o.body_bytes + ' of ' + o.size + ' bytes') : null,
        o.body === undefined
          ? [h('p', { class: 'muted' }, 'binary, as base64:'), h('pre', { class: 'body' }, o.body_base64)]
          : (isCsv ? csvTable(o.body, o.body_truncated) : h('pre', { class: 'body' }, o.body)));
    },
  };
  views.s3 = s3;
  $('s3-prefix').addEventListener('change', () => { location.hash = s3Route({ bucket: s3.bucket, prefix: $('s3-prefix').value }); });
  $('s3-folders').addEventListener('change', () => { s3.startAfter = ['']; s3.loadKeys().catch(failed('S3')); });
  $('s3-up').addEventListener('click', () => {
    const up = s3.prefix.replace(/[^/]*\/?$/, '');
    location.hash = s3Route({ bucket: s3.bucket, prefix: up });
  });

  // RFC 4180: quoted fields may hold commas, quotes ("") and newlines.
  function parseCsv(text, maxRows) {
    const rows = [];
    let row = [], field = '', quoted = false, i = 0;
    while (i < text.length && rows.length < maxRows) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
        if (c === '"') { quoted = false; i++; continue; }
        field += c; i++; continue;
      }
      if (c === '"' && field === '') { quoted = true; i++; continue; }
      if (c === ',') { row.push(field); field = ''; i++; continue; }
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (c === '\n' || c === '\r') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
      field += c; i++;
    }
    if ((field !== '' || row.length) && rows.length < maxRows) { row.push(field); rows.push(row); }
    return { rows, complete: i >= text.length };
  }
  function csvTable(text, truncated) {
    const { rows, complete } = parseCsv(text, CSV_ROWS + 1);
    if (!rows.length) return h('p', { class: 'muted' }, 'empty');
    const [head, ...data] = rows;
    return [
      h('div', { class: 'scroll short' }, h('table', { class: 'grid csv' },
        h('thead', null, h('tr', null, head.map((c) => h('th', null, c)))),
        h('tbody', null, data.map((r) => h('tr', null, r.map((c) => h('td', null, c))))))),
      !complete || truncated ? h('p', { class: 'cut' }, 'the table shows the first ' + data.length + ' rows') : null,
    ];
  }

  // ---- Forecast plot ----
  const COLORS = ['#2457c5', '#d1495b', '#2a9d8f', '#e09f3e', '#6c4ab6', '#3d7a3d', '#b5179e', '#555b6e'];
  const plot = {
    arn: '',
    series: [],
    checked: new Set(),
    open(params) {
      if (params.arn) this.arn = params.arn;
      this.loadForecasts().catch(failed('plot'));
    },
    async loadForecasts() {
      const answer = await get('/resources', { type: 'forecast' });
      const active = answer.resources.filter((r) => r.status === 'ACTIVE');
      const select = $('plot-forecast');
      select.replaceChildren(...active.map((r) => h('option', { value: r.arn }, r.name)));
      if (!active.length) {
        $('plot-note').textContent = 'No ACTIVE forecast yet.';
        $('plot-items').replaceChildren();
        $('plot-area').replaceChildren();
        $('plot-legend').replaceChildren();
        return;
      }
      if (!active.some((r) => r.arn === this.arn)) this.arn = active[0].arn;
      select.value = this.arn;
      await this.loadSeries();
    },
    async loadSeries() {
      const answer = await get('/forecasts/series', { arn: this.arn, limit: 500 });
      this.types = answer.forecast_types;
      this.dimensions = answer.dimensions;
      this.series = answer.series.map((s) => Object.assign(s, { label: seriesLabel(s, answer.dimensions) }));
      this.checked = new Set(this.series.slice(0, 3).map((s) => s.label));
      $('plot-note').textContent = answer.total + ' series' + (answer.truncated ? ' (the first ' + answer.series.length + ' listed)' : '') +
        '; forecast types ' + answer.forecast_types.map(typeLabel).join(', ');
      $('plot-items').replaceChildren(...this.series.map((s) => h('label', null,
        h('input', { type: 'checkbox', value: s.label, checked: this.checked.has(s.label), onchange: (ev) => {
          if (ev.target.checked) this.checked.add(s.label); else this.checked.delete(s.label);
          this.draw().catch(failed('plot'));
        } }), ' ' + s.label)));
      await this.draw();
    },
    async draw() {
      const chosen = this.series.filter((s) => this.checked.has(s.label));
      const items = [...new Set(chosen.map((s) => s.item_id))];
      const current = ticket('plot');
      const answers = await Promise.all(items.map((item) => get('/forecasts/values', { arn: this.arn, item_id: item })));
      if (!current()) return;
      const lines = [];
      answers.forEach((a) => {
        for (const s of a.series) {
          const label = seriesLabel({ item_id: a.item_id, dimension_values: s.dimension_values }, this.dimensions);
          if (this.checked.has(label)) lines.push({ label, dates: s.dates.map((d) => Date.parse(d)), values: s.values });
        }
      });
      lines.sort((a, b) => a.label.localeCompare(b.label));
      $('plot-area').replaceChildren(bandChart(lines, this.types));
      $('plot-legend').replaceChildren(...lines.map((l, i) => h('span', null,
        h('span', { class: 'swatch', 'data-color': i }), l.label)));
      for (const sw of $('plot-legend').querySelectorAll('.swatch')) sw.style.background = COLORS[Number(sw.dataset.color) % COLORS.length];
    },
  };
  function seriesLabel(s, dimensions) {
    const dims = (s.dimension_values || []).map((v, i) => (dimensions[i] || 'dim' + i) + '=' + v);
    return dims.length ? s.item_id + ' (' + dims.join(', ') + ')' : s.item_id;
  }
  views.plot = plot;
  $('plot-forecast').addEventListener('change', (ev) => { plot.arn = ev.target.value; plot.loadSeries().catch(failed('plot')); });

  // One band per series, from its lowest to its highest quantile, and a line
  // at its median (or mean, or middle type).
  function bandChart(lines, types) {
    const W = 960, H = 380, L = 60, R = 20, T = 20, B = 40;
    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'forecast band chart' });
    if (!lines.length) {
      chart.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', text: 'pick an item' }));
      return chart;
    }
    const quantiles = types.map((t, i) => ({ t, i, q: Number(t) })).filter((x) => Number.isFinite(x.q) && x.t !== '')
      .sort((a, b) => a.q - b.q);
    const lowIdx = quantiles.length ? quantiles[0].i : 0;
    const highIdx = quantiles.length ? quantiles[quantiles.length - 1].i : 0;
    let midIdx = types.indexOf('0.5');
    if (midIdx < 0) midIdx = types.indexOf('mean');
    if (midIdx < 0) midIdx = quantiles.length ? quantiles[Math.floor(quantiles.length / 2)].i : 0;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const l of lines) {
      for (const d of l.dates) { x0 = Math.min(x0, d); x1 = Math.max(x1, d); }
      for (const v of l.values.flat()) { y0 = Math.min(y0, v); y1 = Math.max(y1, v); }
    }
    if (!Number.isFinite(x0)) { x0 = 0; x1 = 1; }
    if (x1 === x0) x1 = x0 + 86400000;
    if (!Number.isFinite(y0)) { y0 = 0; y1 = 1; }
    const yt = niceTicks(Math.min(0, y0), y1 === y0 ? y0 + 1 : y1, 6);
    y0 = yt[0]; y1 = yt[yt.length - 1];
    const X = (d) => L + (d - x0) / (x1 - x0) * (W - L - R);
    const Y = (v) => H - B - (v - y0) / (y1 - y0) * (H - T - B);
    const grid = svg('g', { class: 'grid' });
    const axis = svg('g', { class: 'axis' });
    for (const v of yt) {
      grid.append(svg('line', { x1: L, x2: W - R, y1: Y(v), y2: Y(v) }));
      axis.append(svg('text', { x: L - 6, y: Y(v) + 4, 'text-anchor': 'end', text: formatNumber(v) }));
    }
    const span = x1 - x0;
    // Ticks on the forecast's own dates, so a label names a point drawn.
    const dates = lines[0].dates;
    const steps = Math.min(8, Math.max(1, dates.length - 1));
    for (let k = 0; k <= steps; ++k) {
      const d = dates.length ? dates[Math.round(k * (dates.length - 1) / steps)] : x0 + span * k / steps;
      const anchor = k === 0 ? 'start' : (k === steps ? 'end' : 'middle');
      axis.append(svg('line', { x1: X(d), x2: X(d), y1: H - B, y2: H - B + 4 }));
      axis.append(svg('text', { x: X(d), y: H - B + 18, 'text-anchor': anchor, text: new Date(d).toISOString().slice(0, span > 3 * 86400000 ? 10 : 16).replace('T', ' ') }));
    }
    axis.append(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B }));
    chart.append(grid, axis);
    lines.forEach((l, i) => {
      const color = COLORS[i % COLORS.length];
      const g = svg('g', { class: 'series', 'data-item': l.label });
      const pts = (idx) => l.dates.map((d, k) => [X(d), Y(l.values[idx][k])]);
      if (quantiles.length >= 2) {
        const upper = pts(highIdx), lower = pts(lowIdx).reverse();
        const d = 'M' + upper.concat(lower).map(([x, y]) => x.toFixed(1) + ',' + y.toFixed(1)).join('L') + 'Z';
        g.append(svg('path', { class: 'band', d, fill: color, 'fill-opacity': 0.18, stroke: 'none' },
          svg('title', { text: l.label + ': ' + typeLabel(types[lowIdx]) + '–' + typeLabel(types[highIdx]) })));
      }
      const mid = pts(midIdx);
      g.append(svg('path', { class: 'median', d: 'M' + mid.map(([x, y]) => x.toFixed(1) + ',' + y.toFixed(1)).join('L'),
        fill: 'none', stroke: color, 'stroke-width': 2 },
        svg('title', { text: l.label + ': ' + typeLabel(types[midIdx]) })));
      chart.append(g);
    });
    return chart;
  }
  function niceTicks(lo, hi, n) {
    const raw = (hi - lo) / n;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) || raw;
    const ticks = [];
    for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
    if (ticks[ticks.length - 1] < hi) ticks.push(ticks[ticks.length - 1] + step);
    return ticks;
  }
  function formatNumber(v) { return Math.abs(v) >= 1e4 ? v.toExponential(1) : String(Number(v.toPrecision(4))); }

  // ---- Faults and clock ----
  const faults = {
    signature: '',
    open() { this.load().catch(failed('faults')); renderClock(); },
    async load() {
      const current = ticket('faults');
      const answer = await get('/faults');
      if (!current()) return;
      const signature = JSON.stringify(answer);
      if (signature === this.signature) return;
      this.signature = signature;
      $('faults-table').tBodies[0].replaceChildren(...answer.faults.map((f) => h('tr', { 'data-id': f.id },
        h('td', { class: 'num' }, f.id),
        h('td', null, f.rule, f.spent ? h('div', { class: 'muted' }, 'spent: fired as often as it may') : null),
        h('td', { class: 'num' }, f.fired),
        h('td', { class: 'num' }, f.matched),
        h('td', null, h('button', { type: 'button', class: 'disarm', onclick: () => this.disarm(f.id) }, 'Disarm')))));
      show($('faults-empty'), answer.faults.length === 0);
    },
    async disarm(id) {
      await api('DELETE', '/faults/' + encodeURIComponent(id)).catch(failed('disarm'));
      this.load().catch(failed('faults'));
    },
  };
  views.faults = faults;
  function renderClock() {
    if (!clockState) return;
    $('clock-now').textContent = fakeTime(clockState.now);
    $('clock-mode').textContent = {
      manual: 'frozen: moves only when advanced',
      step: 'steps ' + clockState.step_ms + ' ms on each AWS request',
      real: 'real time',
    }[clockState.mode] || clockState.mode;
  }
  async function changeClock(body) {
    const err = $('clock-error');
    try {
      clockState = await api('POST', '/clock', body);
      show(err, false);
      $('clock-badge').textContent = fakeTime(clockState.now) + ' (' + clockState.mode + ')';
      renderClock();
    } catch (e) {
      err.textContent = e.message;
      show(err, true);
    }
  }
  $('clock-advance').addEventListener('click', () => {
    const ms = Math.round(Number($('clock-amount').value) * Number($('clock-unit').value));
    changeClock({ advance_ms: ms });
  });
  $('clock-freeze').addEventListener('click', () => changeClock({ mode: 'manual' }));
  $('clock-stepmode').addEventListener('click', () => changeClock({ mode: 'step', step_ms: Math.round(Number($('clock-step').value)) }));
  $('clock-real').addEventListener('click', () => changeClock({ mode: 'real' }));
  $('faults-clear').addEventListener('click', () => {
    api('DELETE', '/faults').then(() => faults.load()).catch(failed('faults'));
  });
  function syncArmForm() {
    const action = $('arm-action').value;
    for (const el of document.querySelectorAll('#arm-form .for-error')) show(el, action === 'error');
    for (const el of document.querySelectorAll('#arm-form .for-custom')) show(el, action === 'error' && $('arm-error').value === '');
    $('arm-times').disabled = $('arm-always').checked;
  }
  for (const id of ['arm-action', 'arm-error', 'arm-always']) $(id).addEventListener('change', syncArmForm);
  syncArmForm();
  $('arm-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const rule = { action: $('arm-action').value };
    if (rule.action === 'error') {
      rule.error = $('arm-error').value || {
        type: $('arm-type').value.trim(), message: $('arm-message').value, http_status: Number($('arm-status').value),
      };
    }
    const operation = $('arm-operation').value.trim();
    if (operation) rule.operation = operation;
    const s3rule = { method: $('arm-s3-method').value.trim(), bucket: $('arm-s3-bucket').value.trim(), key: $('arm-s3-key').value.trim() };
    if (s3rule.method || s3rule.bucket || s3rule.key) {
      rule.s3 = {};
      for (const [k, v] of Object.entries(s3rule)) if (v) rule.s3[k] = v;
    }
    rule.from_call = Number($('arm-from').value);
    if ($('arm-always').checked) rule.always = true; else rule.times = Number($('arm-times').value);
    const p = Number($('arm-probability').value);
    if (p !== 1) rule.probability = p;
    const latency = Number($('arm-latency').value);
    if (latency > 0) rule.latency_ms = latency;
    const result = $('arm-result');
    try {
      const armed = await api('POST', '/faults', rule);
      result.className = 'ok';
      result.textContent = 'armed #' + armed.id + ': ' + armed.rule;
    } catch (e) {
      result.className = 'bad';
      result.textContent = (e.type ? e.type + ': ' : '') + e.message;
    }
    faults.load().catch(failed('faults'));
  });

  // ---- start, and poll while visible ----
  api('GET', '/health').then((hl) => { $('health').textContent = hl.account_id + ' · ' + hl.region + ' ·'; }).catch(failed('health'));
  window.addEventListener('hashchange', navigate);
  refreshClock().catch(failed('clock'));
  navigate();
  let ticks = 0;
  setInterval(() => {
    if (document.hidden) return;
    ++ticks;
    refreshClock().catch(failed('clock'));
    if (current === 'journal' && journal.before === null && $('journal-live').checked) journal.load().catch(failed('journal'));
    if (current === 'faults') faults.load().catch(failed('faults'));
    if (current === 'resources' && ticks % 2 === 0) resources.load().catch(failed('resources'));
  }, POLL_MS);
})();
