import { parseDateAnswer, parseQuarterAnswer, suggestSlug } from '../interview/parse-answer.js';
import { comparePeriods, periodOfDate } from '../period.js';
import type { Problem } from '../problem.js';
import { MAX_NAME_LENGTH, MAX_REFERENCE_LENGTH, MAX_TEXT_LENGTH } from '../schema/limits.js';
import type { Claim, Commitment, Vendor } from '../schema/vendor.js';
import { statusWords } from './answer-sheet.js';

// The Claims and Roadmap sheets of a returned workbook, read back into the vendor's claims and
// commitments. A claim is matched by its words (trimmed), a commitment by its Id. What the sheets
// add is appended, what they change is updated; nothing on record is removed (an emptied row keeps
// its claim or commitment, and says so). A claim's assertions are never read back from the words
// the sheet shows. Pure: the grids in, the vendor, its changes and the problems (by cell) out.

/** A sheet's cells as text, its header first (spreadsheet row 1). */
export interface ListGrid {
  rows: string[][];
  /** Where a cell is, for a problem: `file.xlsx:Claims!C5`; `column` counts from 0, `row` from 1. */
  where: (column: number, row: number) => string;
}

export interface ListChange {
  /** Answers: the row of a list question that says there is nothing to list. */
  sheet: 'Claims' | 'Roadmap' | 'Answers';
  /** The spreadsheet row. */
  row: number;
  /** What changed, in words: `new claim "…"`, `consent-signal-sync: status planned → delivered in 2026-Q4`. */
  what: string;
}

export interface ListsRead {
  vendor: Vendor;
  changes: ListChange[];
  /** Claims and commitments on record the sheets left out or emptied: kept, as said here. */
  kept: string[];
  problems: Problem[];
}

const CLAIM_COLUMNS = ['text', 'source', 'date'] as const;
const ROADMAP_COLUMNS = ['id', 'title', 'promised', 'due', 'status'] as const;
const HEADERS: Record<string, RegExp> = {
  text: /^claim/i,
  source: /^where/i,
  date: /^date/i,
  id: /^id$/i,
  title: /^what was promised/i,
  promised: /^promised/i,
  due: /^due/i,
  status: /^status/i,
};

const STATUS_HINT = 'write planned, delivered in YYYY-Qn, slipped to YYYY-Qn or dropped';

export function readClaimsRoadmap(vendor: Vendor, sheets: { claims?: ListGrid | undefined; roadmap?: ListGrid | undefined }, today: string): ListsRead {
  const out: ListsRead = { vendor, changes: [], kept: [], problems: [] };
  const claims = sheets.claims ? readClaims(vendor.claims ?? [], sheets.claims, today, out) : undefined;
  const roadmap = sheets.roadmap ? readRoadmap(vendor.roadmap ?? [], sheets.roadmap, today, out) : undefined;
  const next: Vendor = { ...vendor };
  if (claims && claims.length > 0) next.claims = claims;
  if (roadmap && roadmap.length > 0) next.roadmap = roadmap;
  out.vendor = next;
  return out;
}

type Cells<K extends string> = { row: number; cell: Record<K, string>; at: (key: K) => string };

/** The rows under the header, each cell trimmed, by column key (found by header, else by position). */
function rowsOf<K extends string>(grid: ListGrid, keys: readonly K[]): Cells<K>[] {
  const header = grid.rows[0] ?? [];
  const column = new Map<K, number>();
  keys.forEach((key, i) => {
    const found = header.findIndex((h) => HEADERS[key]!.test(h.trim()));
    column.set(key, found === -1 ? i : found);
  });
  return grid.rows.slice(1).map((cells, i) => {
    const row = i + 2;
    const cell = Object.fromEntries(keys.map((k) => [k, (cells[column.get(k)!] ?? '').trim()])) as Record<K, string>;
    return { row, cell, at: (key: K) => grid.where(column.get(key)!, row) };
  });
}

function problem(out: ListsRead, file: string, message: string, hint: string): void {
  out.problems.push({ file, message, hint, severity: 'error' });
}

