// The Stances view: a cell opened from a URL shows the CLI's evidence; the
// keyboard moves between cells; filters recompute the matrix.
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { sel } from './helpers.mjs';
import { cli, cliText, seedSlice, squash } from './cli.mjs';

test('the matrix shows every CLI cell with its stance and evidence count', async ({ open }) => {
  const cells = cli('stances');
  const s = await open('/stances');
  await s.locator('stance-matrix').waitFor();
  const shown = await s.page.locator(sel('stance-cell')).evaluateAll((els) =>
    els.map((e) => [`${e.getAttribute('data-actor')}|${e.getAttribute('data-issue')}`, e.getAttribute('data-stance'), e.innerText]),
  );
  assert.equal(shown.length, cells.length);
  const byKey = new Map(shown.map(([k, st, txt]) => [k, { st, n: Number(txt.replace(/\D/g, '')) }]));
  for (const c of cells) {
    const got = byKey.get(`${c.actor}|${c.issue}`);
    assert.ok(got, `cell ${c.actor} × ${c.issue} shown`);
    assert.equal(got.st, c.stance, `${c.actor} × ${c.issue} stance`);
    assert.equal(got.n, c.evidence.length, `${c.actor} × ${c.issue} count`);
  }
});

test('a cell opened from a URL lists its evidence sentences, outlets and reader links', async ({ open }) => {
  const cells = cli('stances');
  const c = [...cells].sort((x, y) => y.evidence.length - x.evidence.length)[0];
  const s = await open(`/stances?actor=${encodeURIComponent(c.actor)}&issue=${encodeURIComponent(c.issue)}`);
  await s.locator('evidence').waitFor();
  const items = s.locator('evidence-item');
  await expect(items).toHaveCount(c.evidence.length);
  const quotes = await items.locator('blockquote').allInnerTexts();
  const want = c.evidence.map((e) => squash(seedSlice(e.article, e.start, e.end)));
  assert.deepEqual(quotes.map(squash).sort(), [...want].sort());
  // The actor and the cue are highlighted in every sentence.
  for (let i = 0; i < quotes.length; i++) {
    await expect(items.nth(i).locator('mark.cue').first(), `cue marked in item ${i}`).toBeAttached();
  }
  // "read in context" opens the reader at that sentence.
  await items.first().getByText('read in context').click();
  await s.locator('reader').waitFor();
  await s.locator('focus-sentence').waitFor();
  const focus = squash(await s.locator('focus-sentence').innerText());
  assert.ok(want.includes(focus), `the focused sentence is evidence: ${focus.slice(0, 80)}`);
});

test('arrow keys move between cells and Enter opens one', async ({ open }) => {
  const s = await open('/stances');
  await s.locator('stance-matrix').waitFor();
  const first = s.page.locator('#cell-0-0');
  await first.focus();
  await s.page.keyboard.press('ArrowRight');
  await expect(s.page.locator('#cell-0-1')).toBeFocused();
  const actor = await s.page.locator('#cell-0-1').getAttribute('data-actor');
  const issue = await s.page.locator('#cell-0-1').getAttribute('data-issue');
  if (actor === null) return; // an empty cell: nothing to open
  await s.page.keyboard.press('Enter');
  await s.locator('evidence').waitFor();
  await s.waitForHash((h) => h.params.get('actor') === actor && h.params.get('issue') === issue, 'cell in the hash');
});

test('the matrix follows the list filters', async ({ open }) => {
  const all = await open('/stances');
  await all.locator('stance-matrix').waitFor();
  const allCount = await all.page.locator(sel('stance-cell')).count();
  const s = await open('/stances?q=%22Moscow+summit%22+OR+zzzz');
  await s.locator('empty-state').waitFor();
  await expect(s.locator('result-count')).toHaveText(/^0 of /);
  assert.ok(allCount > 0);
});

test('the JSON and CSV exports are what the command line writes', async ({ open }) => {
  const s = await open('/stances');
  await s.locator('stance-matrix').waitFor();
  const saved = async (testid) => {
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.locator(testid).click()]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  };
  const json = await saved('export-json');
  assert.equal(json.name, 'parallax-stances.json');
  // The CLI's cells, in its order and key order, indented by two spaces.
  assert.equal(json.text, JSON.stringify(cli('stances'), null, 2));
  const csv = await saved('export-csv');
  assert.equal(csv.name, 'parallax-stances.csv');
  assert.equal(csv.text, cliText('stances', '--csv'));
  assert.ok(csv.text.split('\n').length > 2, 'the CSV has evidence rows');
});
