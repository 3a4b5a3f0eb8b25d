// The search page: our own form and results list on Pagefind's JS API (pagefind.js and its
// worker), so the page loads the search engine and nothing else. The form is the state, and the
// address holds it (`?q=debate&category=Iterated+amplification&sort=newest`): written back with
// replaceState as the reader types, read again on load, so a reload, Back, or a shared link
// shows the same search.

const form = document.getElementById('search-form');
const input = form.elements.namedItem('q');
const sortSelect = form.elements.namedItem('sort');
const toggle = document.getElementById('filters-toggle');
const panel = document.getElementById('filters');
const checkboxes = [...panel.querySelectorAll('input[type=checkbox]')];
const statusLine = document.getElementById('search-status');
const list = document.getElementById('results');
const more = document.getElementById('more');
const headerBox = document.getElementById('header-q');

// `issue` is the place of a summary's first issue in the archive's order, by number (dates may be
// unknown); `title` the title in lower case, accents and punctuation aside; `published` the paper's year.
const SORTS = { newest: { issue: 'desc' }, oldest: { issue: 'asc' }, title: { title: 'asc' }, published: { published: 'desc' } };
/**
 * By relevance, summaries come first, then records of items with a line or a quote, then records of
 * bare titles (src/site/pages/search-records.ts). The page names the kinds whose records carry the
 * filter `kind` (`data-kinds`) and the kind of every other result (`data-rest`): the largest kind
 * carries no filter, since a filtered search loads the filter's whole page list.
 */
const ORDER = ['summaries', 'items', 'titles'];
const KINDS = (form.dataset.kinds ?? '').split(' ').filter(Boolean);
const REST = form.dataset.rest ?? 'summaries';
/** Results shown at first and added by "Show more": a screen or two. */
const PAGE = 10;
/**
 * While the reader types, only this many results are fetched (each is a request of about 1 KB);
 * the rest of the first page follows once they stop for SETTLE_MS.
 */
const FIRST = 5;
/**
 * Wait after a keystroke before searching. Pagefind's own UI waits 300 ms; here the index chunks
 * a query needs are fetched on every keystroke (`preload`), so the search itself takes a few
 * milliseconds and the wait only has to skip the intermediate words of a fast typist.
 */
const DEBOUNCE_MS = 70;
/**
 * A last word shorter than this is still being typed (`inner ali`): Pagefind would fetch every
 * index chunk holding words that start with it (8-10 KB each, several for a short prefix), for
 * results nobody waits for. The search runs when the word grows, on a space, or once the reader
 * stops typing for SETTLE_MS (`deep RL`).
 */
const MIN_PREFIX = 4;
const SETTLE_MS = 300;
/**
 * Title and authors count above the text (Pagefind's default title boost is 5: at 3 a summary
 * that discusses the query at length can still beat a passing mention in a title), and long
 * pages are held back less than by default: the long summaries are the important ones.
 */
const RANKING = { pageLength: 0.5, metaWeights: { title: 3, authors: 3 } };
const baseTitle = document.title;

let engine = null;
/** Pagefind, loaded once: its script, then in its worker the WebAssembly and the index metadata. */
function pagefind() {
  engine ??= import(`${form.dataset.bundle}pagefind.js`).then(async (pf) => {
    await pf.options({ baseUrl: form.dataset.base, ranking: RANKING });
    await pf.init();
    return pf;
  });
  return engine;
}

/** Counts of every filter value over the whole archive, once the filters have been opened. */
let totals = null;
/** The search on show: its query, all its results (data not loaded), and its filter counts. */
let current = null;
let shown = 0;
let run = 0;
let timer = 0;

const selected = () => checkboxes.filter((box) => box.checked);

/** Pagefind's form of the selected filters: any of the values within a group, every group. */
function filters() {
  const byGroup = {};
  for (const box of selected()) (byGroup[box.name] ??= { any: [] }).any.push(box.value);
  return byGroup;
}

function readAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sortSelect.value = Object.hasOwn(SORTS, params.get('sort') ?? '') ? params.get('sort') : '';
  for (const box of checkboxes) box.checked = params.getAll(box.name).includes(box.value);
}

function writeAddress() {
  const params = new URLSearchParams();
  const q = input.value.trim();
  if (q) params.set('q', q);
  // A checkbox's name is its filter, as the summary pages declare it (`data-pagefind-filter`).
  for (const box of selected()) params.append(box.name, box.value);
  if (sortSelect.value) params.set('sort', sortSelect.value);
  const query = params.toString();
  history.replaceState({ ...history.state, shown }, '', query ? `?${query}` : location.pathname);
  document.title = q ? `${q} · ${baseTitle}` : baseTitle;
  if (headerBox && headerBox.value !== input.value) headerBox.value = input.value;
}

/** Case, accents and punctuation aside, the same words. */
const plain = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The words of a result as Pagefind indexes them (its text and metadata): each word, and a word
 * with inner punctuation also joined (`multi-agent`: multi, agent, multiagent).
 */
const resultWords = (d) =>
  [d.content, ...Object.values(d.meta)]
    .join(' ')
    .split(/\s+/)
    .map(plain)
    .flatMap((w) => [w.replace(/ /g, ''), ...w.split(' ')])
    .filter(Boolean);

let stemmer = null;
/** Pagefind's stemmer (Porter2), loaded with the first search that has words. */
const stemOf = () => (stemmer ??= import(form.dataset.stem).then((m) => m.stem));

/** Whether each word of the archive is in it, as far as this page has asked (`present`). */
const known = new Map();

/**
 * Whether some summary holds the word: a search for the word alone finds a result holding a word
 * whose stem starts with the word's stem. Pagefind stems words (`modelling` finds `models`, as it
 * should) and matches the last word as a prefix, but a word it does not know falls back to the
 * longest prefix it knows (`RLHF` finds every `RL`, `zzzzqqq` every `Z`): its first result then
 * holds no word of that stem, and the word is in no summary. Each word is asked once per visit.
 */
function present(pf, word) {
  let answer = known.get(word);
  if (answer === undefined) {
    answer = Promise.all([pf.search(word), stemOf()]).then(async ([found, stem]) => {
      const first = found?.results[0];
      if (!first) return false;
      const wanted = stem(word);
      return resultWords(await first.data()).some((w) => stem(w).startsWith(wanted) || w.startsWith(word));
    });
    known.set(word, answer);
  }
  return answer;
}

/** The tokens of a query (as typed) that hold a word no summary holds. */
async function absentWords(pf, q) {
  const tokens = q.split(/\s+/).filter(Boolean);
  const checks = await Promise.all(
    tokens.map(async (token) => {
      const words = plain(token.replace(/^"|"$/g, '')).split(' ').filter(Boolean);
      const found = await Promise.all(words.map((w) => present(pf, w)));
      return found.some((ok) => !ok);
    }),
  );
  return tokens.filter((_, i) => checks[i]);
}

/**
 * Pagefind's results for `q`, summaries first: by relevance, the records that are not summary
 * pages follow the summaries (items, then bare titles), each part in Pagefind's order; sorted by a
 * column, in that column's order.
 */
async function ranked(pf, q, options) {
  const all = pf.search(q === '' ? null : q, options);
  if (KINDS.length === 0 || Object.keys(options.sort).length > 0) return all;
  const parts = KINDS.map((kind) => pf.search(q === '' ? null : q, { ...options, filters: { ...options.filters, kind } }));
  const [found, ...kinds] = await Promise.all([all, ...parts]);
  if (!found) return found;
  const tagged = new Map(KINDS.map((kind, i) => [kind, new Set((kinds[i]?.results ?? []).map((r) => r.id))]));
  const isTagged = (r) => [...tagged.values()].some((ids) => ids.has(r.id));
  const ordered = ORDER.flatMap((kind) =>
    kind === REST ? found.results.filter((r) => !isTagged(r)) : found.results.filter((r) => tagged.get(kind)?.has(r.id)),
  );
  return { ...found, results: ordered };
}

