import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { shorten } from '../../src/core/shorten.js';
import { barChart } from '../../src/render/svg-charts.js';
import { mdCode, mdEscape, mdFence, mdTable, mdVisible } from '../../src/render/markdown.js';

// Every string from a file reaches Markdown through src/render/markdown.ts. Rendered by a real
// Markdown renderer (marked: GFM tables, autolink literals and raw HTML, as wikis and forges render
// them), it must show as the text it is: one cell in a table, no element, no link, no image.

const render = (markdown: string): string => marked.parse(markdown, { async: false });
const renderInline = (markdown: string): string => marked.parseInline(markdown, { async: false });

/** The text of HTML that holds no element: marked's entities, and the one mdEscape writes, decoded. */
function decode(html: string): string {
  expect(html).not.toMatch(/</);
  return html.replace(/&(amp|lt|gt|quot|#39|#32);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#32': ' ' })[e]!);
}

/** Whitespace aside (a renderer trims cells and the start of a paragraph): what a reader sees. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What a file string must show as: its text on one line, controls made visible. */
const shown = (text: string) => words(mdVisible(text));

/**
 * Every element in the HTML is one of `allowed`, with no attribute but a cell's alignment: so no
 * link, image, script, frame or event handler. (Text `<` is `&lt;` in marked's output, so every `<`
 * left is an element.)
 */
function expectInert(html: string, allowed: readonly string[]): void {
  for (const [, name, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect(allowed, html).toContain(name!.toLowerCase());
    expect(attributes, html).toMatch(/^(?: align="(?:left|right|center)")?$/);
  }
  const tags = (html.match(/<[^>]*>/g) ?? []).join('');
  expect(tags).not.toMatch(/<\/?(?:a|img|script|iframe|svg|object|embed|link|style)\b|\son[a-z]+\s*=|href|src/i);
}

const TABLE = ['table', 'thead', 'tbody', 'tr', 'th', 'td'];

/** Strings written to break out: every construct a Markdown renderer acts on, and the line breaks. */
const HOSTILE = [
  '```\r<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![](http://tracker.example/p.gif) www.evil.example',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">click</a>',
  '[x](javascript:alert(1))',
  '![](http://tracker.example/p.gif)',
  '[ref][1] and [1]: http://ref.example',
  '<http://auto.example/>',
  '<mailto:a@b.example>',
  'https://evil.example/path?q=1',
  'HTTPS://EVIL.EXAMPLE',
  'ftp://files.example',
  'www.evil.example',
  'WWW.Evil.Example',
  'see evil.example.com now',
  'mail@evil.example',
  'a | b | c',
  'a \\| b',
  'lone\rcr',
  'crlf\r\nline',
  'lf\nline',
  'ls\u2028ps\u2029nel\u0085vt\u000bff\u000c',
  'esc \u001b[2J\u001b]0;title\u0007 csi \u009b nul \u0000 del \u007f',
  '# heading',
  '###### h6 ######',
  '- item',
  '+ item',
  '* item',
  '1. item',
  '2) item',
  '> quote',
  '    indented code',
  '---',
  '- - -',
  '===',
  '-',
  '+',
  '1.',
  '1)',
  ':',
  '***',
  ': definition',
  '**bold** __bold__ *em* _em_ ~~strike~~ ~sub~',
  '`code` ``code`` ```fence```',
  '&amp; &lt;b&gt; &#60;img&#62; &copy;',
  '{::nomarkdown}<b>raw</b>{:/}',
  '[^1] footnote',
  '- [ ] task',
  '$x^2$ $$math$$',
  '@mention #123',
  'trailing backslash\\',
  'trailing spaces  ',
  'Lumen Analytics SAS',
  'Cohortia Inc.',
  '👩‍👩‍👧‍👦 é 🏳️‍🌈',
];

describe('mdEscape', () => {
  test.each([
    ['Lumen Analytics SAS', 'Lumen Analytics SAS'],
    ['Cohortia Inc.', 'Cohortia Inc.'],
    ['weak → plausible', 'weak → plausible'],
    ['a|b', 'a\\|b'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![](http://t.example/p.gif)', '!\\[\\](http\\://t\\.example/p\\.gif)'],
    ['www.evil.example', 'www\\.evil\\.example'],
    ['mail@evil.example', 'mail\\@evil\\.example'],
    ['a & b', 'a \\& b'],
    ['```', '\\`\\`\\`'],
    ['lone\rcr', 'lone cr'],
    ['ls\u2028ps\u2029nel\u0085', 'ls ps nel '],
    ['\u001b[2J', '␛\\[2J'],
    ['csi\u009b', 'csi‹U+009B›'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['2026) item', '2026\\) item'],
    ['2.0.0', '2.0.0'],
    ['-5.0', '-5.0'],
    ['---', '\\---'],
    ['= = =', '\\= = ='],
    ['-', '\\-'],
    ['1.', '1\\.'],
    ['# heading', '\\# heading'],
    ['    code', '&#32;   code'],
    ['trailing\\', 'trailing\\\\'],
    ['Tag\u202Eevil\u200B', 'Tag‹U+202E›evil‹U+200B›'],
    ['Ac\u200Dme \u{1F469}\u200D\u{1F467}', 'Ac‹U+200D›me \u{1F469}\u200D\u{1F467}'],
  ])('%j → %j', (text, escaped) => {
    expect(mdEscape(text)).toBe(escaped);
  });

  test.each(HOSTILE)('%j shows as its text in a paragraph, at the start of a line and in a cell', (text) => {
    const paragraph = render(`Before ${mdEscape(text)} after`);
    expect(paragraph).toMatch(/^<p>[\s\S]*<\/p>\n$/);
    expect(words(decode(paragraph.slice(3, -5)))).toBe(words(`Before ${mdVisible(text)} after`));

    const line = render(mdEscape(text));
    if (shown(text) === '') expect(line).toBe('');
    else expect(words(decode(line.replace(/^<p>|<\/p>\n$/g, '')))).toBe(shown(text));

    const table = render(mdTable(['A', 'B', 'C'], [['x', mdEscape(text), 'y']]));
    const cells = [...table.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
    expect(cells).toHaveLength(3);
    expect(cells.map((c) => words(decode(c)))).toEqual(['x', shown(text), 'y']);
    expectInert(table, TABLE);
    expectInert(paragraph, ['p']);
  });
});

/** Characters and runs that Markdown acts on, many times more often than chance would give them. */
const markdownish = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...'`*_[]()<>|\\!#&@:/.-+=~${}^"\' \r\n\t\u2028\u2029\u0085\u0000\u001b\u009bwh1x'.split('')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'http://',
        'https://',
        'www.',
        '```',
        '<img src=x onerror=alert(1)>',
        'javascript:',
        '![](',
        '](',
        '&amp;',
        '&#60;',
        '    ',
        'a.example',
        'x@y.example',
        '<http://a.example>',
        '<script>',
        '[1]: ',
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  ),
  maxLength: 60,
});

const anyText = fc.oneof(markdownish, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

describe('any file string, through marked', () => {
  test('in a table cell: one row of the same cells, the cell holding the text, nothing live', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 4 }), (texts) => {
        const head = ['Vendor', ...texts.map((_, i) => `C${i}`), 'End'];
        const html = render(mdTable(head, [['first', ...texts.map(mdEscape), 'last']]));
        const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)];
        expect(rows).toHaveLength(2);
        const cells = [...rows[1]![1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => words(decode(m[1]!)));
        expect(cells).toEqual(['first', ...texts.map(shown), 'last']);
        expectInert(html, TABLE);
      }),
      { numRuns: 300 },
    );
  });

  test('a text of nothing but spaces, then more text: still a paragraph, not indented code', () => {
    for (const spaces of [' ', '   ', '    ', '      ']) {
      const html = render(`${mdEscape(spaces)} and x`);
      expect(html).toMatch(/^<p>[\s\S]*<\/p>\n$/);
      expect(words(decode(html.slice(3, -5)))).toBe('and x');
    }
  });

  test('in free text, at the start of a line or inside one: a paragraph of the text, no element in it', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const html = render(`${mdEscape(a)} and ${mdEscape(b)}`);
        expect(html).toMatch(/^<p>[\s\S]*<\/p>\n$/);
        expect(words(decode(html.slice(3, -5)))).toBe(words(`${mdVisible(a)} and ${mdVisible(b)}`));
      }),
      { numRuns: 300 },
    );
  });

  test('as a list item: one item of the text', () => {
    fc.assert(
      fc.property(anyText, (a) => {
        const html = render(`- ${mdEscape(a)}\n- next`);
        const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => words(decode(m[1]!)));
        expect(items).toEqual([shown(a), 'next']);
      }),
      { numRuns: 400 },
    );
  });

  test('as a code span: code of exactly the text, or escaped text where a span cannot hold it', () => {
    fc.assert(
      fc.property(anyText, (a) => {
        const inline = renderInline(`x ${mdCode(a)} y`);
        const code = /^x <code>([\s\S]*)<\/code> y$/.exec(inline);
        if (code) expect(decode(code[1]!)).toBe(mdVisible(a));
        else expect(words(decode(inline))).toBe(words(`x ${mdVisible(a)} y`));
        const cells = [...render(mdTable(['A', 'B'], [[mdCode(a), 'z']])).matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
        expect(cells).toHaveLength(2);
        expect(cells[1]).toBe('z');
        expectInert(cells[0]!, ['code']);
      }),
      { numRuns: 400 },
    );
  });

  test('in a fenced block: one code block of exactly the lines, whatever backticks they hold', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 6 }), (lines) => {
        const html = render(`${mdFence(lines)}\n\nAfter.`);
        const block = /^<pre><code>([\s\S]*?)<\/code><\/pre>\n<p>After\.<\/p>\n$/.exec(html);
        expect(block, html).not.toBeNull();
        const body = lines.map(mdVisible).join('\n');
        expect(decode(block![1]!)).toBe(body === '' && lines.length === 0 ? '' : `${body}\n`);
      }),
      { numRuns: 400 },
    );
  });
});

