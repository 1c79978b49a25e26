// Turns the bytes of an input file into text, refusing what is not a text file.
import { LineCounter } from 'yaml';

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string; hint: string; line?: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSource(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): DecodeResult {
  const refused = notTextSource(bytes, maxBytes);
  if (refused) return refused;
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: 'file is not valid UTF-8 text', hint: 're-save it with UTF-8 encoding', line: firstInvalidLine(bytes) };
  }
}

/** Why decodeSource refuses bytes before it decodes them (too large, empty, UTF-16, binary), if it does. */
export function notTextSource(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): (DecodeResult & { ok: false }) | undefined {
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      message: `file is too large (${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(maxBytes)})`,
      hint: 'split it, or check that this is the file you meant',
    };
  }
  if (bytes.byteLength === 0) return { ok: false, message: 'file is empty', hint: 'add content or remove the file' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'file is UTF-16 text, not UTF-8', hint: 're-save it with UTF-8 encoding' };
  }
  if (bytes.includes(0)) {
    return { ok: false, message: 'file is binary, not YAML text', hint: 'point aiclaim at .yaml files only' };
  }
  return undefined;
}

/** The line holding the first byte that is not UTF-8: the error path only, so line by line. */
function firstInvalidLine(bytes: Uint8Array): number | undefined {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return undefined;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Line and column (1-based) of a character offset, found on demand: only errors need them. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  // The lines of the last text asked about: a file's problems are located one after another.
  if (lines?.text !== text) {
    const counter = new LineCounter();
    counter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
    lines = { text, counter };
  }
  const { line, col } = lines.counter.linePos(Math.max(0, Math.min(offset, text.length)));
  return { line, column: col };
}

let lines: { text: string; counter: LineCounter } | undefined;
