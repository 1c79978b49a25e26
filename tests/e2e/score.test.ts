import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { REPO, run, sampleCopy, tempDir } from '../helpers/run-cli.js';

// The built CLI on the bundled sample portfolio, as a new user meets it.

interface JsonVendor {
  rank: number | null;
  id: string;
  score: number | null;
  verdict: string;
  pointsVerdict?: string;
  cappedBy?: string[];
  risk?: { rating: string; cappedBy: string[] };
  completeness: number;
  confidence: number | null;
  redFlags: { id: string; severity: string; because: { question: string; answer: string }[] }[];
  questions?: { id: string; state: string; points: number; possible: number; lost: number; rule: string; notes: string[] }[];
}

describe('aiclaim score on the sample portfolio', () => {
  test('from the repository with no workspace, ranks the bundled sample and says so', async () => {
    const result = await run(['score']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/using the bundled sample portfolio \(fixtures\/sample\)/);
    const rows = result.stdout.split('\n').filter((l) => /^│\s+\d+ │/.test(l));
    expect(rows).toHaveLength(16);
    expect(rows[0]).toMatch(/│\s+1 │ Lumen/);
    // Imported from the stack spreadsheet, never interviewed: listed last, unranked, no score.
    expect(result.stdout.split('\n').at(-3)).toMatch(/^│\s+— │ Pixelcast Media SA\s+│ DSP\s+│\s+— │ Not assessed \(0 of 4\)\s+│ not assessed │\s+0% │/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  test('json: data only on stdout, ranked, with capped verdicts explained', async () => {
    const result = await run(['score', '--format', 'json', '--explain']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as { period: string; vendors: JsonVendor[]; invalid: unknown[] };
    expect(data.period).toBe('2026-Q4');
    expect(data.invalid).toEqual([]);
    const scores = data.vendors.map((v) => v.score);
    const scored = scores.filter((x): x is number => x !== null);
    expect(scores).toEqual([...[...scored].sort((a, b) => b - a), null]);
    const byId = new Map(data.vendors.map((v) => [v.id, v]));
    expect(byId.get('lumen-personalize')).toMatchObject({ rank: 1, score: 96.6, verdict: 'substantiated', risk: { rating: 'low' } });
    // 68.8 points would be plausible; its "60% of tickets automatically" against the 42% measured
    // holds the verdict at weak. Its runway is a risk, rated apart: high.
    expect(byId.get('helpwave')).toMatchObject({
      score: 68.8,
      pointsVerdict: 'plausible',
      verdict: 'weak',
      cappedBy: ['claim-contradicted:tickets-automated'],
      risk: { rating: 'high', cappedBy: ['no-runway'] },
    });
    expect(byId.get('pixelcast-media-sa')).toMatchObject({ rank: null, score: null, verdict: 'not-assessed', risk: { rating: 'not-assessed' }, redFlags: [] });
    // A rules engine sold as AI.
    const campaignly = byId.get('campaignly')!;
    expect(campaignly.verdict).toBe('unsubstantiated');
    expect(campaignly.redFlags.find((f) => f.id === 'not-ai')).toMatchObject({
      severity: 'critical',
      because: [{ question: 'ai-runtime', answer: 'Rules, templates or heuristics' }],
    });
    // A thin wrapper that will not name its engine.
    expect(byId.get('socialpulse')!.redFlags.map((f) => f.id)).toEqual(expect.arrayContaining(['ai-washing', 'undisclosed-engine']));
  });

  test('--explain shows every point earned and lost, with its reason', async () => {
    const result = await run(['score', '--format', 'json', '--explain']);
    const vendors = (JSON.parse(result.stdout) as { vendors: JsonVendor[] }).vendors;
    for (const vendor of vendors) {
      expect(vendor.questions!.length).toBe(66);
      for (const q of vendor.questions!) {
        expect(q.rule).not.toBe('');
        expect(q.lost).toBeCloseTo(q.possible - q.points, 5);
      }
    }
    const harbor = vendors.find((v) => v.id === 'harbor-crm')!;
    const records = harbor.questions!.find((q) => q.id === 'training-records')!;
    expect(records).toMatchObject({ state: 'late-evidence', points: 4, possible: 10 });
    expect(records.notes.join(' ')).toMatch(/dated after the claim/);

    const text = await run(['score', '--explain']);
    expect(text.stdout).toMatch(/Harbor Software Ltd/);
    expect(text.stdout).toMatch(/training-records\s+.*dated after the claim/);
    expect(text.stdout).toMatch(/Verdict capped: the points give Plausible; claim-contradicted \(critical\) holds it at Weak/);
    expect(text.stdout).toMatch(/automation-rate ≥ 60 % of outputs: contradicted — 42 % of outputs \(the vendor's own answer\)/);
    expect(text.stdout).toMatch(/Risk High risk · safeguards [\d.]+ of 100 · decisive \d of \d answered \(3 needed\) · held at High risk by no-runway/);
    expect(text.stdout).toMatch(/Not assessed: too little is known for a verdict · decisive 0 of 8 answered \(4 needed\)/);
  });

  test('score -f csv and export name and fill the columns they share alike', async () => {
    const [scored, exported] = await Promise.all([run(['score', '-f', 'csv']), run(['export', '2026-Q4'])]);
    const table = (text: string) => {
      const [head, ...rows] = text
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(','));
      return new Map(rows.map((r) => [r[head!.indexOf('vendor_id')]!, Object.fromEntries(head!.map((h, i) => [h, r[i]]))]));
    };
    const a = table(scored.stdout);
    const b = table(exported.stdout);
    const shared = Object.keys(a.values().next().value!).filter((h) => h in b.values().next().value!);
    expect(shared).toEqual(
      expect.arrayContaining([
        'rank',
        'vendor_id',
        'vendor',
        'category',
        'category_label',
        'score',
        'verdict',
        'risk',
        'completeness',
        'confidence',
        'red_flags',
        'annual_spend',
        'currency',
        'renewal',
      ]),
    );
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [id, row] of a) for (const h of shared) expect([id, h, row[h]]).toEqual([id, h, b.get(id)![h]]);
  });

  test('every format renders the same ranking', async () => {
    const [yaml, csv, md] = await Promise.all([run(['score', '-f', 'yaml']), run(['score', '-f', 'csv']), run(['score', '-f', 'markdown'])]);
    const fromYaml = (parse(yaml.stdout) as { vendors: { id: string }[] }).vendors.map((v) => v.id);
    const csvLines = csv.stdout.trimEnd().split('\r\n');
    expect(csvLines[0]).toBe(
      'rank,vendor_id,vendor,category,category_label,score,verdict,risk,completeness,confidence,red_flags,worst_flag,to_ask,annual_spend,currency,renewal',
    );
    expect(csvLines.at(-1)).toMatch(/^,pixelcast-media-sa,Pixelcast Media SA,dsp,[^,]+,,not-assessed,not-assessed,0,,,,\d+,120000,EUR,2027-03-31$/);
    expect(csvLines.slice(1).map((l) => l.split(',')[1])).toEqual(fromYaml);
    expect(md.stdout).toMatch(/^# AI claims audit, 2026-Q4/);
    expect(md.stdout).toMatch(/\| 1 \| Lumen/);
    const csvExplain = await run(['score', '-f', 'csv', '--explain']);
    expect(csvExplain.stdout.trimEnd().split('\r\n')).toHaveLength(1 + 17 * 66);
  });

  test('--fail-under exits 1 and names the vendors below the line; a vendor not assessed has no score to be under', async () => {
    const result = await run(['score', '--fail-under', '40', '-f', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/4 vendors scored under 40: brandloom \(35\.8\), chatterbox \(33\.7\), campaignly \(16\.1\), socialpulse \(6\.6\)/);
    expect(result.stderr).not.toMatch(/pixelcast/);
    expect((await run(['score', '--fail-under', '5', '-f', 'csv'])).code).toBe(0);
  });

  test('--fail-on not-assessed exits 1 and names the vendors too little is known of', async () => {
    const result = await run(['score', '--fail-on', 'not-assessed', '-f', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/1 vendor is not assessed: pixelcast-media-sa/);
    const bad = await run(['score', '--fail-on', 'everything']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --fail-on: "everything" is not something to fail on: use not-assessed$/m);
  });

  test('colour only where asked and never with NO_COLOR', async () => {
    expect((await run(['score'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } })).stdout).toMatch(/\u001b\[/);
    expect((await run(['score'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('aiclaim score --period', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  test('writes a findings snapshot that validates and is byte-identical across runs', async () => {
    const first = join(temp.dir, 'a', '2026-Q4.yaml');
    const second = join(temp.dir, 'b', '2026-Q4.yaml');
    expect((await run(['score', 'fixtures/sample/vendors', '--period', '2026-Q4', '--out', first, '-f', 'csv'])).code).toBe(0);
    expect((await run(['score', 'fixtures/sample/vendors', '--period', '2026-Q4', '--out', second, '-f', 'csv'])).code).toBe(0);
    expect(readFileSync(first)).toEqual(readFileSync(second));
    const validated = await run(['validate', first]);
    expect(validated.stderr).toMatch(/1 file valid/);
    expect(validated.code).toBe(0);
  });

  test.each(['2026-Q3', '2026-Q4'])('the shipped %s snapshot is what the scorer produces (npm run fixtures regenerates it)', async (period) => {
    const vendors = period === '2026-Q3' ? 'fixtures/sample/vendors-2026-Q3' : 'fixtures/sample/vendors';
    const out = join(temp.dir, 'drift', `${period}.yaml`);
    expect((await run(['score', vendors, '--period', period, '--out', out, '-f', 'csv'])).code).toBe(0);
    const shipped = readFileSync(join(REPO, 'fixtures', 'sample', 'findings', `${period}.yaml`), 'utf8').split('\n');
    const produced = readFileSync(out, 'utf8').split('\n');
    // The first line is the editor schema hint, a path relative to where the file was written.
    expect(shipped[0]).toBe('# yaml-language-server: $schema=../../../schemas/findings.schema.json');
    expect(produced.slice(1)).toEqual(shipped.slice(1));
  });

  test('a past quarter is never overwritten without --force', async () => {
    const sample = sampleCopy();
    try {
      const target = join(sample.dir, 'findings', '2026-Q3.yaml');
      const before = readFileSync(target, 'utf8');
      const refused = await run(['score', 'vendors-2026-Q3', '--period', '2026-Q3'], { cwd: sample.dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /error: findings\/2026-Q3\.yaml holds the findings of a past quarter \(2026-Q3\) and is kept as it is\nhint: pass --force/,
      );
      expect(readFileSync(target, 'utf8')).toBe(before);
      const forced = await run(['score', 'vendors-2026-Q3', '--period', '2026-Q3', '--force', '-f', 'csv'], { cwd: sample.dir });
      expect(forced.code).toBe(0);
      // The current quarter may be rewritten while it is under way.
      expect((await run(['score', '--period', '2026-Q4', '-f', 'csv'], { cwd: sample.dir })).code).toBe(0);
      expect(existsSync(join(sample.dir, 'findings', '2026-Q4.yaml'))).toBe(true);
    } finally {
      sample.remove();
    }
  });

  test('a quarter that has not started is refused', async () => {
    const result = await run(['score', 'fixtures/sample/vendors', '--period', '2027-Q1', '--out', join(temp.dir, 'future.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/2027-Q1 has not started yet/);
  });
});

describe('broken input', () => {
  test('each broken file gets one located line, the rest are still scored, and nothing is written', async () => {
    const workspace = tempDir();
    try {
      mkdirSync(join(workspace.dir, 'vendors'));
      const good = readFileSync(join(REPO, 'fixtures', 'sample', 'vendors', 'tagwise.yaml'), 'utf8');
      writeFileSync(join(workspace.dir, 'vendors', 'tagwise.yaml'), good);
      writeFileSync(
        join(workspace.dir, 'vendors', 'typo.yaml'),
        'schema: aiclaim/vendor@1\nid: typo\nname: Typo\ncategory: emailing\nanswers:\n  ml-team:\n    vaule: 3\n',
      );
      writeFileSync(join(workspace.dir, 'vendors', 'syntax.yaml'), 'schema: aiclaim/vendor@1\nid: syntax\nname: [unclosed\n');
      writeFileSync(
        join(workspace.dir, 'vendors', 'wrong-type.yaml'),
        'schema: aiclaim/vendor@1\nid: wrong-type\nname: Wrong\ncategory: emailing\nanswers:\n  ml-team: { value: lots }\n',
      );
      const result = await run(['score', '--period', '2026-Q4', '-f', 'csv'], { cwd: workspace.dir });
      expect(result.code).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toEqual([
        '✖ vendors/syntax.yaml:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
        '✖ vendors/typo.yaml:7:5: answers.ml-team.vaule: unknown key — did you mean "value"?',
        '✖ vendors/wrong-type.yaml:6:21: "ml-team" takes a number (people), not the text "lots"',
        'Findings not written: 3 input problems above; a snapshot with vendors missing would read as vendors dropped. Fix them and run again.',
      ]);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout.trimEnd().split('\r\n')).toHaveLength(2);
      expect(result.stdout).toMatch(/tagwise/);
      expect(existsSync(join(workspace.dir, 'findings'))).toBe(false);
    } finally {
      workspace.remove();
    }
  });

  test('bad usage exits 2 with a message', async () => {
    const badPeriod = await run(['score', '--period', '2026-Q5']);
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toMatch(/error: --period: must be a quarter written YYYY-Qn/);
    const badFormat = await run(['score', '--format', 'pdf']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/Allowed choices are table, json, yaml, markdown, csv/);
    const missing = await run(['score', 'no/such/file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no\/such\/file\.yaml: no such file or folder — check the path/);
  });
});
