import type { ChalkInstance } from 'chalk';
import type { Severity } from '../core/schema/questionnaire.js';
import type { Tone } from '../core/scoring/verdict-scale.js';

/** The colours renderers use; a chalk instance at level 0 renders plain text. */
export type Style = Pick<ChalkInstance, 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'gray'>;

/** A verdict's colour by its place on the questionnaire's scale (verdict-scale.ts), never by its name. */
export function verdictStyle(style: Style, tone: Tone | undefined): (text: string) => string {
  switch (tone) {
    case 'best':
      return style.green;
    case 'good':
      return style.cyan;
    case 'poor':
      return style.yellow;
    case 'worst':
      return style.red;
    default:
      return (text) => text;
  }
}

export function severityStyle(style: Style, severity: Severity): (text: string) => string {
  return severity === 'critical' ? style.red.bold : severity === 'high' ? style.red : severity === 'medium' ? style.yellow : style.dim;
}

export const pct = (n: number | null): string => (n === null ? '—' : `${Math.round(n * 100)}%`);

export const score1 = (n: number | null): string => (n === null ? '—' : n.toFixed(1));

/** One formatter per currency: making one costs far more than formatting an amount with it. */
const formats = new Map<string, Intl.NumberFormat>();

export function money(amount: number | undefined, currency: string | undefined): string {
  if (amount === undefined || currency === undefined) return '—';
  let format = formats.get(currency);
  if (!format) formats.set(currency, (format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })));
  return format.format(amount);
}

/** 12.5 → "12.5", 12 → "12": points read best without trailing zeros. */
export const points = (n: number): string => String(Math.round(n * 100) / 100);
