import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { marked } from 'marked';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/browser.js';
import { requires } from '../helpers/requires.js';
import { REPO, run, tempDir, type Run } from '../helpers/run-cli.js';
import { tree } from '../helpers/tree.js';

// Vendor files that try to hijack aiclaim's Markdown and CSV output, through the built CLI: the
// Markdown rendered by a real renderer (marked) and opened in Chromium must hold no element that
// aiclaim did not make, no link, no image, no event handler, and load nothing; every table row keeps
// its cells; CSV read by a spreadsheet split on commas and semicolons keeps every name one cell and
// starts no formula; the HTML report's chart labels cut emoji between graphemes.

const HOSTILE = join(REPO, 'tests', 'hostile');
const INJECTION = 'markdown-injection.yaml';
const EMOJI = 'markdown-emoji-label.yaml';
const CSV = 'csv-formula-separator.yaml';
const nameOf = (file: string) => (parseYaml(readFileSync(join(HOSTILE, file), 'utf8')) as { name: string }).name;

/** How a name reads as text: a line break in it is a space. */
const shown = (name: string) => name.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ');

const NAMES = { injection: nameOf(INJECTION), emoji: nameOf(EMOJI), csv: nameOf(CSV) };
/** The vendors of the workspace, all assessed. */
const VENDORS = 4;
const LATER = { AICLAIM_TODAY: '2027-02-15' };

/** The only elements Markdown from aiclaim makes: headings, paragraphs, lists, tables, emphasis, code. */
const ALLOWED = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'code', 'pre', 'br'];

const browserPath = chromiumPath();
const inBrowser = requires('the browser checks of hostile Markdown', { chromium: browserPath !== undefined });

let workspace: { dir: string; remove: () => void };
let out: { dir: string; remove: () => void };
let browser: Browser | undefined;

beforeAll(async () => {
  workspace = tempDir('aiclaim-hostile-md-');
  out = tempDir('aiclaim-hostile-md-out-');
  writeFileSync(join(workspace.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
  mkdirSync(join(workspace.dir, 'vendors'));
  for (const file of [INJECTION, EMOJI, CSV]) copyFileSync(join(HOSTILE, file), join(workspace.dir, 'vendors', file));
  copyFileSync(join(REPO, 'fixtures', 'sample', 'vendors', 'mailmint.yaml'), join(workspace.dir, 'vendors', 'mailmint.yaml'));
  const q4 = await run(['score', '--period', '2026-Q4'], { cwd: workspace.dir });
  expect(q4.code, q4.stderr).toBe(0);
  // A quarter later the hostile promise is dropped, so that it shows in the diff as well.
  const file = join(workspace.dir, 'vendors', INJECTION);
  writeFileSync(file, readFileSync(file, 'utf8').replace('    status: slipped\n    revisedDue: 2027-Q1\n', '    status: dropped\n'));
  const q1 = await run(['score', '--period', '2027-Q1'], { cwd: workspace.dir, env: LATER });
  expect(q1.code, q1.stderr).toBe(0);
  if (browserPath) browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  workspace?.remove();
  out?.remove();
});

/** Runs a command that must write nothing, and returns what it printed. */
async function readOnly(args: string[]): Promise<Run> {
  const before = tree(workspace.dir);
  const result = await run(args, { cwd: workspace.dir, env: LATER });
  expect(result.code, result.stderr).toBe(0);
  expect(tree(workspace.dir), 'the workspace changed').toEqual(before);
  return result;
}

interface Page {
  /** Every element in the body, by tag name, with its attribute names. */
  elements: { tag: string; attributes: string[] }[];
  text: string;
  /** Each table: its header cells and the cells of each body row, as text. */
  tables: { head: string[]; rows: string[][] }[];
  pre: string[];
  headings: string[];
  requests: string[];
}

let pages = 0;

/** Run in the page (a string: the tests are compiled without the DOM's types). */
const COLLECT = `({
  elements: [...document.body.querySelectorAll('*')].map((e) => ({ tag: e.tagName.toLowerCase(), attributes: [...e.attributes].map((a) => a.name) })),
  text: document.body.textContent ?? '',
  tables: [...document.querySelectorAll('table')].map((t) => ({
    head: [...t.querySelectorAll('thead th')].map((c) => c.textContent ?? ''),
    rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent ?? '')),
  })),
  pre: [...document.querySelectorAll('pre')].map((p) => p.textContent ?? ''),
  headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.textContent ?? ''),
})`;

/** The Markdown through marked, opened in Chromium; every request it makes is recorded and refused. */
async function open(markdown: string): Promise<Page> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>\n${marked.parse(markdown, { async: false })}</body></html>`;
  const file = join(out.dir, `page-${(pages += 1)}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser!.newPage();
  try {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url);
    const seen = (await page.evaluate(COLLECT)) as Omit<Page, 'requests'>;
    return { ...seen, requests: requests.filter((r) => r !== url) };
  } finally {
    await page.close();
  }
}