const quoted = (text: string) => `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;

function readClaims(onRecord: readonly Claim[], grid: ListGrid, today: string, out: ListsRead): Claim[] {
  const claims = [...onRecord];
  const byText = new Map(onRecord.map((c, i) => [c.text.trim(), i]));
  const seen = new Set<string>();
  for (const { row, cell, at } of rowsOf(grid, CLAIM_COLUMNS)) {
    if (!cell.text) {
      if (cell.source || cell.date) problem(out, at('text'), 'a claim needs its words', 'write the claim word for word in this cell, or clear the row');
      continue;
    }
    if (seen.has(cell.text)) continue;
    seen.add(cell.text);
    if (cell.text.length > MAX_TEXT_LENGTH)
      problem(out, at('text'), `is longer than ${MAX_TEXT_LENGTH} characters`, 'quote the claim itself, and give the rest by its source');
    if (cell.source.length > MAX_REFERENCE_LENGTH)
      problem(out, at('source'), `is longer than ${MAX_REFERENCE_LENGTH} characters`, 'give a web address, or a document by its title');
    const date = cell.date ? claimDate(cell.date, today) : undefined;
    if (date && !date.ok) problem(out, at('date'), date.message, 'write the date the claim was made as YYYY-MM-DD, not after today');
    const dateValue = date?.ok ? date.value : undefined;
    const index = byText.get(cell.text);
    if (index === undefined) {
      const claim: Claim = { text: cell.text };
      if (cell.source) claim.source = cell.source;
      if (dateValue) claim.date = dateValue;
      claims.push(claim);
      out.changes.push({
        sheet: 'Claims',
        row,
        what: `new claim ${quoted(cell.text)}${cell.source ? `, made at ${cell.source}` : ''}${dateValue ? ` on ${dateValue}` : ''}`,
      });
      continue;
    }
    // An empty cell keeps what is on record, as on the Answers sheet.
    const claim = { ...claims[index]! };
    const also: string[] = [];
    if (cell.source && cell.source !== (claim.source ?? '').trim()) {
      also.push(`source ${claim.source ?? '(none)'} → ${cell.source}`);
      claim.source = cell.source;
    }
    if (dateValue && dateValue !== claim.date) {
      also.push(`date ${claim.date ?? '(none)'} → ${dateValue}`);
      claim.date = dateValue;
    }
    if (also.length === 0) continue;
    claims[index] = claim;
    out.changes.push({ sheet: 'Claims', row, what: `${quoted(claim.text)}: ${also.join(', ')}` });
  }
  const rows = rowsOf(grid, CLAIM_COLUMNS);
  onRecord.forEach((claim, i) => {
    if (seen.has(claim.text.trim())) return;
    // The sheet was written with the claims on record in order, from row 2.
    const prefilled = rows[i];
    const emptied = prefilled && !prefilled.cell.text ? `Claims row ${prefilled.row} was emptied: ` : '';
    out.kept.push(`${emptied}the claim ${quoted(claim.text.trim())} is ${emptied ? '' : 'not on the Claims sheet: '}kept (a sheet does not remove a claim)`);
  });
  return claims;
}

function claimDate(text: string, today: string): { ok: true; value: string } | { ok: false; message: string } {
  const parsed = parseDateAnswer(text);
  if (!parsed.ok) return /^\d{4}-\d{2}-\d{2}$/.test(text) ? parsed : { ok: false, message: `"${text}" is not a date` };
  if (parsed.value > today) return { ok: false, message: `${parsed.value} is after today (${today})` };
  return parsed;
}

type Status = Pick<Commitment, 'status' | 'deliveredIn' | 'revisedDue'>;

function readRoadmap(onRecord: readonly Commitment[], grid: ListGrid, today: string, out: ListsRead): Commitment[] {
  const roadmap = [...onRecord];
  const byId = new Map(onRecord.map((c, i) => [c.id, i]));
  const ids = new Set(onRecord.map((c) => c.id));
  const seen = new Set<string>();
  const thisQuarter = periodOfDate(new Date(`${today}T00:00:00Z`));
  for (const { row, cell, at } of rowsOf(grid, ROADMAP_COLUMNS)) {
    const index = byId.get(cell.id);
    const existing = index === undefined ? undefined : roadmap[index]!;
    if (existing) seen.add(existing.id);
    if (!cell.title && !cell.promised && !cell.due && !cell.status) continue;
    const bad = out.problems.length;
    const quarterOf = (key: 'promised' | 'due'): string | undefined => {
      if (!cell[key]) return undefined;
      const parsed = parseQuarterAnswer(cell[key]);
      if (parsed.ok) return parsed.value;
      problem(out, at(key), `"${cell[key]}" is not a quarter`, 'write a quarter as YYYY-Qn, e.g. 2027-Q1');
      return undefined;
    };
    const promised = quarterOf('promised');
    const due = quarterOf('due');
    if (cell.title.length > MAX_NAME_LENGTH) problem(out, at('title'), `is longer than ${MAX_NAME_LENGTH} characters`, 'say what was promised in a line');
    if (!existing) {
      if (!cell.title) problem(out, at('title'), 'a new commitment needs what was promised', 'write what was promised in this cell, or clear the row');
      if (!cell.due) problem(out, at('due'), 'a new commitment needs the quarter it is due', 'write the quarter it is due as YYYY-Qn, e.g. 2027-Q2');
    }
    const dueNow = due ?? existing?.due;
    const status = cell.status ? statusOf(cell.status, dueNow, thisQuarter) : undefined;
    if (status && !status.ok) problem(out, at('status'), status.message, status.hint);
    if (out.problems.length > bad) continue;
    const newStatus = status?.ok ? status.value : undefined;
    if (!existing) {
      let id = suggestSlug(cell.title);
      for (let n = 2; ids.has(id); n++) id = `${suggestSlug(cell.title).slice(0, 60)}-${n}`;
      ids.add(id);
      const commitment: Commitment = { id, title: cell.title, ...(promised ? { promised } : {}), due: due!, ...(newStatus ?? { status: 'planned' }) };
      roadmap.push(commitment);
      out.changes.push({ sheet: 'Roadmap', row, what: `new commitment ${id}: ${quoted(cell.title)}, due ${due}, ${statusWords(commitment)}` });
      continue;
    }
    const next: Commitment = { ...existing };
    const also: string[] = [];
    if (cell.title && cell.title !== existing.title.trim()) {
      also.push(`title ${quoted(existing.title)} → ${quoted(cell.title)}`);
      next.title = cell.title;
    }
    if (promised && promised !== existing.promised) {
      also.push(`promised ${existing.promised ?? '(none)'} → ${promised}`);
      next.promised = promised;
    }
    if (due && due !== existing.due) {
      also.push(`due ${existing.due} → ${due}`);
      next.due = due;
    }
    if (newStatus && statusWords(newStatus) !== statusWords(existing)) {
      also.push(`status ${statusWords(existing)} → ${statusWords(newStatus)}`);
      // A slip on record stays with a commitment delivered or dropped later; planned again clears it.
      delete next.deliveredIn;
      if (newStatus.status === 'planned') delete next.revisedDue;
      Object.assign(next, newStatus);
    }
    if (also.length === 0) continue;
    roadmap[index!] = next;
    out.changes.push({ sheet: 'Roadmap', row, what: `${existing.id}: ${also.join(', ')}` });
  }
  for (const c of onRecord) {
    if (!seen.has(c.id)) out.kept.push(`the commitment ${c.id} is not on the Roadmap sheet: kept (a commitment is never removed; mark it dropped)`);
  }
  for (const { row, cell } of rowsOf(grid, ROADMAP_COLUMNS)) {
    if (byId.has(cell.id) && !cell.title && !cell.promised && !cell.due && !cell.status)
      out.kept.push(`Roadmap row ${row} was emptied: the commitment ${cell.id} is kept (a commitment is never removed; mark it dropped)`);
  }
  return roadmap;
}

function statusOf(text: string, due: string | undefined, thisQuarter: string): { ok: true; value: Status } | { ok: false; message: string; hint: string } {
  const words = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (words === 'planned' || words === 'dropped') return { ok: true, value: { status: words } };
  const m = /^(delivered|slipped)(?: (?:in|to))? (.+)$/.exec(words);
  if (!m) {
    if (words === 'delivered')
      return { ok: false, message: 'delivered needs the quarter it shipped', hint: `write delivered in YYYY-Qn, e.g. delivered in ${thisQuarter}` };
    if (words === 'slipped') return { ok: false, message: 'slipped needs the quarter now promised', hint: 'write slipped to YYYY-Qn, a quarter after its due' };
    return { ok: false, message: `"${text.trim()}" is not a status`, hint: STATUS_HINT };
  }
  const quarter = parseQuarterAnswer(m[2]!);
  if (!quarter.ok)
    return {
      ok: false,
      message: `"${m[2]}" is not a quarter`,
      hint: m[1] === 'delivered' ? `write delivered in YYYY-Qn, e.g. delivered in ${thisQuarter}` : 'write slipped to YYYY-Qn, a quarter after its due',
    };
  if (m[1] === 'delivered') {
    if (comparePeriods(quarter.value, thisQuarter) > 0)
      return {
        ok: false,
        message: `delivered in ${quarter.value} is after this quarter (${thisQuarter})`,
        hint: `write the quarter it shipped, ${thisQuarter} or earlier; not shipped yet: planned`,
      };
    return { ok: true, value: { status: 'delivered', deliveredIn: quarter.value } };
  }
  if (due !== undefined && comparePeriods(quarter.value, due) <= 0)
    return {
      ok: false,
      message: `slipped to ${quarter.value} is not after its due quarter (${due})`,
      hint: `a slip moves the date later: write slipped to a quarter after ${due}`,
    };
  return { ok: true, value: { status: 'slipped', revisedDue: quarter.value } };
}
