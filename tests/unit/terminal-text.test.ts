import { describe, expect, test } from 'vitest';
import { isTerminalSafe, terminalLines, terminalSafe, terminalText } from '../../src/render/terminal-text.js';

// File strings on their way to a terminal: every control, bidi and invisible character shown, the
// rest untouched, and clean text (nearly all of it) returned as it is.

const HOSTILE = 'Tag\u001b]0;pwned\u0007WISE\u001b[2J\rOVER\u202E';

describe('terminalText', () => {
  test.each([
    ['plain ASCII', 'Tagwise Ltd', 'Tagwise Ltd'],
    ['accents, CJK and emoji are text', 'Société Générale 株式会社 🚀', 'Société Générale 株式会社 🚀'],
    ['the issue’s vendor name', HOSTILE, 'Tag\\e]0;pwned\\x07WISE\\e[2J\\rOVER<U+202E>'],
    ['ESC', '\u001b', '\\e'],
    ['SGR colour from a file is shown, not obeyed', '\u001b[31mred\u001b[0m', '\\e[31mred\\e[0m'],
    ['newline inside a field', 'two\nlines', 'two\\nlines'],
    ['carriage return', 'a\rb', 'a\\rb'],
    ['tab', 'a\tb', 'a\\tb'],
    ['NUL', 'a\u0000b', 'a\\x00b'],
    ['BEL', '\u0007', '\\x07'],
    ['backspace', 'abc\bX', 'abc\\x08X'],
    ['unit separator (last C0)', '\u001f', '\\x1f'],
    ['DEL', '\u007f', '\\x7f'],
    ['C1 first (U+0080)', '\u0080', '\\x80'],
    ['C1 CSI', '\u009b2J', '\\x9b2J'],
    ['C1 OSC and ST', '\u009d0;pwned\u009c', '\\x9d0;pwned\\x9c'],
    ['C1 last (U+009F)', '\u009f', '\\x9f'],
    ['no-break space is text', 'a\u00a0b', 'a\u00a0b'],
    ['Arabic letter mark', 'a\u061cb', 'a<U+061C>b'],
    ['zero-width space', 'pay\u200bpal', 'pay<U+200B>pal'],
    ['zero-width non-joiner', '\u200c', '<U+200C>'],
    ['zero-width joiner', '\u200d', '<U+200D>'],
    ['zero-width joiner between letters', 'Ac\u200dme', 'Ac<U+200D>me'],
    ['zero-width joiner holding an emoji family together', '\u{1F469}\u200d\u{1F469}\u200d\u{1F467}', '\u{1F469}\u200d\u{1F469}\u200d\u{1F467}'],
    ['zero-width joiner after an emoji presentation selector (rainbow flag)', '\u{1F3F3}\ufe0f\u200d\u{1F308}', '\u{1F3F3}\ufe0f\u200d\u{1F308}'],
    ['zero-width joiner after an emoji, before a letter', '\u{1F469}\u200dx', '\u{1F469}<U+200D>x'],
    ['left-to-right mark', '\u200e', '<U+200E>'],
    ['right-to-left mark', '\u200f', '<U+200F>'],
    ['line separator', 'a\u2028b', 'a<U+2028>b'],
    ['paragraph separator', '\u2029', '<U+2029>'],
    ['left-to-right embedding', '\u202a', '<U+202A>'],
    ['right-to-left override', 'abc\u202edef', 'abc<U+202E>def'],
    ['pop directional formatting', '\u202c', '<U+202C>'],
    ['word joiner', '\u2060', '<U+2060>'],
    ['invisible plus', '\u2064', '<U+2064>'],
    ['left-to-right isolate', '\u2066', '<U+2066>'],
    ['pop directional isolate', '\u2069', '<U+2069>'],
    ['deprecated format control', '\u206f', '<U+206F>'],
    ['byte-order mark', '\ufeffname', '<U+FEFF>name'],
    ['reserved invisible U+2065', '\u2065', '<U+2065>'],
    [
      'the characters next to the ranges are text',
      ' ~\u00a0\u060b\u061d\u200a\u2010\u2027\u202f\u205f\u2070\ufefe',
      ' ~\u00a0\u060b\u061d\u200a\u2010\u2027\u202f\u205f\u2070\ufefe',
    ],
    ['soft hyphen is left as text', 'Tag\u00adwise', 'Tag\u00adwise'],
    ['empty', '', ''],
  ])('%s', (_, input, output) => {
    expect(terminalText(input)).toBe(output);
  });

  test('what it returns holds no control, bidi or invisible character', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    const safe = terminalText(all);
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/);
    expect(isTerminalSafe(safe)).toBe(true);
  });

  test('one character at a time: safe(a + b) is safe(a) + safe(b)', () => {
    const parts = ['flag-id', ':', 'claim\u001b[2J', '\r', 'x\u202e'];
    expect(terminalText(parts.join(''))).toBe(parts.map(terminalText).join(''));
  });

  test('clean text comes back as the very same string (the fast path)', () => {
    const clean = `${'Lumen Analytics SAS '.repeat(50)}`.trim();
    expect(terminalText(clean)).toBe(clean);
    expect(Object.is(terminalText(clean), clean)).toBe(true);
    expect(isTerminalSafe(clean)).toBe(true);
    expect(isTerminalSafe(HOSTILE)).toBe(false);
  });

  test('repeated calls give the same answer (the test regex keeps no state)', () => {
    for (let i = 0; i < 5; i++) {
      expect(terminalText(HOSTILE)).toBe('Tag\\e]0;pwned\\x07WISE\\e[2J\\rOVER<U+202E>');
      expect(terminalText('clean')).toBe('clean');
    }
  });
});

