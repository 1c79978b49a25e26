import { describe, expect, test } from 'vitest';
import { readClaimsRoadmap, type ListGrid } from '../../src/core/answer-sheet/read-claims-roadmap.js';
import type { Vendor } from '../../src/core/schema/vendor.js';

// The Claims and Roadmap sheets of a returned workbook, read back over the vendor on record.

const TODAY = '2026-11-22';
const CLAIMS_HEADER = ['Claim, word for word', 'Where it was made', 'Date made (YYYY-MM-DD)', 'What it asserts'];
const ROADMAP_HEADER = ['Id', 'What was promised', 'Promised in (YYYY-Qn)', 'Due (YYYY-Qn)', 'Status'];
const ACCURACY = 'AI-powered enrichment fills the gaps with 94% accuracy.';

const vendor = {
  schema: 1,
  id: 'datavane',
  name: 'Datavane',
  claims: [
    {
      id: 'enrichment-accuracy',
      text: ACCURACY,
      source: 'https://datavane.example/enrich',
      date: '2026-01-20',
      asserts: [{ question: 'headline-metric', gte: 94 }],
    },
    { text: 'Lookalikes on 25 million profiles.', source: 'https://datavane.example/audiences', date: '2026-04-08' },
  ],
  roadmap: [
    { id: 'consent-sync', title: 'Consent sync', promised: '2026-Q1', due: '2026-Q3', status: 'planned' },
    { id: 'firmographics', title: 'Firmographics', promised: '2026-Q2', due: '2027-Q2', status: 'planned' },
  ],
  answers: {},
} as unknown as Vendor;

const grid = (sheet: string, rows: string[][]): ListGrid => ({ rows, where: (c, r) => `ai-claims.xlsx:${sheet}!${String.fromCharCode(65 + c)}${r}` });
const claimsAsExported = () => [
  CLAIMS_HEADER,
  [ACCURACY, 'https://datavane.example/enrich', '2026-01-20', 'headline metric at least 94'],
  ['Lookalikes on 25 million profiles.', 'https://datavane.example/audiences', '2026-04-08', ''],
  ['', '', '', ''],
];
const roadmapAsExported = () => [
  ROADMAP_HEADER,
  ['consent-sync', 'Consent sync', '2026-Q1', '2026-Q3', 'planned'],
  ['firmographics', 'Firmographics', '2026-Q2', '2027-Q2', 'planned'],
  ['', '', '', '', ''],
];
const claims = (rows: string[][]) => readClaimsRoadmap(vendor, { claims: grid('Claims', rows) }, TODAY);
const roadmap = (rows: string[][]) => readClaimsRoadmap(vendor, { roadmap: grid('Roadmap', rows) }, TODAY);
/** The roadmap with the status cell of `row` (2 or 3) set. */
const withStatus = (row: number, status: string) => {
  const rows = roadmapAsExported();
  rows[row - 1]![4] = status;
  return roadmap(rows);
};

describe('the Claims sheet read back', () => {
  test('returned as exported: no change, nothing kept to say', () => {
    const read = readClaimsRoadmap(vendor, { claims: grid('Claims', claimsAsExported()), roadmap: grid('Roadmap', roadmapAsExported()) }, TODAY);
    expect(read).toMatchObject({ changes: [], kept: [], problems: [] });
    expect(read.vendor).toEqual(vendor);
  });

  test('a new claim is appended with its source and date; its assertions are never read from words', () => {
    const rows = claimsAsExported();
    rows[3] = ['  Cuts churn by 30%.  ', 'https://datavane.example/blog', '2026-10-01', 'churn below 30'];
    const read = claims(rows);
    expect(read.problems).toEqual([]);
    expect(read.vendor.claims).toHaveLength(3);
    expect(read.vendor.claims![2]).toEqual({ text: 'Cuts churn by 30%.', source: 'https://datavane.example/blog', date: '2026-10-01' });
    expect(read.changes).toEqual([{ sheet: 'Claims', row: 4, what: 'new claim "Cuts churn by 30%.", made at https://datavane.example/blog on 2026-10-01' }]);
  });

  test('a changed source or date updates the claim, its assertions and id kept', () => {
    const rows = claimsAsExported();
    rows[1]![1] = 'https://datavane.example/enrich-2026';
    rows[1]![2] = '2026-02-01';
    const read = claims(rows);
    expect(read.vendor.claims![0]).toEqual({ ...vendor.claims![0], source: 'https://datavane.example/enrich-2026', date: '2026-02-01' });
    expect(read.changes[0]!.what).toContain('source https://datavane.example/enrich → https://datavane.example/enrich-2026, date 2026-01-20 → 2026-02-01');
  });

  test('an emptied prefilled row keeps its claim, and says so', () => {
    const rows = claimsAsExported();
    rows[2] = ['', '', '', ''];
    const read = claims(rows);
    expect(read.vendor.claims).toEqual(vendor.claims);
    expect(read.changes).toEqual([]);
    expect(read.kept).toEqual(['Claims row 3 was emptied: the claim "Lookalikes on 25 million profiles." is kept (a sheet does not remove a claim)']);
  });

  test.each([
    ['last spring', /C4: "last spring" is not a date/],
    ['2026-02-30', /C4: 2026-02-30 is not a date on the calendar/],
    ['2026-12-01', /C4: 2026-12-01 is after today \(2026-11-22\)/],
  ])('a claim dated %s is a problem by cell', (date, pattern) => {
    const rows = claimsAsExported();
    rows[3] = ['New claim.', '', date, ''];
    const read = claims(rows);
    expect(read.problems.map((p) => `${p.file}: ${p.message}`).join('\n')).toMatch(pattern);
    expect(read.problems[0]!.file).toBe('ai-claims.xlsx:Claims!C4');
  });

  test('a source without the claim words is a problem of the claim cell', () => {
    const rows = claimsAsExported();
    rows[3] = ['', 'https://x.example', '', ''];
    expect(claims(rows).problems).toMatchObject([{ file: 'ai-claims.xlsx:Claims!A4', message: 'a claim needs its words' }]);
  });
});

