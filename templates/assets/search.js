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
    resetStyles: false,
    autofocus: true,
    translations: { placeholder: 'Search summaries' },
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
