import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { layOutText } from '../../src/render/fit-width.js';

// Prose laid out to a terminal's width: wrapped at words with the indent its kind of line wants;
// table lines and lines that fit left byte for byte.

describe('layOutText', () => {
  test('a line that fits, and a table line however wide, are left as they are', () => {
    const table = `┌${'─'.repeat(70)}┐\n│ ${'x'.repeat(68)} │\n└${'─'.repeat(70)}┘`;
    const text = `Short line.\n${table}\n  an item`;
    expect(layOutText(text, 40)).toBe(text);
  });

  test('a paragraph wraps flush left; an indented item two further; a labelled item under its text', () => {
    const paragraph = 'Verdicts: S substantiated, P plausible, W weak, U unsubstantiated, N not assessed.';
    const item = '  answer changed: ml-team, metric-defined, independent-validation (-5 question points)';
    const labelled = '  raised   critical marketed-not-built: Marketing sells what is not built';
    const out = layOutText([paragraph, item, labelled].join('\n'), 40).split('\n');
    for (const line of out) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
    expect(out).toEqual([
      'Verdicts: S substantiated, P plausible,',
      'W weak, U unsubstantiated, N not',
      'assessed.',
      '  answer changed: ml-team,',
      '    metric-defined,',
      '    independent-validation (-5 question',
      '    points)',
      '  raised   critical marketed-not-built:',
      '           Marketing sells what is not',
      '           built',
    ]);
  });

  test('no word is lost or split, and colour is closed at each break', () => {
    const line = `\u001b[33m${'the scores were given by different questionnaires '.repeat(3).trim()}\u001b[39m`;
    const out = layOutText(line, 30).split('\n');
    expect(out.length).toBeGreaterThan(3);
    expect(
      out
        .join(' ')
        .replace(/\u001b\[\d+m/g, '')
        .split(/\s+/),
    ).toEqual(line.replace(/\u001b\[\d+m/g, '').split(/\s+/));
    for (const row of out) {
      expect(row.startsWith('\u001b[33m')).toBe(true);
      expect(row.endsWith('\u001b[39m')).toBe(true);
    }
  });
});