describe('mdFence and mdCode', () => {
  test.each([
    [['plain'], '```'],
    [['```'], '````'],
    [['a ````` b', '``'], '``````'],
    [['~~~'], '```'],
  ])('%j is fenced with %s', (lines, fence) => {
    const block = mdFence(lines);
    expect(block.startsWith(`${fence}\n`)).toBe(true);
    expect(block.endsWith(`\n${fence}`)).toBe(true);
  });

  test('a name that opens with a fence and a lone CR stays inside the block', () => {
    const name = '```\r<img src=x onerror=alert(1)> ![](http://tracker.example/p.gif)';
    const html = render(`${mdFence([`${name}  ████ 50.0 Weak`, 'Other  ███ 40.0 Weak'])}\n`);
    expect(html).toBe(
      `<pre><code>\`\`\` &lt;img src=x onerror=alert(1)&gt; ![](http://tracker.example/p.gif)  ████ 50.0 Weak\nOther  ███ 40.0 Weak\n</code></pre>\n`,
    );
  });

  test.each([
    ['q-id', '`q-id`'],
    ['a`b', '``a`b``'],
    ['`start', '`` `start ``'],
    [' both ', '`  both  `'],
    ['a|b', 'a\\|b'],
    ['', ''],
  ])('mdCode(%j) → %s', (text, code) => {
    expect(mdCode(text)).toBe(code);
  });
});

