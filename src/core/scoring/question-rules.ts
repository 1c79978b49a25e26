import type { NumberBand, Option, Question } from '../schema/questionnaire.js';
import type { AnswerValue } from '../schema/vendor.js';
import { formatNumber } from './format-answer.js';

// The points a question's rule gives an answer, before any evidence adjustment, and the most
// it can give. Each result says which part of the rule applied.

export interface RulePoints {
  points: number;
  rule: string;
}

export function possiblePoints(question: Question): number {
  switch (question.type) {
    case 'boolean':
      if (question.points === undefined) return 0;
      return typeof question.points === 'number' ? question.points : Math.max(question.points.yes, question.points.no);
    case 'choice':
      return Math.max(0, ...question.options.map(optionPoints));
    case 'multi': {
      const sum = question.options.reduce((total, o) => total + optionPoints(o), 0);
      return question.cap === undefined ? sum : Math.min(sum, question.cap);
    }
    case 'number':
      return Math.max(0, ...(question.bands ?? []).map((b) => b.points));
    case 'list':
      if (!question.points) return 0;
      return 'delivery' in question.points ? question.points.delivery : question.points.cap;
    default:
      return question.points ?? 0;
  }
}

/** Points for a value of a non-list question (list questions are scored from their items); `explain` builds the rule text. */
export function rulePoints(question: Question, value: AnswerValue, explain = true): RulePoints {
  if (!explain) return { points: pointsOnly(question, value), rule: '' };
  switch (question.type) {
    case 'boolean': {
      const table = question.points === undefined ? { yes: 0, no: 0 } : typeof question.points === 'number' ? { yes: question.points, no: 0 } : question.points;
      const points = value === true ? table.yes : table.no;
      return { points, rule: `earns ${points}` };
    }
    case 'choice': {
      const option = question.options.find((o) => o.value === value);
      const points = option ? optionPoints(option) : 0;
      return { points, rule: `earns ${points}` };
    }
    case 'multi': {
      const chosen = question.options.filter((o) => Array.isArray(value) && value.includes(o.value));
      const sum = chosen.reduce((total, o) => total + optionPoints(o), 0);
      const capped = question.cap !== undefined && sum > question.cap;
      const parts = chosen.filter((o) => optionPoints(o) > 0).map((o) => `${o.label} ${optionPoints(o)}`);
      const rule = `${parts.length ? parts.join(' + ') : 'no scoring option chosen'}${capped ? `, capped at ${question.cap}` : ''}`;
      return { points: capped ? question.cap! : sum, rule };
    }
    case 'number': {
      const band = (question.bands ?? []).find((b) => inBand(value as number, b));
      if (!band) return { points: 0, rule: 'below every scoring band: 0' };
      return { points: band.points, rule: `band ${band.label ?? describeBand(band, question.unit)} earns ${band.points}` };
    }
    case 'list':
      return { points: 0, rule: 'scored from its items' };
    default: {
      const points = question.points ?? 0;
      return { points, rule: points > 0 ? `an answer earns ${points}` : 'recorded, not scored' };
    }
  }
}

/** The same points as rulePoints, without building the explanation. */
function pointsOnly(question: Question, value: AnswerValue): number {
  switch (question.type) {
    case 'boolean': {
      const p = question.points;
      if (p === undefined) return 0;
      if (typeof p === 'number') return value === true ? p : 0;
      return value === true ? p.yes : p.no;
    }
    case 'choice': {
      const option = question.options.find((o) => o.value === value);
      return option ? optionPoints(option) : 0;
    }
    case 'number': {
      const band = (question.bands ?? []).find((b) => inBand(value as number, b));
      return band ? band.points : 0;
    }
    default:
      return rulePoints(question, value, true).points;
  }
}

function optionPoints(option: Option): number {
  return option.points ?? 0;
}

function inBand(value: number, band: NumberBand): boolean {
  return (
    (band.gte === undefined || value >= band.gte) &&
    (band.gt === undefined || value > band.gt) &&
    (band.lte === undefined || value <= band.lte) &&
    (band.lt === undefined || value < band.lt)
  );
}

export function describeBand(band: NumberBand, unit: string): string {
  const parts: string[] = [];
  if (band.gte !== undefined) parts.push(`≥ ${formatNumber(band.gte)}`);
  if (band.gt !== undefined) parts.push(`> ${formatNumber(band.gt)}`);
  if (band.lte !== undefined) parts.push(`≤ ${formatNumber(band.lte)}`);
  if (band.lt !== undefined) parts.push(`< ${formatNumber(band.lt)}`);
  return parts.length ? `${parts.join(' and ')} ${unit}` : 'otherwise';
}
