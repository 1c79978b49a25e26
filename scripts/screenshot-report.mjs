// Renders the sample portfolio's 2026-Q4 report in headless Chromium and saves the top of it as
// docs/report.png, the picture in the README. `npm run screenshot` (needs Debian's chromium).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const dir = mkdtempSync(join(tmpdir(), 'aiclaim-report-'));
const report = join(dir, 'report.html');
execFileSync(process.execPath, ['bin/aiclaim.cjs', 'report', '2026-Q4', '-o', report], {
  stdio: 'inherit',
  env: { ...process.env, AICLAIM_TODAY: '2026-11-22' },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1500 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: 'docs/report.png' });
  console.log('wrote docs/report.png');
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