describe('SVG labels cut between graphemes', () => {
  const family = '👩‍👩‍👧‍👦';
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const graphemes = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  test.each([
    ['Lumen Analytics SAS', 30, 'Lumen Analytics SAS'],
    ['abcdefghij', 5, 'abcd…'],
    [`${family.repeat(3)} Famille Analytics Ltd`, 5, `${family.repeat(3)} …`],
    ['e\u0301'.repeat(12), 10, `${'e\u0301'.repeat(9)}…`],
    ['🇫🇷🇩🇪🇮🇹🇪🇸', 3, '🇫🇷🇩🇪…'],
    ['🏳️‍🌈 Pride 🏳️‍🌈 Media 🏳️‍🌈', 10, '🏳️‍🌈 Pride 🏳️‍🌈…'],
    ['  two\n lines\tand   spaces ', 30, 'two lines and spaces'],
  ])('shorten(%j, %i) → %j', (text, max, cut) => {
    expect(shorten(text, max)).toBe(cut);
  });

  test('any text: at most max graphemes, a grapheme prefix of the text, no lone surrogate made', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.string({ unit: 'grapheme-composite', maxLength: 60 }),
          // Printable ASCII takes a path that does not segment: it must cut as the segmenter would.
          fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
          fc.constantFrom(`${family.repeat(5)}x`, `${'🇫🇷'.repeat(20)}`),
        ),
        fc.integer({ min: 1, max: 40 }),
        (text, max) => {
          const flat = text.replace(/\s+/g, ' ').trim();
          const cut = shorten(text, max);
          const kept = graphemes(cut);
          expect(kept.length).toBeLessThanOrEqual(max);
          if (!loneSurrogate.test(flat)) expect(loneSurrogate.test(cut)).toBe(false);
          if (cut === flat) return;
          expect(kept.at(-1)).toBe('…');
          expect(kept.slice(0, -1)).toEqual(graphemes(flat).slice(0, max - 1));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a bar chart label: cut on a grapheme boundary, escaped, no U+FFFD', () => {
    const name = `${family.repeat(3)} <b>Famille</b> & Analytics Personalisation Ltd`;
    const svg = barChart([{ label: name, value: 50, tone: 'poor', note: '50.0 · Weak' }], { max: 100, title: 'Scores' }).html;
    const label = /<text[^>]*class="label">([^<]*)<\/text>/.exec(svg)![1]!;
    expect(label).toBe(`${family.repeat(3)} &lt;b&gt;Famille&lt;/b&gt; &amp; Analytic…`);
    expect(label).not.toMatch(/\uFFFD/);
    expect(loneSurrogate.test(label)).toBe(false);
    expect(svg).not.toMatch(/<b>/);
  });
});
