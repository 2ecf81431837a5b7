// Browser tests of the search page served by `vankien serve`.
//
//   cd tests/web && npm ci && VANKIEN_BIN=../../build/cli/vankien node --test search_page.test.mjs
//
// (VANKIEN_WEB_DIR=../../web serves the page from the source tree instead of
// the copy built into the binary.)
//
// Builds a database from examples/corpus and tests/web/fixtures in a temp dir,
// makes an access key, starts `vankien serve` on a free loopback port, and
// drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through
// playwright-core. Never downloads a browser. Screenshots go to
// $VANKIEN_ARTIFACTS/web (default: build/test-artifacts/web).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const BIN = process.env.VANKIEN_BIN || path.join(ROOT, 'build', 'cli', 'vankien');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = path.join(process.env.VANKIEN_ARTIFACTS || path.join(ROOT, 'build', 'test-artifacts'), 'web');

const TEST_TIMEOUT = 60_000;     // one test
const WAIT = 10_000;             // one wait inside a test
const FILE_TIMEOUT = 300_000;    // the whole file, setup included
const SERVER_READY = 15_000;

// A document of examples/corpus marked MẬT (confidential), and a query that
// finds it (and public documents) once the reader holds a key.
const RESTRICTED_ID = 'examples/corpus/documents/13-kh-hu-van-lang.txt';
const RESTRICTED_QUERY = 'phat huy dan chu co so Van Lang';

let tmp;
let server;            // child process
let serverLog = '';
let baseUrl;
let accessKey;
let browser;

// ------------------------------------------------------------------ helpers

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

function run(args) {
  return execFileSync(BIN, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  const child = server;
  return new Promise((resolve) => {
    const killer = setTimeout(() => {
      try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, 5_000);
    const done = setTimeout(resolve, 8_000);   // never hang here
    child.once('exit', () => { clearTimeout(killer); clearTimeout(done); resolve(); });
    try { process.kill(child.pid, 'SIGTERM'); } catch { clearTimeout(killer); clearTimeout(done); resolve(); }
  });
}

// Last resort: never leave the server behind, whatever happens to this process.
process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    try { process.kill(server.pid, 'SIGKILL'); } catch { /* gone */ }
  }
});
const watchdog = setTimeout(() => {
  console.error(`search_page.test.mjs: whole-file timeout (${FILE_TIMEOUT} ms)`);
  process.exit(1);
}, FILE_TIMEOUT);
watchdog.unref();

function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    const timer = setTimeout(() => reject(new Error(`vankien serve did not report a port within ${SERVER_READY} ms; it said:\n${serverLog}`)), SERVER_READY);
    const keep = (chunk) => {
      serverLog += chunk.toString();
      if (serverLog.length > 200_000) serverLog = serverLog.slice(-100_000);
      const m = /vankien serve: listening on (http:\/\/[^\s]+)/.exec(serverLog);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/?$/, '/'));
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`vankien serve exited (${code ?? signal}) before it listened:\n${serverLog}`)); });
  });
}

// Fetches the API from Node, as a reader without a key (or with one).
async function apiGet(pathAndQuery, key) {
  const headers = key ? { Authorization: `Bearer ${key}` } : {};
  const res = await fetch(new URL(pathAndQuery, baseUrl), { headers, signal: AbortSignal.timeout(WAIT) });
  return { status: res.status, body: await res.json() };
}

// Runs an action and waits until the page has rendered its result.
async function settled(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.renders || 0));
  await action();
  await page.waitForFunction(
    (n) => Number(document.body.dataset.renders || 0) > n && document.body.dataset.state !== 'loading',
    before, { timeout: WAIT });
}