describe('the Roadmap sheet read back', () => {
  test.each([
    ['delivered in 2026-Q4', { status: 'delivered', deliveredIn: '2026-Q4' }],
    ['Delivered in 2026 Q3', { status: 'delivered', deliveredIn: '2026-Q3' }],
    ['slipped to 2027-Q1', { status: 'slipped', revisedDue: '2027-Q1' }],
    ['dropped', { status: 'dropped' }],
  ])('a status changed to %s updates the commitment', (status, expected) => {
    const read = withStatus(2, status);
    expect(read.problems).toEqual([]);
    expect(read.vendor.roadmap![0]).toEqual({ ...vendor.roadmap![0], ...expected });
    expect(read.changes).toHaveLength(1);
    expect(read.changes[0]!.what).toMatch(/^consent-sync: status planned → /);
  });

  test('planned again, from slipped: the slip is cleared', () => {
    const slipped = { ...vendor, roadmap: [{ ...vendor.roadmap![0]!, status: 'slipped', revisedDue: '2027-Q1' }] } as Vendor;
    const read = readClaimsRoadmap(
      slipped,
      { roadmap: grid('Roadmap', [ROADMAP_HEADER, ['consent-sync', 'Consent sync', '2026-Q1', '2026-Q3', 'planned']]) },
      TODAY,
    );
    expect(read.vendor.roadmap![0]).toEqual(vendor.roadmap![0]);
    expect(read.changes[0]!.what).toBe('consent-sync: status slipped to 2027-Q1 → planned');
  });

  test('title, promised and due edits update', () => {
    const rows = roadmapAsExported();
    rows[2] = ['firmographics', 'Firmographic enrichment', '2026-Q1', '2027-Q3', 'planned'];
    const read = roadmap(rows);
    expect(read.vendor.roadmap![1]).toEqual({ id: 'firmographics', title: 'Firmographic enrichment', promised: '2026-Q1', due: '2027-Q3', status: 'planned' });
    expect(read.changes[0]!.what).toBe('firmographics: title "Firmographics" → "Firmographic enrichment", promised 2026-Q2 → 2026-Q1, due 2027-Q2 → 2027-Q3');
  });

  test('a new row with a title and a due quarter is a new commitment, its id from the title, unique', () => {
    const rows = roadmapAsExported();
    rows[3] = ['', 'Consent sync', '', '2027-Q4', ''];
    rows.push(['', 'Audit log & export', '2026-Q4', '2027 q2', 'dropped']);
    const read = roadmap(rows);
    expect(read.problems).toEqual([]);
    expect(read.vendor.roadmap!.slice(2)).toEqual([
      { id: 'consent-sync-2', title: 'Consent sync', due: '2027-Q4', status: 'planned' },
      { id: 'audit-log-and-export', title: 'Audit log & export', promised: '2026-Q4', due: '2027-Q2', status: 'dropped' },
    ]);
    expect(read.changes.map((c) => c.row)).toEqual([4, 5]);
  });

  test('an emptied row keeps its commitment, and says so; a commitment is never removed', () => {
    const rows = roadmapAsExported();
    rows[1] = ['consent-sync', '', '', '', ''];
    rows.splice(2, 1);
    const read = roadmap(rows);
    expect(read.vendor.roadmap).toEqual(vendor.roadmap);
    expect(read.kept).toEqual([
      'the commitment firmographics is not on the Roadmap sheet: kept (a commitment is never removed; mark it dropped)',
      'Roadmap row 2 was emptied: the commitment consent-sync is kept (a commitment is never removed; mark it dropped)',
    ]);
  });

  test.each([
    ['delivered', 'E2', /delivered needs the quarter it shipped — write delivered in YYYY-Qn, e.g. delivered in 2026-Q4/],
    ['delivered in 2027-Q1', 'E2', /after this quarter \(2026-Q4\)/],
    ['slipped to 2026-Q2', 'E2', /slipped to 2026-Q2 is not after its due quarter \(2026-Q3\)/],
    ['slipped', 'E2', /slipped needs the quarter now promised/],
    ['delivered in soon', 'E2', /"soon" is not a quarter/],
    ['on hold', 'E2', /"on hold" is not a status — write planned, delivered in YYYY-Qn, slipped to YYYY-Qn or dropped/],
  ])('status %s is a problem by cell with what to write', (status, cell, pattern) => {
    const read = withStatus(2, status);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]!.file).toBe(`ai-claims.xlsx:Roadmap!${cell}`);
    expect(`${read.problems[0]!.message} — ${read.problems[0]!.hint}`).toMatch(pattern);
    expect(read.vendor.roadmap).toEqual(vendor.roadmap);
  });

  test('bad quarters and an incomplete new row: every problem at once, by cell', () => {
    const rows = roadmapAsExported();
    rows[2]![3] = 'next year';
    rows[3] = ['', 'Audit log', 'Q4', '', ''];
    rows.push(['', '', '', '2027-Q1', '']);
    const read = roadmap(rows);
    expect(read.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'ai-claims.xlsx:Roadmap!D3: "next year" is not a quarter',
      'ai-claims.xlsx:Roadmap!C4: "Q4" is not a quarter',
      'ai-claims.xlsx:Roadmap!D4: a new commitment needs the quarter it is due',
      'ai-claims.xlsx:Roadmap!B5: a new commitment needs what was promised',
    ]);
    expect(read.problems.every((p) => p.hint)).toBe(true);
  });
});
