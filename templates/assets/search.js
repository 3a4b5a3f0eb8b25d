// Search page: Pagefind's own UI, loaded from the bundle under the site's path prefix.
// `?q=...` prefills the query so a link can open a search.
(function () {
  var root = document.getElementById('search');
  if (!root || typeof PagefindUI === 'undefined') return;
  var ui = new PagefindUI({
    element: '#search',
    bundlePath: root.getAttribute('data-bundle'),
    baseUrl: root.getAttribute('data-base'),
    showSubResults: false,
    showImages: false,
    showEmptyFilters: false,
    resetStyles: false,
    autofocus: true,
    translations: { placeholder: 'Search summaries' },
  });
  // Pagefind's input is named only by its title attribute; give it a real accessible name.
  var input = root.querySelector('input');
  if (input) input.setAttribute('aria-label', 'Search summaries');
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
