import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadFindings, loadQuestionnaire, loadSettings } from '../../src/core/load/load-files.js';
import { formatProblem } from '../../src/core/problem.js';
import { coverageStatus } from '../../src/core/report/coverage.js';
import { missingRates, rateOf, ratesOf, toBase, totals, type ExchangeRates } from '../../src/core/report/currency.js';
import { summarise, topAndWorst } from '../../src/core/report/portfolio-ends.js';
import { addDays, renewingWithin } from '../../src/core/report/priorities.js';
import { firstPerVendor, orderActions, reportModel, type Action } from '../../src/core/report/report-model.js';
import type { Findings } from '../../src/core/schema/findings.js';
import { reportHtml } from '../../src/render/report-html.js';
import { reportMarkdown } from '../../src/render/report-markdown.js';

// The pure parts of what the report puts first: the order of the actions, spend converted at the
// team's rates, the categories not in the stack, and the best and worst of a large portfolio.

const repo = join(import.meta.dirname, '..', '..');
const findings = (period: string): Findings => {
  const loaded = loadFindings(readFileSync(join(repo, 'fixtures', 'sample', 'findings', `${period}.yaml`), 'utf8'), period);
  if (!loaded.ok) throw new Error('invalid fixture');
  return loaded.value;
};
const q = loadQuestionnaire(readFileSync(join(repo, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'q');
if (!q.ok) throw new Error('invalid questionnaire');
const TODAY = '2026-11-22';

const action = (vendor: string, kind: Action['kind'], renewal: string | undefined, amount?: number, currency = 'EUR'): Action => ({
  kind,
  vendor,
  vendorName: vendor,
  text: `${vendor}: something`,
  reason: 'something',
  because: ['verdict Weak (40)'],
  renewal,
  spend: amount === undefined ? undefined : { amount, currency },
});

describe('the order of the actions: soonest renewal, then largest spend', () => {
  test('a renewal two weeks away comes before one next year, whatever the action or the spend', () => {
    const ordered = orderActions([action('next-year', 'retire', '2027-11-30', 900_000), action('in-two-weeks', 'monitor', '2026-12-06', 5_000)]);
    expect(ordered.map((a) => a.vendor)).toEqual(['in-two-weeks', 'next-year']);
  });

  test('on the same date the largest spend first; no renewal date last; a vendor\u2019s actions together, the most serious first', () => {
    const ordered = orderActions([
      action('undated', 'retire', undefined, 1_000_000),
      action('small', 'renegotiate', '2027-01-31', 10_000),
      action('big', 'ask-for-evidence', '2027-01-31', 200_000),
      action('big', 'renegotiate', '2027-01-31', 200_000),
      action('no-spend', 'interview', '2027-01-31'),
    ]);
    expect(ordered.map((a) => `${a.vendor}/${a.kind}`)).toEqual([
      'big/renegotiate',
      'big/ask-for-evidence',
      'small/renegotiate',
      'no-spend/interview',
      'undated/retire',
    ]);
  });

  test('spend in other currencies compares at the rates', () => {
    const rates: ExchangeRates = { base: 'EUR', asOf: '2026-11-20', rates: { USD: 0.5 } };
    const list = [action('eur', 'retire', '2027-01-31', 80_000), action('usd', 'retire', '2027-01-31', 100_000, 'USD')];
    expect(orderActions(list).map((a) => a.vendor)).toEqual(['usd', 'eur']);
    expect(orderActions(list, (s) => (s ? toBase(s, rates).amount : 0)).map((a) => a.vendor)).toEqual(['eur', 'usd']);
  });

  test('the summary names three vendors, each by its first action', () => {
    const ordered = orderActions([
      action('a', 'renegotiate', '2026-12-01', 1),
      action('a', 'ask-for-evidence', '2026-12-01', 1),
      action('b', 'retire', '2026-12-02', 1),
      action('c', 'monitor', '2026-12-03', 1),
      action('d', 'retire', '2026-12-04', 1),
    ]);
    expect(firstPerVendor(ordered, 3).map((a) => `${a.vendor}/${a.kind}`)).toEqual(['a/renegotiate', 'b/retire', 'c/monitor']);
  });

  test('the sample: every listed action in renewal order, the soonest (SocialPulse, 2026-12-15) first', () => {
    const model = reportModel({ current: findings('2026-Q4'), previous: findings('2026-Q3'), questionnaire: q.value, today: TODAY });
    const dates = model.actions.map((a) => a.renewal!);
    expect(dates).toEqual([...dates].sort());
    expect(model.summary.actions.map((a) => [a.vendor, a.kind])).toEqual([
      ['socialpulse', 'retire'],
      ['cohortia', 'renegotiate'],
      ['chatterbox', 'retire'],
    ]);
  });
});

describe('renewals coming up', () => {
  test('from today to 90 days ahead, both days included, soonest first', () => {
    expect(addDays('2026-11-22', 90)).toBe('2027-02-20');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    const items = [
      { name: 'past', renewal: '2026-11-21', spend: 1 },
      { name: 'today', renewal: '2026-11-22', spend: 1 },
      { name: 'last-day', renewal: '2027-02-20', spend: 1 },
      { name: 'too-late', renewal: '2027-02-21', spend: 1 },
      { name: 'undated', spend: 1 },
      { name: 'big', renewal: '2026-12-15', spend: 9 },
      { name: 'small', renewal: '2026-12-15', spend: 2 },
    ];
    expect(renewingWithin(items, '2026-11-22').map((i) => i.name)).toEqual(['today', 'big', 'small', 'last-day']);
  });

  test('the sample on 2026-11-22: five renewals before 2027-02-20, each with its next step', () => {
    const model = reportModel({ current: findings('2026-Q4'), previous: findings('2026-Q3'), questionnaire: q.value, today: TODAY });
    expect(model.summary.renewals).toMatchObject({ until: '2027-02-20', more: 0 });
    expect(model.summary.renewals!.items.map((r) => [r.vendor, r.renewal, r.days, r.next])).toEqual([
      ['socialpulse', '2026-12-15', 23, 'retire'],
      ['cohortia', '2026-12-31', 39, 'renegotiate'],
      ['chatterbox', '2027-01-15', 54, 'retire'],
      ['autoflow', '2027-01-31', 70, 'renegotiate'],
      ['brandloom', '2027-02-15', 85, 'renegotiate'],
    ]);
  });
});

describe('spend in several currencies', () => {
  const rates: ExchangeRates = { base: 'EUR', asOf: '2026-11-20', rates: { USD: 0.92, GBP: 1.17 } };

  test('converted at the rates set, the base as it is; without a rate, left in its currency', () => {
    expect(rateOf('EUR', rates)).toBe(1);
    expect(toBase({ amount: 100_000, currency: 'USD' }, rates)).toEqual({ amount: 92_000, currency: 'EUR' });
    expect(toBase({ amount: 100, currency: 'CHF' }, rates)).toEqual({ amount: 100, currency: 'CHF' });
    expect(toBase({ amount: 100, currency: 'USD' }, undefined)).toEqual({ amount: 100, currency: 'USD' });
    expect(totals([{ amount: 100_000, currency: 'USD' }, { amount: 10_000, currency: 'GBP' }, undefined, { amount: 1_000, currency: 'EUR' }], rates)).toEqual([
      { amount: 92_000 + 11_700 + 1_000, currency: 'EUR' },
    ]);
    expect(
      totals(
        [
          { amount: 100, currency: 'USD' },
          { amount: 50, currency: 'EUR' },
          { amount: 20, currency: 'USD' },
        ],
        undefined,
      ),
    ).toEqual([
      { amount: 120, currency: 'USD' },
      { amount: 50, currency: 'EUR' },
    ]);
    expect(missingRates(['EUR', 'USD', 'CHF', 'JPY', 'CHF'], rates)).toEqual(['CHF', 'JPY']);
    expect(ratesOf({ asOf: '2026-11-20', rates: { USD: 0.92 } }, 'EUR')).toEqual({ base: 'EUR', asOf: '2026-11-20', rates: { USD: 0.92 } });
    expect(ratesOf(undefined, 'EUR')).toBeUndefined();
  });

  /** The sample with Harbor (450,000) and Autoflow (168,000) paid in USD, Tagwise (8,000) in GBP. */
  const mixed = (): Findings => {
    const f = structuredClone(findings('2026-Q4'));
    for (const v of f.vendors) {
      if (v.id === 'harbor-crm' || v.id === 'autoflow') v.spend = { ...v.spend!, currency: 'USD' };
      if (v.id === 'tagwise') v.spend = { ...v.spend!, currency: 'GBP' };
    }
    return f;
  };

  test('with rates, one total in the base, the rates and their date in the model', () => {
    const model = reportModel({ current: mixed(), questionnaire: q.value, rates, today: TODAY });
    const total = 1_898_000 - 450_000 - 168_000 - 8_000 + (450_000 + 168_000) * 0.92 + 8_000 * 1.17;
    // Weak: helpwave 96,000 + cohortia 140,000 + brandloom 15,000 in EUR, autoflow $168,000, tagwise £8,000; unsubstantiated 78,000.
    const weak = 96_000 + 140_000 + 15_000 + 168_000 * 0.92 + 8_000 * 1.17 + 78_000;
    expect(model.glance.spend).toHaveLength(1);
    expect(model.glance.spend[0]!.currency).toBe('EUR');
    expect(model.glance.spend[0]!.total).toBeCloseTo(total, 6);
    expect(model.glance.spend[0]!.weak).toBeCloseTo(weak, 6);
    expect(model.exchange).toEqual({
      base: 'EUR',
      asOf: '2026-11-20',
      used: [
        { currency: 'GBP', rate: 1.17 },
        { currency: 'USD', rate: 0.92 },
      ],
    });
    // A vendor's own amount stays in its currency.
    expect(model.ranked.find((r) => r.id === 'harbor-crm')!.spend).toEqual({ amount: 450_000, currency: 'USD' });
    const page = reportHtml(model, { file: 'findings/2026-Q4.yaml', tool: 't' });
    const summary = page.slice(page.indexOf('<section id="summary">'), page.indexOf('</section>'));
    expect(summary).toContain('Converted to EUR at the rates of 2026-11-20:</b> 1 GBP = 1.17 EUR · 1 USD = 0.92 EUR');
    expect(reportMarkdown(model, { file: 'f.yaml', tool: 't' })).toContain(
      '**Converted to EUR at the rates of 2026-11-20:** 1 GBP = 1.17 EUR · 1 USD = 0.92 EUR.',
    );
  });

  test('without rates, totals per currency, and the summary says so', () => {
    const model = reportModel({ current: mixed(), questionnaire: q.value, today: TODAY });
    expect(model.glance.spend.map((s) => [s.currency, s.total])).toEqual([
      ['EUR', 1_898_000 - 450_000 - 168_000 - 8_000],
      ['USD', 618_000],
      ['GBP', 8_000],
    ]);
    expect(model.exchange).toBeUndefined();
    const page = reportHtml(model, { file: 'f.yaml', tool: 't' });
    expect(page).toContain('<b>Totals are per currency:</b> no exchange rates are set, so amounts in EUR, USD, GBP are not added together.');
    expect(reportMarkdown(model, { file: 'f.yaml', tool: 't' })).toContain('- **Totals are per currency:** no exchange rates are set');
  });

  const settings = (exchange: string) => loadSettings(`schema: aiclaim/settings@1\nexchange:\n${exchange}`, 'aiclaim.yaml');
  const problems = (exchange: string) => {
    const loaded = settings(exchange);
    return loaded.ok ? [] : loaded.problems.map(formatProblem);
  };

  test('the setting: rates checked like every other setting, one line naming the file and the field', () => {
    const ok = settings('  asOf: 2026-11-20\n  rates: { USD: 0.92, GBP: 1.17 }\n');
    expect(ok.ok && ok.value.exchange).toEqual({ asOf: '2026-11-20', rates: { USD: 0.92, GBP: 1.17 } });
    expect(problems('  asOf: 2026-11-20\n  rates: { USD: -0.92 }\n')).toEqual([
      'aiclaim.yaml:4:17: exchange.rates.USD: must be more than 0: what one unit of this currency is worth in the base currency, e.g. 0.92',
    ]);
    expect(problems('  asOf: 2026-11-20\n  rates: { USD: 0 }\n')).toEqual([
      'aiclaim.yaml:4:17: exchange.rates.USD: must be more than 0: what one unit of this currency is worth in the base currency, e.g. 0.92',
    ]);
    expect(problems('  asOf: 2026-11-20\n  rates: { XYZ: 1.5 }\n')).toEqual([
      'aiclaim.yaml:4:12: exchange.rates.XYZ: this key "XYZ" is not a currency code (ISO 4217, e.g. EUR, USD, GBP)',
    ]);
    expect(problems('  asOf: 2026-11-20\n  rates: { usd: 1.5 }\n')).toEqual([
      'aiclaim.yaml:4:12: exchange.rates.usd: this key must be a currency code of three capital letters, e.g. USD',
    ]);
    expect(problems('  asOf: 2026-11-20\n  base: EURO\n  rates: { USD: 1 }\n')).toEqual([
      'aiclaim.yaml:4:9: exchange.base: must be a currency code of three capital letters, e.g. USD',
    ]);
    expect(problems('  asOf: 2026-11-20\n  rates: { EUR: 1.1 }\n')).toEqual([
      'aiclaim.yaml:4:17: exchange.rates.EUR: is the base currency (the workspace currency): its rate is 1, or leave it out',
    ]);
    expect(problems('  asOf: 2026-11-31\n  rates: { USD: 1 }\n')).toEqual([
      'aiclaim.yaml:3:9: exchange.asOf: must be a real date written YYYY-MM-DD, e.g. 2026-11-20',
    ]);
    expect(problems('  rates: { USD: 1 }\n  asof: 2026-11-20\n')).toEqual([
      'aiclaim.yaml:3:3: exchange.asOf: is missing: the date of the rates, written YYYY-MM-DD',
      'aiclaim.yaml:4:3: exchange.asof: unknown key — did you mean "asOf"?',
    ]);
  });
});

describe('categories the team does not buy are not in the stack', () => {
  const vetted = (v: string) => v === 'good';
  test('no vendor: not in the stack; vendors, none vetted: a gap; one vetted: vetted', () => {
    expect(coverageStatus([], vetted)).toBe('not-in-stack');
    expect(coverageStatus(['bad', 'not-assessed'], vetted)).toBe('gap');
    expect(coverageStatus(['bad', 'good'], vetted)).toBe('vetted');
  });

  test('the report says "not in the stack", never a gap, for them', () => {
    const model = reportModel({ current: findings('2026-Q4'), questionnaire: q.value });
    const page = reportHtml(model, { file: 'f.yaml', tool: 't' });
    expect(page).toContain('<b>Not in the stack:</b> Marketplace, Phygital, SSP.');
    expect(page).toContain('9 categories have no vendor whose AI claims are substantiated or plausible: a gap.');
    expect(page).not.toMatch(/<td>Marketplace<\/td>/);
    expect(reportMarkdown(model, { file: 'f.yaml', tool: 't' })).toContain('**Not in the stack:** Marketplace, Phygital, SSP.');
  });
});

describe('a large portfolio: the best and the worst, the rest counted', () => {
  test('top and worst of a ranking', () => {
    const ranks = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(topAndWorst(ranks, 10)).toEqual({ top: ranks.slice(0, 10), worst: ranks.slice(15), between: ranks.slice(10, 15) });
    expect(topAndWorst(ranks.slice(0, 20), 10)).toEqual({ top: ranks.slice(0, 20), worst: [], between: [] });
    expect(topAndWorst(ranks.slice(0, 3), 1)).toEqual({ top: [1], worst: [3], between: [2] });
  });

  test('the rest counted per verdict and per category, in the order given', () => {
    const rows = [
      { verdict: 'weak', category: 'crm', categoryLabel: 'CRM' },
      { verdict: 'good', category: 'crm', categoryLabel: 'CRM' },
      { verdict: 'weak', category: 'ab-testing', categoryLabel: 'A/B testing' },
      { verdict: 'weak', category: 'other', categoryLabel: 'Loyalty' },
    ];
    expect(summarise(rows, ['good', 'weak'], ['ab-testing', 'crm'])).toEqual({
      count: 4,
      byVerdict: [1, 3],
      byCategory: [
        { category: 'ab-testing', label: 'A/B testing', count: 1, byVerdict: [0, 1] },
        { category: 'crm', label: 'CRM', count: 2, byVerdict: [1, 1] },
        { category: 'other', label: 'Loyalty', count: 1, byVerdict: [0, 1] },
      ],
    });
  });

  /** The sample's vendors, copied over and over with new ids: `n` vendors. */
  const portfolio = (n: number): Findings => {
    const f = structuredClone(findings('2026-Q4'));
    const base = f.vendors;
    f.vendors = Array.from({ length: n }, (_, i) => ({
      ...structuredClone(base[i % base.length]!),
      id: `v-${String(i).padStart(4, '0')}`,
      name: `${base[i % base.length]!.name} ${i}`,
    }));
    return f;
  };

  test('3,000 vendors: the ranking lists the 10 best and the 10 worst; the report stays short', () => {
    const big = portfolio(3000);
    const model = reportModel({ current: big, questionnaire: q.value, today: TODAY });
    const assessed = model.ranked.length;
    expect(model.ends.top.map((r) => r.id)).toEqual(model.ranked.slice(0, 10).map((r) => r.id));
    expect(model.ends.worst.map((r) => r.id)).toEqual(model.ranked.slice(-10).map((r) => r.id));
    expect(model.ends.between!.count).toBe(assessed - 20);
    expect(model.ends.between!.byCategory.reduce((n, c) => n + c.count, 0)).toBe(assessed - 20);
    expect(model.ends.between!.byVerdict.reduce((n, c) => n + c, 0)).toBe(assessed - 20);
    expect(model.actions).toHaveLength(20);
    expect(model.summary.renewals!.items).toHaveLength(5);
    const page = reportHtml(model, { file: 'f.yaml', tool: 't' });
    // A row per vendor listed (20 ranked, 20 not assessed), never one per vendor of the portfolio.
    expect((page.match(/<tr>/g) ?? []).length).toBeLessThan(200);
    expect(page.length).toBeLessThan(150_000);
    expect(page).toContain(`${(assessed - 20).toLocaleString('en-US')} vendors between, counted below`);
    const md = reportMarkdown(model, { file: 'f.yaml', tool: 't' });
    expect(md.split('\n').length).toBeLessThan(400);
  });

  test('--top sets how many', () => {
    const model = reportModel({ current: portfolio(100), questionnaire: q.value, top: 3 });
    expect([model.ends.top.length, model.ends.worst.length, model.limit]).toEqual([3, 3, 6]);
    expect(model.actions).toHaveLength(6);
  });
});

describe('the summary page', () => {
  const model = reportModel({ current: findings('2026-Q4'), previous: findings('2026-Q3'), questionnaire: q.value, today: TODAY });

  test('what changed since the quarter before', () => {
    expect(model.summary.changes).toMatchObject({
      previousPeriod: '2026-Q3',
      comparable: true,
      up: [{ vendor: 'datavane', from: 'Weak', to: 'Plausible' }],
      down: [{ vendor: 'helpwave', from: 'Plausible', to: 'Weak' }],
      added: [{ vendor: 'storelink' }, { vendor: 'pixelcast-media-sa' }],
      dropped: [{ vendor: 'adnexus' }],
      roadmap: { delivered: 4, slipped: 3, dropped: 1, withdrawn: 0 },
    });
    expect(reportModel({ current: findings('2026-Q4'), questionnaire: q.value }).summary.changes).toBeUndefined();
  });

  test('in plain words: no command, no flag id, no file name', () => {
    const page = reportHtml(model, { file: 'findings/2026-Q4.yaml', tool: 'aiclaim 0.2.0' });
    const summary = page.slice(page.indexOf('<section id="summary">'), page.indexOf('</section>'));
    const text = summary.replace(/<[^>]+>/g, ' ');
    expect(text).toContain('Summary for the board');
    expect(text).not.toMatch(/aiclaim|--[a-z]|\.ya?ml|findings\//);
    const flagIds = new Set(findings('2026-Q4').vendors.flatMap((v) => v.redFlags.map((f) => f.id)));
    for (const id of flagIds) expect(text, id).not.toContain(id);
    // Each verdict by colour, by pattern and by name: it reads in greyscale.
    for (const v of model.glance.byVerdict) expect(text).toContain(v.label);
    expect(summary).toContain('url(#fill-solid)');
    expect(summary).toContain('class="tile t-worst"');
    const md = reportMarkdown(model, { file: 'findings/2026-Q4.yaml', tool: 'aiclaim 0.2.0' });
    const mdSummary = md.slice(md.indexOf('## Summary for the board'), md.indexOf('## The portfolio at a glance'));
    expect(mdSummary).not.toMatch(/aiclaim|--[a-z]|\.ya?ml|`/);
    for (const id of flagIds) expect(mdSummary, id).not.toContain(id);
  });
});
