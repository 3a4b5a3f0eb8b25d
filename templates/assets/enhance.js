// On every page, and none needs it: `/` goes to the search box; a summary opened from search
// (`?highlight=debate`) gets the words marked by Pagefind's script, fetched only then; a citation
// (`.copyable`, selectable text without this) gets a Copy button.
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
  for (const block of document.querySelectorAll('.copyable')) {
    const button = document.createElement('button');
    const status = document.createElement('span');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    const label = block.getAttribute('aria-label') ?? document.getElementById(block.getAttribute('aria-labelledby'))?.textContent;
    if (label) button.setAttribute('aria-label', `Copy: ${label}`);
    button.addEventListener('click', () =>
      navigator.clipboard.writeText(block.textContent.trim()).then(
        () => (status.textContent = 'Copied.'),
        () => (status.textContent = 'Select the text and copy it.'),
      ),
    );
    block.before(button, status);
  }
  if (!new URLSearchParams(location.search).has('highlight') || !document.querySelector('[data-pagefind-body]')) return;
  import(`${bundle}pagefind-highlight.js`).then(() => {
    // The words are marked where they are; the page stays at its top, on the summary's title.
    new PagefindHighlight({ highlightParam: 'highlight', addStyles: false });
  });
})();
