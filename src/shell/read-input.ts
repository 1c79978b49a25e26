import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { decodeSource, formatBytes, MAX_INPUT_BYTES, notTextSource, type DecodeResult } from '../core/yaml/source-text.js';
import type { Problem } from '../core/problem.js';
import { contentHashOfParts } from '../core/digest.js';

// Reads an input file as text, refusing what is too large, binary or not UTF-8 before parsing.
// Only regular files are read (after following links): a device such as /dev/zero or a FIFO is
// refused on the open file, which is opened without waiting for a writer. The size is checked
// before anything is read, so a huge file costs nothing, and again while reading, so a file that
// grows meanwhile is cut off at the limit.

/** Opening never blocks: a FIFO with no writer would otherwise hang the run before it is seen. */
export const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type ReadResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; problem: Problem };

export async function readInput(path: string, shown: string, maxBytes = MAX_INPUT_BYTES): Promise<ReadResult> {
  const read = await readInputBytes(path, shown, maxBytes);
  return read.ok ? decoded(read.bytes, shown, maxBytes) : read;
}

/** The bytes only, checked for size: for a file whose text may not be needed (a cached snapshot). */
export async function readInputBytes(
  path: string,
  shown: string,
  maxBytes = MAX_INPUT_BYTES,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: Problem }> {
  let handle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  }
  try {
    const stat = await handle.stat();
    const refused = refuse(stat, shown, maxBytes);
    if (refused) return refused;
    return readBounded(handle.fd, stat.size, shown, maxBytes);
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  } finally {
    await handle.close();
  }
}

/**
 * The contentHash of a file, checked as readInputBytes checks it but read a block at a time: for a
 * file whose text is needed only when no cache holds it (a snapshot of the whole landscape is some
 * 80 MB). Past `maxBytes`, even if it grew after its size was read, it is refused.
 */
export function hashInputSync(path: string, shown: string, maxBytes = MAX_INPUT_BYTES): { ok: true; hash: string } | Refused {
  return withRegularFile(path, shown, maxBytes, (fd) => {
    let length = 0;
    const block = new Uint8Array(HASH_BLOCK_BYTES);
    function* blocks(): Generator<Uint8Array> {
      for (let read = readSync(fd, block, 0, block.length, length); read > 0; read = readSync(fd, block, 0, block.length, length)) {
        length += read;
        if (length > maxBytes) return;
        yield block.subarray(0, read);
      }
    }
    const hash = contentHashOfParts(blocks());
    return length > maxBytes ? tooLarge(shown, length, maxBytes) : { ok: true, hash };
  });
}

const HASH_BLOCK_BYTES = 1024 * 1024;

/** The same, without yielding to the event loop: batch scoring reads thousands of files in a row. */
export function readInputSync(path: string, shown: string, maxBytes = MAX_INPUT_BYTES): ReadResult {
  return withRegularFile(path, shown, maxBytes, (fd, size) => {
    const read = readBounded(fd, size, shown, maxBytes);
    return read.ok ? decoded(read.bytes, shown, maxBytes) : read;
  });
}

type Refused = { ok: false; problem: Problem };

/** `work` on the open file, when it is a regular file of at most `maxBytes`; what is refused, or fails, as a problem. */
function withRegularFile<T>(path: string, shown: string, maxBytes: number, work: (fd: number, size: number) => T | Refused): T | Refused {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  }
  try {
    const stat = fstatSync(fd);
    return refuse(stat, shown, maxBytes) ?? work(fd, stat.size);
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  } finally {
    closeSync(fd);
  }
}

function refuse(stat: Stats, shown: string, maxBytes: number): { ok: false; problem: Problem } | undefined {
  if (stat.isDirectory()) return { ok: false, problem: { file: shown, message: 'is a folder, not a file', severity: 'error' } };
  if (!stat.isFile())
    return {
      ok: false,
      problem: {
        file: shown,
        message: `is ${specialKind(stat)}, not a regular file`,
        hint: 'give the path of a file (aiclaim reads only regular files)',
        severity: 'error',
      },
    };
  if (stat.size > maxBytes) return tooLarge(shown, stat.size, maxBytes);
  return undefined;
}

/** The bytes of an open regular file, at most `maxBytes`: refused past it, even if it grew after its size was read. */
function readBounded(fd: number, size: number, shown: string, maxBytes: number): { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem } {
  let buffer = new Uint8Array(Math.min(size, maxBytes) + 1);
  let length = 0;
  for (;;) {
    const read = readSync(fd, buffer, length, buffer.length - length, length);
    if (read === 0) return { ok: true, bytes: buffer.subarray(0, length) };
    length += read;
    if (length > maxBytes) return tooLarge(shown, length, maxBytes);
    if (length === buffer.length) buffer = grown(buffer, maxBytes);
  }
}

/** A file that grew while it was read: room for more, up to one byte past the limit. */
function grown(buffer: Uint8Array<ArrayBuffer>, maxBytes: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.min(buffer.length * 2 + 64 * 1024, maxBytes + 1));
  next.set(buffer);
  return next;
}

function tooLarge(shown: string, size: number, maxBytes: number): { ok: false; problem: Problem } {
  const at = size > maxBytes + 1 ? formatBytes(size) : `over ${formatBytes(maxBytes)}`;
  return {
    ok: false,
    problem: {
      file: shown,
      message: `file is too large (${at}; the limit is ${formatBytes(maxBytes)})`,
      hint: 'split it, or check that this is the file you meant',
      severity: 'error',
    },
  };
}

/** What a path that is not a regular file is, in words. */
export function specialKind(stat: Stats): string {
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'not a regular file';
}

export function decoded(bytes: Uint8Array, shown: string, maxBytes: number): ReadResult {
  const result = decodeSource(bytes, maxBytes);
  if (!result.ok) return { ok: false, problem: sourceProblem(shown, result) };
  return { ok: true, text: result.text, bytes };
}

/** What `decoded` would refuse the bytes for before decoding them, if anything: they may then be decoded a part at a time. */
export function refusedAsText(bytes: Uint8Array, shown: string, maxBytes: number): Problem | undefined {
  const refused = notTextSource(bytes, maxBytes);
  return refused && sourceProblem(shown, refused);
}

function sourceProblem(shown: string, refused: DecodeResult & { ok: false }): Problem {
  return { file: shown, line: refused.line, message: refused.message, hint: refused.hint, severity: 'error' };
}

function fileProblem(file: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { file, message: 'no such file', hint: 'check the path', severity: 'error' };
  if (code === 'EACCES' || code === 'EPERM') return { file, message: 'permission denied', hint: 'check the file permissions', severity: 'error' };
  if (code === 'EISDIR') return { file, message: 'is a folder, not a file', severity: 'error' };
  if (code === 'ENXIO')
    return {
      file,
      message: 'is a socket or a device with nothing behind it, not a regular file',
      hint: 'give the path of a file (aiclaim reads only regular files)',
      severity: 'error',
    };
  if (code === 'ELOOP') return { file, message: 'is a symbolic link that leads round in a circle', hint: 'point the link at a file', severity: 'error' };
  if (code === 'ENAMETOOLONG') return { file, message: 'the path is too long for the file system', hint: 'use a shorter path', severity: 'error' };
  if (code === 'ENOTDIR') return { file, message: 'a part of the path is a file, not a folder', hint: 'check the path', severity: 'error' };
  return { file, message: `could not be read (${code ?? (error as Error).message})`, severity: 'error' };
}
