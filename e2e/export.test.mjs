// The Stances view's exports: the files the page downloads are byte for byte
// what `parallax stances --csv` / `--json` writes for the same selection (all
// articles, a facet, a search), and each row stands alone: the sentence, its
// stance and cue, the article's id, title, outlet and date.
import assert from 'node:assert/strict';
import { test, expect } from './app.mjs';
import { cli, cliText, seedSlice, squash } from './cli.mjs';

const BOM = '\uFEFF';
const COLUMNS = ['actor', 'issue', 'stance', 'sentence', 'cue', 'outlet', 'date', 'title', 'article', 'start', 'end'];

/** Records every Blob the page turns into a download URL, with its type. */
function recordBlobs() {
  window.__blobTypes = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    window.__blobTypes.push(blob.type);
    return create.call(URL, blob);
  };
}

/** Clicks an export button; the download's name, bytes and the Blob's type. */
async function saved(s, testid) {
  const [download] = await Promise.all([s.page.waitForEvent('download'), s.locator(testid).click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const type = await s.page.evaluate(() => window.__blobTypes.at(-1));
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks), type };
}

/** RFC 4180 records of `text`: quoted fields may hold commas, quotes ("") and line breaks; records end in CRLF. */
function parseCsv(text) {
  const records = [];
  let rec = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        assert.ok(q >= 0, 'a quoted field is closed');
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      assert.ok(!/["\n\r]/.test(field), `an unquoted field holds no quote or line break: ${field}`);
      i += field.length;
    }
    rec.push(field);
    if (text.startsWith(',', i)) i++;
    else {
      assert.ok(text.startsWith('\r\n', i), `a record ends in CRLF at ${i}`);
      i += 2;
      records.push(rec);
      rec = [];
    }
  }
  return records;
}

// The selections: everything, one outlet (a facet), a search.
const SELECTIONS = [
  { name: 'all articles', hash: '/stances', args: [] },
  { name: 'an outlet', hash: '/stances?outlets=The+Australian', args: ['--outlet', 'The Australian'] },
  { name: 'a search', hash: '/stances?q=Taiwan', args: ['--q', 'Taiwan'] },
];

for (const [k, sel] of SELECTIONS.entries()) {
  // The phone width for one of them: the buttons work there too.
  const width = k === 1 ? 390 : 1280;
  test(`${sel.name} at ${width} px: the page's CSV and JSON are the CLI's, and each row stands alone`, async ({ open }) => {
    const cells = cli('stances', ...sel.args);
    const all = cli('stances');
    if (sel.args.length) {
      assert.ok(cells.length > 0, `${sel.name} has stances`);
      const rows = (cs) => cs.reduce((n, c) => n + c.evidence.length, 0);
      assert.ok(rows(cells) < rows(all), `${sel.name} narrows the evidence`);
    }
    const s = await open(null, { viewport: { width, height: 900 } });
    await s.page.addInitScript(recordBlobs);
    await s.goto(sel.hash);
    await s.locator('stance-matrix').waitFor();

    const json = await saved(s, 'export-json');
    assert.equal(json.name, 'parallax-stances.json');
    assert.equal(json.type, 'application/json');
    assert.equal(json.bytes.toString('utf8'), JSON.stringify(cells, null, 2));

    const csv = await saved(s, 'export-csv');
    assert.equal(csv.name, 'parallax-stances.csv');
    assert.equal(csv.type, 'text/csv;charset=utf-8');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const text = csv.bytes.toString('utf8');
    assert.equal(text, cliText('stances', '--csv', ...sel.args));

    // The CSV row by row against the JSON's evidence, in the same order.
    const [header, ...records] = parseCsv(text.slice(BOM.length));
    assert.deepEqual(header, COLUMNS);
    const evidence = cells.flatMap((c) => c.evidence.map((e) => ({ ...e, actor: c.actor, issue: c.issue })));
    assert.equal(records.length, evidence.length);
    records.forEach((r, i) => {
      const e = evidence[i];
      const row = Object.fromEntries(COLUMNS.map((c, j) => [c, r[j]]));
      assert.equal(r.length, COLUMNS.length, `record ${i}`);
      assert.deepEqual(row, {
        ...Object.fromEntries(COLUMNS.map((c) => [c, String(e[c] ?? '')])),
        // A spreadsheet-safe field: a leading = + @ gets a quote mark.
        ...Object.fromEntries(['sentence', 'cue', 'title'].map((c) => [c, e[c].replace(/^[=+@\t\r]/, "'$&")])),
      });
      // Stands alone, and says what the seed file says.
      assert.match(e.stance, /^(support|oppose)$/);
      assert.ok(e.sentence && e.cue && e.title, `record ${i} names its sentence, cue and title`);
      assert.equal(e.sentence, squash(seedSlice(e.article, e.start, e.end)));
      assert.ok(e.sentence.toLowerCase().includes(e.cue.toLowerCase()), `the cue ${e.cue} is in the sentence`);
    });
    // No column repeats another on every row.
    for (const [a, b] of COLUMNS.flatMap((a, i) => COLUMNS.slice(i + 1).map((b) => [a, b]))) {
      const same = records.every((r) => r[COLUMNS.indexOf(a)] === r[COLUMNS.indexOf(b)]);
      assert.ok(!same || records.length < 2, `${a} and ${b} differ somewhere`);
    }
    await expect(s.locator('export-csv')).toBeVisible();
  });
}

test('an outlet the corpus does not name is null in the JSON and empty in the CSV', async () => {
  const rows = cli('stances').flatMap((c) => c.evidence);
  const unknown = rows.filter((e) => e.outlet === null);
  assert.ok(unknown.length > 0 && unknown.length < rows.length, 'the seeds have known and unknown outlets');
  const csv = parseCsv(cliText('stances', '--csv').slice(BOM.length)).slice(1);
  rows.forEach((e, i) => assert.equal(csv[i][5], e.outlet ?? ''));
});
