// The header search box needs the search page's script to be useful, so it is shown only
// when JavaScript runs; without it the header keeps its plain "Search" link.
for (const form of document.querySelectorAll('[data-header-search]')) form.hidden = false;
