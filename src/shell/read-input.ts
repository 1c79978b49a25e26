import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { decodeSource, formatBytes, MAX_INPUT_BYTES } from '../core/yaml/source-text.js';
import type { Problem } from '../core/problem.js';

// Reads an input file as text, refusing what is too large, binary or not UTF-8 before parsing.
// The size is checked on the open file before anything is read, so a huge file costs nothing.

export type ReadResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; problem: Problem };

export async function readInput(path: string, shown: string, maxBytes = MAX_INPUT_BYTES): Promise<ReadResult> {
  const read = await readInputBytes(path, shown, maxBytes);
  return read.ok ? decoded(read.bytes, shown, maxBytes) : read;
}

/** The bytes only, checked for size: for a file whose text may not be needed (a cached snapshot). */
export async function readInputBytes(path: string, shown: string, maxBytes = MAX_INPUT_BYTES): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: Problem }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  }
  try {
    const stat = await handle.stat();
    const refused = refuse(stat.isDirectory(), stat.size, shown, maxBytes);
    if (refused) return refused;
    return { ok: true, bytes: new Uint8Array(await handle.readFile()) };
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  } finally {
    await handle.close();
  }
}

/** The same, without yielding to the event loop: batch scoring reads thousands of files in a row. */
export function readInputSync(path: string, shown: string, maxBytes = MAX_INPUT_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  }
  try {
    const stat = fstatSync(fd);
    const refused = refuse(stat.isDirectory(), stat.size, shown, maxBytes);
    if (refused) return refused;
    return decoded(new Uint8Array(readFileSync(fd)), shown, maxBytes);
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  } finally {
    closeSync(fd);
  }
}

function refuse(isDirectory: boolean, size: number, shown: string, maxBytes: number): ReadResult | undefined {
  if (isDirectory) return { ok: false, problem: { file: shown, message: 'is a folder, not a file', severity: 'error' } };
  if (size > maxBytes) {
    return { ok: false, problem: { file: shown, message: `file is too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)})`, hint: 'split it, or check that this is the file you meant', severity: 'error' } };
  }
  return undefined;
}

export function decoded(bytes: Uint8Array, shown: string, maxBytes: number): ReadResult {
  const result = decodeSource(bytes, maxBytes);
  if (!result.ok) return { ok: false, problem: { file: shown, line: result.line, message: result.message, hint: result.hint, severity: 'error' } };
  return { ok: true, text: result.text, bytes };
}

function fileProblem(file: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { file, message: 'no such file', hint: 'check the path', severity: 'error' };
  if (code === 'EACCES' || code === 'EPERM') return { file, message: 'permission denied', hint: 'check the file permissions', severity: 'error' };
  if (code === 'EISDIR') return { file, message: 'is a folder, not a file', severity: 'error' };
  return { file, message: `could not be read (${code ?? (error as Error).message})`, severity: 'error' };
}