/**
 * Runs the search the form describes and shows `keep` results (a reload or Back restores how far
 * the reader had come), or FIRST of them when it runs as the reader types.
 */
async function search(keep = PAGE, typing = false) {
  clearTimeout(timer);
  const mine = ++run;
  // Busy until this search's results are shown: a screen reader (and a test) waits for them.
  list.ariaBusy = 'true';
  const q = input.value.trim();
  writeAddress();
  if (q === '' && selected().length === 0) {
    current = null;
    show([], 0);
    return;
  }
  const pf = await pagefind();
  const count = typing ? FIRST : Math.max(PAGE, keep);
  const options = { filters: filters(), sort: SORTS[sortSelect.value] ?? {} };
  // A word no summary holds is said to be missing, and the others are searched (results for
  // `RLHF` would be every summary with `RL`, claimed as results for `RLHF`).
  const [missing, all] = await Promise.all([q === '' ? [] : absentWords(pf, q), ranked(pf, q, options)]);
  if (mine !== run || !all) return;
  let found = all;
  let shownQ = q;
  if (missing.length > 0) {
    shownQ = q
      .split(/\s+/)
      .filter((token) => !missing.includes(token))
      .join(' ');
    found = shownQ === '' ? { results: [], filters: {} } : await ranked(pf, shownQ, options);
    if (mine !== run || !found) return;
  }
  current = { q: shownQ, missing, results: found.results, counts: found.filters };
  const first = await load(0, count);
  if (mine !== run) return;
  // The summary whose title is the query comes first: Pagefind sees only words, and a longer
  // title holding the same words ("Thoughts on AI safety via debate") can outscore it.
  if (current.q !== '' && !sortSelect.value) {
    const exact = first.findIndex((d) => !d.meta.record && plain(d.meta.title ?? '') === plain(current.q));
    if (exact > 0) first.unshift(...first.splice(exact, 1));
  }
  list.replaceChildren();
  shown = 0;
  show(first, found.results.length);
  if (typing && shown < Math.min(PAGE, found.results.length)) timer = setTimeout(() => fill(mine), SETTLE_MS);
}

/** Loads the data (title, metadata, excerpt) of `count` results from `from`. */
function load(from, count) {
  return Promise.all(current.results.slice(from, from + count).map((r) => r.data()));
}

/** The rest of the first page, once the reader has stopped typing. */
async function fill(mine) {
  const next = await load(shown, PAGE - shown);
  if (mine === run) show(next);
}

async function showMore() {
  const mine = run;
  const next = await load(shown, PAGE);
  if (mine !== run) return;
  const firstNew = shown;
  show(next);
  list.children[firstNew]?.querySelector('a')?.focus();
}

