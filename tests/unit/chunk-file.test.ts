import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { contentHash } from '../../src/core/digest.js';
import { ChunkReader, ChunkWriter } from '../../src/shell/chunk-file.js';
import { hashInputSync } from '../../src/shell/read-input.js';
import { tempDir } from '../helpers/run-cli.js';

// The pieces a snapshot is assembled from (chunk-file.ts), and the hash of a snapshot read a block
// at a time (read-input.ts): the same bytes, and the same hash, as whole reads give.

const temp = tempDir();
afterAll(() => temp.remove());

describe('ChunkWriter and ChunkReader', () => {
  test('each piece is found again by its byte range, multi-byte text and pieces larger than the reader’s buffer included', () => {
    const path = join(temp.dir, 'parts.txt');
    const pieces = ['plain\n', 'Ünïcode — “quotes” 😀\n', 'x'.repeat(200_000), '', '末尾\n', 'y'.repeat(70_000)];
    const writer = new ChunkWriter(path);
    const ranges = pieces.map((p) => writer.append(p));
    writer.close();
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
    expect(ranges.map((r) => r.length)).toEqual(pieces.map((p) => Buffer.byteLength(p)));
    const reader = new ChunkReader();
    try {
      // In an order other than written, as a snapshot sorted by vendor id reads them.
      for (const i of [3, 1, 5, 0, 2, 4]) expect(Buffer.from(reader.bytes(path, ranges[i]!)).toString('utf8')).toBe(pieces[i]);
    } finally {
      reader.close();
    }
  });

  test('a range past the end of its file is an error, not short bytes', () => {
    const path = join(temp.dir, 'short.txt');
    writeFileSync(path, 'abc');
    const reader = new ChunkReader();
    try {
      expect(() => reader.bytes(path, { start: 1, length: 5 })).toThrow(/ends before/);
    } finally {
      reader.close();
    }
  });
});

describe('hashInputSync', () => {
  test('the contentHash of the whole file, over many blocks', () => {
    const path = join(temp.dir, 'big.yaml');
    const text = `${'line of a snapshot — ü\n'.repeat(150_000)}end`;
    writeFileSync(path, text);
    expect(hashInputSync(path, 'big.yaml', 10_000_000)).toEqual({ ok: true, hash: contentHash(readFileSync(path)) });
  });

  test('refuses what readInput refuses: too large, a folder, a FIFO, a missing file', () => {
    const path = join(temp.dir, 'large.yaml');
    writeFileSync(path, 'x'.repeat(5000));
    const large = hashInputSync(path, 'large.yaml', 4096);
    expect(large.ok === false && large.problem.message).toMatch(/^file is too large/);
    mkdirSync(join(temp.dir, 'folder'));
    const folder = hashInputSync(join(temp.dir, 'folder'), 'folder', 4096);
    expect(folder.ok === false && folder.problem.message).toBe('is a folder, not a file');
    const fifo = join(temp.dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const pipe = hashInputSync(fifo, 'fifo', 4096);
    expect(pipe.ok === false && pipe.problem.message).toBe('is a named pipe (FIFO), not a regular file');
    const missing = hashInputSync(join(temp.dir, 'nothing.yaml'), 'nothing.yaml', 4096);
    expect(missing.ok === false && missing.problem.message).toBe('no such file');
  });
});
