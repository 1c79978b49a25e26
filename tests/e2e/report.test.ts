import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/browser.js';
import { requires } from '../helpers/requires.js';
import { run, sampleCopy, tempDir } from '../helpers/run-cli.js';

// The executive report as a CMO meets it: written by the built CLI, opened in a real browser.

const browserPath = chromiumPath();
const inBrowser = requires('the browser tests of the report', { chromium: browserPath !== undefined });

const SECTIONS = [
  ['stack', "The stack in the board's terms"],
  ['glance', 'The portfolio at a glance'],
  ['actions', 'What to do next'],
  ['ranking', 'Vendors ranked'],
  ['scores', 'Scores by vendor'],
  ['changes', 'Since 2026-Q3'],
  ['flags', 'Red flags that need action'],
  ['roadmap', 'Roadmap promises'],
  ['coverage', 'Coverage of the martech stack'],
] as const;

describe('aiclaim report', () => {
  test('compares with the quarter before, reading no other snapshot', async () => {
    const sample = sampleCopy();
    try {
      writeFileSync(join(sample.dir, 'findings', '2026-Q1.yaml'), 'schema: aiclaim/findings@1\nperiod: 2026-Q1\nvendors: [\n');
      const md = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: sample.dir });
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toMatch(/^## Since 2026-Q3/m);
    } finally {
      sample.remove();
    }
  });

  test('writes the report of the sample portfolio from the repository root', async () => {
    const temp = tempDir();
    try {
      const out = join(temp.dir, 'report.html');
      const result = await run(['report', '2026-Q4', '-o', out]);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/Wrote .*report\.html: the 2026-Q4 report \(html\)\./);
      const page = readFileSync(out, 'utf8');
      for (const [id, title] of SECTIONS) expect(page).toContain(`<section id="${id}"><h2>${title}</h2>`);
      expect(page).not.toMatch(/<script/i);
      // Nothing loads from the network: a claim's source is quoted as text, never linked or fetched.
      expect(page).not.toMatch(/(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?\/\//i);
      expect(page).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
      expect(page).toMatch(/Claims contradicted by the record[\s\S]*Helpwave Oy[\s\S]*https:\/\/helpwave\.example/);
      const md = await run(['report', '2026-Q4', '-f', 'markdown']);
      expect(md.stdout).toMatch(/^# AI claims audit · 2026-Q4/);
      expect((await run(['report', '-o', join(temp.dir, 'r.md')])).code).toBe(0);
      expect(readFileSync(join(temp.dir, 'r.md'), 'utf8')).toMatch(/^# AI claims audit · 2026-Q4/);
    } finally {
      temp.remove();
    }
  });

  inBrowser.test('opens in Chromium: every section there, no script run, no request made, prints to PDF', async () => {
    const sample = sampleCopy();
    const browser = await chromium.launch({ executablePath: browserPath!, args: CHROMIUM_ARGS });
    try {
      // A vendor whose name is markup must render as text.
      const file = join(sample.dir, 'vendors', 'tagwise.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          'name: Tagwise Ltd',
          `name: "<script>document.title='pwned'</script><img src=x onerror=\\"document.title='pwned'\\">"`,
        ),
      );
      expect((await run(['score', '--period', '2026-Q4', '-f', 'csv'], { cwd: sample.dir })).code).toBe(0);
      const out = join(sample.dir, 'report.html');
      expect((await run(['report', '2026-Q4', '-o', out], { cwd: sample.dir })).code).toBe(0);

      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(e.message));
      const url = pathToFileURL(out).href;
      await page.goto(url);
      expect(await page.title()).toBe('AI claims audit · 2026-Q4');
      expect(await page.locator('script').count()).toBe(0);
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      for (const [id, title] of SECTIONS) expect(await page.locator(`section#${id} h2`).textContent()).toBe(title);
      // The hostile name is there, as text.
      expect(await page.locator('section#ranking').textContent()).toContain("<script>document.title='pwned'</script>");
      // Charts carry text labels, not colour alone.
      expect(await page.locator('section#scores svg text').count()).toBeGreaterThan(16);

      const shot = join(sample.dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser.close();
      sample.remove();
    }
  });

  test('without a snapshot, says how to make one', async () => {
    const temp = tempDir();
    try {
      expect((await run(['init', '.'], { cwd: temp.dir })).code).toBe(0);
      const result = await run(['report'], { cwd: temp.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/error: no findings snapshot in findings\nhint: write one with `aiclaim score --period YYYY-Qn`/);
      expect(existsSync(join(temp.dir, 'report.html'))).toBe(false);
    } finally {
      temp.remove();
    }
  });
});