/** Adds results to the list and says how many there are. */
function show(data, total = current?.results.length ?? 0) {
  if (!current) list.replaceChildren();
  const terms = current ? current.q.split(/\s+/).map((t) => t.replace(/^"|"$/g, '')).filter(Boolean) : [];
  list.append(...data.map((d) => resultItem(d, terms)));
  shown = list.children.length;
  list.ariaBusy = 'false';
  more.hidden = !current || shown >= total;
  history.replaceState({ ...history.state, shown }, '');
  updateFilters();
  const n = selected().length;
  const what = current?.q ? ` for “${current.q}”` : '';
  const filtered = n > 0 ? ` with ${n} ${n === 1 ? 'filter' : 'filters'}` : '';
  const count = total === 0 ? `No results${what}${filtered}.` : `${total} ${total === 1 ? 'result' : 'results'}${what}${filtered}.`;
  const missing = current?.missing.map((t) => `“${t.replace(/^"|"$/g, '')}”`).join(' or ');
  const text = !current ? '' : !missing ? count : current.q ? `No summary contains ${missing}. ${count}` : `No summary contains ${missing}.`;
  // The status is a polite live region: it speaks when the count changes, not on every page of results.
  if (statusLine.textContent !== text) statusLine.textContent = text;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/**
 * Pagefind's excerpt is HTML-escaped text with <mark> around the matched words; it is rebuilt
 * from text and <mark> only, so nothing else from an indexed page can become markup here.
 */
function excerpt(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const out = document.createDocumentFragment();
  for (const node of doc.body.firstElementChild?.childNodes ?? []) {
    out.append(node.nodeName === 'MARK' ? el('mark', '', node.textContent) : node.textContent);
  }
  return out;
}

/**
 * One result. A summary: its title as a heading linked to the summary page, the authors, where
 * and when it appeared with its category and summarizers (the summary page's metadata), and the
 * passage that matched; the link carries the query (`?highlight=`) for the summary page to mark.
 * An item with no summary page of its own: its title linked to its place on its issue page. The
 * items of one section of an issue: the issue and section, then each item that matched.
 */
function resultItem(d, terms) {
  const meta = d.meta;
  const item = el('li', 'result');
  if (meta.record === 'section') {
    item.classList.add('result-section');
    item.append(el('p', 'result-meta', `In ${[meta.issue, meta.category].filter(Boolean).join(' · ')}`));
    const items = el('ul', 'result-items');
    for (const sub of d.sub_results.filter((r) => r.url.includes('#'))) {
      const li = el('li');
      const heading = el('h2', 'result-title');
      const link = el('a', '', sub.title);
      link.href = sub.url;
      heading.append(link);
      li.append(heading);
      const passage = el('p', 'result-excerpt');
      passage.append(excerpt(sub.excerpt));
      li.append(passage);
      items.append(li);
    }
    item.append(items);
    return item;
  }
  const heading = el('h2', 'result-title');
  const link = el('a', '', meta.title || d.url);
  link.href = meta.record || !terms.length ? d.url : `${d.url}?${new URLSearchParams(terms.map((t) => ['highlight', t]))}`;
  heading.append(link);
  item.append(heading);
  if (meta.authors) item.append(el('p', 'result-authors', meta.authors));
  const facts = el('p', 'result-meta');
  if (d.filters?.highlight) facts.append(el('span', 'badge', 'Highlight'));
  if (meta.record) facts.append(el('span', 'badge', meta.kind === 'titles' ? 'Listed, no summary' : 'Item'));
  facts.append(
    [meta.issue, meta.category, meta.people && `Summarized by ${meta.people}`, meta.opinions && `opinion by ${meta.opinions}`].filter(Boolean).join(' · '),
  );
  item.append(facts);
  if (d.excerpt && !(meta.record && plain(d.content) === plain(meta.title ?? ''))) {
    const passage = el('p', 'result-excerpt');
    passage.append(excerpt(d.excerpt));
    item.append(passage);
  }
  return item;
}

/**
 * Filter counts: Pagefind loads its filter index only when asked, so they appear once the panel
 * is first opened, and follow every search from then on. A value no result has is hidden.
 */
function updateFilters() {
  const n = selected().length;
  toggle.textContent = n > 0 ? `Filters (${n})` : 'Filters';
  if (!totals) return;
  for (const box of checkboxes) {
    const count = (current ? current.counts : totals)?.[box.name]?.[box.value] ?? 0;
    box.parentElement.querySelector('.count').textContent = `(${count})`;
    box.parentElement.hidden = count === 0 && !box.checked;
  }
}

async function openFilters() {
  if (totals) return;
  totals = await (await pagefind()).filters();
  // The search on show ran before the filter index was loaded and has no counts.
  if (current) await search(shown);
  else updateFilters();
}

// Keyboard: ↓ from the box goes to the first result, ↓ ↑ move between results (↑ from the first
// goes back to the box), Home and End jump, Enter opens.
const resultLinks = () => [...list.querySelectorAll('.result-title a')];

input.addEventListener('keydown', (event) => {
  const first = resultLinks()[0];
  if (event.key === 'ArrowDown' && !event.altKey && first) {
    event.preventDefault();
    first.focus();
  }
});

// With the focus nowhere (on the page itself, after Back), ↓ goes to the first result on screen.
document.addEventListener('keydown', (event) => {
  const links = resultLinks();
  if (event.key !== 'ArrowDown' || event.altKey || document.activeElement !== document.body || links.length === 0) return;
  event.preventDefault();
  (links.find((a) => a.getBoundingClientRect().top >= 0) ?? links[0]).focus();
});

list.addEventListener('keydown', (event) => {
  const links = resultLinks();
  const at = links.indexOf(document.activeElement);
  if (at < 0) return;
  const target = {
    ArrowDown: links[at + 1] ?? (more.hidden ? null : more.querySelector('button')),
    ArrowUp: at === 0 ? input : links[at - 1],
    Home: links[0],
    End: links[links.length - 1],
  }[event.key];
  if (target) {
    event.preventDefault();
    target.focus();
  }
});

input.addEventListener('input', () => {
  clearTimeout(timer);
  const q = input.value.trim();
  if ((q.split(/\s+/).pop() ?? '').length >= MIN_PREFIX || (q !== '' && /\s$/.test(input.value))) {
    // The index chunks for the query's words start loading now; the search waits for the next key.
    pagefind().then((pf) => pf.preload(q, { filters: filters() }));
    timer = setTimeout(() => search(PAGE, true), DEBOUNCE_MS);
  } else timer = setTimeout(() => search(PAGE, true), SETTLE_MS);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  search();
});
sortSelect.addEventListener('change', () => search());
panel.addEventListener('change', () => search());
document.getElementById('filters-clear').addEventListener('click', () => {
  for (const box of checkboxes) box.checked = false;
  search();
});
function showFilters(open) {
  toggle.setAttribute('aria-expanded', String(open));
  panel.hidden = !open;
  if (open) openFilters();
}
toggle.addEventListener('click', () => showFilters(toggle.getAttribute('aria-expanded') !== 'true'));
// Escape closes the filters from anywhere on the page, and the focus goes back to their button.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || panel.hidden) return;
  event.preventDefault();
  showFilters(false);
  toggle.focus();
});

