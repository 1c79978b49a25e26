import { closeSync, fstatSync, lstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { isAnswerWorkbook, isStackWorkbook } from '../core/workbook/zip-parts.js';
import { READ_FLAGS, specialKind } from './read-input.js';
import { UserError } from './user-error.js';
import { SETTINGS_FILE } from './workspace.js';

// Where `--out` may write. A path that does not exist yet, or holds what aiclaim wrote there for
// this very purpose (the report it replaces, the CSV it replaces, a snapshot, the stack's CSV or
// workbook), is written. A path that holds anything else (a past quarter's snapshot named by a
// report, the settings, a vendor file, an interview draft, a questionnaire, a file aiclaim did not
// write) is kept unless `--force`. A folder, a device, a FIFO or a socket is never replaced, with
// or without it.

export type OutputPurpose = 'report' | 'csv' | 'snapshot' | 'answer-sheet' | 'stack-export';

const PURPOSE: Record<OutputPurpose, string> = {
  report: 'a report',
  csv: 'a CSV export',
  snapshot: 'a findings snapshot',
  'answer-sheet': 'an answer sheet',
  'stack-export': "the stack's figures",
};

/** The file a folder given as `--out` could be given as instead. */
const EXAMPLE_NAME: Record<OutputPurpose, string> = {
  report: 'report.html',
  csv: 'findings.csv',
  snapshot: 'findings.yaml',
  'answer-sheet': 'ai-claims.csv',
  'stack-export': 'stack.xlsx',
};

/** The workbooks aiclaim tells apart by a marker cell, for the purposes that write one. */
const WORKBOOK_OF: Partial<Record<OutputPurpose, (bytes: Uint8Array) => boolean>> = { 'answer-sheet': isAnswerWorkbook, 'stack-export': isStackWorkbook };

/** The kinds of file aiclaim tells apart by their first bytes. */
type FileKind = 'empty' | 'report' | 'csv' | 'answer-sheet' | 'stack-export' | 'snapshot' | 'settings' | 'vendor' | 'draft' | 'questionnaire' | 'other';

const KIND_WORDS: Record<Exclude<FileKind, 'empty'>, string> = {
  report: 'an aiclaim report',
  csv: 'an aiclaim CSV export',
  'answer-sheet': 'an aiclaim answer sheet',
  'stack-export': "aiclaim's export of the stack's figures",
  snapshot: 'a findings snapshot',
  settings: 'the workspace settings',
  vendor: 'a vendor file',
  draft: 'an unfinished interview',
  questionnaire: 'a questionnaire',
  other: 'a file aiclaim did not write',
};

const HEAD_BYTES = 64 * 1024;

/** What a file's first bytes say it is (pure: the name matters only for the settings). */
function fileKind(name: string, head: string): FileKind {
  if (head.length === 0) return 'empty';
  const schema = /^schema:[ \t]*["']?aiclaim\/(findings|settings|vendor|draft|questionnaire)@/m.exec(head)?.[1];
  if (name === SETTINGS_FILE || schema === 'settings') return 'settings';
  if (schema === 'findings') return 'snapshot';
  if (schema) return schema as FileKind;
  if (/^<!doctype html>\s*<html[^>]*>\s*<head>[\s\S]*?(<meta name="generator" content="aiclaim"|<title>AI claims audit · \d{4}-Q[1-4]<\/title>)/i.test(head))
    return 'report';
  if (/^# AI claims audit · \d{4}-Q[1-4]\r?\n/.test(head)) return 'report';
  if (/^\uFEFF?"?aiclaim answer sheet"?[,;]/.test(head)) return 'answer-sheet';
  if (/^(period,rank,vendor_id,vendor,|section,question_id,question,max_points)/.test(head)) return 'csv';
  if (/^quarter,section,item,measure,value,unit,source\r?\n/.test(head)) return 'stack-export';
  return 'other';
}

/**
 * Checks the path `--out` names before anything is computed or locked, and returns the path to
 * write (the file a link points at). Refusals are one line with what to do, exit 2.
 */
export function checkOutputTarget(path: string, shown: string, purpose: OutputPurpose, force: boolean, period?: string): string {
  let link;
  try {
    link = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
  let real = path;
  if (link.isSymbolicLink()) {
    try {
      real = realpathSync(path);
    } catch {
      throw new UserError(`${shown} is a link to nothing`, { hint: 'point the link at a file, or give another --out' });
    }
  }
  const stat = statSync(real);
  if (stat.isDirectory())
    throw new UserError(`${shown} is a folder`, {
      hint: `give the path of a file to write, e.g. ${shown.replace(/\/?$/, '/')}${EXAMPLE_NAME[purpose]}`,
    });
  if (!stat.isFile())
    throw new UserError(`${shown} is ${specialKind(stat)}: aiclaim writes only regular files and leaves it as it is`, {
      hint: purpose === 'snapshot' ? 'give the path of a file' : 'leave out --out to write to standard output, and redirect that',
    });
  const text = head(real);
  const kind = fileKind(basename(real), text);
  if (force || kind === 'empty') return real;
  const isOwnWorkbook = WORKBOOK_OF[purpose];
  if (isOwnWorkbook && kind === 'other' && text.startsWith('PK\x03\x04') && stat.size <= 20 * 1024 * 1024 && isOwnWorkbook(readFileSync(real))) return real;
  if (kind === purpose) {
    // A snapshot is replaced by the same quarter's only: another quarter's is kept.
    const held = /^period:[ \t]*["']?(\d{4}-Q[1-4])/m.exec(text)?.[1];
    if (purpose !== 'snapshot' || period === undefined || held === period) return real;
    throw new UserError(`${shown} holds the findings of ${held ?? 'another quarter'}, and --out would replace them with ${period}'s`, {
      hint: 'choose another --out, or pass --force to replace it',
    });
  }
  throw new UserError(`${shown} holds ${KIND_WORDS[kind]}, and --out would replace it with ${PURPOSE[purpose]}`, {
    hint: 'choose another --out, or pass --force to replace it',
  });
}

function head(path: string): string {
  const fd = openSync(path, READ_FLAGS);
  try {
    if (!fstatSync(fd).isFile()) return '';
    const bytes = Buffer.alloc(HEAD_BYTES);
    const length = readSync(fd, bytes, 0, HEAD_BYTES, 0);
    return bytes.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
