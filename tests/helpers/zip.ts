import { crc32, inflateRawSync } from 'node:zlib';
import { zipParts } from '../../src/core/workbook/zip-parts.js';

// A zip file (an .xlsx) with parts added: every part unpacked and written again, stored, with the
// new ones after. Enough to make a workbook hold a macro project or an external link for a test.

export function withParts(bytes: Uint8Array, extra: Record<string, string>): Buffer {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipParts(bytes)!.map((p) => {
    const start = p.offset + 30 + view.readUInt16LE(p.offset + 26) + view.readUInt16LE(p.offset + 28);
    const raw = view.subarray(start, start + p.compressedSize);
    return { name: p.name, data: p.method === 8 ? inflateRawSync(raw) : Buffer.from(raw) };
  });
  for (const [name, text] of Object.entries(extra)) entries.push({ name, data: Buffer.from(text) });
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
