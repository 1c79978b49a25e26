import { describe, expect, test } from 'vitest';
import { parseAmount } from '../../src/core/interview/parse-amount.js';

// Amounts in the workspace's currency, read as that currency writes them; two readings are asked about.

describe('parseAmount', () => {
  test.each([
    ['48.000', 'EUR', { ok: true, value: 48000 }],
    ['48000', 'EUR', { ok: true, value: 48000 }],
    ['48k', 'EUR', { ok: true, value: 48000 }],
    ['€48.000', 'EUR', { ok: true, value: 48000 }],
    ['48 000 EUR', 'EUR', { ok: true, value: 48000 }],
    ['1.234.567', 'EUR', { ok: true, value: 1234567 }],
    ['1.234,56', 'EUR', { ok: true, value: 1234.56 }],
    ['48,5k', 'EUR', { ok: true, value: 48500 }],
    ['40 million', 'EUR', { ok: true, value: 40000000 }],
    ['€48,000', 'EUR', { ok: 'ambiguous', readings: [48000, 48] }],
    ['48,000', 'USD', { ok: true, value: 48000 }],
    ['$48,000', 'USD', { ok: true, value: 48000 }],
    ['1,234.56', 'USD', { ok: true, value: 1234.56 }],
    ['48.000', 'USD', { ok: 'ambiguous', readings: [48000, 48] }],
  ])('%j in %s', (text, currency, expected) => {
    expect(parseAmount(text, currency)).toEqual(expected);
  });

  test.each([
    ['$48,000', 'EUR', /amounts here are in EUR/],
    ['lots', 'EUR', /amounts here are in EUR|type an amount/],
  ])('%j in %s is refused', (text, currency, message) => {
    const parsed = parseAmount(text, currency);
    expect(parsed.ok).toBe(false);
    if (parsed.ok === false) expect(parsed.message).toMatch(message);
  });
});