async function open(page, query = '') {
  await page.goto(new URL(query, baseUrl).href, { timeout: WAIT, waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => Number(document.body.dataset.renders || 0) > 0 && document.body.dataset.state !== 'loading', null, { timeout: WAIT });
}

async function search(page, words) {
  await page.fill('#q', words);
  await settled(page, () => page.press('#q', 'Enter'));
}

const hitIds = (page) => page.$$eval('#results .hit', (hits) => hits.map((h) => h.dataset.id));
const totalText = (page) => page.textContent('#total');
const param = (page, name) => new URL(page.url()).searchParams.get(name);

async function facetValues(page, name) {
  return page.$$eval(`#facets [data-facet="${name}"] .facet-value`, (els) => els.map((e) => ({
    value: e.dataset.value,
    count: Number((e.querySelector('.facet-count')?.textContent || '').replace(/\D/g, '')),
    active: e.classList.contains('active'),
  })));
}

// One browser test: a fresh context (so a fresh sessionStorage), a page that
// fails the test on any dialog or uncaught error, and a screenshot at the end.
function webTest(name, fn, contextOptions = {}) {
  test(name, { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', ...contextOptions });
    context.setDefaultTimeout(WAIT);
    context.setDefaultNavigationTimeout(WAIT);
    const page = await context.newPage();
    const problems = [];
    page.on('dialog', (dialog) => {
      problems.push(`a dialog opened: ${dialog.type()} ${JSON.stringify(dialog.message())}`);
      dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (error) => problems.push(`uncaught error in the page: ${error.message}`));
    try {
      await fn(page, context);
      assert.deepEqual(problems, [], 'the page raised a dialog or an error');
    } finally {
      try {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '')}.png`), fullPage: true, timeout: WAIT });
      } catch (e) {
        console.error(`screenshot of "${name}" failed: ${e.message}`);
      }
      await context.close();
    }
  });
}

// ------------------------------------------------------------------ setup

before(async () => {
  assert.ok(fs.existsSync(BIN), `no vankien binary at ${BIN} (set VANKIEN_BIN)`);
  assert.ok(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-web-'));
  const db = path.join(tmp, 'db');
  const keys = path.join(tmp, 'keys');
  run(['index', '--quiet', '--db', db, '--root', ROOT,
    path.join(ROOT, 'examples', 'corpus'), path.join(ROOT, 'tests', 'web', 'fixtures') + path.sep]);
  // The restricted document is there, and is confidential.
  const shown = JSON.parse(run(['show', '--db', db, '--json', '--clearance', 'confidential', RESTRICTED_ID]));
  assert.equal(shown.access, 'confidential');
  accessKey = run(['keys', 'add', '--keys', keys, '--clearance', 'mat']).trim();
  assert.match(accessKey, /^\S+$/, 'keys add prints the key alone on one line');
  const serveArgs = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--keys', keys];
  // The page is built into the server; VANKIEN_WEB_DIR serves a directory instead (web/ while editing it).
  if (process.env.VANKIEN_WEB_DIR) serveArgs.push('--web', process.env.VANKIEN_WEB_DIR);
  baseUrl = await startServer(serveArgs);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-gpu'],
    timeout: 30_000,
  });
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  await stopServer();
  if (tmp && !process.env.VANKIEN_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
});

// ------------------------------------------------------------------ tests

webTest('unaccented query finds accented documents and suggests the accents', async (page) => {
  await open(page);
  await search(page, 'phuong thuc lanh dao');
  const titles = await page.$$eval('#results .hit .hit-title', (els) => els.map((e) => e.textContent));
  assert.ok(titles.length > 0, 'hits');
  assert.ok(titles.some((t) => t.toLowerCase().includes('phương thức lãnh đạo')), `an accented title among ${JSON.stringify(titles)}`);
  assert.match(await totalText(page), /^\d[\d.]* văn bản$/);
  assert.equal(param(page, 'q'), 'phuong thuc lanh dao');

  assert.ok(await page.isVisible('#suggestion'), 'the suggestion shows');
  assert.match(await page.textContent('#suggestion'), /^Có phải bạn muốn tìm: phương thức lãnh đạo$/);
  await settled(page, () => page.click('#suggestion a'));
  assert.equal(param(page, 'q'), 'phương thức lãnh đạo');
  assert.equal(await page.inputValue('#q'), 'phương thức lãnh đạo');
  assert.ok((await hitIds(page)).length > 0);
});

webTest('a district facet filters the hits and the counts follow', async (page) => {
  await open(page, '?q=lanh+dao');
  const totalBefore = await totalText(page);
  const districts = await facetValues(page, 'district');
  assert.ok(districts.length > 1, 'several districts');
  const typeSumBefore = (await facetValues(page, 'type')).reduce((s, v) => s + v.count, 0);
  const pick = districts[0];
  assert.ok(pick.count > 0);

  await settled(page, () => page.click(`#facets [data-facet="district"] .facet-value[data-value="${pick.value}"]`));
  assert.equal(param(page, 'district'), pick.value);
  assert.equal(await totalText(page), `${pick.count} văn bản`);
  const shown = await page.$$eval('#results .hit .meta [data-field="district"]', (els) => els.map((e) => e.textContent));
  const hits = await hitIds(page);
  assert.equal(shown.length, hits.length, 'every hit shows its district');
  const name = fold(pick.value.split(',')[0].trim());
  for (const d of shown) assert.equal(fold(d), name, `hit district ${d}`);

  const after = await facetValues(page, 'district');
  const active = after.find((v) => v.active);
  assert.ok(active, 'the chosen value is marked active');
  assert.equal(active.value, pick.value);
  assert.equal(active.count, pick.count);
  const typeSumAfter = (await facetValues(page, 'type')).reduce((s, v) => s + v.count, 0);
  assert.ok(typeSumAfter <= pick.count && typeSumAfter < typeSumBefore, `type counts follow the filter (${typeSumBefore} -> ${typeSumAfter})`);
  const chip = page.locator('#chips .chip');
  assert.equal(await chip.count(), 1);
  assert.match(await chip.textContent(), new RegExp(`Huyện: ${pick.value}`));

  // Clicking the active value again removes the filter; so does the chip.
  await settled(page, () => page.click(`#facets [data-facet="district"] .facet-value[data-value="${pick.value}"]`));
  assert.equal(param(page, 'district'), null);
  assert.equal(await totalText(page), totalBefore);
  await settled(page, () => page.click(`#facets [data-facet="district"] .facet-value[data-value="${pick.value}"]`));
  assert.equal(param(page, 'district'), pick.value);
  await settled(page, () => page.click('#chips .chip'));
  assert.equal(param(page, 'district'), null);
  assert.equal(await totalText(page), totalBefore);
  assert.equal(await page.locator('#chips .chip').count(), 0);
});

webTest('highlights are marks in the snippets and match the query words', async (page) => {
  await open(page);
  await search(page, 'phuong thuc lanh dao');
  const words = new Set(['phuong', 'thuc', 'lanh', 'dao']);
  const marks = await page.$$eval('#results .hit .snippet mark', (els) => els.map((e) => e.textContent));
  assert.ok(marks.length >= 4, `marks: ${JSON.stringify(marks)}`);
  for (const m of marks) assert.ok(words.has(fold(m)), `mark "${m}" is a query word`);
  assert.ok(marks.some((m) => m !== fold(m)), 'marks keep the accents of the text');
  const stray = await page.$$eval('mark', (els) => els.filter((e) => !e.closest('#results .hit .snippet')).length);
  assert.equal(stray, 0, 'no mark outside the snippets');

  await search(page, 'chuyển đổi số');
  const marks2 = await page.$$eval('#results .hit .snippet mark', (els) => els.map((e) => e.textContent.toLowerCase()));
  assert.ok(marks2.includes('chuyển') && marks2.includes('đổi') && marks2.includes('số'), `marks: ${marks2}`);
  // Typed with accents, a word still matches its other spellings where the body lacks the typed one.
  for (const m of marks2) assert.ok(['chuyen', 'doi', 'so', 'chuyen doi so'].includes(fold(m)), `mark "${m}"`);
  // The snippet's text is the excerpt: marks split it, nothing added or lost.
  const hit = await apiGet(`/search?q=${encodeURIComponent('chuyển đổi số')}&limit=10`);
  const first = hit.body.hits[0];
  const shown = await page.textContent(`#results .hit[data-id="${first.id}"] .snippet`);
  assert.ok(shown.replace(/^…|…$/g, '') === first.snippet.text, `snippet text:\n${shown}\nvs\n${first.snippet.text}`);
});

webTest('paging shows ten hits a page, next and prev', async (page) => {
  await open(page, '?q=huyen');
  const total = Number((await totalText(page)).replace(/\D/g, ''));
  assert.ok(total > 10, `a broad query (${total} hits)`);
  const page1 = await hitIds(page);
  assert.equal(page1.length, 10);
  assert.ok(await page.isDisabled('#prev'));
  assert.match(await page.textContent('#page'), /Trang 1\b/);

  await settled(page, () => page.click('#next'));
  assert.equal(param(page, 'page'), '2');
  assert.match(await page.textContent('#page'), /Trang 2\b/);
  const page2 = await hitIds(page);
  assert.ok(page2.length > 0);
  assert.equal(page2.filter((id) => page1.includes(id)).length, 0, 'page 2 has other hits');
  assert.ok(!(await page.isDisabled('#prev')));

  await settled(page, () => page.click('#prev'));
  assert.equal(param(page, 'page'), null);
  assert.match(await page.textContent('#page'), /Trang 1\b/);
  assert.deepEqual(await hitIds(page), page1);
});

webTest('the document view shows every field and the body', async (page) => {
  const id = 'web-full-fields';
  const { status, body: doc } = await apiGet(`/documents/${encodeURIComponent(id)}`);
  assert.equal(status, 200);
  await open(page, `?q=${encodeURIComponent('so ket chuyen doi so')}`);
  await settled(page, () => page.click(`#results .hit[data-id="${id}"] .hit-title a`));
  assert.equal(param(page, 'doc'), id);
  assert.equal(param(page, 'q'), 'so ket chuyen doi so');
  assert.ok(await page.isVisible('#document'));
  assert.ok(!(await page.isVisible('#results')));
  assert.equal(await page.textContent('#document-title'), doc.title);

  const field = (name) => page.textContent(`#document [data-field="${name}"]`);
  const expected = {
    id: 'web-full-fields', date: '20/12/2024', type: 'Báo cáo', number: '88-BC/HU',
    issuer: 'Huyện ủy Chợ Mới', district: 'Chợ Mới', province: 'Bắc Kạn', term: '2020-2025',
    author: 'Nguyễn Thị Lan', url: 'https://example.org/so-ket-chuyen-doi-so', access: 'Công khai',
    lead: 'Sau một năm triển khai, các chi bộ đã quen với sinh hoạt trên nền tảng số.',
  };
  for (const [name, value] of Object.entries(expected)) assert.equal(await field(name), value, name);
  assert.equal(await field('successor_province'), doc.successor_province || '—');
  assert.equal(await field('encoding'), doc.encoding || '—');
  assert.ok(doc.topics.length > 0);
  for (const topic of doc.topics) assert.ok((await field('topics')).includes(topic), `topic ${topic}`);
  for (const tag of ['chuyển đổi số', 'sơ kết']) assert.ok((await field('tags')).includes(tag), `tag ${tag}`);
  assert.ok((await field('cited_numbers')).includes('05-NQ/HU'));
  assert.equal(await page.getAttribute('#document [data-field="url"] a', 'href'), 'https://example.org/so-ket-chuyen-doi-so');

  // The body, paragraphs kept.
  assert.equal(await page.textContent('#document-body'), doc.body);
  assert.ok(doc.body.includes('\n\n'));
  assert.equal(await page.$eval('#document-body', (e) => getComputedStyle(e).whiteSpace), 'pre-wrap');
  const lines = await page.$eval('#document-body', (e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)));
  assert.ok(lines >= 5, `paragraphs on their own lines (${lines} lines)`);

  // Back to the results.
  await settled(page, () => page.click('text=← Quay lại kết quả'));
  assert.equal(param(page, 'doc'), null);
  assert.ok(await page.isVisible(`#results .hit[data-id="${id}"]`));

  // An inferred term says so; an unknown document is not found.
  const inferred = await apiGet('/documents/web-xss-script');
  await open(page, '?doc=web-xss-script');
  if (inferred.body.term_inferred) assert.equal(await field('term'), `${inferred.body.term} (suy ra)`);
  await open(page, '?doc=no-such-document');
  assert.equal((await page.textContent('#document')).includes('Không tìm thấy văn bản'), true);
});

webTest('a restricted document needs the key', async (page, context) => {
  const sentKeys = new Set();
  page.on('request', (req) => {
    const auth = req.headers().authorization;
    if (auth) sentKeys.add(auth);
  });
  // Without a key: not among the hits, and the view says not found.
  await open(page, `?q=${encodeURIComponent(RESTRICTED_QUERY)}`);
  const publicHits = await hitIds(page);
  assert.ok(publicHits.length > 0, 'the query finds public documents');
  assert.ok(!publicHits.includes(RESTRICTED_ID), 'no restricted hit without a key');
  await open(page, `?doc=${encodeURIComponent(RESTRICTED_ID)}`);
  assert.ok(await page.isVisible('#not-found'));
  assert.equal(await page.textContent('#not-found'), 'Không tìm thấy văn bản');
  assert.ok(!(await page.textContent('#document')).includes('KẾ HOẠCH'));

  // A wrong key is refused.
  await page.fill('#key', 'not-a-key');
  await settled(page, () => page.click('#key-save'));
  assert.ok(await page.isVisible('#error'));
  assert.match(await page.textContent('#error'), /Khóa không hợp lệ/);

  // The right key: the document shows.
  await page.fill('#key', accessKey);
  await settled(page, () => page.click('#key-save'));
  assert.ok(!(await page.isVisible('#error')));
  assert.match(await page.textContent('#document-title'), /phát huy dân chủ cơ sở/);
  assert.equal(await page.textContent('#document [data-field="access"]'), 'Mật');
  assert.equal(await page.textContent('#document [data-field="id"]'), RESTRICTED_ID);
  await open(page, `?q=${encodeURIComponent(RESTRICTED_QUERY)}`);
  assert.ok((await hitIds(page)).includes(RESTRICTED_ID), 'the restricted hit with the key');
  assert.equal(await page.textContent(`#results .hit[data-id="${RESTRICTED_ID}"] [data-field="access"]`), 'Mật');

  // Kept for the session only, sent as a bearer token, never in the URL.
  assert.equal(await page.evaluate(() => sessionStorage.getItem('vankien.key')), accessKey);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.ok(!page.url().includes(accessKey));
  assert.ok(sentKeys.has(`Bearer ${accessKey}`));
  assert.equal((await context.cookies()).length, 0);

  // Clearing it hides the document again.
  await settled(page, () => page.click('#key-clear'));
  assert.ok(!(await hitIds(page)).includes(RESTRICTED_ID));
  assert.equal(await page.evaluate(() => sessionStorage.getItem('vankien.key')), null);
});

webTest('hostile titles and bodies render as text', async (page) => {
  await open(page);
  await search(page, 'chuyen doi so');
  const ids = await hitIds(page);
  assert.ok(ids.includes('web-xss-script') && ids.includes('web-xss-img'), `hits ${ids}`);
  assert.ok(!ids.includes('web-mat-plan'), 'the restricted fixture stays hidden');
  const title = await page.textContent('#results .hit[data-id="web-xss-script"] .hit-title');
  assert.ok(title.includes('<script>alert(1)</script>'), title);
  assert.ok((await page.textContent('#results .hit[data-id="web-xss-img"] .hit-title')).startsWith('"><img src=x onerror=alert(1)>'));
  const count = () => page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    onerror: document.querySelectorAll('[onerror]').length,
    scripts: document.scripts.length,
  }));
  await page.waitForTimeout(300);
  assert.deepEqual(await count(), { img: 0, onerror: 0, scripts: 1 });

  await open(page, '?doc=web-xss-script');
  assert.ok((await page.textContent('#document-title')).includes('<script>alert(1)</script>'));
  assert.ok((await page.textContent('#document-body')).includes('"><img src=x onerror=alert(1)>'));
  await open(page, '?doc=web-xss-img');
  assert.ok((await page.textContent('#document-body')).includes('<script>alert(1)</script>'));
  assert.equal(await page.locator('#document [data-field="url"] a').count(), 0, 'a javascript: url is no link');
  assert.equal(await page.textContent('#document [data-field="url"]'), 'javascript:alert(1)');
  await page.waitForTimeout(300);
  assert.deepEqual(await count(), { img: 0, onerror: 0, scripts: 1 });
  assert.equal(await page.title(), '"><img src=x onerror=alert(1)> Kế hoạch chuyển đổi số năm 2024 — Văn kiện');

  // And the script never parses text as HTML.
  const source = fs.readFileSync(path.join(ROOT, 'web', 'app.js'), 'utf8').replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
}, { bypassCSP: true });   // the page's own escaping is under test, not the server's Content-Security-Policy

