import { describe, expect, test } from 'vitest';
import { DEFAULT_VERDICTS } from '../../src/core/schema/questionnaire.js';
import { snapshotScale, verdictScale } from '../../src/core/scoring/verdict-scale.js';

// A questionnaire's verdicts as a scale: tones by place, letters, thresholds, what calls for action.

const bands = (...ids: string[]) => ids.map((id, i) => ({ id, label: id[0]!.toUpperCase() + id.slice(1), min: Math.max(0, 100 - (i + 1) * 20) }));

describe('verdictScale', () => {
  test.each([
    [
      ['substantiated', 'plausible', 'weak', 'unsubstantiated'],
      ['best', 'good', 'poor', 'worst'],
    ],
    [
      ['transparent', 'partial', 'opaque'],
      ['best', 'good', 'worst'],
    ],
    [
      ['excellent', 'good', 'fair', 'poor', 'failing'],
      ['best', 'good', 'good', 'poor', 'worst'],
    ],
    [
      ['pass', 'fail'],
      ['best', 'worst'],
    ],
  ])('%j has the tones %j', (ids, tones) => {
    const scale = verdictScale(bands(...ids));
    expect(ids.map((id) => scale.tone(id))).toEqual(tones);
    expect(ids.filter((id) => scale.needsAction(id))).toEqual(ids.filter((_, i) => tones[i] === 'poor' || tones[i] === 'worst'));
    expect(scale.tone('not-assessed')).toBeUndefined();
    expect(scale.needsAction('not-assessed')).toBe(false);
  });

  test('letters are unique, N kept for not assessed; thresholds leave out the lowest band', () => {
    const scale = verdictScale(bands('noted', 'neutral', 'negative'));
    const letters = ['noted', 'neutral', 'negative', 'not-assessed'].map(scale.letter);
    expect(new Set(letters).size).toBe(4);
    expect(scale.letter('not-assessed')).toBe('N');
    expect(verdictScale(DEFAULT_VERDICTS).thresholds).toEqual([35, 55, 75]);
    expect(['substantiated', 'plausible', 'weak', 'unsubstantiated'].map(verdictScale(DEFAULT_VERDICTS).letter)).toEqual(['S', 'P', 'W', 'U']);
  });

  test('a snapshot is scaled by the verdicts it records, else the defaults when its verdicts are theirs, else by nothing', () => {
    const head = { id: 'q', version: '1', hash: '0123456789abcdef' };
    const vendors = (verdict: string) => [{ verdict }] as never;
    expect(snapshotScale({ questionnaire: { ...head, verdicts: bands('hi', 'lo') }, vendors: vendors('lo') }).tone('lo')).toBe('worst');
    expect(snapshotScale({ questionnaire: head, vendors: vendors('weak') }).tone('weak')).toBe('poor');
    expect(snapshotScale({ questionnaire: head, vendors: vendors('opaque') }).order).toEqual([]);
  });
});