/** Nothing live: only aiclaim's own elements, no attribute but a cell's alignment, no request. */
function expectInert(page: Page): void {
  for (const element of page.elements) {
    expect(ALLOWED, `<${element.tag}> from a file string`).toContain(element.tag);
    for (const attribute of element.attributes) expect(attribute, `attribute ${attribute} on <${element.tag}>`).toBe('align');
  }
  expect(page.requests).toEqual([]);
}

/** The tables that list vendors: every row as many cells as the header, each name one whole cell. */
function expectVendorTables(page: Page, names: string[]): void {
  // Tables of every vendor; the report's usage table lists only the vendors whose usage is given.
  const vendorTables = page.tables.filter((t) => (t.head[0] === 'Vendor' || t.head[1] === 'Vendor') && !t.head.includes('Licensed'));
  expect(vendorTables.length).toBeGreaterThan(0);
  for (const table of vendorTables) {
    const column = table.head.indexOf('Vendor');
    expect(table.rows).toHaveLength(VENDORS);
    for (const row of table.rows) expect(row).toHaveLength(table.head.length);
    for (const name of names)
      expect(
        table.rows.filter((r) => r[column] === shown(name)),
        `${JSON.stringify(name)} in one cell`,
      ).toHaveLength(1);
  }
  for (const table of page.tables) for (const row of table.rows) expect(row).toHaveLength(table.head.length);
}

inBrowser.describe('Markdown from hostile vendor files, rendered and opened in Chromium', () => {
  const all = () => [NAMES.injection, NAMES.emoji, NAMES.csv];

  test('report -f markdown: the scores block keeps every name inside it; tables keep their cells', async () => {
    for (const period of ['2026-Q4', '2027-Q1']) {
      const page = await open((await readOnly(['report', period, '-f', 'markdown'])).stdout);
      expectInert(page);
      expectVendorTables(page, all());
      // The "Scores by vendor" block: one block, one line per vendor, the name at its start.
      expect(page.pre).toHaveLength(1);
      const lines = page.pre[0]!.trimEnd().split('\n');
      expect(lines).toHaveLength(VENDORS);
      for (const name of all()) expect(lines.filter((l) => l.startsWith(shown(name)))).toHaveLength(1);
      expect(page.text).toContain('[x](javascript:alert(1)) ![](http://tracker.example/p.gif)');
      // The claim, the roadmap promise and its note, shown as the text they are.
      expect(page.text).toContain("<script>alert('claim')</script> [ref][1] ~~gone~~ **bold** `code` &amp; &#60;b&#62; # heading > quote");
      expect(page.text).toContain('![t](http://tracker.example/roadmap.gif) 1. <iframe src=http://frame.example/></iframe>');
    }
  });

  test('score -f markdown, with and without --explain', async () => {
    const page = await open((await readOnly(['score', '-f', 'markdown'])).stdout);
    expectInert(page);
    expectVendorTables(page, all());
    const explain = await open((await readOnly(['score', '-f', 'markdown', '--explain'])).stdout);
    expectInert(explain);
    for (const name of all()) expect(explain.headings).toContain(shown(name));
    expect(explain.text).toContain('<a href="javascript:alert(4)">click</a> - item =');
  });

  test('diff -f markdown and trend -f markdown', async () => {
    const diff = await open((await readOnly(['diff', '2026-Q4', '2027-Q1', '-f', 'markdown'])).stdout);
    expectInert(diff);
    expectVendorTables(diff, all());
    expect(diff.text).toContain(`${shown(NAMES.injection)}, ![t](http://tracker.example/roadmap.gif) 1. <iframe`);
    const trend = await open((await readOnly(['trend', '-f', 'markdown'])).stdout);
    expectInert(trend);
    expectVendorTables(trend, all());
  });
});

