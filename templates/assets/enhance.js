// On every page, and none needs it: `/` goes to the search box; a summary opened from search
// (`?highlight=debate`) gets the words marked by Pagefind's script, fetched only then.
(() => {
  const bundle = document.currentScript.dataset.bundle;
  addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    const box = document.getElementById('q') ?? document.getElementById('header-q');
    if (!box) return;
    e.preventDefault();
    box.focus();
    box.select();
  });
  if (!new URLSearchParams(location.search).has('highlight') || !document.querySelector('[data-pagefind-body]')) return;
  import(`${bundle}pagefind-highlight.js`).then(() => {
    new PagefindHighlight({ highlightParam: 'highlight', addStyles: false });
    document.querySelector('mark.pagefind-highlight')?.scrollIntoView({ block: 'center' });
  });
})();
