// vankien search page. Plain ES module, no framework, no build step.
//
// Safety rule for this file: nothing that comes from the server is ever parsed
// as HTML. Every piece of document text goes into the page through
// textContent / text nodes (see el() and buildSnippet()); links to the
// outside are made only from http(s) URLs.

const PAGE_SIZE = 10;
// Filters the URL and the API share, in the order they are written to URLs.
const FILTERS = ['district', 'province', 'term', 'topic', 'type', 'year', 'issuer', 'number', 'cites'];
const FACETS = ['district', 'province', 'term', 'topic', 'type', 'year'];
const SORTS = ['relevance', '-date', 'date'];
const LABELS = {
  district: 'Huyện', province: 'Tỉnh', term: 'Nhiệm kỳ', topic: 'Chủ đề', type: 'Loại văn bản',
  year: 'Năm', issuer: 'Cơ quan ban hành', number: 'Số hiệu', cites: 'Trích dẫn',
};
const ACCESS_LABELS = {
  public: 'Công khai', internal: 'Lưu hành nội bộ', confidential: 'Mật', secret: 'Tối mật',
  top_secret: 'Tuyệt mật',
};
const KEY_STORAGE = 'vankien.key';

const $ = (id) => document.getElementById(id);
const ui = {
  searchForm: $('search-form'), q: $('q'), from: $('from'), to: $('to'), sort: $('sort'),
  controls: $('controls'), chips: $('chips'), error: $('error'),
  searchView: $('search-view'), suggestion: $('suggestion'), total: $('total'), notices: $('notices'),
  results: $('results'), pager: $('pager'), prev: $('prev'), next: $('next'), page: $('page'),
  facets: $('facets'), document: $('document'),
  keyForm: $('key-form'), key: $('key'), keyClear: $('key-clear'), keyStatus: $('key-status'),
  home: $('home'),
};

// ---------------------------------------------------------------- helpers

// Creates an element. attrs: className, href, text, dataset {...}, or plain
// attributes (set with setAttribute, never as HTML). Children: nodes or strings
// (strings become text nodes).
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'text') node.textContent = String(value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

const str = (v) => (v === null || v === undefined ? '' : String(v));
const list = (v) => (Array.isArray(v) ? v.map(str).filter((s) => s !== '') : (str(v) ? [str(v)] : []));
const formatCount = (n) => (Number.isFinite(Number(n)) ? Number(n).toLocaleString('vi-VN') : str(n));

function formatDate(date, precision) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str(date));
  if (!m) return str(date);
  const [, y, mo, d] = m;
  switch (precision) {
    case 'year': return `năm ${y}`;
    case 'month': return `tháng ${mo}/${y}`;
    case 'quarter': return `quý ${['I', 'II', 'III', 'IV'][Math.floor((Number(mo) - 1) / 3)] || ''}/${y}`;
    default: return `${d}/${mo}/${y}`;
  }
}

function safeExternalUrl(url) {
  const s = str(url).trim();
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- state <-> URL

function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTERS) {
    const v = (p.get(name) || '').trim();
    if (v) filters[name] = v;
  }
  const sort = p.get('sort') || 'relevance';
  const page = Number.parseInt(p.get('page') || '1', 10);
  return {
    q: p.get('q') || '',
    filters,
    from: p.get('from') || '',
    to: p.get('to') || '',
    sort: SORTS.includes(sort) ? sort : 'relevance',
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 1000) : 1,
    doc: p.get('doc') || '',
  };
}

function stateQuery(state) {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set('q', state.q.trim());
  for (const name of FILTERS) if (state.filters[name]) p.set(name, state.filters[name]);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort && state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.doc) p.set('doc', state.doc);
  const s = p.toString();
  return s ? `?${s}` : '';
}

const hrefFor = (state) => `${location.pathname}${stateQuery(state)}`;
const hasSearch = (state) => Boolean(state.q.trim() || Object.keys(state.filters).length || state.from || state.to);

let state = readState();

function navigate(next, { replace = false } = {}) {
  state = next;
  const href = hrefFor(next);
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  render();
}

function withChanges(changes) {
  return { ...state, filters: { ...state.filters }, doc: '', page: 1, ...changes };
}

