import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadFindings, loadQuestionnaire } from '../../src/core/load/load-files.js';
import { reportModel } from '../../src/core/report/report-model.js';
import type { Findings } from '../../src/core/schema/findings.js';
import { reportHtml } from '../../src/render/report-html.js';
import { reportMarkdown } from '../../src/render/report-markdown.js';

// The numbers behind every section of the report, for the sample portfolio's 2026-Q4 snapshot,
// checked against the vendor files and snapshots by hand.

const repo = join(import.meta.dirname, '..', '..');
const findings = (period: string): Findings => {
  const loaded = loadFindings(readFileSync(join(repo, 'fixtures', 'sample', 'findings', `${period}.yaml`), 'utf8'), period);
  if (!loaded.ok) throw new Error('invalid fixture');
  return loaded.value;
};
const q = loadQuestionnaire(readFileSync(join(repo, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'q');
if (!q.ok) throw new Error('invalid questionnaire');
const model = reportModel({ current: findings('2026-Q4'), previous: findings('2026-Q3'), questionnaire: q.value });

describe('report model of the 2026-Q4 sample', () => {
  test('the portfolio at a glance', () => {
    expect(model.glance.vendors).toBe(16);
    expect(model.glance.byVerdict.map((v) => [v.verdict, v.count])).toEqual([
      ['substantiated', 5],
      ['plausible', 4],
      ['weak', 5],
      ['unsubstantiated', 2],
    ]);
    // Weak or unsubstantiated: autoflow 168,000 + brandloom 15,000 + campaignly 36,000 + chatterbox 24,000
    // + cohortia 140,000 + helpwave 96,000 (weak: its runway flag caps it) + socialpulse 18,000 = 497,000.
    expect(model.glance.spend).toEqual([{ currency: 'EUR', total: 1778000, weak: 497000, share: 497000 / 1778000 }]);
    // Critical: helpwave no-runway, campaignly ai-washing and not-ai, socialpulse ai-washing.
    expect(model.glance.flags.critical).toBe(4);
  });

  test('the ranking, with the change since the previous quarter', () => {
    expect(model.ranked.slice(0, 3).map((r) => [r.rank, r.id, r.score, r.change])).toEqual([
      [1, 'lumen-personalize', 96.9, 0],
      [2, 'touchpoint', 94.2, -1.7],
      [3, 'mailmint', 91.8, 0],
    ]);
    // Storelink is new in Q4; Brandloom and Chatterbox tie at 43.2 and share rank 13.
    expect(model.ranked.find((r) => r.id === 'storelink')!.change).toBeNull();
    expect(model.ranked.filter((r) => r.score === 43.2).map((r) => r.rank)).toEqual([13, 13]);
    expect(model.ranked.find((r) => r.id === 'datavane')).toMatchObject({ change: 14.2, verdictLabel: 'Plausible', categoryLabel: 'Smart data' });
  });

  test('red flags grouped by severity, the gravest first', () => {
    expect(model.flags.map((g) => [g.severity, g.items.length])).toEqual([
      ['critical', 4],
      ['high', 15],
      ['medium', 3],
    ]);
  });

  test('roadmap promises due, kept and slipped this quarter', () => {
    const of = (kind: string) => model.roadmap.filter((r) => r.kind === kind).map((r) => `${r.vendor}/${r.id}`);
    // Slipped: re-promised for a later quarter (harbor to 2026-Q4, autoflow to 2027-Q1 and 2027-Q2).
    expect(of('slipped')).toEqual(['harbor-crm/deal-summaries-fr-de', 'autoflow/ai-journey-builder', 'autoflow/churn-model-eu']);
    // Dropped since 2026-Q3.
    expect(of('dropped')).toEqual(['touchpoint/offline-sales-attribution']);
    // Planned for 2026-Q4 and not delivered yet.
    expect(of('due')).toEqual(['tagwise/consent-mode-checks', 'socialpulse/trend-prediction']);
    // deliveredIn 2026-Q4: two on time, genwrite and chatterbox a quarter late.
    expect(of('delivered')).toEqual(['mailmint/frequency-capping-model', 'variant-lab/sequential-stopping', 'genwrite/brand-glossary', 'chatterbox/catalogue-sync']);
    expect(model.roadmap.filter((r) => r.kind === 'delivered').map((r) => r.note)).toEqual(['on time', 'on time', '1 quarter late', '1 quarter late']);
  });

  test('coverage of the martech categories, in priority order', () => {
    expect(model.coverage.map((c) => c.category).slice(0, 3)).toEqual(['on-site-personalization', 'ab-testing', 'crm']);
    expect(model.coverage.filter((c) => !c.vetted).map((c) => c.category)).toEqual([
      'dmp', 'ai-bots', 'social-media-intelligence', 'campaign-management', 'marketing-automation', 'social-media-management', 'customer-service', 'marketplace', 'phygital', 'dsp', 'ssp',
    ]);
  });

  test('what to do next: each action traceable to its finding, retire first, then by spend', () => {
    expect(model.actions.filter((a) => a.kind === 'retire').map((a) => a.vendor)).toEqual(['campaignly', 'socialpulse']);
    expect(model.actions.filter((a) => a.kind === 'renegotiate').map((a) => a.vendor)).toEqual(['autoflow', 'cohortia', 'helpwave', 'chatterbox', 'brandloom']);
    expect(model.actions.find((a) => a.vendor === 'helpwave' && a.kind === 'renegotiate')!.because).toContain('red flag no-runway: Living on venture money with no runway');
    expect(model.actions.find((a) => a.kind === 'ask-for-evidence')).toMatchObject({ vendor: 'harbor-crm', because: ['training-records: evidence dated after the claim (6 points at stake)', 'independent-validation: claimed, not shown (3 points at stake)'] });
    for (const a of model.actions) expect(a.because.length).toBeGreaterThan(0);
  });
});

describe('report rendering', () => {
  const hostile = structuredClone(findings('2026-Q4'));
  hostile.vendors[0]!.name = '<script>document.title="pwned"</script>';
  hostile.vendors[1]!.name = '<img src=x onerror="document.title=\'pwned\'">';
  const hostileModel = reportModel({ current: hostile });

  test('user text is escaped in the HTML: a vendor named <script> renders as text', () => {
    const page = reportHtml(hostileModel, { file: 'findings/<x>.yaml', tool: 'aiclaim test' });
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).toContain('&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;');
    expect(page).toContain('findings/&lt;x&gt;.yaml');
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  });

  test('markdown carries the same sections and cannot be broken by a name', () => {
    const md = reportMarkdown(hostileModel, { file: 'f.yaml', tool: 't' });
    for (const heading of ['## The portfolio at a glance', '## What to do next', '## Vendors ranked', '## Scores by vendor', '## Red flags that need action', '## Roadmap promises', '## Coverage of the martech stack']) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('\\<script\\>');
    expect(reportMarkdown(model, { file: 'f.yaml', tool: 't' })).toContain('## Since 2026-Q3');
  });
});