/** A cell a spreadsheet would evaluate: =, +, @, or - before anything but a number; tabs and line ends stripped first. */
const FORMULA = /^[\t\r\n]*(?:[=+@]|-(?![\d.]))/;

/** Split on the separator alone, quotes honoured only at the start of a cell: a spreadsheet set to `;` reading this file. */
function readIgnoringQuotes(text: string, separator: string): string[] {
  return text
    .split('\r\n')
    .flatMap((line) => line.split(separator))
    .map((raw) => (raw.startsWith('"') ? raw.slice(1).replace(/""/g, '"') : raw));
}

describe('CSV from hostile vendor files', () => {
  test.each([
    [['export'], 'vendor'],
    [['export', '2026-Q4'], 'vendor'],
    [['score', '-f', 'csv'], 'vendor'],
    [['score', '-f', 'csv', '--explain'], 'vendor'],
    [['export', '--matrix'], undefined],
  ] as const)('%j: the name is one cell split on commas or semicolons, and no cell is a formula', async (args, column) => {
    const { stdout } = await readOnly([...args]);
    for (const delimiter of [',', [',', ';'], [',', ';', '\t']]) {
      const rows = parseCsv(stdout, { delimiter, record_delimiter: '\r\n' }) as string[][];
      const head = rows[0]!;
      for (const row of rows) expect(row).toHaveLength(head.length);
      for (const cell of rows.flat()) expect(FORMULA.test(cell), JSON.stringify(cell)).toBe(false);
      if (column) {
        const names = rows.slice(1).map((r) => r[head.indexOf(column)]);
        // The name whole in one cell; the apostrophe after its `;` keeps a spreadsheet split on `;` alone from starting a formula there.
        expect(names).toContain("Foo;'=1+1");
        expect(names.filter((n) => n?.startsWith('Foo'))).toEqual(names.filter((n) => n === "Foo;'=1+1"));
        expect(names).toContain(NAMES.injection);
      }
    }
    for (const separator of [';', '\t']) for (const cell of readIgnoringQuotes(stdout, separator)) expect(FORMULA.test(cell), JSON.stringify(cell)).toBe(false);
  });
});

describe('the HTML report of a vendor with emoji in its name', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const graphemes = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  test('the chart label is cut between graphemes: no U+FFFD, no lone surrogate, the text escaped', async () => {
    const target = join(out.dir, 'report.html');
    const before = tree(workspace.dir);
    const result = await run(['report', '2027-Q1', '-o', target], { cwd: workspace.dir, env: LATER });
    expect(result.code, result.stderr).toBe(0);
    expect(tree(workspace.dir)).toEqual(before);
    const page = readFileSync(target, 'utf8');
    expect(page).not.toMatch(/\uFFFD/);
    const labels = [...page.matchAll(/<text[^>]*class="label">([^<]*)<\/text>/g)].map((m) => m[1]!);
    const label = labels.find((l) => l.startsWith('👩'));
    expect(label, labels.join('\n')).toBeDefined();
    expect(loneSurrogate.test(label!)).toBe(false);
    const kept = graphemes(label!);
    expect(kept.at(-1)).toBe('…');
    expect(kept.slice(0, -1)).toEqual(graphemes(NAMES.emoji).slice(0, kept.length - 1));
    // The hostile name's label is escaped text in the SVG.
    expect(labels.some((l) => l.startsWith('``` &lt;img src=x onerror=alert('))).toBe(true);
    expect(page).not.toMatch(/<img/);

    if (!browser) return;
    const tab = await browser.newPage();
    try {
      await tab.goto(pathToFileURL(target).href);
      const shownLabels = await tab.locator('svg text.label').allTextContents();
      const read = shownLabels.find((l) => l.startsWith('👩'));
      expect(read).toBe(label);
      expect(NAMES.emoji.startsWith(read!.slice(0, -1))).toBe(true);
    } finally {
      await tab.close();
    }
  });
});
