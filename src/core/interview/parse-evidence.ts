import type { Parsed } from './parse-answer.js';
import { parseDateAnswer } from './parse-answer.js';

// Evidence as an interviewer types it: a web address a reader can open, or a document named well
// enough to be found (a path, a title). What is neither (`?`, `<`, `https://`, `htp:/ x`,
// `javascript:…`) is not evidence, and would earn points if it were recorded as such.

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const MEANINGFUL = /[\p{L}\p{N}]/gu;

export function parseEvidenceRef(text: string): Parsed<string> {
  const ref = text.trim();
  if (SCHEME.test(ref) || ref.includes('://')) {
    let url: URL | undefined;
    try {
      url = new URL(ref);
    } catch {
      url = undefined;
    }
    const webAddress = url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:') && /^[^.\s]+(\.[^.\s]+)+$/.test(url.hostname);
    if (!webAddress)
      return { ok: false, message: 'a web address starts http:// or https:// and names a site (https://vendor.example/model-card); or name the document' };
    return { ok: true, value: ref };
  }
  if (/[<>]/.test(ref) || (ref.match(MEANINGFUL)?.length ?? 0) < 3) {
    return { ok: false, message: 'name the document so that it can be found (e.g. "DPA v3, section 4" or contracts/dpa-2026.pdf), or give its web address' };
  }
  return { ok: true, value: ref };
}

/** The date a document bears: a real date, and not after today. */
export function parseEvidenceDate(text: string, today: string): Parsed<string> {
  const parsed = parseDateAnswer(text);
  if (!parsed.ok) return parsed;
  if (parsed.value > today) return { ok: false, message: `${parsed.value} is after today (${today}): type the date the document bears` };
  return parsed;
}
