import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/browser.js';
import { requires } from '../helpers/requires.js';
import { REPO, run, sampleCopy, tempDir } from '../helpers/run-cli.js';

// The report as the board gets it: written by the built CLI, printed to PDF by Chromium on A4,
// the pages rendered by poppler (pdftoppm) and read back as text (pdftotext). Page 1 is the
// summary and nothing else; no page is nearly blank; no table row is cut across two pages.
//
// Measured on the sample portfolio (2026-Q4, "today" 2026-11-22): 10 pages, each at least 11% ink
// (8 before the stack's economics opened the detail, on a page of their own). Before the summary
// page, the report printed as 7 pages, but only because its ranking table was wider than the page
// and Chromium shrank every page to fit.

const SAMPLE_PAGES_AT_MOST = 10;
/** A rendered page with less ink than this (share of pixels that are not white) is nearly blank. */
const NEARLY_BLANK = 0.03;

const need = requires('the printed report tests', ['chromium', 'pdftoppm']);

interface Printed {
  /** Each page's text, laid out (pdftotext -layout), split into lines. */
  pages: string[][];
  /** Each page's share of pixels that are not white, at 50 dpi. */
  ink: number[];
  /** Each page's share of pixels in colour (not a shade of grey). */
  colour: number[];
}

function print(html: string, dir: string): Printed {
  const pdf = join(dir, 'report.pdf');
  execFileSync(chromiumPath()!, [...CHROMIUM_ARGS, '--no-pdf-header-footer', '--print-to-pdf-no-header', `--print-to-pdf=${pdf}`, pathToFileURL(html).href], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  // pdftotext ends each page with a form feed.
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.split('\n'));
  // PPM (pdftoppm's own format: a header, then RGB bytes): read without a PNG decoder.
  execFileSync('pdftoppm', ['-r', '50', pdf, join(dir, 'page')]);
  const images = readdirSync(dir)
    .filter((f) => /^page-\d+\.ppm$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const measured = images.map((f) => measure(readFileSync(join(dir, f))));
  return { pages, ink: measured.map((m) => m.ink), colour: measured.map((m) => m.colour) };
}

/** Ink and colour of a binary PPM (P6, 8 bits a channel). */
function measure(ppm: Buffer): { ink: number; colour: number } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  let ink = 0;
  let colour = 0;
  for (let i = start; i < start + width * height * 3; i += 3) {
    const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
    if (Math.min(r, g, b) < 240) ink += 1;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour += 1;
  }
  return { ink: ink / (width * height), colour: colour / (width * height) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A table row as pdftotext lays it out: its first line (matched by `first`) and, below it, the rest
 * of its cells' text. The row is whole on a page when every word of `words` is in its first line or
 * the few lines after it on that same page: a row cut in two would carry them over to the next.
 */
function rowPages(printed: Printed, first: RegExp, words: readonly string[]): { page: number; whole: boolean }[] {
  const found: { page: number; whole: boolean }[] = [];
  printed.pages.forEach((lines, page) => {
    lines.forEach((line, i) => {
      if (!first.test(line)) return;
      const block = lines.slice(i, i + 4).join(' ');
      found.push({ page: page + 1, whole: words.every((w) => block.includes(w)) });
    });
  });
  return found;
}

/** The rows of the ranking table, from the HTML: each row's cells as text. */
function rankingRows(html: string): { rank: string; name: string; cells: string[] }[] {
  const start = html.indexOf('<table class="ranking">');
  const table = html.slice(start, html.indexOf('</table>', start));
  const text = (cell: string) =>
    cell
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .trim();
  return [...table.matchAll(/<tr>(<td class="num">\d+<\/td>.*?)<\/tr>/g)].map((row) => {
    const cells = [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => text(c[1]!));
    return { rank: cells[0]!, name: cells[1]!, cells };
  });
}

/** A ranking row whole on one page: its first line (rank, name, …, spend, renewal), every word of its cells with it. */
function expectRowsWhole(printed: Printed, rows: ReturnType<typeof rankingRows>): void {
  for (const row of rows) {
    const [spend, renewal] = row.cells.slice(-2);
    const first = new RegExp(`^\\s*${row.rank}\\s+${escape(row.name.split(' ')[0]!)}\\b.*${escape(spend!)}\\s+${escape(renewal!)}`);
    const words = row.cells
      .slice(1, -2)
      .flatMap((cell) => cell.split(/\s+/))
      .filter(Boolean);
    const found = rowPages(printed, first, words);
    expect(found, row.name).toHaveLength(1);
    expect(found[0]!.whole, `${row.name}'s row is cut across pages ${found[0]!.page} and ${found[0]!.page + 1}`).toBe(true);
  }
}

need.describe('the check that a row is whole', () => {
  // A table row of three lines placed to straddle the end of page 1 (two lines of room: one would
  // leave an orphan, which Chromium moves whole anyway): printed as the report's
  // rows are (kept whole), and with the rule that keeps it whole taken away (cut in two).
  const page = (keep: boolean) => `<!doctype html><meta charset="utf-8"><style>
    @page { size: A4; margin: 15mm; } body { margin: 0; font: 12px/16px sans-serif; }
    tr { break-inside: ${keep ? 'avoid' : 'auto'}; } td { vertical-align: top; padding: 0 4px; }
  </style><div style="height: calc(297mm - 30mm - 40px)"></div>
  <table><tr><td>7</td><td>Straddle<br>Analytics<br>Holdings</td><td>€10,000</td><td>2027-01-31</td></tr></table>`;
  const row = { first: /^\s*7\s+Straddle\b.*€10,000\s+2027-01-31/, words: ['Straddle', 'Analytics', 'Holdings'] };
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => (temp = tempDir()));
  afterAll(() => temp?.remove());

  for (const keep of [true, false]) {
    test(
      keep ? 'a row kept whole is found whole, on one page' : 'a row cut across two pages is found cut',
      () => {
        const dir = join(temp.dir, keep ? 'kept' : 'cut');
        mkdirSync(dir);
        writeFileSync(join(dir, 'page.html'), page(keep));
        const found = rowPages(print(join(dir, 'page.html'), dir), row.first, row.words);
        expect(found).toHaveLength(1);
        expect(found[0]).toEqual(keep ? { page: 2, whole: true } : { page: 1, whole: false });
      },
      120_000,
    );
  }
});

need.describe('the report printed to PDF on A4', () => {
  let sample: { dir: string; remove: () => void };
  let printed: Printed;
  let html: string;

  beforeAll(async () => {
    sample = sampleCopy();
    const out = join(sample.dir, 'report.html');
    const result = await run(['report', '2026-Q4', '-o', out], { cwd: sample.dir });
    expect(result.code, result.stderr).toBe(0);
    html = readFileSync(out, 'utf8');
    printed = print(out, sample.dir);
  });
  afterAll(() => sample?.remove());

  test(`the sample prints on at most ${SAMPLE_PAGES_AT_MOST} pages, none nearly blank`, () => {
    expect(printed.pages.length).toBeGreaterThanOrEqual(3);
    expect(printed.pages.length).toBeLessThanOrEqual(SAMPLE_PAGES_AT_MOST);
    expect(printed.ink).toHaveLength(printed.pages.length);
    printed.ink.forEach((ink, i) => expect(ink, `page ${i + 1} is nearly blank (${(ink * 100).toFixed(1)}% ink)`).toBeGreaterThanOrEqual(NEARLY_BLANK));
  });

  test('page 1 is the summary, whole, and the detail starts on page 2', () => {
    const [one, two] = [printed.pages[0]!.join('\n'), printed.pages[1]!.join('\n')];
    for (const part of ['AI claims audit · 2026-Q4', 'Summary for the board', 'The three actions that matter', 'Renewals in the next 90 days', 'Since 2026-Q3'])
      expect(one).toContain(part);
    // Its last line is on page 1 too: the summary never runs over.
    expect(one).toContain('Roadmap promises this quarter: 4 delivered, 3 slipped, 1 dropped.');
    // Words apart from their bold labels and from the renewal after them, as a reader sees them printed.
    expect(one).toMatch(/Verdicts:\s+1 up \(Datavane SA, Weak → Plausible\)/);
    expect(one).toMatch(/Vendors:\s+2 new \(/);
    expect(one).toMatch(/its AI claims are not backed\.\s+\(renews 2026-12-15/);
    expect(one).not.toContain('The portfolio at a glance');
    expect(two.trim().split('\n')[0]).toBe("The stack in the board's terms");
    // In a board's words: no command, no file, no flag id.
    expect(one).not.toMatch(/aiclaim |--[a-z]|\.ya?ml|findings\/|ai-washing|no-runway|claim-contradicted/);
  });

  test('page 1 reads in colour and in greyscale: each verdict by its name, and in colour', () => {
    const one = printed.pages[0]!.join('\n');
    for (const label of ['Substantiated', 'Plausible', 'Weak', 'Unsubstantiated', 'Not assessed']) expect(one).toContain(label);
    expect(one).toMatch(/5\s+3\s+5\s+3\s+1/);
    expect(printed.colour[0]).toBeGreaterThan(0.002);
  });

  test('the spend, the three actions and the renewals of the next 90 days, soonest first', () => {
    const one = printed.pages[0]!.join('\n');
    expect(one).toMatch(/€1,898,000[\s\S]*€505,000 · 27%[\s\S]*€120,000 · 6%/);
    const actions = printed.pages[0]!.filter((l) => /^\s*[123]\. (Retire or replace|Renegotiate|Interview|Ask for evidence from|Monitor) /.test(l));
    expect(actions.map((l) => /^\s*\d\. \S.*? (SocialPulse|Cohortia|Chatterbox)/.exec(l)?.[1])).toEqual(['SocialPulse', 'Cohortia', 'Chatterbox']);
    const renewals = printed.pages[0]!.map((l) => /^\s*(\d{4}-\d{2}-\d{2}) \(in \d+ days\)/.exec(l)?.[1]).filter(Boolean);
    expect(renewals).toEqual(['2026-12-15', '2026-12-31', '2027-01-15', '2027-01-31', '2027-02-15']);
  });

  test('no table row is cut across two pages: each vendor of the ranking whole on one page', () => {
    const ranked = rankingRows(html);
    expect(ranked.map((r) => r.rank)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    expectRowsWhole(printed, ranked);
    // The summary's renewals, and the vendor not assessed yet, likewise.
    for (const name of ['SocialPulse Inc.', 'Cohortia Inc.', 'Chatterbox Labs Ltd', 'Autoflow Technologies SAS', 'Brandloom SRL']) {
      const rows = rowPages(printed, new RegExp(`^\\s*\\d{4}-\\d{2}-\\d{2} \\(in \\d+ days\\)\\s+${escape(name.split(' ')[0]!)}`), name.split(' '));
      expect(
        rows.map((r) => [r.page, r.whole]),
        name,
      ).toEqual([[1, true]]);
    }
    const pixelcast = rowPages(printed, /^\s*Pixelcast\b.*DSP.*0 of 4 needed/, ['Pixelcast', 'Media', 'SA', '2027-03-31']);
    expect(pixelcast.map((r) => r.whole)).toEqual([true]);
  });
});

need.describe('a large portfolio printed', () => {
  let ws: { dir: string; remove: () => void };
  let printed: Printed;
  let html: string;
  const VENDORS = 600;

  beforeAll(async () => {
    ws = tempDir('aiclaim-report-large-');
    writeFileSync(join(ws.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
    execFileSync(process.execPath, [join(REPO, 'bench', 'generate-vendors.mjs'), join(ws.dir, 'vendors'), String(VENDORS), '1'], { stdio: 'ignore' });
    const scored = await run(['score', '--period', '2026-Q4', '-f', 'csv'], { cwd: ws.dir });
    expect(scored.code, scored.stderr).toBe(0);
    const out = join(ws.dir, 'report.html');
    const result = await run(['report', '2026-Q4', '--top', '5', '-o', out], { cwd: ws.dir });
    expect(result.code, result.stderr).toBe(0);
    html = readFileSync(out, 'utf8');
    printed = print(out, ws.dir);
  }, 120_000);
  afterAll(() => ws?.remove());

  test('--top 5: the ranking lists the 5 best and the 5 worst, and counts the rest by category and verdict', () => {
    const table = html.slice(html.indexOf('<table class="ranking">'), html.indexOf('</table>', html.indexOf('<table class="ranking">')));
    expect((table.match(/<tr>/g) ?? []).length).toBe(1 + 10);
    const between = /(\d[\d,]*) vendors between, counted below/.exec(table);
    expect(between).not.toBeNull();
    const rest = Number(between![1]!.replace(/,/g, ''));
    expect(rest).toBeGreaterThan(VENDORS / 2);
    expect(html).toContain(`The ${between![1]} vendors between the best and the worst, by category and verdict`);
    // A few hundred rows at most, never one per vendor.
    expect((html.match(/<tr[ >]/g) ?? []).length).toBeLessThan(150);
  });

  test('still a summary on page 1, a short report, no page nearly blank, no row cut', () => {
    const one = printed.pages[0]!.join('\n');
    expect(one).toContain(`${VENDORS} vendors`);
    expect(one).toContain('The three actions that matter');
    expect(one).toMatch(/And \d+ more renewals in these 90 days/);
    expect(printed.pages[1]!.join('\n').trim().split('\n')[0]).toBe("The stack in the board's terms");
    expect(printed.pages.length).toBeLessThanOrEqual(16);
    printed.ink.forEach((ink, i) => expect(ink, `page ${i + 1} is nearly blank`).toBeGreaterThanOrEqual(NEARLY_BLANK));
    const ranked = rankingRows(html);
    expect(ranked).toHaveLength(10);
    expectRowsWhole(printed, ranked);
  });
});

test('--top must be a whole number of at least 1', async () => {
  const zero = await run(['report', '2026-Q4', '--top', '0', '-f', 'markdown']);
  expect(zero.code).toBe(2);
  expect(zero.stderr).toMatch(/error: --top: must be at least 1/);
  const half = await run(['report', '2026-Q4', '--top', '2.5', '-f', 'markdown']);
  expect(half.code).toBe(2);
  expect(half.stderr).toMatch(/error: --top: must be a whole number of vendors/);
});

test('exchange rates from aiclaim.yaml: totals in the base with the date of the rates; a currency without a rate is one clear line', async () => {
  const sample = sampleCopy();
  try {
    for (const [id, currency] of [
      ['harbor-crm', 'USD'],
      ['autoflow', 'USD'],
      ['tagwise', 'GBP'],
    ]) {
      const file = join(sample.dir, 'vendors', `${id}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/currency: EUR/, `currency: ${currency}`));
    }
    expect((await run(['score', '--period', '2026-Q4', '--force', '-f', 'csv'], { cwd: sample.dir })).code).toBe(0);
    const settings = join(sample.dir, 'aiclaim.yaml');
    const withRates = readFileSync(settings, 'utf8');
    expect(withRates).toMatch(/exchange:\n {2}base: EUR\n {2}asOf: 2026-11-20\n {2}rates:\n {4}USD: 0.92\n {4}GBP: 1.17\n/);

    const converted = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: sample.dir });
    expect(converted.code, converted.stderr).toBe(0);
    const total = Math.round(1_898_000 - 626_000 + 618_000 * 0.92 + 8_000 * 1.17).toLocaleString('en-US');
    expect(converted.stdout).toContain(`- **Annual spend:** €${total};`);
    expect(converted.stdout).toContain('- **Converted to EUR at the rates of 2026-11-20:** 1 GBP = 1.17 EUR · 1 USD = 0.92 EUR.');
    const page = await run(['report', '2026-Q4'], { cwd: sample.dir });
    expect(page.stdout).toContain('<b>Converted to EUR at the rates of 2026-11-20:</b>');

    // No rate for GBP: refused, one line naming the file and the field.
    writeFileSync(settings, withRates.replace('    GBP: 1.17\n', ''));
    const missing = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: sample.dir });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toEqual([
      `✖ aiclaim.yaml:${withRates.split('\n').indexOf('  rates:') + 1}:3: exchange.rates: no rate for GBP, the currency of 1 vendor's spend in 2026-Q4 (Tagwise Ltd) — add "GBP: <what 1 GBP is worth in EUR>" under exchange.rates, as of 2026-11-20`,
    ]);

    // A rate of zero, like any bad setting.
    writeFileSync(settings, withRates.replace('USD: 0.92', 'USD: 0'));
    const zero = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: sample.dir });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/^✖ aiclaim\.yaml:\d+:10: exchange\.rates\.USD: must be more than 0/);

    // No rates at all: totals per currency, and the summary says so.
    writeFileSync(settings, withRates.slice(0, withRates.indexOf('# Exchange rates')));
    const perCurrency = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: sample.dir });
    expect(perCurrency.code, perCurrency.stderr).toBe(0);
    expect(perCurrency.stdout).toContain('- **Annual spend in USD:** \\$618,000;');
    expect(perCurrency.stdout).toContain('- **Totals are per currency:** no exchange rates are set, so amounts in EUR, USD, GBP are not added together.');
  } finally {
    sample.remove();
  }
});
