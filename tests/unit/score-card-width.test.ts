import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { loadQuestionnaire, loadVendor } from '../../src/core/load/load-files.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import { evidenceAdvice } from '../../src/core/scoring/evidence-advice.js';
import { scoreVendor } from '../../src/core/scoring/score-vendor.js';
import type { Vendor } from '../../src/core/schema/vendor.js';
import { fitWidth, wrapToWidth } from '../../src/render/fit-width.js';
import { scoreCard } from '../../src/render/score-card.js';

// The card at the end of an interview, laid out to the terminal's width: nothing wider than the
// screen, no figure split over two lines, bars while there is room for them.

const repo = join(import.meta.dirname, '..', '..');
const loaded = loadQuestionnaire(readFileSync(join(repo, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'ai-claims.yaml');
if (!loaded.ok) throw new Error('invalid questionnaire');
const questionnaire = loaded.value;
const index = indexQuestionnaire(questionnaire);
const plain = new Chalk({ level: 0 });
const scoring = { period: '2026-Q4' };

function sampleVendor(id: string): Vendor {
  const file = join(repo, 'fixtures', 'sample', 'vendors', `${id}.yaml`);
  const vendor = loadVendor(readFileSync(file, 'utf8'), file, index);
  if (!vendor.ok) throw new Error(`invalid fixture ${id}`);
  return vendor.value;
}

function card(vendor: Vendor, columns: number, style = plain): string {
  const score = scoreVendor(questionnaire, vendor, scoring);
  return scoreCard(score, evidenceAdvice(questionnaire, vendor, scoring, score), style, columns);
}

const lines = (text: string) => text.replace(/\n$/, '').split('\n');
/** "68.8 of 100", "90%", "100.0", "+2.4", "50,000": a figure, with what holds it together. */
const FIGURES = /[+−-]?\d+(?:[.,]\d+)*(?: of \d+(?:[.,]\d+)*)?%?/g;
const figures = (text: string) =>
  lines(text)
    .flatMap((line) => line.match(FIGURES) ?? [])
    .sort();
const BAR_ROW = /^ {2}\S.*? {2}([█░]+|·+) +(\d+\.\d|—)(?: {2}\S+)?$/;

// A verdict capped by critical findings, a risk rating, evidence to ask for; and a vendor not
// assessed, whose open questions make the longest lines.
const vendors = ['campaignly', 'pixelcast-media-sa'];
const widths = [30, 40, 60, 80, 120];
/** Wide enough for every line: the card as it always was. */
const UNBOUNDED = 10_000;

describe.each(vendors)('the score card of %s', (id) => {
  const vendor = sampleVendor(id);
  const whole = card(vendor, UNBOUNDED);
  const sections = scoreVendor(questionnaire, vendor, scoring).sections.filter((s) => s.depth === 0);

  test.each(widths)('at %i columns no line is wider than the terminal', (columns) => {
    const wide = lines(card(vendor, columns)).filter((line) => stringWidth(line) > columns);
    expect(wide).toEqual([]);
  });

  test.each(widths)('at %i columns every figure stays whole on one line', (columns) => {
    expect(figures(card(vendor, columns))).toEqual(figures(whole));
  });

  test.each(widths)('at %i columns each section keeps its row: title and score on one line', (columns) => {
    const shown = lines(card(vendor, columns));
    for (const section of sections) {
      const row = shown.find((line) => line.startsWith(`  ${section.title.slice(0, 8)}`));
      expect(row, section.title).toBeDefined();
      expect(row!.trimEnd()).toMatch(
        new RegExp(`\\s${section.score === null ? '—' : section.score.toFixed(1).replace('.', '\\.')}(?: {2}(legitimacy|risk))?$`),
      );
    }
  });

  test.each([60, 80, 120])('at %i columns the sections have bars', (columns) => {
    const rows = lines(card(vendor, columns)).filter((line) => BAR_ROW.test(line));
    expect(rows).toHaveLength(sections.length);
    for (const row of rows) expect(BAR_ROW.exec(row)![1]!.length).toBeGreaterThanOrEqual(10);
  });

  test.each([30, 40])('at %i columns the bars give way rather than wrap', (columns) => {
    expect(card(vendor, columns)).not.toMatch(/[█░]|·{2}/);
  });

  test.each([80, 120])('at %i columns every line that fitted before is as it was', (columns) => {
    const shown = lines(card(vendor, columns));
    let from = 0;
    for (const line of lines(whole).filter((l) => stringWidth(l) <= columns)) {
      const at = shown.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });

  test('at 120 columns the bars are full length, as before', () => {
    const rows = lines(card(vendor, 120)).filter((line) => BAR_ROW.test(line));
    for (const row of rows) expect(BAR_ROW.exec(row)![1]).toHaveLength(24);
  });

  test.each(widths)('in colour at %i columns: no line wider, and each closes the colours it opens', (columns) => {
    for (const line of lines(card(vendor, columns, new Chalk({ level: 1 })))) {
      expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      expect(openColours(line), JSON.stringify(line)).toEqual([]);
    }
  });
});

describe('names and words wider than the room', () => {
  const vendor = { ...sampleVendor('campaignly'), name: 'Campaignly 日本 Marketing Cloud 🚀 Orchestration Platform International BV' };

  test.each([30, 40, 60, 80])('a long name with wide characters is cut with an ellipsis to fit %i columns, the id kept', (columns) => {
    const [first] = lines(card(vendor, columns));
    expect(stringWidth(first!)).toBeLessThanOrEqual(columns);
    expect(first).toMatch(/^Campaignly .*… \(campaignly\)$/);
  });

  test('a name that fits is not cut', () => {
    expect(lines(card(vendor, 120))[0]).toBe(`${vendor.name} (campaignly)`);
    expect(lines(card(sampleVendor('campaignly'), 30))[0]).toBe('Campaignly BV (campaignly)');
  });

  test.each<[string, number, string]>([
    ['Campaignly 日本 Marketing', 14, 'Campaignly 日…'],
    ['日本語のベンダー', 7, '日本語…'],
    ['🚀🚀🚀🚀', 5, '🚀🚀…'],
    ['short', 10, 'short'],
  ])('fitWidth(%j, %i) = %j, by display width', (text, columns, expected) => {
    expect(fitWidth(text, columns)).toBe(expected);
    expect(stringWidth(fitWidth(text, columns))).toBeLessThanOrEqual(columns);
  });

  test.each<[string, number, string, string[]]>([
    ['Legitimacy 62.3 · Plausible · 61 of 98 points · decisive 6 of 8', 40, '  ', ['Legitimacy 62.3 · Plausible', '  61 of 98 points · decisive 6 of 8']],
    ['because a = 50,000 records; b = no', 20, '  ', ['because a = 50,000', '  records; b = no']],
    ['a word-wider-than-the-line here', 12, '    ', ['a', 'word-wider-…', '    here']],
    ['fits as it is', 13, '  ', ['fits as it is']],
  ])('wrapToWidth(%j, %i)', (line, columns, indent, expected) => {
    expect(wrapToWidth(line, columns, indent, line.includes(' · ') ? ' · ' : undefined)).toEqual(expected);
  });
});

describe('wrapping any text', () => {
  const word = fc.array(fc.constantFrom('a', 'Z', '7', '.', '日', '🚀', 'é', '—', '%'), { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));
  const line = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', ' · ')), { minLength: 1, maxLength: 30 }).map((ws) =>
    ws
      .map(([w, gap]) => w + gap)
      .join('')
      .trimEnd(),
  );

  test('no line is wider than asked, and every word narrower than the line is kept whole, in order', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 30, max: 120 }), fc.constantFrom('', '  ', '    '), fc.boolean(), (text, columns, indent, parts) => {
        const wrapped = wrapToWidth(text, columns, indent, parts ? ' · ' : undefined);
        for (const l of wrapped) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
        const words = (t: string) => t.split(/ +|·/).filter(Boolean);
        expect(words(wrapped.join(' '))).toEqual(words(text));
      }),
    );
  });
});

/** The colour codes a line leaves open at its end (chalk's: bold/dim close with 22, colours with 39). */
function openColours(line: string): number[] {
  let open: number[] = [];
  for (const [, code] of line.matchAll(/\u001b\[(\d+)m/g)) {
    const n = Number(code);
    if (n === 22) open = open.filter((o) => o !== 1 && o !== 2);
    else if (n === 39) open = open.filter((o) => !(o >= 30 && o <= 37) && !(o >= 90 && o <= 97));
    else if (n === 0) open = [];
    else open.push(n);
  }
  return open;
}