webTest('API errors are shown', async (page) => {
  const query = '?q=lanh+dao&year=not-a-year';
  const { status, body } = await apiGet(`/search${query}`);
  assert.equal(status, 400);
  await open(page, query);
  assert.ok(await page.isVisible('#error'));
  assert.ok((await page.textContent('#error')).includes(body.error.message), 'the server\'s message');
  assert.equal(await page.locator('#results .hit').count(), 0);
  // Dropping the bad filter (its chip) clears the error.
  await settled(page, () => page.click('#chips .chip[data-name="year"]'));
  assert.ok(!(await page.isVisible('#error')));
  assert.ok((await hitIds(page)).length > 0);
});

webTest('the URL holds the search: reload, share and back', async (page, context) => {
  await open(page, '?q=lanh+dao');
  const unfiltered = await hitIds(page);
  const pick = (await facetValues(page, 'district'))[0];
  await settled(page, () => page.click(`#facets [data-facet="district"] .facet-value[data-value="${pick.value}"]`));
  await settled(page, () => page.selectOption('#sort', '-date'));
  assert.equal(param(page, 'sort'), '-date');
  const filtered = await hitIds(page);
  const url = page.url();
  assert.equal(param(page, 'district'), pick.value);
  const dates = await page.$$eval('#results .hit', (hits) => hits.map((h) => h.querySelector('[data-field="date"]')?.textContent || ''));
  const iso = dates.filter(Boolean).map((d) => d.split('/').reverse().join('-'));
  assert.deepEqual(iso, [...iso].sort().reverse(), `newest first: ${dates}`);

  await page.reload({ timeout: WAIT });
  await page.waitForFunction(() => Number(document.body.dataset.renders || 0) > 0 && document.body.dataset.state !== 'loading', null, { timeout: WAIT });
  assert.deepEqual(await hitIds(page), filtered);
  assert.equal(await page.inputValue('#q'), 'lanh dao');
  assert.equal(await page.inputValue('#sort'), '-date');

  const shared = await context.newPage();
  await open(shared, new URL(url).search);
  assert.deepEqual(await hitIds(shared), filtered);
  await shared.close();

  // Back: the sort change, then the filter.
  await settled(page, () => page.goBack({ timeout: WAIT }));
  assert.equal(param(page, 'sort'), null);
  assert.equal(param(page, 'district'), pick.value);
  await settled(page, () => page.goBack({ timeout: WAIT }));
  assert.equal(param(page, 'district'), null);
  assert.deepEqual(await hitIds(page), unfiltered);
  assert.equal(await page.locator('#chips .chip').count(), 0);

  // Dates: from/to go to the URL and bound the hits.
  await settled(page, () => page.fill('#from', '2019-01-01'));
  assert.equal(param(page, 'from'), '2019-01-01');
  const from = await page.$$eval('#results .hit [data-field="date"]', (els) => els.map((e) => e.textContent.split('/').reverse().join('-')));
  assert.ok(from.length > 0 && from.every((d) => d >= '2019-01-01'), `dates from 2019: ${from}`);
});

webTest('a phone-sized screen has no horizontal scrolling', async (page) => {
  await open(page, '?q=lanh+dao');
  const box = await page.locator('#q').boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `search box inside the screen: ${JSON.stringify(box)}`);
  assert.ok(await page.isVisible('#results .hit'));
  const widths = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  let w = await widths();
  assert.ok(w.scroll <= w.client, `no horizontal scroll on the results: ${JSON.stringify(w)}`);
  // Facets go under the results.
  const results = await page.locator('#results').boundingBox();
  const facets = await page.locator('#facets').boundingBox();
  assert.ok(facets.y >= results.y + results.height, 'facets under the results');
  assert.ok(facets.width <= 390);

  await open(page, `?doc=${encodeURIComponent('web-full-fields')}`);
  w = await widths();
  assert.ok(w.scroll <= w.client, `no horizontal scroll on a document: ${JSON.stringify(w)}`);
  await open(page, '?q=lanh+dao');
}, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
