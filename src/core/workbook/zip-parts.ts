import { inflateRawSync } from 'node:zlib';

// The parts of a zip file (an .xlsx is one), read from its central directory without unpacking
// anything: their names, and sizes as the directory states them. Enough to refuse a workbook by
// what it holds (macros, external links, a part that would unpack to gigabytes) before a
// spreadsheet library parses it, and to read one small part (`partText`).

export interface ZipPart {
  name: string;
  /** Compression method: 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Where the part's local header starts. */
  offset: number;
  /** Where its central directory entry starts. */
  entry: number;
}

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The parts listed in the central directory, or undefined when the bytes are not a zip file. */
export function zipParts(bytes: Uint8Array): ZipPart[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22 || view.getUint32(0, true) !== LOCAL_SIGNATURE) return undefined;
  // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end === -1) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const parts: ZipPart[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== ENTRY_SIGNATURE) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    parts.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      entry: at,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** One part's text, when it is stored or deflated and unpacks to at most `maxBytes`; else undefined. */
export function partText(bytes: Uint8Array, part: ZipPart, maxBytes: number): string | undefined {
  if (part.size > maxBytes) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (part.offset + 30 > bytes.byteLength || view.getUint32(part.offset, true) !== LOCAL_SIGNATURE) return undefined;
  const start = part.offset + 30 + view.getUint16(part.offset + 26, true) + view.getUint16(part.offset + 28, true);
  const data = bytes.subarray(start, start + part.compressedSize);
  try {
    if (part.method === 0) return new TextDecoder().decode(data);
    if (part.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes }).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Whether a file's bytes are a workbook aiclaim wrote as an answer sheet, so that a re-export may
 * replace it: its strings hold the format name of the About sheet ("aiclaim answer sheet").
 */
export function isAnswerWorkbook(bytes: Uint8Array): boolean {
  return workbookHolds(bytes, 'aiclaim answer sheet');
}

/** The format name of the About sheet of the stack's workbook (`aiclaim stack -f xlsx`). */
export const STACK_WORKBOOK_FORMAT = 'aiclaim stack export';

/** Whether a file's bytes are the stack's workbook as aiclaim wrote it, so that a re-export may replace it. */
export function isStackWorkbook(bytes: Uint8Array): boolean {
  return workbookHolds(bytes, STACK_WORKBOOK_FORMAT);
}

/** Whether a cell of the workbook (a shared string or an inline one) is exactly this text. */
function workbookHolds(bytes: Uint8Array, text: string): boolean {
  const parts = zipParts(bytes);
  if (!parts) return false;
  return parts.some(
    (p) =>
      (p.name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name)) &&
      (partText(bytes, p, 50 * 1024 * 1024) ?? '').includes(`>${text}<`),
  );
}

/**
 * The zip with every part's modification time set to `date` (in the local and the central
 * headers), so that the same workbook is the same bytes whenever it is written: a zip writer
 * stamps each part with the time of writing. Returns the bytes as they were when they are not a zip.
 */
export function withPartDates(bytes: Uint8Array, date: Date): Uint8Array {
  const parts = zipParts(bytes);
  if (!parts) return bytes;
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
  // MS-DOS time and date, as zip headers keep them (two-second steps, from 1980).
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  for (const p of parts) {
    view.setUint16(p.entry + 12, time, true);
    view.setUint16(p.entry + 14, day, true);
    if (p.offset + 30 <= copy.byteLength && view.getUint32(p.offset, true) === LOCAL_SIGNATURE) {
      view.setUint16(p.offset + 10, time, true);
      view.setUint16(p.offset + 12, day, true);
    }
  }
  return copy;
}
