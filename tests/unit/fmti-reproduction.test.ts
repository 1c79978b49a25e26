import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadQuestionnaire, loadVendor } from '../../src/core/load/load-files.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import type { Questionnaire } from '../../src/core/schema/questionnaire.js';
import type { Vendor } from '../../src/core/schema/vendor.js';
import { scoreVendor } from '../../src/core/scoring/score-vendor.js';

// The questionnaire format must reproduce an external index exactly: the 2023 Foundation Model
// Transparency Index (Stanford CRFM, CC BY), 100 yes/no indicators, one point each. The published
// scores CSV is read here on its own, without the generator, and compared with what aiclaim scores
// from questionnaires/fmti-2023.yaml and the generated developer answer files.

const file = (relative: string) => new URL(`../../${relative}`, import.meta.url);
const read = (relative: string) => readFileSync(file(relative), 'utf8');

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
      continue;
    }
    if (c === '"') inQuotes = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

const slug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// The published data.
const [header, ...body] = parseCsv(read('fixtures/fmti-2023/October2023_scores.csv'));
const developers = header!.slice(3, -1);
const indicatorRows = body.filter((r) => r[0] !== '');
const totalRow = body.find((r) => r[0] === '' && r[2] === 'Total')!;
const published = new Map(developers.map((d, i) => [d, Number(totalRow[3 + i])]));
const indicators = indicatorRows.map((r) => ({
  domain: slug(r[0]!),
  subdomain: `${slug(r[0]!)}/${slug(r[1]!)}`,
  id: slug(r[2]!),
  scores: r.slice(3, 3 + developers.length).map(Number),
}));
const sumBy = (key: 'domain' | 'subdomain', column: number) => {
  const sums = new Map<string, number>();
  for (const ind of indicators) sums.set(ind[key], (sums.get(ind[key]) ?? 0) + ind.scores[column]!);
  return sums;
};

// What aiclaim makes of it.
function loadFmti(): Questionnaire {
  const loaded = loadQuestionnaire(read('questionnaires/fmti-2023.yaml'), 'questionnaires/fmti-2023.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  expect(loaded.warnings).toEqual([]);
  return loaded.value;
}
const questionnaire = loadFmti();
const index = indexQuestionnaire(questionnaire);

function loadDeveloper(name: string): Vendor {
  const relative = `fixtures/fmti-2023/developers/${slug(name)}.yaml`;
  const loaded = loadVendor(read(relative), relative, index, slug(name));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  expect(loaded.warnings).toEqual([]);
  return loaded.value;
}

const score = (vendor: Vendor) => scoreVendor(questionnaire, vendor, { period: '2023-Q4' });

describe('FMTI 2023 reproduction', () => {
  test('the published data is what the test expects', () => {
    expect(developers).toHaveLength(10);
    expect(indicatorRows).toHaveLength(100);
    expect(Object.fromEntries(published)).toEqual({
      Meta: 54,
      'Hugging Face': 53,
      OpenAI: 48,
      'Stability AI': 47,
      Google: 40,
      Anthropic: 36,
      Cohere: 34,
      'AI21 Labs': 25,
      Inflection: 21,
      Amazon: 12,
    });
    for (const ind of indicators) for (const s of ind.scores) expect([0, 1]).toContain(s);
    developers.forEach((d, i) => expect(indicators.reduce((sum, ind) => sum + ind.scores[i]!, 0)).toBe(published.get(d)));
  });

  test('the questionnaire has the index structure: 100 one-point questions, 3 domains, every subdomain', () => {
    const subdomains = new Set(indicators.map((ind) => ind.subdomain));
    expect(index.questions).toHaveLength(100);
    expect(questionnaire.scoring.method).toBe('points');
    expect(questionnaire.sections.map((s) => s.id)).toEqual(['upstream', 'model', 'downstream']);
    expect(index.sections.filter((s) => s.depth === 1).map((s) => s.key)).toEqual([...subdomains]);
    expect(index.sections.filter((s) => s.depth === 1)).toHaveLength(subdomains.size);
    expect(index.questions.map((q) => q.question.id)).toEqual(indicators.map((ind) => ind.id));
    expect(index.questions.map((q) => q.sectionPath.join('/'))).toEqual(indicators.map((ind) => ind.subdomain));
    for (const { question } of index.questions) {
      expect(question).toMatchObject({ type: 'boolean', points: 1, evidence: 'none' });
    }
    expect(questionnaire.redFlags ?? []).toEqual([]);
  });

  describe.each(developers.map((name, column) => ({ name, column })))('$name', ({ name, column }) => {
    const vendor = loadDeveloper(name);
    const result = score(vendor);

    test(`scores the published total`, () => {
      expect(vendor.questionnaire).toBe('fmti-2023');
      expect(result.score).toBe(published.get(name));
      expect(result.completeness).toBe(1);
      expect(result.redFlags).toEqual([]);
    });

    test('earns each indicator as published', () => {
      const earned = Object.fromEntries(result.questions.map((q) => [q.id, q.points]));
      expect(earned).toEqual(Object.fromEntries(indicators.map((ind) => [ind.id, ind.scores[column]])));
    });

    test('domain and subdomain sums match the published data', () => {
      const sections = new Map(result.sections.map((s) => [s.key, s]));
      for (const key of ['domain', 'subdomain'] as const) {
        for (const [section, sum] of sumBy(key, column)) {
          expect(sections.get(section)?.earned, section).toBe(sum);
          expect(sections.get(section)?.possible, section).toBe(indicators.filter((ind) => ind[key] === section).length);
        }
      }
      expect(result.sections).toHaveLength(3 + new Set(indicators.map((ind) => ind.subdomain)).size);
    });
  });

  test('flipping one indicator moves the total by exactly one point', () => {
    const vendor = loadDeveloper('Meta');
    const base = score(vendor).score!;
    const flip = (id: string) => {
      const value = vendor.answers[id]!.value;
      return score({ ...vendor, answers: { ...vendor.answers, [id]: { value: !value } } }).score! - base;
    };
    const yes = indicators.find((ind) => ind.scores[0] === 1)!.id;
    const no = indicators.find((ind) => ind.scores[0] === 0)!.id;
    expect(flip(yes)).toBe(-1);
    expect(flip(no)).toBe(1);
    const section = (id: string) => indicators.find((ind) => ind.id === id)!.subdomain;
    const flipped = score({ ...vendor, answers: { ...vendor.answers, [no]: { value: true } } });
    const before = score(vendor);
    const earned = (r: typeof before, key: string) => r.sections.find((s) => s.key === key)!.earned;
    expect(earned(flipped, section(no)) - earned(before, section(no))).toBe(1);
  });
});
