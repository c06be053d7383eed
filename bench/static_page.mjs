// The cold-load and filter baseline: a plain static HTML page listing the same
// articles as the app (title, outlet, date, words, first sentence), built from
// `parallax corpus --json`, with a few lines of JS that hide rows not
// containing the query. Same test ids as the app, so one measuring harness
// serves both.
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function staticPage(articles) {
  const rows = articles
    .map((a) => {
      const lede = a.sentences?.[0]?.text ?? '';
      return `<li class="row" data-testid="article-row" data-article-id="${esc(a.id)}"><a href="#/?article=${encodeURIComponent(a.id)}">${esc(a.title)}</a>
<div class="meta">${esc(a.outlet ?? "unknown")} · <time>${esc(a.date ?? "unknown")}</time> · ${a.words} words</div><p>${esc(lede)}</p></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Static baseline page of the Parallax benchmark">
<title>Articles (static baseline)</title>
<style>body{font:16px/1.4 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}ol{list-style:none;padding:0}
li{border-bottom:1px solid #ccc;padding:.5rem 0}.meta{color:#555;font-size:.9rem}p{margin:.25rem 0}</style></head>
<body><header><h1>Articles</h1><label for="search">Search</label>
<input id="search" type="search" data-testid="search" autocomplete="off"> <span data-testid="result-count" aria-live="polite">${articles.length} articles</span></header>
<main><ol data-testid="article-list" aria-label="Articles">
${rows}
</ol></main>
<script>
const rows = [...document.querySelectorAll('[data-testid="article-row"]')].map((r) => [r, r.textContent.toLowerCase()]);
const count = document.querySelector('[data-testid="result-count"]');
document.getElementById('search').addEventListener('input', (e) => {
  const q = e.target.value.trim().toLowerCase();
  let n = 0;
  for (const [r, t] of rows) { const hit = !q || t.includes(q); r.hidden = !hit; n += hit; }
  count.textContent = n + ' articles';
});
</script></body></html>
`;
}
