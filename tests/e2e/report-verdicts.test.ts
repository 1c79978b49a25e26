import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/browser.js';
import { requires } from '../helpers/requires.js';
import { REPO, run, sampleCopy, tempDir } from '../helpers/run-cli.js';

// Verdicts come from the questionnaire in every renderer: the bundled FMTI questionnaire (three
// bands) and a team's own with five. Nothing renders the default questionnaire's verdict names.

const browserPath = chromiumPath();
const inBrowser = requires('the browser check of the report verdicts', { chromium: browserPath !== undefined });

const removals: (() => void)[] = [];
afterAll(() => {
  for (const remove of removals) remove();
});

/** The FMTI 2023 developers as a workspace scored for 2026-Q4. */
async function fmtiWorkspace(): Promise<string> {
  const ws = tempDir();
  removals.push(ws.remove);
  cpSync(join(REPO, 'fixtures', 'fmti-2023', 'developers'), join(ws.dir, 'vendors'), { recursive: true });
  writeFileSync(join(ws.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: fmti-2023\n');
  const scored = await run(['score', '--period', '2026-Q4'], { cwd: ws.dir });
  expect(scored.code, scored.stderr).toBe(0);
  return ws.dir;
}

const FIVE_BANDS = `  verdicts:
    - { id: excellent, label: Excellent, min: 85 }
    - { id: good, label: Good, min: 70 }
    - { id: fair, label: Fair, min: 55 }
    - { id: poor, label: Poor, min: 35 }
    - { id: failing, label: Failing, min: 0 }
  caps:
    critical: poor
`;

/** The sample portfolio scored for 2026-Q4 with ai-claims given five verdict bands of its own. */
async function fiveBandWorkspace(): Promise<string> {
  const sample = sampleCopy();
  removals.push(sample.remove);
  const original = readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8');
  const start = original.indexOf('  verdicts:\n');
  const end = original.indexOf('  # No verdict until');
  mkdirSync(join(sample.dir, 'questionnaires'));
  // Flags that cap a verdict name one of the five bands instead.
  const own = (original.slice(0, start) + FIVE_BANDS + original.slice(end)).replace(
    /cap: (unsubstantiated|weak|plausible)\b/g,
    (_, v: string) => `cap: ${{ unsubstantiated: 'failing', weak: 'poor', plausible: 'fair' }[v]}`,
  );
  // And three risk bands of its own, capped by the flags as the four were.
  const risks = own
    .replace(
      / {4}bands:\n(?: {6}- \{ id: (?:low|moderate|high|severe),[^\n]*\n){4}/,
      '    bands:\n      - { id: safe, label: Safe, min: 70 }\n      - { id: watch, label: Watch, min: 40 }\n      - { id: exposed, label: Exposed, min: 0 }\n',
    )
    .replace('      critical: high\n      high: moderate\n', '      critical: exposed\n      high: watch\n');
  expect(risks).not.toBe(own);
  writeFileSync(join(sample.dir, 'questionnaires', 'ai-claims.yaml'), risks);
  const scored = await run(['score', '--period', '2026-Q4', '--force'], { cwd: sample.dir });
  expect(scored.code, scored.stderr).toBe(0);
  return sample.dir;
}

const DEFAULT_NAMES = /\b(substantiated|unsubstantiated|plausible)\b/i;

describe('verdicts from the questionnaire', () => {
  test('FMTI: the lowest band calls for action, and the report says so in its words', async () => {
    const cwd = await fmtiWorkspace();
    const md = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).not.toMatch(/Nothing needs action/);
    expect(md.stdout).toMatch(/## What to do next\n[\s\S]*verdict Opaque/);
    expect(md.stdout).not.toMatch(DEFAULT_NAMES);
    expect(md.stdout).toMatch(/\*\*Retire or replace\*\* Amazon: its AI claims are not backed\.\s+_Because: verdict Opaque \(12\)_/);
    const html = await run(['report', '2026-Q4'], { cwd });
    expect(html.stdout).toContain('dashed lines at 40 and 60 mark the verdict bands');
    expect(html.stdout).not.toMatch(DEFAULT_NAMES);
    // The trend's letters and legend are the questionnaire's.
    const trend = await run(['trend'], { cwd });
    expect(trend.stdout).toMatch(/Verdicts: T transparent, P partly transparent, O opaque, N not assessed/);
  });

  test('five bands: colours, fills, chart lines, actions and legends follow the scale', async () => {
    const cwd = await fiveBandWorkspace();
    const md = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd });
    expect(md.stdout).toMatch(/in vendors whose AI claims are poor or failing/);
    expect(md.stdout).not.toMatch(DEFAULT_NAMES);
    const html = await run(['report', '2026-Q4'], { cwd });
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain('dashed lines at 35, 55, 70 and 85 mark the verdict bands');
    expect(html.stdout).not.toMatch(/dashed lines at 35, 55 and 75/);
    // Every verdict present has its fill by its place on the scale, and its colour in the terminal.
    const scores = JSON.parse((await run(['score', '-f', 'json'], { cwd })).stdout) as { vendors: { verdict: string }[] };
    const present = new Set(scores.vendors.map((v) => v.verdict));
    expect([...present].filter((v) => ['excellent', 'good', 'fair', 'poor', 'failing'].includes(v)).length).toBeGreaterThanOrEqual(3);
    const fills: Record<string, string> = {
      excellent: 'url(#fill-solid)',
      good: 'url(#fill-hatch)',
      fair: 'url(#fill-hatch)',
      poor: 'url(#fill-dots)',
      failing: 'url(#fill-light)',
    };
    for (const v of present) if (fills[v]) expect(html.stdout).toContain(fills[v]);
    const colours: Record<string, string> = { excellent: '32', good: '36', fair: '36', poor: '33', failing: '31' };
    const labels: Record<string, string> = { excellent: 'Excellent', good: 'Good', fair: 'Fair', poor: 'Poor', failing: 'Failing' };
    const coloured = await run(['score', '-f', 'table'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    for (const v of present) if (colours[v]) expect(coloured.stdout).toContain(`\u001b[${colours[v]}m${labels[v]}`);
    const trend = await run(['trend'], { cwd });
    expect(trend.stdout).toMatch(/Verdicts: E excellent, G good, F fair, P poor, A failing, N not assessed/);
    expect(trend.stdout).toMatch(/Risk: S safe, W watch, E exposed, N not assessed\./);
    // The risk bands are the questionnaire's too: no default band's name in the report.
    expect(md.stdout).not.toMatch(/\b(Low|Moderate|High|Severe) risk\b/);
    const json = JSON.parse((await run(['trend', '-f', 'json'], { cwd })).stdout) as { risks: { id: string }[] };
    expect(json.risks.map((r) => r.id)).toEqual(['safe', 'watch', 'exposed', 'not-assessed']);

    if (!inBrowser.here() || !browserPath) return;
    const file = join(cwd, 'report.html');
    writeFileSync(file, html.stdout);
    const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      const marks = await page.locator('#scores svg.chart text.mark').allTextContents();
      expect(marks).toEqual(['35', '55', '70', '85']);
      const legend = await page.locator('#scores p.because').innerText();
      expect(legend).toMatch(/Excellent.*Failing|Failing.*Excellent/s);
    } finally {
      await browser.close();
    }
  });
});