/**
 * Exports: the current search's results (all of them, not only those shown) as CSV and BibTeX,
 * made here from what the results carry (Pagefind's metadata and text: no other download). A
 * section's items are one row each.
 */
const exportStatus = document.getElementById('export-status');
const absolute = (url) => new URL(url, location.href).href;

async function exportRows() {
  const rows = [];
  for (let from = 0; from < current.results.length; from += 20) {
    for (const d of await load(from, 20)) {
      const m = d.meta;
      const shared = { category: m.category ?? '', highlight: d.filters?.highlight ? 'Highlight' : '', issue: m.issue ?? '' };
      if (m.record === 'section') {
        for (const sub of d.sub_results.filter((r) => r.url.includes('#')))
          rows.push({ ...shared, title: sub.title, page: absolute(sub.url), text: excerptText(sub.excerpt), summary: false });
      } else
        rows.push({
          ...shared,
          title: m.title ?? '',
          authors: m.authors ?? '',
          venue: m.venue ?? '',
          year: m.year ?? '',
          people: m.people ?? '',
          opinions: m.opinions ?? '',
          hattips: m.hattips ?? '',
          link: m.link ?? '',
          page: absolute(d.url),
          text: m.record ? '' : d.content,
          summary: !m.record,
        });
    }
  }
  return rows;
}

/** Pagefind's excerpt as plain text. */
const excerptText = (html) => new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.textContent.trim();

