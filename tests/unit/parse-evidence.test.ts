import { describe, expect, test } from 'vitest';
import { parseEvidenceDate, parseEvidenceRef } from '../../src/core/interview/parse-evidence.js';

// Evidence is a web address a reader can open or a document named well enough to be found.

describe('parseEvidenceRef', () => {
  test.each([
    'https://vendor.example/model-card',
    'http://docs.vendor.example/a?b=1#c',
    'DPA v3, section 4',
    'contracts/dpa-2026.pdf',
    'SOC 2 Type II report (2026)',
    'Datenblatt Ü3',
  ])('%j is evidence', (text) => {
    expect(parseEvidenceRef(text)).toEqual({ ok: true, value: text });
  });

  test.each([
    ['?', /name the document/],
    ['<', /name the document/],
    ['ab', /name the document/],
    ['<img src=x>', /name the document/],
    ['https://', /a web address starts http/],
    ['https://localhost', /a web address starts http/],
    ['htp:/ garbage ###', /a web address starts http/],
    ['javascript:alert(1)', /a web address starts http/],
    ['ftp://vendor.example/file', /a web address starts http/],
    ['file:///etc/passwd', /a web address starts http/],
  ])('%j is not', (text, message) => {
    const parsed = parseEvidenceRef(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('parseEvidenceDate', () => {
  test('a document cannot bear a date after today', () => {
    expect(parseEvidenceDate('2026-11-22', '2026-11-22')).toEqual({ ok: true, value: '2026-11-22' });
    expect(parseEvidenceDate('2026-11-23', '2026-11-22')).toEqual({
      ok: false,
      message: '2026-11-23 is after today (2026-11-22): type the date the document bears',
    });
    expect(parseEvidenceDate('2026-02-30', '2026-11-22')).toEqual({ ok: false, message: '2026-02-30 is not a date on the calendar' });
  });
});
