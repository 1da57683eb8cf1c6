// The control page (GET /_fakeaws/ui) in headless Chromium, driven by
// puppeteer-core, against a running fakeaws-server (tests/ui/ui_test.py
// starts it and installs what this needs).
//
//   node ui_test.mjs <endpoint> <screenshot dir> <chromium binary>
//
// Each check prints "ok" or "FAIL"; the exit code is 1 when any failed. Every
// expected value is read from the fake (its control API, its AWS answers),
// not written down here. Screenshots of each view land in <screenshot dir>.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [endpoint, shots, chromium] = process.argv.slice(2);
if (!endpoint || !shots || !chromium) {
  console.error('usage: node ui_test.mjs <endpoint> <screenshot dir> <chromium>');
  process.exit(2);
}
const UI = endpoint + '/_fakeaws/ui';
const WAIT_MS = 10000;

const failures = [];
function check(ok, what, detail) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what + (ok || detail === undefined ? '' : ': ' + detail));
  if (!ok) failures.push(what);
  return ok;
}

// ---- the fake, as clients and test scripts reach it ----
async function control(method, p, body) {
  const r = await fetch(endpoint + '/_fakeaws' + p, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await r.json();
  if (!r.ok) throw new Error(method + ' ' + p + ': ' + r.status + ' ' + JSON.stringify(data));
  return data;
}
// Unsigned AWS calls: the server checks signatures only when told to.
async function forecastCall(operation, input) {
  const r = await fetch(endpoint + '/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AmazonForecast.' + operation },
    body: JSON.stringify(input),
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}
function objectUrl(bucket, key) {
  return endpoint + '/' + bucket + '/' + key.split('/').map(encodeURIComponent).join('/');
}
async function s3Put(bucket, key, body, contentType) {
  const r = await fetch(objectUrl(bucket, key), {
    method: 'PUT', body, headers: contentType ? { 'Content-Type': contentType } : {},
  });
  await r.arrayBuffer();
  if (!r.ok) throw new Error('PUT ' + key + ': ' + r.status);
}
async function s3Get(bucket, key) {
  const r = await fetch(objectUrl(bucket, key));
  return { status: r.status, body: await r.text() };
}
async function newest() {
  return (await control('GET', '/journal?order=newest&limit=1&view=summary')).entries[0];
}

// ---- the page ----
async function shot(page, name) {
  const file = path.join(shots, name + '.png');
  await page.screenshot({ path: file });
  console.log('screenshot ' + file);
}
async function waitFor(page, what, fn, ...args) {
  try {
    await page.waitForFunction(fn, { timeout: WAIT_MS, polling: 100 }, ...args);
    return true;
  } catch (e) {
    return check(false, what, 'not within ' + WAIT_MS + ' ms');
  }
}
// Another view of the open page: a same-document navigation, as a click on a tab.
async function view(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
}
function journalRows(page) {
  return page.$$eval('#journal-table tbody tr', (trs) => trs.map((tr) => ({
    sequence: Number(tr.dataset.sequence),
    cells: [...tr.cells].map((td) => td.textContent),
    failed: tr.classList.contains('failed'),
  })));
}
// What the page put in the DOM from data that held markup: nothing but text.
function injected(page) {
  return page.evaluate(() => ({
    scripts: document.scripts.length,
    images: document.images.length,
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
  }));
}

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // As root (CI containers) Chromium runs only without its sandbox.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    userDataDir: path.join(shots, '..', 'chromium-profile'),
  });
  const consoleErrors = [];
  const foreign = [];
  const journalFetches = [];
  async function openPage() {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 820 });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(endpoint + '/') && !url.startsWith('data:')) foreign.push(url);
      if (url.includes('/_fakeaws/journal?')) journalFetches.push(url);
    });
    return page;
  }

  try {
    // ---- state to look at ----
    await control('POST', '/buckets', { name: 'exports' });
    const items = ['alpha', 'beta', 'gamma', 'delta'];
    const horizon = 14;
    const { arn: forecastArn } = await control('POST', '/forecasts', { name: 'demand', series: items, horizon });
    const job = await forecastCall('CreateForecastExportJob', {
      ForecastExportJobName: 'weekly', ForecastArn: forecastArn,
      Destination: { S3Config: { Path: 's3://exports/weekly/', RoleArn: 'arn:aws:iam::123456789012:role/ForecastExportRole' } },
    });
    check(job.status === 200, 'CreateForecastExportJob answers 200', JSON.stringify(job));
    await control('POST', '/clock', { advance_ms: 60 * 60 * 1000 });  // past the export's lifecycle
    await forecastCall('DescribeForecastExportJob', { ForecastExportJobArn: job.body.ForecastExportJobArn });
    const bigBody = 'x'.repeat(70000);
    await s3Put('exports', 'big/blob.txt', bigBody, 'text/plain');
    await s3Get('exports', 'big/blob.txt');
    await forecastCall('DescribeForecast', { ForecastArn: forecastArn + '_missing' });
    // Markup in a key and in a body: the page must show both as text.
    const evilKey = 'notes/<script>window.__pwned="key"</script><img src=x onerror="window.__pwned=\'img\'">.txt';
    const evilBody = '<script>window.__pwned="body"</script><b>bold?</b>';
    await s3Put('exports', evilKey, evilBody, 'text/html');
    const before = await newest();

    // ---- journal: loads, newest first, shows the request made just before ----
    const page = await openPage();
    const response = await page.goto(UI, { waitUntil: 'load' });
    check(response.status() === 200, 'GET /_fakeaws/ui answers 200');
    await waitFor(page, 'the journal renders', () => document.querySelectorAll('#journal-table tbody tr').length > 0);
    let rows = await journalRows(page);
    check(rows.length > 0 && rows[0].sequence === before.sequence,
      'the top row is the request made just before (#' + before.sequence + ' ' + before.operation + ')',
      JSON.stringify(rows[0]));
    check(rows.every((r, i) => i === 0 || r.sequence < rows[i - 1].sequence), 'rows are newest first');
    const journalSize = (await control('GET', '/journal?view=summary')).entries.length;
    check(rows.length === journalSize, 'one row per journaled request', rows.length + ' rows, ' + journalSize + ' entries');
    const top = rows[0].cells;
    check(top[2].includes(before.operation) && top[2].includes(evilKey), 'the row names the operation and the key as text',
      top[2]);
    check(top[1] === before.time.replace('T', ' ').replace('Z', ''), 'the time is the fake clock\'s', top[1]);

    // Live: a request made while the page is open appears without a reload.
    await forecastCall('ListForecasts', {});
    const live = await newest();
    await waitFor(page, 'a new request appears while the page is open',
      (seq) => Number(document.querySelector('#journal-table tbody tr')?.dataset.sequence) === seq, live.sequence);

    // The injected markup, in the row, stayed text.
    let dom = await injected(page);
    check(dom.scripts === 1 && dom.images === 0 && dom.pwned === null,
      'a <script> key in the journal renders as text', JSON.stringify(dom));

    // A row opens the exact request and response.
    await page.click('#journal-table tbody tr[data-sequence="' + before.sequence + '"]');
    await waitFor(page, 'the entry opens', () => !document.getElementById('journal-detail').hidden &&
      document.querySelectorAll('#journal-detail pre.body').length > 0);
    const exact = await control('GET', '/journal/' + before.sequence);
    const detail = await page.$eval('#journal-detail', (el) => ({
      line: el.querySelector('code.line')?.textContent,
      bodies: [...el.querySelectorAll('pre.body')].map((p) => p.textContent),
      headers: [...el.querySelectorAll('table.headers')].map((t) => [...t.rows].map((r) => [r.cells[0].textContent, r.cells[1].textContent])),
    }));
    check(detail.line === exact.request.method + ' ' + exact.request.target, 'the request line is the one sent', detail.line);
    check(detail.bodies[0] === evilBody, 'the request body is shown exactly, as text', detail.bodies[0]);
    check(JSON.stringify(detail.headers[0]) === JSON.stringify(exact.request.headers), 'the request headers are shown exactly');
    check(JSON.stringify(detail.headers[1]) === JSON.stringify(exact.response.headers), 'the response headers are shown exactly');
    dom = await injected(page);
    check(dom.scripts === 1 && dom.images === 0 && dom.pwned === null, 'a <script> body renders as text', JSON.stringify(dom));
    await shot(page, 'journal');

    // A body past the journal's limit is cut there and says so.
    const putBig = (await control('GET', '/journal?operation=s3:PutObject&view=summary')).entries
      .find((e) => e.key === 'big/blob.txt');
    const bigEntry = await control('GET', '/journal/' + putBig.sequence);
    await page.click('#journal-table tbody tr[data-sequence="' + putBig.sequence + '"]');
    await waitFor(page, 'the cut entry opens', (seq) => document.querySelector('#journal-detail h2')?.textContent.startsWith('#' + seq + ' '),
      putBig.sequence);
    const cut = await page.$eval('#journal-detail', (el) => ({
      body: el.querySelector('pre.body')?.textContent.length,
      marks: [...el.querySelectorAll('.cut')].map((p) => p.textContent),
    }));
    check(cut.body === bigEntry.request.body_bytes && cut.body < bigBody.length,
      'a long body is shown up to the journal\'s limit', cut.body + ' of ' + bigBody.length);
    check(cut.marks.length === 1 && cut.marks[0].includes(String(bigEntry.body_limit)), 'and marked as cut', JSON.stringify(cut.marks));

    // Filters: errors only, and one operation.
    await page.click('#journal-failed');
    const failedCount = (await control('GET', '/journal?failed=true&view=summary')).entries.length;
    await waitFor(page, 'errors only', (n) => document.querySelectorAll('#journal-table tbody tr').length === n, failedCount);
    rows = await journalRows(page);
    check(failedCount > 0 && rows.length === failedCount && rows.every((r) => r.failed), 'errors only shows the failed requests',
      rows.length + ' rows, ' + failedCount + ' failed');
    await page.click('#journal-failed');
    await page.$eval('#journal-operation', (el, op) => { el.value = op; el.dispatchEvent(new Event('change')); }, 's3:PutObject');
    const puts = (await control('GET', '/journal?operation=s3:PutObject&view=summary')).entries.length;
    await waitFor(page, 'operation filter', (n) => document.querySelectorAll('#journal-table tbody tr').length === n, puts);
    rows = await journalRows(page);
    check(rows.length === puts && rows.every((r) => r.cells[2].startsWith('s3:PutObject')), 'the operation filter shows only that operation',
      rows.map((r) => r.cells[2]).join(' | '));

    // ---- forecast resources: by type, an export job links to its files ----
    await view(page, '#resources');
    await waitFor(page, 'resources render', () => document.querySelector('table[data-type="forecast-export-job"] tbody tr'));
    const jobs = (await control('GET', '/resources?type=forecast-export-job')).resources;
    const shownJob = await page.$eval('table[data-type="forecast-export-job"] tbody tr', (tr) => ({
      cells: [...tr.cells].map((td) => td.textContent),
      files: [...tr.querySelectorAll('ul.files a')].map((a) => a.textContent),
    }));
    check(jobs.length === 1 && shownJob.cells[0] === jobs[0].name && shownJob.cells[1].startsWith(jobs[0].status) &&
      shownJob.cells[2] === jobs[0].arn, 'the export job shows its name, status and ARN', JSON.stringify(shownJob.cells));
    const exported = jobs[0].exported_objects.map((u) => u.replace('s3://exports/', ''));
    check(exported.length > 0 && JSON.stringify(shownJob.files) === JSON.stringify(exported),
      'the export job links to each of its files', JSON.stringify(shownJob.files));
    const types = await page.$$eval('#resources-list table[data-type]', (ts) => ts.map((t) => t.dataset.type));
    check(types.includes('forecast') && types.includes('forecast-export-job'), 'resources are grouped by type', types.join(', '));
    await shot(page, 'resources');

    // ---- S3: the link opens the file, a CSV as a table ----
    await page.click('table[data-type="forecast-export-job"] ul.files a');
    await waitFor(page, 'the exported file opens', () => document.querySelector('#s3-object table.csv tbody tr'));
    const csv = (await s3Get('exports', exported[0])).body.split('\n').filter((l) => l !== '');
    const table = await page.$eval('#s3-object table.csv', (t) => ({
      head: [...t.tHead.rows[0].cells].map((c) => c.textContent),
      rows: t.tBodies[0].rows.length,
      first: [...t.tBodies[0].rows[0].cells].map((c) => c.textContent),
    }));
    check(table.head.join(',') === csv[0] && table.first.join(',') === csv[1] && table.rows === csv.length - 1,
      'a CSV object opens as a table of its rows', JSON.stringify(table.head) + ' ' + table.rows + ' rows');
    const listed = await control('GET', '/objects?bucket=exports&delimiter=%2F&prefix=' + encodeURIComponent('weekly/'));
    const shownKeys = await page.$$eval('#s3-table tbody tr[data-key]', (trs) => trs.map((tr) => ({
      key: tr.dataset.key, size: tr.cells[1].title, etag: tr.cells[2].textContent,
    })));
    check(JSON.stringify(shownKeys) === JSON.stringify(listed.objects.map((o) => ({ key: o.key, size: o.size + ' bytes', etag: o.etag }))),
      'keys under the prefix, with size and ETag', JSON.stringify(shownKeys.slice(0, 2)));
    await shot(page, 's3-csv');

    // The key holding markup, listed and opened, stays text.
    // "</script>" holds a '/': the key's folder is everything to its last one.
    const evilFolder = evilKey.slice(0, evilKey.lastIndexOf('/') + 1);
    await view(page, '#s3?bucket=exports&prefix=' + encodeURIComponent(evilFolder) + '&key=' + encodeURIComponent(evilKey));
    // The CSV's rows stay until the new listing is drawn: wait for that one.
    await waitFor(page, 'the markup key lists', (folder) =>
      document.querySelector('#s3-table tbody tr[data-key]')?.dataset.key.startsWith(folder) &&
      document.querySelector('#s3-object pre.body'), evilFolder);
    const evil = await page.evaluate(() => ({
      key: document.querySelector('#s3-table tbody tr[data-key]').dataset.key,
      link: document.querySelector('#s3-table tbody tr[data-key] a').textContent,
      title: document.querySelector('#s3-object h2').textContent,
      body: document.querySelector('#s3-object pre.body').textContent,
    }));
    check(evil.key === evilKey && evil.title === evilKey && evil.link === evilKey.slice(evilFolder.length) && evil.body === evilBody,
      'an injected <script> in a key renders as text', JSON.stringify(evil));
    dom = await injected(page);
    check(dom.scripts === 1 && dom.images === 0 && dom.pwned === null, 'and runs nothing', JSON.stringify(dom));
    await shot(page, 's3-markup');

    // ---- forecast plot: one band per item ----
    await view(page, '#plot?arn=' + encodeURIComponent(forecastArn));
    await waitFor(page, 'the item list renders', (n) => document.querySelectorAll('#plot-items input').length === n, items.length);
    await page.$$eval('#plot-items input', (boxes) => boxes.forEach((b) => { if (!b.checked) b.click(); }));
    await waitFor(page, 'every item is drawn', (n) => document.querySelectorAll('#plot-area g.series').length === n, items.length);
    const series = await control('GET', '/forecasts/series?arn=' + encodeURIComponent(forecastArn));
    const bands = await page.$$eval('#plot-area g.series', (gs) => gs.map((g) => ({
      item: g.dataset.item,
      bands: g.querySelectorAll('path.band').length,
      points: (g.querySelector('path.band')?.getAttribute('d').match(/[ML]/g) || []).length,
      medians: g.querySelectorAll('path.median').length,
    })));
    const values = await control('GET', '/forecasts/values?arn=' + encodeURIComponent(forecastArn) + '&item_id=' + items[0]);
    const dates = values.series[0].dates.length;
    check(bands.length === series.series.length &&
      JSON.stringify(bands.map((b) => b.item).sort()) === JSON.stringify(series.series.map((s) => s.item_id).sort()),
      'the plot has one series per item', JSON.stringify(bands.map((b) => b.item)));
    check(bands.every((b) => b.bands === 1 && b.medians === 1 && b.points === 2 * dates),
      'each item is one p10-p90 band (two edges over ' + dates + ' dates) and one median', JSON.stringify(bands));
    await shot(page, 'plot');

    // ---- faults and clock: arm from the page, the next request fails ----
    await view(page, '#faults');
    await waitFor(page, 'the clock renders', () => document.getElementById('clock-now').textContent !== '');
    await page.select('#arm-action', 'error');
    await page.select('#arm-error', 'ThrottlingException');
    await page.$eval('#arm-operation', (el) => { el.value = 'AmazonForecast.ListForecasts'; });
    await page.click('#arm-submit');
    await waitFor(page, 'the fault is armed', () => document.getElementById('arm-result').className === 'ok');
    const armed = (await control('GET', '/faults')).faults;
    check(armed.length === 1 && armed[0].error.type === 'ThrottlingException' && armed[0].operation === 'AmazonForecast.ListForecasts',
      'the page armed the rule it was given', JSON.stringify(armed));
    const throttled = await forecastCall('ListForecasts', {});
    check(throttled.status === 400 && String(throttled.body && throttled.body.__type).includes('ThrottlingException'),
      'arming a fault from the page makes the next request fail', JSON.stringify(throttled));
    const after = await forecastCall('ListForecasts', {});
    check(after.status === 200, 'and only as often as armed (once)', JSON.stringify(after));
    // Both calls are answered, so the counts are final; the page polls, so a
    // render taken between the two calls may show fewer matches for a moment.
    const counts = (await control('GET', '/faults')).faults[0];
    check(counts.fired === 1, 'the fault fired once', JSON.stringify(counts));
    await waitFor(page, 'the fault\'s counts update', (fired, matched) => {
      const row = document.querySelector('#faults-table tbody tr');
      return row && row.cells[2].textContent === fired && row.cells[3].textContent === matched;
    }, String(counts.fired), String(counts.matched));
    const faultRow = await page.$eval('#faults-table tbody tr', (tr) => [...tr.cells].map((c) => c.textContent));
    check(faultRow[2] === String(counts.fired) && faultRow[3] === String(counts.matched),
      'armed faults show their counts', JSON.stringify(faultRow) + ' vs ' + JSON.stringify(counts));

    // The clock: freeze, advance.
    await page.click('#clock-freeze');
    await waitFor(page, 'the clock freezes', () => document.getElementById('clock-mode').textContent.startsWith('frozen'));
    const frozen = await control('GET', '/clock');
    check(frozen.mode === 'manual', 'Freeze freezes the fake\'s clock', JSON.stringify(frozen));
    await page.$eval('#clock-amount', (el) => { el.value = '2'; });
    await page.select('#clock-unit', '60000');
    await page.click('#clock-advance');
    const advancedTo = new Date(Date.parse(frozen.now) + 120000).toISOString().replace('.000Z', 'Z');
    await waitFor(page, 'the clock advances', (t) => document.getElementById('clock-now').textContent === t,
      advancedTo.replace('T', ' ').replace('Z', ''));
    const advanced = await control('GET', '/clock');
    check(advanced.now === advancedTo, 'Advance moves the clock by what it was given', frozen.now + ' -> ' + advanced.now);
    await shot(page, 'faults-clock');
    await page.click('#faults-table button.disarm');
    await waitFor(page, 'disarm', () => !document.getElementById('faults-empty').hidden);
    check((await control('GET', '/faults')).faults.length === 0, 'Disarm disarms');

    check(consoleErrors.length === 0, 'no console error on any view', consoleErrors.join(' | '));
    check(foreign.length === 0, 'nothing fetched from anywhere but the fake', foreign.join(' '));
    await page.close();

    // ---- 10,000 journal entries: how long the page takes to show them ----
    const capacity = (await control('GET', '/journal?limit=1')).capacity;
    await control('DELETE', '/journal');
    const fillStart = Date.now();
    let next = 0;
    async function worker() {
      while (next < capacity) {
        const i = next++;
        const r = await forecastCall('DescribeForecast', { ForecastArn: forecastArn + (i % 10 === 0 ? '_missing' : '') });
        if (r.status === 0) throw new Error('no answer');
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker));
    const full = await control('GET', '/journal?limit=1&view=summary');
    console.log('filled the journal with ' + full.size + ' entries in ' + (Date.now() - fillStart) + ' ms');
    check(full.size === capacity, 'the journal holds ' + capacity + ' entries');
    // The whole journal in one answer, what the page would cost without pages.
    let t = Date.now();
    const whole = await fetch(endpoint + '/_fakeaws/journal');
    const wholeBytes = (await whole.arrayBuffer()).byteLength;
    console.log('GET /_fakeaws/journal (all ' + full.size + ', full view): ' + wholeBytes + ' bytes in ' + (Date.now() - t) + ' ms');
    journalFetches.length = 0;
    const big = await openPage();
    t = Date.now();
    await big.goto(UI, { waitUntil: 'load' });
    await waitFor(big, '10,000 entries render', () => document.body.dataset.journalRendered !== undefined);
    const elapsed = Date.now() - t;
    const rendered = await big.evaluate(() => ({
      rows: document.querySelectorAll('#journal-table tbody tr').length,
      at: Number(document.body.dataset.journalRendered),
      count: document.getElementById('journal-count').textContent,
    }));
    console.log('page load with ' + full.size + ' journal entries: first rows at ' + rendered.at + ' ms after navigation start (' +
      elapsed + ' ms wall, goto to rows), ' + rendered.rows + ' rows; ' + rendered.count);
    check(rendered.rows > 0 && rendered.rows < full.size, 'the page shows a page of the journal, not all of it',
      rendered.rows + ' rows');
    check(journalFetches.length > 0 && journalFetches.every((u) => /[?&]limit=\d+/.test(u) && u.includes('view=summary')),
      'the page asks for a page of summaries', journalFetches[0]);
    await shot(big, 'journal-10000');
    await big.close();
    check(consoleErrors.length === 0, 'no console error with a full journal', consoleErrors.join(' | '));
  } finally {
    await browser.close();
  }
  console.log(failures.length ? failures.length + ' check(s) failed' : 'all checks passed');
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
