import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadQuestionnaire } from '../../src/core/load/load-files.js';
import type { Questionnaire } from '../../src/core/schema/questionnaire.js';
import { rankRows, rankTableRows, scoreTableRows } from '../../src/core/scoring/score-rows.js';
import { tableFinding } from '../../src/core/scoring/table-finding.js';
import { Chalk } from 'chalk';
import { scoreTable } from '../../src/render/score-table.js';
import { scoreFiles, type BatchSettings } from '../../src/shell/score-batch.js';
import { historyBefore } from '../../src/shell/snapshots/store.js';
import { REPO } from '../helpers/run-cli.js';

// With only the table to print, each vendor scored keeps a TableFinding in place of its finding
// (score-batch.ts): the table, the ranking and the gates must come out as they do from the whole
// findings, and what is kept must be the small record, not the finding under another name.

const SAMPLE = join(REPO, 'fixtures', 'sample');
const coloured = new Chalk({ level: 1 });
const loaded = loadQuestionnaire(readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'ai-claims.yaml');
if (!loaded.ok) throw new Error('the bundled questionnaire does not load');
const questionnaire: Questionnaire = loaded.value;
const files = readdirSync(join(SAMPLE, 'vendors'))
  .sort()
  .map((name) => ({ path: join(SAMPLE, 'vendors', name), shown: `vendors/${name}` }));

async function settings(): Promise<Omit<BatchSettings, 'keep'>> {
  const history = await historyBefore(join(SAMPLE, 'findings'), '2026-Q4', SAMPLE);
  return { questionnaire, period: '2026-Q4', explain: false, history: history.vendors, root: SAMPLE };
}

describe('the table kept in place of the findings', () => {
  test('the sample has what the table shows: scores and none, risk, flags, questions to ask, spend', async () => {
    const whole = scoreFiles(files, { ...(await settings()), keep: 'finding' }).map((i) => i.summary!);
    expect(whole.length).toBe(files.length);
    expect(whole.some((f) => f.score === null && f.decisive)).toBe(true);
    expect(whole.some((f) => f.risk)).toBe(true);
    expect(whole.some((f) => f.redFlags.length > 0)).toBe(true);
    expect(whole.some((f) => f.spend)).toBe(true);
    expect(whole.some((f) => (f.claims ?? []).length > 0)).toBe(true);
  });

  test('each vendor keeps only the small record, equal to tableFinding of its whole finding', async () => {
    const base = await settings();
    const whole = scoreFiles(files, { ...base, keep: 'finding' });
    const table = scoreFiles(files, { ...base, keep: 'table' });
    expect(table.map((i) => i.summary)).toEqual(whole.map((i) => tableFinding(i.summary!)));
    for (const item of table) {
      expect(Object.keys(item.summary!).sort()).toEqual(
        [
          'category',
          'categoryLabel',
          'completeness',
          'confidence',
          'decisive',
          'flags',
          'id',
          'name',
          'risk',
          'score',
          'spend',
          'toAsk',
          'verdict',
          'worstFlag',
        ].sort(),
      );
    }
  });

  test('ranked from the small records, the table is the one ranked from the whole findings', async () => {
    const base = await settings();
    const whole = scoreFiles(files, { ...base, keep: 'finding' }).map((i) => ({ finding: i.summary!, file: i.file.shown }));
    const table = scoreFiles(files, { ...base, keep: 'table' }).map((i) => i.summary!);
    const fromWhole = scoreTableRows(rankRows(whole, questionnaire));
    const fromTable = rankTableRows(table, questionnaire);
    expect(fromTable).toEqual(fromWhole);
    expect(fromTable.map((r) => r.rank)).toContain(null);
    expect(scoreTable(fromTable, coloured, 120)).toBe(scoreTable(fromWhole, coloured, 120));
    expect(scoreTable(fromTable, coloured)).toBe(scoreTable(fromWhole, coloured));
  });

  test('flags count only findings on recorded answers; questions to ask count each question once', () => {
    const finding = {
      id: 'v',
      name: 'V',
      category: 'crm',
      score: 50,
      verdict: 'weak',
      completeness: 0.5,
      confidence: 0.5,
      redFlags: [
        { id: 'a', severity: 'critical', title: 'A', basis: 'answered' },
        { id: 'b', severity: 'major', title: 'B', basis: 'missing', ask: ['q1', 'q2'] },
      ],
      claims: [{ id: 'c', text: 'C', checks: [{ question: 'q1', asserts: '> 5', outcome: 'unchecked' }] }],
    } as unknown as Parameters<typeof tableFinding>[0];
    const kept = tableFinding(finding);
    expect(kept.flags).toBe(1);
    expect(kept.worstFlag).toBe('critical');
    expect(kept.toAsk).toBe(2);
    expect(tableFinding({ ...finding, redFlags: [] }).worstFlag).toBeUndefined();
  });
});
