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

// `issue` is the place of a summary's first issue in the archive's order, by number (dates may be unknown).
const SORTS = { newest: { issue: 'desc' }, oldest: { issue: 'asc' } };
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
    .flatMap((w) => [w.replace(/ /g, ''), ...w.split(' ')]);

/**
 * Whether a result holds a query word. Pagefind matches the word's stem as a prefix
 * (`rewarding` finds `rewards`), but a word it does not know falls back to the longest prefix it
 * knows (`RLHF` finds every `RL`, `zzzzqqq` every `Z`, `modelzz` every `model`). A result holds
 * the word when one of its words starts with it, less a common English ending (what stemming cuts).
 */
function holds(words, term) {
  const stem = term.replace(/(?:ations?|ions?|ing|ness|ments?|ities|ity|ies|ied|ly|ers?|e[sd]|[sey])$/, '');
  return words.some((w) => w.startsWith(stem.length >= 3 ? stem : term));
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
  let found = await pf.search(q === '' ? null : q, options);
  if (mine !== run || !found) return;
  current = { q, missing: [], results: found.results, counts: found.filters };
  let first = await load(0, count);
  if (mine !== run) return;
  // A word no result holds is in no summary: say so, and search the words that are (results for
  // `RLHF` would be every summary with `RL`, claimed as results for `RLHF`).
  const words = first.map(resultWords);
  const absent = (token) => plain(token).split(' ').some((t) => t !== '' && !words.some((w) => holds(w, t)));
  const missing = first.length === 0 ? [] : q.split(/\s+/).filter(absent);
  if (missing.length > 0) {
    const rest = q.split(/\s+/).filter((token) => !missing.includes(token)).join(' ');
    found = rest === '' ? { results: [], filters: {} } : await pf.search(rest, options);
    if (mine !== run || !found) return;
    current = { q: rest, missing, results: found.results, counts: found.filters };
    first = await load(0, count);
    if (mine !== run) return;
  }
  // The summary whose title is the query comes first: Pagefind sees only words, and a longer
  // title holding the same words ("Thoughts on AI safety via debate") can outscore it.
  if (current.q !== '' && !sortSelect.value) {
    const exact = first.findIndex((d) => plain(d.meta.title ?? '') === plain(current.q));
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
 * One result: its title as a heading linked to the summary, the authors, where and when it
 * appeared with its category and summarizers (the summary page's metadata), and the passage that
 * matched. The link carries the query (`?highlight=`) for the summary page to mark.
 */
function resultItem(d, terms) {
  const meta = d.meta;
  const item = el('li', 'result');
  const heading = el('h2', 'result-title');
  const link = el('a', '', meta.title || d.url);
  link.href = terms.length ? `${d.url}?${new URLSearchParams(terms.map((t) => ['highlight', t]))}` : d.url;
  heading.append(link);
  item.append(heading);
  if (meta.authors) item.append(el('p', 'result-authors', meta.authors));
  const facts = el('p', 'result-meta');
  if (d.filters?.highlight) facts.append(el('span', 'badge', 'Highlight'));
  facts.append(
    [meta.issue, meta.category, meta.people && `Summarized by ${meta.people}`, meta.opinions && `opinion by ${meta.opinions}`].filter(Boolean).join(' · '),
  );
  item.append(facts);
  if (d.excerpt) {
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
toggle.addEventListener('click', () => {
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  panel.hidden = !open;
  if (open) openFilters();
});
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