// Follows an in-page link with pushState unless the reader wants a new tab.
function followLink(event, next) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(next);
  window.scrollTo(0, 0);
}

// ---------------------------------------------------------------- access key

let memoryKey = '';
function getKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) || '';
  } catch {
    return memoryKey;
  }
}
function setKey(key) {
  memoryKey = key;
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // Storage refused (private mode): the key lives as long as this page.
  }
}
function showKeyStatus() {
  ui.keyStatus.textContent = getKey() ? 'Đang dùng khóa' : '';
}

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let inflight = null;

async function api(path) {
  if (inflight) inflight.abort();
  const controller = new AbortController();
  inflight = controller;
  const headers = { Accept: 'application/json' };
  const key = getKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  let response;
  try {
    response = await fetch(path, { headers, signal: controller.signal, cache: 'no-store', credentials: 'same-origin' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    body = null;
  }
  if (controller.signal.aborted) throw new DOMException('superseded', 'AbortError');
  if (!response.ok) {
    const err = (body && typeof body.error === 'object' && body.error) || {};
    throw new ApiError(response.status, str(err.code), str(err.message) || `Lỗi máy chủ (${response.status})`);
  }
  if (!body || typeof body !== 'object') throw new ApiError(response.status, 'bad_response', 'Máy chủ trả về dữ liệu không hợp lệ.');
  return body;
}

function errorText(e) {
  if (e.status === 401) return `Khóa không hợp lệ${e.message ? ` (${e.message})` : ''}`;
  return e.message || 'Đã có lỗi.';
}

function showError(message) {
  ui.error.textContent = message;
  ui.error.hidden = !message;
}

// ---------------------------------------------------------------- rendering

let renders = 0;
function setBusy(busy, outcome = 'ready') {
  document.body.dataset.state = busy ? 'loading' : outcome;
  document.getElementById('main').setAttribute('aria-busy', busy ? 'true' : 'false');
  if (!busy) document.body.dataset.renders = String(++renders);
}

function syncControls() {
  ui.q.value = state.q;
  ui.from.value = state.from;
  ui.to.value = state.to;
  ui.sort.value = state.sort;
  ui.chips.replaceChildren();
  for (const name of FILTERS) {
    const value = state.filters[name];
    if (!value) continue;
    const chip = el('button', {
      type: 'button', className: 'chip', dataset: { name, value },
      'aria-label': `Bỏ lọc ${LABELS[name]}: ${value}`, title: 'Bỏ bộ lọc này',
    }, el('span', { className: 'chip-label', text: `${LABELS[name]}: ` }), el('span', { className: 'chip-value', text: value }), el('span', { className: 'chip-x', 'aria-hidden': 'true', text: ' ✕' }));
    ui.chips.append(chip);
  }
  ui.chips.hidden = ui.chips.childElementCount === 0;
}

async function render() {
  syncControls();
  showError('');
  if (state.doc) {
    await renderDocument();
  } else {
    await renderSearch();
  }
}

function clearSearchView() {
  ui.suggestion.hidden = true;
  ui.suggestion.replaceChildren();
  ui.total.textContent = '';
  ui.notices.replaceChildren();
  ui.results.replaceChildren();
  ui.facets.replaceChildren();
  ui.pager.hidden = true;
}

function showSearchView() {
  ui.document.hidden = true;
  ui.document.replaceChildren();
  ui.searchView.hidden = false;
  ui.controls.hidden = false;
}

async function renderSearch() {
  showSearchView();
  document.title = state.q.trim() ? `${state.q.trim()} — Văn kiện` : 'Văn kiện — Tìm kiếm văn bản';
  if (!hasSearch(state)) {
    clearSearchView();
    ui.results.append(el('li', { className: 'hint', text: 'Nhập từ khóa để tìm văn bản (gõ có dấu hoặc không dấu đều được).' }));
    setBusy(false);
    return;
  }
  const p = new URLSearchParams();
  p.set('q', state.q.trim());
  for (const name of FILTERS) if (state.filters[name]) p.set(name, state.filters[name]);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  p.set('sort', state.sort);
  p.set('offset', String((state.page - 1) * PAGE_SIZE));
  p.set('limit', String(PAGE_SIZE));
  p.set('facets', FACETS.join(','));
  const requested = state;
  setBusy(true);
  let data;
  try {
    data = await api(`/search?${p}`);
  } catch (e) {
    if (e.name === 'AbortError') return;
    clearSearchView();
    showError(errorText(e));
    setBusy(false, 'error');
    return;
  }
  if (requested !== state) return;
  clearSearchView();
  renderSuggestion(data);
  renderTotal(data);
  renderHits(data);
  renderPager(data);
  renderFacets(data);
  setBusy(false);
}

function renderSuggestion(data) {
  const suggestion = str(data.suggestion).trim();
  if (!suggestion || suggestion === state.q.trim()) return;
  const next = withChanges({ q: suggestion });
  const link = el('a', { href: hrefFor(next), className: 'suggestion-link', text: suggestion });
  link.addEventListener('click', (event) => followLink(event, next));
  ui.suggestion.append('Có phải bạn muốn tìm: ', link);
  ui.suggestion.hidden = false;
}

function renderTotal(data) {
  const total = Number(data.total) || 0;
  const lower = data.total_lower ?? total;
  const upper = data.total_upper ?? total;
  const approx = Number(lower) !== Number(upper);
  ui.total.textContent = `${approx ? 'khoảng ' : ''}${formatCount(total)} văn bản`;
  if (data.relaxed) {
    ui.notices.append(el('p', { className: 'notice relaxed', text: 'Không văn bản nào có đủ mọi từ; đây là những văn bản có nhiều từ nhất' }));
  }
  for (const warning of list(data.warnings)) {
    ui.notices.append(el('p', { className: 'notice warning', text: warning }));
  }
  const missing = list(data.missing_shards);
  if (missing.length || data.partial === true) {
    const which = missing.length ? ` (không trả lời: ${missing.join(', ')})` : '';
    ui.notices.append(el('p', { className: 'notice partial', text: `Kết quả chưa đầy đủ: một phần cơ sở dữ liệu không trả lời${which}.` }));
  }
}

function metaLine(doc) {
  const parts = [];
  const add = (field, text) => {
    if (text) parts.push(el('span', { className: `m-${field}`, dataset: { field }, text }));
  };
  add('date', doc.date ? formatDate(doc.date, doc.date_precision) : '');
  add('type', str(doc.type));
  add('number', str(doc.number));
  add('district', str(doc.district));
  add('province', str(doc.province));
  add('term', doc.term ? `Nhiệm kỳ ${doc.term}${doc.term_inferred ? ' (suy ra)' : ''}` : '');
  add('topics', list(doc.topics).join('; '));
  if (doc.access && doc.access !== 'public') add('access', ACCESS_LABELS[doc.access] || str(doc.access));
  const line = el('p', { className: 'meta' });
  parts.forEach((part, i) => {
    if (i) line.append(el('span', { className: 'sep', 'aria-hidden': 'true', text: ' · ' }));
    line.append(part);
  });
  return line;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

// The excerpt is body bytes [begin, end); highlights are body byte offsets.
// Built from text nodes and <mark> elements only.
function buildSnippet(snippet) {
  if (!snippet || typeof snippet !== 'object' || !str(snippet.text)) return null;
  const bytes = encoder.encode(str(snippet.text));
  const begin = Number(snippet.begin) || 0;
  const ranges = [];
  for (const h of Array.isArray(snippet.highlights) ? snippet.highlights : []) {
    if (!Array.isArray(h) || h.length < 2) continue;
    const b = Math.max(0, Math.min(bytes.length, Number(h[0]) - begin));
    const e = Math.max(0, Math.min(bytes.length, Number(h[1]) - begin));
    if (Number.isFinite(b) && Number.isFinite(e) && e > b) ranges.push([b, e]);
  }
  ranges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out = el('p', { className: 'snippet' });
  if (begin > 0) out.append('…');
  let pos = 0;
  for (const [b, e] of merged) {
    if (b > pos) out.append(decoder.decode(bytes.subarray(pos, b)));
    out.append(el('mark', { text: decoder.decode(bytes.subarray(b, e)) }));
    pos = e;
  }
  if (pos < bytes.length) out.append(decoder.decode(bytes.subarray(pos)));
  if (str(snippet.html).endsWith('…')) out.append('…');
  return out;
}

function renderHits(data) {
  const hits = Array.isArray(data.hits) ? data.hits : [];
  if (!hits.length) {
    ui.results.append(el('li', { className: 'empty', text: 'Không tìm thấy văn bản nào' }));
    return;
  }
  for (const hit of hits) {
    const id = str(hit.id);
    const next = { ...state, doc: id };
    const link = el('a', { href: hrefFor(next), className: 'title', text: str(hit.title) || id });
    link.addEventListener('click', (event) => followLink(event, next));
    const item = el('li', { className: 'hit', dataset: { id } }, el('h2', { className: 'hit-title' }, link), metaLine(hit));
    const snippet = buildSnippet(hit.snippet);
    if (snippet) item.append(snippet);
    else if (str(hit.lead)) item.append(el('p', { className: 'snippet', text: str(hit.lead) }));
    ui.results.append(item);
  }
}

function renderPager(data) {
  const total = Number(data.total) || 0;
  const shown = Array.isArray(data.hits) ? data.hits.length : 0;
  const offset = (state.page - 1) * PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (total <= PAGE_SIZE && state.page === 1) return;
  ui.pager.hidden = false;
  ui.page.textContent = `Trang ${state.page} / ${formatCount(pages)}`;
  ui.prev.disabled = state.page <= 1;
  ui.next.disabled = offset + shown >= total || shown < PAGE_SIZE;
}

function renderFacets(data) {
  const facets = data.facets && typeof data.facets === 'object' ? data.facets : {};
  for (const name of FACETS) {
    const values = Array.isArray(facets[name]) ? facets[name] : [];
    const active = state.filters[name];
    if (!values.length && !active) continue;
    const group = el('section', { className: 'facet', dataset: { facet: name } }, el('h2', { text: LABELS[name] }));
    const ul = el('ul');
    const seen = new Set();
    const entries = values.map((v) => ({ value: str(v && v.value), count: v && v.count }))
      .filter((v) => v.value !== '');
    if (active && !entries.some((v) => v.value === active)) entries.unshift({ value: active, count: null });
    for (const { value, count } of entries) {
      if (seen.has(value)) continue;
      seen.add(value);
      const isActive = active === value;
      const button = el('button', {
        type: 'button', className: `facet-value${isActive ? ' active' : ''}`,
        dataset: { value }, 'aria-pressed': isActive ? 'true' : 'false',
        title: isActive ? 'Bỏ lọc' : 'Lọc theo giá trị này',
      }, el('span', { className: 'facet-label', text: value }),
      count === null || count === undefined ? null : el('span', { className: 'facet-count', text: formatCount(count) }));
      button.addEventListener('click', () => toggleFilter(name, value));
      ul.append(el('li', {}, button));
    }
    group.append(ul);
    ui.facets.append(group);
  }
}

function toggleFilter(name, value) {
  const filters = { ...state.filters };
  if (filters[name] === value) delete filters[name];
  else filters[name] = value;
  navigate(withChanges({ filters }));
}

// ---------------------------------------------------------------- document view

const DOC_FIELDS = [
  ['id', 'Mã văn bản'], ['date', 'Ngày'], ['type', 'Loại văn bản'], ['number', 'Số hiệu'],
  ['issuer', 'Cơ quan ban hành'], ['district', 'Huyện'], ['province', 'Tỉnh'],
  ['successor_province', 'Tỉnh sau sáp nhập'], ['term', 'Nhiệm kỳ'], ['topics', 'Chủ đề'],
  ['author', 'Tác giả'], ['url', 'Nguồn'], ['access', 'Mức truy cập'], ['tags', 'Thẻ'],
  ['encoding', 'Bảng mã gốc'], ['cited_numbers', 'Văn bản được trích dẫn'], ['lead', 'Tóm tắt'],
];

function backLink() {
  const back = { ...state, doc: '' };
  const link = el('a', { href: hrefFor(back), className: 'back', id: 'back', text: '← Quay lại kết quả' });
  link.addEventListener('click', (event) => followLink(event, back));
  return link;
}

function fieldValue(doc, name) {
  switch (name) {
    case 'date': return doc.date ? formatDate(doc.date, doc.date_precision) : '';
    case 'term': return doc.term ? `${doc.term}${doc.term_inferred ? ' (suy ra)' : ''}` : '';
    case 'access': return doc.access ? ACCESS_LABELS[doc.access] || str(doc.access) : '';
    case 'url': {
      const url = str(doc.url);
      if (!url) return '';
      const safe = safeExternalUrl(url);
      return safe ? el('a', { href: safe, rel: 'noopener noreferrer nofollow', target: '_blank', text: url }) : url;
    }
    case 'cited_numbers': {
      const numbers = list(doc.cited_numbers);
      if (!numbers.length) return '';
      const span = el('span');
      numbers.forEach((number, i) => {
        if (i) span.append(', ');
        const next = { q: '', filters: { number }, from: '', to: '', sort: 'relevance', page: 1, doc: '' };
        const link = el('a', { href: hrefFor(next), text: number, title: 'Tìm văn bản có số hiệu này' });
        link.addEventListener('click', (event) => followLink(event, next));
        span.append(link);
      });
      return span;
    }
    default:
      return Array.isArray(doc[name]) ? list(doc[name]).join('; ') : str(doc[name]);
  }
}

async function renderDocument() {
  ui.searchView.hidden = true;
  ui.controls.hidden = true;
  ui.document.hidden = false;
  ui.document.replaceChildren(backLink(), el('p', { className: 'loading', text: 'Đang tải…' }));
  const requested = state;
  setBusy(true);
  let doc;
  try {
    doc = await api(`/documents/${encodeURIComponent(state.doc)}`);
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (requested !== state) return;
    if (e.status === 404) {
      document.title = 'Không tìm thấy văn bản — Văn kiện';
      ui.document.replaceChildren(backLink(), el('p', { className: 'not-found', id: 'not-found', text: 'Không tìm thấy văn bản' }));
      setBusy(false, 'not-found');
    } else {
      ui.document.replaceChildren(backLink());
      showError(errorText(e));
      setBusy(false, 'error');
    }
    return;
  }
  if (requested !== state) return;
  const title = str(doc.title) || str(doc.id);
  document.title = `${title} — Văn kiện`;
  const dl = el('dl', { className: 'fields' });
  for (const [name, label] of DOC_FIELDS) {
    const value = fieldValue(doc, name);
    const dd = el('dd', { dataset: { field: name } });
    if (value === '' || value === null) {
      dd.classList.add('none');
      dd.textContent = '—';
    } else {
      dd.append(value);
    }
    dl.append(el('div', { className: 'field' }, el('dt', { text: label }), dd));
  }
  ui.document.replaceChildren(
    backLink(),
    el('h2', { className: 'doc-title', id: 'document-title', text: title }),
    dl,
    el('h3', { text: 'Toàn văn' }),
    el('div', { className: 'body', id: 'document-body', dataset: { field: 'body' }, text: str(doc.body) }),
  );
  setBusy(false);
}

// ---------------------------------------------------------------- events

ui.searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(withChanges({ q: ui.q.value.trim() }));
});

ui.from.addEventListener('change', () => navigate(withChanges({ from: ui.from.value })));
ui.to.addEventListener('change', () => navigate(withChanges({ to: ui.to.value })));
ui.sort.addEventListener('change', () => navigate(withChanges({ sort: SORTS.includes(ui.sort.value) ? ui.sort.value : 'relevance' })));

ui.chips.addEventListener('click', (event) => {
  const chip = event.target.closest('.chip');
  if (!chip) return;
  const filters = { ...state.filters };
  delete filters[chip.dataset.name];
  navigate(withChanges({ filters }));
});

function goToPage(page) {
  navigate({ ...state, page: Math.max(1, page) });
  ui.searchView.scrollIntoView({ block: 'start' });
}
ui.prev.addEventListener('click', () => goToPage(state.page - 1));
ui.next.addEventListener('click', () => goToPage(state.page + 1));

ui.home.addEventListener('click', (event) => followLink(event, readState('')));

ui.keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  setKey(ui.key.value.trim());
  ui.key.value = '';
  showKeyStatus();
  render();
});
ui.keyClear.addEventListener('click', () => {
  setKey('');
  ui.key.value = '';
  showKeyStatus();
  render();
});

window.addEventListener('popstate', () => {
  state = readState();
  render();
});

showKeyStatus();
render();
