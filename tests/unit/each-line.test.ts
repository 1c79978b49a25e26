import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { eachLine } from '../../src/shell/each-line.js';

const dir = mkdtempSync(join(tmpdir(), 'aiclaim-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every non-empty line and its byte range, as one read of the whole file finds them. */
function expected(text: string): [string, number, number][] {
  const bytes = Buffer.from(text, 'utf8');
  const out: [string, number, number][] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const length = Buffer.byteLength(line);
    if (length > 0) out.push([line, start, start + length]);
    start += length + 1;
  }
  expect(start - 1).toBe(bytes.length);
  return out;
}

describe('reading a file line by line, a block at a time', () => {
  const texts = {
    'lines shorter and longer than a block': 'a\nbb\n\nccccccccccccccccccc\nd\n',
    'no newline at the end': 'first line\nlast line without one',
    'multi-byte characters across block edges': '€uro\n{"name":"Zürich – 東京"}\n€€€€€€€€\n',
    'only newlines': '\n\n\n',
  };
  test.each(Object.entries(texts))('%s', (name, text) => {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(path, text);
    for (const blockBytes of [1, 2, 3, 7, 64, 1024 * 1024]) {
      const seen: [string, number, number][] = [];
      eachLine(path, (line, start, end) => seen.push([line, start, end]), blockBytes);
      expect(seen, `blocks of ${blockBytes} bytes`).toEqual(expected(text));
    }
  });
});