describe('terminalLines', () => {
  test('keeps the newlines between lines, shows the rest', () => {
    expect(terminalLines('error: bad \u001b[2Jname\r\nhint: fix it\u0007')).toBe('error: bad \\e[2Jname\\r\nhint: fix it\\x07');
  });

  test('clean text is returned as it is', () => {
    const text = 'line one\nline two\n';
    expect(terminalLines(text)).toBe(text);
  });
});

describe('terminalSafe', () => {
  test('every string of a plain-data model, keys included, made safe', () => {
    const model = {
      name: HOSTILE,
      score: 61.5,
      assessed: true,
      missing: null,
      none: undefined,
      flags: [{ id: 'thin-data', subject: 'claim\u001b]0;x\u0007' }],
      answers: { 'key\u202e': { value: ['a', 'b\rc', 3] } },
      byId: new Map([['id\u001b', { title: 'T\u0085' }]]),
      tags: new Set(['ok', 'bad\u200b']),
    };
    const safe = terminalSafe(model);
    expect(safe).toEqual({
      name: 'Tag\\e]0;pwned\\x07WISE\\e[2J\\rOVER<U+202E>',
      score: 61.5,
      assessed: true,
      missing: null,
      none: undefined,
      flags: [{ id: 'thin-data', subject: 'claim\\e]0;x\\x07' }],
      answers: { 'key<U+202E>': { value: ['a', 'b\\rc', 3] } },
      byId: new Map([['id\\e', { title: 'T\\x85' }]]),
      tags: new Set(['ok', 'bad<U+200B>']),
    });
    // The model itself is not touched.
    expect(model.name).toBe(HOSTILE);
    expect(model.flags[0]!.subject).toBe('claim\u001b]0;x\u0007');
    expect(Object.keys(model.answers)).toEqual(['key\u202e']);
  });

  test('a clean model comes back as the same object, all the way down', () => {
    const model = { rows: [{ name: 'Lumen', flags: [{ id: 'a' }], scores: new Map([['x', { n: 1 }]]) }], period: '2026-Q4' };
    expect(terminalSafe(model)).toBe(model);
  });

  test('only the path to an unsafe string is copied: the clean parts are shared', () => {
    const clean = { id: 'clean', sections: [{ title: 'Substance', score: 80 }] };
    const dirty = { id: 'dirty', sections: [{ title: 'Sub\u001b[2Jstance', score: 80 }], answers: { a: { value: 1 } } };
    const model = { period: '2026-Q4', vendors: [clean, dirty], questionnaire: { id: 'ai-claims' } };
    const safe = terminalSafe(model);
    expect(safe).not.toBe(model);
    expect(safe.vendors).not.toBe(model.vendors);
    expect(safe.vendors[0]).toBe(clean);
    expect(safe.questionnaire).toBe(model.questionnaire);
    expect(safe.vendors[1]).not.toBe(dirty);
    expect((safe.vendors[1] as typeof dirty).answers).toBe(dirty.answers);
    expect(safe.vendors[1]!.sections[0]!.title).toBe('Sub\\e[2Jstance');
    expect(dirty.sections[0]!.title).toBe('Sub\u001b[2Jstance');
  });

  test('strings, numbers and other values on their own', () => {
    expect(terminalSafe('a\u001bb')).toBe('a\\eb');
    expect(terminalSafe(42)).toBe(42);
    expect(terminalSafe(null)).toBe(null);
    const date = new Date(0);
    expect(terminalSafe(date)).toBe(date);
  });

  test('a null-prototype object keeps its prototype; "__proto__" from a file stays a key', () => {
    const lookup = Object.assign(Object.create(null) as Record<string, string>, { a: 'x\u0007' });
    const safe = terminalSafe(lookup);
    expect(Object.getPrototypeOf(safe)).toBe(null);
    expect(safe.a).toBe('x\\x07');
    const parsed = JSON.parse('{"__proto__": {"polluted": "yes"}, "name": "n\\u001b"}') as Record<string, unknown>;
    const out = terminalSafe(parsed);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a cycle does not loop', () => {
    const node: { name: string; self?: unknown } = { name: 'x\u001b' };
    node.self = node;
    const safe = terminalSafe(node);
    expect(safe.name).toBe('x\\e');
  });

  test('15,000 clean vendors: the same rows back, quickly', () => {
    const rows = Array.from({ length: 15_000 }, (_, i) => ({
      rank: i + 1,
      finding: {
        id: `vendor-${i}`,
        name: `Vendor ${i} SAS`,
        category: 'emailing',
        redFlags: [{ id: 'thin-data', severity: 'high', title: 'AI claims with little data' }],
        sections: { substance: { score: 50, earned: 5, possible: 10 } },
      },
      file: `vendors/vendor-${i}.yaml`,
      verdictLabel: 'Plausible',
      flags: [],
      toAsk: [{ questions: ['a', 'b'], why: 'decisive for the verdict' }],
    }));
    const started = performance.now();
    expect(terminalSafe(rows)).toBe(rows);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
