import { open } from 'node:fs/promises';
import { decodeSource, formatBytes, MAX_INPUT_BYTES } from '../core/yaml/source-text.js';
import type { Problem } from '../core/problem.js';

// Reads an input file as text, refusing what is too large, binary or not UTF-8 before parsing.

export type ReadResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; problem: Problem };

export async function readInput(path: string, shown: string, maxBytes = MAX_INPUT_BYTES): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, problem: { file: shown, message: 'is a folder, not a file', severity: 'error' } };
    // Checked before reading, so that a huge file costs nothing.
    if (stat.size > maxBytes) {
      return { ok: false, problem: { file: shown, message: `file is too large (${formatBytes(stat.size)}; the limit is ${formatBytes(maxBytes)})`, hint: 'split it, or check that this is the file you meant', severity: 'error' } };
    }
    const bytes = new Uint8Array(await handle.readFile());
    const decoded = decodeSource(bytes, maxBytes);
    if (!decoded.ok) return { ok: false, problem: { file: shown, message: decoded.message, hint: decoded.hint, severity: 'error' } };
    return { ok: true, text: decoded.text, bytes };
  } catch (error) {
    return { ok: false, problem: fileProblem(shown, error) };
  } finally {
    await handle.close();
  }
}

function fileProblem(file: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { file, message: 'no such file', hint: 'check the path', severity: 'error' };
  if (code === 'EACCES' || code === 'EPERM') return { file, message: 'permission denied', hint: 'check the file permissions', severity: 'error' };
  if (code === 'EISDIR') return { file, message: 'is a folder, not a file', severity: 'error' };
  return { file, message: `could not be read (${code ?? (error as Error).message})`, severity: 'error' };
}