/** The spreadsheet's columns, as far as results carry them, and the pages. */
const CSV_COLUMNS = [
  ['Title', 'title'],
  ['Authors', 'authors'],
  ['Venue', 'venue'],
  ['Year', 'year'],
  ['Category', 'category'],
  ['Highlight?', 'highlight'],
  ['Issue', 'issue'],
  ['Summarizer', 'people'],
  ['Opinion by', 'opinions'],
  ['H/T', 'hattips'],
  ['URL', 'link'],
  ['Summary page', 'page'],
  ['Text', 'text'],
];

function csvOf(rows) {
  const cell = (value) => `"${String(value ?? '').replace(/"/g, '""')}"`;
  return `${[CSV_COLUMNS.map(([name]) => cell(name)), ...rows.map((row) => CSV_COLUMNS.map(([, key]) => cell(row[key])))].map((line) => line.join(',')).join('\r\n')}\r\n`;
}

/** Text for a BibTeX field: TeX's special characters escaped. */
const tex = (text) =>
  String(text)
    .replace(/\\/g, '\\textbackslash ')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\\textbackslash /g, '\\textbackslash{}');

function bibOf(rows) {
  const used = new Set();
  return rows
    .map((row) => {
      const path = new URL(row.page).pathname.replace(/\/+$/, '').split('/').pop() || 'item';
      const anchor = new URL(row.page).hash.slice(1);
      const base = (anchor ? `${path}-${anchor}` : path).replace(/[^A-Za-z0-9_:-]+/g, '-').slice(0, 80);
      let key = base;
      for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
      used.add(key);
      const fields = [
        ['title', `{${tex(row.title)}}`],
        ['author', row.authors ? tex(row.authors.replace(/ et al\.$/, '').split(', ').concat(row.authors.endsWith(' et al.') ? ['others'] : []).join(' and ')) : ''],
        ['year', row.year],
        ['howpublished', row.venue ? tex(row.venue) : ''],
        ['url', row.link],
        ['note', tex(`${row.summary ? 'Summarized' : 'Listed'} in ${row.issue}: ${row.page}`)],
      ].filter(([, value]) => value);
      return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n')}\n}\n`;
    })
    .join('\n');
}

function download(text, type, extension) {
  const name = `${plain(current.q || 'search').replace(/ /g, '-') || 'search'}.${extension}`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

async function exportAs(kind) {
  if (!current || current.results.length === 0) {
    exportStatus.textContent = 'Search first: the export holds the results.';
    return;
  }
  exportStatus.textContent = `Preparing ${current.results.length} ${current.results.length === 1 ? 'result' : 'results'}…`;
  const rows = await exportRows();
  if (kind === 'csv') download(csvOf(rows), 'text/csv;charset=utf-8', 'csv');
  else download(bibOf(rows), 'application/x-bibtex;charset=utf-8', 'bib');
  exportStatus.textContent = `${rows.length} ${rows.length === 1 ? 'row' : 'rows'} downloaded as ${kind === 'csv' ? 'CSV' : 'BibTeX'}.`;
}
document.getElementById('export-csv').addEventListener('click', () => exportAs('csv'));
document.getElementById('export-bib').addEventListener('click', () => exportAs('bib'));
more.querySelector('button').addEventListener('click', showMore);

// Back to this page after opening a result: the address brings the search back, and the history
// entry's state how many results were shown and where the page was scrolled.
history.scrollRestoration = 'manual';
addEventListener('pagehide', () => history.replaceState({ ...history.state, shown, scrollY }, ''));

async function start() {
  form.querySelector('.search-tools').hidden = false;
  const saved = history.state ?? {};
  readAddress();
  pagefind();
  if (input.value.trim() || selected().length > 0) {
    // Arriving with a search (from the header box, or a link), the cursor is in the box, as it was
    // in the box the query was typed in: ↓ goes to the results, typing refines the query, and a
    // screen reader names the box and its query, then the count. Back to the page keeps its place.
    if (saved.scrollY === undefined) input.focus();
    await search(saved.shown ?? PAGE);
    if (saved.scrollY) scrollTo(0, saved.scrollY);
  } else {
    writeAddress();
    updateFilters();
    input.focus();
  }
}

start();
